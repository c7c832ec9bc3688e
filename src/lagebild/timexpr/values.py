"""TIMEX3 value helpers: parse, format, interval arithmetic.

These are shared with the events and timeline code, which needs to ask "does the
value of this mention fall inside that one?" without knowing how it was written.

Supported value shapes (TIMEX3 / ISO 8601 with the TimeML extensions):

- ``2025-08-08``, ``2025-08``, ``2025``, ``202`` (decade), ``20`` (century)
- ``2025-W33``, ``2025-W33-WE`` (weekend), ``2025-Q3``, ``2025-H2``
- ``2025-SP|SU|FA|WI`` (seasons), ``2025-08-08TMO|TAF|TEV|TNI`` (parts of day)
- ``2025-08-08T14:30``, ``2025-08-08T14:30:00``
- ``BC0490`` (years before the common era, four digits)
- partials with ``X``: ``XXXX-08-15``, ``XXXX-WXX-5`` (these have no interval)
- ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF`` (no interval)
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

# Interval ends are inclusive dates: (first day, last day).
Interval = tuple[date, date]

_DATE_RE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?"
    r"|W(?P<w>\d{2})(?:-(?P<wd>\d|WE))?|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?"
    r"(?:T.*)?$"
)
_DECADE_RE = re.compile(r"^(?P<dec>\d{3})$")
_CENTURY_RE = re.compile(r"^(?P<cen>\d{2})$")

# Seasons as (start month, end month) in the northern hemisphere; winter runs into the
# next year, which is how TIMEX3 annotators read "Winter 2025" (Dec 2025 - Feb 2026).
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


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


@lru_cache(maxsize=4096)
def timex_interval(value: str | None) -> Interval | None:
    """First and last calendar day a TIMEX3 DATE/TIME value covers, or None.

    None for durations, sets, partial values with ``X``, ``*_REF`` values, BC years and
    anything unparseable: those cannot be placed on a calendar.
    """
    if not value or "X" in value.split("T")[0] or value.startswith(("P", "BC")):
        return None
    m = _DATE_RE.match(value)
    try:
        if m:
            y = int(m["y"])
            if y < 1:
                return None
            if m["d"]:
                d = date(y, int(m["m"]), int(m["d"]))
                return (d, d)
            if m["m"]:
                mo = int(m["m"])
                return (date(y, mo, 1), month_end(y, mo))
            if m["w"]:
                start = iso_week_start(y, int(m["w"]))
                if m["wd"] == "WE":
                    return (start + timedelta(days=5), start + timedelta(days=6))
                if m["wd"]:
                    d = start + timedelta(days=int(m["wd"]) - 1)
                    return (d, d)
                return (start, start + timedelta(days=6))
            if m["q"]:
                q = int(m["q"])
                return (date(y, 3 * q - 2, 1), month_end(y, 3 * q))
            if m["h"]:
                h = int(m["h"])
                return (date(y, 6 * h - 5, 1), month_end(y, 6 * h))
            if m["s"]:
                a, b = _SEASONS[m["s"]]
                if a > b:  # winter
                    return (date(y, a, 1), month_end(y + 1, b))
                return (date(y, a, 1), month_end(y, b))
            return (date(y, 1, 1), date(y, 12, 31))
        m = _DECADE_RE.match(value)
        if m:
            y = int(m["dec"]) * 10
            return (date(max(y, 1), 1, 1), date(y + 9, 12, 31))
        m = _CENTURY_RE.match(value)
        if m:
            # TIMEX "19" is the 1900s (20th century), as HeidelTime and the guidelines write it.
            y = int(m["cen"]) * 100
            return (date(max(y, 1), 1, 1), date(y + 99, 12, 31))
    except ValueError:
        return None
    return None


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
    """'day', 'week', 'month', 'quarter', 'season', 'half', 'year', 'decade', 'century'
    (or 'time' for values with a clock time), None if not a calendar value."""
    if not value or timex_interval(value) is None:
        return None
    if "T" in value and re.search(r"T\d", value):
        return "time"
    m = _DATE_RE.match(value)
    if m:
        if m["d"] or (m["w"] and m["wd"] and m["wd"] != "WE"):
            return "day"
        if m["m"]:
            return "month"
        if m["w"]:
            return "week"
        if m["q"]:
            return "quarter"
        if m["h"]:
            return "half"
        if m["s"]:
            return "season"
        return "year"
    return "decade" if _DECADE_RE.match(value) else "century"
