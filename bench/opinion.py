"""Benchmark the opinion stage on CLEF 2025 CheckThat! Task 1 (subjectivity), German and English.

Usage:
    python bench/opinion.py [--model fast|e5|all] [--data DIR] [--splits dev_test test] [--json]
    python bench/opinion.py --model fast --news 200    # also: quotes + opinion speed on synthetic news

Data: ``../shared/data/checkthat2025_task1_subjectivity`` beside the repository (or ``--data`` /
``$LAGEBILD_DATA``); the script exits with a message when it is absent. The models were trained
and tuned on ``train``/``dev`` only; this script reports the held-out ``dev_test`` and ``test``
splits, which nothing was tuned on.

Metric: macro-F1 over OBJ/SUBJ (the official CheckThat metric). Two rows per model:
- ``classifier``: the model's score against its per-language threshold;
- ``stage``: the full ``opinion`` stage, run on documents made of the split's sentences, with
  no quotes stage before it, so its fallback (a sentence mostly inside quotation marks is the
  speaker's, not the writer's) applies. This is what a user of the pipeline gets.
Published anchors (CheckThat 2025 test): German best 0.85, organisers' baseline 0.69;
English best 0.81.

Speed: words per CPU-second of the opinion stage alone on one thread (OMP_NUM_THREADS=1, set
below before numpy loads), over documents of 25 sentences, model already loaded. CPU time, not
wall time, so that other work on a shared machine does not distort it; wall time is shown too.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import numpy as np  # noqa: E402

from lagebild.encoders import clear_caches  # noqa: E402
from lagebild.model import Document, Sentence  # noqa: E402
from lagebild.opinion import VARIANTS, load_model  # noqa: E402
from lagebild.opinion.data import LabeledSentence, available, dataset_dir, load_split  # noqa: E402
from lagebild.opinion.train import macro_f1  # noqa: E402
from lagebild.stages.opinion import make_opinion  # noqa: E402

DOC_SENTENCES = 25


def as_documents(rows: list[LabeledSentence], lang: str) -> list[Document]:
    docs = []
    for i in range(0, len(rows), DOC_SENTENCES):
        parts, sents, pos = [], [], 0
        for r in rows[i : i + DOC_SENTENCES]:
            sents.append(Sentence(pos, pos + len(r.text)))
            parts.append(r.text)
            pos += len(r.text) + 1
        docs.append(Document(text=" ".join(parts), language=lang, sentences=sents))
    return docs


def evaluate(variant: str, langs: list[str], splits: list[str], data: str | None) -> dict:
    model = load_model(variant)
    run_stage = make_opinion(model=variant)
    out: dict = {"model": variant, "encoder": model.encoder, "scores": {}, "words": 0, "seconds": 0.0, "cpu_seconds": 0.0}
    run_stage(as_documents(load_split(langs[0], "train", data)[:30], langs[0])[0])  # warm up
    for lang in langs:
        for split in splits:
            rows = load_split(lang, split, data)
            y = np.array([r.subjective for r in rows])
            p = model.scores([r.text for r in rows])
            clf = macro_f1(y, p >= model.threshold(lang))
            docs = as_documents(rows, lang)
            clear_caches()  # the classifier call above left these sentences' vectors in the cache
            t0, c0 = time.perf_counter(), time.process_time()
            for d in docs:
                run_stage(d)
            out["seconds"] += time.perf_counter() - t0
            out["cpu_seconds"] += time.process_time() - c0
            out["words"] += sum(len(r.text.split()) for r in rows)
            pred = np.array([s.opinion for d in docs for s in d.sentences])
            out["scores"][f"{lang}/{split}"] = {
                "n": len(rows),
                "classifier": round(clf, 4),
                "stage": round(macro_f1(y, pred), 4),
            }
    out["words_per_s"] = round(out["words"] / out["seconds"])
    out["words_per_cpu_s"] = round(out["words"] / out["cpu_seconds"])
    return out


def news_speed(variant: str, n: int) -> dict:
    """Words per CPU-second of the quotes stage and of the opinion stage on synthetic news
    (bench/synthetic.py: many quotes, so the opinion stage skips embeddings often)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.synthetic import corpus
    from lagebild.pipeline import Pipeline

    prep = Pipeline(["clean", "language", "segment"])
    quotes = Pipeline(["quotes"])
    run_stage = make_opinion(model=variant)
    docs = [prep(Document(text="", raw_text=body, title=title)) for title, body, _ in corpus(n)]
    words = sum(d.word_count for d in docs)
    warm = next(iter(corpus(3, seed=99)))  # lazy resources (lemma tables, encoder) load untimed
    run_stage(quotes(prep(Document(text="", raw_text=warm[1], title=warm[0]))))
    c0 = time.process_time()
    docs = [quotes(d) for d in docs]
    c1 = time.process_time()
    for d in docs:
        # synthetic articles repeat template sentences: no credit for vectors of earlier articles
        clear_caches()
        run_stage(d)
    c2 = time.process_time()
    return {"words": words, "quotes": words / (c1 - c0), "opinion": words / (c2 - c1), "together": words / (c2 - c0)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default="all", choices=[*VARIANTS, "all"])
    ap.add_argument("--data", default=None, help="data root or the CheckThat folder")
    ap.add_argument("--splits", nargs="+", default=["dev_test", "test"])
    ap.add_argument("--langs", nargs="+", default=["de", "en"])
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--news", type=int, default=0, metavar="N",
                    help="also time quotes + opinion on N synthetic news articles (no data needed)")
    args = ap.parse_args()
    variants = list(VARIANTS) if args.model == "all" else [args.model]
    if args.news:
        for v in variants:
            r = news_speed(v, args.news)
            print(
                f"{v:6} synthetic news, {r['words']:,} words, words per CPU-second: quotes {r['quotes']:,.0f}, "
                f"opinion {r['opinion']:,.0f}, quotes+opinion {r['together']:,.0f}"
            )
    if not available(args.data):
        print(f"CheckThat 2025 subjectivity data not found under {dataset_dir(args.data)}; skipping.")
        return 0
    bad = [s for s in args.splits if s in ("train", "dev")]
    if bad:
        print(f"note: {', '.join(bad)} was used for training/tuning; its scores are not held-out.")
    results = [evaluate(v, args.langs, args.splits, args.data) for v in variants]
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    print(f"opinion on CheckThat 2025 Task 1, macro-F1 (python {platform.python_version()}, 1 thread)")
    print(f"{'model':6} {'lang/split':14} {'n':>5} {'classifier':>11} {'stage':>7}")
    for r in results:
        for key, s in r["scores"].items():
            print(f"{r['model']:6} {key:14} {s['n']:5d} {s['classifier']:11.3f} {s['stage']:7.3f}")
        print(
            f"{r['model']:6} speed: {r['words_per_cpu_s']:,} words per CPU-second on one thread "
            f"({r['words_per_s']:,} words/s wall clock; {r['words']:,} words)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
