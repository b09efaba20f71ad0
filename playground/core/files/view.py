"""ViewState: how a project is shown and run, saved with it (the session owns it while open)."""

from __future__ import annotations

from dataclasses import dataclass, field

from playground.core import limits, validate
from playground.core.errors import Invalid

MAX_STOP_EPOCHS = limits.MAX_STEPS


@dataclass(frozen=True)
class ViewState:
    show_test: bool = True  # draw the held-out points
    discretize: bool = False  # colour the plane by the predicted class only
    max_epochs: int | None = None  # stop rule: pause at this epoch
    target_loss: float | None = None  # stop rule: pause once the training loss is this low
    speed: int = 0  # mini-batch steps per frame; 0 = as fast as possible
    selected_layer: int = 0  # hidden layer index; len(hidden) = the output layer
    current_class: int = 0  # class a click adds (regression: 0 → −1, 1 → +1)
    views: tuple[str, ...] = ()  # open insight views
    extra: dict = field(default_factory=dict)  # keys this version does not know, kept as read

    def __post_init__(self) -> None:
        for name in ("show_test", "discretize"):
            if not isinstance(getattr(self, name), bool):
                raise Invalid(name, "choice", value=repr(getattr(self, name)),
                              choices="true, false")
        if self.max_epochs is not None:
            validate.integer(self.max_epochs, "max_epochs", 1, MAX_STOP_EPOCHS)
        if self.target_loss is not None:
            object.__setattr__(self, "target_loss", validate.number(
                self.target_loss, "target_loss", 0.0, 1e6))
        validate.integer(self.speed, "speed", 0, 10**6)
        validate.integer(self.selected_layer, "selected_layer", 0, limits.MAX_HIDDEN_LAYERS)
        validate.integer(self.current_class, "current_class", 0, limits.MAX_CLASSES - 1)
        object.__setattr__(self, "views", tuple(self.views))
        for i, name in enumerate(self.views):
            if not isinstance(name, str) or not name.isidentifier():
                raise Invalid(f"views[{i}]", "choice", value=repr(name)[:60],
                              choices="view names")
        object.__setattr__(self, "extra", dict(self.extra))

    @property
    def stop_rules(self) -> tuple[int | None, float | None]:
        return self.max_epochs, self.target_loss
