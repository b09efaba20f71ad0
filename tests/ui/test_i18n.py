"""The Simplified Chinese translation: complete, faithful to placeholders and accelerators, compiled
(.qm up to date), in sync with the UI sources and core registries, and actually shown by widgets."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from playground.core.data import datasets
from playground.core.nn.spec import LayerSpec, NetworkSpec, TrainConfig
from playground.core.nn.trainer import Trainer
from playground.ui.i18n import core_strings
from playground.ui.i18n import messages as message_texts
from playground.ui.i18n.core_strings import tr_core

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"
TS, QM = FOLDER / "playground_zh_CN.ts", FOLDER / "playground_zh_CN.qm"
BIN = Path(sys.executable).parent
CJK = re.compile(r"[\u4e00-\u9fff]")
# %1 / %d placeholders and Python format fields such as {i} or {v:.4g}
PLACEHOLDER = re.compile(r"%\d+|%[dsn]|\{[^{}]*\}")


def messages(ts: Path = TS) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) for every message of a .ts file."""
    root = ET.parse(ts).getroot()
    return [
        (c.findtext("name"), m.findtext("source"), m.find("translation"))
        for c in root.iter("context")
        for m in c.iter("message")
    ]


def accelerator(text: str) -> str | None:
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1).upper() if match else None


@pytest.fixture
def chinese(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_qm_loads_and_translates_each_context():
    translator = QTranslator()
    assert translator.load(str(QM)), f"cannot load {QM}"
    assert translator.language() == "zh_CN"
    assert translator.translate("WindowMenus", "&File") == "文件(&F)"
    assert translator.translate("core", "Linear") == "线性"
    for context in {ctx for ctx, _, _ in messages()}:
        assert any(
            CJK.search(translator.translate(ctx, src) or "")
            for ctx, src, _ in messages()
            if ctx == context
        ), context


def test_every_message_is_finished_and_keeps_placeholders_lines_and_accelerators():
    found = messages()
    assert len(found) > 250
    for ctx, src, tr in found:
        where = f"{ctx}: {src!r}"
        assert tr.get("type") is None, f"{tr.get('type')} translation for {where}"
        text = tr.text or ""
        assert text.strip(), f"empty translation for {where}"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(src)), where
        assert text.count("\n") == src.count("\n"), where
        key = accelerator(src)
        assert accelerator(text) == key, f"accelerator {key} lost in {where}"
        if key:
            assert f"(&{key})" in text, f"write the accelerator as ({'&' + key}): {where}"
        if re.search(r"[a-z]{4,}", src) and ctx != "core":  # words, not a name like "x" or "SGD"
            assert CJK.search(text), f"untranslated {where}"


def test_no_context_is_lost_to_a_bare_tr_wrapper():
    # lupdate files calls of a module-level tr(text) helper under "None"; at run time they are
    # looked up under another context and never translate. Use self.tr or translate("Ctx", "…").
    assert "None" not in {ctx for ctx, _, _ in messages()}


def test_qm_is_compiled_from_the_current_ts(tmp_path):
    lrelease = BIN / "pyside6-lrelease"
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed")
    out = tmp_path / "fresh.qm"
    subprocess.run(
        [str(lrelease), "-silent", str(TS), "-qm", str(out)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert out.read_bytes() == QM.read_bytes(), "stale .qm: run scripts/update-translations.sh"


def test_ts_holds_every_string_of_the_ui_sources(tmp_path):
    lupdate = BIN / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "playground" / "ui").rglob("*.py"))
    subprocess.run(
        [
            str(lupdate),
            *sources,
            "-ts",
            str(fresh),
            "-no-obsolete",
            "-locations",
            "none",
            "-silent",
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    new = {(c, s) for c, s, tr in messages(fresh) if tr.get("type") == "unfinished"}
    assert not new, f"untranslated UI strings, run scripts/update-translations.sh: {sorted(new)}"
    assert {(c, s) for c, s, _ in messages(fresh)} == {(c, s) for c, s, _ in messages()}


def test_core_strings_module_matches_the_registries():
    script = ROOT / "scripts" / "core_strings.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for name in datasets.names():
        assert datasets.info(name).note in core_strings.CORE_STRINGS


def test_core_texts_and_status_messages_translate(chinese):
    assert tr_core("Hidden") == "Hidden"  # unknown text passes through
    assert tr_core(datasets.info("xor").note) == "经典难题，单层网络无法解决：需要一个隐藏层。"
    assert message_texts.text("max_epochs", {"epochs": 12}) == "已训练 12 轮，停止。"
    data = datasets.generate("xor", 100, 0.0, 0, 2, 0.5)
    spec = NetworkSpec(2, (LayerSpec(8, "relu"),), 1, "sigmoid")
    trainer = Trainer(spec, data, TrainConfig(learning_rate=1000.0, optimizer="sgd"))
    trainer.step(200)
    assert trainer.diverged
    text, level = message_texts.stop_text(trainer.stop_reason)
    step = trainer.stop_reason.params["step"]
    assert text.startswith(f"训练在第 {step} 步发散：") and "1000" in text, text
    assert level == "error" and not re.search(r"[a-z]{4,}", text.replace("NaN", "")), text


def test_session_status_messages_are_chinese_with_their_level(chinese, qtbot, make_session):
    s = make_session(hidden=((8, "relu"),))
    seen = []
    s.notice.connect(lambda text, level: seen.append((text, level)))
    s.set_stop_rules(2, None)
    s.play()
    qtbot.waitUntil(lambda: len(seen) >= 1 and not s.running, timeout=10000)
    s.reset()
    s.set_stop_rules(None, None)
    s.set_config(learning_rate=10.0)
    s.play()
    qtbot.waitUntil(lambda: len(seen) >= 3 and not s.running, timeout=10000)
    levels = [level for _text, level in seen]
    assert levels[:3] == ["info", "info", "error"], seen  # stop rule, reset, divergence
    assert seen[0][0] == "已训练 2 轮，停止。"
    for text, _level in seen:  # emitted in Chinese: the status bar needs no English keyword
        assert CJK.search(text) and not re.search(r"[a-z]{4,}", text.replace("NaN", "")), text


def test_window_shows_translated_core_texts(chinese, qtbot, make_session):
    from PySide6.QtWidgets import QMenu

    from playground.ui.window.main_window import MainWindow

    w = MainWindow(make_session(), interactive=False, remember=False)
    qtbot.addWidget(w)
    menu = next(m for m in w.findChildren(QMenu) if m.title() == "打开实验(&E)")
    tips = [a.toolTip() for a in menu.actions()]
    assert len(tips) >= 8 and all(CJK.search(t) for t in tips), tips
    assert (
        w.data_panel.dataset_combo.itemText(w.data_panel.dataset_combo.findData("circle"))
        == tr_core("Circle")
        != "Circle"
    )
    assert w.controls.reg_combo.currentText() == "无"
    assert w.builder.init_combo.currentText() == tr_core("Glorot uniform") != "Glorot uniform"
    assert "交叉熵" in w.builder.head_label.text()
    w.close()


def test_widgets_show_chinese(chinese, qtbot):
    from PySide6.QtWidgets import QGroupBox

    from playground.ui.panels.data_panel import DataPanel
    from playground.ui.panels.training_controls import TrainingControls

    controls = TrainingControls()
    qtbot.addWidget(controls)
    controls.set_running(False)
    assert controls.play_button.text() == "运行"
    controls.set_running(True)
    assert controls.play_button.text() == "暂停"
    panel = DataPanel()
    qtbot.addWidget(panel)
    titles = {g.title() for g in panel.findChildren(QGroupBox)}
    assert {"数据", "编辑数据点"} <= titles, titles


def test_english_stays_without_a_translator(qtbot):
    from playground.ui.panels.training_controls import TrainingControls

    controls = TrainingControls()
    qtbot.addWidget(controls)
    controls.set_running(False)
    assert controls.play_button.text() == "Play"
    assert QCoreApplication.translate("core", "Linear") == "Linear"
