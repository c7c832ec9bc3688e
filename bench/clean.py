"""Score the clean stage's line classifier on lines we labelled ourselves (bench/data/clean_lines.tsv).

Prints precision and recall of "not body" (any removal reason) and the share of removed lines given
the right reason. Run: python bench/clean.py
"""

from __future__ import annotations

from pathlib import Path

from lagebild.stages.clean import classify_line

DATA = Path(__file__).parent / "data" / "clean_lines.tsv"


def load() -> list[tuple[str, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        label, text = line.split("\t", 1)
        rows.append((label, text))
    return rows


def score(verbose: bool = False) -> tuple[float, float]:
    tp = fp = fn = right_reason = 0
    for label, text in load():
        got = classify_line(text) or "body"
        if got != "body" and label != "body":
            tp += 1
            right_reason += got == label
        elif got != "body":
            fp += 1
            if verbose:
                print(f"  false removal ({got}): {text}")
        elif label != "body":
            fn += 1
            if verbose:
                print(f"  missed ({label}): {text}")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    if verbose:
        print(f"lines: {len(load())}  removal precision {p:.3f}  recall {r:.3f}  "
              f"F1 {2 * p * r / (p + r):.3f}  right reason {right_reason / max(tp, 1):.3f}")
    return p, r


if __name__ == "__main__":
    score(verbose=True)
