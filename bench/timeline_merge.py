"""Scaling and order-stability benchmark for ``lagebild.timeline.merge_events`` (synthetic, no data).

    python bench/timeline_merge.py                     # 20,000 mentions, timing + quality + shuffle check
    python bench/timeline_merge.py --mentions 5000 --shuffles 3
    python bench/timeline_merge.py --module /path/to/other/timeline.py   # time another version

Synthetic corpus: ``--events`` real-world events (type, 2-3 actors drawn with a skewed
popularity from ``--actors`` entities, a day in ``--days`` days, a place for some), each reported by several
articles; a report dates the event by its day, its ISO week, its month, a partial value
(``2025-08-XX``), or not at all (implied from publication / ``FUTURE_REF`` for a plan), names
all or some of the actors, and sometimes adds an unnamed follow-up mention ("the meeting lasted
three hours"). Timing numbers are for scaling only; quality numbers (pairwise precision/recall of
"same canonical event" against the generating event) only compare merge versions on the same
synthetic data, they say nothing about real news.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lagebild.model import Document, EventMention, Timex  # noqa: E402

TYPES = ("meeting", "summit", "phone_call", "visit", "sanction", "attack", "agreement", "statement")


def _load(path: str | None) -> ModuleType:
    if not path:
        import lagebild.timeline as mod

        return mod
    spec = importlib.util.spec_from_file_location("lagebild._bench_timeline", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up while the class is built
    spec.loader.exec_module(mod)
    return mod


def corpus(n_mentions: int, n_events: int, seed: int = 7, n_actors: int = 400,
           n_days: int = 365) -> tuple[list[Document], dict[tuple[str, int], int]]:
    """Documents with hand-made event mentions, and the generating event of each (doc id, start)."""
    rng = random.Random(seed)
    entities = [f"e:{i}" for i in range(n_actors)]
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(entities))]
    places = [f"loc:{i}" for i in range(60)]
    year0 = date(2025, 1, 1)
    events = []
    for _ in range(n_events):
        actors = list(dict.fromkeys(rng.choices(entities, weights, k=rng.choice((2, 2, 3)))))
        day = year0 + timedelta(days=rng.randrange(n_days))
        place = rng.choice(places) if rng.random() < 0.5 else None
        events.append((rng.choice(TYPES), actors, day, place))
    gold: dict[tuple[str, int], int] = {}
    docs: list[Document] = []
    made = 0
    while made < n_mentions:
        d = Document(text="", id=f"doc{len(docs):06d}", source=f"outlet{rng.randrange(40)}.example")
        pub = None
        parts: list[str] = []
        for _ in range(rng.choice((1, 2, 3))):
            k = rng.randrange(n_events)
            etype, actors, day, place = events[k]
            plan = rng.random() < 0.2
            pub_day = day - timedelta(days=rng.randint(2, 10)) if plan else day + timedelta(days=rng.randint(0, 3))
            pub = pub or pub_day
            r = rng.random()
            if r < 0.45:
                value, written = day.isoformat(), True
            elif r < 0.6:
                y, w, _ = day.isocalendar()
                value, written = f"{y}-W{w:02d}", True
            elif r < 0.7:
                value, written = day.strftime("%Y-%m"), True
            elif r < 0.75:
                value, written = day.strftime("%Y-%m-XX"), True
            else:
                value, written = ("FUTURE_REF" if plan else pub.isoformat()), False
            named = actors if rng.random() < 0.6 else rng.sample(actors, k=max(1, len(actors) - 1))
            start = sum(len(p) + 1 for p in parts)
            sentence = f"Report {k} about {etype} of {' '.join(named)} on {value}."
            parts.append(sentence)
            m = EventMention(start, start + len(sentence), sentence, etype, trigger=etype,
                             actors=named[:1], targets=named[1:], location=place if rng.random() < 0.7 else None,
                             date=value, status="planned" if plan else "occurred")
            d.events.append(m)
            gold[(d.id, start)] = k
            if written:
                at = sentence.index(value)
                d.timexes.append(Timex(start + at, start + at + len(value), value, "DATE", value))
            made += 1
            if rng.random() < 0.15 and made < n_mentions:  # "Das Treffen dauerte drei Stunden."
                start = sum(len(p) + 1 for p in parts)
                follow = f"The {etype} lasted hours."
                parts.append(follow)
                d.events.append(EventMention(start, start + len(follow), follow, etype, trigger=etype,
                                             date=pub.isoformat(), status="occurred"))
                gold[(d.id, start)] = k
                made += 1
        d.text = " ".join(parts)
        d.published = pub.isoformat() if pub else None
        docs.append(d)
    return docs, gold


def _clone(docs: list[Document]) -> list[Document]:
    out = []
    for d in docs:
        c = Document(text=d.text, id=d.id, source=d.source, published=d.published, timexes=list(d.timexes))
        c.events = [EventMention(m.start, m.end, m.text, m.type, m.trigger, list(m.actors), list(m.targets),
                                 m.location, m.date, m.status) for m in d.events]
        out.append(c)
    return out


def partition(events: list) -> frozenset[frozenset[tuple[str, int]]]:
    return frozenset(frozenset((d, m.start) for d, m in ev.mentions) for ev in events)


def pairwise(events: list, gold: dict[tuple[str, int], int]) -> tuple[float, float]:
    """Precision and recall of 'these two mentions are one event' (counted per cluster, no pair lists)."""
    from collections import Counter

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    pred_pairs = sum(pairs(len(ev.mentions)) for ev in events)
    tp = 0
    for ev in events:
        tp += sum(pairs(c) for c in Counter(gold[(d, m.start)] for d, m in ev.mentions).values())
    gold_pairs = sum(pairs(c) for c in Counter(gold.values()).values())
    return (tp / pred_pairs if pred_pairs else 1.0, tp / gold_pairs if gold_pairs else 1.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mentions", type=int, default=20000)
    ap.add_argument("--events", type=int, default=0, help="real events (default: mentions / 5)")
    ap.add_argument("--shuffles", type=int, default=2, help="shuffled reruns to compare (0: skip)")
    ap.add_argument("--module", help="path of another timeline.py to time instead of the installed one")
    ap.add_argument("--actors", type=int, default=400, help="size of the actor pool (fewer: denser blocks)")
    ap.add_argument("--days", type=int, default=365, help="days the events spread over")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    mod = _load(args.module)
    docs, gold = corpus(args.mentions, args.events or max(1, args.mentions // 5), args.seed, args.actors, args.days)
    n = sum(len(d.events) for d in docs)
    t0 = time.perf_counter()
    events = mod.merge_events(_clone(docs))
    dt = time.perf_counter() - t0
    p, r = pairwise(events, gold)
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"merge_events ({args.module or 'lagebild.timeline'}): {n} mentions in {len(docs)} documents "
          f"-> {len(events)} canonical events in {dt:.2f} s")
    print(f"  same-event pairs vs generating events: P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if args.shuffles:
        base = partition(events)
        same = 0
        rng = random.Random(args.seed + 1)
        for _ in range(args.shuffles):
            order = _clone(docs)
            rng.shuffle(order)
            for d in order:
                rng.shuffle(d.events)
            same += partition(mod.merge_events(order)) == base
        print(f"  shuffled input order: {same}/{args.shuffles} runs gave the same canonical events")


if __name__ == "__main__":
    main()
