"""One thread for the numeric libraries (BLAS, OpenMP) while lagebild analyses documents.

The matrices of one article are small (a few hundred rows): a second BLAS thread saves little on
an idle machine, and on a busy one OpenBLAS's workers busy-wait for cores that other processes
hold. The pipeline then spends several times its CPU time: on a 2-core machine shared with other
jobs, ``bench/throughput.py --full`` gave 8-9 articles per CPU-second with numpy's default thread
count and about 20 with one thread. lagebild scales by documents across processes (``--jobs``), so
while it works each process uses one thread. Outside ``single_thread`` blocks the caller's own
settings apply again.

Needs ``threadpoolctl`` (BSD-3); without it the libraries keep their default thread counts.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_lock = threading.Lock()
_depth = 0  # single_thread blocks currently open, over all threads of the process
_restore: Any = None  # the limiter whose exit restores the thread counts found on entry
_controller: Any = None
_controller_loaded = False


def _get_controller() -> Any:
    """threadpoolctl's view of the loaded libraries, found once (scanning them takes ~1 ms)."""
    global _controller, _controller_loaded
    if not _controller_loaded:
        _controller_loaded = True
        try:
            import numpy  # noqa: F401 - loads the BLAS library the controller must find
            from threadpoolctl import ThreadpoolController

            _controller = ThreadpoolController()
        except Exception:  # noqa: BLE001 - not installed, or a platform it cannot inspect
            _controller = None
    return _controller


@contextmanager
def single_thread() -> Iterator[None]:
    """Run the block with one BLAS/OpenMP thread; nestable and safe to enter from several threads.

    The thread counts are process-wide, so the limit is applied when the first block opens and
    the previous counts come back when the last one (in any thread) closes. OpenBLAS ignores a
    raise of its thread count made outside the main thread: where the last block closes in
    another thread, the process keeps one BLAS thread.
    """
    global _depth, _restore
    with _lock:
        if _depth == 0:
            ctl = _get_controller()
            if ctl is not None:
                _restore = ctl.limit(limits=1)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _restore is not None:
                _restore.restore_original_limits()
                _restore = None
