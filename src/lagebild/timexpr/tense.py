"""Which way a clause points in time: past (-1), future (+1) or unknown (0).

Used to resolve weekdays ("am Freitag"), year-less dates and seasons in news. The rule,
applied to the clause around the expression (cut at , ; : and dashes, and before
"that"/"dass"), falling back, when the clause has no verb cue, to the sentence without
the that/dass clauses the expression is not in, then to the whole sentence:

1. a future cue wins: werden/wird, soll/sollen, will/wollen, plant, geplant, "bis",
   "ab", kommend/nächst; English will/'ll, going to, due to, set to, plans, scheduled;
2. otherwise a past cue: Präteritum/Perfekt forms (war, hatte, wurde, sagte, traf,
   "hat ... getroffen"); English was/were/had/did, said, -ed verbs;
3. otherwise present tense: in news, a weekday in a present-tense clause is the coming
   one ("am Freitag läuft die Frist ab"), so the caller treats 0 as "coming" for
   weekdays. Events that already happened are reported in the past tense.

This is a heuristic without a POS tagger, chosen for speed (the time stage must run at
well over 20,000 words per second); it is right on the common patterns of news prose.
"""

from __future__ import annotations

import re

# A clause also ends before "that"/"dass": the reported or relative clause they open has a tense
# of its own ("said on Monday that aid would come": Monday belongs to "said", not "would").
# The cut is zero-width, so the word stays at the start of the clause it opens.
_CLAUSE_CUT = re.compile(
    r"[;:,–—]|\s-\s|\bund\b|\baber\b|\bbut\b|\band\b|\bwhile\b|\bwährend\b|(?=\b(?:that|dass)\b)"
)
_SUBORDINATE_START = re.compile(r"\s*(?:that|dass)\b", re.I)

_DE_FUTURE = re.compile(
    r"\b(?:wird|werden|werde|wirst|werdet|soll|sollen|sollte|sollten|will|wollen|wolle|möchte|"
    r"möchten|plant|planen|geplant|vorgesehen|angesetzt|anberaumt|erwartet|bevorstehend\w*|"
    r"kommende[nmrs]?|nächste[nmrs]?|bis|ab|spätestens|künftig|demnächst|morgen|übermorgen|"
    r"muss|müssen|beginnt|endet|läuft|tritt|reist|trifft|kommt|findet|stattfinden|"
    r"zusammenkommen|zusammentreffen|beraten|entscheiden|Frist|Ultimatum|Stichtag)\b"
)
_DE_PAST = re.compile(
    r"\b(?:war|waren|warst|hatte|hatten|wurde|wurden|hat|haben|ist|sind|gewesen|worden|"
    r"sagte|sagten|erklärte|erklärten|betonte|teilte|kündigte|bestätigte|berichtete|"
    r"traf|trafen|gab|gaben|kam|kamen|ging|gingen|sprach|sprachen|fand|fanden|hielt|hielten|"
    r"rief|riefen|stand|standen|nahm|nahmen|sah|sahen|lief|liefen|fuhr|fuhren|flog|flogen|"
    r"schrieb|schrieben|blieb|blieben|begann|begannen|gewann|gewannen|verlor|verloren|"
    r"starb|starben|fiel|fielen|brach|brachen|schlug|schlugen|griff|griffen|zog|zogen|"
    r"unterzeichnete|unterzeichneten|führte|führten|telefonierte|telefonierten|reiste|reisten|"
    r"vergangene[nmrs]?|letzte[nmrs]?|vorige[nmrs]?|gestern|vorgestern|zuvor|bereits)\b"
)
# "ist/sind" count as past only with a participle ("ist gestorben", "sind eingetroffen").
_DE_PERFECT = re.compile(r"\b(?:ist|sind)\b.*\b(?:\w*ge[a-zäöüß]{3,}(?:t|en)|\w+iert)\b")
_NOT_PARTICIPLE = frozenset("gegen gehen geben gelten genau gestern geschehen gestehen gewesen".split())
# Words ending in -te/-ten that are not verbs in the past tense.
_TE_NOT_VERB = frozenset(
    "heute erste ersten zweite zweiten dritte dritten letzte letzten nächste nächsten gute guten "
    "beste besten weite weiten rechte rechten seite seiten leute mitte hälfte geschichte "
    "geschichten stunde stunden minute minuten soldaten staaten daten konte kosten posten "
    "vertrete vertreter weitere weiteren große größte größten meiste meisten neueste neuesten "
    "späte späten frühe frühen mehrere halbe halben ganze ganzen rente renten karte karten "
    "schritte schritten werte werten gäste gästen berichte berichten kräfte kräften haushalte "
    "verbote verboten gebote angebote angeboten politische politischen".split()
)
_TE_VERB = re.compile(r"\b[a-zäöü]\w{2,}te[nt]?\b")

_EN_FUTURE = re.compile(
    r"\b(?:will|'ll|shall|going to|due to|set to|plans?|planned|scheduled|expected|expects|"
    r"is to|are to|would|next|upcoming|coming|tomorrow|until|by|deadline|ultimatum)\b"
    # a present-tense verb of a scheduled event: "the summit begins on Monday"
    r"|(?<!\bto\s)\b(?:begins?|starts?|ends?|expires?|meets?|travels?|visits?|holds?)\b"
)
# An infinitive of such a verb points forward only inside the expression's own clause ("agreed
# to meet on Wednesday"); elsewhere in the sentence it has no tense of its own ("had agreed to
# begin talks, after a call on Wednesday" is past).
_EN_FUTURE_INFINITIVE = re.compile(r"\bto\s(?:begin|start|end|expire|meet|travel|visit|hold)\b")
_EN_PAST = re.compile(
    r"\b(?:was|were|had|did|has|have|been|said|told|met|held|took|gave|came|went|spoke|"
    r"made|found|won|lost|began|fell|broke|struck|signed|announced|ago|last|yesterday|earlier|"
    r"previous|\w{3,}ed|"
    # irregular past forms common in news; "hit", "cut", "shut" and "hurt" look like the present,
    # but news reports with a singular subject ("a drone attack hit the plant") are past
    r"hit|cut|shut|hurt|spread|led|fled|sent|spent|built|kept|left|paid|sold|thought|brought|"
    r"bought|caught|fought|sought|wrote|rose|flew|drew|grew|threw|knew|saw|became|ran|chose|"
    r"stole|drove|shot|stood|felt|heard|sat|laid|stuck|hung|sank|blew|withdrew|shook|overtook|"
    r"swept|tore|woke|forgave)\b"
)


def _clause(text: str, start: int, end: int, pos: int, pos_end: int | None = None) -> tuple[int, int]:
    """Clause around ``pos`` inside the sentence [start, end); ``pos_end`` is where the
    expression at ``pos`` ends, so a "that" inside it ("two days after that") is no cut."""
    left = start
    for m in _CLAUSE_CUT.finditer(text, start, pos):
        left = m.end()
    right = end
    for m in _CLAUSE_CUT.finditer(text, pos, end):
        if m.start() == m.end() and pos_end is not None and m.start() < pos_end:
            continue
        right = m.start()
        break
    return left, right


def _main_clauses(text: str, start: int, end: int, expr_start: int, expr_end: int) -> str | None:
    """The sentence [start, end) without the expression and without the that/dass clauses
    it is not in: the tense of a reported clause ("that aid would come") says nothing about a
    date in the clause that reports it ("On Monday, the minister said that ..."). None when
    there is no such clause to leave out (the whole sentence then says the same)."""
    cuts = [(m.start(), m.end()) for m in _CLAUSE_CUT.finditer(text, start, end)]
    spans = zip([start] + [c[1] for c in cuts], [c[0] for c in cuts] + [end])
    parts: list[str] = []
    left_out = False
    for cl, cr in spans:
        if _SUBORDINATE_START.match(text, cl, cr) and not (cl < expr_end and expr_start < cr):
            left_out = True
            continue
        parts += [text[cl:min(cr, expr_start)], text[max(cl, expr_end):cr]]
    return " ".join(parts) if left_out else None


def _de_dir(s: str, own_clause: bool = False) -> int:
    if _DE_FUTURE.search(s):
        return 1
    if _DE_PAST.search(s):
        return -1
    m = _DE_PERFECT.search(s)
    if m and m.group(0).split()[-1].lower() not in _NOT_PARTICIPLE:
        return -1
    for w in _TE_VERB.findall(s):
        if w not in _TE_NOT_VERB:
            return -1
    return 0


def _en_dir(s: str, own_clause: bool = False) -> int:
    low = s.lower()
    if _EN_FUTURE.search(low) or (own_clause and _EN_FUTURE_INFINITIVE.search(low)):
        return 1
    if _EN_PAST.search(low):
        return -1
    return 0


def direction(text: str, sent_start: int, sent_end: int, start: int, end: int, lang: str) -> int:
    """Tense direction of the clause containing text[start:end] (the expression itself
    is left out, so "nächste Woche" does not vote for itself)."""
    fn = _en_dir if lang == "en" else _de_dir
    cl, cr = _clause(text, sent_start, sent_end, start, end)
    clause = text[cl:start] + " " + text[end:cr]
    d = fn(clause, own_clause=True)
    if d:
        return d
    main = _main_clauses(text, sent_start, sent_end, start, end)
    d = fn(main) if main is not None else 0
    if d:
        return d
    return fn(text[sent_start:start] + " " + text[end:sent_end])
