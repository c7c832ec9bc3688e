"""Trigger lexicon: the words and phrases that announce an event, German and English.

Written by us for news about diplomacy, trade and conflict. Each entry names our type, the
PLOVER event the word implies on its own (used for statements and ``other``), and flags:

``p``  the form is a finite past tense ("traf", "met"): the event is reported as done, which
       wins over a loose future cue elsewhere in the clause ("das geplante Treffen fand statt").
``t``  a topic-capable noun ("Zölle", "ceasefire"): after "über/about/on" in a sentence that
       also reports a contact event it names the subject of talks, not an event of its own.
``c``  a cue rather than an event (threat verbs): it sets the status of a typed event in its
       clause ("droht mit Zöllen" -> tariff, threatened) and is an event only when alone.

A document is scanned word by word. Entries that span several words (separable verbs,
"liefert ... Waffen") are tried first at a word that can open them: the longer reading wins
("traf ... in Kiew ein" is an arrival, not a meeting). One-word entries are looked up per
distinct word, with a cache.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    pattern: str
    plover: str = ""
    flags: str = ""


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    start: int
    end: int
    text: str
    entry: Trigger
    type: str = ""  # the entry's type, copied: read for every rule of the events stage

    def __post_init__(self) -> None:
        if not self.type:
            object.__setattr__(self, "type", self.entry.type)


# German separable verbs ("griff ... an") are matched as stem + particle before the end of
# the clause; ``_SEP`` is the filler that may sit between them (no clause punctuation).
_SEP = r"\b[^,.;:!?\n]{0,80}?\b"
_CLAUSE_END = r"(?=\s*(?:[,.;:!?\n)\"“”»«]|$|\s+(?:und|oder|aber|sowie)\b))"

_DE: list[Trigger] = [
    # contact
    Trigger("summit", r"[\w-]*gipfel(?:treffens?|s)?\b", "CONSULT", "t"),
    Trigger("meeting", r"(?:[\w-]*treffens?|zusammenkunft|begegnung(?:en)?|unterredung(?:en)?|(?!presse)[\w-]*konferenz(?:en)?|[\w-]*sitzung(?:en)?|kontakte?n?)\b", "CONSULT", "t"),
    Trigger("meeting", r"(?:traf(?:en)?|trifft|träfen|getroffen|treffe)\b", "CONSULT", "p"),
    Trigger("meeting", r"(?:kam(?:en)?|kommt|kommen)" + _SEP + r"zusammen" + _CLAUSE_END, "CONSULT", "p"),
    Trigger("meeting", r"zusammen(?:gekommen|kommen|zukommen)\b", "CONSULT"),
    Trigger("meeting", r"(?:berieten|berät|beraten)\b", "CONSULT"),
    Trigger("meeting", r"(?:sprach(?:en)?|spricht|sprechen)\s+mit\b", "CONSULT"),
    Trigger("meeting", r"(?:sprach(?:en)?|spricht|sprechen|berieten|beraten)" + _SEP + r"miteinander\b", "CONSULT"),
    Trigger("visit", r"(?:[\w-]*besuch(?:e|en|es|s|t|te|ten)?|visite)\b", "CONSULT", "t"),
    Trigger("visit", r"(?:reist(?:e|en)?|reisen|gereist|flog|fliegt|fliegen)\s+(?:\w+\s+){0,3}?(?:nach|in\s+die|in\s+den|zu)\b", "CONSULT"),
    Trigger("visit", r"(?:reise|besuchsreise|antrittsreise)\s+(?:nach|in)\b", "CONSULT"),
    # verb-final: "dass Trump nach Peking reisen werde"
    Trigger("visit", r"nach\s+(?:[A-ZÄÖÜ][\w-]*\s+){1,2}(?:zu\s+)?(?:reisen|reist|reiste|reisten|gereist|fliegen|fliegt|flog|flogen|geflogen)\b", "CONSULT"),
    Trigger("visit", r"(?:empfing|empfängt|empfangen)\b", "CONSULT", "p"),
    Trigger("visit", r"(?:traf(?:en)?|trifft)" + _SEP + r"ein" + _CLAUSE_END, "CONSULT", "p"),
    Trigger("visit", r"eingetroffen\b", "CONSULT", "p"),
    Trigger("phone_call", r"(?:telefonat\w*|telefonier\w*|telefongespräch\w*|telefonisch|anrufs?|angerufen|videoschalte|videokonferenz)\b", "CONSULT"),
    Trigger("phone_call", r"(?:rief|ruft|riefen)" + _SEP + r"an" + _CLAUSE_END, "CONSULT", "p"),
    Trigger("negotiation", r"(?:[\w-]*verhandlung(?:en)?|verhandel\w*|verhandelt\w*|[\w-]*gespräche|vermittlung\w*|vermittel\w*)\b", "CONSULT", "t"),
    # agreement
    Trigger("agreement", r"(?:einigt(?:en)?|einigen)\s+sich\b", "AGREE"),
    Trigger("agreement", r"(?:geeinigt|einigung\w*|[\w-]*abkommens?|vereinbarung\w*|vereinbart\w*|[\w-]*deals?|[\w-]*vertrag|[\w-]*vertrags)\b", "AGREE", "t"),
    Trigger("agreement", r"(?:unterzeichne\w*|unterschrieb\w*|unterschrieben)\b", "AGREE", "p"),
    Trigger("agreement", r"(?:waffenstillstand\w*|waffenruhe\w*|feuerpause\w*)\b", "RETREAT", "t"),
    # statements (only events when nothing more specific is in the sentence)
    Trigger("statement", r"(?:sagte|sagten|sagt|gesagt|erklärte|erklärten|erklärt|erklärung|betonte|betont|bekräftigte|bekräftigt|versicherte|mitgeteilt|bezeichnete|nannte)\b", ""),
    Trigger("statement", r"teilte" + _SEP + r"mit" + _CLAUSE_END, ""),
    Trigger("statement", r"(?:rede|ansprache|pressekonferenz|dementierte\w*|dementiert|bestritt\w*|bestreitet|bestreiten)\b", ""),
    Trigger("statement", r"(?:kritisierte|kritisiert|kritik|vorwürfe?n?|vorwurf|verurteilte|verurteilt|beschuldigte|beschuldigt|warnte|warnt|gewarnt)\b", "ACCUSE"),
    Trigger("statement", r"(?:forderte|fordert|fordern|gefordert|forderung(?:en)?|appellierte|drängte|drängt)\b", "REQUEST"),
    Trigger("statement", r"rief" + _SEP + r"auf" + _CLAUSE_END, "REQUEST"),
    Trigger("statement", r"warf" + _SEP + r"vor" + _CLAUSE_END, "ACCUSE"),
    Trigger("statement", r"(?:lehnte|lehnt)" + _SEP + r"ab" + _CLAUSE_END + r"|abgelehnt\b|wies" + _SEP + r"zurück" + _CLAUSE_END, "REJECT"),
    Trigger("statement", r"(?:begrüßte|begrüßt|lobte|lobt|unterstützt|unterstützte)\b", "SUPPORT"),
    # threats: cues with a fallback event of their own
    Trigger("threat", r"(?:droh(?!ne)\w*|angedroht|[\w-]*drohung(?:en)?)\b", "THREATEN", "c"),
    # measures
    Trigger("sanction", r"(?:[\w-]*sanktion\w*|sanktionier\w*|strafmaßnahm\w*|[\w-]*embargos?|exportverbot\w*|einreiseverbot\w*|exportkontrolle\w*)\b", "SANCTION", "t"),
    Trigger("tariff", r"(?:[\w-]*zoll|[\w-]*zölle|[\w-]*zöllen|zollsatz\w*|zollerhöhung\w*|[\w-]*zollsätze\w*|zollpaket\w*|zollstreit\w*|[\w-]*zollpolitik)\b", "SANCTION", "t"),
    Trigger("deadline", r"(?:[\w-]*frist(?:en)?|ultimatums?|stichtag\w*|deadline)\b", "THREATEN", "t"),
    Trigger("deadline", r"(?:läuft|lief)" + _SEP + r"ab" + _CLAUSE_END, "THREATEN"),
    Trigger("aid_or_arms_supply", r"(?:[\w-]*waffenliefer\w*|rüstungsliefer\w*|rüstungsexport\w*|militärhilfe\w*|militärische[nrs]?\s+hilfe|militärische[nrs]?\s+unterstützung|hilfspaket\w*|[\w-]*hilfspaket\w*|humanitäre[nr]?\s+hilfe|finanzhilfe\w*|wirtschaftshilfe\w*|waffenhilfe|unterstützungspaket\w*|ukraine-hilfe\w*)\b", "AID", "t"),
    Trigger("aid_or_arms_supply", r"(?:liefer\w*|geliefert|schick\w*|geschickt|stellt\w*|stellte\w*|sagte\w*|zugesagt|überg(?:ab|ibt|eben))\s+(?:[\w-]+\s+){0,5}?(?:waffen\w*|panzer\w*|[\w-]*raketen\w*|munition|[\w-]*abwehr\w*|kampfjets?|haubitzen|drohnen|patriot\w*|taurus|marschflugkörper)\b", "AID"),
    Trigger("aid_or_arms_supply", r"(?:[\w-]*waffen|[\w-]*panzer|[\w-]*raketen|munition|[\w-]*abwehrsysteme?|[\w-]*systeme|kampfjets?|haubitzen|drohnen|patriot[\w-]*|marschflugkörper|[\w-]*hilfe)\s+(?:[\w-]+\s+){0,3}?(?:zu\s+)?(?:liefern|geliefert|schicken|geschickt|bereitstellen|bereitgestellt|übergeben|zugesagt|zusagen)\b", "AID"),
    Trigger("aid_or_arms_supply", r"sicherheitsgarantien", "AID", "t"),
    # violence
    Trigger("attack", r"(?:[\w-]*angriff(?:e|en|s)?|angegriffen|attackier\w*|[\w-]*attacke\w*|[\w-]*anschlags?|anschläge\w*|beschuss|beschoss\w*|beschossen|beschießt|bombardier\w*|[\w-]*luftschläge?n?|einmarsch\w*|eingedrungen|offensive|gefechte|kämpfe|getötet|tötete\w*)\b", "ASSAULT", "t"),
    Trigger("attack", r"(?:griff|griffen|greift|greifen)" + _SEP + r"an" + _CLAUSE_END, "ASSAULT", "p"),
    Trigger("attack", r"(?:feuerte|feuerten|schoss|schossen)" + _SEP + r"ab" + _CLAUSE_END, "ASSAULT", "p"),
    Trigger("attack", r"(?:abgeschossen|abgefangen|abschuss|abschüsse)\b", "ASSAULT"),
    # elections and appointments
    Trigger("election_or_appointment", r"(?:gewählt|wählte\w*|wiedergewählt|[\w-]*wahlen|bundestagswahl|präsidentschaftswahl|parlamentswahl|landtagswahl|stichwahl|neuwahl|wahl|ernannt|ernennt|ernannte|ernennung\w*|nominiert\w*|nominierung\w*|vereidigt|vereidigung|amtseinführung|rücktritt\w*|zurückgetreten|im\s+amt\s+bestätigt)\b", ""),
    Trigger("election_or_appointment", r"(?:trat|tritt|treten)" + _SEP + r"zurück" + _CLAUSE_END, "", "p"),
    # other PLOVER-codable events
    Trigger("other", r"(?:[\w-]*protest(?:e|en|s)?|protestier\w*|demonstration\w*|demonstrier\w*|kundgebung\w*|[\w-]*streiks?|streikt\w*|bestreikt)\b", "PROTEST"),
    Trigger("other", r"(?:festgenommen|verhaftet|festnahme\w*|verhaftung\w*|inhaftiert)\b", "COERCE"),
    Trigger("other", r"(?:freigelassen|freilassung\w*|gefangenenaustausch\w*|gefangene\w*\s+ausgetauscht)\b", "RETREAT"),
    Trigger("other", r"(?:tauscht\w*)" + _SEP + r"gefangene\w*\s+aus" + _CLAUSE_END, "RETREAT", "p"),
    Trigger("other", r"(?:ausgewiesen|ausweisung\w*)\b", "SANCTION"),
    Trigger("other", r"(?:truppenabzug\w*|abgezogen|zurückgezogen)\b", "RETREAT"),
    Trigger("other", r"(?:mobilisier\w*|mobilmachung)\b", "MOBILIZE"),
]

_EN: list[Trigger] = [
    Trigger("summit", r"summit(?:s|ry)?\b", "CONSULT", "t"),
    Trigger("meeting", r"(?:meeting|meetings|get-together|encounter|[\w-]*conference|session|consultations|contacts?)\b", "CONSULT", "t"),
    Trigger("meeting", r"(?:meet|meets)\b", "CONSULT"),
    Trigger("meeting", r"met\b(?!\s+with\s+(?:criticism|resistance|skepticism|scepticism|protests?|anger|silence))", "CONSULT", "p"),
    Trigger("meeting", r"(?:sat\s+down|sit\s+down|sits\s+down)\s+with\b", "CONSULT"),
    Trigger("meeting", r"(?:conferred|confer|consulted)\s+with\b", "CONSULT"),
    Trigger("meeting", r"(?:spoke|spoken|speaks|talked)\s+with\b", "CONSULT"),
    Trigger("visit", r"(?:visit|visits|visited|visiting|state\s+visit|trip\s+to)\b", "CONSULT", "t"),
    Trigger("visit", r"(?:travel(?:l)?(?:ed|ing|s)?|flew|flies|fly|arrived|arrives|arrive)\s+(?:\w+\s+){0,2}?(?:to|in)\b", "CONSULT"),
    Trigger("visit", r"(?:hosted|hosts|hosting|received)\b(?=\s+[A-Z])", "CONSULT"),
    Trigger("visit", r"welcomed\s+\w+\s+to\b(?=\s+[A-Z])", "CONSULT"),
    Trigger("phone_call", r"called\s+(?:his|her|their|its)\s+", "CONSULT", "p"),
    Trigger("phone_call", r"(?:phone\s+call|phone\s+conversation|video\s+call|telephone\w*|phoned|by\s+phone|on\s+the\s+phone|call\s+with|calls\s+with|a\s+call\b)", "CONSULT"),
    Trigger("negotiation", r"(?:negotiat\w*|[\w-]*talks|mediat\w*|dialogue)\b", "CONSULT", "t"),
    Trigger("agreement", r"(?:agreement|agreements|agreed|agree|agrees|[\w-]*deal|deals|accord|treaty|pact)\b", "AGREE", "t"),
    Trigger("agreement", r"(?:signed|signs|sign)\b", "AGREE", "p"),
    Trigger("agreement", r"(?:ceasefire|cease-fire|truce)\b", "RETREAT", "t"),
    Trigger("statement", r"(?:said|says|stated|told|declared|statement|speech|address|press\s+conference|denied|denies)\b", ""),
    Trigger("statement", r"(?:criticized|criticised|criticizes|criticises|condemned|condemns|accused|accuses|warned|warns|blamed)\b", "ACCUSE"),
    Trigger("statement", r"(?:urged|urges|demanded|demands|demanding|demand|called\s+on|called\s+for|calls\s+on|calls\s+for|appealed)\b", "REQUEST"),
    Trigger("statement", r"(?:rejected|rejects|refused|refuses|refusing|declined|dismissed)\b", "REJECT"),
    Trigger("statement", r"(?:welcomed|welcomes|praised|praises|endorsed|backed)\b", "SUPPORT"),
    Trigger("threat", r"(?:threat\w*)\b", "THREATEN", "c"),
    Trigger("sanction", r"(?:sanction\w*|embargo\w*|blacklist\w*|export\s+controls?|export\s+ban\w*|asset\s+freezes?)\b", "SANCTION", "t"),
    Trigger("tariff", r"(?:tariff\w*|levies|levy|import\s+duties|customs\s+duties|duties)\b", "SANCTION", "t"),
    Trigger("deadline", r"(?:deadline\w*|ultimatum\w*)\b", "THREATEN", "t"),
    Trigger("deadline", r"(?:expires|expired|runs\s+out)\b", "THREATEN"),
    Trigger("aid_or_arms_supply", r"security\s+guarantees", "AID", "t"),
    Trigger("aid_or_arms_supply", r"(?:(?:military|humanitarian|financial|economic|security|emergency|food)\s+(?:aid|assistance|support\s+package)|aid\s+package\w*|arms\s+(?:deliveries|shipments|supplies|sales|package)|weapons\s+(?:deliveries|shipments|package\w*|supplies))\b", "AID", "t"),
    Trigger("aid_or_arms_supply", r"(?:deliver\w*|suppl(?:y|ies|ied)|sen[dt]s?|sending|ship(?:s|ped|ping)?|provid\w*|pledg\w*|gave|give|gives)\s+(?:[\w-]+\s+){0,5}?(?:weapons|arms|[\w-]*missiles?|tanks|ammunition|munitions|air[- ]defen[cs]e\w*|jets|howitzers|drones|patriots?|aid)\b", "AID"),
    Trigger("attack", r"(?:launch\w*|fired)\s+(?:[\w-]+\s+){0,4}?(?:drones|missiles|rockets|strikes|attacks?)\b", "ASSAULT"),
    Trigger("attack", r"(?:shot\s+down|shoots\s+down|intercepted)\b", "ASSAULT"),
    Trigger("attack", r"(?:[\w-]*attack\w*|airstrikes?|air\s+strikes?|[\w-]*strikes?(?!\s+(?:a|an|the)\s+(?:deal|balance|chord|tone))|struck|shelled|shelling|bombed|bombing\w*|bombard\w*|invaded|invasion|invade\w*|offensive|clashes|fighting|assault\w*|raid(?:s|ed)?|killed|killing)\b", "ASSAULT", "t"),
    Trigger("election_or_appointment", r"(?:elected|re-elected|election\w*|appointed|appoint|appoints|appointment|named\s+as|nominat\w*|sworn\s+in|inaugurat\w*|resign\w*|stepped\s+down|steps\s+down|vote|voted|polls)\b", ""),
    Trigger("other", r"(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied)|strikes?\s+(?:by|at)|went\s+on\s+strike|walkouts?)\b", "PROTEST"),
    Trigger("other", r"(?:arrest\w*|detain\w*|detention)\b", "COERCE"),
    Trigger("other", r"(?:released|release\s+of|prisoner\s+(?:swaps?|exchanges?)|(?:exchanged|swapped|exchange|swap)\s+(?:[\w-]+\s+){0,2}?(?:prisoners|captives|detainees|bodies))\b", "RETREAT"),
    Trigger("other", r"(?:expel\w*|expulsion\w*)\b", "SANCTION"),
    Trigger("other", r"(?:withdr[ae]w\w*|pulled\s+out|pull\s+out)\b", "RETREAT"),
    Trigger("other", r"(?:mobiliz\w*|mobilis\w*|massed\s+troops)\b", "MOBILIZE"),
    Trigger("other", r"(?:investigat\w*|inquiry|probe)\b", "ACCUSE"),
]

# Readings that look like a trigger but are not events ("eine Entscheidung treffen", "die
# Wahl des Ortes"); checked on the text just before / after a match.
_BLOCK_BEFORE: dict[str, tuple[str, ...]] = {
    "de": ("entscheidung", "entscheidungen", "maßnahmen", "vorkehrungen", "vorbereitungen", "absprachen",
           "auswahl", "aussage", "mit hilfe", "zu besuch bei", "sanktions", "zoll", "angriffs"),
    "en": ("hunger", "labor", "labour", "general", "air", "make", "made", "take", "took",
           "make a", "made a", "take a", "took a"),
}
_BLOCK_WORDS = {
    "de": re.compile(
        r"^(?:angriffskrieg\w*|angriffsfläche\w*|besucher\w*|gipfelkreuz|wahlkampf\w*|wahlprogramm\w*|"
        r"betreffen|betroffen|zutreffen|zutreffend|treffend|gespräche?s?partner|wahlkreis\w*|zollbeamt\w*)$",
        re.I,
    ),
    "en": re.compile(r"^(?:meeting\s+point|visitor\w*|deal\s+with|dealt|dealing)$", re.I),
}
# "deal with", "dealing with": the verb, not an agreement.
_EN_DEAL_VERB = re.compile(r"^\s+with\b", re.I)
# "Entscheidung treffen": a decision is taken, nobody meets.
_DE_TREFFEN_OBJECT = re.compile(
    r"^\s+(?:eine|die|keine)?\s*(?:entscheidung|vorkehrung|vorbereitung|maßnahme|absprache|wahl|auswahl)", re.I
)

_LEXICON = {"de": _DE, "en": _EN}


@dataclass(frozen=True, slots=True)
class _Compiled:
    """One language's lexicon, split for speed.

    Most entries match within one word; whether a word is such a trigger depends only on the
    word, so the answer is cached per distinct word (news vocabulary repeats). Entries that
    span words (separable verbs, "liefert ... Waffen") are tried only at words that can open
    them (their first-word pattern, also cached), and win over one-word readings.
    """

    single: re.Pattern[str]
    single_entries: tuple[Trigger, ...]
    multi: tuple[tuple[re.Pattern[str], re.Pattern[str] | None, Trigger], ...]
    word_cache: dict[str, int]
    first_cache: dict[str, tuple[int, ...]]
    plain: set[str]  # words known to start no trigger at all: one set test per word for most text


_WORDS = re.compile(r"[\w-]+")
_CACHE_LIMIT = 200_000


def _spans_words(pattern: str) -> bool:
    return _SEP in pattern or r"\s" in pattern


def _first_word_pattern(pattern: str) -> re.Pattern[str] | None:
    """The part of a multi-word pattern before its first gap, if it stands alone as a regex."""
    marks = (pattern.find(r"\s"), pattern.find(_SEP), pattern.find("(?!"), pattern.find("(?="))
    cut = min((i for i in marks if i > 0), default=-1)
    if cut <= 0:
        return None
    head = pattern[:cut]
    if head.endswith(r"\b"):
        head = head[:-2]
    try:
        return re.compile(rf"(?:{head})", re.I)
    except re.error:
        return None


def _split_alternatives(pattern: str) -> list[str]:
    """``(?:a|b c)\\b`` -> ``["a\\b", "b c\\b"]``: each top-level alternative on its own, so
    that one-word readings can be cached even where an entry also lists phrases."""
    if not pattern.startswith("(?:"):
        return [pattern]
    depth, parts, cur, i = 0, [], [], 3
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            cur.append(pattern[i : i + 2])
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                suffix = pattern[i + 1 :]
                parts.append("".join(cur))
                if "|" in suffix or "(" in suffix:
                    return [pattern]
                return [p + suffix for p in parts]
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(ch)
        i += 1
    return [pattern]


@lru_cache(maxsize=4)
def _compiled(lang: str) -> _Compiled:
    entries = [
        Trigger(t.type, alt, t.plover, t.flags) for t in _LEXICON.get(lang, _EN) for alt in _split_alternatives(t.pattern)
    ]
    singles = tuple(t for t in entries if not _spans_words(t.pattern))
    alternation = "|".join(f"(?P<t{i}>{t.pattern})" for i, t in enumerate(singles))
    multi = tuple(
        (re.compile(rf"(?<![\w-])(?:{t.pattern})", re.I), _first_word_pattern(t.pattern), t)
        for t in entries
        if _spans_words(t.pattern)
    )
    return _Compiled(re.compile(rf"(?:{alternation})", re.I), singles, multi, {}, {}, set())


def _single_word(c: _Compiled, word: str) -> int:
    """Index of the one-word entry the whole ``word`` matches, or -1 (cached)."""
    hit = c.word_cache.get(word)
    if hit is None:
        m = c.single.fullmatch(word)
        hit = int(m.lastgroup[1:]) if m and m.lastgroup else -1
        if len(c.word_cache) > _CACHE_LIMIT:
            c.word_cache.clear()
        c.word_cache[word] = hit
    return hit


def _openers(c: _Compiled, word: str) -> tuple[int, ...]:
    """Multi-word entries whose first word can be ``word`` (cached)."""
    hit = c.first_cache.get(word)
    if hit is None:
        hit = tuple(i for i, (_, first, _t) in enumerate(c.multi) if first is None or first.fullmatch(word))
        if len(c.first_cache) > _CACHE_LIMIT:
            c.first_cache.clear()
        c.first_cache[word] = hit
    return hit


def find_triggers(text: str, lang: str = "de", start: int = 0, end: int | None = None) -> list[TriggerMatch]:
    """Trigger matches in ``text[start:end]`` (offsets into ``text``), left to right.

    A multi-word match may hold other triggers ("wies die Zolldrohungen zurück"); the search
    goes on after its first word, so those are found too.
    """
    c = _compiled(lang if lang in _LEXICON else "en")
    end = len(text) if end is None else end
    found: list[TriggerMatch] = []
    plain = c.plain
    for wm in _WORDS.finditer(text, start, end):
        word = wm.group()
        if word in plain:
            continue
        s, e = wm.span()
        match: tuple[int, int, Trigger] | None = None
        openers = c.first_cache.get(word)
        if openers is None:
            openers = _openers(c, word)
        for i in openers:
            rx, _first, entry = c.multi[i]
            m = rx.match(text, s, end)
            if m:
                match = (m.start(), m.end(), entry)
                break
        if match is None:
            idx = c.word_cache.get(word)
            if idx is None:
                idx = _single_word(c, word)
            if idx >= 0:
                match = (s, e, c.single_entries[idx])
            elif "-" in word:
                # "Patriot-Systeme": the parts of a hyphenated word may be triggers on their own
                pos = s
                for part in word.split("-"):
                    if part and (idx := _single_word(c, part)) >= 0:
                        match = (pos, pos + len(part), c.single_entries[idx])
                        break
                    pos += len(part) + 1
        if match is None and not openers:
            if len(plain) > _CACHE_LIMIT:
                plain.clear()
            plain.add(word)
            continue
        if match is not None and not _blocked(text, match[0], match[1], lang):
            found.append(TriggerMatch(match[0], match[1], text[match[0] : match[1]], match[2], match[2].type))
    return found


def _blocked(text: str, s: int, e: int, lang: str) -> bool:
    word = text[s:e]
    words = _BLOCK_WORDS.get(lang)
    if words is not None and words.match(word):
        return True
    left = text[max(0, s - 30) : s].rstrip().lower()
    blocks = _BLOCK_BEFORE.get(lang, ())
    if left.endswith(blocks):  # one C-level test for the common case: none of them
        for block in blocks:
            if left.endswith(block) and (len(left) == len(block) or not left[-len(block) - 1].isalnum()):
                return True
    low = word.lower()
    if lang == "en" and low in ("deal", "deals") and _EN_DEAL_VERB.match(text[e : e + 8]):
        return True
    if lang == "de" and low in ("treffen", "getroffen", "trifft", "traf") and _DE_TREFFEN_OBJECT.match(text[e : e + 30]):
        return True
    return False
