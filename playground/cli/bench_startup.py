"""Cold start benchmark: from process start to the window's first paint, and import time by
package.

Each run starts `activation-playground` in a fresh process (offscreen unless a platform is set)
with STARTUP_PROBE set, which prints "painted" right after the first paint and quits; the time
is from Popen to that line. One more run with `python -X importtime` sums the import time of
each package's own modules before the paint (their self times, grouped by top-level package).

As installed (the bundle, a wheel) the app's modules are bytecode; a checkout run with
PYTHONDONTWRITEBYTECODE would compile all ~150 of them on every start (~0.25 s here). So the
package is compiled first, and one untimed start warms the file cache.
"""

from __future__ import annotations

import compileall
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET_S = 0.8  # median seconds from process start to a painted window
PROBE = "ACTIVATION_PLAYGROUND_STARTUP_PROBE"  # playground.ui.app.STARTUP_PROBE
PAINTED = "painted"  # the probe's line, on stdout and stderr


def _env() -> dict:
    env = dict(os.environ, **{PROBE: "1"})
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def _command(*flags: str) -> list[str]:
    return [
        sys.executable,
        *flags,
        "-c",
        "import sys; from playground.cli.main import main; sys.exit(main(['gui']))",
    ]


def time_to_paint(timeout_s: float = 30.0) -> float:
    """Seconds from starting a process to its "painted" line."""
    t0 = time.perf_counter()
    with subprocess.Popen(
        _command(), env=_env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as proc:
        for line in proc.stdout:
            if line.strip() == PAINTED:
                painted = time.perf_counter() - t0
                proc.wait(timeout_s)
                return painted
    raise RuntimeError("the window never reported its first paint")


def import_times() -> dict[str, float]:
    """{top-level package: seconds} of the imports before the first paint, largest first."""
    out = subprocess.run(
        _command("-X", "importtime"), env=_env(), capture_output=True, text=True, timeout=60
    ).stderr
    return package_times(out)


def package_times(importtime: str) -> dict[str, float]:
    """-X importtime's report summed by top-level package (self times), up to the paint line."""
    before_paint = importtime.split(f"\n{PAINTED}\n", 1)[0]
    totals: dict[str, float] = {}
    for m in re.finditer(r"import time:\s+(\d+) \|\s+\d+ \| (.*)$", before_paint, re.MULTILINE):
        package = m.group(2).strip().split(".")[0]
        totals[package] = totals.get(package, 0.0) + int(m.group(1)) / 1e6
    return dict(sorted(totals.items(), key=lambda kv: -kv[1]))


def compile_package() -> None:
    """Bytecode for every module of the package, as an installed app has it."""
    package = Path(__file__).resolve().parents[1]
    compileall.compile_dir(package, quiet=1)


def run(runs: int = 7) -> dict:
    compile_package()
    time_to_paint()  # warm-up: the file cache, not timed
    times = [time_to_paint() for _ in range(runs)]
    median = statistics.median(times)
    imports = import_times()
    return {
        "runs": [round(t, 3) for t in times],
        "median_s": round(median, 3),
        "target_s": TARGET_S,
        "passed": median <= TARGET_S,
        "imports_s": {k: round(v, 3) for k, v in list(imports.items())[:8]},
    }
