"""House limits on code size: modules ≤ 400 lines, functions ≤ 50 lines (generated translation
tables excepted). Prints offenders and exits 1 if there are any; --report prints the largest."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_MODULE, MAX_FUNCTION = 400, 50
GENERATED = {"playground/ui/i18n/core_strings.py"}


def sizes() -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    modules, functions = [], []
    for path in sorted((ROOT / "playground").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in GENERATED:
            continue
        text = path.read_text(encoding="utf-8")
        modules.append((len(text.splitlines()), rel))
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                functions.append((node.end_lineno - node.lineno + 1, f"{rel}:{node.name}"))
    return sorted(modules, reverse=True), sorted(functions, reverse=True)


def main(argv: list[str]) -> int:
    modules, functions = sizes()
    if "--report" in argv:
        print(
            f"{len(modules)} modules; largest {modules[0][1]} ({modules[0][0]} lines); "
            f"largest function {functions[0][1]} ({functions[0][0]} lines)"
        )
    bad = [f"module {n} has {k} lines (limit {MAX_MODULE})" for k, n in modules if k > MAX_MODULE]
    bad += [
        f"function {n} has {k} lines (limit {MAX_FUNCTION})"
        for k, n in functions
        if k > MAX_FUNCTION
    ]
    print("\n".join(bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
