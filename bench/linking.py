"""Entity-linking benchmark: link accuracy, spelling merge and speed.

    python bench/linking.py            # our labelled German+English news + HIPE sonar-de (if present)
    python bench/linking.py --no-hipe  # only our examples

Data:
* ``bench/data/linking/news.jsonl`` — short news texts written by the lagebild team (German and
  English, 2025 events), each with its mentions labelled by surface string (in order of
  occurrence), type and entity: a knowledge-base id (``Q...``/``kb:...``) or ``NIL:<label>`` for
  people and places outside the KB. ``PER-ROLE`` marks role descriptions ("der Kremlchef").
* HIPE-2022 sonar-de (``$LAGEBILD_DATA`` or /work/shared/data/hipe2022_hipe2020_sonar):
  historical German newspapers with Wikidata links. ``test`` is report-only — nothing here
  was tuned on it. Skipped with a message when absent.

Metrics:
* link accuracy — share of gold mentions linked to the right entity. With *gold mentions*
  the linker gets the gold spans and types (role mentions it must find itself); *end to end*
  runs the whole entities stage (recognition included) and counts a gold mention as right only
  if a predicted mention with the same span carries the right entity. A NIL mention is right
  when it gets a non-KB id that is the same for all mentions of that NIL label.
* merge — share of gold entities that appear under 2+ distinct spellings whose mentions all
  end up with one predicted id; false merges — pairs of gold entities sharing a predicted id.
* speed — words/s on one core for the linker alone and for the whole stage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lagebild.kb import default_kb  # noqa: E402
from lagebild.linking import Linker  # noqa: E402
from lagebild.model import Document, Mention, Sentence  # noqa: E402
from lagebild.pipeline import Pipeline  # noqa: E402

NEWS = ROOT / "bench" / "data" / "linking" / "news.jsonl"  # development set (looked at while building)
NEWS_TEST = ROOT / "bench" / "data" / "linking" / "news_test.jsonl"  # held out: written once, scored once
HIPE_DIRS = [
    Path(os.environ.get("LAGEBILD_DATA", "/work/shared/data")) / "hipe2022_hipe2020_sonar",
    ROOT.parent / "shared" / "data" / "hipe2022_hipe2020_sonar",
]
HIPE_TEST = "data/v2.1/sonar/de/HIPE-2022-v2.1-sonar-test-de.tsv"
HIPE_DEV = "data/v2.1/sonar/de/HIPE-2022-v2.1-sonar-dev-de.tsv"


def is_kb(eid: str | None) -> bool:
    return bool(eid) and (eid.startswith("kb:") or (eid[0] == "Q" and eid[1:].isdigit()))  # type: ignore[index]


# ---------------------------------------------------------------------------------------------
# Our news examples
# ---------------------------------------------------------------------------------------------
def load_news(path: Path = NEWS) -> list[dict]:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        pos: dict[str, int] = {}
        spans: list[tuple[int, int, str, str, str]] = []
        text = d["text"]
        for surface, mtype, gold in d["mentions"]:
            # Next whole-word occurrence not inside a span placed before ("Leavitt" after "Karoline Leavitt").
            i = pos.get(surface, 0) - 1
            while True:
                i = text.find(surface, i + 1)
                assert i >= 0, (d["id"], surface)
                j = i + len(surface)
                boundary = (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "-")) and (
                    j == len(text) or not (text[j].isalnum() or text[j] == "-"))
                if boundary and all(j <= s or i >= e for s, e, *_ in spans):
                    break
            pos[surface] = i + 1
            spans.append((i, j, surface, mtype, gold))
        d["spans"] = spans
        docs.append(d)
    return docs


_PREP = None


def prepared(d: dict) -> Document:
    """A Document with sentences and tokens, text unchanged (offsets of the labels hold)."""
    global _PREP
    if _PREP is None:
        _PREP = Pipeline(["language", "segment"])
    doc = Document(text=d["text"], raw_text=d["text"], published=d.get("published"), language=d.get("lang"), id=d["id"])
    return _PREP(doc)


def score(records: list[tuple[str, str, str | None, str]]) -> dict[str, float]:
    """records: (doc, gold, predicted, surface) -> accuracy, merge share, false merges."""
    nil_pred: dict[str, Counter] = defaultdict(Counter)
    for _, gold, pred, _ in records:
        if gold.startswith("NIL:") and pred and not is_kb(pred):
            nil_pred[gold][pred] += 1
    nil_main = {g: c.most_common(1)[0][0] for g, c in nil_pred.items()}
    right = 0
    for _, gold, pred, _ in records:
        if gold.startswith("NIL:"):
            right += pred is not None and not is_kb(pred) and pred == nil_main.get(gold)
        else:
            right += pred == gold
    by_gold: dict[str, list[tuple[str | None, str]]] = defaultdict(list)
    for _, gold, pred, surface in records:
        by_gold[gold].append((pred, surface))
    multi = [g for g, v in by_gold.items() if len({s for _, s in v}) >= 2]
    merged = [g for g in multi if len({p for p, _ in by_gold[g]}) == 1 and by_gold[g][0][0] is not None]
    owners: dict[str, set[str]] = defaultdict(set)
    for _, gold, pred, _ in records:
        if pred:
            owners[pred].add(gold)
    false_merges = sum(len(v) * (len(v) - 1) // 2 for v in owners.values())
    return {
        "mentions": len(records),
        "accuracy": right / max(1, len(records)),
        "multi_spelling_entities": len(multi),
        "merged_share": len(merged) / max(1, len(multi)),
        "false_merges": false_merges,
    }


def run_news_gold(docs: list[dict], linker: Linker) -> list[tuple[str, str, str | None, str]]:
    records = []
    for d in docs:
        doc = prepared(d)
        names = [Mention(s, e, t, ty) for s, e, t, ty, _ in d["spans"] if ty != "PER-ROLE"]
        mentions, _ = linker.link(doc, names)
        for s, e, surface, ty, gold in d["spans"]:
            if ty == "PER-ROLE":
                pred = next((m.entity for m in mentions if "role" in m.flags and m.start < e and s < m.end), None)
            else:
                pred = next((m.entity for m in mentions if m.start == s and m.end == e), None)
            records.append((d["id"], gold, pred, surface))
    return records


def run_news_e2e(docs: list[dict], stage) -> list[tuple[str, str, str | None, str]]:  # noqa: ANN001
    records = []
    for d in docs:
        doc = stage(prepared(d))
        for s, e, surface, ty, gold in d["spans"]:
            if ty == "PER-ROLE":
                pred = next((m.entity for m in doc.mentions if m.start < e and s < m.end and "role" in m.flags), None)
            else:
                pred = next((m.entity for m in doc.mentions if m.start == s and m.end == e), None)
            records.append((d["id"], gold, pred, surface))
    return records


# ---------------------------------------------------------------------------------------------
# HIPE sonar-de
# ---------------------------------------------------------------------------------------------
def load_hipe(path: Path) -> list[dict]:
    """Documents as text + gold mentions (start, end, surface, coarse type, QID or NIL)."""
    docs: list[dict] = []
    cur: dict | None = None
    pieces: list[str] = []
    open_m: list | None = None

    def flush_m() -> None:
        nonlocal open_m
        if open_m is not None and cur is not None:
            cur["spans"].append(tuple(open_m))
            open_m = None

    def flush_doc() -> None:
        nonlocal cur, pieces
        flush_m()
        if cur is not None and cur["spans"] is not None:
            cur["text"] = "".join(pieces)
            docs.append(cur)
        cur, pieces = None, []

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# hipe2022:document_id"):
            flush_doc()
            cur = {"id": line.split("=", 1)[1].strip(), "spans": [], "sent_ends": [], "date": None}
            continue
        if line.startswith("# hipe2022:date") and cur is not None:
            cur["date"] = line.split("=", 1)[1].strip()
            continue
        if not line.strip() or line.startswith("#") or line.startswith("TOKEN"):
            continue
        if cur is None:
            continue
        cols = line.split("\t")
        tok, tag, qid, misc = cols[0], cols[1], cols[7], cols[9] if len(cols) > 9 else ""
        start = sum(len(p) for p in pieces)
        pieces.append(tok)
        end = start + len(tok)
        if tag.startswith("B-"):
            flush_m()
            open_m = [start, end, tok, tag[2:], qid]
        elif tag.startswith("I-") and open_m is not None:
            open_m[1] = end
        else:
            flush_m()
        if "NoSpaceAfter" not in misc:
            pieces.append(" ")
        if "EndOfSentence" in misc:
            cur["sent_ends"].append(end)
    flush_doc()
    for d in docs:
        for i, sp in enumerate(d["spans"]):
            s, e = sp[0], sp[1]
            d["spans"][i] = (s, e, d["text"][s:e], sp[3], sp[4])
    return docs


def hipe_document(d: dict) -> Document:
    from lagebild.stages.segment import tokenize

    doc = Document(text=d["text"], id=d["id"], published=d["date"], language="de")
    start = 0
    for end in d["sent_ends"]:
        doc.sentences.append(Sentence(start, end))
        start = end + 1
    if start < len(d["text"]):
        doc.sentences.append(Sentence(start, len(d["text"])))
    doc.tokens = tokenize(d["text"])
    return doc


def run_hipe(path: Path, linker: Linker) -> tuple[dict[str, float], int]:
    docs = load_hipe(path)
    kb = linker.kb
    kb_qids = {e.wikidata for e in kb.entities.values() if e.wikidata}
    records = []
    covered = linked_gold = words = 0
    for d in docs:
        doc = hipe_document(d)
        words += doc.word_count
        gold_m = [Mention(s, e, t, ty if ty in ("PER", "LOC", "ORG") else "MISC") for s, e, t, ty, _ in d["spans"]]
        mentions, entities = linker.link(doc, gold_m)
        qid_of = {e.id: e.wikidata for e in entities}
        by_span = {(m.start, m.end): m.entity for m in mentions}
        for s, e, surface, _, gold in d["spans"]:
            pred_id = by_span.get((s, e))
            pred_q = qid_of.get(pred_id) if pred_id else None
            records.append((gold, pred_q, pred_id, surface))
            if gold != "NIL":
                linked_gold += 1
                covered += gold in kb_qids
    n = len(records)
    acc_all = sum((p or "NIL") == g for g, p, _, _ in records) / max(1, n)
    non_nil = [(g, p) for g, p, _, _ in records if g != "NIL"]
    acc_linked = sum(p == g for g, p in non_nil) / max(1, len(non_nil))
    predicted = [(g, p) for g, p, _, _ in records if p]
    precision = sum(p == g for g, p in predicted) / max(1, len(predicted))
    by_gold: dict[str, list[tuple[str | None, str]]] = defaultdict(list)
    for g, _, pid, surface in records:
        if g != "NIL":
            by_gold[g].append((pid, surface))
    multi = [g for g, v in by_gold.items() if len({s for _, s in v}) >= 2]
    merged = [g for g in multi if len({p for p, _ in by_gold[g]}) == 1]
    return {
        "documents": len(docs),
        "mentions": n,
        "accuracy_all (NIL counts as right when no QID is given)": acc_all,
        "accuracy_on_linked_gold": acc_linked,
        "precision_of_given_qids": precision,
        "qids_given": len(predicted),
        "gold_qid_mentions_covered_by_kb": covered / max(1, linked_gold),
        "multi_spelling_entities": len(multi),
        "merged_share": len(merged) / max(1, len(multi)),
    }, words


# ---------------------------------------------------------------------------------------------
def speed(docs: list[Document], fn, repeat: int) -> float:  # noqa: ANN001
    words = sum(d.word_count for d in docs) * repeat
    t0 = time.process_time()
    for _ in range(repeat):
        for d in docs:
            fn(d)
    return words / max(1e-9, time.process_time() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-hipe", action="store_true")
    ap.add_argument("--repeat", type=int, default=20, help="passes over the news set for the speed test")
    args = ap.parse_args()

    kb = default_kb()
    linker = Linker(kb)
    print(f"knowledge base: {len(kb)} entities ({sum(1 for e in kb.entities.values() if e.wikidata)} with a QID)")
    news = load_news()
    test = load_news(NEWS_TEST)
    from lagebild.stages import entities as ent_mod
    from lagebild.stages.entities import make_entities

    stage = make_entities()
    for name, docs in (("dev", news), ("test", test)):
        for lang in ("de", "en", "all"):
            sub = [d for d in docs if lang == "all" or d["lang"] == lang]
            r = score(run_news_gold(sub, linker))
            print(f"news-{name}/{lang} gold mentions: {r['mentions']} mentions, link accuracy {r['accuracy']:.3f}, "
                  f"entities with 2+ spellings merged {r['merged_share']:.3f} of {r['multi_spelling_entities']}, "
                  f"false merges {r['false_merges']}")
        r = score(run_news_e2e(docs, stage))
        recog = "gazetteer fallback (NER model not installed)" if ent_mod._disabled or ent_mod._ner() is None else "NER model"
        print(f"news-{name}/all end to end ({recog}): link accuracy {r['accuracy']:.3f} over {r['mentions']} gold mentions, "
              f"merged {r['merged_share']:.3f} of {r['multi_spelling_entities']}, false merges {r['false_merges']}")

    if not args.no_hipe:
        base = next((p for p in HIPE_DIRS if (p / HIPE_TEST).exists()), None)
        if base is None:
            print("HIPE sonar-de: skipped (data not found; set LAGEBILD_DATA to the folder holding hipe2022_hipe2020_sonar)")
        else:
            for split, rel in (("dev", HIPE_DEV), ("test (report only)", HIPE_TEST)):
                res, _ = run_hipe(base / rel, linker)
                print(f"HIPE sonar-de {split}, gold mentions: " + ", ".join(
                    f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in res.items()))

    docs = [prepared(d) for d in news]
    linked_only = speed(docs, lambda d: linker.link(d, [Mention(s, e, t, ty) for s, e, t, ty, _ in
                                                         next(x for x in news if x["id"] == d.id)["spans"] if ty != "PER-ROLE"]),
                        args.repeat)
    whole = speed(docs, stage, args.repeat)
    print(f"speed (one core, CPU time): linker alone {linked_only:,.0f} words/s; whole entities stage ({recog}) {whole:,.0f} words/s")


if __name__ == "__main__":
    main()
