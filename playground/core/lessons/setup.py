"""A lesson step's setup: a declarative dict of changes, applied to a Project.

Keys follow the command line's flags (`train --lr 0.03` ↔ {"lr": 0.03}) and are checked by the
same core types (DatasetSpec, parse_layers, TrainConfig, ViewState), so a bad value is an
Invalid naming the key:
    experiment                          start from a bundled experiment (keeps show test,
                                        discretize, speed and open views)
    dataset, points, noise, classes,    generate new points (seed: also the data's seed)
    test_split
    layers, output                      the hidden layers ("8:tanh,4:tanh") and the output head
    lr, batch, optimizer, reg, reg_rate, init, seed, loss, features     the training config
    views, pin, select_layer, speed, equations_m, hidden_layer, hidden_units, hidden_stage,
    single_map, regions                 the view state (open insight views, pinned point, the
                                        linear regions on the plane, …)
    compare                             side B of a comparison: changes applied on top of A
A change to data, network or training drops the weights (the run starts from the initial ones);
a change to the view alone keeps them.
"""

from __future__ import annotations

from dataclasses import replace

from playground.core import limits, validate
from playground.core.data import datasets
from playground.core.data.datasets import DatasetSpec
from playground.core.data.features import parse_features
from playground.core.errors import Invalid
from playground.core.files import project as projects
from playground.core.files.experiments import experiment_names, load_experiment
from playground.core.files.project import Project
from playground.core.files.view import ViewState
from playground.core.nn import activations
from playground.core.nn.spec import TrainConfig, parse_layers

DATA_KEYS = {
    "dataset": "name",
    "points": "n",
    "noise": "noise",
    "classes": "classes",
    "test_split": "test_fraction",
}
CONFIG_KEYS = {
    "lr": "learning_rate",
    "batch": "batch_size",
    "optimizer": "optimizer",
    "reg": "regularization",
    "reg_rate": "reg_rate",
    "init": "initializer",
    "seed": "seed",
    "loss": "loss",
    "features": "features",
}
VIEW_KEYS = {
    "views": "views",
    "pin": "pinned",
    "select_layer": "selected_layer",
    "speed": "speed",
    "equations_m": "equations_m",
    "hidden_layer": "hidden_layer",
    "hidden_units": "hidden_units",
    "hidden_stage": "hidden_stage",
    "single_map": "single_map",
    "regions": "regions",
}
KEYS = ("experiment", *DATA_KEYS, "layers", "output", *CONFIG_KEYS, *VIEW_KEYS, "compare")
_FIELD_KEY = {
    field: key for table in (DATA_KEYS, CONFIG_KEYS, VIEW_KEYS) for key, field in table.items()
} | {"name": "dataset"}


def _keyed(e: Invalid, key: str | None = None) -> Invalid:
    """The same error under the setup key that set the refused field."""
    field = e.field.split(".")[0].split("[")[0]
    return Invalid(key or _FIELD_KEY.get(field, field), e.code, **e.params)


# ------------------------------------------------------------------ checking
def check_setup(setup, nested: bool = False) -> None:
    """Check every key and value on its own (no project needed); Invalid names the key
    ("setup.lr", "setup.compare.layers")."""
    where = "setup.compare" if nested else "setup"
    if not isinstance(setup, dict):
        raise Invalid(where, "kind", expected="an object", value=type(setup).__name__)
    for key, value in setup.items():
        if key == "compare" and not nested:
            check_setup(value, nested=True)  # its errors name "setup.compare.<key>"
            continue
        try:
            _check_one(key, value, nested)
        except Invalid as e:
            own = e.field == key or e.field.startswith((f"{key}:", f"{key}."))
            named = e if own else _keyed(e, key)
            raise named.prefixed(where) from None


def _check_one(key: str, value, nested: bool) -> None:
    if key not in KEYS or key == "compare":
        keys = [k for k in KEYS if not (nested and k == "compare")]
        raise Invalid(key, "choice", what="key", value=repr(key), choices=", ".join(keys))
    if key == "experiment":
        validate.choice(value, experiment_names(), key, "name")
    elif key == "dataset":
        validate.choice(value, datasets.names(), key, "name")
    elif key in DATA_KEYS:
        _check_data_value(key, value)
    elif key == "layers":
        _layers(value)
    elif key == "output":
        if value is not None:
            validate.choice(value, activations.output_heads(), key, "output head")
    elif key in CONFIG_KEYS:
        TrainConfig(**{CONFIG_KEYS[key]: _config_value(key, value)})
    else:
        ViewState(**{VIEW_KEYS[key]: _view_value(key, value)})


def _check_data_value(key: str, value) -> None:
    if key == "points":
        validate.integer(value, key, 1, limits.MAX_POINTS)
    elif key == "noise":
        validate.number(value, key, 0.0, 1.0)
    elif key == "classes":
        validate.integer(value, key, 2, limits.MAX_CLASSES)
    else:
        validate.number(value, key, 0.0, limits.MAX_TEST_FRACTION)


def _layers(value):
    if not isinstance(value, str):
        raise Invalid(
            "layers",
            "kind",
            expected='a string such as "8:tanh,4:tanh"',
            value=type(value).__name__,
        )
    try:
        return parse_layers(value)
    except Invalid as e:
        raise Invalid(f"layers: {e.field}", e.code, **e.params) from None


def _config_value(key: str, value):
    if key == "features":
        return parse_features(value) if isinstance(value, str) else tuple(value or ())
    return value


def _view_value(key: str, value):
    if key in ("views", "pin", "hidden_units"):
        if value is None:
            return ()
        if not isinstance(value, list):
            raise Invalid(key, "kind", expected="a list", value=type(value).__name__)
        return tuple(value)
    return value


# ------------------------------------------------------------------ applying
def apply_setup(project: Project, setup: dict | None) -> Project:
    """`project` changed as `setup` says ("compare" is left out: see compare_project).
    Raises Invalid naming the key when a value does not fit this project (e.g. "classes" on a
    data set with a fixed number of classes, or an output head the task does not take)."""
    if not setup:
        return project
    check_setup(setup)
    s = {k: v for k, v in setup.items() if k != "compare"}
    p = replace(project, params=None, run=None)  # the weights fit the old network only
    if "experiment" in s:
        p = _from_experiment(project, s["experiment"])
    p = _with_data(p, s)
    if "layers" in s:
        p = replace(p, hidden=_layers(s["layers"]))
    if "output" in s:
        p = replace(p, output=s["output"], config=replace(p.config, loss=None))
    changes = {CONFIG_KEYS[k]: _config_value(k, v) for k, v in s.items() if k in CONFIG_KEYS}
    try:
        p = replace(p, config=replace(p.config, **changes))
        p.spec()
    except Invalid as e:
        raise _keyed(e).prefixed("setup") from None
    if _trained_parts(p) == _trained_parts(project):
        p = replace(p, params=project.params, run=project.run)  # the same run goes on
    return _with_view(p, s)


def compare_project(project: Project, setup: dict | None) -> Project | None:
    """Side B of a step: the step's setup applied to `project` (side A), then its "compare"
    changes on top; None when the step compares nothing."""
    if not setup or not setup.get("compare"):
        return None
    return apply_setup(apply_setup(project, setup), setup["compare"])


def _trained_parts(p: Project) -> tuple:
    return p.data, p.hidden, p.output, p.config


def _from_experiment(current: Project, name: str) -> Project:
    """The experiment, shown as the learner had the view (test points, discretize, speed)."""
    exp = load_experiment(name)
    v = current.view
    view = replace(
        exp.view, show_test=v.show_test, discretize=v.discretize, speed=v.speed, views=v.views
    )
    return replace(exp, view=view)


def _with_data(p: Project, s: dict) -> Project:
    if not any(k in s for k in DATA_KEYS):
        return p
    base = p.dataset
    name = s.get("dataset", base.name if base else "circle")
    same = base is not None and name == base.name
    settings = {
        "name": name,
        "n": s.get("points", base.n if same else 500),
        "noise": s.get("noise", base.noise if base else 0.0),
        "seed": s.get("seed", base.seed if base else 0),
        "classes": s.get("classes", base.classes if same else None),
        "test_fraction": s.get("test_split", base.test_fraction if base else 0.5),
    }
    try:
        spec = DatasetSpec(**settings)
    except Invalid as e:
        raise _keyed(e).prefixed("setup") from None
    out = replace(p, data=spec.generate(), dataset=spec)
    if "experiment" not in s and not same:  # another data set: the experiment's text no longer fits
        out = replace(out, name="", title="", description="")
    return projects.with_fitting_overrides(out)


def _with_view(p: Project, s: dict) -> Project:
    changes = {VIEW_KEYS[k]: _view_value(k, v) for k, v in s.items() if k in VIEW_KEYS}
    n_hidden = len(p.hidden)
    view = p.view
    if view.selected_layer > n_hidden or view.hidden_layer >= max(n_hidden, 1):
        view = replace(
            view, selected_layer=min(view.selected_layer, n_hidden), hidden_layer=0, hidden_units=()
        )
    try:
        return replace(p, view=replace(view, **changes))
    except Invalid as e:
        raise _keyed(e).prefixed("setup") from None


# ------------------------------------------------------------------ words
def setup_items(setup: dict | None) -> list[tuple[str, str]]:
    """(key, value as the command line writes it) for each change, "compare" left out."""
    out = []
    for key, value in (setup or {}).items():
        if key == "compare":
            continue
        if isinstance(value, list):
            text = ", ".join(f"{v:g}" if isinstance(v, float) else str(v) for v in value)
        elif isinstance(value, float):
            text = f"{value:g}"
        else:
            text = (
                "none"
                if value is None
                else str(value).lower()
                if isinstance(value, bool)
                else str(value)
            )
        out.append((key, text))
    return out


def compare_labels(a: Project, b: Project) -> tuple[str, str]:
    """Short labels of two sides that differ in a few choices: "8:linear" / "8:tanh",
    "lr 0.03" / "lr 3", "init zeros" / "init glorot"; ("A", "B") when nothing differs."""
    left, right = [], []
    if a.hidden != b.hidden:
        left.append(",".join(h.label for h in a.hidden) or "none")
        right.append(",".join(h.label for h in b.hidden) or "none")
    if a.output != b.output:
        left.append(f"output {a.spec().output}")
        right.append(f"output {b.spec().output}")
    for key, field in CONFIG_KEYS.items():
        x, y = getattr(a.config, field), getattr(b.config, field)
        if x != y:
            left.append(f"{key} {_word(x)}")
            right.append(f"{key} {_word(y)}")
    if a.data != b.data:
        left.append(f"data {a.data.name or '—'}")
        right.append(f"data {b.data.name or '—'}")
    return (" · ".join(left) or "A", " · ".join(right) or "B")


def _word(value) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, tuple):
        return ",".join(value)
    return str(value)
