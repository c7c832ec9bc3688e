"""Stage 5, entities: recognise names and link them to one entity each.

Recognition comes from the NER model (``lagebild.ner.recognize``) when it can be imported;
otherwise, or if it fails on a document, from a knowledge-base gazetteer plus a
capitalisation matcher (``lagebild.linking.gazetteer``), so the stage always works.
Names from the knowledge base that the model missed are added (``gazetteer=True``).
Linking (``lagebild.linking``) gives each mention a corpus-global entity id.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import lru_cache

from ..kb import KnowledgeBase, default_kb
from ..kb.names import exact_key
from ..linking import Linker
from ..linking.gazetteer import fallback_mentions, kb_matches
from ..model import Document, Mention, Token
from ..pipeline import stage

log = logging.getLogger(__name__)

Recognizer = Callable[[Document], list[Mention]]


_disabled: list[bool] = []  # set once the NER model turned out to be missing in this process


@lru_cache(maxsize=1)
def _ner() -> Recognizer | None:
    try:
        from ..ner import recognize  # type: ignore[attr-defined]
    except Exception as exc:  # noqa: BLE001 - any import failure means: use the fallback
        log.info("NER model unavailable (%s); using the knowledge-base gazetteer", exc)
        return None
    return recognize  # type: ignore[no-any-return]


def _tokens(doc: Document) -> list[Token]:
    if doc.tokens:
        return doc.tokens
    from .segment import tokenize  # the stage can run on a bare Document too

    return tokenize(doc.text)


_EDGE = " \t\n.,;:!?\"'„“”»«()[]"


def _trim(text: str, m: Mention) -> Mention:
    """A copy of a recognised mention without surrounding punctuation ("Witkoff." -> "Witkoff")."""
    start, end = m.start, m.end
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE and not (text[end - 1] == "." and end - start <= 3):
        end -= 1
    return Mention(start, end, text[start:end], m.type, None, list(m.flags))


# A byline or dateline at the head of a line ends with a dash: "Von Anna Berger Wien – Die ...",
# "By Anna Berger London — The ...". Without a comma after the author the model takes the
# place for the last part of the name.
_BYLINE_LEAD = re.compile(r"[^\S\n]*(?:(?:von|by)[^\S\n]+)?", re.I)
_DASH_AFTER = re.compile(r"[^\S\n]*[–—-](?:\s|$)")
_WORD = re.compile(r"\S+")


def _known_place(kb: KnowledgeBase, name: str) -> bool:
    return any(kb.entities[i].type == "LOC" for i in kb.by_exact.get(exact_key(name), ()))


def _byline_place(kb: KnowledgeBase, text: str, m: Mention) -> int | None:
    """Where a known place glued to the end of a person's name in a byline starts, or None.

    Only at the head of a line (after nothing but "Von"/"By") and before a dash, and only when
    a name of at least two words remains: elsewhere "Heinrich Berlin" may be a person's whole
    name. A span the KB knows as a whole, or one repeated in the text, is never split.
    """
    if m.type != "PER" or not _DASH_AFTER.match(text, m.end):
        return None
    line_start = text.rfind("\n", 0, m.start) + 1
    if not _BYLINE_LEAD.fullmatch(text, line_start, m.start):
        return None
    if kb.lookup(m.text) or text.count(m.text) > 1:
        return None
    words = list(_WORD.finditer(text, m.start, m.end))
    for k in range(2, len(words)):  # the longest place first ("New York")
        place = text[words[k].start() : m.end]
        if place[:1].isupper() and _known_place(kb, place):
            return words[k].start()
    return None


def _split_byline_places(kb: KnowledgeBase, text: str, found: list[Mention]) -> list[Mention]:
    """"Anna Berger Wien" before a byline's dash becomes the person "Anna Berger" and the place "Wien"."""
    out: list[Mention] = []
    for m in found:
        cut = _byline_place(kb, text, m)
        if cut is None:
            out.append(m)
            continue
        end = cut
        while end > m.start and text[end - 1].isspace():
            end -= 1
        out += [Mention(m.start, end, text[m.start : end], "PER", None, list(m.flags)),
                Mention(cut, m.end, text[cut : m.end], "LOC")]
    return out


def _kb_types(kb: KnowledgeBase, found: list[Mention]) -> list[Mention]:
    """A name the knowledge base knows as exactly one entity takes that entity's type: the small
    English model tags a bare "Trump" as ORG now and then; the KB knows better. A one-word
    person the model found after that person's full name in the same document stays a person
    even where a place has the name ("Boris Rhein ... Rhein sagte", "Ben Rhodes ... Rhodes said")."""
    surnames = {k[-1:] for k in (exact_key(m.text) for m in found if m.type == "PER") if len(k) >= 2}
    for m in found:
        key = exact_key(m.text)
        ids = kb.by_exact.get(key)
        if ids and len(ids) == 1:
            etype = kb.entities[next(iter(ids))].type
            if m.type == "PER" and etype != "PER" and key in surnames:
                continue
            m.type = etype
    return found


def _merge(primary: list[Mention], extra: list[Mention]) -> list[Mention]:
    """``primary`` plus the ``extra`` mentions that overlap none of them. A multi-word extra
    (a complete knowledge-base name) also replaces primary spans it wholly contains: the model's
    "Ursula von der" + "Leyen" become one "Ursula von der Leyen"."""
    out = list(primary)
    for m in extra:
        overlapping = [p for p in out if not (m.end <= p.start or m.start >= p.end)]
        if not overlapping:
            out.append(m)
        elif " " in m.text and all(m.start <= p.start and p.end <= m.end for p in overlapping) and any(
            (p.start, p.end) != (m.start, m.end) for p in overlapping
        ):
            out = [p for p in out if p not in overlapping] + [m]
    return sorted(out, key=lambda m: m.start)


@stage(
    "entities",
    requires=("text", "sentences", "tokens", "language"),
    assigns=("mentions", "entities"),
    default_config={"ner": True, "gazetteer": True, "roles": True, "name_language": "de"},
)
def make_entities(
    ner: bool = True, gazetteer: bool = True, roles: bool = True, name_language: str = "de"
) -> Callable[[Document], Document]:
    """Persons, organisations, places and other names, linked across spellings and documents."""
    kb = default_kb()
    linker = Linker(kb, name_language=name_language, roles=roles)
    recognize = _ner() if ner else None

    def entities(doc: Document) -> Document:
        tokens = _tokens(doc)
        found: list[Mention] | None = None
        if recognize is not None and not _disabled:
            try:
                found = [_trim(doc.text, m) for m in recognize(doc)]
                found = [m for m in found if m.end > m.start]
            except (FileNotFoundError, ImportError) as exc:
                _disabled.append(True)  # no model installed: say so once, not per document
                log.warning("NER model unavailable (%s); using the knowledge-base gazetteer", exc)
            except Exception as exc:  # noqa: BLE001 - fall back rather than lose the document's entities
                log.warning("NER failed on %s (%s); using the gazetteer", doc.path or doc.id, exc)
        from_model = found is not None
        if found is None:
            found = fallback_mentions(kb, doc.text, tokens, doc.sentences)
        found = _split_byline_places(kb, doc.text, found)
        if from_model and gazetteer:
            starts = {s.start for s in doc.sentences}
            # Only what the model is weak on: one-word KB names of persons ("Saar", "Merz")
            # are left to the model, which sees the context.
            extra = [m for m in kb_matches(kb, doc.text, tokens, starts) if m.type != "PER" or " " in m.text]
            found = _merge(_kb_types(kb, found), extra)
        doc.mentions, doc.entities = linker.link(doc, found, tokens=tokens)
        return doc

    return entities
