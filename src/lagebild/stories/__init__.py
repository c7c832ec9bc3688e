"""Stage 10 (stories) and the comparison part of stage 11.

- ``neardup``: MinHash/LSH near-duplicate groups (syndicated copies count as one source);
- ``embed``: multilingual sentence embeddings (USE multilingual v3, shipped in a PyPI package);
- ``extract``: what clustering reads from one article (lead vectors, names, figures, lead events);
- ``cluster``: online story assignment with an interval index over story dates, and the record
  of why each article is in its story;
- ``pairs`` / ``train``: the learned join model (article with article) and its training;
- ``edits``: corrections by hand (move an article, merge stories) that hold through a rebuild;
- ``review``: the automatic placements closest to the join threshold, to check first;
- ``compare``: per story, which outlets support, single-source or contradict each event and claim;
- ``titles``: readable story titles.

``assign_story(store, doc)`` is called by batch ingest for every newly stored article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..storage.export import corpus_section
from .cluster import Assignment, assign, rebuild

if TYPE_CHECKING:
    from ..model import Document
    from ..storage import Store

__all__ = ["Assignment", "assign_story", "rebuild"]


def assign_story(store: Store, doc: Document) -> str:
    """Put a stored article into a story (joining one or opening one); returns the story id."""
    return assign(store, doc).story


@corpus_section("stories")
def export_stories(store: Store, docs: list[Document]) -> list[dict[str, Any]]:
    from ..storage import stories as db

    members: dict[str, list[str]] = {}
    for d in docs:
        if d.story:
            members.setdefault(d.story, []).append(d.id)
    joins = db.get_joins(store, [d.id for d in docs if d.story])
    out = []
    for st in db.list_stories(store):
        ids = members.get(st.id, [])
        # why each article is in the story (cluster.assign's record; absent for stores clustered
        # before lagebild kept it)
        why = [{"document": i, **{k: v for k, v in joins[i].items() if k != "story"}} for i in ids if i in joins]
        out.append({"id": st.id, "title": st.title, "documents": ids,
                    "first": st.first, "last": st.last, "size": st.size, "joins": why})
    return out


@corpus_section("story_edits")
def export_story_edits(store: Store, docs: list[Document]) -> list[dict[str, Any]]:
    """The corrections made by hand (``edits``), so a reader of the export sees which placements
    were a person's decision (``stories[].joins[].how == "edited"`` names the edit)."""
    from dataclasses import asdict

    from ..storage import stories as db

    return [asdict(e) for e in db.list_edits(store)]


@corpus_section("contradictions")
def export_contradictions(store: Store, docs: list[Document]) -> list[dict[str, Any]]:
    from .compare import compare_documents

    by_story: dict[str, list[Document]] = {}
    for d in docs:
        if d.story:
            by_story.setdefault(d.story, []).append(d)
    out: list[dict[str, Any]] = []
    for story, members in by_story.items():
        if len(members) < 2:
            continue
        report = compare_documents(members, store=store, story=story)
        out.extend(c.to_export() for c in report.contradictions)
    return out
