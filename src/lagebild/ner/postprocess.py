"""Cheap corrections applied to tagger output: obvious-error filter and document consistency.

Both work on token-level spans ``Span(sentence, start, end, type)`` before they become
``Mention``s, so they can be measured on GermEval (see ``bench/ner.py``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

_NOT_A_WORD = re.compile(r"^[\W\d_]+$")  # punctuation, digits, "3,5", "--"
_FUNCTION_WORDS = frozenset(
    """der die das den dem des ein eine einer eines einem einen und oder aber in im am an auf aus
    bei mit nach von vom zu zum zur für über unter vor ich du er sie es wir ihr man sich the a an
    and or of in on at to for with by from he she it they we""".split()
)
_HYPHEN = re.compile(r"[-–]")


@dataclass(slots=True, frozen=True)
class Span:
    sentence: int
    start: int  # token index
    end: int  # exclusive
    type: str  # GermEval type (PER, LOCderiv, ...) or lagebild type


def spans_text(tokens: Sequence[Sequence[str]], span: Span) -> tuple[str, ...]:
    return tuple(tokens[span.sentence][span.start : span.end])


def filter_obvious(tokens: Sequence[Sequence[str]], spans: list[Span]) -> list[Span]:
    """Drop spans no reader would call a name: punctuation or numbers alone, function words,
    compounds said to contain a name that have no element a name could be.

    Lowercase alone is not enough to drop a span: "dpa", "taz" and web addresses are
    lowercase names, and GermEval's training data has dozens of them.
    """
    out = []
    for sp in spans:
        words = spans_text(tokens, sp)
        if all(_NOT_A_WORD.match(w) for w in words):
            continue
        if all(w.lower() in _FUNCTION_WORDS for w in words):
            continue
        if _letter_prefixed_part(words, sp.type):
            continue
        out.append(sp)
    return out


def _letter_prefixed_part(words: Sequence[str], span_type: str) -> bool:
    """Whether a ``part`` span ("contains a name", as in "Nato-Gipfel") is a word in which no
    element before the head can be a name because each is a common noun with a one-letter
    prefix: "E-Bikes", "U-Boot", "S-Bahn-Tunnel", "E-Bike-Hersteller". A single letter is
    never the name (the knowledge-base names matched in text are never one letter either),
    and "S-Bahn" is a kind of train, not the "Bahn" of "Bahn-Streik". Whole names such as
    "T-Mobile" (ORG, not ORGpart) are not touched, nor is a compound with another element
    before its head ("Nato-Gipfel", "EU-Kommission", "Nato-E-Bikes").
    """
    if not span_type.endswith("part") or len(words) != 1:
        return False
    parts = _HYPHEN.split(words[0])
    if len(parts) < 2 or not any(len(p) == 1 and p.isalpha() for p in parts):
        return False
    # One flag per element, True where a letter prefixes it ("E-" + "Bike" is one element).
    prefixed: list[bool] = []
    pending = False
    for p in parts:
        if len(p) == 1 and p.isalpha():
            pending = True
            continue
        prefixed.append(pending)
        pending = False
    if pending:  # a letter at the end ("Vitamin-C") is an element of its own
        prefixed.append(True)
    return all(prefixed[:-1])


def consistent_types(tokens: Sequence[Sequence[str]], spans: list[Span]) -> list[Span]:
    """A name keeps one type within a document: relabel each surface form to its majority type.

    Ties keep each span's own type. Only full types (PER/ORG/LOC/OTH...) vote among each
    other; deriv/part spans are left alone since "deutschen" and "Deutschland" differ.
    """
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for sp in spans:
        votes[spans_text(tokens, sp)][sp.type] += 1
    out = []
    for sp in spans:
        c = votes[spans_text(tokens, sp)]
        if len(c) > 1:
            (best, n), (_, n2) = c.most_common(2)
            if n > n2 and _same_kind(best, sp.type):
                sp = Span(sp.sentence, sp.start, sp.end, best)
        out.append(sp)
    return out


def _same_kind(a: str, b: str) -> bool:
    def kind(t: str) -> str:
        return "deriv" if t.endswith("deriv") else "part" if t.endswith("part") else ""

    return kind(a) == kind(b)


def first_word_lengths(names: dict[tuple[str, ...], str]) -> dict[str, int]:
    """First word -> length of the longest name starting with it: a scan tries only those
    lengths, and skips at once the many words that start no name."""
    longest: dict[str, int] = {}
    for key in names:
        if len(key) > longest.get(key[0], 0):
            longest[key[0]] = len(key)
    return longest


def propagate(tokens: Sequence[Sequence[str]], spans: list[Span], min_len: int = 3) -> list[Span]:
    """Tag later untagged repeats of a name found elsewhere in the document.

    Also tags a lone surname after a full person name ("Angela Merkel" ... "Merkel").
    Only capitalised token sequences are matched, and never inside an existing span.
    """
    names: dict[tuple[str, ...], str] = {}
    for sp in spans:
        words = spans_text(tokens, sp)
        if sp.type.endswith(("deriv", "part")):
            continue
        if len(" ".join(words)) >= min_len and words[0][:1].isupper():
            names.setdefault(words, sp.type)
        if sp.type == "PER" and len(words) > 1 and words[-1][:1].isupper() and len(words[-1]) >= min_len:
            names.setdefault((words[-1],), "PER")
    if not names:
        return spans
    taken = {(sp.sentence, i) for sp in spans for i in range(sp.start, sp.end)}
    longest = first_word_lengths(names)
    added: list[Span] = []
    for si, sent in enumerate(tokens):
        i = 0
        while i < len(sent):
            hit = False
            for k in range(min(longest.get(sent[i], 0), len(sent) - i), 0, -1):
                typ = names.get(tuple(sent[i : i + k]))
                if typ and not any((si, j) in taken for j in range(i, i + k)):
                    added.append(Span(si, i, i + k, typ))
                    for j in range(i, i + k):
                        taken.add((si, j))
                    i += k
                    hit = True
                    break
            if not hit:
                i += 1
    return sorted(spans + added, key=lambda s: (s.sentence, s.start))


def apply_names(
    tokens: Sequence[Sequence[str]],
    spans: list[Span],
    names: dict[tuple[str, ...], str],
    longest: dict[str, int] | None = None,
) -> list[Span]:
    """Known names (the knowledge base's names and aliases, as token tuples) win over the tagger.

    A multi-word known name found verbatim replaces every predicted span it overlaps
    ("Europäische" as LOCderiv inside "Europäische Kommission" becomes one ORG span). A
    single-word known name is only added where the tagger found nothing, because one word
    alone ("Union", "Bank") is often part of a longer name the tagger got right.

    ``longest`` is ``first_word_lengths(names)``; callers with a long-lived table pass it
    precomputed (``recognize.kb_name_lengths``).
    """
    if not names:
        return spans
    if longest is None:
        longest = first_word_lengths(names)
    by_sentence: dict[int, list[Span]] = defaultdict(list)
    for sp in spans:
        by_sentence[sp.sentence].append(sp)
    out: list[Span] = []
    for si, sent in enumerate(tokens):
        current = by_sentence.get(si, [])
        i = 0
        while i < len(sent):
            if not sent[i][:1].isupper():
                i += 1
                continue
            for k in range(min(longest.get(sent[i], 0), len(sent) - i), 0, -1):
                typ = names.get(tuple(sent[i : i + k]))
                if not typ:
                    continue
                overlapping = [sp for sp in current if sp.start < i + k and i < sp.end]
                if k == 1 and overlapping:
                    continue
                if k > 1 and any(sp.start < i or sp.end > i + k for sp in overlapping):
                    continue  # the tagger found a longer name around it: keep that
                current = [sp for sp in current if sp not in overlapping] + [Span(si, i, i + k, typ)]
                i += k - 1
                break
            i += 1
        out.extend(sorted(current, key=lambda s: s.start))
    return out
