"""Name keys: fold spellings, inflections and transliterations of one name onto one string.

Two keys are computed for a name, both as tuples of per-word keys:

* ``exact_key`` — case, diacritics, umlauts/ß and script folded, then a *skeleton* that
  maps the German and English transliteration conventions of Cyrillic names onto one
  spelling (Selenskyj / Zelensky / Zelenskiy / Zelenskyy / Зеленський -> ``selenski``;
  Peskow / Peskov; Uschakow / Ushakov; Dmitrijew / Dmitriev; Chruschtschow / Khrushchev).
* ``match_key`` — the same after stripping German genitive and adjective endings from each
  word (Putins -> Putin, Weißen Hauses -> Weiß Haus), so inflected forms meet their lemma.

Keys are only ever compared with keys made by the same functions, so an aggressive fold
is safe as long as it is applied to both sides: the cost is an occasional collision of two
genuinely different names that differ only in transliteration-ambiguous letters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Cyrillic -> Latin. One scheme for Russian, Ukrainian and Belarusian letters; what matters
# is that the result lands on the same skeleton as the German and English spellings.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "ye",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "yu", "я": "ya",
}
# Letters NFKD does not decompose into ASCII.
_SPECIAL = {
    "ß": "ss", "ſ": "s", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
    "ı": "i", "’": "'", "‘": "'", "`": "'", "´": "'",
}
_TRANS = str.maketrans({**_CYRILLIC, **_SPECIAL})

_NON_WORD = re.compile(r"[^a-z0-9']+")

# Skeleton rewrites, applied in order to one lower-case ASCII word. Longer clusters first.
_SKELETON_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"schtsch|shch|stsch", "s"),  # щ
        (r"tsch", "c"),  # German ч
        (r"sch|sh|zh", "s"),  # ш, ж
        (r"kh|ch", "c"),  # х (en kh, de ch), ч (en ch)
        (r"tz|ts|z", "s"),  # ц (de z, en ts); з (de s, en z)
        (r"ph", "f"),
        (r"ck", "k"),
        (r"x", "ks"),
        (r"w", "v"),
        (r"[yj]", "i"),  # de j = en y (Jermak/Yermak), -yj/-iy/-yy endings
        (r"ae", "a"),
        (r"oe", "o"),
        (r"ue", "u"),
        (r"(.)\1+", r"\1"),  # doubled letters (Emmanuel/Emanuel, Odessa/Odesa)
        (r"ev$", "ov"),  # ё: de -ow/-jow, en -ev/-yev (Gorbatschow/Gorbachev)
    )
)

_INFLECTION_2 = ("es", "en", "em")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower-case ASCII with diacritics, umlauts, ß and Cyrillic folded; words space-separated."""
    t = text.lower().translate(_TRANS)
    t = unicodedata.normalize("NFKD", t)
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    t = _NON_WORD.sub(" ", t.replace("'", " "))
    return " ".join(t.split())


@lru_cache(maxsize=200_000)
def skeleton(word: str) -> str:
    """Transliteration-neutral form of one folded word."""
    for pattern, repl in _SKELETON_RULES:
        word = pattern.sub(repl, word)
    return word


@lru_cache(maxsize=200_000)
def strip_inflection(word: str) -> str:
    """Drop a German genitive/adjective ending from one folded word (Hauses -> haus)."""
    if len(word) <= 4 or word.isdigit():
        return word
    if word.endswith(_INFLECTION_2) and len(word) > 5:
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    if word.endswith("e"):
        return word[:-1]
    return word


_RAW_WORD = re.compile(r"[^\W_]+")


def _is_acronym(word: str) -> bool:
    # Short all-caps words (TASS, OSZE, USA) keep their letters: the skeleton would merge
    # TASS with taz and OSZE with Ostsee.
    return 2 <= len(word) <= 5 and word.isupper()


@lru_cache(maxsize=200_000)
def exact_key(name: str) -> tuple[str, ...]:
    out: list[str] = []
    for raw in _RAW_WORD.findall(name):
        for w in fold(raw).split():
            out.append(w if _is_acronym(raw) else skeleton(w))
    return tuple(out)


@lru_cache(maxsize=200_000)
def match_key(name: str) -> tuple[str, ...]:
    out: list[str] = []
    for raw in _RAW_WORD.findall(name):
        for w in fold(raw).split():
            out.append(w if _is_acronym(raw) else skeleton(strip_inflection(w)))
    return tuple(out)


def word_match_key(word: str) -> str:
    """``match_key`` of a single word ('' for punctuation)."""
    k = match_key(word)
    return " ".join(k)


def key_string(key: tuple[str, ...]) -> str:
    """A key as it appears inside an entity id: words joined with '-'."""
    return "-".join(key)


def slug(text: str) -> str:
    return "-".join(fold(text).replace("'", "").split())


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, stopping early once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        best = i
        for j, cb in enumerate(b, 1):
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            cur.append(v)
            best = min(best, v)
        if best > limit:
            return limit + 1
        prev = cur
    return prev[-1]
