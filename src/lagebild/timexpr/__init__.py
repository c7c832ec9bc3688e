"""Rule engine for temporal expressions (German and English) with TIMEX3 values."""

from .engine import TimexMatch, extract
from .values import timex_compare, timex_contains, timex_granularity, timex_interval, timex_overlaps

__all__ = [
    "TimexMatch",
    "extract",
    "timex_compare",
    "timex_contains",
    "timex_granularity",
    "timex_interval",
    "timex_overlaps",
]
