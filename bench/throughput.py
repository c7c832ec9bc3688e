"""Throughput of ingest on one core: read + clean + language + segment + store (``--full``: every stage).

Generates a synthetic corpus of text files (bench/synthetic.py), ingests it in one process into a fresh
SQLite store, and prints articles/s, words/s and peak memory. Run:

    python bench/throughput.py --n 10000            # foundation stages (issue 2 target: >= 200 articles/s)
    python bench/throughput.py --n 1000 --full      # the whole default pipeline
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import corpus  # noqa: E402

FOUNDATION = ("clean", "published", "language", "segment")


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores visible, Python {platform.python_version()}, 1 process"


def _no_sentence_reuse_across_articles(pipeline) -> None:  # type: ignore[no-untyped-def]
    """Empty the sentence-vector cache at the start of every article.

    The synthetic articles repeat template sentences far more than real news does; without this,
    the opinion stage would find most of their vectors already computed. Reuse within one article
    (opinion -> story clustering) still counts, as it does on real input."""
    from lagebild.encoders import clear_caches

    name, first = pipeline.stages[0]

    def cleared(doc):  # type: ignore[no-untyped-def]
        clear_caches()
        return first(doc)

    pipeline.stages[0] = (name, cleared)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10000, help="number of articles (default 10000)")
    ap.add_argument("--words", type=int, default=300, help="approximate words per article")
    ap.add_argument("--full", action="store_true", help="run every default stage, not just the foundation")
    args = ap.parse_args()

    import lagebild.batch as batch
    from lagebild.storage import Store

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus"
        src.mkdir()
        words = 0
        for i, (title, body, published) in enumerate(corpus(args.n, words=args.words)):
            (src / f"{i:06d}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
            words += len(body.split())
        stages = None if args.full else FOUNDATION
        pipeline = batch._pipeline(stages)
        # Load the models once before timing (steady-state throughput); the load time is printed.
        from lagebild.api import analyze

        # Each language loads models of its own (spaCy's English NER only on English text): the
        # warm-up goes on until it has seen two articles in each of the corpus's two languages.
        t_load = time.perf_counter()
        warmed: dict[str | None, int] = {}
        for title, body, published in corpus(40, seed=99, words=args.words):
            lang = analyze(body, published=published, pipeline=pipeline).language
            warmed[lang] = warmed.get(lang, 0) + 1
            if len(warmed) >= 2 and min(warmed.values()) >= 2:
                break
        load_s = time.perf_counter() - t_load
        for name in pipeline.timings:
            pipeline.timings[name] = 0.0
        _no_sentence_reuse_across_articles(pipeline)
        store = Store(Path(tmp) / "bench.db")
        t0, c0 = time.perf_counter(), time.process_time()
        # Story assignment is corpus-level work: part of the full run, not of the foundation stages.
        report = store.add_paths([str(src)], published="2025-08-06", stages=stages, stories=args.full)
        elapsed = time.perf_counter() - t0
        cpu = time.process_time() - c0
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"machine: {machine()}")
        print(f"stages: read+{'+'.join(pipeline.names)}+store" + ("+stories" if args.full else ""))
        print(f"articles: {len(report.added)} added, {len(report.rejected)} rejected, {words} words")
        print(f"time: {elapsed:.1f} s")
        print(f"throughput per core: {len(report.added) / elapsed:.0f} articles/s, {words / elapsed:.0f} words/s")
        # CPU time of this process: the same figure when other jobs share the machine (wall time
        # then overstates the cost); on an idle machine the two agree.
        print(f"per CPU-second: {len(report.added) / cpu:.1f} articles, {words / cpu:.0f} words "
              f"({cpu:.1f} s CPU for {elapsed:.1f} s wall)")
        print(f"peak memory: {peak_mb:.0f} MB; loading models and warming up took {load_s:.1f} s (not timed)")
        total = sum(pipeline.timings.values()) or 1.0
        for name, secs in pipeline.timings.items():
            print(f"  {name:<10} {secs:7.2f} s  {100 * secs / elapsed:5.1f}%  {words / secs if secs else 0:,.0f} words/s")
        print(f"  other (read, store) {elapsed - total:7.2f} s")


if __name__ == "__main__":
    main()
