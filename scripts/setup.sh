#!/usr/bin/env bash
# Create ./.venv and install lagebild into it (with the test extras). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Error: lagebild needs Python 3.11 or newer; '$PY' is $("$PY" --version 2>&1)." >&2
    echo "Tip: run with PYTHON=/path/to/python3.11 bash $0" >&2
    exit 1
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev]"
