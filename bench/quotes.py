"""Benchmark the quotes stage on SpkAtt 2023 Task 2 (German Wikinews speaker attribution).

Usage:
    python bench/quotes.py [--split dev|train] [--data DIR] [--errors N]

Data: ``/work/shared/data/spkatt2023_task2_news`` (or ``--data`` / ``$LAGEBILD_SPKATT``); the
script exits with a message when it is absent. Tune on ``train``; report ``dev``.

Each document is rebuilt from the dataset's own tokens (joined by single spaces, one sentence per
dataset sentence), run through ``lagebild.stages.quotes.attribute`` and the token spans of every
attribution are scored.

What is computed (our re-implementation of the task's scorer as the task README, overview paper
and published evaluation code define it; subtask 2 "simplified"):

1. Only annotations with ``IsNested == false`` count, on both sides.
2. Per document, system and gold annotations ("groups") are aligned one-to-one by a maximum-weight
   assignment (Hungarian algorithm) on the token-level F1 of their MESSAGE spans, with +0.01 when
   the ``Form`` agrees and +0.001 when the ``STWR`` agrees (tie-breakers, only when the overlap is
   non-zero). As in the task's scorer, min(#gold, #system) pairs are formed (a pair may have zero
   overlap); the rest stay unmatched.
3. For every pair and every unmatched group, and for every role (Message, Source; Cue reported
   separately), token counts are taken: TP = tokens in both spans, FP = system-only tokens,
   FN = gold-only tokens (an unmatched group scores against an empty span).
4. Per group and role, P = TP/(TP+FP) and R = TP/(TP+FN), left out where the denominator is 0.
5. Scores are macro averages over these per-group values: Message P/R over the Message values,
   Source P/R over the Source values, Joint P/R over all Message and Source values together;
   F1 = 2PR/(P+R) of the averaged P and R. Joint F1 is the task's ranking score
   ("SimplifiedJoint"). The organisers' rule baseline has joint F1 41.8 on dev, 40.4 on test
   (subtask 2) and 38.9/39.1 on the full task.
6. "Cue F1" is the same computation for the Cue role alone (the full task's role); it is not part
   of the simplified joint score.

Speed is words (dataset tokens) per second of the quotes stage alone, on one core.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from lagebild.attribution import Attribution  # noqa: E402
from lagebild.model import Document, Sentence, Token  # noqa: E402
from lagebild.stages.quotes import attribute  # noqa: E402

DEFAULT_DATA = Path(os.environ.get("LAGEBILD_SPKATT", "/work/shared/data/spkatt2023_task2_news"))


@dataclass(slots=True)
class Group:
    message: list[int]
    roles: dict[str, list[int]]
    form: str | None = None
    stwr: str | None = None


@dataclass(slots=True)
class RoleValues:
    precision: dict[str, list[float]] = field(default_factory=dict)
    recall: dict[str, list[float]] = field(default_factory=dict)

    def add(self, role: str, gold: list[int], system: list[int]) -> None:
        g, s = set(gold), set(system)
        tp = len(g & s)
        if s:
            self.precision.setdefault(role, []).append(tp / len(s))
        if g:
            self.recall.setdefault(role, []).append(tp / len(g))


# --------------------------------------------------------------------------- data


def _abs(refs: list[str], offsets: list[int]) -> list[int]:
    out = sorted({offsets[int(r.split(":")[0])] + int(r.split(":")[1]) for r in refs})
    return out


def load_doc(path: Path) -> tuple[Document, list[Group]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    offsets = [0]
    text_parts: list[str] = []
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    pos = 0
    for sent in data["Sentences"]:
        offsets.append(offsets[-1] + len(sent["Tokens"]))
        s_start = pos
        for tok in sent["Tokens"]:
            tokens.append(Token(pos, pos + len(tok), tok))
            text_parts.append(tok)
            pos += len(tok) + 1
        sentences.append(Sentence(s_start, pos - 1))
    doc = Document(text=" ".join(text_parts), id=path.stem, language="de", tokens=tokens, sentences=sentences)
    gold = []
    for a in data["Annotations"]:
        if a.get("IsNested"):
            continue
        roles = {r: _abs(a.get(r, []), offsets) for r in ("Source", "Cue", "Addr")}
        gold.append(Group(_abs(a["Message"], offsets), roles, a.get("Form"), a.get("STWR")))
    return doc, gold


def system_groups(atts: list[Attribution]) -> list[Group]:
    return [Group(list(a.message), {"Source": list(a.source), "Cue": list(a.cue), "Addr": list(a.addressee)}, a.form) for a in atts]


# --------------------------------------------------------------------------- scoring


def _token_f1(a: list[int], b: list[int]) -> float:
    if not a or not b:
        return 0.0
    both = len(set(a) & set(b))
    if not both:
        return 0.0
    p, r = both / len(b), both / len(a)
    return 2 * p * r / (p + r)


def max_assignment(score: list[list[float]]) -> list[tuple[int, int]]:
    """Maximum-weight assignment of rows to columns (Hungarian algorithm, O(n^2 m))."""
    n = len(score)
    m = len(score[0]) if n else 0
    if not n or not m:
        return []
    transposed = n > m
    if transposed:
        score = [list(col) for col in zip(*score)]
        n, m = m, n
    inf = float("inf")
    cost = [[-x for x in row] for row in score]
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    p, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if not j0:
                break
    pairs = [(p[j] - 1, j - 1) for j in range(1, m + 1) if p[j]]
    return [(c, r) for r, c in pairs] if transposed else pairs


def score_doc(gold: list[Group], system: list[Group], roles: tuple[str, ...], vals: RoleValues) -> None:
    matrix = []
    for g in gold:
        row = []
        for s in system:
            ov = _token_f1(g.message, s.message)
            bonus = (0.01 if g.form == s.form else 0.0) + (0.001 if g.stwr == s.stwr else 0.0) if ov > 0 else 0.0
            row.append(ov + bonus)
        matrix.append(row)
    pairs = max_assignment(matrix) if gold and system else []
    used_g, used_s = {gi for gi, _ in pairs}, {si for _, si in pairs}
    empty: list[int] = []
    for gi, si in pairs:
        vals.add("Message", gold[gi].message, system[si].message)
        for r in roles:
            vals.add(r, gold[gi].roles[r], system[si].roles.get(r, []))
    for si, s in enumerate(system):
        if si not in used_s:
            vals.add("Message", empty, s.message)
            for r in roles:
                vals.add(r, empty, s.roles.get(r, []))
    for gi, g in enumerate(gold):
        if gi not in used_g:
            vals.add("Message", g.message, empty)
            for r in roles:
                vals.add(r, g.roles[r], empty)


def _prf(ps: list[float], rs: list[float]) -> tuple[float, float, float]:
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def summarise(vals: RoleValues, roles: tuple[str, ...]) -> dict[str, tuple[float, float, float]]:
    out = {"Message": _prf(vals.precision.get("Message", []), vals.recall.get("Message", []))}
    for r in roles:
        out[r] = _prf(vals.precision.get(r, []), vals.recall.get(r, []))
    allp = [x for k in ("Message", *roles) for x in vals.precision.get(k, [])]
    allr = [x for k in ("Message", *roles) for x in vals.recall.get(k, [])]
    out["Joint"] = _prf(allp, allr)
    return out


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--errors", type=int, default=0, help="print this many unmatched gold/system groups")
    args = ap.parse_args(argv)
    folder = args.data / "data" / args.split / "task2"
    if not folder.is_dir():
        print(f"SpkAtt 2023 Task 2 data not found at {folder}; skipping (set --data or LAGEBILD_SPKATT).")
        return 0
    files = sorted(folder.glob("*.json"))
    # load lazy resources (the simplemma dictionary) before timing
    attribute(Document(text="Laut ersten Angaben sei alles ruhig.", language="de"))
    simplified, with_cue = RoleValues(), RoleValues()
    n_words = 0
    elapsed = 0.0
    by_form_gold: dict[str, int] = {}
    by_form_sys: dict[str, int] = {}
    shown = 0
    for path in files:
        doc, gold = load_doc(path)
        n_words += len(doc.tokens)
        t0 = time.perf_counter()
        pairs = attribute(doc)
        elapsed += time.perf_counter() - t0
        system = system_groups([a for _, a in pairs])
        score_doc(gold, system, ("Source",), simplified)
        score_doc(gold, system, ("Cue",), with_cue)
        for g in gold:
            by_form_gold[g.form or "?"] = by_form_gold.get(g.form or "?", 0) + 1
        for s in system:
            by_form_sys[s.form or "?"] = by_form_sys.get(s.form or "?", 0) + 1
        if args.errors and shown < args.errors:
            shown += _show_errors(doc, gold, system)
    res = summarise(simplified, ("Source",))
    cue = summarise(with_cue, ("Cue",))["Cue"]
    print(f"SpkAtt 2023 Task 2, {args.split}: {len(files)} documents, {n_words} tokens")
    print(f"{'':10} {'P':>6} {'R':>6} {'F1':>6}")
    for name, (p, r, f) in (("Message", res["Message"]), ("Source", res["Source"]), ("Cue", cue), ("Joint", res["Joint"])):
        print(f"{name:10} {100 * p:6.2f} {100 * r:6.2f} {100 * f:6.2f}")
    print("gold groups by form:  ", dict(sorted(by_form_gold.items())))
    print("system groups by form:", dict(sorted(by_form_sys.items())))
    print(f"speed: {n_words / elapsed:,.0f} words/s (quotes stage only, 1 core)")
    return 0


def _show_errors(doc: Document, gold: list[Group], system: list[Group]) -> int:
    words = [t.text for t in doc.tokens]
    shown = 0
    sys_msgs = [set(s.message) for s in system]
    gold_msgs = [set(g.message) for g in gold]
    for g in gold:
        if not any(set(g.message) & s for s in sys_msgs):
            print(f"MISS {g.form}: {' '.join(words[k] for k in g.message)[:200]}  || SRC: {' '.join(words[k] for k in g.roles['Source'])}")
            shown += 1
    for s in system:
        if not any(set(s.message) & g for g in gold_msgs):
            print(f"FP   {s.form}: {' '.join(words[k] for k in s.message)[:200]}  || SRC: {' '.join(words[k] for k in s.roles['Source'])}")
            shown += 1
    return shown


if __name__ == "__main__":
    raise SystemExit(main())
