"""The knowledge base of news entities, and how users extend it.

The built-in entries live in ``lagebild/kb/data/*.yaml`` (written by the team: names and
identifiers are facts). Users add their own with ``load_user_file(path)``, with
``add_entity(...)`` (what ``lagebild entities add`` calls), or by pointing the
``LAGEBILD_KB`` environment variable at one or more files (separated by ``os.pathsep``).

User file schema
----------------
YAML: a list of mappings (or a mapping with an ``entities:`` list)::

    - name: Kaja Kallas            # canonical name (required)
      name_de: Kaja Kallas         # optional German display name
      type: PER                    # PER | ORG | LOC | MISC (required)
      wikidata: Q3739014           # optional; becomes the entity id
      id: kb:kaja-kallas           # optional; default: wikidata QID, else kb:<slug of name>
      aliases: [Kallas]            # other spellings, any language or script
      roles:                       # optional, for role descriptions ("die EU-Außenbeauftragte")
        - {role: foreign_minister, of: Q458, start: 2024-12-01, end: null}
      adjectives: [estnisch, Estonian]   # countries: adjectives that qualify role words
      prefixes: [EU]                     # compound prefixes: "EU-Kommissar", "Kremlchef"
      represents: Q159                   # bodies speaking for a country (Kremlin -> Russia)
      head_role: head_of_state           # what "Chef"/"head" of this body is

An entry whose id already exists extends it (aliases and roles are added; other fields
given replace the built-in ones).

CSV: a header row with ``name,type`` and optionally ``wikidata,id,name_de,aliases,roles``;
``aliases`` separated by ``|``; ``roles`` as ``role@of@start@end`` items separated by ``|``
(dates ISO, empty for open).

Role keys: head_of_state, head_of_government, vice_president, vice_chancellor,
foreign_minister, defence_minister, finance_minister, interior_minister, economy_minister,
spokesperson, envoy, adviser, security_adviser, chief_of_staff, secretary_general,
president (of an organisation), party_leader, parliament_president, un_ambassador, mayor,
commander_in_chief, chief_of_general_staff, security_council_secretary, supreme_leader.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError
from ..model import ENTITY_TYPES
from .demonyms import adjective_forms, lookup_keys, name_forms
from .names import exact_key, fold, match_key, slug

__all__ = [
    "KBEntity",
    "KnowledgeBase",
    "Role",
    "add_entity",
    "default_kb",
    "load_user_file",
    "reset_default_kb",
]

DATA_DIR = Path(__file__).parent / "data"
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ENV_VAR = "LAGEBILD_KB"


@dataclass(slots=True)
class Role:
    role: str
    of: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def active(self, on: dt.date | None) -> bool:
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(slots=True)
class KBEntity:
    id: str
    name: str
    type: str
    wikidata: str | None = None
    name_de: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    prefixes: list[str] = field(default_factory=list)
    represents: str | None = None
    head_role: str | None = None
    part_of: str | None = None

    def all_names(self) -> list[str]:
        return list(dict.fromkeys([self.name, *([self.name_de] if self.name_de else []), *self.aliases]))

    def display_name(self, language: str = "en") -> str:
        return self.name_de if language == "de" and self.name_de else self.name


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise ConfigError(f"not an ISO date in the knowledge base: {value!r}") from exc


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def entity_from_mapping(data: Mapping[str, Any], origin: str = "") -> KBEntity:
    """Build a ``KBEntity`` from one YAML/CSV record, checking the fields a user can get wrong."""
    name = str(data.get("name") or "").strip()
    etype = str(data.get("type") or "").strip().upper()
    where = f" in {origin}" if origin else ""
    if not name:
        raise ConfigError(f"a knowledge-base entry{where} has no name: {dict(data)!r}")
    if etype not in ENTITY_TYPES:
        raise ConfigError(f"entry {name!r}{where} has type {etype!r}; use one of {', '.join(ENTITY_TYPES)}")
    qid = data.get("wikidata")
    qid = str(qid).strip() if qid else None
    if qid and not (qid[0] in "Qq" and qid[1:].isdigit()):
        raise ConfigError(f"entry {name!r}{where}: wikidata must look like Q12345, not {qid!r}")
    qid = qid.upper() if qid else None
    eid = str(data.get("id") or "").strip() or qid or f"kb:{slug(name)}"
    roles = []
    for r in data.get("roles") or []:
        if not isinstance(r, Mapping) or not r.get("role"):
            raise ConfigError(f"entry {name!r}{where}: each role needs at least 'role'")
        roles.append(Role(str(r["role"]), str(r["of"]) if r.get("of") else None, _date(r.get("start")), _date(r.get("end"))))
    return KBEntity(
        id=eid,
        name=name,
        type=etype,
        wikidata=qid,
        name_de=str(data["name_de"]) if data.get("name_de") else None,
        aliases=_as_list(data.get("aliases")),
        roles=roles,
        adjectives=_as_list(data.get("adjectives")),
        prefixes=_as_list(data.get("prefixes")),
        represents=str(data["represents"]) if data.get("represents") else None,
        head_role=str(data["head_role"]) if data.get("head_role") else None,
        part_of=str(data["part_of"]) if data.get("part_of") else None,
    )


def _records_from_yaml(path: Path) -> list[Mapping[str, Any]]:
    try:
        loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)  # noqa: S506 - safe loader
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({exc})") from exc
    if loaded is None:
        return []
    if isinstance(loaded, Mapping):
        loaded = loaded.get("entities", [])
    if not isinstance(loaded, list):
        raise ConfigError(f"{path}: expected a list of entities")
    return loaded


def _records_from_csv(path: Path) -> list[Mapping[str, Any]]:
    records = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            rec: dict[str, Any] = {k.strip(): (v or "").strip() for k, v in row.items() if k}
            rec["aliases"] = [a.strip() for a in rec.get("aliases", "").split("|") if a.strip()]
            roles = []
            for item in rec.get("roles", "").split("|"):
                if item.strip():
                    parts = [*item.split("@"), "", "", ""]
                    roles.append({"role": parts[0], "of": parts[1] or None, "start": parts[2] or None, "end": parts[3] or None})
            rec["roles"] = roles
            records.append(rec)
    return records


def load_user_file(path: str | os.PathLike[str]) -> list[KBEntity]:
    """Read entities from a user YAML (``.yaml``/``.yml``) or CSV (``.csv``) file."""
    p = Path(path)
    if not p.exists():
        raise ConfigError(f"knowledge-base file not found: {p}")
    records = _records_from_csv(p) if p.suffix.lower() == ".csv" else _records_from_yaml(p)
    return [entity_from_mapping(r, str(p)) for r in records]


class KnowledgeBase:
    """Entities plus the indexes the linker needs (built once, on construction or ``add``)."""

    def __init__(self, entities: Iterable[KBEntity] = ()):
        self.entities: dict[str, KBEntity] = {}
        for e in entities:
            self._merge(e)
        self._build()

    # -- building ---------------------------------------------------------------------------
    def _merge(self, e: KBEntity) -> None:
        old = self.entities.get(e.id)
        if old is None:
            self.entities[e.id] = e
            return
        old.aliases = list(dict.fromkeys([*old.aliases, *e.aliases, *([e.name] if e.name != old.name else [])]))
        old.roles.extend(e.roles)
        old.adjectives = list(dict.fromkeys([*old.adjectives, *e.adjectives]))
        old.prefixes = list(dict.fromkeys([*old.prefixes, *e.prefixes]))
        for attr in ("name_de", "represents", "head_role", "part_of", "wikidata"):
            if getattr(e, attr):
                setattr(old, attr, getattr(e, attr))

    def add(self, entities: Iterable[KBEntity]) -> None:
        for e in entities:
            self._merge(e)
        self._build()

    def _build(self) -> None:
        self.by_exact: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self.by_match: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self.by_surname: dict[str, set[str]] = defaultdict(set)  # PER last-word keys (weak aliases)
        self.qualifiers: dict[str, set[str]] = defaultdict(set)  # folded adjective/prefix -> ids
        self.holders: dict[str, list[tuple[str, Role]]] = defaultdict(list)  # role key -> (person, role)
        self.bodies_of: dict[str, set[str]] = defaultdict(set)  # country id -> bodies representing it
        # Adjective and people-word keys of places (see kb.demonyms): from the listed adjectives,
        # and, weaker, made from one-word place names.
        self.demonyms: dict[str, set[str]] = defaultdict(set)
        self.name_demonyms: dict[str, set[str]] = defaultdict(set)
        self.max_words = 1
        # First word keys of every name: a text scan starts a match only at such a word.
        self.first_words: set[str] = set()
        # Exact keys of the multi-word person names, by the first letter of the key and in KB
        # order: the linker's near-miss search compares a name only with these.
        self.person_names: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
        for e in self.entities.values():
            for n in e.all_names():
                ek, mk = exact_key(n), match_key(n)
                if not ek:
                    continue
                self.by_exact[ek].add(e.id)
                self.by_match[mk].add(e.id)
                self.first_words.update((ek[0], mk[0]) if mk else (ek[0],))
                self.max_words = max(self.max_words, len(ek))
                if e.type == "PER" and len(mk) >= 2:
                    self.by_surname[mk[-1]].add(e.id)
                if e.type == "PER" and len(ek) >= 2:
                    self.person_names[ek[0][:1]].append((e.id, ek))
            for q in [*e.adjectives, *e.prefixes]:
                self.qualifiers[qualifier_key(q)].add(e.id)
            if e.type != "PER":
                # A body's or country's own names qualify role words too ("Präsident Russlands").
                for n in e.all_names():
                    if len(exact_key(n)) == 1:
                        self.qualifiers[qualifier_key(n)].add(e.id)
            for r in e.roles:
                self.holders[r.role].append((e.id, r))
            if e.represents:
                self.bodies_of[e.represents].add(e.id)
            if e.type == "LOC":
                for adj in e.adjectives:
                    for k in adjective_forms(adj):
                        self.demonyms[k].add(e.id)
                for n in e.all_names():
                    for k in name_forms(n):
                        self.name_demonyms[k].add(e.id)

    # -- queries ----------------------------------------------------------------------------
    def get(self, eid: str) -> KBEntity | None:
        return self.entities.get(eid)

    def lookup(self, name: str) -> set[str]:
        """Ids whose names match ``name`` exactly (after folding), else after inflection stripping."""
        ids = self.by_exact.get(exact_key(name))
        if ids:
            return set(ids)
        return set(self.by_match.get(match_key(name), ()))

    def lookup_surname(self, word: str) -> set[str]:
        return set(self.by_surname.get(" ".join(match_key(word)), ()))

    def qualifier(self, word: str) -> set[str]:
        """Ids a qualifier word refers to: "russischen" -> Russia, "US" -> USA, "Kreml" -> Kremlin."""
        k = qualifier_key(word)
        if k in self.qualifiers:
            return set(self.qualifiers[k])
        for suffix in ("en", "em", "er", "es", "e", "s"):
            if k.endswith(suffix) and k[: -len(suffix)] in self.qualifiers:
                return set(self.qualifiers[k[: -len(suffix)]])
        return set()

    def place_of_adjective(self, word: str) -> set[str]:
        """Places a word is the adjective or people-word of ("russischen", "Ukrainians" ->
        Russia, Ukraine); empty if none. A listed adjective is preferred to a form made from a
        name, and the word as written to the word without its ending."""
        keys = lookup_keys(word)
        for index in (self.demonyms, self.name_demonyms):
            for k in keys:
                if k in index:
                    return set(index[k])
        return set()

    def scope(self, eid: str) -> set[str]:
        """An entity together with what it stands for or is stood for by (Kremlin <-> Russia)."""
        out = {eid}
        e = self.entities.get(eid)
        if e and e.represents:
            out.add(e.represents)
            out |= self.bodies_of.get(e.represents, set())
        out |= self.bodies_of.get(eid, set())
        return out

    def holders_of(self, roles: Iterable[str], of: set[str] | None, on: dt.date | None) -> set[str]:
        """People holding one of ``roles`` (of one of ``of``, if given) on date ``on``."""
        out = set()
        for role in roles:
            for pid, r in self.holders.get(role, ()):
                if r.active(on) and (of is None or r.of in of):
                    out.add(pid)
        return out

    def __len__(self) -> int:
        return len(self.entities)


def qualifier_key(word: str) -> str:
    return fold(word).replace(" ", "").replace("'", "")


def _builtin_files() -> list[Path]:
    return sorted(DATA_DIR.glob("*.yaml"))


def _env_files() -> list[Path]:
    raw = os.environ.get(ENV_VAR, "")
    return [Path(p) for p in raw.split(os.pathsep) if p.strip()]


@lru_cache(maxsize=1)
def _default_kb() -> KnowledgeBase:
    entities: list[KBEntity] = []
    for f in _builtin_files():
        entities.extend(entity_from_mapping(r, f.name) for r in _records_from_yaml(f))
    for f in _env_files():
        entities.extend(load_user_file(f))
    return KnowledgeBase(entities)


def default_kb() -> KnowledgeBase:
    """The built-in knowledge base plus the files named in ``$LAGEBILD_KB`` (cached)."""
    return _default_kb()


def reset_default_kb() -> None:
    """Forget the cached knowledge base (after a user file changed)."""
    _default_kb.cache_clear()


def default_user_file() -> Path:
    env = _env_files()
    if env:
        return env[0]
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "lagebild" / "entities.yaml"


def add_entity(
    name: str,
    type: str,
    *,
    aliases: Iterable[str] = (),
    wikidata: str | None = None,
    name_de: str | None = None,
    roles: Iterable[Mapping[str, Any]] = (),
    path: str | os.PathLike[str] | None = None,
) -> KBEntity:
    """Append an entity to a user YAML file (default: first ``$LAGEBILD_KB`` file, else
    ``~/.config/lagebild/entities.yaml``) and return it. The cached default KB is reset."""
    record: dict[str, Any] = {"name": name, "type": type.upper()}
    if name_de:
        record["name_de"] = name_de
    if wikidata:
        record["wikidata"] = wikidata
    if aliases:
        record["aliases"] = list(aliases)
    role_list = [dict(r) for r in roles]
    if role_list:
        record["roles"] = role_list
    entity = entity_from_mapping(record)  # validate before writing anything
    target = Path(path) if path else default_user_file()
    existing = _records_from_yaml(target) if target.exists() else []
    target.parent.mkdir(parents=True, exist_ok=True)
    records = [*existing, record]
    target.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")
    reset_default_kb()
    return entity

