"""How much of a sentence is someone else's words (a quote), not the writer's.

A sentence that is mostly a quote (direct, or indirect reported speech) carries the
speaker's evaluation, however opinionated it sounds; the writer only reports it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Quote

# Text between a pair of quotation marks of the usual German, English and French styles.
# Used only when no quotes stage result is available.
_QUOTED_RE = re.compile(r'„[^„“”]+[“”"]|“[^“”]+[”“]|"[^"]+"|»[^»«]+«|«[^«»]+»|‚[^‚‘’]+[‘’]')
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
    inside = sum(len(_NEUTRAL_RE.sub("", m.group(0))) for m in _QUOTED_RE.finditer(text))
    return min(1.0, inside / total)
