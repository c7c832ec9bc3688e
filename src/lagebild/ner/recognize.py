"""``recognize(doc)``: run the right tagger over a document's sentences and return mentions."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from ..model import Document, Mention, Token
from .crf import CrfTagger
from .germeval import bio_spans, to_lagebild_type
from .postprocess import Span, apply_names, consistent_types, filter_obvious, first_word_lengths, propagate
from .tagger import GermanTagger

_lock = threading.Lock()


def german_model_dir() -> Path:
    """$LAGEBILD_NER_DE, else ``paths.model_dir("ner-de")`` (shipped inside the package)."""
    env = os.environ.get("LAGEBILD_NER_DE")
    if env:
        return Path(env)
    from ..paths import model_dir

    return model_dir("ner-de")


@lru_cache(maxsize=4)
def _load(path: str, use_neural: bool) -> GermanTagger:
    return GermanTagger.load(path, use_neural=use_neural)


def load_german(model_dir: str | Path | None = None, *, use_neural: bool = True) -> GermanTagger:
    """The German tagger (cached per path, so each process loads it once).

    ``use_neural=False`` gives the CRF alone: faster, a few points less accurate.
    """
    path = Path(model_dir) if model_dir else german_model_dir()
    if not (path / "model.crfsuite").exists():
        raise FileNotFoundError(f"No German NER model at {path}. Train one with `lagebild train ner`.")
    with _lock:
        return _load(str(path), use_neural)


def _sentence_tokens(doc: Document) -> list[list[Token]]:
    """Tokens grouped by sentence: the document's own segmentation, else our fallback."""
    tokens = doc.tokens
    sentences = [(s.start, s.end) for s in doc.sentences]
    if not tokens:
        from ..stages.segment import split_sentences, tokenize

        if not sentences:
            sentences = split_sentences(doc.text)
        return [tokenize(doc.text[s:e], s) for s, e in sentences]
    if not sentences:
        return [list(tokens)]
    out: list[list[Token]] = [[] for _ in sentences]
    si = 0
    for tok in tokens:
        while si < len(sentences) - 1 and tok.start >= sentences[si][1]:
            si += 1
        out[si].append(tok)
    return [s for s in out if s]


def recognize_tokens(
    sentences: Sequence[Sequence[str]],
    tagger: GermanTagger | CrfTagger | None = None,
    *,
    consistency: bool = True,
    propagation: bool = True,
    filtering: bool = True,
    known_names: bool = True,
) -> list[Span]:
    """German spans (token indices, GermEval types) for one document's tokenised sentences.

    The post-processing switches exist so that ``bench/ner.py`` can measure each step.
    Propagation is on by default for the sake of real articles, where a surname repeats the
    full name many times; GermEval's one- or two-sentence "documents" barely exercise it.
    """
    tagger = tagger or load_german()
    spans: list[Span] = []
    tags = tagger.tag_many(sentences) if isinstance(tagger, GermanTagger) else [tagger.tag(s) for s in sentences]
    for si, sent_tags in enumerate(tags):
        for start, end, typ in bio_spans(sent_tags):
            spans.append(Span(si, start, end, typ))
    if filtering:
        spans = filter_obvious(sentences, spans)
    if known_names:
        spans = apply_names(sentences, spans, kb_names(), kb_name_lengths())
    if consistency:
        spans = consistent_types(sentences, spans)
    if propagation:
        spans = propagate(sentences, spans)
    return spans


def kb_names() -> dict[tuple[str, ...], str]:
    """Names and aliases of the knowledge base as token tuples -> type (GermEval's OTH for MISC).

    The KB is lagebild's curated list of news entities (``lagebild.kb``), which users can
    extend; the table is rebuilt when the KB object or its size changes. Where the KB is not
    importable, no names are used.
    """
    try:
        from ..kb import default_kb
    except ImportError:
        return {}
    kb = default_kb()
    return _kb_names(id(kb), len(kb.entities))


def kb_name_lengths() -> dict[str, int]:
    """``first_word_lengths`` of ``kb_names()``, computed once per table."""
    try:
        from ..kb import default_kb
    except ImportError:
        return {}
    kb = default_kb()
    return _kb_name_lengths(id(kb), len(kb.entities))


@lru_cache(maxsize=2)
def _kb_name_lengths(kb_id: int, size: int) -> dict[str, int]:
    return first_word_lengths(_kb_names(kb_id, size))


@lru_cache(maxsize=2)
def _kb_names(kb_id: int, size: int) -> dict[tuple[str, ...], str]:
    from ..kb import default_kb
    from ..stages.segment import tokenize

    out: dict[tuple[str, ...], str] = {}
    for ent in default_kb().entities.values():
        typ = ent.type if ent.type in ("PER", "ORG", "LOC") else "OTH"
        for name in ent.all_names():
            toks = tuple(t.text for t in tokenize(name))
            if toks and toks[0][:1].isupper() and (len(toks) > 1 or len(toks[0]) > 1):
                out.setdefault(toks, typ)
    return out


def _flags(germeval_type: str) -> list[str]:
    """deriv/part spans become MISC; a flag keeps what they derive from ("deriv:LOC")."""
    for suffix in ("deriv", "part"):
        if germeval_type.endswith(suffix):
            return [f"{suffix}:{germeval_type[: -len(suffix)]}"]
    return []


def recognize(doc: Document) -> list[Mention]:
    """PER/ORG/LOC/MISC mentions (offsets into ``doc.text``; ``entity`` left None)."""
    if not doc.text.strip():
        return []
    lang = (doc.language or "de").lower()[:2]
    sent_tokens = _sentence_tokens(doc)
    if lang == "en":
        from .english import recognize_english

        return _document_rules(doc, sent_tokens, recognize_english(doc, sent_tokens))
    words = [[t.text for t in s] for s in sent_tokens]
    mentions = []
    for sp in recognize_tokens(words):
        toks = sent_tokens[sp.sentence]
        start, end = toks[sp.start].start, toks[sp.end - 1].end
        mentions.append(Mention(start, end, doc.text[start:end], to_lagebild_type(sp.type), flags=_flags(sp.type)))
    return mentions


def _document_rules(doc: Document, sent_tokens: list[list[Token]], mentions: list[Mention]) -> list[Mention]:
    """One type per name and propagation to untagged repeats, for taggers that give mentions.

    Mentions that do not start and end on token boundaries are passed through unchanged.
    """
    starts = {t.start: (si, i) for si, s in enumerate(sent_tokens) for i, t in enumerate(s)}
    ends = {t.end: (si, i) for si, s in enumerate(sent_tokens) for i, t in enumerate(s)}
    spans: list[Span] = []
    loose: list[Mention] = []
    for m in mentions:
        a, b = starts.get(m.start), ends.get(m.end)
        if a is None or b is None or a[0] != b[0]:
            loose.append(m)
        else:
            spans.append(Span(a[0], a[1], b[1] + 1, m.type))
    words = [[t.text for t in s] for s in sent_tokens]
    spans = propagate(words, consistent_types(words, spans))
    out = list(loose)
    for sp in spans:
        toks = sent_tokens[sp.sentence]
        start, end = toks[sp.start].start, toks[sp.end - 1].end
        out.append(Mention(start, end, doc.text[start:end], sp.type))
    return sorted(out, key=lambda m: m.start)
