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

from playground.cli_args import (
    UsageError,
    choices_type,
    fraction,
    nonneg_float,
    nonneg_int,
    positive_float,
    positive_int,
)
from playground.cli_report import dumps, train_report, train_text
from playground.core import (
    activations,
    datasets,
    initializers,
    losses,
    optimizers,
    regularizers,
)
from playground.core.pointset import parse_features
from playground.core.project import Project, ProjectError, load_project, save_project
from playground.core.spec import parse_layers
from playground.core.trainer import (
    DEFAULT_HEAD,
    TrainConfig,
    Trainer,
    build_spec,
    default_loss,
)

DEFAULT_LAYERS = "4:tanh,2:tanh"
DEFAULT_POINTS = 500
TEST_FRACTION = 0.5
DEFAULT_EPOCHS = 100  # with 250 training points and batch 10: 2500 steps, well under a second


def add_arguments(p) -> None:
    p.add_argument("project", nargs="?", metavar="PROJECT",
                   help="project file to continue from (flags override it)")
    _choice(p, "--dataset", datasets.names(), "data set", "circle")
    p.add_argument("--points", type=positive_int, help="number of points (default 500)")
    p.add_argument("--noise", type=fraction, help="0 (clean) to 1 (default 0)")
    takers = [k for k in datasets.names() if datasets.info(k).multiclass]
    p.add_argument("--classes", type=positive_int,
                   help=f"2 to {datasets.MAX_CLASSES} classes for {', '.join(takers)}")
    p.add_argument("--layers", help=f'hidden layers, e.g. "8:relu,8:leaky_relu=0.1" '
                                    f'(default "{DEFAULT_LAYERS}"; "none" for no hidden layer)')
    _choice(p, "--output", activations.output_heads(), "output head", "follows the task")
    _choice(p, "--loss", losses.names(), "loss", "follows the output head")
    _choice(p, "--optimizer", optimizers.names(), "optimizer", "sgd")
    p.add_argument("--lr", type=positive_float, help="learning rate (default 0.03)")
    p.add_argument("--batch", type=positive_int, help="batch size (default 10)")
    _choice(p, "--reg", regularizers.names(), "regularizer", "none")
    p.add_argument("--reg-rate", type=nonneg_float, help="regularization rate (default 0)")
    _choice(p, "--init", initializers.names(), "initializer", "glorot")
    p.add_argument("--features", help="comma-separated, e.g. x1,x2,x1sq (default x1,x2)")
    length = p.add_mutually_exclusive_group()
    length.add_argument("--steps", type=nonneg_int, help="mini-batch steps to train")
    length.add_argument("--epochs", type=nonneg_int,
                        help=f"epochs to train (default {DEFAULT_EPOCHS})")
    p.add_argument("--seed", type=nonneg_int, help="seed for data, weights and shuffling")
    p.add_argument("--json", action="store_true", help="print one JSON object at the end")
    p.add_argument("--save", metavar="OUT.json", help="save the trained project (with weights)")


def _choice(p, flag: str, names: list[str], what: str, default: str) -> None:
    p.add_argument(flag, type=choices_type(names, what), metavar="NAME",
                   help=f"{', '.join(names)} (default {default})")


# ---------------------------------------------------------------------- settings
def open_project(path: str) -> Project:
    try:
        return load_project(path)
    except ProjectError as e:
        raise UsageError("PROJECT", str(e)) from None


def _data(args, project: Project | None):
    """(PointSet, dataset settings or None): the project's points unless a data flag is given."""
    given = [args.dataset, args.points, args.noise, args.classes]
    if project is not None and all(v is None for v in given):
        return project.data, project.dataset
    base = dict(project.dataset or {}) if project is not None else {}
    if project is not None and not base and args.dataset is None:
        raise UsageError("--dataset", "the project's points were not generated; name a data set "
                         f"to generate new ones ({', '.join(datasets.names())})")
    name = args.dataset or base.get("name", "circle")
    same = name == base.get("name")
    settings = {
        "name": name,
        "n": args.points or (base.get("n", DEFAULT_POINTS) if same else DEFAULT_POINTS),
        "noise": args.noise if args.noise is not None else base.get("noise", 0.0),
        "seed": args.seed if args.seed is not None else base.get("seed", 0),
        "classes": args.classes if args.classes is not None else
        (base.get("classes") if same else None),
        "test_fraction": base.get("test_fraction", TEST_FRACTION),
    }
    _check_data_flags(args, datasets.info(name), settings["n"])
    try:
        return datasets.generate(**settings), settings
    except ValueError as e:
        raise UsageError("--dataset", str(e)) from None


def _check_data_flags(args, info, n: int) -> None:
    if args.classes is not None:
        takers = [k for k in datasets.names() if datasets.info(k).multiclass]
        if not info.multiclass and args.classes != 2:
            raise UsageError("--classes", f"data set {info.name!r} has a fixed number of "
                             f"classes; --classes applies to {', '.join(takers)}")
        if not 2 <= args.classes <= datasets.MAX_CLASSES:
            raise UsageError("--classes", f"must be 2 to {datasets.MAX_CLASSES} "
                             f"(got {args.classes})")
    if not 1 <= n <= datasets.MAX_POINTS:
        raise UsageError("--points", f"must be 1 to {datasets.MAX_POINTS} (got {n})")


def _config(args, project: Project | None) -> TrainConfig:
    base = project.config if project is not None else TrainConfig()
    changes = {"optimizer": args.optimizer, "learning_rate": args.lr, "batch_size": args.batch,
               "regularization": args.reg, "reg_rate": args.reg_rate,
               "initializer": args.init, "seed": args.seed, "loss": args.loss}
    if args.features is not None:
        try:
            changes["features"] = parse_features(args.features)
        except ValueError as e:
            raise UsageError("--features", str(e)) from None
    config = replace(base, **{k: v for k, v in changes.items() if v is not None})
    if args.reg is not None and args.reg != "none" and args.reg_rate is None \
            and config.reg_rate == 0:
        raise UsageError("--reg-rate", f"--reg {args.reg} needs a rate > 0, e.g. --reg-rate 0.001")
    return config


def _hidden(args, project: Project | None):
    if args.layers is None:
        return project.hidden if project is not None else parse_layers(DEFAULT_LAYERS)
    try:
        return parse_layers(args.layers)
    except ValueError as e:
        raise UsageError("--layers", str(e)) from None


def build(args) -> tuple[Trainer, Project | None, dict | None]:
    """(trainer, the project it continues from or None, dataset settings or None)."""
    project = open_project(args.project) if args.project else None
    data, settings = _data(args, project)
    config = _config(args, project)
    hidden = _hidden(args, project)
    output = args.output or (project.output if project is not None else None)
    try:
        spec = build_spec(data, hidden, config.features, output)
    except ValueError as e:
        raise UsageError("--output", f"{e} (the {data.task} task has {data.n_outputs} "
                         f"output{'s' * (data.n_outputs > 1)})") from None
    try:
        losses.check_pair(config.loss or default_loss(spec, data.task), spec.output)
    except ValueError as e:
        raise UsageError("--loss", str(e)) from None
    params = None
    if project is not None and project.params is not None and project.spec() == spec:
        params = project.params  # same network: continue from the saved weights
    return Trainer(spec, data, config, params), project, settings


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
    trainer.record_history = False  # the CLI reports only the final state
    if args.steps is not None:
        total = args.steps
    else:
        total = (DEFAULT_EPOCHS if args.epochs is None else args.epochs) * trainer.steps_per_epoch
    show_bar = not args.json and sys.stderr.isatty()
    t0 = time.perf_counter()
    done = train_steps(trainer, total, Progress(total) if show_bar else None)
    report = train_report(trainer, done, time.perf_counter() - t0)
    if args.save:
        report["saved"] = args.save
        save(trainer, project, settings, args.save)
    print(dumps(report) if args.json else train_text(report))
    return 0


def save(trainer: Trainer, project: Project | None, settings: dict | None, path: str) -> None:
    keep = {} if project is None else {"view": project.view, "name": project.name,
                                       "description": project.description}
    head = trainer.spec.output
    output = None if head == DEFAULT_HEAD[trainer.data.task][0] else head
    out = Project(trainer.data, trainer.spec.hidden, trainer.config, output,
                  tuple(trainer.network.get_params()), dataset=settings, **keep)
    try:
        save_project(out, path)
    except OSError as e:
        raise UsageError("--save", f"cannot write {path}: {e.strerror or e}") from None
