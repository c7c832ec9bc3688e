"""German grammar: date, time, duration and set expressions.

Extents follow TIMEX2/TIMEX3 practice as HeidelTime and the WikiWarsDE annotators use
it: articles and modifiers belong to the expression ("den 1930er-Jahren", "Mitte
Oktober", "Anfang des 8. Jh. v. Chr."), prepositions and their contractions do not
("am", "im", "seit", "vom"), except where the preposition carries the meaning
("vor drei Jahren", "in zwei Wochen", "nach sechs Wochen").
"""

from __future__ import annotations

import re

from .lexicon import (
    DE_MONTH,
    DE_MONTH_ABBR,
    DE_MONTH_FULL,
    DE_NUM,
    DE_NUM_PREFIX,
    DE_NUMBERS,
    DE_POD,
    DE_UNIT,
    DE_WEEKDAY,
    DE_WEEKDAYS,
    number_value,
)
from .resolve import Sem
from .rules import Multi, Part, Rule, attach_triggers, duration_value, month_of, match_year, rel_unit, rule, year_of

B = r"(?<![\w.,/-])"  # a number starts here (not inside another number or word)
E = r"(?![\w])"
DAY = r"(?:[12]\d|3[01]|0?[1-9])"
ERA = r"(?:\s*(?:v\.\s?Chr\.?|n\.\s?Chr\.?|v\.\s?u\.\s?Z\.?|u\.\s?Z\.?))"
YEAR = rf"(?:(?P<y>1\d{{3}}|20\d{{2}})(?!\d)(?P<era>{ERA})?|(?P<yb>\d{{1,4}})(?P<erab>{ERA}))"
MOD = r"(?:(?:[Gg]egen\s+|[Uu]ngefähr\s+|[Ee]twa\s+)?(?:Anfang|Mitte|Ende|Beginn|Anfang/Mitte|Mitte/Ende))"
QUANT = (
    r"(?:[Ee]twa|[Rr]und|[Ff]ast|[Kk]napp|[Gg]ut|[Mm]ehr als|[Ww]eniger als|[Uu]ngefähr|[Cc]irca|[Cc]a\.|[Mm]indestens|"
    r"[Hh]öchstens|[Bb]is zu|[Nn]ahezu|[Gg]enau|[Ee]xakt)"
)
POD_WORD = r"(?:Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht|Morgenstunden|Abendstunden|Nachtstunden|Morgengrauen)"
ART = r"(?:der|die|das|den|dem|des)"
YREL = r"(?:desselben|des\s+selben|des\s+gleichen|des\s+folgenden|des\s+nächsten|des\s+vorigen)?\s*Jahres|des\s+Vorjahres"

MOD_CODE = {
    "anfang": "START", "beginn": "START", "mitte": "MID", "ende": "END", "anfang/mitte": "START",
    "mitte/ende": "END", "laufe": None, "verlauf": None, "frühen": "START", "späten": "END",
    "früh": "START", "spät": "END", "etwa": "APPROX", "rund": "APPROX", "ungefähr": "APPROX",
    "circa": "APPROX", "ca.": "APPROX", "um": "APPROX", "gegen": "APPROX", "knapp": "APPROX",
    "fast": "LESS_THAN", "mehr als": "MORE_THAN", "über": "MORE_THAN", "weniger als": "LESS_THAN",
    "mindestens": "EQUAL_OR_MORE", "höchstens": "EQUAL_OR_LESS", "bis zu": "EQUAL_OR_LESS",
}
SEASON = {"frühjahr": "SP", "frühling": "SP", "sommer": "SU", "herbst": "FA", "winter": "WI"}


def _mod(word: str | None) -> str | None:
    if not word:
        return None
    w = word.lower()
    if w.startswith(("gegen ", "ungefähr ", "etwa ")):
        w = w.split(None, 1)[1].strip()
    return MOD_CODE.get(w)


def _pod_code(word: str | None) -> str | None:
    if not word:
        return None
    w = word.lower()
    for k in ("nachmittag", "vormittag", "morgen", "mittag", "abend", "nacht", "früh"):
        if k in w:
            return DE_POD[k]
    return None


# --- handlers ---------------------------------------------------------------------------


def _yrel_offset(text: str) -> int:
    t = text.lower()
    return 1 if ("folgend" in t or "nächst" in t) else -1 if ("vorig" in t or "vorjahr" in t) else 0


def h_date_dmy(m: re.Match[str]) -> Sem:
    s = Sem(day=int(m["d"]), month=month_of(m["mon"]), year=match_year(m))
    if m["yrel"]:
        s.rel_season = _yrel_offset(m["yrel"])
    if m["h"]:
        s.type = "TIME"
        s.hour, s.minute = int(m["h"]), int(m["mi"] or 0)
        if m["tz"]:
            s.tz = "+01" if "mitteleurop" in m["tz"].lower() or m["tz"] == "MEZ" else (
                "+02" if "sommer" in m["tz"].lower() or m["tz"] == "MESZ" else None)
    pod = _pod_code(m["podw"]) or _pod_code(m["poda"])
    if pod and s.hour is None:
        s.pod = pod
        s.type = "TIME"
    if m["wd"] and s.year is None:
        pass  # the weekday is redundant with the full date
    return s


def h_date_num(m: re.Match[str]) -> Sem | None:
    d, mo = int(m["d"]), int(m["m"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    y = year_of(m["y"]) if m["y"] else None
    return Sem(day=d, month=mo, year=y)


def h_date_iso(m: re.Match[str]) -> Sem | None:
    d, mo = int(m["d"]), int(m["m"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return Sem(day=d, month=mo, year=int(m["y"]))


def h_day_range(m: re.Match[str]) -> Multi:
    mon = month_of(m["mon"])
    y = match_year(m)
    first = Sem(day=int(m["d1"]), month=mon, year=y)
    if m["night"]:
        first.pod, first.type = "NI", "TIME"
    second = Sem(day=int(m["d2"]), month=mon, year=y)
    return Multi([Part(m.start("t1"), m.end("t1"), first), Part(m.start("t2"), m.end("t2"), second)])


def h_month_range(m: re.Match[str]) -> Multi:
    y = match_year(m)
    a = Sem(month=month_of(m["m1"]), year=y, mod=_mod(m["mod1"]))
    b = Sem(month=month_of(m["mon"]), year=y, mod=_mod(m["mod"]))
    return Multi([Part(m.start("t1"), m.end("t1"), a), Part(m.start("t2"), m.end("t2"), b)])


def h_month_year(m: re.Match[str]) -> Sem:
    mon = m["mon"]
    s = Sem(month=8 if mon.startswith("Augustmonat") else month_of(mon), year=match_year(m), mod=_mod(m["mod"]))
    if m["yrel"]:
        s.rel_season = _yrel_offset(m["yrel"])
    return s


_NAME_AFTER = re.compile(r"\s+[A-ZÄÖÜ][a-zäöüß]")


def h_month_bare(m: re.Match[str]) -> Sem | None:
    if not (m["pre"] or m["mod"]):
        return None
    mon = month_of(m["mon"])
    # "August" and "Mai" are also names ("August Bebel", "Karl Mai").
    if mon in (5, 8) and _NAME_AFTER.match(m.string, m.end()):
        nxt = m.string[m.end():m.end() + 20].split()
        if nxt and nxt[0] not in ("Jahres", "Jahre") and not nxt[0][0].isdigit():
            return None
    return Sem(month=mon, mod=_mod(m["mod"]), needs_tense=True)


_QUANTITY_BEFORE = re.compile(
    r"(?<![\w.])(?:über|rund|etwa|fast|knapp|ca\.|insgesamt|mehr als|weniger als|bis zu|mit|auf|von|nur|"
    r"lediglich|mindestens|circa|zirka|je|pro|Nr\.|Nummer|§|Artikel|Platz|Seite|S\.)\s*$"
)
_UNIT_AFTER = re.compile(
    r"\s*(?:%|Prozent|Euro|Dollar|Pfund|Mark|Franc|Rubel|km|Kilometer|Meter|m\b|Mann|Soldaten|"
    r"Menschen|Tote|Toten|Einwohner|Personen|Gefangene|Stück|Panzer|Flugzeuge|Schiffe|"
    r"Geschütze|Kanonen|Opfer|Verwundete|Kämpfer|Truppen|Häuser|Dörfer|Tonnen|t\b|Quadrat|qkm|"
    r"Stimmen|Sitze|Abgeordnete|Seiten|Zeichen|Einheiten|Mal|mal\b)"
)
_CAP_AFTER = re.compile(r"\s+[A-ZÄÖÜ]")
_COUNT_BEFORE = re.compile(r"\b(?:und|aus|die|der|den|des|statt|sowie|oder|gegen)\s*$")
_PLURAL_AFTER = re.compile(r"\s+(?:[a-zäöüß]+e[nmrs]?\s+)?[A-ZÄÖÜ][\wäöüß]*(?:e|en|n)\b")


def h_year(m: re.Match[str]) -> Sem | None:
    text = m.string
    year_s = m["y"] or m["yb"]
    era = m["era"] or m["erab"]
    y = year_of(year_s, era)
    cue = m["cue"] or m["mod"] or m["approx"]
    if not era and len(year_s) < 4 and not m["cue"] and not m["approx"]:
        return None
    if not era and not cue:
        before = text[max(0, m.start() - 14):m.start()]
        if _QUANTITY_BEFORE.search(before) and _CAP_AFTER.match(text, m.end()):
            return None
        if _COUNT_BEFORE.search(before) and _PLURAL_AFTER.match(text, m.end()):
            return None  # "und 1370 Landungsboote", "die 1400 hessischen Truppen"
        if _UNIT_AFTER.match(text, m.end()):
            return None
    s = Sem(year=y, mod=_mod(m["mod"]) or _mod(m["approx"]))
    if not era and len(year_s) <= 3:
        s.maybe_bc = True
    return s


def h_year_range(m: re.Match[str]) -> Multi | None:
    """"1939/1940", "1870/71", "264–260 v. Chr.": two years, the first taking the era
    and century of the second where it lacks them."""
    y1s, y2s, era = m["y1"], m["y2"], m["era"]
    if not era and not (len(y1s) == 4 and 1000 <= int(y1s) <= 2099):
        return None
    if len(y2s) == 2 and len(y1s) == 4:
        y2 = int(y1s[:2] + y2s)
        if y2 <= int(y1s):
            return None
    else:
        y2 = int(y2s)
    y1 = int(y1s)
    if era:
        bc = year_of("1", era) < 0
        if bc:
            y1, y2 = -y1, -y2
            if not (y1 < y2 <= y1 + 60):  # BC ranges count down: 264-260
                return None
        elif not (y1 <= y2 <= y1 + 60):
            return None
    elif not (y1 < y2 <= y1 + 60):
        return None
    a = Sem(year=y1, mod=_mod(m["approx"]))
    b = Sem(year=y2)
    return Multi([Part(m.start("t1"), m.end("t1"), a), Part(m.start("t2"), m.end("t2"), b)])


def h_century(m: re.Match[str]) -> Sem:
    n = int(m["n"]) - 1
    bc = bool(m["era"]) and m["era"].strip().lower().startswith("v")
    mod = m["mod"]
    code = None
    if mod:
        ml = mod.lower()
        code = "START" if ml.startswith(("anfang", "beginn", "erste")) else "END" if ml.startswith(("ende", "zweite")) else "MID" if ml.startswith("mitte") else None
    return Sem(century=-n if bc else n, mod=code)


def h_decade(m: re.Match[str]) -> Sem:
    dec = m["dec"]
    bc = bool(m["era"])
    if len(dec) == 2:
        if dec.endswith("0"):
            return Sem(decade_short=int(dec[0]), mod=_mod(m["mod"]))
        return Sem(decade_short=int(dec[0]))  # "die 20er Jahre" of a decade like "25er" are rare
    d = int(dec) // 10
    if len(dec) == 3 and not bc:
        # "460er Jahre" only occur in antiquity texts; the year context decides.
        s = Sem(decade=d, mod=_mod(m["mod"]))
        s.maybe_bc = True
        return s
    return Sem(decade=-d if bc else d, mod=_mod(m["mod"]))


def h_season(m: re.Match[str]) -> Sem | None:
    word = m["s"].lower()
    mod = _mod(m["mod"])
    if word.startswith("früh") and not word.startswith(("frühjahr", "frühling")):
        mod, word = "START", word[4:]
    elif word.startswith("spät"):
        mod, word = "END", word[4:]
    if m["adj"]:
        mod = _mod(m["adj"])
    season = next(v for k, v in SEASON.items() if word.startswith(k))
    s = Sem(season=season, mod=mod)
    y = match_year(m)
    if y is not None:
        s.year = y
        return s
    if m["yrel"]:
        rel = m["yrel"].lower()
        s.rel_base = "ref"
        s.rel_season = 1 if ("nächst" in rel or "folgend" in rel or "kommend" in rel) else -1 if ("vorjahr" in rel or "vergangen" in rel or "letzt" in rel) else 0
        return s
    det = (m["det"] or "").lower()
    if det:
        s.direction = 1 if det.startswith(("nächst", "kommend")) else -1 if det.startswith(("vergangen", "letzt", "vorig")) else 0
        return s
    if not m["pre"] and not m["mod"] and not m["adj"]:
        return None
    s.needs_tense = True
    return s


_DEICTIC_DAY = {"heute": 0, "gestern": -1, "vorgestern": -2, "morgen": 1, "übermorgen": 2}


def h_deictic_day(m: re.Match[str]) -> Sem:
    word = m["w"].lower()
    s = Sem(rel_unit="day", rel_offset=_DEICTIC_DAY[word], rel_base="dct")
    pod = _pod_code(m["p"])
    if pod:
        s.pod, s.type = pod, "TIME"
    if word == "heute" and not pod:
        s.narrative_value = "PRESENT_REF"
    return s


_REF_WORDS = {
    "jetzt": "PRESENT_REF", "derzeit": "PRESENT_REF", "zurzeit": "PRESENT_REF", "zur zeit": "PRESENT_REF",
    "gegenwärtig": "PRESENT_REF", "momentan": "PRESENT_REF", "im moment": "PRESENT_REF",
    "heutzutage": "PRESENT_REF", "aktuell": "PRESENT_REF", "inzwischen": "PRESENT_REF",
    "mittlerweile": "PRESENT_REF", "nun": "PRESENT_REF", "bislang": "PAST_REF", "bisher": "PAST_REF",
    "damals": "PAST_REF", "kürzlich": "PAST_REF", "jüngst": "PAST_REF", "unlängst": "PAST_REF",
    "neulich": "PAST_REF", "vor kurzem": "PAST_REF", "vor kurzer zeit": "PAST_REF",
    "kurz zuvor": "PAST_REF", "zuvor": "PAST_REF", "vorher": "PAST_REF", "einst": "PAST_REF",
    "früher": "PAST_REF", "bald": "FUTURE_REF", "demnächst": "FUTURE_REF", "künftig": "FUTURE_REF",
    "zukünftig": "FUTURE_REF", "in zukunft": "FUTURE_REF", "in kürze": "FUTURE_REF",
    "binnen kurzem": "FUTURE_REF", "in bälde": "FUTURE_REF", "kurz darauf": "FUTURE_REF",
    "kurz danach": "FUTURE_REF", "wenig später": "FUTURE_REF", "kurze zeit später": "FUTURE_REF",
    "kurz später": "FUTURE_REF", "bald darauf": "FUTURE_REF", "folgezeit": "FUTURE_REF",
    "in der folge": "FUTURE_REF", "so bald wie möglich": "FUTURE_REF",
    "so schnell wie möglich": "FUTURE_REF", "später": "FUTURE_REF", "anschließend": "FUTURE_REF",
}


def h_ref_word(m: re.Match[str]) -> Sem:
    return Sem(value=_REF_WORDS[re.sub(r"\s+", " ", m["w"].lower())])


def h_heutig(m: re.Match[str]) -> Sem:
    return Sem(value="PRESENT_REF")


_DET_OFFSET = {
    "dies": (0, "ctx"), "laufend": (0, "ctx"), "aktuell": (0, "ctx"), "nächst": (1, "ctx"),
    "kommend": (1, "ctx"), "vergangen": (-1, "ctx"), "letzt": (-1, "ctx"), "vorig": (-1, "ctx"),
    "vorherig": (-1, "ref"), "folgend": (1, "ref"), "darauffolgend": (1, "ref"),
    "darauf folgend": (1, "ref"), "selb": (0, "ref"), "gleich": (0, "ref"), "desselb": (0, "ref"),
    "desgleich": (0, "ref"), "nachfolgend": (1, "ref"), "vorangegangen": (-1, "ref"),
    "vorausgegangen": (-1, "ref"), "ganz": (0, "ref"),
}


def _det(word: str) -> tuple[int, str]:
    w = word.lower()
    for k in sorted(_DET_OFFSET, key=len, reverse=True):
        if w.startswith(k):
            return _DET_OFFSET[k]
    return (0, "ctx")


def h_det_unit(m: re.Match[str]) -> Sem | None:
    off, base = _det(m["det"])
    unit_w = m["u"]
    ul = unit_w.lower()
    if m.group("t").endswith(("Wochen", "Monaten", "Monate", "Jahren", "Jahre")) and " und " in m.group("t"):
        unit_w = m.group("t").rsplit(None, 1)[1]  # "Tagen und Wochen": the larger unit
        ul = unit_w.lower()
    mod = _mod(m["mod"])
    pod = _pod_code(unit_w) if ul.startswith(("morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht")) else None
    if pod:
        s = Sem(type="TIME", rel_unit="day", rel_offset=off, rel_base=base if base != "ctx" else "ref", pod=pod)
        return s
    plural = ul in ("tage", "tagen", "wochen", "monate", "monaten", "jahre", "jahren", "jahrzehnte", "jahrzehnten", "stunden", "minuten")
    if plural:
        letter = duration_value("x", unit_w)  # PX?
        s = Sem(type="DURATION", value=letter)
        s.news_value = "FUTURE_REF" if off > 0 else "PAST_REF" if off < 0 else None
        if s.news_value is not None:
            s.news_type = "DATE"
        return s
    unit = "weekend" if ul.startswith("wochenend") else rel_unit(unit_w)
    if unit is None:
        return None
    if unit == "weekend":
        s = Sem(weekday=6, direction=off if off else None, mod=mod, rel_base=base)
        s.weekend = True
        return s
    return Sem(rel_unit=unit, rel_offset=off, rel_base=base, mod=mod)


_COMPOUND = {
    "vortag": ("day", -1, "ctx"), "vorwoche": ("week", -1, "ctx"), "vormonat": ("month", -1, "ctx"),
    "vorjahr": ("year", -1, "ctx"), "folgetag": ("day", 1, "ref"), "folgewoche": ("week", 1, "ref"),
    "folgemonat": ("month", 1, "ref"), "folgejahr": ("year", 1, "ref"),
    "jahresende": ("year", 0, "ctx"), "jahresbeginn": ("year", 0, "ctx"), "jahresanfang": ("year", 0, "ctx"),
    "jahreswechsel": ("year", 0, "ctx"), "jahresmitte": ("year", 0, "ctx"), "monatsende": ("month", 0, "ctx"),
    "monatsanfang": ("month", 0, "ctx"), "monatsbeginn": ("month", 0, "ctx"), "monatsmitte": ("month", 0, "ctx"),
    "wochenbeginn": ("week", 0, "ctx"), "wochenmitte": ("week", 0, "ctx"), "wochenanfang": ("week", 0, "ctx"),
}


def h_compound(m: re.Match[str]) -> Sem | None:
    w = m["w"].lower()
    if w.endswith("jahren"):
        return Sem(type="DURATION", value="PXY")
    key = next((k for k in _COMPOUND if w.startswith(k)), None)
    if key is None:
        return None
    unit, off, base = _COMPOUND[key]
    mod = "END" if "ende" in key else "START" if ("beginn" in key or "anfang" in key) else "MID" if "mitte" in key else None
    return Sem(rel_unit=unit, rel_offset=off, rel_base=base, mod=mod)


def h_weekend(m: re.Match[str]) -> Sem:
    s = Sem(weekday=6)
    s.weekend = True
    return s


def h_of_period(m: re.Match[str]) -> Sem | None:
    """'Ende des Jahres', 'Anfang nächster Woche', 'Mitte des Monats'."""
    unit = rel_unit(m["u"])
    if unit is None:
        return None
    det = m["det"]
    off, base = _det(det) if det else (0, "ref")
    if det and det.lower().startswith(("des", "der")):
        off, base = 0, "ref"
    mod = _mod(m["mod"])
    y = match_year(m)
    if y is not None and unit == "year":
        return Sem(year=y, mod=mod)
    return Sem(rel_unit=unit, rel_offset=off, rel_base=base, mod=mod)


def _signed_n(m: re.Match[str]) -> float:
    return number_value(m["n"]) if m["n"] else -1


def h_ago_in(m: re.Match[str]) -> Sem | None:
    pre = m["pre"].lower()
    n = _signed_n(m)
    unit = rel_unit(m["u"])
    if unit is None or unit in ("decade", "century") and n < 0:
        return None
    code = m["u"].lower()
    if pre == "nach" or pre == "binnen":
        if pre == "nach" and n > 0 and n == int(n) and not code.startswith(("stunde", "minute", "sekunde")):
            # "wurde nach zwei Tagen gestoppt": the day two days after the last date
            return Sem(rel_unit=unit, rel_offset=int(n), rel_base="ref")
        return Sem(type="DURATION", value=duration_value(m["n"], m["u"]), mod=_mod(m["q"]))
    if code.startswith(("stunde", "minute", "sekunde")):
        if pre == "vor":
            return Sem(value="PAST_REF") if n < 0 else Sem(type="DURATION", value=duration_value(m["n"], m["u"]))
        s = Sem(type="DURATION", value=duration_value(m["n"], m["u"]))
        return s
    sign = -1 if pre == "vor" else 1
    if n < 0 or n != int(n):
        return Sem(rel_vague=sign)
    s = Sem(rel_unit=unit, rel_offset=sign * int(n), rel_base="ctx", mod=_mod(m["q"]))
    if pre == "in":
        s.in_future = True  # DATE if future tense, else DURATION
        s.dur_value = duration_value(m["n"], m["u"])
    return s


def h_later(m: re.Match[str]) -> Sem | None:
    n = _signed_n(m)
    direction = m["dir"].lower()
    sign = -1 if direction in ("zuvor", "vorher", "früher", "davor") else 1
    unit = rel_unit(m["u"])
    if unit is None:
        return None
    if n < 0 or n != int(n) or unit in ("decade", "century"):
        if unit == "year" and sign < 0:
            return Sem(type="DURATION", value="PXY")
        return Sem(value="FUTURE_REF" if sign > 0 else "PAST_REF")
    if m["u"].lower().startswith(("stunde", "minute")):
        return Sem(type="DURATION", value=duration_value(m["n"], m["u"]))
    return Sem(rel_unit=unit, rel_offset=sign * int(n), rel_base="ref")


def h_duration(m: re.Match[str]) -> Sem | None:
    n = m["n"]
    unit = m["u"]
    if n and n[0].isdigit() and len(n) == 4 and unit.lower().startswith("jahr"):
        return None  # "1939 Jahre" is never a duration; usually "im Jahr 1939" mis-split
    frac = 0.5 if m["half"] else None
    s = Sem(type="DURATION", value=duration_value(n, unit, frac), mod=_mod(m["q"]))
    return s


def h_half_unit(m: re.Match[str]) -> Sem:
    if m["later"] and m["u"] in ("Jahr", "Monat"):
        return Sem(rel_unit="month", rel_offset=6 if m["u"] == "Jahr" else 0, rel_base="ref")
    if m["u"] == "Jahrhundert":
        return Sem(type="DURATION", value="P5DE", mod=_mod(m["q"]))
    return Sem(type="DURATION", value=duration_value("halb", m["u"]), mod=_mod(m["q"]))


def h_adj_duration(m: re.Match[str]) -> Sem | None:
    n = m["n"].rstrip("-").lower()
    unit = {"tägig": "Tag", "wöchig": "Woche", "monatig": "Monat", "jährig": "Jahr", "stündig": "Stunde", "minütig": "Minute"}[m["u"].lower()]
    if n in ("ein", "eins"):
        n = "1"
    return Sem(type="DURATION", value=duration_value(n, unit))


def h_dash_duration(m: re.Match[str]) -> Sem:
    return Sem(type="DURATION", value=duration_value(m["n"], m["u"]))


_LANG = {"tagelang": "PXD", "wochenlang": "PXW", "monatelang": "PXM", "jahrelang": "PXY", "jahrzehntelang": "PXDE", "stundenlang": "PTXH", "minutenlang": "PTXM", "nächtelang": "PXD", "jahrhundertelang": "PXCE", "mehrjährig": "PXY", "ganzjährig": "P1Y"}


def h_lang(m: re.Match[str]) -> Sem:
    w = m["w"].lower()
    return Sem(type="DURATION", value=next(v for k, v in _LANG.items() if w.startswith(k)))


def h_time(m: re.Match[str]) -> Sem | None:
    h = int(m["h"])
    mi = int(m["mi"] or m["mi2"] or 0)
    if h > 24:
        return None
    pod = (m["podw"] or "").lower()
    if pod in ("abends", "nachts", "nachmittags") and h < 12:
        h += 12 if not (pod == "nachts" and h < 5) else 0
    s = Sem(type="TIME", hour=h, minute=mi, mod=_mod(m["q"]))
    tz = m["tz"]
    if tz:
        tl = tz.lower()
        s.tz = "+02" if ("sommer" in tl or tz == "MESZ") else "+01" if ("mitteleurop" in tl or tz == "MEZ") else "+03" if "moskau" in tl else "Z" if tz in ("UTC", "GMT") else None
    return s


def h_clock(m: re.Match[str]) -> Sem | None:
    text = m.string
    # "2:1" results and "1:50 000" scales are not clock times.
    if re.search(r"(?:Sieg|Niederlage|Ergebnis|Stand|Maßstab|Verhältnis)\W*$", text[max(0, m.start() - 20):m.start()]):
        return None
    return Sem(type="TIME", hour=int(m["h"]), minute=int(m["mi"]))


def h_midnight(m: re.Match[str]) -> Sem:
    return Sem(type="TIME", hour=24, minute=0)


def h_pod(m: re.Match[str]) -> Sem | None:
    if not m["pre"]:
        return None
    pod = _pod_code(m["p"])
    if pod is None:
        return None
    return Sem(type="TIME", pod=pod)


def h_pod_adv(m: re.Match[str]) -> Sem:
    return Sem(type="TIME", pod=_pod_code(m["w"][:-1]))


def h_pod_of_day(m: re.Match[str]) -> Sem:
    off, base = _det(m["det"])
    if m["det"].lower().startswith(("dies", "des ")):
        off, base = 0, "ref"
    return Sem(type="TIME", rel_unit="day", rel_offset=off, rel_base="ref" if base == "ctx" else base, pod=_pod_code(m["p"]))


def h_weekday(m: re.Match[str]) -> Sem:
    s = Sem(weekday=DE_WEEKDAYS[m["wd"].lower()])
    det = (m["det"] or "").lower()
    if det:
        s.direction = 1 if det.startswith(("kommend", "nächst")) else -1 if det.startswith(("vergangen", "letzt", "vorig")) else 0
    pod = _pod_code(m["pod"]) or _pod_code(m["pod2"])
    if pod:
        s.pod, s.type = pod, "TIME"
    if m["rel"]:
        off, _ = _det(m["rel"].split()[0])
        s.rel_unit, s.rel_offset, s.rel_base = "week", off, "dct"
    return s


def h_weekday_set(m: re.Match[str]) -> Sem:
    wd = DE_WEEKDAYS[m["wd"].lower()]
    pod = _pod_code(m["pod"])
    return Sem(type="SET", value=f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""))


_SET_UNIT = {"D": "P1D", "W": "P1W", "M": "P1M", "Y": "P1Y", "TH": "PT1H", "TM": "PT1M", "WE": "XXXX-WXX-WE", "Q": "P3M"}


def h_set_every(m: re.Match[str]) -> Sem | None:
    u = m["u"]
    ul = u.lower()
    if ul in DE_WEEKDAYS:
        return Sem(type="SET", value=f"XXXX-WXX-{DE_WEEKDAYS[ul]}")
    pod = _pod_code(u) if ul in ("morgen", "abend", "nacht", "vormittag", "nachmittag", "mittag") else None
    if pod:
        return Sem(type="SET", value=f"XXXX-XX-XXT{pod}")
    if ul.startswith("wochenend"):
        return Sem(type="SET", value="XXXX-WXX-WE")
    if m["n"]:
        return Sem(type="SET", value=duration_value(m["n"], u))
    from .lexicon import unit_code

    code = unit_code(u)
    return Sem(type="SET", value=_SET_UNIT.get(code or "D", "P1D"))


_ADV_SET = {"täglich": "P1D", "tagtäglich": "P1D", "wöchentlich": "P1W", "monatlich": "P1M", "jährlich": "P1Y", "alljährlich": "P1Y", "stündlich": "PT1H", "allabendlich": "XXXX-XX-XXTEV", "allmorgendlich": "XXXX-XX-XXTMO", "vierteljährlich": "P3M", "halbjährlich": "P6M", "werktags": "XXXX-WXX-WD", "wochentags": "XXXX-WXX-WD"}


def h_adv_set(m: re.Match[str]) -> Sem:
    return Sem(type="SET", value=_ADV_SET[m["w"].lower()])


def h_times_per(m: re.Match[str]) -> Sem | None:
    from .lexicon import unit_code

    code = unit_code(m["u"]) or "D"
    return Sem(type="SET", value=_SET_UNIT.get(code, "P1D"))


def h_half_year(m: re.Match[str]) -> Sem:
    w = (m["o"] or "").lower()
    h = 2 if w.startswith(("2", "zweite")) else 1
    s = Sem(half=h, year=match_year(m))
    if s.year is None:
        s.needs_tense = True
    return s


def h_quarter(m: re.Match[str]) -> Sem:
    o = m["o"].lower()
    q = {"1": 1, "ersten": 1, "erste": 1, "2": 2, "zweiten": 2, "zweite": 2, "3": 3, "dritten": 3, "dritte": 3, "4": 4, "vierten": 4, "vierte": 4, "letzten": 4, "letzte": 4}.get(o.rstrip("."), 1)
    s = Sem(quarter=q, year=match_year(m))
    if s.year is None:
        s.needs_tense = True
    return s


_HOLIDAYS = {"weihnachtstag": (12, 25), "weihnachten": (12, 25), "heiligabend": (12, 24), "heiligen abend": (12, 24), "silvester": (12, 31), "neujahr": (1, 1), "tag der deutschen einheit": (10, 3), "maifeiertag": (5, 1)}


def h_holiday(m: re.Match[str]) -> Sem:
    w = re.sub(r"\s+", " ", m["w"].lower())
    key = next(k for k in _HOLIDAYS if w.startswith(k))
    mo, d = _HOLIDAYS[key]
    if key == "weihnachtstag" and m.group("t").lower().startswith("zweiten"):
        d = 26
    return Sem(month=mo, day=d, year=match_year(m), needs_tense=True)


# --- the rule list -------------------------------------------------------------------

TIME_SUFFIX = (
    r"(?:,?\s+(?P<h>[01]?\d|2[0-4])(?:[:.](?P<mi>[0-5]\d))?\s*Uhr"
    r"(?:\s+(?P<tz>mitteleuropäischer\s+(?:Sommer)?[Zz]eit|MEZ|MESZ))?)?"
    r"(?:\s+(?P<poda>morgens|abends|nachts|früh))?"
)
PREP_MONTH = (
    r"(?:[Ii]m|[Ss]eit|[Bb]is|[Aa]b|zum|[Vv]om|[Vv]on|[Ii]n den Monaten|Monate?n?s?|und|oder|bzw\.|"
    r"sowie|[Zz]wischen|[Ff]ür|[Nn]ach|[Vv]or|[Ee]rst|[Ss]chon|[Bb]ereits|[Nn]och|[Ss]pätestens|"
    r"[Ff]rühestens|[Bb]is zum|des|[Dd]en|[Dd]er|[Dd]ieses|[Dd]iesen|[Vv]ergangenen|[Ll]etzten|"
    r"[Kk]ommenden|[Nn]ächsten|\(|/|–|-)"
)

RULES: list[Rule] = [
    rule(
        "date_dmy",
        rf"(?P<t>(?:(?P<podw>(?:gegen\s+)?(?:(?:frühen|späten)\s+)?{POD_WORD})\s+(?:des|vom)\s+)?"
        rf"(?:(?P<wd>{DE_WEEKDAY}),?\s+(?:(?:den|dem)\s+)?)?"
        rf"{B}(?P<d>{DAY})\.\s?(?P<mon>{DE_MONTH})(?:,?\s+{YEAR}|\s+(?P<yrel>{YREL}))?(?!\d){TIME_SUFFIX})",
        h_date_dmy, 10,
    ),
    rule("date_num", rf"(?P<t>{B}(?P<d>{DAY})\.\s?(?P<m>1[0-2]|0?[1-9])\.\s?(?P<y>1\d{{3}}|20\d{{2}}|\d{{2}})?)(?![\d.]\d)", h_date_num, 9),
    rule("date_slash", rf"(?P<t>{B}(?P<d>{DAY})/(?P<m>1[0-2]|0?[1-9])/(?P<y>1\d{{3}}|20\d{{2}}))(?!\d)", h_date_num, 9),
    rule("date_iso", rf"(?P<t>{B}(?P<y>1\d{{3}}|20\d{{2}})-(?P<m>1[0-2]|0[1-9])-(?P<d>{DAY}))(?![\d-])", h_date_iso, 9),
    rule(
        "day_range",
        rf"(?P<t1>(?P<night>Nacht\s+vom\s+)?{B}(?P<d1>{DAY})\.)\s*(?:bis|und|auf|–|-|/|zum)\s*(?:(?:zum|zu|den|dem)\s+)?"
        rf"(?P<t2>(?P<d2>{DAY})\.\s?(?P<mon>{DE_MONTH})(?:\s+{YEAR})?)(?!\d)",
        h_day_range, 11,
    ),
    rule(
        "dm_range",
        rf"(?P<t1>{B}(?P<d1>{DAY})\.\s?(?P<m1>{DE_MONTH}))\s*(?:bis|–|-|und)\s*(?:(?:zum|den)\s+)?(?P<t2>(?P<d2>{DAY})\.\s?(?P<mon>{DE_MONTH})\s+{YEAR})(?!\d)",
        lambda m: Multi([Part(m.start("t1"), m.end("t1"), Sem(day=int(m["d1"]), month=month_of(m["m1"]), year=match_year(m))), Part(m.start("t2"), m.end("t2"), Sem(day=int(m["d2"]), month=month_of(m["mon"]), year=match_year(m)))]), 12,
    ),
    rule(
        "month_range",
        rf"(?P<t1>(?:(?P<mod1>{MOD})\s+)?(?P<m1>{DE_MONTH_FULL}))\s*(?:bis|und|/|–|-|oder)\s*(?:(?:zum|Ende|Anfang)\s+)?"
        rf"(?P<t2>(?:(?P<mod>{MOD})\s+)?(?P<mon>{DE_MONTH_FULL})\s+{YEAR})",
        h_month_range, 8,
    ),
    rule(
        "month_year",
        rf"(?P<t>(?:(?P<mod>{MOD})\s+)?(?P<mon>{DE_MONTH}|Augustmonate?s?)\s+(?:{YEAR}|(?P<yrel>{YREL})))(?!\d)",
        h_month_year, 7,
    ),
    rule(
        "month_bare",
        rf"(?:(?P<pre>{PREP_MONTH})\s*)?(?P<t>(?:(?P<mod>{MOD})\s+)?(?P<mon>{DE_MONTH_FULL}))(?![\w-]|\s+\d)",
        h_month_bare, 2,
    ),
    rule(
        "year",
        rf"(?P<t>(?:(?P<mod>Anfang|Mitte|Ende|Beginn|Frühjahr|Herbst)\s+|(?P<approx>[Uu]m|[Ee]twa|[Cc]a\.|[Gg]egen)\s+(?:(?P<cue2>das\s+Jahr)\s+)?"
        rf"|(?P<cue>Jahre?s?)\s+)?{B}{YEAR})(?![\d.,]\d|[\w-])",
        h_year, 5,
    ),
    rule(
        "year_range",
        rf"(?P<t1>(?:(?P<approx>[Uu]m|[Ee]twa|[Cc]a\.)\s+)?(?:(?P<cue>Jahre?s?)\s+)?{B}(?P<y1>\d{{3,4}}))\s*(?:/|–|-|bis)\s*(?P<t2>(?P<y2>\d{{2,4}})(?P<era>{ERA})?)(?![\d.,]\d|[\w-])",
        lambda m: h_year_range(m), 7,
    ),
    rule(
        "century",
        rf"(?P<t>(?:(?P<mod>Anfang|Mitte|Ende|Beginn|Laufe|Verlauf|[Ee]rsten\s+Hälfte|[Zz]weiten\s+Hälfte|[Ee]rste\s+Hälfte|[Zz]weite\s+Hälfte)\s+(?:des|der)\s+)?"
        rf"(?P<n>\d{{1,2}})\.\s*(?:Jahrhunderts?|Jh\.?)(?P<era>{ERA})?)",
        h_century, 8,
    ),
    rule(
        "decade",
        rf"(?P<t>(?:(?P<mod>Anfang|Mitte|Ende)\s+)?(?:(?:der|den|die)\s+)?{B}(?P<dec>\d{{2,4}})er(?:-|\s)?Jahren?(?P<era>{ERA})?)",
        h_decade, 8,
    ),
    rule(
        "season",
        rf"(?:(?P<pre>[Ii]m|[Ss]eit|[Bb]is|[Aa]b|zum|[Vv]om|des|[Dd]en|[Dd]er|[Ii]n|über den|während des|[Ff]ür den|vor dem|nach dem|und|oder|bzw\.)\s+)?"
        rf"(?P<t>(?:(?P<mod>{MOD})\s+(?:des\s+)?)?(?:(?P<det>diese[nmsr]?|nächste[nmsr]?|kommende[nmsr]?|vergangene[nmsr]?|letzte[nmsr]?|vorige[nmsr]?)\s+)?"
        rf"(?:(?P<adj>frühen|späten)\s+)?(?P<s>\b(?:Früh|Spät)?(?:Frühjahr|Frühling|Sommer|Herbst|Winter|sommer|herbst|winter)(?:e?s)?)"
        rf"(?:\s+(?:des\s+Jahres\s+)?{YEAR}|\s+(?P<yrel>des\s+(?:nächsten|folgenden|kommenden|vergangenen|letzten|selben|gleichen)\s+Jahres|des\s+Vorjahres))?)(?![\w-])",
        h_season, 6,
    ),
    rule(
        "deictic_day",
        r"(?P<t>\b(?P<w>[Hh]eute|[Gg]estern|[Vv]orgestern|morgen|(?:(?<=^)|(?<=[.!?:]\s)|(?<=\n)|(?<=„))Morgen(?=\s+[a-zäöü])(?!\s+(?:des|der|dieses|darauf|danach|früh)\b)|[Üü]bermorgen)(?:\s+(?P<p>früh|[Mm]orgen|[Vv]ormittag|[Mm]ittag|[Nn]achmittag|[Aa]bend|[Nn]acht))?)\b(?!-)",
        h_deictic_day, 6,
    ),
    rule(
        "ref_word",
        r"\b(?P<t>(?P<w>[Jj]etzt|[Dd]erzeit|[Zz]urzeit|[Zz]ur Zeit|[Gg]egenwärtig|[Mm]omentan|[Ii]m Moment|[Hh]eutzutage|[Kk]ürzlich|[Jj]üngst|[Uu]nlängst|[Nn]eulich|[Vv]or kurzem|[Vv]or kurzer Zeit|[Kk]urz zuvor|[Bb]ald|[Dd]emnächst|[Ii]n Zukunft|[Ii]n Kürze|[Bb]innen kurzem|[Ii]n Bälde|[Kk]urz darauf|[Kk]urz danach|[Ww]enig später|[Kk]urze Zeit später|[Bb]ald darauf|Folgezeit|so bald wie möglich|so schnell wie möglich|[Ee]inst))\b",
        h_ref_word, 4,
    ),
    rule("heutig", r"\b(?P<t>[Hh]eutige[nmrs]?\s+(?:Tage?s?|Zeit|Sicht))\b", h_heutig, 4),
    rule(
        "this_time",
        r"\b(?:[Zz]u|[Ii]n|[Vv]on|[Bb]is zu)\s+(?P<t>(?:diesem|jenem|dem)\s+Zeitpunkt|(?:dieser|jener)\s+Zeit|diesen\s+Zeitraum)\b|(?P<t2>[Aa]b\s+diesem\s+Zeitpunkt)\b",
        lambda m: Sem(value="PRESENT_REF"), 4,
    ),
    rule(
        "det_unit",
        rf"(?P<t>(?:(?P<mod>{MOD})\s+)?(?:(?P<am>[Aa]m|[Ii]m|[Aa]n)\s+(?=selb|gleich|diese))?"
        r"(?P<det>[Dd]iese[rsmn]?|[Nn]ächste[rsmn]?|[Kk]ommende[rsmn]?|[Vv]ergangene[rsmn]?|[Ll]etzte[rsmn]?|[Vv]orige[rsmn]?|[Vv]orherige[rsmn]?|[Ff]olgende[rsmn]?|[Dd]arauffolgende[rsmn]?|darauf folgende[rsmn]?|[Nn]achfolgende[rsmn]?|[Vv]orangegangene[rsmn]?|[Vv]orausgegangene[rsmn]?|(?<=das\s)ganze|selbe[rsmn]?|gleiche[rsmn]?|[Dd]esselben|[Dd]esgleichen|[Ll]aufende[rsmn]?)\s+"
        r"(?P<u>Tag(?:es)?|Woche|Wochenende[ns]?|Monat(?:s|es)?|Jahr(?:es|s)?|Quartal(?:s|es)?|Jahrzehnt(?:s|es)?|Jahrhundert(?:s|es)?|Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht|Tage|Tagen|Wochen|Monate|Monaten|Jahre|Jahren|Jahrzehnte|Jahrzehnten)(?:\s+und\s+(?:Wochen|Monaten?|Jahren?))?)(?![\w-])",
        h_det_unit, 6,
    ),
    rule(
        "of_period",
        rf"(?P<t>(?P<mod>{MOD}|[Ll]aufe|[Vv]erlauf)\s+(?P<det>des|der|dieses|dieser|nächsten|nächster|kommenden|kommender|vergangenen|vergangener|letzten|letzter|folgenden|folgender|selben|des\s+vorangegangenen|des\s+folgenden|des\s+vergangenen)\s+"
        rf"(?P<u>Jahres|Monats|Woche|Quartals|Jahrzehnts|Tages)(?:\s+{YEAR})?)(?![\w-])",
        h_of_period, 7,
    ),
    rule(
        "compound",
        rf"(?P<t>\b(?P<w>Vortag(?:es|s)?|Vorwoche|Vormonat(?:s|es)?|Vorjahr(?:es|s)?|Vorjahren|Folgetag(?:es|s)?|Folgewoche|Folgemonat(?:s|es)?|Folgejahr(?:es|s)?|Folgejahren|Jahresende|Jahresbeginn(?:s)?|Jahresanfang(?:s)?|Jahreswechsel(?:s)?|Jahresmitte|Monatsende(?:s)?|Monatsanfang(?:s)?|Monatsbeginn(?:s)?|Monatsmitte|Wochenbeginn|Wochenmitte|Wochenanfang)(?:\s+{YEAR})?)(?![\w-])",
        h_compound, 5,
    ),
    rule("weekend", r"(?:\b(?:[Aa]m|[Üü]bers|[Üü]ber das|[Dd]as|[Dd]em)\s+)(?P<t>Wochenende)\b", h_weekend, 3),
    rule(
        "ago_in",
        rf"(?P<t>(?:(?P<q0>{QUANT})\s+)?\b(?P<pre>[Vv]or|[Ii]n|[Nn]ach|[Bb]innen)\s+(?:(?P<q>{QUANT})\s+)?(?:(?:gut|knapp)\s+)?(?P<n>{DE_NUM})\s+(?P<u>{DE_UNIT}))(?![\w-])",
        h_ago_in, 7,
    ),
    rule(
        "later",
        rf"(?P<t>(?:(?P<q>{QUANT})\s+)?(?:(?P<n>{DE_NUM})\s+)?\b(?P<u>{DE_UNIT})\s+(?P<dir>später|danach|darauf|zuvor|vorher|früher|davor|nachher))\b",
        h_later, 8,
    ),
    rule(
        "duration",
        rf"(?P<t>(?:(?P<q>{QUANT})\s+)?(?:(?:diese[n]?|ersten|letzten|vergangenen|nächsten|kommenden|folgenden|ganze[n]?|volle[n]?|weitere[n]?)\s+)?"
        rf"(?<![\w.,])(?P<n>{DE_NUM})\s+(?P<half>und\s+eine[n]?\s+halbe[n]?\s+)?(?:(?:ganze[n]?|volle[n]?|weitere[n]?|lange[n]?|aufeinanderfolgende[n]?|folgende[n]?|nächste[n]?|letzte[n]?|vergangene[n]?|kommende[n]?|darauffolgende[n]?)\s+)?(?P<u>{DE_UNIT}))(?![\w-])",
        h_duration, 3,
    ),
    rule(
        "vague_plural",
        r"\b(?P<pre>[Üü]ber|[Ss]eit|[Ff]ür|[Nn]ach|[Vv]or|[Ii]n|[Bb]innen|[Ii]nnerhalb)\s+(?P<t>(?P<u>Tagen?|Wochen|Monaten?|Jahren?|Jahrzehnten?|Stunden))(?![\w-])(?!\s+(?:später|danach|zuvor|vorher|nach|vor|des|der)\b)",
        lambda m: Sem(value="PAST_REF") if m["pre"].lower() == "vor" else Sem(type="DURATION", value=duration_value("x", m["u"])), 2,
    ),
    rule("half_unit", r"(?P<t>\b(?:(?P<q>[Mm]ehr als|[Ff]ast|[Ee]twa)\s+)?(?:[Ee]ine[nrs]?\s+|[Ee]in\s+)?halbe[ns]?\s+(?P<u>Stunde|Jahr|Tag|Monat|Jahrhundert)(?P<later>\s+später|\s+danach)?)\b", h_half_unit, 4),
    rule(
        "adj_duration",
        rf"(?P<t>(?<![\w])(?P<n>(?i:{DE_NUM_PREFIX}))(?P<u>tägig|wöchig|monatig|jährig|stündig|minütig)(?:e[nmrs]?)?)\b(?!-)",
        h_adj_duration, 3,
    ),
    rule(
        "dash_duration",
        r"(?P<t>(?<![\w-])(?P<n>\d+|[A-ZÄÖÜ]?[a-zäöüß]+)-(?P<u>Tage|Wochen|Monate|Jahre|Stunden|Minuten))(?=-)",
        lambda m: h_dash_duration(m) if m["n"].lower() in DE_NUMBERS or m["n"].isdigit() else None,
        3,
    ),
    rule("lang", r"(?P<t>\b(?P<w>tagelang|wochenlang|monatelang|jahrelang|jahrzehntelang|stundenlang|minutenlang|nächtelang|jahrhundertelang|mehrjährig|ganzjährig)(?:e[nmrs]?)?)\b", h_lang, 3, re.IGNORECASE),
    rule(
        "time",
        rf"(?P<t>(?:(?P<q>knapp|kurz vor|kurz nach|etwa|ca\.|circa|gegen)\s+)?{B}(?P<h>[01]?\d|2[0-4])(?:[:.](?P<mi>[0-5]\d))?\s*Uhr"
        r"(?:\s+(?P<mi2>[0-5]\d)(?!\s*(?:Minuten|Sekunden))(?![\w,.]))?(?:\s+(?P<podw>früh|morgens|abends|nachts|nachmittags|vormittags))?"
        r"(?:\s+(?P<tz>mitteleuropäischer\s+(?:Sommer)?[Zz]eit|MEZ|MESZ|Ortszeit|UTC|GMT|Moskauer\s+Zeit|deutscher\s+Zeit))?)(?![\w])",
        h_time, 6,
    ),
    rule("clock", rf"(?P<t>{B}(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d))(?![\d:])", h_clock, 5),
    rule("midnight", r"(?P<t>\b[Mm]itternacht)\b", h_midnight, 4),
    rule(
        "pod_of_day",
        rf"(?P<t>(?:(?:frühen|späten)\s+)?(?P<p>{POD_WORD})\s+(?P<det>desselben|des selben|des gleichen|dieses|des folgenden|des nächsten|des darauffolgenden|des Vortages)\s+Tages)\b",
        h_pod_of_day, 7,
    ),
    rule(
        "pod_after",
        rf"(?P<t>(?:[Aa]m\s+|[Ii]n\s+der\s+)?(?P<p>{POD_WORD})\s+(?:darauf|danach))\b",
        lambda m: Sem(type="TIME", rel_unit="day", rel_offset=1, rel_base="ref", pod=_pod_code(m["p"])), 6,
    ),
    rule(
        "holiday",
        rf"(?P<t>(?:(?:[Ee]rsten|[Zz]weiten)\s+)?(?P<w>Weihnachtstag(?:es|s)?|Weihnachten|Heiligabend|Heiligen\s+Abend|Silvester|Neujahrstag(?:es|s)?|Neujahr(?:s)?|Tag\s+der\s+Deutschen\s+Einheit|Maifeiertag)(?:\s+{YEAR})?)(?![\w-])",
        lambda m: h_holiday(m), 6,
    ),
    rule(
        "pod",
        rf"(?:\b(?P<pre>[Aa]m|[Ii]n der|[Gg]egen|[Dd]es|[Ii]n den|[Üü]ber die|[Ii]n die|[Üü]ber)\s+)(?P<t>(?:(?:frühen|späten)\s+)?(?P<p>{POD_WORD}))(?![\w-])",
        h_pod, 2,
    ),
    rule("pod_adv", r"(?P<t>\b(?P<w>nachts|abends|morgens|vormittags|nachmittags|mittags))\b", h_pod_adv, 1),
    rule(
        "weekday",
        rf"(?P<t>(?:(?P<det>[Vv]ergangene[nmr]?|[Ll]etzte[nmr]?|[Vv]orige[nmr]?|[Kk]ommende[nmr]?|[Nn]ächste[nmr]?|[Dd]iese[nmr]?)\s+)?"
        rf"\b(?P<wd>{DE_WEEKDAY})(?P<pod>morgen|vormittag|mittag|nachmittag|abend|nacht)?"
        r"(?:\s+(?P<pod2>früh|[Mm]orgen|[Vv]ormittag|[Mm]ittag|[Nn]achmittag|[Aa]bend|[Nn]acht)(?![\w-]))?"
        r"(?:\s+(?P<rel>nächster Woche|kommender Woche|vergangener Woche|letzter Woche|dieser Woche))?)(?![\w-])",
        h_weekday, 5,
    ),
    rule(
        "weekday_set",
        r"(?<!\bdes\s)(?P<t>\b(?P<wd>[Mm]ontag|[Dd]ienstag|[Mm]ittwoch|[Dd]onnerstag|[Ff]reitag|[Ss]amstag|[Ss]onnabend|[Ss]onntag)(?P<pod>morgen|vormittag|mittag|nachmittag|abend)?s)\b",
        h_weekday_set, 4,
    ),
    rule(
        "set_every",
        rf"(?P<t>\b(?:[Jj]ede[nmrs]?|[Aa]lle)\s+(?:(?P<n>{DE_NUM})\s+)?(?P<u>Tag|Woche|Wochenende|Monat|Jahr|Stunde|Minute|Morgen|Abend|Nacht|Vormittag|Nachmittag|Mittag|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Tage|Wochen|Monate|Jahre|Stunden|Minuten|Quartal))\b",
        h_set_every, 6,
    ),
    rule("adv_set", r"(?P<t>\b(?P<w>täglich|tagtäglich|wöchentlich|monatlich|jährlich|alljährlich|stündlich|allabendlich|allmorgendlich|vierteljährlich|halbjährlich|werktags|wochentags))\b", h_adv_set, 4, re.IGNORECASE),
    rule(
        "times_per",
        r"(?P<t>\b(?:ein|zwei|drei|vier|fünf|mehr|\d+)mal\s+(?:pro|im|in der|am|je|jede[nmrs]?)\s+(?P<u>Tag|Woche|Monat|Jahr|Stunde))\b",
        h_times_per, 6,
    ),
    rule(
        "half_year",
        rf"(?P<t>(?:(?:im|in der|der|die|das|des)\s+)?(?P<o>1\.|2\.|ersten|zweiten|erste|zweite)\s+(?:Halbjahr(?:es|s)?|Jahreshälfte)(?:\s+{YEAR})?)",
        h_half_year, 6,
    ),
    rule(
        "quarter",
        rf"(?P<t>(?P<o>1\.|2\.|3\.|4\.|ersten|zweiten|dritten|vierten|letzten|erste|zweite|dritte|vierte|letzte)\s+Quartal(?:s|es)?(?:\s+{YEAR})?)",
        h_quarter, 6,
    ),
]

# Quick pre-check: a text with none of these characters/words has no German timex.
PREFILTER = re.compile(
    r"\d|jahr|tag|mittwoch|woche|wöchig|monat|stunde|minute|sekunde|heut|gestern|morgen|abend|nacht|mittag|"
    r"jetzt|zeit|bald|kürz|kurz|jüngst|unlängst|neulich|einst|zukunft|später|gegenwärtig|momentan|"
    r"moment|demnächst|winter|sommer|herbst|frühjahr|frühling|täglich|tägig|lich\b|weihnacht|"
    r"silvester|neujahr|heilig|einheit|maifeiertag|quartal|halbjahr|jahrhundert|jh\.|"
    + "|".join(("januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember")),
    re.IGNORECASE,
)

# Speed: cheap trigger words for the rules whose patterns start with optional parts
# (see ``rules.matches``). (trigger, chars before, chars after)
_MONTH_TRIGGER = rf"{DE_MONTH_FULL}|{DE_MONTH_ABBR}|Augustmonat"
_UNIT_TRIGGER = r"Sekunde|Minute|Stunde|Tag|Nacht|Nächt|Woche|Monat|Jahr|Quartal"
_TRIGGERS: dict[str, tuple[str, int, int]] = {
    "later": (r"\b(?:später|danach|darauf|zuvor|vorher|früher|davor|nachher)\b", 70, 5),
    "month_bare": (DE_MONTH_FULL, 40, 12),
    "month_year": (_MONTH_TRIGGER, 40, 60),
    "month_range": (DE_MONTH_FULL, 60, 60),
    "date_dmy": (_MONTH_TRIGGER, 70, 80),
    "day_range": (_MONTH_TRIGGER, 60, 40),
    "dm_range": (_MONTH_TRIGGER, 40, 60),
    "year_range": (r"(?<!\d)\d{3,4}\s*(?:/|–|-|bis)", 30, 40),
    "this_time": (r"Zeitpunkt|Zeit\b|Zeitraum", 30, 5),
    "season": (r"(?i:frühjahr|frühling|sommer|herbst|winter)", 70, 50),
    # the unit word, not the determiner: "diese/letzte/folgende" are far more frequent
    "det_unit": (r"\b(?:Tag|Tages|Tage|Tagen|Woche|Wochen|Wochenende[ns]?|Monat|Monats|Monates|Monate|Monaten|Jahr|Jahres|Jahrs|Jahre|Jahren|Quartal|Quartals|Quartales|Jahrzehnt|Jahrzehnts|Jahrzehntes|Jahrzehnte|Jahrzehnten|Jahrhundert|Jahrhunderts|Jahrhundertes|Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht)\b", 90, 40),
    "year": (r"(?<!\d)\d{1,4}(?!\d)", 30, 30),
    "duration": (_UNIT_TRIGGER, 90, 20),
    "ago_in": (_UNIT_TRIGGER, 70, 20),
    "decade": (r"\der", 30, 30),
    "century": (r"Jahrhundert|Jh\.", 60, 30),
    "of_period": (r"Jahres|Monats|Woche|Quartals|Jahrzehnts|Tages", 50, 40),
    "time": (r"Uhr", 40, 60),
    "half_year": (r"Halbjahr|Jahreshälfte", 30, 30),
    "quarter": (r"Quartal", 30, 30),
    "pod_of_day": (r"Tages", 60, 5),
    "pod": (POD_WORD, 30, 5),
    "pod_after": (r"darauf|danach", 40, 5),
    "holiday": (r"Weihnacht|Heilig|Silvester|Neujahr|Einheit|Maifeiertag", 20, 30),
    "weekday": (DE_WEEKDAY, 30, 40),
    "set_every": (r"[Jj]ede|[Aa]lle", 5, 40),
    "times_per": (r"mal\b", 10, 30),
    "adj_duration": (r"(?i:tägig|wöchig|monatig|jährig|stündig|minütig)", 30, 10),
    "adv_set": (r"(?i:lich|tags)\b", 30, 5),
    "lang": (r"(?i:lang|jährig)", 30, 10),
    "weekday_set": (r"(?i:tags|wochs|abends|mittags|morgens)\b", 30, 5),
    "vague_plural": (r"Tage|Wochen|Monate|Jahre|Jahrzehnte|Stunden", 20, 20),
}
attach_triggers(RULES, _TRIGGERS)
