"""Word lists for speech attribution in German and English news.

Written by hand for news prose and checked against the frequency of cue words in the SpkAtt 2023
Task 2 *training* split (only counts were used; no text is shipped). All lists are lower-case.
"""

from __future__ import annotations

# German reporting verbs: (3sg present, 3sg past, past participle, separable particle or "").
# Plural and other finite forms are derived in ``_expand``; irregular plurals are listed
# explicitly in _DE_EXTRA_FORMS.
_DE_VERBS: tuple[tuple[str, str, str, str], ...] = (
    ("sagt", "sagte", "gesagt", ""),
    ("erklärt", "erklärte", "erklärt", ""),
    ("betont", "betonte", "betont", ""),
    ("warnt", "warnte", "gewarnt", ""),
    ("teilt", "teilte", "mitgeteilt", "mit"),
    ("kündigt", "kündigte", "angekündigt", "an"),
    ("gibt", "gab", "bekanntgegeben", "bekannt"),
    ("gibt", "gab", "angegeben", "an"),
    ("gibt", "gab", "zugegeben", "zu"),
    ("berichtet", "berichtete", "berichtet", ""),
    ("meint", "meinte", "gemeint", ""),
    ("behauptet", "behauptete", "behauptet", ""),
    ("bestätigt", "bestätigte", "bestätigt", ""),
    ("unterstreicht", "unterstrich", "unterstrichen", ""),
    ("erläutert", "erläuterte", "erläutert", ""),
    ("versichert", "versicherte", "versichert", ""),
    ("fordert", "forderte", "gefordert", ""),
    ("fordert", "forderte", "aufgefordert", "auf"),
    ("kritisiert", "kritisierte", "kritisiert", ""),
    ("weist", "wies", "hingewiesen", "hin"),
    ("fügt", "fügte", "hinzugefügt", "hinzu"),
    ("ergänzt", "ergänzte", "ergänzt", ""),
    ("räumt", "räumte", "eingeräumt", "ein"),
    ("schreibt", "schrieb", "geschrieben", ""),
    ("meldet", "meldete", "gemeldet", ""),
    ("verkündet", "verkündete", "verkündet", ""),
    ("antwortet", "antwortete", "geantwortet", ""),
    ("entgegnet", "entgegnete", "entgegnet", ""),
    ("erwidert", "erwiderte", "erwidert", ""),
    ("fragt", "fragte", "gefragt", ""),
    ("vermutet", "vermutete", "vermutet", ""),
    ("glaubt", "glaubte", "geglaubt", ""),
    ("hofft", "hoffte", "gehofft", ""),
    ("befürchtet", "befürchtete", "befürchtet", ""),
    ("fürchtet", "fürchtete", "gefürchtet", ""),
    ("schätzt", "schätzte", "geschätzt", ""),
    ("nimmt", "nahm", "angenommen", "an"),
    ("geht", "ging", "ausgegangen", "aus"),
    ("wirft", "warf", "vorgeworfen", "vor"),
    ("beklagt", "beklagte", "beklagt", ""),
    ("bekräftigt", "bekräftigte", "bekräftigt", ""),
    ("beteuert", "beteuerte", "beteuert", ""),
    ("verspricht", "versprach", "versprochen", ""),
    ("droht", "drohte", "gedroht", ""),
    ("sichert", "sicherte", "zugesichert", "zu"),
    ("sagt", "sagte", "zugesagt", "zu"),
    ("verlangt", "verlangte", "verlangt", ""),
    ("verweist", "verwies", "verwiesen", ""),
    ("argumentiert", "argumentierte", "argumentiert", ""),
    ("begründet", "begründete", "begründet", ""),
    ("bestreitet", "bestritt", "bestritten", ""),
    ("dementiert", "dementierte", "dementiert", ""),
    ("leugnet", "leugnete", "geleugnet", ""),
    ("zitiert", "zitierte", "zitiert", ""),
    ("äußert", "äußerte", "geäußert", ""),
    ("bezeichnet", "bezeichnete", "bezeichnet", ""),
    ("nennt", "nannte", "genannt", ""),
    ("mahnt", "mahnte", "gemahnt", ""),
    ("appelliert", "appellierte", "appelliert", ""),
    ("rät", "riet", "geraten", ""),
    ("empfiehlt", "empfahl", "empfohlen", ""),
    ("schlägt", "schlug", "vorgeschlagen", "vor"),
    ("erwartet", "erwartete", "erwartet", ""),
    ("prognostiziert", "prognostizierte", "prognostiziert", ""),
    ("gesteht", "gestand", "gestanden", ""),
    ("wendet", "wandte", "eingewandt", "ein"),
    ("stellt", "stellte", "festgestellt", "fest"),
    ("stellt", "stellte", "klargestellt", "klar"),
    ("führt", "führte", "ausgeführt", "aus"),
    ("legt", "legte", "dargelegt", "dar"),
    ("verlautet", "verlautete", "verlautet", ""),
    ("informiert", "informierte", "informiert", ""),
    ("kommentiert", "kommentierte", "kommentiert", ""),
    ("resümiert", "resümierte", "resümiert", ""),
    ("bekennt", "bekannte", "bekannt", ""),
    ("bilanziert", "bilanzierte", "bilanziert", ""),
    ("präzisiert", "präzisierte", "präzisiert", ""),
    ("spekuliert", "spekulierte", "spekuliert", ""),
    ("mutmaßt", "mutmaßte", "gemutmaßt", ""),
    ("vermeldet", "vermeldete", "vermeldet", ""),
    ("ruft", "rief", "aufgerufen", "auf"),
    ("sieht", "sah", "gesehen", ""),
    ("hält", "hielt", "gehalten", ""),
    ("spricht", "sprach", "gesprochen", ""),
    ("lehnt", "lehnte", "abgelehnt", "ab"),
    ("weist", "wies", "zurückgewiesen", "zurück"),
    ("bittet", "bat", "gebeten", ""),
    ("twittert", "twitterte", "getwittert", ""),
    ("postet", "postete", "gepostet", ""),
    ("beschreibt", "beschrieb", "beschrieben", ""),
    ("unterstellt", "unterstellte", "unterstellt", ""),
    ("bedauert", "bedauerte", "bedauert", ""),
    ("lobt", "lobte", "gelobt", ""),
    ("begrüßt", "begrüßte", "begrüßt", ""),
    ("würdigt", "würdigte", "gewürdigt", ""),
    ("regt", "regte", "angeregt", "an"),
    ("schildert", "schilderte", "geschildert", ""),
    ("streitet", "stritt", "abgestritten", "ab"),
    ("wiederholt", "wiederholte", "wiederholt", ""),
    ("beschließt", "beschloss", "beschlossen", ""),
    ("entscheidet", "entschied", "entschieden", ""),
    ("heißt", "hieß", "geheißen", ""),
    ("lautet", "lautete", "gelautet", ""),
    ("zeigt", "zeigte", "gezeigt", ""),
    ("denkt", "dachte", "gedacht", ""),
    ("weiß", "wusste", "gewusst", ""),
    ("ist", "war", "", "überzeugt"),
)

# Threat verbs: "drohen" is a speech act only with a threat complement ("drohte mit Klage",
# "drohte damit, …", "drohte, die Gespräche abzubrechen"); "Ihm droht Haft", "Es drohen
# Sanktionen" and "Der Frachter droht auseinanderzubrechen" report no speech.
DE_THREAT_VERBS = frozenset({"droht", "drohte", "drohten", "drohen", "gedroht", "drohe", "drohest"})
# Dative experiencers of the non-speech "drohen" ("ihm droht", "dem Land drohen").
DE_DATIVE_PRONOUNS = frozenset({"ihm", "ihr", "ihnen", "mir", "uns", "euch", "dir"})
# Verbs of intention and plans: they frame no statement ("Die Regierung plant, …"), even
# when a Konjunktiv follows. (Modal verbs are not here: "X will erfahren haben, dass …" and
# "So soll er …" do report.)
DE_INTENT_LEMMAS = frozenset(
    """planen beabsichtigen vorhaben versuchen bemühen anstreben vorsehen scheinen gelingen
    helfen drohen vorbereiten""".split()
)

# Verbs that introduce speech even without a complement clause (then "reported speech": the
# whole sentence reports what someone said, "Die Gewerkschaft forderte höhere Löhne.").
DE_REPORTED_VERBS = frozenset(
    """fordert forderte fordern forderten verlangt verlangte verlangen verlangten kritisiert
    kritisierte kritisieren kritisierten warnt warnte warnen warnten bezeichnet bezeichnete
    bezeichnen bezeichneten appelliert appellierte appellieren appellierten nannte nennt
    nannten sprach spricht sprachen kündigte kündigt kündigten vermutet vermuten beziffert
    bezifferte bezifferten verweist verwies verweisen wirft warf werfen warfen berichtet
    berichten berichtete berichteten""".split()
) | frozenset(
    # acts of announcing, evaluating and estimating with a noun-phrase object ("gab die
    # Festnahme bekannt", "wies auf … hin", "lobte den Beschluss", "lehnte den Plan ab",
    # "schätzt den Schaden auf …"); "gab"/"wies"/"lehnte" count only with their particle
    """gab gaben gibt geben wies wiesen weist weisen lobt lobte lobten loben lehnt lehnte
    lehnten lehnen schätzt schätzte schätzten schätzen begrüßt begrüßte begrüßten begrüßen
    würdigt würdigte würdigten würdigen""".split()
)

_DE_EXTRA_FORMS = {
    "gibt": ("geben", "gaben"),
    "weist": ("weisen", "wiesen"),
    "nimmt": ("nehmen", "nahmen"),
    "geht": ("gehen", "gingen"),
    "wirft": ("werfen", "warfen"),
    "verspricht": ("versprechen", "versprachen"),
    "verweist": ("verweisen", "verwiesen"),
    "bestreitet": ("bestreiten", "bestritten"),
    "rät": ("raten", "rieten"),
    "empfiehlt": ("empfehlen", "empfahlen"),
    "schlägt": ("schlagen", "schlugen"),
    "gesteht": ("gestehen", "gestanden"),
    "unterstreicht": ("unterstreichen", "unterstrichen"),
    "schreibt": ("schreiben", "schrieben"),
    "ruft": ("rufen", "riefen"),
    "sieht": ("sehen", "sahen"),
    "hält": ("halten", "hielten"),
    "spricht": ("sprechen", "sprachen"),
    "beschreibt": ("beschreiben", "beschrieben"),
    "bittet": ("bitten", "baten"),
    "streitet": ("streiten", "stritten"),
    "beschließt": ("beschließen", "beschlossen"),
    "entscheidet": ("entscheiden", "entschieden"),
    "heißt": ("heißen", "hießen"),
    "nennt": ("nennen", "nannten"),
    "wendet": ("wenden", "wandten"),
    "denkt": ("denken", "dachten"),
    "weiß": ("wissen", "wussten"),
    "ist": ("sind", "waren"),
}


def _expand() -> tuple[dict[str, str], dict[str, str]]:
    """Finite form -> separable particle ("" if none); participle -> particle."""
    finite: dict[str, str] = {}
    participles: dict[str, str] = {}
    for pres, past, part, particle in _DE_VERBS:
        forms = {pres, past}
        if pres in _DE_EXTRA_FORMS:
            forms.update(_DE_EXTRA_FORMS[pres])
        else:
            stem = pres[:-2] if pres.endswith("et") else pres[:-1]
            forms.add(stem + ("en" if not stem.endswith(("el", "er")) else "n"))
        forms.add(past + ("n" if past.endswith("e") else "en"))
        if pres.endswith("t") and not pres.endswith("et"):
            forms.add(pres[:-1] + "en")
        for f in forms:
            # A verb with and without particle ("gibt" / "gibt ... an") keeps every particle.
            prev = finite.get(f)
            finite[f] = particle if prev is None else (prev + "|" + particle if particle else prev)
        if part:
            participles[part] = particle
    return finite, participles


DE_FINITE, DE_PARTICIPLES = _expand()

# Inseparable prefix + particle written together when the verb is not finite in 2nd position
# ("mitteilte" in a subordinate clause: "wie die Polizei mitteilte").
DE_JOINED: dict[str, str] = {}
for _pres, _past, _part, _particle in _DE_VERBS:
    if _particle:
        for _f in (_pres, _past):
            DE_JOINED[_particle + _f] = _particle
        DE_JOINED[_particle + (_past + "n" if _past.endswith("e") else _past + "en")] = _particle
DE_JOINED.update({"mitteilten": "mit", "bekanntgab": "bekannt", "bekanntgaben": "bekannt"})

# Prepositional cues: "laut X", "X zufolge", "gemäß X", "nach Angaben X".
DE_PREP_CUES = frozenset({"laut", "lt.", "gemäß", "zufolge"})
# Head nouns that make "nach X" a source frame ("nach Angaben der Polizei").
DE_NACH_NOUNS = frozenset(
    """angaben angabe ansicht meinung auffassung einschätzung einschätzungen informationen
    information berichten bericht berichte aussage aussagen darstellung darstellungen schätzung
    schätzungen erkenntnissen erkenntnis worten auskunft überzeugung polizeiangaben
    behördenangaben augenzeugenberichten zeugenaussagen medienberichten presseberichten
    ermittlungen untersuchungen mitteilung studie umfrage prognose prognosen
    darlegung beobachtungen vermutungen sicht""".split()
)
# Compounds ending in these also name a source ("Polizeiangaben", "Expertenmeinung").
DE_NACH_SUFFIXES = (
    "angaben", "angabe", "ansicht", "meinung", "aussagen", "aussage", "berichten", "bericht",
    "informationen", "einschätzung", "auffassung", "worten", "schätzungen", "schätzung",
    "berechnungen", "ermittlungen", "analyse", "planungen", "stellungnahme", "ergebnis",
    "erkenntnissen", "erkenntnisstand", "meldung", "meldungen", "umfrage", "darstellung",
    "auskunft", "studie", "prognose", "nachricht", "überzeugung", "vernehmen",
    "wunsch", "willen", "dokument", "medien", "quellen",
)
# Head nouns of texts that are the source of a statement ("In dem Bericht heißt es", "wird in
# einer Pressemitteilung gefordert"); compounds end in them ("Abschlussbericht").
DE_DOCUMENT_SUFFIXES = (
    "bericht", "mitteilung", "erklärung", "stellungnahme", "resolution", "brief", "schreiben",
    "studie", "gutachten", "entwurf", "urteil", "beschluss", "papier", "dokument", "webseite",
    "website", "internetseite", "homepage", "meldung", "rede", "botschaft", "interview",
    "verlautbarung", "antrag", "text", "vorlage", "analyse", "bilanz", "begründung", "protokoll",
    "aufruf", "petition", "kommuniqué", "kommunique", "mail", "nachricht", "artikel", "beitrag",
    "blog", "ausgabe", "zeitung",
)

# Pronominal adverbs standing for an earlier source ("Demnach ist ...").
DE_REFERRING_CUES = frozenset({"demnach", "wonach"})

# Reflexive / fixed parts that belong to the cue ("äußerte sich", "geht davon aus").
DE_CUE_PARTS = frozenset({"sich", "davon", "darauf", "dafür", "dagegen"})

# Konjunktiv I (and the Konjunktiv II forms news use for reported speech when KI looks
# indicative). Third person forms only: first person "habe" would be indicative.
DE_KONJ1 = frozenset(
    """sei seien seiest habe werde könne müsse solle wolle dürfe möge gebe gehe komme stehe
    liege bleibe lasse wisse brauche fehle handle handele gelte laufe sehe halte trage erfolge
    bestehe plane arbeite verfüge bedeute drohe führe zeige liege befinde stamme betrage
    entspreche ermögliche erlaube sorge verliere gewinne lebe wohne benötige erwarte
    fordere""".split()
)
DE_KONJ2_REPORTED = frozenset({"würden", "hätten", "wären", "würde", "hätte", "wäre", "könnten"})

DE_DET = frozenset(
    """der die das des dem den ein eine einer eines einem einen kein keine keiner keines keinem
    keinen sein seine seiner seines seinem seinen ihr ihre ihrer ihres ihrem ihren unser unsere
    unserer unseres unserem unseren dieser diese dieses diesem diesen jener jene jenes jenem
    jenen alle allen aller viele vielen einige einigen mehrere mehreren beide beiden zwei drei
    vier fünf zahlreiche zahlreichen manche manchen""".split()
)
DE_GEN_DET = frozenset(
    """des der eines einer dieses dieser seines seiner ihres ihrer unseres unserer""".split()
)
DE_PRONOUNS = frozenset({"er", "sie", "es", "man", "wir", "ich", "ihr", "diese", "dieser"})
DE_PREPOSITIONS = frozenset(
    """in im am an auf aus bei beim mit nach von vom vor zu zum zur über unter um durch für
    gegen ohne seit bis während wegen trotz gegenüber hinter neben zwischen ab innerhalb
    außerhalb angesichts""".split()
)
# Sentence adverbs and conjunctions that may stand before a subject without being part of it.
DE_LEADING = frozenset(
    """auch zudem außerdem so doch aber und oder jedoch allerdings dabei damit dazu daher
    deshalb deswegen dennoch trotzdem inzwischen mittlerweile nun jetzt heute gestern morgen
    später zuvor bereits schon erst noch ebenfalls weiter weiterhin gleichzeitig zugleich
    zunächst anschließend dagegen hingegen indes unterdessen denn sondern vielmehr ferner
    überdies darüber hinaus insbesondere vor allem ähnlich wörtlich abschließend ergänzend
    weiter""".split()
)
DE_CLAUSE_WORDS = frozenset(
    """dass daß ob weil wenn als wie da damit obwohl nachdem bevor während sodass""".split()
)
DE_RELATIVE = frozenset(
    """der die das dem den deren dessen denen welche welcher welches welchem welchen wo""".split()
)

# English.
EN_VERBS = frozenset(
    """said says say told tells tell warned warns added adds stated states explained explains
    noted notes insisted insists claimed claims argued argues announced announces confirmed
    confirms denied denies wrote writes tweeted tweets posted posts asked asks replied replies
    suggested suggests reported reports acknowledged acknowledges admitted admits stressed
    stresses emphasized emphasised emphasizes emphasises urged urges declared declares
    predicted predicts promised promises vowed vows threatened threatens believes believed
    thinks thought estimated estimates cautioned cautions conceded concedes maintained
    maintains countered counters remarked remarks recalled recalls contended contends
    alleged alleges mentioned mentions responded responds observed observes""".split()
)
# Commissive verbs: speech only with a "that" clause ("promised that …"); with an infinitive
# they are as often about things ("the talks threatened to collapse", "sanctions threaten
# the recovery"), so "to" counts only after a personal pronoun subject.
EN_COMMISSIVE = frozenset(
    """threatened threatens threaten promised promises promise vowed vows vow pledged pledges
    pledge""".split()
)
EN_REPORTED_VERBS = frozenset(
    """called calls criticized criticised criticizes criticises demanded demands urged urges
    warned warns""".split()
)
EN_DET = frozenset(
    """the a an his her their its our this that these those some several many two three""".split()
)
EN_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
EN_PREPOSITIONS = frozenset(
    """in on at by with from for to of during after before about over under""".split()
)
EN_LEADING = frozenset(
    """and but also however meanwhile later earlier still yet so then now today yesterday""".split()
)
