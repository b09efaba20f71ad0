"""`lesson NAME [--json] [--lang en|zh_CN]`: play a lesson headless and say, step by step,
whether its check held and what it measured. Exit 0 when every check held, 1 otherwise."""

from __future__ import annotations

from playground.cli.args import UsageError
from playground.cli.report import dumps
from playground.core.lessons.content import Lesson, LessonError, lesson_names, load_lesson
from playground.core.lessons.play import Player, StepOutcome

LANGS = ("en", "zh_CN")


def add_arguments(p) -> None:
    p.add_argument("name", metavar="NAME", help="the lesson (list lessons names them)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--lang", choices=LANGS, default="en", help="language of the titles and goals")


def _views(lesson: Lesson) -> None:
    """Every view a setup opens is one the window has."""
    from playground.cli.main import insight_names

    known = insight_names()
    for i, step in enumerate(lesson.steps):
        for side in (step.setup or {}, (step.setup or {}).get("compare") or {}):
            for view in side.get("views") or ():
                if view not in known:
                    raise UsageError(
                        "NAME",
                        f"lesson {lesson.name}, step {i + 1}, setup.views: "
                        f"unknown view {view!r}; choose from "
                        f"{', '.join(known)}",
                    )


def lesson_lines(lesson: Lesson, outcomes: list[StepOutcome], lang: str) -> list[str]:
    lines = [f"{lesson.title.get(lang)} ({lesson.name})"]
    for i, o in enumerate(outcomes):
        state = {True: "held", False: "NOT HELD", None: "-"}[o.held]
        lines.append(f"{i + 1:>3}  {state:<9} {o.title}")
        if o.goal:
            lines.append(f"{'':>15}{o.goal}")
    return lines


def run(args) -> int:
    if args.name not in lesson_names():
        raise UsageError(
            "NAME", f"unknown lesson {args.name!r}; choose from {', '.join(lesson_names())}"
        )
    try:
        lesson = load_lesson(args.name)
        _views(lesson)
        outcomes = Player(lesson, args.lang).play()
    except LessonError as e:
        raise UsageError("NAME", str(e)) from None
    if args.json:
        print(
            dumps(
                {
                    "lesson": lesson.name,
                    "title": lesson.title.get(args.lang),
                    "steps": [o.to_dict() for o in outcomes],
                }
            )
        )
    else:
        print("\n".join(lesson_lines(lesson, outcomes, args.lang)))
    return 1 if any(o.held is False for o in outcomes) else 0
