#!/usr/bin/env bash
# Refresh the Simplified Chinese translation: regenerate the core-registry strings, collect every
# tr()/translate() string of playground/ui/**/*.py into the .ts, then compile the .qm that ships.
# Usage: scripts/update-translations.sh   (from anywhere; needs .venv with PySide6)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
TS=resources/translations/playground_zh_CN.ts
QM=resources/translations/playground_zh_CN.qm

"$VENV/bin/python" scripts/core_strings.py
"$VENV/bin/pyside6-lupdate" $(find playground/ui -name "*.py" | sort) -ts "$TS" \
    -source-language en -target-language zh_CN -no-obsolete -locations none
"$VENV/bin/pyside6-lrelease" "$TS" -qm "$QM"
# lupdate marks new or changed strings unfinished; list them so they get translated.
unfinished=$(grep -c 'type="unfinished"' "$TS" || true)
echo "unfinished messages in $TS: $unfinished"
