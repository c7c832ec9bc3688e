#!/usr/bin/env bash
# Quick start: install, analyse the bundled example corpus, and show the situation picture.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export LAGEBILD_DB="${LAGEBILD_DB:-examples.db}"
rm -f "$LAGEBILD_DB" "$LAGEBILD_DB-wal" "$LAGEBILD_DB-shm"
lb=.venv/bin/lagebild
section() { printf '\n\033[1m== %s\033[0m\n' "$1"; }
$lb add examples/corpus/
section "Stories (lagebild stories)";                       $lb stories
section "Close calls to check (lagebild stories --review)"; $lb stories --review
section "Timeline of Putin (lagebild timeline Putin)";      $lb timeline Putin --status occurred --status planned
section "Who said what about Ukraine (lagebild quotes)";    $lb quotes --speaker Selenskyj --limit 10
section "One entity under all its spellings (lagebild entity Zelensky)"; $lb entity Zelensky
echo
echo "Next: lagebild show DOC · lagebild compare STORY · lagebild export > picture.json · lagebild serve"
echo "(database: $LAGEBILD_DB; set LAGEBILD_DB=$LAGEBILD_DB to use these commands on it)"
