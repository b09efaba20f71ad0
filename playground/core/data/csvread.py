"""CSV text → cells: decoding, the separator, the header row, the columns, numbers.

Rows are numbered as a spreadsheet numbers them: every record counts from 1 (the header, when
there is one, is row 1; blank rows count but are skipped). Columns are named by their header
cell, or by their 1-based number when the file has no header.

Rules (documented for users in csvio):
- Separator: tab, ';' or ',' (nothing else), sniffed from the first rows: the first of
  tab, ';', ',' that splits them into one same number (≥ 2) of cells.
- Decimal commas ("1,5") are numbers only when the separator is ';' or tab.
- Header: row 1 is a header when one of its cells is `label`, when none of its cells is a number,
  or when a cell of it is not a number where row 2 holds a number.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, islice

from playground.core import limits
from playground.core.errors import Invalid

SEPARATORS = ("\t", ";", ",")  # preference when several fit: ';' and tab allow decimal commas
LABEL_NAMES = ("label", "class", "y", "target")  # the label column's names, by priority
TEST_NAMES = ("test", "split", "is_test")  # the train/test column's names, by priority
SPLIT_VALUES = {"0": False, "1": True, "false": False, "true": True, "train": False, "test": True}
MAX_NAME = 80  # characters of a column or class name (PointSet's limit)
_SNIFF_ROWS = 20
_BLANK = " \t\r\n;,"  # whitespace and the separators
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_COMMA_NUMBER = re.compile(r"[+-]?[0-9]*,[0-9]+(?:[eE][+-]?[0-9]+)?")
_NOT_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)


def where(row: int, column: str) -> str:
    """The field of an error: "row 17, column x2", "row 17", "column x2" or ""."""
    parts = ([f"row {row}"] if row else []) + ([f"column {column}"] if column else [])
    return ", ".join(parts)


class CsvError(Invalid):
    """A CSV file the reader refuses (a ValueError). row: 1-based, as a spreadsheet counts
    (the header is row 1), 0 when the problem is not one row's; column: the header name, or the
    1-based number as text in a file without header, "" when not one column's. code and params
    as for Invalid (English in errors.MESSAGES); field is "row 17, column x2"."""

    def __init__(self, code: str, row: int = 0, column: str = "", **params):
        self.row, self.column = row, column
        super().__init__(where(row, column), code, **params)


# ---------------------------------------------------------------------- text
def decode(data: bytes) -> str:
    """UTF-8 text (a leading BOM dropped); CsvError for binary data or another encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CsvError("csv_encoding", detail="UTF-16")
    if b"\x00" in data:
        raise CsvError("csv_not_text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        row = data.count(b"\n", 0, e.start) + 1
        raise CsvError("csv_encoding", row, detail=f"byte 0x{data[e.start]:02x}") from None


def records(text: str, sep: str) -> Iterator[tuple[int, list[str]]]:
    """(row, cells) of every row holding a cell that is more than spaces and separators."""
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=sep, strict=True, skipinitialspace=True
    )
    row = 0
    while True:
        row += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            if "field larger than field limit" in str(e):
                raise CsvError("csv_cell_too_long", row, limit=csv.field_size_limit()) from None
            if "unexpected end of data" in str(e):
                raise CsvError("csv_open_quote", row) from None
            raise CsvError("csv_syntax", row, detail=str(e)) from None
        if any(c.strip(_BLANK) for c in cells):  # a row of separators only is blank
            yield row, cells


def sniff(text: str) -> str:
    """The separator: the first of SEPARATORS giving the first rows one cell count ≥ 2; else
    the one giving row 1 the most cells (a later row is then reported as ragged). A separator
    that breaks the quoting of row 1 does not fit; of the rows after, those before the break
    are the sample."""
    widths, errors = {}, {}
    for sep in SEPARATORS:
        counts: list[int] = []
        try:
            for _, cells in islice(records(text, sep), _SNIFF_ROWS):
                counts.append(len(cells))
        except CsvError as e:
            errors[sep] = e
            if not counts:
                continue
        if counts and counts[0] >= 2 and len(set(counts)) == 1:
            return sep
        widths[sep] = counts[0] if counts else 0
    if not widths:
        raise errors[","]
    best = max(widths, key=lambda s: widths[s])  # max keeps the first of equals
    if widths[best] == 0:
        raise CsvError("csv_empty")
    if widths[best] < 2:
        raise CsvError("csv_one_column")
    return best


# ---------------------------------------------------------------------- numbers
def parse_number(text: str, decimal_comma: bool) -> float | None:
    """The number a stripped cell writes, NaN/±inf for nan/inf words; None if not a number."""
    if _NUMBER.fullmatch(text) or _NOT_FINITE.fullmatch(text):
        return float(text)
    if decimal_comma and _COMMA_NUMBER.fullmatch(text):
        return float(text.replace(",", "."))
    return None


def cell_number(text: str, row: int, column: str, decimal_comma: bool) -> float:
    """A cell as a finite number within ±MAX_COORDINATE; CsvError naming row and column."""
    text = text.strip()
    value = parse_number(text, decimal_comma)
    if value is not None and abs(value) <= limits.MAX_COORDINATE:
        return value
    if not text:
        raise CsvError("csv_empty_cell", row, column)
    if value is None:
        raise CsvError("csv_not_number", row, column, value=text)
    if _NOT_FINITE.fullmatch(text):
        raise CsvError("csv_not_finite", row, column, value=text)
    raise CsvError(
        "range",
        row,
        column,
        low=f"{-limits.MAX_COORDINATE:g}",
        high=f"{limits.MAX_COORDINATE:g}",
        value=text,
    )


def row_numbers(
    cells: list[str], columns: list[tuple[int, str]], row: int, decimal_comma: bool
) -> list[float]:
    """The cells at columns [(index, name)] as cell_number reads them, but a whole row at once
    when every cell is plain: float() takes ASCII text without "_" as _NUMBER does, plus
    nan/inf, which the sum catches."""
    texts = [cells[j] for j, _ in columns]
    joined = "".join(texts)
    if joined.isascii() and "_" not in joined:
        try:
            values = list(map(float, texts))
        except ValueError:
            pass
        else:
            if (
                math.isfinite(sum(map(abs, values)))
                and max(map(abs, values)) <= limits.MAX_COORDINATE
            ):
                return values
    return [cell_number(text, row, name, decimal_comma) for text, (_, name) in zip(texts, columns)]


def split_value(text: str, row: int, column: str) -> bool:
    """A train/test cell: 0/1, false/true or train/test (any case); True = test."""
    value = SPLIT_VALUES.get(text.strip().casefold())
    if value is None:
        raise CsvError("csv_split_value", row, column, value=text.strip())
    return value


# ---------------------------------------------------------------------- table
@dataclass
class Table:
    """A file's layout and its data rows. names: header cells (stripped), or None;
    rows: (row, cells) of the data rows, read lazily."""

    sep: str
    names: list[str] | None
    width: int
    rows: Iterator[tuple[int, list[str]]]

    @property
    def decimal_comma(self) -> bool:
        return self.sep != ","

    def column(self, j: int) -> str:
        """Column j (0-based) as errors name it."""
        return self.names[j] if self.names else str(j + 1)


def open_table(text: str, header: bool | None = None) -> Table:
    """The table of CSV text; header None detects it (module docstring)."""
    sep = sniff(text)
    rows = records(text, sep)
    first = next(rows, None)
    if first is None:
        raise CsvError("csv_empty")
    second = next(rows, None)
    if header is None:
        header = looks_like_header(first[1], second and second[1], sep != ",")
    rest = chain([second] if second else [], rows)
    if not header:
        return Table(sep, None, len(first[1]), chain([first], rest))
    names = header_names(first[0], first[1])
    if second is None:
        raise CsvError("csv_no_rows")
    return Table(sep, names, len(names), rest)


def looks_like_header(first: list[str], second: list[str] | None, decimal_comma: bool) -> bool:
    cells = [c.strip() for c in first]
    if "label" in (c.casefold() for c in cells):
        return True
    numbers = [parse_number(c, decimal_comma) is not None for c in cells]
    if not any(numbers):
        return True
    below = [parse_number(c.strip(), decimal_comma) is not None for c in second or ()]
    return any(not a and b for a, b in zip(numbers, below))


def header_names(row: int, cells: list[str]) -> list[str]:
    """The stripped header cells: each named (≤ MAX_NAME characters), no name twice."""
    names = [c.strip() for c in cells]
    seen: dict[str, int] = {}
    for j, name in enumerate(names):
        if not name:
            raise CsvError("csv_unnamed_column", row, str(j + 1))
        if len(name) > MAX_NAME:
            raise CsvError("csv_long_name", row, str(j + 1), high=MAX_NAME)
        if name in seen:
            raise CsvError("csv_duplicate_name", row, str(j + 1), name=name, first=seen[name] + 1)
        seen[name] = j
    return names


def find_column(table: Table, wanted: str | int) -> int:
    """The 0-based index of a column given by header name (exact, else ignoring case) or by its
    1-based number (an int, or digits that name no column)."""
    names = table.names or []
    if isinstance(wanted, str):
        text = wanted.strip()
        if text in names:
            return names.index(text)
        folded = [j for j, name in enumerate(names) if name.casefold() == text.casefold()]
        if len(folded) == 1:
            return folded[0]
        if not text.isdigit():
            code = "csv_no_column" if table.names else "csv_no_header"
            raise CsvError(code, value=text, columns=", ".join(names)[:200], high=table.width)
        wanted = int(text)
    if isinstance(wanted, bool) or not isinstance(wanted, int) or not 1 <= wanted <= table.width:
        raise CsvError("csv_column_number", value=repr(wanted), high=table.width)
    return wanted - 1


def named_column(table: Table, candidates: tuple[str, ...], skip: int | None) -> int | None:
    """The first header column (other than skip) named one of candidates, by their priority."""
    folded = [name.casefold() for name in table.names or ()]
    for candidate in candidates:
        for j, name in enumerate(folded):
            if name == candidate and j != skip:
                return j
    return None
