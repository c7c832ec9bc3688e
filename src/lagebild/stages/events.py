"""Stage 9, events: who did what to whom, when, where, and with which status.

Rule-based and fast. For every sentence the trigger lexicon (``lagebild.eventlex``) proposes
event words; a few sentence-level rules decide which of them are events of their own:

* a threat word is a cue for the typed measure it introduces ("droht mit Zöllen" is a tariff,
  threatened) and an event only when nothing else follows it;
* a topic noun after "über/about" in a sentence that reports talks is what was discussed
  ("Gespräche über einen Waffenstillstand" is one negotiation, not also an agreement);
* a contact noun used as a time reference ("nach dem Gipfel", "at the end of the meeting") is
  not an event where the sentence reports something else;
* a reaction verb with a definite object ("kritisierte die Angriffe", "welcomed the
  agreement") reports the reaction, a statement, not the event reacted to;
* "agreed to meet" / "vereinbarten ein Treffen" is a planned meeting, not an agreement;
* a threat compound names its measure ("Zolldrohung" is a tariff, threatened), and stopped
  aid ("stoppt die Militärhilfe") is a sanction;
* statements ("sagte", "kritisierte") are events only when the sentence reports nothing else,
  and only with a named speaker;
* one contact event (meeting, summit, visit, phone call, negotiation) per status and sentence.

Actors are the PER/ORG mentions (and LOC mentions used as actors, "Russland griff an") of the
trigger's clause, with the main clause's subject added where the trigger's clause has none or
opens with a pronoun ("Trump sagte, er werde Putin treffen"). The location is a LOC mention
after a locative preposition. The date is the nearest DATE/TIME expression in the clause, then
in the sentence, else what the sentence implies: the publication day for something that
happened, FUTURE_REF/PAST_REF otherwise. A bare weekday that the time stage placed on the
wrong side of the publication date for the clause's tense is moved by a week ("made a visit
on Sunday" in a Monday paper is yesterday). The status comes from ``eventlex.modality``.
Upstream annotations that are missing (no mentions, no timexes, no sentences) degrade the
result instead of failing: events still come out, with fewer actors or implied dates.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..eventlex.modality import StatusContext, clause_tense, decide_status, is_past_context
from ..eventlex.timexval import parse_published, relation_to
from ..eventlex.triggers import TriggerMatch, find_triggers
from ..eventlex.types import CONTACT_TYPES
from ..model import Document, EventMention, Mention, Sentence, Timex
from ..pipeline import stage

_LANGS = ("de", "en")

# Clause boundaries inside a sentence (a comma between two names lists them and is skipped,
# see ``_clauses``).
_CLAUSE_BREAK = re.compile(
    r"\s*(?:[,;:()\[\]]|\s[–—-]\s|[–—])\s*"
    r"|\s+(?=(?:as|while|whereas|after|before|because|although|when)\s+(?!well\b|soon\b|long\b|of\b)[\w.]+\s+\w)"
)
_WORD = re.compile(r"\w+")
# After the second of two comma-separated names, the list goes on: "Merz, Macron und Starmer".
_LIST_GOES_ON = re.compile(r"\s*(?:,|und\b|and\b|oder\b|or\b|sowie\b|as\s+well\s+as\b)", re.I)

# A place: after a locative preposition, optionally with article and up to two modifiers
# ("in der russischen Region Saratow", "in the western city of Ternopil").
_LOC_PREP = {
    "de": re.compile(
        r"\b(?i:in|im|nach|auf|bei|beim|an|vor|nahe|über|gegenüber\s+von)\s+(?i:der|dem|den|die|das)?\s*"
        r"(?:[a-zäöü][\w-]*\s+)?(?:(?i:region|stadt|hauptstadt|provinz|gebiet|oblast|ort|dorf|hafenstadt|grenzstadt|"
        r"grenzregion|großstadt|metropole)\s+)?$"
    ),
    "en": re.compile(
        r"\b(?i:in|at|to|near|on|outside|inside|over)\s+(?i:the\s+)?(?:[a-z][\w-]*\s+)?"
        r"(?:(?i:city|town|region|province|village|capital|port|state|oblast)\s+(?i:of\s+)?)?$"
    ),
}
_AGENT_PREP = {
    "de": re.compile(r"\b(?:von|vom|durch|seitens)\s+(?:der|dem|den|die|das)?\s*$", re.I),
    "en": re.compile(r"\bby\s+(?:the\s+)?$", re.I),
}
_PASSIVE = {
    "de": re.compile(r"\b(?:wurde|wurden|worden|wird|werden)\b", re.I),
    "en": re.compile(r"\b(?:was|were|been|being|is|are)\s+\w+ed\b", re.I),
}
_PRONOUN_START = {
    "de": re.compile(r"^\s*(?:dass\s+|ob\s+)?(?:er|sie|es|man|wir|ich)\b", re.I),
    "en": re.compile(r"^\s*(?:that\s+)?(?:he|she|it|they|we|i)\b", re.I),
}
# A contact noun after these is a time reference ("nach dem Gipfel", "at the end of the meeting"),
# not an event of its own, where the sentence reports something else.
_TEMPORAL_REF = {
    "de": re.compile(r"\b(?:nach|vor|seit|während|bei|am\s+rande|zum\s+abschluss|im\s+vorfeld|zu\s+beginn|am\s+ende)\s+(?:des|der|dem|den|einem|einer|ihrem|seinem)\s+(?:[\w-]+\s+){0,2}$", re.I),
    "en": re.compile(r"\b(?:after|before|since|during|ahead\s+of|following|at\s+the\s+(?:end|start|close|margins?|sidelines?)\s+of|on\s+the\s+sidelines\s+of)\s+(?:the|a|an|their|his|her|its)\s+(?:[\w-]+\s+){0,2}$", re.I),
}
# A reaction verb followed by a definite noun names an event reported elsewhere ("kritisierte
# die Angriffe", "welcomed the agreement"): the sentence is about the reaction.
_DEFINITE_OBJECT = {
    "de": re.compile(r"^\s+(?:die|den|das|der|diese[nrs]?|jene[nrs]?)\s+(?:[\w-]+\s+){0,2}$", re.I),
    "en": re.compile(r"^\s+(?:the|this|these|that|those)\s+(?:[\w-]+\s+){0,2}$", re.I),
}
_REACTION_CODES = ("ACCUSE", "SUPPORT", "REJECT")
# Compound threat words that name the threatened measure ("Zolldrohung", "sanction threat").
_THREAT_OBJECT = (
    (re.compile(r"zoll|zöll|tariff", re.I), "tariff"),
    (re.compile(r"sanktion|sanction|embargo", re.I), "sanction"),
    (re.compile(r"angriff|militär|attack|military|invasion", re.I), "attack"),
)
# Aid that is stopped is a sanction: "stoppt die Militärhilfe", "halted economic aid".
_AID_STOPPED = {
    "de": re.compile(r"\b(?:stopp\w*|stell\w*\s+(?:[\w-]+\s+){0,3}ein|eingestellt|ausgesetzt|setz\w*\s+(?:[\w-]+\s+){0,3}aus|kürz\w*|gekürzt|strich|gestrichen|friert|eingefroren)\s+(?:[\w-]+\s+){0,3}$", re.I),
    "en": re.compile(r"\b(?:halt\w*|suspend\w*|cut\w*|stop\w*|freez\w*|froze|withh[eo]ld\w*|prohibit\w*|end\w*|reduc\w*)\s+(?:[\w-]+\s+){0,3}$", re.I),
}
_TOPIC_PREP = {
    "de": re.compile(r"\b(?:über|um|zu|zum|zur|wegen|bezüglich|hinsichtlich)\s+(?:[\w-]+\s+){0,3}$", re.I),
    # "on"/"for" only with an article: "talks on a ceasefire", not "killed on Sunday"
    "en": re.compile(
        r"\b(?:about|over|regarding|concerning)\s+(?:[\w-]+\s+){0,3}$"
        r"|\b(?:on|for)\s+(?:a|an|the|new|further|possible|(?:[\w-]+\s+)?to)\s+(?:[\w-]+\s+){0,2}$",
        re.I,
    ),
}
# Past finite forms: a trigger in the past tense reports a done event.
_DE_STRONG_PAST = re.compile(
    r"^(?:traf|trafen|kam|kamen|empfing|griff|griffen|rief|riefen|trat|unterschrieb\w*|beschoss\w*|flog|lud|bot|schlug)\b", re.I
)
_EN_PAST = re.compile(r"^(?:met|struck|sent|gave|flew|sat|held|\w+ed)\b", re.I)
_EN_NOT_PAST_BEFORE = re.compile(r"\b(?:will|would|to|be|shall|could|might|may|can)\s+(?:\w+\s+)?$", re.I)
_DE_VERB_PAST = re.compile(r"^[a-zäöüß]\w*(?:te|ten)\b")

# Agreement verbs that, before a contact word, express an intent to meet ("agreed to meet").
_INTENT_AGREE = re.compile(r"^(?:agreed|agree|agrees|vereinbart\w*|verabredet\w*|einigt\w*|einigen|geeinigt)", re.I)
_WEEKDAY = re.compile(
    r"^(?:am\s+|on\s+|last\s+|this\s+)?(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:abend|morgen|nachmittag|vormittag|\s+\w+)?$",
    re.I,
)
_SENT_FALLBACK = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ\"„»])")
_GERMAN_HINT = re.compile(r"\b(?:der|die|das|und|nicht|sich|mit|auf|für|ist)\b", re.I)

ACTOR_TYPES = ("PER", "ORG", "LOC")
# Who reports an event is not taking part in it: "nach Angaben des Kremls", "according to Kyiv".
_ATTRIBUTION = {
    "de": re.compile(r"\b(?:nach\s+angaben|laut|zufolge|nach\s+informationen|nach\s+berichten)\s+(?:des|der|von|dem|aus)?\s*(?:[\w-]+\s+){0,2}$", re.I),
    "en": re.compile(r"\b(?:according\s+to|cited\s+by|reported\s+by|sources\s+in)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I),
}
# An organisation named after "im"/"at the" is usually a building: "im Kreml", "at the White House".
_BUILDING_PREP = {
    "de": re.compile(r"\b(?:im|ins|vor\s+dem)\s+$", re.I),
    "en": re.compile(r"\b(?:at|in|to|outside)\s+the\s+$", re.I),
}
# A weekday after these names the time of the thing announced, not of the report.
_TARGET_TIME = re.compile(r"\b(?:für|bis|ab|for|until|by|from|next|nächsten?|kommenden?)\s+$", re.I)


@dataclass(slots=True)
class _Candidate:
    trig: TriggerMatch
    clause: int
    status: str = "occurred"
    date: str | None = None
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    location: str | None = None
    intent: bool = False  # "agreed to meet": planned unless marked otherwise
    typed_as: str | None = None  # a threat word that names its measure ("Zolldrohung")
    extra: list[TriggerMatch] = field(default_factory=list)  # merged contact triggers

    @property
    def type(self) -> str:
        return self.typed_as or self.trig.type


@dataclass(slots=True)
class _SentenceView:
    start: int
    end: int
    text: str
    lang: str
    clauses: list[tuple[int, int]]  # offsets relative to the sentence start
    mentions: list[Mention]
    timexes: list[Timex]

    def clause_of(self, rel: int) -> int:
        for i, (a, b) in enumerate(self.clauses):
            if a <= rel < b:
                return i
        return len(self.clauses) - 1


def _clauses(text: str, joins: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Clause spans of a sentence. ``joins`` are gaps between two adjacent mentions: a comma
    there lists names ("Deutschlands, Frankreichs und Großbritanniens") and splits nothing."""
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in _CLAUSE_BREAK.finditer(text):
        if any(a <= m.start() and m.end() <= b for a, b in joins):
            continue
        if m.start() > pos:
            pieces.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        pieces.append((pos, len(text)))
    return pieces or [(0, len(text))]


def _fallback_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for line_m in re.finditer(r"[^\n]+", text):
        pos = line_m.start()
        for part in _SENT_FALLBACK.split(line_m.group()):
            idx = text.find(part, pos)
            if part.strip():
                out.append(Sentence(idx, idx + len(part)))
            pos = idx + len(part)
    return out


def _guess_language(text: str) -> str:
    sample = text[:2000]
    return "de" if len(_GERMAN_HINT.findall(sample)) >= max(2, len(sample.split()) // 25) else "en"


class EventExtractor:
    """Finds event mentions in an annotated document. Stateless apart from its config."""

    def __init__(self, *, statements: bool = True, quote_statements: bool = True):
        self.statements = statements
        self.quote_statements = quote_statements

    # -- public -------------------------------------------------------------------------

    def extract(self, doc: Document) -> list[EventMention]:
        text = doc.text
        if not text.strip():
            return []
        doc_lang = doc.language if doc.language in _LANGS else None
        if doc_lang is None:
            doc_lang = _guess_language(text) if not doc.language else None
        sentences = doc.sentences or _fallback_sentences(text)
        published = parse_published(doc.published)
        mentions = sorted(doc.mentions, key=lambda m: m.start)
        m_starts = [m.start for m in mentions]
        timexes = sorted(doc.timexes, key=lambda t: t.start)
        t_starts = [t.start for t in timexes]

        triggers_by_lang: dict[str, list[TriggerMatch]] = {}
        out: list[EventMention] = []
        for sent in sentences:
            lang = sent.language if sent.language in _LANGS else doc_lang
            if lang is None:
                continue
            if lang not in triggers_by_lang:
                triggers_by_lang[lang] = find_triggers(text, lang)
            trigs = triggers_by_lang[lang]
            starts = [t.start for t in trigs]
            lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
            sent_trigs = [t for t in trigs[lo:hi] if t.end <= sent.end]
            # a cued quote that starts here can make a statement event of an otherwise empty sentence
            sent_quotes = [q for q in doc.quotes if q.cue and q.speaker and sent.start <= q.start < sent.end]
            if not sent_trigs and not (self.quote_statements and self.statements and sent_quotes):
                continue
            stext = text[sent.start : sent.end]
            view = _SentenceView(
                start=sent.start,
                end=sent.end,
                text=stext,
                lang=lang,
                clauses=[],
                mentions=mentions[bisect.bisect_left(m_starts, sent.start) : bisect.bisect_left(m_starts, sent.end)],
                timexes=timexes[bisect.bisect_left(t_starts, sent.start) : bisect.bisect_left(t_starts, sent.end)],
            )
            joins = [
                (a.end - sent.start, b.start - sent.start)
                for a, b in zip(view.mentions, view.mentions[1:])
                if 0 < b.start - a.end <= 3 and _LIST_GOES_ON.match(text, b.end)
            ]
            view.clauses = _clauses(stext, joins)
            out.extend(self._sentence_events(doc, view, sent_trigs, published))
        return out

    # -- per sentence -------------------------------------------------------------------

    def _sentence_events(
        self, doc: Document, view: _SentenceView, trigs: list[TriggerMatch], published: date | None
    ) -> list[EventMention]:
        cands = [_Candidate(t, view.clause_of(t.start - view.start)) for t in trigs]
        clause_kinds: dict[int, set[str]] = {}
        for c in cands:
            clause_kinds.setdefault(c.clause, set()).add(c.trig.type)
        cands = self._select(view, cands)
        if not cands:
            return self._quote_statement(doc, view)
        for c in cands:
            self._fill(doc, view, c, published, clause_kinds)
        # a statement is only worth reporting with a named speaker
        cands = [c for c in cands if c.trig.type != "statement" or c.actors]
        return [self._to_mention(view, c) for c in self._group(cands)]

    def _select(self, view: _SentenceView, cands: list[_Candidate]) -> list[_Candidate]:
        """Apply the sentence-level rules of the module docstring."""
        lang = view.lang

        def before(c: _Candidate, width: int = 60) -> str:
            rel = c.trig.start - view.start
            return view.text[max(0, rel - width) : rel]

        # "Zolldrohung": a threat word naming its measure is that measure, threatened
        for c in cands:
            if c.trig.type == "threat":
                for rx, typ in _THREAT_OBJECT:
                    if rx.search(c.trig.text):
                        c.typed_as = typ
                        break
        for c in cands:
            if c.trig.type == "aid_or_arms_supply" and _AID_STOPPED[lang].search(before(c, 50)):
                c.typed_as = "sanction"
        # reaction verb + definite noun: the reaction is the event
        reactions = [c for c in cands if c.trig.type == "statement" and c.trig.entry.plover in _REACTION_CODES]
        if reactions:
            definite = _DEFINITE_OBJECT[lang]
            cands = [
                c
                for c in cands
                if not (
                    "t" in c.trig.entry.flags
                    and any(
                        r.trig.end <= c.trig.start
                        and definite.match(view.text[r.trig.end - view.start : c.trig.start - view.start])
                        for r in reactions
                    )
                )
            ]
        # contact nouns used as a time reference, when something else is reported
        temporal = _TEMPORAL_REF[lang]
        refs = [c for c in cands if c.trig.type in CONTACT_TYPES and "t" in c.trig.entry.flags and temporal.search(before(c))]
        if refs and len(refs) < len([c for c in cands if c.trig.type != "statement"]):
            cands = [c for c in cands if c not in refs]
        typed = [c for c in cands if c.trig.type not in ("statement", "threat")]
        # threat words absorbed by a typed measure in their own or the next clause
        kept: list[_Candidate] = []
        for c in cands:
            if c.trig.type == "threat" and any(
                o.clause in (c.clause, c.clause + 1) and o.trig.start > c.trig.start or
                o.clause == c.clause
                for o in typed
            ):
                continue
            kept.append(c)
        cands = kept
        # topic nouns in a sentence that also reports talks/contact/statement
        has_frame_event = any(
            c.trig.type in CONTACT_TYPES or c.trig.type in ("statement", "agreement", "deadline") for c in cands
        )
        if has_frame_event:
            topic = _TOPIC_PREP[lang]
            topical = [
                c
                for c in cands
                if "t" in c.trig.entry.flags
                and c.trig.type not in CONTACT_TYPES
                and topic.search(before(c))
                and any(o is not c and o.trig.type != c.trig.type for o in cands)
            ]
            # the rest of a topic goes with it: "to agree to a ceasefire" is one topic, not two
            cands = [
                c
                for c in cands
                if not any(
                    t is c or (t.clause == c.clause and t.trig.type == c.trig.type and t.trig.start < c.trig.start)
                    for t in topical
                )
            ]
        # "agreed to meet": the agreement verb becomes the intent of the contact event
        contacts = [c for c in cands if c.trig.type in CONTACT_TYPES]
        drop: set[int] = set()
        for c in cands:
            if c.trig.type == "agreement" and _INTENT_AGREE.match(c.trig.text):
                follow = [o for o in contacts if o.clause == c.clause and o.trig.start > c.trig.start]
                if follow:
                    drop.add(id(c))
                    for o in follow:
                        o.intent = True
        cands = [c for c in cands if id(c) not in drop]
        # statements only when nothing else is reported
        if any(c.trig.type != "statement" for c in cands):
            cands = [c for c in cands if c.trig.type != "statement"]
        elif cands:
            cands = cands[:1] if self.statements else []
        return cands

    def _group(self, cands: list[_Candidate]) -> list[_Candidate]:
        """One contact event per status; one event per (type, status) otherwise."""
        out: list[_Candidate] = []
        for c in cands:
            twin = None
            for o in out:
                same_group = (c.type in CONTACT_TYPES and o.type in CONTACT_TYPES) or c.type == o.type
                if same_group and o.status == c.status:
                    twin = o
                    break
            if twin is None:
                out.append(c)
                continue
            if CONTACT_TYPES.get(c.type, 0) > CONTACT_TYPES.get(twin.type, 0):
                c.extra.append(twin.trig)
                _absorb(c, twin)
                out[out.index(twin)] = c
            else:
                twin.extra.append(c.trig)
                _absorb(twin, c)
        return out

    # -- attributes ---------------------------------------------------------------------

    def _fill(
        self, doc: Document, view: _SentenceView, c: _Candidate, published: date | None, clause_kinds: dict[int, set[str]]
    ) -> None:
        lang = view.lang
        rel_s, rel_e = c.trig.start - view.start, c.trig.end - view.start
        ca, cb = view.clauses[c.clause]
        # earlier clauses without an event of their own frame this one ("Trump drohte, ...")
        frame_parts = []
        for i, (a, b) in enumerate(view.clauses):
            kinds = clause_kinds.get(i, set())
            if i == c.clause or kinds - {"statement", "threat"}:
                continue
            if i < c.clause or "statement" in kinds:
                frame_parts.append(view.text[a:b])
        frame = " ".join(frame_parts)

        # date: nearest DATE/TIME timex in the clause, then in the sentence
        explicit = self._date(view, c, ca, cb, published, clause_kinds)
        relation = relation_to(explicit, published) if explicit else 0
        # a blanked trigger keeps its own letters from acting as cues ("agreed" is no "agree to")
        blanked = view.text[:rel_s] + " " * (rel_e - rel_s) + view.text[rel_e:]
        ctx = StatusContext(
            sentence=blanked,
            trigger_start=rel_s,
            trigger_end=rel_e,
            clause_start=ca,
            clause_end=cb,
            frame=frame,
            trigger_is_past=_is_past(view.text, rel_s, c.trig.text, lang),
            trigger_is_cue=c.trig.type == "threat",
            date_relation=relation,
        )
        status = decide_status(ctx, lang)
        if c.trig.type == "statement":
            # A reported statement was made; what it demands or proposes is not the event.
            status = "occurred" if status in ("proposed", "threatened") else status
        if c.intent and status == "occurred":
            status = "planned"
        c.status = status
        if explicit and published is not None:
            explicit = self._date_agreeing_with_status(view, c, explicit, status, published)
        c.date = explicit or self._implied_date(view.text[ca:cb], status, published, lang)
        self._participants(doc, view, c, ca, cb)

    def _date(
        self,
        view: _SentenceView,
        c: _Candidate,
        ca: int,
        cb: int,
        published: date | None,
        clause_kinds: dict[int, set[str]],
    ) -> str | None:
        best: tuple[int, int, str, Timex] | None = None
        for t in view.timexes:
            if t.type not in ("DATE", "TIME") or not t.value or t.value.startswith("P"):
                continue
            if t.value == "PRESENT_REF":
                continue
            rel = t.start - view.start
            in_clause = 0 if ca <= rel < cb else 1
            if in_clause and clause_kinds.get(view.clause_of(rel), set()) - {"statement", "threat"}:
                continue  # it dates the event of its own clause
            dist = abs(rel - (c.trig.start - view.start))
            key = (in_clause, dist, t.value, t)
            if best is None or key[:3] < best[:3]:
                best = key
        if best is None:
            return None
        value = best[2]
        timex = best[3]
        left = view.text[max(0, timex.start - view.start - 12) : timex.start - view.start]
        if published is not None and _WEEKDAY.match(timex.text.strip()) and not _TARGET_TIME.search(left):
            value = _weekday_by_tense(value, published, clause_tense(view.text[ca:cb], view.lang))
        # An event date is a day (or coarser); the time of day is the timex's business.
        return value.split("T")[0] if "T" in value and value[:4].isdigit() else value

    @staticmethod
    def _date_agreeing_with_status(view: _SentenceView, c: _Candidate, value: str, status: str,
                                   published: date) -> str:
        """The nearest date of the sentence that lies on the side of the publication date the status
        implies, when the nearest date overall does not: in "spoke on Wednesday and agreed to meet
        next week" the planned meeting is next week, not Wednesday."""
        want_future = status in ("planned", "proposed", "threatened")
        want_past = status == "occurred"
        rel = relation_to(value, published)
        if not ((want_future and rel <= 0) or (want_past and rel > 0)):
            return value
        pos = c.trig.start
        options = []
        for t in view.timexes:
            if t.type not in ("DATE", "TIME") or not t.value or not t.value[:1].isdigit():
                continue
            r = relation_to(t.value, published)
            if (want_future and r > 0) or (want_past and r <= 0):
                options.append((abs(t.start - pos), t.value))
        if not options:
            return value
        best = min(options)[1]
        return best.split("T")[0] if "T" in best else best

    @staticmethod
    def _implied_date(clause: str, status: str, published: date | None, lang: str) -> str | None:
        if status == "occurred":
            return published.isoformat() if published else "PAST_REF"
        if status in ("planned", "proposed", "threatened"):
            return "FUTURE_REF"
        return "PAST_REF" if is_past_context(clause, lang) else "FUTURE_REF"

    def _participants(self, doc: Document, view: _SentenceView, c: _Candidate, ca: int, cb: int) -> None:
        lang = view.lang
        loc_prep, agent_prep = _LOC_PREP[lang], _AGENT_PREP[lang]
        rel_trig = c.trig.start - view.start

        def rel(m: Mention) -> int:
            return m.start - view.start

        def in_span(m: Mention, a: int, b: int) -> bool:
            return a <= rel(m) < b

        def is_place(m: Mention) -> bool:
            left = view.text[max(0, rel(m) - 40) : rel(m)]
            if m.type == "LOC":
                return bool(loc_prep.search(left))
            return m.type == "ORG" and bool(_BUILDING_PREP[lang].search(left))

        attribution = _ATTRIBUTION[lang]
        usable = [
            m
            for m in view.mentions
            if m.type in ACTOR_TYPES and not attribution.search(view.text[max(0, rel(m) - 40) : rel(m)])
        ]
        clause_ms = [m for m in usable if in_span(m, ca, cb)]
        actor_ms = [m for m in clause_ms if not is_place(m)]
        clause_text = view.text[ca:cb]
        if c.trig.type == "statement":
            actor_ms = self._speaker_first(doc, view, c, usable)
        elif not actor_ms or _PRONOUN_START[lang].match(clause_text):
            # borrow the subject of the main clause (the first clause with an actor)
            for a, b in view.clauses:
                if (a, b) == (ca, cb):
                    continue
                outside = [m for m in usable if in_span(m, a, b) and not is_place(m)]
                if outside:
                    actor_ms = outside[:1] + actor_ms
                    break
            if not actor_ms:
                speaker = self._quote_speaker(doc, view)
                if speaker:
                    c.actors.append(speaker)
        # location: a place after a locative preposition, nearest to the trigger
        if c.trig.type == "visit":
            # the destination of a visit: "besuchte Kiew", "visit the White House"
            dest = [m for m in actor_ms if m.type == "LOC" and rel(m) > rel_trig]
            if dest:
                c.location = dest[0].entity or dest[0].text
                actor_ms = [m for m in actor_ms if m is not dest[0]]
        places = [m for m in clause_ms if is_place(m)] or [m for m in usable if is_place(m)]
        if places and c.location is None:
            loc = min(places, key=lambda m: abs(rel(m) - rel_trig))
            c.location = loc.entity or loc.text
        passive = bool(_PASSIVE[lang].search(clause_text))
        sources: list[str] = []
        targets: list[str] = []
        for m in actor_ms:
            ident = m.entity or m.text
            if c.trig.type == "statement":
                (sources if not sources else targets).append(ident)
                continue
            agent = passive and agent_prep.search(view.text[max(0, rel(m) - 12) : rel(m)])
            if agent:
                sources.insert(0, ident)
            elif rel(m) < rel_trig and not passive:
                sources.append(ident)
            elif c.trig.type in CONTACT_TYPES or c.trig.type == "agreement":
                # symmetric relations: everyone named takes part on an equal footing
                sources.append(ident)
            else:
                targets.append(ident)
        c.actors = _unique(c.actors + sources)
        c.targets = [t for t in _unique(targets) if t not in c.actors]

    def _speaker_first(self, doc: Document, view: _SentenceView, c: _Candidate, usable: Sequence[Mention]) -> list[Mention]:
        """Mentions for a statement, the speaker first."""
        speaker = self._quote_speaker(doc, view)
        rel_trig = c.trig.start - view.start
        persons = [m for m in usable if m.type in ("PER", "ORG")] or list(usable)
        if speaker:
            first = [m for m in persons if (m.entity or m.text) == speaker]
            rest = [m for m in persons if (m.entity or m.text) != speaker]
            return first + rest
        # nearest person/organisation: before the cue ("Merz sagte") or right after ("sagte Merz")
        ordered = sorted(persons, key=lambda m: (abs((m.start - view.start) - rel_trig)))
        return ordered

    @staticmethod
    def _quote_speaker(doc: Document, view: _SentenceView) -> str | None:
        for q in doc.quotes:
            if q.speaker and q.start < view.end and q.end > view.start:
                return q.speaker
        return None

    def _quote_statement(self, doc: Document, view: _SentenceView) -> list[EventMention]:
        """A sentence with a cued quote and no event word: the statement itself."""
        if not (self.statements and self.quote_statements):
            return []
        for q in doc.quotes:
            if q.cue and q.speaker and view.start <= q.start < view.end:
                published = parse_published(doc.published)
                return [
                    EventMention(
                        start=view.start,
                        end=view.end,
                        text=view.text,
                        type="statement",
                        trigger=q.cue,
                        actors=[q.speaker],
                        date=self._date_for_statement(view, published),
                        status="occurred",
                    )
                ]
        return []

    @staticmethod
    def _date_for_statement(view: _SentenceView, published: date | None) -> str | None:
        for t in view.timexes:
            if t.type in ("DATE", "TIME") and t.value and t.value[:1].isdigit():
                return t.value.split("T")[0]
        return published.isoformat() if published else None

    @staticmethod
    def _to_mention(view: _SentenceView, c: _Candidate) -> EventMention:
        return EventMention(
            start=view.start,
            end=view.end,
            text=view.text,
            type=c.typed_as or c.trig.type,
            trigger=c.trig.text,
            actors=c.actors,
            targets=c.targets,
            location=c.location,
            date=c.date,
            status=c.status,
        )


def _weekday_by_tense(value: str, published: date, tense: int) -> str:
    """A bare weekday resolved to the wrong side of the publication date, moved by a week.

    "made a visit on Sunday" in a Monday paper is yesterday, "will meet on Friday" is ahead;
    a resolver that ignores tense gets one of them wrong."""
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    if tense < 0 and 0 < (day - published).days <= 7:
        day -= timedelta(days=7)
    elif tense > 0 and 0 < (published - day).days <= 7:
        day += timedelta(days=7)
    else:
        return value
    return day.isoformat() + value[10:]


def _absorb(keep: _Candidate, other: _Candidate) -> None:
    keep.actors = _unique(keep.actors + other.actors)
    keep.targets = [t for t in _unique(keep.targets + other.targets) if t not in keep.actors]
    keep.location = keep.location or other.location
    if (keep.date is None or not keep.date[:1].isdigit()) and other.date and other.date[:1].isdigit():
        keep.date = other.date


def _unique(items: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for x in items:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def _is_past(sentence: str, rel_start: int, trigger_text: str, lang: str) -> bool:
    first = trigger_text.split()[0] if trigger_text.split() else trigger_text
    if lang == "de":
        return bool(_DE_STRONG_PAST.match(first) or _DE_VERB_PAST.match(first))
    if not _EN_PAST.match(first):
        return False
    return not _EN_NOT_PAST_BEFORE.search(sentence[max(0, rel_start - 25) : rel_start])


@stage(
    "events",
    requires=("text", "sentences", "tokens", "language", "mentions", "timexes", "quotes"),
    assigns=("events",),
    default_config={"statements": True, "quote_statements": True},
)
def make_events(statements: bool = True, quote_statements: bool = True) -> Callable[[Document], Document]:
    """Event mentions with type, actors, date, place and status (occurred, planned, ...)."""
    extractor = EventExtractor(statements=statements, quote_statements=quote_statements)

    def events(doc: Document) -> Document:
        doc.events = extractor.extract(doc)
        return doc

    return events
