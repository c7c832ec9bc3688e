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
* what a protest is against or for ("protestierten gegen das Mercosur-Abkommen", "marched to
  demand a ceasefire") is its cause, not an event, and its demand no proposal; people who
  protest ("Demonstranten") are an event only when nothing else happens to them; a death
  toll belongs to the disaster named with it, a fire or explosion to the attack that caused
  it; "voted to impose sanctions" is the sanction, not an election.
* what a legal event accuses someone of ("arrested on suspicion of planning an attack") is no
  event of its own; a ruling or an investigation frames its subject like talks do; an authority
  named by its town ("Staatsanwaltschaft Braunschweig") acts and is not the place; the attack
  word inside a cyber phrase ("Hacker haben ... angegriffen") is read with the phrase.

* a topic noun talked about ("sprachen über Sanktionen", "Zölle bleiben ein Streitpunkt", "in
  response to US tariffs", "die Folgen des Streiks", "discussed the strikes") is not an
  event; a measure agreed on ("agreed a sanctions package") is the event, not the agreeing.
* an ordinal, "weitere/another/next" or a repetition adverb ("zu einem zweiten Treffen",
  "another round of talks", "erneut treffen", "met again") marks the event as a further
  instance (``EventMention.another``): the timeline keeps it apart from the one reported before.

Actors are the PER/ORG mentions (and LOC mentions used as actors, "Russland griff an") of the
trigger's clause - or of the complement clause holding it ("told reporters that a meeting
between Putin and Zelensky ...") - with the main clause's subject added where that clause has
none, opens with a pronoun ("Trump sagte, er werde Putin treffen") or is an infinitive.
``eventlex.roles`` decides which names can take part: not sources of information ("nach
Angaben des Kremls", "laut", "according to", "zufolge"), not places, not title qualifiers, not
what a dispute is about ("im Streit um Grönland", "the row over Greenland"); a
trailing reporting clause ("..., teilte der Kreml mit") lends its name only to a pronoun. In
German, word order and prepositions tell subject from object ("Russland habe Kiew
angegriffen", "Am Montag griff Russland Kiew an"). The location is a place mention (after a
locative preposition, listed with one, or a town that cannot act), not one of a reporting
clause. The date is the nearest DATE/TIME expression in the clause, then
in the sentence, else what the sentence implies: the publication day for something that
happened, FUTURE_REF/PAST_REF otherwise. A bare weekday that the time stage placed on the
wrong side of the publication date for the clause's tense is moved by a week ("made a visit
on Sunday" in a Monday paper is yesterday). The status comes from ``eventlex.modality``. Disasters have no
actors but a named operator, and a country named with one is its place. A cue that names a
source of information ("nach Angaben", "according to") makes no statement event.
Upstream annotations that are missing (no mentions, no timexes, no sentences) degrade the
result instead of failing: events still come out, with fewer actors or implied dates.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..eventlex import roles
from ..eventlex.modality import DE_TEN_NOT_PAST, StatusContext, clause_tense, decide_status, is_past_context
from ..eventlex.timexval import parse_published, relation_to
from ..eventlex.triggers import TriggerMatch, find_triggers
from ..eventlex.types import CONTACT_TYPES
from ..linking.derived import is_derived
from ..model import Document, EventMention, Mention, Quote, Sentence, Timex
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

_AGENT_PREP = {
    "de": re.compile(r"\b(?:von|vom|durch|seitens)\s+(?:der|dem|den|die|das)?\s*$", re.I),
    "en": re.compile(r"\bby\s+(?:the\s+)?$", re.I),
}
_PASSIVE = {
    "de": re.compile(r"\b(?:wurde|wurden|worden|wird|werden)\b", re.I),
    "en": re.compile(r"\b(?:was|were|been|being|is|are)\s+\w+ed\b", re.I),
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
_THREATENABLE = frozenset({"tariff", "sanction", "attack"})
# What a protest is against or for: "protestierten gegen das Abkommen", "marched to demand a
# ceasefire" (between the protest word and a later event word; before an earlier one).
_PROTEST_CAUSE = {
    "de": re.compile(r"\b(?:gegen|für|wegen|fordern|forderten|forderte|verlangten|verlangen)\b", re.I),
    "en": re.compile(r"\b(?:against|for|over|demand\w*|calling\s+for|call\s+for|to\s+protest)\b", re.I),
}
# An authority named by its place: "Staatsanwaltschaft Braunschweig", "Landgericht Stuttgart",
# "Polizei Köln" (a town after "Stadt", "Flughafen" or "Universität" is more often a place).
_AUTHORITY_OF_PLACE = {
    "de": re.compile(
        r"\b(?:[\w-]*staatsanwaltschaft|[\w-]*gericht|[\w-]*gerichts|polizei|polizeipräsidium|bezirksregierung|"
        r"stadtverwaltung|kreisverwaltung|landratsamt)\s+$",
        re.I,
    ),
    "en": re.compile(r"(?!)"),  # English names the place first: "the Munich prosecutor's office"
}
# What a legal event accuses someone of ("on suspicion of planning an attack", "wegen
# Verdachts auf Spionage"): the content of the accusation, not an event of its own.
_ACCUSED_OF = {
    "de": re.compile(r"\b(?:wegen|verdacht\w*|vorwurf\w*|vorgeworfen|beschuldigt\w*|zur\s+last)\b", re.I),
    "en": re.compile(r"\b(?:suspicion|suspected|accused|alleged\w*|charged|charges?|for|over|in\s+connection\s+with)\b", re.I),
}
_ACCUSED_BEFORE = {
    "de": re.compile(r"\b(?:wegen|verdachts?|vorwurfs?)\s+(?:[\w-]+\s+){0,4}$", re.I),
    "en": re.compile(r"(?!)"),
}
# A name followed by a reporting verb reports ("The Kremlin said the crash ..."); used for
# disasters, which have no participant but an operator.
_SPEAKS_NEXT = re.compile(
    r"\s+(?:said|says|told|announced|reported|confirmed|sagte|sagten|teilte|teilten|erklärte|erklärten|berichtete|bestätigte)\b",
    re.I,
)
_VOTED_TO = {
    "de": re.compile(r"(?!)"),
    "en": re.compile(r"(?<=vote|oted)(?:\s+(?:on|last|this)\s+\w+)?\s+(?:to|for)\s+", re.I),
}
_PROTEST_CALL = {
    "de": re.compile(r"\b(?:rief\w*|ruft|rufen|aufgerufen|aufrufen|aufruf\w*)\b", re.I),
    "en": re.compile(r"\bcall(?:ed|s|ing)?\s+(?:for|a|an|on)\b", re.I),
}
_PROTEST_DEMAND = {
    "de": re.compile(r"\b(?:und\s+)?(?:fordern|forderten|fordert|verlangen|verlangten|um\s+\w+\s+zu\s+fordern)\b", re.I),
    "en": re.compile(r"\b(?:to\s+demand|demanding|to\s+call\s+for|calling\s+for|to\s+protest)\b", re.I),
}
_CAUSE_BEFORE = {
    "de": re.compile(r"\b(?:gegen|für)\s+(?:[\w-]+\s+){0,3}$", re.I),
    "en": re.compile(r"\b(?:against|for)\s+(?:[\w-]+\s+){0,3}$", re.I),
}
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
# A topic noun talked about, not reported as happening: after a verb or noun of discussion and
# its preposition ("sprachen über Sanktionen", "focused on sanctions", "die Frage der Zölle",
# "the impact of the sanctions"), or as the direct object of "discuss"/"besprechen".
_TOPIC_CONTEXT = {
    "de": re.compile(
        r"\b(?:sprach\w*|sprechen|redete\w*|reden|diskutier\w*|debattier\w*|ging\s+es|geht\s+es|drehte\s+sich|dreht\s+sich|"
        r"streit\w*|debatte\w*|diskussion\w*|frage|fragen|thema|themen|fokus|konzentrier\w*\s+sich|auseinandersetzung\w*|"
        r"folgen|auswirkung\w*|wirkung|effekt\w*|kosten|sorge\w*|angst|ängste|besorgnis|"
        # bodies and texts that deal with a subject: "Arbeitsgruppen zu Sicherheitsgarantien"
        r"arbeitsgruppe\w*|expertengruppe\w*|kommission|ausschuss\w*|bericht\w*|studie\w*|gesetz\w*)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:über|um|zu|zur|zum|der|des|von|vor|auf)\s+(?:[\w-]+\s+){0,3}$"
        r"|\b(?:besprachen|besprochen|bespricht|erörter\w*)\s+(?:[\w-]+\s+){0,3}$"
        # a cause named in passing is referred to, not reported: "als Reaktion auf die Zölle"
        r"|\b(?:reaktion|antwort|vergeltung|gegenmaßnahme\w*)\s+(?:auf|für)\s+(?:[\w-]+\s+){0,3}$"
        # ... and one reacted to: "reagierte mit scharfen Worten auf den Angriff"
        r"|\b(?:reagier\w*|antwortete\w*)\s+(?:[\w-]+\s+){0,4}?auf\s+(?:[\w-]+\s+){0,3}$",
        re.I,
    ),
    "en": re.compile(
        r"\b(?:discussion\w*|debat\w*|talk(?:ed|ing)?|spoke|speak\w*|focus\w*|cent(?:er|re)d|question|questions|issue|issues|"
        r"dispute|row|disagreement\w*|matter|topic|subject|impact|effects?|consequences|costs?|concerns?|fears?|worries|"
        # bodies and texts that deal with a subject: "working groups on security guarantees"
        r"working\s+groups?|task\s+forces?|committees?|commissions?|panels?|reports?|stud(?:y|ies)|bills?|laws?)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:about|on|over|of|around|regarding)\s+(?:[\w-]+\s+){0,3}$"
        r"|\b(?:discuss(?:ed|es|ing)?|debat(?:ed|es|ing|e))\s+(?:[\w-]+\s+){0,3}$"
        r"|\b(?:in\s+(?:response|retaliation|reaction)\s+to|in\s+retaliation\s+for|retaliation\s+for"
        r"|(?:reacted|reacts|responded|responds)\s+(?:[\w-]+\s+){0,4}?to)\s+(?:[\w-]+\s+){0,3}$",
        re.I,
    ),
}
# ... or the subject of a copula with a "topic" predicate: "Sanktionen bleiben ein Streitpunkt",
# "Tariffs are a central issue".
_TOPIC_PREDICATE = {
    "de": re.compile(
        r"(?:\s+[\w-]+){0,2}?\s+(?:ist|sind|bleibt|bleiben|war|waren|gilt|gelten)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:[\w-]*thema|[\w-]*themen|[\w-]*frage|[\w-]*streitpunkt\w*|knackpunkt\w*|schwerpunkt\w*|priorität|zankapfel|hürde)\b",
        re.I,
    ),
    "en": re.compile(
        r"(?:\s+[\w-]+){0,2}?\s+(?:is|are|was|were|remain|remains|remained)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:issue|question|topic|priority|sticking\s+point|point\s+of\s+contention|bone\s+of\s+contention|concern|obstacle|hurdle)\b",
        re.I,
    ),
}
# A further instance of an event kind, not the one reported before: an ordinal or "weitere/
# another/next" in the trigger's noun phrase ("zu einem zweiten Treffen", "another round of
# talks", "the next summit"; at most one adjective in between, "second face-to-face meeting"),
# or a repetition adverb near it in its clause ("erneut treffen", "met again"). The timeline
# keeps such a mention apart from the instance already reported (``EventMention.another``).
_ORDINAL = r"(?:zweite|dritte|vierte|fünfte|erneute|weitere|nächste|abermalige|neuerliche|wiederholte)[nmrs]?"
_ANOTHER_BEFORE = {
    "de": re.compile(
        r"\b(?:" + _ORDINAL + r"\s+(?:[a-zäöüß][\w-]*(?:e|en|er|es|em)\s+)?"
        r"|(?:" + _ORDINAL + r"|neue[nmrs]?)\s+runde\s+(?:der|von|des)\s+(?:[a-zäöüß][\w-]*\s+)?)$",
        re.I,
    ),
    "en": re.compile(
        r"\b(?:(?:second|third|fourth|fifth|another|further|next|follow-up|fresh|renewed|repeat)\s+"
        # one adjective in between ("second face-to-face meeting"), not a noun ("further support by phone")
        r"(?:(?:[a-z]+-[\w-]+|[a-z]+(?:al|ed|ive|ic|ful|ous|ary|ing|ent|ant|ible|able)|direct|new|joint|major|big|"
        r"secret|private|possible|special|summit|peace|trade)\s+)?"
        r"|(?:second|third|fourth|fifth|another|further|next|fresh|new)\s+round\s+of\s+(?:[a-z][\w-]*\s+)?)$",
        re.I,
    ),
}
# ... "Folgetreffen", "Folgegipfel": the compound says it
_ANOTHER_WORD = re.compile(r"^(?:folge|anschluss)", re.I)
_ANOTHER_ADVERB = {
    "de": re.compile(
        r"\b(?:erneut|abermals|wieder|wiederum|nochmals|noch\s+einmal|ein\s+(?:zweites|drittes|weiteres)\s+mal|"
        r"zum\s+(?:zweiten|dritten|vierten|fünften|wiederholten|\w+ten)\s+mal)\b",
        re.I,
    ),
    "en": re.compile(
        r"\b(?:again|once\s+more|anew|(?:for\s+)?(?:a|the)\s+(?:second|third|fourth|fifth|\w+th)\s+time)\b", re.I
    ),
}
# How far from the trigger a repetition adverb may stand (characters before, after).
_ADVERB_REACH = (45, 30)

# Past finite forms: a trigger in the past tense reports a done event.
_DE_STRONG_PAST = re.compile(
    r"^(?:traf|trafen|kam|kamen|empfing|griff|griffen|rief|riefen|trat|unterschrieb\w*|beschoss\w*|flog|lud|bot|schlug)\b", re.I
)
_EN_PAST = re.compile(r"^(?:met|struck|sent|gave|flew|sat|held|\w+ed)\b", re.I)
_EN_NOT_PAST_BEFORE = re.compile(r"\b(?:will|would|to|be|shall|could|might|may|can)\s+(?:\w+\s+)?$", re.I)
_DE_VERB_PAST = re.compile(r"^(?!\w*" + DE_TEN_NOT_PAST + r"\b)[a-zäöüß]\w*(?:te|ten)\b")
# An infinitive after "zu" or a modal/auxiliary of its clause: "wollen sich am Freitag beraten"
_DE_INFINITIVE_BEFORE = re.compile(
    r"(?:\bzu\s+$|\b(?:werden|wird|werde|würden?|wollen|will|wolle|sollen|soll|solle|sollten?|können|kann|könnten?|"
    r"müssen|muss|dürfen|darf|möchten?)\b[^,;:.!?]*$)",
    re.I,
)

# Agreement verbs that, before a contact word, express an intent to meet ("agreed to meet").
_INTENT_AGREE = re.compile(r"^(?:agreed|agree|agrees|vereinbart\w*|verabredet\w*|einigt\w*|einigen|geeinigt)", re.I)
_WEEKDAY = re.compile(
    r"^(?:am\s+|on\s+|last\s+|this\s+)?(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:abend|morgen|nachmittag|vormittag|\s+\w+)?$",
    re.I,
)
# Cues that name a source of information, not a speaker making a statement: "Nach Angaben
# Südkoreas hat Nordkorea ...", "According to Seoul, ..." report the content, not a statement.
_ATTRIBUTION_CUE = re.compile(
    r"^(?:nach|laut|zufolge|gemäß|unter\s+berufung|according\s+to|citing|quoting|per|cited\s+by)\b", re.I
)
_SENT_FALLBACK = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ\"„»])")
_GERMAN_HINT = re.compile(r"\b(?:der|die|das|und|nicht|sich|mit|auf|für|ist)\b", re.I)

ACTOR_TYPES = ("PER", "ORG", "LOC")
# The object right after a visit word is its destination: "visit the White House", "besuchte das Kanzleramt".
_VISIT_OBJECT = {
    "de": re.compile(r"\w+\s+(?:(?:das|den|die|dem)\s+)?", re.I),
    "en": re.compile(r"\w+\s+(?:the\s+)?", re.I),
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
    date_elsewhere: bool = False  # the date comes from another clause of the sentence
    another: bool = False  # a further instance of its kind ("a second meeting"), see _ANOTHER_BEFORE

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
    quotes: list[Quote] = field(default_factory=list)  # cued quotes with a speaker starting here
    cache: dict[str, object] = field(default_factory=dict)  # per-sentence role analysis, see _roles

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

        # cued quotes by start: one that starts in a sentence can make a statement event of an
        # otherwise empty sentence (looked up by bisection: articles have many of both)
        cued = sorted((q for q in doc.quotes if q.cue and q.speaker), key=lambda q: q.start)
        q_starts = [q.start for q in cued]

        triggers_by_lang: dict[str, tuple[list[TriggerMatch], list[int]]] = {}
        out: list[EventMention] = []
        for sent in sentences:
            lang = sent.language if sent.language in _LANGS else doc_lang
            if lang is None:
                continue
            if lang not in triggers_by_lang:
                found = find_triggers(text, lang)
                triggers_by_lang[lang] = (found, [t.start for t in found])
            trigs, starts = triggers_by_lang[lang]
            lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
            sent_trigs = [t for t in trigs[lo:hi] if t.end <= sent.end]
            sent_quotes = cued[bisect.bisect_left(q_starts, sent.start) : bisect.bisect_left(q_starts, sent.end)]
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
                quotes=sent_quotes,
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
        cyber = [t for t in trigs if t.entry.plover == "ASSAULT:cyber" and " " in t.text]
        if cyber:
            # "Hacker haben die Server angegriffen": the attack word inside the cyber phrase is
            # that attack, read with the phrase (the hackers act, the server is hit)
            trigs = [t for t in trigs if not any(o is not t and o.start <= t.start and t.end <= o.end for o in cyber)]
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

        # "tariff threats", "Sanktions-Drohung": a measure word right before a threat word is
        # what is threatened; the pair is one threatened measure
        merged: set[int] = set()
        for a, b in zip(cands, cands[1:]):
            if (b.trig.type == "threat" and a.trig.type in _THREATENABLE
                    and not view.text[a.trig.end - view.start : b.trig.start - view.start].strip(" -")):
                b.typed_as = a.trig.type
                merged.add(id(a))
        cands = [c for c in cands if id(c) not in merged]
        # "Zolldrohung": a threat word naming its measure is that measure, threatened
        for c in cands:
            if c.typed_as:
                continue
            if c.trig.type == "threat":
                for rx, typ in _THREAT_OBJECT:
                    if rx.search(c.trig.text):
                        c.typed_as = typ
                        break
        for c in cands:
            if c.trig.type == "aid_or_arms_supply" and _AID_STOPPED[lang].search(before(c, 50)):
                c.typed_as = "sanction"
        if len(cands) == 1:
            # the common case, one event word: only the rules below that need no second word
            c = cands[0]
            if self._is_topic(view, c):
                return []
            return [] if c.trig.type == "statement" and not self.statements else cands
        cands = self._protest_and_disaster(view, cands)
        cands = self._accusation_content(view, cands)
        # "voted to impose sanctions", "voted to strike": the decision is the event, not a vote
        # in an election
        decided = [c for c in cands if c.trig.type == "election_or_appointment" and _VOTED_TO[lang].match(
            view.text, c.trig.end - view.start) and any(0 < o.trig.start - c.trig.end <= 60 and o.trig.type not in
                                                          ("statement", "election_or_appointment") for o in cands)]
        if decided:
            cands = [c for c in cands if c not in decided]
        # reaction verb + definite noun: the reaction is the event
        reactions = [c for c in cands if c.trig.type == "statement" and c.trig.entry.plover in _REACTION_CODES]
        if reactions:
            definite = _DEFINITE_OBJECT[lang]
            cands = [
                c
                for c in cands
                if not (
                    ("t" in c.trig.entry.flags or c.trig.type in ("protest", "disaster"))
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
            # a ruling or an investigation is about its subject: "ruling on tariffs", "Ermittlungen wegen ..."
            c.trig.type in CONTACT_TYPES or c.trig.type in ("statement", "agreement", "deadline", "legal") for c in cands
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
                # a strike called for is announced, not talked about: "rief zu Streiks auf"
                and not (c.trig.type == "protest" and _PROTEST_CALL[lang].search(before(c)))
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
        # topic nouns talked about, in any sentence ("focused on sanctions", "Zölle bleiben ein Thema")
        cands = [c for c in cands if not self._is_topic(view, c)]
        # "agreed to meet": the agreement verb becomes the intent of the contact event;
        # "agreed a new sanctions package": the measure agreed on is the event
        contacts = [c for c in cands if c.trig.type in CONTACT_TYPES]
        measures = [c for c in cands if c.trig.type in _THREATENABLE or c.trig.type == "aid_or_arms_supply"]
        drop: set[int] = set()
        for c in cands:
            if c.trig.type == "agreement" and _INTENT_AGREE.match(c.trig.text):
                follow = [o for o in contacts if o.clause == c.clause and o.trig.start > c.trig.start]
                if follow:
                    drop.add(id(c))
                    for o in follow:
                        o.intent = True
                elif any(o.clause == c.clause and 0 < o.trig.start - c.trig.end <= 40 for o in measures):
                    drop.add(id(c))
        cands = [c for c in cands if id(c) not in drop]
        # statements only when nothing else is reported
        if any(c.trig.type != "statement" for c in cands):
            cands = [c for c in cands if c.trig.type != "statement"]
        elif cands:
            cands = cands[:1] if self.statements else []
        return cands

    @staticmethod
    def _protest_and_disaster(view: _SentenceView, cands: list[_Candidate]) -> list[_Candidate]:
        """Rules for protests and disasters among several event words of a sentence.

        * What a protest is against or for is its cause, not an event: "protestierten gegen das
          Mercosur-Abkommen", "marched to demand a ceasefire".
        * People who protest ("Demonstranten", "protesters") are an event only when nothing else
          is reported: "Police arrested dozens of demonstrators" is the arrest.
        * A death toll goes with the disaster the sentence names ("an earthquake struck ...,
          killing 12"); a fire or explosion goes with the attack that caused it.
        """
        types = {c.trig.type for c in cands}
        if "protest" not in types and "disaster" not in types:
            return cands
        drop: set[int] = set()
        cause = _PROTEST_CAUSE[view.lang]
        protests = [c for c in cands if c.trig.type == "protest" and "n" not in c.trig.entry.flags]
        for p in protests or [c for c in cands if c.trig.type == "protest"]:
            for c in cands:
                if c.trig.type in ("protest", "statement") or c.trig.type in CONTACT_TYPES:
                    continue
                if c.trig.start >= p.trig.end:
                    between = view.text[p.trig.end - view.start : c.trig.start - view.start]
                    if len(between) <= 80 and cause.search(between):
                        drop.add(id(c))
                elif _CAUSE_BEFORE[view.lang].search(view.text[max(0, c.trig.start - view.start - 40) : c.trig.start - view.start]):
                    drop.add(id(c))
        others = [c for c in cands if c.trig.type not in ("protest", "statement") and id(c) not in drop]
        if others:
            drop.update(id(c) for c in cands if c.trig.type == "protest" and "n" in c.trig.entry.flags)
        if any(c.trig.type == "attack" and "v" not in c.trig.entry.flags and id(c) not in drop for c in cands):
            drop.update(id(c) for c in cands if c.trig.type == "disaster" and "x" in c.trig.entry.flags)
        if any(c.trig.type == "disaster" and id(c) not in drop for c in cands):
            drop.update(id(c) for c in cands if c.trig.type == "attack" and "v" in c.trig.entry.flags)
        return [c for c in cands if id(c) not in drop]

    @staticmethod
    def _accusation_content(view: _SentenceView, cands: list[_Candidate]) -> list[_Candidate]:
        """What a legal event accuses someone of is no event of its own: "arrested on suspicion
        of planning an attack", "wegen des Verdachts auf Spionage festgenommen" (the word
        between the legal trigger and the later event word says so)."""
        legal = [c for c in cands if c.trig.type == "legal"]
        if not legal or len(legal) == len(cands):
            return cands
        content = _ACCUSED_OF[view.lang]
        drop: set[int] = set()
        for g in legal:
            for c in cands:
                if c.trig.type in ("legal", "statement") or c.trig.start < g.trig.end:
                    continue
                between = view.text[g.trig.end - view.start : c.trig.start - view.start]
                if len(between) <= 80 and content.search(between):
                    drop.add(id(c))
        # verb-final German: "wegen des Verdachts auf einen Anschlag festgenommen"
        for c in cands:
            if c.trig.type != "legal" and any(c.trig.end <= g.trig.start for g in legal):
                if _ACCUSED_BEFORE[view.lang].search(view.text[max(0, c.trig.start - view.start - 50) : c.trig.start - view.start]):
                    drop.add(id(c))
        return [c for c in cands if id(c) not in drop]

    @staticmethod
    def _is_topic(view: _SentenceView, c: _Candidate) -> bool:
        """A topic noun talked about, not reported as happening: "sprachen über Sanktionen",
        "Zölle bleiben ein Streitpunkt", "in response to US tariffs"."""
        if "t" not in c.trig.entry.flags or c.trig.type in CONTACT_TYPES:
            return False
        rel = c.trig.start - view.start
        return bool(
            _TOPIC_CONTEXT[view.lang].search(view.text[max(0, rel - 60) : rel])
            or _TOPIC_PREDICATE[view.lang].match(view.text, c.trig.end - view.start)
        )

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
        frame = ", ".join(frame_parts)

        # date: nearest DATE/TIME timex in the clause, then in the sentence
        trigger_past = _is_past(view.text, rel_s, c.trig.text, lang)
        explicit = self._date(view, c, ca, cb, published, clause_kinds, trigger_past)
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
            trigger_is_past=trigger_past,
            trigger_is_cue=c.trig.type == "threat",
            date_relation=relation,
        )
        status = decide_status(ctx, lang)
        if c.trig.type == "statement":
            # A reported statement was made; what it demands or proposes is not the event.
            status = "occurred" if status in ("proposed", "threatened") else status
        if c.intent and status == "occurred":
            status = "planned"
        if c.trig.type == "protest" and status == "proposed":
            # what protesters demand is the protest's message, not a proposal: "marched to
            # demand a ceasefire", "held a rally to demand new elections"
            demand = _PROTEST_DEMAND[lang].search(blanked, rel_e, cb)
            if demand:
                ctx.sentence, ctx.clause_end = blanked[: demand.start()], demand.start()
                status = decide_status(ctx, lang)
                if status == "proposed" and ctx.trigger_is_past:
                    status = "occurred"
            elif _PROTEST_CALL[lang].search(view.text[ca:cb]):
                # a union or party calling a strike announces it: planned, not a mere proposal
                status = "planned"
        c.status = status
        if explicit and published is not None:
            explicit = self._date_agreeing_with_status(view, c, explicit, status, published)
            # a date borrowed from another clause must fit the status: in "agreed to begin
            # negotiations ..., the first call since Trump returned in January" the planned
            # talks are not in January
            rel = relation_to(explicit, published)
            if c.date_elsewhere and ((status in ("planned", "proposed", "threatened") and rel < 0)
                                     or (status == "occurred" and rel > 0)):
                explicit = None
        c.date = explicit or self._implied_date(view.text[ca:cb], status, published, lang)
        c.another = c.trig.type != "statement" and _is_another(view, c, ca, cb)
        self._participants(doc, view, c, ca, cb, clause_kinds)

    def _date(
        self,
        view: _SentenceView,
        c: _Candidate,
        ca: int,
        cb: int,
        published: date | None,
        clause_kinds: dict[int, set[str]],
        trigger_past: bool = False,
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
            if in_clause and _is_relative_clause(view, view.clause_of(rel)):
                continue  # "die Konferenz, die an diesem Freitag beginnt": it dates the noun before it
            dist = abs(rel - (c.trig.start - view.start))
            key = (in_clause, dist, t.value, t)
            if best is None or key[:3] < best[:3]:
                best = key
        if best is None:
            return None
        c.date_elsewhere = bool(best[0])
        value = best[2]
        timex = best[3]
        left = view.text[max(0, timex.start - view.start - 12) : timex.start - view.start]
        if published is not None and _WEEKDAY.match(timex.text.strip()):
            # "für Dienstag", "until Friday": the day something is set for lies ahead
            # a past-tense trigger dates its own clause ("protested on Thursday against a
            # planned agreement": "planned" is not the protest's tense)
            if _TARGET_TIME.search(left):
                tense = 1
            else:
                tense = -1 if trigger_past and not c.date_elsewhere else clause_tense(view.text[ca:cb], view.lang)
            value = _weekday_by_tense(value, published, tense)
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

    def _participants(
        self, doc: Document, view: _SentenceView, c: _Candidate, ca: int, cb: int, clause_kinds: dict[int, set[str]]
    ) -> None:
        lang = view.lang
        agent_prep = _AGENT_PREP[lang]
        rel_trig = c.trig.start - view.start
        text = view.text
        ms, names, usable = self._roles(view)
        key = "places:transfer" if c.trig.type in roles.TRANSFER_TYPES else "places"
        place_idx = view.cache.get(key)
        if place_idx is None:
            place_idx = view.cache[key] = roles.places(text, names, lang, c.trig.type)

        def in_span(i: int, a: int, b: int) -> bool:
            return a <= names[i].start < b

        def actors_in(a: int, b: int) -> list[int]:
            return [i for i in usable if in_span(i, a, b) and i not in place_idx and roles.can_act(names[i])]

        # a complement clause inside the trigger's clause ("told reporters that a meeting
        # between Putin and Zelensky ...") holds the event's own participants
        # (a speaker is often a party of the contact he reports: "Trump said the talks with Putin
        # were productive"; rarely of an attack or a sanction he reports)
        core = roles.complement_start(text, ca, rel_trig, lang, bare_reports=c.trig.type not in CONTACT_TYPES)
        frames: list[tuple[int, int]] = []
        if core is not None and c.trig.type != "statement":
            frames.append((ca, core))
            ca = core
        clause_text = text[ca:cb]
        actor_idx = actors_in(ca, cb)
        if c.trig.type == "statement":
            actor_ms = self._speaker_first(doc, view, c, [ms[i] for i in usable if i not in place_idx])
        else:
            pronoun = roles.pronoun_start(clause_text, lang)
            if not actor_idx or pronoun or roles.infinitive_clause(clause_text, lang):
                if len(actor_idx) < len(usable):  # someone to borrow from
                    borrowed = self._borrow_subject(view, c.clause, frames, clause_kinds, actors_in, pronoun,
                                                    clause_text, names)
                    actor_idx = borrowed + [i for i in actor_idx if i not in borrowed]
                if not actor_idx and pronoun:
                    speaker = self._quote_speaker(doc, view)
                    if speaker:
                        c.actors.append(speaker)
            actor_ms = [ms[i] for i in actor_idx]
        # location: a place nearest to the trigger, in its clause first
        if c.trig.type == "visit":
            # the destination of a visit: "besuchte Kiew", "visit the White House"
            dest = [m for m in actor_ms if m.start - view.start > rel_trig and
                    (m.type == "LOC" or (m.type == "ORG" and _VISIT_OBJECT[lang].fullmatch(text[rel_trig:m.start - view.start])))]
            if dest:
                c.location = dest[0].entity or dest[0].text
                actor_ms = [m for m in actor_ms if m is not dest[0]]
        # the head of a list of places ("in Teheran und Isfahan") stands for the list; a LOC
        # that cannot act (a town, a region: "griffen Pokrowsk an") is where it happened
        if c.trig.type == "disaster":
            # nobody acts in a flood: a country named with it is where it happened ("im Osten der
            # Türkei", "off the coast of Japan"); only an operator takes part ("ein Hubschrauber
            # der Bundeswehr stürzte ab"), a person is a victim or a witness
            actor_ms = [m for m in actor_ms if m.type == "ORG" and not _SPEAKS_NEXT.match(doc.text, m.end)]
        place_cands = [i for i in usable if place_idx.get(i) == i or (i not in place_idx and not roles.can_act(names[i]))
                       or (c.trig.type == "disaster" and names[i].type == "LOC")]
        local = [i for i in place_cands if in_span(i, *view.clauses[c.clause])]
        if not local:
            # not where a reporting clause's speaker sits ("..., the ministry in New Delhi said")
            place_cands = [i for i in place_cands if not self._in_reporting_clause(view, names[i].start, clause_kinds)]
        if (local or place_cands) and c.location is None:
            loc = min(local or place_cands, key=lambda i: (place_idx.get(i) != i, abs(names[i].start - rel_trig)))
            c.location = names[loc].ident
        passive = bool(_PASSIVE[lang].search(clause_text))
        symmetric = c.trig.type in CONTACT_TYPES or c.trig.type == "agreement"
        # German word order: of several bare names before a verb-final trigger the first (with
        # the names listed with it) is the subject, the later ones objects ("Russland habe in
        # der Nacht Kiew angegriffen"); a name after "gegen/auf/against/on" is acted upon.
        subject_ids: set[int] = set()
        inverted: set[int] = set()
        pre = [m for m in actor_ms if m.start - view.start < rel_trig] if lang == "de" and not symmetric else []
        if len(pre) > 1:
            pre_named = [roles.Named(m.start - view.start, m.end - view.start, m.type, m.entity or m.text) for m in pre]
            bare = [n for n in pre_named if not roles.after_target_prep(text, n, lang)]
            subject_ids = {n.start for n in roles.subject_group(text, bare)}
        elif lang == "de" and not symmetric and not pre and actor_ms and not passive and c.trig.text[:1].islower():
            # a finite verb before any name: "Am Montag griff Russland Kiew an" - the first bare
            # name after the verb is its subject
            post = [roles.Named(m.start - view.start, m.end - view.start, m.type, m.entity or m.text)
                    for m in actor_ms if m.start - view.start > rel_trig]
            bare = [n for n in post if not roles.after_target_prep(text, n, lang)]
            inverted = {n.start for n in roles.subject_group(text, bare)}
        sources: list[str] = []
        targets: list[str] = []
        for m in actor_ms:
            ident = m.entity or m.text
            r = m.start - view.start
            if c.trig.type == "statement":
                (sources if not sources else targets).append(ident)
                continue
            agent = passive and agent_prep.search(text[max(0, r - 12) : r])
            if agent:
                sources.insert(0, ident)
            elif r < rel_trig and not passive and not symmetric and (
                (subject_ids and r not in subject_ids)
                or roles.after_target_prep(text, roles.Named(r, r, m.type, ident), lang)
            ):
                targets.append(ident)
            elif (r < rel_trig and not passive) or r in inverted:
                sources.append(ident)
            elif c.trig.type in CONTACT_TYPES or c.trig.type == "agreement":
                # symmetric relations: everyone named takes part on an equal footing
                sources.append(ident)
            else:
                targets.append(ident)
        c.actors = _unique(c.actors + sources)
        c.targets = [t for t in _unique(targets) if t not in c.actors]

    @staticmethod
    def _roles(view: _SentenceView) -> tuple[list[Mention], list[roles.Named], list[int]]:
        """The sentence's names and which of them may take part in events (not sources of
        information, not title qualifiers); computed once per sentence."""
        hit = view.cache.get("roles")
        if hit is None:
            # an adjective ("Ukrainian", "russischen") is never where something happened nor who
            # did it, even where a tagger typed it LOC
            ms = [m for m in view.mentions if m.type in ACTOR_TYPES and not is_derived(m)]
            names = [
                roles.Named(m.start - view.start, m.end - view.start, m.type, m.entity or m.text,
                            linked=not (m.entity or "").startswith("loc:") or roles.names_a_state(m.text))
                for m in ms
            ]
            # "Staatsanwaltschaft Braunschweig", "Landgericht Stuttgart": the place names an
            # authority, which acts (a court rules, a prosecutor charges)
            names = [
                roles.Named(n.start, n.end, "ORG", n.ident, linked=True)
                if n.type == "LOC" and _AUTHORITY_OF_PLACE[view.lang].search(view.text[max(0, n.start - 40) : n.start]) else n
                for n in names
            ]
            skip = (roles.sources(view.text, names, view.clauses, view.lang) | roles.modifiers(view.text, names, view.lang)
                    | roles.dateline(view.text, names) | roles.disputed(view.text, names, view.lang))
            hit = (ms, names, [i for i in range(len(ms)) if i not in skip])
            view.cache["roles"] = hit
        return hit  # type: ignore[return-value]

    @staticmethod
    def _in_reporting_clause(view: _SentenceView, rel: int, clause_kinds: dict[int, set[str]]) -> bool:
        k = view.clause_of(rel)
        a, b = view.clauses[k]
        return "statement" in clause_kinds.get(k, set()) or roles.reporting_clause(view.text[a:b], view.lang)

    def _borrow_subject(
        self,
        view: _SentenceView,
        clause: int,
        frames: list[tuple[int, int]],
        clause_kinds: dict[int, set[str]],
        actors_in: Callable[[int, int], list[int]],
        pronoun: bool,
        clause_text: str,
        names: Sequence[roles.Named],
    ) -> list[int]:
        """The subject of the main clause for a clause without a named participant of its own
        (an infinitive: "Trump drohte, ... zu erhöhen") or opening with a pronoun. A clause that
        only reports ("..., teilte der Kreml mit") lends its name only to a pronoun that can
        point to it: the reporter of someone else's event takes no part in it."""
        spans = frames + [(a, b) for i, (a, b) in enumerate(view.clauses) if i < clause]
        later = [(i, (a, b)) for i, (a, b) in enumerate(view.clauses) if i > clause]
        for a, b in spans:
            found = actors_in(a, b)
            if found:
                return [names.index(n) for n in roles.subject_group(view.text, [names[i] for i in found])]
        for i, (a, b) in later:
            found = actors_in(a, b)
            if not found:
                continue
            reporting = "statement" in clause_kinds.get(i, set()) or roles.reporting_clause(view.text[a:b], view.lang)
            if reporting and not pronoun:
                return []
            if reporting and roles.personal_pronoun_start(clause_text, view.lang):
                found = [k for k in found if names[k].type == "PER"]
                if not found:
                    return []
            return [names.index(n) for n in roles.subject_group(view.text, [names[k] for k in found])]
        return []

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
        for q in view.quotes:
            if q.cue and q.speaker and not _ATTRIBUTION_CUE.match(q.cue):
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
            another=c.another,
        )


# A clause that opens with a relative pronoun after a comma modifies the noun before it ("die
# Sicherheitskonferenz, die an diesem Freitag beginnt"; "the summit, which opens on Friday"): a
# date in it is that noun's, not the date of an event in another clause. English "that" is left
# out: it also opens reported content ("said that talks would start on Friday").
_RELATIVE_START = re.compile(
    r"^\s*(?:der|die|das|dem|den|deren|dessen|denen|welche[rsmn]?|wo|which|who|whom|whose|where)\b", re.I)


def _is_relative_clause(view: _SentenceView, i: int) -> bool:
    if i <= 0 or i >= len(view.clauses):
        return False
    a, _ = view.clauses[i]
    before = view.text[max(0, a - 3):a]
    return "," in before and bool(_RELATIVE_START.match(view.text[a:]))


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


def _is_another(view: _SentenceView, c: _Candidate, ca: int, cb: int) -> bool:
    """Whether the trigger names a further instance of its kind (see ``_ANOTHER_BEFORE``)."""
    lang = view.lang
    rel_s, rel_e = c.trig.start - view.start, c.trig.end - view.start
    if _ANOTHER_WORD.match(c.trig.text) or _ANOTHER_BEFORE[lang].search(view.text[max(ca, rel_s - 60) : rel_s]):
        return True
    # after a German noun the adverb is usually another verb's ("seit dem Angriff ist der
    # Flughafen wieder geöffnet"); right after it, it may still be its own ("das Treffen erneut")
    after = 12 if lang == "de" and c.trig.text[:1].isupper() else _ADVERB_REACH[1]
    lo, hi = max(ca, rel_s - _ADVERB_REACH[0]), min(cb, rel_e + after)
    return bool(_ANOTHER_ADVERB[lang].search(view.text, lo, hi))


def _absorb(keep: _Candidate, other: _Candidate) -> None:
    keep.another = keep.another or other.another
    keep.actors = _unique(keep.actors + other.actors)
    keep.targets = [t for t in _unique(keep.targets + other.targets) if t not in keep.actors]
    keep.location = keep.location or other.location
    if (keep.date is None or not keep.date[:1].isdigit()) and other.date and other.date[:1].isdigit():
        keep.date = other.date


def _unique(items: Sequence[str]) -> list[str]:
    """Non-empty items, first occurrence order (dict keys keep insertion order)."""
    return [x for x in dict.fromkeys(items) if x]


def _is_past(sentence: str, rel_start: int, trigger_text: str, lang: str) -> bool:
    first = trigger_text.split()[0] if trigger_text.split() else trigger_text
    if lang == "de":
        if _DE_STRONG_PAST.match(first):
            return True
        if not _DE_VERB_PAST.match(first):
            return False
        # "-ten" is also an infinitive ending: "sollen ... vereinbarten" stays past only
        # where no modal or "zu" governs the word
        return not (first.endswith("en") and _DE_INFINITIVE_BEFORE.search(sentence[max(0, rel_start - 80) : rel_start]))
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
