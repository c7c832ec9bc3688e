"""Layout of the interactive timeline: events on a time axis, one lane per event type.

The server computes positions (so the chart renders without JavaScript and nothing from the data
is ever interpreted as script); ``static/app.js`` only adds selection behaviour. TIMEX3 values
become intervals as ``lagebild.timexpr.values`` reads them (the one parser for all callers):
``2025-08`` spans the month, ``2025-W33`` its week, ``2025`` the year, and a partial value such
as ``2025-08-XX`` the days it can stand for (its mark says the exact day is unknown).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..timexpr.values import describe_timex, timex_span

WIDTH = 1000
LEFT = 130  # room for lane labels
RIGHT = 20
LANE = 30
TOP = 12
AXIS = 34
# Offsets (dx, dy) for events of one lane on one day, so each stays visible and clickable.
_NUDGE = ((0.0, 0.0), (0.0, -9.0), (0.0, 9.0), (-9.0, -4.5), (9.0, -4.5), (-9.0, 4.5), (9.0, 4.5))


def interval(value: str | None) -> tuple[date, date] | None:
    """The days a TIMEX3 date value covers (None for undated or reference values like PAST_REF)."""
    span = timex_span(value)
    return span.interval if span is not None else None


@dataclass(slots=True)
class Mark:
    index: int  # position of the event in the list the page shows
    x: float
    x2: float  # == x for a single day
    y: float
    status: str
    label: str
    off_scale: bool = False


@dataclass(slots=True)
class Layout:
    width: int
    height: int
    lanes: list[tuple[str, float]] = field(default_factory=list)  # (type, y)
    ticks: list[tuple[float, str]] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    undated: list[int] = field(default_factory=list)
    axis_y: float = 0.0
    left: int = LEFT
    right: int = WIDTH - RIGHT


def _ticks(lo: date, hi: date, x: Any) -> list[tuple[float, str]]:
    span = (hi - lo).days
    out: list[tuple[float, str]] = []
    if span <= 16:
        d = lo
        while d <= hi:
            out.append((x(d), d.strftime("%d %b")))
            d += timedelta(days=1 if span <= 8 else 2)
    elif span <= 120:
        d = lo + timedelta(days=(7 - lo.weekday()) % 7)
        while d <= hi:
            out.append((x(d), d.strftime("%d %b")))
            d += timedelta(days=7 if span <= 60 else 14)
    elif span <= 1100:
        d = date(lo.year, lo.month, 1)
        step = 1 if span <= 400 else 3
        while d <= hi:
            if d >= lo:
                out.append((x(d), d.strftime("%b %Y") if d.month == 1 or not out else d.strftime("%b")))
            m = d.month - 1 + step
            d = date(d.year + m // 12, m % 12 + 1, 1)
    else:
        for y in range(lo.year + (lo > date(lo.year, 1, 1)), hi.year + 1):
            out.append((x(date(y, 1, 1)), str(y)))
    return out


def _core_range(ivs: list[tuple[date, date]]) -> tuple[date, date]:
    """The date range to draw: all events, unless a few lie far from the rest (background events
    years back would squash a story of two weeks into one pixel). Outside the core: beyond 3 times
    the spread of the middle half of the events (at least 30 days) from its edges."""
    starts = sorted(a for a, _ in ivs)
    ends = sorted(b for _, b in ivs)
    q1, q3 = starts[len(starts) // 4], ends[(3 * len(ends)) // 4]
    reach = max(timedelta(days=30), 3 * (q3 - q1))
    inside = [(a, b) for a, b in ivs if a >= q1 - reach and b <= q3 + reach]
    if not inside:
        return starts[0], ends[-1]
    return min(a for a, _ in inside), max(b for _, b in inside)


def layout(events: list[dict[str, Any]]) -> Layout:
    dated: list[tuple[int, date, date]] = []
    undated: list[int] = []
    for i, ev in enumerate(events):
        iv = interval(ev.get("date"))
        if iv is None:
            undated.append(i)
        else:
            dated.append((i, *iv))
    types = sorted({events[i].get("type") or "event" for i, _, _ in dated},
                   key=lambda t: (-sum(1 for j, _, _ in dated if events[j].get("type") == t), t))
    lane_y = {t: TOP + LANE * k + LANE / 2 for k, t in enumerate(types)}
    axis_y = TOP + LANE * len(types) + 6
    lay = Layout(width=WIDTH, height=int(axis_y + AXIS), undated=undated, axis_y=axis_y)
    lay.lanes = [(t, y) for t, y in lane_y.items()]
    if not dated:
        return lay
    lo, hi = _core_range([(a, b) for _, a, b in dated])
    pad = max(1, (hi - lo).days // 20)
    lo, hi = lo - timedelta(days=pad), hi + timedelta(days=pad)
    span = max(1, (hi - lo).days + 1)

    def x(d: date) -> float:
        return round(LEFT + (WIDTH - LEFT - RIGHT) * ((d - lo).days + 0.5) / span, 1)

    lay.ticks = _ticks(lo, hi, x)
    # Events of one lane on the same day are nudged apart so each stays clickable.
    taken: dict[tuple[str, float], int] = {}
    for i, a, b in dated:
        ev = events[i]
        t = ev.get("type") or "event"
        # Far outliers (a background date in an otherwise recent story) sit at the edge, marked.
        off = a > hi or b < lo
        a, b = max(a, lo), min(b, hi)
        if a > b:
            a = b = lo if off and b < lo else hi
        x1, x2 = x(a), x(b)
        centre = round((x1 + x2) / 2, 1)
        n = taken.get((t, centre), 0)
        taken[(t, centre)] = n + 1
        ts = timex_span(ev.get("date"))
        when = describe_timex(ev.get("date"))
        when = f"{when} (exact date unknown)" if ts is not None and ts.partial and when == ev.get("date") else when
        label = f"{when} · {t.replace('_', ' ')} · {ev.get('status')}" + (" (off the scale)" if off else "")
        dx, dy = _NUDGE[n % len(_NUDGE)]
        lay.marks.append(Mark(i, x1 + dx, x2 + dx, lane_y[t] + dy, ev.get("status") or "uncertain", label, off))
    return lay
