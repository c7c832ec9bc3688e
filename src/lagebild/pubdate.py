"""Publication dates from the text itself: datelines and inference.

``find_dateline(text)`` reads an agency dateline ("Berlin, 6. Mai (dpa) –",
"WASHINGTON, Aug 6 (Reuters) -") or an explicit date line near the top ("Stand:
13.02.2025", "Published 6 August 2025"). ``infer_published(doc)`` is the last resort
when neither metadata nor a dateline gives a date: it looks at the dates the article
mentions and returns the most consistent publication date (or a window) with a
confidence, or None when the text gives no support. Neither function ever invents a
year: a dateline without one yields no date unless a year is supported.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .model import Document
from .timexpr import extract, timex_interval
from .timexpr.lexicon import DE_MONTH, DE_MONTHS, EN_MONTH, EN_MONTHS

# How far into the text a dateline or date line may start.
HEAD_CHARS = 400

_AGENCY = r"(?:dpa|AFP|Reuters|AP|KNA|epd|dts|APA|sda|ddp|Xinhua|TASS|Interfax|Bloomberg|ANP|Belga|ANSA|EFE|PAP|CTK|Ukrinform|RIA|dpa-AFX|AFP/dpa|dpa/AFP|AP/dpa|Reuters/dpa|[a-z]{2,5}/[a-z]{2,5})"
_PLACE = r"(?P<place>[A-ZÄÖÜ][\wÄÖÜäöüß.'’\- ]{1,40}?(?:/[A-ZÄÖÜ][\wÄÖÜäöüß.\- ]{1,30})?)"
_DASH = r"\s*[-–—:]"

_DATELINE_DE = re.compile(
    rf"^\s*{_PLACE},?\s+(?:den\s+)?(?P<d>[0-3]?\d)\.\s*(?P<mon>{DE_MONTH})(?:\s+(?P<y>(?:19|20)\d\d))?"
    rf"\s*(?:\((?P<ag>{_AGENCY})\))?{_DASH}",
    re.MULTILINE,
)
_DATELINE_DE_NUM = re.compile(
    rf"^\s*{_PLACE},?\s+(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)?\d\d)?\s*(?:\((?P<ag>{_AGENCY})\))?{_DASH}",
    re.MULTILINE,
)
_DATELINE_EN = re.compile(
    rf"^\s*{_PLACE},?\s+(?P<mon>{EN_MONTH})\s+(?P<d>[0-3]?\d)(?:,?\s+(?P<y>(?:19|20)\d\d))?"
    rf"\s*(?:\((?P<ag>{_AGENCY})\))?{_DASH}",
    re.MULTILINE,
)
_DATELINE_AGENCY_ONLY = re.compile(rf"^\s*{_PLACE}\s*\((?P<ag>{_AGENCY})\){_DASH}", re.MULTILINE)

_CUE = r"(?:Stand|Veröffentlicht(?:\s+am)?|Aktualisiert(?:\s+am)?|Erschienen(?:\s+am)?|Datum|Published(?:\s+on)?|Updated(?:\s+on)?|Posted(?:\s+on)?|Date)"
_DATE_LINE = re.compile(
    rf"(?P<cue>{_CUE}\s*:?\s*)?(?:(?:Mo|Di|Mi|Do|Fr|Sa|So|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*\.?,?\s+)?"
    r"(?:(?P<d1>[0-3]?\d)[./](?P<m1>[01]?\d)[./](?P<y1>(?:19|20)\d\d)"
    r"|(?P<y2>(?:19|20)\d\d)-(?P<m2>[01]\d)-(?P<d2>[0-3]\d)"
    rf"|(?P<d3>[0-3]?\d)\.?\s+(?P<mon3>{DE_MONTH}|{EN_MONTH})\s+(?P<y3>(?:19|20)\d\d)"
    rf"|(?P<mon4>{EN_MONTH})\s+(?P<d4>[0-3]?\d),?\s+(?P<y4>(?:19|20)\d\d))"
)


def _month(word: str) -> int:
    w = word.lower().rstrip(".")
    return DE_MONTHS.get(w) or EN_MONTHS[w]


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year_from_text(text: str, month: int, day: int) -> int | None:
    """A year for a year-less dateline, only where the text writes the same day with one."""
    for t in extract(text, "de", None) + extract(text, "en", None):
        v = t.value
        if len(v) >= 10 and v[:4].isdigit() and v[5:7] == f"{month:02d}" and v[8:10] == f"{day:02d}":
            return int(v[:4])
    return None


def find_dateline(text: str, year_hint: int | None = None) -> tuple[str | None, tuple[int, int] | None]:
    """ISO date of the dateline or date line at the top of ``text``, and its span.

    Returns (None, span) for a dateline without a year that nothing supports (pass
    ``year_hint``, e.g. the year of a feed or file date, to supply one), and
    (None, None) when there is no dateline.
    """
    head = text[:HEAD_CHARS]
    for rx, kind in ((_DATELINE_DE, "de"), (_DATELINE_EN, "en"), (_DATELINE_DE_NUM, "num")):
        m = rx.search(head)
        if not m:
            continue
        # A dateline opens the text or its first paragraphs, never mid-sentence.
        if head[: m.start()].count(".") > 3 and "\n" not in head[: m.start()]:
            continue
        d = int(m["d"])
        mo = int(m["m"]) if kind == "num" else _month(m["mon"])
        span = (m.start("place"), m.end())
        y: int | None
        if m["y"]:
            y = int(m["y"])
            if y < 100:
                y += 2000
        else:
            y = year_hint or _year_from_text(text, mo, d)
        if y is None:
            return None, span
        dd = _safe_date(y, mo, d)
        return (dd.isoformat() if dd else None), span
    m = _DATE_LINE.search(head)
    if m:
        line_start = head.rfind("\n", 0, m.start()) + 1
        line_end = head.find("\n", m.end())
        line = head[line_start: line_end if line_end >= 0 else len(head)]
        # Only a date that stands on its own short line or follows a cue ("Stand:").
        if m["cue"] or len(line.strip()) <= 60:
            if m["d1"]:
                dd = _safe_date(int(m["y1"]), int(m["m1"]), int(m["d1"]))
            elif m["y2"]:
                dd = _safe_date(int(m["y2"]), int(m["m2"]), int(m["d2"]))
            elif m["d3"]:
                dd = _safe_date(int(m["y3"]), _month(m["mon3"]), int(m["d3"]))
            else:
                dd = _safe_date(int(m["y4"]), _month(m["mon4"]), int(m["d4"]))
            if dd:
                return dd.isoformat(), (m.start(), m.end())
    m = _DATELINE_AGENCY_ONLY.search(head)
    if m and head[: m.start()].strip() == "":
        return None, (m.start("place"), m.end())
    return None, None


_FULL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_TODAY = re.compile(r"\b(?:[Hh]eute|[Tt]oday|[Hh]eutigen)\b")


def infer_published(doc: Document) -> tuple[str, float] | None:
    """Most consistent publication date from the dates the text mentions.

    Returns (TIMEX3 value, confidence): a day ("2025-08-06") when the evidence pins it,
    otherwise a window such as a week ("2025-W32") or month; None when the text has no
    full date with a year (weekdays and year-less dates alone are not enough).

    The evidence: news reports what happened in the last days and announces what comes
    next. So the publication day lies on or after the latest date told in the past
    tense and on or before the earliest date told as still to come; "heute" next to a
    date pins it.
    """
    text = doc.text
    if not text:
        return None
    lang = doc.language or "de"
    sentences = [(s.start, s.end) for s in doc.sentences] or None
    found = extract(text, lang, None, sentences=sentences)
    from .timexpr.engine import _split_sentences
    from .timexpr.tense import direction

    bounds = sentences or _split_sentences(text)
    past: list[date] = []
    future: list[date] = []
    pinned: list[date] = []
    for t in found:
        m = _FULL.match(t.value)
        if not m or t.type not in ("DATE", "TIME") or not t.anchored:
            continue
        d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        if d is None:
            continue
        ss, se = next(((a, b) for a, b in bounds if a <= t.start < b), (0, len(text)))
        window = text[max(ss, t.start - 30): min(se, t.end + 30)]
        if _TODAY.search(window):
            pinned.append(d)
            continue
        dirn = direction(text, ss, se, t.start, t.end, lang)
        (future if dirn > 0 else past).append(d)
    if pinned:
        best = max(set(pinned), key=pinned.count)
        return best.isoformat(), 0.9
    if not past and not future:
        # Months or years alone give a window at most.
        months = sorted(t.value[:7] for t in found if re.match(r"^\d{4}-\d{2}$", t.value))
        if months:
            return months[-1], 0.3
        return None
    lo = max(past) if past else None
    hi = min((f for f in future if lo is None or f >= lo), default=None)
    if lo and hi:
        if (hi - lo).days <= 1:
            return lo.isoformat(), 0.7
        if (hi - lo).days <= 7:
            return _week(lo), 0.5
        return lo.isoformat(), 0.4
    if lo:
        # Reports usually appear the day of or the day after the latest event they tell.
        return lo.isoformat(), 0.5 if len(past) > 1 else 0.4
    assert hi is not None
    return _week(hi - timedelta(days=3)), 0.3


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def published_interval(value: str | None) -> tuple[date, date] | None:
    """Days a (possibly inferred, windowed) publication value covers."""
    return timex_interval(value)
