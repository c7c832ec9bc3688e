"""The HTTP API and the pages, through FastAPI's test client (no server, no network).

Articles are added through POST /api/documents, i.e. through the normal pipeline, once per module.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx versions is not ours to fix
    from fastapi.testclient import TestClient

from lagebild.model import EVENT_STATUSES  # noqa: E402
from lagebild.web import create_app  # noqa: E402
from lagebild.web.annotate import annotated_html  # noqa: E402
from lagebild.web.security import CSP, is_loopback  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "web"

ARTICLES = [
    ("warschau_de.txt", "Wadephul und Sikorski vereinbaren engere Zusammenarbeit bei der Flugabwehr", "Ostsee-Kurier"),
    ("warschau_en.txt", "Germany and Poland agree to deepen air defence cooperation", "Northern Herald"),
    ("hostile.txt", 'Stadtrat berät über neue Radwege <script>alert("pwned")</script>', "Rheinblatt"),
]


def post_articles(client: TestClient) -> dict[str, str]:
    ids = {}
    for name, title, source in ARTICLES:
        body = (FIXTURES / name).read_text(encoding="utf-8")
        r = client.post("/api/documents", json={"text": body, "title": title, "source": source})
        assert r.status_code == 201, r.text
        ids[name] = r.json()["id"]
    return ids


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, dict[str, str], str]]:
    db = str(tmp_path_factory.mktemp("web") / "web.db")
    with TestClient(create_app(db)) as client:
        ids = post_articles(client)
        yield client, ids, db


# ------------------------------------------------------------------ documents


def test_posted_article_is_analysed_and_served_in_export_shapes(web) -> None:
    client, ids, _ = web
    r = client.get(f"/api/documents/{ids['warschau_de.txt']}")
    assert r.status_code == 200
    data = r.json()
    doc = data["document"]
    for key in ("id", "source", "url", "path", "title", "language", "published", "published_basis", "text",
                "removed_lines", "story"):
        assert key in doc
    assert doc["language"] == "de"
    assert doc["published"].startswith("2025-10-14")  # from the dateline
    assert doc["source"] == "Ostsee-Kurier"
    assert data["sentences"] and all({"doc", "start", "end", "opinion", "opinion_score"} <= s.keys()
                                      for s in data["sentences"])
    for m in data["mentions"]:  # offsets point into the text
        assert doc["text"][m["start"]:m["end"]] == m["text"]
    assert any(q["kind"] == "direct" for q in data["quotes"])


def test_same_article_posted_twice_is_stored_once(web) -> None:
    client, ids, _ = web
    body = (FIXTURES / "warschau_en.txt").read_text(encoding="utf-8")
    r = client.post("/api/documents", json={"text": body, "title": "again"})
    assert r.status_code == 201
    assert r.json() | {} and r.json()["added"] is False and r.json()["id"] == ids["warschau_en.txt"]
    assert client.get("/api/documents").json()["total"] == len(ARTICLES)


def test_post_needs_exactly_one_of_text_or_html(web) -> None:
    client, _, _ = web
    assert client.post("/api/documents", json={}).status_code == 422
    assert client.post("/api/documents", json={"text": "a", "html": "<p>b</p>"}).status_code == 422
    short = client.post("/api/documents", json={"text": "Zu kurz."})
    assert short.status_code == 422 and "too short" in short.json()["detail"]


def test_post_html_keeps_the_article_and_drops_script(tmp_path: Path) -> None:
    body = (FIXTURES / "warschau_en.txt").read_text(encoding="utf-8").split("\n\n")
    html = ("<html><head><title>Air defence</title><script>var stolen = document.cookie;</script></head><body>"
            "<nav>Home | World | Sport</nav><article>" + "".join(f"<p>{p}</p>" for p in body[1:])
            + "</article></body></html>")
    with TestClient(create_app(str(tmp_path / "h.db"))) as client:
        r = client.post("/api/documents", json={"html": html, "source": "Northern Herald"})
        assert r.status_code == 201, r.text
        text = client.get(f"/api/documents/{r.json()['id']}").json()["document"]["text"]
    assert "Wadephul" in text
    assert "document.cookie" not in text


def test_documents_are_paginated(web) -> None:
    client, ids, _ = web
    first = client.get("/api/documents", params={"limit": 2}).json()
    rest = client.get("/api/documents", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == len(ids) and len(first["items"]) == 2 and len(rest["items"]) == len(ids) - 2
    seen = {d["id"] for d in first["items"]} | {d["id"] for d in rest["items"]}
    assert seen == set(ids.values())
    assert client.get("/api/documents", params={"limit": 100000}).status_code == 422
    de = client.get("/api/documents", params={"language": "de"}).json()
    assert de["total"] == 2 and all(d["language"] == "de" for d in de["items"])


def test_unknown_document_is_404_json(web) -> None:
    client, _, _ = web
    r = client.get("/api/documents/doesnotexist")
    assert r.status_code == 404 and "detail" in r.json()


def test_search(web) -> None:
    client, ids, _ = web
    r = client.get("/api/search", params={"q": "Radwege"}).json()
    assert [d["id"] for d in r["items"]] == [ids["hostile.txt"]]
    assert client.get("/api/search", params={"q": 'Sikorski "'}).status_code == 200  # FTS syntax is no 500


# ------------------------------------------------------------------ stories, timeline, comparison


def test_reports_of_one_meeting_form_one_story(web) -> None:
    client, ids, _ = web
    stories = client.get("/api/stories").json()
    assert stories["total"] >= 1
    de = client.get(f"/api/documents/{ids['warschau_de.txt']}").json()["document"]["story"]
    en = client.get(f"/api/documents/{ids['warschau_en.txt']}").json()["document"]["story"]
    if de is None:
        pytest.skip("story assignment is not active")
    assert de == en
    story = client.get(f"/api/stories/{de}").json()
    assert set(story["documents"]) == {ids["warschau_de.txt"], ids["warschau_en.txt"]}
    assert story["languages"] == ["de", "en"]
    assert sorted(a["joined"]["how"] for a in story["articles"]) == ["joined", "opened"]  # why each is in it
    listed = {s["id"]: s for s in stories["items"]}
    assert listed[de]["size"] == 2 and set(listed[de]["sources"]) == {"Ostsee-Kurier", "Northern Herald"}
    assert client.get("/api/stories/S000000000000").status_code == 404


def test_story_comparison_has_known_categories_and_evidence(web) -> None:
    client, ids, _ = web
    story = client.get(f"/api/documents/{ids['warschau_de.txt']}").json()["document"]["story"]
    if story is None:
        pytest.skip("story assignment is not active")
    cmp = client.get(f"/api/stories/{story}/comparison").json()
    assert cmp["rows"]
    for row in cmp["rows"]:
        assert row["category"] in ("corroborated", "single-source", "contradicted", "opinion")
        for ev in row["evidence"]:
            doc = client.get(f"/api/documents/{ev['doc']}").json()["document"]
            assert doc["text"][ev["start"]:ev["end"]].strip()
    # every sentence the opinion stage marked shows up as an opinion row of its outlet
    doc = client.get(f"/api/documents/{ids['warschau_de.txt']}").json()
    marked = [doc["document"]["text"][s["start"]:s["end"]] for s in doc["sentences"] if s["opinion"]]
    shown = [r["evidence"][0]["text"] for r in cmp["rows"] if r["category"] == "opinion"]
    assert all(any(m.strip() in s or s in m for s in shown) for m in marked)


def test_timeline_events_follow_the_contract_and_filters(web) -> None:
    client, _, _ = web
    all_events = client.get("/api/timeline").json()["events"]
    assert all_events, "the fixture articles report a meeting"
    for ev in all_events:
        assert {"id", "type", "actors", "location", "date", "status", "documents", "sources", "mentions"} <= ev.keys()
        assert ev["status"] in EVENT_STATUSES
    status = all_events[0]["status"]
    filtered = client.get("/api/timeline", params={"status": status}).json()
    assert filtered["events"] and all(e["status"] == status for e in filtered["events"])
    assert filtered["filters"] == {"status": status}
    dated = client.get("/api/timeline", params={"since": "2025-10-01", "until": "2025-12-31"}).json()["events"]
    assert all("2025-10-01" <= e["date"][:10] <= "2025-12-31~" for e in dated)
    assert client.get("/api/timeline", params={"status": "rumoured"}).status_code == 422
    # words: every event found names them in its type, its actors' names or its evidence
    found = client.get("/api/timeline", params={"q": "Wadephul"}).json()["events"]
    assert found and len(found) < len(all_events)
    assert client.get("/api/timeline", params={"q": "Radwege Wadephul"}).json()["events"] == []


def test_entities_and_entity_detail(web) -> None:
    client, ids, _ = web
    ents = client.get("/api/entities", params={"type": "PER"}).json()
    assert ents["items"] and all(e["type"] == "PER" for e in ents["items"])
    counts = [e["mentions"] for e in ents["items"]]
    assert counts == sorted(counts, reverse=True)
    doc = client.get(f"/api/documents/{ids['warschau_de.txt']}").json()
    linked = [m["entity"] for m in doc["mentions"] if m["entity"]]
    assert linked, "the fixture names people the linker knows"
    detail = client.get(f"/api/entities/{linked[0]}").json()
    assert detail["aliases"] and ids["warschau_de.txt"] in {a["id"] for a in detail["articles"]}
    assert client.get("/api/entities/Q0nonexistent").status_code == 404


def test_quotes_by_document(web) -> None:
    client, ids, _ = web
    qs = client.get("/api/quotes", params={"doc": ids["warschau_de.txt"]}).json()
    assert qs["total"] >= 1
    assert any("Sicherheit Polens" in q["text"] and q["kind"] == "direct" for q in qs["items"])
    assert all(q["doc"] == ids["warschau_de.txt"] for q in qs["items"])


def test_export_follows_the_contract(web) -> None:
    client, ids, _ = web
    data = client.get("/api/export").json()
    assert data["format"] == "lagebild/1"
    for section in ("documents", "sentences", "entities", "mentions", "timexes", "quotes", "events", "stories",
                    "contradictions"):
        assert isinstance(data[section], list)
    assert {d["id"] for d in data["documents"]} == set(ids.values())


# ------------------------------------------------------------------ pages


@pytest.mark.parametrize("path", ["/", "/documents", "/entities", "/quotes", "/timeline", "/search?q=Warschau",
                                  "/docs"])
def test_pages_render(web, path: str) -> None:
    client, _, _ = web
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<h1" in r.text


def test_article_page_links_entities_and_shows_values(web) -> None:
    client, ids, _ = web
    html = client.get(f"/documents/{ids['warschau_de.txt']}").text
    assert 'href="/entities/' in html
    assert 'class="ann-timex"' in html and 'data-value="2025-' in html
    doc = client.get(f"/api/documents/{ids['warschau_de.txt']}").json()
    body = html.split('id="article-body">', 1)[1].split("</div>", 1)[0]
    assert ('class="ann-opinion"' in body) == any(s["opinion"] for s in doc["sentences"])


def test_evidence_link_marks_the_span_in_the_article(web) -> None:
    client, ids, _ = web
    doc = client.get(f"/api/documents/{ids['warschau_de.txt']}").json()
    s = doc["sentences"][2]
    html = client.get(f"/documents/{ids['warschau_de.txt']}", params={"hl": f"{s['start']}-{s['end']}"}).text
    assert html.count('id="hl"') == 1
    for bad in ("5-3", "0-99999999", "x-1", "<b>"):
        r = client.get(f"/documents/{ids['warschau_de.txt']}", params={"hl": bad})
        assert r.status_code == 200 and 'id="hl"' not in r.text


def test_story_page_shows_timeline_comparison_and_articles(web) -> None:
    client, ids, _ = web
    story = client.get(f"/api/documents/{ids['warschau_de.txt']}").json()["document"]["story"]
    if story is None:
        pytest.skip("story assignment is not active")
    html = client.get(f"/stories/{story}").text
    assert "<svg" in html and 'class="mark status-' in html
    assert 'id="comparison"' in html and f'/documents/{ids["warschau_en.txt"]}' in html
    # the comparison comes as a fragment (no page around it) or as its own page
    frag = client.get(f"/stories/{story}/comparison", params={"fragment": 1}).text
    assert "<html" not in frag and "cmp-" in frag
    assert "<h1" in client.get(f"/stories/{story}/comparison").text
    # once computed, the story page shows it at once
    assert 'class="grid cmp-table"' in client.get(f"/stories/{story}").text
    assert "opened the story" in client.get(f"/stories/{story}").text  # why each article is in it


def test_unknown_page_is_a_404_page(web) -> None:
    client, _, _ = web
    r = client.get("/entities/Q0nonexistent")
    assert r.status_code == 404 and "Not found" in r.text


def test_api_reference_is_offline(web) -> None:
    client, _, _ = web
    html = client.get("/docs").text
    assert "/api/timeline" in html and "POST" in html
    assert "cdn" not in html.lower() and 'src="http' not in html
    assert client.get("/openapi.json").json()["paths"]["/api/documents"]


# ------------------------------------------------------------------ security


def test_hostile_article_renders_as_text(web) -> None:
    client, ids, _ = web
    for path in (f"/documents/{ids['hostile.txt']}", "/", "/documents", "/search?q=Radwege"):
        html = client.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript:' not in html, path
    html = client.get(f"/documents/{ids['hostile.txt']}").text
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in html or "&lt;script&gt;alert" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_every_response_has_a_strict_csp(web) -> None:
    client, ids, _ = web
    for path in ("/", f"/documents/{ids['hostile.txt']}", "/api/stories", "/static/app.css", "/nope"):
        r = client.get(path)
        assert r.headers["content-security-policy"] == CSP, path
        assert r.headers["x-content-type-options"] == "nosniff"
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP


def test_pages_have_no_inline_script(web) -> None:
    client, ids, _ = web

    class Scripts(HTMLParser):
        inline = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            a = dict(attrs)
            if tag == "script" and not a.get("src"):
                self.inline += 1
            if any(k.startswith("on") for k in a):
                self.inline += 1

    for path in ("/", f"/documents/{ids['hostile.txt']}", f"/documents/{ids['warschau_de.txt']}", "/timeline"):
        p = Scripts()
        p.feed(client.get(path).text)
        assert p.inline == 0, path


def test_token_is_required_on_every_request(web) -> None:
    _, _, db = web
    with TestClient(create_app(db, token="s3cret-token")) as client:
        for path in ("/", "/api/stories", "/static/app.css", "/docs"):
            assert client.get(path).status_code == 401, path
        assert client.get("/api/stories", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert client.get("/api/stories", headers={"Authorization": "Bearer s3cret-token"}).status_code == 200
        # ?token= lets a browser in and leaves an HttpOnly cookie for the following requests
        r = client.get("/", params={"token": "s3cret-token"})
        assert r.status_code == 200 and "HttpOnly" in r.headers["set-cookie"]
        assert client.get("/entities").status_code == 200


def test_request_bodies_are_limited(web) -> None:
    _, _, db = web
    with TestClient(create_app(db, max_body=10_000)) as client:
        big = {"text": "Wort " * 5000}
        assert client.post("/api/documents", json=big).status_code == 413

        def chunks() -> Iterator[bytes]:  # no Content-Length: the limit holds for a streamed body too
            yield b'{"text": "'
            for _ in range(50):
                yield b"x" * 1000
            yield b'"}'

        r = client.post("/api/documents", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413


def test_cross_site_writes_and_foreign_host_names_are_refused(web) -> None:
    client, _, db = web
    body = {"text": (FIXTURES / "warschau_en.txt").read_text(encoding="utf-8")}
    r = client.post("/api/documents", json=body, headers={"Origin": "https://evil.example"})
    assert r.status_code == 403
    assert client.post("/api/documents", json=body, headers={"Origin": "http://testserver"}).status_code == 201
    with TestClient(create_app(db, allowed_hosts=["127.0.0.1", "localhost"]), base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/stories").status_code == 200
        assert c.get("/api/stories", headers={"Host": "rebind.evil.example"}).status_code == 400


def test_serve_refuses_a_public_address_without_a_token(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from lagebild.cli import main

    monkeypatch.delenv("LAGEBILD_TOKEN", raising=False)
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.db"), "--host", "0.0.0.0"])
    assert r.exit_code == 1 and "token" in r.output
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")


# ------------------------------------------------------------------ annotation rendering


def test_overlapping_annotations_give_well_nested_escaped_html() -> None:
    from lagebild.model import Document, Mention, Quote, Sentence, Timex

    text = 'Er sagte: „<b>Merz</b> kommt am Freitag.“ Das ist gut.'
    q0 = text.index("„")
    doc = Document(text=text, id="x",
                   sentences=[Sentence(0, text.index(" Das")), Sentence(text.index("Das"), len(text), opinion=True)],
                   quotes=[Quote(q0, len(text), text[q0:], "direct")],  # crosses the sentence boundary
                   mentions=[Mention(text.index("Merz"), text.index("Merz") + 4, "Merz", "PER", "Q1")],
                   timexes=[Timex(text.index("am Freitag"), text.index("am Freitag") + 10, "am Freitag", "DATE",
                                  "2025-10-17")])
    html = str(annotated_html(doc, {"Q1": "Friedrich Merz"}))

    class Nesting(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.stack: list[str] = []
            self.ok = True
            self.text = ""

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.stack.append(tag)
            self.ok &= tag in ("p", "span", "a")

        def handle_endtag(self, tag: str) -> None:
            self.ok &= bool(self.stack) and self.stack.pop() == tag

        def handle_data(self, data: str) -> None:
            self.text += data

    p = Nesting()
    p.feed(html)
    assert p.ok and not p.stack
    assert p.text == text  # every character once, markup from the text shown as text
    assert "&lt;b&gt;" in html and 'href="/entities/Q1"' in html and 'data-value="2025-10-17"' in html


def test_articles_are_moved_and_stories_merged_by_hand(tmp_path: Path) -> None:
    with TestClient(create_app(str(tmp_path / "edits.db"))) as client:
        ids = post_articles(client)
        de, en = ids["warschau_de.txt"], ids["warschau_en.txt"]
        story = client.get(f"/api/documents/{de}").json()["document"]["story"]
        assert client.get(f"/api/documents/{en}").json()["document"]["story"] == story
        r = client.post(f"/api/documents/{en}/story", json={"to": "new", "note": "checked by the desk"})
        assert r.status_code == 200, r.text
        own = r.json()["to_story"]
        assert own != story and client.get(f"/api/stories/{story}").json()["size"] == 1
        edits = client.get("/api/edits").json()["items"]
        assert {e["kind"] for e in edits} == {"alone", "apart"} and edits[0]["note"] == "checked by the desk"
        assert client.post(f"/api/documents/{en}/story", json={"to": own}).status_code == 422  # already there
        assert client.post(f"/api/documents/{en}/story", json={"to": "S-no-such-thing"}).status_code == 404
        r = client.post(f"/api/stories/{story}/merge", json={"stories": [own]})
        assert r.status_code == 200, r.text
        assert client.get(f"/api/stories/{story}").json()["size"] == 2
        assert "placed by hand" in client.get(f"/stories/{story}").text


def test_story_page_forms_move_an_article_and_merge_a_story(tmp_path: Path) -> None:
    with TestClient(create_app(str(tmp_path / "forms.db"))) as client:
        ids = post_articles(client)
        de, en = ids["warschau_de.txt"], ids["warschau_en.txt"]
        story = client.get(f"/api/documents/{de}").json()["document"]["story"]
        page = client.get(f"/stories/{story}").text
        assert f'action="/stories/{story}/move"' in page and f'action="/stories/{story}/merge"' in page
        r = client.post(f"/stories/{story}/move", data={"article": en, "to": "new"}, follow_redirects=False)
        assert r.status_code == 303, r.text
        own = r.headers["location"].rsplit("/", 1)[-1]
        assert own != story and client.get(f"/api/stories/{story}").json()["size"] == 1
        assert "placed by hand" in client.get(r.headers["location"]).text
        r = client.post(f"/stories/{story}/merge", data={"other": own}, follow_redirects=False)
        assert r.status_code == 303 and client.get(f"/api/stories/{story}").json()["size"] == 2
        # mistakes are explained, nothing changes
        r = client.post(f"/stories/{story}/move", data={"article": en, "to": "S-nowhere"})
        assert r.status_code == 404 and "no story or article" in r.text
        assert client.post(f"/stories/{story}/move", data={"article": en}).status_code == 422
        assert client.get(f"/api/stories/{story}").json()["size"] == 2
        # a page on another site cannot move articles through the user's browser
        r = client.post(f"/stories/{story}/move", data={"article": en, "to": "new"},
                        headers={"Origin": "https://evil.example"})
        assert r.status_code == 403
