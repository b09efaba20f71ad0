"""`gui [PROJECT] --export-view NAME --out FILE.png|.svg [--steps N] [--size WxH]`: one view
written headless, and every wrong use a one-line error naming the option."""

from __future__ import annotations

import subprocess
import sys
import types
import xml.etree.ElementTree as ET

import pytest

from playground.cli.main import PICTURE_VIEWS, main

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def fails(capsys, *argv) -> str:
    assert main(list(argv)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    return err.removeprefix("activation-playground: error: ").rstrip("\n")


def test_the_cli_names_the_views_the_window_draws():
    from playground.ui.window.view_pictures import VIEW_NAMES

    assert PICTURE_VIEWS == VIEW_NAMES


def test_the_cli_names_the_insight_views_the_training_loop_builds():
    from playground.cli.main import insight_names
    from playground.live.insights import VIEWS

    assert insight_names() == list(VIEWS)


def test_opening_the_window_parses_without_importing_the_headless_commands():
    code = (
        "import sys; from playground.cli.main import build_parser; "
        "build_parser('gui').parse_args(['gui', '--view', 'hidden']); "
        "print(','.join(m for m in ('playground.cli.train', 'playground.cli.regions', "
        "'playground.cli.bench_command', 'playground.live.insights') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_an_unknown_view_is_an_error_listing_the_names(capsys, tmp_path):
    err = fails(capsys, "gui", "--export-view", "histogram", "--out", str(tmp_path / "a.png"))
    assert err == (
        "--export-view: unknown view 'histogram'; choose from plane, diagram, loss, "
        "activation, hidden, collapse, inspector, gradients, equations"
    )


@pytest.mark.parametrize(
    "argv, flag",
    [
        (["--export-view", "plane"], "--out"),
        (["--export-view", "plane", "--out", "a.jpg"], "--out"),
        (["--export-view", "plane", "--out", "/no/such/folder/a.png"], "--out"),
        (["--out", "a.png"], "--out"),
        (["--export-view", "plane", "--out", "a.png", "--snapshot", "b.png"], "--export-view"),
    ],
)
def test_wrong_uses_name_the_option(capsys, argv, flag):
    assert fails(capsys, "gui", *argv).startswith(flag + ": ")


def test_the_options_reach_the_gui(monkeypatch, tmp_path):
    calls = []
    app = types.ModuleType("playground.ui.app")
    app.run_gui = lambda **kw: calls.append(kw) or 0
    monkeypatch.setitem(sys.modules, "playground.ui.app", app)
    out = str(tmp_path / "d.svg")
    assert (
        main(
            ["gui", "--export-view", "diagram", "--out", out, "--steps", "7", "--size", "1280x720"]
        )
        == 0
    )
    assert calls[0]["export_view"] == ("diagram", out)
    assert (calls[0]["steps"], calls[0]["size"]) == (7, (1280, 720))


def test_the_command_writes_a_png_and_an_svg(tmp_path):
    png, svg = tmp_path / "loss.png", tmp_path / "hidden.svg"
    for view, out in (("loss", png), ("hidden", svg)):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "playground",
                "gui",
                "--experiment",
                "xor-tanh",
                "--export-view",
                view,
                "--out",
                str(out),
                "--steps",
                "50",
                "--size",
                "1280x800",
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
    data = png.read_bytes()
    assert data.startswith(PNG_MAGIC)
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width > 400 and height > 300 and width % 2 == 0 and height % 2 == 0  # 2× a widget
    root = ET.fromstring(svg.read_bytes())
    assert root.tag.endswith("svg")
    assert {el.tag.rsplit("}", 1)[-1] for el in root.iter()} & {"path", "polyline", "image"}
