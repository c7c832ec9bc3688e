"""Status of an event mention from tense and modality: occurred, planned, proposed,
threatened, denied or uncertain.

The rules read the clause that holds the trigger, plus earlier clauses of the sentence that
only frame it ("Der Kreml dementierte, dass ...", "Trump drohte, ..."). Precedence, most
binding first: denied > threatened > proposed > uncertain > (past-tense trigger) occurred >
planned > occurred. A negated or hypothetical event is therefore never reported as having
happened. A date after the publication date makes an otherwise unmarked event planned.

Refinements: rejecting ("wies zurück", "rejected") denies an offer or a plan but not a threat,
which was made all the same ("wies die Zolldrohungen zurück" stays threatened); blocking
("blockiert", "Veto", "vetoed") denies; a negation followed by "ob/whether" belongs to the
deciding, not to the event ("has not decided whether to impose tariffs" is uncertain);
Konjunktiv II ("käme", "gäbe", "müsste") is uncertain, while Konjunktiv I of reported speech
("Putin habe Trump getroffen") reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_I = re.I

# Separable German verbs: stem ... particle at the end of the clause.
_S = r"\b[^,.;:!?]{0,80}?\b"
_E = r"(?=\s*(?:[,.;:!?)\"“”»«]|$|\s+(?:und|oder|aber)\b))"


# German verbs whose infinitive (and present plural) ends in "-ten" like a weak past form
# ("sich beraten", "vertreten", "arbeiten", "erwarten"): the past of these is "berieten",
# "vertraten", "arbeiteten", so a word with one of these endings is no past form. "(?<!t)raten"
# keeps "traten"/"vertraten" (past of treten) past.
DE_TEN_NOT_PAST = (
    r"(?:(?<!t)raten|treten|halten|gelten|bitten|bieten|eiten|arbeiten|warten|starten|richten|nichten|pflichten|"
    r"fürchten|beachten|beobachten|betrachten|übernachten|erachten|töten|retten|leisten|kosten|testen|stalten|"
    r"schalten|walten|werten|antworten|deuten|mieten|fechten|flechten|spalten|beten|hüten|lasten|fasten|heften|stiften)"
)
# A weak past form ("sagten", "kündigte"), lower case; not one of the infinitives above.
_DE_WEAK_PAST = r"(?-i:(?!\w*" + DE_TEN_NOT_PAST + r"\b)[a-zäöü]\w+ten?)"


@dataclass(frozen=True, slots=True)
class CueSet:
    deny: re.Pattern[str]
    reject: re.Pattern[str]  # rejecting a proposal denies it; rejecting a threat does not undo it
    negation: re.Pattern[str]
    negated_noun: re.Pattern[str]  # "kein Treffen" / "no deal": negator right before the trigger
    threat: re.Pattern[str]
    propose: re.Pattern[str]
    uncertain: re.Pattern[str]
    planned: re.Pattern[str]
    reported_future: re.Pattern[str]  # "sagte, er würde ..." is a plan, not a hypothesis
    not_ruled_out: re.Pattern[str]
    past: re.Pattern[str]


_DE = CueSet(
    deny=re.compile(
        r"\b(?:dementier\w*|bestreit\w*|bestritt\w*|bestritten"
        + r"|abgesagt|sagte" + _S + r"ab" + _E + r"|absage"
        + r"|gescheitert|scheiterte\w*|platzte|geplatzt|ausgesetzt|ausgeschlossen|schloss" + _S + r"aus" + _E
        + r"|schließt" + _S + r"aus" + _E + r"|es\s+(?:gab|gebe|habe|hat)\s+(?:\w+\s+){0,2}?keine|falschmeldung|frei\s+erfunden"
        + r"|blockier\w*|blockade|veto|verhindert\w*|verhinderte\w*)",
        _I,
    ),
    reject=re.compile(
        r"\b(?:zurückgewiesen|wies" + _S + r"zurück" + _E + r"|weist" + _S + r"zurück" + _E
        + r"|lehnte" + _S + r"ab" + _E + r"|lehnt" + _S + r"ab" + _E + r"|lehnten" + _S + r"ab" + _E + r"|abgelehnt)",
        _I,
    ),
    negation=re.compile(r"\b(?:nicht|nie|niemals|weder|keinesfalls|noch\s+nicht)\b(?!\s+(?:nur|zuletzt|minder|mehr\s+als))", _I),
    negated_noun=re.compile(r"\b(?:kein|keine|keinen|keinem|keiner|ohne)\s+(?:[\w-]+\s+){0,2}$", _I),
    threat=re.compile(r"(?:\b\w*droh(?!ne)\w*|\bangedroht|\bultimatum)", _I),
    propose=re.compile(
        r"\b(?:schl(?:ä|a)gt" + _S + r"vor" + _E + r"|schlug\w*" + _S + r"vor" + _E + r"|vorgeschlagen|vorschlag\w*|"
        r"angebot\w*|bot\w*" + _S + r"an" + _E + r"|angeboten|offen\s+für|offen\s+gegenüber|bereit(?=\s*(?:,|zu\b|für\b|sich\b|sei\b|ist\b))|bereitschaft|"
        r"will|wollen(?!\s+sich)|wolle|wollte|wollten(?!\s+sich)|möchte\w*|fordert\w*|forderte\w*|gefordert|forderung\w*|"
        r"lädt" + _S + r"ein" + _E + r"|lud\w*" + _S + r"ein" + _E + r"|eingeladen|einladung\w*|drängt\w*|drängte\w*|"
        r"pocht\w*|appelliert\w*|ruft" + _S + r"auf" + _E + r"|rief\w*" + _S + r"auf" + _E + r"|strebt\w*" + _S + r"an" + _E + r"|"
        r"angestrebt|hofft\w*|wünscht\w*|ins\s+spiel\s+gebracht|brachte\w*" + _S + r"ins\s+spiel|plädiert\w*|werben|wirbt|warb)\b",
        _I,
    ),
    uncertain=re.compile(
        r"\b(?:könnte\w*|könne|können|würde\w*|dürfte\w*|möglich\w*|möglicherweise|eventuell|vielleicht|angeblich|"
        r"mutmaßlich\b|mutmaßliche[nmrs]?\s+(?!(?:täter\w*|schleuser\w*|mitglied\w*|terroristen|spion\w*|anhänger\w*|betrüger\w*|"
        r"mörder\w*|kriminelle\w*|verdächtige\w*|drahtzieher\w*|islamisten|extremisten|rädelsführer\w*|komplizen|hacker\w*)\b)|womöglich|unklar|offen,?\s+ob|ob|käme|kämen|gäbe|gäben|ginge|gingen|stünde|stünden|müsste|müssten|"
        r"bräuchte|bräuchten|ließe|ließen|fände|fänden|hielte|hielten|nähme|nähmen|spekul\w*|gerücht\w*|unbestätigt\w*|denkbar|wäre\w*|hätte\w*|"
        r"berichten\s+zufolge|erwäg\w*|erwogen|prüft|prüfen|überlegt\w*|soll(?:en|te|ten)?\s+(?:[\w-]+\s+){0,8}?(?:\w+(?:t|en))\s+haben|sollen\s+(?:[\w-]+\s+){0,8}?haben)\b",
        _I,
    ),
    planned=re.compile(
        r"\b(?:wird|werden|werde|soll|sollen|solle|sollte|sollten|geplant\w*|plant\w*|planen|planung\w*|kündigt\w*" + _S + r"an" + _E + r"|"
        r"kündigte\w*" + _S + r"an" + _E + r"|angekündigt\w*|ankündigung\w*|bevorstehend\w*|anstehend\w*|vorgesehen\w*|"
        r"erwartet|am\s+kommenden|nächste[nrs]?|kommende[nrs]?|demnächst|in\s+kürze|künftig\w*|morgen|übermorgen|"
        r"terminiert|anberaumt|verabredet|verschoben|vereinbart\w*|vereinbarten|wollen\s+sich|wollten\s+sich|zugesagt|zusage\w*|"
        r"sagt\w*" + _S + r"zu" + _E + r")\b",
        _I,
    ),
    reported_future=re.compile(r"\b(?:sagte|sagten|erklärte|kündigte|betonte|versicherte|teilte)\w*\b[^.]*\bwürde", _I),
    not_ruled_out=re.compile(r"\bnicht\s+(?:aus(?:geschlossen)?|auszuschließen)\b|schlie(?:ß|ss)t\w*" + _S + r"nicht\s+aus" + _E + r"|schloss\w*" + _S + r"nicht\s+aus" + _E, _I),
    past=re.compile(r"\b(?:hatte|hatten|habe|hat|haben|war|waren|gab|wurde|wurden|worden|gewesen|" + _DE_WEAK_PAST + r")\b", _I),
)

_EN = CueSet(
    deny=re.compile(
        r"\b(?:den(?:y|ies|ied|ying)|dismissed\s+(?:\w+\s+)?(?:reports?|claims?)|rejected\s+(?:\w+\s+)?(?:reports?|claims?)|"
        r"refut\w*|there\s+(?:were|was|have\s+been|had\s+been|has\s+been)\s+no|cancel\w*|called\s+off|ruled\s+out|rules\s+out|"
        r"declined\s+to|failed|collapsed|suspended|scrapped|fake\s+news|block(?:s|ed|ing)|vetoed|vetoes|prevented|thwarted)\b",
        _I,
    ),
    reject=re.compile(r"\b(?:refus\w*|rejected|rejects|rejecting)\b", _I),
    negation=re.compile(r"\b(?:not|never|neither|nor)\b(?!\s+only)|n't\b", _I),
    negated_noun=re.compile(r"\b(?:no|without)\s+(?:[\w-]+\s+){0,2}$", _I),
    threat=re.compile(r"\b(?:threat\w*|ultimatum)", _I),
    propose=re.compile(
        r"\b(?:propos\w*|offer\w*|open\s+to|willing\s+to|ready\s+to|wants?\s+to|wanted\s+to|seek\w*|sought|"
        r"call(?:ed|s)?\s+for|urg(?:ed|es|ing)|demand\w*|invit\w*|push(?:ed|es|ing)?\s+for|hop(?:e|es|ed|ing)\s+to|"
        r"suggest\w*|floated|requested|requests|asked\s+for|pressing\s+for|lobby\w*)\b",
        _I,
    ),
    uncertain=re.compile(
        r"\b(?:could|might|(?-i:may)|would|possibl\w*|perhaps|reportedly|allegedly|alleged|unclear|uncertain|whether|"
        r"rumou?r\w*|speculat\w*|unconfirmed|consider(?:s|ing|ed)?|weigh(?:s|ing)|mull\w*|(?:is|are|was|were)\s+said\s+to\s+have|appears?\s+to\s+have|if)\b",
        _I,
    ),
    planned=re.compile(
        r"\b(?:will|shall|going\s+to|(?:is|are|was|were)\s+(?:expected|scheduled|due|set|slated|poised)\s+to|"
        r"plans?\s+to|planned|planning|upcoming|scheduled|next\s+(?:week|month|year|\w+day)|tomorrow|later\s+this|"
        r"announc\w*|to\s+be\s+held|expected|postponed|arranged|pledg\w*|promis\w*|vow\w*)\b|'ll\b",
        _I,
    ),
    reported_future=re.compile(r"\b(?:said|says|told|announced|confirmed|stated|added|promised|pledged)\b[^.]*\bwould\b", _I),
    not_ruled_out=re.compile(r"\b(?:not|n't)\s+(?:\w+\s+)?rul(?:e|ed|ing)\s+out\b", _I),
    past=re.compile(r"\b(?:had|has|have|was|were|did|been|\w{3,}ed)\b", _I),
)

_CUES = {"de": _DE, "en": _EN}
# Word parts that every match of a cue set holds (lower case), for a fast pre-test.
_KEYS = {
    id(_DE): {
        "not_ruled_out": ("aus",),
        "negated_noun": ("kein", "ohne"),
        "reject": ("zurück", "lehn"),
        "negation": ("nicht", "nie", "weder", "keinesfalls"),
        "threat": ("droh", "ultimatum"),
    },
    id(_EN): {
        "not_ruled_out": ("rul",),
        "negated_noun": ("no", "without"),
        "reject": ("reject", "refus"),
        "negation": ("not", "never", "neither", "nor", "n't"),
        "threat": ("threat", "ultimatum"),
    },
}


def _has(low: str, keys: tuple[str, ...]) -> bool:
    for k in keys:
        if k in low:
            return True
    return False


def cues_for(lang: str | None) -> CueSet:
    return _CUES.get(lang or "de", _EN)


@dataclass(slots=True)
class StatusContext:
    """The text the rules look at, as offsets into one sentence string."""

    sentence: str
    trigger_start: int
    trigger_end: int
    clause_start: int
    clause_end: int
    frame: str = ""  # earlier clauses that frame this one without an event of their own
    trigger_is_past: bool = False
    trigger_is_cue: bool = False  # the trigger is itself a threat word
    date_relation: int = 0  # -1 before publication, 0 unknown/same day, +1 after


def decide_status(ctx: StatusContext, lang: str | None) -> str:
    cues = cues_for(lang)
    s = ctx.sentence
    clause = s[ctx.clause_start : ctx.clause_end]
    before = s[ctx.clause_start : ctx.trigger_start]
    # clauses were split at punctuation: keep a comma between them for cues that end a clause
    # ("kündigte an, ... zu boykottieren")
    scope = ctx.frame + ", " + clause if ctx.frame else clause

    # Substring tests before the rarer cues' regexes: this runs for every event, and a regex
    # scan costs far more than a test for a word part every match of it holds.
    low = scope.lower()
    keys = _KEYS[id(cues)]
    if _has(low, keys["not_ruled_out"]) and cues.not_ruled_out.search(scope):
        return "uncertain"
    if _has(low, keys["negated_noun"]) and cues.negated_noun.search(before):
        return "denied"
    if cues.deny.search(scope):
        return "denied"
    # A rejected threat was still made ("wies die Zolldrohungen zurück"); a rejected offer is off.
    if not ctx.trigger_is_cue and _has(low, keys["reject"]) and cues.reject.search(scope):
        return "denied"
    neg = cues.negation.search(clause) if _has(low, keys["negation"]) else None
    if neg:
        # "has not decided whether to impose tariffs": the negation is the deciding's, the
        # event is open
        if _OPEN_QUESTION[_lang_key(lang)].search(clause, neg.end(), max(neg.end(), ctx.trigger_start - ctx.clause_start)):
            return "uncertain"
        return "denied"
    if ctx.trigger_is_cue or (_has(low, keys["threat"]) and cues.threat.search(scope)):
        return "threatened"
    if cues.propose.search(scope):
        return "proposed"
    if cues.uncertain.search(scope):
        if cues.reported_future.search(s[: ctx.clause_end]) and not _hypothetical(scope, lang):
            return "planned"
        return "uncertain"
    if ctx.trigger_is_past:
        return "occurred"
    if cues.planned.search(scope):
        return "planned"
    if ctx.date_relation > 0:
        return "planned"
    return "occurred"


_OPEN_QUESTION = {
    "de": re.compile(r"\bob\b", _I),
    "en": re.compile(r"\b(?:whether|if)\b", _I),
}


def _lang_key(lang: str | None) -> str:
    return lang if lang in ("de", "en") else "en"


_HYPOTHETICAL = {
    "de": re.compile(r"\b(?:wenn|falls|sofern|könnte\w*|dürfte\w*|wäre\w*|hätte\w*|möglich\w*|vielleicht)\b", _I),
    "en": re.compile(r"\b(?:if|unless|could|might|(?-i:may)|possibl\w*|perhaps)\b", _I),
}
_CONDITIONAL = {
    "de": re.compile(r"\bwürde\w*\b", _I),
    "en": re.compile(r"\bwould\b", _I),
}


def _hypothetical(text: str, lang: str | None) -> bool:
    return bool(_HYPOTHETICAL.get(lang or "de", _HYPOTHETICAL["en"]).search(text))


_PAST_FORMS = {
    "de": re.compile(
        r"\b(?:hat|haben|hatte|hatten|habe|ist|sind|war|waren|wurde|wurden|worden|"
        r"traf|trafen|sprach|sprachen|kam|kamen|flog|flogen|ging|gingen|gab|griff|griffen|rief|riefen|"
        r"empfing|beschloss|schoss|hielt|hielten|nahm|nahmen|wies|bot|schlug|lud|warf|trat|stand|fand|ließ|zog|lag|sah|" + _DE_WEAK_PAST + r")\b",
        _I,
    ),
    "en": re.compile(
        r"\b(?:had|has|have|was|were|did|spoke|made|held|met|said|went|took|gave|sent|struck|flew|began|"
        r"came|told|shot|fought|won|lost|left|brought|thought|sought|swept|broke|fell|shook|burnt|blew|tore|sank|"
        r"caught|ran|drove|stood|rose|(?-i:[a-z]\w+ed))\b",
        _I,
    ),
}


def clause_tense(text: str, lang: str | None) -> int:
    """+1 where the clause speaks of the future, -1 of the past, 0 where it does not say.

    Used to read bare weekday names ("am Freitag", "on Sunday"), which point back in a
    past-tense sentence and forward in a future one."""
    cues = cues_for(lang)
    if cues.planned.search(text):
        return 1
    if _PAST_FORMS.get(lang or "de", _PAST_FORMS["en"]).search(text):
        return -1
    return 0


def is_past_context(text: str, lang: str | None) -> bool:
    """Whether a clause speaks about the past (for PAST_REF vs FUTURE_REF).

    "nicht ausgeschlossen" / "not ruled out" looks past but is about what may still come."""
    cues = cues_for(lang)
    if cues.not_ruled_out.search(text) or _hypothetical(text, lang) or _OPEN_QUESTION[_lang_key(lang)].search(text):
        return False
    if _CONDITIONAL.get(lang or "de", _CONDITIONAL["en"]).search(text):
        return False
    return clause_tense(text, lang) < 0
