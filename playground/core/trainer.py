"""Trainer: mini-batch training of a Network on a PointSet, deterministic for a seed.

One step = forward, backward, update on one mini-batch of the shuffled training points; the
order is reshuffled every epoch and the last batch of an epoch may be smaller.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import numpy as np

from playground.core import activations, initializers, losses, optimizers, regularizers
from playground.core.network import Network
from playground.core.pointset import DEFAULT_FEATURES, PointSet, transform, usable_features
from playground.core.spec import LayerSpec, NetworkSpec

MAX_HISTORY = 20_000  # epoch records kept; beyond, older ones are thinned (memory stays bounded)
DEFAULT_HEAD = {"binary": ("sigmoid", "bce"), "multiclass": ("softmax", "ce"),
                "regression": ("linear", "mse")}


@dataclass(frozen=True)
class TrainConfig:
    optimizer: str = "sgd"
    learning_rate: float = 0.03
    batch_size: int = 10
    regularization: str = "none"
    reg_rate: float = 0.0
    initializer: str = "glorot"
    seed: int = 0
    loss: str | None = None  # None: follows the task (bce / ce / mse)
    features: tuple[str, ...] = DEFAULT_FEATURES
    # Training runs in float32 (3× faster tanh, like PyTorch's default). Analyses that need
    # exactness (collapse max |diff|, finite differences) copy the network to float64.
    dtype: str = "float32"

    def __post_init__(self) -> None:
        optimizers.get(self.optimizer)
        regularizers.get(self.regularization)
        initializers.get(self.initializer)
        if self.loss is not None:
            losses.get(self.loss)
        if not (self.learning_rate > 0 and math.isfinite(self.learning_rate)):
            raise ValueError(f"learning rate must be a positive number, got {self.learning_rate}")
        if not (isinstance(self.batch_size, int) and self.batch_size >= 1):
            raise ValueError(f"batch size must be a positive integer, got {self.batch_size}")
        if not (self.reg_rate >= 0 and math.isfinite(self.reg_rate)):
            raise ValueError(f"regularization rate must be ≥ 0, got {self.reg_rate}")
        object.__setattr__(self, "features", tuple(self.features))

    def to_dict(self) -> dict:
        d = dict(self.__dict__)
        d["features"] = list(self.features)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> TrainConfig:
        known = {k: d[k] for k in cls.__dataclass_fields__ if k in d}
        if "features" in known:
            known["features"] = tuple(known["features"])
        return cls(**known)


def build_spec(data: PointSet, hidden: tuple[LayerSpec, ...], features=DEFAULT_FEATURES,
               output: str | None = None) -> NetworkSpec:
    """The NetworkSpec for data: inputs from the usable features, output head from the task."""
    n_inputs = len(usable_features(tuple(features), data.dim))
    head = output or DEFAULT_HEAD[data.task][0]
    return NetworkSpec(n_inputs, tuple(hidden), data.n_outputs, head)


def default_loss(spec: NetworkSpec, task: str) -> str:
    if spec.output == "softmax":
        return "ce"
    if spec.output == "sigmoid" and task != "regression":
        return "bce"
    return "mse"


@dataclass
class Metrics:
    step: int
    epoch: int
    train_loss: float
    test_loss: float | None
    train_accuracy: float | None
    test_accuracy: float | None
    history: list = field(default_factory=list)


class Trainer:
    check_every = 25  # steps between finiteness checks

    def __init__(self, spec: NetworkSpec, data: PointSet, config: TrainConfig = TrainConfig(),
                 params=None):
        self.spec, self.data, self.config = spec, data, config
        self.loss_name = config.loss or default_loss(spec, data.task)
        losses.check_pair(self.loss_name, spec.output)
        self._check_inputs(spec, data, config)
        self.network = Network(spec, dtype=np.dtype(config.dtype))
        if params is None:
            initializers.initialize(self.network, config.initializer, config.seed)
        else:
            self.network.set_params(params)
        self.initial_theta = self.network.theta.copy()
        self._set_data(data)
        self._reset_state()

    @staticmethod
    def _check_inputs(spec, data, config) -> None:
        n_features = len(usable_features(config.features, data.dim))
        if spec.n_inputs != n_features:
            raise ValueError(f"network takes {spec.n_inputs} inputs but the data give {n_features}")
        if spec.n_outputs != data.n_outputs:
            raise ValueError(
                f"network has {spec.n_outputs} outputs, the task needs {data.n_outputs}")

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

    def _reset_state(self) -> None:
        self.optimizer = optimizers.create(self.config.optimizer, self.network.theta.size,
                                           self.network.dtype)
        self.rng = np.random.default_rng([self.config.seed, 1])
        self.step_count = 0
        self.epoch = 0
        self._pos = 0
        self._order_X1 = self._X1
        self._order_Y = self._Y
        self._new_epoch(count=False)
        self.diverged = False
        self.divergence_reason = ""
        self.history: list[dict] = []
        self._last_finite = self.network.theta.copy()

    def reset(self) -> None:
        """Back to the same initial weights, optimizer state and shuffle order."""
        self.network.theta[...] = self.initial_theta
        self._reset_state()

    def reinitialize(self, seed: int) -> None:
        self.config = replace(self.config, seed=seed)
        initializers.initialize(self.network, self.config.initializer, seed)
        self.initial_theta = self.network.theta.copy()
        self._reset_state()

    def set_data(self, data: PointSet) -> None:
        """Keep training, on new points (same task and dimensions)."""
        self._check_inputs(self.spec, data, self.config)
        self._set_data(data)
        self._pos = len(self._Y)  # start a fresh epoch on the new points

    def set_config(self, config: TrainConfig) -> None:
        """Change hyperparameters mid-run; weights are kept, a new optimizer restarts its state.
        Checked first: a refused config (ValueError) leaves the trainer as it was."""
        old = self.config
        loss_name = config.loss or default_loss(self.spec, self.data.task)
        losses.check_pair(loss_name, self.spec.output)
        if config.features != old.features:
            self._check_inputs(self.spec, self.data, config)
        self.config, self.loss_name = config, loss_name
        if config.features != old.features:
            self._set_data(self.data)
            self._pos = len(self._Y)  # the next step starts an epoch on the new inputs
        if config.optimizer != old.optimizer:
            self.optimizer = optimizers.create(config.optimizer, self.network.theta.size,
                                               self.network.dtype)

    def _new_epoch(self, count: bool = True) -> None:
        n = len(self._Y)
        if count:
            self.epoch += 1
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
    # Overflow on the way to divergence is expected: _check_finite flags it, so no warnings.
    @np.errstate(over="ignore", invalid="ignore")
    def step(self, n: int = 1) -> int:
        """Train n mini-batches (fewer if it diverges). Returns the steps taken."""
        if self.diverged or len(self._Y) == 0:
            return 0
        net, opt, cfg = self.network, self.optimizer, self.config
        theta, grad = net.theta, net.grad
        loss = losses.get(self.loss_name)
        head_name = self.spec.output
        head = activations.get(head_name).value
        reg = regularizers.get(cfg.regularization) if cfg.reg_rate > 0 else None
        lr, bs, n_train = cfg.learning_rate, cfg.batch_size, len(self._Y)
        done = 0
        forward, backward, delta = net.forward_train, net.backward_train, loss.delta
        while done < n:
            if self._pos >= n_train:
                self._new_epoch(count=False)
            start = self._pos
            end = self._pos = start + bs
            X1, Y = self._order_X1[:, start:end], self._order_Y[start:end]
            zs, acts1 = forward(X1)
            z = zs[-1].T  # (m, n_outputs) for the head and the loss
            backward(zs, acts1, delta(z, head(z, 0.0), Y, head_name).T)
            if reg is not None:
                grad += cfg.reg_rate * net.weight_mask * reg.grad(theta)
            opt.step(theta, grad, lr)
            done += 1
            self.step_count += 1
            if self._pos >= n_train:
                self.epoch += 1  # an epoch counts once its last batch is done
            if self.step_count % self.check_every == 0 and not self._check_finite():
                break
            if self._pos >= n_train:
                self._end_epoch_hook()
        else:
            self._check_finite()
        return done

    def train_epochs(self, k: int) -> int:
        return self.step(k * self.steps_per_epoch)

    record_history = True

    def _end_epoch_hook(self) -> None:
        if self.record_history:
            m = self.evaluate()
            self.history.append({"epoch": self.epoch, "step": self.step_count,
                                 "train_loss": m.train_loss, "test_loss": m.test_loss,
                                 "train_accuracy": m.train_accuracy,
                                 "test_accuracy": m.test_accuracy})
            if len(self.history) > MAX_HISTORY:  # long runs: keep every other old record
                del self.history[1:-1:2]

    def _check_finite(self) -> bool:
        theta = self.network.theta
        if np.isfinite(theta).all():
            self._last_finite[...] = theta
            return True
        theta[...] = self._last_finite
        self._flag_divergence("the weights became infinite or NaN")
        return False

    def _flag_divergence(self, what: str) -> None:
        self.diverged = True
        self.divergence_reason = (
            f"Training diverged at step {self.step_count}: {what}. "
            f"The learning rate ({self.config.learning_rate:g}) is probably too high — lower it "
            "and press Reset. The last finite weights were kept."
        )

    # ------------------------------------------------------------------ evaluation
    def outputs(self, X: np.ndarray | None = None) -> np.ndarray:
        """Network outputs (n, n_outputs) for raw points X (default: all data points)."""
        inputs = self.inputs if X is None else transform(X, self.config.features)
        return self.network.predict(inputs)

    def _head_output(self) -> tuple[np.ndarray, np.ndarray]:
        """(z, a) of the output layer for every data point: one pass serves all metrics."""
        z = self.network.forward_logits(self.inputs)  # (n, n_outputs)
        return z, activations.get(self.spec.output).value(z, 0.0)

    def loss_on(self, mask: np.ndarray, out=None) -> float | None:
        if not mask.any():
            return None
        z, a = out or self._head_output()
        return losses.get(self.loss_name).value(z[mask], a[mask], self.targets[mask])

    def accuracy_on(self, mask: np.ndarray, out=None) -> float | None:
        if self.data.task == "regression" or not mask.any():
            return None
        _, a = out or self._head_output()
        return accuracy(a[mask], self.data.y[mask], self.data.task)

    @np.errstate(over="ignore", invalid="ignore")
    def evaluate(self) -> Metrics:
        test, out = self.data.is_test, self._head_output()
        train_loss = self.loss_on(~test, out)
        if train_loss is not None and not math.isfinite(train_loss) and not self.diverged:
            self._flag_divergence("the loss became infinite or NaN")
        return Metrics(self.step_count, self.epoch,
                       math.nan if train_loss is None else train_loss, self.loss_on(test, out),
                       self.accuracy_on(~test, out), self.accuracy_on(test, out), self.history)


def predict_classes(outputs: np.ndarray, task: str) -> np.ndarray:
    if task == "multiclass":
        return outputs.argmax(axis=1)
    return (outputs[:, 0] > 0.5).astype(np.int64)


def accuracy(outputs: np.ndarray, y: np.ndarray, task: str) -> float:
    return float(np.mean(predict_classes(outputs, task) == y))
