"""Score the clean stage's line classifier on lines we labelled ourselves.

Two sets: ``clean_lines.tsv`` (the rules were tuned on it) and ``clean_lines_heldout.tsv`` (written
blind by someone who had not seen the rules; report only — never tune on it). Prints precision and
recall of "not body" (any removal reason) and the share of removed lines given the right reason.
Run: python bench/clean.py [--errors]
"""

from __future__ import annotations

from pathlib import Path

from lagebild.stages.clean import classify_line

DATA = Path(__file__).parent / "data" / "clean_lines.tsv"
HELDOUT = Path(__file__).parent / "data" / "clean_lines_heldout.tsv"


def load(path: Path = DATA) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        label, text = line.split("\t", 1)
        rows.append((label, text))
    return rows


def score(verbose: bool = False, path: Path = DATA, errors: bool = True) -> tuple[float, float]:
    tp = fp = fn = right_reason = 0
    rows = load(path)
    for label, text in rows:
        got = classify_line(text) or "body"
        if got != "body" and label != "body":
            tp += 1
            right_reason += got == label
        elif got != "body":
            fp += 1
            if verbose and errors:
                print(f"  false removal ({got}): {text}")
        elif label != "body":
            fn += 1
            if verbose and errors:
                print(f"  missed ({label}): {text}")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    if verbose:
        print(f"{path.name}: {len(rows)} lines  removal precision {p:.3f}  recall {r:.3f}  "
              f"F1 {2 * p * r / (p + r):.3f}  right reason {right_reason / max(tp, 1):.3f}")
    return p, r


if __name__ == "__main__":
    import sys

    score(verbose=True, errors="--errors" in sys.argv)
    if HELDOUT.exists():
        # Errors on the held-out set are not printed unless asked: looking at them is tuning.
        score(verbose=True, path=HELDOUT, errors="--errors" in sys.argv)
