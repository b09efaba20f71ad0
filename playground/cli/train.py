"""`train`: build a Trainer from flags (and an optional project), train, report, save.

Every flag defaults to None so we can tell "given" from "not given": a given flag overrides the
project, a missing one keeps the project's value, and without a project DESIGN.md's defaults
apply (circle, 500 points, noise 0, half for testing, 4:tanh,2:tanh, sgd, lr 0.03, batch 10).
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

from playground.cli.args import (
    UsageError,
    choices_type,
    fraction,
    nonneg_float,
    nonneg_int,
    positive_float,
    positive_int,
    split_fraction,
)
from playground.cli.report import dumps, train_report, train_text
from playground.core import limits
from playground.core.data import csvio, datasets
from playground.core.data.datasets import DatasetSpec
from playground.core.data.features import parse_features
from playground.core.errors import Invalid, english
from playground.core.files.project import Project, ProjectError, load_project, save_project
from playground.core.nn import activations, heads, initializers, losses, optimizers, regularizers
from playground.core.nn.spec import TrainConfig, parse_layers
from playground.core.nn.trainer import Trainer

DEFAULT_LAYERS = "4:tanh,2:tanh"
DEFAULT_POINTS = 500
TEST_FRACTION = 0.5
DEFAULT_EPOCHS = 100  # with 250 training points and batch 10: 2500 steps, well under a second
# the flag that sets each field of TrainConfig and DatasetSpec (an Invalid names the field)
FLAGS = {
    "learning_rate": "--lr",
    "batch_size": "--batch",
    "reg_rate": "--reg-rate",
    "seed": "--seed",
    "features": "--features",
    "optimizer": "--optimizer",
    "initializer": "--init",
    "regularization": "--reg",
    "loss": "--loss",
    "output": "--output",
    "n": "--points",
    "noise": "--noise",
    "classes": "--classes",
    "name": "--dataset",
    "test_fraction": "--test-split",
}


def flag_error(e: Invalid, default: str) -> UsageError:
    """A UsageError naming the flag that set the refused field."""
    field = e.field.split(".")[0].split("[")[0]
    return UsageError(FLAGS.get(field, default), english(e.code, e.params))


def add_arguments(p) -> None:
    _data_arguments(p)
    _network_arguments(p)
    _run_arguments(p)


def _data_arguments(p) -> None:
    p.add_argument(
        "project",
        nargs="?",
        metavar="PROJECT",
        help="project file to continue from (flags override it)",
    )
    _choice(p, "--dataset", datasets.names(), "data set", "circle")
    p.add_argument(
        "--data", metavar="FILE.csv", help="train on the points of a CSV file instead of a data set"
    )
    p.add_argument(
        "--label",
        metavar="COLUMN",
        help="with --data: the label column, by header name or number from 1 "
        "(default: a column named label, class, y or target, else the last)",
    )
    p.add_argument(
        "--task",
        type=choices_type(list(csvio.TASKS), "task"),
        metavar="TASK",
        help="with --data: read the labels as classes or regression targets "
        "(default: detected; asked when the file leaves it open)",
    )
    p.add_argument("--points", type=positive_int, help="number of points (default 500)")
    p.add_argument("--noise", type=fraction, help="0 (clean) to 1 (default 0)")
    p.add_argument(
        "--test-split",
        type=split_fraction,
        metavar="F",
        help=f"share of the points held out for testing, 0 to "
        f"{limits.MAX_TEST_FRACTION:g} (default 0.5)",
    )
    takers = [k for k in datasets.names() if datasets.info(k).multiclass]
    p.add_argument(
        "--classes",
        type=positive_int,
        help=f"2 to {limits.MAX_CLASSES} classes for {', '.join(takers)}",
    )


def _network_arguments(p) -> None:
    p.add_argument(
        "--layers",
        help=f'hidden layers, e.g. "8:relu,8:leaky_relu=0.1" '
        f'(default "{DEFAULT_LAYERS}"; "none" for no hidden layer)',
    )
    _choice(p, "--output", activations.output_heads(), "output head", "follows the task")
    _choice(p, "--loss", losses.names(), "loss", "follows the output head")
    _choice(p, "--optimizer", optimizers.names(), "optimizer", "sgd")
    p.add_argument("--lr", type=positive_float, help="learning rate (default 0.03)")
    p.add_argument("--batch", type=positive_int, help="batch size (default 10)")
    _choice(p, "--reg", regularizers.names(), "regularizer", "none")
    p.add_argument("--reg-rate", type=nonneg_float, help="regularization rate (default 0)")
    _choice(p, "--init", initializers.names(), "initializer", "glorot")
    p.add_argument("--features", help="comma-separated, e.g. x1,x2,x1sq (default x1,x2)")


def _run_arguments(p) -> None:
    length = p.add_mutually_exclusive_group()
    length.add_argument(
        "--steps", type=nonneg_int, help=f"mini-batch steps to train (at most {limits.MAX_STEPS:,})"
    )
    length.add_argument(
        "--epochs",
        type=nonneg_int,
        help=f"epochs to train (default {DEFAULT_EPOCHS}, at most {limits.MAX_STEPS:,})",
    )
    p.add_argument("--seed", type=nonneg_int, help="seed for data, weights and shuffling")
    p.add_argument("--json", action="store_true", help="print one JSON object at the end")
    p.add_argument("--save", metavar="OUT.json", help="save the trained project (with weights)")


def _choice(p, flag: str, names: list[str], what: str, default: str) -> None:
    p.add_argument(
        flag,
        type=choices_type(names, what),
        metavar="NAME",
        help=f"{', '.join(names)} (default {default})",
    )


# ---------------------------------------------------------------------- settings
def open_project(path: str) -> Project:
    try:
        return load_project(path)
    except ProjectError as e:
        raise UsageError("PROJECT", str(e)) from None


# the CSV errors that concern --label, and the flag that settles the CSV errors that ask
CSV_LABEL_CODES = ("csv_no_column", "csv_no_header", "csv_column_number")
CSV_HINTS = {"csv_choose_task": "--task regression", "csv_mixed_labels": "--task classes"}


def _csv_data(args):
    """The points of --data FILE.csv: its own test column, else half for testing by --seed."""
    for flag, value in (
        ("--dataset", args.dataset),
        ("--points", args.points),
        ("--noise", args.noise),
        ("--classes", args.classes),
    ):
        if value is not None:
            raise UsageError("--data", f"not allowed with {flag} (the file holds the points)")
    try:
        split = TEST_FRACTION if args.test_split is None else args.test_split
        return csvio.read_points(
            args.data, args.label, args.task, test_fraction=split, seed=args.seed or 0
        )
    except csvio.CsvError as e:
        flag = "--label" if e.code in CSV_LABEL_CODES else "--data"
        hint = f" ({CSV_HINTS[e.code]})" if e.code in CSV_HINTS else ""
        raise UsageError(flag, e.text() + hint) from None


def _data(args, project: Project | None):
    """(PointSet, DatasetSpec or None): the project's points unless a data flag is given."""
    if args.data is not None:
        return _csv_data(args), None
    for flag, value in (("--label", args.label), ("--task", args.task)):
        if value is not None:
            raise UsageError(flag, "applies to --data FILE.csv only")
    given = [args.dataset, args.points, args.noise, args.classes]
    if project is not None and all(v is None for v in given):
        if args.test_split is None:
            return project.data, project.dataset
        resplit = project.data.with_split(args.test_split, args.seed or 0)
        dataset = project.dataset and replace(project.dataset, test_fraction=args.test_split)
        return resplit, dataset
    base = project.dataset if project is not None else None
    if project is not None and base is None and args.dataset is None:
        raise UsageError(
            "--dataset",
            "the project's points were not generated; name a data set "
            f"to generate new ones ({', '.join(datasets.names())})",
        )
    name = args.dataset or (base.name if base else "circle")
    same = base is not None and name == base.name
    settings = {
        "name": name,
        "n": args.points or (base.n if same else DEFAULT_POINTS),
        "noise": args.noise if args.noise is not None else (base.noise if base else 0.0),
        "seed": args.seed if args.seed is not None else (base.seed if base else 0),
        "classes": args.classes if args.classes is not None else (base.classes if same else None),
        "test_fraction": args.test_split
        if args.test_split is not None
        else (base.test_fraction if base else TEST_FRACTION),
    }
    if args.classes is not None and not datasets.info(name).multiclass and args.classes != 2:
        takers = [k for k in datasets.names() if datasets.info(k).multiclass]
        raise UsageError(
            "--classes",
            f"data set {name!r} has a fixed number of classes; "
            f"--classes applies to {', '.join(takers)}",
        )
    try:
        spec = DatasetSpec(**settings)
    except Invalid as e:
        raise flag_error(e, "--dataset") from None
    return spec.generate(), spec


def _config(args, project: Project | None) -> TrainConfig:
    base = project.config if project is not None else TrainConfig()
    changes = {
        "optimizer": args.optimizer,
        "learning_rate": args.lr,
        "batch_size": args.batch,
        "regularization": args.reg,
        "reg_rate": args.reg_rate,
        "initializer": args.init,
        "seed": args.seed,
        "loss": args.loss,
    }
    try:
        if args.features is not None:
            changes["features"] = parse_features(args.features)
        config = replace(base, **{k: v for k, v in changes.items() if v is not None})
    except Invalid as e:
        raise flag_error(e, "--features") from None
    if (
        args.reg is not None
        and args.reg != "none"
        and args.reg_rate is None
        and config.reg_rate == 0
    ):
        raise UsageError("--reg-rate", f"--reg {args.reg} needs a rate > 0, e.g. --reg-rate 0.001")
    return config


def _hidden(args, project: Project | None):
    if args.layers is None:
        return project.hidden if project is not None else parse_layers(DEFAULT_LAYERS)
    try:
        return parse_layers(args.layers)
    except Invalid as e:
        raise UsageError("--layers", e.text()) from None


def build(args) -> tuple[Trainer, Project | None, DatasetSpec | None]:
    """(trainer, the project it continues from or None, dataset settings or None)."""
    project = open_project(args.project) if args.project else None
    data, settings = _data(args, project)
    config = _config(args, project)
    hidden = _hidden(args, project)
    output = args.output or (project.output if project is not None else None)
    try:
        spec = heads.network_spec(data, hidden, config.features, output, config.loss)
    except Invalid as e:
        if e.field == "loss":
            raise flag_error(e, "--loss") from None
        outputs = f"{data.n_outputs} output{'s' * (data.n_outputs > 1)}"
        raise UsageError(
            "--output", f"{e.text().split(': ', 1)[-1]} (the {data.task} task has {outputs})"
        ) from None
    if project is None or project.params is None or project.spec() != spec:
        return Trainer(spec, data, config), project, settings
    trainer = Trainer(spec, data, config, project.params)  # same network: continue from it
    if project.run is not None:
        trainer.restore_run(project.run)  # its step, epoch, history and initial weights
    return trainer, project, settings


# ---------------------------------------------------------------------- running
class Progress:
    """A one-line bar on a terminal's stderr, drawn at most 10×/s once training takes > 0.3 s."""

    def __init__(self, total: int, stream=None):
        self.total, self.stream = total, stream or sys.stderr
        self.start = self.last = time.perf_counter()
        self.shown = False

    def update(self, done: int) -> None:
        now = time.perf_counter()
        if now - self.start < 0.3 or now - self.last < 0.1:
            return
        self.last, self.shown = now, True
        share = done / max(self.total, 1)
        bar = "#" * int(30 * share)
        self.stream.write(f"\rtraining [{bar:<30}] {100 * share:5.1f}%  {done}/{self.total} steps")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * 72 + "\r")
            self.stream.flush()


def train_steps(trainer: Trainer, total: int, progress: Progress | None) -> int:
    """Train up to `total` steps in chunks (stops early on divergence); returns steps taken."""
    chunk = max(1, min(1000, total // 50))
    done = 0
    while done < total:
        want = min(chunk, total - done)
        took = trainer.step(want)
        done += took
        if progress is not None:
            progress.update(done)
        if took < want:
            break
    if progress is not None:
        progress.close()
    return done


def _check_save_path(path: str | None) -> None:
    if path is not None and not Path(path).resolve().parent.is_dir():
        raise UsageError("--save", f"folder {str(Path(path).parent)!r} does not exist")


def run(args) -> int:
    _check_save_path(args.save)
    trainer, project, settings = build(args)
    if args.steps is not None:
        total = args.steps
    else:
        epochs = DEFAULT_EPOCHS if args.epochs is None else args.epochs
        if epochs > limits.MAX_STEPS:
            raise UsageError("--epochs", f"at most {limits.MAX_STEPS:,} (got {epochs:,})")
        total = epochs * trainer.steps_per_epoch
    if total > limits.MAX_STEPS:
        flag = "--steps" if args.steps is not None else "--epochs"
        raise UsageError(flag, f"at most {limits.MAX_STEPS:,} steps in one run (got {total:,})")
    show_bar = not args.json and sys.stderr.isatty()
    t0 = time.perf_counter()
    done = train_steps(trainer, total, Progress(total) if show_bar else None)
    trainer.record_now()  # the saved curve ends at the final epoch
    report = train_report(trainer, done, time.perf_counter() - t0)
    failure = None
    if args.save:
        try:
            save(trainer, project, settings, args.save)
            report["saved"] = args.save
        except UsageError as e:  # the run happened: report it, then say what failed
            failure = e
    print(dumps(report) if args.json else train_text(report))
    if failure is not None:
        raise failure
    return 0


def save(
    trainer: Trainer, project: Project | None, settings: DatasetSpec | None, path: str
) -> None:
    keep = (
        {}
        if project is None
        else {"view": project.view, "name": project.name, "description": project.description}
    )
    head = trainer.spec.output
    output = None if head == heads.DEFAULT_HEAD[trainer.data.task] else head
    out = Project(
        trainer.data,
        trainer.spec.hidden,
        trainer.config,
        output,
        tuple(trainer.network.get_params()),
        dataset=settings,
        run=trainer.run_state(),
        **keep,
    )
    try:
        save_project(out, path)
    except (OSError, ProjectError) as e:
        raise UsageError("--save", str(e)) from None
