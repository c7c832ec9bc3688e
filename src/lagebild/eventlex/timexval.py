"""Turn a TIMEX3 value into a date interval, to compare event dates.

``lagebild.timexpr.timex_interval`` (the time stage's helper) is used when it exists; this
small fallback covers the values events carry: days, weeks, months, quarters, seasons,
years, ``2025-08-XX``-style partials and datetimes. ``PAST_REF``/``FUTURE_REF``/undated
values have no interval (None).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})(?:-XX)?$")
_QUARTER = re.compile(r"^(\d{4})-(?:Q([1-4])|H([12]))$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_YEAR = re.compile(r"^(\d{4})(?:-XX(?:-XX)?)?$")
_DECADE = re.compile(r"^(\d{3})X$")

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


def _month_end(y: int, m: int) -> date:
    if m == 12:
        return date(y, 12, 31)
    return date(y, m + 1, 1) - timedelta(days=1)


@lru_cache(maxsize=4096)
def _fallback(value: str) -> tuple[date, date] | None:
    v = value.strip()
    try:
        if m := _DAY.match(v):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _WEEK.match(v):
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start, start + timedelta(days=6)
        if m := _MONTH.match(v):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), _month_end(y, mo)
        if m := _QUARTER.match(v):
            y = int(m[1])
            if m[2]:
                q = int(m[2])
                return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
            h = int(m[3])
            return date(y, 6 * h - 5, 1), _month_end(y, 6 * h)
        if m := _SEASON.match(v):
            y = int(m[1])
            a, b = _SEASONS[m[2]]
            end = date(y + 1, 2, 28) if b > 12 else _month_end(y, b)
            return date(y, a, 1), end
        if m := _YEAR.match(v):
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31)
        if m := _DECADE.match(v):
            y = int(m[1]) * 10
            return date(y, 1, 1), date(y + 9, 12, 31)
    except ValueError:
        return None
    return None


@lru_cache(maxsize=1)
def _upstream() -> Callable[[str], Any] | None:
    """The time stage's interval helper, where it is installed (looked up once)."""
    import importlib

    for module in ("lagebild.timexpr", "lagebild.timexpr.values"):
        try:
            fn = getattr(importlib.import_module(module), "timex_interval", None)
        except Exception:  # noqa: BLE001 - absent or broken upstream: use ours
            fn = None
        if callable(fn):
            return fn  # type: ignore[no-any-return]
    return None


def timex_interval(value: str | None) -> tuple[date, date] | None:
    """(first day, last day) covered by a TIMEX3 value, or None where it names no interval."""
    if not value:
        return None
    upstream = _upstream()
    if upstream is not None:
        try:
            got = upstream(value)
        except Exception:  # noqa: BLE001
            got = None
        if got:
            a, b = got[0], got[1]
            a = a.date() if hasattr(a, "date") and callable(a.date) else a
            b = b.date() if hasattr(b, "date") and callable(b.date) else b
            return a, b
    return _fallback(value)


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    m = _DAY.match(published.strip())
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def relation_to(value: str | None, reference: date | None) -> int:
    """-1 if the interval lies before ``reference``, +1 if after, 0 if it overlaps or is unknown."""
    if reference is None:
        return 1 if value == "FUTURE_REF" else -1 if value == "PAST_REF" else 0
    if value == "FUTURE_REF":
        return 1
    if value == "PAST_REF":
        return -1
    iv = timex_interval(value)
    if iv is None:
        return 0
    if iv[0] > reference:
        return 1
    if iv[1] < reference:
        return -1
    return 0


def compatible(a: str | None, b: str | None, tolerance_days: int = 1) -> bool:
    """Whether two event dates can name the same day(s). Unknown dates are compatible."""
    if not a or not b or a == b:
        return True
    ia, ib = timex_interval(a), timex_interval(b)
    if ia is None or ib is None:
        # FUTURE_REF/PAST_REF against a concrete date: direction is checked by the caller.
        return True
    tol = timedelta(days=tolerance_days)
    return ia[0] - tol <= ib[1] and ib[0] - tol <= ia[1]


def specificity(value: str | None) -> int:
    """Smaller intervals are more specific; None/refs are least specific."""
    iv = timex_interval(value)
    if iv is None:
        return 0
    days = (iv[1] - iv[0]).days + 1
    return 4 if days == 1 else 3 if days <= 7 else 2 if days <= 31 else 1
