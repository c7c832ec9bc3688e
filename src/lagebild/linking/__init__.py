"""Entity linking: mentions -> one entity across spellings, inflections, scripts and documents.

Ids are corpus-global and need no second pass:

* a knowledge-base entity gets its Wikidata QID (``Q7747``) or ``kb:<slug>``;
* any other name gets ``<type>:<key>``, where the key folds case, diacritics, umlauts/ß,
  Cyrillic script, German/English transliteration and German inflection endings
  (``per:dmitri-peskov``-style; see ``lagebild.kb.names``). The same person written
  "Dmitrijew" in one article and "Dmitriev" in another gets the same id.

Within a document a bare surname resolves to the full name used elsewhere in it (nearest
before, else first after); with no full form it keeps its own key, so two Müllers in two
articles are never merged just because they share a surname. Role descriptions
("der Kremlchef", "US-Präsident", "the Kremlin spokesman") become mentions flagged
``role`` when exactly one KB person holds that role on the reference date. A near-miss of
a KB name in a matching role context ("Außenminister Mark Rubio") links to the KB entity
and is flagged ``probable-misspelling``. An adjective or people-word of a place ("russischen",
"Ukrainians"; see ``linking.derived``) is flagged ``deriv:LOC`` and counted under its place, or
left unlinked where the KB does not know the place; a compound with a name in it ("US-Präsident",
"Nato-Gipfel"; flag ``part:*``) likewise counts under the entity its name part names. Neither is
ever an entity of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..kb import KBEntity, KnowledgeBase, default_kb
from ..kb.names import edit_distance, exact_key, key_string, match_key
from ..model import Document, Entity, Mention, Token
from .derived import is_derived, mark_derived
from .roles import RolePhrase, find_roles, person_roles, resolve

__all__ = ["Linker", "entity_key", "reference_date"]

PROBABLE_MISSPELLING = "probable-misspelling"
ROLE = "role"

_POSSESSIVE = re.compile(r"['’]s?$")
_LEADING_ARTICLE = re.compile(r"^(?:der|die|das|den|dem|des|the)\s+", re.IGNORECASE)
# Titles and nobiliary particles that do not tell two people apart: "Herr Müller" = "Müller",
# "von Bismarck" = "Bismarck" (KB names keep theirs: "von der Leyen" is looked up first).
_LEADING_TITLES = re.compile(
    r"^(?:(?:herr|herrn|frau|dr|prof|mr|mrs|ms|sir|von|vom|v|zu|van|de)\b\.?\s*)+", re.IGNORECASE
)
_TYPES_INTERCHANGEABLE = frozenset({"LOC", "ORG", "MISC"})
_INITIAL = re.compile(r"^[A-ZÄÖÜ]\.?$")
# Misspelling tolerance on skeleton keys (see kb.names): first name with a role context,
# and the total over first and last name without one. Calibrated on bench/data/linking dev
# examples; these move together.
_FUZZY_FIRST_WITH_ROLE = 2
_FUZZY_TOTAL_NO_ROLE = 1


def reference_date(doc: Document) -> dt.date:
    """The date roles are evaluated on: the publication date, else today."""
    if doc.published:
        try:
            return dt.date.fromisoformat(doc.published[:10])
        except ValueError:
            pass
    return dt.date.today()


def clean_surface(text: str) -> str:
    text = _POSSESSIVE.sub("", text.strip())
    return _LEADING_ARTICLE.sub("", text).strip(" \"'„“”»«()[]-–,.;:")


def name_core(surface: str, etype: str) -> str:
    """The part of a cleaned name that identifies it (person titles and particles dropped)."""
    if etype == "PER":
        core = _LEADING_TITLES.sub("", surface).strip()
        if core and exact_key(core):
            return core
    return surface


def entity_key(surface: str, etype: str) -> str:
    """The corpus-global id of a name that is not in the knowledge base."""
    return f"{etype.lower()}:{key_string(match_key(name_core(clean_surface(surface), etype)))}"


def _compatible(mention_type: str, kb_type: str) -> bool:
    return mention_type == kb_type or (mention_type in _TYPES_INTERCHANGEABLE and kb_type in _TYPES_INTERCHANGEABLE)


@dataclass(slots=True)
class _Cluster:
    """Everything the document says about one entity."""

    id: str
    type: str
    kb: KBEntity | None = None
    surfaces: list[str] = field(default_factory=list)
    words: int = 0  # most words in any non-role surface (full names have 2+)


class Linker:
    """Links a document's mentions. One instance per process is enough (it is stateless)."""

    def __init__(self, kb: KnowledgeBase | None = None, *, name_language: str = "de", roles: bool = True):
        self.kb = kb or default_kb()
        self.name_language = name_language
        self.roles = roles

    # -- knowledge-base lookups ---------------------------------------------------------------
    def _kb_candidates(self, surface: str, mtype: str, raw: str | None = None) -> set[str]:
        ids: set[str] = set()
        for form in dict.fromkeys(f for f in (raw, surface, name_core(surface, mtype)) if f):
            ids = {i for i in self.kb.lookup(form) if _compatible(mtype, self.kb.entities[i].type)}
            if ids:
                return ids
        if surface.endswith("s") and len(surface) > 3:
            # Genitive of a short name the inflection rule leaves alone: "Roms", "Kiews".
            ids = {i for i in self.kb.lookup(surface[:-1]) if _compatible(mtype, self.kb.entities[i].type)}
        if ids or mtype != "PER":
            return ids
        words = surface.split()
        if len(words) >= 3 or any(_INITIAL.match(w) for w in words):
            # "Donald J. Trump", "Wladimir Wladimirowitsch Putin": first and last name.
            core = [w for w in words if not _INITIAL.match(w)]
            if len(core) >= 2:
                ids = {i for i in self.kb.lookup(f"{core[0]} {core[-1]}") if self.kb.entities[i].type == "PER"}
        return ids

    def _fuzzy_person(self, surface: str, context_roles: set[str]) -> str | None:
        """A KB person whose name is a near miss of ``surface`` (a two-or-more-word name)."""
        key = exact_key(surface)
        if len(key) < 2:
            return None
        first, last = key[0], key[-1]
        best: tuple[int, str] | None = None
        # Only KB names whose first word starts with the same letter can be near misses. A
        # distance beyond the largest one accepted need not be exact, so edit_distance (which
        # stops early past its limit) gets that largest value as its limit.
        for eid, k in self.kb.person_names.get(first[:1], ()):
            d_last = edit_distance(last, k[-1], 1)
            if d_last > 1 or (d_last == 1 and len(last) < 5):
                continue
            d_first = edit_distance(first, k[0], max(_FUZZY_FIRST_WITH_ROLE, _FUZZY_TOTAL_NO_ROLE))
            role_ok = bool(context_roles & person_roles(self.kb, eid))
            ok = (role_ok and d_first <= _FUZZY_FIRST_WITH_ROLE and d_last == 0) or (
                d_first + d_last <= _FUZZY_TOTAL_NO_ROLE
            )
            if ok and (best is None or d_first + d_last < best[0]):
                best = (d_first + d_last, eid)
        return best[1] if best else None

    # -- main entry -----------------------------------------------------------------------------
    def link(
        self,
        doc: Document,
        mentions: list[Mention],
        *,
        on: dt.date | None = None,
        tokens: list[Token] | None = None,
    ) -> tuple[list[Mention], list[Entity]]:
        """Set ``entity`` on each mention, add resolved role mentions; return (mentions, entities)."""
        on = on or reference_date(doc)
        mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        clusters: dict[str, _Cluster] = {}

        phrases = self._role_phrases(doc, tokens or doc.tokens) if self.roles else []
        # Role words directly before a name ("Außenminister Mark Rubio") give it a role context.
        context: dict[int, set[str]] = {}
        by_start = {m.start: idx for idx, m in enumerate(mentions)}
        for ph in phrases:
            idx = self._mention_after(doc.text, ph.end, by_start)
            if idx is not None:
                context[idx] = set(ph.roles) - {"head"}

        def attach(m: Mention, eid: str, etype: str, kb_entity: KBEntity | None, surface: str, role: bool = False) -> None:
            m.entity = eid
            c = clusters.get(eid)
            if c is None:
                c = clusters[eid] = _Cluster(eid, kb_entity.type if kb_entity else etype, kb_entity)
            if is_derived(m):
                return  # "russischen" counts for Russia but is no alias (name) of it
            c.surfaces.append(m.text)
            if not role:
                c.words = max(c.words, len(surface.split()))

        pending_short: list[int] = []
        # Pass 1: full names and everything that is not a bare person surname.
        for idx, m in enumerate(mentions):
            surface = clean_surface(m.text)
            if not surface or not exact_key(surface):
                continue
            # An adjective or people-word ("russischen", "Ukrainians") or a compound with a name
            # in it ("US-Präsident", "Nato-Gipfel") is counted under that name's entity where the
            # KB knows it, and is never an entity of its own. A role phrase on the same words
            # ("US-Präsident" -> the sitting president) is added as its own mention below.
            source = mark_derived(self.kb, m, surface)
            if is_derived(m):
                if source is not None:
                    attach(m, source, m.type, self.kb.entities[source], surface)
                continue
            if m.type == "PER" and len(name_core(surface, "PER").split()) == 1:
                pending_short.append(idx)
                continue
            raw = _POSSESSIVE.sub("", m.text.strip())
            ids = self._kb_candidates(surface, m.type, raw)
            if len(ids) > 1:
                ids = {i for i in ids if i in clusters} or {i for i in ids if self.kb.entities[i].type == m.type} or ids
            if len(ids) == 1:
                eid = next(iter(ids))
                attach(m, eid, m.type, self.kb.entities[eid], surface)
                continue
            if m.type == "PER":
                fuzzy = self._fuzzy_person(surface, context.get(idx, set()))
                if fuzzy:
                    if PROBABLE_MISSPELLING not in m.flags:
                        m.flags.append(PROBABLE_MISSPELLING)
                    attach(m, fuzzy, "PER", self.kb.entities[fuzzy], surface)
                    continue
            attach(m, entity_key(surface, m.type), m.type, None, surface)

        # Pass 2: bare surnames -> a full name in this document, else the KB, else own key.
        full_names: list[tuple[int, str, tuple[str, ...]]] = [
            (m.start, m.entity, match_key(name_core(clean_surface(m.text), "PER")))
            for m in mentions
            if m.entity and m.type == "PER" and len(name_core(clean_surface(m.text), "PER").split()) >= 2
        ]
        for ent in clusters.values():
            if ent.kb is not None and ent.type == "PER":
                # A KB person mentioned by full name is known under all its KB surnames too
                # ("Selenskyj" after "Volodymyr Zelensky").
                for name in ent.kb.all_names():
                    k = match_key(name)
                    if len(k) >= 2:
                        first = min(m.start for m in mentions if m.entity == ent.id)
                        full_names.append((first, ent.id, k))
        for idx in pending_short:
            m = mentions[idx]
            surface = clean_surface(m.text)
            key = match_key(name_core(surface, "PER"))
            hits = [(start, eid) for start, eid, k in full_names if k[-1:] == key]
            if not hits:
                # Family name first ("Wang" after "Wang Yi"), only when it points at one entity.
                first = [(start, eid) for start, eid, k in full_names if k[:1] == key]
                if len({eid for _, eid in first}) == 1:
                    hits = first
            if hits:
                before = [h for h in hits if h[0] < m.start]
                start, eid = max(before) if before else min(hits)
                attach(m, eid, "PER", clusters[eid].kb, surface)
                continue
            ids = self._kb_candidates(surface, "PER")
            if not ids:
                ids = self.kb.lookup_surname(surface)
            if len(ids) == 1:
                eid = next(iter(ids))
                attach(m, eid, "PER", self.kb.entities[eid], surface)
                continue
            attach(m, entity_key(surface, "PER"), "PER", None, surface)

        # Role descriptions that stand alone ("sagte der Kremlchef") become mentions.
        # Only person mentions block a role phrase: "Sprecherin des Weißen Hauses" contains an ORG.
        occupied = [(m.start, m.end) for m in mentions if m.type == "PER"]
        added: list[Mention] = []
        for ph in phrases:
            if self._mention_after(doc.text, ph.end, by_start) is not None:
                continue
            if any(not (ph.end <= s or ph.start >= e) for s, e in occupied) or ph.indefinite:
                continue
            mentioned = [m.entity for m in mentions if m.entity and m.start < ph.start and m.type == "PER"]
            pid = resolve(self.kb, ph, on, mentioned)
            if pid is None:
                continue
            rm = Mention(ph.start, ph.end, doc.text[ph.start : ph.end], "PER", flags=[ROLE])
            attach(rm, pid, "PER", self.kb.entities[pid], rm.text, role=True)
            added.append(rm)
        mentions = sorted([*mentions, *added], key=lambda m: m.start)
        return mentions, [self._entity(c) for c in clusters.values()]

    # -- helpers --------------------------------------------------------------------------------
    def _role_phrases(self, doc: Document, tokens: list[Token]) -> list[RolePhrase]:
        if not tokens:
            return []
        if not doc.sentences:
            return find_roles(self.kb, tokens)
        out: list[RolePhrase] = []
        ti = 0
        for s in doc.sentences:
            chunk: list[Token] = []
            while ti < len(tokens) and tokens[ti].start < s.end:
                if tokens[ti].start >= s.start:
                    chunk.append(tokens[ti])
                ti += 1
            out.extend(find_roles(self.kb, chunk))
        return out

    @staticmethod
    def _mention_after(text: str, end: int, by_start: dict[int, int]) -> int | None:
        """Index of the mention starting right after ``end`` (only spaces or a comma between)."""
        j = end
        while j < len(text) and j - end < 3 and text[j] in " ,\u00a0":
            j += 1
        return by_start.get(j) if j > end else None

    def _entity(self, c: _Cluster) -> Entity:
        seen = list(dict.fromkeys(c.surfaces))
        if c.kb is not None:
            aliases = list(dict.fromkeys([*seen, *c.kb.all_names()]))
            return Entity(c.id, c.kb.display_name(self.name_language), c.kb.type, aliases, c.kb.wikidata)
        # The longest spelling seen (ties: the most frequent, then the first) names the entity.
        counts = {s: c.surfaces.count(s) for s in seen}
        name = max(seen, key=lambda s: (len(clean_surface(s).split()), counts[s], -seen.index(s)))
        return Entity(c.id, clean_surface(name), c.type, seen, None)
