"""Commands over the situation picture: timeline, quotes, entities, entity."""

from __future__ import annotations

import json
from dataclasses import asdict

import click
from rich.table import Table

from ..errors import LagebildError, NotFoundError
from ..model import EVENT_STATUSES, ENTITY_TYPES
from ..queries import MAX_TIMELINE_ARTICLES, TIMELINE_ARTICLES
from ..timexpr.values import describe_timex
from . import db_option, err, friendly_errors, main, open_store, out

STATUS_STYLE = {"occurred": "green", "planned": "cyan", "proposed": "blue", "threatened": "red",
                "denied": "magenta", "uncertain": "yellow"}


@main.command()
@click.argument("query", required=False)
@db_option
@click.option("--from", "date_from", metavar="DATE", help="Only events on or after this date (YYYY-MM-DD).")
@click.option("--to", "date_to", metavar="DATE", help="Only events on or before this date.")
@click.option("--status", type=click.Choice(EVENT_STATUSES), multiple=True, help="Only events with this status (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "csv", "json", "plover"]), default="text",
              show_default=True)
@click.option("--max-articles", type=click.IntRange(1, MAX_TIMELINE_ARTICLES), default=TIMELINE_ARTICLES,
              show_default=True, help="Merge events over at most this many matching articles, newest first "
              "(a note on stderr says when more matched).")
@friendly_errors
def timeline(query: str | None, db: str | None, date_from: str | None, date_to: str | None,
             status: tuple[str, ...], fmt: str, max_articles: int) -> None:
    """Dated events with their status, actors, place, number of independent sources and evidence.

    QUERY keeps events whose actors, place or evidence match (any spelling of a linked entity).

    Example:

        lagebild timeline Putin --from 2025-08-01 --status planned --status occurred
    """
    from ..queries import TimelineFilter
    from ..queries import timeline as build
    from ..timeline import format_timeline

    store = open_store(db)
    tl = build(store, TimelineFilter(q=query, status=status or None, since=date_from, until=date_to),
               limit=max_articles)
    click.echo(format_timeline(tl.events, fmt), nl=False)
    if note := tl.capped_note("--max-articles"):
        err.print(f"note: {note}", highlight=False)
    if fmt == "text":
        err.print(f"{len(tl.events)} events", highlight=False)


@main.command()
@db_option
@click.option("--speaker", metavar="NAME", help="Only quotes by this speaker (any spelling of a linked entity).")
@click.option("--story", metavar="ID", help="Only quotes from articles of this story.")
@click.option("--limit", default=100, show_default=True)
@click.option("--offset", default=0, show_default=True, help="Skip this many (to page through).")
@click.option("--json", "as_json", is_flag=True, help="Output JSON records (export contract fields plus context).")
@friendly_errors
def quotes(db: str | None, speaker: str | None, story: str | None, limit: int, offset: int, as_json: bool) -> None:
    """Who said what: direct and indirect quotes with speaker, cue, medium and source.

    Example:

        lagebild quotes --speaker Selenskyj
    """
    from ..queries import quote_list

    store = open_store(db)
    page = quote_list(store, speaker=speaker, story=story, limit=limit, offset=offset)
    rows = page.items
    if as_json:
        click.echo(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2))
        return
    for q in rows:
        who = q.speaker_name or q.speaker_text or "unknown speaker"
        extra = f" [dim]({q.medium})[/]" if q.medium else ""
        out.print(f"[bold]{who}[/]{extra} [dim]{q.kind}{', ' + q.cue if q.cue else ''} · {q.source or '?'} "
                  f"{(q.published or '')[:10]} · {q.doc[:10]}[/]", highlight=False)
        out.print(f"    {q.text}", highlight=False)
    more = f" of {page.total}" if page.total > len(rows) else ""
    err.print(f"{len(rows)}{more} quotes", highlight=False)


@main.group(invoke_without_command=True)
@db_option
@click.option("--type", "etype", type=click.Choice(ENTITY_TYPES, case_sensitive=False), help="Only this type.")
@click.option("--top", default=30, show_default=True, help="How many to list.")
@click.option("--offset", default=0, show_default=True, help="Skip this many (to page through).")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@friendly_errors
def entities(ctx: click.Context, db: str | None, etype: str | None, top: int, offset: int, as_json: bool) -> None:
    """The people, organisations and places the corpus mentions, most widely reported first.

    `lagebild entities add NAME --type PER --alias …` adds an entity to your own knowledge base.
    """
    if ctx.invoked_subcommand:
        return
    from ..queries import entity_list

    store = open_store(db)
    rows = entity_list(store, type=etype, sort="documents", mentioned=True, limit=top, offset=offset).items
    if as_json:
        click.echo(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2))
        return
    t = Table(show_edge=False)
    for col in ("entity", "type", "articles", "mentions", "wikidata", "also written"):
        t.add_column(col)
    for r in rows:
        t.add_row(r.name, r.type, str(r.documents), str(r.mentions), r.wikidata or "",
                  ", ".join(a for a in r.aliases if a != r.name)[:60])
    out.print(t)


@entities.command(name="add")
@click.argument("name")
@click.option("--type", "etype", type=click.Choice(ENTITY_TYPES, case_sensitive=False), required=True)
@click.option("--alias", "aliases", multiple=True, help="Another spelling (repeatable).")
@click.option("--wikidata", metavar="QID")
@click.option("--file", "path", metavar="FILE", help="User knowledge-base file (default: $LAGEBILD_KB or "
              "~/.config/lagebild/entities.yaml).")
@friendly_errors
def entities_add(name: str, etype: str, aliases: tuple[str, ...], wikidata: str | None, path: str | None) -> None:
    """Add an entity (with its spellings) to your knowledge base; new articles link to it.

    Example:

        lagebild entities add "Kaja Kallas" --type PER --alias Kallas --wikidata Q3739604
    """
    from ..kb import add_entity, default_user_file

    try:
        ent = add_entity(name, etype, aliases=aliases, wikidata=wikidata, path=path)
    except ValueError as exc:
        raise LagebildError(str(exc)) from None
    err.print(f"added {ent.name} ({etype.upper()}) to {path or default_user_file()}", highlight=False)


@main.command()
@click.argument("name")
@db_option
@click.option("--limit", default=100, show_default=True,
              help="At most this many articles and quotes (the newest); events from the newest --max-articles.")
@click.option("--max-articles", type=click.IntRange(1, MAX_TIMELINE_ARTICLES), default=TIMELINE_ARTICLES,
              show_default=True, help="Merge the entity's events over at most this many articles, newest first.")
@click.option("--json", "as_json", is_flag=True)
@friendly_errors
def entity(name: str, db: str | None, limit: int, max_articles: int, as_json: bool) -> None:
    """One entity: spellings, articles, co-mentioned entities, quotes and events.

    NAME may be any spelling (Selenskyj, Zelensky, Зеленський, Putins) or an entity id.
    """
    from ..queries import TimelineFilter, entity_detail
    from ..queries import timeline as build

    store = open_store(db)
    d = entity_detail(store, name, limit=limit)
    if d is None:
        raise NotFoundError(f"no entity matching {name!r}", tip="`lagebild entities` lists them")
    e = d.entity
    tl = build(store, TimelineFilter(entity=e.id), limit=max_articles)
    # Oldest first, as a reading order (the query pages from the newest).
    documents = [(a["id"], a["published"], a["source"], a["title"]) for a in reversed(d.articles)]
    flagged = [(f["doc"], f["text"], f["flag"]) for f in d.flagged]
    if as_json:
        data = {"entity": asdict(e), "spellings": d.spellings, "adjectives": d.adjectives, "compounds": d.compounds,
                "documents": documents,
                "co_mentioned": [(c["id"], c["name"], c["articles"]) for c in d.co_mentioned],
                "quotes": [asdict(q) for q in d.quotes], "events": [ev.to_dict() for ev in tl.events],
                "flagged": flagged}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        _entity_notes(d.article_count, len(documents), d.quote_count, len(d.quotes), tl.capped_note("--max-articles"))
        return
    out.print(f"[bold]{e.name}[/] ({e.type}) {e.wikidata or ''} · {e.documents} articles, {e.mentions} mentions",
              highlight=False)
    out.print("written as: " + ", ".join(f"{s} ×{n}" for s, n in d.spellings), highlight=False)
    if d.adjectives:
        out.print("as adjective: " + ", ".join(f"{s} ×{n}" for s, n in d.adjectives), highlight=False)
    if d.compounds:
        out.print("in compounds: " + ", ".join(f"{s} ×{n}" for s, n in d.compounds), highlight=False)
    for doc, text, flag in flagged:
        out.print(f"[yellow]{flag}[/]: “{text}” in {doc[:10]}", highlight=False)
    out.print("\n[bold]Articles[/]")
    for doc_id, published, source, title in documents:
        out.print(f"  {doc_id[:10]} {(published or '')[:10]} {source or ''} — {title or ''}", highlight=False)
    if d.co_mentioned:
        out.print("\n[bold]Mentioned together with[/]: " + ", ".join(f"{c['name']} ({c['articles']})"
                                                                      for c in d.co_mentioned), highlight=False)
    if d.quotes:
        out.print("\n[bold]Quotes[/]")
        for q in d.quotes:
            out.print(f"  [dim]{q.source or '?'} {(q.published or '')[:10]}[/] {q.text}", highlight=False)
    if tl.events:
        out.print("\n[bold]Events[/]")
        for ev in tl.events:
            style = STATUS_STYLE.get(ev.status, "white")
            out.print(f"  {describe_timex(ev.date)} [{style}]{ev.status}[/] {ev.label} · {ev.n_sources} source{'' if ev.n_sources == 1 else 's'}",
                      highlight=False)
    _entity_notes(d.article_count, len(documents), d.quote_count, len(d.quotes), tl.capped_note("--max-articles"))


def _entity_notes(n_articles: int, shown_articles: int, n_quotes: int, shown_quotes: int, events: str | None) -> None:
    """Say on stderr what ``lagebild entity`` left out (output on stdout stays parseable)."""
    if n_articles > shown_articles:
        err.print(f"note: the newest {shown_articles} of {n_articles} articles (--limit)", highlight=False)
    if n_quotes > shown_quotes:
        err.print(f"note: the newest {shown_quotes} of {n_quotes} quotes (--limit)", highlight=False)
    if events:
        err.print(f"note: {events}", highlight=False)
