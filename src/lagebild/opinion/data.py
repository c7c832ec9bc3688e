"""Reading the CLEF 2025 CheckThat! Task 1 (subjectivity) files.

The files differ in layout (English train/dev carry a ``solved_conflict`` column, the German
gold test file a leading index column, the English one another column order) and some
sentences are CSV-quoted with doubled inner quotes, so columns are found by header name
and quoting is undone by hand (``csv``'s own quoting chokes on unbalanced quote marks).

Which splits may be used for what is fixed by ../shared/data/README.md: ``train`` and
``dev`` to train and tune, ``dev_test`` and ``test`` only to report.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

LANGUAGE_FOLDERS = {"de": "german", "en": "english"}
TRAIN_SPLITS = ("train", "dev")
REPORT_SPLITS = ("dev_test", "test")
DATASET_FOLDER = "checkthat2025_task1_subjectivity"


@dataclass(frozen=True, slots=True)
class LabeledSentence:
    text: str
    subjective: bool
    language: str
    split: str


def default_data_dir() -> Path:
    """``$LAGEBILD_DATA`` or ``../shared/data`` beside the repository checkout."""
    env = os.environ.get("LAGEBILD_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[4] / "shared" / "data"


def dataset_dir(data_dir: str | Path | None = None) -> Path:
    base = Path(data_dir) if data_dir else default_data_dir()
    # accept both the data root and the dataset folder itself
    if (base / DATASET_FOLDER).is_dir():
        base = base / DATASET_FOLDER
    return base / "data" if (base / "data").is_dir() else base


def split_path(lang: str, split: str, data_dir: str | Path | None = None) -> Path:
    name = f"test_{lang}_labeled.tsv" if split == "test" else f"{split}_{lang}.tsv"
    return dataset_dir(data_dir) / LANGUAGE_FOLDERS[lang] / name


def _unquote(field: str) -> str:
    if len(field) >= 2 and field[0] == '"' and field[-1] == '"':
        return field[1:-1].replace('""', '"')
    return field


def load_split(lang: str, split: str, data_dir: str | Path | None = None) -> list[LabeledSentence]:
    path = split_path(lang, split, data_dir)
    if not path.is_file():
        raise InputError(str(path), "CheckThat subjectivity file not found")
    out: list[LabeledSentence] = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in reader:
            label = (row.get("label") or "").strip()
            if label not in ("OBJ", "SUBJ"):
                raise InputError(str(path), f"line {reader.line_num}: unknown label {label!r}")
            out.append(LabeledSentence(_unquote(row["sentence"].strip()), label == "SUBJ", lang, split))
    return out


def available(data_dir: str | Path | None = None) -> bool:
    return all(split_path(lang, "train", data_dir).is_file() for lang in LANGUAGE_FOLDERS)
