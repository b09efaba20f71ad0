"""Export a project: code that rebuilds its network (Keras 3, PyTorch, NumPy), its weights as
a .npz, or its points as CSV. Generators only write text and bytes; nothing here imports a
framework. Every file is written through atomic_write.

The File ▸ Export menu and the `export` command call:
    FORMATS                                  the format names, in menu order
    default_output(project_path, fmt)        <stem><suffix> beside the project
    render(project, fmt, out) -> [ExportFile] the files (path, bytes) of an export, unwritten
    write(files) -> [Path]                    write rendered files atomically
    export(project, fmt, out) -> [Path]       render and write
"""

from __future__ import annotations

from pathlib import Path

from playground.core.data.csvio import to_csv
from playground.core.errors import Invalid
from playground.core.export import keras_code, numpy_code, pytorch_code
from playground.core.export.common import ExportFile, npz_arrays, npz_bytes, prepare
from playground.core.files.atomic import atomic_write

# format → (suffix of the default output, what it holds)
FORMATS: dict[str, tuple[str, str]] = {
    "keras": ("_keras.py", "Python code: a Keras 3 Sequential model with the weights"),
    "pytorch": ("_pytorch.py", "Python code: a torch.nn.Sequential model, weights, training loop"),
    "numpy": ("_numpy.py", "Python code: the forward pass in NumPy alone"),
    "npz": ("_weights.npz", "the weights W0, b0, W1, b1, … (W: n_out × n_in)"),
    "csv": ("_points.csv", "the points: coordinates, label and test columns"),
}
_CODE = {"keras": keras_code.render, "pytorch": pytorch_code.render, "numpy": numpy_code.render}
TEXT_FORMATS = ("keras", "pytorch", "numpy", "csv")  # may go to stdout


def default_output(project_path, fmt: str) -> Path:
    """Where an export goes by default: beside the project, named after its stem."""
    path = Path(project_path)
    return path.with_name(path.stem + _suffix(fmt))


def _suffix(fmt: str) -> str:
    if fmt not in FORMATS:
        raise Invalid(
            "format", "choice", what="format", value=repr(fmt), choices=", ".join(FORMATS)
        )
    return FORMATS[fmt][0]


def render(project, fmt: str, out, title: str = "") -> list[ExportFile]:
    """The files an export of `project` to `out` consists of (a code file may bring a .npz of
    its weights along). title: the name the code's header uses (default: the project's).
    Raises Invalid naming the field (format, weights, or the network's output or loss)."""
    _suffix(fmt)
    out = Path(out)
    if fmt == "csv":
        return [ExportFile(out, to_csv(project.data, include_split=True).encode("utf-8"))]
    subject = prepare(project, title or project.name or out.stem)
    if fmt == "npz":
        return [ExportFile(out, npz_bytes(npz_arrays(subject)))]
    return _CODE[fmt](subject, out)


def write(files: list[ExportFile]) -> list[Path]:
    """Write rendered files, each atomically, the code file last (a failure leaves no code that
    points to a missing .npz); returns their paths. OSError when refused."""
    for f in reversed(files):
        atomic_write(f.path, lambda stream, data=f.data: stream.write(data))
    return [f.path for f in files]


def export(project, fmt: str, out, title: str = "") -> list[Path]:
    """Render and write every file of an export; returns their paths. Raises Invalid (the
    project cannot be exported) or OSError (a file cannot be written)."""
    return write(render(project, fmt, out, title))
