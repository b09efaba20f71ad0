"""`inspect PROJECT` (layer table, Keras-style summary, collapse check) and `list ...`."""

from __future__ import annotations

from playground.cli.args import coordinates
from playground.cli.forward_report import collapse_runs, forward_dict, forward_text, runs_text
from playground.cli.report import collapse_dict, collapse_text, dumps
from playground.cli.train import open_project
from playground.core.analysis.forward import forward_pass
from playground.core.data import datasets
from playground.core.data.features import transform
from playground.core.files.experiments import experiment_names, load_experiment
from playground.core.files.project import ProjectError
from playground.core.nn import activations, initializers
from playground.core.nn.network import Network


# ---------------------------------------------------------------------- inspect
def _network(project) -> Network:
    net = Network(project.spec())
    if project.params is not None:
        net.set_params(project.params)
    else:
        initializers.initialize(net, project.config.initializer, project.config.seed)
    return net


def inspect_dict(project, at: tuple[float, ...] | None = None) -> dict:
    """The layer table and collapse check; `at`: also that raw input's forward pass."""
    spec = project.spec()
    net = _network(project)
    layers = []
    for i, (layer, (n_out, cols)) in enumerate(zip(spec.layers, net.shapes, strict=True)):
        n_in = cols - 1  # a block is [W | b], (n_out, n_in + 1)
        layers.append(
            {
                "layer": i + 1,
                "kind": "hidden" if i < len(spec.hidden) else "output",
                "units": layer.units,
                "activation": layer.activation,
                "param": layer.param,
                "W": [n_out, n_in],
                "b": [n_out],
                "params": n_out * (n_in + 1),
            }
        )
    data = project.data
    return {
        "name": project.name,
        "description": project.description,
        "dataset": data.name,
        "task": data.task,
        "points": data.n,
        "test_points": int(data.is_test.sum()),
        "features": list(project.config.features),
        "inputs": spec.n_inputs,
        "weights": "saved" if project.params is not None else "initial",
        "layers": layers,
        "total_params": spec.n_params,
        "collapse": collapse_dict(net),
        "collapse_runs": _runs(project, net),
        **({} if at is None else {"forward": _forward(project, net, at)}),
    }


def _runs(project, net: Network) -> dict:
    data = project.data
    return collapse_runs(net, transform(data.X[~data.is_test], project.config.features))


def _forward(project, net: Network, at: tuple[float, ...]) -> dict:
    data = project.data
    fp = forward_pass(net, at, project.config.features, data.task)
    names = list(data.feature_names) if data.dim > 2 and data.feature_names else list(fp.features)
    return forward_dict(fp, names, data.class_label)


def keras_summary(d: dict) -> str:
    """The table Keras' model.summary() prints for the equivalent Sequential of Dense layers."""
    rule = "_" * 65
    lines = [
        'Model: "sequential"',
        rule,
        f" {'Layer (type)':<28}{'Output Shape':<26}Param #",
        "=" * 65,
    ]
    for i, layer in enumerate(d["layers"]):
        name = "dense (Dense)" if i == 0 else f"dense_{i} (Dense)"
        shape = f"(None, {layer['units']})"
        lines.append(f" {name:<28}{shape:<26}{layer['params']:,}")
    total = f"{d['total_params']:,}"
    lines += [
        "=" * 65,
        f"Total params: {total}",
        f"Trainable params: {total}",
        "Non-trainable params: 0",
        rule,
    ]
    return "\n".join(lines)


def inspect_text(d: dict) -> str:
    title = d["name"] or "project"
    lines = [
        f"{title}: {d['dataset']} ({d['task']}, {d['points']} points, "
        f"{d['test_points']} for testing), inputs {','.join(d['features'])}, "
        f"{d['weights']} weights"
    ]
    if d["description"]:
        lines.append(d["description"])
    lines += ["", f"{'layer':<8}{'units':>5}  {'activation':<16}{'W':<12}{'b':<8}{'params':>7}"]
    for layer in d["layers"]:
        act = layer["activation"] + ("" if layer["param"] is None else f"={layer['param']:g}")
        name = str(layer["layer"]) if layer["kind"] == "hidden" else "output"
        w, b = f"({layer['W'][0]}, {layer['W'][1]})", f"({layer['b'][0]},)"
        lines.append(f"{name:<8}{layer['units']:>5}  {act:<16}{w:<12}{b:<8}{layer['params']:>7}")
    lines += [
        f"total parameters: {d['total_params']}",
        "",
        keras_summary(d),
        "",
        collapse_text(d["collapse"]),
    ]
    if d["collapse_runs"]["runs"]:
        lines.append(runs_text(d["collapse_runs"]))
    return "\n".join(lines)


def run_inspect(args) -> int:
    project = open_project(args.project)
    at = coordinates(args.at, "--at", project.data.dim)
    d = inspect_dict(project, at)
    if args.json:
        print(dumps(d))
    else:
        text = inspect_text(d)
        if at is not None:
            text += "\n\n" + forward_text(d["forward"], project.spec())
        print(text)
    return 0


# ---------------------------------------------------------------------- list
def list_lines(what: str, lang: str = "en") -> list[str]:
    if what == "datasets":
        rows = []
        for name in datasets.names():
            info = datasets.info(name)
            kind = f"{info.task}, {info.dim}-D" + (", --classes 2..6" if info.multiclass else "")
            rows.append(f"{name:<13}{kind:<34}{info.description}")
        return rows
    if what == "activations":
        rows = []
        for act in activations.all_activations():
            role = (
                "hidden + output"
                if act.hidden and act.output_head
                else ("hidden" if act.hidden else "output only")
            )
            rows.append(f"{act.name:<11}{role:<16}{act.formula:<48}{act.derivative_formula}")
        return rows
    if what == "lessons":
        return lesson_lines(lang)
    rows = []
    for name in experiment_names():
        try:
            description = load_experiment(name).description
        except ProjectError as e:
            description = f"(cannot load: {e})"
        rows.append(f"{name:<24}{description.splitlines()[0] if description else ''}")
    return rows + lesson_lines(lang)


def lesson_lines(lang: str) -> list[str]:
    """One line per lesson: its name, then its title in `lang`."""
    from playground.core.lessons.content import LessonError, lesson_names, load_lesson

    try:
        return [f"{name:<24}{load_lesson(name).title.get(lang)}" for name in lesson_names()]
    except LessonError as e:
        return [f"(lessons cannot load: {e})"]


def run_list(args) -> int:
    print("\n".join(list_lines(args.what, args.lang)))
    return 0
