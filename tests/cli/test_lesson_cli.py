"""`lesson NAME [--json] [--lang]` and `gui --lesson`: the command line contract for lessons."""

from __future__ import annotations

import json

import pytest

from playground.cli.main import main
from playground.core.lessons import content
from playground.core.lessons.content import lesson_from_dict


def _json(capsys, *argv) -> tuple[int, dict]:
    code = main(list(argv))
    out = capsys.readouterr().out
    assert out.count("\n") == 1, "--json prints exactly one line"
    return code, json.loads(out)


def test_lesson_json_reports_every_step_and_exits_0_when_every_check_held(capsys):
    code, report = _json(capsys, "lesson", "bias", "--json")
    assert code == 0
    assert set(report) == {"lesson", "title", "steps"}
    assert report["lesson"] == "bias"
    assert report["title"] == content.load_lesson("bias").title.en
    first, second = report["steps"]
    assert set(first) == {"title", "held", "measured"}
    assert first["held"] is True and first["measured"]["bias_change"] >= 0.1
    assert second["held"] is None  # a step without a check


def test_lesson_speaks_chinese_when_asked(capsys):
    code, report = _json(capsys, "lesson", "derivatives", "--json", "--lang", "zh_CN")
    lesson = content.load_lesson("derivatives")
    assert code == 0 and report["title"] == lesson.title.zh_CN == "激活函数及其导数"
    assert [s["title"] for s in report["steps"]] == [s.title.zh_CN for s in lesson.steps]
    assert main(["lesson", "derivatives", "--lang", "zh_CN"]) == 0
    text = capsys.readouterr().out
    assert "激活函数及其导数 (derivatives)" in text and "f′ 的取值从" in text


def test_a_check_that_does_not_hold_exits_1(capsys, monkeypatch):
    wrong = {
        "format_version": 1,
        "title": {"en": "W", "zh_CN": "错"},
        "summary": {"en": "W", "zh_CN": "错"},
        "steps": [
            {
                "title": {"en": "S", "zh_CN": "步"},
                "text": {"en": "T", "zh_CN": "文"},
                "setup": {"experiment": "xor-linear"},
                "check": {"check": "accuracy_at_least", "value": 0.95, "after_epochs": 5},
                "goal": {"en": "{accuracy:.0%}", "zh_CN": "{accuracy:.0%}"},
            }
        ],
    }
    lesson = lesson_from_dict("wrong", wrong)
    monkeypatch.setattr(content, "_bundled", lambda: {"wrong": lesson})
    code, report = _json(capsys, "lesson", "wrong", "--json")
    assert code == 1 and report["steps"][0]["held"] is False
    assert report["steps"][0]["measured"]["epoch"] == 5


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["lesson", "nope"], "NAME: unknown lesson 'nope'; choose from every-layer, xor"),
        (["lesson", "xor", "--lang", "fr"], "--lang: invalid choice: 'fr'"),
        (["gui", "--lesson", "nope"], "--lesson: unknown lesson 'nope'"),
        (["gui", "--lesson", "xor:0"], "--lesson: step must be 1..4 for lesson xor (got 0)"),
    ],
)
def test_bad_lesson_arguments_exit_2_naming_them(argv, expected, capsys):
    try:
        code = main(argv)
    except SystemExit as e:  # argparse's own refusals
        code = e.code
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and expected in err


def test_list_experiments_names_the_lessons_in_the_chosen_language(capsys):
    assert main(["list", "experiments", "--lang", "zh_CN"]) == 0
    lines = capsys.readouterr().out.splitlines()
    names = content.lesson_names()
    assert [line.split()[0] for line in lines[-len(names) :]] == names
    assert lines[-len(names)].endswith(content.load_lesson(names[0]).title.zh_CN)


def test_list_lessons_names_only_the_lessons(capsys):
    assert main(["list", "lessons"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == content.lesson_names()
    assert lines[0].endswith(content.load_lesson(content.lesson_names()[0]).title.en)
