"""Which named mentions of a sentence can take part in its events, from word order, case
markers and prepositions (German and English news).

* **Sources of information are not actors.** A name after "nach Angaben des/der", "laut",
  "unter Berufung auf", "according to", "citing", "officials in", before "zufolge", or in a
  "wie X mitteilte" / "as X said" clause tells who reports, not who acts ("Beide Seiten
  einigten sich nach Angaben des Kremls" has no named actor). Names hanging off a source by
  a genitive or a coordination ("nach Angaben des Sprechers von Präsident Putin") go with it.
* **Places are not actors.** A LOC after a locative preposition ("in Kiew") is the place; so
  is one coordinated with such a place ("in Teheran und Isfahan"). A LOC is an actor only by
  metonymy, in an argument position ("Russland griff an", "sanctions against Russia"), and
  only when it names a state or a capital the knowledge base links: an unlinked LOC is a
  city, region or landmark. An English possessor ("at Poland's request") is not a place.
* **Datelines are not actors.** "WASHINGTON/MOSCOW — ..." and "Berlin (dpa) - ..." say where
  a report was filed.
* **Title modifiers are not actors.** An organisation or country that only qualifies a
  person's title ("Trade Commissioner Maros Sefcovic", "US-Präsident Trump") is part of the
  person's description. A mention nested inside a longer mention ("Britain" in "Britain's
  foreign secretary") is part of the longer one.
* **Reporting clauses.** A trailing "sagte X" / "the White House said" names who reports: its
  name is an actor of the reported event only when the reported clause's subject is a
  pronoun that can point to it ("Er werde Putin treffen, sagte Trump").
* **Complement clauses.** In "Trump told reporters that a meeting between Putin and Zelensky
  could happen", the event's participants are in the that-clause; the speaker counts only
  when the complement has no named participant or opens with a pronoun.

Pure functions over a sentence string and its mentions (offsets relative to the sentence).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple
from functools import lru_cache

_I = re.I

# Markers after which the next name is a source of information.
_SOURCE_BEFORE = {
    "de": re.compile(
        r"\b(?:nach\s+(?:eigenen\s+)?(?:angaben|informationen|berichten|darstellung|aussagen?|einschätzung|erkenntnissen)"
        r"|laut|unter\s+berufung\s+auf|zitiert\s+(?:von|nach)|berief\s+sich\s+auf|beruft\s+sich\s+auf"
        r"|(?:quellen|kreisen|kreise|regierungskreisen|sicherheitskreisen|diplomatenkreisen)\s+(?:in|im|aus|bei|beim)"
        r"|hie(?:ß|ss)\s+es\s+(?:aus|in|im|von|vom|bei|beim)|verlautete\s+(?:aus|in|im))\b",
        _I,
    ),
    "en": re.compile(
        r"\b(?:according\s+to|cited\s+by|quoted\s+by|reported\s+by|citing|quoting"
        r"|sources?\s+(?:in|at|close\s+to|familiar\s+with)"
        r"|(?:people|officials?|diplomats?|aides?)\s+(?:close\s+to|familiar\s+with))\b",
        _I,
    ),
}
# Every source construction holds one of these (a fast pre-test for ``sources``).
_SOURCE_KEYS = {
    "de": ("angaben", "laut", "berufung", "zitiert", "beruf", "quellen", "kreise", "hieß", "hiess", "verlautete",
           "informationen", "berichten", "darstellung", "aussage", "einschätzung", "erkenntnis"),
    "en": ("according", "cited", "quoted", "reported by", "citing", "quoting", "source", "familiar", "close to"),
}
# The gap between a source marker and the source's name is a noun phrase's beginning: articles,
# adjectives (after an article), role nouns and the prepositions that chain them ("nach Angaben
# eines Sprechers des", "according to a senior official at the"). Anything else - a verb in
# "Laut Bericht griff Russland" - ends the source phrase before the name.
_GAP_ARTICLE = re.compile(
    r"(?:der|die|das|des|dem|den|ein|eine|einer|eines|einem|einen|seine[rsmn]?|ihre[rsmn]?|a|an|the|his|her|its|their)$", _I
)
_GAP_PREP = re.compile(r"(?:von|vom|aus|bei|beim|im|in|of|for|at|in|from|to|with|close)$", _I)
_GAP_ROLE = re.compile(
    r"(?:[\w-]*(?:sprecher\w*|angaben|bericht\w*|informationen|ministerium\w*|regierung\w*|behörde\w*|quelle\w*|kreise\w*|"
    r"medien|agentur\w*|zeitung\w*|militär\w*|armee|luftwaffe|verwaltung\w*|beamte\w*|diplomat\w*|vertreter\w*|"
    r"dienst\w*|büro\w*|amt\w*|stab\w*|führung|leitung|präsidialamt\w*|kommando\w*|generalstab\w*|"
    # a title before the source's name: "laut Außenminister Lawrow", "according to Foreign Minister Lavrov"
    r"berater\w*|minister\w*|präsident\w*|kanzler\w*|botschafter\w*|gesandte\w*|beauftragte\w*|chef\w*)"
    r"|spokes\w*|officials?|sources?|ministry|government|authorities|agency|media|reports?|statement|office|"
    r"military|army|air|force|forces|staff|aides?|diplomats?|people|person|familiar|senior|state|news|outlet|newspaper|"
    r"advis[eo]rs?|ministers?|foreign|prime|president|vice|deputy|secretary|chancellor|envoy|ambassador|chief)$",
    _I,
)
_GAP_ADJ = {
    "de": re.compile(r"[a-zäöü][\w-]*(?:e|en|er|es|em)$"),
    "en": re.compile(r"[a-z][\w-]*$"),
}
_GAP_TOKEN = re.compile(r"[\w'’.-]+|[^\s\w]")


def _source_gap(gap: str, lang: str) -> bool:
    """Whether ``gap`` can sit between a source marker and the source's name."""
    tokens = _GAP_TOKEN.findall(gap)
    if len(tokens) > 6:
        return False
    adj_ok = False  # German adjectives only after an article or another adjective
    for t in tokens:
        if _GAP_ARTICLE.match(t) or _GAP_PREP.match(t):
            adj_ok = True
        elif _GAP_ROLE.match(t):
            adj_ok = lang == "en"
        elif _GAP_ADJ[lang].match(t) and (adj_ok or lang == "en") and not (lang == "en" and _EN_VERBISH.match(t)):
            adj_ok = True
        else:
            return False
    return True


_EN_VERBISH = re.compile(r"(?:\w+ed|said|says|met|will|would|has|had|have|was|were|is|are)$", _I)
# A postposed source marker: "dem Kreml zufolge", "Regierungskreisen zufolge".
_SOURCE_AFTER = {
    "de": re.compile(r"[\w-]*\s*(?:[\w-]+\s+)?zufolge\b", _I),
    "en": re.compile(r"(?!)"),
}
# "wie der Kreml mitteilte", "as the ministry said": a clause that only names a source.
_AS_CLAUSE = {
    "de": re.compile(
        r"^\s*wie\s+.*\b(?:mitteilte|mitteilten|berichtete|berichteten|meldete|meldeten|sagte|sagten|erklärte|erklärten|"
        r"bestätigte|bestätigten|verlautete|schrieb|schrieben|hieß)\s*$",
        _I,
    ),
    "en": re.compile(r"^\s*as\s+.*\b(?:said|says|reported|reports|announced|confirmed|stated|wrote|told\s+\w+)\s*$", _I),
}
_AS_OPENER = {"de": "wie ", "en": "as "}
# Genitive or coordination that ties a further name to a source ("des Sprechers von Putin").
_SOURCE_CHAIN = re.compile(
    r"^\s*(?:und|and|sowie|des|der|von|vom|of|for|from|aus|beim?)\s+(?:(?:der|die|das|des|dem|den|the|a|an)\s+)?"
    r"(?:[\w-]+\s+){0,2}$"
    # ... or a title compound the first name qualifies: "laut Kreml-Berater Juri Uschakow"
    r"|^-[\w-]+\s+$",
    _I,
)
# A reporting verb: a clause holding one reports, it does not act.
REPORTING = {
    "de": re.compile(
        r"\b(?:sagte|sagten|sagt|erklärte|erklärten|erklärt|teilte|teilten|mitteilte|hie(?:ß|ss)|berichtete|berichteten|"
        r"berichtet|meldete|meldeten|bestätigte|bestätigten|betonte|betonten|verlautete|schrieb|zitiert\w*|so)\b",
        _I,
    ),
    "en": re.compile(
        r"\b(?:said|says|told|reported|reports|announced|confirmed|stated|added|wrote|according)\b", _I
    ),
}

# Locative prepositions before a place, optionally with article, modifier and a place noun
# ("in der russischen Region Saratow", "in the western city of Ternopil"); an unrecognised
# first part of a name ("in Scharm el-Scheich") may sit between.
_LOC_PREP = {
    "de": re.compile(
        r"\b(?P<p>(?i:in|im|nach|auf|bei|beim|an|vor|nahe|über|gegenüber\s+von))\s+"
        r"(?:(?i:der|dem|den|die|das)?\s*(?:[a-zäöü][\w-]*\s+)?(?:(?i:region|stadt|hauptstadt|provinz|gebiet|oblast|ort|"
        r"dorf|hafenstadt|grenzstadt|grenzregion|großstadt|metropole)\s+)?|(?<=in\s)[A-ZÄÖÜ][\w-]*\s+)$"
    ),
    "en": re.compile(
        r"\b(?P<p>(?i:in|at|to|near|on|outside|inside|over|through|across|throughout))\s+"
        r"(?:(?i:the\s+)?(?:[a-z][\w-]*\s+)?(?:(?i:city|town|region|province|village|capital|port|state|oblast)\s+(?i:of\s+)?)?"
        r"|(?<=in\s)[A-Z][\w-]*\s+)$"
    ),
}
# The prepositions above that mark a recipient rather than a destination when the event is a
# transfer: "Waffen an die Ukraine", "aid to Ukraine".
_RECIPIENT_PREPS = frozenset({"an", "to"})
_BUILDING_PREP = {
    "de": re.compile(r"\b(?:im|ins|vor\s+dem)\s+$", _I),
    "en": re.compile(r"\b(?:at|in|to|outside)\s+the\s+$", _I),
}
# A government named by its seat: "die Regierungen in Chisinau und Moskau", "the authorities in Kyiv".
_SEAT_OF = re.compile(
    r"(?:regierung\w*|führung|staatsführung|behörden|machthaber\w*|government\w*|authorities|leadership|regime)\s+(?:in|im)\s+$",
    _I,
)
_COORDINATION = re.compile(r"^\s*(?:,|und|and|or|oder|sowie|as\s+well\s+as|,\s*(?:und|and))\s*$", _I)
_POSSESSIVE = re.compile(r"^['’]s?\b")
# Title words between a qualifying name and a person: "Trade Commissioner", "Außenminister".
_TITLE_GAP = {
    "de": re.compile(
        r"^[\s-]*(?:(?:[\w-]*(?:minister\w*|präsident\w*|kanzler\w*|chef\w*|sprecher\w*|kommissar\w*|beauftragte\w*|"
        r"gesandte\w*|botschafter\w*|generalsekretär\w*|premier\w*|staatssekretär\w*|vorsitzende\w*|führer\w*|"
        r"oberbefehlshaber\w*|general\w*|diplomat\w*|unterhändler\w*|vertreter\w*|regierungschef\w*|staatschef\w*))\s*){1,2}$",
        _I,
    ),
    "en": re.compile(
        r"^[\s-]*(?:(?:(?:Prime|Foreign|Defen[cs]e|Finance|Trade|Deputy|Vice|Chief|General|Special|Secretary|Minister|"
        r"President|Chancellor|Commissioner|Envoy|Ambassador|Spokes(?:man|woman|person)|Leader|Premier|Chair(?:man|woman)?|"
        r"Negotiator|Representative|Adviser|Advisor|General|Commander|High|of|State)\b)\s*){1,4}$"
    ),
}
PRONOUN_START = {
    # not "es": mostly an expletive ("dass es ein Telefonat gegeben habe")
    "de": re.compile(r"^\s*(?:dass\s+|ob\s+)?(?:er|sie|man|wir|ich)\b", _I),
    "en": re.compile(r"^\s*(?:that\s+)?(?:he|she|it|they|we|i)\b", _I),
}
# A German infinitive clause has no subject of its own: "Merz bestritt, Putin getroffen zu
# haben" - Merz met (or not) Putin, the name in the clause is the object.
_DE_INFINITIVE = re.compile(
    r"(?:\bzu\s+[a-zäöü]\w*(?:\s+(?:haben|sein|werden|lassen))?"
    r"|\b(?:an|auf|aus|ein|mit|vor|zurück|ab|fest|frei|bei|fort|weiter|her|hin|zusammen|teil)zu[a-zäöü]{3,}en)\s*[.!?]?\s*$"
)
# A name right after these prepositions is acted upon: "Angriffe auf Kiew", "sanctions against Russia".
_TARGET_PREP = {
    "de": re.compile(r"\b(?:gegen|auf|gegenüber)\s+(?:(?:der|die|das|den|dem|des)\s+)?(?:[a-zäöü][\w-]*\s+)?$", _I),
    "en": re.compile(r"\b(?:against|on|at|targeting)\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?$"),
}
# Pronouns that can only point to a person: a reporting organisation is no antecedent.
_PERSONAL_PRONOUN = {
    "de": re.compile(r"^\s*(?:dass\s+|ob\s+)?(?:er|ich)\b", _I),
    "en": re.compile(r"^\s*(?:that\s+)?(?:he|she|i)\b", _I),
}
# Subordinators that open a complement or conditional clause without a comma (English mostly).
_SUBORDINATOR = {
    "de": re.compile(r"\b(?:dass|ob|falls|sofern)\b", _I),
    "en": re.compile(r"\b(?:that|whether|if|unless)\b(?!\s+(?:is|was|would|will|could|has|had)\b)", _I),
}
# English reports without "that": "Zelensky said Russia had launched 300 drones".
_BARE_REPORT_EN = re.compile(
    r"\b(?:said|says|claimed|claims|stated|insisted|added)\b(?=\s+(?!that\b|in\b|on\b|at\b|after\b|before\b|"
    r"during\b|to\b|the\s+(?:statement|report|interview)\b)[\w\"“])", _I)


class Named(NamedTuple):
    """A mention seen from the sentence: offsets relative to the sentence start (a tuple:
    several are made per sentence with an event)."""

    start: int
    end: int
    type: str
    ident: str
    linked: bool = True  # linked to a knowledge-base entity (or no linking was run)


def sources(text: str, names: Sequence[Named], clauses: Sequence[tuple[int, int]], lang: str) -> set[int]:
    """Indexes of ``names`` that are sources of information, not participants."""
    out: set[int] = set()
    if not names:
        return out
    if _mentions_source(text.lower(), _SOURCE_KEYS[lang]):  # substring tests first: most sentences name none
        for m in _SOURCE_BEFORE[lang].finditer(text):
            for i, n in enumerate(names):
                if n.start < m.end():
                    continue
                if _source_gap(text[m.end() : n.start], lang):
                    out.add(i)
                break
    if lang == "de" and "zufolge" in text:
        after = _SOURCE_AFTER[lang]
        for i, n in enumerate(names):
            if after.match(text, n.end, n.end + 30):
                out.add(i)
    as_clause, opener = _AS_CLAUSE[lang], _AS_OPENER[lang]
    for a, b in clauses:
        if text[a : a + 4].lower().startswith(opener) and as_clause.match(text[a:b]):
            out.update(i for i, n in enumerate(names) if a <= n.start < b)
    if not out:
        return out
    # names tied to a source by a genitive or a list go with it
    for i in range(1, len(names)):
        if i - 1 in out and i not in out and _SOURCE_CHAIN.match(text[names[i - 1].end : names[i].start]):
            out.add(i)
    return out


# A dateline names where a report was filed, not who acts: "WASHINGTON/MOSCOW — ...",
# "Berlin (dpa) - ...". All capitals, or a name with an agency tag, then a dash.
_DATELINE = re.compile(
    r"^\s*(?:[A-ZÄÖÜ][A-ZÄÖÜ.'’/ -]{1,60}?(?:\s*\([^)]{1,30}\))?"
    r"|[A-ZÄÖÜ][\w.'’/ -]{1,40}?\s*\((?:dpa|afp|ap|reuters|rtr|kna|epd|dts|apa|sda|ots)[^)]{0,20}\))\s*[—–-]\s"
)


def dateline(text: str, names: Sequence[Named]) -> set[int]:
    """Indexes of names in a dateline at the start of ``text``."""
    if not names or names[0].start > 60:
        return set()
    head = text[:90]
    if "—" not in head and "–" not in head and " - " not in head:  # no dash, no dateline
        return set()
    m = _DATELINE.match(text)
    if m is None:
        return set()
    return {i for i, n in enumerate(names) if n.end <= m.end()}


# What a dispute is about is its subject, not a party to it: "Im Streit um Grönland drohte
# Trump Dänemark", "in the dispute over Greenland", "Streit zwischen Berlin und Paris über den
# Haushalt". The parties ("zwischen Berlin und Paris", "with Denmark") stay in the gap before
# the preposition and keep their role. "battle/fight over" is left out: a town fought over is
# where the fighting happens.
_DISPUTE_OVER = {
    "de": re.compile(
        r"\b(?:[\w-]*streit(?:s|es|igkeit|igkeiten)?|[\w-]*konflikt(?:s|es|e|en)?|tauziehen|zwist|disput|kontroverse\w*|"
        r"auseinandersetzung(?:en)?|spannungen|[\w-]*machtkampf\w*|gerangel|hickhack|zerwürfnis\w*)"
        r"\s+(?:[^\s,;:.!?()]+\s+){0,6}?(?:um|über)\s+(?:(?:den|die|das|dem|des|der|ein|eine|einen|einem)\s+)?"
        r"(?:[\w-]+\s+)?$",
        _I,
    ),
    "en": re.compile(
        r"\b(?:disputes?|rows?|feuds?|spats?|stand-?offs?|conflicts?|tensions?|tussles?|wrangl\w*|quarrel\w*|"
        r"showdowns?|war\s+of\s+words|disagreements?|controvers(?:y|ies))"
        r"\s+(?:[^\s,;:.!?()]+\s+){0,6}?(?:over|about)\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+)?$",
        _I,
    ),
}
_DISPUTE_KEYS = {"de": ("streit", "konflikt", "tauziehen", "zwist", "disput", "kontrovers", "auseinandersetzung",
                        "spannungen", "machtkampf", "gerangel", "hickhack", "zerwürfnis"),
                 "en": ("disput", "row", "feud", "spat", "stand", "conflict", "tension", "tussle", "wrangl", "quarrel",
                        "showdown", "war of words", "disagree", "controvers")}


def disputed(text: str, names: Sequence[Named], lang: str) -> set[int]:
    """Indexes of names that a dispute is about (with the names listed with them)."""
    out: set[int] = set()
    if not names or not _mentions_source(text.lower(), _DISPUTE_KEYS[lang]):
        return out
    rx = _DISPUTE_OVER[lang]
    for i, n in enumerate(names):
        if i in out:
            continue
        if rx.search(text[max(0, n.start - 120) : n.start]):
            out.add(i)
            j = i + 1
            while j < len(names) and _listed(text, names[j - 1], names[j]):
                out.add(j)
                j += 1
    return out


def _mentions_source(low: str, keys: tuple[str, ...]) -> bool:
    for k in keys:  # a plain loop: cheaper than any() over a generator, and this runs per sentence
        if k in low:
            return True
    return False


def modifiers(text: str, names: Sequence[Named], lang: str) -> set[int]:
    """Indexes of names that only describe another: nested in a longer mention, or a title's
    qualifier right before a person ("Trade Commissioner Maros Sefcovic")."""
    out: set[int] = set()
    title = _TITLE_GAP[lang]
    for i, n in enumerate(names):
        for j, o in enumerate(names):
            if j != i and o.start <= n.start and n.end <= o.end and (o.end - o.start) > (n.end - n.start):
                out.add(i)
                break
        if n.type in ("ORG", "LOC"):
            # walk over title words and further qualifiers to a person: "US Secretary of State
            # Marco Rubio" (US, State), "Trade Commissioner Maros Sefcovic"
            j, titled = i + 1, False
            while j < len(names):
                gap = text[names[j - 1].end : names[j].start]
                if gap.strip():
                    if not title.match(gap):
                        break
                    titled = True
                if names[j].type == "PER":
                    if titled:
                        out.update(range(i, j))
                    break
                if names[j].type not in ("ORG", "LOC"):
                    break
                j += 1
    return out


def places(text: str, names: Sequence[Named], lang: str, event_type: str) -> dict[int, int]:
    """Names used as places, by index, each with the index of the first place of its list:
    after a locative preposition, or listed with such a place ("in Teheran und Isfahan")."""
    loc_prep, building = _LOC_PREP[lang], _BUILDING_PREP[lang]
    transfer = event_type in TRANSFER_TYPES
    out: dict[int, int] = {}
    for i, n in enumerate(names):
        if n.type == "LOC":
            if _POSSESSIVE.match(text[n.end : n.end + 3]):
                continue  # "at Poland's request": a possessor, not a place
            # look no further left than the previous name: "in Brüssel Russland kritisiert"
            left = text[max(0, n.start - 60, names[i - 1].end if i else 0) : n.start]
            m = loc_prep.search(left)
            if m and _SEAT_OF.search(left):
                continue  # "die Regierung in Moskau" acts
            if m:
                if transfer and m.group("p").lower() in _RECIPIENT_PREPS:
                    continue  # "Waffen an die Ukraine": the recipient
                out[i] = i
                continue
            if _EVENT_NAMED_AFTER[lang].match(text, n.end):
                out[i] = i  # "the Helsinki summit", "das Minsker Format": names an event's place
                continue
            if i > 0 and i - 1 in out and names[i - 1].type == "LOC" and _listed(text, names[i - 1], n):
                out[i] = out[i - 1]
        elif n.type == "ORG" and building.search(text[max(0, n.start - 12) : n.start]):
            out[i] = i
    return out


# A place right before an event noun names where that event was ("the Helsinki summit", "die
# Minsk-Gespräche"): it is a place, never a participant of this or another event.
_EVENT_NAMED_AFTER = {
    "en": re.compile(r"(?:\s+|\s*-\s*)(?:summit|talks|meeting|conference|agreements?|accords?|process|format|"
                     r"negotiations|ceasefire|protocol|declaration|memorandum|treaty)\b", _I),
    "de": re.compile(r"\s*-\s*(?:Gipfels?|Treffens?|Konferenz|Abkommens?|Formats?|Prozess(?:es)?|Gespräche[n]?|"
                     r"Verhandlungen|Vereinbarung|Erklärung|Protokolls?|Vertrags?)\b"),
}

# Types whose "to/an X" is a recipient, not a destination.
TRANSFER_TYPES = frozenset({"aid_or_arms_supply"})


_LIST_AND = re.compile(r"^\s*(?:und|and|or|oder|sowie|as\s+well\s+as|,\s*(?:und|and))\s*$", _I)
_LIST_GOES_ON = re.compile(r"^\s*(?:,|und\b|and\b|oder\b|or\b|sowie\b)", _I)


def _listed(text: str, a: Named, b: Named) -> bool:
    """``b`` continues a list that ``a`` is in: "Teheran und Isfahan"; a bare comma only where
    the list goes on ("Teheran, Isfahan und Schiras"), else it may end a fronted phrase."""
    gap = text[a.end : b.start]
    if _LIST_AND.match(gap):
        return True
    return gap.strip() == "," and bool(_LIST_GOES_ON.match(text[b.end : b.end + 8]))


def can_act(n: Named) -> bool:
    """A LOC acts only by metonymy for a state or a capital, which the knowledge base links."""
    return n.type != "LOC" or n.linked


@lru_cache(maxsize=4096)
def names_a_state(surface: str) -> bool:
    """Whether an unlinked LOC mention is a country word the knowledge base knows as a
    qualifier ("Ukrainian" tagged LOC): such a word acts like the country's name."""
    try:
        from ..kb import default_kb

        kb = default_kb()
        for eid in kb.qualifier(surface):
            e = kb.get(eid)
            if e is not None and e.type == "LOC" and e.part_of is None and e.adjectives:
                return True  # a country (towns have a part_of, countries their adjectives)
        return False
    except Exception:  # a broken user KB must not stop event extraction
        return False


def reporting_clause(text: str, lang: str) -> bool:
    return bool(REPORTING[lang].search(text))


def pronoun_start(text: str, lang: str) -> bool:
    return bool(PRONOUN_START[lang].match(text))


def infinitive_clause(text: str, lang: str) -> bool:
    if lang != "de":
        return False
    tail = text[-60:]
    return "zu" in tail and bool(_DE_INFINITIVE.search(tail))


def after_target_prep(text: str, n: Named, lang: str) -> bool:
    return bool(_TARGET_PREP[lang].search(text[max(0, n.start - 40) : n.start]))


def personal_pronoun_start(text: str, lang: str) -> bool:
    return bool(_PERSONAL_PRONOUN[lang].match(text))


def complement_start(text: str, clause_start: int, trigger_start: int, lang: str,
                     bare_reports: bool = False) -> int | None:
    """Where a complement or conditional clause holding the trigger begins (after its
    subordinator), when the subordinator stands inside the trigger's clause; else None. With
    ``bare_reports``, an English reporting verb without "that" opens one too ("said Russia had
    attacked"): the caller asks for it where the speaker is rarely a party of the event."""
    seg = text[clause_start:trigger_start]
    last = None
    if lang == "en":  # cheap tests first: most clauses have none
        if "that" in seg or "if" in seg or "whether" in seg or "unless" in seg:
            for m in _SUBORDINATOR[lang].finditer(text, clause_start, trigger_start):
                last = m
        if bare_reports and ("sa" in seg or "claim" in seg or "stated" in seg or "insisted" in seg or "added" in seg):
            for m in _BARE_REPORT_EN.finditer(text, clause_start, trigger_start):
                if last is None or m.end() > last.end():
                    last = m
        return last.end() if last is not None else None
    if not ("dass" in seg or "ob" in seg or "falls" in seg or "sofern" in seg):
        return None
    for m in _SUBORDINATOR[lang].finditer(text, clause_start, trigger_start):
        last = m
    return last.end() if last is not None else None


def subject_group(text: str, names: Sequence[Named]) -> list[Named]:
    """The first name and the names listed with it ("Trump und Putin", "Merz, Macron and Starmer")."""
    if not names:
        return []
    group = [names[0]]
    for n in names[1:]:
        if _COORDINATION.match(text[group[-1].end : n.start]):
            group.append(n)
        else:
            break
    return group
