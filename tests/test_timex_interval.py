"""One reading of TIMEX3 values as calendar days, shared by the time stage, events and the web timeline."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.eventlex import timexval
from lagebild.timexpr import timex_contains, timex_granularity, timex_interval
from lagebild.timexpr.values import timex_is_partial, timex_span
from lagebild.web import timeline_svg

AUG = (date(2025, 8, 1), date(2025, 8, 31))


@pytest.mark.parametrize(
    ("value", "interval", "granularity", "partial"),
    [
        # a known year and month, an unknown day: the month's days, flagged as partial
        ("2025-08-XX", AUG, "month", True),
        ("2025-08", AUG, "month", False),
        ("2025-08-1X", AUG, "month", True),  # only whole components count as known
        ("2025-08-XXTEV", AUG, "month", True),  # an evening of some day in August
        ("2025-XX-XX", (date(2025, 1, 1), date(2025, 12, 31)), "year", True),
        ("2025-WXX", (date(2025, 1, 1), date(2025, 12, 31)), "year", True),
        ("202X", (date(2020, 1, 1), date(2029, 12, 31)), "decade", True),
        ("20XX", (date(2000, 1, 1), date(2099, 12, 31)), "century", True),
        ("2025-W33", (date(2025, 8, 11), date(2025, 8, 17)), "week", False),
        ("2025-W33-WE", (date(2025, 8, 16), date(2025, 8, 17)), "weekend", False),
        ("2025-W33-3", (date(2025, 8, 13), date(2025, 8, 13)), "day", False),
        ("2025-SU", (date(2025, 6, 1), date(2025, 8, 31)), "season", False),
        ("2023-WI", (date(2023, 12, 1), date(2024, 2, 29)), "season", False),  # into a leap February
        ("2025-AU", (date(2025, 9, 1), date(2025, 11, 30)), "season", False),  # read as FA
        ("2025-08-08T14:30", (date(2025, 8, 8), date(2025, 8, 8)), "time", False),
        ("2025-08-08TEV", (date(2025, 8, 8), date(2025, 8, 8)), "day", False),
    ],
)
def test_values_name_the_days_they_can_stand_for(value: str, interval: tuple[date, date], granularity: str,
                                                  partial: bool) -> None:
    span = timex_span(value)
    assert span is not None
    assert span.interval == interval == timex_interval(value)
    assert span.granularity == granularity == timex_granularity(value)
    assert span.partial is partial and timex_is_partial(value) is partial


@pytest.mark.parametrize("value", ["XXXX-08-15", "XXXX-WXX-5", "XX2", "P3D", "BC0490", "PAST_REF", "FUTURE_REF",
                                   "2025-13", "2025-02-30", "", None, "soon"])
def test_values_that_cannot_be_placed_have_no_interval(value: str | None) -> None:
    assert timex_span(value) is None and timex_interval(value) is None
    assert timex_span(value, date(2025, 8, 6)) is None  # an anchor does not place them either


def test_present_ref_is_the_anchor_day_and_says_so() -> None:
    assert timex_interval("PRESENT_REF") is None
    span = timex_span("PRESENT_REF", date(2025, 8, 6))
    assert span is not None and span.interval == (date(2025, 8, 6), date(2025, 8, 6))
    assert span.relative and span.granularity == "day"


def test_a_month_with_unknown_day_is_never_taken_for_a_day() -> None:
    assert timex_contains("2025-08", "2025-08-XX") and timex_contains("2025-08-XX", "2025-08-15")
    assert not timex_contains("2025-08-15", "2025-08-XX")
    assert timexval.specificity("2025-08-XX") == timexval.specificity("2025-08") < timexval.specificity("2025-08-15")
    assert timexval.compatible("2025-08-XX", "2025-08-20") and not timexval.compatible("2025-08-XX", "2025-02-12")
    assert timexval.relation_to("2025-08-XX", date(2025, 9, 3)) == -1


@pytest.mark.parametrize("value", ["2025-08-XX", "2025-XX-XX", "2025-W33", "2025-W33-WE", "2025-W33-3", "2025-SU",
                                   "2024-WI", "2025-Q3", "2025-H2", "202X", "2025-08-08T10:00", "XXXX-08-15",
                                   "PRESENT_REF", "PAST_REF", "FUTURE_REF"])
def test_events_timeline_and_web_read_values_alike(value: str) -> None:
    expected = timex_interval(value)
    assert timexval.timex_interval(value) == expected
    assert timeline_svg.interval(value) == expected


def test_web_timeline_draws_a_partial_date_across_its_month_and_says_the_day_is_unknown() -> None:
    lay = timeline_svg.layout([
        {"date": "2025-08-XX", "type": "meeting", "status": "occurred"},
        {"date": "2025-08-15", "type": "meeting", "status": "occurred"},
        {"date": "PAST_REF", "type": "meeting", "status": "denied"},
    ])
    assert lay.undated == [2]
    partial, day = sorted(lay.marks, key=lambda m: m.index)
    assert partial.x2 - partial.x > 10 * max(day.x2 - day.x, 1.0)
    assert "unknown" in partial.label and "unknown" not in day.label
