"""Realistic Snapshots for the view tests: a real Trainer on a real data set, a few epochs in."""

from __future__ import annotations

from playground.core.data import datasets
from playground.core.nn.heads import network_spec
from playground.core.nn.spec import LayerSpec, TrainConfig
from playground.core.nn.trainer import Trainer
from playground.live.snapshot_builder import build_snapshot

# name -> (data set arguments, hidden layers, features)
RUNS = {
    "binary": (
        dict(name="circle", n=200),
        (LayerSpec(4, "tanh"), LayerSpec(2, "tanh")),
        ("x1", "x2"),
    ),
    "three_class": (dict(name="blobs", n=150, classes=3), (LayerSpec(6, "relu"),), ("x1", "x2")),
    "sine": (dict(name="sine", n=100), (LayerSpec(8, "tanh"),), ("x1",)),
    "plane": (dict(name="plane", n=100), (LayerSpec(3, "linear"),), ("x1", "x2")),
    "iris": (dict(name="iris"), (LayerSpec(5, "relu"),), ("x1", "x2")),
    "big": (
        dict(name="spiral", n=300),
        tuple(LayerSpec(8, "relu") for _ in range(6)),
        ("x1", "x2", "x1sq", "x2sq"),
    ),
}


def trainer_for(kind: str, hidden=None, lr: float = 0.03, seed: int = 0) -> Trainer:
    args, default_hidden, features = RUNS[kind]
    data = datasets.generate(**args)
    spec = network_spec(data, default_hidden if hidden is None else hidden, features)
    return Trainer(spec, data, TrainConfig(learning_rate=lr, seed=seed, features=features))


def snapshot_for(kind: str, epochs: int = 3, res: int = 60, run_id: int = 1, **kw):
    trainer = trainer_for(kind, **kw)
    trainer.train_epochs(epochs)
    return build_snapshot(trainer, run_id, res=res)
