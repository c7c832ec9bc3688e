"""The web UI in a real browser: Debian's chromium, headless, driven by Playwright (no browser
download). Skipped when /usr/bin/chromium is absent (scripts/test.sh installs it in CI)."""

from __future__ import annotations

import socket
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} not installed (apt-get install chromium)"),
]

playwright_api = pytest.importorskip("playwright.sync_api")
uvicorn = pytest.importorskip("uvicorn")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from lagebild.web import create_app  # noqa: E402

from .test_web_api import post_articles  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    db = str(tmp_path_factory.mktemp("browser") / "web.db")
    with TestClient(create_app(db)) as client:
        ids = post_articles(client)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}", ids
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, site):  # type: ignore[no-untyped-def]
    """A fresh page that records dialogs (alert() = script ran) and console errors (e.g. CSP)."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.dialogs = []
    pg.errors = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.set_default_timeout(60_000)  # the first story page computes the comparison
    yield pg
    ctx.close()


def test_story_timeline_event_shows_its_evidence(page, site) -> None:  # type: ignore[no-untyped-def]
    base, ids = site
    page.goto(base + "/")
    cards = page.locator(".story-card h2 a")
    assert cards.count() >= 1
    page.locator(".story-card h2 a", has_text="Sikorski").or_(
        page.locator(".story-card h2 a", has_text="Poland")).first.click()
    page.wait_for_selector("svg.timeline")
    assert page.locator(".evidence.shown").count() == 0
    page.locator("svg.timeline .mark").last.click()
    shown = page.locator(".evidence.shown")
    shown.wait_for()
    assert shown.count() == 1
    assert shown.locator("blockquote").first.inner_text().strip()
    assert page.locator("svg.timeline .mark.selected").count() == 1
    # the comparison table (loaded after the page) and the article list are on the same page
    page.wait_for_selector("#comparison table.cmp-table, #comparison .empty")
    assert page.locator("#comparison .loading").count() == 0
    assert page.locator("#articles tbody tr").count() == 2
    # the second report says which article of the story it matched
    assert page.locator("#articles td.small a[href^='/documents/']").count() == 1
    # the evidence names its source and links to the sentence, marked in the article
    cite = shown.locator(".cite a").first
    assert cite.inner_text().split(",")[0] in ("Ostsee-Kurier", "Northern Herald")
    evidence = shown.locator("blockquote").first.inner_text().strip()
    cite.click()
    page.wait_for_url("**/documents/**")
    assert page.locator("mark.hl").first.inner_text().strip()[:20] == evidence[:20]
    assert not page.errors, page.errors


def test_article_entity_link_leads_to_entity_page(page, site) -> None:  # type: ignore[no-untyped-def]
    base, ids = site
    page.goto(f"{base}/documents/{ids['warschau_de.txt']}")
    link = page.locator("#article-body a.ann-ent").first
    name = link.inner_text()
    link.click()
    page.wait_for_url("**/entities/**")
    heading = page.locator("h1").inner_text()
    aliases = page.locator(".alias").all_inner_texts()
    assert any(a.strip(".") == name.strip(".") for a in aliases) or name in heading
    assert page.locator(f"a[href='/documents/{ids['warschau_de.txt']}']").count() >= 1
    assert not page.errors, page.errors


def test_hostile_article_renders_as_text(page, site) -> None:  # type: ignore[no-untyped-def]
    base, ids = site
    page.goto(f"{base}/documents/{ids['hostile.txt']}")
    page.wait_for_selector("#article-body")
    assert '<script>alert("pwned")</script>' in page.locator("h1").inner_text()
    body = page.locator("#article-body")
    assert "<img src=x onerror=alert(1)>" in body.inner_text()
    assert body.locator("img, script").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    page.goto(base + "/")  # the title is shown on the overview too
    page.goto(base + "/search?q=Radwege")
    assert page.dialogs == []


def test_search_finds_the_article(page, site) -> None:  # type: ignore[no-untyped-def]
    base, ids = site
    page.goto(base + "/")
    page.fill(".top-search input", "Flugabwehr")
    page.press(".top-search input", "Enter")
    page.wait_for_url("**/search?q=Flugabwehr")
    hrefs = page.locator(".results h3 a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert f"/documents/{ids['warschau_de.txt']}" in hrefs


def test_story_page_forms_move_an_article_out_and_merge_it_back(page, site) -> None:  # type: ignore[no-untyped-def]
    """The correction forms as a journalist uses them: move the second report of a story into a
    story of its own, see both stories change, then merge it back from the first story's page.
    (It restores the grouping the other tests of this module read.)"""
    base, _ = site
    page.goto(base + "/")
    page.locator(".story-card h2 a", has_text="Sikorski").or_(
        page.locator(".story-card h2 a", has_text="Poland")).first.click()
    page.wait_for_selector("#articles tbody tr")
    story_url = page.url
    rows = page.locator("#articles tbody tr")
    assert rows.count() == 2
    moved = rows.nth(1).locator("td a").first.inner_text()
    rows.nth(1).locator("input[name=to]").fill("new")
    rows.nth(1).locator("form.correct button").click()
    page.wait_for_url(lambda url: url != story_url and "/stories/" in url)
    # redirected to the article's new story: it alone, marked as placed by hand
    assert page.locator("#articles tbody tr").count() == 1
    assert moved in page.locator("#articles tbody tr").first.inner_text()
    assert "placed by hand" in page.locator("#articles tbody tr").first.inner_text()
    new_story = page.url.rstrip("/").rsplit("/", 1)[-1]
    page.goto(story_url)
    assert page.locator("#articles tbody tr").count() == 1
    assert moved not in page.locator("#articles tbody").inner_text()
    # merge the new story back from the old story's page
    page.fill("#articles form[action$='/merge'] input[name=other]", new_story)
    page.locator("#articles form[action$='/merge'] button").click()
    page.wait_for_url(story_url)
    assert page.locator("#articles tbody tr").count() == 2
    assert moved in page.locator("#articles tbody").inner_text()
    assert not page.errors, page.errors
