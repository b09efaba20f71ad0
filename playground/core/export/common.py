"""What every code export shares: the network to export, its weights, and the parts of the
generated file that do not depend on the framework (header, input features, targets, weights,
written-out activations, the self-check).

Generated code is for a learner to read and run: lines of at most 88 characters (ruff's default
line length), clean under `ruff check` and `ruff format`, every float64 written with repr() so
it reads back exactly, and nothing that downloads.
"""

from __future__ import annotations

import io
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from playground import __version__
from playground.core.data.features import FEATURES, expressions, transform, usable_features
from playground.core.data.pointset import PointSet
from playground.core.errors import Invalid
from playground.core.nn import activations, heads, initializers, losses, optimizers, regularizers
from playground.core.nn.network import Network
from playground.core.nn.spec import LayerSpec, NetworkSpec, TrainConfig

LINE = 88  # the longest line a generated file has (ruff's default)
INLINE_PARAMS = 2000  # up to this many parameters the weights are written into the code
CHECK_POINTS = 5  # the project's points a file checks itself on


@dataclass(frozen=True)
class ExportFile:
    path: Path
    data: bytes


@dataclass(frozen=True, eq=False)
class Subject:
    """A project's network ready to export: spec, settings and float64 weights."""

    title: str
    data: PointSet
    spec: NetworkSpec
    config: TrainConfig
    loss: str
    params: tuple[tuple[np.ndarray, np.ndarray], ...]  # per layer (W (n_out, n_in), b (n_out,))
    saved_weights: bool  # False: the project holds none, these are the initializer's

    @property
    def inline(self) -> bool:
        """Weights written into the code (else into a .npz beside it)."""
        return self.spec.n_params <= INLINE_PARAMS

    def app_predict(self, X: np.ndarray) -> np.ndarray:
        """The app's Network.predict (float64) for raw points X (n, d)."""
        net = Network(self.spec)
        net.set_params(self.params)
        return net.predict(transform(X, self.config.features))

    @property
    def check_points(self) -> np.ndarray:
        """Up to CHECK_POINTS of the project's points (n, d); a few fixed ones without any."""
        if self.data.n:
            return self.data.X[:CHECK_POINTS]
        return np.array([[v] * self.data.dim for v in (0.0, 1.0, -1.0)])


def prepare(project, title: str = "") -> Subject:
    """The Subject of a Project: its weights, or the initializer's for its seed when it has
    none (what the app starts from). Raises Invalid naming the field."""
    spec = project.spec()
    config = project.config
    _, loss = heads.resolve(project.data.task, spec.n_outputs, spec.output, config.loss)
    net = Network(spec)
    if project.params is None:
        initializers.initialize(net, config.initializer, config.seed)
    else:
        net.set_params(project.params)
    if not np.isfinite(net.theta).all():
        raise Invalid("weights", "weights_nonfinite")
    return Subject(
        title or project.name or "untitled project",
        project.data,
        spec,
        config,
        loss,
        tuple(net.get_params()),
        project.params is not None,
    )


# ------------------------------------------------------------------ text helpers
def number(x: float) -> str:
    """A float64 as Python source that reads back exactly."""
    return repr(float(x))


def string(text: str) -> str:
    """A Python string literal, double-quoted where that needs no escapes (ruff's choice)."""
    r = repr(text)
    if r.startswith("'") and '"' not in text:
        r = '"' + r[1:-1].replace("\\'", "'") + '"'
    return r


def printable(text: str, most: int = 60) -> str:
    """Text safe in a comment: one line, printable characters, at most `most` of them."""
    text = "".join(ch for ch in " ".join(str(text).split()) if ch.isprintable())
    return text if len(text) <= most else text[: most - 1] + "…"


def comment(text: str, indent: str = "") -> list[str]:
    """`# text` wrapped to LINE characters."""
    return textwrap.wrap(
        text,
        LINE - len(indent),
        initial_indent=f"{indent}# ",
        subsequent_indent=f"{indent}# ",
        break_on_hyphens=False,
    )


def kwargs(values: dict, param: float | None = None) -> str:
    """Keyword arguments as source; activations.PARAM stands for the layer's parameter."""
    parts = []
    for key, value in values.items():
        value = param if value == activations.PARAM else value
        parts.append(f"{key}={string(value) if isinstance(value, str) else repr(value)}")
    return ", ".join(parts)


def returned(expr: str, indent: str = "    ") -> list[str]:
    """`return expr`, split after its last opening bracket when too long (as ruff does)."""
    return call(f"{indent}return ", expr)


def call(prefix: str, expr: str) -> list[str]:
    """The statement prefix + expr, split after the opening bracket of the call that ends
    expr when it is too long: the layout `ruff format` gives it."""
    if len(prefix + expr) <= LINE:
        return [prefix + expr]
    depth, i = 0, len(expr) - 1
    for i in range(len(expr) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(expr[i], 0)
        if depth == 0:
            break
    indent = prefix[: len(prefix) - len(prefix.lstrip())]
    head, body = prefix + expr[: i + 1], f"{indent}    {expr[i + 1 : -1]}"
    if not expr.endswith(")") or len(head) > LINE or len(body) > LINE:
        raise ValueError(f"cannot fit {prefix + expr!r} in {LINE} columns")
    return [head, body, f"{indent})"]


def matrix(name: str, a: np.ndarray) -> list[str]:
    """`name = np.array([...])` of a vector or matrix, each float64 in full, rows wrapped."""
    if a.ndim == 1:
        one = f"{name} = np.array([{', '.join(number(v) for v in a)}])"
        if len(one) <= LINE:
            return [one]
        body = _fill([number(v) for v in a], "    ")
        return [f"{name} = np.array(["] + body[:-1] + [body[-1] + ","] + ["])"]
    lines = [f"{name} = np.array(["]
    for row in a:
        body = _fill([number(v) for v in row], "     ")  # the first line starts "    ["
        body[0] = "    [" + body[0][5:]
        lines += body[:-1] + [body[-1] + "],"]
    return lines + ["])"]


def _fill(items: list[str], indent: str) -> list[str]:
    """items joined by ", " into lines that start with indent and leave room for 2 more
    characters; every line but the last ends with a comma."""
    lines, current = [], ""
    for item in items:
        candidate = f"{current}, {item}" if current else item
        if current and len(indent) + len(candidate) > LINE - 2:
            lines.append(f"{indent}{current},")
            current = item
        else:
            current = candidate
    return lines + [f"{indent}{current}"]


# ------------------------------------------------------------------ shared code blocks
def header(s: Subject, target: str) -> list[str]:
    """Comment lines that say what the file reproduces."""
    spec, cfg, act = s.spec, s.config, activations.get
    names = [
        printable(FEATURES[f][0]) if f in FEATURES else f
        for f in usable_features(cfg.features, s.data.dim)
    ]
    if s.data.dim > 2 and s.data.feature_names:  # raw columns: their own names
        names = [printable(n, 30) for n in s.data.feature_names]
    layers = " → ".join([f"{spec.n_inputs} inputs"] + [layer_text(lay) for lay in spec.layers])
    classes = f", {s.data.n_classes} classes" if s.data.n_classes > 1 else ""
    reg = regularizers.get(cfg.regularization)
    reg_text = f"{reg.label} ({reg.formula}, λ = {cfg.reg_rate:g})" if regularizes(cfg) else "none"
    weights = (
        "the project's weights"
        if s.saved_weights
        else "the project holds no weights: "
        f"the app's initial ones ({initializers.get(cfg.initializer).label}, seed "
        f"{cfg.seed})"
    ) + ", every float64 written in full"
    lines = []
    for text in (
        f"{printable(s.title)}: exported from Activation Playground {__version__} for {target}.",
        "It reproduces the app's network: predict(X) returns what the app's Network.predict "
        f"returns for raw points X (n, {s.data.dim}).",
        f"Task: {s.data.task}{classes}; output head {act(spec.output).label}, loss "
        f"{losses.get(s.loss).label}.",
        f"Inputs: {', '.join(names)}, computed from X by features(X).",
        f"Layers: {layers}.",
        f"Weights: {weights}.",
        f"Training: {optimizers.get(cfg.optimizer).label}, learning rate {cfg.learning_rate:g}, "
        f"batch {cfg.batch_size}, regularization {reg_text}, initializer "
        f"{initializers.get(cfg.initializer).label}, seed {cfg.seed}.",
        "Run this file to check it: it prints its largest difference from the app's own "
        "predictions on a few of the project's points.",
    ):
        lines += comment(text)
    return lines


def layer_text(layer: LayerSpec) -> str:
    """ "4 Leaky ReLU (α = 0.1)": units, activation and its parameter."""
    act = activations.get(layer.activation)
    if act.param_name is None:
        return f"{layer.units} {act.label}"
    return f"{layer.units} {act.label} ({act.param_name} = {act.resolve_param(layer.param):g})"


def regularizes(cfg: TrainConfig) -> bool:
    """Training adds a penalty (the app skips it at rate 0)."""
    return cfg.reg_rate > 0 and regularizers.get(cfg.regularization).export.keras is not None


def features_code(s: Subject) -> list[str]:
    """def features(X): the network inputs from raw points, as the app computes them."""
    n, d = s.spec.n_inputs, s.data.dim
    lines = ["def features(X):"]
    if d > 2:
        return lines + [
            f'    """Network inputs (n, {n}): the raw columns of X (n, {d})."""',
            "    return np.asarray(X, dtype=np.float64)",
        ]
    lines += [
        f'    """Network inputs (n, {n}) from raw points X (n, {d})."""',
        "    X = np.asarray(X, dtype=np.float64)",
        "    inputs = [",
    ]
    for name, code in zip(
        usable_features(s.config.features, d), expressions(s.config.features, d), strict=True
    ):
        lines.append(f"        {namespace(code, 'np')},  # {FEATURES[name][0]}")
    return lines + ["    ]", "    return np.column_stack(inputs)"]


def targets_code(s: Subject) -> list[str]:
    """def targets(y): the app's training targets (n, n_outputs) from labels y (n,)."""
    k = s.spec.n_outputs
    if k > 1:  # K classes: one-hot rows
        return [
            "def targets(y):",
            f'    """The app\'s targets (n, {k}) for class labels y (n,): one-hot rows."""',
            f"    return np.eye({k})[np.asarray(y, dtype=np.int64)]",
        ]
    return [
        "def targets(y):",
        '    """The app\'s targets (n, 1) for labels y (n,): 0/1 classes or values."""',
        "    return np.asarray(y, dtype=np.float64).reshape(-1, 1)",
    ]


def load_points_code(s: Subject) -> list[str]:
    """def load_points(path): points, labels and test mask from the app's CSV export, whose
    label column holds what the app calls each class (CLASS_NAMES) or the regression target."""
    d, data = s.data.dim, s.data
    if data.task == "regression":
        names, label = [], f"    y = np.array([float(row[{d}]) for row in rows])"
    else:
        shown = ", ".join(string(data.class_label(k)) for k in range(data.n_classes))
        names = [f"    class_names = [{shown}]  # the CSV's labels, class 0 first"]
        label = f"    y = np.array([class_names.index(row[{d}]) for row in rows])"
    return [
        "def load_points(path):",
        f'    """Raw points X (n, {d}), labels y (n,) and the test mask (n,) from the',
        '    app\'s CSV (`activation-playground export PROJECT --format csv`)."""',
        "    import csv",
        "",
        *names,
        '    with open(path, newline="", encoding="utf-8") as f:',
        "        rows = list(csv.reader(f))[1:]",
        f"    X = np.array([[float(v) for v in row[:{d}]] for row in rows]).reshape(-1, {d})",
        label,
        f'    test = np.array([row[{d + 1}] == "1" for row in rows])',
        "    return X, y, test",
    ]


def weights_code(s: Subject, npz: Path | None) -> list[str]:
    """W0, b0, W1, b1, … as float64 arrays: written inline, or read from the .npz."""
    if npz is None:
        lines = comment("The app's weights: W (n_out, n_in) and b (n_out,) per layer, float64.")
        lines.append("# fmt: off")
        for i, (W, b) in enumerate(s.params):
            lines += matrix(f"W{i}", W) + matrix(f"b{i}", b)
        return lines + ["# fmt: on"]
    lines = comment(
        f"The app's weights: W (n_out, n_in) and b (n_out,) per layer, float64, in "
        f"{npz.name} beside this file (read without pickles)."
    )
    lines.append(
        f"with np.load(Path(__file__).with_name({string(npz.name)}), "
        "allow_pickle=False) as weights:"
    )
    if len(lines[-1]) > LINE:
        lines[-1:] = [
            f"WEIGHTS_FILE = Path(__file__).with_name({string(npz.name)})",
            "with np.load(WEIGHTS_FILE, allow_pickle=False) as weights:",
        ]
    for i in range(len(s.params)):
        lines.append(f'    W{i}, b{i} = weights["W{i}"], weights["b{i}"]')
    return lines


def npz_arrays(s: Subject) -> dict[str, np.ndarray]:
    """W0, b0, W1, b1, … as the .npz holds them."""
    return {f"{k}{i}": a for i, (W, b) in enumerate(s.params) for k, a in (("W", W), ("b", b))}


def check_code(s: Subject) -> list[str]:
    """CHECK_X, CHECK_APP and a __main__ that prints the largest difference from the app."""
    X = s.check_points
    lines = comment("A few of the project's points and the app's own predictions for them.")
    lines += ["# fmt: off"] + matrix("CHECK_X", X) + matrix("CHECK_APP", s.app_predict(X))
    return lines + ["# fmt: on"]


def main_code(extra: list[str] = ()) -> list[str]:
    """The `python FILE.py` block: the self-check (and any extra lines before it)."""
    return [
        'if __name__ == "__main__":',
        *extra,
        "    difference = np.max(np.abs(predict(CHECK_X) - CHECK_APP))",
        '    print(f"largest difference from the app on {len(CHECK_X)} points: {difference:.3g}")',
    ]


# ------------------------------------------------------------------ activations
def namespace(code: str, ns: str) -> str:
    """Code written with the array namespace `xp`, in namespace `ns` (np, torch, ops)."""
    return re.sub(r"\bxp\.", f"{ns}.", code)


def activation_functions(s: Subject, ns: str, needs) -> tuple[dict, list[str]]:
    """def name(z) for each (activation, parameter) of the network with needs(act) true.

    Returns ({(activation name, parameter): function name}, source lines). Functions are named
    after the activation, numbered when one activation appears with several parameters.
    """
    names: dict[tuple[str, float], str] = {}
    lines: list[str] = []
    for layer in s.spec.layers:
        act = activations.get(layer.activation)
        p = act.resolve_param(layer.param)
        if not needs(act) or (act.name, p) in names:
            continue
        count = sum(1 for name, _ in names if name == act.name)
        fn = act.name if count == 0 else f"{act.name}_{count + 1}"
        names[(act.name, p)] = fn
        code = namespace(act.export.expression.replace(activations.PARAM, number(p)), ns)
        doc = f"{act.label}: {act.formula}"
        if act.param_name is not None:
            doc += f", {act.param_name} = {number(p)}"
        lines += ["", "", f"def {fn}(z):", f'    """{doc}."""', *returned(code)]
    return names, lines


def function_name(names: dict, layer: LayerSpec) -> str:
    act = activations.get(layer.activation)
    return names[(act.name, act.resolve_param(layer.param))]


def sibling_npz(out: Path) -> Path:
    """The .npz beside a code file `out` that holds its weights when they are not inline."""
    return out.with_suffix(".npz") if out.suffix != ".npz" else out.with_name(f"{out.stem}_w.npz")


def npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    """An uncompressed .npz of float64 arrays (np.load(..., allow_pickle=False) reads it)."""
    buffer = io.BytesIO()
    np.savez(buffer, **{k: np.asarray(a, dtype=np.float64) for k, a in arrays.items()})
    return buffer.getvalue()
