"""Trainer: mini-batch training of a Network on a PointSet, deterministic for a seed.

One step = forward, backward, update on one mini-batch of the shuffled training points; the
order is reshuffled every epoch and the last batch of an epoch may be smaller.

Divergence: every CHECK_EVERY steps the weights are checked (finite, |θ| ≤ MAX_WEIGHT) and kept
as the last sane ones; at each epoch's end the loss is checked (finite, ≤ EXPLODED × the loss of
the initial weights). A failed check restores the last sane weights and stops training with a
StopReason until Reset.

Gradient norms: every GRAD_EVERY steps, ‖dL/dW_l‖ (Frobenius, weights only, per layer) of the
mini-batch gradient that step computed (the data loss's, before any regularization term) goes
into `grad_history`, record number step // GRAD_EVERY, one metric per layer (grad_metrics).

Epoch records: at full batch the epoch's one forward pass already holds every training point's
output, so its loss and accuracy are recorded (those of the weights before the epoch's update,
as a PyTorch loop logs them) and only the test points are evaluated again; smaller batches
evaluate every point at the epoch's end. Evaluations happen only while they have taken at most
EVAL_SHARE of the time since the last one (`eval_share`; None: every epoch): every epoch where
they are cheap or training is slowed down, a few times per second where they are not. At full
batch an epoch without a due evaluation records its training metrics and NaN test ones; at
smaller batches it records nothing. `latest_metrics()` carries the last measured test values.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from playground.core.data.features import transform, usable_features
from playground.core.data.pointset import PointSet
from playground.core.errors import Invalid, StopReason
from playground.core.nn import activations, heads, initializers, losses, optimizers, regularizers
from playground.core.nn.history import History, RunState
from playground.core.nn.metrics import Evaluation, Metrics
from playground.core.nn.network import Network, transfer_theta
from playground.core.nn.spec import NetworkSpec, TrainConfig

CHECK_EVERY = 25  # steps between weight checks
MAX_WEIGHT = 1e15  # |θ| beyond this counts as divergence
EXPLODED = 1e6  # a training loss this many times the initial one counts as divergence
GRAD_EVERY = 25  # steps between recorded gradient norms (cost: `bench` row G, ≤ 2%)


def grad_metrics(n_layers: int) -> tuple[str, ...]:
    """The gradient history's metric names: "W1" … "W{L}" (the last is the output layer)."""
    return tuple(f"W{layer + 1}" for layer in range(n_layers))


class Trainer(Evaluation):
    record_history = True  # the CLI turns it off: it reports only the final state
    record_grads = True  # gradient norms every GRAD_EVERY steps (grad_history)

    def __init__(
        self, spec: NetworkSpec, data: PointSet, config: TrainConfig | None = None, params=None
    ):
        config = TrainConfig() if config is None else config
        self.spec, self.data, self.config = spec, data, config
        self.loss_name = self._loss_for(config)
        self._check_inputs(data, config)
        self.network = Network(spec, dtype=np.dtype(config.dtype))
        if params is None:
            initializers.initialize(self.network, config.initializer, config.seed)
        else:
            self.network.set_params(params)
        self.initial_theta = self.network.theta.copy()
        self._set_data(data)
        self._reset_state()

    def _loss_for(self, config: TrainConfig) -> str:
        return heads.resolve(self.data.task, self.spec.n_outputs, self.spec.output, config.loss)[1]

    def _check_inputs(self, data: PointSet, config: TrainConfig) -> None:
        n_features = len(usable_features(config.features, data.dim))
        if self.spec.n_inputs != n_features:
            raise Invalid(
                "features", "inputs_mismatch", expected=self.spec.n_inputs, value=n_features
            )
        if self.spec.n_outputs != data.n_outputs:
            raise Invalid(
                "output", "outputs_mismatch", expected=self.spec.n_outputs, value=data.n_outputs
            )

    # ------------------------------------------------------------------ state
    def _set_data(self, data: PointSet) -> None:
        self.data = data
        dt = self.network.dtype
        feats = transform(data.X, self.config.features).astype(dt)
        self.inputs = feats  # (n, n_inputs)
        self.targets = data.targets().astype(dt)  # (n, n_outputs)
        train = ~data.is_test
        n_train = int(train.sum())
        self._X1 = np.vstack([feats[train].T, np.ones((1, n_train), dt)])  # [X; 1] (n_in+1, n)
        self._Y = self.targets[train]  # (n, n_outputs)
        self._y_train = data.y[train]  # (n,) labels, in the order of a full batch
        self._reference_loss = None  # the initial weights' loss on these points, when needed
        self._latest: Metrics | None = None  # the last epoch record (test values carried)
        self._eval_clock = (-math.inf, 0.0)  # (when evaluated last, how long it took, s)

    def _reset_state(self) -> None:
        self.optimizer = optimizers.create(
            self.config.optimizer, self.network.theta.size, self.network.dtype
        )
        self.rng = np.random.default_rng([self.config.seed, 1])
        self.step_count = 0
        self.epoch = 0
        self._pos = 0
        self._order_X1 = self._X1
        self._order_Y = self._Y
        self._new_epoch()
        self.stop_reason: StopReason | None = None
        self.history = History()
        self.grad_history = History(metrics=grad_metrics(self.network.n_layers))
        self._last_sane = self.network.theta.copy()
        self._reference_loss = None
        self._latest = None
        self._eval_clock = (-math.inf, 0.0)
        self._batch_metrics: tuple | None = None  # (train loss, accuracy) of a full batch

    @property
    def diverged(self) -> bool:
        return self.stop_reason is not None

    def reset(self) -> None:
        """Back to the same initial weights, optimizer state and shuffle order."""
        self.network.theta[...] = self.initial_theta
        self._reset_state()

    def reinitialize(self, seed: int) -> None:
        self.config = replace(self.config, seed=seed)
        initializers.initialize(self.network, self.config.initializer, seed)
        self.initial_theta = self.network.theta.copy()
        self._reset_state()

    def continue_from(self, other: Trainer) -> None:
        """Carry on another trainer's run on this network: weights of every layer whose shape
        still fits (network.transfer_theta), step and epoch counters and history. Reset still
        returns to this trainer's own initial weights."""
        kept = transfer_theta(other.network, self.network)
        self._last_sane[...] = self.network.theta
        self.step_count, self.epoch = other.step_count, other.epoch
        self.history = other.history.copy()
        # a layer whose weights carried over keeps its recorded norms; the others start empty
        sources = [kept.get(layer) for layer in range(self.network.n_layers)]
        self.grad_history = History.from_data(
            other.grad_history.data().with_columns(grad_metrics(self.network.n_layers), sources)
        )

    def restore_run(self, run: RunState) -> None:
        """Continue a saved run: its initial weights (for Reset), counters and history."""
        if run.initial is not None:
            probe = Network(self.spec, self.network.dtype)
            probe.set_params(run.initial)
            self.initial_theta = probe.theta
        self.step_count, self.epoch = int(run.step), int(run.epoch)
        self.history = History.from_data(run.history)
        self._latest = None

    def initial_params(self) -> tuple:
        """((W, b), …) of the initial weights (what Reset returns to)."""
        probe = Network(self.spec, self.network.dtype)
        probe.theta[...] = self.initial_theta
        return tuple(probe.get_params())

    def run_state(self) -> RunState:
        return RunState(self.initial_params(), self.step_count, self.epoch, self.history.data())

    def set_data(self, data: PointSet) -> None:
        """Keep training, on new points (same task and dimensions)."""
        self._check_inputs(data, self.config)
        self._set_data(data)
        self._pos = len(self._Y)  # start a fresh epoch on the new points

    def set_config(self, config: TrainConfig) -> None:
        """Change hyperparameters mid-run; weights are kept, a new optimizer restarts its state.
        Checked first: a refused config (Invalid) leaves the trainer as it was."""
        old = self.config
        loss_name = self._loss_for(config)
        if config.features != old.features:
            self._check_inputs(self.data, config)
        self.config, self.loss_name = config, loss_name
        self._latest = None  # the loss may differ
        if config.features != old.features:
            self._set_data(self.data)
            self._pos = len(self._Y)  # the next step starts an epoch on the new inputs
        if config.optimizer != old.optimizer:
            self.optimizer = optimizers.create(
                config.optimizer, self.network.theta.size, self.network.dtype
            )

    def _new_epoch(self) -> None:
        n = len(self._Y)
        if n and self.config.batch_size < n:  # a full batch's gradient ignores the order
            order = self.rng.permutation(n)
            self._order_X1 = self._X1[:, order]
            self._order_Y = self._Y[order]
        elif n:
            self._order_X1, self._order_Y = self._X1, self._Y
        self._pos = 0

    @property
    def n_train(self) -> int:
        """Number of training points."""
        return len(self._Y)

    @property
    def steps_to_epoch_end(self) -> int:
        """Steps until the current epoch is complete (a whole epoch if none is under way)."""
        left = len(self._Y) - self._pos
        return -(-left // self.config.batch_size) if left > 0 else self.steps_per_epoch

    @property
    def steps_per_epoch(self) -> int:
        n = len(self._Y)
        return max(1, -(-n // self.config.batch_size))

    # ------------------------------------------------------------------ training
    # Overflow on the way to divergence is expected: the checks flag it, so no warnings.
    @np.errstate(all="ignore")
    def step(self, n: int = 1) -> int:
        """Train n mini-batches (fewer if it diverges). Returns the steps taken."""
        if self.diverged or len(self._Y) == 0:
            return 0
        net, opt, cfg = self.network, self.optimizer, self.config
        theta, grad = net.theta, net.grad
        head_name = self.spec.output
        head = activations.get(head_name).value
        reg = regularizers.get(cfg.regularization) if cfg.reg_rate > 0 else None
        lr, bs, n_train = cfg.learning_rate, cfg.batch_size, len(self._Y)
        done = 0
        forward, backward = net.forward_train, net.backward_train
        record_grads = self.record_grads
        delta = losses.get(self.loss_name).delta
        full_batch = bs >= n_train and self.record_history
        while done < n:
            if self._pos >= n_train:
                self._new_epoch()
            start = self._pos
            end = self._pos = start + bs
            X1, Y = self._order_X1[:, start:end], self._order_Y[start:end]
            zs, acts1 = forward(X1)
            z = zs[-1].T  # (m, n_outputs) for the head and the loss
            a = head(z, 0.0)
            if full_batch:
                self._batch_metrics = self._train_metrics(z, a, Y)
            backward(zs, acts1, delta(z, a, Y, head_name).T)
            if record_grads and (self.step_count + 1) % GRAD_EVERY == 0:
                step = self.step_count + 1
                self.grad_history.append_row(step // GRAD_EVERY, step, net.weight_grad_norms())
            if reg is not None:
                grad += cfg.reg_rate * net.weight_mask * reg.grad(theta)
            opt.step(theta, grad, lr)
            done += 1
            self.step_count += 1
            if self._pos >= n_train:
                self.epoch += 1  # an epoch counts once its last batch is done
            if self.step_count % CHECK_EVERY == 0 and not self._check_weights():
                break
            if self._pos >= n_train and not self._end_epoch():
                break
        else:
            self._check_weights()
        return done

    def train_epochs(self, k: int) -> int:
        return self.step(k * self.steps_per_epoch)

    def _end_epoch(self) -> bool:
        """Record the epoch (when recording and due); False if its loss shows divergence."""
        if not self.record_history:
            return True
        if self._batch_metrics is not None:  # full batch: the training metrics came free
            train_loss, train_acc = self._batch_metrics
            self._batch_metrics = None
            self._check_loss(train_loss)
            if self.diverged:
                return False
            test_loss, test_acc = self._test_metrics() if self._evaluation_due() else (None, None)
            m = Metrics(self.step_count, self.epoch, train_loss, test_loss, train_acc, test_acc)
        elif self._evaluation_due():
            m = self._timed_evaluation()
            if self.diverged:
                return False
        else:
            return True
        self.history.append(self.epoch, self.step_count, m.record())
        self._keep_latest(m)
        return True

    def _check_weights(self) -> bool:
        theta = self.network.theta
        peak = float(np.max(np.abs(theta))) if theta.size else 0.0
        if peak <= MAX_WEIGHT:  # NaN fails this too
            self._last_sane[...] = theta
            return True
        cause = "weights_nonfinite" if not math.isfinite(peak) else "weights_huge"
        self._flag_divergence(cause, {"limit": MAX_WEIGHT})
        return False

    def _flag_divergence(self, cause: str, cause_params: dict | None = None) -> None:
        self.network.theta[...] = self._last_sane
        self.stop_reason = StopReason(
            "diverged",
            {
                "step": self.step_count,
                "cause": cause,
                "cause_params": cause_params or {},
                "learning_rate": self.config.learning_rate,
            },
        )

    def _check_loss(self, train_loss: float | None) -> None:
        if train_loss is None or self.diverged:
            return
        if not math.isfinite(train_loss):
            self._flag_divergence("loss_nonfinite")
            return
        reference = self._initial_loss()
        if reference > 0 and train_loss > EXPLODED * reference:
            self._flag_divergence("loss_exploded", {"ratio": train_loss / reference})

    def _initial_loss(self) -> float:
        """The training loss of the initial weights (the scale divergence is judged on)."""
        if self._reference_loss is None:
            net = self.network.copy()
            net.theta[...] = self.initial_theta
            self._reference_loss = _loss_of(net, self, ~self.data.is_test) or 0.0
        return self._reference_loss


@np.errstate(all="ignore")
def _loss_of(network: Network, trainer: Trainer, mask: np.ndarray) -> float | None:
    return trainer.loss_on(mask, trainer.head_output(network))
