"""What story clustering reads from one article (``features``): its lead and body sentence
vectors, the names and figures it gives, the events its first sentences report and those it
announces. ``Features.card`` is what the join model compares (``pairs``); nothing here looks at
other articles.

Vectors are cached in the store (``doc_vectors``), so a rebuild or a second comparison costs no
encoding.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from ..storage import stories as db
from . import embed, neardup
from .pairs import Card

if TYPE_CHECKING:
    from ..model import Document
    from ..storage import Store

# Events in the first LEAD_SENTENCES sentences of the body are the article's lead events, provided
# they occurred, carry a full day, and that day lies at most LEAD_MAX_AGE_DAYS before publication
# (older ones are background: "after the call last week").
LEAD_SENTENCES = 2
LEAD_MAX_AGE_DAYS = 3
# Entities per document used for overlap and indexing (most mentioned first).
TOP_ENTITIES = 10
# Event types too generic to tell events apart.
GENERIC_EVENT_TYPES = frozenset({"statement", "other"})
# Prefixes of entity ids made from the name itself (no knowledge-base entry): lagebild.linking.
_LOCAL_KINDS = frozenset({"per", "org", "loc", "misc"})
MIN_NAME_WORD = 4
_FIGURE = re.compile(r"(?<![\w.,])\d[\d.,]*\d(?!\w)|(?<![\w.,])\d(?![\w.,])")
_SEPARATORS = re.compile(r"[.,]")
_NAME_TOKEN = re.compile(r"(?<![\w.])([A-ZÄÖÜ][\w\-]{2,})")
_SENT_START = re.compile(r"(?:^|[.!?:„“\"»«]\s*)$")
FULL_DAY = re.compile(r"^\d{4}-\d\d-\d\d")


@dataclass(slots=True)
class Features:
    doc_id: str
    day: int | None
    vec: np.ndarray  # lead vector: the unit mean of ``sents``
    entities: list[str]  # keys: "e:<entity id>" or, without entity linking, "n:<name>"
    sig: neardup.Signature
    sents: np.ndarray  # unit vectors of title and lead sentences (embed.sentence_matrix)
    body: np.ndarray  # unit vectors of the first own-voice sentences (embed.body_matrix)
    language: str | None = None
    names: dict[str, int] = field(default_factory=dict)  # name words of all entities (name_words)
    numbers: list[str] = field(default_factory=list)  # figures in the text (see numbers)
    lead_types: list[str] = field(default_factory=list)  # kinds of event in the first sentences
    leads: list[list[Any]] = field(default_factory=list)  # [type, [actors], full-day date] reported as news
    plans: list[list[Any]] = field(default_factory=list)  # [type, [participants], date] not yet happened
    scores: list[list[int]] = field(default_factory=list)  # match results given ("3:1", "won 6-4")
    what: np.ndarray = field(default_factory=lambda: np.zeros((0, embed.DIM), dtype=np.float32))  # embed.unnamed_matrix

    def card(self) -> Card:
        """What the join model compares (stories/pairs.py)."""
        return Card(self.doc_id, self.day, self.language, self.vec, self.sents, self.body, self.names,
                    self.numbers, self.lead_types, self.leads, self.plans, self.scores, self.what)


def _entity_keys(doc: Document) -> list[str]:
    """The document's most-mentioned linked entities; names as a fallback where nothing is linked."""
    counts = Counter(m.entity for m in doc.mentions if m.entity)
    if counts:
        return ["e:" + e for e, _ in counts.most_common(TOP_ENTITIES)]
    names: Counter[str] = Counter()
    if doc.mentions:
        for m in doc.mentions:
            names[m.text.lower()] += 1
    else:
        # No NER at all: capitalised words that do not start a sentence. In German that includes
        # every noun, which makes this a keyword overlap rather than entity overlap.
        for m in _NAME_TOKEN.finditer(doc.text):
            if _SENT_START.search(doc.text[max(0, m.start() - 3):m.start()]):
                continue
            names[m.group(1).lower()] += 1
    return ["n:" + n for n, _ in names.most_common(TOP_ENTITIES)]


def _lead_end(doc: Document) -> int:
    """Where the first LEAD_SENTENCES sentences end (300 characters without segmentation)."""
    return doc.sentences[min(LEAD_SENTENCES, len(doc.sentences)) - 1].end if doc.sentences else 300


def lead_events(doc: Document) -> list[list[Any]]:
    """[type, actors, day] of the occurred, recently dated, non-generic events in the first
    LEAD_SENTENCES sentences: what the article reports as its news."""
    end = _lead_end(doc)
    pub = db.day_number(doc.published)
    out: list[list[Any]] = []
    for ev in doc.events:
        if ev.start >= end or ev.type in GENERIC_EVENT_TYPES or ev.status != "occurred":
            continue
        if not ev.date or not FULL_DAY.match(ev.date):
            continue
        day = db.day_number(ev.date)
        if day is None or (pub is not None and not pub - LEAD_MAX_AGE_DAYS <= day <= pub):
            continue
        sig = [ev.type, sorted(set(ev.actors) | set(ev.targets)), ev.date[:10]]
        if sig not in out:
            out.append(sig)
    return out


def features(store: Store, doc: Document) -> Features:
    """Everything the clusterer needs from one document. Its vectors and its card (what the join
    model compares: ``pairs.Card``) are kept in the store, so that it can be a story's member later
    and a rebuild encodes nothing."""
    vec_blob = db.get_vector(store, doc.id, embed.MODEL_NAME)
    sents_blob = db.get_vector(store, doc.id, embed.SENTENCES_MODEL_NAME)
    body_blob = db.get_vector(store, doc.id, embed.BODY_MODEL_NAME)
    what_blob = db.get_vector(store, doc.id, embed.UNNAMED_MODEL_NAME)
    if vec_blob is None or sents_blob is None:
        if what_blob is None:
            sentences, what = embed.sentence_and_unnamed_matrices(doc)  # one encoder call for all three
            what_blob = embed.to_int8(what)
            db.put_vector(store, doc.id, embed.UNNAMED_MODEL_NAME, what_blob)
        else:
            sentences = embed.sentence_matrix(doc)  # one encoding for both cached vectors
        if vec_blob is None:
            vec_blob = embed.to_blob(embed.mean_vector(sentences))
            db.put_vector(store, doc.id, embed.MODEL_NAME, vec_blob)
        if sents_blob is None:
            sents_blob = store_sentence_vectors(store, doc, sentences)
    if body_blob is None:
        body_blob = embed.to_int8(embed.body_matrix(doc))
        db.put_vector(store, doc.id, embed.BODY_MODEL_NAME, body_blob)
    if what_blob is None:  # a store made before these vectors were kept
        what_blob = embed.to_int8(embed.unnamed_matrix(doc))
        db.put_vector(store, doc.id, embed.UNNAMED_MODEL_NAME, what_blob)
    f = Features(doc.id, db.day_number(doc.published), embed.from_blob(vec_blob), _entity_keys(doc),
                 neardup.signature(doc.text), embed.from_int8(sents_blob), embed.from_int8(body_blob), doc.language,
                 name_words(doc), numbers(doc.text), lead_types(doc), lead_events(doc), plans(doc),
                 match_scores(doc.text), embed.from_int8(what_blob))
    db.put_card(store, doc.id, f.card().stored())
    return f


def store_sentence_vectors(store: Store, doc: Document, sentences: np.ndarray | None = None) -> bytes:
    """Keep the document's title and lead sentence vectors (``embed.sentence_matrix``, encoded now
    unless given) in the store as int8; returns what was stored."""
    blob = embed.to_int8(embed.sentence_matrix(doc) if sentences is None else sentences)
    db.put_vector(store, doc.id, embed.SENTENCES_MODEL_NAME, blob)
    return blob


def name_words(doc: Document) -> dict[str, int]:
    """Mention counts of the words that identify the document's entities, whatever type the
    tagger gave them: a knowledge-base entity is one word (its id); a name outside the knowledge
    base gives the words of its normalised key, a person only the surname. The same company is
    "Hanseport Logistik" in one report and "Hanseport" in another, and the same village a place
    in one language and (wrongly) a person in the other; their entity ids differ, their name
    words do not. First names and short words ("AG", "von") name nobody in particular."""
    out: Counter[str] = Counter()
    for m in doc.mentions:
        if m.entity:
            out.update(entity_words(m.entity, m.type))
    return dict(out)


def entity_words(entity: str, mtype: str | None = None) -> list[str]:
    """The name words of one entity id (see name_words)."""
    kind, sep, key = entity.partition(":")
    if not sep or kind not in _LOCAL_KINDS:
        return [entity]
    words = key.split("-")
    if (mtype or kind.upper()) == "PER" and len(words) > 1:
        words = words[-1:]
    return [w for w in words if len(w) >= MIN_NAME_WORD]


def plans(doc: Document) -> list[list[Any]]:
    """[type, participants, date] of the non-generic events the article reports as planned,
    proposed or threatened: what a later report may bring as news."""
    out: list[list[Any]] = []
    for ev in doc.events:
        if ev.type in GENERIC_EVENT_TYPES or ev.status not in ("planned", "proposed", "threatened"):
            continue
        sig = [ev.type, sorted(set(ev.actors) | set(ev.targets)), ev.date]
        if sig not in out:
            out.append(sig)
    return out


def lead_types(doc: Document) -> list[str]:
    """Kinds of the non-generic events in the first LEAD_SENTENCES sentences, whatever their
    status or date: what the headline news is about (a summit, a phone call, a strike)."""
    end = _lead_end(doc)
    return sorted({ev.type for ev in doc.events if ev.start < end and ev.type not in GENERIC_EVENT_TYPES})


def numbers(text: str) -> list[str]:
    """Figures of two or more digits, separators dropped ("14.000" and "14,000" are one figure),
    years left out: a death toll, an amount or a length repeats across reports of one event in
    any language, and rarely across two events."""
    out = set()
    for m in _FIGURE.finditer(text):
        digits = _SEPARATORS.sub("", m.group())
        if len(digits) < 2 or (len(digits) == 4 and 1950 <= int(digits) <= 2039):
            continue
        out.add(digits)
    return sorted(out)


# Match results: "3:1", "28:25" (German) and "2-0", "6-4" (English), at most three digits a side.
# Not a result: a clock time ("um 6:40 Uhr", "at 7:30 p.m."), a range or share ("10-15 percent",
# "2024-25"), a vote or a ruling ("mit 5:4 Stimmen", "ruled 6-3"): two different votes of one bill
# belong to one story, two different results of one team do not.
_RESULT_DE = re.compile(r"(?<![\d.:,/])(\d{1,3}):(\d{1,3})(?!\d|[.:,/]\d|\s*(?:Uhr|h\b|a\.?m\.?|p\.?m\.?|GMT|UTC|MEZ|CET|local|o'clock))")
_RESULT_EN = re.compile(r"(?<![\d.:,/$€£-])(\d{1,3})[-–](\d{1,3})(?![\d%-]|[.:,/]\d|\s*(?:percent|per cent|years?|days?|months?"
                        r"|hours?|minutes?|km|m\b|million|billion))")
# Not after a clock word ("um 6:40") or a reference ("Az. 3-17", "Meldung 0-28", "Gleis 4-5"),
# not before a unit ("3-4 Prozent", "2-3 Tage").
_NOT_A_RESULT_AFTER_WORD = re.compile(
    r"(?:\b(?:um|gegen|ab|bis|at|by|until|nr|no|az|art|abs|artikel|section|kapitel|seite|page"
    r"|pp?|tel|fax|isbn|meldung|flug|flight|zug|linie|line|gleis|platform|route|bus)\.?|§)\s*$", re.I)
_UNIT_AFTER = re.compile(r"\s*(?:prozent|%|jahre?n?|tage?n?|monate?n?|wochen?|stunden?|minuten?|sekunden?|mal|euro|dollar"
                         r"|millionen|milliarden|kilometern?|metern?|grad|times|degrees|euros?|dollars?|weeks?|seconds?"
                         r"|per\s*cent)\b", re.I)
_VOTE_NEAR = re.compile(r"\b(?:stimmen|stimmten|gegenstimmen|votes?|voted|votum|ruled|urteil\w*|mehrheit|majority"
                        r"|abstimmung|enthaltung\w*|abstentions?|richter\w*|justices)\b", re.I)


def match_scores(text: str) -> list[list[int]]:
    """The match results an article gives, each as [lower, higher] (the English winner-first "6-1"
    and the German home-first "1:6" are one result), in the order the text first gives them: a
    report leads with its match's result, and set or period scores follow. Two reports of one team
    that give different results report different matches (``pairs.results_differ``)."""
    found: list[tuple[int, list[int]]] = []
    for rx in (_RESULT_DE, _RESULT_EN):
        for m in rx.finditer(text):
            if _NOT_A_RESULT_AFTER_WORD.search(text[max(0, m.start() - 12):m.start()]) or _UNIT_AFTER.match(text, m.end()):
                continue
            if _VOTE_NEAR.search(text[max(0, m.start() - 40):m.end() + 40]):
                continue
            a, b = int(m.group(1)), int(m.group(2))
            found.append((m.start(), [min(a, b), max(a, b)]))
    out: list[list[int]] = []
    for _, result in sorted(found):
        if result not in out:
            out.append(result)
    return out


def figure_text(text: str, digits: str) -> str:
    """The figure ``digits`` (separators dropped, numbers) as the text first writes it."""
    for m in _FIGURE.finditer(text):
        if _SEPARATORS.sub("", m.group()) == digits:
            return m.group()
    return digits
