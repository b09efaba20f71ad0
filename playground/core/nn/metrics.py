"""Metrics of a Trainer's weights: loss and accuracy on the training and the test points.

Evaluation is the Trainer's evaluating half (a mixin: it reads the trainer's network, data,
inputs, targets, loss_name, spec and step counters, and its divergence check `_check_loss`).
Epoch-end evaluations are due while they have taken at most `eval_share` of the time since the
last one (EVAL_SHARE by default; None: always); see the trainer module for the epoch records.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

import numpy as np

from playground.core.data.features import transform
from playground.core.nn import activations, losses
from playground.core.nn.network import Network

EVAL_SHARE = 0.03  # epoch-end evaluations take at most this share of the time between them


@dataclass(frozen=True)
class Metrics:
    step: int
    epoch: int
    train_loss: float | None  # None without training points
    test_loss: float | None
    train_accuracy: float | None
    test_accuracy: float | None

    def record(self) -> dict:
        return {
            "train_loss": self.train_loss,
            "test_loss": self.test_loss,
            "train_accuracy": self.train_accuracy,
            "test_accuracy": self.test_accuracy,
        }


def smoothed_cost(estimate: float, cost: float) -> float:
    """The running estimate of an evaluation's cost after one more measurement: one slow
    measurement (the process descheduled mid-way) moves it by at most 0.9× the estimate."""
    if estimate <= 0:
        return cost
    return 0.7 * estimate + 0.3 * min(cost, 4 * estimate)


class Evaluation:
    eval_share: float | None = EVAL_SHARE  # None: evaluate at every epoch's end

    def outputs(self, X: np.ndarray | None = None) -> np.ndarray:
        """Network outputs (n, n_outputs) for raw points X (default: all data points)."""
        inputs = self.inputs if X is None else transform(X, self.config.features)
        return self.network.predict(inputs)

    def head_output(self, network: Network | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(z, a) of the output layer for every data point: one pass serves all metrics."""
        z = (network or self.network).forward_logits(self.inputs)  # (n, n_outputs)
        return z, activations.get(self.spec.output).value(z, 0.0)

    def loss_on(self, mask: np.ndarray, out=None) -> float | None:
        if not mask.any():
            return None
        z, a = out or self.head_output()
        return losses.get(self.loss_name).value(z[mask], a[mask], self.targets[mask])

    def accuracy_on(self, mask: np.ndarray, out=None) -> float | None:
        if self.data.task == "regression" or not mask.any():
            return None
        _, a = out or self.head_output()
        return accuracy(a[mask], self.data.y[mask], self.data.task)

    @np.errstate(all="ignore")
    def evaluate(self) -> Metrics:
        """Loss and accuracy of the current weights on the training and the test points."""
        is_test, out = self.data.is_test, self.head_output()
        train_loss = self.loss_on(~is_test, out)
        self._check_loss(train_loss)
        if self.diverged:
            out = self.head_output()  # the restored weights
            train_loss = self.loss_on(~is_test, out)
        m = Metrics(
            self.step_count,
            self.epoch,
            train_loss,
            self.loss_on(is_test, out),
            self.accuracy_on(~is_test, out),
            self.accuracy_on(is_test, out),
        )
        return m

    def _train_metrics(self, z: np.ndarray, a: np.ndarray, Y: np.ndarray) -> tuple:
        """(loss, accuracy) of the training points from their head output z, a (n, outputs)."""
        loss = losses.get(self.loss_name).value(z, a, Y)
        if self.data.task == "regression":
            return loss, None
        return loss, accuracy(a, self._y_train, self.data.task)

    def _evaluation_due(self) -> bool:
        """An epoch-end evaluation is due: always the first epoch's, then while evaluations
        have taken at most eval_share of the time since the last one ended."""
        if self.eval_share is None or not len(self.history):
            return True
        last, cost = self._eval_clock
        return time.perf_counter() - last >= cost / self.eval_share

    def _test_metrics(self) -> tuple:
        """(loss, accuracy) of the test points ((None, None) without any)."""
        test = self.data.is_test
        if not test.any():
            return None, None
        t0 = time.perf_counter()
        z = self.network.forward_logits(self.inputs[test])  # (n_test, n_outputs)
        a = activations.get(self.spec.output).value(z, 0.0)
        loss = losses.get(self.loss_name).value(z, a, self.targets[test])
        acc = (
            None
            if self.data.task == "regression"
            else accuracy(a, self.data.y[test], self.data.task)
        )
        t1 = time.perf_counter()
        self._clock_evaluation(t1, t1 - t0)
        return loss, acc

    def _keep_latest(self, m: Metrics) -> None:
        """Remember m for `metrics()`, its missing test values filled from the last measured."""
        if m.test_loss is None and self._latest is not None and self.data.is_test.any():
            m = replace(
                m, test_loss=self._latest.test_loss, test_accuracy=self._latest.test_accuracy
            )
        self._latest = m

    def _timed_evaluation(self) -> Metrics:
        """evaluate() at an epoch's end, clocked for the budget (other callers are not)."""
        t0 = time.perf_counter()
        m = self.evaluate()
        t1 = time.perf_counter()
        self._clock_evaluation(t1, t1 - t0)
        return m

    def _clock_evaluation(self, now: float, cost: float) -> None:
        """Remember when the last evaluation ended and its smoothed cost."""
        self._eval_clock = (now, smoothed_cost(self._eval_clock[1], cost))

    def record_now(self) -> None:
        """Record the current epoch if it has no record yet (training paused or finished
        between due evaluations): the curve then ends where the weights are."""
        h = self.history
        if not self.record_history or self.diverged or self.epoch == 0:
            return
        if len(h) and int(h.data().last[-1]) == self.epoch:
            return
        m = self.evaluate()
        if not self.diverged:
            self.history.append(self.epoch, self.step_count, m.record())
            self._keep_latest(m)

    def latest_metrics(self) -> Metrics:
        """The last recorded epoch's metrics (test values from the last epoch that had them);
        a fresh evaluation when none is recorded since the data, loss or run changed."""
        return self._latest if self._latest is not None else self.evaluate()


def predict_classes(outputs: np.ndarray, task: str) -> np.ndarray:
    if task == "multiclass":
        return outputs.argmax(axis=1)
    return (outputs[:, 0] > 0.5).astype(np.int64)


def accuracy(outputs: np.ndarray, y: np.ndarray, task: str) -> float:
    return float(np.mean(predict_classes(outputs, task) == y))
