"""Render times of the web UI and the HTTP API on a large store (default 10,000 articles).

The store is synthetic (bench/synthetic.py): ``--base`` articles go through the whole pipeline, and
copies of them (new ids, dates spread over a year, 40 outlets, stories of ~8 articles) fill it up
to ``--n``, so every table (mentions, quotes, timexes, events, stories) has realistic size. Each
page is requested through the ASGI app in-process (no network); the first request of a page is
reported apart ("cold": caches empty, models loading), then the median of ``--repeat`` requests.

    python bench/web.py                              # builds /tmp/lagebild-web-10k.db once, then measures
    python bench/web.py --n 10000 --db /tmp/x.db --repeat 5
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from bench.synthetic import corpus  # noqa: E402
from bench.throughput import machine  # noqa: E402

OUTLETS = [f"Outlet {c}{i}" for c in "ABCDEFGH" for i in range(5)]
STORY_SIZE = 8
TARGET_MS = 300


def build(db: str, n: int, base: int, seed: int = 11) -> None:
    from lagebild import Store
    from lagebild.api import analyze
    from lagebild.model import Document
    from lagebild.storage import stories as sdb

    t0 = time.time()
    originals = []
    for i, (title, body, published) in enumerate(corpus(base, seed=seed, words=250)):
        originals.append(analyze(body, published=published, title=title))
        if (i + 1) % 50 == 0:
            print(f"  analysed {i + 1}/{base} ({time.time() - t0:.0f} s)", file=sys.stderr)
    rng = random.Random(seed)
    store = Store(db)
    n_stories = max(1, n // STORY_SIZE)
    story_ids = [f"S{k:012x}" for k in range(n_stories)]
    members: dict[str, list[tuple[str, str]]] = {}
    store.db.execute("BEGIN")
    for k in range(n):
        src = originals[k % base]
        doc = Document.from_dict(src.to_dict(exclude=("tokens",)))
        doc.id = f"{k:08x}{src.id[:8]}"
        day = rng.randint(0, 364)
        doc.published = f"2025-{1 + day // 31 % 12:02d}-{1 + day % 28:02d}"
        doc.source = OUTLETS[rng.randrange(len(OUTLETS))]
        doc.title = f"{src.title} [{k}]"
        story = story_ids[rng.randrange(n_stories)]
        doc.story = story
        store._insert(doc)
        members.setdefault(story, []).append((doc.id, doc.published))
    for sid, docs in members.items():
        dates = sorted(p for _, p in docs)
        sdb.save_story(store, sdb.StoryRow(n=0, id=sid, title=f"Story {sid}", title_doc=docs[0][0],
                                           first=dates[0], last=dates[-1], size=len(docs), centroid=None), [])
    store.db.execute("COMMIT")
    store.close()
    print(f"  built {n} articles, {len(members)} stories in {time.time() - t0:.0f} s", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--base", type=int, default=200, help="articles analysed by the full pipeline")
    ap.add_argument("--db", default=None)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    db = args.db or f"/tmp/lagebild-web-{args.n // 1000}k.db"
    if not os.path.exists(db):
        print(f"building {db} …", file=sys.stderr)
        build(db, args.n, args.base)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from lagebild import Store
    from lagebild.web import create_app

    with Store(db, readonly=True) as s:
        count = s.count()
        story = s.db.execute("SELECT id FROM stories ORDER BY size DESC LIMIT 1").fetchone()[0]
        story2 = s.db.execute("SELECT id FROM stories ORDER BY size DESC LIMIT 1 OFFSET 7").fetchone()[0]
        doc = s.db.execute("SELECT id FROM documents ORDER BY n DESC LIMIT 1").fetchone()[0]
        top = s.db.execute("SELECT entity FROM mentions WHERE entity IS NOT NULL GROUP BY entity"
                           " ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        speaker = s.db.execute("SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker"
                               " ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        n_mentions = s.db.execute("SELECT count(*) FROM mentions").fetchone()[0]
        n_events = s.db.execute("SELECT count(*) FROM event_mentions").fetchone()[0]
    pages = [
        ("stories overview", "/"), ("stories, page 20", "/?page=20"),
        ("story page", f"/stories/{story}"), ("story page (other story)", f"/stories/{story2}"),
        ("close calls", "/review"), ("API close calls", "/api/review"),
        ("articles", "/documents"), ("articles, page 200", "/documents?page=200"),
        ("articles, one outlet", "/documents?source=Outlet+C3"),
        ("article", f"/documents/{doc}"), ("entities", "/entities"), ("entities, search", "/entities?q=put"),
        ("entity (most mentioned)", f"/entities/{top}"), ("quotes", "/quotes"),
        ("quotes of one speaker", f"/quotes?speaker={speaker}"),
        ("timeline (all)", "/timeline"), ("timeline, status=denied", "/timeline?status=denied"),
        ("timeline, entity + dates", f"/timeline?entity={top}&since=2025-03-01&until=2025-04-30"),
        ("timeline, words", "/timeline?q=Putin+Treffen"),
        ("search", "/search?q=Gespr%C3%A4ch+Berlin"),
        ("API documents", "/api/documents?limit=50&offset=5000"), ("API stories", "/api/stories"),
        ("API story comparison", f"/api/stories/{story}/comparison"), ("API document", f"/api/documents/{doc}"),
        ("API timeline, status", "/api/timeline?status=planned"), ("API entity", f"/api/entities/{top}"),
        ("API quotes", "/api/quotes?limit=50&offset=1000"), ("API search", "/api/search?q=Moskau"),
    ]
    print(f"store: {count} articles, {n_mentions} mentions, {n_events} event mentions ({db})")
    print(f"machine: {machine()}")
    print(f"{'page':34} {'cold ms':>8} {'median ms':>10} {'max ms':>8}  status")
    over = []
    with TestClient(create_app(db)) as client:
        for label, url in pages:
            t = time.perf_counter()
            r = client.get(url)
            cold = (time.perf_counter() - t) * 1000
            times = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - t) * 1000)
            med = statistics.median(times)
            flag = "" if med < TARGET_MS else f"  > {TARGET_MS} ms"
            if med >= TARGET_MS:
                over.append(label)
            print(f"{label:34} {cold:8.0f} {med:10.0f} {max(times):8.0f}  {r.status_code}{flag}")
    print(f"pages with median over {TARGET_MS} ms: {', '.join(over) if over else 'none'}")


if __name__ == "__main__":
    main()
