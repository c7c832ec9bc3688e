"""Commands over the situation picture: timeline, quotes, entities, entity."""

from __future__ import annotations

import json
from dataclasses import asdict

import click
from rich.table import Table

from ..errors import LagebildError, NotFoundError
from ..model import EVENT_STATUSES, ENTITY_TYPES
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
@friendly_errors
def timeline(query: str | None, db: str | None, date_from: str | None, date_to: str | None,
             status: tuple[str, ...], fmt: str) -> None:
    """Dated events with their status, actors, place, number of independent sources and evidence.

    QUERY keeps events whose actors, place or evidence match (any spelling of a linked entity).

    Example:

        lagebild timeline Putin --from 2025-08-01 --status planned --status occurred
    """
    from ..picture import timeline as build
    from ..timeline import format_timeline

    store = open_store(db)
    events = build(store, query, date_from=date_from, date_to=date_to, status=list(status) or None)
    click.echo(format_timeline(events, fmt), nl=False)
    if fmt == "text":
        err.print(f"{len(events)} events", highlight=False)


@main.command()
@db_option
@click.option("--speaker", metavar="NAME", help="Only quotes by this speaker (any spelling of a linked entity).")
@click.option("--story", metavar="ID", help="Only quotes from articles of this story.")
@click.option("--limit", default=100, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Output JSON records (export contract fields plus context).")
@friendly_errors
def quotes(db: str | None, speaker: str | None, story: str | None, limit: int, as_json: bool) -> None:
    """Who said what: direct and indirect quotes with speaker, cue, medium and source.

    Example:

        lagebild quotes --speaker Selenskyj
    """
    from ..picture import quotes as query

    store = open_store(db)
    rows = query(store, speaker=speaker, story=story, limit=limit)
    if as_json:
        click.echo(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2))
        return
    for q in rows:
        who = q.speaker_name or q.speaker_text or "unknown speaker"
        extra = f" [dim]({q.medium})[/]" if q.medium else ""
        out.print(f"[bold]{who}[/]{extra} [dim]{q.kind}, {q.cue or ''} · {q.source or '?'} "
                  f"{(q.published or '')[:10]} · {q.doc[:10]}[/]", highlight=False)
        out.print(f"    {q.text}", highlight=False)
    err.print(f"{len(rows)} quotes", highlight=False)


@main.group(invoke_without_command=True)
@db_option
@click.option("--type", "etype", type=click.Choice(ENTITY_TYPES, case_sensitive=False), help="Only this type.")
@click.option("--top", default=30, show_default=True, help="How many to list.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@friendly_errors
def entities(ctx: click.Context, db: str | None, etype: str | None, top: int, as_json: bool) -> None:
    """The people, organisations and places the corpus mentions, most widely reported first.

    `lagebild entities add NAME --type PER --alias …` adds an entity to your own knowledge base.
    """
    if ctx.invoked_subcommand:
        return
    from ..picture import entities as query

    store = open_store(db)
    rows = query(store, type=etype, top=top)
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
@click.option("--json", "as_json", is_flag=True)
@friendly_errors
def entity(name: str, db: str | None, as_json: bool) -> None:
    """One entity: spellings, articles, co-mentioned entities, quotes and events.

    NAME may be any spelling (Selenskyj, Zelensky, Зеленський) or an entity id.
    """
    from ..picture import entity_detail

    store = open_store(db)
    d = entity_detail(store, name)
    if d is None:
        raise NotFoundError(f"no entity matching {name!r}", tip="`lagebild entities` lists them")
    if as_json:
        data = {"entity": asdict(d.entity), "spellings": d.spellings, "documents": d.documents,
                "co_mentioned": d.co_mentioned, "quotes": [asdict(q) for q in d.quotes],
                "events": [e.to_dict() for e in d.events], "flagged": d.flagged}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    e = d.entity
    out.print(f"[bold]{e.name}[/] ({e.type}) {e.wikidata or ''} · {e.documents} articles, {e.mentions} mentions",
              highlight=False)
    out.print("written as: " + ", ".join(f"{s} ×{n}" for s, n in d.spellings), highlight=False)
    for doc, text, flag in d.flagged:
        out.print(f"[yellow]{flag}[/]: “{text}” in {doc[:10]}", highlight=False)
    out.print("\n[bold]Articles[/]")
    for doc_id, published, source, title in d.documents:
        out.print(f"  {doc_id[:10]} {(published or '')[:10]} {source or ''} — {title or ''}", highlight=False)
    if d.co_mentioned:
        out.print("\n[bold]Mentioned together with[/]: " + ", ".join(f"{n} ({c})" for _, n, c in d.co_mentioned),
                  highlight=False)
    if d.quotes:
        out.print("\n[bold]Quotes[/]")
        for q in d.quotes:
            out.print(f"  [dim]{q.source or '?'} {(q.published or '')[:10]}[/] {q.text}", highlight=False)
    if d.events:
        out.print("\n[bold]Events[/]")
        for ev in d.events:
            style = STATUS_STYLE.get(ev.status, "white")
            out.print(f"  {ev.date or '????'} [{style}]{ev.status}[/] {ev.label} · {ev.n_sources} sources",
                      highlight=False)
