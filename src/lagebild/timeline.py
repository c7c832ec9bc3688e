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
from typing import Any, NamedTuple

from .eventlex.timexval import parse_published, specificity, timex_interval
from .eventlex.triggers import find_triggers
from .eventlex.types import more_specific, to_plover, types_compatible
from .model import Document, EventMention

FORMATS = ("text", "md", "csv", "json", "plover")

# How far an undated or vaguely dated mention reaches from its publication date when we ask
# whether two mentions can be the same event: a "planned" meeting without a date is looked
# for in the following weeks, a denied contact "so far" in the preceding ones.
_FUTURE_WINDOW = timedelta(days=45)
_PAST_WINDOW = timedelta(days=45)
_UNDATED_WINDOW = timedelta(days=14)
# Concrete dates one day apart still match (time zones, "late on Friday" vs "Saturday").
_DAY_TOLERANCE = timedelta(days=1)
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


@dataclass(slots=True)
class _Item:
    doc: Document
    mention: EventMention
    published: date | None

    @property
    def participants(self) -> set[str]:
        return set(self.mention.actors) | set(self.mention.targets)


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


def _explicit(it: _Item) -> bool:
    """True when the mention's date is written in its own sentence (not implied from the
    publication date): only such dates are firm enough to keep two events apart."""
    m = it.mention
    if not m.date or timex_interval(m.date) is None:
        return False
    return any(t.value == m.date and m.start <= t.start < m.end for t in it.doc.timexes)


def _overlap(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    if a is None or b is None:
        return True
    return a[0] <= b[1] and b[0] <= a[1]


class _Cluster:
    def __init__(self, item: _Item):
        self.items = [item]
        self.type = item.mention.type
        self.actors: Counter[str] = Counter(item.participants)
        self.locations: Counter[str] = Counter([item.mention.location] if item.mention.location else [])
        self.reaches = [_reach(item.mention.date, item.published)]
        # Reaches of mentions with an explicit date: a new mention must agree with every one of them,
        # so an undated mention can never bridge two differently dated events (February vs August call).
        self.dated = [r for r in self.reaches if r is not None and _explicit(item)]

    def score(self, it: _Item) -> float:
        m = it.mention
        if not types_compatible(self.type, m.type):
            return 0.0
        reach = _reach(m.date, it.published)
        # Mentions with no time at all (undated article, no date in the sentence) say nothing about
        # when: they must not let a February report join an August event.
        known = [r for r in self.reaches if r is not None]
        if reach is not None and known and not any(_overlap(reach, r) for r in known):
            return 0.0
        if reach is not None and _explicit(it) and not all(_overlap(reach, r) for r in self.dated):
            return 0.0
        mine, theirs = set(self.actors), it.participants
        shared = mine & theirs
        if mine and theirs and not shared:
            return 0.0
        score = 0.0
        if shared:
            score += 1.0 + len(shared) / len(mine | theirs)
        loc = m.location
        if loc and self.locations:
            if loc in self.locations:
                score += 0.5
            elif len(shared) < 2:
                # a different place needs strong actor evidence ("Alaska" vs "Anchorage")
                return 0.0
        if not shared:
            # nobody named on one side: only the same place on a concrete same date will do
            exact = timex_interval(m.date) is not None and any(
                timex_interval(o.mention.date) is not None and _overlap(reach, _reach(o.mention.date, o.published))
                for o in self.items
            )
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
        reach = _reach(it.mention.date, it.published)
        self.reaches.append(reach)
        if reach is not None and _explicit(it):
            self.dated.append(reach)


def _root(doc_id: str, duplicate_of: Mapping[str, str]) -> str:
    seen = {doc_id}
    while doc_id in duplicate_of and duplicate_of[doc_id] not in seen:
        doc_id = duplicate_of[doc_id]
        seen.add(doc_id)
    return doc_id


def merge_events(docs: Iterable[Document], duplicate_of: Mapping[str, str] | None = None) -> list[CanonicalEvent]:
    """Canonical events from the event mentions of ``docs``, in date order.

    ``duplicate_of`` maps a document id to the id of the article it is a near-duplicate copy
    of; copies add their mentions but not another source. Each ``EventMention.event`` is set
    to the id of the canonical event it joined.
    """
    duplicate_of = duplicate_of or {}
    docs = list(docs)
    by_id = {d.id: d for d in docs}
    items = [
        _Item(d, m, parse_published(d.published))
        for d in docs
        for m in d.events
    ]
    items.sort(key=lambda it: (it.doc.published or "", it.doc.id, it.mention.start, it.mention.type))
    clusters: list[_Cluster] = []
    in_doc: list[tuple[str, _Cluster]] = []  # (doc id, cluster) of the mentions placed so far
    for it in items:
        if not it.participants and not it.mention.location:
            # "Das Treffen dauerte drei Stunden": an unnamed mention refers back to the latest
            # compatible event of its own article
            back = next(
                (cl for d, cl in reversed(in_doc) if d == it.doc.id and types_compatible(cl.type, it.mention.type)),
                None,
            )
            if back is not None:
                back.add(it)
                in_doc.append((it.doc.id, back))
                continue
        best, best_score = None, 0.0
        for cl in clusters:
            s = cl.score(it)
            if s > best_score:
                best, best_score = cl, s
        if best is not None and best_score >= _MIN_SCORE:
            best.add(it)
        else:
            best = _Cluster(it)
            clusters.append(best)
        in_doc.append((it.doc.id, best))
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
        return (int(it.mention.status == status), int(_explicit(it)), specificity(it.mention.date),
                it.doc.published or "")

    dated = [it for it in items if timex_interval(it.mention.date) is not None]
    if dated:
        return max(dated, key=key).mention.date
    refs = [it.mention.date for it in items if it.mention.date]
    return refs[-1] if refs else None


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
    return ev.date or "undated", actors, place


def _text(events: Sequence[CanonicalEvent]) -> str:
    lines: list[str] = []
    for ev in events:
        when, actors, place = _head(ev)
        n = ev.n_sources
        lines.append(f"{when:<12} {ev.type:<22} {ev.status:<11} {actors}{place}  [{n} source{'s' if n != 1 else ''}]")
        if len({h.status for h in ev.history}) > 1:
            lines.append(f"{'':12} status: {_status_line(ev)}")
        for doc_id, m in ev.mentions:
            lines.append(f"{'':12} > {m.text.strip()}  ({doc_id})")
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


def _trigger_code(trigger: str) -> str:
    for lang in ("de", "en"):
        found = find_triggers(trigger, lang)
        if found and found[0].entry.plover:
            return found[0].entry.plover
    return ""


def plover_records(events: Sequence[CanonicalEvent]) -> list[dict[str, Any]]:
    """PLOVER-style event records (one per canonical event that PLOVER can code).

    Denied and uncertain events, and types PLOVER has no category for (elections, plain
    statements), are left out: PLOVER records what was done or announced.
    """
    out = []
    for ev in events:
        first = ev.mentions[0][1]
        code = to_plover(ev.type, ev.status, _trigger_code(first.trigger))
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
