"""Stage 4, segment: sentences and tokens for German and English news.

Rule-based and fast (pysbd is ~50x slower). A sentence never crosses a paragraph (line) break.
A candidate boundary is sentence-final punctuation, optionally followed by closing quotes or
brackets, then white space and something that can start a sentence. It is rejected after known
abbreviations, initials, German ordinals ("am 12. Februar", "der 3. Versuch") and before lowercase
continuations („Warum?“, fragte er).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Document, Sentence, Token
from ..pipeline import stage
from .language import SENTENCE_MIN_PROB, detect, function_word_language

# Abbreviations that end with a period inside a sentence (lower-cased, without the final period).
ABBREVIATIONS = frozenset(
    """
    abb abs abt allg anm art bd bzw ca chr co corp dgl di dipl do dr ebd einschl entspr etc evtl
    fa fr frl gebr gegr geb gem ges ggf gmbh hl hr hrsg i.a i.d.r inkl insb jh jhd jr kap kfz
    kl lt max min mio mrd mr mrs ms mt nachf nr o.ä od pkt prof rd rel s.o sen sog sr st std str
    tel tsd u.a u.ä u.u urspr usw v.a v.chr vgl vs z.b z.t zit zt zzgl
    jan feb febr mär apr jun jul aug sep sept okt oct nov dez dec
    mo di mi do fr sa so
    gen lt col capt cmdr gov rep sens supt det sgt adm brig maj
    e.g i.e u.s u.k u.n a.m p.m no nos vol ed eds fig inc ltd est approx dept univ
    """.split()
)
MONTHS = frozenset(
    """januar februar märz maerz april mai juni juli august september oktober november dezember
    jänner january february march june july october december""".split()
)
# Words that typically open a sentence: after "3." they mark a real boundary, not an ordinal.
_STARTERS = frozenset(
    """der die das den dem des ein eine er sie es ich wir ihr man in im am auf aus nach doch aber und
    als wie was wer wo dann damit dabei dazu zudem außerdem auch so nun jetzt hier dort bereits seit
    danach zuvor später heute gestern morgen trotzdem deshalb daher denn ob wenn während bei mit für
    the a an it he she they we i this that these those in on at after but and as so there here
    however meanwhile then when while later yet still now today tomorrow yesterday for with by from
    his her its their our""".split()
)

# Abbreviations that often stand at the end of a sentence.
_MAYBE_FINAL = frozenset({"a.m", "p.m", "etc", "usw", "u.a", "inc", "ltd", "jr", "co", "corp"})

_BOUNDARY = re.compile(r"(?:\.\.\.|…|[.!?])+[\"“”„»«'’)\]]*(?=\s)")
_NEXT = re.compile(r"\s+([\"“„»«'‚(\[]*)(\S+)")
_WORD_BEFORE = re.compile(r"(\S+)$")
_TOKEN = re.compile(
    r"""
    https?://\S+[\w/]                      # URLs
    | [\w.+-]+@[\w-]+\.[\w.]+              # e-mail addresses
    | \d+(?:[.,:/]\d+)+                    # 13/02/2025, 3,5, 10:30, 1.000
    | (?:[A-Za-zÄÖÜäöü]\.){2,}             # z.B. u.a. U.S.
    | \w+(?:[-'’]\w+)*                     # words, hyphenated compounds, O'Brien
    | \S                                   # any other single character
    """,
    re.X,
)


def _is_boundary(para: str, m: re.Match[str]) -> bool:
    punct = m.group(0)
    nxt = _NEXT.match(para, m.end())
    if not nxt:
        return False
    opener, word = nxt.group(1), nxt.group(2)
    first = word[0]
    if not (first.isupper() or first.isdigit() or opener):
        return False  # lowercase continuation: „Warum?“, fragte er / ... und dann
    if punct[0] != ".":
        return True
    before = _WORD_BEFORE.search(para, 0, m.start())
    if not before:
        return True
    prev = before.group(1).lstrip("(\"„“»«'")
    low = prev.lower()
    if low in ABBREVIATIONS or low.rstrip(".") in ABBREVIATIONS:
        # "at 5 p.m. Then ..." / "usw. Danach ...": these also end sentences before a typical opener.
        w = word.strip("\"“”„»«'’,;:").lower()
        return low.rstrip(".") in _MAYBE_FINAL and w in _STARTERS
    if len(prev) == 1 and prev.isalpha():
        return False  # initials (J. D. Vance) and spaced abbreviations (z. B., u. a.)
    if re.fullmatch(r"(?:[A-Za-zÄÖÜäöü]\.)+[A-Za-zÄÖÜäöü]", prev):
        return False  # z.B. / U.S. written without spaces
    if prev.isdigit() and len(prev) <= 3 and not punct.startswith(".."):
        w = word.strip("\"“”„»«'’,;:").lower()
        if w in MONTHS or w not in _STARTERS:
            return False  # German ordinal: am 12. Februar, der 3. Versuch
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) over ``text``; ends exclude trailing white space."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        end_of_line = pos + len(line)
        for m in _BOUNDARY.finditer(line):
            if _is_boundary(line, m):
                s, e = start, pos + m.end()
                _add_span(text, s, e, spans)
                start = e
        _add_span(text, start, end_of_line, spans)
        pos = end_of_line + 1
    return spans


def _add_span(text: str, s: int, e: int, spans: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.start() + offset, m.end() + offset, m.group(0)) for m in _TOKEN.finditer(text)]


# Sentences shorter than this are not checked for a language of their own (too little evidence).
_SENTENCE_LANG_MIN_WORDS = 8


@stage("segment", requires=("text", "language"), assigns=("sentences", "tokens"))
def make_segment(sentence_languages: bool = True) -> Callable[[Document], Document]:
    """Split the body into sentences and tokens; mark sentences in another language than the document."""

    def segment(doc: Document) -> Document:
        doc.sentences = [Sentence(s, e) for s, e in split_sentences(doc.text)]
        doc.tokens = tokenize(doc.text)
        if sentence_languages and doc.language:
            for sent in doc.sentences:
                chunk = doc.text[sent.start : sent.end]
                if chunk.count(" ") + 1 < _SENTENCE_LANG_MIN_WORDS:
                    continue
                if function_word_language(chunk) == doc.language:
                    continue  # the cheap check agrees with the document: no model call needed
                lang, prob = detect(chunk)
                if lang and lang != doc.language and prob >= SENTENCE_MIN_PROB:
                    sent.language = lang
        return doc

    return segment
