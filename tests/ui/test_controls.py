"""Control widgets: every edit emits the right request; pushed-in state emits nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from playground.core import activations
from playground.core.spec import MAX_HIDDEN_LAYERS, LayerSpec
from playground.ui.network_builder import NetworkBuilder

TWO = (LayerSpec(4, "tanh"), LayerSpec(2, "relu"))


@pytest.fixture
def builder(qtbot):
    w = NetworkBuilder()
    qtbot.addWidget(w)
    w.set_state(TWO, None, "binary", 1, "glorot", 0, ("x1", "x2"), 2)
    return w


def record(signal) -> list:
    got = []
    signal.connect(lambda *args: got.append(args[0] if len(args) == 1 else args))
    return got


# ------------------------------------------------------------------ network builder
def test_builder_add_after_inserts_a_copy_of_that_layer(builder):
    got = record(builder.hiddenChanged)
    builder._cards[0].add.click()
    assert got == [(LayerSpec(4, "tanh"), LayerSpec(4, "tanh"), LayerSpec(2, "relu"))]
    assert len(builder._cards) == 3


def test_builder_remove_and_move_emit_the_new_tuple(builder):
    got = record(builder.hiddenChanged)
    builder._cards[0].down.click()
    assert got[-1] == (LayerSpec(2, "relu"), LayerSpec(4, "tanh"))
    builder._cards[1].up.click()
    assert got[-1] == TWO
    builder._cards[0].remove.click()
    assert got[-1] == (LayerSpec(2, "relu"),)
    builder._cards[0].remove.click()
    assert got[-1] == ()
    assert not builder.add_first.isHidden()
    builder.add_first.click()
    assert got[-1] == (LayerSpec(4, "tanh"),)


def test_builder_buttons_disabled_at_limits(builder):
    first, last = builder._cards
    assert not first.up.isEnabled() and first.down.isEnabled()
    assert last.up.isEnabled() and not last.down.isEnabled()
    full = tuple(LayerSpec(3, "relu") for _ in range(MAX_HIDDEN_LAYERS))
    builder.set_state(full, None, "binary", 1, "glorot", 0, ("x1", "x2"), 2)
    assert all(not card.add.isEnabled() for card in builder._cards)
    got = record(builder.hiddenChanged)
    builder._insert(3)  # even if called directly, the limit holds
    assert got == []


def test_builder_units_and_activation_edits_emit(builder):
    got = record(builder.hiddenChanged)
    builder._cards[1].units.setValue(7)
    assert got[-1] == (LayerSpec(4, "tanh"), LayerSpec(7, "relu"))
    combo = builder._cards[0].activation
    combo.setCurrentIndex(combo.findData("sigmoid"))
    assert got[-1] == (LayerSpec(4, "sigmoid"), LayerSpec(7, "relu"))


def test_builder_param_field_only_for_parametric_activation(builder):
    card = builder._cards[0]
    assert card.param_row.isHidden()
    got = record(builder.hiddenChanged)
    card.activation.setCurrentIndex(card.activation.findData("leaky_relu"))
    assert not card.param_row.isHidden()
    assert card.param.value() == pytest.approx(activations.get("leaky_relu").param_default)
    assert got[-1][0] == LayerSpec(4, "leaky_relu", None)
    card.param.setValue(0.2)
    assert got[-1][0] == LayerSpec(4, "leaky_relu", 0.2)
    card.activation.setCurrentIndex(card.activation.findData("relu"))
    assert card.param_row.isHidden() and got[-1][0] == LayerSpec(4, "relu")


def test_builder_activation_combo_offers_every_hidden_activation_with_tooltips(builder):
    combo = builder._cards[0].activation
    names = [combo.itemData(i) for i in range(combo.count())]
    assert names == activations.names()
    for i, name in enumerate(names):
        tip = combo.itemData(i, Qt.ToolTipRole)
        assert activations.get(name).derivative_formula in tip
        assert activations.get(name).note in tip


def test_builder_set_state_emits_nothing(builder, qtbot):
    signals = (builder.hiddenChanged, builder.outputChanged, builder.initializerChanged,
               builder.seedChanged, builder.featuresChanged, builder.layerSelected)
    got = [record(s) for s in signals]
    builder.set_state((LayerSpec(9, "leaky_relu", 0.3),), "linear", "multiclass", 3, "he", 5,
                      ("x1x2",), 2)
    builder.set_state(TWO, None, "regression", 1, "zeros", 1, ("x1",), 1)
    assert all(g == [] for g in got)
    assert builder.seed_spin.value() == 1 and builder.init_combo.currentData() == "zeros"


def test_builder_features_keep_at_least_one(builder):
    got = record(builder.featuresChanged)
    builder.feature_buttons["x1x2"].click()
    assert got[-1] == ("x1", "x2", "x1x2")
    builder.feature_buttons["x1"].click()
    builder.feature_buttons["x2"].click()
    assert got[-1] == ("x1x2",)
    n = len(got)
    builder.feature_buttons["x1x2"].click()  # the last one stays on
    assert len(got) == n and builder.feature_buttons["x1x2"].isChecked()


def test_builder_features_disabled_for_non_2d(builder):
    builder.set_state(TWO, None, "multiclass", 3, "glorot", 0, ("x1", "x2"), 4)
    assert not any(b.isEnabled() for b in builder.feature_buttons.values())
    assert builder.feature_note.text()
    builder.set_state(TWO, None, "regression", 1, "glorot", 0, ("x1",), 1)
    enabled = {n for n, b in builder.feature_buttons.items() if b.isEnabled()}
    assert enabled == {"x1", "x1sq", "sinx1"}


def test_builder_output_override_follows_task(builder):
    combo = builder.head_combo
    assert combo.currentData() is None
    assert "softmax" not in [combo.itemData(i) for i in range(combo.count())]
    got = record(builder.outputChanged)
    combo.setCurrentIndex(combo.findData("linear"))
    combo.setCurrentIndex(0)
    assert got == ["linear", None]
    builder.set_state(TWO, None, "multiclass", 3, "glorot", 0, ("x1", "x2"), 2)
    assert "Softmax" in combo.currentText()
    assert "Cross-entropy" in builder.head_label.text()


def test_builder_card_click_selects_and_highlights(builder, qtbot):
    got = record(builder.layerSelected)
    qtbot.mouseClick(builder._cards[1], Qt.LeftButton)
    assert got == [1]
    assert builder._cards[1].property("selected") and not builder._cards[0].property("selected")


def test_builder_initializer_and_seed_emit(builder):
    inits, seeds = record(builder.initializerChanged), record(builder.seedChanged)
    builder.init_combo.setCurrentIndex(builder.init_combo.findData("he"))
    builder.seed_spin.setValue(42)
    assert inits == ["he"] and seeds == [42]
