"""Project files: data + network + training config + optional weights and run + view state.

File layout (format_version 2; version 1 files, which have no "run", are read too):
    {"format_version": 1, "name": str, "description": str,
     "dataset": DatasetSpec fields | null  — generator settings
     "data": {task, n_classes, name, feature_names, X [[...]], y [...], is_test [0/1...]}
             (may be left out when "dataset" is given: the points are generated again)
     "network": {"hidden": [LayerSpec fields], "output": str | null},
     "training": TrainConfig fields, "view": ViewState fields,
     "weights": see core.files.weights | absent,
     "run": see core.files.run | absent — step, epoch, history and initial weights}
Loading validates every field and raises ProjectError naming it; nothing is executed or unpickled.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from playground.core import limits
from playground.core.data.datasets import DatasetSpec
from playground.core.data.pointset import PointSet
from playground.core.errors import Invalid
from playground.core.files.atomic import atomic_write, read_limited
from playground.core.files.points import points_from_dict, points_to_dict
from playground.core.files.run import run_from_dict, run_to_dict
from playground.core.files.schema import (
    ProjectError,
    json_safe,
    kind_name,
    need,
    section_from_dict,
    section_to_dict,
)
from playground.core.files.view import ViewState
from playground.core.files.weights import (
    Params,
    encode_layers,
    load_npz,
    npz_arrays,
    params_from,
    shapes,
)
from playground.core.nn import heads
from playground.core.nn.history import RunState
from playground.core.nn.spec import LayerSpec, NetworkSpec, TrainConfig

FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)
MAX_TEXT = 10_000  # characters of a name or description


@dataclass(frozen=True, eq=False)
class Project:
    data: PointSet
    hidden: tuple[LayerSpec, ...]
    config: TrainConfig = field(default_factory=TrainConfig)
    output: str | None = None  # output-head override; None follows the task
    params: Params | None = None  # per layer (W (n_out, n_in), b (n_out,))
    view: ViewState = field(default_factory=ViewState)
    name: str = ""  # a short file-like name ("xor-tanh")
    description: str = ""
    dataset: DatasetSpec | None = None  # generator settings the points came from, if any
    run: RunState | None = None  # how far training got with `params` (None: not trained)
    title: str = ""  # a title for people ("XOR with tanh layers"); "" = the name

    def __post_init__(self) -> None:
        object.__setattr__(self, "hidden", tuple(self.hidden))
        if self.params is not None:
            params = tuple((_frozen(w), _frozen(b)) for w, b in self.params)
            expected = shapes(self.spec())
            if len(params) != len(expected):
                raise ValueError(f"params: expected {len(expected)} layers, got {len(params)}")
            for i, ((w, b), shape) in enumerate(zip(params, expected, strict=True)):
                if (w.shape, b.shape) != shape:
                    raise ValueError(
                        f"params layer {i + 1}: expected W {shape[0]} and b "
                        f"{shape[1]}, got {w.shape} and {b.shape}"
                    )
            object.__setattr__(self, "params", params)

    def spec(self) -> NetworkSpec:
        """The network for these points; Invalid when the head or loss does not fit them."""
        return heads.network_spec(
            self.data, self.hidden, self.config.features, self.output, self.config.loss
        )

    def __eq__(self, other) -> bool:
        if not isinstance(other, Project):
            return NotImplemented
        same = self.data == other.data and (
            self.hidden,
            self.config,
            self.output,
            self.view,
            self.name,
            self.description,
            self.dataset,
            self.run,
            self.title,
        ) == (
            other.hidden,
            other.config,
            other.output,
            other.view,
            other.name,
            other.description,
            other.dataset,
            other.run,
            other.title,
        )
        if not same or (self.params is None) != (other.params is None):
            return False
        return self.params is None or all(
            np.array_equal(a, b)
            for p, q in zip(self.params, other.params, strict=True)
            for a, b in zip(p, q, strict=True)
        )

    __hash__ = None  # type: ignore[assignment]


def _frozen(a) -> np.ndarray:
    a = np.array(a, dtype=np.float64)
    a.setflags(write=False)
    return a


# ------------------------------------------------------------------ to / from dict
def project_to_dict(
    project: Project, embed_weights: bool = True, *, embed_points: bool = True
) -> dict:
    """A JSON-safe dict. embed_weights=False leaves weights out (the caller stores them);
    embed_points=False leaves the points out when `dataset` can regenerate them."""
    d: dict = {
        "format_version": FORMAT_VERSION,
        "name": project.name,
        "title": project.title,
        "description": project.description,
        "dataset": None if project.dataset is None else project.dataset.to_dict(),
    }
    if embed_points or project.dataset is None:
        d["data"] = points_to_dict(project.data)
    d["network"] = {
        "hidden": [section_to_dict(h) for h in project.hidden],
        "output": project.output,
    }
    d["training"] = project.config.to_dict()
    d["view"] = section_to_dict(project.view, collect="extra")
    if embed_weights and project.params is not None:
        d["weights"] = encode_layers(project.params)
    if project.run is not None and project.params is not None:
        d["run"] = run_to_dict(project.run)
        if not embed_weights:
            d["run"]["initial"] = None if project.run.initial is None else {"file": "npz"}
    return json_safe(d, "project")


def project_from_dict(d, read_npz=None) -> Project:
    """Validate d (a parsed project file) into a Project. read_npz(shapes) -> (weights, initial)
    reads the .npz that d's "weights": {"file": ...} names, checked against the network's layer
    shapes. Raises ProjectError naming the bad field."""
    if not isinstance(d, dict):
        raise ProjectError(f"a project file must hold a JSON object, not {kind_name(d)}")
    check_version(d)
    name = need(d, "name", "str", "", "")[:MAX_TEXT]
    description = need(d, "description", "str", "", "")[:MAX_TEXT]
    title = need(d, "title", "str", "", "")[:MAX_TEXT]
    dataset = (
        None
        if d.get("dataset") is None
        else section_from_dict(DatasetSpec, d["dataset"], "dataset")
    )
    if d.get("data") is not None:
        data = points_from_dict(d["data"])
    elif dataset is not None:
        data = dataset.generate()
    else:
        raise ProjectError("data: missing (and no dataset settings to generate points from)")
    net = d.get("network")
    if not isinstance(net, dict):
        raise ProjectError(f"network: must be an object, got {kind_name(net)}")
    hidden = _hidden(need(net, "hidden", "list", "network."))
    output = need(net, "output", "str | None", "network.", None)
    config = section_from_dict(TrainConfig, d.get("training", {}), "training")
    view = section_from_dict(ViewState, d.get("view", {}), "view", collect="extra")
    spec = _spec(data, hidden, config, output)
    weights = initial = None
    w = d.get("weights")
    if isinstance(w, dict) and "file" in w and read_npz is not None:
        weights, initial = read_npz(shapes(spec))
    params = params_from(w, weights, spec)
    run = None
    if d.get("run") is not None:
        if params is None:
            raise ProjectError('run: a saved run needs its weights ("weights" is missing)')
        run = run_from_dict(d["run"], spec, initial)
    return Project(
        data, hidden, config, output, params, view, name, description, dataset, run, title
    )


def _hidden(layers) -> tuple[LayerSpec, ...]:
    if len(layers) > limits.MAX_HIDDEN_LAYERS:
        raise ProjectError(
            f"network.hidden: at most {limits.MAX_HIDDEN_LAYERS} layers, got {len(layers)}"
        )
    return tuple(
        section_from_dict(LayerSpec, layer, f"network.hidden[{i}]")
        for i, layer in enumerate(layers)
    )


def _spec(data, hidden, config, output) -> NetworkSpec:
    try:
        return heads.network_spec(data, hidden, config.features, output, config.loss)
    except Invalid as e:
        where = "training.loss" if e.field == "loss" else "network.output"
        raise ProjectError(f"{where}: {e.text().split(': ', 1)[-1]}") from None


def check_version(d: dict) -> None:
    v = d.get("format_version")
    if v is None:
        raise ProjectError(
            "format_version: missing — this is not an Activation Playground project file"
        )
    if isinstance(v, bool) or not isinstance(v, int):
        raise ProjectError(f"format_version: must be an integer, got {v!r}"[:120])
    if v not in READABLE_VERSIONS:
        raise ProjectError(
            f"unknown format_version {v} — this app reads version {FORMAT_VERSION} (and older)"
        )


# ------------------------------------------------------------------ files
def save_project(project: Project, path, weights: str = "embedded") -> None:
    """Write project JSON atomically; weights "embedded" (base64) or "npz" (sibling <stem>.npz)."""
    if weights not in ("embedded", "npz"):
        raise ValueError(f"weights must be 'embedded' or 'npz', got {weights!r}")
    path = Path(path)
    for i, (W, b) in enumerate(project.params or ()):
        if not (np.isfinite(W).all() and np.isfinite(b).all()):
            raise ProjectError(f"params layer {i + 1}: NaN or infinite weights cannot be saved")
    use_npz = weights == "npz" and project.params is not None
    d = project_to_dict(project, embed_weights=not use_npz)
    if use_npz:
        npz = path.with_suffix(".npz")
        initial = project.run.initial if project.run is not None else None
        arrays = npz_arrays(project.params, initial)
        atomic_write(npz, lambda f: np.savez(f, **arrays))
        d["weights"] = {"file": npz.name}
    text = json.dumps(d, indent=1, allow_nan=False, ensure_ascii=False)
    atomic_write(path, lambda f: f.write(text.encode("utf-8")))


def load_project(path) -> Project:
    """Read and validate a project file (and its npz, if any). Raises ProjectError."""
    path = Path(path)
    text = _read_text(path)
    d = _parse_json(text, path)
    w = d.get("weights") if isinstance(d, dict) else None
    name = w.get("file") if isinstance(w, dict) else None
    return project_from_dict(d, lambda expected: load_npz(path, name, expected))


def _read_text(path: Path) -> str:
    raw = read_limited(path, ProjectError, "project file", limits.MAX_PROJECT_BYTES)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ProjectError(f"{path.name}: not a text file (not UTF-8 at byte {e.start})") from None


def _reject_constant(name: str):
    raise ValueError(f"{name} is not allowed in JSON")


def _parse_json(text: str, path: Path):
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as e:
        if e.pos >= len(text.rstrip()):
            raise ProjectError(
                f"{path.name}: the file is truncated (the JSON ends early at line "
                f"{e.lineno}) — it may not have finished saving"
            ) from None
        raise ProjectError(
            f"{path.name}: malformed JSON at line {e.lineno} column {e.colno}: {e.msg}"
        ) from None
    except (ValueError, RecursionError) as e:
        raise ProjectError(f"{path.name}: malformed JSON: {str(e)[:200]}") from None


# ------------------------------------------------------------------ edits that keep it valid
def with_fitting_overrides(project: Project) -> Project:
    """The project with its output-head and loss overrides dropped where they no longer fit its
    data (e.g. a softmax head chosen on iris, then a 2-class set): they follow the task again."""
    for candidate in (project, replace(project, config=replace(project.config, loss=None))):
        try:
            candidate.spec()
            return candidate
        except Invalid:
            pass
    return replace(project, output=None, config=replace(project.config, loss=None))


def with_weights(
    project: Project, spec: NetworkSpec, weights, biases, run: RunState | None = None
) -> Project:
    """The project carrying these weights (and the run they come from) when they belong to its
    network and are finite; else the project unchanged."""
    if spec != project.spec():
        return project
    params = tuple(
        (np.asarray(w, np.float64), np.asarray(b, np.float64))
        for w, b in zip(weights, biases, strict=True)
    )
    if not all(np.isfinite(w).all() and np.isfinite(b).all() for w, b in params):
        return project
    return replace(project, params=params, run=run)
