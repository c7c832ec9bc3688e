"""Adjectives and people-words of places ("russischen", "Ukrainians", "Berliner") as keys.

The knowledge base lists, for countries, the adjectives that qualify role words
(``adjectives: [russisch, Russian]``). A news text also uses the people-words and the
inflected forms of them ("die Ukrainer", "den Russen", "Europeans"), and adjectives of
places that have none listed ("Münchner", "European"). Both are produced here by rule, so
that no table of demonyms has to be kept by hand:

* ``adjective_forms`` — from a listed adjective: German -isch adjectives give the people-words
  of the three common patterns (ukrainisch -> Ukrainer, russisch -> Russe, kanadisch ->
  Kanadier); English ones their plural (Russians; Turkish -> Turks, Polish -> Poles).
* ``name_forms`` — from a one-word place name: the German -er word (Berliner, Ukrainer,
  Münchner, Amerikaner) and the English -(i)an adjective (Russian, Ukrainian, European).

The rules over-generate ("Russer", "Ukrainean"); that is harmless because a form is only
ever looked up for a word that the recogniser did not take for a name of its own (see
``lagebild.linking.derived``), and a word that is a knowledge-base name stays that name.
``lookup_keys`` strips the German and English endings of a word before the lookup.
"""

from __future__ import annotations

from .names import fold

__all__ = ["adjective_forms", "demonym_key", "lookup_keys", "name_forms"]

# Endings of inflected adjectives and plural people-words: russischen, Ukrainern, Russians.
_ENDINGS = ("ern", "en", "em", "er", "es", "e", "n", "s")
# "ostukrainische", "westdeutschen": a compass prefix narrows the place, it does not change it.
_COMPASS = ("nord", "ost", "sud", "west")


def demonym_key(word: str) -> str:
    """Folded, without spaces, hyphens or apostrophes: "South Korean" -> "southkorean"."""
    return fold(word).replace(" ", "").replace("'", "")


def adjective_forms(adjective: str) -> set[str]:
    """Keys of a listed adjective and the people-words made from it."""
    k = demonym_key(adjective)
    if not k:
        return set()
    out = {k}
    if k.endswith("isch") and len(k) > 6:
        stem = k[:-4]
        out |= {stem + "er", stem + "e", stem + "ier"}
    elif k.endswith("ish") and len(k) > 5:
        stem = k[:-3]
        out |= {stem + "s", stem + "es"}
    elif not k.endswith("isch"):
        out.add(k + "s")
    return out


def name_forms(name: str) -> set[str]:
    """Adjective and people-word keys made from a one-word place name (none for longer names)."""
    k = demonym_key(name)
    if " " in name.strip() or len(k) < 4 or not k.isalpha():
        return set()
    out = {k + "er"}
    if k.endswith("e"):
        out |= {k[:-1] + "er", k + "an", k[:-1] + "ian"}
    elif k.endswith("en"):
        out |= {k[:-2] + "ner", k[:-2] + "er"}
    elif k.endswith("a"):
        out |= {k + "ner", k + "n"}
    return out


def lookup_keys(word: str) -> list[str]:
    """Keys to try for a word in text, most literal first: the word, then without an ending,
    then without a compass prefix."""
    k = demonym_key(word)
    if not k:
        return []
    keys = [k] + [k[: -len(e)] for e in _ENDINGS if k.endswith(e) and len(k) - len(e) >= 4]
    for p in _COMPASS:
        if k.startswith(p) and len(k) - len(p) >= 5:
            keys.extend(lookup_keys(k[len(p):]))
            break
    return list(dict.fromkeys(keys))
