"""The rule type shared by the grammars, and small parsing helpers.

A rule is a compiled regex and a handler. The handler reads the match and returns the
meaning (``Sem``) of the expression, or None to reject the match (context checks that
are easier in Python than in a regex). The extent of the timex is the named group
``t`` when the pattern has one, so a pattern may look at a preposition ("im", "seit")
without making it part of the expression. Handlers that find two expressions in one
match (date ranges such as "vom 5. bis 7. Mai") return ``Multi``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .lexicon import DE_MONTHS, EN_MONTHS, number_value, unit_code
from .resolve import Sem


@dataclass(slots=True)
class Part:
    start: int
    end: int
    sem: Sem


@dataclass(slots=True)
class Multi:
    parts: list[Part]


Handler = Callable[[re.Match[str]], "Sem | Multi | None"]


@dataclass(slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler
    priority: int = 0  # higher wins between equally long overlapping matches
    # Speed: a rule whose pattern begins with optional words is slow to scan with
    # ``finditer`` over a long text. Such a rule names a cheap ``trigger`` (a word it
    # cannot match without) and is run only in a window around each trigger hit.
    trigger: re.Pattern[str] | None = None
    back: int = 80
    fwd: int = 80


def rule(
    name: str,
    pattern: str,
    handler: Handler,
    priority: int = 0,
    flags: int = 0,
    trigger: str | None = None,
    back: int = 80,
    fwd: int = 80,
) -> Rule:
    trig = re.compile(trigger, flags) if trigger else None
    return Rule(name, re.compile(pattern, flags), handler, priority, trig, back, fwd)


def attach_triggers(rules: list[Rule], triggers: dict[str, tuple[str, int, int]]) -> None:
    """Give the named rules their trigger: rule name -> (trigger pattern, chars before, after)."""
    for r in rules:
        if r.name in triggers:
            pattern, r.back, r.fwd = triggers[r.name]
            r.trigger = re.compile(pattern)


def matches(
    r: Rule, text: str, trigger_hits: dict[tuple[str, int], list[tuple[int, int]]] | None = None
) -> list[re.Match[str]]:
    """All matches of ``r`` in ``text``; with a trigger, only in windows around its hits.

    Windows around nearby hits are merged. A match touching a window edge is dropped
    (it may be cut there); windows are sized so that real matches fit inside.
    ``trigger_hits`` keeps the hits of each trigger pattern found in this ``text``: several
    rules share one trigger (the month names), which then scans the text once.
    """
    if r.trigger is None:
        return list(r.pattern.finditer(text))
    key = (r.trigger.pattern, r.trigger.flags)
    hits = trigger_hits.get(key) if trigger_hits is not None else None
    if hits is None:
        hits = [t.span() for t in r.trigger.finditer(text)]
        if trigger_hits is not None:
            trigger_hits[key] = hits
    windows: list[list[int]] = []
    n = len(text)
    for t_start, t_end in hits:
        lo, hi = max(0, t_start - r.back), min(n, t_end + r.fwd)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    out: list[re.Match[str]] = []
    for lo, hi in windows:
        for m in r.pattern.finditer(text, lo, hi):
            if (m.end() >= hi and hi < n) or (m.start() <= lo and lo > 0):
                continue  # may be cut by the window
            out.append(m)
    return out


def month_of(word: str) -> int:
    w = word.lower().rstrip(".")
    return DE_MONTHS.get(w) or EN_MONTHS[w]


def year_of(digits: str, era: str | None = None) -> int:
    """Year as int, BC negative; two-digit years are read as 19xx/20xx ("1.9.39")."""
    y = int(digits)
    if era and era.lower().replace(" ", "").startswith(("v.chr", "vchr", "bc", "b.c", "v.u.z", "bce")):
        return -y
    if len(digits) == 2 and not era:
        y += 1900 if y >= 30 else 2000
    return y


def match_year(m: re.Match[str]) -> int | None:
    """The year of a grammar match: group ``y`` (era ``era``) or the alternative ``yb`` (``erab``)."""
    gd = m.groupdict()
    if gd.get("y"):
        return year_of(gd["y"], gd.get("era"))
    if gd.get("yb"):
        return year_of(gd["yb"], gd.get("erab"))
    return None


_TRAIL = re.compile(r"[-\s]")


def duration_value(num: str | None, unit: str, fraction: float | None = None) -> str:
    """``P3D``, ``PT2H``, ``PXW`` ... from a number word and a unit word."""
    code = unit_code(unit) or "D"
    n = number_value(num) if num else 1.0
    if fraction:
        n = n + fraction if n > 0 else fraction
    time = code.startswith("T")
    letter = code[1:] if time else code
    prefix = "PT" if time else "P"
    if letter == "Q":
        letter, n = "M", n * 3 if n > 0 else n
    if letter == "NI":
        letter = "D" if n > 0 else "NI"
    if n < 0:
        return f"{prefix}X{letter}"
    if n != int(n):
        # 1.5 years -> P1Y6M, half an hour -> PT30M
        whole, frac = int(n), n - int(n)
        sub = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60)}.get(letter)
        if sub:
            sl, k = sub
            part = f"{whole}{letter}" if whole else ""
            if letter == "D":
                return f"P{part}T{int(frac * k)}{sl}" if part else f"PT{int(frac * k)}{sl}"
            return f"{prefix}{part}{int(round(frac * k))}{sl}"
    return f"{prefix}{int(n)}{letter}"


REL_UNITS = {"NI": "day", "D": "day", "W": "week", "M": "month", "Y": "year", "DE": "decade", "CE": "century", "Q": "quarter", "WE": "weekend"}


def rel_unit(unit_word: str) -> str | None:
    code = unit_code(unit_word)
    if code is None:
        return None
    return REL_UNITS.get(code)
