#!/usr/bin/env bash
# Quick start: install, analyse the bundled example corpus, and show the situation picture.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export LAGEBILD_DB="${LAGEBILD_DB:-examples.db}"
rm -f "$LAGEBILD_DB" "$LAGEBILD_DB-wal" "$LAGEBILD_DB-shm"
lb=.venv/bin/lagebild
$lb add examples/corpus/
echo; echo "== Articles"; $lb list --limit 20
for verb in stories timeline quotes; do
    if $lb "$verb" --help >/dev/null 2>&1; then echo; echo "== lagebild $verb"; $lb "$verb" | head -60; fi
done
echo; echo "Next: lagebild show DOC, lagebild export --format json > picture.json, lagebild serve (database: $LAGEBILD_DB)"
