"""Source comparison for one story (the comparison half of stage 11).

For every canonical event and every attributed claim: which independent outlets support it, which
report it alone, and which contradict it; plus the opinion sentences of each outlet.

Independence: two articles are one source when they come from the same outlet or are
near-duplicates (an agency report reprinted by three papers is one confirmation, not three).

Contradictions are found between pairs of sentences that are about the same thing. "About the same
thing" is decided by multilingual sentence embeddings (so a German and an English report are
compared) plus, for denials, a shared subject (entity or name) and kind of contact. Kinds:

- ``denial``: "es gab keine Kontakte" against "wir haben gesprochen" (or an event mention whose
  status is *denied* against one that *occurred*);
- ``date``: the same report with different dates ("am Dienstag" vs "on Wednesday");
- ``number``: the same report with different figures for the same unit (30 vs 25 percent);
- ``status``: held vs cancelled/postponed, reported on the same day;
- ``name``: one outlet writes a name differently from the others ("Mark Rubio" / "Marco Rubio").

Everything is rule-based on top of the other stages' annotations and degrades gracefully where
they are missing (own date, number and name patterns are used then).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np

from ..dates import parse_day
from . import embed

if TYPE_CHECKING:
    from ..model import Document
    from ..storage import Store

# Two sentences of different sources are "about the same thing" at this cosine (USE multilingual).
# Translations of one sentence score 0.75-0.9, paraphrases 0.6-0.8, different facts of one story
# 0.3-0.55 on the written examples in tests/test_compare.py and bench/data/stories/.
ALIGN_SIM = 0.62
# A denial is paired with an affirmation of the same kind of contact at this lower similarity when
# they also share a subject (entity or name): "keine Kontakte" and "wir haben gesprochen" share few
# words by nature.
DENIAL_SIM = 0.25
# ... and at this one when they share no name (a German denial and an English claim name the parties
# differently: "Moskau und Kiew" / "the Russian side").
DENIAL_SIM_UNSHARED = 0.35
# Figures (numbers) are compared at this lower similarity when the sentences share a name: a long
# sentence with the toll and a second fact ("... hours after Germany pledged ...") scores ~0.55 with
# a plain sentence giving the toll.
FIGURE_SIM = 0.45
# Two quotes are one claim at this similarity (and the same speaker where both are known).
CLAIM_SIM = 0.70
# Status conflicts count only between reports this many days apart at most (later reports may
# legitimately update an earlier status: "geplant" on Monday, "abgesagt" on Friday).
STATUS_MAX_DAYS = 1
# Sentences considered per document (long articles: the lead carries the reported facts), and
# articles per story (a story of hundreds of articles is compared on a sample; see _sample).
MAX_SENTENCES = 40
MAX_DOCS = 60

# ------------------------------------------------------------------ lexicons (de + en)

_CONTACT = {
    "call": r"telefon\w*|anruf\w*|phone\w*|call(?:s|ed)?|spoke|spoken|speak\w*|gesprochen|sprach\w*"
            r"|talk(?:s|ed)?|conversation\w*|gespräch\w*",
    "meet": r"treffen|getroffen|trafen|traf|meet\w*|met|summit\w*|gipfel\w*|begegn\w*",
    "contact": r"kontakt\w*|contact\w*|verhandl\w*|verhandelt|negotiat\w*|kommunikation|communicat\w*",
}
_CONTACT_RE = {k: re.compile(r"\b(?:" + v + r")\b", re.I) for k, v in _CONTACT.items()}
# A denial negates the contact itself: "keine Kontakte", "nicht miteinander gesprochen", "did not
# speak", "no talks"; "no date was set for a meeting" or "kein Durchbruch beim Treffen" are not.
# Inflected forms only, not any word starting so: "kein verhandlungsfähiges Angebot" denies no talks.
_CONTACT_NOUN_DE = (r"(?:Kontakt(?:e|en|s)?|Gespräch(?:e|en|s)?|Telefonat(?:e|en|s)?|Treffen|Verhandlung(?:en)?"
                    r"|Austausch(?:es)?|Unterredung(?:en)?)")
_CONTACT_VERB_DE = r"(?:gesprochen|telefoniert|getroffen|verhandelt|kontaktiert|ausgetauscht)"
_CONTACT_NOUN_EN = r"(?:contacts?|talks|conversations?|calls?|meetings?|negotiations|communications?|exchanges?)"
_CONTACT_VERB_EN = r"(?:spoken|speak|spoke|talked|talk|met|meet|called|call|contacted|negotiated)"
_DENIAL = re.compile(
    r"\bkein(?:e|en|em|er|es)?\s+(?:[\w-]+\s+){0,2}?" + _CONTACT_NOUN_DE + r"\b"
    r"|\b(?:nicht|nie(?:mals)?)\s+(?:[\w-]+\s+){0,3}?" + _CONTACT_VERB_DE + r"\b"
    r"|\b(?:no|never\s+any|not\s+any)\s+(?:[\w-]+\s+){0,2}?" + _CONTACT_NOUN_EN + r"\b"
    r"|\b(?:did\s+not|didn't|never|has\s+not|hasn't|have\s+not|haven't|had\s+not|hadn't)\s+(?:[\w-]+\s+){0,2}?"
    + _CONTACT_VERB_EN + r"\b",
    re.I)
_DENY_VERB = re.compile(
    r"\b(?:dementi\w+|bestr(?:itt|eitet|itten|eiten)|zurückgewiesen|den(?:y|ied|ies)|rejected\s+reports?"
    r"|dismissed\s+reports?)\b", re.I)
# "Über die Ukraine darf nicht ohne die Ukraine verhandelt werden", "no talks without Europe": a norm
# or a condition, not a denial that something happened.
_NORMATIVE = re.compile(r"\b(?:ohne|without|dürfe|darf|dürfen|müsse|muss|must|should|can|could|unless|sofern)\b",
                        re.I)
_CANCEL = re.compile(
    r"\b(?:abgesagt|sagte?n?\b.{0,40}\bab|verschoben|gestrichen|auf\s+eis|geplatzt|cancel+ed|postponed|called\s+off"
    r"|shelved|scrapped|put\s+on\s+hold)\b", re.I)
_PLANNED = re.compile(
    r"\b(?:soll(?:en)?|geplant|plant|planen|will|wollen|werden|wird|angekündigt|plans?\s+to|is\s+to|are\s+to"
    r"|scheduled|expected\s+to|will)\b", re.I)
# A cancellation told in the pluperfect is the history before what the story reports ("Der Start
# war zweimal verschoben worden", "had been postponed twice"), not the event's status now.
_EARLIER_CANCEL = re.compile(
    r"\b(?:war|waren|hatte|hatten)\b(?:\s+[\w-]+){0,14}?\s+(?:verschoben|abgesagt|gestrichen)(?:\s+worden)?\b"
    r"|\bhad\s+(?:been\s+)?(?:[\w-]+\s+){0,2}?(?:cancel+ed|postponed|called\s+off|scrapped|shelved)\b", re.I)
# Words announcing that a figure was updated ("stieg auf vier"): a later, different figure is news,
# not a contradiction.
_UPDATE = re.compile(
    r"\b(?:stieg|steigt|gestiegen|erhöht\w*|inzwischen|mittlerweile|rose|risen|climbed|updated|revised)\b", re.I)
_RELATIVE_DAY = re.compile(
    r"\b(?:overnight|yesterday|today|tonight|last\s+night|this\s+morning|in\s+der\s+nacht|nachts|gestern|heute"
    r"|vorgestern|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday)\b", re.I)
_CASUALTY_KIND = {
    "dead": re.compile(r"getötet|tot|ums\s+leben|starben|gestorben|killed|dead|died|death", re.I),
    "injured": re.compile(r"verletzt|verwundet|injured|wounded|hurt", re.I),
    "evacuated": re.compile(r"evakuiert|evacuated|vertrieben|displaced", re.I),
}
_CASUALTY = re.compile(r"\b(?:getötet|tot|ums\s+leben|starben|gestorben|killed|dead|died|deaths?|verletzt\w*|"
                       r"verwundet\w*|injured|wounded|hurt|evakuiert|evacuated|vertrieben|displaced)\b", re.I)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[.,\u202f ]\d{3})+|\d+(?:[.,]\d+)?)(?![\w])")
_NUMBER_WORDS = {
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "elf": 11, "zwölf": 12, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.I)
_SCALE = {"millionen": 1e6, "million": 1e6, "millions": 1e6, "mio": 1e6, "milliarden": 1e9, "billion": 1e9,
          "billions": 1e9, "mrd": 1e9, "tausend": 1e3, "thousand": 1e3}
# Units that must agree for two figures to be about the same quantity (German → English key).
_UNITS = {
    "prozent": "percent", "%": "percent", "percent": "percent", "prozentpunkte": "points",
    "percentage": "points", "tote": "dead", "todesopfer": "dead", "dead": "dead", "killed": "dead",
    "deaths": "dead", "verletzte": "injured", "injured": "injured", "menschen": "people", "people": "people",
    "personen": "people", "euro": "euro", "euros": "euro", "eur": "euro", "€": "euro", "dollar": "dollar",
    "dollars": "dollar", "stunden": "hours",
    "hours": "hours", "tage": "days", "tagen": "days", "days": "days", "minuten": "minutes", "minutes": "minutes",
    "soldaten": "soldiers", "soldiers": "soldiers", "troops": "soldiers", "einsatzkräfte": "responders",
    "einsatzkräften": "responders", "jahre": "years", "jahren": "years", "years": "years", "raketen": "missiles",
    "missiles": "missiles", "drohnen": "drones", "drones": "drones", "geiseln": "hostages", "hostages": "hostages",
    "systeme": "systems", "systems": "systems", "flüge": "flights", "flights": "flights",
}
_MONTHS = {
    "januar": 1, "jänner": 1, "january": 1, "jan": 1, "februar": 2, "february": 2, "feb": 2, "märz": 3,
    "march": 3, "april": 4, "apr": 4, "mai": 5, "may": 5, "juni": 6, "june": 6, "juli": 7, "july": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "dezember": 12, "december": 12, "dec": 12,
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_DMY = re.compile(r"\b(\d{1,2})\.\s*(" + _MONTH_RE + r")\b\.?(?:\s+(\d{4}))?", re.I)
_DATE_MDY = re.compile(r"\b(" + _MONTH_RE + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?", re.I)
_DATE_NUM = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
# Overlapping matches (lookahead), so "State Mark Rubio" yields "Mark Rubio" too.
_PERSON = re.compile(
    r"(?=\b([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)\s+"
    r"([A-ZÄÖÜ][a-zäöüßčšž]{2,}(?:-[A-ZÄÖÜ][a-zäöüß]+)?)\b)")
# Titles and roles written before names ("Präsident Donald Trump", "Secretary Rubio").
_ROLE = re.compile(
    r"(?:präsident\w*|president|minister\w*|kanzler\w*|chancellor|secretary|sprecher\w*|spokes\w*|chef\w*|"
    r"chief|premier\w*|general\w*|senator|governor|gouverneur|könig\w*|king|queen|prinz\w*|prince|papst|pope|"
    r"bürgermeister\w*|mayor|dr|prof\w*|herr|frau|mr|mrs|ms|sir|lady|lord|state|staats\w*|vize\w*|vice|"
    r"kreml\w*|kremlin|white|house|us|u\.s)$", re.I)
_CAP_WORD = re.compile(r"\b[A-ZÄÖÜ][\w-]{2,}")


# ------------------------------------------------------------------ result types


@dataclass(slots=True)
class Span:
    doc: str
    start: int
    end: int
    text: str
    source: str

    def ref(self) -> dict[str, Any]:
        return {"doc": self.doc, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Contradiction:
    kind: str  # denial|date|number|status|name
    about: str
    a: Span
    b: Span

    def to_export(self) -> dict[str, Any]:
        return {"a": self.a.ref(), "b": self.b.ref(), "about": self.about, "kind": self.kind,
                "a_source": self.a.source, "b_source": self.b.source, "a_text": self.a.text, "b_text": self.b.text}


@dataclass(slots=True)
class Item:
    """A canonical event or an attributed claim with the sources that report it."""

    kind: str  # event|claim
    label: str
    supported_by: list[str] = field(default_factory=list)  # independent sources (outlet names)
    evidence: list[Span] = field(default_factory=list)
    contradicted_by: list[str] = field(default_factory=list)
    status: str | None = None  # events: status as reported (latest)
    date: str | None = None

    @property
    def verdict(self) -> str:
        if self.contradicted_by:
            return "contradicted"
        return "corroborated" if len(self.supported_by) >= 2 else "single-source"

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "label": self.label, "verdict": self.verdict, "status": self.status,
                "date": self.date, "supported_by": self.supported_by, "contradicted_by": self.contradicted_by,
                "evidence": [{**e.ref(), "text": e.text, "source": e.source} for e in self.evidence]}


@dataclass(slots=True)
class Comparison:
    story: str | None
    documents: list[dict[str, Any]]
    sources: list[str]
    independent_sources: int
    events: list[Item]
    claims: list[Item]
    contradictions: list[Contradiction]
    opinions: dict[str, list[Span]]
    single_source: list[Span]

    def to_dict(self) -> dict[str, Any]:
        return {
            "story": self.story, "documents": self.documents, "sources": self.sources,
            "independent_sources": self.independent_sources,
            "events": [e.to_dict() for e in self.events], "claims": [c.to_dict() for c in self.claims],
            "contradictions": [c.to_export() for c in self.contradictions],
            "opinions": {k: [{**s.ref(), "text": s.text} for s in v] for k, v in self.opinions.items()},
            "single_source": [{**s.ref(), "text": s.text, "source": s.source} for s in self.single_source],
        }


# ------------------------------------------------------------------ sources


def outlet(doc: Document) -> str:
    if doc.source:
        return doc.source
    if doc.url:
        m = re.match(r"^[a-z]+://(?:www\.)?([^/]+)", doc.url)
        if m:
            return m.group(1)
    return "doc:" + doc.id[:8]


def independence_units(docs: list[Document], groups: dict[str, str]) -> dict[str, int]:
    """doc id -> unit number; docs of one outlet or one near-duplicate group share a unit."""
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple[str, str], int] = {}
    for i, d in enumerate(docs):
        for key in (("outlet", outlet(d)), ("group", groups.get(d.id, d.id))):
            j = first.setdefault(key, i)
            parent[find(i)] = find(j)
    return {d.id: find(i) for i, d in enumerate(docs)}


# ------------------------------------------------------------------ sentence facts


@dataclass(slots=True)
class _Sent:
    doc: Document
    idx: int
    start: int
    end: int
    text: str
    unit: int
    day: date | None
    opinion: bool
    names: set[str]
    has_entity: bool = False
    # Per-sentence facts (figures, dates, cue words), computed on first use: the pair loops below ask
    # for them once per aligned pair, and a big story has tens of thousands of pairs.
    memo: dict[str, Any] = field(default_factory=dict)

    def span(self) -> Span:
        return Span(self.doc.id, self.start, self.end, self.text, outlet(self.doc))

    def _memo(self, key: str, compute: Callable[[], Any]) -> Any:
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def cue(self, name: str) -> bool:
        """Does the sentence match the cue ``_CUES[name]``?"""
        return self._memo("cue:" + name, lambda: _CUES[name](self.text))

    def figures(self) -> dict[str, set[float]]:
        """unit -> the figures of that unit in the sentence."""
        def compute() -> dict[str, set[float]]:
            out: dict[str, set[float]] = defaultdict(set)
            for v, u, _ in numbers(self.text, self.doc.language):
                if u:
                    out[u].add(v)
            return out
        return self._memo("figures", compute)

    def any_number(self) -> bool:
        return self._memo("any_number", lambda: bool(numbers(self.text, self.doc.language)))

    def dates(self) -> set[str]:
        return self._memo("dates", lambda: dates(self))

    def kinds(self) -> set[str]:
        return self._memo("kinds", lambda: _contact_kinds(self.text))

    def visit_kinds(self) -> set[str]:
        return self._memo("visit", lambda: _visit_kind(self.text))

    def status(self) -> str:
        return self._memo("status", lambda: _status(self.text))


def _sentences(doc: Document, unit: int) -> list[_Sent]:
    day = parse_day(doc.published)
    spans: list[tuple[int, int, bool]] = []
    if doc.sentences:
        spans = [(s.start, s.end, s.opinion) for s in doc.sentences]
    else:
        pos = 0
        for part in re.split(r"(?<=[.!?])\s+", doc.text):
            i = doc.text.find(part, pos)
            if part.strip():
                spans.append((i, i + len(part), False))
            pos = i + len(part)
    # linked mentions sorted by start, so each sentence finds its own by bisection (a long article
    # has hundreds of mentions; scanning them all per sentence was quadratic in its length)
    linked = sorted((m.start, m.entity) for m in doc.mentions if m.entity)
    starts = [x[0] for x in linked]
    out = []
    for i, (a, b, op) in enumerate(spans[:MAX_SENTENCES]):
        text = doc.text[a:b]
        ents = {e for _, e in linked[bisect_left(starts, a):bisect_left(starts, b)]}
        names = {"e:" + e for e in ents} | {"n:" + w.lower() for w in _CAP_WORD.findall(text)}
        out.append(_Sent(doc, i, a, b, text.strip(), unit, day, op, names, bool(ents)))
    return out


_VISIT = re.compile(r"\b(?:besuch\w*|reise\w*|visit\w*|trip|abstimmung\w*|vote|wahl|election|konferenz\w*|"
                    r"conference|zeremonie|ceremony|launch|start)\b", re.I)


def _visit_kind(text: str) -> set[str]:
    return {"visit"} if _VISIT.search(text) else set()


def _contact_kinds(text: str) -> set[str]:
    return {k for k, rx in _CONTACT_RE.items() if rx.search(text)}


def is_denial(text: str) -> bool:
    """A sentence denying that some contact (talks, a call, a meeting) took place."""
    if _NORMATIVE.search(text):
        return False
    if _DENY_VERB.search(text) and _contact_kinds(text):
        return True
    return bool(_DENIAL.search(text))


def _status(text: str) -> str:
    if _CANCEL.search(text):
        return "cancelled"
    if is_denial(text):
        return "denied"
    if _PLANNED.search(text):
        return "planned"
    return "occurred"


def _parse_number(tok: str, lang: str | None) -> float | None:
    t = tok.replace("\u202f", "").replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", t):
        # 20.000 (de) / 20,000 (en) are thousands; 2,5 / 2.5 decimals are caught below
        return float(re.sub(r"[.,]", "", t))
    if "," in t:
        t = t.replace(",", ".") if lang != "en" else t.replace(",", "")
    try:
        return float(t)
    except ValueError:
        return None


def numbers(text: str, lang: str | None) -> list[tuple[float, str, tuple[int, int]]]:
    """(value, unit, span) for figures in ``text``; years and day numbers of dates are skipped."""
    date_spans = [m.span() for rx in (_DATE_DMY, _DATE_MDY, _DATE_NUM) for m in rx.finditer(text)]
    out = []
    found = [(m.group(1), m.span(1)) for m in _NUMBER.finditer(text)]
    found += [(str(_NUMBER_WORDS[m.group(1).lower()]), m.span(1)) for m in _NUMBER_WORD.finditer(text)]
    for tok, (a, b) in found:
        if _YEAR.match(tok) or any(x <= a < y for x, y in date_spans):
            continue
        val = _parse_number(tok, lang)
        if val is None:
            continue
        rest = text[b:].lstrip()
        words = re.findall(r"%|[\w-]+", rest[:40])
        scale = 1.0
        if words and words[0].lower() in _SCALE:
            scale = _SCALE[words[0].lower()]
            words = words[1:]
        unit = _UNITS.get(words[0].lower(), "") if words else ""
        if unit == "people":
            unit = _casualty(text, a, b, lang) or unit
        out.append((val * scale, unit, (a, b)))
    return out


def _casualty(text: str, a: int, b: int, lang: str | None) -> str | None:
    """What happened to the "people" counted at text[a:b]: killed / injured / evacuated. English puts
    the verb before the figure ("killed nine people"), German after it ("14 Menschen getötet"), so
    the cue on that side wins; "killed nine people and injured 40" keeps the 40 apart."""
    before = [(a - m.end(), m) for m in _CASUALTY.finditer(text[max(0, a - 40):a])]
    after = [(m.start(), m) for m in _CASUALTY.finditer(text[b:b + 50])]
    first, second = (before, after) if lang == "en" else (after, before)
    for side in (first, second):
        if side:
            word = min(side, key=lambda x: x[0])[1].group(0).lower()
            return next(k for k, rx in _CASUALTY_KIND.items() if rx.match(word))
    return None


# A time expression names a calendar day itself when it has a month name or a numeric date; a
# clock time ("um 18.30 Uhr", "at 6:30 p.m.") takes its day from the article's date, as
# "am Montag" does.
_CALENDAR = re.compile(r"\b(?:" + _MONTH_RE + r")\b|\b\d{1,2}[./]\d{1,2}[./]|\b\d{4}-\d\d-\d\d", re.I)
# A wire dateline ("KIEL, June 3 (Baltic Maritime Wire) -"): its date is the day of writing, which
# differs between a report and its follow-up, not a date the story gives.
_DATELINE = re.compile(r"^\s*[A-ZÄÖÜ][A-ZÄÖÜ .'/-]{2,}(?:,\s*[\w. ]{2,30}?)?,\s*[^–—-]{3,40}?\s[–—-]+\s")


def dateline_end(text: str) -> int:
    """Where a dateline at the start of ``text`` ends (0 when there is none)."""
    m = _DATELINE.match(text)
    return m.end() if m and _CALENDAR.search(m.group()) else 0


def dates(s: _Sent) -> set[str]:
    """Explicit calendar dates in a sentence ("am 14. November", "March 3", "13/02/2025"), from the
    time stage where it ran, else from own patterns. Relative ones ("am Montag", "next week"),
    clock times and the dateline's date are left out: two outlets resolving "Monday" differently is
    a resolution error far more often than a disagreement."""
    out: set[str] = set()
    skip = s.start + dateline_end(s.text)
    for t in s.doc.timexes:
        if (skip <= t.start < s.end and t.type in ("DATE", "TIME") and re.match(r"^\d{4}-\d\d-\d\d", t.value)
                and _CALENDAR.search(t.text)):
            out.add(t.value[:10])
    if out:
        return out
    ref = s.day
    text = s.text[skip - s.start:]
    for m in _DATE_DMY.finditer(text):
        y = int(m.group(3)) if m.group(3) else (ref.year if ref else None)
        if y:
            try:
                out.add(date(y, _MONTHS[m.group(2).lower()], int(m.group(1))).isoformat())
            except ValueError:
                pass
    for m in _DATE_MDY.finditer(text):
        y = int(m.group(3)) if m.group(3) else (ref.year if ref else None)
        if y:
            try:
                out.add(date(y, _MONTHS[m.group(1).lower().rstrip(".")], int(m.group(2))).isoformat())
            except (ValueError, KeyError):
                pass
    for m in _DATE_NUM.finditer(text):
        try:
            out.add(date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat())
        except ValueError:
            pass
    return out


# ------------------------------------------------------------------ contradiction finders


def _about(a: _Sent, b: _Sent, limit: int = 70) -> str:
    text = a.text if len(a.text) <= limit else a.text[:limit].rsplit(" ", 1)[0] + " …"
    return text


def _context_sim(sents: list[_Sent], sim: np.ndarray, i: int, j: int) -> float:
    """Similarity of two sentences in their paragraph context: a denial ("Es habe keine Kontakte
    gegeben, sagte Peskow") often names its topic only in the sentences before it."""
    def around(k: int, back: int) -> list[int]:
        return [m for m in range(max(0, k - back), k + 1) if sents[m].doc is sents[k].doc]

    return max(float(sim[a, b]) for a in around(i, 2) for b in around(j, 1))


def _find_denials(sents: list[_Sent], sim: np.ndarray) -> list[Contradiction]:
    """Each denial against the best-matching affirmation of each other source."""
    out = []
    for i, s in enumerate(sents):
        if not s.cue("denial"):
            continue
        kinds = s.kinds()
        if not kinds or "contact" in kinds:  # "keine Kontakte" denies calls and meetings alike
            kinds = set(_CONTACT)
        best: dict[int, tuple[float, int]] = {}  # per other source
        for j, t in enumerate(sents):
            if t.unit == s.unit or not (t.kinds() & kinds) or t.cue("denial") or t.cue("cancel"):
                continue  # a contradiction is between sources; one article reporting both sides is not
            ctx = _context_sim(sents, sim, i, j)
            if ctx < DENIAL_SIM:
                continue
            # same subject: a shared entity or name (the story context makes names specific)
            shared = (s.names & t.names) - {"n:" + w for w in ("der", "die", "das", "the")}
            if not shared and ctx < DENIAL_SIM_UNSHARED:
                continue
            if t.cue("planned_only"):
                continue  # "will talk" does not contradict "no talks so far"
            if t.unit not in best or ctx > best[t.unit][0]:
                best[t.unit] = (ctx, j)
        for _ctx, j in sorted(best.values(), reverse=True):
            t = sents[j]
            out.append(Contradiction("denial", f"denied: {_about(s, t)}", s.span(), t.span()))
    return out


def _aligned_pairs(sents: list[_Sent], sim: np.ndarray, lower: float | None = None) -> list[tuple[int, int]]:
    """Pairs of sentences of different sources about the same thing: similarity ALIGN_SIM, or
    ``lower`` when they also share a name (long sentences carrying two facts score lower)."""
    pairs = []
    floor = ALIGN_SIM if lower is None else min(lower, ALIGN_SIM)
    for i, j in np.argwhere(np.triu(sim, 1) >= floor).tolist():
        if sents[i].unit == sents[j].unit:
            continue
        if " ".join(sents[i].text.split()) == " ".join(sents[j].text.split()):
            continue  # the same sentence (a reprint missed as a copy) cannot disagree with itself
        if sim[i, j] >= ALIGN_SIM or sents[i].names & sents[j].names:
            pairs.append((i, j))
    return pairs


_APPROX = re.compile(r"\b(?:rund|etwa|gut|knapp|fast|ungefähr|circa|ca|annähernd|about|around|nearly|roughly|"
                     r"almost|some|approximately|just\s+(?:over|under))\b", re.I)


# Cue regexes asked per sentence through ``_Sent.cue`` (memoised).
_CUES: dict[str, Any] = {
    "update": lambda t: bool(_UPDATE.search(t)),
    "relative": lambda t: bool(_RELATIVE_DAY.search(t)),
    "approx": lambda t: bool(_APPROX.search(t)),
    "cancel": lambda t: bool(_CANCEL.search(t)),
    "denial": lambda t: is_denial(t),
    "planned_only": lambda t: bool(_PLANNED.search(t))
    and not re.search(r"\b(?:hat|haben|hatte|hatten|has|have|had)\b", t, re.I),
}


def _close(a: set[float], b: set[float], hedged: bool) -> bool:
    """Do two sets of figures agree? Equal within 1% (rounding: 502 vs 500), within 10% where either
    sentence says "rund"/"about"."""
    tol = 0.10 if hedged else 0.01
    return any(abs(x - y) <= tol * max(abs(x), abs(y)) for x in a for y in b)


def _find_value_conflicts(sents: list[_Sent], sim: np.ndarray) -> list[Contradiction]:
    out: list[Contradiction] = []
    seen: set[tuple[str, int, int]] = set()
    for i, j in _aligned_pairs(sents, sim, lower=FIGURE_SIM):
        s, t = sents[i], sents[j]
        # dates: both give a full date, none shared
        ds, dt = s.dates(), t.dates()
        if sim[i, j] >= ALIGN_SIM and ds and dt and not ds & dt and ("date", s.unit, t.unit) not in seen:
            out.append(Contradiction("date", f"{', '.join(sorted(ds))} vs {', '.join(sorted(dt))}: {_about(s, t)}",
                                     s.span(), t.span()))
        # numbers: same unit, different value (ignoring updates such as "stieg auf", and figures
        # for "overnight"/"gestern" in articles of different days, which are different nights)
        relative_apart = s.day != t.day and (s.cue("relative") or t.cue("relative"))
        if not (s.cue("update") or t.cue("update") or relative_apart):
            units_s, units_t = s.figures(), t.figures()
            shared_units = set(units_s) & set(units_t)
            if sim[i, j] < ALIGN_SIM:
                # below ALIGN_SIM only a toll is read (the case FIGURE_SIM is for): two amounts in
                # euros or two durations in loosely similar sentences are mostly two facts ("the
                # loot is worth 4.2 million" / "a reward of 25,000")
                shared_units &= set(_CASUALTY_KIND)
            hedged = bool(shared_units) and (s.cue("approx") or t.cue("approx"))
            for u in sorted(shared_units):
                if not _close(units_s[u], units_t[u], hedged):
                    vs = "/".join(f"{v:g}" for v in sorted(units_s[u]))
                    vt = "/".join(f"{v:g}" for v in sorted(units_t[u]))
                    out.append(Contradiction("number", f"{u}: {vs} vs {vt}: {_about(s, t)}", s.span(), t.span()))
                    break
    return out


def _find_status_conflicts(sents: list[_Sent], sim: np.ndarray) -> list[Contradiction]:
    """A sentence saying an event was cancelled or postponed against one of another source, published
    within STATUS_MAX_DAYS, saying the same kind of event takes or took place. Like denials, such
    pairs share few words ("abgesagt" vs "soll stattfinden"), so the pairing asks for a shared kind
    of event plus a modest similarity."""
    out = []
    for i, s in enumerate(sents):
        if not s.cue("cancel") or _EARLIER_CANCEL.search(s.text):
            continue
        kinds = s.kinds() | s.visit_kinds()
        if not kinds:
            continue  # "90 Prozent der Züge fielen aus" is a figure, not the status of an event
        best: tuple[float, int] | None = None
        for j, t in enumerate(sents):
            if t.unit == s.unit or not (s.day and t.day and abs((s.day - t.day).days) <= STATUS_MAX_DAYS):
                continue
            if sim[i, j] < ALIGN_SIM and not (sim[i, j] >= DENIAL_SIM and kinds & (t.kinds() | t.visit_kinds())):
                continue
            if t.status() not in ("planned", "occurred"):
                continue
            if best is None or sim[i, j] > best[0]:
                best = (float(sim[i, j]), j)
        if best is not None:
            t = sents[best[1]]
            out.append(Contradiction("status", f"cancelled vs {t.status()}: {_about(t, s)}", s.span(), t.span()))
    return out


def _levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


_TRANSLIT = [("tsch", "ch"), ("sch", "sh"), ("kh", "ch"), ("w", "v"), ("ij", "y"), ("iy", "y"), ("j", "y"),
             ("ei", "ey"), ("ou", "u"), ("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("š", "s"),
             ("č", "c"),
             ("ž", "z")]
_FINAL_I = re.compile(r"(?:i|y|iy|ij)$")


def _fold(name: str) -> str:
    """Spelling key under which German/English transliterations of one name coincide."""
    s = name.lower()
    for a, b in _TRANSLIT:
        s = s.replace(a, b)
    return _FINAL_I.sub("y", s)


def _plain(name: str) -> str:
    """The name without diacritics: English copy writes "Sonke" for "Sönke"."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))


_GERMAN_ENDINGS = ("es", "en", "er", "em", "e", "n", "s")


def _stems(word: str) -> set[str]:
    w = word.lower()
    return {w} | {w[:-len(e)] for e in _GERMAN_ENDINGS if w.endswith(e) and len(w) - len(e) >= 4}


def _inflected(a: str, b: str) -> bool:
    """Two forms of one German word: a shared stem of four letters or more, with case endings
    ("Herstellers/Hersteller", "Märkischen/Märkischer")."""
    return bool(_stems(a) & _stems(b))


def _find_name_variants(docs: list[Document], units: dict[str, int]) -> list[Contradiction]:
    """Person names (same surname) whose first name differs slightly between outlets: "Mark Rubio"
    against "Marco Rubio". Transliterations (Wolodymyr/Volodymyr, Juri/Yuri) are not variants."""
    occ: dict[tuple[str | None, str], dict[str, list[Span]]] = defaultdict(lambda: defaultdict(list))
    flagged: list[tuple[Document, Any]] = []
    # Surnames of recognised persons; without NER, every "Capitalised Capitalised" pair counts.
    surnames = {_fold(m.text.split()[-1]) for d in docs for m in d.mentions if m.type == "PER" and m.text.strip()}
    for d in docs:
        found: dict[int, tuple[int, int, str, str]] = {}
        for m in d.mentions:
            if any(f in ("probable-misspelling", "variant", "misspelling") for f in m.flags):
                flagged.append((d, m))
        # "Firstname Surname" as written (NER may cover only the surname: "Mark [Rubio]")
        for m in _PERSON.finditer(d.text):
            first, last = m.group(1), m.group(2)
            if surnames and _fold(last) not in surnames or _ROLE.search(first):
                continue
            found[m.start(1)] = (m.start(1), m.end(2), first, last)
        for a, b, first, last in found.values():
            occ[(None, _fold(last))][first].append(Span(d.id, a, b, d.text[a:b], outlet(d)))
    out: list[Contradiction] = []
    for (_lang, last), firsts in occ.items():
        names = list(firsts)
        for x in range(len(names)):
            for y in range(x + 1, len(names)):
                f1, f2 = names[x], names[y]
                if (_fold(f1) == _fold(f2) or _plain(f1) == _plain(f2) or _inflected(f1, f2)
                        or _levenshtein(f1.lower(), f2.lower()) > 2 or min(len(f1), len(f2)) < 3):
                    continue  # same name, a transliteration (Wolodymyr/Volodymyr, Sönke/Sonke), or one
                    # word in two German cases ("des Lieferdienstes Tellerbote", "Märkischen/Märkischer")
                u1 = {units.get(s.doc, -1) for s in firsts[f1]}
                u2 = {units.get(s.doc, -1) for s in firsts[f2]}
                if u1 & u2:
                    continue  # one source using both spellings: not an outlet disagreement
                major, minor = (f1, f2) if len(u1) >= len(u2) else (f2, f1)
                a, b = firsts[minor][0], firsts[major][0]
                out.append(Contradiction("name", f"{a.text} vs {b.text}", a, b))
    for d, m in flagged:
        sp = Span(d.id, m.start, m.end, m.text, outlet(d))
        if not any(c.kind == "name" and c.a.doc == d.id and c.a.start == m.start for c in out):
            other = next((Span(o.id, mm.start, mm.end, mm.text, outlet(o)) for o in docs if o.id != d.id
                          for mm in o.mentions if mm.entity and mm.entity == m.entity and not mm.flags), None)
            if other is not None:
                out.append(Contradiction("name", f"{m.text} vs {other.text}", sp, other))
    return out


# ------------------------------------------------------------------ events and claims


_Canonical = tuple[str, str, "str | None", "str | None", list[tuple["Document", Any]]]


def _canonical_events(docs: list[Document], groups: dict[str, str]) -> list[_Canonical]:
    """(label, type, status, date, [(doc, mention)]) per canonical event: from lagebild.timeline when
    that module is present, else grouped here by type and participants."""
    try:
        from ..timeline import merge_events  # type: ignore[attr-defined]

        canon = merge_events(docs, {d: g for d, g in groups.items() if d != g})
        by_id = {d.id: d for d in docs}
        out = []
        for ev in canon:
            pairs = []
            for m in getattr(ev, "mentions", []):
                doc_id = m.get("doc") if isinstance(m, dict) else getattr(m, "doc", None)
                if doc_id in by_id:
                    pairs.append((by_id[doc_id], m))
            label = getattr(ev, "label", None) or f"{getattr(ev, 'type', 'event')}"
            out.append((label, str(getattr(ev, "type", "")), getattr(ev, "status", None), getattr(ev, "date", None),
                        pairs))
        if out:
            return out
    except Exception:  # noqa: BLE001 - the timeline module is optional; fall back to local grouping
        pass
    groups: dict[tuple[str, frozenset[str]], list[tuple[Document, Any]]] = defaultdict(list)
    for d in docs:
        for ev in d.events:
            if ev.type in ("statement", "other"):
                continue
            groups[(ev.type, frozenset(ev.actors) | frozenset(ev.targets))].append((d, ev))
    ents = {e.id: e.name for d in docs for e in d.entities}
    out = []
    for (etype, actors), pairs in groups.items():
        names = ", ".join(sorted(ents.get(a, a) for a in actors)) or "?"
        latest = max(pairs, key=lambda p: p[0].published or "")[1]
        out.append((f"{etype}: {names}", etype, latest.status, latest.date, pairs))
    return out


def _sentence_text(doc: Document, sp: Span) -> str:
    s = doc.sentence_at(sp.start)
    return doc.text[s.start:s.end] if s else sp.text


_CONTACT_EVENT_TYPES = frozenset({"meeting", "summit", "phone_call", "visit", "negotiation", "call", "talks"})


def _span_of(doc: Document, m: Any) -> Span:
    start = m.get("start") if isinstance(m, dict) else getattr(m, "start", 0)
    end = m.get("end") if isinstance(m, dict) else getattr(m, "end", 0)
    return Span(doc.id, start, end, doc.text[start:end], outlet(doc))


def _event_items(docs: list[Document], units: dict[str, int], unit_name: dict[int, str],
                 groups: dict[str, str]) -> tuple[list[Item], list[Contradiction]]:
    items, contras = [], []
    for label, etype, status, when, pairs in _canonical_events(docs, groups):
        if not pairs:
            continue
        item = Item("event", label, status=status, date=when)
        support: dict[int, str] = {}
        denying: dict[int, str] = {}
        occurred: dict[int, Span] = {}
        denied: dict[int, Span] = {}
        for d, m in pairs:
            st = m.get("status") if isinstance(m, dict) else getattr(m, "status", None)
            sp = _span_of(d, m)
            item.evidence.append(sp)
            u = units[d.id]
            if st == "denied" and is_denial(_sentence_text(d, sp)):  # the sentence itself must deny
                denying[u] = unit_name[u]
                denied.setdefault(u, sp)
            else:
                support[u] = unit_name[u]
                if st == "occurred":
                    occurred.setdefault(u, sp)
        # an event only ever reported as denied: the sources are those reporting the denial
        item.supported_by = sorted(set(support.values()) or set(denying.values()))
        # contradicted: some sources report it, others deny it (a denial alone is the event's status)
        item.contradicted_by = sorted(set(denying.values()) - set(support.values())) if support else []
        # one source denying a contact another source reports as having happened
        if etype in _CONTACT_EVENT_TYPES:
            pair = next(((du, ou) for du in denied for ou in occurred if du != ou), None)
            if pair is not None:
                contras.append(Contradiction("denial", f"denied: {label}", denied[pair[0]], occurred[pair[1]]))
        items.append(item)
    items.sort(key=lambda it: (-len(it.supported_by), it.label))
    return items, contras


def _claim_items(docs: list[Document], units: dict[str, int], unit_name: dict[int, str]) -> list[Item]:
    quotes = [(d, q) for d in docs for q in d.quotes if q.text.strip()]
    if not quotes:
        return []
    vecs = embed.encode([q.text for _, q in quotes])
    sim = vecs @ vecs.T
    clusters: list[list[int]] = []
    for i, (_d, q) in enumerate(quotes):
        for c in clusters:
            j = c[0]
            same_speaker = (q.speaker and quotes[j][1].speaker and q.speaker == quotes[j][1].speaker) or (
                not q.speaker or not quotes[j][1].speaker)
            if same_speaker and sim[i, j] >= CLAIM_SIM:
                c.append(i)
                break
        else:
            clusters.append([i])
    ents = {e.id: e.name for d in docs for e in d.entities}
    items = []
    for c in clusters:
        d0, q0 = quotes[c[0]]
        who = ents.get(q0.speaker or "", None) or q0.speaker_text or "unknown speaker"
        text = q0.text if len(q0.text) <= 100 else q0.text[:100].rsplit(" ", 1)[0] + " …"
        item = Item("claim", f"{who}: {text}")
        item.supported_by = sorted({unit_name[units[quotes[i][0].id]] for i in c})
        item.evidence = [Span(quotes[i][0].id, quotes[i][1].start, quotes[i][1].end, quotes[i][1].text,
                              outlet(quotes[i][0])) for i in c]
        items.append(item)
    items.sort(key=lambda it: (-len(it.supported_by), it.label))
    return items


def _overlaps(a: Span, b: Span) -> bool:
    return a.doc == b.doc and a.start < b.end and b.start < a.end


# ------------------------------------------------------------------ entry points


def _sample(docs: list[Document]) -> list[Document]:
    """At most MAX_DOCS articles (sentence pairs grow with the square): the latest article of each
    outlet first, then the latest of the rest. Returned in date order."""
    if len(docs) <= MAX_DOCS:
        return docs
    newest = sorted(docs, key=lambda d: d.published or "", reverse=True)
    keep: list[Document] = []
    seen: set[str] = set()
    for d in newest:
        if outlet(d) not in seen:
            seen.add(outlet(d))
            keep.append(d)
    keep += [d for d in newest if d not in keep]
    chosen = {id(d) for d in keep[:MAX_DOCS]}
    return [d for d in docs if id(d) in chosen]


def compare_documents(docs: list[Document], *, store: Store | None = None, story: str | None = None) -> Comparison:
    """Compare the articles of one story."""
    docs = _sample(sorted(docs, key=lambda d: (d.published or "", d.id)))
    groups: dict[str, str] = {d.id: d.id for d in docs}
    joins: dict[str, dict[str, Any]] = {}
    if store is not None:
        from ..storage import stories as db

        groups = db.dup_groups(store, [d.id for d in docs])
        joins = db.get_joins(store, [d.id for d in docs])
    units = independence_units(docs, groups)
    unit_name: dict[int, str] = {}
    for d in docs:
        u = units[d.id]
        if u not in unit_name:
            unit_name[u] = outlet(d)
        elif outlet(d) not in unit_name[u]:
            unit_name[u] += " = " + outlet(d)  # a reprint: "dpa = Alpenpost" counts once

    sents = [s for d in docs for s in _sentences(d, units[d.id])]
    vecs = embed.encode([s.text for s in sents]) if sents else np.zeros((0, embed.DIM), np.float32)
    sim = vecs @ vecs.T if len(sents) else np.zeros((0, 0))

    contras = (_find_denials(sents, sim) + _find_value_conflicts(sents, sim) + _find_status_conflicts(sents, sim)
              + _find_name_variants(docs, units))
    events, ev_contras = _event_items(docs, units, unit_name, groups)
    events = [e for e in events if e.label.split(":", 1)[0] not in ("statement", "other")]
    contras = _dedupe(ev_contras + contras)
    claims = _claim_items(docs, units, unit_name)
    # a claim contradicted by a contradiction whose side overlaps one of its quotes (events get
    # theirs from the event statuses above: a sentence carrying two facts would otherwise pass a
    # contradiction about one fact on to the other)
    # (contradictions indexed by the documents of their sides, so each quote looks only at those of
    # its own document; the order of ``contradicted_by`` stays that of the contradiction list)
    by_doc: dict[str, list[int]] = defaultdict(list)
    for k, c in enumerate(contras):
        if c.kind != "name":
            by_doc[c.a.doc].append(k)
            if c.b.doc != c.a.doc:
                by_doc[c.b.doc].append(k)
    for item in claims:
        near = sorted({k for ev in item.evidence for k in by_doc.get(ev.doc, ())})
        for k in near:
            c = contras[k]
            for ev in item.evidence:
                other = c.b if _overlaps(ev, c.a) else c.a if _overlaps(ev, c.b) else None
                if other is not None and other.source not in item.contradicted_by:
                    item.contradicted_by.append(other.source)

    opinions: dict[str, list[Span]] = defaultdict(list)
    for s in sents:
        if s.opinion:
            opinions[outlet(s.doc)].append(s.span())
    single = []
    if len(set(units.values())) > 1:
        unit_of = np.array([s.unit for s in sents])
        echoed = ((unit_of[None, :] != unit_of[:, None]) & (sim >= ALIGN_SIM)).any(axis=1)
        for i, s in enumerate(sents):
            if s.opinion:
                continue
            if not echoed[i] and (s.any_number() or s.dates() or s.has_entity):
                single.append(s.span())
    documents = [{"id": d.id, "source": outlet(d), "title": d.title, "language": d.language,
                  "published": d.published, "near_duplicate_of": groups.get(d.id) if groups.get(d.id) != d.id else None,
                  **({"joined": joins[d.id]} if d.id in joins else {})}
                 for d in docs]
    return Comparison(story, documents, sorted({outlet(d) for d in docs}), len(set(units.values())), events,
                      claims, contras, dict(opinions), single)


def _dedupe(contras: list[Contradiction]) -> list[Contradiction]:
    out, seen = [], set()
    for c in contras:
        key = (c.kind, c.a.doc, c.a.start, c.b.doc, c.b.start)
        rkey = (c.kind, c.b.doc, c.b.start, c.a.doc, c.a.start)
        if key in seen or rkey in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


def compare_story(store: Store, story_ref: str) -> Comparison:
    from ..errors import NotFoundError
    from ..storage import stories as db

    st = db.resolve_story(store, story_ref)
    if st is None:
        raise NotFoundError(f"no story {story_ref!r}", tip="`lagebild stories` lists them")
    docs = list(store.iter_documents(db.story_doc_ids(store, st.id)))
    return compare_documents(docs, store=store, story=st.id)


def _why_lines(documents: list[dict[str, Any]]) -> list[str]:
    """"Why these articles are one story": how each article came into the story (the records of
    cluster.assign), so a reader can check a join instead of trusting it."""
    if not any("joined" in d for d in documents):
        return []
    lines = ["## Articles and why they are in this story", ""]
    by_id = {d["id"]: d for d in documents}
    for d in documents:
        j = d.get("joined") or {}
        head = f"- {d.get('published') or '?'} {d['source']}: {d.get('title') or d['id']}"
        if j.get("how") == "opened":
            why = "opened the story"
        elif j.get("how") == "copy":
            why = f"near-duplicate of {j.get('copy_of')}"
        elif j.get("how") == "joined":
            shared = [*j.get("shared_names", []), *j.get("shared_figures", [])]
            closest = by_id.get(j.get("closest_article") or "")
            why = (f"joined (log-odds {j.get('log_odds'):+.2f}"
                   + (f", closest to {closest.get('source') or '?'}: {closest.get('title') or closest['id']}"
                      if closest else "") + ")" + (f"; shares {', '.join(shared)}" if shared else ""))
        elif j.get("how") == "edited":
            why = f"placed by hand (`lagebild edits`, edit {j.get('edit')})"
        else:
            why = "no record (clustered by an older lagebild; `lagebild stories --rebuild` adds it)"
        lines.append(f"{head} — {why}")
    lines.append("")
    return lines


def to_markdown(cmp: Comparison, title: str | None = None) -> str:
    lines = [f"# {title or cmp.story}", ""]
    lines.append(f"{len(cmp.documents)} articles from {len(cmp.sources)} outlets "
                 f"({cmp.independent_sources} independent after merging near-duplicates and same-outlet copies)")
    lines.append("")

    def block(name: str, items: list[Item]) -> None:
        if not items:
            return
        lines.append(f"## {name}")
        lines.append("")
        for it in items:
            extra = f" — contradicted by {', '.join(it.contradicted_by)}" if it.contradicted_by else ""
            status = f" [{it.status}{', ' + it.date if it.date else ''}]" if it.status else ""
            lines.append(f"- **{it.verdict}**{status} {it.label} — {', '.join(it.supported_by)}{extra}")
        lines.append("")

    lines.extend(_why_lines(cmp.documents))
    block("Events", cmp.events)
    block("Claims", cmp.claims)
    if cmp.contradictions:
        lines.append("## Contradictions")
        lines.append("")
        for c in cmp.contradictions:
            lines.append(f"- **{c.kind}** — {c.about}")
            lines.append(f"  - {c.a.source}: “{c.a.text}”")
            lines.append(f"  - {c.b.source}: “{c.b.text}”")
        lines.append("")
    if cmp.single_source:
        lines.append("## Reported by one source only")
        lines.append("")
        for s in cmp.single_source[:30]:
            lines.append(f"- {s.source}: “{s.text}”")
        lines.append("")
    if cmp.opinions:
        lines.append("## Opinion")
        lines.append("")
        for src, spans in sorted(cmp.opinions.items()):
            lines.append(f"- {src}:")
            for s in spans:
                lines.append(f"  - “{s.text}”")
        lines.append("")
    return "\n".join(lines)



