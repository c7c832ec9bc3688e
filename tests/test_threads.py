"""The pipeline keeps numpy's BLAS to one thread while it works, and gives the caller's setting back."""

from __future__ import annotations

import threading

import numpy  # noqa: F401 - loads the BLAS library threadpoolctl looks for
import pytest

from lagebild.model import Document
from lagebild.pipeline import REGISTRY, Pipeline, stage
from lagebild.threads import single_thread

threadpoolctl = pytest.importorskip("threadpoolctl")


def _blas_threads() -> list[int]:
    return [i["num_threads"] for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]


@pytest.fixture
def two_blas_threads():  # type: ignore[no-untyped-def]
    if not _blas_threads():
        pytest.skip("numpy has no BLAS library that threadpoolctl can control here")
    with threadpoolctl.threadpool_limits(2, user_api="blas"):
        if set(_blas_threads()) != {2}:
            pytest.skip("BLAS cannot run two threads here (one core?)")
        yield


def test_single_thread_limits_and_restores(two_blas_threads) -> None:  # type: ignore[no-untyped-def]
    with single_thread():
        assert set(_blas_threads()) == {1}
        with single_thread():  # nested blocks keep the limit
            assert set(_blas_threads()) == {1}
        assert set(_blas_threads()) == {1}
    assert set(_blas_threads()) == {2}


def test_limit_lasts_until_the_last_block_closes(two_blas_threads) -> None:  # type: ignore[no-untyped-def]
    def worker() -> None:
        with single_thread():
            pass

    with single_thread():
        t = threading.Thread(target=worker)
        t.start()
        t.join(5)
        # the worker's block has closed, this one is still open: the limit holds
        assert set(_blas_threads()) == {1}
    assert set(_blas_threads()) == {2}


def test_pipeline_stages_run_with_one_blas_thread(two_blas_threads) -> None:  # type: ignore[no-untyped-def]
    seen: list[list[int]] = []

    def make_record():  # type: ignore[no-untyped-def]
        def run(doc: Document) -> Document:
            seen.append(_blas_threads())
            return doc

        return run

    stage("_record_blas_threads", requires=("text",))(make_record)
    try:
        Pipeline(["clean", "_record_blas_threads"])(Document(text="", raw_text="Ein kurzer Text."))
    finally:
        REGISTRY.pop("_record_blas_threads", None)
    assert seen and set(seen[0]) == {1}
    assert set(_blas_threads()) == {2}
