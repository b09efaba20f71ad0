import os

# Qt renders offscreen in tests; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from playground.core.nn.trainer import Trainer


@pytest.fixture(autouse=True)
def _every_epoch_evaluated(monkeypatch):
    """Histories the same on every run: epoch-end evaluations do not depend on timing here.
    (tests/core/test_evaluation_budget.py tests the timing rule itself.)"""
    monkeypatch.setattr(Trainer, "eval_share", None)
