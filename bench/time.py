"""Benchmark of the ``time`` stage: WikiWarsDE (ACE TERN style) and our labelled news set.

Usage::

    python bench/time.py                       # WikiWarsDE 12-22 (report split) + news set + speed
    python bench/time.py --split tune          # WikiWarsDE 01-11 (the documents we tuned on)
    python bench/time.py --errors 40           # also print the first 40 errors of each kind
    python bench/time.py --data /path/to/WikiWarsDE_20110412

What is computed (following the ACE TERN evaluation as Strötgen & Gertz report it for
HeidelTime on WikiWarsDE, and Mazur & Dale for WikiWars):

- System and gold expressions are aligned one-to-one: each gold expression is paired
  with the system expression that overlaps it most (a system expression is used once).
- **Lenient extraction** P/R/F1: a pair counts when the two extents overlap at all.
- **Strict extraction** P/R/F1: a pair counts only when both offsets are identical.
- **Value F1** ("normalisation", the figure HeidelTime's 78.7 is): a true positive is a
  lenient pair whose normalised value equals the gold ``val`` exactly (string equality
  after upper-casing); precision divides by all system expressions, recall by all gold
  expressions. So it is bounded by the lenient F1.
- **Value accuracy**: correct values / lenient pairs (the share of correctly detected
  expressions that also got the right value). Printed alongside, not instead.

Only the ``<TEXT>`` part of each document is scored: the ``<DATETIME>`` header holds the
document creation time, which is given to the tagger as its anchor, so it is neither
extracted nor counted (the HeidelTime figures include those 22 trivial matches; leaving
them out makes our numbers slightly lower, never higher). WikiWarsDE is run in
narrative mode (year-less dates follow the last date mentioned) with the DATETIME as
anchor. Documents 01-11 were used to develop the rules; 12-22 only to report.

The news set (``bench/data/time_news.jsonl``) is written by the project: one sentence
per line with its publication date, language and gold expressions ``[text, type,
value]``. Gold offsets are found by searching each expression's text in the sentence
(left to right). It is scored the same way in news mode. It was used while writing the
rules (it is a development set). ``bench/data/time_news_heldout.jsonl`` was written
afterwards by the same conventions and is only reported (see the note at NEWS_HELDOUT).

Annotation conventions of both news sets: extents leave out prepositions and articles
("am Freitag" -> "Freitag", "in den kommenden Tagen" -> "kommenden Tagen"), except in
decade names ("den 1990er Jahren", as in WikiWarsDE) and where the preposition carries
the meaning ("vor drei Jahren", "in zwei Wochen", "three years ago"); modifiers stay in
("Mitte August", "etwa drei Stunden"). Values: weekdays and year-less dates resolve
against the publication date by tense (past tense -> the last such day, including the
publication day itself; present or future -> the next one); "nächste Woche" is an ISO
week; "vor drei Jahren" a year; "in den kommenden Tagen" FUTURE_REF; "innerhalb von
zwei Wochen" the duration P2W; "Mitte August" 2025-08 (the MID modifier is not scored);
centuries as TIMEX ("12. Jahrhundert" -> 11).

Speed: words per second of the time stage alone (``lagebild.timexpr.extract``) over all
22 WikiWarsDE texts and the news set, one process, one core.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from lagebild.timexpr import extract  # noqa: E402

DEFAULT_DATA = Path(os.environ.get("LAGEBILD_DATA", "/work/shared/data")) / "wikiwarsde" / "WikiWarsDE_20110412"
NEWS = ROOT / "bench" / "data" / "time_news.jsonl"
# Written after the rules were finished. Its first run found 43 of 44 expressions (all 43
# values right) and exposed one bug (singular units such as "Jahr" missing from the unit
# pattern), which was fixed; nothing else was changed because of it.
NEWS_HELDOUT = ROOT / "bench" / "data" / "time_news_heldout.jsonl"
TUNE = range(1, 12)
REPORT = range(12, 23)

_TAG = re.compile(r"<TIMEX2([^>]*)>|</TIMEX2>")
_VAL = re.compile(r'val="([^"]*)"')


@dataclass
class Gold:
    start: int
    end: int
    text: str
    value: str | None
    type: str | None = None


@dataclass
class Doc:
    id: str
    text: str
    dct: date | None
    language: str
    gold: list[Gold]
    narrative: bool


def load_wikiwars(data: Path, docs: range) -> list[Doc]:
    out = []
    for f in sorted((data / "keyinline").glob("*.key.xml")):
        n = int(f.name[:2])
        if n not in docs:
            continue
        marked = f.read_text(encoding="utf-8")
        plain: list[str] = []
        pos = 0
        last = 0
        stack: list[tuple[int, str | None]] = []
        spans: list[Gold] = []
        for m in _TAG.finditer(marked):
            plain.append(marked[last:m.start()])
            pos += m.start() - last
            last = m.end()
            if m.group(0).startswith("</"):
                s, v = stack.pop()
                spans.append(Gold(s, pos, "", v))
            else:
                v = _VAL.search(m.group(1) or "")
                stack.append((pos, v.group(1) if v else None))
        plain.append(marked[last:])
        full = "".join(plain)
        t0 = full.index("<TEXT>") + len("<TEXT>")
        t1 = full.index("</TEXT>")
        dm = re.search(r"<DATETIME>\s*(\d{4})-(\d{2})-(\d{2})", full)
        dct = date(int(dm[1]), int(dm[2]), int(dm[3])) if dm else None
        text = full[t0:t1]
        gold = [Gold(g.start - t0, g.end - t0, full[g.start:g.end], g.value) for g in spans if g.start >= t0 and g.end <= t1]
        gold.sort(key=lambda g: g.start)
        out.append(Doc(f.name.split(".")[0], text, dct, "de", gold, True))
    return out


def load_news(path: Path) -> list[Doc]:
    out = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["text"]
        gold = []
        at = 0
        for g_text, g_type, g_value in row["timexes"]:
            k = text.find(g_text, at)
            if k < 0:
                k = text.find(g_text)
            if k < 0:
                raise ValueError(f"{path.name}:{i + 1}: {g_text!r} not in sentence")
            gold.append(Gold(k, k + len(g_text), g_text, g_value, g_type))
            at = k + len(g_text)
        pub = row.get("published")
        out.append(Doc(f"news{i + 1}", text, date.fromisoformat(pub) if pub else None, row["language"], gold, False))
    return out


@dataclass
class Counts:
    gold: int = 0
    sys: int = 0
    lenient: int = 0
    strict: int = 0
    value: int = 0

    def add(self, o: "Counts") -> None:
        for k in ("gold", "sys", "lenient", "strict", "value"):
            setattr(self, k, getattr(self, k) + getattr(o, k))


def _f(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def align(gold: list[Gold], sys_: list) -> list[tuple[Gold, object]]:
    """One-to-one pairing by largest overlap (greedy over all overlapping pairs)."""
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(sys_):
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov > 0:
                pairs.append((ov, -abs(g.start - s.start) - abs(g.end - s.end), gi, si))
    pairs.sort(reverse=True)
    used_g, used_s, out = set(), set(), []
    for _ov, _d, gi, si in pairs:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        out.append((gold[gi], sys_[si]))
    return out


def norm_value(v: str | None) -> str:
    return (v or "").strip().upper()


def score(docs: list[Doc], show_errors: int = 0, label: str = "") -> tuple[Counts, float, int]:
    total = Counts()
    errors: dict[str, list[str]] = {"missed": [], "spurious": [], "extent": [], "value": []}
    words = 0
    elapsed = 0.0
    for d in docs:
        t0 = time.perf_counter()
        found = extract(d.text, d.language, d.dct, narrative=d.narrative)
        elapsed += time.perf_counter() - t0
        words += len(d.text.split())
        c = Counts(gold=len(d.gold), sys=len(found))
        pairs = align(d.gold, found)
        matched_s = set()
        for g, s in pairs:
            matched_s.add(id(s))
            c.lenient += 1
            if (g.start, g.end) == (s.start, s.end):
                c.strict += 1
            elif len(errors["extent"]) < show_errors:
                errors["extent"].append(f"{d.id}: gold {g.text!r} sys {s.text!r}")
            if norm_value(g.value) == norm_value(s.value):
                c.value += 1
            elif len(errors["value"]) < show_errors:
                ctx = d.text[max(0, g.start - 50):g.end + 30].replace("\n", " ")
                errors["value"].append(f"{d.id}: {g.text!r} gold {g.value} sys {s.value} [{s.rule}] …{ctx}…")
        matched_g = {id(g) for g, _ in pairs}
        for g in d.gold:
            if id(g) not in matched_g and len(errors["missed"]) < show_errors:
                ctx = d.text[max(0, g.start - 40):g.end + 30].replace("\n", " ")
                errors["missed"].append(f"{d.id}: {g.text!r} ({g.value}) …{ctx}…")
        for s in found:
            if id(s) not in matched_s and len(errors["spurious"]) < show_errors:
                ctx = d.text[max(0, s.start - 40):s.end + 30].replace("\n", " ")
                errors["spurious"].append(f"{d.id}: {s.text!r} ({s.value}) [{s.rule}] …{ctx}…")
        total.add(c)
    if show_errors:
        for k, v in errors.items():
            print(f"--- {label} {k} ({len(v)} shown)")
            for line in v:
                print("  ", line)
    return total, elapsed, words


def report(name: str, c: Counts) -> dict[str, float]:
    lp, lr, lf = _f(c.lenient, c.sys, c.gold)
    sp, sr, sf = _f(c.strict, c.sys, c.gold)
    vp, vr, vf = _f(c.value, c.sys, c.gold)
    acc = c.value / c.lenient if c.lenient else 0.0
    print(f"{name}: gold {c.gold}, system {c.sys}")
    print(f"  lenient  P {100 * lp:5.1f}  R {100 * lr:5.1f}  F1 {100 * lf:5.1f}")
    print(f"  strict   P {100 * sp:5.1f}  R {100 * sr:5.1f}  F1 {100 * sf:5.1f}")
    print(f"  value    P {100 * vp:5.1f}  R {100 * vr:5.1f}  F1 {100 * vf:5.1f}   value accuracy {100 * acc:5.1f} ({c.value}/{c.lenient})")
    return {"lenient_f1": lf, "strict_f1": sf, "value_f1": vf, "value_accuracy": acc}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", choices=("report", "tune", "all"), default="report")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--no-news", action="store_true")
    ap.add_argument("--news-only", action="store_true")
    args = ap.parse_args(argv)
    words_total = 0
    secs_total = 0.0
    if not args.news_only:
        if not (args.data / "keyinline").is_dir():
            print(f"WikiWarsDE not found at {args.data}; skipping that part (set --data or LAGEBILD_DATA).")
        else:
            splits = {"report": [("WikiWarsDE 12-22 (report)", REPORT)], "tune": [("WikiWarsDE 01-11 (tune)", TUNE)], "all": [("WikiWarsDE 01-11 (tune)", TUNE), ("WikiWarsDE 12-22 (report)", REPORT)]}[args.split]
            for name, rng in splits:
                c, secs, words = score(load_wikiwars(args.data, rng), args.errors, name)
                report(name, c)
                print("  HeidelTime (published): lenient F1 93.3, strict F1 87.7, value F1 78.7")
                words_total += words
                secs_total += secs
    if not args.no_news and NEWS.exists():
        docs = load_news(NEWS)
        for lang in ("de", "en"):
            sub = [d for d in docs if d.language == lang]
            c, secs, words = score(sub, args.errors, f"news-{lang}")
            report(f"news set ({lang}, {len(sub)} sentences)", c)
            words_total += words
            secs_total += secs
        c, _, _ = score(docs)
        report(f"news set (all, {len(docs)} sentences)", c)
    if not args.no_news and NEWS_HELDOUT.exists():
        docs = load_news(NEWS_HELDOUT)
        c, secs, words = score(docs, args.errors, "news-heldout")
        report(f"held-out news set ({len(docs)} sentences, de+en; not used for development)", c)
    if secs_total:
        print(f"speed: {words_total} words in {secs_total:.3f} s = {words_total / secs_total:,.0f} words/s (one core, time stage only)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
