"""Stage 7, quotes: direct and indirect speech with cue, speaker and medium.

The rules live in ``lagebild.attribution`` (token level); this module maps their token spans to
character offsets, turns them into ``Quote`` records and resolves the speaker to an entity:

- a person mention inside the speaker phrase ("Kreml-Sprecher Dmitri Peskow") gives the entity;
- a pronoun ("er", "sie", "he", "she") takes the nearest earlier person mention;
- a definite role phrase ("der Präsident", "die Sprecherin des Weißen Hauses") takes the nearest
  earlier person introduced with that role ("Präsident Donald Trump", "Sprecherin Karoline Leavitt");
- an organisation speaking for itself ("das Weiße Haus", "die Polizei") takes the organisation;
- indefinite phrases ("ein Beamter des Weißen Hauses") stay unnamed: speaker None, words kept.

When ``doc.mentions`` is empty every speaker stays None and ``speaker_text`` holds the words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from ..attribution import Attribution, extract
from ..attribution import lexicon as L
from ..model import Document, Mention, Quote, Token
from ..pipeline import stage
from .segment import split_sentences, tokenize

_PRONOUNS = frozenset({"er", "sie", "he", "she", "ihm", "ihr", "him", "her"})
# Relative pronouns as speakers ("der Junge, der angab, …"): they stand for the phrase
# right before their comma.
_RELATIVE = frozenset({"der", "die", "das", "welcher", "welche", "welches", "who"})
_RELATIVE_REACH = 4  # characters between the antecedent's end and the pronoun (", ")
_INDEFINITE = frozenset({"ein", "eine", "einer", "eines", "einem", "einen", "a", "an", "mehrere", "einige", "zwei", "drei", "several", "some", "two", "three"})
_DEFINITE = frozenset({"der", "die", "das", "des", "dem", "den", "the"})
# How far back (characters) a pronoun or role phrase may reach for its antecedent.
_ANTECEDENT_WINDOW = 3000

_CAPS = r"(?:[„\"»“]?[A-ZÄÖÜ][\w.&'’-]*[“\"«]?)(?:\s+(?:of|the|for|de|von|der|des)?\s*[„\"»“]?[A-ZÄÖÜ][\w.&'’-]*[“\"«]?)*"
_MEDIUM_PATTERNS = [
    re.compile(p)
    for p in (
        r"\b[Gg]egenüber\s+(?:(?:der|dem|den|die|das)\s+)?(?:(?:Zeitung|Sender|Nachrichtenagentur|Agentur|Magazin|Nachrichtenmagazin|Fernsehsender|Radiosender|Journalisten|Reportern|Medien)\s*)?" + _CAPS,
        r"\bgegenüber\s+(?:Journalisten|Reportern|Medien|der Presse)",
        r"\b(?:[Ii]n\s+einem|[Ii]m)\s+(?:\w+-)?(?:Interview|Gespräch|Telefonat|Podcast|Fernsehinterview|Radiointerview|Brief|Schreiben)\s+(?:mit|an|gegenüber)\s+(?:(?:der|dem|den|die|das)\s+)?" + _CAPS,
        r"\b[Aa]uf\s+(?:seiner|ihrer|der|seinem|ihrem|dem)\s+(?:Plattform|Online-Plattform|Website|Webseite|Internetseite|Homepage|Kanal|Account|Konto)\s+" + _CAPS,
        r"\b(?:auf|bei|im Kurznachrichtendienst|im Onlinedienst)\s+(?:Truth Social|X|Twitter|Facebook|Instagram|Telegram|TikTok|YouTube|Bluesky)\b",
        r"\bin\s+(?:der|einer)\s+(?:Sendung|Talkshow|Pressekonferenz|Fernsehsendung|Regierungserklärung)\s*" + r"(?:" + _CAPS + r")?",
        r"\btold\s+(?:the\s+)?(?:" + _CAPS + r"|reporters|journalists)",
        r"\b[Ii]n\s+an\s+interview\s+with\s+(?:the\s+)?" + _CAPS,
        r"\bon\s+(?:his|her|their|its)\s+(?:platform|social media platform|account|website|channel)\s+" + _CAPS,
        r"\bon\s+(?:Truth Social|X|Twitter|Facebook|Instagram|Telegram|TikTok|YouTube|Bluesky)\b",
        r"\b(?:sagte|erklärte|betonte|teilte|sagten|erklärten)\s+(?:der|dem)\s+(?:(?:Zeitung|Sender|Nachrichtenagentur|Agentur|Magazin|Nachrichtenmagazin|Wochenzeitung|Tageszeitung|Fernsehsender|Radiosender)\s+)?[„\"»]" + r"[^“\"«]+[“\"«](?:-\w+)?",
        r"\b(?:sagte|erklärte|betonte|teilte|sagten|erklärten)\s+(?:der|dem)\s+(?:Zeitung|Sender|Nachrichtenagentur|Agentur|Magazin|Nachrichtenmagazin|Wochenzeitung|Tageszeitung|Fernsehsender|Radiosender)\s+" + _CAPS,
    )
]
_MEDIUM_LEAD = re.compile(r"^(?:sagte|erklärte|betonte|teilte|sagten|erklärten)\s+")


def _sentence_ranges(tokens: Sequence[Token], sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    starts = [t.start for t in tokens]
    return [(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)) for s, e in sentences]


def _span_text(doc: Document, tokens: Sequence[Token], idx: Sequence[int]) -> str:
    """Text of a (possibly split) token span; gaps are joined with ' … '."""
    if not idx:
        return ""
    parts: list[str] = []
    run = [idx[0]]
    for k in idx[1:]:
        if k == run[-1] + 1:
            run.append(k)
        else:
            parts.append(doc.text[tokens[run[0]].start : tokens[run[-1]].end])
            run = [k]
    parts.append(doc.text[tokens[run[0]].start : tokens[run[-1]].end])
    return " … ".join(parts) if len(parts) > 1 and all(len(p.split()) > 1 for p in parts) else " ".join(parts)


def _medium(frame: str) -> str | None:
    for pat in _MEDIUM_PATTERNS:
        m = pat.search(frame)
        if m:
            return _MEDIUM_LEAD.sub("", m.group(0)).strip(" ,.;:")
    return None


class _Resolver:
    """Speaker phrase -> entity id, using the document's mentions."""

    def __init__(self, doc: Document):
        self.doc = doc
        ms = sorted((m for m in doc.mentions if m.entity), key=lambda m: m.start)
        self.mentions: list[Mention] = ms
        self.starts = [m.start for m in ms]

    def inside(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def before(self, pos: int) -> list[Mention]:
        """Mentions ending before ``pos``, nearest first, within the antecedent window."""
        i = bisect.bisect_left(self.starts, pos)
        out = []
        for m in reversed(self.mentions[:i]):
            if m.end > pos:
                continue
            if pos - m.end > _ANTECEDENT_WINDOW:
                break
            out.append(m)
        return out

    def relative_antecedent(self, start: int) -> Mention | None:
        """The mention a relative pronoun at ``start`` refers to: the one ending right before
        its comma ("… Jungen Tom Berger, der angab …")."""
        near = self.before(start)
        if near and start - near[0].end <= _RELATIVE_REACH and "," in self.doc.text[near[0].end : start]:
            return near[0]
        return None

    def resolve(self, start: int, end: int, words: list[str]) -> str | None:
        if not self.mentions or not words:
            return None
        inside = self.inside(start, end)
        persons = [m for m in inside if m.type == "PER"]
        if persons:
            return persons[-1].entity
        first = words[0].lower()
        if len(words) == 1 and first in _RELATIVE:
            ante = self.relative_antecedent(start)
            return ante.entity if ante else None
        if len(words) == 1 and first in _PRONOUNS:
            for m in self.before(start):
                if m.type == "PER":
                    return m.entity
            return None
        if first in _INDEFINITE:
            return None  # "ein Beamter des Weißen Hauses": unnamed on purpose
        content = [w for w in words if w.lower() not in _DEFINITE and w not in (",", "„", "“")]
        orgs = [m for m in inside if m.type in ("ORG", "LOC", "MISC")]
        if orgs and content:
            # the organisation itself speaks ("das Weiße Haus", "Angaben der Polizei")
            head = content[0]
            if head.lower() in L.DE_NACH_NOUNS and len(content) > 1:
                head = content[1]
            org = orgs[0]
            if head in org.text or org.text.startswith(head[:4]):
                return org.entity
        if first in _DEFINITE and content:
            role = content[0].split("-")[-1].lower()
            if len(role) >= 4:
                for m in self.before(start):
                    if m.type != "PER":
                        continue
                    ctx = self.doc.text[max(0, m.start - 60) : m.start].lower()
                    after = self.doc.text[m.end : m.end + 60].lower()
                    if role in ctx.split()[-3:] or any(role in w for w in ctx.split()[-3:]) or role in after[:40]:
                        return m.entity
        return None


def attribute(doc: Document) -> list[tuple[Quote, Attribution]]:
    """Quotes with the token-level attribution each came from (the benchmark reads both)."""
    tokens = doc.tokens or tokenize(doc.text)
    if not tokens:
        return []
    sent_spans = [(s.start, s.end) for s in doc.sentences] or split_sentences(doc.text)
    ranges = _sentence_ranges(tokens, sent_spans)
    words = [t.text for t in tokens]
    lang = "en" if (doc.language or "de").startswith("en") else "de"
    resolver = _Resolver(doc)
    first_tokens = [a for a, _ in ranges]
    out: list[tuple[Quote, Attribution]] = []
    for att in extract(words, ranges, lang):
        m = att.message
        if att.backward and len(m) > 1:
            # "…. Das bestätigte X.": the quote is the previous sentence, without the pronoun
            m = [k for k in m[:-1] if k < m[-1]]
        start, end = tokens[m[0]].start, tokens[m[-1]].end
        kind = "direct" if att.form == "Direct" else "indirect"
        speaker_text = _span_text(doc, tokens, att.source) or None
        speaker = None
        if att.source:
            s0, s1 = tokens[att.source[0]].start, tokens[att.source[-1]].end
            speaker = resolver.resolve(s0, s1, [words[k] for k in att.source])
            if len(att.source) == 1 and words[att.source[0]].lower() in _RELATIVE:
                ante = resolver.relative_antecedent(s0)
                if ante:
                    speaker_text = ante.text  # a user wants the name, not "der"
        cue = _span_text(doc, tokens, att.cue) or None
        # frame = the sentence(s) around the message, minus the message itself
        si = bisect.bisect_right(first_tokens, m[0]) - 1
        sj = bisect.bisect_right(first_tokens, m[-1]) - 1
        sent_start = sent_spans[si][0] if si >= 0 else start
        sent_end = sent_spans[sj][1] if sj >= 0 else end
        frame = doc.text[sent_start:start] + " " + doc.text[end:sent_end]
        medium = _span_text(doc, tokens, att.addressee) or _medium(frame)
        quote = Quote(start, end, doc.text[start:end], kind, speaker, speaker_text, cue, medium)
        out.append((quote, att))
    return out


@stage("quotes", requires=("text", "sentences", "tokens", "language", "mentions"), assigns=("quotes",))
def make_quotes() -> Callable[[Document], Document]:
    """Direct and indirect speech with cue, speaker (entity) and medium."""

    def quotes(doc: Document) -> Document:
        doc.quotes = [q for q, _ in attribute(doc)]
        return doc

    return quotes
