"""A generator of synthetic news-like articles for throughput and scaling benchmarks (not accuracy).

Sentences are assembled from templates with varied names, places, numbers and dates, in German and
English, with the boilerplate lines real extractions carry. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

PEOPLE = ["Wladimir Putin", "Donald Trump", "Wolodymyr Selenskyj", "Friedrich Merz", "Emmanuel Macron",
          "Ursula von der Leyen", "Marco Rubio", "Sergej Lawrow", "Annalena Baerbock", "Keir Starmer",
          "Giorgia Meloni", "Xi Jinping", "Recep Tayyip Erdoğan", "Boris Pistorius", "Kaja Kallas"]
PLACES = ["Berlin", "Moskau", "Washington", "Kiew", "Paris", "Brüssel", "Genf", "Istanbul", "Riad", "Warschau",
          "London", "Rom", "Peking", "Ankara", "Helsinki"]
ORGS = ["die Nato", "die EU-Kommission", "der Kreml", "das Weiße Haus", "die Vereinten Nationen", "der Bundestag"]
DE = [
    "{p1} und {p2} haben am {wd} in {loc} über die Lage in der Region gesprochen.",
    "„Wir sind zu weiteren Gesprächen bereit“, sagte {p1} nach dem Treffen.",
    "Nach Angaben von {org} dauerte das Gespräch rund {n} Stunden.",
    "{p2} erklärte, man werde die Vorschläge in den kommenden Tagen prüfen.",
    "Ein weiteres Treffen solle Mitte {month} in {loc2} stattfinden, hieß es aus Regierungskreisen.",
    "Kritiker werfen {p1} vor, die Verhandlungen nur zum Schein zu führen.",
    "Die Regierung in {loc} kündigte an, die Hilfen um {n} Milliarden Euro aufzustocken.",
    "Laut {org} wurden seit {month} mehr als {m} Menschen verletzt.",
    "Beobachter rechnen nicht mit einem schnellen Durchbruch.",
    "Am {day}. {month} läuft eine wichtige Frist ab, die {p2} gesetzt hatte.",
]
EN = [
    "{p1} and {p2} spoke on {wd_en} in {loc} about the situation in the region.",
    "\"We are ready for further talks,\" {p1} said after the meeting.",
    "According to {org_en}, the call lasted about {n} hours.",
    "{p2} said the proposals would be examined in the coming days.",
    "Another meeting is expected in {loc2} in mid-{month_en}, officials said.",
    "Critics accuse {p1} of only pretending to negotiate.",
    "The government in {loc} announced it would increase aid by {n} billion euros.",
    "More than {m} people have been injured since {month_en}, according to {org_en}.",
    "Observers do not expect a quick breakthrough.",
]
BOILER = ["WERBUNG", "Foto: dpa", "Lesen Sie auch: Was der Gipfel bringen könnte", "Kommentar hinterlassen",
          "Photo: Reuters", "Read more: What the talks mean for Europe"]
WD = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"]
WD_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
ORGS_EN = ["NATO", "the European Commission", "the Kremlin", "the White House", "the United Nations"]


def article(rng: random.Random, i: int, words: int = 300) -> tuple[str, str, str]:
    """(title, body, published) of article ``i``."""
    lang_en = rng.random() < 0.35
    templates = EN if lang_en else DE
    fill = dict(
        p1=rng.choice(PEOPLE), p2=rng.choice(PEOPLE), loc=rng.choice(PLACES), loc2=rng.choice(PLACES),
        org=rng.choice(ORGS), org_en=rng.choice(ORGS_EN), wd=rng.choice(WD), wd_en=rng.choice(WD_EN),
        month=rng.choice(MONTHS), month_en=rng.choice(MONTHS_EN), n=rng.randint(2, 40), m=rng.randint(100, 9000),
        day=rng.randint(1, 28),
    )
    paras, count = [], 0
    while count < words:
        para = " ".join(rng.choice(templates).format(**fill) for _ in range(rng.randint(2, 4)))
        para += f" (Meldung {i}-{count})"
        paras.append(para)
        count += len(para.split())
        if rng.random() < 0.15:
            paras.append(rng.choice(BOILER))
    title = ("Talks in " if lang_en else "Gespräche in ") + fill["loc"] + f" ({i})"
    published = f"2025-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"
    return title, "\n".join(paras), published


def corpus(n: int, seed: int = 7, words: int = 300) -> Iterator[tuple[str, str, str]]:
    rng = random.Random(seed)
    for i in range(n):
        yield article(rng, i, words)
