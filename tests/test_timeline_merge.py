"""Merging event mentions of many articles into canonical events: order, partial dates, scale."""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta

import pytest

from lagebild import timeline
from lagebild.model import Document, EventMention, Timex
from lagebild.timeline import merge_events

# (sentence, type, actors, targets, location, date, status, time expression in the sentence or None)
Report = tuple[str, str, list[str], list[str], str | None, str | None, str, str | None]


def article(doc_id: str, published: str | None, reports: list[Report], source: str | None = None) -> Document:
    """A document whose event mentions are given by hand (one per sentence)."""
    doc = Document(text="", id=doc_id, published=published, source=source or f"{doc_id}.example")
    parts: list[str] = []
    for sentence, etype, actors, targets, loc, value, status, expr in reports:
        start = sum(len(p) + 1 for p in parts)
        parts.append(sentence)
        doc.events.append(EventMention(start, start + len(sentence), sentence, etype, trigger=etype, actors=actors,
                                       targets=targets, location=loc, date=value, status=status))
        if expr is not None and value is not None:
            at = start + sentence.index(expr)
            doc.timexes.append(Timex(at, at + len(expr), expr, "DATE", value))
    doc.text = " ".join(parts)
    return doc


def partition(events: list[timeline.CanonicalEvent]) -> set[frozenset[tuple[str, int]]]:
    return {frozenset((d, m.start) for d, m in ev.mentions) for ev in events}


def story() -> list[Document]:
    planned = ("Trump und Putin wollen sich nächste Woche in Anchorage zu einem Gipfel treffen.", "summit",
               ["e:trump"], ["e:putin"], "e:anchorage", "2025-W33", "planned", "nächste Woche")
    held = ("Trump und Putin haben sich am Freitag in Anchorage getroffen.", "meeting", ["e:trump"], ["e:putin"],
            "e:anchorage", "2025-08-15", "occurred", "am Freitag")
    follow = ("Das Treffen dauerte drei Stunden.", "meeting", [], [], None, "2025-08-18", "occurred", None)
    attack = ("Russland hat Kiew am Dienstag mit Drohnen angegriffen.", "attack", ["e:russland"], ["e:ukraine"],
              "e:kiew", "2025-08-05", "occurred", "am Dienstag")
    february = ("Trump und Putin hatten bereits am 12. Februar telefoniert.", "phone_call", ["e:trump"], ["e:putin"],
                None, "2025-02-12", "occurred", "am 12. Februar")
    return [
        article("a", "2025-08-06", [planned, attack]),
        article("b", "2025-08-18", [held, follow, february]),
        article("c", "2025-08-18", [held, follow], source="b.example"),
        article("d", "2025-08-07", [attack]),
        article("e", "2025-08-19", [february, held]),
    ]


def test_the_order_of_articles_and_mentions_does_not_change_the_canonical_events() -> None:
    base = merge_events(story())
    want = partition(base)
    summit = next(e for e in base if e.type == "summit")
    assert {"a", "b", "c", "e"} == set(summit.documents) and summit.status == "occurred"
    rng = random.Random(3)
    for _ in range(6):
        docs = story()
        rng.shuffle(docs)
        for d in docs:
            d.events.reverse()
        again = merge_events(docs)
        assert partition(again) == want
        assert [(e.id, e.date, e.status, e.type) for e in again] == [(e.id, e.date, e.status, e.type) for e in base]


def test_the_follow_up_sentence_belongs_to_the_event_of_its_article() -> None:
    docs = story()
    events = merge_events(docs)
    follow_up = next(m for m in docs[1].events if not m.actors)
    held = next(m for m in docs[1].events if m.type == "meeting" and m.actors)
    assert follow_up.event == held.event and follow_up.event in {e.id for e in events}


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_reports_naming_different_participants_of_one_summit_merge_whatever_was_published_first(
    order: tuple[int, ...],
) -> None:
    reports: list[Report] = [
        ("Trump traf am Freitag zu dem Gipfel ein.", "summit", ["e:trump"], [], None, "2025-08-15", "occurred",
         "am Freitag"),
        ("Putin kam am Freitag zu dem Gipfel.", "summit", ["e:putin"], [], None, "2025-08-15", "occurred",
         "am Freitag"),
        ("Trump und Putin trafen sich am Freitag zu dem Gipfel.", "summit", ["e:trump", "e:putin"], [], None,
         "2025-08-15", "occurred", "am Freitag"),
    ]
    docs = [article(f"doc{k}", f"2025-08-{16 + k}", [reports[i]]) for k, i in enumerate(order)]
    events = merge_events(docs)
    assert len(events) == 1 and set(events[0].actors) == {"e:trump", "e:putin"}


def test_a_date_with_unknown_day_joins_the_event_of_its_month_and_never_another_month() -> None:
    aug = article("aug", "2025-08-16", [("Trump und Putin trafen sich am 15. August.", "meeting", ["e:trump"],
                                         ["e:putin"], None, "2025-08-15", "occurred", "am 15. August")])
    feb = article("feb", "2025-02-13", [("Trump und Putin trafen sich am 12. Februar.", "meeting", ["e:trump"],
                                         ["e:putin"], None, "2025-02-12", "occurred", "am 12. Februar")])
    vague = article("vague", "2025-09-20", [("Trump und Putin hatten sich an einem Tag im August getroffen.",
                                             "meeting", ["e:trump"], ["e:putin"], None, "2025-08-XX", "occurred",
                                             "an einem Tag im August")])
    events = merge_events([vague, feb, aug])
    assert sorted(sorted(e.documents) for e in events) == [["aug", "vague"], ["feb"]]
    august = next(e for e in events if "aug" in e.documents)
    assert august.date == "2025-08-15"  # the day beats the month it lies in


def test_a_report_without_any_time_does_not_choose_between_two_dated_events() -> None:
    def call(doc_id: str, published: str | None, value: str, expr: str | None) -> Document:
        text = f"Trump und Putin haben {expr or 'bereits'} miteinander telefoniert."
        return article(doc_id, published, [(text, "phone_call", ["e:trump"], ["e:putin"], None, value, "occurred",
                                            expr)])

    feb = call("feb", "2025-02-13", "2025-02-12", "am 12. Februar")
    aug = call("aug", "2025-08-07", "2025-08-06", "am 6. August")
    # an article without a publication date that reports the call twice
    undated = article("undated", None, [
        ("Trump und Putin haben bereits miteinander telefoniert.", "phone_call", ["e:trump"], ["e:putin"], None,
         "PAST_REF", "occurred", None),
        ("Das Telefonat von Trump mit Putin dauerte zwei Stunden.", "phone_call", ["e:trump"], ["e:putin"], None,
         "PAST_REF", "occurred", None),
    ])
    events = merge_events([undated, feb, aug])
    assert sorted(sorted(e.documents) for e in events) == [["aug"], ["feb"], ["undated"]]
    assert len(next(e for e in events if e.documents == ["undated"]).mentions) == 2  # its own reports stay together
    # with only one candidate it is that one
    events = merge_events([call("undated", None, "PAST_REF", None), call("aug", "2025-08-07", "2025-08-06",
                                                                          "am 6. August")])
    assert [sorted(e.documents) for e in events] == [["aug", "undated"]]


def test_a_plan_announced_after_the_event_took_place_is_another_event() -> None:
    held = ("Trump und Putin haben sich am Dienstag in Budapest getroffen.", "meeting", ["e:trump"], ["e:putin"],
            "e:budapest", "2025-08-12", "occurred", "am Dienstag")
    planned_before = ("Trump und Putin wollen sich nächste Woche treffen.", "meeting", ["e:trump"], ["e:putin"],
                      None, "FUTURE_REF", "planned", None)
    invited_after = ("Putin hat Trump zu einem weiteren Treffen nach Moskau eingeladen.", "meeting", ["e:putin"],
                     ["e:trump"], "e:moskau", "FUTURE_REF", "proposed", None)
    for docs in itertools.permutations([article("before", "2025-08-07", [planned_before]),
                                        article("held", "2025-08-12", [held]),
                                        article("after", "2025-08-14", [invited_after])]):
        events = merge_events(list(docs))
        assert sorted(sorted(e.documents) for e in events) == [["after"], ["before", "held"]]


def _random_corpus(n_docs: int, seed: int) -> list[Document]:
    rng = random.Random(seed)
    actors = [f"e:{i}" for i in range(25)]
    places = [None, None, "e:berlin", "e:kiew", "e:genf"]
    docs = []
    for i in range(n_docs):
        day = date(2025, 1, 1) + timedelta(days=rng.randrange(200))
        pub = day + timedelta(days=rng.randrange(3))
        reports: list[Report] = []
        for _ in range(rng.randrange(1, 4)):
            etype = rng.choice(("meeting", "summit", "phone_call", "sanction", "tariff", "attack"))
            named = rng.sample(actors, rng.choice((0, 1, 2, 2, 3)))
            kind = rng.random()
            value = (day.isoformat() if kind < 0.4 else day.strftime("%Y-%m-XX") if kind < 0.5
                     else f"{day.isocalendar()[0]}-W{day.isocalendar()[1]:02d}" if kind < 0.6
                     else "FUTURE_REF" if kind < 0.75 else pub.isoformat())
            expr = value if kind < 0.6 else None
            reports.append((f"Bericht über {value} und {etype}.", etype, named[:1], named[1:], rng.choice(places),
                            value, rng.choice(("occurred", "planned", "denied")), expr))
        docs.append(article(f"r{i:03d}", pub.isoformat() if rng.random() > 0.05 else None, reports))
    return docs


def test_blocking_finds_exactly_the_events_that_comparing_with_every_event_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = partition(merge_events(_random_corpus(150, seed=11)))

    def every_cluster(self: timeline._Blocks, keys: object, months: object) -> list[timeline._Cluster]:
        seen = {cl.index: cl for lst in self.every.values() for cl in lst if cl.alive}
        return [seen[i] for i in sorted(seen)]

    monkeypatch.setattr(timeline._Blocks, "candidates", every_cluster)
    slow = partition(merge_events(_random_corpus(150, seed=11)))
    assert fast == slow
    assert len(fast) < sum(1 for d in _random_corpus(150, seed=11) for _ in d.events)  # something merged


def test_an_invitation_to_a_second_meeting_is_not_the_meeting_just_held() -> None:
    held = ("Trump und Putin haben sich heute in Budapest getroffen.", "meeting", ["e:trump", "e:putin"], [],
            "e:budapest", "2025-08-12", "occurred", "heute")
    # the day after: the invitation is dated by the day it was made, a day the meeting's dates still reach
    invited = ("Putin invited Trump on Wednesday to a second meeting in Moscow.", "meeting", ["e:putin", "e:trump"],
               [], "e:moscow", "2025-08-13", "proposed", "on Wednesday")

    def docs(flagged: bool) -> list[Document]:
        out = [article("held", "2025-08-12", [held]), article("invited", "2025-08-13", [invited])]
        out[1].events[0].another = flagged
        return out

    for order in itertools.permutations(docs(True)):
        events = merge_events(list(order))
        assert sorted(sorted(e.documents) for e in events) == [["held"], ["invited"]]
        budapest = next(e for e in events if e.documents == ["held"])
        assert [h.status for h in budapest.history] == ["occurred"]  # no invitation in its history
    # what keeps them apart is the "second": an unmarked invitation that day could be about the same meeting
    assert [sorted(e.documents) for e in merge_events(docs(False))] == [["held", "invited"]]


def test_reports_of_the_second_meeting_itself_merge() -> None:
    first = ("Trump und Putin trafen sich am Dienstag in Budapest.", "meeting", ["e:trump", "e:putin"], [],
             "e:budapest", "2025-08-12", "occurred", "am Dienstag")
    second = ("Trump und Putin trafen sich am Donnerstag erneut.", "meeting", ["e:trump", "e:putin"], [], None,
              "2025-08-28", "occurred", "am Donnerstag")
    plain = ("Trump und Putin trafen sich am Donnerstag in Moskau.", "meeting", ["e:trump", "e:putin"], [],
             "e:moskau", "2025-08-28", "occurred", "am Donnerstag")
    docs = [article("a", "2025-08-13", [first]), article("b", "2025-08-29", [second]),
            article("c", "2025-08-29", [plain]), article("d", "2025-08-30", [second])]
    docs[1].events[0].another = docs[3].events[0].another = True
    events = merge_events(docs)
    assert sorted(sorted(e.documents) for e in events) == [["a"], ["b", "c", "d"]]


def test_an_unnamed_further_instance_does_not_follow_up_the_first() -> None:
    held = ("Trump und Putin trafen sich am Dienstag in Budapest.", "meeting", ["e:trump", "e:putin"], [],
            "e:budapest", "2025-08-12", "occurred", "am Dienstag")
    lasted = ("Das Treffen dauerte drei Stunden.", "meeting", [], [], None, "2025-08-12", "occurred", None)
    next_one = ("Ein zweites Treffen soll im Herbst stattfinden.", "meeting", [], [], None, "FUTURE_REF", "planned",
                None)
    doc = article("a", "2025-08-13", [held, lasted, next_one])
    doc.events[2].another = True
    events = merge_events([doc])
    assert sorted(len(e.mentions) for e in events) == [1, 2]
    assert doc.events[1].event == doc.events[0].event != doc.events[2].event
