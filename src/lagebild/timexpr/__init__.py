"""Rule engine for temporal expressions (German and English) with TIMEX3 values."""

from .engine import TimexMatch, extract
from .values import (
    TimexSpan,
    timex_compare,
    timex_contains,
    timex_granularity,
    timex_interval,
    timex_overlaps,
    timex_span,
)

__all__ = [
    "TimexMatch",
    "TimexSpan",
    "extract",
    "timex_compare",
    "timex_contains",
    "timex_granularity",
    "timex_interval",
    "timex_overlaps",
    "timex_span",
]
