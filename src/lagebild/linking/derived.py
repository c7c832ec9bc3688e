"""Which mentions are derived forms of a name ("russischen", "Ukrainian", "Berliner").

A derived mention is an adjective or people-word of an entity, not a name of one: it never
is an entity of its own, never where an event happened, never one of its actors. The German
model marks such spans itself (GermEval's LOCderiv, ... -> flag ``deriv:LOC``, see
``lagebild.ner.recognize``); the English model has no such type (spaCy calls "Russian"
NORP, sometimes "Ukrainian" GPE), so ``mark_derived`` gives an unflagged MISC or LOC mention
the same flag when its text is the adjective or people-word of a place in the knowledge base.
``is_derived`` is the one test every consumer uses.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..kb import KnowledgeBase
from ..model import Mention

__all__ = ["DERIVED_FROM_PLACE", "derived_flag", "is_derived", "mark_derived"]

DERIVED_FROM_PLACE = "deriv:LOC"
_PREFIX = "deriv:"


def is_derived(m: Mention) -> bool:
    """Whether a mention is an adjective or people-word of a name rather than the name."""
    return derived_flag(m.flags)


def derived_flag(flags: Iterable[str]) -> bool:
    """``is_derived`` for a mention's stored flags (views read them from the database)."""
    return any(f.startswith(_PREFIX) for f in flags)


def mark_derived(kb: KnowledgeBase, m: Mention, surface: str) -> str | None:
    """Flag ``m`` as derived where it is, and return the place it derives from (a KB id) if
    the knowledge base says which one.

    ``surface`` is the mention's text as the linker cleaned it. A surface the knowledge base
    knows as a name is that name, whatever the tagger said ("Russische Föderation", "US"):
    its derived flag is dropped. Persons and organisations are left as tagged.
    """
    if kb.lookup(surface):
        m.flags = [f for f in m.flags if not f.startswith(_PREFIX)]
        return None
    flagged = is_derived(m)
    if not flagged and m.type not in ("MISC", "LOC"):
        return None
    if flagged and DERIVED_FROM_PLACE not in m.flags:
        return None  # an adjective of a person or body ("merkelsche"): no place to link
    places = kb.place_of_adjective(surface)
    if not flagged:
        if not places:
            return None  # "Democrats", "Muslim": a group, not a place's adjective
        m.flags.append(DERIVED_FROM_PLACE)
    # A derived word is tagged MISC, as the German model does; type checks elsewhere
    # (places, actors) then pass it over too.
    m.type = "MISC"
    return next(iter(places)) if len(places) == 1 else None
