"""Commands over the corpus as a whole: add, list, show, search, export, stages, analyze."""

from __future__ import annotations

import json
import os
import sys

import click
from rich.table import Table

from . import db_option, err, friendly_errors, main, open_store, out

@main.command()
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--published", metavar="DATE", help="Publication date for articles that carry none (YYYY-MM-DD).")
@click.option("--source", "source_name", metavar="NAME", help="Outlet name for articles that carry none.")
@click.option("--language", metavar="CODE", help="Skip language detection and use this ISO 639-1 code.")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes for reading and analysis.")
@click.option("--stages", metavar="LIST", help="Run only these stages, comma-separated (see `lagebild stages`).")
@click.option("--no-stories", is_flag=True, help="Skip story assignment (run `lagebild stories --rebuild` later).")
@friendly_errors
def add(sources: tuple[str, ...], db: str | None, published: str | None, source_name: str | None,
        language: str | None, jobs: int, stages: str | None, no_stories: bool) -> None:
    """Ingest articles: text, HTML, JSONL, RSS/Atom, WARC files, directories, URLs, or - for stdin.

    Example:

        lagebild add examples/ https://example.org/feed.xml --jobs 2
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from ..ingest import iter_sources

    store = open_store(db, must_exist=False)
    total = sum(1 for _ in iter_sources(list(sources)))
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=err, transient=True, disable=total < 5) as progress:
        task = progress.add_task("ingesting", total=total)

        def tick(done: int, total: int, item: str) -> None:
            progress.update(task, completed=done, description=os.path.basename(item)[:30])

        report = store.add_paths(list(sources), published=published, source=source_name, language=language,
                                 jobs=jobs, progress=tick, stories=not no_stories,
                                 stages=[x.strip() for x in stages.split(",") if x.strip()] if stages else None)
    for item, reason in report.rejected:
        err.print(f"[red]rejected[/] {item}: {reason}", highlight=False)
    for doc_id, problem in report.problems:
        err.print(f"[yellow]problem[/] {doc_id}: {problem}", highlight=False)
    err.print(
        f"[bold]{len(report.added)} added[/], {len(report.duplicates)} skipped as duplicates, "
        f"{len(report.rejected)} rejected → {store.path} ({store.count()} articles)", highlight=False,
    )
    if not report.added and not report.duplicates:
        sys.exit(1)


@main.command(name="list")
@db_option
@click.option("--limit", default=50, show_default=True)
@click.option("--offset", default=0)
@click.option("--source", help="Only this outlet.")
@click.option("--language", help="Only this language.")
@click.option("--json", "as_json", is_flag=True, help="Output JSON.")
@friendly_errors
def list_(db: str | None, limit: int, offset: int, source: str | None, language: str | None, as_json: bool) -> None:
    """List stored articles, newest first."""
    from dataclasses import asdict

    store = open_store(db)
    docs = store.documents(limit=limit, offset=offset, source=source, language=language)
    if as_json:
        click.echo(json.dumps([asdict(d) for d in docs], ensure_ascii=False, indent=2))
        return
    t = Table(show_edge=False)
    for col in ("id", "published", "lang", "source", "title", "words"):
        t.add_column(col, overflow="fold" if col == "title" else "ellipsis", no_wrap=col != "title")
    for d in docs:
        t.add_row(d.id[:10], (d.published or "")[:10], d.language or "", d.source or "", d.title or d.path or "",
                  str(d.word_count))
    out.print(t)
    err.print(f"{len(docs)} of {store.count()} articles", highlight=False)


@main.command()
@click.argument("doc")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Output the document's export records as JSON.")
@friendly_errors
def show(doc: str, db: str | None, as_json: bool) -> None:
    """One article, annotated: clean text, removed lines, metadata, entities, dates, quotes, opinion.

    DOC is an id (or a unique prefix of one), a path or a URL as shown by `lagebild list`.
    """
    from ..render import render_document
    from ..storage.export import document_records

    store = open_store(db)
    d = store.get(doc)
    if as_json:
        click.echo(json.dumps(document_records(d), ensure_ascii=False, indent=2))
        return
    render_document(d, out)


@main.command()
@click.argument("query")
@db_option
@click.option("--limit", default=20, show_default=True)
@friendly_errors
def search(query: str, db: str | None, limit: int) -> None:
    """Full-text search over titles and text (FTS5: words, "phrases", OR, NOT, prefix*)."""
    store = open_store(db)
    hits = store.search(query, limit=limit)
    for h in hits:
        out.print(f"[bold]{h.id[:10]}[/] {(h.published or '')[:10]} [cyan]{h.source or ''}[/] {h.title or h.path}",
                  highlight=False)
        if h.snippet:
            out.print("    " + h.snippet.replace("\n", " "), highlight=False)
    err.print(f"{len(hits)} matches", highlight=False)


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True)
@friendly_errors
def export(db: str | None, fmt: str) -> None:
    """Export the situation picture (SPEC.md contract, format lagebild/1) to stdout.

    Example:

        lagebild export --format json > picture.json
    """
    from ..storage.export import export_lines

    store = open_store(db)
    if fmt == "json":
        json.dump(store.export(), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for rec in export_lines(store):
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")


@main.command()
@friendly_errors
def stages() -> None:
    """The registered pipeline stages with what each requires and assigns."""
    from ..pipeline import Pipeline, available_stages

    problems = Pipeline().analyze()
    t = Table(show_edge=False)
    for col in ("stage", "requires", "assigns", "what it does"):
        t.add_column(col)
    for meta in available_stages():
        missing = problems.get(meta.name) or []
        req = ", ".join(meta.requires) + (f" [red](unmet: {', '.join(missing)})[/]" if missing else "")
        t.add_row(meta.name, req, ", ".join(meta.assigns), meta.doc)
    out.print(t)


@main.command()
@click.argument("text", required=False)
@click.option("--published", metavar="DATE")
@click.option("--language", metavar="CODE")
@click.option("--json", "as_json", is_flag=True)
@friendly_errors
def analyze(text: str | None, published: str | None, language: str | None, as_json: bool) -> None:
    """Analyse one text (argument or stdin) without storing it."""
    from ..api import analyze as run
    from ..render import render_document
    from ..storage.export import document_records

    if text is None:
        text = sys.stdin.read()
    doc = run(text, published=published, language=language)
    if as_json:
        click.echo(json.dumps(document_records(doc), ensure_ascii=False, indent=2))
    else:
        render_document(doc, out)


