"""Cheap corrections applied to tagger output: obvious-error filter and document consistency.

Both work on token-level spans ``Span(sentence, start, end, type)`` before they become
``Mention``s, so they can be measured on GermEval (see ``bench/ner.py``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

_HAS_UPPER_OR_DIGIT = re.compile(r"[A-ZÄÖÜ0-9]")
_ONLY_PUNCT = re.compile(r"^[\W_]+$")


@dataclass(slots=True, frozen=True)
class Span:
    sentence: int
    start: int  # token index
    end: int  # exclusive
    type: str  # GermEval type (PER, LOCderiv, ...) or lagebild type


def spans_text(tokens: Sequence[Sequence[str]], span: Span) -> tuple[str, ...]:
    return tuple(tokens[span.sentence][span.start : span.end])


def filter_obvious(tokens: Sequence[Sequence[str]], spans: list[Span]) -> list[Span]:
    """Drop spans no reader would call a name.

    A name has at least one capital letter or digit somewhere (German nouns are
    capitalised too, but a span of lowercase words only is almost always a tagging slip,
    except derived adjectives such as "deutschen", which keep their ``deriv`` type), and is
    not punctuation alone.
    """
    out = []
    for sp in spans:
        words = spans_text(tokens, sp)
        text = " ".join(words)
        if _ONLY_PUNCT.match(text.replace(" ", "")):
            continue
        if not _HAS_UPPER_OR_DIGIT.search(text) and not sp.type.endswith("deriv"):
            continue
        out.append(sp)
    return out


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
    max_len = max(len(k) for k in names)
    added: list[Span] = []
    for si, sent in enumerate(tokens):
        i = 0
        while i < len(sent):
            hit = False
            for k in range(min(max_len, len(sent) - i), 0, -1):
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
