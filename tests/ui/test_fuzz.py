"""Fuzz: hundreds of random user actions through the window's widgets while training runs.

Passes only with zero exceptions (pytest-qt fails on exceptions raised in Qt callbacks), zero Qt
warnings, no internal worker error, and a final snapshot that matches the session's project.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QApplication

from playground.core.limits import MAX_HIDDEN_LAYERS
from playground.core.nn import activations
from playground.core.nn.spec import LayerSpec
from playground.ui.window.main_window import MainWindow

N_ACTIONS = 520
ACTS = activations.names()
DATASETS = [
    ("xor", 2),
    ("circle", 2),
    ("spiral", 3),
    ("blobs", 4),
    ("sine", 2),
    ("plane", 2),
    ("iris", 2),
    ("moons", 2),
]


def random_layer(rng) -> LayerSpec:
    act = ACTS[rng.integers(len(ACTS))]
    param = float(rng.uniform(0.01, 0.5)) if activations.get(act).param_name else None
    return LayerSpec(int(rng.integers(1, 9)), act, param)


def hidden_edit(rng, hidden: tuple) -> tuple:
    layers = list(hidden)
    kind = rng.integers(4)
    if kind == 0 and len(layers) < MAX_HIDDEN_LAYERS:
        layers.insert(int(rng.integers(len(layers) + 1)), random_layer(rng))
    elif kind == 1 and layers:
        layers.pop(int(rng.integers(len(layers))))
    elif kind == 2 and len(layers) > 1:
        i = int(rng.integers(len(layers) - 1))
        layers[i], layers[i + 1] = layers[i + 1], layers[i]
    elif layers:
        layers[int(rng.integers(len(layers)))] = random_layer(rng)
    return tuple(layers)


def test_random_user_actions_while_training(qtbot, make_session, no_qt_warnings):
    rng = np.random.default_rng(1234)
    w = MainWindow(make_session(res=16), interactive=False, remember=False)
    qtbot.addWidget(w)
    w.show()
    s = w.session
    errors = []
    s.message.connect(lambda text: errors.append(text) if "internal error" in text else None)
    b, c, d, canvas = w.builder, w.controls, w.data_panel, w.canvas

    def plane():
        return float(rng.uniform(-6, 6)), float(rng.uniform(-6, 6))

    actions = [
        lambda: b.hiddenChanged.emit(hidden_edit(rng, s.project.hidden)),
        lambda: b.outputChanged.emit(
            [None, "sigmoid", "softmax", "linear", "tanh"][rng.integers(5)]
        ),
        lambda: b.featuresChanged.emit(
            tuple(f for f in ("x1", "x2", "x1sq", "x1x2", "sinx1") if rng.random() < 0.6) or ("x1",)
        ),
        lambda: b.layerSelected.emit(int(rng.integers(0, 4))),
        lambda: b.initializerChanged.emit(["glorot", "he", "normal", "zeros"][rng.integers(4)]),
        lambda: c.configEdited.emit({"learning_rate": float(10 ** rng.uniform(-4, 1.2))}),
        lambda: c.configEdited.emit(
            {
                "optimizer": ["sgd", "momentum", "adam"][rng.integers(3)],
                "batch_size": int(rng.integers(1, 60)),
            }
        ),
        lambda: c.configEdited.emit(
            {
                "regularization": ["none", "l1", "l2"][rng.integers(3)],
                "reg_rate": float(rng.choice([0.0, 0.001, 0.1])),
            }
        ),
        lambda: c.speedChanged.emit(float(rng.choice([0, 1, 5, 50]))),
        lambda: c.stopRulesChanged.emit(
            (
                int(rng.integers(1, 50)) if rng.random() < 0.3 else None,
                0.05 if rng.random() < 0.2 else None,
            )
        ),
        lambda: c.playToggled.emit(),
        lambda: c.playToggled.emit(),
        lambda: c.stepRequested.emit(),
        lambda: c.resetRequested.emit(),
        lambda: c.reinitRequested.emit(),
        lambda: canvas.addRequested.emit(*plane()),
        lambda: canvas.addRequested.emit(*plane()),
        lambda: canvas.removeRequested.emit(int(rng.integers(-1, s.project.data.n + 1))),
        lambda: canvas.moveRequested.emit(int(rng.integers(0, max(1, s.project.data.n))), *plane()),
        lambda: d.classChanged.emit(int(rng.integers(0, 6))),
        lambda: d.regenerateRequested.emit(
            dict(
                zip(("name", "classes"), DATASETS[rng.integers(len(DATASETS))], strict=True),
                n=int(rng.integers(20, 300)),
                noise=float(rng.uniform(0, 0.5)),
                test_fraction=0.3,
                seed=int(rng.integers(5)),
            )
        ),
        lambda: d.undoRequested.emit(),
        lambda: d.redoRequested.emit(),
        lambda: d.clearRequested.emit() if rng.random() < 0.2 else None,
        lambda: d.showTestChanged.emit(bool(rng.random() < 0.5)),
        lambda: d.discretizeChanged.emit(bool(rng.random() < 0.5)),
    ]
    s.play()
    for i in range(N_ACTIONS):
        actions[rng.integers(len(actions))]()
        QApplication.processEvents()
        if i % 25 == 0:
            qtbot.wait(15)  # let frames paint now and then
    final = s.sync()
    assert not errors, errors
    assert s.link is not None and s.restarts == 0
    assert final.spec == s.project.spec() and final.data == s.project.data
    assert w.frames_painted > 10
    w.close()
