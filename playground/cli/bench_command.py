"""The `bench` command: its flags, and which benchmark they run."""

from __future__ import annotations

from playground.cli.args import UsageError, fail, positive_float, positive_int


def add_arguments(bench) -> None:
    bench.add_argument("--json", action="store_true")
    bench.add_argument("--gui", action="store_true", help="measure the live GUI instead")
    bench.add_argument(
        "--startup",
        action="store_true",
        help="measure the cold start: process start to the first paint",
    )
    bench.add_argument(
        "--scaling",
        action="store_true",
        help="steps/s and live fps against width, depth and points",
    )
    bench.add_argument(
        "--seconds",
        type=positive_float,
        default=10.0,
        help="with --gui: how long to run (default 10)",
    )
    bench.add_argument(
        "--layers",
        metavar="LAYERS",
        help='with --gui: hidden layers, e.g. "64:tanh,64:tanh" (default six 8:tanh)',
    )
    bench.add_argument(
        "--points",
        type=positive_int,
        default=500,
        help="with --gui: circle points, 1 to 100,000 (default 500)",
    )
    bench.add_argument(
        "--views",
        metavar="all|NAME[,NAME…]",
        help="with --gui: insight views open, each in its own window",
    )
    bench.add_argument("--dtype", choices=("float64", "float32"), default="float32")
    bench.add_argument("--quick", action="store_true", help="tiny timings (for tests only)")


def gui_bench_options(args) -> dict:
    """bench_gui.run's keyword arguments from the flags (UsageError naming a bad one)."""
    from playground.cli.bench_gui import DEFAULT_LAYERS, view_names
    from playground.cli.train import flag_error
    from playground.core import limits
    from playground.core.errors import Invalid
    from playground.core.nn.spec import parse_layers

    layers = args.layers or DEFAULT_LAYERS
    try:
        parse_layers(layers)
    except Invalid as e:
        raise flag_error(e, "--layers") from None
    if args.points > limits.MAX_POINTS:
        raise UsageError("--points", f"at most {limits.MAX_POINTS:,} (got {args.points:,})")
    try:
        views = view_names(args.views)
    except ValueError as e:
        raise UsageError("--views", str(e)) from None
    return {"seconds": args.seconds, "layers": layers, "points": args.points, "views": views}


def run_bench(args) -> int:
    from playground.cli.report import dumps

    if args.scaling:
        from playground.cli import bench_scaling

        result = bench_scaling.run()
        print(dumps(result) if args.json else bench_scaling.format_table(result))
        return 0
    if args.startup:
        from playground.cli.bench_startup import run as bench_startup

        result = bench_startup()
        print(dumps(result) if args.json else "\n".join(f"{k:<28}{v}" for k, v in result.items()))
        return 0
    if args.gui:
        try:
            from playground.cli.bench_gui import run as bench_gui
        except ImportError as e:
            return fail(f"the GUI benchmark is not available ({e})", 1)
        result = bench_gui(**gui_bench_options(args))
        print(dumps(result) if args.json else "\n".join(f"{k:<28}{v}" for k, v in result.items()))
        return 0
    from playground.cli import bench

    duration, repeats = (0.01, 1) if args.quick else (0.5, 3)
    result = bench.run(duration=duration, repeats=repeats, dtype=args.dtype)
    print(dumps(result) if args.json else bench.format_table(result))
    return 0
