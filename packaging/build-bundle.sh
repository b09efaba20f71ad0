#!/usr/bin/env bash
# Build the one-folder bundle dist/activation-playground/ from the committed spec.
# Usage: packaging/build-bundle.sh        (PY=path/to/python to use another interpreter)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
"$PY" -m PyInstaller --version >/dev/null 2>&1 \
  || { echo "PyInstaller missing: run  $PY -m pip install -e '.[package]'" >&2; exit 1; }
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/activation-playground.spec
bundle=dist/activation-playground
# Linux: drop debug info that some interpreters (pyenv builds) carry in libpython and lib-dynload
# (~25 MB). Only files with .debug_info are touched: stripping the auditwheel-patched libraries of
# numpy/PySide6 corrupts them ("ELF load command address/offset not page-aligned").
if [ "$(uname -s)" = Linux ] && command -v strip >/dev/null && command -v readelf >/dev/null; then
  find "$bundle" -type f -name '*.so*' -print0 | while IFS= read -r -d '' f; do
    # grep without -q reads all of readelf's output (-q + pipefail would fail on SIGPIPE).
    if readelf -S "$f" 2>/dev/null | grep '\.debug_info' >/dev/null; then strip --strip-debug "$f"; fi
  done
fi
echo "bundle: $bundle ($(du -sh "$bundle" | cut -f1))"
