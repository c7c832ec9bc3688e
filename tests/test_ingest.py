"""Reading every input kind into articles, and refusing bad input with a message naming the item."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from lagebild.errors import InputError
from lagebild.ingest import fetch, iter_sources, read
from lagebild.model import Document

from .conftest import FIXTURES

ARTICLES = FIXTURES / "articles"

BODY_DE = (
    "Die Außenminister der G7 haben sich am Montag in Rom getroffen. Im Mittelpunkt standen die Lage in "
    "der Ukraine und neue Sanktionen gegen Russland. „Wir stehen geschlossen zusammen“, sagte die "
    "italienische Gastgeberin zum Auftakt der Gespräche."
)


def docs_of(source: str) -> list[Document]:
    return [d for d in read(source) if isinstance(d, Document)]


def errors_of(source: str) -> list[InputError]:
    return [d for d in read(source) if isinstance(d, InputError)]


def test_html_page_gives_body_title_outlet_author_and_date() -> None:
    [doc] = docs_of(str(ARTICLES / "bundestag-abstimmung.html"))
    assert doc.title == "Bundestag beschließt neues Wehrdienstgesetz"
    assert doc.source == "Rheinische Abendpost"
    assert doc.author == "Jana Krüger"
    assert doc.published and doc.published.startswith("2025-11-14")
    assert doc.published_basis == "metadata"
    assert "371 Abgeordnete" in doc.raw_text
    for junk in ("Startseite", "Cookies", "Tracking aktiv", "Impressum", "Bayern siegt"):
        assert junk not in doc.raw_text


def test_hostile_html_keeps_no_script(tmp_path: Path) -> None:
    [doc] = docs_of(str(ARTICLES / "hostile.html"))
    assert "alert" not in doc.raw_text and "pwned" not in doc.raw_text
    assert "Haushalt" in doc.raw_text


def test_cp1252_umlauts_come_out_right() -> None:
    [doc] = docs_of(str(ARTICLES / "cp1252-umlaute.txt"))
    assert doc.title == "Stadtwerke erhöhen Preise"
    assert "Stadtwerke München erhöhen" in doc.raw_text
    assert "für Strom" in doc.raw_text


def test_utf8_declared_wrongly_as_latin1_is_still_read(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    html = f'<html><head><meta charset="iso-8859-1"><title>T</title></head><body><p>{BODY_DE}</p></body></html>'
    p.write_bytes(html.encode("utf-8"))
    [doc] = docs_of(str(p))
    assert "Außenminister" in doc.raw_text


def test_jsonl_reads_good_lines_and_names_the_bad_one(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl"
    good = {"text": BODY_DE, "title": "G7 in Rom", "url": "https://example.org/g7", "published": "2025-03-10",
            "source": "Morgenkurier"}
    p.write_text(json.dumps(good, ensure_ascii=False) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n",
                 encoding="utf-8")
    items = list(read(str(p)))
    docs = [d for d in items if isinstance(d, Document)]
    errs = [d for d in items if isinstance(d, InputError)]
    assert len(docs) == 1 and docs[0].source == "Morgenkurier" and docs[0].published == "2025-03-10"
    assert docs[0].path == f"{p}:1"
    assert [e.item for e in errs] == [f"{p}:2", f"{p}:3"]
    assert "not valid JSON" in errs[0].reason and "no 'text'" in errs[1].reason


def test_rss_with_full_content_and_summary_only_item(tmp_path: Path, canned_fetch: dict) -> None:
    second = "Am Abend wollen die Minister eine gemeinsame Erklärung zur Ukraine und zum Nahen Osten veröffentlichen."
    page = f"<html><head><title>Volle Fassung</title></head><body><article><p>{BODY_DE}</p><p>{second}</p></article></body></html>"
    canned_fetch["https://news.example.org/g7-rom"] = fetch.Response(
        "https://news.example.org/g7-rom", page.encode("utf-8"), "text/html", "utf-8")
    full = "<p>" + " ".join([BODY_DE] * 4) + "</p>"
    rss = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Morgenkurier</title><link>https://news.example.org/</link>
<item><title>Volltext</title><link>https://news.example.org/voll</link>
<pubDate>Mon, 10 Mar 2025 08:00:00 +0100</pubDate><content:encoded><![CDATA[{full}]]></content:encoded></item>
<item><title>Nur Anriss</title><link>https://news.example.org/g7-rom</link>
<pubDate>Mon, 10 Mar 2025 09:30:00 +0100</pubDate><description>Die G7 beraten in Rom.</description></item>
</channel></rss>"""
    p = tmp_path / "feed.xml"
    p.write_text(rss, encoding="utf-8")
    docs = docs_of(str(p))
    assert [d.title for d in docs] == ["Volltext", "Nur Anriss"]
    assert all(d.source == "Morgenkurier" for d in docs)
    assert docs[0].published.startswith("2025-03-10")
    # The summary-only item was followed to its link and the full article extracted.
    assert "gemeinsame Erklärung" in docs[1].raw_text


def test_warc_response_records_become_articles(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    p = tmp_path / "crawl.warc.gz"
    with open(p, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, body in enumerate([BODY_DE, BODY_DE.replace("Rom", "Paris")]):
            html = f"<html><head><title>Artikel {i}</title></head><body><article><p>{body}</p></article></body></html>"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = writer.create_warc_record(f"https://example.org/a{i}", "response",
                                            payload=io.BytesIO(html.encode()), http_headers=headers)
            writer.write_record(rec)
    docs = docs_of(str(p))
    assert [d.url for d in docs] == ["https://example.org/a0", "https://example.org/a1"]
    assert "Paris" in docs[1].raw_text


def test_damaged_warc_keeps_records_before_the_damage(tmp_path: Path) -> None:
    good = tmp_path / "good.warc.gz"
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(good, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        html = f"<html><body><article><p>{BODY_DE}</p></article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.org/x", "response",
                                                      payload=io.BytesIO(html.encode()), http_headers=headers))
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(good.read_bytes() + b"WARC/1.0\r\nWARC-Type: garbage\r\n\r\n\x00\xff" * 3)
    items = list(read(str(bad)))
    assert any(isinstance(d, Document) for d in items)


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "is empty"),
        ("blank.html", b"   \n\n  ", "is empty"),
        ("junk.bin", bytes(range(256)) * 40, "binary"),
        ("broken.xml", b"<?xml version='1.0'?><rss><channel><item><title>x</ti", "feed"),
        ("not-a.warc.gz", b"\x1f\x8b\x08\x00garbage", "WARC"),
    ],
)
def test_bad_input_gives_one_error_naming_the_file(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    items = list(read(str(p)))
    errs = [i for i in items if isinstance(i, InputError)]
    assert errs, f"no error for {name}"
    assert all(str(p) in str(e) for e in errs)
    assert message in str(errs[0])


def test_oversized_single_article_is_refused_without_reading_it(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.seek(200 * 2**20)
        fh.write(b"x")
    [err] = errors_of(str(p))
    assert "too large" in err.reason and "200 MB" in err.reason


def test_unreachable_url_is_an_error_not_a_crash() -> None:
    [err] = errors_of("https://unreachable.invalid/article")
    assert "unreachable" in err.reason


def test_url_list_file_reads_each_url(tmp_path: Path, canned_fetch: dict) -> None:
    page = f"<html><head><title>Aus der Liste</title></head><body><article><p>{BODY_DE}</p></article></body></html>"
    canned_fetch["https://example.org/one"] = fetch.Response("https://example.org/one", page.encode(), "text/html")
    p = tmp_path / "feeds.txt"
    p.write_text("# meine Quellen\nhttps://example.org/one\nhttps://example.org/missing\n")
    items = list(read(str(p)))
    assert [d.title for d in items if isinstance(d, Document)] == ["Aus der Liste"]
    assert [e.item for e in items if isinstance(e, InputError)] == ["https://example.org/missing"]


def test_directories_are_walked_recursively_and_gzip_text_is_read(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Titel A\n\n" + BODY_DE, encoding="utf-8")
    (tmp_path / "sub" / "b.txt.gz").write_bytes(gzip.compress(("Titel B\n\n" + BODY_DE).encode()))
    (tmp_path / ".hidden").write_text("x")
    files = list(iter_sources([str(tmp_path)]))
    assert [Path(f).name for f in files] == ["a.txt", "b.txt.gz"]
    assert docs_of(files[1])[0].title == "Titel B"


def test_stdin_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(("Über Rom\n\n" + BODY_DE).encode())))
    [doc] = docs_of("-")
    assert doc.title == "Über Rom"
