"""`lagebild train`: reproduce the shipped models from the public datasets."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import LagebildError
from . import err, friendly_errors, main


@main.group()
def train() -> None:
    """Retrain a shipped model from ../shared/data (or --data DIR); see the model cards."""


def _dataset(data: str | None, folder: str) -> Path:
    from ..paths import data_dir

    base = Path(data) if data else data_dir()
    path = base / folder if (base / folder).is_dir() else base
    if not path.is_dir():
        raise LagebildError(f"dataset folder {path} not found",
                            tip="give the folder holding the public datasets with --data DIR or $LAGEBILD_DATA")
    return path


@train.command(name="ner")
@click.option("--data", metavar="DIR", help="Folder with germeval2014_ner/ (default: $LAGEBILD_DATA or ../shared/data).")
@click.option("--out", metavar="DIR", help="Where to write the model (default: the shipped model's folder).")
@friendly_errors
def train_ner(data: str | None, out: str | None) -> None:
    """Train the German NER tagger on GermEval 2014 (our training split: NER-de-test.tsv)."""
    from ..ner.train import train_german
    from ..paths import data_dir, model_dir

    folder = _dataset(data, "germeval2014_ner")
    tsv = folder / "NER-de-test.tsv"
    if not tsv.exists():
        raise LagebildError(f"{tsv} not found", tip="the GermEval 2014 folder must contain NER-de-test.tsv")
    target = Path(out) if out else model_dir("ner-de")
    err.print(f"training on {tsv} → {target} (this takes several minutes)", highlight=False)
    meta = train_german(tsv, target, data_dir=Path(data) if data else data_dir())
    err.print(f"done: {meta.get('model', target)}", highlight=False)


@train.command(name="opinion")
@click.option("--data", metavar="DIR", help="Folder with checkthat2025_task1_subjectivity/.")
@click.option("--out", metavar="DIR", help="Where to write the model variants (default: the shipped folder).")
@click.option("--variant", type=click.Choice(["fast", "e5"]), multiple=True, help="Which variant(s); default both.")
@friendly_errors
def train_opinion(data: str | None, out: str | None, variant: tuple[str, ...]) -> None:
    """Train the opinion (subjectivity) classifier on CheckThat 2025 train/dev."""
    from ..opinion import train as run

    folder = _dataset(data, "checkthat2025_task1_subjectivity")
    written = run(folder, out, variants=variant or ("fast", "e5"))
    for name, path in written.items():
        err.print(f"{name}: {path}", highlight=False)


@train.command(name="stories")
@click.option("--labelled", metavar="FILE", help="Labelled stories as JSON lines (default: the source checkout's "
              "bench/data/stories/stories.jsonl).")
@click.option("--data", metavar="DIR", help="Folder with spkatt2023_task2_news/ (its train texts are negatives).")
@click.option("--no-negatives", is_flag=True, help="Train on the labelled stories alone.")
@click.option("--out", metavar="DIR", help="Where to write pair-model.json (default: the shipped model's folder).")
@friendly_errors
def train_stories(labelled: str | None, data: str | None, no_negatives: bool, out: str | None) -> None:
    """Train the story join model (which article joins which story); prints left-out-split F1."""
    from ..paths import PACKAGE_DIR
    from ..stories.train import train as run

    path = Path(labelled) if labelled else PACKAGE_DIR.parents[1] / "bench" / "data" / "stories" / "stories.jsonl"
    if not path.is_file():
        raise LagebildError(f"labelled stories {path} not found",
                            tip="give a JSON-lines file of {id, story, split, language, published, title, text} "
                                "with --labelled FILE")
    negatives = None if no_negatives else _dataset(data, "spkatt2023_task2_news")
    target = run(path, negatives, Path(out) if out else None, log=lambda m: err.print(m, highlight=False))
    err.print(f"done: {target}", highlight=False)
