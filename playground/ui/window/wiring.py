"""How the panels and views talk to the session: their requests go to it, its change signals
come back to them (state in, without re-emitting)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer

from playground.live.snapshot import Snapshot


def connect_panels(w) -> None:
    """Wire the window's panels and views to its session, and show the session's state."""
    s = w.session
    _requests(w, s)
    d, b, c = w.data_panel, w.builder, w.controls

    def on_data() -> None:
        p = s.project
        w.canvas.set_points(p.data, s.show_test)
        d.set_state(p.dataset, p.data)
        d.set_current_class(s.current_class)
        on_spec()

    def on_spec() -> None:
        p = s.project
        spec = p.spec()
        b.set_state(
            p.hidden,
            p.output,
            p.data.task,
            spec.n_outputs,
            p.config.initializer,
            p.config.seed,
            p.config.features,
            p.data.dim,
        )
        b.set_selected(s.selected_layer)
        w.fit_left()

    def on_view() -> None:
        w.canvas.set_points(s.project.data, s.show_test)
        d.set_view_options(s.show_test, s.discretize)
        w.regions.set_enabled(s.view.regions)

    def on_selected(i: int) -> None:
        b.set_selected(i)
        w.diagram.set_selected_layer(i)

    s.dataChanged.connect(on_data)
    s.dataReplaced.connect(w.canvas.fit_to_data)  # after on_data: the new points are drawn
    s.specChanged.connect(on_spec)
    s.configChanged.connect(lambda: (c.set_config(s.project.config), on_spec()))
    s.viewChanged.connect(on_view)
    s.selectedLayerChanged.connect(on_selected)
    on_data()
    on_view()
    on_selected(s.selected_layer)
    _show_pin(w, s)
    _show_controls(w, s)


def _show_pin(w, s) -> None:
    """The inspector's pinned point: a mark on the plane, values on the diagram's neurons."""

    def on_pin() -> None:
        w.canvas.set_pinned(s.view.pinned)
        w.diagram.set_pinned(s.view.pinned)

    s.insightsChanged.connect(on_pin)  # pin() and a new project say so
    on_pin()


def _show_controls(w, s) -> None:
    """Current class, undo / redo, running, speed and stop rules: as the session has them, live."""
    d, c = w.data_panel, w.controls
    s.currentClassChanged.connect(d.set_current_class)
    s.undoStateChanged.connect(lambda: d.set_undo_state(s.can_undo(), s.can_redo()))
    s.runningChanged.connect(c.set_running)
    s.speedChanged.connect(c.set_speed)
    s.stopRulesChanged.connect(lambda: c.set_stop_rules(*s.stop_rules))
    d.set_current_class(s.current_class)
    c.set_config(s.project.config)
    c.set_running(s.running)
    c.set_speed(s.speed)
    c.set_stop_rules(*s.stop_rules)
    w.data_panel.set_undo_state(s.can_undo(), s.can_redo())


def _requests(w, s) -> None:
    w.canvas.addRequested.connect(lambda x, y: s.add_point(x, y))
    w.canvas.removeRequested.connect(s.remove_point)
    w.canvas.moveRequested.connect(s.move_point)
    w.canvas.hovered.connect(lambda x, y: s.hover((x, y)))
    w.canvas.pinRequested.connect(s.toggle_pin)
    w.canvas.planeChanged.connect(s.set_plane_extent)
    w.canvas.hovered.connect(w.regions.hover)
    w.canvas.regionRequested.connect(w.regions.select)
    w.regions.toggled.connect(s.set_regions)
    w.diagram.layerClicked.connect(s.select_layer)
    w.diagram.neuronClicked.connect(lambda layer, _unit: s.select_layer(layer))

    d = w.data_panel
    d.regenerateRequested.connect(lambda kw: s.set_dataset(**kw))
    d.showTestChanged.connect(s.set_show_test)
    d.discretizeChanged.connect(s.set_discretize)
    d.classChanged.connect(s.set_current_class)
    d.eraserToggled.connect(w.canvas.set_eraser)
    d.clearRequested.connect(s.clear_points)
    d.undoRequested.connect(s.undo)
    d.redoRequested.connect(s.redo)

    b = w.builder
    b.hiddenChanged.connect(s.set_hidden)
    b.outputChanged.connect(s.set_output)
    b.initializerChanged.connect(lambda name: s.set_config(initializer=name))
    b.seedChanged.connect(lambda seed: s.set_config(seed=seed))
    b.featuresChanged.connect(s.set_features)
    b.layerSelected.connect(s.select_layer)

    c = w.controls
    c.playToggled.connect(s.toggle_play)
    c.stepRequested.connect(s.step_epoch)
    c.resetRequested.connect(s.reset)
    c.reinitRequested.connect(s.reinitialize)
    c.configEdited.connect(lambda changes: s.set_config(**changes))
    c.speedChanged.connect(s.set_speed)
    c.stopRulesChanged.connect(lambda rules: s.set_stop_rules(*rules))
    c.stop_toggle.toggled.connect(lambda _on: QTimer.singleShot(0, w.fit_controls))


def progress_text(w, snap: Snapshot) -> str:
    """The status bar's line: epoch, losses and accuracies ("—" where there is no value)."""
    translate = QCoreApplication.translate

    def num(v) -> str:
        return "—" if v is None else f"{v:.4f}"

    parts = [
        translate("MainWindow", "epoch %1").replace("%1", f"{snap.epoch:,}"),
        translate("MainWindow", "loss %1").replace("%1", num(snap.train_loss)),
    ]
    if snap.test_loss is not None:
        parts.append(translate("MainWindow", "test loss %1").replace("%1", num(snap.test_loss)))
    if snap.train_accuracy is not None:
        acc = f"{100 * snap.train_accuracy:.0f}%"
        if snap.test_accuracy is not None:
            acc += f" / {100 * snap.test_accuracy:.0f}%"
        parts.append(translate("MainWindow", "accuracy (train / test) %1").replace("%1", acc))
    return "   ·   ".join(parts)
