"""Trigger lexicon: the words and phrases that announce an event, German and English.

Written by us for news about diplomacy, trade and conflict. Each entry names our type, the
PLOVER event the word implies on its own (used for statements and ``other``), and flags:

``p``  the form is a finite past tense ("traf", "met"): the event is reported as done, which
       wins over a loose future cue elsewhere in the clause ("das geplante Treffen fand statt").
``t``  a topic-capable noun ("Zölle", "ceasefire"): after "über/about/on" in a sentence that
       also reports a contact event it names the subject of talks, not an event of its own.
``c``  a cue rather than an event (threat verbs): it sets the status of a typed event in its
       clause ("droht mit Zöllen" -> tariff, threatened) and is an event only when alone.
``a``  an ambiguous word, read in its context (``_reread``): "strike" is a walkout among
       workers, an attack otherwise; "stocks rallied" and "markets crashed" are no events.
``n``  a person noun ("Demonstranten", "protesters"): an event only when the sentence reports
       nothing else.
``v``  a death toll ("getötet", "killed"): the attack's, or the disaster's the sentence names.
``x``  a disaster an attack can cause ("fire", "explosion"): part of the attack it follows.

Legal events (rulings, charges, arrests, investigations, raids) carry their PLOVER code and mode
("COERCE:arrest", "COERCE:seize", "ACCUSE:investigate"); a ruling carries none. Words that are
also opinion or other things ("sein Urteil über die Lage", "the voters' verdict", "ruled the
country", "verurteilte den Angriff" = condemned) are flagged ``a`` and need a court context.
Cyberattacks are ``attack`` with the code "ASSAULT:cyber"; they are listed before the general
attack words, so that "Cyberangriff" is read as one.

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
    # (the words between are the clause's adverbials: "reist am Montag mit einer großen Delegation nach Peking")
    Trigger("visit", r"(?:reist(?:e|en)?|reisen|gereist|flog|fliegt|fliegen)\s+(?:[\w-]+\s+){0,8}?nach(?=\s+(?-i:[A-ZÄÖÜ]))", "CONSULT"),
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
    Trigger("statement", r"(?:kritisierte|kritisiert|kritik|vorwürfe?n?|vorwurf|beschuldigte|beschuldigt|warnte|warnt|gewarnt)\b", "ACCUSE"),
    # "verurteilte den Angriff" (condemned) or "zu drei Jahren Haft verurteilt" (sentenced): ``_reread``
    Trigger("statement", r"(?:verurteilte\w*|verurteilt|verurteilung\w*)\b", "ACCUSE", "a"),
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
    # violence. Cyberattacks first: "Cyberangriff" would also match the general attack word
    Trigger("attack", r"(?:[\w-]*cyber-?(?:angriff|attacke|anschlag|attacken|angriffe|angriffen|angriffs|anschläge|anschlags)|"
            r"[\w-]*hacker-?(?:angriff|attacke|angriffe|angriffen|angriffs|attacken)|"
            r"[\w-]*ransomware-?(?:angriff|attacke|angriffe|angriffen|angriffs|attacken)|"
            r"ddos-?(?:angriff|attacke|angriffe|angriffen|angriffs|attacken)|gehackt|hackten|hackte)\b", "ASSAULT:cyber", "t"),
    Trigger("attack", r"hacker(?:n|gruppe\w*)?\s+(?:[\w-]+\s+){0,8}?(?:angegriffen|attackiert\w*|lahmgelegt|legten|griffen|greifen|drangen|"
            r"eingedrungen|erbeutet\w*|verschlüsselt\w*|infiltriert\w*)\b", "ASSAULT:cyber", "p"),
    Trigger("attack", r"(?:[\w-]*angriff(?:e|en|s)?|angegriffen|attackier\w*|[\w-]*attacke\w*|[\w-]*anschlags?|anschläge\w*|beschuss|beschoss\w*|beschossen|beschießt|bombardier\w*|[\w-]*luftschläge?n?|einmarsch\w*|eingedrungen|offensive|gefechte|kämpfe)\b", "ASSAULT", "t"),
    # "v": a death toll, the attack's - or the disaster's where the sentence names one
    Trigger("attack", r"(?:getötet|tötete\w*)\b", "ASSAULT", "tv"),
    Trigger("attack", r"(?:griff|griffen|greift|greifen)" + _SEP + r"an" + _CLAUSE_END, "ASSAULT", "p"),
    Trigger("attack", r"(?:feuerte|feuerten|schoss|schossen)" + _SEP + r"ab" + _CLAUSE_END, "ASSAULT", "p"),
    Trigger("attack", r"(?:abgeschossen|abgefangen|abschuss|abschüsse)\b", "ASSAULT"),
    # elections and appointments
    Trigger("election_or_appointment", r"(?:gewählt|wählte\w*|wiedergewählt|[\w-]*wahlen|bundestagswahl|präsidentschaftswahl|parlamentswahl|landtagswahl|stichwahl|neuwahl|wahl|ernannt|ernennt|ernannte|ernennung\w*|nominiert\w*|nominierung\w*|vereidigt|vereidigung|amtseinführung|rücktritt\w*|zurückgetreten|im\s+amt\s+bestätigt)\b", ""),
    Trigger("election_or_appointment", r"(?:trat|tritt|treten)" + _SEP + r"zurück" + _CLAUSE_END, "", "p"),
    # protests: demonstrations, labour strikes, blockades, boycotts (PLOVER PROTEST with a mode)
    # the nouns can be a topic ("sprachen über die Proteste", "die Folgen des Streiks"), the verbs not
    Trigger("protest", r"(?:[\w-]*protest(?:e|en|s)?|[\w-]*demonstration(?:en)?|"
            r"[\w-]*kundgebung(?:en)?|mahnwache\w*|protestmärsche\w*|[\w-]*protestmarsch\w*|sternmarsch\w*|schweigemarsch\w*|"
            r"demonstrationszug\w*|protestzug\w*|massenprotest\w*)\b", "PROTEST:demonstrate", "t"),
    Trigger("protest", r"(?:protestier\w*|demonstrier\w*)\b", "PROTEST:demonstrate"),
    Trigger("protest", r"(?:demonstrant\w*|streikende\w*|protestierende\w*)\b", "PROTEST:demonstrate", "n"),
    Trigger("protest", r"gingen\s+(?:[\w-]+\s+){0,8}?auf\s+die\s+straße\b", "PROTEST:demonstrate", "p"),
    Trigger("protest", r"(?:[\w-]*streiks?|arbeitsniederlegung\w*|ausstand)\b", "PROTEST:strike", "t"),
    Trigger("protest", r"(?:[\w-]*streiken|streikt\w*|bestreikt\w*)\b", "PROTEST:strike"),
    Trigger("protest", r"(?:legten|legen|legte|legt)\s+(?:[\w-]+\s+){0,6}?die\s+arbeit\s+nieder\b", "PROTEST:strike", "p"),
    Trigger("protest", r"(?:[\w-]*boykott(?!ier)\w*)\b", "PROTEST:boycott", "t"),
    Trigger("protest", r"(?:boykottier\w*)\b", "PROTEST:boycott"),
    Trigger("protest", r"(?:sitzblockade\w*|straßenblockade\w*|autobahnblockade\w*|traktorblockade\w*|hafenblockade\w*)\b", "PROTEST:obstruct"),
    Trigger("protest", r"(?:blockierten|blockierte|blockieren|blockiert)\s+(?:[\w-]+\s+){0,6}?(?:[\w-]*straßen?|[\w-]*autobahn\w*|zufahrt\w*|kreuzung\w*|häfen|hafen|gleise|grenzübergänge?|brücken?)\b", "PROTEST:obstruct", "p"),
    # disasters and accidents (no PLOVER event: nobody did them to anybody). "x": what an attack
    # in the same sentence can cause ("Nach dem Drohnenangriff brach ein Brand aus" is one attack)
    Trigger("disaster", r"(?:[\w-]*erdbeben\w*|nachbeben\w*|seebeben\w*|überschwemmung\w*|[\w-]*hochwasser\w*|flut|fluten|"
            r"[\w-]*flutkatastrophe\w*|sturzflut\w*|sturmflut\w*|flutwelle\w*|wirbelsturm\w*|wirbelstürme\w*|orkan\w*|hurrikan\w*|"
            r"taifun\w*|tornado\w*|zyklon\w*|[\w-]*unwetter\w*|schneesturm\w*|erdrutsch(?!sieg|artig)\w*|lawine\w*|lawinenunglück\w*|"
            r"tsunami\w*|vulkanausbruch\w*|naturkatastrophe\w*|[\w-]*unglück|[\w-]*unglücks|[\w-]*unglücke\w*|"
            r"[\w-]*unfall|[\w-]*unfalls|[\w-]*unfälle\w*|[\w-]*absturz|[\w-]*absturzes|abgestürzt|kollision\w*|kollidiert\w*|"
            r"entgleist\w*|gekentert|kenterte\w*|havarie\w*|havariert\w*)\b", "", "a"),
    Trigger("disaster", r"(?:[\w-]*brand|[\w-]*brandes|[\w-]*brände|[\w-]*bränden|feuer|großfeuer|[\w-]*explosion(?:en)?|"
            r"einsturz|eingestürzt\w*)\b", "", "xa"),
    Trigger("disaster", r"(?:stürzte|stürzten|stürzt)\s+(?:[\w-]+\s+){0,4}?(?:ein|ab)" + _CLAUSE_END, "", "pxa"),
    # diplomatic protest: summoning an ambassador (CAMEO 1x "disapprove" -> PLOVER ACCUSE)
    Trigger("other", r"(?:einbestellt|einbestellung\w*|einzubestellen)\b", "ACCUSE"),
    Trigger("other", r"(?:bestellte|bestellten|bestellt)\s+(?:[\w-]+\s+){0,5}?(?:botschafter\w*|gesandte\w*|geschäftsträger\w*|diplomat\w*)\s+ein\b", "ACCUSE", "p"),
    # other PLOVER-codable events
    Trigger("other", r"(?:truppenverlegung\w*|(?:truppen|soldaten|einheiten|kampfjets|kriegsschiffe|panzer)\s+(?:[\w-]+\s+){0,4}?(?:verlegt|verlegen|verlegte|verlegten|zusammengezogen))\b", "MOBILIZE"),
    # legal: arrests and raids (COERCE), charges and investigations (ACCUSE), rulings (no code)
    Trigger("legal", r"(?:festgenommen|verhaftet|festnahme\w*|verhaftung\w*|inhaftiert)\b", "COERCE:arrest"),
    Trigger("legal", r"(?:nahm|nahmen|nimmt|nehmen)" + _SEP + r"fest" + _CLAUSE_END, "COERCE:arrest", "p"),
    Trigger("legal", r"(?:durchsuchung\w*|razzia|razzien)\b", "COERCE:seize"),
    Trigger("legal", r"(?:durchsuchten|durchsuchte|durchsucht)\b", "COERCE:seize", "a"),
    Trigger("legal", r"(?:anklage\s+(?:[\w-]+\s+){0,6}?erhoben|erhob(?:en)?" + _SEP + r"anklage|angeklagt|anklageerhebung\w*|[\w-]*anklage)\b", "ACCUSE:investigate", "t"),
    Trigger("legal", r"(?:ermittlungen\s+(?:[\w-]+\s+){0,6}?(?:eingeleitet|aufgenommen)|leitete\w*" + _SEP + r"ermittlungen" + _SEP + r"ein|"
            r"ermittlungsverfahren\w*|ermittelt\s+gegen|ermittelte\w*\s+gegen|ermitteln\s+gegen)\b", "ACCUSE:investigate", "t"),
    Trigger("legal", r"(?:[\w-]*urteil|[\w-]*urteils|[\w-]*urteile|urteilte\w*|geurteilt|freispruch\w*|freigesprochen)\b", "", "at"),
    Trigger("legal", r"(?:sprach|sprachen|spricht)" + _SEP + r"frei" + _CLAUSE_END, "", "p"),
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
    Trigger("negotiation", r"(?:negotiat\w*|[\w-]*talks|mediat(?:e|es|ed|ing|ion)|dialogue)\b", "CONSULT", "t"),
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
    # cyberattacks before the general attack words
    Trigger("attack", r"(?:cyber-?attacks?|cyber\s+attacks?|cyberattacked|ransomware\s+attacks?|hacking\s+attacks?|hack\s+attacks?|"
            r"ddos\s+attacks?|cyber-?assaults?|hacked|hackers\s+(?:[\w-]+\s+){0,3}?(?:attacked|targeted|breached|hit|broke\s+into|crippled|paralyz\w*|paralys\w*))\b",
            "ASSAULT:cyber", "t"),
    Trigger("attack", r"(?:launch\w*|fired)\s+(?:[\w-]+\s+){0,4}?(?:drones|missiles|rockets|strikes|attacks?)\b", "ASSAULT"),
    Trigger("attack", r"(?:shot\s+down|shoots\s+down|intercepted)\b", "ASSAULT"),
    Trigger("attack", r"(?:[\w-]*attack\w*|airstrikes?|air\s+strikes?|[\w-]*strikes?(?!\s+(?:a|an|the)\s+(?:deal|balance|chord|tone))|struck|shelled|shelling|bombed|bombing\w*|bombard\w*|invaded|invasion|invade\w*|offensive|clashes|fighting|assault\w*|raid(?:s|ed)?)\b", "ASSAULT", "ta"),
    Trigger("attack", r"(?:killed|killing)\b", "ASSAULT", "tv"),
    Trigger("election_or_appointment", r"(?:elected|re-elected|election\w*|appointed|appoint|appoints|appointment|named\s+as|nominat\w*|sworn\s+in|inaugurat\w*|resign\w*|stepped\s+down|steps\s+down|vote|voted|polls)\b", ""),
    # protests. "strike" is a military strike unless labour context says otherwise (see
    # ``_reread``); "rally" of markets and "rallied behind" are no protest
    Trigger("protest", r"(?:protest|protests|demonstrations?|rall(?:y|ies)|sit-ins?|vigils?)\b",
            "PROTEST:demonstrate", "at"),
    Trigger("protest", r"(?:protested|protesting|rallied)\b", "PROTEST:demonstrate", "a"),
    # "n": people who protest; an event only where the sentence reports nothing else
    # ("Police arrested dozens of demonstrators" is the arrest)
    Trigger("protest", r"(?:protesters?|protestors?|demonstrators?|strikers)\b", "PROTEST:demonstrate", "n"),
    Trigger("protest", r"(?-i:marched|marching|marches)\b", "PROTEST:demonstrate", "a"),
    Trigger("protest", r"demonstrat(?:ed|ing|e)\s+(?:against|outside|in\s+front\s+of|in|on|for|near)\b", "PROTEST:demonstrate"),
    Trigger("protest", r"took\s+to\s+the\s+streets|take\s+to\s+the\s+streets|taking\s+to\s+the\s+streets", "PROTEST:demonstrate", "p"),
    Trigger("protest", r"(?:(?:went|go|goes|going|gone)\s+on\s+strike|(?:general|labou?r|hunger|warning|wildcat|nationwide|national)\s+strikes?|walkouts?|walked\s+out|strike\s+action|industrial\s+action)\b", "PROTEST:strike", "p"),
    Trigger("protest", r"(?:boycotts?)\b", "PROTEST:boycott", "t"),
    Trigger("protest", r"(?:boycott(?:ed|ing))\b", "PROTEST:boycott"),
    Trigger("protest", r"(?:blockades?|blockaded)\b", "PROTEST:obstruct", "a"),
    # disasters and accidents
    Trigger("disaster", r"(?:earthquakes?|quakes?|aftershocks?|tremors?|floods?|flooding|flash\s+floods?|wildfires?|bushfires?|forest\s+fires?|"
            r"hurricanes?|typhoons?|cyclones?|tornado(?:es|s)?|landslides?|mudslides?|avalanches?|tsunamis?|volcanic\s+eruptions?|"
            r"accidents?|collisions?|collided|derail(?:ed|ment|ments)|capsized|shipwreck|natural\s+disasters?)\b", "", "a"),
    Trigger("disaster", r"(?:crash|crashes|crashed|storms?|fires?|blazes?|explosions?|blasts?)\b", "", "xa"),
    Trigger("disaster", r"(?:collapse[ds]?|collapsing)\b", "", "xa"),
    # summoning an ambassador: diplomatic protest (ACCUSE)
    Trigger("other", r"summon(?:ed|s|ing)?\s+(?:[\w'-]+\s+){0,4}?(?:ambassadors?|envoys?|chargé|charge\s+d'affaires|diplomats?)\b", "ACCUSE", "p"),
    Trigger("other", r"(?:deploy\w*|mov(?:ed|es|ing))\s+(?:[\w-]+\s+){0,4}?(?:troops|soldiers|forces|warships)\b", "MOBILIZE"),
    # legal: arrests and raids (COERCE), charges and investigations (ACCUSE), rulings (no code)
    Trigger("legal", r"(?:arrest\w*|detain\w*|detention)\b", "COERCE:arrest"),
    Trigger("legal", r"(?:charged\s+(?:[\w'-]+\s+){0,4}?with|(?:criminal\s+)?charges\s+against|(?:filed|brought|pressed|filing|bringing)\s+(?:[\w-]+\s+){0,2}?charges|"
            r"indict\w*)\b", "ACCUSE:investigate", "t"),
    Trigger("legal", r"(?:convicted|acquitt\w*|sentenced|found\s+(?:[\w'-]+\s+){0,3}?(?:not\s+)?guilty)\b", "", "p"),
    Trigger("legal", r"(?:ruled|ruling|rulings|verdicts?|judge?ments?)\b", "", "at"),
    Trigger("legal", r"(?:raided|raids?)\s+(?:on\s+)?(?:[\w'-]+\s+){0,3}?(?:offices?|headquarters|premises|homes?|home|properties|apartments?|flats?|residences?)\b", "COERCE:seize"),
    Trigger("other", r"(?:released|release\s+of|prisoner\s+(?:swaps?|exchanges?)|(?:exchanged|swapped|exchange|swap)\s+(?:[\w-]+\s+){0,2}?(?:prisoners|captives|detainees|bodies))\b", "RETREAT"),
    Trigger("other", r"(?:expel\w*|expulsion\w*)\b", "SANCTION"),
    Trigger("other", r"(?:withdr[ae]w\w*|pulled\s+out|pull\s+out)\b", "RETREAT"),
    Trigger("other", r"(?:mobiliz\w*|mobilis\w*|massed\s+troops)\b", "MOBILIZE"),
    Trigger("legal", r"(?:investigat(?:e|es|ed|ing|ion|ions)|inquiry|probe)\b", "ACCUSE:investigate", "t"),
]

# Readings that look like a trigger but are not events ("eine Entscheidung treffen", "die
# Wahl des Ortes"); checked on the text just before / after a match.
_BLOCK_BEFORE: dict[str, tuple[str, ...]] = {
    "de": ("entscheidung", "entscheidungen", "maßnahmen", "vorkehrungen", "vorbereitungen", "absprachen",
           "auswahl", "aussage", "mit hilfe", "zu besuch bei", "sanktions", "zoll", "angriffs"),
    "en": ("hunger", "labor", "labour", "general", "air", "make", "made", "take", "took",
           "make a", "made a", "take a", "took a", "cardiac", "respiratory", "heart", "circulatory"),
}
_BLOCK_WORDS = {
    "de": re.compile(
        r"^(?:angriffskrieg\w*|angriffsfläche\w*|besucher\w*|gipfelkreuz|wahlkampf\w*|wahlprogramm\w*|"
        r"betreffen|betroffen|zutreffen|zutreffend|treffend|gespräche?s?partner|wahlkreis\w*|zollbeamt\w*|"
        r"machtdemonstration\w*|stärkedemonstration\w*|brandmauer\w*|brandrede\w*|brandbrief\w*)$",
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
            entry = match[2]
            if "a" in entry.flags:
                entry = _reread(text, match[0], match[1], entry)
                if entry is None:
                    continue
            found.append(TriggerMatch(match[0], match[1], text[match[0] : match[1]], entry, entry.type))
    return found


# -- ambiguous words ------------------------------------------------------------------------
# Entries flagged "a" hold words whose reading depends on the words around them: "strike" is a
# military strike unless a labour context says it is a walkout; "rally" and "crash" of markets
# are no protest and no disaster; "opened fire" is an attack, "a fire broke out" a disaster; a
# "collapse" is a disaster only of something built ("talks collapsed" is a status cue).
_ATTACK_READING = Trigger("attack", "", "ASSAULT", "")
_STRIKE_READING = Trigger("protest", "", "PROTEST:strike", "t")  # a noun can be a topic ("discussed the strikes")
_SENT_END = re.compile(r"[.!?\n]")
_MARKET = re.compile(
    r"\b(?:stocks?|shares?|markets?|index|indices|indexes|dollar|euro|yen|sterling|currenc(?:y|ies)|prices?|bonds?|yields?|"
    r"oil|gold|bitcoin|crypto\w*|equities|nasdaq|dow|s&p|ftse|dax|wall\s+street|investors?|traders?|trading|futures|"
    r"börse\w*|aktie\w*|kurse?|kursen|märkte?n?|anleger\w*|preise?n?|anleihe\w*|krypto\w*|kosten|mieten|zinsen)\b",
    re.I,
)
_MARKET_WORD = re.compile(r"^(?:kurs|börsen|aktien|markt|preis|kosten|öl|gold|bitcoin|krypto|mieten|zins|dollar|euro)", re.I)
_LABOUR = re.compile(
    r"\b(?:workers?|employees?|staff|pilots?|crews?|cabin|teachers?|nurses?|doctors?|drivers?|dockers|dockworkers|miners?|"
    r"unions?|union-\w+|machinists|controllers|conductors|handlers|wages?|pay|salar\w*|bargaining|pickets?|picket\w*|"
    r"industrial|employers?|postal|members|teamsters|airline|rail\s+operator)\b",
    re.I,
)
# Words that make a "strike" a walkout: "nationwide strike", "48-hour strike"
_STRIKE_KIND = re.compile(
    r"\b(?:general|labou?r|hunger|warning|wildcat|nationwide|national|rail|railway|transport|postal|\d+-hour|\d+-day|"
    r"one-day|two-day|three-day|day-long|week-long|indefinite|sympathy|rolling|public[- ]sector)\s*$",
    re.I,
)
_MILITARY = re.compile(
    r"\b(?:missiles?|drones?|rockets?|air|airstrikes?|military|army|troops|forces|bombs?|bombers?|artillery|targets?|"
    r"targeted|killed|killing|wounded|nuclear|launch\w*|carried\s+out|retaliat\w*|pre-?emptive|precision|warplanes?|jets?)\b",
    re.I,
)
_NATURE = re.compile(
    r"\b(?:earthquakes?|quakes?|storms?|hurricanes?|typhoons?|tornado\w*|cyclones?|lightning|tsunamis?|floods?|avalanches?|"
    r"landslides?|magnitude)\b",
    re.I,
)
_BUILT = re.compile(
    r"\b(?:buildings?|bridges?|dams?|roofs?|mines?|tunnels?|stadiums?|towers?|houses?|homes?|blocks?|schools?|hotels?|"
    r"factory|factories|cranes?|scaffolding|stage|walls?|ceilings?|structures?|apartments?|"
    r"[\w-]*gebäude\w*|[\w-]*brücke\w*|[\w-]*dach\w*|[\w-]*damm\w*|tunnel\w*|[\w-]*haus|[\w-]*häuser\w*|[\w-]*mauer\w*|"
    r"decke\w*|stadion\w*|[\w-]*turm\w*|kran\w*|bergwerk\w*|[\w-]*schule\w*|hotel\w*|fabrik\w*|tribüne\w*)\b",
    re.I,
)
_BOMB = re.compile(
    r"\b(?:bomb\w*|car\s+bomb|suicide|ieds?|grenades?|terror\w*|explosives?|attack\w*|minefield|landmines?|shells?|"
    r"missiles?|rockets?|drones?|bombe\w*|sprengsatz\w*|landmine\w*|rakete\w*|drohne\w*|granate\w*|"
    r"sprengstoff\w*|[\w-]*anschlag\w*|selbstmord\w*|attentat\w*|autobombe\w*)\b",
    re.I,
)
_PROTESTERS = re.compile(r"\b(?:protesters?|protestors?|activists?|farmers?|truckers?|workers?|demonstrators?|students?|fishermen)\b", re.I)
_TROOPS = re.compile(r"\b(?:troops|soldiers|army|armies|forces|columns|tanks|units)\b", re.I)
_FIRE_OPENED = re.compile(
    r"\b(?:opened|open|opens|opening|returned|return|exchanged|exchange\s+of|rocket|artillery|mortar|tank|sniper|"
    r"machine-gun|gun|small-arms|anti-aircraft|cross|heavy|enemy|hostile)\s*$",
    re.I,
)
_FIRE_OPENED_DE = re.compile(r"\b(?:eröffne\w*|eröffnet)\b", re.I)
_FIRE_NOT_EVENT = re.compile(r"\b(?:cease|under|set|sets|setting|unter)\s*$", re.I)
_FIRE_SERVICE = re.compile(
    r"^\s*(?:fighters?|brigades?|department|services?|chiefs?|stations?|crews?|engines?|trucks?|alarms?|exits?|safety|sale|"
    r"power|hazards?|risks?|extinguishers?|einzustellen|eingestellt|einstellen|ein\b|frei\b)",
    re.I,
)
_FIRE_WEAPON = re.compile(r"^\s*(?:missiles?|rockets?|shots?|artillery|shells?|at\b)", re.I)
_COURSE = re.compile(r"\s+course\b", re.I)
# "fire"/"blast" as a verb: after an infinitive or modal slot, or before a person as object
_VERB_SLOT = re.compile(r"\b(?:to|will|would|could|may|might|can|must|did|not)\s+$", re.I)
_FIRES_PERSON = re.compile(r"\s+(?:his|her|their|its|(?-i:[A-Z]\w+))\b", re.I)
# a noun "blast" follows an article or an adjective of news style
_NOUN_SLOT = re.compile(
    r"(?:^|\b(?:a|an|the|this|that|two|twin|several|bomb|gas|powerful|huge|massive|deadly|suicide|second|first|"
    r"large|big|major|loud|fresh|new|another|further|car|truck|mine|fatal|explosive)\s+)\s*$",
    re.I,
)
_STORM_NOT = re.compile(r"^\s*(?:of|over|der|des)\b", re.I)
_STORM_NOT_LEFT = re.compile(r"\b(?:political|diplomatic|media|perfect|to|will|would|could)\s*$", re.I)
_OF_AFTER = re.compile(r"^\s*(?:of|von|an)\b", re.I)


def _window(text: str, s: int, e: int, width: int = 70) -> tuple[str, str]:
    """The sentence's text left and right of a match (at most ``width`` characters each)."""
    left = text[max(0, s - width) : s]
    cut = None
    for cut in _SENT_END.finditer(left):
        pass
    if cut is not None:
        left = left[cut.end() :]
    right = text[e : e + width]
    stop = _SENT_END.search(right)
    return left, right[: stop.start()] if stop else right


_LEGAL_READING = Trigger("legal", "", "", "t")  # a ruling: no PLOVER code
_SEIZE_READING = Trigger("legal", "", "COERCE:seize", "")
# What makes "Urteil", "ruled", "verdict" a court's and "verurteilt" a sentence, not an opinion
# or a condemnation; "raided", "durchsuchten" a search by the authorities.
_COURT = re.compile(
    r"\b(?:[\w-]*gericht\w*|richter\w*|[\w-]*instanz|rechtskräftig\w*|haft|[\w-]*haftstrafe\w*|untersuchungshaft|gefängnis\w*|"
    r"[\w-]*geldstrafe\w*|freiheitsstrafe\w*|bewährung\w*|jahren|monaten|prozess|prozesses|angeklagt\w*|staatsanwalt\w*|"
    r"klage|klagen|kläger\w*|berufung|revision|(?:straf|gerichts|berufungs)verfahren\w*|bgh|eugh|bverfg|schuldig|freigesprochen|verkündet\w*|"
    r"courts?|judges?|justices?|tribunals?|jury|juries|jurors?|prosecutors?|sentenced|prison|jail|guilty|lawsuits?|"
    r"trials?|defendants?|plaintiffs?|unconstitutional|unlawful)\b",
    re.I,
)
_LEGAL_COMPOUND = re.compile(r"^(?:gerichts|grundsatz|straf|eil|berufungs|revisions|gerichtsurteil|todes)", re.I)
_OPINION_BEFORE = re.compile(r"\b(?:sein|seine[mn]?|ihr|ihre[mn]?|mein|dein|unser|euer|eigene[ns]?|sich\s+ein|kein|his|her|their|my|our|own|voters'?|public)\s*$", re.I)
_AUTHORITIES = re.compile(
    r"\b(?:polizei\w*|polizisten|ermittler\w*|staatsanwalt\w*|fahnder\w*|beamte\w*|[\w-]*behörde\w*|zoll\w*|bka|lka|"
    r"police|investigators?|prosecutors?|agents?|fbi|authorities|officers?|regulators?|customs|anti-corruption)\b",
    re.I,
)


def _reread_legal(head: str, word: str, left: str, right: str, entry: Trigger) -> Trigger | None:
    around = left + " " + right
    if entry.type == "statement":  # "verurteilte": condemned unless sentenced
        return _LEGAL_READING if _COURT.search(around) else entry
    if entry.plover == "COERCE:seize":  # "durchsuchten", "raided ... offices"
        return entry if _AUTHORITIES.search(around) or _AUTHORITIES.search(word) else None
    if head in ("ruled", "ruling", "rulings") and re.match(r"\s+(?:out|over)\b", right, re.I):
        return None  # "ruled out", "ruled over the country"
    if _OPINION_BEFORE.search(left) and not _COURT.search(around):
        return None
    if _LEGAL_COMPOUND.match(head) or head.startswith(("freispruch", "freigesprochen", "sprach")):
        return entry
    # "sein Urteil über die Lage", "in their judgement": an opinion unless a court is named
    return entry if _COURT.search(around) else None


def _reread(text: str, s: int, e: int, entry: Trigger) -> Trigger | None:
    """The reading of an ambiguous trigger word in its context; None = no event here."""
    word = text[s:e].lower()
    head = word.split()[0] if " " in word else word
    left, right = _window(text, s, e)
    around = left + " " + right
    if entry.type in ("legal", "statement"):
        return _reread_legal(head, word, left, right, entry)
    if entry.type == "attack":
        if head in ("raid", "raids", "raided") and _AUTHORITIES.search(around):
            return _SEIZE_READING  # "police raided the offices"
        if head in ("strike", "strikes"):
            if _NATURE.search(around):
                return None
            if (left.rstrip().lower().endswith(" on") or _STRIKE_KIND.search(left)
                    or (_LABOUR.search(around) and not _MILITARY.search(around))):
                return _STRIKE_READING
            return entry
        if head == "struck":
            if _NATURE.search(around) or re.match(r"\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:deal|agreement|accord|compromise|balance|tone|chord)", right, re.I):
                return None
        return entry
    if entry.type == "protest":
        if head.startswith("rall"):
            if _MARKET.search(around) or re.match(r"\s+(?:behind|around|to)\b", right, re.I):
                return None
        elif head.startswith("march"):
            if _TROOPS.search(left[-40:]) or re.match(r"\s+into\b", right, re.I):
                return None
        elif head == "protest":
            if re.search(r"\b(?:in|under)\s*$", left, re.I):
                return None
        elif head.startswith("demonstration"):
            if _OF_AFTER.match(right):
                return None
        elif head.startswith("blockade"):
            if not _PROTESTERS.search(around):
                return None
        return entry
    if entry.type == "disaster":
        if head in ("fire", "fires", "feuer"):
            if _FIRE_OPENED.search(left) or _FIRE_WEAPON.match(right) or (head == "feuer" and _FIRE_OPENED_DE.search(around)):
                return _ATTACK_READING
            if _FIRE_NOT_EVENT.search(left) or _FIRE_SERVICE.match(right):
                return None
            if head != "feuer" and (_VERB_SLOT.search(left) or _FIRES_PERSON.match(right)):
                return None  # "Trump fires his adviser", "threatened to fire the chief"
            return entry
        if head.startswith(("explosion", "blast")):
            if head.startswith("blast") and not _NOUN_SLOT.search(left):
                return None  # "Trump blasts the Fed": a verb of criticism
            if _MARKET_WORD.match(head) or (_OF_AFTER.match(right) and _MARKET.search(right)):
                return None
            return _ATTACK_READING if _BOMB.search(around) else entry
        if "explosion" in head:  # "Kostenexplosion", "Preisexplosion"
            return None if _MARKET_WORD.match(head) else entry
        if head.startswith(("crash", "absturz")) or head.endswith(("absturz", "absturzes")) or head.startswith("stürz"):
            if _MARKET_WORD.match(head) or _MARKET.search(around) or _COURSE.match(right):
                return None
            if head.startswith("stürz") and word.endswith("ein") and not _BUILT.search(around):
                return None
            return entry
        if head.startswith(("collaps", "einsturz", "eingestürzt")):
            return entry if _BUILT.search(around) else None
        if head.startswith("storm"):
            if _STORM_NOT.match(right) or _STORM_NOT_LEFT.search(left):
                return None
            return entry
        if head in ("flut", "fluten") and _OF_AFTER.match(right):
            return None
        if head.startswith(("collision", "kollision")) and (_COURSE.match(right) or "kurs" in head):
            return None  # "on a collision course", "auf Kollisionskurs"
        if head.startswith("accident") and re.search(r"\bby\s*$", left, re.I):
            return None
        if head.startswith("landslide") and (re.search(r"\b(?:by|won|win|wins)\s+(?:a\s+)?$", left, re.I)
                                             or re.match(r"\s+(?:victory|win|defeat|majority|election|re-election)", right, re.I)):
            return None  # "won by a landslide" is an election result
        return entry
    return entry


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
