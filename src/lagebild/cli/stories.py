"""Commands over stories: ``stories`` (list, or rebuild) and ``compare`` (sources of one story)."""

from __future__ import annotations

import json

import click
from rich.table import Table

from . import db_option, err, friendly_errors, main, open_store, out


@main.command()
@db_option
@click.option("--since", metavar="DATE", help="Only stories with an article on or after this date (YYYY-MM-DD).")
@click.option("--top", metavar="N", type=click.IntRange(1, None), help="Only the N biggest stories.")
@click.option("--rebuild", is_flag=True, help="Forget all stories and cluster every stored article again.")
@click.option("--review", is_flag=True,
              help="Instead of the stories, list the placements to check first: articles that joined a story "
                   "on weak evidence or nearly joined one, closest calls first, each with the `lagebild move` "
                   "that reverses it.")
@click.option("--margin", type=click.FloatRange(0, None), default=None, metavar="LOG-ODDS",
              help="With --review: how close to the join threshold a decision must be (default 1.5).")
@click.option("--json", "as_json", is_flag=True, help="Output JSON.")
@friendly_errors
def stories(db: str | None, since: str | None, top: int | None, rebuild: bool, review: bool,
            margin: float | None, as_json: bool) -> None:
    """The stories in the corpus, biggest first.

    Articles are grouped into stories as they are added (across outlets and languages);
    near-duplicate copies of one report join the story of the original.

    Examples:

        lagebild stories --since 2025-08-01 --top 10

        lagebild stories --review
    """
    from ..dates import normalize_published
    from ..errors import InputError
    from ..storage import stories as sdb
    from ..stories import rebuild as rebuild_all

    store = open_store(db)
    if since is not None and normalize_published(since) is None:
        raise InputError(since, "is not a date; use YYYY-MM-DD")
    if rebuild:
        from rich.progress import Progress

        with Progress(console=err, transient=True) as progress:
            task = progress.add_task("clustering", total=store.count())
            n = rebuild_all(store, progress=lambda done, total: progress.update(task, completed=done))
        err.print(f"[bold]{n} stories[/] from {store.count()} articles", highlight=False)
    if margin is not None and not review:
        raise InputError("--margin", "only applies with --review")
    if review:
        _print_review(store, margin, top, as_json)
        return
    rows = sdb.list_stories(store, since=since, top=top)
    if as_json:
        click.echo(json.dumps([{"id": r.id, "title": r.title, "size": r.size, "first": r.first, "last": r.last}
                               for r in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        err.print("no stories yet" + (" since " + since if since else "")
                  + " (articles are clustered as they are added; `lagebild stories --rebuild` clusters a store"
                    " filled by an older version)", highlight=False)
        return
    t = Table(show_edge=False)
    for col in ("story", "articles", "from", "to", "title"):
        t.add_column(col, overflow="fold" if col == "title" else "ellipsis", no_wrap=col != "title",
                     justify="right" if col == "articles" else "left")
    for r in rows:
        t.add_row(r.id, str(r.size), r.first or "", r.last or "", r.title or "")
    out.print(t)


def _print_review(store: object, margin: float | None, top: int | None, as_json: bool) -> None:
    from ..stories.review import to_review

    doubts = to_review(store, margin, top)  # type: ignore[arg-type]
    if as_json:
        click.echo(json.dumps([d.to_dict() for d in doubts], ensure_ascii=False, indent=2))
        return
    if not doubts:
        err.print("no close calls: every automatic placement is clear of the join threshold by the margin",
                  highlight=False)
        return
    for d in doubts:  # a list rather than a table: titles and commands stay whole in any terminal
        if d.how == "joined":
            what = f"joined {d.story} (log-odds {d.log_odds:+.2f}, p {d.probability:.2f})"
            fix = f"to take it out: {d.fix}"
        else:
            what = (f"opened {d.story}; {d.closest_story} came close (log-odds {d.log_odds:+.2f}, "
                    f"p {d.probability:.2f})")
            fix = f"to join it: {d.fix}"
        out.print(f"[bold]{d.document[:12]}[/] {what}", highlight=False)
        out.print(f"  {d.published or 'undated'} · {d.title or '(no title)'}", highlight=False)
        out.print(f"  {fix}", highlight=False, soft_wrap=True)
        out.print(f"  if it is right: {d.keep}", highlight=False, soft_wrap=True)


@main.command()
@click.argument("story")
@db_option
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@friendly_errors
def compare(story: str, db: str | None, fmt: str) -> None:
    """Compare the outlets reporting one STORY (id, id prefix, or a word of its title).

    Per event and per attributed claim: which independent outlets support it, which report it
    alone, which contradict it (denials, dates, numbers, statuses, names); opinion sentences per
    outlet.
    """
    from ..storage import stories as sdb
    from ..stories.compare import compare_story, to_markdown

    store = open_store(db)
    cmp = compare_story(store, story)
    if fmt == "json":
        click.echo(json.dumps(cmp.to_dict(), ensure_ascii=False, indent=2))
        return
    st = sdb.get_story(store, cmp.story or "")
    click.echo(to_markdown(cmp, title=st.title if st else None))


# ------------------------------------------------------------------ corrections by hand


@main.command()
@click.argument("article")
@click.option("--to", "to", required=True, metavar="STORY|ARTICLE|new",
              help="The story to move it into (id, id prefix or a title word), an article whose story it "
                   "joins, or `new` for a story of its own.")
@click.option("--note", help="Why (kept with the edit).")
@db_option
@friendly_errors
def move(article: str, to: str, note: str | None, db: str | None) -> None:
    """Move an ARTICLE into another story, or out into a story of its own.

    The correction is kept and holds when the store is clustered again (`stories --rebuild`);
    `lagebild edits` lists the corrections.

    Examples:

        lagebild move 3f2a9c --to S81c0d2e4        # into that story
        lagebild move 3f2a9c --to new --note "different strike"
    """
    from ..storage import stories as sdb
    from ..stories.edits import move as move_article

    store = open_store(db)
    m = move_article(store, article, to, note)
    st = sdb.get_story(store, m.to_story)
    out.print(f"moved {m.document[:12]} from {m.from_story} to {m.to_story}"
              + (f" ({st.title})" if st and st.title else "") + f"; edit {', '.join(map(str, m.edits))}",
              highlight=False)


@main.command()
@click.argument("story")
@click.argument("others", nargs=-1, required=True)
@click.option("--note", help="Why (kept with the edit).")
@db_option
@friendly_errors
def merge(story: str, others: tuple[str, ...], note: str | None, db: str | None) -> None:
    """Merge the stories OTHERS into STORY (ids, id prefixes or title words).

    Kept like `move`: the articles stay together when the store is clustered again.

    Example:

        lagebild merge S81c0d2e4 S0b7e11aa
    """
    from ..stories.edits import merge as merge_stories

    store = open_store(db)
    moved = merge_stories(store, story, list(others), note)
    target = moved[0].to_story if moved else story
    out.print(f"{len(moved)} articles merged into {target}", highlight=False)


@main.command()
@click.argument("article")
@click.option("--note", help="Why (kept with the edit).")
@db_option
@friendly_errors
def confirm(article: str, note: str | None, db: str | None) -> None:
    """Keep ARTICLE in the story the model put it in (after `stories --review` listed it).

    The placement becomes a decision by hand: it holds when the store is clustered again, and the
    article leaves the review list. `lagebild edits --drop N` undoes it.

    Example:

        lagebild confirm 3f2a9c --note "same strike, second day"
    """
    from ..stories.edits import confirm as confirm_placement

    store = open_store(db)
    m = confirm_placement(store, article, note)
    out.print(f"kept {m.document[:12]} in {m.to_story}; edit {', '.join(map(str, m.edits))}", highlight=False)


@main.command()
@db_option
@click.option("--drop", "drop", type=int, metavar="N", help="Forget edit N (articles stay where they are until "
              "moved again or the store is rebuilt).")
@click.option("--json", "as_json", is_flag=True, help="Output JSON.")
@friendly_errors
def edits(db: str | None, drop: int | None, as_json: bool) -> None:
    """The corrections made by hand (`move`, `merge`, `confirm`), oldest first."""
    from dataclasses import asdict

    from ..storage import stories as sdb
    from ..stories.edits import drop_edit

    store = open_store(db)
    if drop is not None:
        e = drop_edit(store, drop)
        err.print(f"edit {e.n} forgotten ({e.doc[:12]} {e.kind} {e.other[:12]})", highlight=False)
        return
    rows = sdb.list_edits(store)
    if as_json:
        click.echo(json.dumps([asdict(e) for e in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        err.print("no corrections yet (`lagebild move`, `lagebild merge`)", highlight=False)
        return
    t = Table(show_edge=False)
    for col in ("edit", "article", "kind", "other article", "when", "note"):
        t.add_column(col, overflow="fold" if col == "note" else "ellipsis", no_wrap=col != "note")
    for e in rows:
        t.add_row(str(e.n), e.doc[:12], e.kind, "" if e.kind == "alone" else e.other[:12], e.created_at[:16],
                  e.note or "")
    out.print(t)
