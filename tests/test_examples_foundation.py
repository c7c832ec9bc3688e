"""End to end on examples/: every example article is read, cleaned, dated and segmented as the
expectations written with the corpus say (examples/expected.json)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .examples_corpus import CORPUS, documents_by_key, expected

KEYS = sorted(expected()["documents"])


def test_every_example_article_is_ingested_once() -> None:
    docs = documents_by_key()
    assert sorted(docs) == KEYS


@pytest.mark.parametrize("key", KEYS)
def test_metadata_and_clean_body(key: str) -> None:
    want = expected()["documents"][key]
    doc = documents_by_key()[key]
    assert doc.language == want["language"]
    if "source" in want and want["source"]:
        assert doc.source == want["source"]
    if "title_contains" in want:
        assert want["title_contains"] in (doc.title or "")
    assert (doc.published or "")[:10] == (want.get("published") or "")
    if want.get("published"):
        assert doc.published_basis == want["published_basis"]
    for s in want.get("body_must_contain", []):
        assert s in doc.text, s
    for s in want.get("body_must_not_contain", []):
        assert s not in doc.text, s
    removed = [r.text for r in doc.removed_lines]
    for s in want.get("removed_lines_contain", []):
        assert any(s in r for r in removed), (s, removed)


@pytest.mark.parametrize("key", KEYS)
def test_sentences_cover_the_body_without_crossing_quotes(key: str) -> None:
    doc = documents_by_key()[key]
    assert doc.sentences
    for s in doc.sentences:
        chunk = doc.text[s.start : s.end]
        assert chunk == chunk.strip() and chunk
        # A sentence never starts with closing punctuation: the quote it belongs to was kept whole.
        assert chunk[0] not in "“”«»,.;:)"


def test_cli_add_then_export_round_trip(tmp_path) -> None:
    db = tmp_path / "e.db"
    run = [sys.executable, "-m", "lagebild"]
    added = subprocess.run([*run, "add", str(CORPUS), "--db", str(db)], capture_output=True, text=True, timeout=600)
    assert added.returncode == 0, added.stderr
    assert f"{len(KEYS)} added" in added.stderr
    again = subprocess.run([*run, "add", str(CORPUS), "--db", str(db)], capture_output=True, text=True, timeout=600)
    assert f"0 added, {len(KEYS)} skipped as duplicates" in again.stderr
    out = subprocess.run([*run, "export", "--db", str(db)], capture_output=True, text=True, timeout=600)
    picture = json.loads(out.stdout)
    assert picture["format"] == "lagebild/1" and len(picture["documents"]) == len(KEYS)
    listing = subprocess.run([*run, "list", "--db", str(db), "--json"], capture_output=True, text=True)
    first = json.loads(listing.stdout)[0]["id"]
    shown = subprocess.run([*run, "show", first[:8], "--db", str(db)], capture_output=True, text=True)
    assert shown.returncode == 0 and "Removed lines" in shown.stdout
    missing = subprocess.run([*run, "show", "nonexistent", "--db", str(db)], capture_output=True, text=True)
    assert missing.returncode == 1 and "Error:" in missing.stderr and "lagebild list" in missing.stderr


def test_cli_rejects_bad_files_but_ingests_the_rest(tmp_path) -> None:
    (tmp_path / "junk.bin").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "empty.txt").write_text("")
    good = CORPUS / "txt"
    db = tmp_path / "b.db"
    r = subprocess.run([sys.executable, "-m", "lagebild", "add", str(tmp_path / "junk.bin"), str(tmp_path / "empty.txt"),
                        str(good), "--db", str(db)], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0
    assert "junk.bin" in r.stderr and "empty.txt" in r.stderr and "2 rejected" in r.stderr
    only_bad = subprocess.run([sys.executable, "-m", "lagebild", "add", str(tmp_path / "junk.bin"), "--db",
                               str(tmp_path / "c.db")], capture_output=True, text=True, timeout=600)
    assert only_bad.returncode == 1
