"""Small date helpers shared by ingest, the store and the CLI (no NLP here; see timexpr/)."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")
_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")


def normalize_published(value: str | None) -> str | None:
    """ISO 8601 date (or date-time) from the spellings feeds and pages use; None if unreadable."""
    if not value:
        return None
    v = str(value).strip()
    if _ISO.match(v):
        return v.replace(" ", "T")
    m = _DMY.match(v)
    if m:
        try:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(v).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(v).isoformat()
    except ValueError:
        return None


def parse_day(value: str | None) -> date | None:
    """The calendar day of an ISO date or date-time string."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def utc_now_iso() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# ---- TIMEX3 values for people ----------------------------------------------------------------
# Event dates are TIMEX3 values (the export keeps them as they are); a reader of the timeline
# should not have to decode "XXXX-WXX-5" (a Friday of an unknown week) or "FUTURE_REF".
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
_REFS = {"FUTURE_REF": "future, no date", "PAST_REF": "past, no date", "PRESENT_REF": "now"}
_WEEKDAY_VALUE = re.compile(r"^(\d{4}|XXXX)-W(\d\d|XX)-([1-7])$")
_WEEK_VALUE = re.compile(r"^(\d{4})-W(\d\d)$")
_PART_VALUE = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI|Q[1-4]|H[12])$")
_UNKNOWN_YEAR = re.compile(r"^XXXX-(\d\d)-(\d\d)$")
_UNKNOWN_DAY = re.compile(r"^(\d{4}-\d\d)-XX$")


def describe_timex(value: str | None) -> str:
    """A TIMEX3 value as a reader says it: full dates, months and years stay as they are (they
    sort and read well); references, weekdays of unknown weeks, weeks and seasons get words."""
    if not value:
        return "undated"
    if value in _REFS:
        return _REFS[value]
    m = _WEEKDAY_VALUE.match(value)
    if m:
        year, week, day = m.groups()
        where = (f", week {int(week)} of {year}" if year != "XXXX" and week != "XX"
                 else f" in {year}, week unknown" if year != "XXXX" else ", week unknown")
        return f"a {_WEEKDAYS[int(day) - 1]}{where}"
    m = _WEEK_VALUE.match(value)
    if m:
        return f"week {int(m.group(2))} of {m.group(1)}"
    m = _PART_VALUE.match(value)
    if m:
        year, part = m.groups()
        return f"{_SEASONS[part]} {year}" if part in _SEASONS else f"{part} {year}"
    m = _UNKNOWN_DAY.match(value)
    if m:
        return f"{m.group(1)}, day unknown"
    m = _UNKNOWN_YEAR.match(value)
    if m:
        try:
            return date(2000, int(m.group(1)), int(m.group(2))).strftime("%d %B") + ", year unknown"
        except ValueError:
            return value
    return value.replace("T", " ") if "T" in value and value[:4].isdigit() else value
