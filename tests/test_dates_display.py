"""Event dates as a reader says them: the timeline's text, Markdown and web views write TIMEX3
values that are not calendar dates in words; CSV and JSON keep the values."""

from __future__ import annotations

import csv
import io
import json

import pytest

from lagebild.timexpr.values import describe_timex
from lagebild.model import EventMention
from lagebild.timeline import CanonicalEvent, format_timeline


@pytest.mark.parametrize("value, said", [
    ("2025-08-12", "2025-08-12"),
    ("2025-08", "2025-08"),
    ("2025-08-XX", "2025-08, day unknown"),
    ("XXXX-WXX-5", "a Friday, week unknown"),
    ("2025-W33-2", "a Tuesday, week 33 of 2025"),
    ("2025-W33", "week 33 of 2025"),
    ("2025-SU", "summer 2025"),
    ("2025-Q3", "Q3 2025"),
    ("XXXX-08-15", "15 August, year unknown"),
    ("FUTURE_REF", "future, no date"),
    ("PAST_REF", "past, no date"),
    ("2025-08-12T10:30", "2025-08-12 10:30"),
    (None, "undated"),
    ("XXXX-13-45", "XXXX-13-45"),  # not a day: left as it is
])
def test_timex_values_in_words(value, said) -> None:  # type: ignore[no-untyped-def]
    assert describe_timex(value) == said


def test_text_and_markdown_say_it_csv_and_json_keep_the_value() -> None:
    m = EventMention(start=0, end=30, text="Trump telefonierte am Freitag mit Putin.", type="phone_call",
                     actors=["e:trump", "e:putin"], date="XXXX-WXX-5", status="occurred")
    ev = CanonicalEvent(id="ev1", type="phone_call", actors=["e:trump", "e:putin"], location=None,
                        date="XXXX-WXX-5", status="occurred", mentions=[("d1", m)])
    assert format_timeline([ev], "text").startswith("a Friday, week unknown ")
    assert "| a Friday, week unknown |" in format_timeline([ev], "md")
    assert next(csv.DictReader(io.StringIO(format_timeline([ev], "csv"))))["date"] == "XXXX-WXX-5"
    assert json.loads(format_timeline([ev], "json"))[0]["date"] == "XXXX-WXX-5"
