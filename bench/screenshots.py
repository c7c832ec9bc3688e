"""Screenshots of the main pages of the web UI, for the README (docs/screenshots/*.png).

Starts the app on a free local port over a store (by default the example corpus, ingested into a
temporary database when --db is not given) and drives Debian's headless chromium with Playwright.

    python bench/screenshots.py                      # examples/corpus → docs/screenshots/
    python bench/screenshots.py --db news.db --out /tmp/shots
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: str, port: int):  # type: ignore[no-untyped-def]
    """uvicorn in a daemon thread; returns the server (set ``should_exit`` to stop it)."""
    import uvicorn

    from lagebild.web import create_app

    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.time() + 20
    while not server.started:
        if time.time() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    return server


def example_db(tmp: str) -> str:
    from lagebild import Store

    db = str(Path(tmp) / "examples.db")
    with Store(db) as s:
        s.add_paths([str(ROOT / "examples" / "corpus")])
    return db


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="store to show (default: the example corpus in a temporary store)")
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--width", type=int, default=1280)
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or example_db(tmp)
        port = free_port()
        server = start_server(db, port)
        base = f"http://127.0.0.1:{port}"
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": args.width, "height": 900}, device_scale_factor=1)
                shots: list[str] = []

                def shot(name: str, full: bool = True) -> None:
                    path = out / f"{name}.png"
                    page.screenshot(path=str(path), full_page=full)
                    shots.append(str(path))

                page.goto(base + "/")
                shot("stories", full=False)
                page.click(".story-card h2 a")
                page.wait_for_selector("svg.timeline", timeout=120_000)
                marks = page.locator("svg.timeline .mark:not(.off-scale)")
                if marks.count():
                    marks.nth(marks.count() // 2).dispatch_event("click")
                    page.wait_for_selector(".evidence.shown")
                shot("story-timeline", full=False)
                page.wait_for_selector("#comparison table, #comparison .empty", timeout=180_000)
                page.locator("#comparison").scroll_into_view_if_needed()
                page.evaluate("document.getElementById('comparison').scrollIntoView()")
                shot("story-comparison", full=False)
                page.goto(base + "/documents")
                page.click("table.grid tbody tr:first-child td:nth-child(3) a")
                page.wait_for_selector("#article-body")
                shot("article", full=False)
                link = page.locator("#article-body a.ann-ent.ann-per").first
                if link.count():
                    link.click()
                    page.wait_for_selector(".aliases")
                    shot("entity", full=False)
                page.goto(base + "/timeline")
                shot("timeline", full=False)
                page.goto(base + "/search?q=Putin")
                shot("search", full=False)
                browser.close()
        finally:
            server.should_exit = True
    for s in shots:
        print(s)


if __name__ == "__main__":
    main()
