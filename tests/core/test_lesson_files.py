"""Lesson files and setups: the schema is checked with errors that name the lesson, the step
and the field; a setup changes exactly what it names (the command line's words and checks),
and side B of a comparison is side A with the compare changes on top."""

from __future__ import annotations

import copy
import json

import numpy as np
import pytest

from playground.core.errors import Invalid
from playground.core.files.experiments import load_experiment
from playground.core.lessons.content import LessonError, fill, lesson_from_dict, load_lesson_file
from playground.core.lessons.setup import (
    apply_setup,
    check_setup,
    compare_labels,
    compare_project,
    setup_items,
)
from playground.core.nn.spec import LayerSpec


def T(en: str, zh: str = "中文") -> dict:
    return {"en": en, "zh_CN": zh}


GOOD = {
    "format_version": 1,
    "order": 5,
    "title": T("Title", "标题"),
    "summary": T("S", "摘要"),
    "steps": [
        {
            "title": T("One"),
            "text": T("Text with `z = W·x + b`.", "带 `z = W·x + b` 的文字。"),
            "setup": {"experiment": "xor-linear"},
        },
        {
            "title": T("Two"),
            "text": T("More"),
            "setup": {"lr": 0.1, "compare": {"layers": "8:tanh"}},
            "question": {
                "text": T("Q?"),
                "choices": [T("a"), T("b")],
                "answer": 1,
                "explain": T("Because."),
            },
            "check": {"check": "accuracy_at_most", "value": 0.6, "after_epochs": 3},
            "goal": T("Now {accuracy:.0%}", "现在 {accuracy:.0%}"),
        },
    ],
}


def _broken(path: str, value) -> dict:
    d = copy.deepcopy(GOOD)
    *keys, last = path.split("/")
    node = d
    for key in keys:
        node = node[int(key) if key.isdigit() else key]
    if value is _DROP:
        del node[last]
    else:
        node[int(last) if last.isdigit() else last] = value
    return d


_DROP = object()


def test_a_good_lesson_reads_with_every_part():
    lesson = lesson_from_dict("demo", GOOD)
    assert lesson.name == "demo" and lesson.order == 5 and len(lesson.steps) == 2
    step = lesson.steps[1]
    assert step.compare == {"layers": "8:tanh"} and step.question.answer == 1
    assert step.question.after_epochs == 3  # revealed once the check may hold
    assert step.check.as_dict() == {"check": "accuracy_at_most", "value": 0.6, "after_epochs": 3}
    assert step.title.get("zh_CN") == "中文" and step.title.get("en") == "Two"


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("format_version", 2, "lesson demo: format_version must be 1"),
        ("steps", [], "lesson demo: steps must be a non-empty list"),
        ("title", {"en": "Only English"}, "lesson demo: title: must be an object with the keys en"),
        ("colour", "red", "lesson demo: colour: unknown key 'colour'"),
        ("steps/0/text/zh_CN", "", "lesson demo, step 1, text.zh_CN: must be a non-empty string"),
        (
            "steps/0/text/zh_CN",
            "没有公式。",
            "lesson demo, step 1, text: the formulas between backticks differ",
        ),
        ("steps/0/setup/lr", -1, "lesson demo, step 1, setup.lr: must be a positive number"),
        (
            "steps/0/setup/layers",
            "8:swirl",
            "lesson demo, step 1, setup.layers: layer '8:swirl': unknown activation",
        ),
        (
            "steps/0/setup/dataset",
            "moon",
            "lesson demo, step 1, setup.dataset: unknown name 'moon'",
        ),
        ("steps/0/setup/experiment", "xor", "lesson demo, step 1, setup.experiment: unknown name"),
        ("steps/0/setup/views", "collapse", "lesson demo, step 1, setup.views: must be a list"),
        ("steps/0/setup/pin", [1.0], "lesson demo, step 1, setup.pin: expected shape (2,)"),
        ("steps/0/setup/speed", -5, "lesson demo, step 1, setup.speed: must be 0..10000"),
        ("steps/0/setup/momentum", 0.9, "lesson demo, step 1, setup.momentum: unknown key"),
        ("steps/1/setup/compare/batch", 0, "lesson demo, step 2, setup.compare.batch: must be 1.."),
        (
            "steps/1/setup/compare/compare",
            {},
            "lesson demo, step 2, setup.compare.compare: unknown key",
        ),
        ("steps/1/check/value", 2, "lesson demo, step 2, check.value: must be 0..1"),
        ("steps/1/check/check", "accuracy", "lesson demo, step 2, check: unknown name 'accuracy'"),
        ("steps/1/goal", _DROP, "lesson demo, step 2, goal: missing"),
        (
            "steps/1/goal/zh_CN",
            "现在 {loss}",
            "lesson demo, step 2, goal: the {placeholders} differ",
        ),
        (
            "steps/1/goal",
            T("{loss}", "{loss}"),
            "lesson demo, step 2, goal: unknown placeholder 'loss'",
        ),
        ("steps/1/question/answer", 2, "lesson demo, step 2, question.answer: must be 0..1"),
        (
            "steps/1/question/choices",
            [T("only")],
            "lesson demo, step 2, question.choices: must be a list of 2 to 6 texts",
        ),
        ("steps/1/show", "pytorch", "lesson demo, step 2, show: unknown name 'pytorch'"),
        ("steps/1/epochs", 1.5, "lesson demo, step 2, epochs: must be a whole number"),
    ],
)
def test_a_bad_field_is_an_error_naming_lesson_step_and_field(path, value, message):
    with pytest.raises(LessonError) as e:
        lesson_from_dict("demo", _broken(path, value))
    assert str(e.value).startswith(message), str(e.value)


def test_a_file_that_is_not_json_names_the_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format_version": 1,\n "title": }', encoding="utf-8")
    with pytest.raises(LessonError, match=r"lesson broken: malformed JSON at line 2"):
        load_lesson_file(path)
    good = tmp_path / "good.json"
    good.write_text(json.dumps(GOOD), encoding="utf-8")
    assert load_lesson_file(good).name == "good"


def test_goal_placeholders_are_filled_with_the_measured_numbers():
    assert fill("now {accuracy:.0%} at {epoch}", {"accuracy": 0.4, "epoch": 12}) == "now 40% at 12"
    assert fill("now {accuracy:.0%}", {"accuracy": None}) == "now —"
    assert fill("{activation}: {x:.2f}", {"activation": "tanh"}) == "tanh: —"


# ------------------------------------------------------------------ setups
def test_a_setup_changes_what_it_names_with_the_command_line_words():
    p = load_experiment("xor-tanh")
    q = apply_setup(
        p,
        {
            "layers": "8:relu",
            "lr": 0.3,
            "batch": 25,
            "init": "he",
            "seed": 4,
            "optimizer": "adam",
            "features": "x1,x2,x1sq",
            "views": ["hidden"],
            "pin": [1.0, -2.0],
            "speed": 0,
        },
    )
    assert q.hidden == (LayerSpec(8, "relu"),)
    c = q.config
    assert (c.learning_rate, c.batch_size, c.initializer, c.seed, c.optimizer) == (
        0.3,
        25,
        "he",
        4,
        "adam",
    )
    assert c.features == ("x1", "x2", "x1sq")
    assert q.view.views == ("hidden",) and q.view.pinned == (1.0, -2.0) and q.view.speed == 0
    assert q.data == p.data  # "seed" alone does not regenerate the points
    assert q.params is None and q.run is None


def test_data_keys_generate_new_points_seeded_like_the_command_line():
    p = load_experiment("xor-tanh")
    q = apply_setup(p, {"dataset": "spiral", "classes": 3, "points": 300, "seed": 2})
    assert q.dataset.name == "spiral" and q.data.n_classes == 3 and q.data.n == 300
    assert q.dataset.seed == 2 and q.config.seed == 2
    assert q.spec().output == "softmax" and q.name == ""  # the experiment's text no longer fits
    with pytest.raises(Invalid) as e:
        apply_setup(p, {"classes": 3})  # xor has two classes
    assert e.value.field == "setup.classes"
    with pytest.raises(Invalid) as e:
        apply_setup(p, {"output": "softmax"})  # one output
    assert e.value.field == "setup.output"


def test_an_experiment_keeps_how_the_learner_shows_the_window():
    p = apply_setup(load_experiment("xor-tanh"), {"speed": 50, "views": ["gradients"]})
    q = apply_setup(p, {"experiment": "dead-relu"})
    assert q.name == "dead-relu" and q.config.learning_rate == 3.0
    assert q.view.speed == 50 and q.view.views == ("gradients",)


def test_a_view_only_setup_keeps_the_weights_and_the_run():
    p = load_experiment("xor-tanh")
    trained = apply_setup(p, {"lr": 0.1})
    trained = type(p)(
        trained.data,
        trained.hidden,
        trained.config,
        params=tuple((np.ones((u, i)), np.zeros(u)) for u, i in ((8, 2), (4, 8), (1, 4))),
    )
    q = apply_setup(trained, {"pin": [0.0, 0.0], "select_layer": 1})
    assert all(np.array_equal(w, v) for (w, _), (v, _) in zip(q.params, trained.params))
    assert q.view.pinned == (0.0, 0.0) and q.view.selected_layer == 1
    assert apply_setup(trained, {"lr": 0.2}).params is None


def test_side_b_is_side_a_with_the_compare_changes():
    p = load_experiment("xor-linear")
    setup = {"layers": "8:tanh", "lr": 0.1, "compare": {"layers": "8:linear"}}
    a = apply_setup(p, setup)
    b = compare_project(p, setup)
    assert a.hidden == (LayerSpec(8, "tanh"),) and b.hidden == (LayerSpec(8, "linear"),)
    assert b.config == a.config and b.data == a.data
    assert compare_labels(a, b) == ("8:tanh", "8:linear")
    assert compare_labels(a, apply_setup(a, {"lr": 3.0, "init": "zeros"})) == (
        "lr 0.1 · init glorot",
        "lr 3 · init zeros",
    )
    assert compare_project(p, {"lr": 0.1}) is None


def test_setup_items_read_like_the_command_line():
    assert setup_items(
        {
            "layers": "8:tanh",
            "lr": 0.03,
            "views": ["hidden", "collapse"],
            "pin": [0.5, -1.0],
            "output": None,
            "compare": {"lr": 1},
        }
    ) == [
        ("layers", "8:tanh"),
        ("lr", "0.03"),
        ("views", "hidden, collapse"),
        ("pin", "0.5, -1"),
        ("output", "none"),
    ]


def test_check_setup_needs_no_project_and_names_the_key():
    check_setup({"experiment": "xor-tanh", "layers": "none", "features": ["x1"]})
    with pytest.raises(Invalid) as e:
        check_setup({"compare": {"lr": "fast"}})
    assert e.value.field == "setup.compare.lr"


def test_setup_through_a_step_is_the_state_its_steps_build():
    from playground.core.lessons.content import load_lesson, setup_through
    from playground.core.lessons.play import Player

    lesson = load_lesson("two-lines")
    merged = setup_through(lesson, 2)  # "Two ReLU units", after the linear and tanh steps
    assert merged["experiment"] == "band-relu" and merged["layers"] == "2:relu"
    assert merged["seed"] == 3 and merged["optimizer"] == "adam" and "compare" not in merged
    assert setup_through(lesson, 3) == {
        "experiment": "band-relu",
        "views": ["hidden"],
        "speed": 10,
    }  # an experiment starts afresh
    assert setup_through(lesson, 1)["compare"] == {"layers": "2:linear"}
    player = Player(lesson)
    for i in range(3):
        player.play_step(i)
    start = load_experiment("xor-tanh")
    jumped = apply_setup(start, merged)
    followed = player.project
    assert (jumped.data, jumped.hidden, jumped.config) == (
        followed.data,
        followed.hidden,
        followed.config,
    )
