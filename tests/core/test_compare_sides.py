"""core.files.compare: one choice changed with the builder's checks, what differs, a fair start."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from playground.core.data import datasets
from playground.core.errors import Invalid
from playground.core.files import compare as cmp
from playground.core.files.project import Project
from playground.core.nn.spec import LayerSpec, TrainConfig
from playground.core.nn.trainer import Trainer


def project(hidden=((4, "tanh"), (2, "tanh")), n=100, **config) -> Project:
    data = datasets.generate("xor", n, 0.0, 0, 2, 0.5)
    return Project(data, tuple(LayerSpec(u, a) for u, a in hidden), TrainConfig(**config))


def trained(p: Project, epochs: int = 3) -> Project:
    """p with the weights and run of a few epochs of training (as the session saves it)."""
    t = Trainer(p.spec(), p.data, p.config)
    t.train_epochs(epochs)
    return replace(p, params=tuple(t.network.get_params()), run=t.run_state())


def test_each_choice_changes_that_choice_only():
    p = project()
    b = cmp.with_choice(p, "activation", "linear")
    assert [h.activation for h in b.hidden] == ["linear", "linear"]
    assert [h.units for h in b.hidden] == [4, 2] and b.config == p.config
    assert cmp.with_choice(p, "learning_rate", 3).config.learning_rate == 3.0
    assert cmp.with_choice(p, "initializer", "zeros").config.initializer == "zeros"
    deeper = cmp.with_choice(p, "depth", 5)
    assert [h.units for h in deeper.hidden] == [4, 2, 2, 2, 2]  # new layers copy the last
    assert cmp.with_choice(p, "depth", 1).hidden == (LayerSpec(4, "tanh"),)
    assert cmp.with_choice(project(hidden=()), "depth", 2).hidden == (cmp.NEW_LAYER,) * 2
    for choice in cmp.CHOICES:
        assert (
            cmp.differences(p, cmp.with_choice(p, choice, cmp.default_value(p, choice)))[0][0]
            == choice
        )


def test_an_activation_change_drops_the_old_parameter():
    p = project(hidden=((4, "leaky_relu"),))
    p = replace(p, hidden=(LayerSpec(4, "leaky_relu", 0.2),))
    assert cmp.with_choice(p, "activation", "tanh").hidden == (LayerSpec(4, "tanh"),)


@pytest.mark.parametrize(
    "choice, value, field, words",
    [
        (
            "activation",
            "sigmoidx",
            "activation",
            "unknown activation 'sigmoidx'; choose from linear",
        ),
        ("activation", "softmax", "hidden[0].activation", "unknown hidden activation"),
        ("activation", 3, "activation", "unknown activation 3"),
        ("learning_rate", 0, "learning_rate", "positive number up to 1000, got 0"),
        ("learning_rate", 5000, "learning_rate", "positive number up to 1000, got 5000"),
        ("learning_rate", "abc", "learning_rate", "must be a finite number, got 'abc'"),
        ("learning_rate", float("nan"), "learning_rate", "must be a finite number"),
        ("initializer", "xavier", "initializer", "unknown name 'xavier'; choose from zeros"),
        ("depth", 11, "hidden", "must be 0..10, got 11"),
        ("depth", -1, "hidden", "must be 0..10, got -1"),
        ("depth", 2.5, "hidden", "must be a whole number, got 2.5"),
        ("width", 3, "choice", "choose from activation, learning_rate, initializer, depth"),
    ],
)
def test_a_bad_value_names_the_field_and_the_allowed_values(choice, value, field, words):
    with pytest.raises(Invalid) as err:
        cmp.with_choice(project(), choice, value)
    assert err.value.field == field and words in err.value.text()


def test_no_activation_to_change_without_hidden_layers():
    with pytest.raises(Invalid) as err:
        cmp.with_choice(project(hidden=()), "activation", "tanh")
    assert (err.value.field, err.value.code) == ("hidden", "no_hidden_layer")
    assert cmp.default_choice(project(hidden=())) == "depth"
    assert cmp.default_choice(project()) == "activation"


def test_values_and_defaults():
    p = project(hidden=((4, "relu"), (2, "tanh")), learning_rate=0.03)
    assert cmp.value_of(p, "activation") == "relu, tanh"
    assert cmp.value_of(p, "depth") == 2
    assert cmp.default_value(p, "activation") == "linear"
    assert cmp.default_value(cmp.with_choice(p, "activation", "linear"), "activation") == "tanh"
    assert cmp.default_value(p, "learning_rate") == 3.0
    assert cmp.default_value(cmp.with_choice(p, "learning_rate", 3), "learning_rate") == 0.03
    assert cmp.default_value(p, "initializer") == "zeros"
    assert cmp.default_value(p, "depth") == 6
    assert cmp.differences(p, p) == []
    b = cmp.with_choice(cmp.with_choice(p, "learning_rate", 1), "initializer", "he")
    assert cmp.differences(p, b) == [("learning_rate", 0.03, 1.0), ("initializer", "glorot", "he")]
    assert cmp.differences(p, cmp.with_choice(p, "depth", 0)) == [("depth", 2, 0)]


def test_fair_start_uses_the_initial_weights_of_a_trained_a_for_both():
    a = trained(project())
    b = cmp.with_choice(a, "activation", "linear")
    a0, b0 = cmp.fair_start(a, b)
    assert a0.run is None and b0.run is None
    for (w, c), (w0, c0), (wb, cb) in zip(a.run.initial, a0.params, b0.params, strict=True):
        assert np.array_equal(w, w0) and np.array_equal(c, c0)
        assert np.array_equal(w, wb) and np.array_equal(c, cb)
    assert not np.array_equal(a.params[0][0], a0.params[0][0])  # the trained ones set aside
    assert [h.activation for h in b0.hidden] == ["linear", "linear"]


def test_fair_start_draws_other_shapes_or_initializers_from_the_shared_seed():
    a = trained(project(seed=7))
    for choice, value in (("initializer", "he"), ("depth", 3)):
        _a0, b0 = cmp.fair_start(a, cmp.with_choice(a, choice, value))
        assert b0.params is None and b0.config.seed == 7
    untrained = project()
    a0, b0 = cmp.fair_start(untrained, cmp.with_choice(untrained, "learning_rate", 3))
    assert a0.params is None and b0.params is None  # both drawn: the same seed, the same net
    ta = Trainer(a0.spec(), a0.data, a0.config)
    tb = Trainer(b0.spec(), b0.data, b0.config)
    assert np.array_equal(ta.network.theta, tb.network.theta)


def test_fair_start_puts_b_on_a_s_points_seed_and_view():
    a = project(n=100, seed=3)
    other = replace(
        project(n=60, seed=9, learning_rate=1.0),
        data=datasets.generate("circle", 60, 0.1, 5, 2, 0.5),
    )
    a0, b0 = cmp.fair_start(a, other)
    assert b0.data is a.data and b0.config.seed == 3 and b0.view == a.view
    assert b0.config.learning_rate == 1.0


def test_fair_start_refuses_a_b_that_does_not_fit_a_s_points():
    a = project()
    b = replace(project(), output="softmax")
    with pytest.raises(Invalid) as err:
        cmp.fair_start(a, b)
    assert err.value.field == "output"
