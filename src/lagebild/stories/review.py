"""Which automatic story placements to check first.

The join model is wrong about one article in ten on text written to be hard (model card), and its
mistakes sit mostly near its threshold: an article that joined a story on weak log-odds, or
opened a story of its own although the closest story scored almost enough. ``to_review`` lists
those decisions, closest to the threshold first, each with the correction that would reverse it
(``edits.move``) and the one that confirms it (``edits.confirm``), so a journalist checks a short
list instead of every story. Placements made by
hand (``how == "edited"``) and near-duplicates are never listed: a person or an exact copy
decided them.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from ..storage import stories as db
from .cluster import JOIN_THRESHOLD

if TYPE_CHECKING:
    from ..storage import Store

# Log-odds within this distance of the threshold are listed: the model gave the other decision at
# least about one chance in five (probability 0.18-0.82 at threshold 0).
DEFAULT_MARGIN = 1.5


@dataclass(slots=True)
class Doubt:
    """One automatic decision worth a look."""
    document: str
    title: str | None
    published: str | None
    story: str | None        # the story the article is in now
    how: str                 # "joined" (on weak log-odds) or "opened" (although a story came close)
    log_odds: float          # the model's score for the story joined, or for the closest one
    probability: float       # the same as a probability that the article belongs to that story
    closest_article: str | None  # the article of that story it matched best
    closest_story: str | None    # that article's story now (None: it is gone from the store)
    fix: str                 # the command that reverses the decision
    keep: str                # the command that confirms it (edits.confirm): it leaves the list

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def to_review(store: Store, margin: float | None = None, limit: int | None = None,
              docs: list[str] | None = None) -> list[Doubt]:
    """The model's decisions within ``margin`` log-odds (default DEFAULT_MARGIN) of its threshold,
    closest first; only those of the articles ``docs`` when given (a story page marks them)."""
    margin = DEFAULT_MARGIN if margin is None else margin
    if margin < 0:
        raise ValueError("margin must be zero or more (log-odds)")
    if docs is not None:
        rows = sorted(db.close_calls(store, JOIN_THRESHOLD, margin, docs=docs),
                      key=lambda r: (abs(r["log_odds"] - JOIN_THRESHOLD), r["published"] or "", r["doc"]))[:limit]
    else:
        # With a limit, look close to the threshold first: the closest ``limit`` within a narrow
        # margin are the closest overall, and a big store need not sort all its close calls.
        for m in ((margin / 16, margin / 4, margin) if limit is not None else (margin,)):
            rows = db.close_calls(store, JOIN_THRESHOLD, m, limit)
            if limit is not None and len(rows) >= limit:
                break
    out = []
    for r in rows:
        mate = r.get("closest_article")
        fix = (f"lagebild move {r['doc'][:12]} --to new" if r["how"] == "joined"
               else f"lagebild move {r['doc'][:12]} --to {mate[:12]}")
        out.append(Doubt(r["doc"], r["title"], r["published"], r["story"], r["how"], float(r["log_odds"]),
                         round(1 / (1 + math.exp(-float(r["log_odds"]))), 3), mate, r["closest_story"], fix,
                         f"lagebild confirm {r['doc'][:12]}"))
    return out


def any_to_review(store: Store, margin: float | None = None) -> bool:
    """Whether ``to_review`` lists anything (without reading the list)."""
    return db.has_close_calls(store, JOIN_THRESHOLD, DEFAULT_MARGIN if margin is None else margin)
