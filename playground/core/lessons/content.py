"""Lesson files: resources/lessons/<name>.json, every text in English and Chinese side by side.

    {"format_version": 1, "order": 2,
     "title": TEXT, "summary": TEXT,
     "steps": [{"title": TEXT, "text": TEXT,
                "setup": {...} (core.lessons.setup; may hold "compare": {...} for side B),
                "epochs": N (how long the headless player trains after the setup),
                "show": "keras" (the panel shows the current network's Keras code),
                "question": {"text": TEXT, "choices": [TEXT, ...], "answer": i,
                             "explain": TEXT, "after_epochs": N},
                "check": {"check": NAME, param: value, ...} (core.lessons.checks),
                "goal": TEXT (what the check looks for, with {placeholders})}, ...]}
    TEXT = {"en": "...", "zh_CN": "..."}

Formulas are written between backticks (`W = W₃·W₂·W₁`) and must be the same in both languages;
a goal's {name} or {name:.0%} placeholders are filled from the check's measured numbers and
parameters, and must also be the same in both languages. Every error names the lesson, the step
(counted from 1) and the field.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from playground.core.errors import Invalid
from playground.core.files.resources import resource_path
from playground.core.lessons import checks
from playground.core.lessons.setup import check_setup

FORMAT_VERSION = 1
LANGS = ("en", "zh_CN")
SHOWS = ("keras",)  # what a step may show besides its text
MAX_EPOCHS = 5000  # a step's headless training
FORMULA = re.compile(r"`([^`]+)`")
PLACEHOLDER = re.compile(r"\{([a-z_0-9]+)(?::([^{}]*))?\}")
_STEP_KEYS = {"title", "text", "setup", "epochs", "show", "question", "check", "goal"}


class LessonError(ValueError):
    """A lesson file that cannot be used; the message names the lesson, step and field."""


@dataclass(frozen=True)
class Text:
    """One text in every language (LANGS)."""

    en: str
    zh_CN: str

    def get(self, lang: str) -> str:
        return self.zh_CN if lang == "zh_CN" else self.en


@dataclass(frozen=True)
class Question:
    text: Text
    choices: tuple[Text, ...]
    answer: int  # index into choices
    explain: Text
    after_epochs: int  # the answer is revealed once the run has trained this many epochs


@dataclass(frozen=True, eq=False)
class Step:
    title: Text
    text: Text
    setup: dict | None = None  # core.lessons.setup keys; "compare": side B's changes
    epochs: int | None = None  # headless training after the setup (None: what the check needs)
    show: str | None = None
    question: Question | None = None
    check: checks.CheckSpec | None = None
    goal: Text | None = None

    @property
    def compare(self) -> dict | None:
        return None if self.setup is None else self.setup.get("compare")


@dataclass(frozen=True, eq=False)
class Lesson:
    name: str
    order: int
    title: Text
    summary: Text
    steps: tuple[Step, ...]


def setup_through(lesson: Lesson, index: int) -> dict:
    """Step `index`'s state as one setup: the setups of the steps before it merged in order (a
    step that loads an experiment starts afresh), then its own, with its own "compare" only.
    "Set it up" on any step gives the state the steps before it built."""
    merged: dict = {}
    for step in lesson.steps[: index + 1]:
        setup = {k: v for k, v in (step.setup or {}).items() if k != "compare"}
        if "experiment" in setup:
            merged = {}
        merged.update(setup)
    compare = lesson.steps[index].compare
    return merged | ({"compare": compare} if compare else {})


# ------------------------------------------------------------------ texts
def formulas(text: str) -> list[str]:
    return FORMULA.findall(text)


def placeholders(text: str) -> set[str]:
    return {m.group(1) for m in PLACEHOLDER.finditer(text)}


def fill(template: str, values: dict) -> str:
    """The goal text with each {name[:spec]} replaced by format(values[name], spec); "—" where
    the value is missing or None (nothing measured yet)."""

    def one(m: re.Match) -> str:
        value = values.get(m.group(1))
        if value is None:
            return "—"
        try:
            return format(value, m.group(2) or "")
        except (TypeError, ValueError):
            return str(value)

    return PLACEHOLDER.sub(one, template)


def _text(d, where: str, allowed: set[str] | None = None) -> Text:
    if d is None:
        raise Invalid(where, "missing", expected="a text in each of " + ", ".join(LANGS))
    if not isinstance(d, dict) or set(d) != set(LANGS):
        raise Invalid(
            where, "kind", expected="an object with the keys " + ", ".join(LANGS), value=_kind(d)
        )
    for lang in LANGS:
        if not isinstance(d[lang], str) or not d[lang].strip():
            raise Invalid(
                f"{where}.{lang}", "kind", expected="a non-empty string", value=repr(d[lang])[:40]
            )
    en, zh = d["en"], d["zh_CN"]
    if Counter(formulas(en)) != Counter(formulas(zh)):
        differ = sorted(
            (Counter(formulas(en)) - Counter(formulas(zh)))
            + (Counter(formulas(zh)) - Counter(formulas(en)))
        )
        raise Invalid(where, "lesson_formulas", value=repr(differ)[:120])
    if placeholders(en) != placeholders(zh):
        raise Invalid(
            where,
            "lesson_placeholders",
            value=", ".join(sorted(placeholders(en) ^ placeholders(zh))),
        )
    if allowed is not None and not placeholders(en) <= allowed:
        raise Invalid(
            where,
            "choice",
            what="placeholder",
            value=repr(sorted(placeholders(en) - allowed)[0]),
            choices=", ".join(sorted(allowed)),
        )
    return Text(en, zh)


def _kind(v) -> str:
    if isinstance(v, dict):
        return "an object with the keys " + ", ".join(sorted(v))
    return "null" if v is None else type(v).__name__


def _int(d: dict, key: str, where: str, low: int, high: int, default=None):
    value = d.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(f"{where}{key}", "integer", value=repr(value)[:40])
    if not low <= value <= high:
        raise Invalid(f"{where}{key}", "range", low=low, high=high, value=value)
    return value


# ------------------------------------------------------------------ steps
def _question(d, check: checks.CheckSpec | None, epochs: int | None) -> Question:
    if not isinstance(d, dict):
        raise Invalid("question", "kind", expected="an object", value=_kind(d))
    _known_keys(d, {"text", "choices", "answer", "explain", "after_epochs"}, "question.")
    choices = d.get("choices")
    if not isinstance(choices, list) or not 2 <= len(choices) <= 6:
        raise Invalid(
            "question.choices", "kind", expected="a list of 2 to 6 texts", value=_kind(choices)
        )
    texts = tuple(_text(c, f"question.choices[{i}]") for i, c in enumerate(choices))
    answer = _int(d, "answer", "question.", 0, len(texts) - 1)
    if answer is None:
        raise Invalid("question.answer", "missing", expected="the index of the right choice")
    gate = check.param("after_epochs", 0) if check is not None else 0
    after = _int(d, "after_epochs", "question.", 0, MAX_EPOCHS, gate or epochs or 1)
    return Question(
        _text(d.get("text"), "question.text"),
        texts,
        answer,
        _text(d.get("explain"), "question.explain"),
        after,
    )


def _known_keys(d: dict, known: set[str], where: str) -> None:
    unknown = sorted(set(d) - known)
    if unknown:
        raise Invalid(
            f"{where}{unknown[0]}",
            "choice",
            what="key",
            value=repr(unknown[0]),
            choices=", ".join(sorted(known)),
        )


def _step(d) -> Step:
    if not isinstance(d, dict):
        raise Invalid("", "kind", expected="an object", value=_kind(d))
    _known_keys(d, _STEP_KEYS, "")
    setup = d.get("setup")
    if setup is not None:
        check_setup(setup)
    check = None if d.get("check") is None else checks.check_spec(d["check"])
    goal = None
    if check is not None:
        goal = _text(d.get("goal"), "goal", checks.placeholder_names(check))
    elif d.get("goal") is not None:
        raise Invalid("goal", "kind", expected="null without a check", value="a text")
    show = d.get("show")
    if show is not None and show not in SHOWS:
        raise Invalid("show", "choice", what="name", value=repr(show), choices=", ".join(SHOWS))
    epochs = _int(d, "epochs", "", 0, MAX_EPOCHS)
    question = None if d.get("question") is None else _question(d["question"], check, epochs)
    return Step(
        _text(d.get("title"), "title"),
        _text(d.get("text"), "text"),
        setup,
        epochs,
        show,
        question,
        check,
        goal,
    )


def lesson_from_dict(name: str, d) -> Lesson:
    """Validate a parsed lesson file; LessonError names the lesson, the step and the field."""
    if not isinstance(d, dict):
        raise LessonError(f"lesson {name}: must be a JSON object, not {_kind(d)}")
    if d.get("format_version") != FORMAT_VERSION:
        raise LessonError(
            f"lesson {name}: format_version must be {FORMAT_VERSION}, "
            f"got {d.get('format_version')!r}"
        )
    try:
        _known_keys(d, {"format_version", "order", "title", "summary", "steps"}, "")
        order = _int(d, "order", "", 0, 999, 999)
        title, summary = _text(d.get("title"), "title"), _text(d.get("summary"), "summary")
    except Invalid as e:
        raise LessonError(f"lesson {name}: {e.text()}") from None
    steps = d.get("steps")
    if not isinstance(steps, list) or not steps:
        raise LessonError(f"lesson {name}: steps must be a non-empty list")
    out = []
    for i, step in enumerate(steps):
        try:
            out.append(_step(step))
        except Invalid as e:
            raise LessonError(f"lesson {name}, step {i + 1}, {e.text()}") from None
    return Lesson(name, order, title, summary, tuple(out))


# ------------------------------------------------------------------ files
def lessons_dir() -> Path:
    return resource_path("lessons")


def load_lesson_file(path) -> Lesson:
    path = Path(path)
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise LessonError(f"lesson {path.stem}: cannot read {path.name}: {e}") from None
    except json.JSONDecodeError as e:
        raise LessonError(
            f"lesson {path.stem}: malformed JSON at line {e.lineno} column {e.colno}: {e.msg}"
        ) from None
    return lesson_from_dict(path.stem, d)


@cache
def _bundled() -> dict[str, Lesson]:
    lessons = [load_lesson_file(p) for p in sorted(lessons_dir().glob("*.json"))]
    return {lesson.name: lesson for lesson in sorted(lessons, key=lambda x: (x.order, x.name))}


def lesson_names() -> list[str]:
    """The bundled lessons, in teaching order."""
    return list(_bundled())


def load_lesson(name: str) -> Lesson:
    lessons = _bundled()
    if name not in lessons:
        raise KeyError(f"unknown lesson {name!r}; choose from {', '.join(lessons)}")
    return lessons[name]
