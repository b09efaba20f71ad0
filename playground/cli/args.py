"""Argument parsing for the command line: one-line errors that name the argument, exit status 2."""

from __future__ import annotations

import argparse
import math
import sys

PROG = "activation-playground"


class UsageError(Exception):
    """A bad argument found after parsing: `arg` is the flag (or PROJECT) it concerns."""

    def __init__(self, arg: str, message: str):
        super().__init__(f"{arg}: {message}")
        self.arg = arg


def fail(message: str, status: int = 2) -> int:
    """Print `activation-playground: error: <message>` as one line on stderr; return status."""
    one_line = " ".join(str(message).split())
    print(f"{PROG}: error: {one_line}", file=sys.stderr)
    return status


class Parser(argparse.ArgumentParser):
    """argparse with a one-line error (no usage block) that names the argument."""

    def error(self, message: str):
        message = message.removeprefix("argument ")
        sys.exit(fail(message))


# ---------------------------------------------------------------------- value types
def _number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number (got {text})") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"must be a finite number (got {text})")
    return value


def positive_float(text: str) -> float:
    value = _number(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number (got {text})")
    return value


def nonneg_float(text: str) -> float:
    value = _number(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be a number >= 0 (got {text})")
    return value


def fraction(text: str) -> float:
    value = _number(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"must be a number from 0 to 1 (got {text})")
    return value


def split_fraction(text: str) -> float:
    """A test split: a number from 0 to limits.MAX_TEST_FRACTION."""
    from playground.core import limits

    value = _number(text)
    if not 0 <= value <= limits.MAX_TEST_FRACTION:
        raise argparse.ArgumentTypeError(
            f"must be a number from 0 to {limits.MAX_TEST_FRACTION:g} (got {text})"
        )
    return value


def _integer(text: str, low: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number >= {low} (got {text})") from None
    if value < low:
        raise argparse.ArgumentTypeError(f"must be a whole number >= {low} (got {text})")
    return value


def positive_int(text: str) -> int:
    return _integer(text, 1)


def nonneg_int(text: str) -> int:
    return _integer(text, 0)


def choices_type(choices: list[str], what: str):
    """A type that accepts one of `choices` and names them all when it does not."""

    def parse(text: str) -> str:
        if text not in choices:
            raise argparse.ArgumentTypeError(
                f"unknown {what} {text!r}; choose from {', '.join(choices)}"
            )
        return text

    parse.__name__ = what
    return parse


def coordinates(text: str | None, flag: str, n: int) -> tuple[float, ...] | None:
    """ "X1,…,Xn": n finite numbers within the coordinate limit (None stays None)."""
    if text is None:
        return None
    from playground.core import limits

    names = ",".join(f"X{i + 1}" for i in range(n))
    try:
        values = tuple(float(v) for v in text.split(","))
    except ValueError:
        raise UsageError(flag, f"must be {n} numbers {names} (got {text})") from None
    if len(values) != n:
        raise UsageError(flag, f"must be {n} numbers {names} (got {text})")
    if not all(abs(v) <= limits.MAX_COORDINATE for v in values):  # NaN fails too
        raise UsageError(flag, f"each coordinate must be within ±{limits.MAX_COORDINATE:g}")
    return values
