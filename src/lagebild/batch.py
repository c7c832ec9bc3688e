"""Batch ingest: read every source, analyse each article, store it, and account for every item.

Reading and analysis run in worker processes when ``jobs > 1``; the parent process is the single
writer. Each article is committed on its own, so a killed run keeps everything committed before it,
and a rerun skips inputs it has already stored (by path/URL plus a hash of the raw text).
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing as mp
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from .api import prepare, run_pipeline
from .errors import InputError, LagebildError
from .ingest import iter_sources, read
from .model import Document
from .pipeline import Pipeline, check_stage_names
from .storage import IngestReport, Store
from .threads import single_thread

log = logging.getLogger(__name__)

# An article shorter than this (words, after cleaning) is not an article: a stub, a paywall teaser.
MIN_WORDS = 15


@dataclass(slots=True)
class _Options:
    published: str | None
    source: str | None
    language: str | None
    stages: tuple[str, ...] | None = None


@dataclass(slots=True)
class _Outcome:
    item: str
    key: str | None
    doc: Document | None = None
    error: str | None = None


def item_key(doc: Document) -> str:
    """Identity of a raw input: where it came from plus what it contained."""
    where = doc.path or doc.url or ""
    return where + "#" + hashlib.sha1(doc.raw_text.encode("utf-8", "replace")).hexdigest()[:16]


# Keys of inputs stored by earlier runs; set once per process (see _init_worker), not sent per task.
_SEEN: frozenset[str] = frozenset()


def _init_worker(seen: frozenset[str]) -> None:
    global _SEEN
    _SEEN = seen


def _process_source(args: tuple[str, _Options]) -> list[_Outcome]:
    source, opts = args
    seen = _SEEN
    out: list[_Outcome] = []
    for got in read(source):
        if isinstance(got, InputError):
            out.append(_Outcome(got.item, None, error=got.reason))
            continue
        where = got.path or got.url or source
        key = item_key(got)
        if key in seen:
            out.append(_Outcome(where, key))  # stored by an earlier run: a duplicate, nothing to do
            continue
        try:
            prepare(got, published=opts.published, language=opts.language, source=opts.source)
            doc = run_pipeline(got, _pipeline(opts.stages))
        except LagebildError as exc:
            out.append(_Outcome(where, key, error=str(exc)))
            continue
        if doc.word_count < MIN_WORDS:
            out.append(_Outcome(where, key, error=f"too short after cleaning ({doc.word_count} words)"))
            continue
        out.append(_Outcome(where, key, doc=doc))
    return out


_PIPELINES: dict[tuple[str, ...] | None, Pipeline] = {}


def _pipeline(stages: tuple[str, ...] | None = None) -> Pipeline:
    """One pipeline per process and stage list (models load once); a batch records stage failures
    on the document instead of aborting."""
    if stages not in _PIPELINES:
        _PIPELINES[stages] = Pipeline(stages, on_error="record")
    return _PIPELINES[stages]


def ingest(
    store: Store,
    sources: Sequence[str],
    *,
    published: str | None = None,
    source: str | None = None,
    language: str | None = None,
    jobs: int = 1,
    stages: Sequence[str] | None = None,
    stories: bool = True,
    progress: Callable[[int, int, str], None] | None = None,
) -> IngestReport:
    """Ingest ``sources`` into ``store``. ``stages`` limits the pipeline (default: every stage);
    ``stories=False`` leaves story assignment for later (``lagebild stories --rebuild``);
    ``progress(done, total, item)`` is called per source."""
    if published is not None:
        prepare(Document(text="", raw_text=""), published=published)  # validates the date up front
    if stages is not None:
        check_stage_names(stages)  # fails early, naming the available stages
    items = list(iter_sources(list(sources)))
    opts = _Options(published, source, language, tuple(stages) if stages is not None else None)
    seen = frozenset(r[0] for r in store.db.execute("SELECT key FROM ingested_items"))
    report = IngestReport()
    tasks = [(it, opts) for it in items]
    # story assignment runs here, outside the pipeline: one BLAS thread for it too (threads.py)
    with single_thread():
        for done, outcomes in enumerate(_run(tasks, jobs, seen), 1):
            for o in outcomes:
                _account(store, o, report, stories)
            if progress:
                progress(done, len(items), items[done - 1])
    return report


def _run(tasks: list[tuple[str, _Options]], jobs: int, seen: frozenset[str]) -> Iterator[list[_Outcome]]:
    if jobs <= 1 or len(tasks) <= 1:
        _init_worker(seen)
        for t in tasks:
            yield _process_source(t)
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(processes=jobs, initializer=_init_worker, initargs=(seen,)) as pool:
        yield from pool.imap(_process_source, tasks, chunksize=1)


def _account(store: Store, o: _Outcome, report: IngestReport, stories: bool = True) -> None:
    if o.error is not None:
        report.rejected.append((o.item, o.error))
        store.record_rejection(o.item, o.error)
        log.info("rejected %s: %s", o.item, o.error)
        return
    if o.doc is None:
        report.duplicates.append(o.item)
        return
    if store.add(o.doc, item_key=o.key):
        report.added.append(o.doc.id)
        report.problems.extend((o.doc.id, f"{p.stage}: {p.message}") for p in o.doc.problems)
        if stories:
            _after_add(store, o.doc)
    else:
        report.duplicates.append(o.item)


def _after_add(store: Store, doc: Document) -> None:
    """Corpus-level work done per new article (story assignment joins here)."""
    from .stories import assign_story

    assign_story(store, doc)  # joins or opens a story; sets documents.story
