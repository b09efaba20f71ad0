"""ViewState: how a project is shown and run, saved with it (the session owns it while open)."""

from __future__ import annotations

from dataclasses import dataclass, field

from playground.core import limits, validate
from playground.core.errors import Invalid

MAX_STOP_EPOCHS = limits.MAX_STEPS
DEFAULT_SPEED = 5.0  # epochs per second: slow enough to watch the boundary move
MAX_SPEED = 1e4
# the window's views by name, in menu order: File ▸ Export view and `gui --export-view` take these
PICTURE_VIEWS = (
    "plane",
    "diagram",
    "loss",
    "activation",
    "hidden",
    "collapse",
    "inspector",
    "gradients",
    "equations",
)

# the insight views by name (live.insights.VIEWS; a test keeps them equal): `gui --view` takes
# these, named here so that the command line need not import the live payloads to list them
INSIGHT_VIEWS = ("hidden", "collapse", "equations", "gradients", "inspector", "regions")


@dataclass(frozen=True)
class ViewState:
    show_test: bool = True  # draw the held-out points
    discretize: bool = False  # colour the plane by the predicted class only
    max_epochs: int | None = None  # stop rule: pause at this epoch
    target_loss: float | None = None  # stop rule: pause once the training loss is this low
    speed: float = DEFAULT_SPEED  # epochs per second; 0 = as fast as possible
    selected_layer: int = 0  # hidden layer index; len(hidden) = the output layer
    current_class: int = 0  # class a click adds (regression: 0 → −1, 1 → +1)
    views: tuple[str, ...] = ()  # open insight views
    hidden_layer: int = 0  # hidden space: the hidden layer shown (0-based)
    hidden_units: tuple[int, ...] = ()  # its two units shown; () = the first two
    hidden_pca: bool = False  # show the top two principal axes instead
    hidden_stage: str = "a"  # "z" (before the activation) or "a" (after)
    pinned: tuple[float, ...] = ()  # the inspector's pinned input (x, y); () = none
    single_map: bool = False  # draw the collapsed single map's boundary on the plane
    regions: bool = False  # draw the exact linear regions on the plane
    equations_m: int = 0  # layer equations: samples in the batch; 0 = the training batch size
    extra: dict = field(default_factory=dict)  # keys this version does not know, kept as read

    def __post_init__(self) -> None:
        for name in ("show_test", "discretize", "single_map", "regions"):
            if not isinstance(getattr(self, name), bool):
                raise Invalid(
                    name,
                    "choice",
                    what="name",
                    value=repr(getattr(self, name)),
                    choices="true, false",
                )
        if self.max_epochs is not None:
            validate.integer(self.max_epochs, "max_epochs", 1, MAX_STOP_EPOCHS)
        if self.target_loss is not None:
            object.__setattr__(
                self, "target_loss", validate.number(self.target_loss, "target_loss", 0.0, 1e6)
            )
        object.__setattr__(self, "speed", validate.number(self.speed, "speed", 0.0, MAX_SPEED))
        validate.integer(self.selected_layer, "selected_layer", 0, limits.MAX_HIDDEN_LAYERS)
        validate.integer(self.current_class, "current_class", 0, limits.MAX_CLASSES - 1)
        object.__setattr__(self, "views", tuple(self.views))
        for i, name in enumerate(self.views):
            if not isinstance(name, str) or not name.isidentifier():
                raise Invalid(
                    f"views[{i}]",
                    "choice",
                    what="name",
                    value=repr(name)[:60],
                    choices="view names",
                )
        object.__setattr__(self, "extra", dict(self.extra))
        self._check_insights()

    def _check_insights(self) -> None:
        validate.integer(self.hidden_layer, "hidden_layer", 0, limits.MAX_HIDDEN_LAYERS - 1)
        units = tuple(
            validate.integer(u, "hidden_units", 0, limits.MAX_UNITS - 1) for u in self.hidden_units
        )
        if len(units) not in (0, 2) or (units and units[0] == units[1]):
            raise Invalid("hidden_units", "shape", expected="two different units", value=units)
        object.__setattr__(self, "hidden_units", units)
        if not isinstance(self.hidden_pca, bool):
            raise Invalid(
                "hidden_pca",
                "choice",
                what="name",
                value=repr(self.hidden_pca),
                choices="true, false",
            )
        validate.choice(self.hidden_stage, ("z", "a"), "hidden_stage")
        validate.integer(self.equations_m, "equations_m", 0, limits.MAX_BATCH)
        pinned = tuple(
            validate.number(v, "pinned", -limits.MAX_COORDINATE, limits.MAX_COORDINATE)
            for v in self.pinned
        )
        if len(pinned) not in (0, 2):
            raise Invalid("pinned", "shape", expected=(2,), value=(len(pinned),))
        object.__setattr__(self, "pinned", pinned)

    @property
    def stop_rules(self) -> tuple[int | None, float | None]:
        return self.max_epochs, self.target_loss
