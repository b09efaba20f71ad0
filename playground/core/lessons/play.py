"""Play a lesson headless: each step's setup applied to the state the previous step left (as a
learner clicking "Set it up" would), training as the step says (seeded, so every run is the same),
its check judged on the trainer.

Training: the step's "epochs" (more epochs after the setup), then as long as its check's
after_epochs / after_steps still ask for. A step whose setup leaves data, network and training
as they were carries on with the same trainer; any other setup starts a new one.

A compare step trains side B (the step's "compare" changes on top of A) for as many steps as A;
its check must hold on A and not on B: the one change makes the difference.
"""

from __future__ import annotations

from dataclasses import dataclass

from playground.core.errors import Invalid
from playground.core.files.experiments import DEFAULT_EXPERIMENT, load_experiment
from playground.core.files.project import Project
from playground.core.lessons import checks
from playground.core.lessons.content import Lesson, LessonError, Step, fill
from playground.core.lessons.setup import apply_setup, compare_project
from playground.core.nn.trainer import Trainer

MAX_STEP_TRAINING = 200_000  # mini-batch steps one lesson step may train headless


@dataclass(frozen=True)
class StepOutcome:
    title: str
    held: bool | None  # None: the step has no check
    measured: dict
    goal: str = ""  # the goal text with the measured numbers filled in ("" without a check)

    def to_dict(self) -> dict:
        return {"title": self.title, "held": self.held, "measured": self.measured}


def new_trainer(project: Project) -> Trainer:
    trainer = Trainer(project.spec(), project.data, project.config, project.params)
    if project.run is not None:
        trainer.restore_run(project.run)
    trainer.record_history = False  # checks read the weights, data and gradient history
    return trainer


def train_for(trainer: Trainer, step: Step) -> None:
    """The step's epochs, then until its check's gate is passed (at most MAX_STEP_TRAINING)."""
    budget = MAX_STEP_TRAINING
    if step.epochs:
        budget -= trainer.step(min(budget, step.epochs * trainer.steps_per_epoch))
    if step.check is None:
        return
    after_epochs, after_steps = (
        step.check.param("after_epochs", 0),
        step.check.param("after_steps", 0),
    )
    while (
        not trainer.diverged
        and budget > 0
        and (trainer.epoch < after_epochs or trainer.step_count < after_steps)
    ):
        want = min(budget, max(trainer.steps_to_epoch_end, after_steps - trainer.step_count))
        took = trainer.step(want)
        budget -= want
        if took < want:
            break


def _trained_parts(p: Project) -> tuple:
    return p.data, p.hidden, p.output, p.config


class Player:
    """Steps through a lesson, keeping the project and the trainer between steps."""

    def __init__(self, lesson: Lesson, lang: str = "en", start: Project | None = None):
        self.lesson, self.lang = lesson, lang
        self.project = start if start is not None else load_experiment(DEFAULT_EXPERIMENT)
        self.trainer: Trainer | None = None

    def play(self) -> list[StepOutcome]:
        return [self.play_step(i) for i in range(len(self.lesson.steps))]

    def play_step(self, i: int) -> StepOutcome:
        step = self.lesson.steps[i]
        try:
            return self._play(step)
        except Invalid as e:
            raise LessonError(f"lesson {self.lesson.name}, step {i + 1}, {e.text()}") from None

    def _play(self, step: Step) -> StepOutcome:
        before = self.project
        self.project = apply_setup(before, step.setup)
        fresh = (
            self.trainer is None
            or _trained_parts(self.project) != _trained_parts(before)
            or "experiment" in (step.setup or {})
        )
        if fresh:
            self.trainer = new_trainer(self.project)
        train_for(self.trainer, step)
        title = step.title.get(self.lang)
        if step.check is None:
            return StepOutcome(title, None, {"epoch": self.trainer.epoch})
        result = checks.evaluate(self.trainer, step.check)
        held, measured = result.held, result.measured
        side_b = compare_project(before, step.setup)
        if side_b is not None:
            other = self._side_b(side_b, step.check)
            measured = measured | {"b": other.measured | {"held": other.held}}
            held = held and not other.held
        values = checks.parameters(step.check) | result.measured
        goal = fill(step.goal.get(self.lang), values) if step.goal else ""
        return StepOutcome(title, held, measured, goal)

    def _side_b(self, project: Project, check: checks.CheckSpec) -> checks.CheckResult:
        """Side B trained as many steps as side A, judged by the same check."""
        trainer = new_trainer(project)
        trainer.step(self.trainer.step_count)
        return checks.evaluate(trainer, check)


def play_lesson(lesson: Lesson, lang: str = "en", start: Project | None = None) -> dict:
    """{"lesson", "title", "steps": [{"title", "held", "measured"}]} (see the CLI contract)."""
    outcomes = Player(lesson, lang, start).play()
    return {
        "lesson": lesson.name,
        "title": lesson.title.get(lang),
        "steps": [o.to_dict() for o in outcomes],
    }
