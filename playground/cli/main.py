"""Command line: the GUI by default, or a headless command (train, inspect, export, lesson, list,
bench).

The contract lives in DESIGN.md ("Command line"). Bad arguments exit 2 with one line on stderr
that names the argument; the GUI and the optional benchmark parts are imported only when used.
"""

from __future__ import annotations

import gc
import importlib
import os
import re
import sys
from pathlib import Path

from playground.cli.args import PROG, Parser, UsageError, coordinates, fail, nonneg_int
from playground.core.files.view import INSIGHT_VIEWS, PICTURE_VIEWS

LANGS = ("en", "zh_CN")


def build_parser(only: str | None = None) -> Parser:
    """The command line's parser; with `only` (a command name) just that command's, so that
    opening the window does not import the headless commands' modules (~40 ms of a cold start)."""
    from playground import __version__

    parser = Parser(prog=PROG, description="See why neural networks need non-linear activations.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_text, add) in _COMMANDS.items():
        if only in (None, name):
            add(sub.add_parser(name, help=help_text))
    return parser


def _added_by(module: str):
    """A command's `add_arguments`, its module imported only when that command's parser is built."""

    def add(parser) -> None:
        importlib.import_module(module).add_arguments(parser)

    return add


def _list_arguments(lister) -> None:
    lister.add_argument(
        "what",
        choices=("datasets", "activations", "experiments", "lessons"),
        help="experiments: the experiments, then the lessons",
    )
    lister.add_argument(
        "--lang",
        choices=LANGS,
        default="en",
        help="with experiments or lessons: the language of the lessons' titles",
    )


def _inspect_arguments(inspect) -> None:
    inspect.add_argument("project", metavar="PROJECT")
    inspect.add_argument("--json", action="store_true")
    inspect.add_argument(
        "--at",
        metavar="X1,X2",
        help="the input to follow through every layer (one number per data "
        "column: X1 for 1-D data, X1,X2 for the plane, all d for d > 2)",
    )


def _gui_arguments(gui) -> None:
    gui.add_argument("project", nargs="?", metavar="PROJECT", help="project file to open")
    gui.add_argument("--experiment", metavar="NAME", help="built-in experiment to open")
    gui.add_argument("--lang", choices=LANGS, help="interface language")
    gui.add_argument("--snapshot", metavar="OUT.png", help="render the window to PNG, then exit")
    gui.add_argument("--steps", type=nonneg_int, help="with --snapshot: train N steps first")
    gui.add_argument(
        "--view",
        metavar="NAME[,NAME…]",
        help="insight views to open: " + ", ".join(insight_names()),
    )
    gui.add_argument("--at", metavar="X1,X2", help="pin the forward-pass inspector here")
    gui.add_argument(
        "--size",
        metavar="WxH",
        default="1600x1000",
        help="with --snapshot or --export-view: window size (default 1600x1000)",
    )
    gui.add_argument(
        "--export-view",
        metavar="NAME",
        help="write one view as a picture, then exit: " + ", ".join(PICTURE_VIEWS),
    )
    gui.add_argument("--out", metavar="FILE.png|.svg", help="with --export-view: the picture")
    gui.add_argument(
        "--lesson",
        metavar="NAME[:STEP]",
        help="open the lessons panel at this lesson (and step, from 1) and set it up",
    )


_COMMANDS = {  # name → (help, adds its arguments), in the order `--help` lists them
    "gui": ("open the window (the default)", _gui_arguments),
    "train": ("train headless and report", _added_by("playground.cli.train")),
    "inspect": (
        "layer table, parameter counts, collapse check; with --at, one input's forward pass",
        _inspect_arguments,
    ),
    "export": (
        "code (Keras, PyTorch, NumPy), weights or points of a project",
        _added_by("playground.cli.export"),
    ),
    "regions": ("exact linear regions of a project", _added_by("playground.cli.regions")),
    "list": ("list data sets, activations, experiments or lessons", _list_arguments),
    "lesson": (
        "play a lesson headless: each step's setup, training and check",
        _added_by("playground.cli.lesson"),
    ),
    "bench": (
        "engine throughput against PyTorch (1 thread), or the live window's (--gui)",
        _added_by("playground.cli.bench_command"),
    ),
}


def main(argv: list[str] | None = None) -> int:
    argv = _joined_points(sys.argv[1:] if argv is None else list(argv))
    if not argv or (argv[0].startswith("-") and argv[0] not in ("--version", "-h", "--help")):
        argv = ["gui", *argv]  # `activation-playground --lang zh_CN` opens the window
    # Start-up builds ~10⁶ objects and no garbage worth a collection: the window turns the
    # collector back on after its first paint (bench --startup), every other command at once.
    gc.disable()
    try:
        args = build_parser("gui" if argv[0] == "gui" else None).parse_args(argv)
        if args.command != "gui":
            gc.enable()
        code = _dispatch(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except UsageError as e:
        return fail(str(e))
    except BrokenPipeError:  # `… | head` closed the pipe: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    finally:
        gc.enable()


def _joined_points(argv: list[str]) -> list[str]:
    """["--at", "-2,3"] → ["--at=-2,3"] (also --extent): argparse takes "-2,3" for an option,
    not a value."""
    out: list[str] = []
    for arg in argv:
        if out and out[-1] in ("--at", "--extent") and re.match(r"-[\d.]", arg):
            out[-1] = f"{out[-1]}={arg}"
        else:
            out.append(arg)
    return out


def _dispatch(args) -> int:
    if args.command == "train":
        from playground.cli.train import run

        return run(args)
    if args.command == "inspect":
        from playground.cli.inspect import run_inspect

        return run_inspect(args)
    if args.command == "export":
        from playground.cli.export import run as run_export

        return run_export(args)
    if args.command == "lesson":
        from playground.cli.lesson import run as run_lesson

        return run_lesson(args)
    if args.command == "regions":
        from playground.cli.regions import run_regions

        return run_regions(args)
    if args.command == "list":
        from playground.cli.inspect import run_list

        return run_list(args)
    if args.command == "bench":
        from playground.cli.bench_command import run_bench

        return run_bench(args)
    return run_gui(args)


# ---------------------------------------------------------------------- gui
def _export_view(args) -> tuple[str, str] | None:
    """(view, file) of --export-view NAME --out FILE.png|.svg, checked."""
    if args.export_view is None:
        if args.out is not None:
            raise UsageError("--out", "only used with --export-view NAME")
        return None
    if args.export_view not in PICTURE_VIEWS:
        raise UsageError(
            "--export-view",
            f"unknown view {args.export_view!r}; choose from {', '.join(PICTURE_VIEWS)}",
        )
    if args.snapshot is not None:
        raise UsageError("--export-view", "give --snapshot or --export-view, not both")
    if args.out is None or Path(args.out).suffix.lower() not in (".png", ".svg"):
        raise UsageError("--out", f"must be a file ending in .png or .svg (got {args.out})")
    if not Path(args.out).resolve().parent.is_dir():
        raise UsageError("--out", f"folder not found for {args.out}")
    return args.export_view, args.out


def run_gui(args) -> int:
    export_view = _export_view(args)
    if args.steps is not None and args.snapshot is None and export_view is None:
        raise UsageError("--steps", "only used with --snapshot OUT.png or --export-view NAME")
    if args.snapshot is not None and not Path(args.snapshot).resolve().parent.is_dir():
        raise UsageError("--snapshot", f"folder not found for {args.snapshot}")
    if args.project is not None and not Path(args.project).is_file():
        raise UsageError("PROJECT", f"project file not found: {args.project}")
    if args.project is not None and args.experiment is not None:
        raise UsageError("--experiment", "give a PROJECT or an --experiment, not both")
    if args.experiment is not None:
        from playground.core.files.experiments import experiment_names

        if args.experiment not in experiment_names():
            raise UsageError(
                "--experiment",
                f"unknown experiment {args.experiment!r}; "
                f"choose from {', '.join(experiment_names())}",
            )
    try:
        from playground.ui.app import run_gui as start
    except ImportError as e:
        return fail(f"the GUI is not available ({e})", 1)
    return start(
        project=args.project,
        experiment=args.experiment,
        lang=args.lang,
        snapshot=args.snapshot,
        steps=args.steps or 0,
        views=_views(args.view),
        at=point_arg(args.at, "--at"),
        size=_size(args.size),
        export_view=export_view,
        lesson=_lesson_place(args.lesson),
    )


def insight_names() -> list[str]:
    return list(INSIGHT_VIEWS)


def _views(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    names = tuple(n.strip() for n in text.split(",") if n.strip())
    unknown = [n for n in names if n not in insight_names()]
    if unknown:
        raise UsageError(
            "--view", f"unknown view {unknown[0]!r}; choose from {', '.join(insight_names())}"
        )
    return names


def point_arg(text: str | None, flag: str) -> tuple[float, float] | None:
    """ "X1,X2" as two finite numbers within the coordinate limit."""
    return coordinates(text, flag, 2)


def _lesson_place(text: str | None) -> tuple[str, int] | None:
    """ "NAME[:STEP]" as (lesson name, 0-based step), both checked."""
    if text is None:
        return None
    from playground.core.lessons.content import lesson_names, load_lesson

    name, _, step = text.partition(":")
    if name not in lesson_names():
        raise UsageError(
            "--lesson", f"unknown lesson {name!r}; choose from {', '.join(lesson_names())}"
        )
    count = len(load_lesson(name).steps)
    if step and not (step.isdigit() and 1 <= int(step) <= count):
        raise UsageError("--lesson", f"step must be 1..{count} for lesson {name} (got {step})")
    return name, int(step) - 1 if step else 0


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise UsageError("--size", f"must be WIDTHxHEIGHT, e.g. 1280x720 (got {text})") from None
    if not (640 <= w <= 7680 and 480 <= h <= 4320):
        raise UsageError("--size", f"must be within 640x480..7680x4320 (got {text})")
    return w, h


if __name__ == "__main__":
    sys.exit(main())
