"""Message codes from core and the training loop as translated text with a level.

core reports StopReason, Failure and Invalid as a code (errors.MESSAGES) with parameters; here
the English template is translated (tr_core: the "core" context that scripts/core_strings.py
generates) and filled in. The level says how long the status bar keeps it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from playground.core.errors import CAUSE_KEY, MESSAGES, Failure, Invalid, StopReason
from playground.ui.i18n.core_strings import tr_core

INFO, WARNING, ERROR = "info", "warning", "error"
LEVELS = {
    "diverged": ERROR,
    "internal_error": ERROR,
    "process_died": ERROR,
    "no_training_points": WARNING,
    "max_epochs": INFO,
    "target_loss": INFO,
}


def _field(name: str) -> str:
    """A field path as the user knows it (the setting's label where there is one)."""
    labels = {
        "learning_rate": QCoreApplication.translate("Messages", "Learning rate"),
        "batch_size": QCoreApplication.translate("Messages", "Batch size"),
        "reg_rate": QCoreApplication.translate("Messages", "Regularization rate"),
        "seed": QCoreApplication.translate("Messages", "Seed"),
        "units": QCoreApplication.translate("Messages", "Units"),
        "param": QCoreApplication.translate("Messages", "Parameter"),
        "features": QCoreApplication.translate("Messages", "Input features"),
        "output": QCoreApplication.translate("Messages", "Output head"),
        "loss": QCoreApplication.translate("Messages", "Loss"),
        "hidden": QCoreApplication.translate("Messages", "Hidden layers"),
        "points": QCoreApplication.translate("Messages", "Points"),
        "n": QCoreApplication.translate("Messages", "Points"),
        "classes": QCoreApplication.translate("Messages", "Classes"),
        "noise": QCoreApplication.translate("Messages", "Noise"),
        "test_fraction": QCoreApplication.translate("Messages", "Test split"),
    }
    return labels.get(name, name)


def text(code: str, params: dict) -> str:
    """The translated text of a message code with its parameters."""
    values = dict(params)
    if isinstance(values.get("what"), str):
        values["what"] = tr_core(values["what"])
    cause = values.get(CAUSE_KEY)
    if isinstance(cause, str) and cause in MESSAGES:
        values[CAUSE_KEY] = text(cause, values.get("cause_params", {}))
    template = tr_core(MESSAGES[code])
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a damaged translation: the English one works
        return MESSAGES[code].format(**values)


def with_field(field: str, body: str) -> str:
    return f"{_field(field)}: {body}" if field else body


def stop_text(reason: StopReason) -> tuple[str, str]:
    return text(reason.code, reason.params), LEVELS.get(reason.code, INFO)


def failure_text(failure: Failure) -> tuple[str, str]:
    body = text(failure.code, failure.params)
    return with_field(failure.field, body), LEVELS.get(failure.code, WARNING)


def invalid_text(error: Invalid) -> str:
    return with_field(error.field, text(error.code, error.params))
