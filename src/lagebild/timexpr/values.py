"""TIMEX3 value helpers: parse, format, interval arithmetic.

These are shared with the events, timeline and web code, which needs to ask "does the value
of this mention fall inside that one?" without knowing how it was written. This module is the
ONE place that turns a TIMEX3 value into calendar days; ``eventlex.timexval`` and
``web.timeline_svg`` call it instead of parsing values themselves.

Supported value shapes (TIMEX3 / ISO 8601 with the TimeML extensions):

- ``2025-08-08``, ``2025-08``, ``2025``, ``202`` (decade), ``20`` (century)
- ``2025-W33``, ``2025-W33-3``, ``2025-W33-WE`` (weekend), ``2025-Q3``, ``2025-H2``
- ``2025-SP|SU|FA|WI`` (seasons; ``AU`` is read as ``FA``), ``2025-08-08TMO|TAF|TEV|TNI``
- ``2025-08-08T14:30``, ``2025-08-08T14:30:00``
- ``BC0490`` (years before the common era, four digits; no interval: ``date`` cannot hold them)
- partials with trailing ``X``: ``2025-08-XX``, ``2025-XX-XX``, ``2025-WXX``, ``202X``, ``20XX``
- partials with a leading ``X``: ``XXXX-08-15``, ``XXXX-WXX-5`` (no interval: the year is unknown)
- ``PRESENT_REF`` (the reference day, when one is given), ``PAST_REF``, ``FUTURE_REF`` (no interval)

Semantics of partial values (one rule for every caller)
-------------------------------------------------------
A value is read from the left; the first ``X`` ends what is known. The interval is that of
the known prefix: ``2025-08-XX`` covers 1-31 August 2025, ``2025-XX-XX`` and ``2025-WXX`` the
year, ``202X`` the 2020s. Why the prefix interval and not None or a single day:

- None (the old reading here) made "some day in August" undatable: the timeline could not
  place it and event merging treated it as compatible with *any* date, February included.
- The first day (2025-08-01) would invent a precision the text does not have.
- The prefix interval is exactly the set of days the value can stand for, so overlap and
  containment questions ("could this be the event of 15 August?") get the honest answer.

A partial value is still not the same as the period it lies in: "im August" (``2025-08``,
the month as a whole) vs "an einem Tag im August" (``2025-08-XX``, one unknown day). The
interval is the same; ``TimexSpan.granularity`` is ``"month"`` for both (what the interval
covers, so callers never mistake it for a day), and ``TimexSpan.partial`` is True for the
second. A value whose year is unknown (leading ``X``) cannot be placed at all: None.

``PRESENT_REF`` is "now" and means the reference day (usually the publication date) when
the caller passes one as ``anchor``; the span is flagged ``relative``. ``PAST_REF`` and
``FUTURE_REF`` are open half-lines with no natural end; callers that need a window for them
(the timeline's merge) choose it themselves, so they get None here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

# Interval ends are inclusive dates: (first day, last day).
Interval = tuple[date, date]

_DATE_RE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?"
    r"|W(?P<w>\d{2})(?:-(?P<wd>[1-7]|WE))?|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|AU|WI)))?$"
)
_DECADE_RE = re.compile(r"^(?P<dec>\d{3})$")
_CENTURY_RE = re.compile(r"^(?P<cen>\d{2})$")
_CLOCK_RE = re.compile(r"T\d")

# Seasons as (start month, end month) in the northern hemisphere; winter runs into the
# next year, which is how TIMEX3 annotators read "Winter 2025" (Dec 2025 - Feb 2026).
# "AU" (autumn) is not TIMEX3 but some annotated corpora write it for FA.
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 2)}

# Granularities from finest to coarsest (what the interval covers, not how it was written).
GRANULARITIES: tuple[str, ...] = (
    "time", "day", "weekend", "week", "month", "season", "quarter", "half", "year", "decade", "century",
)
_RANK = {g: i for i, g in enumerate(GRANULARITIES)}


@dataclass(frozen=True, slots=True)
class TimexSpan:
    """The calendar days a TIMEX3 value can stand for.

    ``granularity``: what the interval covers (see ``GRANULARITIES``); a partial value gets
    the granularity of its known prefix, so ``2025-08-XX`` is a "month", never a "day".
    ``partial``: the value names one unknown point inside the interval ("some day in August")
    rather than the whole period ("August"). ``relative``: the span comes from the caller's
    anchor (``PRESENT_REF``), not from the value itself.
    """

    start: date
    end: date
    granularity: str
    partial: bool = False
    relative: bool = False

    @property
    def interval(self) -> Interval:
        return (self.start, self.end)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def rank(self) -> int:
        """0 for the finest granularity ("time"), larger for coarser ones."""
        return _RANK[self.granularity]


def month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def iso_week_start(year: int, week: int) -> date:
    return date.fromisocalendar(year, week, 1)


def add_months(d: date, months: int) -> date:
    """Shift by whole months, clamping the day (31 Jan + 1 month = 28/29 Feb)."""
    total = d.year * 12 + (d.month - 1) + months
    y, m = divmod(total, 12)
    m += 1
    day = min(d.day, month_end(y, m).day) if 1 <= y <= 9999 else d.day
    return date(y, m, day)


def format_year(year: int) -> str:
    """Astronomical-free convention: positive years as 4 digits, BC years as ``BC0490``."""
    if year <= 0:
        return f"BC{-year:04d}" if year < 0 else "BC0001"
    return f"{year:04d}"


def _calendar(base: str) -> tuple[date, date, str] | None:
    """(first day, last day, granularity) of a fully specified date part (no ``T``, no ``X``)."""
    m = _DATE_RE.match(base)
    if m:
        y = int(m["y"])
        if y < 1:
            return None
        if m["d"]:
            d = date(y, int(m["m"]), int(m["d"]))
            return (d, d, "day")
        if m["m"]:
            mo = int(m["m"])
            return (date(y, mo, 1), month_end(y, mo), "month")
        if m["w"]:
            start = iso_week_start(y, int(m["w"]))
            if m["wd"] == "WE":
                return (start + timedelta(days=5), start + timedelta(days=6), "weekend")
            if m["wd"]:
                d = start + timedelta(days=int(m["wd"]) - 1)
                return (d, d, "day")
            return (start, start + timedelta(days=6), "week")
        if m["q"]:
            q = int(m["q"])
            return (date(y, 3 * q - 2, 1), month_end(y, 3 * q), "quarter")
        if m["h"]:
            h = int(m["h"])
            return (date(y, 6 * h - 5, 1), month_end(y, 6 * h), "half")
        if m["s"]:
            a, b = _SEASONS[m["s"]]
            if a > b:  # winter
                return (date(y, a, 1), month_end(y + 1, b), "season")
            return (date(y, a, 1), month_end(y, b), "season")
        return (date(y, 1, 1), date(y, 12, 31), "year")
    m = _DECADE_RE.match(base)
    if m:
        y = int(m["dec"]) * 10
        return (date(max(y, 1), 1, 1), date(y + 9, 12, 31), "decade")
    m = _CENTURY_RE.match(base)
    if m:
        # TIMEX "19" is the 1900s (20th century), as HeidelTime and the guidelines write it.
        y = int(m["cen"]) * 100
        return (date(max(y, 1), 1, 1), date(y + 99, 12, 31), "century")
    return None


def _known_prefix(base: str) -> str | None:
    """What a partial value states for sure: everything before its first ``X``, cut back to
    whole components ("2025-08-1X" -> "2025-08", "2025-WXX" -> "2025", "202X" -> "202").
    None when nothing is known (leading ``X``: the year is missing)."""
    known = base[: base.index("X")]
    if not known or not known[0].isdigit():
        return None
    if "-" not in known:
        return known  # "202X" -> decade "202", "20XX" -> century "20"
    known = known[: known.rindex("-")] if not known.endswith("-") else known.rstrip("-")
    while known and _calendar_safe(known) is None and "-" in known:
        known = known[: known.rindex("-")]
    return known or None


def _calendar_safe(base: str) -> tuple[date, date, str] | None:
    try:
        return _calendar(base)
    except (ValueError, OverflowError):
        return None


@lru_cache(maxsize=8192)
def timex_span(value: str | None, anchor: date | None = None) -> TimexSpan | None:
    """The days a TIMEX3 DATE/TIME value can stand for, with its granularity, or None.

    None for durations (``P3D``), sets, BC years, values whose year is unknown
    (``XXXX-08-15``), ``PAST_REF``/``FUTURE_REF``, ``PRESENT_REF`` without an ``anchor``, and
    anything unparseable: those cannot be placed on a calendar. See the module docstring for
    how partial values are read.
    """
    if not value:
        return None
    value = value.strip()
    if value == "PRESENT_REF":
        return TimexSpan(anchor, anchor, "day", relative=True) if anchor is not None else None
    if value.endswith("_REF") or value.startswith(("P", "BC")):
        return None
    base, sep, clock = value.partition("T")
    partial = "X" in base
    if partial:
        known = _known_prefix(base)
        if known is None:
            return None
        base = known
    got = _calendar_safe(base)
    if got is None:
        return None
    start, end, gran = got
    if not partial and gran == "day" and sep and _CLOCK_RE.match("T" + clock):
        gran = "time"
    return TimexSpan(start, end, gran, partial=partial)


def timex_interval(value: str | None, anchor: date | None = None) -> Interval | None:
    """First and last calendar day a TIMEX3 DATE/TIME value covers, or None (``timex_span``)."""
    span = timex_span(value, anchor)
    return span.interval if span is not None else None


def timex_contains(outer: str | None, inner: str | None) -> bool:
    """True when every day of ``inner`` lies inside ``outer`` (2025-08 contains 2025-08-15)."""
    a, b = timex_interval(outer), timex_interval(inner)
    return bool(a and b and a[0] <= b[0] and b[1] <= a[1])


def timex_overlaps(a: str | None, b: str | None) -> bool:
    ia, ib = timex_interval(a), timex_interval(b)
    return bool(ia and ib and ia[0] <= ib[1] and ib[0] <= ia[1])


def timex_compare(a: str | None, b: str | None) -> int | None:
    """-1 if ``a`` ends before ``b`` starts, 1 if it starts after ``b`` ends, 0 if they
    overlap, None if either cannot be placed on a calendar."""
    ia, ib = timex_interval(a), timex_interval(b)
    if not ia or not ib:
        return None
    if ia[1] < ib[0]:
        return -1
    if ia[0] > ib[1]:
        return 1
    return 0


def timex_granularity(value: str | None) -> str | None:
    """One of ``GRANULARITIES`` ('time' for values with a clock time, 'month' for both
    ``2025-08`` and ``2025-08-XX``), None if the value is not a calendar value."""
    span = timex_span(value)
    return span.granularity if span is not None else None


def timex_is_partial(value: str | None) -> bool:
    """True for values like ``2025-08-XX`` that name one unknown day inside their interval."""
    span = timex_span(value)
    return bool(span and span.partial)


# ---- values in words ---------------------------------------------------------------------------
# Event dates stay TIMEX3 values (the export keeps them); a reader of the timeline should not have
# to decode "XXXX-WXX-5" (a Friday of an unknown week) or "FUTURE_REF".
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
_REF_WORDS = {"FUTURE_REF": "future, no date", "PAST_REF": "past, no date", "PRESENT_REF": "now"}
_UNKNOWN_WEEK_DAY = re.compile(r"^(\d{4}|XXXX)-WXX-([1-7])$")
_UNKNOWN_YEAR_DAY = re.compile(r"^XXXX-(\d\d)-(\d\d)$")
_UNKNOWN_DAY = re.compile(r"^(\d{4}-\d\d)-XX$")


def describe_timex(value: str | None) -> str:
    """A TIMEX3 value as a reader says it: full dates, months and years stay as they are (they
    sort and read well); references, weekdays of unknown weeks, weeks and seasons get words."""
    if not value:
        return "undated"
    if value in _REF_WORDS:
        return _REF_WORDS[value]
    m = _DATE_RE.match(value)
    if m:
        if m["wd"] and m["wd"] != "WE":
            return f"a {_WEEKDAY_NAMES[int(m['wd']) - 1]}, week {int(m['w'])} of {m['y']}"
        if m["w"] and not m["wd"]:
            return f"week {int(m['w'])} of {m['y']}"
        if m["s"]:
            return f"{_SEASON_NAMES[m['s']]} {m['y']}"
        if m["q"] or m["h"]:
            return f"{'Q' + m['q'] if m['q'] else 'H' + m['h']} {m['y']}"
        return value
    m = _UNKNOWN_WEEK_DAY.match(value)
    if m:
        year, day = m.groups()
        where = f" in {year}, week unknown" if year != "XXXX" else ", week unknown"
        return f"a {_WEEKDAY_NAMES[int(day) - 1]}{where}"
    m = _UNKNOWN_DAY.match(value)
    if m:
        return f"{m.group(1)}, day unknown"
    m = _UNKNOWN_YEAR_DAY.match(value)
    if m:
        try:
            return date(2000, int(m.group(1)), int(m.group(2))).strftime("%d %B") + ", year unknown"
        except ValueError:
            return value
    return value.replace("T", " ") if "T" in value and value[:4].isdigit() else value
