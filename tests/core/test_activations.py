"""Every activation in the registry: f' matches finite differences, values stay in range."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from playground.core.nn import activations

# parameters worth checking for each parametrized activation (None = its default)
PARAMS = {"leaky_relu": [None, 0.1, 0.3], "elu": [None, 0.5, 2.0], "step": [None, -1.0, 0.5]}
CASES = [(a.name, p) for a in activations.all_activations() for p in PARAMS.get(a.name, [None])]
ELEMENTWISE = [(n, p) for n, p in CASES if n != "softmax"]
H = 1e-6


def _kink(name: str, param) -> float | None:
    act = activations.get(name)
    if name in ("relu", "leaky_relu", "elu"):
        return 0.0
    if name == "step":
        return act.resolve_param(param)
    return None


def _z_away_from_kink(name, param) -> np.ndarray:
    z = np.concatenate([np.linspace(-8, 8, 1601), [-30.0, -12.0, 12.0, 30.0]])
    kink = _kink(name, param)
    return z if kink is None else z[np.abs(z - kink) > 1e-3]


@pytest.mark.parametrize(("name", "param"), ELEMENTWISE)
def test_derivative_matches_central_differences(name, param):
    act = activations.get(name)
    z = _z_away_from_kink(name, param)
    numeric = (act(z + H, param) - act(z - H, param)) / (2 * H)
    np.testing.assert_allclose(act.grad(z, param), numeric, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize(("name", "param"), ELEMENTWISE)
def test_values_stay_in_the_declared_range(name, param):
    act = activations.get(name)
    lo, hi = act.output_range
    z = np.linspace(-50, 50, 10001)
    a = act(z, param)
    assert np.all(np.isfinite(a))
    assert a.min() >= lo - 1e-3 and a.max() <= hi + 1e-12
    if math.isfinite(lo) and name != "step":  # the bound is (nearly) reached, not just respected
        assert a.min() <= lo + 0.01


@pytest.mark.parametrize("act", activations.all_activations(), ids=lambda a: a.name)
def test_formula_strings_and_labels_are_present(act):
    assert act.formula.startswith("f(z)") and len(act.formula) > 6
    assert act.derivative_formula.startswith(("f'(z)", "∂f"))
    assert act.label and act.note
    assert (act.param_name is None) == (act.param_default is None)


@settings(max_examples=100, deadline=None)
@given(z=st.floats(-1e4, 1e4), case=st.sampled_from(ELEMENTWISE))
def test_value_and_derivative_are_finite_for_any_input(z, case):
    name, param = case
    act = activations.get(name)
    zs = np.array([z])
    with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
        assert np.isfinite(act(zs, param)).all()
        assert np.isfinite(act.grad(zs, param)).all()


def test_leaky_relu_slope_on_the_negative_side_is_alpha():
    act = activations.get("leaky_relu")
    assert act.grad(np.array([-3.0]), 0.2)[0] == 0.2
    assert act.grad(np.array([-3.0]))[0] == act.param_default


def test_step_derivative_is_zero_everywhere():
    z = np.linspace(-5, 5, 101)
    assert not activations.get("step").grad(z).any()


def test_softmax_jacobian_diagonal_matches_finite_differences():
    act = activations.get("softmax")
    rng = np.random.default_rng(0)
    z = rng.normal(size=(5, 4)) * 3
    a = act(z)
    np.testing.assert_allclose(a.sum(axis=1), 1.0)
    numeric = np.empty_like(z)
    for k in range(z.shape[1]):
        dz = np.zeros_like(z)
        dz[:, k] = H
        numeric[:, k] = ((act(z + dz) - act(z - dz)) / (2 * H))[:, k]
    np.testing.assert_allclose(act.derivative(z, a, 0.0), numeric, rtol=1e-6, atol=1e-9)


def test_registry_separates_hidden_activations_from_output_heads():
    assert "softmax" not in activations.names()
    assert set(activations.output_heads()) >= {"linear", "sigmoid", "tanh", "softmax"}
    with pytest.raises(KeyError, match="unknown activation"):
        activations.get("nope")
