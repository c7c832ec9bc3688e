"""End to end on examples/: the timeline of the Putin–Trump story (four outlets, two languages)."""

from __future__ import annotations

from lagebild.queries import TimelineFilter, timeline
from lagebild.timeline import CanonicalEvent

from .examples_corpus import corpus_store, documents_by_key


def _events(query: str) -> list[CanonicalEvent]:
    tl = timeline(corpus_store(), TimelineFilter(q=query))
    assert not tl.truncated, "the example corpus is under the article cap: every report is merged"
    return tl.events


def _docs(ev: CanonicalEvent) -> set[str]:
    keys = {d.id: k for k, d in documents_by_key().items()}
    return {keys[d] for d in ev.documents}


def test_the_august_call_is_one_event_with_both_first_reports_and_the_february_call_is_another() -> None:
    calls = [e for e in _events("Putin") if e.type == "phone_call" and e.status == "occurred"]
    august = [e for e in calls if (e.date or "").startswith("2025-08-06")]
    february = [e for e in calls if (e.date or "").startswith("2025-02-12")]
    assert len(august) == 1, [(e.date, e.label) for e in calls]
    assert {"html/tagesblick-telefonat-putin-trump.html", "jsonl/globalwire.jsonl#3"} <= _docs(august[0])
    assert august[0].n_sources >= 2
    assert len(february) == 1 and "html/tagesblick-telefonat-putin-trump.html" not in _docs(february[0])


def test_the_budapest_summit_occurred_on_the_12th_reported_by_two_outlets() -> None:
    summits = [e for e in _events("Budapest") if e.type in ("meeting", "summit") and e.status == "occurred"]
    assert len(summits) == 1, [(e.date, e.label) for e in summits]
    ev = summits[0]
    assert ev.date == "2025-08-12"
    assert {"html/capital-ledger-budapest-summit.html", "feeds/spreebote.xml#1"} <= _docs(ev)


def test_timeline_is_in_date_order_february_call_first() -> None:
    dated = [e.date for e in _events("Putin") if e.date and e.date[:4].isdigit()]
    assert dated == sorted(dated, key=lambda v: v[:10])
    assert dated[0].startswith("2025-02")


def test_the_summit_announced_as_planned_is_the_summit_that_took_place() -> None:
    held = [e for e in _events("Putin") if e.type in ("meeting", "summit") and e.status == "occurred"
            and (e.date or "").startswith("2025-08-12")]
    assert len(held) == 1
    statuses = [h.status for h in held[0].history]
    assert "planned" in statuses and statuses.index("planned") < len(statuses) - 1 - statuses[::-1].index("occurred")
    assert "html/tagesblick-telefonat-putin-trump.html" in _docs(held[0])  # the report that announced it
    assert held[0].name(held[0].location) == "Budapest"
