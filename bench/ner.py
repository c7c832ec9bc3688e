"""Benchmark of named-entity recognition: GermEval 2014 dev (outer level) and speed.

Usage::

    python bench/ner.py                         # shipped model on NER-de-dev.tsv + speed
    python bench/ner.py --data /path/to/germeval2014_ner
    python bench/ner.py --model DIR             # a model trained with `lagebild train ner`
    python bench/ner.py --retrain-ablation      # also retrain without clusters / gazetteer (slow)

What is computed:

- **Outer level, 12 types** ("official outer chunks"): column 3 of the TSV, the types
  PER/ORG/LOC/OTH and their ``deriv``/``part`` variants, scored seqeval-style: a
  predicted chunk counts only if start, end and type match exactly; micro-averaged P/R/F1
  over all chunks. This is the number BERT-era papers report (GBERT-large 88.2,
  GELECTRA-large 89.1, GermaNER CRF ~76, all trained on the 24,000-sentence train file
  that we do not have; we train on the 5,100 sentences of NER-de-test.tsv).
- **lagebild 4 types**: the same chunks after mapping onto what lagebild outputs
  (PER, ORG, LOC kept; OTH and every deriv/part type -> MISC).
- **Ablation** of the post-processing steps (filter of obvious errors, names and aliases
  from lagebild's knowledge base overriding the tagger, one type per name within a
  document, propagation of names to their untagged repeats). GermEval has one or
  two sentences per article; consecutive sentences with the same source URL form a
  pseudo-document, so document-level rules have little room here.
- **Speed**: words per second of ``recognize(doc)`` on one core (CPU time), on the dev
  sentences joined into documents of ~400 words, with and without ready-made tokens.
  The first pass over the text also fills the per-word caches (e5 word vectors), as it
  would on new text.

``NER-de-dev.tsv`` is a report split: nothing in the model was tuned on it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

DEFAULT = "+ filter + KB names + consistency + propagation (default)"
DEFAULT_DATA = Path(os.environ.get("LAGEBILD_DATA", "/work/shared/data")) / "germeval2014_ner"


def _fmt(p: float, r: float, f: float) -> str:
    return f"P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f:5.1f}"


def _print_scores(title: str, sc) -> None:  # noqa: ANN001
    print(f"\n{title}")
    print(f"  micro      {_fmt(*sc.micro())}")
    for typ, (p, r, f, n) in sc.per_type().items():
        print(f"  {typ:<10} {_fmt(p, r, f)}  (gold {n})")


def _pseudo_docs(sentences):  # noqa: ANN001, ANN202
    from lagebild.ner.germeval import iter_documents

    return list(iter_documents(sentences))


def evaluate(sentences, tagger, **switches):  # noqa: ANN001, ANN003, ANN201
    """BIO predictions for every sentence, running post-processing per pseudo-document."""
    from lagebild.ner import recognize_tokens

    pred: list[list[str]] = [["O"] * len(s.tokens) for s in sentences]
    for group in _pseudo_docs(sentences):
        toks = [sentences[i].tokens for i in group]
        for sp in recognize_tokens(toks, tagger, **switches):
            row = pred[group[sp.sentence]]
            row[sp.start] = "B-" + sp.type
            for j in range(sp.start + 1, sp.end):
                row[j] = "I-" + sp.type
    return pred


def speed(sentences, model_dir: Path | None) -> None:  # noqa: ANN001
    """Words/s of recognize() on one core, documents of ~400 words."""
    from lagebild.model import Document, Sentence, Token
    from lagebild.ner import load_german, recognize

    tagger = load_german(model_dir)  # load outside the timing
    if getattr(tagger, "neural", None) is not None:
        tagger.tag(sentences[0].tokens)  # the e5 vocabulary loads on first use
    docs: list[Document] = []
    buf: list[list[str]] = []
    n_words = 0

    def flush() -> None:
        text_parts: list[str] = []
        tokens: list[Token] = []
        sents: list[Sentence] = []
        pos = 0
        for toks in buf:
            s0 = pos
            for t in toks:
                tokens.append(Token(pos, pos + len(t), t))
                text_parts.append(t)
                pos += len(t) + 1
            sents.append(Sentence(s0, pos - 1))
        docs.append(Document(text=" ".join(text_parts), language="de", tokens=tokens, sentences=sents))
        buf.clear()

    for s in sentences:
        buf.append(s.tokens)
        n_words += len(s.tokens)
        if sum(len(b) for b in buf) >= 400:
            flush()
    if buf:
        flush()
    def cold() -> None:  # new text: nothing cached yet
        if getattr(tagger, "neural", None) is not None:
            tagger.neural._e5()._cache = None

    cold()
    t0 = time.process_time()
    for d in docs:
        recognize(d)
    cpu = time.process_time() - t0
    print(f"\nSpeed, German, tokens given:  {n_words / cpu:8.0f} words/s per core ({n_words} words, {cpu:.1f} s CPU)")
    bare = [Document(text=d.text, language="de") for d in docs]
    cold()
    t0 = time.process_time()
    for d in bare:
        recognize(d)
    cpu = time.process_time() - t0
    print(f"Speed, German, own tokenising: {n_words / cpu:8.0f} words/s per core")

    from lagebild.ner.english import spacy_available

    en_text = (
        "The European Commission said on Monday that Ursula von der Leyen would travel to Kyiv "
        "with officials from Germany and France, after talks with NATO in Brussels. "
    )
    en_docs = [Document(text=en_text * 20, language="en") for _ in range(15)]
    recognize(Document(text=en_text, language="en"))  # load
    words = sum(len(d.text.split()) for d in en_docs)
    t0 = time.process_time()
    for d in en_docs:
        recognize(d)
    cpu = time.process_time() - t0
    kind = "spaCy en_core_web_sm" if spacy_available() else "capitalisation heuristic"
    print(f"Speed, English ({kind}): {words / cpu:8.0f} words/s per core")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with NER-de-dev.tsv")
    ap.add_argument("--model", type=Path, default=None, help="model folder (default: the shipped lagebild/data/models/ner-de)")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--retrain-ablation", action="store_true", help="retrain without clusters/gazetteer")
    args = ap.parse_args(argv)

    dev_path = args.data / "NER-de-dev.tsv"
    if not dev_path.exists():
        print(f"GermEval 2014 not found at {args.data}; skipping (set --data or LAGEBILD_DATA).")
        return 0
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    if args.model:
        os.environ["LAGEBILD_NER_DE"] = str(args.model)  # recognize() in the speed test uses it too
    from lagebild.ner import load_german
    from lagebild.ner.germeval import read_germeval, score, to_lagebild_type

    dev = read_germeval(dev_path)
    tagger = load_german(args.model)
    gold = [s.tags for s in dev]
    print(f"GermEval 2014 dev: {len(dev)} sentences, {sum(len(s.tokens) for s in dev)} tokens")
    kind = "CRF + neural tagger" if getattr(tagger, "neural", None) is not None else "CRF alone"
    print(f"model: {args.model or 'lagebild/data/models/ner-de'} ({kind})")

    off = dict(filtering=False, known_names=False, consistency=False, propagation=False)
    configs = [
        ("tagger only (no post-processing)", off),
        ("+ filter", {**off, "filtering": True}),
        ("+ filter + KB names", {**off, "filtering": True, "known_names": True}),
        ("+ filter + consistency", {**off, "filtering": True, "consistency": True}),
        ("+ filter + KB names + consistency", {**off, "filtering": True, "known_names": True, "consistency": True}),
        (DEFAULT, {**off, "filtering": True, "known_names": True, "consistency": True, "propagation": True}),
    ]
    results = {}
    for name, sw in configs:
        results[name] = evaluate(dev, tagger, **sw)
    if getattr(tagger, "neural", None) is not None:
        crf_alone = load_german(args.model, use_neural=False)
        results["CRF alone (no neural tagger), default post-processing"] = evaluate(dev, crf_alone, **configs[-1][1])
    default = results[DEFAULT]
    _print_scores("Outer level, 12 GermEval types (official outer chunks), default pipeline:", score(gold, default))
    _print_scores(
        "lagebild 4 types (OTH/deriv/part -> MISC), default pipeline:", score(gold, default, to_lagebild_type)
    )
    print("\nAblation (micro-F1; 12 types / 4 types):")
    for name, pred in results.items():
        f12 = score(gold, pred).micro()[2]
        f4 = score(gold, pred, to_lagebild_type).micro()[2]
        print(f"  {name:<62} {100 * f12:5.1f} / {100 * f4:5.1f}")

    if args.retrain_ablation:
        _retrain_ablation(args.data, dev, gold, tagger)
    if not args.no_speed:
        speed(dev, args.model)
    return 0


def _retrain_ablation(data: Path, dev, gold, tagger) -> None:  # noqa: ANN001
    """Retrain the CRF with parts of its lookup tables removed (same hyper-parameters)."""
    from dataclasses import replace

    from lagebild.ner.crf import CrfTagger
    from lagebild.ner.germeval import score, to_lagebild_type
    from lagebild.ner.train import train_german

    full = tagger.resources
    variants = {
        "no lookup tables": replace(full, clusters={}, piece_clusters={}, gazetteer={}, phrases={}, caps_ratio={}),
        "no word clusters": replace(full, clusters={}, piece_clusters={}),
        "no gazetteer": replace(full, gazetteer={}, phrases={}),
    }
    print("\nFeature ablation (retrained; micro-F1 12 types / 4 types, CRF only):")
    for name, res in variants.items():
        with tempfile.TemporaryDirectory() as tmp:
            train_german(data / "NER-de-test.tsv", tmp, resources=res)
            t = CrfTagger.load(tmp)
            pred = evaluate(dev, t, filtering=False, known_names=False, consistency=False, propagation=False)
        f12 = score(gold, pred).micro()[2]
        f4 = score(gold, pred, to_lagebild_type).micro()[2]
        print(f"  {name:<40} {100 * f12:5.1f} / {100 * f4:5.1f}", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
