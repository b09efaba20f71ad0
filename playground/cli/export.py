"""`export PROJECT --format keras|pytorch|numpy|npz|csv [-o OUT]`: code that rebuilds the
project's network with its weights, the weights alone (.npz), or the points (CSV).

OUT defaults to the project's stem + a suffix beside it (`xor.json` → `xor_keras.py`); `-o -`
prints a text format to stdout. The written paths are printed one per line.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playground.cli.args import UsageError
from playground.cli.train import open_project
from playground.core import export as exporter
from playground.core.errors import Invalid


def add_arguments(p) -> None:
    p.add_argument("project", metavar="PROJECT", help="project file to export")
    p.add_argument(
        "--format",
        required=True,
        choices=list(exporter.FORMATS),
        help="; ".join(f"{k}: {what}" for k, (_, what) in exporter.FORMATS.items()),
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="file to write (default: beside PROJECT, e.g. NAME_keras.py); "
        "'-' prints a text format",
    )


def run(args) -> int:
    project_path = Path(args.project)
    project = open_project(args.project)
    to_stdout = args.output == "-"
    if to_stdout and args.format not in exporter.TEXT_FORMATS:
        raise UsageError("-o", f"the {args.format} format is binary: give a file name, not '-'")
    out = (
        exporter.default_output(project_path, args.format)
        if args.output is None or to_stdout
        else Path(args.output)
    )
    try:
        files = exporter.render(project, args.format, out, title=project.name or project_path.stem)
    except Invalid as e:
        raise UsageError("PROJECT", e.text()) from None
    if to_stdout:
        if len(files) > 1:
            raise UsageError(
                "-o",
                "this network's weights go to a .npz beside the code: give a file name, not '-'",
            )
        sys.stdout.write(files[0].data.decode("utf-8"))
        return 0
    _check_targets(project_path, [f.path for f in files])
    try:
        exporter.write(files)
    except OSError as e:
        raise UsageError("-o", str(e)) from None
    for f in files:
        print(f.path)
    return 0


def _check_targets(project_path: Path, paths: list[Path]) -> None:
    """Refuse to write into a missing folder or over the project or its weights file."""
    keep = {project_path.resolve(), project_path.with_suffix(".npz").resolve()}
    for path in paths:
        if not path.resolve().parent.is_dir():
            raise UsageError("-o", f"folder not found for {path}")
        if path.resolve() in keep:
            raise UsageError("-o", f"{path} is the project's own file; choose another name")
