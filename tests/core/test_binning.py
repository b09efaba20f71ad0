"""The fast histogram and percentile give numpy's numbers (they replace it in the live loop)."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from playground.core.analysis.binning import clipped_counts, percentile

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False, width=64)
values = arrays(np.float64, st.integers(1, 300), elements=finite)


@settings(max_examples=300, deadline=None)
@given(values, finite, st.floats(1e-3, 1e6), st.integers(1, 80))
def test_counts_equal_numpy_histogram_of_clipped_values(v, lo, width, bins):
    hi = lo + width
    expected, _ = np.histogram(np.clip(v, lo, hi), bins=bins, range=(lo, hi))
    got = clipped_counts(v, lo, hi, bins)
    assert got.dtype == np.int64
    np.testing.assert_array_equal(got, expected)


def test_values_on_every_edge_fall_where_numpy_puts_them():
    lo, hi, bins = -3.0, 7.0, 41
    v = np.concatenate([np.linspace(lo, hi, bins + 1), [lo - 1, hi + 1, 0.1, 0.3]])
    expected, _ = np.histogram(np.clip(v, lo, hi), bins=bins, range=(lo, hi))
    np.testing.assert_array_equal(clipped_counts(v, lo, hi, bins), expected)
    assert clipped_counts(v, lo, hi, bins).sum() == v.size  # clipped: nothing dropped


def test_an_empty_range_counts_like_numpy():
    v = np.array([2.0, 2.0, 5.0])
    expected, _ = np.histogram(np.clip(v, 2.0, 2.0), bins=5, range=(2.0, 2.0))
    np.testing.assert_array_equal(clipped_counts(v, 2.0, 2.0, 5), expected)


@settings(max_examples=300, deadline=None)
@given(values, st.floats(0, 100))
def test_percentile_equals_numpy_linear_percentile(v, q):
    expected = float(np.percentile(v, q))
    assert np.isclose(percentile(v, q), expected, rtol=1e-12, atol=1e-12 * np.abs(v).max())


def test_percentile_of_known_values():
    v = np.arange(101, dtype=float)[::-1]
    assert percentile(v, 99) == 99.0
    assert percentile(np.array([0.0, 10.0]), 25) == 2.5
    assert percentile(np.array([4.0]), 99) == 4.0
