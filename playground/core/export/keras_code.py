"""`--format keras`: the network as a Keras 3 Sequential model with the app's weights.

keras.Input(shape=(d,)) first (the input size appears only there), then one
`layers.Dense(units, activation=…)` per layer; an activation Keras names with a parameter
(LeakyReLU's slope, ELU's α) is a separate layer after a Dense without activation, and one that
Keras lacks (step; GELU's tanh form) is written out with keras.ops. A Dense kernel is Wᵀ
(n_in, n_out). A commented compile/fit block carries on training with the app's settings.
"""

from __future__ import annotations

from pathlib import Path

from playground.core.export.common import (
    ExportFile,
    Subject,
    activation_functions,
    check_code,
    comment,
    features_code,
    function_name,
    header,
    kwargs,
    load_points_code,
    main_code,
    npz_arrays,
    npz_bytes,
    number,
    regularizes,
    sibling_npz,
    string,
    targets_code,
    weights_code,
)
from playground.core.nn import activations, initializers, losses, optimizers, regularizers


def render(s: Subject, out: Path) -> list[ExportFile]:
    """The code file (and the .npz of its weights for a large network)."""
    npz = None if s.inline else sibling_npz(out)
    names, functions = activation_functions(s, "ops", lambda act: act.export.keras is None)
    lines = header(s, "Keras 3")
    lines += comment("Keras 3 runs on any backend: e.g. KERAS_BACKEND=torch for PyTorch.")
    lines += [
        "",
        *(["from pathlib import Path", ""] if npz else []),
        "import keras",
        "import numpy as np",
        "from keras import layers" + (", ops" if functions else ""),
        "",
    ]
    lines += weights_code(s, npz) + [""] + check_code(s) + ["", ""] + features_code(s)
    lines += ["", ""] + targets_code(s) + ["", ""] + load_points_code(s) + functions
    lines += ["", ""] + model_code(s, names)
    lines += [
        "",
        "",
        "def predict(X):",
        f'    """The app\'s Network.predict: outputs (n, {s.spec.n_outputs}) for raw '
        f'points X (n, {s.data.dim})."""',
        "    return model.predict(features(X), verbose=0)",
        "",
        "",
    ]
    lines += training_comment(s) + ["", ""] + main_code()
    files = [ExportFile(out, ("\n".join(lines) + "\n").encode("utf-8"))]
    if npz is not None:
        files.append(ExportFile(npz, npz_bytes(npz_arrays(s))))
    return files


def model_code(s: Subject, names: dict) -> list[str]:
    """model = keras.Sequential(); model.add(...) per layer; the app's weights set."""
    cfg = s.config
    lines = []
    if regularizes(cfg):
        cls, factor = regularizers.get(cfg.regularization).export.keras
        reg = regularizers.get(cfg.regularization)
        lines += comment(
            f"The app's {reg.label} penalty {reg.formula} with λ = "
            f"{cfg.reg_rate:g}, as Keras writes it (counted in training only)."
        )
        lines += [f"REGULARIZER = keras.regularizers.{cls}({number(cfg.reg_rate * factor)})", ""]
    extra = ", kernel_regularizer=REGULARIZER" if regularizes(cfg) else ""
    lines += [
        "model = keras.Sequential()",
        f"model.add(keras.Input(shape=({s.spec.n_inputs},)))  # the input size, only here",
    ]
    dense_index, index = [], 0
    for layer in s.spec.layers:
        act = activations.get(layer.activation)
        form = act.export.keras
        dense_index.append(index)
        if form is None:
            lines.append(
                f"model.add(layers.Dense({layer.units}, "
                f"activation={function_name(names, layer)}{extra}))"
            )
        elif isinstance(form, str):
            lines.append(
                f"model.add(layers.Dense({layer.units}, activation={string(form)}{extra}))"
            )
        else:
            cls, kw = form
            lines += [
                f"model.add(layers.Dense({layer.units}{extra}))",
                f"model.add(layers.{cls}({kwargs(kw, act.resolve_param(layer.param))}))",
            ]
            index += 1
        index += 1
    lines += ["", "# A Dense layer keeps its kernel as Wᵀ (n_in, n_out)."]
    lines += [f"model.layers[{k}].set_weights([W{i}.T, b{i}])" for i, k in enumerate(dense_index)]
    return lines


def training_comment(s: Subject) -> list[str]:
    """The commented compile/fit block: the app's optimizer, learning rate, batch size, loss
    and (for layers built anew) initializer."""
    cfg = s.config
    cls, kw = optimizers.get(cfg.optimizer).export.keras
    init_cls, init_kw = initializers.get(cfg.initializer).export.keras
    init = initializers.get(cfg.initializer)
    optimizer = f"keras.optimizers.{cls}({kwargs({'learning_rate': cfg.learning_rate, **kw})})"
    if len(f"#     optimizer={optimizer},") > 88:
        optimizer = (
            f"keras.optimizers.{cls}(\n#         "
            f"{kwargs({'learning_rate': cfg.learning_rate, **kw})}\n#     )"
        )
    lines = comment(
        "To train on like the app, uncomment the lines below, with X, y the "
        "training points and labels (see load_points). Keras averages the loss "
        "like the app and reshuffles the points every epoch."
    )
    lines += comment(
        f"Layers built anew start like the app's ({init.label}, {init.formula}, "
        f"biases 0) with kernel_initializer=keras.initializers.{init_cls}("
        f"{kwargs(init_kw)})."
    )
    return lines + [
        "# model.compile(",
        f"#     optimizer={optimizer},",
        f"#     loss={string(losses.get(s.loss).export.keras)},",
        "# )",
        f"# model.fit(features(X), targets(y), batch_size={cfg.batch_size}, epochs=10, "
        "shuffle=True)",
    ]
