"""Stage registry and the pipeline that runs stages over documents.

A stage is a factory decorated with ``@stage``: called with its config it returns a
callable ``Document -> Document``. Built-in stages register exactly as a plugin would
(``lagebild.stages`` imports them). ``Pipeline.analyze`` checks, before anything runs,
that every attribute a stage requires is assigned by an earlier one.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from .errors import ConfigError, StageError
from .model import Document, Problem
from .threads import single_thread

log = logging.getLogger(__name__)

# Attributes a document has before any stage runs (set by ingest).
INPUT_ATTRIBUTES = ("raw_text", "title", "source", "url", "published")


class Stage(Protocol):
    def __call__(self, doc: Document) -> Document: ...


@dataclass(frozen=True, slots=True)
class StageMeta:
    name: str
    factory: Callable[..., Stage]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    default_config: Mapping[str, Any] = field(default_factory=dict)
    doc: str = ""


REGISTRY: dict[str, StageMeta] = {}

# The order of the default pipeline (SPEC.md stages 2-9; read is ingest, 10-11 are corpus-level).
DEFAULT_STAGES: tuple[str, ...] = (
    "clean",
    "published",
    "language",
    "segment",
    "entities",
    "time",
    "quotes",
    "opinion",
    "events",
)


def stage(
    name: str,
    *,
    requires: Sequence[str] = (),
    assigns: Sequence[str] = (),
    default_config: Mapping[str, Any] | None = None,
) -> Callable[[Callable[..., Stage]], Callable[..., Stage]]:
    """Register a stage factory under ``name``."""

    def register(factory: Callable[..., Stage]) -> Callable[..., Stage]:
        if name in REGISTRY and REGISTRY[name].factory is not factory:
            raise ConfigError(f"a stage named {name!r} is already registered")
        REGISTRY[name] = StageMeta(
            name=name,
            factory=factory,
            requires=tuple(requires),
            assigns=tuple(assigns),
            default_config=dict(default_config or {}),
            doc=(factory.__doc__ or "").strip().splitlines()[0] if factory.__doc__ else "",
        )
        return factory

    return register


def _ensure_builtins() -> None:
    from . import stages  # noqa: F401  (importing registers the built-in stages)


def available_stages() -> list[StageMeta]:
    _ensure_builtins()
    return list(REGISTRY.values())


def check_stage_names(names: Sequence[str]) -> None:
    """Raise ConfigError naming the available stages if any of ``names`` is unknown."""
    _ensure_builtins()
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        raise ConfigError(f"no stage named {', '.join(map(repr, unknown))}. Available: {', '.join(REGISTRY)}")


class Pipeline:
    """Runs named stages in order. ``on_error='record'`` keeps going and notes a Problem."""

    def __init__(
        self,
        names: Sequence[str] | None = None,
        config: Mapping[str, Mapping[str, Any]] | None = None,
        *,
        on_error: Literal["raise", "record"] = "raise",
    ):
        _ensure_builtins()
        # The default pipeline runs the built-in stages that are installed; named stages must exist.
        self.names = tuple(names) if names else tuple(n for n in DEFAULT_STAGES if n in REGISTRY)
        check_stage_names(self.names)
        config = config or {}
        self.on_error = on_error
        self.stages: list[tuple[str, Stage]] = []
        for n in self.names:
            meta = REGISTRY[n]
            cfg = {**meta.default_config, **config.get(n, {})}
            self.stages.append((n, meta.factory(**cfg)))
        self.timings: dict[str, float] = {n: 0.0 for n in self.names}

    def analyze(self) -> dict[str, list[str]]:
        """Stage name -> requirements that no earlier stage assigns (empty lists when sound)."""
        have = set(INPUT_ATTRIBUTES)
        problems: dict[str, list[str]] = {}
        for n in self.names:
            meta = REGISTRY[n]
            problems[n] = [r for r in meta.requires if r not in have]
            have.update(meta.assigns)
        return problems

    def __call__(self, doc: Document) -> Document:
        # one BLAS/OpenMP thread per process while stages run: see threads.py
        with single_thread():
            return self._run(doc)

    def _run(self, doc: Document) -> Document:
        for name, fn in self.stages:
            t0 = time.perf_counter()
            try:
                result = fn(doc)
            except Exception as exc:  # noqa: BLE001 - recorded or re-raised with the stage named
                if self.on_error == "raise":
                    raise StageError(name, doc.id, f"{type(exc).__name__}: {exc}") from exc
                log.warning("stage %s failed on %s: %s", name, doc.path or doc.id, exc)
                doc.problems.append(Problem(name, f"{type(exc).__name__}: {exc}"))
                continue
            finally:
                self.timings[name] += time.perf_counter() - t0
            if not isinstance(result, Document):
                raise StageError(name, doc.id, f"returned {type(result).__name__}, not a Document")
            doc = result
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)


_default: dict[tuple[str, ...], Pipeline] = {}


def default_pipeline(names: Sequence[str] | None = None) -> Pipeline:
    """A cached pipeline; models load once per process."""
    key = tuple(names or ())
    if key not in _default:
        _default[key] = Pipeline(names)
    return _default[key]
