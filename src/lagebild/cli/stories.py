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
@click.option("--json", "as_json", is_flag=True, help="Output JSON.")
@friendly_errors
def stories(db: str | None, since: str | None, top: int | None, rebuild: bool, as_json: bool) -> None:
    """The stories in the corpus, biggest first.

    Articles are grouped into stories as they are added (across outlets and languages);
    near-duplicate copies of one report join the story of the original.

    Example:

        lagebild stories --since 2025-08-01 --top 10
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
