"""Control widgets: every edit emits the right request; pushed-in state emits nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from playground.core.data import datasets
from playground.core.data.datasets import DatasetSpec
from playground.core.limits import MAX_HIDDEN_LAYERS
from playground.core.nn import activations
from playground.core.nn.spec import LayerSpec, TrainConfig
from playground.ui.panels.data_panel import DataPanel
from playground.ui.panels.layer_card import LayerCard
from playground.ui.panels.network_builder import NetworkBuilder
from playground.ui.panels.rate_combo import parse_rate
from playground.ui.panels.training_controls import TrainingControls

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
    builder.cards[0].add.click()
    assert got == [(LayerSpec(4, "tanh"), LayerSpec(4, "tanh"), LayerSpec(2, "relu"))]
    assert len(builder.cards) == 3


def test_builder_remove_and_move_emit_the_new_tuple(builder):
    got = record(builder.hiddenChanged)
    builder.cards[0].down.click()
    assert got[-1] == (LayerSpec(2, "relu"), LayerSpec(4, "tanh"))
    builder.cards[1].up.click()
    assert got[-1] == TWO
    builder.cards[0].remove.click()
    assert got[-1] == (LayerSpec(2, "relu"),)
    builder.cards[0].remove.click()
    assert got[-1] == ()
    assert not builder.add_first.isHidden()
    builder.add_first.click()
    assert got[-1] == (LayerSpec(4, "tanh"),)


def test_builder_buttons_disabled_at_limits(builder):
    first, last = builder.cards
    assert not first.up.isEnabled() and first.down.isEnabled()
    assert last.up.isEnabled() and not last.down.isEnabled()
    full = tuple(LayerSpec(3, "relu") for _ in range(MAX_HIDDEN_LAYERS))
    builder.set_state(full, None, "binary", 1, "glorot", 0, ("x1", "x2"), 2)
    assert all(not card.add.isEnabled() for card in builder.cards)
    got = record(builder.hiddenChanged)
    builder._insert(3)  # even if called directly, the limit holds
    assert got == []


def test_builder_units_and_activation_edits_emit(builder):
    got = record(builder.hiddenChanged)
    builder.cards[1].units.setValue(7)
    assert got[-1] == (LayerSpec(4, "tanh"), LayerSpec(7, "relu"))
    combo = builder.cards[0].activation
    combo.setCurrentIndex(combo.findData("sigmoid"))
    assert got[-1] == (LayerSpec(4, "sigmoid"), LayerSpec(7, "relu"))


def test_builder_param_field_only_for_parametric_activation(builder):
    card = builder.cards[0]
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
    combo = builder.cards[0].activation
    names = [combo.itemData(i) for i in range(combo.count())]
    assert names == activations.names()
    for i, name in enumerate(names):
        tip = combo.itemData(i, Qt.ToolTipRole)
        assert activations.get(name).derivative_formula in tip
        assert activations.get(name).note in tip


def test_builder_set_state_emits_nothing(builder, qtbot):
    signals = (
        builder.hiddenChanged,
        builder.outputChanged,
        builder.initializerChanged,
        builder.seedChanged,
        builder.featuresChanged,
        builder.layerSelected,
    )
    got = [record(s) for s in signals]
    builder.set_state(
        (LayerSpec(9, "leaky_relu", 0.3),), "linear", "multiclass", 3, "he", 5, ("x1x2",), 2
    )
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
    qtbot.mouseClick(builder.cards[1], Qt.LeftButton)
    assert got == [1]
    assert builder.cards[1].property("selected") and not builder.cards[0].property("selected")
    qtbot.mouseClick(builder.cards[0].units.lineEdit(), Qt.LeftButton)  # its fields select too
    assert got == [1, 0] and builder.cards[0].property("selected")


def test_builder_selection_follows_its_layer(builder, qtbot):
    qtbot.mouseClick(builder.cards[1], Qt.LeftButton)  # the relu layer
    got = record(builder.layerSelected)
    builder.cards[0].add.click()  # insert before it: it is now layer 2
    builder.cards[2].up.click()  # move it up: layer 1
    builder.cards[0].remove.click()  # remove a layer above it: layer 0
    assert got == [2, 1, 0]
    assert builder.hidden()[0] == LayerSpec(2, "relu") and builder.cards[0].property("selected")


def test_builder_initializer_and_seed_emit(builder):
    inits, seeds = record(builder.initializerChanged), record(builder.seedChanged)
    builder.init_combo.setCurrentIndex(builder.init_combo.findData("he"))
    builder.seed_spin.setValue(42)
    assert inits == ["he"] and seeds == [42]


# ------------------------------------------------------------------ training controls
def test_builder_shows_every_card_whole_however_many_layers(builder):
    layers = (LayerSpec(64, "leaky_relu", 0.123),) + (LayerSpec(2, "swish"),) * 9
    builder.set_state(layers, None, "binary", 1, "glorot", 0, ("x1", "x2"), 2)
    cards = builder.findChildren(LayerCard)
    assert len(cards) == 10
    widest = max(card.minimumSizeHint().width() for card in cards)
    assert builder.minimumSizeHint().width() >= widest
    tall = sum(card.minimumSizeHint().height() for card in cards)
    assert builder.minimumSizeHint().height() >= tall  # no inner scrolling: the column scrolls


@pytest.fixture
def controls(qtbot):
    w = TrainingControls()
    qtbot.addWidget(w)
    w.set_config(TrainConfig())
    return w


def type_rate(qtbot, combo, text: str) -> None:
    combo.lineEdit().clear()
    qtbot.keyClicks(combo.lineEdit(), text)
    qtbot.keyClick(combo.lineEdit(), Qt.Key_Return)


def test_controls_each_edit_emits_its_key(controls, qtbot):
    got = record(controls.configEdited)
    controls.opt_combo.setCurrentIndex(controls.opt_combo.findData("adam"))
    controls.batch_spin.setValue(25)
    controls.reg_combo.setCurrentIndex(controls.reg_combo.findData("l2"))
    type_rate(qtbot, controls.reg_rate, "0.003")
    controls.lr_combo.setCurrentIndex(controls.lr_combo.findData(0.3))
    controls.lr_combo.activated.emit(controls.lr_combo.currentIndex())
    assert got == [
        {"optimizer": "adam"},
        {"batch_size": 25},
        {"regularization": "l2"},
        {"reg_rate": 0.003},
        {"learning_rate": 0.3},
    ]
    assert TrainConfig(**{k: v for d in got for k, v in d.items()}).learning_rate == 0.3


def test_controls_typed_learning_rate_validated(controls, qtbot):
    got = record(controls.configEdited)
    type_rate(qtbot, controls.lr_combo, "0.0042")
    assert got == [{"learning_rate": 0.0042}]
    for bad in ("abc", "-1", "0", "1e9", "nan"):
        type_rate(qtbot, controls.lr_combo, bad)
        assert controls.lr_combo.currentText() == "0.0042"
        assert controls.lr_combo.styleSheet()  # flagged
    assert got == [{"learning_rate": 0.0042}]
    assert parse_rate("10", allow_zero=False) == 10.0 and parse_rate("0", allow_zero=True) == 0.0


def test_controls_play_button_toggles_with_running(controls):
    got = record(controls.playToggled)
    assert controls.play_button.text() == "Play"
    controls.play_button.click()
    assert len(got) == 1 and controls.play_button.text() == "Play"  # state comes from outside
    controls.set_running(True)
    assert controls.play_button.text() == "Pause" and not controls.step_button.isEnabled()
    assert "Space" in controls.play_button.toolTip()
    controls.set_running(False)
    assert controls.play_button.text() == "Play" and controls.step_button.isEnabled()


def test_controls_run_buttons_and_speed_emit(controls):
    signals = (controls.stepRequested, controls.resetRequested, controls.reinitRequested)
    got = [record(s) for s in signals]
    for button in (controls.step_button, controls.reset_button, controls.reinit_button):
        button.click()
    assert [len(g) for g in got] == [1, 1, 1]
    speeds = record(controls.speedChanged)
    controls.speed_combo.setCurrentIndex(controls.speed_combo.findData(50.0))
    assert speeds == [50.0]


def test_controls_stop_rules_off_by_default_then_emit(controls):
    assert controls.stop_rules() == (None, None)
    got = record(controls.stopRulesChanged)
    controls.stop_epochs_check.setChecked(True)
    controls.stop_epochs.setValue(200)
    controls.stop_loss_check.setChecked(True)
    controls.stop_loss.setValue(0.05)
    controls.stop_epochs_check.setChecked(False)
    assert got == [(500, None), (200, None), (200, 0.01), (200, 0.05), (None, 0.05)]


def test_controls_stop_rules_fold_away_but_an_active_rule_shows(controls):
    assert controls.stop_group.isHidden() and controls.stop_toggle.text() == "Stop rules"
    controls.stop_toggle.click()
    assert not controls.stop_group.isHidden()
    controls.stop_epochs_check.setChecked(True)
    controls.stop_toggle.click()
    assert controls.stop_group.isHidden() and controls.stop_toggle.text() == "Stop rules (on)"
    controls.set_stop_rules(None, 0.1)  # pushed in from a session: unfolds to show it
    assert not controls.stop_group.isHidden() and controls.stop_rules() == (None, 0.1)


def test_controls_set_state_emits_nothing(controls):
    signals = (controls.configEdited, controls.speedChanged, controls.stopRulesChanged)
    got = [record(s) for s in signals]
    controls.set_config(
        TrainConfig(
            optimizer="momentum",
            learning_rate=0.0042,
            batch_size=77,
            regularization="l1",
            reg_rate=0.1,
        )
    )
    assert controls.speed_combo.currentData() == 5.0  # epochs/s: the session's default
    controls.set_speed(20)
    assert controls.speed_combo.currentData() == 20.0
    controls.set_stop_rules(100, 0.2)
    controls.set_progress(1500, 60, 0.1234)
    assert all(g == [] for g in got)
    assert controls.lr_combo.currentText() == "0.0042" and controls.batch_spin.value() == 77
    assert controls.reg_rate.isEnabled() and controls.stop_rules() == (100, 0.2)
    assert "60" in controls.progress.text() and "0.1234" in controls.progress_detail.text()
    wide = controls.progress_detail.minimumSizeHint().width()
    controls.set_compact(True)  # a short window: beside the epoch, in two lines
    assert controls.progress_detail.text() == "step 1,500\ntrain loss 0.1234"
    controls.set_progress(123456, 61, 0.5)
    assert controls.progress_detail.minimumSizeHint().width() < wide
    controls.set_compact(False)
    assert controls.progress_detail.text() == "step 123,456 · train loss 0.5000"


# ------------------------------------------------------------------ data panel
@pytest.fixture
def panel(qtbot):
    w = DataPanel()
    qtbot.addWidget(w)
    return w


def test_panel_regenerate_payload_has_a_new_seed(panel):
    spec = DatasetSpec("spiral", 300, 0.2, 7, 4, 0.3)
    panel.set_state(spec, spec.generate())
    got = record(panel.regenerateRequested)
    panel.regen_button.click()
    assert got == [
        {"name": "spiral", "n": 300, "noise": 0.2, "classes": 4, "test_fraction": 0.3, "seed": 8}
    ]
    points = datasets.generate(**got[0])  # the payload is a valid generate() call
    assert points.n == 300 and points.n_classes == 4


def test_panel_parameter_edits_request_same_seed(panel):
    got = record(panel.regenerateRequested)
    panel.points_spin.setValue(200)
    panel.split_spin.setValue(20)
    panel.noise_slider.setValue(35)
    assert [g["n"] for g in got] == [200, 200, 200]
    assert got[-1]["noise"] == 0.35 and got[-1]["test_fraction"] == 0.2
    assert {g["seed"] for g in got} == {0}


def test_panel_classes_enabled_only_for_multiclass_sets(panel):
    got = record(panel.regenerateRequested)
    for name in reversed(datasets.names()):  # the first is shown already
        panel.dataset_combo.setCurrentIndex(panel.dataset_combo.findData(name))
        assert panel.classes_spin.isEnabled() == datasets.info(name).multiclass, name
        assert got[-1]["name"] == name
        datasets.generate(**got[-1])  # never a payload the registry rejects
    tip = panel.dataset_combo.itemData(1, Qt.ToolTipRole)  # item 0 is "Your own points"
    assert datasets.info(datasets.names()[0]).note in tip


def test_panel_set_state_emits_nothing_and_shows_classes(panel):
    signals = (panel.regenerateRequested, panel.classChanged, panel.showTestChanged)
    got = [record(s) for s in signals]
    spec = DatasetSpec("blobs", 100, 0.5, 2, 5, 0.1)
    panel.set_state(spec, spec.generate())
    assert panel.settings()["noise"] == 0.5 and panel.noise_label.text() == "50 %"
    panel.set_state(None, spec.generate())  # your own points: the generator is off
    panel.set_view_options(True, True)
    assert all(g == [] for g in got)
    shown = [b.text() for b in panel.tools.class_buttons if not b.isHidden()]
    assert shown == ["1", "2", "3", "4", "5", "+6"]  # the five classes and a new one
    assert panel.dataset_combo.currentData() is None and not panel.regen_button.isEnabled()
    assert "100 points, 10 for testing" in panel.summary.text()
    assert "5 classes" in panel.summary.text()


def test_panel_class_selector_and_regression_values(panel):
    got = record(panel.classChanged)
    panel.tools.class_buttons[1].click()
    assert got == [1]
    spec = DatasetSpec("plane", 100, 0.0, 0, 2, 0.5)
    panel.set_state(spec, spec.generate())
    shown = [b for b in panel.tools.class_buttons if not b.isHidden()]
    assert len(shown) == 2
    assert [b.text() for b in shown] == ["−1", "+1"]
    shown[0].click()  # −1 is class id 0, +1 class id 1 (Session.add_point's mapping)
    shown[1].click()
    assert got == [1, 0, 1]
    panel.set_current_class(0)
    assert shown[0].isChecked()
    sine = DatasetSpec("sine", 50)
    panel.set_state(sine, sine.generate())  # 1-D: the click height is the value
    assert not any(not b.isHidden() for b in panel.tools.class_buttons)
    iris = DatasetSpec("iris")
    panel.set_state(iris, iris.generate())
    assert panel.classes_spin.value() == 3 and not panel.classes_spin.isEnabled()


def test_panel_tool_buttons_emit(panel):
    names = (
        "eraserToggled",
        "clearRequested",
        "undoRequested",
        "redoRequested",
        "showTestChanged",
        "discretizeChanged",
    )
    got = {n: record(getattr(panel, n)) for n in names}
    t = panel.tools
    for w in (
        t.eraser,
        t.clear_button,
        t.undo_button,
        t.redo_button,
        panel.show_test,
        panel.discretize,
    ):
        w.click()
    assert got["eraserToggled"] == [True] and got["showTestChanged"] == [True]
    assert all(len(g) == 1 for g in got.values())


def test_a_value_out_of_range_is_refused_saying_the_range(qtbot, builder, controls):
    from PySide6.QtWidgets import QToolTip

    card = builder.findChildren(LayerCard)[0]
    got = record(builder.hiddenChanged)
    card.units.lineEdit().selectAll()
    qtbot.keyClicks(card.units.lineEdit(), "100000")
    qtbot.keyClick(card.units.lineEdit(), Qt.Key.Key_Return)
    assert card.units.value() == 4 and got == []
    assert "1 to 64" in QToolTip.text()
    rates = record(controls.configEdited)
    controls.lr_combo.lineEdit().selectAll()
    qtbot.keyClicks(controls.lr_combo.lineEdit(), "5000")
    qtbot.keyClick(controls.lr_combo.lineEdit(), Qt.Key.Key_Return)
    assert rates == [] and controls.lr_combo.value() == 0.03
    assert "1000" in QToolTip.text()
