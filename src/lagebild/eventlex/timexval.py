"""Event-date helpers over TIMEX3 values: publication dates, direction, compatibility.

How a TIMEX3 value maps to calendar days (partials such as ``2025-08-XX`` included) is decided
in one place, ``lagebild.timexpr.values``; this module only re-exports ``timex_interval`` and
builds the event-specific questions on top of it. ``PAST_REF``/``FUTURE_REF``/undated values
have no interval (None).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..timexpr.values import timex_interval, timex_span

__all__ = ["compatible", "parse_published", "relation_to", "specificity", "timex_interval"]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


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
    """Smaller intervals are more specific; None/refs are least specific. A partial value
    ranks by what it covers: ``2025-08-XX`` is as specific as ``2025-08``, not a day."""
    span = timex_span(value)
    if span is None:
        return 0
    days = span.days
    return 4 if days == 1 else 3 if days <= 7 else 2 if days <= 31 else 1
