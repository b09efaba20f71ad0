"""Messages are data: core reports what went wrong as a code with parameters.

`Invalid` (a ValueError) names the field and carries a message code; `StopReason` says why
training paused itself; `Failure` reports a command that could not be applied. Their English
text comes from MESSAGES (for the command line); the UI translates the same templates by code.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

# English templates, keyed by code; {name} fields are filled from the parameters.
MESSAGES: dict[str, str] = {
    # values
    "range": "must be {low}..{high}, got {value}",
    "positive": "must be a positive number up to {high}, got {value}",
    "integer": "must be a whole number, got {value}",
    "number": "must be a finite number, got {value}",
    "choice": "unknown {what} {value}; choose from {choices}",
    "no_param": "{activation} takes no parameter",
    "too_many_layers": "at most {high} hidden layers, got {value}",
    "no_features": "keep at least one input feature",
    "repeated_features": "features must not repeat",
    "softmax_outputs": "a softmax head needs at least 2 outputs",
    "head_loss": "loss {loss!r} needs an output head of {heads}, not {head!r}",
    "head_task": "output head {head!r} does not fit {outputs} output(s)",
    "inputs_mismatch": "the network takes {expected} inputs but the data give {value}",
    "outputs_mismatch": "the network has {expected} outputs, the task needs {value}",
    "classes_fixed": "data set {dataset!r} has a fixed number of classes ({value})",
    "binary_classes": "binary data has 2 classes, got {value}",
    "labels_range": "class labels must be 0 to {high}, got {value}",
    "shape": "expected shape {expected}, got {value}",
    "plane_only": "points can only be drawn on 1-D and 2-D data, not {dim}-D",
    "kind": "must be {expected}, got {value}",
    "missing": "missing: give {expected}",
    # lesson files (core.lessons.content): both languages side by side
    "lesson_formulas": "the formulas between backticks differ between the languages: {value}",
    "lesson_placeholders": "the {{placeholders}} differ between the languages: {value}",
    # insight views that do not apply
    "no_hidden_layer": "This network has no hidden layer: it is one linear map followed by its "
    "output head.",
    # CSV files (core.data.csvio): the field says "row 17, column x2"
    "csv_file": "{detail}",
    "csv_not_text": "the file is not text but binary data (a workbook or a picture?); save it as "
    "CSV",
    "csv_encoding": "the file is not UTF-8 text ({detail}); save it as CSV UTF-8",
    "csv_syntax": "cannot be read as CSV: {detail}",
    "csv_open_quote": "a quote opened in this row is never closed",
    "csv_cell_too_long": "a cell is longer than {limit} characters",
    "csv_empty": "the file is empty: expected rows of numbers and a label, e.g. x1,x2,label",
    "csv_one_column": "found a single column: separate the columns with commas, semicolons or tabs",
    "csv_no_rows": "the file has a header row but no points",
    "csv_unnamed_column": "the column has no name in the header row",
    "csv_long_name": "a name is longer than {high} characters",
    "csv_duplicate_name": "the name {name!r} is already used by column {first}",
    "csv_no_column": "no column is called {value!r}; the columns are {columns}",
    "csv_no_header": "the file has no header row: give column {value!r} by its number (1 to "
    "{high})",
    "csv_column_number": "there is no column {value}; the columns are numbered 1 to {high}",
    "csv_same_column": "one column cannot be both the label and the train/test split",
    "csv_no_features": "no feature column: besides the label there must be a column of numbers",
    "csv_too_many_features": "{value} feature columns; at most {high}",
    "csv_ragged": "has {value} cells, but the first row has {expected}",
    "csv_too_many_rows": "too many points: at most {high} rows can be read",
    "csv_empty_cell": "the cell is empty",
    "csv_not_number": "{value!r} is not a number",
    "csv_not_finite": "{value!r} is not a finite number",
    "csv_split_value": "{value!r} is not a train/test value; write 0/1, false/true or train/test",
    "csv_mixed_labels": "the labels mix numbers and names ({value!r} here, {first!r} in row "
    "{first_row}); choose classes to read every label as a class name",
    "csv_choose_task": "{value} different whole numbers: too many for classes (at most {high}); "
    "choose regression to predict them as numbers",
    "csv_too_many_classes": "{value!r} is one class too many: at most {high} classes",
    "csv_one_class": "every point has the label {value!r}: classification needs 2 to {high} "
    "classes",
    "equations_no_points": "The layer equations need a batch of training points: add points, or "
    "put fewer in the test set.",
    "gradients_no_points": "There are no training points, so there is no loss and no gradient "
    "to show. Add points, or put fewer in the test set.",
    "regions_dimension": "Linear regions are drawn on the plane of 2-D data; these data are "
    "{dim}-D.",
    "regions_features": "Linear regions need the inputs x₁ and x₂ alone (this network also "
    "sees {extra}): turn the other input features off to see them.",
    "regions_smooth_activation": "No linear regions: hidden layer {layer} uses {activation}, "
    "curved everywhere. With ReLU, Leaky ReLU, Step or Linear the plane falls into flat pieces.",
    "regions_too_many": "More than {limit} linear regions: too many to draw live; the last "
    "partition drawn stays.",
    "inspector_no_point": "Hover over the plane, or Shift+click it to pin a point: this view "
    "shows that input's numbers layer by layer.",
    "inspector_plane_only": "The forward pass follows a point of the plane, and this {dim}-D "
    "data has none to point at. On the command line, inspect PROJECT --at takes all {dim} "
    "coordinates.",
    # training stops
    "max_epochs": "Stopped after {epochs} epochs.",
    "target_loss": "Stopped: the training loss reached {loss:g}.",
    "diverged": "Training diverged at step {step}: {cause}. The learning rate ({learning_rate:g}) "
    "is probably too high — lower it and press Reset. The last sane weights were kept.",
    "no_training_points": "Paused: there are no training points. Add points, or put fewer in the "
    "test set.",
    # causes of divergence
    "weights_nonfinite": "the weights became infinite or NaN",
    "loss_nonfinite": "the loss became infinite or NaN",
    "loss_exploded": "the loss grew to {ratio:.3g} times its starting value",
    "weights_huge": "a weight grew beyond {limit:g}",
    # runtime failures
    "internal_error": "Training stopped by an internal error: {detail}",
    "process_died": "The training process ended unexpectedly; it was restarted with the current "
    "project and weights.",
}
CAUSE_KEY = "cause"  # a parameter holding another message code (translated on its own)
# the words a "choice" message puts in {what} (translated with the templates)
NOUNS = ("name", "activation", "hidden activation", "output head", "feature", "features")


def english(code: str, params: dict) -> str:
    """The English text of a message code with its parameters."""
    values = dict(params)
    if isinstance(values.get(CAUSE_KEY), str) and values[CAUSE_KEY] in MESSAGES:
        values[CAUSE_KEY] = english(values[CAUSE_KEY], values.get("cause_params", {}))
    return MESSAGES[code].format(**values)


class Invalid(ValueError):
    """A value the model of the world does not allow. field: the dotted path of the field."""

    def __init__(self, field: str, code: str, **params):
        self.field, self.code, self.params = field, code, params
        super().__init__(self.text())

    def text(self) -> str:
        body = english(self.code, self.params)
        return f"{self.field}: {body}" if self.field else body

    def prefixed(self, prefix: str) -> Invalid:
        """The same error under a parent field: ("training", "seed") → "training.seed"."""
        if not prefix:
            return self
        if not self.field:
            joined = prefix
        elif self.field.startswith("["):
            joined = prefix + self.field
        else:
            joined = f"{prefix}.{self.field}"
        return Invalid(joined, self.code, **self.params)

    @property
    def failure(self) -> Failure:
        return Failure(self.code, self.field, dict(self.params))


@dataclass(frozen=True)
class StopReason:
    """Why training paused itself: code (a MESSAGES key) and its parameters."""

    code: str
    params: dict = dataclasses.field(default_factory=dict)

    def text(self) -> str:
        return english(self.code, self.params)


@dataclass(frozen=True)
class Failure:
    """A request that failed: code (a MESSAGES key), the field or command, the parameters."""

    code: str
    field: str = ""
    params: dict = dataclasses.field(default_factory=dict)

    def text(self) -> str:
        body = english(self.code, self.params)
        return f"{self.field}: {body}" if self.field else body
