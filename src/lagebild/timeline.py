"""Canonical events across documents, and the timeline views of them.

Pure functions over analysed documents; no storage. ``merge_events`` folds the event mentions
of many articles into canonical events: mentions of the same real-world event (compatible
type, overlapping actors, compatible dates and place) become one event that keeps every mention
with its document and evidence sentence. Status may evolve: the meeting "planned for next week"
in one article and the summit "held on Friday" in a later one are one event whose history shows
both, and whose current status is what the latest reporting says.

``filter_events`` and ``format_timeline`` (text, md, csv, json, plover) serve
``lagebild timeline [QUERY] [--from DATE] [--to DATE] [--status S] [--format F]``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, NamedTuple

from .eventlex.timexval import parse_published, specificity
from .eventlex.triggers import find_triggers
from .eventlex.types import EVENT_TYPES, more_specific, to_plover, types_compatible
from .model import Document, EventMention
from .timexpr.values import GRANULARITIES, describe_timex, timex_interval, timex_span

FORMATS = ("text", "md", "csv", "json", "plover")

# How far an undated or vaguely dated mention reaches from its publication date when we ask
# whether two mentions can be the same event: a "planned" meeting without a date is looked
# for in the following weeks, a denied contact "so far" in the preceding ones.
_FUTURE_WINDOW = timedelta(days=45)
_PAST_WINDOW = timedelta(days=45)
_UNDATED_WINDOW = timedelta(days=14)
# Concrete dates one day apart still match (time zones, "late on Friday" vs "Saturday").
_DAY_TOLERANCE = timedelta(days=1)
# Statuses that look forward: a report with one of them announces the event.
_FORWARD = frozenset({"planned", "proposed"})
# A mention joins the best-scoring compatible event when the score reaches this.
_MIN_SCORE = 1.0

# When the latest reports disagree, which status to show (most consequential first).
_STATUS_TIEBREAK = ("occurred", "denied", "threatened", "planned", "proposed", "uncertain")


@dataclass(slots=True)
class StatusChange:
    """One report about an event: which document said what status, when."""

    doc: str
    published: str | None
    status: str
    mention: EventMention


class MentionRef(NamedTuple):
    """One mention of a canonical event: unpacks as ``(doc id, EventMention)`` and also reads
    like the mention itself (``ref.doc``, ``ref.start``, ``ref.status``)."""

    doc: str
    mention: EventMention

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end

    @property
    def text(self) -> str:
        return self.mention.text

    @property
    def status(self) -> str:
        return self.mention.status

    @property
    def date(self) -> str | None:
        return self.mention.date


@dataclass(slots=True)
class CanonicalEvent:
    id: str
    type: str
    actors: list[str]  # entity ids, source side first
    location: str | None
    date: str | None  # TIMEX3 value
    status: str
    history: list[StatusChange] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # distinct outlets, copies counted once
    mentions: list[MentionRef] = field(default_factory=list)  # (doc id, mention) pairs
    names: dict[str, str] = field(default_factory=dict)  # entity id -> display name

    @property
    def n_sources(self) -> int:
        return len(self.sources)

    @property
    def label(self) -> str:
        """A one-line name: "summit: Donald Trump, Wladimir Putin (Anchorage)"."""
        actors = ", ".join(self.name(a) for a in self.actors) or "?"
        place = f" ({self.name(self.location)})" if self.location else ""
        return f"{self.type}: {actors}{place}"

    def name(self, ident: str | None) -> str:
        if not ident:
            return ""
        return self.names.get(ident, ident)

    def to_export(self) -> dict[str, Any]:
        """Exactly the ``events`` record of the export contract (SPEC.md)."""
        return {
            "id": self.id,
            "type": self.type,
            "actors": list(self.actors),
            "location": self.location,
            "date": self.date,
            "status": self.status,
            "documents": list(self.documents),
            "sources": list(self.sources),
            "mentions": [{"doc": d, "start": m.start, "end": m.end, "text": m.text} for d, m in self.mentions],
        }

    def to_dict(self) -> dict[str, Any]:
        """The export record plus names and the status history, for ``--format json``."""
        out = self.to_export()
        out["actor_names"] = [self.name(a) for a in self.actors]
        out["location_name"] = self.name(self.location) if self.location else None
        out["history"] = [
            {"doc": h.doc, "published": h.published, "status": h.status, "date": h.mention.date, "text": h.mention.text}
            for h in self.history
        ]
        return out


# -- merging -------------------------------------------------------------------------------
#
# How mentions become canonical events (``merge_events``):
#
# 1. Order. Mentions are processed most specific first: a date written in the mention's own
#    sentence before a date implied from the publication day, a day before a week before a
#    month (``TimexSpan.rank``), FUTURE_REF/PAST_REF/undated last; then by publication date,
#    document id and position. Firmly dated mentions thus found the clusters, and vague ones
#    join the best of them afterwards instead of seeding a wide cluster that later swallows
#    two differently dated events. The order depends only on the mentions, not on the order
#    the caller passed them in.
# 2. Blocking. A mention can only score above zero against a cluster of a compatible type that
#    shares one of its actors, or (without shared actors) its place, and whose dates overlap its
#    own. Clusters are indexed by (type family, actor or place, month) for every month their
#    dates reach, so a mention is
#    scored only against clusters sharing such a key: merging grows with the size of the blocks,
#    not with (mentions x clusters). The blocking loses nothing: overlapping day ranges always
#    share a month, and clusters with no date at all sit in a bucket every lookup reads.
# 3. Re-merge. Greedy assignment leaves pairs of clusters apart that only became compatible
#    later (a cluster seeded by "Trump" alone gains "Putin" from a later mention that names
#    both, while a "Putin"-only cluster for the same summit already exists). A second pass
#    merges such pairs with the cluster-level version of the mention test, until nothing changes.
#    Throughout, a mention marked as a further instance (``EventMention.another``: "invited him
#    to a second meeting", "met again") never shares an event with a report, made before it,
#    that the event took place (``_another_instance``): that is the first instance.
# 4. Follow-ups. A mention that names nobody and no place ("Das Treffen dauerte drei Stunden")
#    joins the cluster of the nearest preceding compatible mention of its own article.

# Clusters whose dates reach over more months than this are indexed as "wide" (read by every
# lookup of their keys) rather than under each month.
_WIDE_MONTHS = 15
_ANY = "any"  # bucket of clusters without any date
_WIDE = "wide"  # bucket of clusters with a very wide date (a year, a decade)
# At most this many re-merge passes (each pass is cheap; two usually reach the fixpoint).
_MAX_REMERGE_PASSES = 4


@dataclass(slots=True)
class _Item:
    doc: Document
    mention: EventMention
    published: date | None
    participants: frozenset[str]
    reach: tuple[date, date] | None  # the days its date can stand for (see _reach)
    # Its date is written in its own sentence (not implied from the publication date): only such
    # dates are firm enough to keep two events apart.
    explicit: bool
    concrete: bool  # its date names calendar days (not a *_REF value, not undated)
    order: tuple[Any, ...]  # processing order (see the notes above)
    chrono: tuple[str, str, int, int, str]  # (published, doc id, start, end, type): reporting order


def _item(doc: Document, m: EventMention) -> _Item:
    published = parse_published(doc.published)
    span = timex_span(m.date) if m.date else None
    explicit = span is not None and any(t.value == m.date and m.start <= t.start < m.end for t in doc.timexes)
    tier = 0 if explicit else 1 if span is not None else 2
    chrono = (doc.published or "", doc.id, m.start, m.end, m.type)
    rank = (span.rank, span.partial) if span is not None else (len(GRANULARITIES), True)
    return _Item(
        doc=doc,
        mention=m,
        published=published,
        participants=frozenset(m.actors) | frozenset(m.targets),
        reach=_reach(m.date, published),
        explicit=explicit,
        concrete=span is not None,
        order=(tier, rank, *chrono, m.trigger, m.status, m.date or ""),
        chrono=chrono,
    )


def _another_instance(further: _Item, done: _Item) -> bool:
    """Is ``further`` ("invited him to a second meeting", "met again") another instance than
    the one ``done`` reports as having taken place?

    Yes where ``done`` was reported before it: in the same article, or published on an earlier
    day, or on the same day where ``further`` looks ahead (a plan or offer made the day a
    meeting was reported is for the next one). A same-day report of something that took place
    "again" may be the very event ``done`` reports, and so may one with an explicit date on
    ``done``'s days: the dates decide those."""
    if not types_compatible(further.mention.type, done.mention.type):
        return False
    if further.doc.id == done.doc.id:
        return True
    if further.published is None or done.published is None or done.published > further.published:
        return False
    if further.mention.status == "occurred":
        if done.published == further.published:
            return False
        if further.explicit and done.concrete and _overlap(further.reach, done.reach):
            return False
    return True


def _conflicts(cl: _Cluster, it: _Item) -> bool:
    """Would ``it`` put a further instance and the first one reported before it into ``cl``?"""
    if it.mention.another:
        return any(_another_instance(it, o) for o in cl.occurred)
    return it.mention.status == "occurred" and any(_another_instance(f, it) for f in cl.further)


def _reach(value: str | None, published: date | None) -> tuple[date, date] | None:
    """The days a mention's date can stand for (see the window constants)."""
    iv = timex_interval(value) if value else None
    if iv is not None:
        return iv[0] - _DAY_TOLERANCE, iv[1] + _DAY_TOLERANCE
    if published is None:
        return None
    if value == "FUTURE_REF":
        return published, published + _FUTURE_WINDOW
    if value == "PAST_REF":
        return published - _PAST_WINDOW, published
    return published - _UNDATED_WINDOW, published + _UNDATED_WINDOW


def _overlap(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    if a is None or b is None:
        return True
    return a[0] <= b[1] and b[0] <= a[1]


def _months(reach: tuple[date, date]) -> list[int] | None:
    """Month numbers (year * 12 + month) a reach touches; None when there are too many."""
    lo = reach[0].year * 12 + reach[0].month - 1
    hi = reach[1].year * 12 + reach[1].month - 1
    return list(range(lo, hi + 1)) if hi - lo < _WIDE_MONTHS else None


class _Cluster:
    def __init__(self, item: _Item, index: int):
        self.index = index  # creation order: ties between equally good clusters go to the older
        self.items = [item]
        self.alive = True
        self.type = item.mention.type
        self.actors: Counter[str] = Counter(item.participants)
        self.locations: Counter[str] = Counter([item.mention.location] if item.mention.location else [])
        # Known reaches (mentions with some time), with their bounding box for a quick reject.
        self.known: list[tuple[date, date]] = []
        self.box: tuple[date, date] | None = None
        # Mentions with an explicit date must agree with every one of them, so an undated mention
        # can never bridge two differently dated events (February vs August call). Explicit reaches
        # of one cluster always overlap pairwise, so (Helly, in one dimension) they share the days
        # [firm_lo, firm_hi]: "overlaps all of them" is one comparison with that range.
        self.firm: tuple[date, date] | None = None
        # Reaches of calendar dates (not windows around a *_REF value or an undated report).
        self.calendar: list[tuple[date, date]] = []
        # Last day an explicitly dated report says the event took place (None: no such report).
        self.happened: date | None = None
        # Reports that it took place, and reports of a further instance ("a second meeting"): a
        # further instance is not the one already reported (see ``_another_instance``).
        self.occurred: list[_Item] = []
        self.further: list[_Item] = []
        self._note_reach(item)

    def _note_reach(self, it: _Item) -> None:
        if it.mention.another:
            self.further.append(it)
        elif it.mention.status == "occurred":
            self.occurred.append(it)
        r = it.reach
        if r is None:
            return
        self.known.append(r)
        self.box = r if self.box is None else (min(self.box[0], r[0]), max(self.box[1], r[1]))
        if it.concrete:
            self.calendar.append(r)
        if it.explicit:
            self.firm = r if self.firm is None else (max(self.firm[0], r[0]), min(self.firm[1], r[1]))
            if it.mention.status == "occurred":
                last = r[1] - _DAY_TOLERANCE  # the day itself, without the matching tolerance
                self.happened = last if self.happened is None else max(self.happened, last)

    def announced_after_it_happened(self, it: _Item) -> bool:
        """An undated plan or proposal published after this event took place is another event:
        nobody announces what has already happened ("invited him to a second meeting", reported
        the day after the first). A plan with a date inside the event's days may still be it."""
        return (
            self.happened is not None
            and it.mention.status in _FORWARD
            and not it.explicit
            and it.published is not None
            and it.published > self.happened
        )

    def _meets_known(self, reach: tuple[date, date]) -> bool:
        if not self.known:
            return True
        if not _overlap(reach, self.box):
            return False
        return any(_overlap(reach, r) for r in self.known)

    def score(self, it: _Item) -> float:
        m = it.mention
        if not types_compatible(self.type, m.type):
            return 0.0
        reach = it.reach
        # Mentions with no time at all (undated article, no date in the sentence) say nothing about
        # when: they must not let a February report join an August event.
        if reach is not None and not self._meets_known(reach):
            return 0.0
        if reach is not None and it.explicit and not _overlap(reach, self.firm):
            return 0.0
        if self.announced_after_it_happened(it):
            return 0.0
        if (self.further or it.mention.another) and _conflicts(self, it):
            return 0.0
        theirs = it.participants
        shared = [a for a in theirs if a in self.actors]
        if self.actors and theirs and not shared:
            return 0.0
        score = 0.0
        if shared:
            score += 1.0 + len(shared) / (len(self.actors) + len(theirs) - len(shared))
        loc = m.location
        if loc and self.locations:
            if loc in self.locations:
                score += 0.5
            elif len(shared) < 2:
                # a different place needs strong actor evidence ("Alaska" vs "Anchorage")
                return 0.0
        if not shared:
            # nobody named on one side: only the same place on a concrete same date will do
            exact = it.concrete and any(o.concrete and _overlap(reach, o.reach) for o in self.items)
            if not (loc and loc in self.locations and exact):
                return 0.0
            score += 0.5
        if m.type == self.type:
            score += 0.2
        return score

    def add(self, it: _Item) -> None:
        self.items.append(it)
        self.type = more_specific(self.type, it.mention.type)
        self.actors.update(it.participants)
        if it.mention.location:
            self.locations[it.mention.location] += 1
        self._note_reach(it)

    def score_cluster(self, other: _Cluster) -> float:
        """``score`` for a whole cluster: could ``other`` have been built inside this one?

        Shared actors are required (the actor-less "same place, same day" rule is for single
        mentions; for clusters it would chain every event of one city and day): two of them, or
        all actors of the smaller side. So is a common stretch of days for all explicit dates of
        both, and a meeting of their calendar dates where both have some."""
        if not types_compatible(self.type, other.type):
            return 0.0
        if self.firm is not None and other.firm is not None and not _overlap(self.firm, other.firm):
            return 0.0
        if any(self.announced_after_it_happened(it) for it in other.items) or any(
            other.announced_after_it_happened(it) for it in self.items
        ):
            return 0.0
        if (other.further and any(_another_instance(f, o) for f in other.further for o in self.occurred)) or (
                self.further and any(_another_instance(f, o) for f in self.further for o in other.occurred)):
            return 0.0
        # Windows around FUTURE_REF/undated reports (weeks wide) are too loose to join two whole
        # clusters: where both have calendar dates, two of them must meet.
        if self.calendar and other.calendar:
            if not any(_overlap(a, b) for a in self.calendar for b in other.calendar):
                return 0.0
        elif self.known and other.known and not any(self._meets_known(r) for r in other.known):
            return 0.0
        shared = [a for a in other.actors if a in self.actors]
        # One shared actor is enough for a mention (it names few), not for two clusters: "e0 met e5"
        # and "e0 met e9" on the same day stay apart unless one side names nobody the other lacks.
        if not shared or (len(shared) < 2 and len(shared) < min(len(self.actors), len(other.actors))):
            return 0.0
        score = 1.0 + len(shared) / (len(self.actors) + len(other.actors) - len(shared))
        if self.locations and other.locations:
            if any(loc in self.locations for loc in other.locations):
                score += 0.5
            elif len(shared) < 2:
                return 0.0
        if self.type == other.type:
            score += 0.2
        return score

    def absorb(self, other: _Cluster) -> None:
        for it in other.items:
            self.items.append(it)
            self.type = more_specific(self.type, it.mention.type)
        self.actors.update(other.actors)
        self.locations.update(other.locations)
        for it in other.items:
            self._note_reach(it)
        other.alive = False
        other.items = []

    def keys(self) -> set[str]:
        fam = _type_family(self.type) + "|"
        return {fam + "a:" + a for a in self.actors} | {fam + "l:" + loc for loc in self.locations}


class _Blocks:
    """Clusters by (type family + actor or place, month bucket): which clusters can a mention
    score against? Month buckets are year * 12 + month, or _ANY / _WIDE."""

    def __init__(self) -> None:
        self.buckets: dict[tuple[str, Any], list[_Cluster]] = {}
        self.every: dict[str, list[_Cluster]] = {}  # key -> all clusters with it
        self.keys: dict[int, set[str]] = {}  # cluster index -> keys registered
        self.months: dict[int, set[Any]] = {}  # cluster index -> buckets registered

    @staticmethod
    def buckets_of(cl: _Cluster) -> set[Any]:
        if not cl.known:
            return {_ANY}
        out: set[Any] = set()
        for r in cl.known:
            months = _months(r)
            if months is None:
                out.add(_WIDE)
            else:
                out.update(months)
        return out

    def update(self, cl: _Cluster) -> None:
        """Register what ``cl`` gained since the last call (new actors, places, months)."""
        old_keys = self.keys.setdefault(cl.index, set())
        old_months = self.months.setdefault(cl.index, set())
        keys, months = cl.keys(), self.buckets_of(cl)
        new_keys, new_months = keys - old_keys, months - old_months
        for k in new_keys:
            self.every.setdefault(k, []).append(cl)
            for b in months:
                self.buckets.setdefault((k, b), []).append(cl)
        for k in old_keys:
            for b in new_months:
                self.buckets.setdefault((k, b), []).append(cl)
        old_keys |= new_keys
        old_months |= new_months

    def candidates(self, keys: Iterable[str], months: Iterable[Any] | None) -> list[_Cluster]:
        """Live clusters with one of ``keys`` in one of the month buckets ``months`` (None: in
        any bucket, for an undated or very widely dated mention), oldest first."""
        found: dict[int, _Cluster] = {}
        wanted = None if months is None else [*months, _ANY, _WIDE]
        for k in keys:
            if wanted is None:
                lists = [self.every.get(k, [])]
            else:
                lists = [self.buckets.get((k, b), []) for b in wanted]
            for lst in lists:
                for cl in lst:
                    if cl.alive:
                        found[cl.index] = cl
        return [found[i] for i in sorted(found)]


@lru_cache(maxsize=256)
def _type_family(etype: str) -> str:
    """The group of types that can merge with ``etype`` (connected under ``types_compatible``:
    the contact types with negotiation and agreement, threat with sanction, tariff and attack,
    ...). A cluster never leaves its family, so blocking keys can carry it."""
    family = {etype}
    grow = True
    while grow:
        grow = False
        for t in EVENT_TYPES:
            if t not in family and any(types_compatible(t, f) for f in family):
                family.add(t)
                grow = True
    return min(family)


def _mention_keys(it: _Item) -> list[str]:
    fam = _type_family(it.mention.type) + "|"
    keys = [fam + "a:" + a for a in sorted(it.participants)]
    if it.mention.location:
        keys.append(fam + "l:" + it.mention.location)
    return keys


def _root(doc_id: str, duplicate_of: Mapping[str, str]) -> str:
    seen = {doc_id}
    while doc_id in duplicate_of and duplicate_of[doc_id] not in seen:
        doc_id = duplicate_of[doc_id]
        seen.add(doc_id)
    return doc_id


def _ambiguous(best: _Cluster, fitting: list[_Cluster]) -> bool:
    """For a report with no time at all: do the events it could join lie at different times?
    Then it says too little to choose (a Trump-Putin call "so far" in an undated article is the
    February call or the August one): it joins only an event of its own article, or stays alone."""
    return any(cl.box is not None and best.box is not None and not _overlap(cl.box, best.box) for cl in fitting)


def _cluster_mentions(items: list[_Item]) -> list[_Cluster]:
    """Steps 1-3 of the notes above, for mentions that name an actor or a place."""
    clusters: list[_Cluster] = []
    blocks = _Blocks()
    for it in sorted(items, key=lambda i: i.order):
        best, best_score = None, 0.0
        months = _months(it.reach) if it.reach is not None else None
        fitting = []
        for cl in blocks.candidates(_mention_keys(it), months):
            s = cl.score(it)
            if s >= _MIN_SCORE:
                fitting.append(cl)
            if s > best_score:
                best, best_score = cl, s
        if it.reach is None and best is not None and _ambiguous(best, fitting):
            # No time to choose by: only an event its own article already reports will do.
            same_article = [cl for cl in fitting if any(o.doc.id == it.doc.id for o in cl.items)]
            best = max(same_article, key=lambda cl: cl.score(it), default=None)
            best_score = best.score(it) if best is not None else 0.0
        if best is not None and best_score >= _MIN_SCORE:
            best.add(it)
        else:
            best = _Cluster(it, len(clusters))
            clusters.append(best)
        blocks.update(best)
    for _ in range(_MAX_REMERGE_PASSES):
        merged = False
        # Later clusters fold into earlier ones (earlier = founded by firmer mentions).
        for cl in clusters:
            if not cl.alive:
                continue
            best, best_score = None, 0.0
            own = _Blocks.buckets_of(cl)
            months = None if own & {_ANY, _WIDE} else own
            fitting = []
            for other in blocks.candidates(sorted(cl.keys()), months):
                if other.index >= cl.index:
                    continue
                s = other.score_cluster(cl)
                if s >= _MIN_SCORE:
                    fitting.append(other)
                if s > best_score:
                    best, best_score = other, s
            if best is not None and best_score >= _MIN_SCORE and not (not cl.known and _ambiguous(best, fitting)):
                best.absorb(cl)
                blocks.update(best)
                merged = True
        if not merged:
            break
    return [cl for cl in clusters if cl.alive]


def _fits(cl: _Cluster, it: _Item) -> bool:
    """Can the unnamed ``it`` follow up ``cl``? Not across a further instance ("Ein zweites Treffen
    ist geplant." after the report of the first meeting, "Der Gipfel endete ohne Einigung." after
    the invitation to a second), and not against a date written in its own sentence."""
    if _conflicts(cl, it):
        return False
    if it.explicit and it.reach is not None:
        return cl._meets_known(it.reach) and _overlap(it.reach, cl.firm)
    return True


def _attach_follow_ups(follow_ups: list[_Item], clusters: list[_Cluster], placed: dict[int, _Cluster]) -> None:
    """Step 4: unnamed mentions join the nearest preceding compatible event of their article."""
    by_doc: dict[str, list[_Item]] = {}
    for cl in clusters:
        for it in cl.items:
            by_doc.setdefault(it.doc.id, []).append(it)
    for it in sorted(follow_ups, key=lambda i: i.chrono):
        before = sorted((o for o in by_doc.get(it.doc.id, []) if o.chrono < it.chrono), key=lambda o: o.chrono)
        back = next(
            (placed[id(o)] for o in reversed(before)
             if types_compatible(placed[id(o)].type, it.mention.type) and _fits(placed[id(o)], it)),
            None,
        )
        if back is None:
            back = _Cluster(it, len(clusters))
            clusters.append(back)
        else:
            back.add(it)
        placed[id(it)] = back
        by_doc.setdefault(it.doc.id, []).append(it)


def merge_events(docs: Iterable[Document], duplicate_of: Mapping[str, str] | None = None) -> list[CanonicalEvent]:
    """Canonical events from the event mentions of ``docs``, in date order.

    ``duplicate_of`` maps a document id to the id of the article it is a near-duplicate copy
    of; copies add their mentions but not another source. Each ``EventMention.event`` is set
    to the id of the canonical event it joined. The result does not depend on the order of
    ``docs`` or of their mentions (see the notes above ``_Item`` for how mentions are merged).
    """
    duplicate_of = duplicate_of or {}
    docs = list(docs)
    by_id = {d.id: d for d in docs}
    items = [_item(d, m) for d in docs for m in d.events]
    named = [it for it in items if it.participants or it.mention.location]
    follow_ups = [it for it in items if not (it.participants or it.mention.location)]
    clusters = _cluster_mentions(named)
    placed = {id(it): cl for cl in clusters for it in cl.items}
    _attach_follow_ups(follow_ups, clusters, placed)
    for cl in clusters:
        cl.items.sort(key=lambda i: i.chrono)  # history and evidence in reporting order
    events = [_canonical(cl, by_id, duplicate_of) for cl in clusters]
    return sorted(events, key=_sort_key)


def _canonical(cl: _Cluster, by_id: Mapping[str, Document], duplicate_of: Mapping[str, str]) -> CanonicalEvent:
    first = cl.items[0]
    key = f"{first.doc.id}:{first.mention.start}:{first.mention.end}:{first.mention.type}"
    ident = "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]

    # actors: source side first, then by how many reports name them
    order: dict[str, tuple[int, int]] = {}
    for it in cl.items:
        for pos, a in enumerate(it.mention.actors):
            order.setdefault(a, (0, pos))
        for pos, a in enumerate(it.mention.targets):
            order.setdefault(a, (1, pos))
    actors = sorted(order, key=lambda a: (order[a][0], -cl.actors[a], order[a][1]))
    history = [StatusChange(it.doc.id, it.doc.published, it.mention.status, it.mention) for it in cl.items]
    status = _current_status(history)
    date_value = _best_date(cl.items, status)
    # The place where the event is reported (with its current status) to happen wins over places
    # that earlier, speculative reports named ("could take place in Saudi Arabia").
    agreeing = Counter(it.mention.location for it in cl.items if it.mention.location and it.mention.status == status)
    places = agreeing or cl.locations
    location = places.most_common(1)[0][0] if places else None

    documents: list[str] = []
    sources: list[str] = []
    seen_roots: set[str] = set()
    for it in cl.items:
        if it.doc.id not in documents:
            documents.append(it.doc.id)
        root = _root(it.doc.id, duplicate_of)
        if root in seen_roots:
            continue
        seen_roots.add(root)
        root_doc = by_id.get(root, it.doc)
        outlet = root_doc.source or it.doc.source or root
        if outlet not in sources:
            sources.append(outlet)

    names: dict[str, str] = {}
    for it in cl.items:
        for e in it.doc.entities:
            names.setdefault(e.id, e.name)
        for m in it.doc.mentions:
            if m.entity:
                names.setdefault(m.entity, m.text)
    for it in cl.items:
        it.mention.event = ident
    return CanonicalEvent(
        id=ident,
        type=cl.type,
        actors=actors,
        location=location,
        date=date_value,
        status=status,
        history=history,
        documents=documents,
        sources=sources,
        mentions=[MentionRef(it.doc.id, it.mention) for it in cl.items],
        names={k: v for k, v in names.items() if k in set(actors) | {location}},
    )


def _current_status(history: Sequence[StatusChange]) -> str:
    """What the latest day of reporting says; on a tie there, the more consequential status."""
    latest = max((h.published or "") for h in history)
    counts = Counter(h.status for h in history if (h.published or "") == latest)
    return max(counts, key=lambda s: (counts[s], -_STATUS_TIEBREAK.index(s) if s in _STATUS_TIEBREAK else -99))


def _best_date(items: Sequence[_Item], status: str) -> str | None:
    """The most specific concrete date, preferring reports that agree with the status and dates
    written in the report's own sentence over dates implied from the publication day."""
    def key(it: _Item) -> tuple[int, int, int, str]:
        return (int(it.mention.status == status), int(it.explicit), specificity(it.mention.date),
                it.doc.published or "")

    dated = [it for it in items if it.concrete]
    if dated:
        return max(dated, key=key).mention.date
    # Without a concrete date, "past" or "future" from a report that agrees with the status: an
    # occurred call is not dated "future" because one report speculated about it ("dürfte").
    refs = [it.mention.date for it in items if it.mention.date]
    agreeing = [it.mention.date for it in items if it.mention.date and it.mention.status == status]
    return (agreeing or refs)[-1] if refs else None


def _sort_key(ev: CanonicalEvent) -> tuple[int, date, str, str]:
    iv = timex_interval(ev.date)
    if iv is not None:
        return (0, iv[0], ev.date or "", ev.id)
    published = [parse_published(h.published) for h in ev.history]
    known = [p for p in published if p is not None]
    anchor = max(known) if known else date.max
    return (1 if ev.date == "FUTURE_REF" else 0 if ev.date == "PAST_REF" else 2, anchor, "", ev.id)


# -- filtering ------------------------------------------------------------------------------


def _as_date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    iv = timex_interval(value)
    return iv[0] if iv else None


def filter_events(
    events: Iterable[CanonicalEvent],
    query: str | None = None,
    date_from: str | date | None = None,
    date_to: str | date | None = None,
    status: str | Iterable[str] | None = None,
) -> list[CanonicalEvent]:
    """Events matching every given condition.

    ``query``: words that must all occur (case-insensitive) in the type, an actor's name or
    id, the place, or an evidence sentence. ``date_from``/``date_to``: the event's date must
    overlap the range; undated events are left out when a range is given. ``status``: one
    status or several.
    """
    words = [w.lower() for w in (query or "").split() if w]
    lo = _as_date(date_from)
    hi_iv = timex_interval(date_to) if isinstance(date_to, str) else None
    hi = hi_iv[1] if hi_iv else date_to if isinstance(date_to, date) else None
    wanted = {status} if isinstance(status, str) else set(status) if status else None
    out = []
    for ev in events:
        if wanted and ev.status not in wanted:
            continue
        if lo or hi:
            iv = timex_interval(ev.date)
            if iv is None or (lo and iv[1] < lo) or (hi and iv[0] > hi):
                continue
        if words:
            hay = " ".join(
                [ev.type, ev.type.replace("_", " "), ev.name(ev.location), *ev.actors, *(ev.name(a) for a in ev.actors)]
                + [m.text for _, m in ev.mentions]
            ).lower()
            if not all(w in hay for w in words):
                continue
        out.append(ev)
    return out


# -- formatting -------------------------------------------------------------------------------


def format_timeline(events: Sequence[CanonicalEvent], fmt: str = "text") -> str:
    """Render events (already in the order wanted) as text, md, csv, json or plover."""
    if fmt == "text":
        return _text(events)
    if fmt == "md":
        return _markdown(events)
    if fmt == "csv":
        return _csv(events)
    if fmt == "json":
        return json.dumps([e.to_dict() for e in events], ensure_ascii=False, indent=2)
    if fmt == "plover":
        return json.dumps(plover_records(events), ensure_ascii=False, indent=2)
    raise ValueError(f"unknown timeline format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _status_line(ev: CanonicalEvent) -> str:
    """'proposed (2025-08-06) -> occurred (2025-08-18)': the changes, not every report."""
    steps: list[str] = []
    last = None
    for h in sorted(ev.history, key=lambda h: h.published or ""):
        if h.status != last:
            steps.append(f"{h.status} ({(h.published or '?')[:10]})")
            last = h.status
    return " -> ".join(steps)


def _head(ev: CanonicalEvent) -> tuple[str, str, str]:
    actors = ", ".join(ev.name(a) for a in ev.actors) or "-"
    place = f" @ {ev.name(ev.location)}" if ev.location else ""
    return describe_timex(ev.date), actors, place


def _text(events: Sequence[CanonicalEvent]) -> str:
    lines: list[str] = []
    heads = [_head(ev) for ev in events]
    w = max([12] + [len(h[0]) for h in heads])  # "a Friday, week unknown" is wider than a date
    for ev, (when, actors, place) in zip(events, heads):
        n = ev.n_sources
        lines.append(f"{when:<{w}} {ev.type:<22} {ev.status:<11} {actors}{place}  [{n} source{'s' if n != 1 else ''}]")
        if len({h.status for h in ev.history}) > 1:
            lines.append(f"{'':{w}} status: {_status_line(ev)}")
        for doc_id, m in ev.mentions:
            lines.append(f"{'':{w}} > {m.text.strip()}  ({doc_id})")
    return "\n".join(lines) + ("\n" if lines else "")


def _md_cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def _markdown(events: Sequence[CanonicalEvent]) -> str:
    out = ["| date | type | status | actors | place | sources | evidence |", "|---|---|---|---|---|---|---|"]
    for ev in events:
        when, actors, place = _head(ev)
        status = _status_line(ev) if len({h.status for h in ev.history}) > 1 else ev.status
        evidence = "<br>".join(f"{_md_cell(m.text.strip())} ({d})" for d, m in ev.mentions)
        out.append(
            f"| {when} | {ev.type} | {_md_cell(status)} | {_md_cell(actors)} | {_md_cell(place.replace(' @ ', ''))} "
            f"| {ev.n_sources} | {evidence} |"
        )
    return "\n".join(out) + "\n"


def _csv(events: Sequence[CanonicalEvent]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "date", "type", "status", "actors", "location", "n_sources", "sources", "documents", "history", "evidence"])
    for ev in events:
        w.writerow([
            ev.id, ev.date or "", ev.type, ev.status,
            "; ".join(ev.name(a) for a in ev.actors), ev.name(ev.location) if ev.location else "",
            ev.n_sources, "; ".join(ev.sources), "; ".join(ev.documents), _status_line(ev),
            " || ".join(m.text.strip() for _, m in ev.mentions),
        ])
    return buf.getvalue()


def _trigger_code(mention: EventMention) -> str:
    """The PLOVER code the lexicon gives the mention's trigger, read in its evidence sentence
    first: some codes depend on the context ("durchsuchten" is a raid only with police or
    prosecutors nearby), which the trigger words alone do not show."""
    for text in (mention.text, mention.trigger):
        for lang in ("de", "en"):
            for found in find_triggers(text, lang):
                if found.entry.plover and found.type == mention.type and (
                    mention.trigger in found.text or found.text in mention.trigger
                ):
                    return found.entry.plover
    return ""


def plover_records(events: Sequence[CanonicalEvent]) -> list[dict[str, Any]]:
    """PLOVER-style event records (one per canonical event that PLOVER can code).

    Denied and uncertain events, and types PLOVER has no category for (elections, plain
    statements), are left out: PLOVER records what was done or announced.
    """
    out = []
    for ev in events:
        first = ev.mentions[0][1]
        code = to_plover(ev.type, ev.status, _trigger_code(first))
        if code is None:
            continue
        event, mode, context = code
        targets = set()
        for _, m in ev.mentions:
            targets.update(m.targets)
        source = [a for a in ev.actors if a not in targets] or ev.actors[:1]
        target = [a for a in ev.actors if a not in source]
        iv = timex_interval(ev.date)
        out.append({
            "id": ev.id,
            "date": ev.date if iv is not None else None,
            "event": event,
            "mode": mode,
            "context": context,
            "source": [{"actorText": ev.name(a), "entity": a} for a in source],
            "target": [{"actorText": ev.name(a), "entity": a} for a in target],
            "eventText": first.trigger,
            "text": first.text.strip(),
            "location": {"placeName": ev.name(ev.location), "entity": ev.location} if ev.location else None,
            "status": ev.status,
            "documents": list(ev.documents),
            "sources": list(ev.sources),
            "lagebildType": ev.type,
        })
    return out
