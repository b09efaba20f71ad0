"""The bundled lessons: every check holds when its steps are followed (headless, seeded), a wrong
setup keeps it false, every text exists in both languages with the same formulas and
placeholders, and every experiment is part of a lesson."""

from __future__ import annotations

from dataclasses import replace

import pytest

from playground.core.files.experiments import experiment_names
from playground.core.lessons import checks
from playground.core.lessons.content import (
    LANGS,
    Lesson,
    formulas,
    lesson_names,
    load_lesson,
    placeholders,
    setup_through,
)
from playground.core.lessons.play import Player
from playground.live.insights import VIEWS

LESSONS = lesson_names()


def _texts(lesson: Lesson):
    """(where, Text) of every text of a lesson."""
    yield "title", lesson.title
    yield "summary", lesson.summary
    for i, step in enumerate(lesson.steps):
        yield f"step {i + 1} title", step.title
        yield f"step {i + 1} text", step.text
        if step.goal is not None:
            yield f"step {i + 1} goal", step.goal
        if step.question is not None:
            q = step.question
            yield f"step {i + 1} question", q.text
            yield f"step {i + 1} explain", q.explain
            for k, choice in enumerate(q.choices):
                yield f"step {i + 1} choice {k}", choice


def test_the_issue_asks_for_at_least_thirteen_lessons_of_a_few_steps():
    assert len(LESSONS) >= 13
    for name in LESSONS:
        assert 2 <= len(load_lesson(name).steps) <= 6, name


def test_every_bundled_experiment_is_set_up_by_some_lesson_step():
    used = {
        step.setup.get("experiment")
        for name in LESSONS
        for step in load_lesson(name).steps
        if step.setup
    }
    assert set(experiment_names()) <= used


@pytest.mark.parametrize("name", LESSONS)
def test_every_text_exists_in_both_languages_with_the_same_formulas_and_placeholders(name):
    for where, text in _texts(load_lesson(name)):
        en, zh = (text.get(lang) for lang in LANGS)
        assert en.strip() and zh.strip(), where
        assert sorted(formulas(en)) == sorted(formulas(zh)), where
        assert placeholders(en) == placeholders(zh), where
        if zh == en:  # a name or a number, the same in both ("Tanh", "1")
            assert len(en) <= 12, f"{where}: not translated"
        else:
            assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), f"{where}: no Chinese"
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in en), f"{where}: Chinese in en"


@pytest.mark.parametrize("name", LESSONS)
def test_every_goal_names_only_numbers_its_check_measures(name):
    for step in load_lesson(name).steps:
        if step.check is not None:
            assert placeholders(step.goal.en) <= checks.placeholder_names(step.check)


@pytest.mark.parametrize("name", LESSONS)
def test_every_view_a_lesson_opens_is_a_view_of_the_window(name):
    for step in load_lesson(name).steps:
        for side in (step.setup or {}, (step.setup or {}).get("compare") or {}):
            assert set(side.get("views") or ()) <= set(VIEWS)


@pytest.mark.parametrize("name", LESSONS)
def test_every_check_of_a_lesson_holds_when_its_steps_are_followed(name):
    outcomes = Player(load_lesson(name)).play()
    for i, outcome in enumerate(outcomes):
        assert outcome.held in (True, None), (name, i + 1, outcome.measured)
        if load_lesson(name).steps[i].check is not None:
            assert outcome.held is True
    assert any(o.held for o in outcomes)


# lesson, step (from 1), a setup that contradicts the step's claim
WRONG = [
    ("every-layer", 1, {"layers": "16:tanh,16:linear"}),  # a bend: no single map
    ("every-layer", 3, {"layers": "16:linear,16:linear", "compare": None}),
    ("xor", 1, {"experiment": "xor-tanh"}),  # tanh where the step expects linear
    ("xor", 3, {"layers": "8:linear", "compare": None}),
    ("two-lines", 2, {"layers": "2:linear", "compare": None}),
    ("next-layer", 2, {"layers": "4:sigmoid", "compare": None}),
    ("bias", 1, {"dataset": "gauss"}),  # two clouds around the origin need no bias
    ("input-size", 2, {"features": "x1,x2"}),
    ("vectorization", 2, {"batch": 20}),
    ("derivatives", 1, {"layers": "8:tanh,4:tanh"}),
    ("derivatives", 4, {"layers": "8:relu,4:relu"}),
    ("initialization", 1, {"init": "glorot"}),
    (
        "vanishing-gradients",
        1,
        {"layers": "8:tanh,8:tanh,8:tanh,8:tanh,8:tanh,8:tanh", "compare": None},
    ),
    ("dying-relu", 3, {"lr": 0.03, "compare": None}),
    ("dying-relu", 4, {"layers": "8:relu,8:relu"}),
    ("universal-approximation", 4, {"layers": "1:tanh"}),
    ("linear-regions", 1, {"layers": "8:tanh"}),  # smooth: no linear regions at all
    ("linear-regions", 2, {"layers": "8:linear"}),  # one map everywhere
    ("linear-regions", 3, {"layers": "8:relu", "compare": None}),
]


@pytest.mark.parametrize(("name", "number", "wrong"), WRONG, ids=[f"{n}-{k}" for n, k, _ in WRONG])
def test_a_wrong_setup_keeps_the_check_false(name, number, wrong):
    lesson = load_lesson(name)
    step = lesson.steps[number - 1]
    state = {**setup_through(lesson, number - 1), **wrong}  # the step's state, then the error
    alone = replace(step, setup={k: v for k, v in state.items() if v is not None})
    outcome = Player(replace(lesson, steps=(alone,))).play_step(0)
    assert outcome.held is False, outcome.measured


def test_a_compare_step_holds_only_when_side_b_does_not():
    lesson = load_lesson("xor")
    step = lesson.steps[2]
    assert step.compare == {"layers": "8:linear"}
    alone = replace(step, setup=setup_through(lesson, 2))
    outcome = Player(replace(lesson, steps=(alone,))).play_step(0)
    assert outcome.held is True and outcome.measured["b"]["held"] is False
    assert outcome.measured["b"]["accuracy"] <= 0.6 < outcome.measured["accuracy"]
    same = replace(alone, setup={**alone.setup, "compare": {"layers": "16:tanh"}})
    assert Player(replace(lesson, steps=(same,))).play_step(0).held is False  # both hold
