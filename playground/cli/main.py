"""Command line: the GUI by default, or a headless command (train, inspect, list, bench).

The contract lives in DESIGN.md ("Command line"). Bad arguments exit 2 with one line on stderr
that names the argument; the GUI and the optional benchmark parts are imported only when used.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playground.cli.args import (
    PROG,
    Parser,
    UsageError,
    fail,
    nonneg_int,
    positive_float,
)

LANGS = ("en", "zh_CN")


def build_parser() -> Parser:
    from playground import __version__
    from playground.cli.regions import add_arguments as add_regions_arguments
    from playground.cli.train import add_arguments as add_train_arguments

    parser = Parser(prog=PROG, description="See why neural networks need non-linear activations.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", help="open the window (the default)")
    gui.add_argument("project", nargs="?", metavar="PROJECT", help="project file to open")
    gui.add_argument("--experiment", metavar="NAME", help="built-in experiment to open")
    gui.add_argument("--lang", choices=LANGS, help="interface language")
    gui.add_argument("--snapshot", metavar="OUT.png", help="render the window to PNG, then exit")
    gui.add_argument("--steps", type=nonneg_int, help="with --snapshot: train N steps first")

    add_train_arguments(sub.add_parser("train", help="train headless and report"))

    inspect = sub.add_parser("inspect", help="layer table, parameter counts, collapse check")
    inspect.add_argument("project", metavar="PROJECT")
    inspect.add_argument("--json", action="store_true")

    add_regions_arguments(sub.add_parser("regions", help="exact linear regions of a project"))

    lister = sub.add_parser("list", help="list data sets, activations or experiments")
    lister.add_argument("what", choices=("datasets", "activations", "experiments"))

    bench = sub.add_parser("bench", help="engine throughput against PyTorch (1 thread)")
    bench.add_argument("--json", action="store_true")
    bench.add_argument("--gui", action="store_true", help="measure the live GUI instead")
    bench.add_argument("--seconds", type=positive_float, default=10.0,
                       help="with --gui: how long to run (default 10)")
    bench.add_argument("--dtype", choices=("float64", "float32"), default="float32")
    bench.add_argument("--quick", action="store_true", help="tiny timings (for tests only)")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser().parse_args(argv or ["gui"])
    try:
        return _dispatch(args)
    except UsageError as e:
        return fail(str(e))


def _dispatch(args) -> int:
    if args.command == "train":
        from playground.cli.train import run

        return run(args)
    if args.command == "inspect":
        from playground.cli.inspect import run_inspect

        return run_inspect(args)
    if args.command == "regions":
        from playground.cli.regions import run_regions

        return run_regions(args)
    if args.command == "list":
        from playground.cli.inspect import run_list

        return run_list(args)
    if args.command == "bench":
        return run_bench(args)
    return run_gui(args)


# ---------------------------------------------------------------------- gui
def run_gui(args) -> int:
    if args.steps is not None and args.snapshot is None:
        raise UsageError("--steps", "only used with --snapshot OUT.png")
    if args.snapshot is not None and not Path(args.snapshot).resolve().parent.is_dir():
        raise UsageError("--snapshot", f"folder not found for {args.snapshot}")
    if args.project is not None and not Path(args.project).is_file():
        raise UsageError("PROJECT", f"project file not found: {args.project}")
    if args.project is not None and args.experiment is not None:
        raise UsageError("--experiment", "give a PROJECT or an --experiment, not both")
    if args.experiment is not None:
        from playground.core.files.experiments import experiment_names

        if args.experiment not in experiment_names():
            raise UsageError("--experiment", f"unknown experiment {args.experiment!r}; "
                                             f"choose from {', '.join(experiment_names())}")
    try:
        from playground.ui.app import run_gui as start
    except ImportError as e:
        return fail(f"the GUI is not available ({e})", 1)
    return start(project=args.project, experiment=args.experiment, lang=args.lang,
                 snapshot=args.snapshot, steps=args.steps or 0)


# ---------------------------------------------------------------------- bench
def run_bench(args) -> int:
    from playground.cli.report import dumps

    if args.gui:
        try:
            from playground.cli.bench_gui import run as bench_gui
        except ImportError as e:
            return fail(f"the GUI benchmark is not available ({e})", 1)
        result = bench_gui(seconds=args.seconds)
        print(dumps(result) if args.json else
              "\n".join(f"{k:<28}{v}" for k, v in result.items()))
        return 0
    from playground.cli import bench

    duration, repeats = (0.01, 1) if args.quick else (0.5, 3)
    result = bench.run(duration=duration, repeats=repeats, dtype=args.dtype)
    print(dumps(result) if args.json else bench.format_table(result))
    return 0
