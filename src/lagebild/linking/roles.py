"""Role descriptions: "der US-Präsident", "Kremlchef", "Kreml-Sprecher", "the Russian
foreign minister", "Sprecherin des Weißen Hauses", "President of Ukraine".

``find_roles`` scans tokens and returns ``RolePhrase``s: the span, the role keys the role
word can mean, and the KB entities that qualify it (a country, a body). Resolving a phrase
to a person (``resolve``) needs the knowledge base, a reference date and, for unqualified
roles ("der Präsident"), the people already mentioned in the document.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..kb import KnowledgeBase
from ..kb.names import fold
from ..model import Token

# German role words, folded (ä -> a, ß -> ss). Matched as the *end* of a token so compounds
# work: "Kremlsprecher", "US-Präsidentin", "Nato-Generalsekretär", "Bundesaußenminister".
# What precedes the role word must then be a known qualifier (Kreml, US, Nato, Bundes...).
GERMAN_ROLES: dict[str, tuple[str, ...]] = {
    "vizeprasident": ("vice_president",),
    "vizekanzler": ("vice_chancellor",),
    "prasident": ("head_of_state", "president", "parliament_president"),
    "staatsprasident": ("head_of_state",),
    "staatschef": ("head_of_state",),
    "staatsoberhaupt": ("head_of_state",),
    "kanzler": ("head_of_government",),
    "regierungschef": ("head_of_government",),
    "premierminister": ("head_of_government",),
    "ministerprasident": ("head_of_government",),
    "premier": ("head_of_government",),
    "aussenminister": ("foreign_minister",),
    "aussenbeauftragt": ("foreign_minister",),
    "chefdiplomat": ("foreign_minister",),
    "verteidigungsminister": ("defence_minister",),
    "kriegsminister": ("defence_minister",),
    "finanzminister": ("finance_minister",),
    "innenminister": ("interior_minister",),
    "wirtschaftsminister": ("economy_minister",),
    "sprecher": ("spokesperson",),
    "regierungssprecher": ("spokesperson",),
    "pressesprecher": ("spokesperson",),
    "sondergesandt": ("envoy",),
    "sonderbeauftragt": ("envoy",),
    "sondervermittler": ("envoy",),
    "gesandt": ("envoy",),
    "sicherheitsberater": ("security_adviser",),
    "berater": ("adviser", "security_adviser"),
    "generalsekretar": ("secretary_general",),
    "chef": ("head",),
    "fuhrer": ("head",),
    "revolutionsfuhrer": ("supreme_leader",),
    "oberbefehlshaber": ("commander_in_chief",),
    "generalstabschef": ("chief_of_general_staff",),
    "stabschef": ("chief_of_staff",),
    "burgermeister": ("mayor",),
}
_GERMAN_ENDINGS = ("innen", "in", "en", "er", "es", "e", "n", "s", "")
_GERMAN_BY_LEN = sorted(GERMAN_ROLES, key=len, reverse=True)

# English role phrases (folded, space-separated), longest first when matching.
ENGLISH_ROLES: dict[str, tuple[str, ...]] = {
    "vice president": ("vice_president",),
    "president": ("head_of_state", "president"),
    "prime minister": ("head_of_government",),
    "premier": ("head_of_government",),
    "chancellor": ("head_of_government",),
    "foreign minister": ("foreign_minister",),
    "foreign secretary": ("foreign_minister",),
    "secretary of state": ("foreign_minister",),
    "top diplomat": ("foreign_minister",),
    "defence minister": ("defence_minister",),
    "defense minister": ("defence_minister",),
    "defence secretary": ("defence_minister",),
    "defense secretary": ("defence_minister",),
    "war secretary": ("defence_minister",),
    "secretary of defense": ("defence_minister",),
    "treasury secretary": ("finance_minister",),
    "finance minister": ("finance_minister",),
    "spokesman": ("spokesperson",),
    "spokeswoman": ("spokesperson",),
    "spokesperson": ("spokesperson",),
    "press secretary": ("spokesperson",),
    "special envoy": ("envoy",),
    "envoy": ("envoy",),
    "national security adviser": ("security_adviser",),
    "national security advisor": ("security_adviser",),
    "adviser": ("adviser", "security_adviser"),
    "advisor": ("adviser", "security_adviser"),
    "aide": ("adviser",),
    "chief of staff": ("chief_of_staff",),
    "secretary general": ("secretary_general",),
    "supreme leader": ("supreme_leader",),
    "leader": ("head",),
    "chief": ("head",),
    "head": ("head",),
}
_ENGLISH_SPLIT = {k: tuple(k.split()) for k in ENGLISH_ROLES}
_ENGLISH_BY_LEN = sorted(ENGLISH_ROLES, key=lambda k: len(_ENGLISH_SPLIT[k]), reverse=True)
# Role phrases by their first word, longest first: a token is compared only with phrases it can start.
_ENGLISH_BY_FIRST: dict[str, list[str]] = {}
for _key in _ENGLISH_BY_LEN:
    _ENGLISH_BY_FIRST.setdefault(_ENGLISH_SPLIT[_key][0], []).append(_key)

# Words between a role and its genitive qualifier: "Sprecher des Kremls", "President of Ukraine".
_LINKERS = frozenset({"des", "der", "of", "the"})
_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "the", "a", "an", "ein", "eine", "einen", "einem", "eines"})
_INDEFINITE = frozenset({"ein", "eine", "einer", "einem", "einen", "eines", "a", "an", "one", "another", "ehemalige", "ehemaliger", "ehemaligen", "former", "ex", "fruhere", "fruherer", "fruheren", "damalige", "damaligen", "damaliger"})
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(slots=True)
class RolePhrase:
    start: int  # char span of qualifier + role word (without article)
    end: int
    roles: tuple[str, ...]
    qualifiers: set[str] = field(default_factory=set)  # KB ids
    next_token: int = -1  # index of the token right after the phrase
    word: str = ""  # the role word as folded
    indefinite: bool = False  # "ein Sprecher", "a spokesman": someone, not the office holder


@lru_cache(maxsize=100_000)
def german_role(word: str) -> tuple[str, str, tuple[str, ...]] | None:
    """(prefix, stem, roles) for a folded token ending in a German role word (cached: the scan
    over every role stem is the costly part, and words recur)."""
    compact = word.replace(" ", "").replace("-", "")
    for stem in _GERMAN_BY_LEN:
        idx = compact.rfind(stem)
        if idx < 0:
            continue
        tail = compact[idx + len(stem):]
        if tail in _GERMAN_ENDINGS:
            return compact[:idx], stem, GERMAN_ROLES[stem]
    return None


def _qualifier_ids(kb: KnowledgeBase, text: str) -> set[str]:
    text = _POSSESSIVE.sub("", text)
    ids = kb.qualifier(text)
    if not ids:
        ids = {i for i in kb.lookup(text) if kb.entities[i].type != "PER"}
    return ids


def find_roles(kb: KnowledgeBase, tokens: list[Token]) -> list[RolePhrase]:
    """Role phrases in one sentence's tokens."""
    out: list[RolePhrase] = []
    folded = [fold(t.text) for t in tokens]
    n = len(tokens)
    i = 0
    while i < n:
        phrase = None
        # English multi-word role phrases.
        for key in _ENGLISH_BY_FIRST.get(folded[i], ()):
            parts = _ENGLISH_SPLIT[key]
            if folded[i : i + len(parts)] == list(parts):
                phrase = RolePhrase(tokens[i].start, tokens[i + len(parts) - 1].end, ENGLISH_ROLES[key],
                                    next_token=i + len(parts), word=key)
                break
        if phrase is None and tokens[i].text[:1].isupper():
            hit = german_role(folded[i])
            if hit:
                prefix, stem, roles = hit
                quals: set[str] = set()
                if prefix:
                    quals = kb.qualifier(prefix) or (kb.qualifier(prefix[:-1]) if prefix.endswith("s") else set())
                    if not quals:
                        i += 1
                        continue  # "Polizeisprecher", "Parteichef": a role of something we don't know
                phrase = RolePhrase(tokens[i].start, tokens[i].end, roles, quals, i + 1, stem)
        if phrase is None:
            i += 1
            continue
        first = i
        # Qualifier before: "russische Präsident", "US President", "Ukraine's president", "White House press secretary".
        if not phrase.qualifiers:
            for width in (3, 2, 1):
                j = first - width
                if j < 0:
                    continue
                if folded[j] in _ARTICLES or not all(t.text[:1].isalnum() for t in tokens[j:first]):
                    continue
                text = " ".join(t.text for t in tokens[j:first])
                ids = _qualifier_ids(kb, text)
                if ids:
                    phrase.qualifiers = ids
                    phrase.start = tokens[j].start
                    break
        # Qualifier after: "Präsident Russlands", "Sprecher des Kremls", "President of Ukraine".
        if not phrase.qualifiers:
            k = phrase.next_token
            while k < n and folded[k] in _LINKERS:
                k += 1
            for width in (3, 2, 1):
                if k + width > n:
                    continue
                text = " ".join(t.text for t in tokens[k : k + width])
                if not tokens[k].text[:1].isupper():
                    break
                if not all(t.text[:1].isalnum() for t in tokens[k : k + width]):
                    continue
                ids = _qualifier_ids(kb, text)
                if ids:
                    phrase.qualifiers = ids
                    phrase.end = tokens[k + width - 1].end
                    phrase.next_token = k + width
                    break
        k = first - 1
        while k >= 0 and tokens[k].start >= phrase.start:
            k -= 1
        phrase.indefinite = k >= 0 and folded[k] in _INDEFINITE
        out.append(phrase)
        i = max(phrase.next_token, i + 1)
    return out


def role_keys(kb: KnowledgeBase, phrase: RolePhrase) -> set[str]:
    """Concrete role keys: a generic "Chef"/"head" becomes the qualifier's head role."""
    keys = set(phrase.roles)
    if "head" in keys:
        keys.discard("head")
        for q in phrase.qualifiers:
            e = kb.get(q)
            if e and e.head_role:
                keys.add(e.head_role)
            elif e and e.type == "LOC":
                keys |= {"head_of_state", "head_of_government"}
    return keys


def resolve(
    kb: KnowledgeBase,
    phrase: RolePhrase,
    on: dt.date | None,
    mentioned: list[str],
) -> str | None:
    """The one person the phrase can mean on ``on``, or None when zero or several fit.

    Unqualified roles ("der Präsident") resolve only to someone already mentioned."""
    keys = role_keys(kb, phrase)
    if not keys:
        return None
    if phrase.qualifiers:
        # Narrow first: "Kreml-Sprecher" is the Kremlin's spokesperson, not any Russian one;
        # widen to the country a body speaks for only when the body itself has no holder.
        for wide in (False, True):
            scope: set[str] = set()
            for q in phrase.qualifiers:
                body = kb.get(q)
                scope |= kb.scope(q) if wide or body is None or not body.represents else {q}
            cands = kb.holders_of(keys, scope, on)
            if len(cands) > 1:
                cands = {c for c in cands if c in mentioned} or cands
            if cands:
                return next(iter(cands)) if len(cands) == 1 else None
        return None
    cands = kb.holders_of(keys, None, on)
    hits = {m for m in mentioned if m in cands}
    return next(iter(hits)) if len(hits) == 1 else None


def person_roles(kb: KnowledgeBase, pid: str) -> set[str]:
    e = kb.get(pid)
    return {r.role for r in e.roles} if e else set()
