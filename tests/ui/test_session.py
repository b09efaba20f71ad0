"""Session: undoable point edits, training to accuracy, live edits, divergence, stop rules."""

from __future__ import annotations

import math

import numpy as np
import pytest

from playground.core.nn.spec import LayerSpec


def wait_snapshot(qtbot, session, pred, timeout=15000):
    qtbot.waitUntil(
        lambda: session.latest_snapshot() is not None and pred(session.latest_snapshot()),
        timeout=timeout,
    )
    return session.latest_snapshot()


def test_add_points_of_the_chosen_class_and_undo_redo_restore_exactly(make_session):
    s = make_session()
    original = s.project.data
    s.set_current_class(1)
    s.add_point(1.5, -2.0)
    s.add_point(-3.0, 4.0, cls=0)
    data = s.project.data
    assert data.n == original.n + 2
    assert data.X[-2].tolist() == [1.5, -2.0] and data.y[-2] == 1 and data.y[-1] == 0
    assert not data.is_test[-2:].any()  # drawn points train
    s.move_point(0, 0.5, 0.5)  # the canvas sends one move per drag: each is an undo step
    first_drag = s.project.data
    s.move_point(0, 0.6, 0.7)
    moved = s.project.data
    s.remove_point(3)
    after = s.project.data
    s.undo()
    assert s.project.data == moved
    s.undo()
    assert s.project.data == first_drag
    s.undo()
    assert s.project.data == data
    s.undo()
    s.undo()
    assert s.project.data == original
    assert not s.can_undo() and s.can_redo()
    for _ in range(5):
        s.redo()
    assert s.project.data == after
    assert s.project.data.X[0].tolist() == [0.6, 0.7]


def test_clear_points_is_undoable_and_training_survives_no_points(qtbot, make_session):
    s = make_session()
    before = s.project.data
    s.clear_points()
    assert s.project.data.n == 0
    s.step_epoch()
    snap = wait_snapshot(qtbot, s, lambda sn: sn.data.n == 0)
    assert snap.step == 0 and snap.train_loss is None
    s.undo()
    assert s.project.data == before


def test_new_class_turns_binary_data_into_multiclass(qtbot, make_session):
    s = make_session()
    s.add_point(0.0, 0.0, cls=2)
    assert s.task == "multiclass" and s.project.data.n_classes == 3
    snap = wait_snapshot(qtbot, s, lambda sn: sn.spec.n_outputs == 3)
    assert snap.spec.output == "softmax" and snap.class_map is not None
    s.undo()
    assert s.task == "binary"
    wait_snapshot(qtbot, s, lambda sn: sn.spec.n_outputs == 1)


def test_two_tanh_layers_learn_xor_and_linear_layers_cannot(qtbot, make_session):
    s = make_session(hidden=((8, "tanh"), (8, "tanh")), learning_rate=0.1)
    s.play()
    snap = wait_snapshot(qtbot, s, lambda sn: (sn.train_accuracy or 0) >= 0.95, timeout=15000)
    assert snap.running and s.running
    s.pause()
    lin = make_session(hidden=((8, "linear"), (8, "linear")), learning_rate=0.1)
    snap = lin.train_steps(3000)
    assert snap.step == 3000
    assert snap.train_accuracy < 0.8  # a line cannot separate XOR


def test_changing_an_activation_while_training_keeps_training(qtbot, make_session):
    s = make_session(hidden=((4, "tanh"), (4, "tanh")))
    s.play()
    first = wait_snapshot(qtbot, s, lambda sn: sn.step > 200)
    s.set_hidden((LayerSpec(4, "relu"), LayerSpec(4, "tanh")))
    snap = wait_snapshot(
        qtbot, s, lambda sn: sn.spec.hidden[0].activation == "relu" and sn.step > first.step + 200
    )
    assert s.running and snap.running
    assert snap.neuron_maps[0].shape == (4, 24, 24)
    # untouched layers keep their weights: the layer-2 map is not a fresh initialization
    n = len(first.history)
    assert np.array_equal(snap.history.final[:n], first.history.final, equal_nan=True)
    assert np.array_equal(snap.history.last[:n], first.history.last)


def test_divergence_pauses_with_advice_and_reset_recovers(qtbot, make_session):
    s = make_session(hidden=((8, "relu"),), learning_rate=10.0)
    messages = []
    s.message.connect(messages.append)
    s.play()
    qtbot.waitUntil(lambda: not s.running, timeout=10000)
    assert any("learning rate" in m for m in messages)
    snap = wait_snapshot(qtbot, s, lambda sn: sn.diverged)
    assert all(np.isfinite(w).all() for w in snap.weights)  # the last finite weights are kept
    s.set_config(learning_rate=0.03)
    s.reset()
    snap = wait_snapshot(qtbot, s, lambda sn: not sn.diverged and sn.step == 0)
    s.play()
    snap = wait_snapshot(qtbot, s, lambda sn: sn.step > 100)
    assert math.isfinite(snap.train_loss) and s.running


def test_stale_snapshots_after_reset_are_dropped(qtbot, make_session):
    s = make_session()
    seen = []
    s.snapshotReady.connect(seen.append)
    s.play()
    wait_snapshot(qtbot, s, lambda sn: sn.step > 500)
    s.reset()
    run = s.run_id
    seen.clear()
    wait_snapshot(qtbot, s, lambda sn: sn.run_id == run)
    qtbot.wait(100)
    assert seen and all(sn.run_id == run and sn.step == 0 for sn in seen)


def test_step_epoch_and_stop_rules(qtbot, make_session):
    s = make_session()
    s.step_epoch()
    snap = wait_snapshot(qtbot, s, lambda sn: sn.step > 0)
    assert snap.step == 10  # 100 training points, batch 10
    s.set_stop_rules(5, None)
    s.play()
    qtbot.waitUntil(lambda: not s.running, timeout=10000)
    snap = wait_snapshot(qtbot, s, lambda sn: not sn.running)
    assert snap.step == 50
    s.set_stop_rules(None, 10.0)  # any loss is below 10
    s.play()
    qtbot.waitUntil(lambda: not s.running, timeout=10000)


def test_hyperparameters_apply_while_training(qtbot, make_session):
    s = make_session()
    s.play()
    wait_snapshot(qtbot, s, lambda sn: sn.step > 100)
    s.set_config(learning_rate=0.3, optimizer="adam", batch_size=25)
    snap = wait_snapshot(qtbot, s, lambda sn: sn.config.optimizer == "adam")
    cfg = snap.config
    assert (cfg.learning_rate, cfg.batch_size) == (0.3, 25) and s.running
    s.set_config(learning_rate=-1)  # refused, named, nothing changes
    assert s.project.config.learning_rate == 0.3


def test_switching_data_set_rebuilds_the_head_and_undo_restores(qtbot, make_session):
    s = make_session()
    s.play()
    s.set_dataset("spiral", n=300, classes=3)
    snap = wait_snapshot(qtbot, s, lambda sn: sn.spec.n_outputs == 3 and sn.step > 50)
    assert snap.data.name == "spiral" and s.running
    s.set_dataset("sine", n=100)
    snap = wait_snapshot(qtbot, s, lambda sn: sn.data.dim == 1)
    assert snap.neuron_maps[-1].shape == (1, 24)
    s.undo()
    s.undo()
    assert s.project.data.name == "xor"


@pytest.mark.parametrize("seed", [None, 7])
def test_reinitialize_changes_the_initial_weights(qtbot, make_session, seed):
    s = make_session()
    w0 = wait_snapshot(qtbot, s, lambda sn: True).weights[0]
    s.reinitialize(seed)
    snap = wait_snapshot(qtbot, s, lambda sn: sn.run_id == s.run_id)
    assert not np.array_equal(snap.weights[0], w0)
    assert s.project.config.seed == (1 if seed is None else seed)


def test_undo_history_keeps_only_the_limit():
    from playground.ui.undo import UndoHistory

    h = UndoHistory(limit=3)
    for state in range(6):
        h.record(state)  # states 0..5 replaced in turn; only the last 3 are kept
    assert [h.undo(9), h.undo(8), h.undo(7), h.undo(6)] == [5, 4, 3, None]
    assert h.can_redo() and h.redo(3) == 7
    h.record(3)  # a new edit drops the redo stack
    assert not h.can_redo()


def test_switching_data_drops_a_head_or_loss_override_that_no_longer_fits(qtbot, make_session):
    s = make_session()
    s.set_dataset("iris")
    s.set_output("softmax")
    s.set_config(loss="ce")
    assert (s.project.output, s.project.config.loss) == ("softmax", "ce")
    s.set_dataset("circle")  # 1 output: softmax and ce no longer apply
    assert (s.project.output, s.project.config.loss) == (None, None)
    assert s.project.spec().output == "sigmoid"
    snap = wait_snapshot(qtbot, s, lambda sn: sn.data.name == "circle")
    assert snap.spec.output == "sigmoid"
    assert s.current_project().spec() == s.project.spec()  # saving works


def test_a_stop_rule_pauses_even_when_other_commands_follow_play(qtbot, make_session):
    s = make_session()
    s.set_stop_rules(20, None)
    s.play()
    for _ in range(200):  # commands keep arriving while the rule fires
        s.set_speed(0)
        qtbot.wait(2)
        if not s.running:
            break
    qtbot.waitUntil(lambda: not s.running, timeout=10000)
    assert not wait_snapshot(qtbot, s, lambda sn: not sn.running).running


def test_training_marks_the_project_unsaved_and_saving_clears_it(qtbot, make_session):
    s = make_session()
    assert not s.modified
    s.step_epoch()
    wait_snapshot(qtbot, s, lambda sn: sn.step > 0)
    qtbot.waitUntil(lambda: s.modified)
    s.mark_saved()
    s.sync()
    assert not s.modified
