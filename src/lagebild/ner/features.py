"""Token features for the CRF tagger, shared by training and tagging.

Features are plain strings ("name=value"), which python-crfsuite treats as binary
indicators; that keeps extraction a few microseconds per token. The resources (word
clusters, gazetteer, ...) are optional so that a model can be trained and tested without
them; a model must be used with the tables it was trained with, which is why they are
saved next to its weights (``resources.py``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

_SHAPE_UPPER = re.compile(r"[A-ZÄÖÜ]+")
_SHAPE_LOWER = re.compile(r"[a-zäöüß]+")
_SHAPE_DIGIT = re.compile(r"[0-9]+")
_SHAPE_OTHER_LETTER = re.compile(r"[^\WA-Za-zÄÖÜäöüß0-9_]+")


def word_shape(word: str) -> str:
    """Compressed shape: "Merkel" -> "Aa", "EU-Gipfel" -> "A-Aa", "G20" -> "A0"."""
    s = _SHAPE_UPPER.sub("A", word)
    s = _SHAPE_LOWER.sub("a", s)
    s = _SHAPE_DIGIT.sub("0", s)
    s = _SHAPE_OTHER_LETTER.sub("x", s)
    return s[:8]


@dataclass(slots=True)
class Resources:
    """Lookup tables the features may use (keys lowercased unless a comment says otherwise)."""

    clusters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # word -> ids, coarse..fine
    # Fallback for words outside ``clusters``: the ids of the longest vocabulary piece the
    # word starts with ("Deutschlands" -> "Deutschland"), keyed by the piece as written.
    piece_clusters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    gazetteer: Mapping[str, str] = field(default_factory=dict)  # word -> "LOC|PER" (sorted, joined)
    # Multi-word gazetteer names as token tuples (as written) -> type string.
    phrases: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    max_phrase: int = 4
    caps_ratio: Mapping[str, int] = field(default_factory=dict)  # word -> P(capitalised | not sentence-initial), fifths
    pos: Mapping[str, str] = field(default_factory=dict)  # word as written -> HanTa POS ("NE", "NN", "NE?")

    def cluster(self, word: str) -> tuple[str, ...] | None:
        """Cluster ids of the word, else of the longest known piece it starts with."""
        c = self.clusters.get(word.lower())
        if c is not None or not self.piece_clusters:
            return c
        for k in range(min(len(word), 20), 1, -1):
            c = self.piece_clusters.get(word[:k])
            if c is not None:
                return c
        return None


def _token_base(word: str, res: Resources) -> tuple[list[str], list[str]]:
    """(features of the token itself, short context features other tokens may copy)."""
    low = word.lower()
    shape = word_shape(word)
    feats = [
        "w=" + low,
        "sh=" + shape,
        "p1=" + low[:1], "p2=" + low[:2], "p3=" + low[:3], "p4=" + low[:4],
        "s1=" + low[-1:], "s2=" + low[-2:], "s3=" + low[-3:], "s4=" + low[-4:], "s5=" + low[-5:],
    ]  # fmt: skip
    if word[:1].isupper():
        feats.append("title")
        if word.isupper() and len(word) > 1:
            feats.append("allcaps")
    if any(c.isdigit() for c in word):
        feats.append("digit")
    n = len(word)
    feats.append("len=" + (str(n) if n < 5 else "5-8" if n < 9 else "9+"))
    if "-" in word and len(word) > 1:
        head, _, tail = word.partition("-")
        feats.append("hy0=" + head.lower())
        last = word.rsplit("-", 1)[1].lower()
        feats.append("hyN=" + last)
        feats.append("hyNs=" + last[-4:])
        if head[:1].isupper():
            feats.append("hy0cap")
            c = res.cluster(head)
            if c:
                feats.append("hy0c=" + c[-1])
            g = res.gazetteer.get(head.lower())
            if g:
                feats.append("hy0g=" + g)
    ctx = ["w=" + low, "sh=" + shape]
    c = res.cluster(word)
    if c:
        for k, cid in enumerate(c):
            feats.append(f"c{k}={cid}")
        ctx.append(f"c{len(c) - 1}={c[-1]}")
    else:
        feats.append("c=none")
    g = res.gazetteer.get(low)
    if g:
        feats.append("g=" + g)
        ctx.append("g=" + g)
    r = res.caps_ratio.get(low)
    if r is not None:
        feats.append(f"cr={r}")
        ctx.append(f"cr={r}")
    else:
        feats.append("cr=unk")
    if res.pos and word[:1].isupper():
        h = res.pos.get(word, "oov")
        feats.append("h=" + h)
        ctx.append("h=" + h)
    return feats, ctx


# Features of a word depend only on the word and the resources: most words recur, so they are
# computed once per process, together with the word's context features as its neighbours at
# each window offset see them ("-1:c=Xx"), so that building a sentence is mostly list joins.
_WINDOW = (-2, -1, 1, 2)
_BASE_CACHE: dict[tuple[int, str], tuple[list[str], list[str], dict[int, list[str]]]] = {}
_BASE_CACHE_MAX = 300_000


def _cached_word(word: str, res: Resources) -> tuple[list[str], list[str], dict[int, list[str]]]:
    """(own features, context features, offset -> context features prefixed); do not mutate."""
    key = (id(res), word)
    hit = _BASE_CACHE.get(key)
    if hit is None:
        if len(_BASE_CACHE) >= _BASE_CACHE_MAX:
            _BASE_CACHE.clear()
        own, ctx = _token_base(word, res)
        hit = _BASE_CACHE[key] = (own, ctx, {d: [f"{d}:{f}" for f in ctx] for d in _WINDOW})
    return hit


def token_features(word: str, res: Resources) -> list[str]:
    """The features of a word on its own (no neighbours), as the neural tagger hashes them."""
    return _cached_word(word, res)[0]


def sentence_features(tokens: Sequence[str], res: Resources) -> list[list[str]]:
    """One feature list per token: the token's own features plus a ±2 window."""
    words = [_cached_word(t, res) for t in tokens]
    n = len(tokens)
    # gazetteer phrase marks depend on the neighbours, so they are added per sentence
    marks = _mark_phrases(tokens, res) if res.phrases else None
    out: list[list[str]] = []
    lows = [t.lower() for t in tokens]
    for i in range(n):
        feats = list(words[i][0])
        if marks and marks[i]:
            feats.append(marks[i])
        feats.append("bias")
        if i == 0:
            feats.append("BOS")
        elif i == n - 1:
            feats.append("EOS")
        for d in _WINDOW:
            j = i + d
            if 0 <= j < n:
                feats.extend(words[j][2][d])
                if marks and marks[j]:
                    feats.append(f"{d}:{marks[j]}")
            else:
                feats.append(f"{d}:pad")
        if i > 0:
            feats.append("bg-=" + lows[i - 1] + "|" + lows[i])
        if i < n - 1:
            feats.append("bg+=" + lows[i] + "|" + lows[i + 1])
        out.append(feats)
    return out


def _mark_phrases(tokens: Sequence[str], res: Resources) -> list[str]:
    """B/I gazetteer features ("gp=B-LOC") of the longest multi-word names found, left to right;
    '' for tokens outside any."""
    n = len(tokens)
    marks = [""] * n
    i = 0
    while i < n:
        if not tokens[i][:1].isupper():
            i += 1
            continue
        for k in range(min(res.max_phrase, n - i), 1, -1):
            typ = res.phrases.get(tuple(tokens[i : i + k]))
            if typ:
                marks[i] = "gp=B-" + typ
                for j in range(i + 1, i + k):
                    marks[j] = "gp=I-" + typ
                i += k
                break
        else:
            i += 1
    return marks
