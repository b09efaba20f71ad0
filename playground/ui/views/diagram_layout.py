"""Where the network diagram puts its columns and tiles, for a panel of a given size in pixels.

View units, y up: a neuron tile is 1 × 1. Column c (0 = inputs, 1..L = hidden layers, L + 1 =
outputs) holds its n_c units in `cols[c]` sub-columns of `rows[c]` rows, filled top to bottom
then left to right (unit k: sub-column k // rows, row k % rows). Tiles sit PITCH apart in both
directions (a gap of PITCH − 1 = ¼ tile), so a thumbnail atlas of t × t tiles with t/4-pixel gaps
lines up with them exactly when t is a multiple of 4. Every column is centred on y = 0.

Above the tiles a band of TITLE_PX pixels holds the column titles; the diagram pins it to the
top of the view, so tiles never run under a title. Between two columns there is room for the
links (≥ LINK_GAP_PX) and for the two titles side by side.

`plan` chooses one row count R for the whole network (a column of n units gets ⌈n / R⌉
sub-columns): the fewest sub-columns whose tiles are within SUB_COLUMN_GAIN of the largest
possible or at least GOOD_TILE_PX; below MIN_TILE_PX it keeps that size and the diagram scrolls
down (the columns always fit across: a very narrow panel makes the tiles smaller instead).
Titles are "Layer 3 / 16 × ReLU" unless the short form ("L3 / 16 / ReLU") gives tiles
COMPACT_GAIN times as large, or fits where the full form does not.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

PITCH = 1.25  # tile to tile, in tiles (both directions)
TITLE_PX = 46.0  # the title band: two lines and a counts line of small print
BOTTOM_PX = 18.0  # room for the links caption
LINK_GAP_PX = 20.0  # least room for the links between two columns
TITLE_SPACING_PX = 8.0  # least space between two titles
MIN_TILE_PX, MAX_TILE_PX = 8.0, 52.0
FLOOR_TILE_PX = 2.0  # a panel too narrow for MIN_TILE_PX shrinks the tiles down to this
GOOD_TILE_PX = 36.0  # tiles this large need no more sub-columns
SUB_COLUMN_GAIN = 1.25  # another sub-column only for tiles this much larger (below GOOD_TILE_PX)
MAX_GAP = 5.0  # columns spread over a wide panel up to this many tiles of link room
COMPACT_GAIN = 1.15


def block_width(sub_columns: int) -> float:
    """Width in tiles of a column of `sub_columns` sub-columns."""
    return sub_columns + (sub_columns - 1) * (PITCH - 1.0)


def column_height(rows: int) -> float:
    return (rows - 1) * PITCH + 1.0


@dataclass(frozen=True)
class Layout:
    scale: float  # px per view unit (= the tile's side in px)
    rows: tuple[int, ...]  # per column
    cols: tuple[int, ...]  # sub-columns per column
    x: tuple[float, ...]  # column centres
    sizes: tuple[int, ...]  # units per column
    compact: bool  # short titles
    view_w: float  # the panel in view units
    view_h: float
    title_px: float = TITLE_PX  # the title band's height

    @property
    def half_height(self) -> float:
        """Half the tallest column, tile edges included."""
        return column_height(max(self.rows)) / 2

    @property
    def title_h(self) -> float:
        return self.title_px / self.scale

    @property
    def top(self) -> float:
        """View y of the panel's top edge when fitted (the title band starts here)."""
        body = self.view_h - self.title_h - BOTTOM_PX / self.scale
        return self.half_height + self.title_h + max(0.0, (body - 2 * self.half_height) / 2)

    @property
    def scrolls(self) -> bool:
        return 2 * self.half_height > self.view_h - self.title_h - BOTTOM_PX / self.scale + 1e-9

    def half_block(self, col: int) -> float:
        return block_width(self.cols[col]) / 2

    def centres(self, col: int, shift: float = 0.0) -> np.ndarray:
        """(n, 2) tile centres of column col, moved `shift` up."""
        k = np.arange(self.sizes[col])
        rows = self.rows[col]
        sub, row = k // rows, k % rows
        x = self.x[col] - self.half_block(col) + 0.5 + sub * PITCH
        y = ((rows - 1) / 2 - row) * PITCH + shift
        return np.column_stack([x, y]).astype(float)

    def column_at(self, x: float) -> int | None:
        """The column whose tiles span view x (± a quarter tile)."""
        for col, cx in enumerate(self.x):
            if abs(x - cx) <= self.half_block(col) + 0.25:
                return col
        return None


def _grid(sizes, rows: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(rows, sub-columns) per column for at most `rows` rows, rows balanced in each column."""
    cols = tuple(max(1, math.ceil(n / rows)) for n in sizes)
    return tuple(math.ceil(n / c) for n, c in zip(sizes, cols, strict=True)), cols


def _gaps_px(blocks, titles, scale: float) -> np.ndarray:
    """Least px between the tile blocks of neighbouring columns: link room and title room."""
    b = np.asarray(blocks) * scale
    t = np.asarray(titles)
    need_titles = (t[:-1] + t[1:]) / 2 + TITLE_SPACING_PX - (b[:-1] + b[1:]) / 2
    return np.maximum(LINK_GAP_PX, need_titles)


def _ends_px(blocks, titles, scale: float, left_px: float, right_px: float):
    """px left of the first column's tiles and right of the last one's."""
    left = max(left_px, titles[0] / 2 - blocks[0] * scale / 2) + 4
    right = max(right_px, titles[-1] / 2 - blocks[-1] * scale / 2) + 4
    return left, right


def _width_px(blocks, titles, scale, left_px, right_px) -> float:
    ends = _ends_px(blocks, titles, scale, left_px, right_px)
    return sum(blocks) * scale + float(_gaps_px(blocks, titles, scale).sum()) + sum(ends)


def _best_scale(blocks, titles, width_px, left_px, right_px) -> float:
    """The largest tile size (px) whose layout is at most width_px wide (bisection)."""
    lo, hi = 0.5, MAX_TILE_PX
    if _width_px(blocks, titles, hi, left_px, right_px) <= width_px:
        return hi
    for _ in range(30):
        mid = (lo + hi) / 2
        if _width_px(blocks, titles, mid, left_px, right_px) <= width_px:
            lo = mid
        else:
            hi = mid
    return lo


def _candidates(sizes) -> dict[tuple[int, ...], tuple[int, ...]]:
    """Distinct sub-column choices → their rows, for every row count R."""
    out = {}
    for rows in range(max(sizes), 0, -1):
        r, c = _grid(sizes, rows)
        out.setdefault(c, r)
    return out


def _choose(sizes, titles, w_px, h_px, left_px, right_px, title_px):
    """(scale, rows, cols, fits): the fewest sub-columns with tiles near the largest possible;
    fits: the whole network fits the panel (else tiles are MIN_TILE_PX and the view scrolls)."""
    body = h_px - title_px - BOTTOM_PX
    options = []  # (scale, rows, cols, widest scale), fewest sub-columns first
    for cols, rows in _candidates(sizes).items():
        blocks = [block_width(c) for c in cols]
        s_w = _best_scale(blocks, titles, w_px, left_px, right_px)
        s_h = body / column_height(max(rows))
        options.append((min(s_w, s_h, MAX_TILE_PX), rows, cols, s_w))
    best = max(option[0] for option in options)
    if best >= MIN_TILE_PX:
        enough = min(best / SUB_COLUMN_GAIN, GOOD_TILE_PX)
        return (*next(option for option in options if option[0] >= enough)[:3], True)
    # too small: MIN_TILE_PX, the fewest rows whose width fits, and the view scrolls down
    for _scale, rows, cols, s_w in sorted(options, key=lambda o: max(o[1])):
        if s_w >= MIN_TILE_PX:
            return MIN_TILE_PX, rows, cols, False
    # too narrow even for that: tiles as wide as the panel allows (everything stays across)
    _scale, rows, cols, s_w = max(options, key=lambda o: o[3])
    return max(s_w, FLOOR_TILE_PX), rows, cols, False


def plan(
    sizes,
    w_px: float,
    h_px: float,
    titles_px,
    compact_titles_px,
    left_px: float,
    right_px: float,
    title_px: float = TITLE_PX,
) -> Layout:
    """Layout of columns of `sizes` units in a w_px × h_px panel; titles_px: each column's title
    width in px (full and short form); left_px / right_px: room for the input names left of
    the inputs and right of the outputs."""
    sizes = tuple(int(n) for n in sizes)
    w_px, h_px = max(float(w_px), 120.0), max(float(h_px), 120.0)
    full = _choose(sizes, list(titles_px), w_px, h_px, left_px, right_px, title_px)
    short = _choose(sizes, list(compact_titles_px), w_px, h_px, left_px, right_px, title_px)
    compact = (
        short[0] > full[0] * COMPACT_GAIN
        or (short[3] and not full[3])
        or (not short[3] and not full[3] and max(short[1]) < max(full[1]))
    )
    scale, rows, cols, _fits = short if compact else full
    titles = list(compact_titles_px if compact else titles_px)
    blocks = [block_width(c) for c in cols]
    gaps = _gaps_px(blocks, titles, scale)
    left_px, right_px = _ends_px(blocks, titles, scale, left_px, right_px)
    used = sum(blocks) * scale + gaps.sum() + left_px + right_px
    if len(gaps):  # spread the spare width over the links, up to MAX_GAP tiles each
        extra = min(max(0.0, w_px - used) / len(gaps), max(0.0, MAX_GAP * scale - gaps.max()))
        gaps = gaps + extra
        used += extra * len(gaps)
    margin = max(0.0, w_px - used) / 2
    x, at = [], (margin + left_px) / scale
    for col, block in enumerate(blocks):
        x.append(at + block / 2)
        at += block + (gaps[col] / scale if col < len(gaps) else 0.0)
    return Layout(scale, rows, cols, tuple(x), sizes, compact, w_px / scale, h_px / scale, title_px)
