"""Turn what a rule understood (a ``Sem``) into a TIMEX3 value, given the anchors.

Two anchors exist while reading a document in order:

- the *document creation time* (``dct``, the publication date) for deictic expressions:
  "heute", "nächste Woche", "vor drei Jahren", "am Freitag";
- the *reference time* (``ref``), the last date the text itself mentioned, for anaphoric
  ones: "zwei Tage später", "am selben Tag", "im Jahr darauf", and, in narrative mode,
  for dates without a year ("am 9. April" after "1940").

Where the anchor an expression needs is missing, the value stays partial ("XXXX-04-09",
"XXXX-WXX-5") or relative ("FUTURE_REF", "PAST_REF") instead of guessing: a wrong
absolute date on a timeline is worse than a vague one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .values import add_months, format_year, month_end

# A reference point read from the text: (year, month|None, day|None); BC years negative.
Ref = tuple[int, int | None, int | None]


@dataclass(slots=True)
class Sem:
    """The meaning of one expression before anchoring. Only the fields a rule knows are set."""

    type: str = "DATE"  # DATE|TIME|DURATION|SET
    value: str | None = None  # literal value (durations, sets, *_REF, fully explicit)
    year: int | None = None  # negative = BC
    month: int | None = None
    day: int | None = None
    century: int | None = None  # TIMEX century number: 19 for the 1900s; negative = BC
    decade: int | None = None  # 193 for the 1930s; negative = BC
    decade_short: int | None = None  # "20er Jahre": 2 -> century taken from the anchor
    season: str | None = None  # SP|SU|FA|WI
    half: int | None = None
    quarter: int | None = None
    weekday: int | None = None  # 1=Monday
    direction: int | None = None  # +1 future, -1 past, 0 nearest; None = decide by tense
    pod: str | None = None  # MO|MI|AF|EV|NI
    hour: int | None = None
    minute: int | None = None
    tz: str | None = None  # "+01"
    rel_unit: str | None = None  # day|week|weekend|month|quarter|half|year|decade|century
    rel_offset: int = 0
    rel_base: str | None = None  # "dct" | "ref" | "ctx" (dct in news, ref in narrative)
    rel_vague: int = 0  # "vor wenigen Tagen": -1 past / +1 future, no number
    mod: str | None = None  # START|MID|END|APPROX|MORE_THAN|LESS_THAN|EARLY|LATE
    needs_tense: bool = False  # season/year-less date: pick the year by tense in news
    maybe_bc: bool = False  # "Jahr 478" without era: BC when the text is in BC times
    weekend: bool = False  # "am Wochenende": the weekend nearest in the tense's direction
    rel_season: int | None = None  # "Sommer des folgenden Jahres": ref year + n
    narrative_value: str | None = None  # value in narratives ("heute" -> PRESENT_REF)
    news_value: str | None = None  # value in news ("in den kommenden Tagen" -> FUTURE_REF)
    news_type: str | None = None
    in_future: bool = False  # "in zwei Wochen": a date if the clause is future, else duration
    dur_value: str | None = None  # the duration reading of such an expression


def _shift(d: date, unit: str, n: int) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=n)
    if unit == "month":
        return add_months(d, n)
    if unit == "quarter":
        return add_months(d, 3 * n)
    if unit == "half":
        return add_months(d, 6 * n)
    if unit == "year":
        return add_months(d, 12 * n)
    if unit == "decade":
        return add_months(d, 120 * n)
    if unit == "century":
        return add_months(d, 1200 * n)
    raise ValueError(unit)


def _fmt_at(d: date, unit: str, bc: bool = False) -> str:
    y = format_year(-d.year) if bc else f"{d.year:04d}"
    if unit == "day":
        return f"{y}-{d.month:02d}-{d.day:02d}"
    if unit in ("week", "weekend"):
        iy, iw, _ = d.isocalendar()
        return f"{iy:04d}-W{iw:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        return f"{y}-{d.month:02d}"
    if unit == "quarter":
        return f"{y}-Q{(d.month - 1) // 3 + 1}"
    if unit == "half":
        return f"{y}-H{(d.month - 1) // 6 + 1}"
    if unit == "year":
        return y
    if unit == "decade":
        return f"{d.year // 10:03d}"
    if unit == "century":
        return f"{d.year // 100:02d}"
    raise ValueError(unit)


def _ref_date(ref: Ref) -> tuple[date, bool]:
    """A python date standing in for ``ref`` (BC years mapped to their absolute value)."""
    y, m, d = ref
    bc = y < 0
    yy = max(abs(y), 1)
    return date(yy, m or 1, min(d or 1, month_end(yy, m or 1).day)), bc


def _time_suffix(sem: Sem) -> str:
    if sem.hour is not None:
        s = f"T{sem.hour:02d}:{(sem.minute or 0):02d}"
        return s + (sem.tz or "")
    if sem.pod:
        return f"T{sem.pod}"
    return ""


@dataclass(slots=True)
class Anchors:
    dct: date | None
    ref: Ref | None
    narrative: bool = False


def _base(sem: Sem, a: Anchors) -> tuple[date, bool] | None:
    """The anchor date an expression is relative to, following ``rel_base``."""
    kind = sem.rel_base or "ctx"
    if kind == "ctx":
        kind = "ref" if a.narrative else "dct"
    if kind == "ref" and a.ref is not None:
        return _ref_date(a.ref)
    if kind == "dct" and a.dct is not None:
        return a.dct, False
    # Fall back to the other anchor: an anaphoric expression in a news text with no
    # earlier date refers to the publication day; a deictic one in a narrative to the
    # last date mentioned.
    if a.dct is not None and not a.narrative:
        return a.dct, False
    if a.ref is not None and a.narrative:
        return _ref_date(a.ref)
    return None


def resolve(sem: Sem, a: Anchors, direction: int) -> tuple[str, str, bool]:
    """(type, TIMEX3 value, anchored) for ``sem``.

    ``direction`` is the tense of the clause (+1 future, -1 past, 0 unknown), used for
    weekdays, year-less dates, seasons and "in zwei Wochen" in news text.
    """
    if a.narrative and sem.narrative_value:
        return sem.type, sem.narrative_value, True
    if not a.narrative and sem.news_value:
        return sem.news_type or sem.type, sem.news_value, True
    if sem.in_future and (a.narrative or direction < 0) and sem.dur_value:
        # "eroberten die Stadt in drei Tagen": a duration, not a date
        return "DURATION", sem.dur_value, True
    if sem.maybe_bc and a.ref is not None and a.ref[0] < 0:
        if sem.year is not None and 0 < sem.year < 1000:
            sem.year = -sem.year
        if sem.decade is not None and sem.decade > 0:
            sem.decade = -sem.decade
    if sem.rel_season is not None and sem.year is None:
        # "Sommer des folgenden Jahres", "8. Mai desselben Jahres": the year of the last date
        if a.ref is not None:
            sem.year = a.ref[0] + sem.rel_season
        elif a.dct is not None and not a.narrative:
            sem.year = a.dct.year + sem.rel_season
    typ, value, anchored = sem.type, *_resolve(sem, a, direction)
    return typ, value, anchored


def _resolve(sem: Sem, a: Anchors, direction: int) -> tuple[str, bool]:
    if sem.value is not None and sem.rel_unit is None and sem.weekday is None:
        return sem.value, True
    if sem.rel_vague:
        return ("FUTURE_REF" if sem.rel_vague > 0 else "PAST_REF"), True

    if sem.rel_unit is not None:
        b = _base(sem, a)
        if b is None:
            if sem.rel_offset > 0:
                return "FUTURE_REF", False
            if sem.rel_offset < 0:
                return "PAST_REF", False
            return "PRESENT_REF", False
        d, bc = b
        n = -sem.rel_offset if bc and sem.rel_unit in ("year", "decade", "century") else sem.rel_offset
        try:
            d2 = _shift(d, sem.rel_unit, n)
        except (ValueError, OverflowError):
            return "XXXX", False
        if sem.weekday is not None and not sem.weekend:  # "Freitag nächster Woche"
            monday = d2 - timedelta(days=d2.weekday())
            d2 = monday + timedelta(days=sem.weekday - 1)
            return _fmt_at(d2, "day", bc) + _time_suffix(sem), True
        unit = sem.rel_unit
        if unit == "week" and sem.rel_base == "ref" and a.ref is not None and a.ref[2] is not None and sem.rel_offset:
            unit = "day"  # "eine Woche später" after a full date is a day
        return _fmt_at(d2, unit, bc) + _time_suffix(sem), True

    if sem.weekday is not None:
        if sem.weekend and sem.direction is None and direction == 0:
            direction = 1  # "am Wochenende" in present tense: the coming one
        b = _base(sem, a) if a.narrative else ((a.dct, False) if a.dct else None)
        if b is None:
            return f"XXXX-WXX-{sem.weekday}" + _time_suffix(sem), False
        d, bc = b
        dirn = sem.direction if sem.direction is not None else direction
        if a.narrative and sem.direction is None:
            dirn = 1  # narratives move forward from the last date they mentioned
        delta = sem.weekday - 1 - d.weekday()
        if sem.weekend and d.weekday() == 6:
            delta = -1  # Sunday belongs to the weekend that started on Saturday
        elif dirn > 0:
            delta %= 7
        elif dirn < 0:
            delta = -((-delta) % 7)
        else:
            delta = (delta + 3) % 7 - 3  # nearest
        day = d + timedelta(days=delta)
        if sem.weekend:
            return _fmt_at(day, "weekend", bc), True
        return _fmt_at(day, "day", bc) + _time_suffix(sem), True

    if sem.century is not None:
        c = sem.century
        return (f"BC{-c:02d}" if c < 0 else f"{c:02d}"), True
    if sem.decade is not None:
        dc = sem.decade
        return (f"BC{-dc:03d}" if dc < 0 else f"{dc:03d}"), True
    if sem.decade_short is not None:
        b = _base(Sem(rel_base="ctx"), a)
        if b is None:
            return f"XX{sem.decade_short}", False
        d, bc = b
        cen = d.year // 100
        # "die 20er Jahre" read in 2025 are the 2020s only if they are not in the future.
        if not bc and cen * 100 + sem.decade_short * 10 > d.year:
            cen -= 1
        return f"{cen}{sem.decade_short}", True

    # Calendar date, possibly without year (and then anchored).
    year = sem.year
    anchored = True
    if year is None and (sem.month is not None or sem.season or sem.half or sem.quarter):
        year, anchored = _pick_year(sem, a, direction)
    if year is None and sem.hour is None and sem.pod is None:
        return sem.value or "XXXX", False
    if year is None:
        # Time or part of day on its own: the day of the last mentioned date.
        if a.ref is not None and a.ref[2] is not None:
            ry, rm, rd = a.ref
            return f"{format_year(ry)}-{rm:02d}-{rd:02d}" + _time_suffix(sem), True
        if a.dct is not None and not a.narrative:
            return a.dct.isoformat() + _time_suffix(sem), True
        return "XXXX-XX-XX" + _time_suffix(sem), False
    y = format_year(year) if isinstance(year, int) else year
    if sem.season:
        return f"{y}-{sem.season}", anchored
    if sem.half:
        return f"{y}-H{sem.half}", anchored
    if sem.quarter:
        return f"{y}-Q{sem.quarter}", anchored
    if sem.month is None:
        return y, anchored
    if sem.day is None:
        return f"{y}-{sem.month:02d}", anchored
    return f"{y}-{sem.month:02d}-{sem.day:02d}" + _time_suffix(sem), anchored


def _pick_year(sem: Sem, a: Anchors, direction: int) -> tuple[int | str, bool]:
    """Year for a date or season written without one."""
    if a.narrative:
        if a.ref is not None:
            return a.ref[0], True
        return "XXXX", False
    if a.dct is None:
        if a.ref is not None:
            return a.ref[0], True
        return "XXXX", False
    y = a.dct.year
    if sem.direction is not None:
        direction = sem.direction
    if sem.month is None:  # season / half / quarter: by tense, current one if unsure
        if sem.season:
            start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[sem.season]
            cur = a.dct.month
            in_season = (start <= cur <= start + 2) or (sem.season == "WI" and cur <= 2)
            if sem.season == "WI" and cur <= 2:
                y -= 1  # January 2026 is in winter 2025
            if in_season or direction == 0:
                return y, True
            if direction > 0 and cur > start + 2:
                return y + 1, True
            if direction < 0 and cur < start:
                return y - 1, True
        return y, True
    # Day-month: the candidate year closest to the publication date, with tense as
    # tie-breaker ("am 28. Dezember" read on 5 January is last year's).
    day = sem.day or 15
    best: tuple[float, int] | None = None
    for cand in (y - 1, y, y + 1):
        try:
            dd = date(cand, sem.month, min(day, month_end(cand, sem.month).day))
        except ValueError:
            continue
        dist = (dd - a.dct).days
        cost = abs(dist)
        if direction < 0 and dist > 7:
            cost += 200
        if direction > 0 and dist < -7:
            cost += 200
        if best is None or cost < best[0]:
            best = (cost, cand)
    return (best[1] if best else y), True
