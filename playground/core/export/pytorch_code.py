"""`--format pytorch`: the network as a torch.nn.Sequential with the app's weights and a
training loop that takes the app's steps.

nn.Linear keeps W (n_out, n_in) and b like the app, so load_state_dict takes the app's arrays
as they are. The Sequential ends with the output head; the loss takes the output layer's z
(model[:-1]) where PyTorch's loss applies the head itself (BCEWithLogitsLoss, CrossEntropyLoss).
Training matches the app's Trainer: the same shuffle (numpy's generator seeded [seed, 1], a new
permutation per epoch unless one batch holds every point), batches of batch_size with a smaller
last one, the mean loss, the optimizer's update rule and a penalty on weights only.
"""

from __future__ import annotations

from pathlib import Path

from playground.core.export.common import (
    ExportFile,
    Subject,
    activation_functions,
    call,
    check_code,
    comment,
    features_code,
    function_name,
    header,
    kwargs,
    load_points_code,
    main_code,
    namespace,
    npz_arrays,
    npz_bytes,
    number,
    regularizes,
    sibling_npz,
    targets_code,
    weights_code,
)
from playground.core.nn import activations, initializers, losses, optimizers, regularizers

ELEMENTWISE = [
    "",
    "",
    "class Elementwise(nn.Module):",
    '    """A layer that applies f to every z (for activations torch.nn lacks)."""',
    "",
    "    def __init__(self, f):",
    "        super().__init__()",
    "        self.f = f",
    "",
    "    def forward(self, z):",
    "        return self.f(z)",
]


def render(s: Subject, out: Path) -> list[ExportFile]:
    """The code file (and the .npz of its weights for a large network)."""
    npz = None if s.inline else sibling_npz(out)
    names, functions = activation_functions(s, "torch", lambda act: act.export.torch is None)
    eps = optimizers.get(s.config.optimizer).export.torch_eps_per_step
    stdlib = (["import math"] if eps else []) + (["from pathlib import Path"] if npz else [])
    lines = header(s, "PyTorch")
    lines += [
        "",
        *stdlib,
        *([""] if stdlib else []),
        "import numpy as np",
        "import torch",
        "from torch import nn",
        "",
    ]
    lines += settings_code(s) + [""] + weights_code(s, npz) + [""] + check_code(s)
    lines += ["", ""] + features_code(s) + ["", ""] + targets_code(s) + ["", ""]
    lines += load_points_code(s) + functions + (ELEMENTWISE if functions else [])
    lines += ["", ""] + model_code(s, names) + ["", ""] + initialize_code(s)
    lines += ["", ""] + training_code(s) + ["", ""] + predict_code(s) + ["", ""]
    lines += main_code()
    files = [ExportFile(out, ("\n".join(lines) + "\n").encode("utf-8"))]
    if npz is not None:
        files.append(ExportFile(npz, npz_bytes(npz_arrays(s))))
    return files


def settings_code(s: Subject) -> list[str]:
    cfg = s.config
    lines = [
        "# The app's training settings.",
        f"SEED = {cfg.seed}",
        f"LEARNING_RATE = {number(cfg.learning_rate)}",
        f"BATCH_SIZE = {cfg.batch_size}",
    ]
    if regularizes(cfg):
        lines.append(f"REG_RATE = {number(cfg.reg_rate)}  # λ")
    return lines


def model_code(s: Subject, names: dict) -> list[str]:
    """model = nn.Sequential(Linear, activation, …, Linear, head) with the app's weights."""
    sizes = s.spec.sizes
    lines = ["model = nn.Sequential("]
    for i, layer in enumerate(s.spec.layers):
        act = activations.get(layer.activation)
        if act.export.torch is None:
            module = f"Elementwise({function_name(names, layer)})"
        else:
            cls, kw = act.export.torch
            module = f"nn.{cls}({kwargs(kw, act.resolve_param(layer.param))})"
        head = "  # the output head" if i == len(sizes) - 2 else ""
        lines += [f"    nn.Linear({sizes[i]}, {sizes[i + 1]}),", f"    {module},{head}"]
    lines += [
        ")",
        "",
        "# nn.Linear keeps W as (n_out, n_in) and b as (n_out,), like the app.",
        "state = {",
    ]
    for i in range(len(s.spec.layers)):
        lines += [
            f'    "{2 * i}.weight": torch.tensor(W{i}),',
            f'    "{2 * i}.bias": torch.tensor(b{i}),',
        ]
    return lines + ["}", "model.load_state_dict(state)"]


def initialize_code(s: Subject) -> list[str]:
    """def initialize(model): fresh weights drawn like the app's initializer."""
    init = initializers.get(s.config.initializer)
    fn, kw = init.export.torch
    return [
        "def initialize(model):",
        f'    """Fresh weights drawn like the app\'s: {init.label}, {init.formula};',
        '    biases 0."""',
        "    for layer in model:",
        "        if isinstance(layer, nn.Linear):",
        f"            nn.init.{fn}(layer.weight{', ' if kw else ''}{kwargs(kw)})",
        "            nn.init.zeros_(layer.bias)",
    ]


def training_code(s: Subject) -> list[str]:
    """Loss, optimizer, shuffle, penalty and def train(X, y, epochs)."""
    cfg, loss = s.config, losses.get(s.loss)
    opt_cls, opt_kw = optimizers.get(cfg.optimizer).export.torch
    opt_args = ", ".join(["lr=LEARNING_RATE"] + ([kwargs(opt_kw)] if opt_kw else []))
    on = "the output layer's z" if loss.export.torch_logits else "the head's output"
    lines = comment(f"The app's {loss.label} ({loss.formula}), taken on {on}.")
    lines += [
        f"loss_fn = nn.{loss.export.torch}()",
        *call("optimizer = torch.optim.", f"{opt_cls}(model.parameters(), {opt_args})"),
        "shuffle = np.random.default_rng([SEED, 1])  # the app's: one order per epoch",
    ]
    lines += penalty_code(s) + epsilon_code(s)
    lines += [
        "",
        "",
        "def train(X, y, epochs=1):",
        '    """Train on like the app: every epoch a new order of the points, batches of',
        "    BATCH_SIZE (the last one smaller), the mean loss, the app's update rule.",
        f'    X: raw training points (n, {s.data.dim}); y: their labels (n,)."""',
        "    inputs = torch.tensor(features(X), dtype=torch.get_default_dtype())",
        "    goals = torch.tensor(targets(y), dtype=torch.get_default_dtype())",
        "    n = len(inputs)",
        "    for _ in range(epochs):",
        "        order = shuffle.permutation(n) if BATCH_SIZE < n else np.arange(n)",
        "        for start in range(0, n, BATCH_SIZE):",
        "            batch = torch.from_numpy(order[start : start + BATCH_SIZE])",
    ]
    if loss.export.torch_logits:
        lines.append("            z = model[:-1](inputs[batch])  # the output layer's z")
    else:
        lines.append("            z = model(inputs[batch])  # the head's output")
    penalty = " + penalty(model)" if regularizes(cfg) else ""
    lines += [
        f"            loss = loss_fn(z, goals[batch]){penalty}",
        "            optimizer.zero_grad()",
        "            loss.backward()",
        *(["            app_epsilon(optimizer)"] if epsilon_code(s) else []),
        "            optimizer.step()",
    ]
    return lines


def penalty_code(s: Subject) -> list[str]:
    cfg = s.config
    if not regularizes(cfg):
        return []
    reg = regularizers.get(cfg.regularization)
    term = namespace(reg.export.expression, "torch")
    return [
        "",
        "",
        "def penalty(model):",
        f'    """The app\'s {reg.label} penalty {reg.formula}, on every W (not on b)."""',
        "    weights = [layer.weight for layer in model if isinstance(layer, nn.Linear)]",
        f"    return REG_RATE * sum({term} for w in weights)",
    ]


def epsilon_code(s: Subject) -> list[str]:
    eps = optimizers.get(s.config.optimizer).export.torch_eps_per_step
    if eps is None:
        return []
    epsilon, beta2 = eps
    return [
        "",
        "",
        "def app_epsilon(optimizer):",
        '    """PyTorch adds ε to √v̂ = √(v / (1 − β2ᵗ)), the app (like Keras) adds it to √v:',
        '    with eps = ε / √(1 − β2ᵗ) at step t both take the same step."""',
        '    steps = [int(st["step"]) for st in optimizer.state.values() if "step" in st]',
        "    t = max(steps, default=0) + 1",
        "    for group in optimizer.param_groups:",
        f'        group["eps"] = {number(epsilon)} / math.sqrt(1 - {number(beta2)}**t)',
    ]


def predict_code(s: Subject) -> list[str]:
    return [
        "def predict(X):",
        f'    """The app\'s Network.predict: outputs (n, {s.spec.n_outputs}) for raw points X '
        f'(n, {s.data.dim})."""',
        "    inputs = torch.tensor(features(X), dtype=torch.get_default_dtype())",
        "    with torch.no_grad():",
        "        return model(inputs).numpy()",
    ]
