"""Compare two networks that differ in one choice: build side B from side A, say what differs,
and start both from the same place.

A choice is one of CHOICES: the activation of every hidden layer, the learning rate, the
weight initializer, or the depth (number of hidden layers). `with_choice` applies a value with
the checks the network builder's edits go through (LayerSpec, TrainConfig, Project.spec()), so a
bad value raises Invalid naming the field and the allowed values.

Fair start (`fair_start`): both sides train on A's points with A's seed and A's view settings,
from step 0 and an empty history. A starts from the initial weights of its current run (what
Reset returns to) — the weights it trained to are set aside — or, never trained, from the
weights it carries, or else from its initializer and seed. B starts from its own initial weights
in the same way if it carries any; otherwise, when its layer shapes and initializer equal A's
(the choice was the activation or the learning rate), from A's start weights, so the two runs
differ in that choice alone; otherwise its initializer draws them from the shared seed.
"""

from __future__ import annotations

from dataclasses import replace

from playground.core import limits, validate
from playground.core.errors import Invalid
from playground.core.files.project import Project
from playground.core.files.weights import shapes
from playground.core.nn.spec import LayerSpec

CHOICES = ("activation", "learning_rate", "initializer", "depth")
NEW_LAYER = LayerSpec(4, "tanh")  # a layer added to a network that has none (depth)


def value_of(project: Project, choice: str) -> str | float | int:
    """A's value of a choice: the hidden activation ("tanh"; "relu, tanh" when they differ;
    "" without hidden layers), the learning rate, the initializer name, or the depth."""
    _check_choice(choice)
    if choice == "activation":
        return ", ".join(dict.fromkeys(layer.activation for layer in project.hidden))
    if choice == "learning_rate":
        return project.config.learning_rate
    if choice == "initializer":
        return project.config.initializer
    return len(project.hidden)


def with_choice(project: Project, choice: str, value) -> Project:
    """The project with one choice changed (weights and run dropped). Raises Invalid naming the
    field: an unknown choice, activation or initializer, a learning rate outside (0, 1000], a
    depth outside 0..10, or a network that no longer fits the data."""
    _check_choice(choice)
    p = replace(project, params=None, run=None)
    if choice == "activation":
        if not p.hidden:
            raise Invalid("hidden", "no_hidden_layer")
        hidden = tuple(LayerSpec(layer.units, value) for layer in p.hidden)
        changed = replace(p, hidden=hidden)
    elif choice == "learning_rate":
        changed = replace(p, config=replace(p.config, learning_rate=value))
    elif choice == "initializer":
        changed = replace(p, config=replace(p.config, initializer=value))
    else:
        depth = validate.integer(value, "hidden", 0, limits.MAX_HIDDEN_LAYERS)
        last = p.hidden[-1] if p.hidden else NEW_LAYER
        changed = replace(p, hidden=p.hidden[:depth] + (last,) * (depth - len(p.hidden)))
    changed.spec()  # the network still fits the data (output head, loss, inputs)
    return changed


def default_choice(project: Project) -> str:
    """What the chooser starts with: the activation, or the depth for a network without
    hidden layers (whose activation there is nothing to change)."""
    return "activation" if project.hidden else "depth"


def default_value(project: Project, choice: str) -> str | float | int:
    """B's value when the chooser switches to a choice: linear (tanh if A is all linear), a
    learning rate of 3 (0.03 if A's is 1 or more), zero initialization (Glorot if A's is
    zeros), six hidden layers (two if A has six or more)."""
    a = value_of(project, choice)
    if choice == "activation":
        return "tanh" if a == "linear" else "linear"
    if choice == "learning_rate":
        return 0.03 if a >= 1.0 else 3.0
    if choice == "initializer":
        return "glorot" if a == "zeros" else "zeros"
    return 2 if a >= 6 else 6


def differences(a: Project, b: Project) -> list[tuple[str, object, object]]:
    """(choice, A's value, B's value) for every choice in which the two differ (a network
    without hidden layers has no activation to differ in: the depth says it)."""
    found = []
    for choice in CHOICES:
        va, vb = value_of(a, choice), value_of(b, choice)
        if va != vb and not (choice == "activation" and "" in (va, vb)):
            found.append((choice, va, vb))
    return found


def fair_start(a: Project, b: Project) -> tuple[Project, Project]:
    """Both sides at step 0 on A's points, seed and view settings (see the module docstring).
    Raises Invalid when B's network does not fit A's points."""
    start_a = initial_weights(a)
    a0 = replace(a, params=start_a, run=None)
    b_on_a = replace(
        b,
        data=a.data,
        dataset=a.dataset,
        view=a.view,
        params=None,
        run=None,
        config=replace(b.config, seed=a.config.seed),
    )
    spec_b = b_on_a.spec()
    start_b = initial_weights(b)
    if start_b is not None and shapes(spec_b) != [(w.shape, c.shape) for w, c in start_b]:
        start_b = None  # B's own weights were for other points (another number of inputs)
    if (
        start_b is None
        and start_a is not None
        and shapes(spec_b) == shapes(a.spec())
        and b.config.initializer == a.config.initializer
    ):
        start_b = start_a
    return a0, replace(b_on_a, params=start_b)


def initial_weights(project: Project) -> tuple | None:
    """The weights a project's run started from; its weights if it has no run; else None (its
    initializer and seed draw them)."""
    if project.run is not None:
        return project.run.initial
    return project.params


def _check_choice(choice: str) -> None:
    validate.choice(choice, CHOICES, "choice")
