"""Corrections by hand: move an article into another story or out into one of its own, and merge
stories. Clustering is automatic and makes mistakes (the model card lists which); a journalist who
sees one fixes it here, and the fix holds.

Each correction is stored as edits between *articles* (``story_edits``), not story ids, because
story ids change when a store is re-clustered:
- moving article D into story T: "D belongs with T's first article", and "D is apart from each
  article it shared its old story with";
- moving D out (``to="new"``): "D stands alone", and apart from its old story's articles;
- merging story B into A: every article of B "belongs with A's first article";
- confirming the model's placement of D (``confirm``, after ``stories --review`` listed it as a
  close call): "D belongs with its story's first other article", or, when D is alone, "D stands
  alone" and apart from the article whose story came close.
The change applies at once (the old story is re-profiled from its remaining articles), and
``cluster.place`` honours the edits whenever articles are clustered again (``stories --rebuild``),
so a correction survives a rebuild. The newest edit of an article replaces its older ones. Each
article placed by hand records it (``story_joins.how = "edited"``), with the edit's number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import InputError, NotFoundError
from ..storage import stories as db
from . import cluster
from .extract import features

if TYPE_CHECKING:
    from ..model import Document
    from ..storage import Store

NEW = "new"


@dataclass(slots=True)
class Moved:
    document: str
    from_story: str | None
    to_story: str
    edits: list[int]


def move(store: Store, article: str, to: str, note: str | None = None) -> Moved:
    """Move ``article`` (id, id prefix, path or URL) into the story ``to`` (a story id, id prefix or
    title word, or an article whose story it should join), or into a story of its own (``"new"``)."""
    doc = _document(store, article)
    old = doc.story
    target = None if to == NEW else _target_story(store, to)
    if target is not None and target.id == old:
        raise InputError(to, f"article {doc.id} is in this story already")
    mates = [i for i in db.story_doc_ids(store, old) if i != doc.id] if old else []
    if target is not None:
        placing = [("with", _anchor(store, target.id))]
    elif not mates:
        raise InputError(article, "this article is alone in its story already")
    else:
        placing = [("alone", doc.id)]
    f = features(store, doc)
    with db.transaction(store):
        ns = db.replace_edits(store, doc.id, placing + [("apart", m) for m in mates], note)
        _detach(store, [doc.id], old)
        placed = cluster.place(store, doc, f)
    return Moved(doc.id, old, placed.story, ns)


def merge(store: Store, into: str, others: list[str], note: str | None = None) -> list[Moved]:
    """Merge the stories ``others`` into the story ``into`` (ids, id prefixes or title words)."""
    target = _story(store, into)
    anchor = _anchor(store, target.id)
    moved: list[Moved] = []
    for ref in others:
        st = _story(store, ref)
        if st.id == target.id:
            raise InputError(ref, "is the story merged into; name two different stories")
        ids = db.story_doc_ids(store, st.id)
        docs = list(store.iter_documents(ids))
        feats = [features(store, d) for d in docs]
        with db.transaction(store):
            _detach(store, ids, st.id)
            for doc, f in zip(docs, feats):
                ns = db.replace_edits(store, doc.id, [("with", anchor)], note)
                placed = cluster.place(store, doc, f)
                moved.append(Moved(doc.id, st.id, placed.story, ns))
    return moved


def confirm(store: Store, article: str, note: str | None = None) -> Moved:
    """Keep ``article`` where the model put it: the placement becomes a decision by hand, holds
    through a rebuild, and leaves the review list (``review.to_review``)."""
    doc = _document(store, article)
    story = doc.story or ""  # _document refuses an article in no story
    mates = [i for i in db.story_doc_ids(store, story) if i != doc.id]
    if mates:
        placing = [("with", mates[0])]
    else:
        near = db.get_joins(store, [doc.id]).get(doc.id, {}).get("closest_article")
        placing = [("alone", doc.id)] + ([("apart", near)] if near and near != doc.id else [])
    with db.transaction(store):
        ns = db.replace_edits(store, doc.id, placing, note)
        evidence = {"edit": ns[0], "confirmed": True, **({"with": mates[0]} if mates else {})}
        db.put_join(store, doc.id, story, "edited", None, evidence)
    return Moved(doc.id, story, story, ns)


def drop_edit(store: Store, n: int) -> db.StoryEdit:
    """Forget edit ``n``. Articles stay where they are until they are moved or the store is rebuilt."""
    with db.transaction(store):
        edit = db.delete_edit(store, n)
    if edit is None:
        raise NotFoundError(f"no edit number {n}", tip="`lagebild edits` lists them")
    return edit


def _document(store: Store, ref: str) -> Document:
    doc = store.get(ref)  # raises NotFoundError with what to do
    if not doc.story:
        raise InputError(ref, "is in no story yet", tip="run `lagebild stories --rebuild` first")
    return doc


def _story(store: Store, ref: str) -> db.StoryRow:
    st = db.resolve_story(store, ref)
    if st is None:
        raise NotFoundError(f"no story {ref!r}", tip="`lagebild stories` lists them")
    return st


def _target_story(store: Store, ref: str) -> db.StoryRow:
    """A story named directly, or the story of an article."""
    st = db.resolve_story(store, ref)
    if st is not None:
        return st
    try:
        doc_id = store.resolve_id(ref)
    except NotFoundError:
        raise NotFoundError(f"no story or article {ref!r}",
                            tip="`lagebild stories` lists stories, `lagebild list` articles") from None
    story = db.stories_of(store, [doc_id]).get(doc_id)
    if story is None:
        raise InputError(ref, "is an article in no story yet")
    return _story(store, story)


def _anchor(store: Store, story_id: str) -> str:
    """The article a story is pinned by: its first."""
    return db.story_doc_ids(store, story_id)[0]


def _detach(store: Store, doc_ids: list[str], story_id: str | None) -> None:
    """Take articles out of a story and fold the story's profile again from the articles left
    (profiles are sums and counts with no way to subtract one article); an emptied story goes."""
    q = ",".join("?" * len(doc_ids))
    store.db.execute(f"UPDATE documents SET story=NULL WHERE id IN ({q})", doc_ids)
    if story_id is None:
        return
    st = db.get_story(store, story_id)
    rest = db.story_doc_ids(store, story_id)
    if st is None or not rest:
        db.delete_story(store, story_id)
        return
    db.reset_story(store, st)
    for doc in store.iter_documents(rest):
        cluster.refold(store, st, features(store, doc), doc)
