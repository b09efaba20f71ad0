"""The "lesson" insight payload: the training process judges the lessons panel's check on its
own trainer with the headless code, and a check never stops training."""

from __future__ import annotations

from test_loop import Recorder

from playground.core.lessons import checks
from playground.live import commands as c
from playground.live import insights


def _request(spec) -> c.InsightRequest:
    return c.InsightRequest(frozenset({"lesson"}), lesson=spec)


def test_lesson_is_a_payload_but_not_a_view_of_the_window():
    assert "lesson" in insights.PAYLOADS and "lesson" not in insights.VIEWS
    assert {"hidden", "collapse", "inspector", "gradients", "equations"} <= set(insights.VIEWS)


def test_the_loop_judges_the_check_on_its_trainer():
    spec = checks.check_spec({"check": "accuracy_at_least", "value": 0.0, "after_epochs": 2})
    r = Recorder()
    r.loop.post(1, c.Subscribe(_request(spec)))
    r.loop.iterate()
    payload = r.snaps[-1].insights["lesson"]
    assert payload.spec == spec and payload.result.held is False  # not trained yet
    assert payload.result == checks.evaluate(r.loop.trainer, spec)
    r.loop.post(2, c.TrainSteps(2 * r.loop.trainer.steps_per_epoch))
    r.loop.iterate()
    payload = r.snaps[-1].insights["lesson"]
    assert payload.result.held and payload.result.measured["epoch"] == 2
    assert payload.result == checks.evaluate(r.loop.trainer, spec)


def test_a_failing_check_says_why_and_training_goes_on(monkeypatch):
    spec = checks.check_spec({"check": "dead_share_at_most", "value": 1.0})

    def broken(trainer, params):
        raise RuntimeError("boom")

    check = checks.CHECKS["dead_share_at_most"]
    monkeypatch.setitem(
        checks.CHECKS,
        "dead_share_at_most",
        checks.Check(broken, check.held, check.params, check.measures),
    )
    r = Recorder()
    r.loop.post(1, c.Subscribe(_request(spec)))
    r.loop.post(2, c.Run(True))
    r.run_for(0.6)
    payloads = [s.insights["lesson"] for s in r.snaps if "lesson" in (s.insights or {})]
    assert len(payloads) >= 2  # at once, then about every 0.25 s while running
    payload = payloads[-1]
    assert payload.result.held is False and payload.result.measured["reason"] == "boom"
    assert r.loop.running and r.loop.trainer.step_count > 0 and not r.of(c.Failed)


def test_without_a_check_there_is_no_payload():
    r = Recorder()
    r.loop.post(1, c.Subscribe(_request(None)))
    r.loop.iterate()
    assert r.snaps[-1].insights.get("lesson") is None


def test_the_regions_check_counts_the_plane_the_window_shows():
    from playground.core.analysis import regions

    spec = checks.check_spec({"check": "regions_at_least", "value": 1})
    r = Recorder(hidden=((6, "relu"),))
    shown = (1.0, 2.0, 1.0, 2.0)  # zoomed in: fewer regions than over the data's plane
    r.loop.post(1, c.Subscribe(c.InsightRequest(frozenset({"lesson"}), extent=shown, lesson=spec)))
    r.loop.iterate()
    got = r.snaps[-1].insights["lesson"].result.measured["regions"]
    t = r.loop.trainer
    assert got == regions.linear_regions(t.network, shown, t.config.features, 2).count
    whole = checks.evaluate(t, spec).measured["regions"]  # headless: the data's plane
    assert (
        whole
        == regions.linear_regions(
            t.network, insights.grid.plane_extent(t.data), t.config.features, 2
        ).count
    )
    assert got < whole
