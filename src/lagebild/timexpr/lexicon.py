"""Word lists for the German and English grammars: months, weekdays, numbers, units.

Kept apart from the grammars so both the rules and the tense heuristics read the same
lists, and so a reviewer can check the vocabulary without reading regexes.
"""

from __future__ import annotations

import re

# --- German -------------------------------------------------------------------------

DE_MONTHS: dict[str, int] = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feber": 2, "feb": 2, "febr": 2,
    "märz": 3, "mär": 3, "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6,
    "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}
# Full names may stand alone; abbreviations only with a following dot.
DE_MONTH_FULL = (
    r"(?:Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|August|September|Oktober"
    r"|November|Dezember)"
)
DE_MONTH_ABBR = r"(?:Jan|Febr?|Mär|Mrz|Apr|Jun|Jul|Aug|Sept?|Okt|Nov|Dez)\."
DE_MONTH = rf"(?:{DE_MONTH_FULL}|{DE_MONTH_ABBR})"

DE_WEEKDAYS: dict[str, int] = {
    "montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5,
    "samstag": 6, "sonnabend": 6, "sonntag": 7,
}
DE_WEEKDAY = r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)"

# Parts of the day -> TIMEX3 codes.
DE_POD: dict[str, str] = {
    "morgen": "MO", "früh": "MO", "frühmorgen": "MO", "vormittag": "MO", "mittag": "MI",
    "nachmittag": "AF", "abend": "EV", "nacht": "NI", "morgenstunden": "MO",
    "abendstunden": "EV", "nachtstunden": "NI", "mitternacht": "NI", "morgengrauen": "MO",
    "tagesanbruch": "MO", "abenddämmerung": "EV",
}

DE_NUMBERS: dict[str, float] = {
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eines": 1, "zwei": 2,
    "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
    "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20,
    "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70,
    "achtzig": 80, "neunzig": 90, "hundert": 100, "tausend": 1000,
    "anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5, "dreieinhalb": 3.5,
    "halb": 0.5, "halbe": 0.5, "halben": 0.5, "halbes": 0.5, "beiden": 2, "beide": 2,
    "paar": -1, "wenige": -1, "wenigen": -1, "weniger": -1, "einige": -1, "einigen": -1,
    "mehrere": -1, "mehreren": -1, "viele": -1, "vielen": -1,
}
# Compound number words for adjectives ("dreitägig", "zweimonatig").
_DE_NUM_WORDS = sorted((k for k in DE_NUMBERS if DE_NUMBERS[k] > 0), key=len, reverse=True)
DE_NUM = r"(?:\d+(?:,\d+)?|(?i:" + "|".join(_DE_NUM_WORDS) + r"|ein\s+paar|wenige[nr]?|einige[n]?|mehrere[n]?|viele[n]?))"
DE_NUM_PREFIX = r"(?:\d+-?|" + "|".join(
    sorted((k for k in DE_NUMBERS if DE_NUMBERS[k] >= 1 and k not in {"einen", "einem", "einer", "eines", "eine", "beiden", "beide"}), key=len, reverse=True)
) + ")"

# Units: word stem -> TIMEX duration letter (with T for clock units).
DE_UNITS: dict[str, str] = {
    "sekunde": "TS", "minute": "TM", "stunde": "TH", "tag": "D", "nacht": "NI", "nächte": "NI",
    "woche": "W", "monat": "M", "jahr": "Y", "jahrzehnt": "DE", "jahrhundert": "CE",
    "quartal": "Q", "wochenende": "WE",
}
DE_UNIT = (
    r"(?:Sekunden?|Minuten?|Stunden?|Tag(?:e[ns]?|s)?|Nächten?|Nacht|Wochen?|Monat(?:e[ns]?|s)?"
    r"|Jahrzehnt(?:e[ns]?|s)?|Jahrhundert(?:e[ns]?|s)?|Jahr(?:e[ns]?|s)?|Quartal(?:e[ns]?|s)?)"
)

# --- English ------------------------------------------------------------------------

EN_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
EN_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
EN_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
EN_MONTH = rf"(?:{EN_MONTH_FULL}|{EN_MONTH_ABBR})"
EN_WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}
EN_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
EN_POD: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "noon": "MI",
    "midday": "MI", "overnight": "NI", "tonight": "NI",
}
EN_NUMBERS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "hundred": 100, "half": 0.5, "few": -1, "several": -1, "many": -1,
    "couple": -1,
}
_EN_NUM_WORDS = sorted((k for k in EN_NUMBERS if EN_NUMBERS[k] > 0 and k not in {"a", "an", "half"}), key=len, reverse=True)
EN_NUM = r"(?:\d+(?:\.\d+)?|(?i:" + "|".join(_EN_NUM_WORDS) + r"|an?|a\s+few|a\s+couple\s+of|few|several|many))"
EN_UNITS: dict[str, str] = {
    "second": "TS", "minute": "TM", "hour": "TH", "day": "D", "night": "NI", "week": "W",
    "month": "M", "year": "Y", "decade": "DE", "century": "CE", "centurie": "CE",
    "quarter": "Q", "weekend": "WE",
}
EN_UNIT = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries|century|quarters?)"


def number_value(word: str) -> float:
    """Numeric value of a number word or digits; -1 for vague quantities ("wenige", "few")."""
    w = re.sub(r"\s+", " ", word.strip().lower())
    if w[:1].isdigit():
        return float(w.replace(",", "."))
    if w in DE_NUMBERS:
        return DE_NUMBERS[w]
    if w in EN_NUMBERS:
        return EN_NUMBERS[w]
    if w.startswith(("ein paar", "a few", "a couple")):
        return -1
    return -1


def unit_code(word: str) -> str | None:
    """TIMEX duration code for a unit word in either language ("Wochen" -> "W")."""
    w = word.lower()
    if w.startswith("wochenend") or w.startswith("weekend"):
        return "WE"
    if w in ("nächte", "nächten"):
        return "NI"
    for table in (DE_UNITS, EN_UNITS):
        for stem in sorted(table, key=len, reverse=True):
            if w.startswith(stem):
                return table[stem]
    return None
