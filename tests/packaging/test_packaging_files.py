"""Fast checks of the packaging recipes: desktop entry, icons, spec allow-lists, deb scripts."""

from __future__ import annotations

import ast
import configparser
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "activation-playground.spec"
DESKTOP = ROOT / "resources" / "activation-playground.desktop"
ICONS = ROOT / "resources" / "icons"
NAME = "activation-playground"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def spec_constants() -> dict[str, object]:
    """Run the spec's imports, constants and filter functions, but not PyInstaller itself."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    keep = [
        node
        for node in tree.body
        if isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef))
        or (isinstance(node, (ast.Assign, ast.AugAssign)) and _is_constant_target(node))
    ]
    namespace: dict[str, object] = {"SPECPATH": str(PACKAGING)}
    exec(compile(ast.Module(body=keep, type_ignores=[]), str(SPEC), "exec"), namespace)
    return namespace


def _is_constant_target(node: ast.Assign | ast.AugAssign) -> bool:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    return all(isinstance(t, ast.Name) and t.id.isupper() for t in targets)


def test_desktop_entry_has_the_keys_menus_need():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == NAME
    assert entry["Icon"] == NAME
    assert entry["Terminal"] == "false"
    assert "Education" in entry["Categories"].split(";")
    assert entry["Categories"].endswith(";") and entry["Keywords"].endswith(";")
    assert entry["Name[zh_CN]"] and entry["Comment[zh_CN]"]


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="no desktop-file-utils")
def test_desktop_entry_passes_desktop_file_validate():
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout


def test_hicolor_pngs_are_square_and_match_their_folder_size():
    sizes = []
    for png in sorted(ICONS.glob(f"hicolor/*/apps/{NAME}.png")):
        width, height = (int(v) for v in png.parent.parent.name.split("x"))
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", png
        # IHDR: width and height are big-endian uint32 at bytes 16..24.
        assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (
            width,
            height,
        ), png
        sizes.append(width)
    assert {16, 32, 48, 64, 128, 256, 512} <= set(sizes)


def test_scalable_icon_is_an_svg_with_a_square_view_box():
    svg = (ICONS / f"{NAME}.svg").read_text(encoding="utf-8")
    match = re.search(r'viewBox="0 0 (\d+) (\d+)"', svg)
    assert svg.lstrip().startswith("<svg") and match and match.group(1) == match.group(2)


def test_spec_ships_only_the_qt_we_use():
    spec = spec_constants()
    excluded = set(spec["EXCLUDES"])
    for unused in (
        "PySide6.QtQml",
        "PySide6.QtQuick",
        "PySide6.QtWebEngineCore",
        "PySide6.Qt3DCore",
        "PySide6.QtMultimedia",
        "PySide6.QtNetwork",
    ):
        assert unused in excluded
    for dev_only in ("torch", "pytest", "hypothesis", "tkinter"):
        assert dev_only in excluded
    for used in (
        "PySide6.QtCore",
        "PySide6.QtGui",
        "PySide6.QtWidgets",
        "PySide6.QtSvg",
        "PySide6.QtOpenGL",
        "PySide6.QtOpenGLWidgets",
        "numpy",
        "pyqtgraph",
    ):
        assert used not in excluded  # pyqtgraph imports QtOpenGL[Widgets] unconditionally


def test_spec_plugin_filter_keeps_platforms_and_drops_the_rest():
    keep = spec_constants()["keep_binary"]
    qt = "PySide6/Qt/plugins"
    for kept in (
        "platforms/libqxcb.so",
        "platforms/libqoffscreen.so",
        "imageformats/libqsvg.so",
        "iconengines/libqsvgicon.so",
    ):
        assert keep(f"{qt}/{kept}"), kept
    assert keep("PySide6\\plugins\\platforms\\qwindows.dll")  # Windows wheel layout
    dropped_plugins = (
        "platforms/libqwayland.so",
        "platformthemes/libqgtk3.so",
        "tls/libqopensslbackend.so",
        "sqldrivers/libqsqlite.so",
        "qmltooling/libqmldbg_tcp.so",
        "imageformats/libqtiff.so",
    )
    for dropped in dropped_plugins:
        assert not keep(f"{qt}/{dropped}"), dropped
    assert not keep("PySide6/Qt/lib/libQt6Qml.so.6")
    assert not keep("PySide6/Qt/lib/libQt6WaylandClient.so.6")
    assert keep("PySide6/Qt/lib/libQt6Widgets.so.6") and keep("PySide6/Qt/lib/libQt6OpenGL.so.6")


def test_spec_keeps_only_the_chinese_qtbase_translation_and_our_resources():
    keep = spec_constants()["keep_data"]
    assert keep("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert not keep("PySide6/Qt/translations/qtdeclarative_zh_CN.qm")
    assert not keep("PySide6/Qt/qml/QtQuick/qmldir")
    assert keep("resources/data/iris.csv")


def test_spec_bundles_the_resources_folder_under_resources():
    text = SPEC.read_text(encoding="utf-8")
    assert 'f"resources/{sub}"' in text
    subs = ("data", "experiments", "lessons", "translations", "icons")
    assert all(f'"{sub}"' in text for sub in subs)
    for sub in ("data", "experiments", "lessons", "icons"):
        assert (ROOT / "resources" / sub).is_dir()


def test_deb_control_template_and_maintainer_scripts():
    control = (PACKAGING / "debian" / "control.in").read_text(encoding="utf-8")
    fields = dict(re.findall(r"^([A-Za-z-]+): (.*)$", control, flags=re.M))
    assert fields["Package"] == NAME and fields["Version"] == "@VERSION@"
    assert fields["Architecture"] == "@ARCH@" and fields["Depends"] == "@DEPENDS@"
    assert fields["Section"] in {"science", "education"} and "<" in fields["Maintainer"]
    for script in ("postinst", "postrm", "launcher.sh"):
        text = (PACKAGING / "debian" / script).read_text(encoding="utf-8")
        assert text.startswith("#!/bin/sh\n"), script
    for script in ("postinst", "postrm"):  # guarded: never fail when the tools are absent
        text = (PACKAGING / "debian" / script).read_text(encoding="utf-8")
        assert text.count("command -v") == 2 and text.count("|| true") == 2
    build = (PACKAGING / "build-deb.sh").read_text(encoding="utf-8")
    assert "--root-owner-group -Zzstd" in build and "fonts-noto-cjk | fonts-wqy-microhei" in build


def test_shell_scripts_parse():
    bash = shutil.which("bash")
    assert bash
    for script in [*PACKAGING.glob("*.sh"), *(PACKAGING / "debian").glob("*")]:
        if script.name == "control.in":
            continue
        shell = "sh" if script.read_text(encoding="utf-8").startswith("#!/bin/sh") else bash
        result = subprocess.run([shell, "-n", str(script)], capture_output=True, text=True)
        assert result.returncode == 0, f"{script}: {result.stderr}"


def test_windows_and_macos_icons_have_their_format_magic():
    assert (ICONS / f"{NAME}.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (ICONS / f"{NAME}.icns").read_bytes()[:4] == b"icns"
