"""Rich text of lesson texts and setups for the lessons panel.

Lesson texts are plain text with paragraphs separated by a blank line and formulas between
backticks; a paragraph that is only a formula (or formulas) is set apart on its own line. A
setup is described with the window's own words for each setting (the same translations the
controls use).
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication

from playground.core.data import datasets
from playground.core.files.experiments import experiment_text
from playground.core.lessons.content import FORMULA
from playground.core.lessons.setup import setup_items
from playground.core.nn import initializers, optimizers, regularizers
from playground.ui.i18n.core_strings import tr_core

FORMULA_STYLE = (
    "font-family: 'DejaVu Serif', 'Noto Serif CJK SC', serif; background-color: #eef2f7;"
)
_ONLY_FORMULAS = re.compile(r"^(\s*`[^`]+`\s*[,;.，；。、]?\s*)+$")


NOWRAP_CHARS = 16  # a formula up to this long stays on one line; a longer one may wrap


def _formula(text: str) -> str:
    keep = " white-space: nowrap;" if len(text) <= NOWRAP_CHARS else ""
    return f'<span style="{FORMULA_STYLE}{keep}">&nbsp;{html.escape(text)}&nbsp;</span>'


def _inline(text: str) -> str:
    """Escaped text with each `formula` set in the formula style."""
    out, last = [], 0
    for m in FORMULA.finditer(text):
        out.append(html.escape(text[last : m.start()]))
        out.append(_formula(m.group(1)))
        last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out).replace("\n", "<br>")


def text_html(text: str) -> str:
    """A lesson text as rich text: paragraphs, formulas, a formula paragraph centred."""
    parts = []
    for para in (p.strip() for p in text.split("\n\n")):
        if not para:
            continue
        if _ONLY_FORMULAS.match(para):
            parts.append(f'<p align="center" style="margin: 6px 0;">{_inline(para)}</p>')
        else:
            parts.append(f'<p style="margin: 0 0 8px 0;">{_inline(para)}</p>')
    return "".join(parts)


# ------------------------------------------------------------------ setups
def _label(key: str) -> str:
    translate = QCoreApplication.translate
    known = {  # the words the controls and messages already use
        "lr": translate("Messages", "Learning rate"),
        "batch": translate("Messages", "Batch size"),
        "reg_rate": translate("Messages", "Regularization rate"),
        "seed": translate("Messages", "Seed"),
        "features": translate("Messages", "Input features"),
        "output": translate("Messages", "Output head"),
        "loss": translate("Messages", "Loss"),
        "layers": translate("Messages", "Hidden layers"),
        "points": translate("Messages", "Points"),
        "classes": translate("Messages", "Classes"),
        "noise": translate("Messages", "Noise"),
        "test_split": translate("Messages", "Test split"),
        "optimizer": translate("TrainingControls", "Optimizer"),
        "reg": translate("TrainingControls", "Regularization"),
        "speed": translate("TrainingControls", "Epochs / second"),
        "init": translate("NetworkBuilder", "Initializer"),
    }
    own = {
        "experiment": translate("LessonsPanel", "Experiment"),
        "dataset": translate("LessonsPanel", "Data set"),
        "views": translate("LessonsPanel", "Views"),
        "pin": translate("LessonsPanel", "Inspector pinned at"),
        "select_layer": translate("LessonsPanel", "Layer shown"),
        "equations_m": translate("LessonsPanel", "Equations' m"),
        "hidden_layer": translate("LessonsPanel", "Hidden-space layer"),
        "hidden_units": translate("LessonsPanel", "Hidden-space units"),
        "hidden_stage": translate("LessonsPanel", "Hidden-space stage"),
        "single_map": translate("LessonsPanel", "Single map on the plane"),
        "regions": translate("LessonsPanel", "Linear regions on the plane"),
    }
    return known.get(key) or own.get(key, key)


def _view_title(name: str) -> str:
    translate = QCoreApplication.translate
    return {
        "hidden": translate("InsightArea", "Hidden space"),
        "collapse": translate("InsightArea", "Linear collapse"),
        "gradients": translate("InsightArea", "Gradient flow"),
        "equations": translate("InsightArea", "Layer equations"),
        "inspector": translate("InsightArea", "Forward pass"),
    }.get(name, name)


def _value(key: str, raw, text: str) -> str:
    """A setting's value in the window's words where the app has a label for it."""
    registries = {"init": initializers, "optimizer": optimizers, "reg": regularizers}
    if key in registries and raw in registries[key].names():
        return tr_core(registries[key].get(raw).label)
    if key == "dataset" and raw in datasets.names():
        return tr_core(datasets.info(raw).label)
    if key == "experiment":
        return tr_core(experiment_text(raw, "title")) or raw
    if key == "views":
        return ", ".join(_view_title(v) for v in raw) or "—"
    if key == "pin" and raw:
        return f"({text})"
    if key in ("select_layer", "hidden_layer"):
        return str(raw + 1)  # layers as the window counts them, from 1
    if key == "equations_m" and raw == 0:
        return QCoreApplication.translate("LessonsPanel", "the batch size")
    if isinstance(raw, bool):
        return (
            QCoreApplication.translate("LessonsPanel", "on")
            if raw
            else QCoreApplication.translate("LessonsPanel", "off")
        )
    if key == "speed" and raw == 0:
        return QCoreApplication.translate("LessonsPanel", "as fast as possible")
    return text


def _breakable(text: str) -> str:
    """Escaped, with a line break allowed after each comma ("8:tanh,8:tanh,…" is one word)."""
    return html.escape(text).replace(",", ",&#8203;")


def setup_html(setup: dict | None) -> str:
    """ "Label: value · Label: value" of every change a setup makes ("compare" left out)."""
    items = [
        f"{html.escape(_label(k))}: <b>{_breakable(_value(k, (setup or {})[k], text))}</b>"
        for k, text in setup_items(setup)
    ]
    return " · ".join(items)
