"""Which mentions are forms of a name but not the name: adjectives ("russischen", "Ukrainian",
"Berliner") and compounds that contain a name ("US-Präsident", "Nato-Gipfel", "Kreml-Sprecher").

A derived mention is never an entity of its own, never where an event happened, never one of
its actors; where the knowledge base knows the name it is a form of, it counts under that
entity (not as an alias of it). The German model marks such spans itself, GermEval's LOCderiv
-> flag ``deriv:LOC`` and LOCpart, ORGpart, PERpart -> ``part:LOC``, ... (see
``lagebild.ner.recognize``). The English model has no such types (spaCy calls "Russian" NORP,
sometimes "Ukrainian" GPE), so ``mark_derived`` gives an unflagged MISC or LOC mention the
``deriv:LOC`` flag when its text is the adjective or people-word of a place in the knowledge
base. ``is_derived`` is the one test every consumer uses; ``derived_kind`` tells the two
kinds apart for views that list them separately.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from ..kb import KnowledgeBase
from ..model import Mention

__all__ = ["DERIVED_FROM_PLACE", "derived_flag", "derived_kind", "is_derived", "mark_derived"]

DERIVED_FROM_PLACE = "deriv:LOC"
_DERIV = "deriv:"
_PART = "part:"
_PREFIXES = (_DERIV, _PART)

DerivedKind = Literal["adjective", "compound"]


def is_derived(m: Mention) -> bool:
    """Whether a mention is an adjective of a name, or a compound containing one, rather than
    the name."""
    return derived_flag(m.flags)


def derived_flag(flags: Iterable[str]) -> bool:
    """``is_derived`` for a mention's stored flags (views read them from the database)."""
    return derived_kind(flags) is not None


def derived_kind(flags: Iterable[str]) -> DerivedKind | None:
    """"adjective" (``deriv:*``), "compound" (``part:*``) or None for a name."""
    for f in flags:
        if f.startswith(_DERIV):
            return "adjective"
        if f.startswith(_PART):
            return "compound"
    return None


def mark_derived(kb: KnowledgeBase, m: Mention, surface: str) -> str | None:
    """Flag ``m`` as derived where it is, and return the entity it is a form of (a KB id) if the
    knowledge base says which one.

    ``surface`` is the mention's text as the linker cleaned it. A surface the knowledge base
    knows as a name is that name, whatever the tagger said ("Russische Föderation", "US",
    "EU-Kommission"): its derived flag is dropped. Persons and organisations are left as tagged.
    """
    if kb.lookup(surface):
        m.flags = [f for f in m.flags if not f.startswith(_PREFIXES)]
        return None
    kind = derived_kind(m.flags)
    if kind == "compound":
        m.type = "MISC"
        return _name_in_compound(kb, surface, m.flags)
    if kind is None and m.type not in ("MISC", "LOC"):
        return None
    if kind is not None and DERIVED_FROM_PLACE not in m.flags:
        return None  # an adjective of a person or body ("merkelsche"): no place to link
    places = kb.place_of_adjective(surface)
    if kind is None:
        if not places:
            return None  # "Democrats", "Muslim": a group, not a place's adjective
        m.flags.append(DERIVED_FROM_PLACE)
    # A derived word is tagged MISC, as the German model does; type checks elsewhere
    # (places, actors) then pass it over too.
    m.type = "MISC"
    return next(iter(places)) if len(places) == 1 else None


def _name_in_compound(kb: KnowledgeBase, surface: str, flags: list[str]) -> str | None:
    """The KB entity named inside a hyphenated compound ("EU-Außenminister" -> EU,
    "Saudi-Arabien-Reise" -> Saudi Arabia), or None.

    Runs of the hyphen-separated parts are tried longest first, then left to right, so a
    hyphenated name inside the compound wins over its pieces. A part must start with a capital:
    a German compound's name part is a noun or an acronym, and lower-case pieces ("pro-",
    "-freundlich") are never names. Where a part names more than one entity, the one of the
    type the tagger gave (``part:ORG`` -> ORG) is taken, else none: a wrong link is worse than
    none. A compound with no hyphen ("Kremlsprecher") stays unlinked.
    """
    parts = surface.replace("–", "-").split("-")
    if len(parts) < 2:
        return None
    tagged = next((f[len(_PART):] for f in flags if f.startswith(_PART)), "")
    for width in range(len(parts) - 1, 0, -1):
        for i in range(len(parts) - width + 1):
            run = parts[i : i + width]
            if not all(run) or not run[0][:1].isupper() or len(run[0]) < 2:
                continue
            ids = kb.lookup("-".join(run))
            if len(ids) > 1:
                ids = {e for e in ids if kb.entities[e].type == tagged}
            if len(ids) == 1:
                return next(iter(ids))
    return None
