"""The session's slow builds, each made once, and early.

The real site, its variants and the release are subprocess builds that take
minutes together. ``tests/conftest.py`` starts the ones the collected tests
need in a background thread, one at a time and in the order the tests need
them, while the tests that need none run (unit, fixture builds, built HTML): on
two cores a build and those tests overlap instead of taking turns. A test waits
only for the build it needs (the browser tests for the site, not for the
release), and the tests run at a lower CPU priority than the builds
(``give_way_to_builds``): the release is the run's critical path.

``once(key, work)`` is how a fixture gets such a build: the first caller (the
background thread, or a fixture that needs it now) runs ``work()``; every other
caller, at the same time or later, gets that same result, or that same error,
without building again.

Under pytest-xdist (``make test``: two workers) each worker is a process with
its own background thread; ``share_between_workers(folder)`` makes ``once``
hold for the whole run: the first worker to take a build's file lock makes it
and leaves its result (or error) pickled in ``folder`` for the others, which
wait and read it. Each worker's thread builds one thing at a time, so two
builds may run at once: they share ``.cache/``, whose files are written whole
under a temporary name per process (hooks/sitecheck/diskcache.py).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pickle
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_made: dict[str, Future] = {}
_lock = threading.Lock()
# one build at a time in one process, as without prefetching
_building = threading.RLock()
# set under pytest-xdist: where the workers leave their builds for each other
_shared: Path | None = None


def share_between_workers(folder: Path) -> None:
    global _shared
    folder.mkdir(parents=True, exist_ok=True)
    _shared = folder


@contextlib.contextmanager
def _file_lock(path: Path):
    # fcntl.flock rather than the filelock package: Linux only, like the rest of the suite (Debian's
    # Chromium), and a lock per open file, so two threads of one worker exclude each other too
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _made_by_any_worker(key: str, work: Callable[[], T], folder: Path) -> T:
    """``work()``'s result as the first worker to ask made it, read back from ``folder``."""
    outcome = folder / f"{key}.pickle"
    with _file_lock(folder / f"{key}.lock"):
        if not outcome.exists():
            try:
                made = (True, work())
            except Exception as error:
                made = (False, error)
            try:
                data = pickle.dumps(made)
            except Exception as error:  # an error that does not pickle still reaches the other worker
                data = pickle.dumps((False, RuntimeError(f"{key}: {made[1]!r} ({error})")))
            outcome.write_bytes(data)  # under the key's lock: no worker reads half of it
        ok, value = pickle.loads(outcome.read_bytes())
    if ok:
        return value
    raise value


def once(key: str, work: Callable[[], T], alone: bool = True) -> T:
    """``work()``'s result, made by whoever asks for ``key`` first; ``alone``: never while
    another such build runs (the unit tests of this module pass False)."""
    with _lock:
        made = _made.get(key)
        mine = made is None
        if mine:
            made = _made[key] = Future()
    if mine:
        try:
            if alone and _shared is not None:
                made.set_result(_made_by_any_worker(key, work, _shared))
            else:
                with _building if alone else contextlib.nullcontext():
                    made.set_result(work())
        except BaseException as error:  # kept for every caller: each test that needs it reports it
            made.set_exception(error)
    return made.result()


# How much lower the tests' priority is than the builds' (a nice value, 0-19): at 5 a build gets
# three times the CPU share of a test process; at 10 the tests also fell far behind other work
# on a loaded shared machine (load 15-28)
TESTS_NICENESS = 5


def give_way_to_builds() -> None:
    """Lower the calling thread's CPU priority (the thread that runs the tests) below the background
    builds': the release and the site are the run's critical path, the tests fill the CPU they
    leave. Linux keeps a nice value per thread (sched(7)); the threads and processes this thread
    starts (Chromium, fixture builds) inherit it, the background thread started before keeps its own."""
    thread = threading.get_native_id()
    os.setpriority(os.PRIO_PROCESS, thread, min(19, os.getpriority(os.PRIO_PROCESS, thread) + TESTS_NICENESS))


def _ahead(make: Callable[[], object]) -> None:
    # a failed build is kept by once(): the fixture that asks for it raises it where the test sees it
    with contextlib.suppress(BaseException):
        make()


class Background:
    """One worker thread that calls makers one after the other, in the order given; each
    maker gets its build through ``once``, as the fixture that needs it does."""

    def __init__(self):
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="prefetch")

    def start(self, makers: list[Callable[[], object]]) -> None:
        for make in makers:
            self._pool.submit(_ahead, make)

    def stop(self) -> None:
        """At the end of the session: drop the builds no test asked for (a run stopped early)."""
        self._pool.shutdown(wait=False, cancel_futures=True)
