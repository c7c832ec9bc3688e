"""English grammar: the expressions of English news prose.

Extent conventions as in TimeML: prepositions stay out ("on Friday" -> "Friday"),
modifiers that change the meaning stay in ("mid-August", "three years ago",
"next week", "in two weeks").
"""

from __future__ import annotations

import re

from .lexicon import EN_MONTH, EN_MONTH_FULL, EN_NUM, EN_POD, EN_UNIT, EN_WEEKDAY, EN_WEEKDAYS, number_value, unit_code
from .resolve import Sem
from .rules import Multi, Part, Rule, attach_triggers, duration_value, month_of, match_year, rel_unit, rule, year_of

B = r"(?<![\w.,/-])"
DAY = r"(?:[12]\d|3[01]|0?[1-9])"
ORD = r"(?:st|nd|rd|th)?"
ERA = r"(?:\s*(?:BC|B\.C\.|BCE|AD|A\.D\.|CE))"
YEAR = rf"(?:(?P<y>1\d{{3}}|20\d{{2}})(?!\d)(?P<era>{ERA})?|(?P<yb>\d{{1,4}})(?P<erab>{ERA}))"
QUANT = r"(?:about|around|nearly|almost|more than|over|less than|under|at least|at most|up to|some|roughly|approximately|just|only|another|a further)"
MODW = r"(?:early|mid|late|the end of|the beginning of|the start of|the middle of|end of|beginning of|start of|middle of)"

_MOD = {"early": "START", "mid": "MID", "late": "END", "the end of": "END", "end of": "END", "the beginning of": "START", "beginning of": "START", "the start of": "START", "start of": "START", "the middle of": "MID", "middle of": "MID", "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN", "less than": "LESS_THAN", "under": "LESS_THAN", "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS"}


def _mod(w: str | None) -> str | None:
    return _MOD.get(w.lower().rstrip("- ")) if w else None


def _pod(w: str | None) -> str | None:
    return EN_POD.get(w.lower()) if w else None


def h_mdy(m: re.Match[str]) -> Sem:
    s = Sem(month=month_of(m["mon"]), day=int(m["d"]), year=match_year(m))
    pod = _pod(m["p"])
    if pod:
        s.pod, s.type = pod, "TIME"
    return s


def h_num(m: re.Match[str]) -> Sem | None:
    a, b = int(m["a"]), int(m["b"])
    # Day first unless that is impossible (then US month/day).
    d, mo = (a, b) if b <= 12 else (b, a)
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return Sem(day=d, month=mo, year=int(m["y"]))


def h_iso(m: re.Match[str]) -> Sem:
    return Sem(year=int(m["y"]), month=int(m["m"]), day=int(m["d"]))


def h_month_year(m: re.Match[str]) -> Sem:
    return Sem(month=month_of(m["mon"]), year=match_year(m), mod=_mod(m["mod"]))


def h_month_bare(m: re.Match[str]) -> Sem | None:
    mon = m["mon"]
    if mon == "May" and not (m["pre"] or m["mod"]):
        return None  # the modal verb
    if not (m["pre"] or m["mod"]):
        return None
    return Sem(month=month_of(mon), mod=_mod(m["mod"]), needs_tense=True)


def h_day_range(m: re.Match[str]) -> Multi:
    mon = month_of(m["mon"])
    y = match_year(m)
    return Multi([Part(m.start("t1"), m.end("t1"), Sem(month=mon, day=int(m["d1"]), year=y)), Part(m.start("t2"), m.end("t2"), Sem(month=mon, day=int(m["d2"]), year=y))])


_UNIT_AFTER = re.compile(r"\s*(?:%|percent|people|troops|soldiers|dollars|euros|km|miles|meters|tons|votes|seats|deaths|dead|tanks|aircraft|units|times)\b", re.I)


def h_year(m: re.Match[str]) -> Sem | None:
    ys = m["y"] or m["yb"]
    era = m["era"] or m["erab"]
    if not era and len(ys) < 4:
        return None
    if not era and _UNIT_AFTER.match(m.string, m.end()):
        return None
    before = m.string[max(0, m.start() - 12):m.start()].lower()
    if not era and re.search(r"(?:about|some|over|nearly|almost|than|of|no\.|number|page|\$|€|£)\s*$", before):
        return None
    return Sem(year=year_of(ys, era), mod=_mod(m["mod"]))


def h_decade(m: re.Match[str]) -> Sem:
    dec = m["dec"]
    if len(dec) == 2:
        return Sem(decade_short=int(dec[0]), mod=_mod(m["mod"]))
    return Sem(decade=int(dec) // 10, mod=_mod(m["mod"]))


def h_century(m: re.Match[str]) -> Sem:
    n = int(m["n"]) - 1
    bc = bool(m["era"]) and "B" in m["era"].upper()
    return Sem(century=-n if bc else n, mod=_mod(m["mod"]))


SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


def h_season(m: re.Match[str]) -> Sem | None:
    s = Sem(season=SEASONS[m["s"].lower()], mod=_mod(m["mod"]))
    y = match_year(m)
    if y is not None:
        s.year = y
        return s
    det = (m["det"] or "").lower()
    if det:
        s.direction = 1 if det in ("next", "coming") else -1 if det in ("last", "past") else 0
        return s
    if m["s"].lower() == "fall" and not m["pre"]:
        return None
    if not (m["pre"] or m["mod"]):
        return None
    s.needs_tense = True
    return s


_DEICTIC = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


def h_deictic(m: re.Match[str]) -> Sem:
    w = m["w"].lower()
    s = Sem(rel_unit="day", rel_offset=_DEICTIC[w], rel_base="dct")
    pod = "NI" if w == "tonight" else _pod(m["p"])
    if pod:
        s.pod, s.type = pod, "TIME"
    if w == "today" and not pod:
        s.narrative_value = "PRESENT_REF"
    return s


_REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF", "at the moment": "PRESENT_REF", "nowadays": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF", "formerly": "PAST_REF", "previously": "PAST_REF", "earlier": "PAST_REF", "soon": "FUTURE_REF", "shortly": "FUTURE_REF", "in the future": "FUTURE_REF", "later": "FUTURE_REF", "so far": "PAST_REF", "the past": "PAST_REF", "the future": "FUTURE_REF"}


def h_ref(m: re.Match[str]) -> Sem | None:
    w = m["w"].lower()
    text = m.string
    if w == "soon" and (text[max(0, m.start() - 3):m.start()].lower() == "as " or text[m.end():m.end() + 3].lower() == " as"):
        return None  # "as soon as"
    if w == "now" and text[m.end():m.end() + 5].lower() in (" that", ", tha"):
        return None  # "now that": a conjunction
    return Sem(value=_REFS[re.sub(r"\s+", " ", m["w"].lower())])


def h_det_unit(m: re.Match[str]) -> Sem | None:
    det = m["det"].lower()
    off = {"this": 0, "next": 1, "coming": 1, "last": -1, "past": -1, "previous": -1, "following": 1, "same": 0, "current": 0}[det]
    base = "ref" if det in ("following", "same", "previous") else "ctx"
    u = m["u"].lower()
    if u in EN_POD:
        return Sem(type="TIME", rel_unit="day", rel_offset=off, rel_base="ref" if det != "this" else "dct", pod=EN_POD[u])
    if u.endswith("s") and u != "days" or u == "days":
        s = Sem(type="DURATION", value=duration_value("x", u))
        if off:
            s.news_value, s.news_type = ("FUTURE_REF" if off > 0 else "PAST_REF"), "DATE"
        return s
    if u == "weekend":
        s = Sem(weekday=6, direction=off if off else None, weekend=True)
        return s
    unit = rel_unit(u)
    if unit is None:
        return None
    return Sem(rel_unit=unit, rel_offset=off, rel_base=base, mod=_mod(m["mod"]))


def h_ago(m: re.Match[str]) -> Sem | None:
    n = number_value(m["n"])
    unit = rel_unit(m["u"])
    code = unit_code(m["u"]) or ""
    if code.startswith("T"):
        return Sem(value="PAST_REF")
    if unit is None:
        return None
    if n < 0 or n != int(n):
        return Sem(rel_vague=-1)
    return Sem(rel_unit=unit, rel_offset=-int(n), rel_base="ctx", mod=_mod(m["q"]))


def h_in(m: re.Match[str]) -> Sem | None:
    n = number_value(m["n"])
    unit = rel_unit(m["u"])
    code = unit_code(m["u"]) or ""
    if code.startswith("T"):
        return Sem(type="DURATION", value=duration_value(m["n"], m["u"]))
    if unit is None:
        return None
    if n < 0 or n != int(n):
        return Sem(rel_vague=1)
    return Sem(rel_unit=unit, rel_offset=int(n), rel_base="ctx", in_future=True, dur_value=duration_value(m["n"], m["u"]))


def h_later(m: re.Match[str]) -> Sem | None:
    n = number_value(m["n"])
    unit = rel_unit(m["u"])
    sign = -1 if m["dir"].lower() in ("earlier", "before") else 1
    if unit is None or (unit_code(m["u"]) or "").startswith("T"):
        return Sem(type="DURATION", value=duration_value(m["n"], m["u"]))
    if n < 0 or n != int(n):
        return Sem(value="FUTURE_REF" if sign > 0 else "PAST_REF")
    return Sem(rel_unit=unit, rel_offset=sign * int(n), rel_base="ref")


def h_duration(m: re.Match[str]) -> Sem | None:
    n = m["n"]
    if n and n.isdigit() and len(n) == 4:
        return None
    if n and n.lower() in ("a", "an") and m["u"].lower().startswith("second"):
        return None  # "a second round", "a second term"
    return Sem(type="DURATION", value=duration_value(n, m["u"]), mod=_mod(m["q"]))


def h_weekday(m: re.Match[str]) -> Sem:
    s = Sem(weekday=EN_WEEKDAYS[m["wd"].lower()])
    det = (m["det"] or "").lower()
    if det:
        s.direction = 1 if det in ("next", "coming") else -1 if det in ("last", "past") else 0
    pod = _pod(m["p"])
    if pod:
        s.pod, s.type = pod, "TIME"
    return s


def h_time(m: re.Match[str]) -> Sem | None:
    h = int(m["h"])
    mi = int(m["mi"] or 0)
    ap = (m["ap"] or "").lower().replace(".", "")
    if ap == "pm" and h < 12:
        h += 12
    if ap == "am" and h == 12:
        h = 0
    if h > 24:
        return None
    s = Sem(type="TIME", hour=h, minute=mi)
    tz = m["tz"]
    if tz:
        s.tz = {"GMT": "Z", "UTC": "Z", "CET": "+01", "CEST": "+02", "BST": "+01", "EST": "-05", "EDT": "-04", "PST": "-08", "PDT": "-07"}.get(tz.upper())
    return s


def h_noon(m: re.Match[str]) -> Sem:
    w = m["w"].lower()
    return Sem(type="TIME", hour=12 if w in ("noon", "midday") else 24, minute=0)


def h_set(m: re.Match[str]) -> Sem:
    u = m["u"].lower()
    if u in EN_WEEKDAYS:
        return Sem(type="SET", value=f"XXXX-WXX-{EN_WEEKDAYS[u]}")
    if u in EN_POD:
        return Sem(type="SET", value=f"XXXX-XX-XXT{EN_POD[u]}")
    if m["n"]:
        return Sem(type="SET", value=duration_value(m["n"], u))
    code = unit_code(u) or "D"
    return Sem(type="SET", value={"D": "P1D", "W": "P1W", "M": "P1M", "Y": "P1Y", "TH": "PT1H", "WE": "XXXX-WXX-WE"}.get(code, "P1D"))


_ADV = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI"}


def h_adv_set(m: re.Match[str]) -> Sem:
    return Sem(type="SET", value=_ADV[m["w"].lower()])


def h_pod(m: re.Match[str]) -> Sem:
    return Sem(type="TIME", pod=EN_POD[m["p"].lower()])


def h_quarter(m: re.Match[str]) -> Sem:
    q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4}[m["o"].lower()]
    s = Sem(quarter=q, year=match_year(m))
    if s.year is None:
        s.needs_tense = True
    return s


def h_of_period(m: re.Match[str]) -> Sem | None:
    unit = rel_unit(m["u"])
    if unit is None:
        return None
    det = m["det"].lower()
    off = {"this": 0, "the": 0, "next": 1, "last": -1, "the next": 1, "the following": 1}.get(det, 0)
    return Sem(rel_unit=unit, rel_offset=off, rel_base="ref" if det in ("the", "the following") else "ctx", mod=_mod(m["mod"]))


RULES: list[Rule] = [
    rule("mdy", rf"(?P<t>(?:{EN_WEEKDAY},?\s+)?(?P<mon>{EN_MONTH})\s+{B}(?P<d>{DAY}){ORD}(?!\d)(?:,?\s+{YEAR})?(?:\s+(?P<p>morning|afternoon|evening|night))?)(?![\w:])", h_mdy, 10),
    rule("dmy", rf"(?P<t>(?:{EN_WEEKDAY},?\s+)?(?:the\s+)?{B}(?P<d>{DAY}){ORD}\s+(?:of\s+)?(?P<mon>{EN_MONTH})(?:,?\s+{YEAR})?(?:\s+(?P<p>morning|afternoon|evening|night))?)(?![\w])", h_mdy, 10),
    rule("num", rf"(?P<t>{B}(?P<a>{DAY})[/.](?P<b>{DAY})[/.](?P<y>1\d{{3}}|20\d{{2}}))(?!\d)", h_num, 9),
    rule("iso", rf"(?P<t>{B}(?P<y>1\d{{3}}|20\d{{2}})-(?P<m>1[0-2]|0[1-9])-(?P<d>{DAY}))(?![\d-])", h_iso, 9),
    rule("day_range", rf"(?P<t1>(?P<mon>{EN_MONTH})\s+{B}(?P<d1>{DAY}){ORD})\s*(?:-|–|to|and|through)\s*(?P<t2>(?P<d2>{DAY}){ORD}(?:,?\s+{YEAR})?)(?![\w])", h_day_range, 11),
    rule("month_year", rf"(?P<t>(?:(?P<mod>{MODW})[-\s]+)?(?P<mon>{EN_MONTH_FULL}|{EN_MONTH})(?:\s+of)?,?\s+{YEAR})(?![\w])", h_month_year, 7),
    rule("month_bare", rf"(?:\b(?P<pre>in|since|until|by|from|to|through|during|before|after|early|late|of|last|next|this|and|or)\s+)?(?P<t>(?:(?P<mod>{MODW})[-\s]+)?(?P<mon>{EN_MONTH_FULL}))(?![\w]|\s+\d)", h_month_bare, 2),
    rule("year", rf"(?P<t>(?:(?P<mod>early|mid|late|the end of|the start of|the beginning of|end of|start of|beginning of)[-\s]+)?{B}{YEAR})(?![\d.,]\d|[\w-])", h_year, 5),
    rule("decade", rf"(?:\b[Tt]he\s+)?(?P<t>(?:(?P<mod>early|mid|late)[-\s]+)?{B}(?:'|’)?(?P<dec>\d{{2,4}})0?'?s)(?![\w])", lambda m: h_decade(m) if m["dec"].endswith("0") or len(m["dec"]) in (3,) else None, 8),
    rule("century", rf"(?:\bthe\s+)?(?P<t>(?:(?P<mod>early|mid|late)[-\s]+)?(?P<n>\d{{1,2}})(?:st|nd|rd|th)[-\s]+century(?P<era>{ERA})?)", h_century, 8, re.I),
    rule("season", rf"(?:\b(?P<pre>in|the|this|since|until|by|during|of|over)\s+)?(?P<t>(?:(?P<mod>early|mid|late)[-\s]+)?(?:(?P<det>this|next|last|coming|past)\s+)?(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?{YEAR})?)(?![\w])", h_season, 6, re.I),
    rule("deictic", r"(?P<t>\b(?P<w>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)(?:\s+(?P<p>morning|afternoon|evening|night))?)\b", h_deictic, 6),
    rule("ref", r"(?P<t>\b(?P<w>[Nn]ow|[Cc]urrently|[Aa]t present|[Aa]t the moment|[Nn]owadays|[Rr]ecently|[Ll]ately|[Ff]ormerly|[Pp]reviously|[Ss]oon|[Ii]n the future|[Ss]o far))\b", h_ref, 4),
    rule("det_unit", rf"(?:\b[Tt]he\s+)?(?P<t>(?:(?P<mod>{MODW})[-\s]+)?(?P<det>[Tt]his|[Nn]ext|[Cc]oming|[Ll]ast|[Pp]ast|[Pp]revious|[Ff]ollowing|same|[Cc]urrent)\s+(?P<u>day|week|weekend|month|year|quarter|decade|century|morning|afternoon|evening|night|days|weeks|months|years|decades))\b", h_det_unit, 6),
    rule("of_period", rf"(?P<t>(?P<mod>{MODW})\s+(?P<det>this|the|next|last|the next|the following)\s+(?P<u>year|month|week|quarter|decade))\b", h_of_period, 7, re.I),
    rule("ago", rf"(?P<t>(?:(?P<q>{QUANT})\s+)?\b(?P<n>{EN_NUM})\s+(?P<u>{EN_UNIT})\s+ago)\b", h_ago, 8, re.I),
    rule("in_n", rf"(?P<t>\b[Ii]n\s+(?:(?P<q>{QUANT})\s+)?(?P<n>{EN_NUM})\s+(?P<u>{EN_UNIT}))(?![\w-]|\s+(?:ago|later|earlier))", h_in, 7),
    rule("later", rf"(?P<t>(?:(?P<q>{QUANT})\s+)?\b(?P<n>{EN_NUM})\s+(?P<u>{EN_UNIT})\s+(?P<dir>later|earlier|afterwards|after that|before that))\b", h_later, 8, re.I),
    rule("duration", rf"(?P<t>(?:(?P<q>{QUANT})\s+)?(?:the\s+(?:past|last|next|first|coming|following|previous)\s+|(?:past|next|first|coming|following|previous)\s+(?=\S+\s+\w+s\b)|the\s+)?\b(?P<n>{EN_NUM})[-\s]+(?P<u>{EN_UNIT})(?:[-\s]+long)?)(?![\w-])", h_duration, 3, re.I),
    rule("weekday", rf"(?P<t>(?:(?P<det>[Nn]ext|[Ll]ast|[Tt]his|[Cc]oming|[Pp]ast)\s+)?\b(?P<wd>{EN_WEEKDAY})(?:\s+(?P<p>morning|afternoon|evening|night))?)(?![\w])", h_weekday, 5),
    rule("weekday_set", rf"(?P<t>\b(?:[Ee]very|[Ee]ach)\s+(?P<n>{EN_NUM}\s+)?(?P<u>{EN_WEEKDAY}|day|week|month|year|hour|morning|evening|night|weekend|days|weeks|months|years))\b", h_set, 6),
    rule("weekday_plural", rf"(?P<t>\b(?:[Oo]n\s+)?(?P<wd>{EN_WEEKDAY})s)\b", lambda m: Sem(type="SET", value=f"XXXX-WXX-{EN_WEEKDAYS[m['wd'].lower()]}"), 4),
    rule("adv_set", r"(?P<t>\b(?P<w>daily|weekly|monthly|annually|yearly|hourly|nightly))\b", h_adv_set, 4, re.I),
    rule("time", rf"(?P<t>{B}(?P<h>[01]?\d|2[0-4])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)(?:\s+(?P<tz>GMT|UTC|CET|CEST|BST|EST|EDT|PST|PDT))?)(?![\w])", h_time, 6, re.I),
    rule("time24", rf"(?P<t>{B}(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?P<ap>)(?:\s+(?P<tz>GMT|UTC|CET|CEST|BST|EST|EDT|PST|PDT))?)(?![\d:])", h_time, 5),
    rule("noon", r"(?P<t>\b(?P<w>noon|midday|midnight))\b", h_noon, 4, re.I),
    rule("pod", r"(?:\b(?:in|on|during|that|the|this|overnight)\s+(?:the\s+)?)(?P<t>(?P<p>morning|afternoon|evening|night))\b", h_pod, 2),
    rule("half", rf"(?:\b[Tt]he\s+)?(?P<t>(?P<o>first|second)\s+half\s+of\s+(?:{YEAR}|the\s+year|this\s+year))(?![\w])", lambda m: Sem(half=1 if m["o"].lower() == "first" else 2, year=match_year(m), needs_tense=match_year(m) is None), 6, re.I),
    rule("quarter", rf"(?P<t>(?:the\s+)?(?P<o>first|second|third|fourth|1st|2nd|3rd|4th|Q1|Q2|Q3|Q4)(?:\s+quarter)?(?:\s+of)?(?:\s+{YEAR})?)(?![\w])", lambda m: h_quarter(m) if ("quarter" in m.group(0).lower() or m["o"].upper().startswith("Q")) else None, 6),
]

PREFILTER = re.compile(
    r"\d|day|week|month|year|today|yesterday|tomorrow|tonight|now|soon|recent|ago|later|morning|"
    r"hour|minute|second|daily|weekly|monthly|annual|hourly|nightly|midnight|lately|formerly|previous|"
    r"currently|present|future|quarter|christmas|"
    r"evening|night|noon|spring|summer|autumn|fall|winter|century|decade|"
    + EN_MONTH_FULL,
    re.I,
)

# Speed: cheap trigger words for the rules whose patterns start with optional parts or are
# case-insensitive (see ``rules.matches``). (trigger, chars before, chars after)
# whole unit words only: "Monday", "today" and "yesterday" would open windows for nothing
_UNIT_TRIGGER = r"(?i:\b(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries|century|quarters?)\b)"
_MONTH_TRIGGER = r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_TRIGGERS: dict[str, tuple[str, int, int]] = {
    "ago": (r"(?i:\bago\b)", 90, 5),
    "later": (r"(?i:later|earlier|afterwards|after that|before that)", 90, 15),
    "duration": (_UNIT_TRIGGER, 100, 20),
    "in_n": (_UNIT_TRIGGER, 80, 40),
    "season": (r"(?i:spring|summer|autumn|fall|winter)", 70, 50),
    "det_unit": (_UNIT_TRIGGER + r"|(?i:\b(?:weekend|morning|afternoon|evening)\b)", 70, 20),
    "century": (r"(?i:century)", 50, 30),
    "of_period": (_UNIT_TRIGGER, 70, 20),
    "month_year": (_MONTH_TRIGGER, 50, 30),
    "month_bare": (_MONTH_TRIGGER, 50, 20),
    "mdy": (_MONTH_TRIGGER, 30, 60),
    "dmy": (_MONTH_TRIGGER, 50, 40),
    "day_range": (_MONTH_TRIGGER, 10, 60),
    "weekday": (EN_WEEKDAY, 20, 30),
    "decade": (r"\d'?s\b", 40, 5),
}
attach_triggers(RULES, _TRIGGERS)
