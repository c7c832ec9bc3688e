"""How much of a sentence is someone else's words (a quote), not the writer's.

A sentence that is mostly a quote (direct, or indirect reported speech) carries the
speaker's evaluation, however opinionated it sounds; the writer only reports it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Quote
from .features import tokenize

# Text between a pair of quotation marks of the usual German, English and French styles.
# Used only when no quotes stage result is available.
_QUOTED_RE = re.compile(r'„[^„“”]+[“”"]|“[^“”]+[”“]|"[^"]+"|»[^»«]+«|«[^«»]+»|‚[^‚‘’]+[‘’]')
# German Konjunktiv I: the grammatical mark of reported speech, also in sentences that carry
# no reporting verb of their own ("Die Lage sei ernst. Man müsse jetzt handeln."). Forms that
# are Konjunktiv I in the 3rd person only, and forms equal to the 1st person indicative
# (habe, werde, ...); a sentence with a first or second person pronoun never counts, which
# rules out both "ich habe" and the writer's own "wir".
_KONJ1_ONLY = frozenset("sei seien könne müsse solle wolle dürfe möge wisse".split())
_KONJ1_AMBIGUOUS = frozenset(
    "habe werde gebe liege stehe gehe komme bleibe gelte fehle bestehe zeige brauche handle plane "
    "erwarte fordere halte sehe lasse".split()
)
_PERSONAL = frozenset("ich wir du ihr mir mich uns dich euch".split())
# Idioms with "sei" that are not reported speech.
_KONJ1_IDIOM_RE = re.compile(r"\b(?:es sei denn|sei es|wie dem auch sei|gott sei dank|sei['’]s drum|so sei es)\b", re.I)
# A Konjunktiv form after these in its clause is a hypothetical or an embedded question.
_KONJ1_BLOCKERS = frozenset("ob als wenn falls".split())
_CLAUSE_BREAKS = frozenset(",;:–—()")
_DOUBLE_MARKS = frozenset('„“”"»«')
# Quotation marks and the punctuation/space around them do not count either way.
_NEUTRAL_RE = re.compile(r'[\s„“”"»«‚‘’.,:;!?–—-]')


def covered_share(start: int, end: int, spans: Iterable[tuple[int, int]]) -> float:
    """Share of [start, end) that lies inside the union of ``spans``."""
    if end <= start:
        return 0.0
    clipped = sorted((max(s, start), min(e, end)) for s, e in spans if s < end and e > start)
    covered = 0
    cur_s, cur_e = None, None
    for s, e in clipped:
        if cur_e is None or s > cur_e:
            if cur_e is not None and cur_s is not None:
                covered += cur_e - cur_s
            cur_s, cur_e = s, e
        else:
            cur_e = max(cur_e, e)
    if cur_e is not None and cur_s is not None:
        covered += cur_e - cur_s
    return covered / (end - start)


def is_attributed(quote: Quote) -> bool:
    """Whether a quote really hands the words to someone else. Indirect speech with no
    speaker at all ("Man muss es deutlich sagen: ...") is the writer's own voice; direct
    speech is marked by quotation marks and counts even when its speaker is unknown."""
    return quote.kind == "direct" or bool(quote.speaker or quote.speaker_text)


def quote_share(start: int, end: int, quotes: Iterable[Quote]) -> float:
    """Share of the sentence span covered by attributed quotes from the quotes stage."""
    return covered_share(start, end, ((q.start, q.end) for q in quotes if is_attributed(q)))


def quote_mark_share(text: str) -> float:
    """Fallback without a quotes stage: share of the sentence's word characters that stand
    between quotation marks."""
    total = len(_NEUTRAL_RE.sub("", text))
    if not total:
        return 0.0
    stripped = text.strip()
    if sum(stripped.count(c) for c in _DOUBLE_MARKS) % 2 == 1:
        # One unpaired mark at the start or the end: a quote that runs over several sentences
        # and this sentence is one of them (opened here and continued, or closed here).
        if stripped[0] in _DOUBLE_MARKS or stripped.rstrip(".!?…")[-1:] in _DOUBLE_MARKS:
            return 1.0
    inside = sum(len(_NEUTRAL_RE.sub("", m.group(0))) for m in _QUOTED_RE.finditer(text))
    return min(1.0, inside / total)


def is_german_reported_speech(text: str) -> bool:
    """Whether a German sentence is reported speech by its Konjunktiv I main verb."""
    if _KONJ1_IDIOM_RE.search(text):
        return False
    tokens = [t.lower() for t in tokenize(text)]
    if _PERSONAL.intersection(tokens):
        return False
    clause_start = 0
    for i, tok in enumerate(tokens):
        if tok in _CLAUSE_BREAKS:
            clause_start = i + 1
        elif (tok in _KONJ1_ONLY or tok in _KONJ1_AMBIGUOUS) and i > 0:  # initial "Sei ...": imperative
            if not _KONJ1_BLOCKERS.intersection(tokens[clause_start:i]):
                return True
    return False


def reported_speech_share(text: str, language: str | None) -> float:
    """1.0 where the grammar marks the whole sentence as someone else's words, else 0.0."""
    if language == "de" and is_german_reported_speech(text):
        return 1.0
    return 0.0

