"""Find and normalise temporal expressions in one text.

Steps: every rule of the language's grammar runs over the text; overlapping matches
are settled longest-first (then by rule priority); the survivors are resolved in text
order, so that each can use the reference time set by the dates before it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from . import de, en
from .resolve import Anchors, Ref, Sem, resolve
from .rules import Multi, Rule, matches
from .tense import direction
from .values import timex_interval


@dataclass(slots=True)
class TimexMatch:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    anchored: bool = True
    rule: str = ""


GRAMMARS: dict[str, tuple[list[Rule], object]] = {"de": (de.RULES, de.PREFILTER), "en": (en.RULES, en.PREFILTER)}


def _candidates(text: str, rules: list[Rule]) -> list[tuple[int, int, int, int, str, Sem]]:
    out: list[tuple[int, int, int, int, str, Sem]] = []
    trigger_hits: dict[tuple[str, int], list[tuple[int, int]]] = {}  # shared by rules (see matches)
    for idx, r in enumerate(rules):
        for m in matches(r, text, trigger_hits):
            try:
                res = r.handler(m)
            except (ValueError, KeyError, StopIteration):
                continue
            if res is None:
                continue
            if isinstance(res, Multi):
                lo = min(p.start for p in res.parts)
                hi = max(p.end for p in res.parts)
                # The whole group competes as one candidate; parts are unpacked later.
                out.append((lo, hi, r.priority, -idx, r.name, res))  # type: ignore[arg-type]
                continue
            if "t" in r.pattern.groupindex and m.start("t") >= 0:
                s, e = m.span("t")
            else:
                s, e = m.span()
            if e > s:
                out.append((s, e, r.priority, -idx, r.name, res))
    return out


def _select(cands: list[tuple[int, int, int, int, str, Sem]]) -> list[tuple[int, int, str, Sem]]:
    """Greedy longest-first selection of non-overlapping candidates."""
    cands.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    taken: list[tuple[int, int]] = []  # sorted by start
    chosen: list[tuple[int, int, str, Sem]] = []
    for s, e, _p, _i, name, sem in cands:
        k = bisect.bisect_left(taken, (s, -1))
        if k > 0 and taken[k - 1][1] > s:
            continue
        if k < len(taken) and taken[k][0] < e:
            continue
        taken.insert(k, (s, e))
        if isinstance(sem, Multi):
            for p in sem.parts:
                chosen.append((p.start, p.end, name, p.sem))
        else:
            chosen.append((s, e, name, sem))
    chosen.sort(key=lambda c: c[0])
    return chosen


def _ref_of(value: str) -> Ref | None:
    """Reference time from a resolved value (None for values that say no date)."""
    if value.startswith("BC"):
        digits = value[2:].split("-")
        try:
            y = -int(digits[0])
        except ValueError:
            return None
        if len(digits[0]) != 4:
            return None
        m = int(digits[1]) if len(digits) > 1 and digits[1].isdigit() else None
        d = int(digits[2][:2]) if len(digits) > 2 and digits[2][:2].isdigit() else None
        return (y, m, d)
    iv = timex_interval(value)
    if iv is None or len(value) < 4 or not value[:4].isdigit():
        return None
    parts = value.split("T")[0].split("-")
    y = int(parts[0])
    m = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    d = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else None
    if m is None and len(parts) > 1:  # week, season, quarter: keep the month it starts in
        m = iv[0].month
    return (y, m, d)


def extract(
    text: str,
    language: str = "de",
    anchor: date | None = None,
    *,
    narrative: bool = False,
    sentences: Sequence[tuple[int, int]] | None = None,
) -> list[TimexMatch]:
    """All temporal expressions in ``text`` with TIMEX3 values.

    ``anchor`` is the publication date (document creation time). ``narrative`` makes
    year-less dates and relative expressions follow the last date mentioned (history
    and other narrative text) instead of the publication date. ``sentences`` are
    (start, end) offsets used to find the tense of the clause; without them the text
    is split at sentence punctuation.
    """
    lang = language if language in GRAMMARS else ("en" if language and language.startswith("en") else "de")
    rules, prefilter = GRAMMARS[lang]
    if not text or not prefilter.search(text):  # type: ignore[attr-defined]
        return []
    chosen = _select(_candidates(text, rules))
    if not chosen:
        return []
    bounds = list(sentences) if sentences else _split_sentences(text)
    starts = [b[0] for b in bounds]
    anchors = Anchors(dct=anchor, ref=None, narrative=narrative)
    out: list[TimexMatch] = []
    last_day: tuple[int, Ref] | None = None  # (sentence index, day) of the last day-level date
    for s, e, name, sem in chosen:
        k = max(0, bisect.bisect_right(starts, s) - 1)
        ss, se = bounds[k] if bounds else (0, len(text))
        needs_dir = sem.weekday is not None or sem.needs_tense or sem.in_future or sem.season is not None
        dirn = direction(text, ss, max(se, e), s, e, lang) if needs_dir else 0
        if sem.weekday is not None and dirn == 0:
            dirn = 1  # present tense in news: the coming weekday (see tense.py)
        time_only = (sem.hour is not None or sem.pod is not None) and sem.year is None and sem.month is None and sem.day is None and sem.rel_unit is None and sem.weekday is None
        if time_only and last_day is not None and last_day[0] == k:
            # "Am Dienstag um 9 Uhr": a clock time belongs to the day named just before it
            saved, anchors.ref = anchors.ref, last_day[1]
            typ, value, anchored = resolve(sem, anchors, dirn)
            anchors.ref = saved
        else:
            typ, value, anchored = resolve(sem, anchors, dirn)
        if typ in ("DATE", "TIME") and anchored:
            r = _ref_of(value)
            if r is not None and r[2] is not None:
                last_day = (k, r)
        out.append(TimexMatch(s, e, text[s:e], typ, value, sem.mod, anchored, name))
        # Only dates the text states (fully or without the year) move the reference time;
        # relative ones ("im letzten Jahr", "zwei Tage später") are read against it but
        # do not shift it (WikiWarsDE 01-11 annotators read them that way too).
        if typ in ("DATE", "TIME") and anchored and sem.rel_unit is None and sem.weekday is None:
            ref = _ref_of(value)
            if ref is not None and not _is_aside(text, s, e, ref, anchors.ref, sem):
                anchors.ref = ref
    return out


# A bare year this far from the current reference year, or one after a span
# preposition, is read as an aside ("wie im Krieg
# 1870/71", "der Vertrag von 1856", "fußte auf ab 1941 entwickelten Plänen") and does not
# move the reference time, unless it opens a line or a sentence (headings, "1942 ...").
ASIDE_YEARS = 3
# A year after "bis", "seit", "ab", "von" ... marks the end of a span, not the time the
# narrative has moved to ("Insgesamt konnten so bis 1915 ... aufgestellt werden").
_BOUNDARY_BEFORE = re.compile(r"\b(?:[Bb]is|[Ss]eit|[Aa]b|[Vv]on|[Vv]or|[Nn]ach|[Zz]wischen|[Uu]ntil|[Ss]ince|[Ff]rom|[Bb]efore|[Aa]fter)\s+(?:dem\s+Jahr\s+|zum\s+Jahr\s+)?$")


def _is_aside(text: str, s: int, e: int, new: Ref, cur: Ref | None, sem: Sem) -> bool:
    if cur is None or new[1] is not None or sem.year is None or sem.mod:
        return False
    boundary = _BOUNDARY_BEFORE.search(text, max(0, s - 12), s) is not None
    if abs(new[0] - cur[0]) <= ASIDE_YEARS and not boundary:
        return False
    line_start = text.rfind("\n", 0, s) + 1
    before = text[line_start:s].strip()
    if not before or before.endswith((".", "!", "?", ":")):
        return False  # at the start of a line or sentence
    line_end = text.find("\n", e)
    line = text[line_start:line_end if line_end >= 0 else len(text)].rstrip()
    if not line.endswith((".", "!", "?", "“", '"', ")", ":")) and len(line) < 120:
        return False  # a heading
    return True


_SENT_END = re.compile(r"\n|(?<!\d)[.!?](?=[ \n])")


def _split_sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence bounds (line breaks and . ! ? not after a digit), used only to
    find the tense of a clause when the caller has no segmentation."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        out.append((start, m.end()))
        start = m.end()
    out.append((start, len(text)))
    return out
