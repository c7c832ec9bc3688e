"""GermEval 2014 NER files and seqeval-style span scoring.

The files are TSV: ``index  token  outer-BIO  inner-BIO``, a ``#`` comment line before each
sentence and a blank line after it. We use only the outer level (column 3). Its types are
PER/ORG/LOC/OTH, each also with ``deriv`` ("deutschen" -> LOCderiv) and ``part``
("EU-Gipfel" -> ORGpart) variants: twelve types in all.

Scoring follows seqeval's default (non-strict IOB2) chunking, the convention of the
BERT-era papers we compare against: a chunk is a maximal run of B-X I-X...; an I-X that
does not continue a chunk of type X starts a new chunk. A prediction counts only if
start, end and type all match exactly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

GERMEVAL_TYPES = (
    "PER", "ORG", "LOC", "OTH",
    "PERderiv", "ORGderiv", "LOCderiv", "OTHderiv",
    "PERpart", "ORGpart", "LOCpart", "OTHpart",
)  # fmt: skip


@dataclass(slots=True)
class TaggedSentence:
    tokens: list[str]
    tags: list[str]  # outer level, BIO with GermEval types
    source: str = ""  # the URL on the comment line (Wikipedia article or news site)


def read_germeval(path: str | Path) -> list[TaggedSentence]:
    """All sentences of a GermEval 2014 TSV file (outer level only)."""
    sentences: list[TaggedSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    source = ""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#\t"):
                source = line.split("\t")[1] if "\t" in line else ""
                continue
            if not line.strip():
                if tokens:
                    sentences.append(TaggedSentence(tokens, tags, source))
                tokens, tags = [], []
                continue
            cols = line.split("\t")
            tokens.append(cols[1])
            tags.append(cols[2])
    if tokens:
        sentences.append(TaggedSentence(tokens, tags, source))
    return sentences


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Chunks ``(start, end_exclusive, type)`` of a BIO sequence, seqeval default rules."""
    spans: list[tuple[int, int, str]] = []
    start = -1
    cur = ""
    for i, tag in enumerate(tags):
        if tag == "O" or not tag:
            if cur:
                spans.append((start, i, cur))
            cur = ""
            continue
        prefix, _, typ = tag.partition("-")
        if prefix == "B" or typ != cur:
            if cur:
                spans.append((start, i, cur))
            start, cur = i, typ
    if cur:
        spans.append((start, len(tags), cur))
    return spans


def to_lagebild_type(germeval_type: str) -> str:
    """Map a GermEval type onto lagebild's four: deriv/part/OTH become MISC.

    A ``deriv`` ("deutschen") or ``part`` ("EU-Gipfel") token is not itself a name of the
    entity, so lagebild keeps it but as MISC; linking may still use it.
    """
    if germeval_type in ("PER", "ORG", "LOC"):
        return germeval_type
    return "MISC"


def map_tags(tags: Sequence[str], mapping=to_lagebild_type) -> list[str]:
    out = []
    for tag in tags:
        if tag == "O":
            out.append(tag)
        else:
            prefix, _, typ = tag.partition("-")
            out.append(f"{prefix}-{mapping(typ)}")
    return out


@dataclass(slots=True)
class Scores:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def add(self, gold: Iterable[tuple[int, int, str]], pred: Iterable[tuple[int, int, str]], key: object = 0) -> None:
        g = {(key, *s) for s in gold}
        p = {(key, *s) for s in pred}
        for s in g & p:
            self.tp[s[-1]] += 1
        for s in p - g:
            self.fp[s[-1]] += 1
        for s in g - p:
            self.fn[s[-1]] += 1

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def micro(self) -> tuple[float, float, float]:
        return self._prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))

    def per_type(self) -> dict[str, tuple[float, float, float, int]]:
        types = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        return {t: (*self._prf(self.tp[t], self.fp[t], self.fn[t]), self.tp[t] + self.fn[t]) for t in types}


def score(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]], mapping=None) -> Scores:
    """Span scores over parallel lists of BIO sequences (optionally type-mapped first)."""
    sc = Scores()
    for i, (g, p) in enumerate(zip(gold, pred, strict=True)):
        if mapping is not None:
            g, p = map_tags(g, mapping), map_tags(p, mapping)
        sc.add(bio_spans(g), bio_spans(p), key=i)
    return sc


def iter_documents(sentences: Sequence[TaggedSentence]) -> Iterator[list[int]]:
    """Indices of consecutive sentences that share a source URL (a pseudo-document).

    GermEval sentences are sampled one or two per article, so "documents" are tiny; the
    grouping is still the honest way to measure document-level consistency rules.
    """
    group: list[int] = []
    prev = None
    for i, s in enumerate(sentences):
        if group and s.source != prev:
            yield group
            group = []
        group.append(i)
        prev = s.source
    if group:
        yield group
