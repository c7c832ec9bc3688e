"""Rule-based speech attribution over tokens: who said what, with which cue.

Works on a token sequence and sentence ranges (token indices), so the same code serves the
pipeline stage (tokens from ``segment``) and the SpkAtt benchmark (the dataset's own tokens).

Forms follow the SpkAtt 2023 news guidelines:

- ``Direct``: text in quotation marks with a frame („…“, sagte X / X sagte: „…“), a quoted
  fragment inside a reporting frame (X bezeichnete das als „sehr produktiv“), or a quoted sentence
  right next to an attributed one.
- ``Indirect``: a clause governed by a reporting verb (X sagte, dass … / …, erklärte X), or a
  sentence with a prepositional source frame (laut X, X zufolge, nach Angaben X, wie X mitteilte).
- ``IndirectFreeIndirect``: sentences in Konjunktiv I that continue an attributed statement
  without a new cue; they inherit the speaker.
- ``Reported``: a sentence whose verb reports speech without a complement clause
  (Die Gewerkschaft forderte höhere Löhne.).

- ``FreeIndirect``: a sentence with "soll/sollen" right after an attributed statement (a claim
  reported without a frame).

Speakers: the subject before the cue verb, or after it when the first constituent is an object
(case: "Den Vorschlag lehnte er ab", "Das bestätigte X" -> the previous sentence is the message);
the agent of a passive ("wurde von X kritisiert") or the document of "heißt es in X"; the subject
of a verb-final clause ("wie X mitteilte", "während X ankündigte", "…, der angab"). A sentence
with a reporting verb but no complement still names the speaker of the Konjunktiv after it.

Not speech: "drohen" without a threat complement ("Ihm droht Haft", "droht zu scheitern"),
plan verbs ("plant, …"), English threaten/promise/vow without "that". A sentence continues
reported speech only when the Konjunktiv is in its main clause, not in a "weil"/relative clause,
and a form next to "ich" is first person indicative ("halte ich").

Speed matters (the pipeline budget is >= 10k words/s for this stage), so everything is dictionary
look-ups and linear scans; no tagger runs here. simplemma (lemmas, cached) is consulted only to
tell adjectives from verbs at noun-phrase boundaries and to spot Konjunktiv I of verbs outside the
word list ("man warte" -> lemma "warten").

Thresholds and word lists were tuned on the SpkAtt 2023 Task 2 *train* split only (see
``bench/quotes.py``); they move as a set.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon as L

FORMS = ("Direct", "Indirect", "IndirectFreeIndirect", "FreeIndirect", "Reported")

# Quotation marks: opener -> closers it accepts.
_OPEN_CLOSE: dict[str, frozenset[str]] = {
    "„": frozenset({"“", "”", '"'}),
    "»": frozenset({"«"}),
    "«": frozenset({"»"}),
    "“": frozenset({"”", "“"}),
    '"': frozenset({'"'}),
    "''": frozenset({"''", "“", "”"}),
    "``": frozenset({"''"}),
    "‚": frozenset({"‘", "’", "'"}),
    "‹": frozenset({"›"}),
    "›": frozenset({"‹"}),
}
_QUOTE_CHARS = frozenset({"„", "“", "”", '"', "»", "«", "''", "``", "‚", "‘", "’", "‹", "›", "'"})
_FINAL_PUNCT = frozenset({".", "!", "?", ";", "…"})
_CLAUSE_PUNCT = frozenset({",", ":", ";", "–", "—", "-"})
# A quotation longer than this (tokens) without its closer is treated as unbalanced.
_MAX_QUOTE_TOKENS = 400
# Quoted material shorter than this (words) is a fragment, not a stand-alone quotation.
_MIN_STANDALONE_WORDS = 4


@dataclass(slots=True)
class Attribution:
    """One attributed statement; all spans are sorted global token indices."""

    form: str
    message: list[int]
    source: list[int] = field(default_factory=list)
    cue: list[int] = field(default_factory=list)
    addressee: list[int] = field(default_factory=list)
    inherit: bool = False  # the source is a pointer ("demnach") to the previous speaker
    backward: bool = False  # "Das bestätigte X.": the message is the previous sentence


@dataclass(slots=True)
class _Doc:
    words: Sequence[str]
    low: list[str]
    sents: Sequence[tuple[int, int]]
    lang: str
    in_quote: list[int]  # per token: id of the enclosing quotation (+1), 0 outside


@lru_cache(maxsize=65536)
def _lemma(w: str) -> str:
    """German lemma (simplemma, loaded on first use; only called on NP boundary candidates)."""
    import simplemma

    return str(simplemma.lemmatize(w, lang="de"))


_ADJ_ENDINGS = ("e", "en", "er", "es", "em")


def _adj_like(w: str) -> bool:
    """A lower-case inflected adjective ("ersten", "behördlichen"), not a verb ("starben")."""
    if not (w[:1].islower() and w.isalpha() and w.endswith(_ADJ_ENDINGS)) or len(w) < 4:
        return False
    if w in L.DE_FINITE or w in L.DE_KONJ1 or w in L.DE_DET or w in L.DE_PREPOSITIONS:
        return False
    lem = _lemma(w)
    if lem[:1].isupper():
        return False
    if lem == w:  # unknown to the dictionary: trust typical adjective endings only
        return w.endswith(("ischen", "ischer", "isches", "ische", "lichen", "licher", "liche", "igen", "iger", "ige"))
    # an adjective's lemma is its stem ("eigen" -> "eigenen"); a verb's is not ("sterben" / "starben")
    return w.startswith(lem) or (not lem.endswith(("en", "ln", "rn")) and w.startswith(lem[: max(3, len(lem) - 1)]))


def _noun_start(w: str) -> bool:
    """Can a capitalised sentence-initial word start a noun phrase (not "Offiziell", "Zudem")?"""
    if not _is_cap(w):
        return False
    lem = _lemma(w)
    return not lem[:1].islower()


def _is_cap(w: str) -> bool:
    """Capitalised like a noun or name; also "ai-Bericht", "eBay-Chef" (the head is capitalised)."""
    if not w:
        return False
    if w[0].isupper() or (w[0].isdigit() and len(w) > 1 and w[-1].isalpha()):
        return True
    dash = w.rfind("-")
    return 0 < dash < len(w) - 2 and w[dash + 1].isupper()


def _is_word(w: str) -> bool:
    return bool(w) and (w[0].isalnum())


# --------------------------------------------------------------------------- quotations


def find_quotes(words: Sequence[str]) -> list[tuple[int, int]]:
    """Balanced quotations as (first, last) token indices including the marks."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(words)
    while i < n:
        w = words[i]
        closers = _OPEN_CLOSE.get(w)
        if closers is None and w == "'" and i + 1 < n and _is_word(words[i + 1]):
            closers = frozenset({"'"})
        if closers is None:
            i += 1
            continue
        j = i + 1
        limit = min(n, i + _MAX_QUOTE_TOKENS)
        while j < limit:
            if words[j] in closers and j > i + 1:
                break
            if words[j] == w and w in ("„", "»", "«") and w not in closers:
                j = limit  # a new opener of the same kind: the first one was never closed
                break
            j += 1
        if j < limit:
            spans.append((i, j))
            i = j + 1
        else:
            i += 1
    return spans


# --------------------------------------------------------------------------- noun phrases


# Words that may follow a sentence-final English frame verb ("said on Monday", "said yesterday").
_EN_TRAILING = frozenset({"on", "in", "at", "during", "after", "late", "earlier", "yesterday", "today", "tonight", "last", "this"})

_EN_NP_STOP = L.EN_PREPOSITIONS | L.EN_VERBS | L.EN_REPORTED_VERBS | L.EN_DET | frozenset(
    """that who which whose and or but to was were is are has have had will would could should
    may might can not it he she they we also""".split()
)


# Abbreviated titles inside names; the tokenizer splits off their period.
_TITLES = frozenset({"dr", "prof", "med", "dipl", "ing", "mr", "mrs", "ms", "st", "gen", "sen", "rep", "jr"})

# Objects of "fordern" in its non-speech sense ("forderte zwölf Todesopfer").
_CASUALTY_NOUNS = ("menschenleben", "todesopfer", "tote", "toten", "opfer", "leben", "verletzte", "verletzten")

# Quantifiers after an article inside a noun phrase ("der beiden Politiker", "die vielen Helfer").
_QUANTIFIERS = frozenset(
    """beiden beide vielen viele wenigen wenige mehreren zahlreichen zwei drei vier fünf sechs
    sieben acht neun zehn zwölf hundert tausend""".split()
)


def _np_right(d: _Doc, i: int, end: int, allow_von: bool = False) -> int:
    """End (exclusive) of a noun phrase starting at ``i`` (German or English), or ``i``."""
    low, words = d.low, d.words
    de = d.lang != "en"
    dets = L.DE_DET if de else L.EN_DET
    prons = L.DE_PRONOUNS if de else L.EN_PRONOUNS
    j = i
    if j >= end:
        return i
    if low[j] in prons and not (j + 1 < end and _is_cap(words[j + 1]) and low[j] in dets):
        return j + 1
    if low[j] in dets:
        j += 1
    # adjectives / numbers / quoted names before the head
    head = False
    while j < end:
        w = words[j]
        if w in ("„", '"', "»", "''", "“") and j + 1 < end:
            close = next((k for k in range(j + 1, min(end, j + 8)) if words[k] in _QUOTE_CHARS), -1)
            if close > j + 1 and _is_cap(words[j + 1]):
                j = close + 1
                head = True
                continue
            break
        if _is_cap(w):
            head = True
            j += 1
            if low[j - 1] in _TITLES and j + 1 < end and words[j] == "." and (_is_cap(words[j + 1]) or low[j + 1] in _TITLES):
                j += 1  # "Dr. Sabine Leitner", "Prof. Dr. med. Kurz": the title's period
            continue
        if head and low[j] in _TITLES and j + 1 < end and words[j + 1] == ".":
            j += 2  # "Dr. med."
            continue
        if head and not de and w[:1].islower() and w.isalpha() and low[j] not in _EN_NP_STOP:
            j += 1  # English heads are lower-case: "a White House official"
            continue
        if head:
            # particles inside names: "van", "de", "al", "von der" between capitalised parts
            if low[j] in ("van", "de", "der", "von", "al", "bin", "da", "di", "du", "la", "le") and (
                j + 1 < end and _is_cap(words[j + 1]) and low[j] not in ("der",)
            ):
                j += 1
                continue
            break
        if w[:1].islower() and w.isalpha() and (
            (de and (_adj_like(w) or (j > i and low[j - 1] in dets and low[j] in _QUANTIFIERS)))
            or (not de and low[j] not in _EN_NP_STOP)
        ):
            if not de and low[i] in dets:
                head = True
            j += 1
            continue
        if w[:1].isdigit():
            j += 1
            continue
        break
    if not head:
        return i
    # attachments: genitives, parentheses, "von X", appositions
    while j < end:
        lw = low[j]
        if de and lw in L.DE_GEN_DET and j + 1 < end:
            k = _np_right(d, j, end)
            if k > j + 1:
                j = k
                continue
            break
        if not de and lw == "of" and j + 1 < end:
            k = _np_right(d, j + 1, end)
            if k > j + 1:
                j = k
                continue
            break
        if words[j] == "(":
            close = next((k for k in range(j + 1, min(end, j + 7)) if words[k] == ")"), -1)
            if close > 0:
                j = close + 1
                continue
            break
        if allow_von and lw in ("von", "vom", "für", "aus") and j + 1 < end:
            k = _np_right(d, j + 1, end)
            if k > j + 1:
                j = k
                continue
            break
        if words[j] == "," and j + 1 < end and _is_cap(words[j + 1]):
            # apposition of names: ", Qiangba Puncog," — only capitalised words up to a comma/end
            k = j + 1
            while k < end and (_is_cap(words[k]) or low[k] in ("von", "van", "de", "bin", "al")):
                k += 1
            if k > j + 1 and (k >= end or words[k] in (",", ".", ":", ")")) and k - j <= 5:
                j = k
                continue
            if de:
                # ", Parteichef der Liberalen" — an apposition without article
                k = _apposition_end(d, j + 1, end)
                if k > j + 1 and (k >= end or words[k] in (",", ".", ":", ")")):
                    j = k
                    continue
            break
        if de and lw == "für" and j + 1 < end and _is_cap(words[j + 1]) and low[j + 1] not in dets:
            # names of bodies: "Bundesagentur für Arbeit", "Beauftragte für Menschenrechte"
            j += 1
            while j < end and _is_cap(words[j]):
                j += 1
            continue
        if words[j] == "," and de and j + 1 < end and low[j + 1] in L.DE_DET:
            # apposition with an article: ", der Sprecher der Polizei," (not a relative clause)
            k = _apposition_end(d, j + 1, end)
            if k > j + 1:
                j = k
                continue
            break
        if low[j] in ("und", "sowie", "and") and j + 1 < end and (low[j + 1] in dets or _is_cap(words[j + 1])):
            k = _np_right(d, j + 1, end)
            if k > j + 1 and low[j + 1] not in prons:
                j = k
                continue
            break
        break
    return j


_APPOSITION_OK = frozenset({"und", "von", "vom", "für", "im", "in", "am", "an", "aus", "der", "des", "bei"})


def _apposition_end(d: _Doc, i: int, end: int) -> int:
    """End of an article-initial apposition starting at ``i``, or ``i`` when it is a clause."""
    k = i
    while k < end and d.words[k] not in (",", ".", ":", ";", ")"):
        w, lw = d.words[k], d.low[k]
        if d.in_quote[k] or w in _QUOTE_CHARS or not w[:1].isalpha() or w[:1].isupper():
            k += 1
            continue
        if lw in L.DE_DET or lw in L.DE_GEN_DET or lw in _APPOSITION_OK or _adj_like(w):
            k += 1
            continue
        return i  # a verb or other function word: relative clause, not an apposition
    if k - i > 12 or not any(_is_cap(d.words[m]) for m in range(i + 1, k)):
        return i
    return k


def _short_quoted_name(d: _Doc, i: int, end: int) -> bool:
    """An opening quote starting a quoted name of at most three words („Der Spiegel“)."""
    qid = d.in_quote[i]
    if not qid or i + 1 >= end or not _is_cap(d.words[i + 1]):
        return False
    close = next((k for k in range(i + 2, min(end, i + 5)) if d.in_quote[k] == qid and d.words[k] in _QUOTE_CHARS), -1)
    return close > i + 1


def _np_left(d: _Doc, start: int, verb: int) -> list[int]:
    """The subject in front of a verb: the first constituent ``[start, verb)`` if nominal."""
    low, words = d.low, d.words
    de = d.lang != "en"
    leading = L.DE_LEADING if de else L.EN_LEADING
    preps = L.DE_PREPOSITIONS if de else L.EN_PREPOSITIONS
    i = start
    while i < verb and (low[i] in leading or words[i] in ("–", "-") or (
        words[i] in _QUOTE_CHARS and not _short_quoted_name(d, i, verb)
    )):
        i += 1
    if de and i + 1 < verb and low[i] == "des" and low[i + 1] == "weiteren":
        return []
    if i >= verb:
        return []
    if low[i] in preps or low[i] in L.DE_CLAUSE_WORDS and de:
        return []
    if not de and low[i] in ("that", "which", "who", "as", "if", "when", "because"):
        return []
    first = words[i + 1] if words[i] in _QUOTE_CHARS else words[i]  # „Muslix64“ schrieb ...
    # "Einer der Feuerwehrmänner sagte": an indefinite pronoun with a partitive genitive
    partitive = de and low[i] in ("einer", "eine", "eines", "keiner", "keine") and i + 1 < verb and low[i + 1] in L.DE_GEN_DET
    if not (partitive or low[i] in (L.DE_DET if de else L.EN_DET) or low[i] in (L.DE_PRONOUNS if de else L.EN_PRONOUNS)
            or (_noun_start(first) if de and i == start else _is_cap(first))):
        return []
    if de and low[i] in ("es", "man") and verb - i == 1:
        return [] if low[i] == "es" else [i]
    # cut relative clauses and other subordinate material: ", der ...", ", die seit ...", ", who"
    toks: list[int] = []
    k = i
    rel = L.DE_RELATIVE if de else frozenset({"who", "which", "that", "whose"})
    while k < verb:
        if words[k] == ",":
            nxt = low[k + 1] if k + 1 < verb else ""
            if de and nxt in L.DE_DET and _apposition_end(d, k + 1, verb) > k + 1:
                toks.append(k)
                k += 1
                continue
            if nxt in rel or nxt in L.DE_CLAUSE_WORDS or (k + 1 < verb and words[k + 1] in _QUOTE_CHARS):
                # skip to the closing comma of the inserted clause
                close = next((m for m in range(k + 1, verb) if words[m] == ","), verb)
                k = close + 1 if close < verb else verb
                continue
        toks.append(k)
        k += 1
    while toks and (words[toks[-1]] in (",", "–", "-") or low[toks[-1]] in leading):
        toks.pop()
    quoted_words = sum(1 for t in toks if d.in_quote[t] and _is_word(words[t]))
    if quoted_words > 3:
        return []  # a quotation is no speaker (a quoted name like „Der Spiegel“ is)
    verbs = _AUX | L.DE_FINITE.keys() if de else L.EN_VERBS
    if any(low[t] in verbs and not words[t][:1].isupper() for t in toks):
        return []
    if de and len(toks) > 2 and _has_verb(d, [t for t in toks if not d.in_quote[t]]):
        return []
    # a first constituent that is a time adverbial ("Am Montag", "Letzte Woche") is no subject
    if toks and de and low[toks[0]] in ("letzte", "letzten", "vergangene", "vergangenen", "kommende"):
        return []
    return toks


# --------------------------------------------------------------------------- cues


def _participle_after(d: _Doc, i: int, end: int) -> int:
    for k in range(i + 1, end):
        if d.low[k] in L.DE_PARTICIPLES:
            return k
        if d.words[k] in (",", ":") or d.in_quote[k]:
            return -1
    return -1


_AUX = frozenset(
    """hat hatte haben hatten habe ist war sind waren sei wird wurde werden wurden würde soll
    sollen will wollen wollte kann konnte""".split()
)
_PASSIVE_AUX = frozenset({"wird", "wurde", "werden", "wurden", "worden"})


@dataclass(slots=True)
class _Cue:
    tokens: list[int]
    finite: int  # position of the finite verb (or the preposition)
    kind: str  # "verb" | "prep" | "wie" | "so" | "ref" | "passive"


def _nach_noun(w: str) -> bool:
    return w in L.DE_NACH_NOUNS or w.endswith(L.DE_NACH_SUFFIXES)


def _particle_position(d: _Doc, k: int, s1: int) -> bool:
    """A separable particle closes its clause ("teilte ... mit ,"); a preposition does not."""
    if k + 1 >= s1:
        return True
    nxt = d.words[k + 1]
    if nxt in (",", ".", ":", ";", "!", "?", "(", ")", "–", "-") or nxt in _QUOTE_CHARS:
        return True
    ln = d.low[k + 1]
    return ln in ("und", "oder", "sowie", "dass", "daß", "ob") or ln in _AUX


def _aux_before(d: _Doc, s0: int, i: int) -> bool:
    for k in range(i - 1, s0 - 1, -1):
        if d.words[k] in (",", ":", ";"):
            return False
        if d.low[k] in _AUX:
            return True
    return False


def _verb_cues_de(d: _Doc, s0: int, s1: int) -> list[_Cue]:
    low, words = d.low, d.words
    cues: list[_Cue] = []
    for i in range(s0, s1):
        if d.in_quote[i]:
            continue
        w = low[i]
        if w in L.DE_FINITE and w in L.DE_PARTICIPLES and _aux_before(d, s0, i):
            continue  # "hatte ... kritisiert": the participle of a perfect, found via the aux
        if w in L.DE_FINITE:
            particles = L.DE_FINITE[w].split("|")
            found: list[int] = []
            optional = "" in particles
            needed = [p for p in particles if p]
            if needed:
                for k in range(i + 1, s1):
                    if words[k] in (",", ":", ".") or d.in_quote[k]:
                        break
                    if low[k] in needed and _particle_position(d, k, s1):
                        found = [k]
                        break
            if found or optional:
                toks = [i] + found
                for k in (i - 1, i + 1, i + 2):
                    if s0 <= k < s1 and low[k] in L.DE_CUE_PARTS and not d.in_quote[k]:
                        toks.append(k)
                cues.append(_Cue(sorted(toks), i, "verb"))
                continue
        if w in L.DE_JOINED or (w in L.DE_PARTICIPLES and i + 1 < s1 and low[i + 1] in _AUX):
            # verb-final clause: "wie die Polizei mitteilte", "..., wie er gesagt hatte"
            cues.append(_Cue([i], i, "verb"))
        elif w in _AUX and not (i > s0 and low[i - 1] in L.DE_PARTICIPLES):
            p = _participle_after(d, i, s1)
            if p > 0:
                kind = "passive" if w in _PASSIVE_AUX else "verb"
                toks = [i, p]
                if kind == "passive" and i > s0 and low[i - 1] == "es":
                    toks.insert(0, i - 1)
                cues.append(_Cue(toks, i, kind))
    return cues


def _verb_cues_en(d: _Doc, s0: int, s1: int) -> list[_Cue]:
    return [
        _Cue([i], i, "verb")
        for i in range(s0, s1)
        if not d.in_quote[i] and (d.low[i] in L.EN_VERBS or d.low[i] in L.EN_REPORTED_VERBS)
    ]


# --------------------------------------------------------------------------- helpers


def _sentence_end(d: _Doc, s0: int, s1: int) -> int:
    """Exclusive end without final punctuation (a closing quote stays)."""
    e = s1
    while e > s0 and d.words[e - 1] in _FINAL_PUNCT:
        e -= 1
    return e


def _trim(d: _Doc, toks: list[int]) -> list[int]:
    while toks and d.words[toks[0]] in _CLAUSE_PUNCT:
        toks = toks[1:]
    while toks and (d.words[toks[-1]] in _CLAUSE_PUNCT or d.words[toks[-1]] in _FINAL_PUNCT):
        toks = toks[:-1]
    return toks


def _has_konj(d: _Doc, toks: Sequence[int], with_k2: bool = False, quoted: bool = False) -> bool:
    for k in toks:
        if d.in_quote[k] and not quoted:
            continue
        w = d.low[k]
        if w in L.DE_KONJ1 or (with_k2 and w in L.DE_KONJ2_REPORTED):
            if _first_person(d, k):
                continue
            return True
        if _generic_konj1(d, k):
            return True
    return False


_THIRD_PERSON = frozenset({"man", "er", "sie", "es"})


def _first_person(d: _Doc, k: int) -> bool:
    """"ich habe", "halte ich": a form in -e next to "ich" is first person indicative
    (only "sei" is Konjunktiv in the first person as well)."""
    if d.low[k] in ("sei", "seien"):
        return False
    return (k > 0 and d.low[k - 1] == "ich") or (k + 1 < len(d.low) and d.low[k + 1] == "ich")


def _is_konj_verb(d: _Doc, k: int) -> bool:
    """Is token ``k`` a Konjunktiv verb form (I, or II as news use it for reported speech)?"""
    w = d.low[k]
    if _first_person(d, k):
        return False
    return w in L.DE_KONJ1 or w in L.DE_KONJ2_REPORTED or _generic_konj1(d, k)


def _generic_konj1(d: _Doc, k: int) -> bool:
    """Konjunktiv I of any verb next to a 3rd-person pronoun: "man warte", "er plane"."""
    w = d.low[k]
    if len(w) < 4 or not w.endswith("e") or not d.words[k][:1].islower():
        return False
    if w in L.DE_DET or w in L.DE_PREPOSITIONS or w in L.DE_LEADING or (k > 0 and d.low[k - 1] in ("ich", "zu")):
        return False
    if k + 1 < len(d.low) and d.low[k + 1] == "ich":
        return False  # "Deshalb halte ich …": first person indicative
    lem = _lemma(w)
    # "warte" -> "warten"; "ändere" -> "ändern", "handele" -> "handeln"
    return lem == w + "n" or (w.endswith(("ere", "ele")) and lem == w[:-1] + "n")


def _addressee(d: _Doc, s0: int, s1: int, exclude: set[int]) -> list[int]:
    """'gegenüber CNN', 'told reporters' style addressee/medium inside the frame."""
    low = d.low
    for i in range(s0, s1):
        if i in exclude or d.in_quote[i]:
            continue
        if low[i] == "gegenüber" or (d.lang == "en" and low[i] == "told"):
            e = _np_right(d, i + 1, s1)
            if e > i + 1:
                return list(range(i, e)) if low[i] == "gegenüber" else list(range(i + 1, e))
    return []


# --------------------------------------------------------------------------- frames


def _frames_in_sentence(d: _Doc, s0: int, s1: int, quotes: list[tuple[int, int]]) -> list[Attribution]:
    """Indirect, reported and framed direct speech inside one sentence."""
    de = d.lang != "en"
    low, words = d.low, d.words
    end = _sentence_end(d, s0, s1)
    out: list[Attribution] = []
    taken: set[int] = set()

    def add(att: Attribution) -> None:
        att.message = sorted(set(att.message))
        if not att.message:
            return
        out.append(att)
        taken.update(att.message)

    # 1. prepositional frames (laut X, X zufolge, nach Angaben X, according to X)
    for i in range(s0, end):
        if d.in_quote[i] or i in taken:
            continue
        w = low[i]
        frame: list[int] = []
        src: list[int] = []
        cue: list[int] = []
        if de and w in ("laut", "gemäß", "lt."):
            e = _np_right(d, i + 1, end, allow_von=True)
            if e > i + 1:
                src, cue = list(range(i + 1, e)), [i]
        elif de and w == "zufolge":
            # the longest noun phrase that ends right before "zufolge"
            for k in range(max(s0, i - 15), i):
                if d.in_quote[k] and not d.in_quote[i - 1]:
                    continue
                if any(words[m] in (",", ":", ";") for m in range(k, i)):
                    continue
                if (low[k] in L.DE_DET or _is_cap(words[k]) or _adj_like(words[k])) and _np_right(d, k, i, allow_von=True) == i:
                    src, cue = list(range(k, i)), [i]
                    break
        elif de and w == "nach" and i + 1 < end:
            e = _np_right(d, i + 1, end, allow_von=True)
            head = [k for k in range(i + 1, e) if _is_cap(words[k])]
            if head and _nach_noun(low[head[0]]):
                src, cue = list(range(i + 1, e)), [i]
            elif i > s0 and _nach_noun(low[i - 1]):
                # "Seiner Ansicht nach"
                k = i - 1
                while k - 1 >= s0 and (low[k - 1] in L.DE_DET or _is_cap(words[k - 1]) or _adj_like(words[k - 1])):
                    k -= 1
                    if low[k] in L.DE_DET:
                        break  # "Seiner Ansicht nach": the article opens the phrase
                src, cue = list(range(k, i)), [i]
        elif de and w in L.DE_REFERRING_CUES:
            src, cue = [i], [i]
            if w == "wonach" and i - 1 > s0 and words[i - 1] == ",":
                for k in range(max(s0, i - 16), i - 1):
                    if (low[k] in L.DE_DET or _is_cap(words[k])) and _np_right(d, k, i - 1, allow_von=True) == i - 1:
                        src = list(range(k, i - 1))
                        break
        elif not de and w == "according" and i + 1 < end and low[i + 1] == "to":
            e = _np_right(d, i + 2, end)
            if e > i + 2:
                src, cue = list(range(i + 2, e)), [i, i + 1]
        if not cue:
            continue
        if w == "nach" and _weak_nach_frame(d, s0, i, src):
            continue
        frame = sorted(set(src) | set(cue))
        msg = [k for k in range(s0, end) if k not in frame and k not in taken]
        if w == "wonach":
            msg = [k for k in range(i + 1, end) if k not in taken]
        # the frame's own comma ("Laut X, ...") belongs to the frame
        msg = _trim(d, msg)
        if len([k for k in msg if _is_word(words[k])]) < 3:
            continue
        add(Attribution("Indirect", msg, src, cue, inherit=(w == "demnach")))

    # 2. "wie X mitteilte," and ", so X." frames
    for i in range(s0, end):
        if d.in_quote[i] or i in taken:
            continue
        w = low[i]
        if de and w == "wie" and (i == s0 or words[i - 1] in (",", "(", "–") or low[i - 1] in L.DE_LEADING):
            # wie + NP + verb (+ aux) + ","
            # adverbs may precede the subject ("wie schon die WHO sagte")
            j = i + 1
            while j < end and low[j] in L.DE_LEADING:
                j += 1
            e = _np_right(d, j, end)
            k = e
            while k < end and words[k] not in (",", ")") and k - e < 12:
                k += 1
            # the clause is verb-final: the cue verb (and an auxiliary) closes it, after any
            # adverbials ("wie X am Dienstag in Hannover erklärte,")
            verbs = [m for m in range(max(e, k - 3), k) if low[m] in L.DE_JOINED or low[m] in L.DE_FINITE or low[m] in L.DE_PARTICIPLES]
            if e > j and verbs and (k >= end or words[k] in (",", ")")):
                frame = set(range(i, min(k + 1, end)))
                msg = _trim(d, [m for m in range(s0, end) if m not in frame and m not in taken])
                if len(msg) >= 3:
                    add(Attribution("Indirect", msg, list(range(j, e)), [i] + verbs))
        elif de and w == "so" and i + 1 < end and (i == s0 or words[i - 1] in (",", "–")):
            # "…, so X." / "…, so X, …" / "…, so schätzen die Forscher, …" / "So X, …"
            k = i + 1
            cue = [i]
            if low[k] in L.DE_FINITE or low[k] in L.DE_JOINED:
                cue.append(k)
                k += 1
                while k < end and low[k] in L.DE_CUE_PARTS:
                    cue.append(k)
                    k += 1
            e = _np_right(d, k, end, allow_von=True)
            if e <= k or low[k] in ("dass", "wie", "weit", "lange", "viel", "sehr", "auch"):
                continue
            stop = next((m for m in range(e, end) if words[m] in (",", "–") and not d.in_quote[m]), end)
            tail = [m for m in range(e, stop) if not d.in_quote[m]]
            if tail and _has_verb(d, tail):
                continue  # "so" as an adverb inside a clause
            src = list(range(k, stop))
            while src and (words[src[-1]] in _CLAUSE_PUNCT or low[src[-1]] in L.DE_LEADING):
                src.pop()
            frame = set(range(i, min(stop + 1, end)))
            if i > s0:
                frame.add(i - 1)
            msg = _trim(d, [m for m in range(s0, end) if m not in frame and m not in taken])
            if msg and not all(d.in_quote[m] for m in msg) and len(msg) >= 3:
                add(Attribution("Indirect", msg, src, cue))

    # 2b. "Dies geht aus einem Bericht hervor." / "Aus dem Bericht geht hervor, dass …"
    if de and not out:
        _hervor_frame(d, s0, s1, end, out, taken, add)

    # 3. verb cues
    cues = _verb_cues_de(d, s0, end) if de else _verb_cues_en(d, s0, end)
    for c in cues:
        v = c.finite
        if v in taken:
            continue
        if de and low[v] in L.DE_THREAT_VERBS and not _threat_is_speech(d, s0, v, end):
            continue
        if not de and low[v] in L.EN_COMMISSIVE and not _commitment_is_speech(d, s0, v, end):
            continue
        last_cue = max(c.tokens)
        # clause-initial verb after a comma/quote: "..., sagte X." / "„…“, sagte X"
        before = v - 1
        while before >= s0 and low[before] in L.DE_CUE_PARTS:
            before -= 1
        verb_first = before >= s0 and words[before] in (",", ":")
        if verb_first and de and words[before] == ",":
            head = _main_clause(d, s0, before)
            # "Der Chef, Max Müller, sagte ..." / "Nachdem ..., erklärte X, ..." are no statements
            if head and (
                low[head[0]] in _SUBORDINATORS
                or _np_left(d, s0, v)
                or not _has_verb(d, head)
            ):
                verb_first = False
        if not de and not verb_first and (v + 1 >= end or (
            # "…, officials said on Monday." / "…, she said in a statement."
            low[v + 1] in _EN_TRAILING and not any(low[m] in ("that", ",") or low[m] in L.EN_VERBS for m in range(v + 1, end))
        )):
            # English "…, a White House official said."
            cm = next((m for m in range(v - 1, s0, -1) if words[m] == "," and not d.in_quote[m]), -1)
            # "…, officials said." — a bare plural is a noun phrase too
            bare = 0 < v - cm - 1 <= 2 and all(
                words[m].isalpha() and low[m] not in _EN_NP_STOP and low[m] not in L.EN_PRONOUNS for m in range(cm + 1, v))
            if cm > s0 and v > cm + 1 and (_np_right(d, cm + 1, v) == v or bare):
                msg = _trim(d, [m for m in range(s0, cm) if m not in taken])
                if len(msg) >= 3 and not all(d.in_quote[m] for m in msg):
                    add(Attribution("Indirect", msg, list(range(cm + 1, v)), c.tokens))
                continue
        if verb_first and c.kind != "passive":
            # the subject follows the finite verb, before a separable particle at the end
            # ("…, kündigte die Regierung an."), so start right after the verb
            k = v + 1
            while k < s1 and (k in c.tokens or low[k] in L.DE_CUE_PARTS):
                k += 1
            e = _np_right(d, k, s1)
            src = [m for m in range(k, e) if m not in c.tokens] if e > k else []
            if len(src) == 1 and low[src[0]] == "es":
                src = []  # "..., hieß es."
                if de and low[v] in ("heißt", "hieß"):
                    src = _frame_source(d, v, v, s1, c)  # "..., heißt es in dem Bericht."
            # message: everything before the comma, back to the previous frame or sentence start
            comma = before if words[before] == "," else before
            msg = [m for m in range(s0, comma) if m not in taken]
            # stop at an earlier clause boundary that closes another frame
            msg = _trim(d, msg)
            if not msg:
                continue
            quoted = [m for m in msg if d.in_quote[m]]
            form = "Direct" if quoted and len(quoted) >= len(msg) - 1 else "Indirect"
            if form == "Direct":
                continue  # handled with the quotation
            add(Attribution("Indirect", msg, src, c.tokens, _addressee(d, comma, s1, set(msg))))
            continue
        # subject before or after the verb
        clause_start = s0
        for m in range(v - 1, s0 - 1, -1):
            if words[m] in (":", ";") or (words[m] == "," and m + 1 < v and low[m + 1] in ("und", "aber", "doch", "and", "but")):
                clause_start = m + 1
                break
        src = _np_left(d, clause_start, v) if c.kind != "passive" else []
        if not src and de and c.kind != "passive":
            src = _subordinate_subject(d, s0, v, end, c)
        if not src and c.kind != "passive":
            k = v + 1
            while k < end and (low[k] in L.DE_CUE_PARTS or low[k] in L.DE_LEADING):
                k += 1
            e = _np_right(d, k, end)
            if e > k and not (e == k + 1 and low[k] == "es"):
                src = list(range(k, e))
        if not src and de and c.kind != "passive" and v - 1 > clause_start and low[v - 1] in ("und", "sowie", "aber", "doch"):
            # "X war ebenfalls anwesend und sagte, …": the subject of the first conjunct
            src = _subject_of(d, clause_start, v)
        # "Das/Dies bestätigte X": a lone demonstrative before the verb is the object
        demonstrative = de and clause_start + 1 == v and low[clause_start] in _DEMONSTRATIVE_OBJECT
        if de and c.kind != "passive" and v + 1 < end:
            post = _subject_after_verb(d, v, end, c, _object_first(d, src) or demonstrative, _case_ambiguous(d, src))
            if post:
                src = post
            elif demonstrative:
                src = []
        if not src and de and (low[v] in ("heißt", "hieß") or c.kind == "passive"):
            src = _frame_source(d, clause_start, v, end, c)
        # complement: after the first comma/colon following the cue region (and the source)
        region_end = max([last_cue] + src) + 1
        comma = next((m for m in range(region_end, end) if words[m] in (",", ":") and not d.in_quote[m]), -1)
        reported = c.kind == "verb" and (de and low[v] in L.DE_REPORTED_VERBS or not de and low[v] in L.EN_REPORTED_VERBS)
        if reported and (
            (len(src) == 1 and low[src[0]] in ("man", "es"))
            # "Der Sturm forderte 92 Menschenleben": the sense of claiming victims, not a demand
            or (low[v].startswith("forder") and any(low[m].endswith(_CASUALTY_NOUNS) for m in range(v + 1, end)))
            or low[v] in ("sprach", "spricht", "sprachen") and not any(low[m] in ("von", "vom") for m in range(v + 1, min(end, v + 5)))
        ):
            reported = False
        if comma < 0 and demonstrative and src and clause_start == s0:
            # "Das bestätigte der Minister am Abend.": the pronoun points back to the
            # previous sentence, which is the message (filled in by ``extract``)
            out.append(Attribution("Indirect", [clause_start], src, c.tokens, _addressee(d, s0, s1, set()), backward=True))
            taken.update(range(s0, s1))
            continue
        if comma < 0 and reported and de:
            if src and not any(m in taken for m in range(s0, s1)):
                add(Attribution("Reported", list(range(s0, s1)), src, c.tokens))
            continue
        if comma < 0:
            n_before = len(out)
            if not de and src and end > region_end + 2 and low[v] in L.EN_VERBS:
                # English "X said (that) the talks had failed" / "X told reporters on Friday that ..."
                k = region_end
                if low[v] in ("told", "tells", "tell"):
                    k = max(k, _np_right(d, k, end))
                that = next((m for m in range(k, min(end, k + 6)) if low[m] == "that"), -1)
                if that >= 0:
                    k = that
                elif k < end and low[k] in L.EN_PREPOSITIONS:  # (the object can run to the end)
                    k = max(k + 1, _np_right(d, k + 1, end))  # "said on Sunday it had ..."
                msg = [m for m in range(k, end) if m not in taken]
                msg = _trim(d, msg)
                if len(msg) >= 3 and not all(d.in_quote[m] for m in msg):
                    add(Attribution("Indirect", msg, src, c.tokens, _addressee(d, s0, s1, set(msg))))
            if len(out) == n_before and reported and src and not any(m in taken for m in range(s0, s1)):
                add(Attribution("Reported", list(range(s0, s1)), src, c.tokens))
            continue
        if words[comma] == ":" and comma + 1 < end and d.in_quote[comma + 1]:
            continue  # direct speech introduced by a colon: handled with the quotation
        msg = _trim(d, [m for m in range(comma + 1, end) if m not in taken])
        if len(msg) < 2:
            continue
        if all(d.in_quote[m] for m in msg):
            continue
        if de:
            msg = _cut_main_clause_return(d, msg)
        if de and not _clause_ok(d, msg, c):
            if reported and src and not any(m in taken for m in range(s0, s1)):
                add(Attribution("Reported", list(range(s0, s1)), src, c.tokens))
            continue
        add(Attribution("Indirect", msg, src, c.tokens, _addressee(d, s0, comma, set(msg))))
    if de and not out:
        _unknown_verb_frame(d, s0, end, taken, add)
    return out


_AGENT_PREPS = frozenset({"von", "vom", "durch"})
_PLACE_PREPS = frozenset({"in", "im", "auf", "bei", "beim"})


# Forms that cannot be nominative: a first constituent starting with them is an object
# ("Den Vorschlag lehnte der Minister ab", "Dem Land sicherte sie Hilfe zu").
_NON_NOMINATIVE = frozenset(
    """den dem einem einen ihm ihnen diesem diesen jenem jenen seinem seinen ihrem ihren
    unserem unseren keinem keinen""".split()
)
_DEMONSTRATIVE_OBJECT = frozenset({"das", "dies", "dieses", "was"})
# Nominative-only personal pronouns; "sie" may be an accusative object after the verb.
_NOMINATIVE_PRONOUNS = frozenset({"er", "ich", "wir"})


def _object_first(d: _Doc, src: list[int]) -> bool:
    """Is the constituent before the verb an object rather than the subject?"""
    if not src:
        return False
    first = d.low[src[0]]
    return first in _NON_NOMINATIVE or (len(src) == 1 and first in _DEMONSTRATIVE_OBJECT)


def _subject_after_verb(d: _Doc, v: int, end: int, c: _Cue, object_first: bool, ambiguous_first: bool = False) -> list[int]:
    """The subject right after the finite verb in a V2 clause whose first constituent is not
    the subject: "Die Arbeit der Koalition lobte er", "Das erklärte General X"."""
    k = v + 1
    while k < end and (k in c.tokens or d.low[k] in L.DE_CUE_PARTS):
        k += 1
    if k >= end or d.in_quote[k]:
        return []
    w = d.low[k]
    if w in _NOMINATIVE_PRONOUNS or (object_first and w == "sie"):
        return [k]
    if not object_first and w == "der" and ambiguous_first and _masculine_np(d, k, end):
        # "Die praktische Anwendung stellte der SPD-Vorsitzende in Frage": "der" + a
        # masculine noun after the verb is the nominative; the fronted "die/das" phrase the object
        e = _np_right(d, k, end)
        if e > k + 1:
            return [m for m in range(k, e) if m not in c.tokens]
    if not object_first:
        return []
    while k < end and d.low[k] in L.DE_LEADING:
        k += 1
    e = _np_right(d, k, end)
    if e > k and not (e == k + 1 and d.low[k] in ("es", "man")) and d.low[k] not in _NON_NOMINATIVE:
        return [m for m in range(k, e) if m not in c.tokens]
    return []


# Endings of feminine nouns: after "der" they are dative/genitive ("sagte der Zeitung").
_FEMININE_ENDINGS = (
    "ung", "ion", "heit", "keit", "schaft", "tät", "ei", "ik", "ur", "enz", "anz", "ie", "in",
    "presse", "agentur", "zeitung", "post", "welt", "zeit", "sprecherin", "kommission", "regierung",
)


def _case_ambiguous(d: _Doc, src: list[int]) -> bool:
    """A fronted phrase that may be nominative or accusative ("Die Anwendung", "Das Gesetz")."""
    return len(src) > 1 and d.low[src[0]] in ("die", "das", "eine", "ein")


def _masculine_np(d: _Doc, k: int, end: int) -> bool:
    """"der" at ``k`` opens a masculine (nominative) noun phrase: its head noun is not one of
    the typical feminine forms, and the phrase before the verb may be an object."""
    j = k + 1
    while j < end and (_adj_like(d.words[j]) or d.low[j] in _QUANTIFIERS):
        j += 1
    if j >= end or not _is_cap(d.words[j]) or d.words[j][:1].isdigit():
        return False
    head = d.low[j]
    return not head.endswith(_FEMININE_ENDINGS)


def _is_document(w: str) -> bool:
    """A text that can speak: "Bericht", "Pressemitteilung", "Webseite" (and compounds)."""
    return w.endswith(L.DE_DOCUMENT_SUFFIXES)


def _hervor_frame(d: _Doc, s0: int, s1: int, end: int, out: list[Attribution], taken: set[int],
                  add: Callable[[Attribution], None]) -> None:
    """The source text of "hervorgehen aus": the document is the speaker."""
    low = d.low
    hv = next((m for m in range(s0, end) if low[m] == "hervor" and not d.in_quote[m]), -1)
    if hv < 0:
        return
    verb = next((m for m in range(s0, hv) if low[m] in ("geht", "ging", "gehen", "gingen")), -1)
    aus = next((m for m in range(s0, hv) if low[m] == "aus" and not d.in_quote[m]), -1)
    if verb < 0 or aus < 0:
        return
    e = _np_right(d, aus + 1, end, allow_von=True)
    if e <= aus + 1:
        return
    src = [m for m in range(aus + 1, e) if d.words[m] != ","]
    if low[s0] in _DEMONSTRATIVE_OBJECT and verb == s0 + 1 and hv + 1 >= end:
        out.append(Attribution("Indirect", [s0], src, [verb, hv], backward=True))
        taken.update(range(s0, s1))
    elif aus == s0 and verb == e and all(low[m] in L.DE_LEADING for m in range(verb + 1, hv)) and (
        hv + 1 < end and d.words[hv + 1] == ","
    ):
        msg = _trim(d, list(range(hv + 2, end)))
        if len(msg) >= 3:
            add(Attribution("Indirect", msg, src, [verb, hv]))


def _subordinate_subject(d: _Doc, s0: int, v: int, end: int, c: _Cue) -> list[int]:
    """Subject of a verb-final reporting clause: "Während X ankündigte, …", "da sie
    befürchten, …", "…, der angab, …" (the relative pronoun stands for the speaker)."""
    low, words = d.low, d.words
    last = max(c.tokens)
    k = last + 1
    while k < end and low[k] in _AUX:
        k += 1
    if k >= end or words[k] != ",":
        return []  # not verb-final
    cm = next((m for m in range(v - 1, s0 - 1, -1) if words[m] == "," and not d.in_quote[m]), s0 - 1)
    lc = cm + 1
    if lc >= v:
        return []
    first = low[lc]
    if cm >= s0 and first in L.DE_RELATIVE and lc + 1 <= v and not (_is_cap(words[lc + 1]) and first in L.DE_DET):
        return [lc] if first not in ("wo",) else []
    if first in _SUBORDINATORS and first not in ("wie", "als", "um", "damit", "indem"):
        e = _np_right(d, lc + 1, v)
        if e > lc + 1 and not (e == lc + 2 and low[lc + 1] in ("es", "man")):
            return list(range(lc + 1, e))
    return []


def _weak_nach_frame(d: _Doc, s0: int, i: int, src: list[int]) -> bool:
    """"nach neuesten Erkenntnissen" / "seiner Meinung nach" name no source of their own; inside
    the complement of a reporting verb ("X sagte, nach neuesten Erkenntnissen habe …") they
    belong to that speaker's statement, so the verb frame wins."""
    caps = [k for k in src if _is_cap(d.words[k]) and not _nach_noun(d.low[k])]
    if caps:
        return False
    for k in range(s0, min(i, src[0] if src else i)):
        if d.in_quote[k] or d.low[k] not in L.DE_FINITE:
            continue
        if any(d.words[m] == "," for m in range(k + 1, i)) or k == i - 1 or d.words[k][:1].islower():
            return True
    return False


def _frame_source(d: _Doc, start: int, v: int, end: int, c: _Cue) -> list[int]:
    """Source of an impersonal frame: the agent of a passive ("wurde von X kritisiert") or
    the document a statement stands in ("In dem Bericht heißt es", "heißt es im Bericht",
    "wird in einer Erklärung gefordert"). The preposition is not part of the source."""
    low, words = d.low, d.words
    stop = next((m for m in range(max(c.tokens) + 1, end) if words[m] in (",", ":") and not d.in_quote[m]), end)
    for m in range(start, stop):
        if d.in_quote[m] or m in c.tokens:
            continue
        lw = low[m]
        if lw in _AGENT_PREPS and c.kind == "passive" and m > v:
            e = _np_right(d, m + 1, stop, allow_von=True)
            if e > m + 1 and low[m + 1] not in L.DE_PRONOUNS | {"ihm", "ihr", "ihnen", "uns"}:
                return list(range(m + 1, e))
        if lw in _PLACE_PREPS:
            e = _np_right(d, m + 1, end, allow_von=True)
            if e > m + 1 and (e == v or e >= stop or words[e] in (",", ":") or m > v):
                head = [k for k in range(m + 1, e) if _is_cap(words[k])]
                if head and _is_document(low[head[0]]):
                    return list(range(m + 1, e))
    return []


def _threat_is_speech(d: _Doc, s0: int, v: int, end: int) -> bool:
    """Is "drohen" at ``v`` a threat someone utters rather than something looming?

    Speech: "X drohte mit einer Klage", "X drohte damit, …", "X drohte dem Mann an, …",
    "X drohte, die Gespräche abzubrechen / dass …". Not speech: "Ihm droht Haft", "Es drohen
    Sanktionen", "Dem Konzern drohen Strafen, …", "Der Frachter droht auseinanderzubrechen".
    """
    low, words = d.low, d.words
    comma = next((m for m in range(v + 1, end) if words[m] in (",", ":") and not d.in_quote[m]), end)
    start = next((m + 1 for m in range(v - 1, s0 - 1, -1) if words[m] in (",", ":", ";")), s0)
    clause = [m for m in range(start, comma) if not d.in_quote[m]]
    if any(low[m] in L.DE_DATIVE_PRONOUNS for m in clause) or (clause and low[clause[0]] == "es"):
        return False
    after = [m for m in range(v + 1, comma) if not d.in_quote[m]]
    if any(low[m] in ("mit", "damit") or (low[m] == "an" and _particle_position(d, m, end)) for m in after):
        return True
    if any(_zu_infinitive(d, m) for m in after):
        return False  # "droht zu scheitern": the aspectual use
    if comma >= end or words[comma] != ",":
        return False
    nxt = [m for m in range(comma + 1, min(end, comma + 20)) if not d.in_quote[m]]
    if nxt and low[nxt[0]] in ("dass", "daß"):
        return True
    stop = next((m for m in nxt if words[m] == ","), end)
    return any(_zu_infinitive(d, m) for m in nxt if m < stop)


def _zu_infinitive(d: _Doc, m: int) -> bool:
    """"zu gehen" / "abzubrechen" / "auseinanderzubrechen"."""
    w = d.low[m]
    if w == "zu" and m + 1 < len(d.low) and d.low[m + 1].endswith("n") and d.words[m + 1][:1].islower():
        return True
    return len(w) > 7 and "zu" in w[2:-3] and w.endswith(("en", "ern", "eln")) and d.words[m][:1].islower()


def _commitment_is_speech(d: _Doc, s0: int, v: int, end: int) -> bool:
    """English threaten/promise/vow/pledge: a "that" clause, or "to" after he/she/I/we."""
    low = d.low
    stop = next((m for m in range(v + 1, end) if d.words[m] in (",", ";") and not d.in_quote[m]), end)
    if any(low[m] == "that" for m in range(v + 1, min(stop, v + 4))):
        return True
    if v + 1 < end and low[v + 1] == "to":
        subj = _np_left(d, s0, v)
        return len(subj) == 1 and low[subj[0]] in ("he", "she", "i", "we")
    return False


def _verb_index(d: _Doc, toks: Sequence[int]) -> int:
    for k in toks:
        if _has_verb(d, [k]):
            return k
    return -1


def _unknown_verb_frame(d: _Doc, s0: int, end: int, taken: set[int], add: Callable[[Attribution], None]) -> None:
    """A frame whose verb is not in the lexicon, recognised by its reported complement.

    "X kam zu dem Ergebnis, die Lage sei ernst." / "Die Lage sei ernst, konterte X."
    """
    low, words = d.low, d.words
    commas = [m for m in range(s0, end) if words[m] == "," and not d.in_quote[m]]
    for cm in commas:
        after = [m for m in range(cm + 1, end) if m not in taken]
        if len(after) < 3:
            continue
        stop = next((m for m in after if words[m] == "," and not d.in_quote[m]), end)
        clause = [m for m in after if m < stop]
        first = low[after[0]]
        konj = [m for m in clause[:8] if low[m] in L.DE_KONJ1 or low[m] in L.DE_KONJ2_REPORTED or _generic_konj1(d, m)]
        v2 = bool(konj) and konj[0] != clause[-1] and first not in _SUBORDINATORS and not (
            len(clause) > 1 and _prep_relative(d, clause[0]))
        if not (first in ("dass", "daß") and _has_konj(d, after, with_k2=True, quoted=True) or v2):
            continue
        head = _main_clause(d, s0, cm)
        if not head or low[head[0]] in _SUBORDINATORS or low[head[0]] in L.DE_PREPOSITIONS and len(head) < 4:
            continue
        v = _verb_index(d, head)
        if v < 0 or _is_konj_verb(d, v) or _lemma(low[v]) in L.DE_INTENT_LEMMAS:
            # "Der Angriff sei …, dann sei es …": a head clause in Konjunktiv is itself
            # reported, not a frame; the sentence continues earlier speech
            continue
        src = _np_left(d, s0, v)
        post = _subject_after_verb(d, v, cm, _Cue([v], v, "verb"), _object_first(d, src), _case_ambiguous(d, src))
        if post:
            src = post
        if not src:
            k = v + 1
            while k < cm and (low[k] in L.DE_CUE_PARTS or low[k] in L.DE_LEADING):
                k += 1
            e = _np_right(d, k, cm)
            src = list(range(k, e)) if e > k and not (e == k + 1 and low[k] == "es") else []
        if not src:
            continue
        add(Attribution("Indirect", _trim(d, after), src, [v]))
        return
    # "Die Lage sei ernst, konterte der Minister."
    if commas:
        cm = commas[-1]
        k = cm + 1
        if k < end and words[k][:1].islower() and _has_verb(d, [k]) and low[k] not in _AUX:
            e = _np_right(d, k + 1, end)
            tail = [m for m in range(e, end) if not d.in_quote[m]]
            before = [m for m in range(s0, cm) if m not in taken]
            if e > k + 1 and not _has_verb(d, tail) and _has_konj(d, before, quoted=True):
                add(Attribution("Indirect", _trim(d, before), list(range(k + 1, e)), [k]))


_STRONG_DE = frozenset(
    """sagt sagte sagten sagen erklärt erklärte erklärten erklären betont betonte betonten
    meint meinte meinten behauptet behauptete behaupteten schreibt schrieb schrieben
    berichtet berichtete berichteten warnt warnte warnten teilte teilt teilten mitteilte
    mitteilten betonen gesagt erklärt mitgeteilt berichtet geschrieben äußerte äußerten
    bestätigte bestätigten bestätigt ergänzte ergänzt fügte räumte versicherte versichert
    unterstrich bekräftigte erläuterte erläutert gab gaben verkündete verkündet""".split()
)


_SUBORDINATORS = frozenset(
    """nachdem wenn falls da weil ob als bevor obwohl um während warum seit seitdem sobald
    solange damit indem wie""".split()
)


def _main_clause(d: _Doc, s0: int, e: int) -> list[int]:
    """Tokens of ``[s0, e)`` outside quotations and comma-delimited relative clauses."""
    out: list[int] = []
    skip = False
    for m in range(s0, e):
        if d.words[m] == ",":
            nxt = d.low[m + 1] if m + 1 < e else ""
            skip = nxt in L.DE_RELATIVE and not (m + 2 < e and d.words[m + 2][:1].isupper() and nxt in L.DE_DET) or (
                m + 1 < e and _prep_relative(d, m + 1)
            )
            continue
        if not skip and not d.in_quote[m]:
            out.append(m)
    return out
_NOT_VERBS = frozenset(
    """gestern morgen heute zusammen oben unten schon dann wann man ein einen allein innen
    außen hinten vorn vorne mitten unten""".split()
)


def _has_verb(d: _Doc, toks: Sequence[int]) -> bool:
    """Does the span contain a finite-looking verb (a statement, not a bare noun phrase)?"""
    for k in toks:
        w = d.low[k]
        if w in _AUX or w in L.DE_FINITE or w in L.DE_KONJ1 or w in L.DE_KONJ2_REPORTED:
            return True
        if not d.words[k][:1].islower() or not w.isalpha() or w in _NOT_VERBS:
            continue
        if w in L.DE_DET or w in L.DE_PREPOSITIONS or w in L.DE_LEADING or _adj_like(w):
            continue
        lem = _lemma(w)
        if lem != w and lem[:1].islower() and lem.endswith(("en", "ern", "eln", "sein", "tun")):
            return True
    return False


def _cut_main_clause_return(d: _Doc, msg: list[int]) -> list[int]:
    """Cut "…, die Lage sei ernst, und weigerte sich …": the main clause resumes after the report."""
    for n in range(2, len(msg) - 1):
        m = msg[n]
        if d.in_quote[m] or not (d.words[m] == "," or d.low[m] in ("und", "aber", "doch", "sowie")):
            continue
        k = msg[n + 1]
        if d.low[k] in ("und", "aber", "doch") and n + 2 < len(msg):
            k = msg[n + 2]
        w = d.low[k]
        if d.in_quote[k] or not d.words[k][:1].islower() or w in _AUX or w in L.DE_KONJ1 or w in L.DE_KONJ2_REPORTED:
            continue
        if w in L.DE_RELATIVE or w in L.DE_CLAUSE_WORDS or w in L.DE_PREPOSITIONS or _generic_konj1(d, k):
            continue
        if (w in L.DE_FINITE or _has_verb(d, [k])) and not _adj_like(d.words[k]):
            return _trim(d, msg[:n])
    return msg


def _clause_ok(d: _Doc, msg: list[int], c: _Cue) -> bool:
    """Is the clause after the comma a reported statement rather than a relative clause?"""
    low = d.low
    first = low[msg[0]]
    if first in ("weil", "da", "als", "nachdem", "bevor", "wenn", "obwohl", "während", "und", "aber", "sondern", "um", "falls", "damit", "indem", "sodass"):
        return False
    if first in L.DE_RELATIVE and len(msg) > 1 and low[msg[1]] not in L.DE_DET and not _is_cap(d.words[msg[1]]):
        return False
    if len(msg) > 1 and _prep_relative(d, msg[0]):
        return False
    if first in ("dass", "daß", "ob", "wie", "warum", "wann", "wo", "wer", "was", "weshalb", "wieso"):
        return True
    clause = [m for m in msg[:25]]
    for n, m in enumerate(clause):
        if low[m] == "zu" and n + 1 < len(clause) and low[clause[n + 1]].endswith("n") and d.words[clause[n + 1]][:1].islower():
            return True
        if "zu" in low[m][2:-3] and low[m].endswith("en") and d.words[m][:1].islower() and len(low[m]) > 8:
            return True  # "anzuwenden", "freizugeben"
    if _has_konj(d, msg[:15], with_k2=True, quoted=True):
        return True
    return low[c.finite] in _STRONG_DE or any(low[t] in _STRONG_DE for t in c.tokens)


# --------------------------------------------------------------------------- direct speech


def _direct(d: _Doc, quotes: list[tuple[int, int]], sent_of: list[int], taken: set[int]) -> list[Attribution]:
    """Attributions for quotations with a frame next to them (same sentence)."""
    low, words = d.low, d.words
    de = d.lang != "en"
    out: list[Attribution] = []
    for qa, qb in quotes:
        if qa in taken:
            continue
        inner = [k for k in range(qa + 1, qb) if _is_word(words[k])]
        if not inner:
            continue
        sa, sb = sent_of[qa], sent_of[qb]
        s0, s1 = d.sents[sa][0], d.sents[sb][1]
        msg = list(range(qa, qb + 1))
        # frame after the quote: "„…“, sagte X" / "„…“, so X" / "„…“ sagte X"
        k = qb + 1
        if k < s1 and words[k] == ",":
            k += 1
        src: list[int] = []
        cue: list[int] = []
        prev = low[qa - 1] if qa > s0 else ""
        in_np = qa > s0 and (prev in L.DE_DET or prev in L.DE_PREPOSITIONS or prev in L.EN_DET or (
            _is_cap(words[qa - 1]) and qa - 1 > s0))
        if in_np:
            k = s1  # a title or name in quotation marks ("die Zeitung „Die Welt“")
        if k < s1 and not d.in_quote[k]:
            w = low[k]
            if (de and (w in L.DE_FINITE or w == "so")) or (not de and w in L.EN_VERBS):
                c = [k]
                j = k + 1
                while j < s1 and low[j] in L.DE_CUE_PARTS:
                    c.append(j)
                    j += 1
                e = _np_right(d, j, s1)
                if e > j:
                    src, cue = list(range(j, e)), c
                    # separable particle at the end of the frame ("teilte X mit")
                    for m in range(e, min(s1, e + 6)):
                        if words[m] in (",", ".", ":") or d.in_quote[m]:
                            break
                        if low[m] in ("mit", "an", "hinzu", "ein", "fest", "aus", "zu", "bekannt"):
                            cue.append(m)
                            break
                elif w in ("heißt", "hieß", "hieß") and j < s1 and low[j] == "es":
                    cue = [k, j]
            elif not de and _is_cap(words[k]):
                # "“…,” Smith said."
                e = _np_right(d, k, s1)
                if e < s1 and low[e] in L.EN_VERBS:
                    src, cue = list(range(k, e)), [e]
        # frame before the quote: "X sagte: „…“" / "X said: “…”"
        if not cue:
            j = qa - 1
            if j >= s0 and words[j] in (":", ",") and len(inner) >= (3 if words[j] == "," else 2):
                cstart = s0
                verbs = [m for m in range(cstart, j) if not d.in_quote[m] and (
                    (de and (low[m] in L.DE_FINITE or low[m] in L.DE_PARTICIPLES)) or (not de and low[m] in L.EN_VERBS))]
                if verbs:
                    v = verbs[0]
                    cue = [v]
                    # "X hatte ... betont: „…“": the subject stands before the auxiliary
                    aux = next((m for m in range(cstart, v) if low[m] in _AUX and not d.in_quote[m]), -1)
                    fin = aux if aux > cstart and low[v] in L.DE_PARTICIPLES else v
                    src = _np_left(d, cstart, fin)
                    if de and fin + 1 < j:
                        # "Die Arbeit der Koalition lobte er mit den Worten: „…“"
                        post = _subject_after_verb(d, fin, j, _Cue([fin, v], fin, "verb"), _object_first(d, src), _case_ambiguous(d, src))
                        if post:
                            src = post
                    if not src:
                        e = _np_right(d, v + 1, j)
                        src = list(range(v + 1, e)) if e > v + 1 else []
                    if not src and aux > cstart:
                        e = _np_right(d, aux + 1, v)  # "So hatte X im Mai zugesichert: „…“"
                        src = list(range(aux + 1, e)) if e > aux + 1 else []
                    if not src and de and v - 1 > cstart and low[v - 1] in ("und", "sowie"):
                        src = _subject_of(d, cstart, v)  # "X biss den Mann und rief: „…“"
                elif words[j] == ":":
                    # "Ein Sprecher: „…“" — frame without a verb
                    src = _np_left(d, cstart, j)
                if len(src) == 1 and low[src[0]] == "es":
                    src = []
        if not cue and not src:
            # quoted fragment inside a reporting frame: "bezeichnete das als „sehr produktiv“"
            if len(inner) >= _MIN_STANDALONE_WORDS and words[qa - 1 if qa > 0 else qa] not in ("als",):
                continue
            verbs = [m for m in range(d.sents[sa][0], qa) if not d.in_quote[m] and (
                (de and low[m] in ("bezeichnete", "bezeichnet", "bezeichneten", "nannte", "nennt", "nannten"))
                or (not de and low[m] in ("called", "calls", "described", "describes", "dubbed")))]
            if not verbs:
                continue
            v = verbs[-1]
            cue = [v]
            src = _np_left(d, d.sents[sa][0], v)
            if not src:
                e = _np_right(d, v + 1, qa)
                src = list(range(v + 1, e)) if e > v + 1 else []
            if not src:
                continue
        if not cue and not src:
            continue
        out.append(Attribution("Direct", msg, src, cue, _addressee(d, s0, s1, set(msg))))
        taken.update(msg)
    return out


def _subject_of(d: _Doc, s0: int, s1: int) -> list[int]:
    """Subject of a main clause when it stands first ("Der Iran streitet dies ab.")."""
    i = s0
    while i < s1 and (d.low[i] in L.DE_LEADING or d.words[i] in _QUOTE_CHARS):
        i += 1
    if i >= s1 or d.low[i] in L.DE_PREPOSITIONS or d.low[i] in L.DE_CLAUSE_WORDS:
        return []
    if not (d.low[i] in L.DE_DET or d.low[i] in L.DE_PRONOUNS or _noun_start(d.words[i])):
        return []
    e = _np_right(d, i, s1)
    if e <= i or e >= s1 or not d.words[e][:1].islower() or d.low[e] in L.DE_PREPOSITIONS:
        return []
    return list(range(i, e))


# --------------------------------------------------------------------------- document


def extract(words: Sequence[str], sentences: Sequence[tuple[int, int]], lang: str = "de") -> list[Attribution]:
    """All attributions in a document. ``sentences`` are (first, end) token index ranges."""
    low = [w.lower() for w in words]
    quotes = find_quotes(words)
    in_quote = [0] * len(words)
    for qi, (a, b) in enumerate(quotes, 1):
        for k in range(a, b + 1):
            in_quote[k] = qi
    d = _Doc(words, low, sentences, "en" if lang == "en" else "de", in_quote)
    sent_of = [0] * len(words)
    for si, (a, b) in enumerate(sentences):
        for k in range(a, b):
            sent_of[k] = si

    taken: set[int] = set()
    direct = _direct(d, quotes, sent_of, taken)
    per_sent: dict[int, list[Attribution]] = {}
    for att in direct:
        per_sent.setdefault(sent_of[att.message[0]], []).append(att)
    for si, (s0, s1) in enumerate(sentences):
        if s1 <= s0:
            continue
        found = _frames_in_sentence(d, s0, s1, quotes)
        # drop frames whose message is only a quotation already attributed
        found = [a for a in found if a.backward or (
            not set(a.message) <= taken and not (a.form == "Reported" and set(a.message) & taken))]
        for a in found:
            taken.update(a.message)
        if found:
            per_sent.setdefault(si, []).extend(found)

    # quotations without a frame, next to an attributed sentence; Konjunktiv I continuations
    out: list[Attribution] = []
    last_src: list[int] = []
    last_si = -10
    soft_si = -10  # a sentence that named a speaker without attributing anything
    chain: Attribution | None = None
    for si, (s0, s1) in enumerate(sentences):
        atts = per_sent.get(si, [])
        if atts:
            atts = [a for a in atts if not a.backward or _fill_backward(d, a, si, out)]
        if atts:
            for a in atts:
                if a.inherit and last_src and si - last_si <= 2:
                    a.source = list(last_src)
            out.extend(atts)
            srcs = [a for a in atts if a.source and not (len(a.source) == 1 and low[a.source[0]] in L.DE_REFERRING_CUES)]
            if srcs:
                last_src, last_si = srcs[-1].source, si
            chain = None
            continue
        if s1 <= s0:
            continue
        sent_quotes = [(a, b) for a, b in quotes if s0 <= a < s1 and a not in taken]
        if sent_quotes:
            qa, qb = sent_quotes[0]
            words_in = sum(1 for k in range(qa + 1, qb) if _is_word(words[k]))
            src = list(last_src) if last_src and si - last_si <= 1 else []
            if not src and si > 0 and d.lang == "de":
                src = _subject_of(d, *sentences[si - 1])
            if src and qa <= s0 + 1 and words_in >= _MIN_STANDALONE_WORDS:
                msg = list(range(qa, qb + 1))
                att = Attribution("Direct", msg, src, [])
                out.append(att)
                taken.update(msg)
                last_si = sent_of[qb]
                chain = None
                continue
        if d.lang == "de":
            body = [k for k in range(s0, s1) if not in_quote[k]]
            recent = bool(last_src) and si - last_si <= 1 and last_si != soft_si
            # only a Konjunktiv in the main clause continues reported speech: in "Für X gilt …,
            # weil er sich bedroht fühle" the writer speaks and cites a reason
            main = _main_clause_tokens(d, s0, s1)
            konj = _has_konj(d, main) or (recent and _has_konj(d, main[:12], with_k2=True, quoted=True))
            if konj and not any(low[k] in L.DE_PREP_CUES for k in body):
                if chain is not None and last_si == si - 1:
                    chain.message.extend(range(s0, s1))
                    last_si = si
                    continue
                # the speaker of recent attributed speech; the subject of a plain narrative
                # sentence before ("Alle Opfer stammen aus …") is no speaker, so none is guessed
                src = list(last_src) if last_src and si - last_si <= 4 else []
                chain = Attribution("IndirectFreeIndirect", list(range(s0, s1)), src, [])
                out.append(chain)
                if src:
                    last_src = src
                last_si = si
                continue
            if recent and any(low[k] in ("soll", "sollen") for k in body):
                # "soll" after an attributed sentence reports a claim (free indirect speech)
                out.append(Attribution("FreeIndirect", list(range(s0, s1)), list(last_src), []))
                last_si = si
                chain = None
                continue
            # "Der Iran streitet dies ab. Sein Programm diene …": a speech act without a
            # complement still introduces the speaker of the Konjunktiv that follows
            spk = _speaker_of_sentence(d, s0, s1)
            if spk:
                last_src, last_si, soft_si = spk, si, si
        chain = None
    return out


def _prep_relative(d: _Doc, m: int) -> bool:
    """Does a relative clause start at ``m`` with a preposition ("in der sich …", "mit dem er")?
    "zu der Maßnahme" / "mit dem neuen Gesetz" are prepositional phrases with an article."""
    if d.low[m] not in L.DE_PREPOSITIONS or m + 1 >= len(d.low) or d.low[m + 1] not in L.DE_RELATIVE:
        return False
    if d.low[m + 1] in L.DE_DET and m + 2 < len(d.low):
        nxt = d.words[m + 2]
        if _is_cap(nxt) or _adj_like(nxt) or nxt[:1].isdigit():
            return False
    return True


def _main_clause_tokens(d: _Doc, s0: int, s1: int) -> list[int]:
    """Tokens of the sentence outside quotations and subordinate clauses.

    A subordinate clause starts at the sentence start or after a comma with a subordinating
    conjunction, "dass" or a relative pronoun, and runs to the next comma."""
    low, words = d.low, d.words
    out: list[int] = []
    sub = s0 < s1 and (low[s0] in _SUBORDINATORS or low[s0] in ("dass", "daß")) and _fronted_clause(d, s0, s1)
    for m in range(s0, s1):
        if words[m] == "," and not d.in_quote[m]:
            nxt = low[m + 1] if m + 1 < s1 else ""
            sub = (
                nxt in _SUBORDINATORS or nxt in ("dass", "daß", "ob")
                or (nxt in L.DE_RELATIVE and not (m + 2 < s1 and _is_cap(words[m + 2]) and nxt in L.DE_DET))
                or (m + 2 < s1 and _prep_relative(d, m + 1))
            )
            continue
        if not sub and not d.in_quote[m]:
            out.append(m)
    return out


def _fronted_clause(d: _Doc, s0: int, s1: int) -> bool:
    """Does the sentence open with a verb-final subordinate clause ("Obwohl X rechnet, …")?
    Not when the word is an adverb or preposition ("Damit sei …", "Während der Operation
    habe …", "Als Premierministerin habe sie …"): then no comma closes a clause ending in a verb."""
    comma = next((m for m in range(s0 + 1, s1) if d.words[m] == "," and not d.in_quote[m]), -1)
    if comma < s0 + 2:
        return False
    last = comma - 1
    w = d.low[last]
    return w in _AUX or w in L.DE_FINITE or w in L.DE_JOINED or _is_konj_verb(d, last) or (
        d.words[last][:1].islower() and _has_verb(d, [last]))


def _fill_backward(d: _Doc, att: Attribution, si: int, out: list[Attribution]) -> bool:
    """Give a backward frame ("Das bestätigte X.") the previous sentence as its message.

    When that sentence is already part of an attribution without a speaker, the frame names
    its speaker instead. Returns whether ``att`` should be kept."""
    if si == 0:
        return False
    p0, p1 = d.sents[si - 1]
    prev = set(range(p0, p1))
    for other in out:
        if prev & set(other.message):
            if not other.source:
                other.source = list(att.source)
                other.cue = other.cue or list(att.cue)
            return False
    prev_msg = _trim(d, list(range(p0, p1)))
    if len(prev_msg) < 3:
        return False
    # the whole previous sentence and the pronoun standing for it
    att.message = list(range(p0, p1)) + att.message
    return True


def _speaker_of_sentence(d: _Doc, s0: int, s1: int) -> list[int]:
    """Subject of a reporting verb in the sentence's main clause, or []."""
    end = _sentence_end(d, s0, s1)
    for c in _verb_cues_de(d, s0, end):
        v = c.finite
        if c.kind == "passive":
            # "Die Forderungen wurden von Minister X als unrealistisch bezeichnet."
            agent = _frame_source(d, s0, v, end, c)
            if agent and d.low[agent[0] - 1] in _AGENT_PREPS:
                return agent
            continue
        if c.kind != "verb":
            continue
        if any(d.words[m] == "," for m in range(s0, v)):
            continue  # only a frame at the start of the sentence counts
        src = _np_left(d, s0, v)
        post = _subject_after_verb(d, v, end, c, _object_first(d, src), _case_ambiguous(d, src))
        if post:
            src = post
        if not src:
            k = v + 1
            while k < end and (d.low[k] in L.DE_CUE_PARTS or d.low[k] in L.DE_LEADING):
                k += 1
            e = _np_right(d, k, end)
            if e > k and not (e == k + 1 and d.low[k] in ("es", "man")):
                src = list(range(k, e))
        if src and not (len(src) == 1 and d.low[src[0]] in ("es", "man")):
            return src
    return []
