"""The data model: plain, slotted dataclasses shared by every stage.

Every annotation carries ``start``/``end`` character offsets into ``Document.text``,
the cleaned body. ``clean`` sets that text once; no later stage rewrites it, so offsets
stay valid for the whole life of a document (store, export, web view).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PUBLISHED_BASES = ("metadata", "dateline", "text", "inferred", "user")
ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
QUOTE_KINDS = ("direct", "indirect")
EVENT_STATUSES = ("occurred", "planned", "proposed", "threatened", "denied", "uncertain")


@dataclass(slots=True)
class RemovedLine:
    """A line of the extracted text that ``clean`` judged not to be article body."""

    text: str
    reason: str  # e.g. "advertisement", "byline", "photo credit", "read-also widget"
    line_no: int  # position among the lines of the raw text, so a viewer can show it in place


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    opinion: bool = False
    opinion_score: float = 0.0
    language: str | None = None  # set only where it differs from the document language


@dataclass(slots=True)
class Mention:
    """A span naming an entity. ``entity`` is the id of the linked ``Entity`` (or None)."""

    start: int
    end: int
    text: str
    type: str  # PER|ORG|LOC|MISC
    entity: str | None = None
    flags: list[str] = field(default_factory=list)  # e.g. "probable-misspelling", "role"


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None


@dataclass(slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE|TIME|DURATION|SET
    value: str  # TIMEX3 value, e.g. 2025-08-08, 2025-W33, 2025-08-XX, P3D, PRESENT_REF
    anchored: bool = True  # False where the value could not be tied to a reference date
    mod: str | None = None  # TIMEX3 mod: START|MID|END|APPROX|MORE_THAN|... ("Mitte August")


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: str  # direct|indirect
    speaker: str | None = None  # entity id
    speaker_text: str | None = None  # as written: "ein Beamter des Weißen Hauses"
    cue: str | None = None  # the reporting word: "sagte", "laut", "according to"
    medium: str | None = None  # addressee or channel: "gegenüber CNN", "auf Truth Social"


@dataclass(slots=True)
class EventMention:
    start: int  # evidence span (usually the sentence)
    end: int
    text: str
    type: str
    trigger: str = ""
    actors: list[str] = field(default_factory=list)  # entity ids, source side first
    targets: list[str] = field(default_factory=list)  # entity ids acted upon
    location: str | None = None  # entity id
    date: str | None = None  # TIMEX3 value
    status: str = "occurred"
    event: str | None = None  # id of the canonical event it was merged into
    # a further instance of its kind ("a second meeting", "erneut treffen", "another round of
    # talks"): not the one reported before, so the timeline keeps the two apart
    another: bool = False


@dataclass(slots=True)
class Problem:
    """A failure recorded on a document instead of aborting a batch."""

    stage: str
    message: str


def _flat_dict(obj: Any) -> Any:
    fields = getattr(obj, "__dataclass_fields__", None)
    if fields is None:
        return obj
    return {f: (list(v) if isinstance(v := getattr(obj, f), list) else v) for f in fields}


@dataclass(slots=True)
class Document:
    """One article and everything the pipeline learned about it."""

    text: str  # cleaned body; offsets of every annotation point into it
    id: str = ""
    raw_text: str = ""  # extracted text before cleaning
    title: str | None = None
    source: str | None = None  # outlet
    url: str | None = None
    path: str | None = None
    author: str | None = None
    language: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    published_basis: str | None = None  # one of PUBLISHED_BASES
    published_confidence: float | None = None
    removed_lines: list[RemovedLine] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)  # entities this document mentions
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    story: str | None = None
    problems: list[Problem] = field(default_factory=list)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing character ``offset`` (None between sentences)."""
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def to_dict(self, *, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
        """Plain dict of the document (like ``dataclasses.asdict`` but ~20x faster: the nested
        annotation classes are flat, so one level of conversion suffices)."""
        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            if name in exclude:
                continue
            value = getattr(self, name)
            if isinstance(value, list):
                value = [_flat_dict(v) for v in value]
            out[name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Inverse of ``to_dict``; unknown keys are ignored so older stores stay readable."""
        nested = {
            "removed_lines": RemovedLine,
            "sentences": Sentence,
            "tokens": Token,
            "mentions": Mention,
            "entities": Entity,
            "timexes": Timex,
            "quotes": Quote,
            "events": EventMention,
            "problems": Problem,
        }
        kwargs: dict[str, Any] = {}
        for name in cls.__dataclass_fields__:
            if name not in data:
                continue
            value = data[name]
            if name in nested and value is not None:
                item_cls = nested[name]
                known = item_cls.__dataclass_fields__
                value = [item_cls(**{k: v for k, v in item.items() if k in known}) for item in value]
            kwargs[name] = value
        return cls(**kwargs)
