"""Export forms in the registries (activations, features, regularizers, optimizers): the code
they hold for exported files computes what the app computes, with the app's hyperparameters.
Keras and PyTorch run these forms in `make test-export` (tests/export)."""

from __future__ import annotations

import numpy as np
import pytest

from playground.core.data.features import EXPRESSIONS, FEATURES, expressions, transform
from playground.core.nn import activations, optimizers, regularizers
from playground.core.nn.optimizers import Adam, Momentum


def _expression_value(act, z, p):
    code = act.export.expression.replace(activations.PARAM, repr(p))
    return eval(code, {"xp": np, "z": z})


@pytest.mark.parametrize("act", activations.all_activations(), ids=lambda a: a.name)
def test_every_activation_expression_computes_its_value(act):
    z = np.concatenate([np.linspace(-30, 30, 2001), [0.0, 0.3, -0.2, 1e-9, -1e-9]])
    if act.output_head and not act.hidden:  # softmax: over the last axis of (m, K)
        z = z[:2000].reshape(500, 4)
    params = [act.resolve_param(None)] + ([0.3, 1.7, -0.2] if act.param_name else [])
    for p in params:
        want = act.value(z, p)
        got = _expression_value(act, z, p)
        np.testing.assert_allclose(got, want, rtol=1e-13, atol=1e-15, err_msg=f"{act.name} {p}")


def test_every_feature_expression_computes_the_feature():
    X = np.random.default_rng(0).uniform(-6, 6, (300, 2))
    assert set(EXPRESSIONS) == set(FEATURES)
    for name, code in EXPRESSIONS.items():
        got = eval(code, {"xp": np, "X": X})
        assert np.array_equal(got, FEATURES[name][1](X)), name
    X4 = np.random.default_rng(1).uniform(-6, 6, (50, 4))
    cols = [eval(c, {"xp": np, "X": X4}) for c in expressions(("x1", "x1sq"), 4)]
    assert np.array_equal(np.column_stack(cols), transform(X4, ("x1", "x1sq")))


# Keras' regularizers as its documentation defines them: L1(c) = c·Σ|w|, L2(c) = c·Σw²
KERAS_PENALTY = {"L1": lambda c, w: c * np.abs(w).sum(), "L2": lambda c, w: c * (w * w).sum()}


@pytest.mark.parametrize("name", regularizers.names())
def test_every_regularizer_export_adds_the_apps_penalty(name):
    reg = regularizers.get(name)
    w = np.random.default_rng(2).normal(0, 1, (5, 3))
    rate = 0.01
    want = rate * reg.penalty(w)
    assert eval(reg.export.expression, {"xp": np, "w": w}) * rate == pytest.approx(want)
    if reg.export.keras is None:
        assert want == 0.0
    else:
        cls, factor = reg.export.keras
        assert KERAS_PENALTY[cls](rate * factor, w) == pytest.approx(want)


def test_optimizer_exports_carry_the_engines_hyperparameters():
    momentum = optimizers.get("momentum").export
    assert momentum.keras[1]["momentum"] == momentum.torch[1]["momentum"] == Momentum.beta
    adam = optimizers.get("adam").export
    assert (adam.keras[1]["beta_1"], adam.keras[1]["beta_2"], adam.keras[1]["epsilon"]) == (
        Adam.beta1,
        Adam.beta2,
        Adam.eps,
    )
    assert adam.torch[1] == {"betas": (Adam.beta1, Adam.beta2), "eps": Adam.eps}
    assert adam.torch_eps_per_step == (Adam.eps, Adam.beta2)
