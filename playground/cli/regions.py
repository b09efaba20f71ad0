"""`regions PROJECT`: the exact linear regions of the project's network on a rectangle.

Prints a short summary, or one JSON object (--json, with every polygon when --polygons), draws
the partition as SVG (--svg) and runs the certificates of core.analysis.regions_check (--check,
exit 1 when one fails). The network's weights are the project's saved ones, or else the
initial weights its initializer and seed give (the output says which).
"""

from __future__ import annotations

import colorsys
import time
import zlib
from pathlib import Path

import numpy as np

from playground.cli.args import UsageError, fail
from playground.cli.report import dumps
from playground.cli.train import open_project
from playground.core.analysis import regions as exact
from playground.core.analysis.grid import plane_extent
from playground.core.analysis.regions_check import certify
from playground.core.errors import Invalid, english
from playground.core.files.atomic import atomic_write
from playground.core.nn import activations, initializers
from playground.core.nn.network import Network

SVG_SIZE = 640  # pixels of the longer side


def add_arguments(p) -> None:
    p.add_argument("project", metavar="PROJECT")
    p.add_argument(
        "--extent",
        metavar="X0,X1,Y0,Y1",
        help="rectangle of the input plane, e.g. --extent=-6,6,-6,6 (default: the project's plane)",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument(
        "--polygons",
        action="store_true",
        help="with --json: every polygon's vertices, pattern, A and c",
    )
    p.add_argument(
        "--check",
        action="store_true",
        help="check the result against the network; exit 1 if a check fails",
    )
    p.add_argument("--svg", metavar="OUT.svg", help="draw the regions and the decision boundary")


def parse_extent(text: str) -> tuple[float, float, float, float]:
    parts = text.split(",")
    try:
        if len(parts) != 4:
            raise ValueError
        values = tuple(float(part) for part in parts)
    except ValueError:
        raise UsageError("--extent", f"expected four numbers X0,X1,Y0,Y1, got {text!r}") from None
    try:
        return exact.check_extent(values)
    except Invalid as e:
        raise UsageError("--extent", f"{e.field}: {english(e.code, e.params)}") from None


def project_network(project) -> tuple[Network, str]:
    """The project's network and which weights it holds ("saved" or "initial (…)")."""
    net = Network(project.spec())
    if project.params is not None:
        net.set_params(project.params)
        return net, "saved"
    config = project.config
    initializers.initialize(net, config.initializer, config.seed)
    return net, f"initial ({config.initializer}, seed {config.seed})"


def reason_text(reason: exact.Inapplicable) -> str:
    """English for a not-applicable code (the CLI's own words; the UI translates the code)."""
    p = reason.params
    if reason.code == "dimension":
        return f"exact regions need 2-D data; the project's data are {p['dim']}-D"
    if reason.code == "features":
        return f"exact regions need the inputs x1,x2; the network sees {','.join(p['features'])}"
    piecewise = [
        a.name for a in activations.all_activations() if a.hidden and a.piecewise is not None
    ]
    return (
        f"hidden layer {p['layer']} uses {p['activation']}, which is not piecewise linear; "
        f"exact regions need {', '.join(piecewise)}"
    )


def run_regions(args) -> int:
    if args.polygons and not args.json:
        raise UsageError("--polygons", "only used with --json")
    if args.svg is not None and not Path(args.svg).resolve().parent.is_dir():
        raise UsageError("--svg", f"folder not found for {args.svg}")
    extent = parse_extent(args.extent) if args.extent is not None else None
    project = open_project(args.project)
    try:
        network, weights = project_network(project)
    except Invalid as e:
        raise UsageError("PROJECT", str(e)) from None
    features, dim = project.config.features, project.data.dim
    reason = exact.inapplicable(network, features, dim)
    if reason is not None:
        raise UsageError("PROJECT", reason_text(reason))
    extent = extent or plane_extent(project.data)
    start = time.perf_counter()
    result = exact.linear_regions(
        network, extent, features, dim, exact.MAX_POLYGONS, project.data.task
    )
    seconds = time.perf_counter() - start
    d = regions_dict(result, seconds, weights, args.polygons)
    if args.svg is not None and not result.too_many:
        write_svg(args.svg, svg_text(result))
    failed = []
    if args.check:
        failed = _checks(network, result, d)
    print(dumps(d) if args.json else regions_text(d))
    for name, detail in failed:
        fail(f"check failed: {name} {detail}", 1)
    return 1 if failed else 0


def _checks(network, result, d: dict) -> list[tuple[str, dict]]:
    """Run the certificates into d["checks"]; the failed ones as (name, detail)."""
    if result.too_many:
        d["checks"] = []
        return [("complete", {"too_many": True, "reached": result.reached})]
    certificates = certify(network, result)
    d["checks"] = [{"name": c.name, "passed": c.passed, **c.detail} for c in certificates]
    return [(c.name, c.detail) for c in certificates if not c.passed]


def regions_dict(result: exact.Regions, seconds: float, weights: str, polygons: bool) -> dict:
    d = {
        "count": result.count,
        "seconds": seconds,
        "extent": list(result.extent),
        "too_many": result.too_many,
        "reached": result.reached if result.too_many else None,
        "vertices": result.distinct_vertices(),
        "boundary_segments": len(result.boundary),
        "decision": result.decision.kind,
        "level": result.decision.level,
        "weights": weights,
    }
    if polygons:
        d["polygons"] = [
            {
                "vertices": result.polygon(i).tolist(),
                "pattern": "".join(str(int(v)) for v in result.patterns[i]),
                "A": result.A[i].tolist(),
                "c": result.c[i].tolist(),
            }
            for i in range(len(result.vertex_counts))
        ]
        d["boundary"] = result.boundary.tolist()
        d["boundary_classes"] = result.boundary_classes.tolist()
    return d


def regions_text(d: dict) -> str:
    x0, x1, y0, y1 = d["extent"]
    where = f"x in [{x0:g}, {x1:g}], y in [{y0:g}, {y1:g}]"
    if d["too_many"]:
        lines = [
            f"more than {exact.MAX_POLYGONS:,} regions on {where}: stopped at "
            f"{d['reached']:,} polygons after {1000 * d['seconds']:.1f} ms "
            f"({d['weights']} weights)"
        ]
    else:
        lines = [
            f"{d['count']:,} linear regions on {where} ({d['weights']} weights)",
            f"computed in {1000 * d['seconds']:.1f} ms; {d['vertices']:,} vertices",
        ]
        if d["decision"] == "none":
            lines.append("decision boundary: none (a single unbounded output)")
        else:
            rule = (
                "class 1 where z > " + format(d["level"], "g")
                if d["decision"] == "level"
                else "the largest output wins"
            )
            lines.append(f"decision boundary: {d['boundary_segments']:,} segments ({rule})")
    for check in d.get("checks", []):
        detail = ", ".join(
            f"{k} {v:.3g}" if isinstance(v, float) else f"{k} {v}"
            for k, v in check.items()
            if k not in ("name", "passed")
        )
        lines.append(f"check {check['name']:<15}{'ok' if check['passed'] else 'FAILED'}  {detail}")
    return "\n".join(lines)


# ---------------------------------------------------------------------- svg
def svg_text(result: exact.Regions) -> str:
    """The partition: each polygon filled with a pale colour of its pattern, thin edges, the
    decision boundary as a dark line. Plane y points up, SVG y down."""
    x0, x1, y0, y1 = result.extent
    scale = SVG_SIZE / max(x1 - x0, y1 - y0)
    width, height = (x1 - x0) * scale, (y1 - y0) * scale

    def points(xy: np.ndarray) -> list[str]:
        return [f"{(x - x0) * scale:.2f},{(y1 - y) * scale:.2f}" for x, y in xy]

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" '
        f'height="{height:.0f}" viewBox="0 0 {width:.2f} {height:.2f}">',
        f"<title>{len(result.vertex_counts)} linear regions</title>",
        '<g stroke="#6b6b6b" stroke-width="0.4" stroke-linejoin="round">',
    ]
    for i in range(len(result.vertex_counts)):
        parts.append(
            f'<polygon points="{" ".join(points(result.polygon(i)))}" '
            f'fill="{pattern_colour(result.patterns[i])}"/>'
        )
    parts.append("</g>")
    if len(result.boundary):
        path = " ".join(f"M{a}L{b}" for a, b in (points(seg) for seg in result.boundary))
        parts.append(
            f'<path d="{path}" fill="none" stroke="#111" stroke-width="2.2" '
            'stroke-linecap="round"/>'
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def pattern_colour(pattern: np.ndarray) -> str:
    """A pale colour that follows the pattern (its hue from a checksum of the pieces)."""
    hue = (zlib.crc32(pattern.tobytes()) % 360) / 360.0
    r, g, b = colorsys.hls_to_rgb(hue, 0.86, 0.45)
    return f"#{round(255 * r):02x}{round(255 * g):02x}{round(255 * b):02x}"


def write_svg(path: str, text: str) -> None:
    try:
        atomic_write(path, lambda f: f.write(text.encode("utf-8")))
    except OSError as e:
        raise UsageError("--svg", str(e)) from None
