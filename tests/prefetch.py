"""The session's slow builds, each made once, and early.

The real site, its variants and the release are subprocess builds that take
minutes together. ``tests/conftest.py`` starts the ones the collected tests
need in a background thread, one at a time and in the order the tests need
them, while the tests that need none run (unit, fixture builds, built HTML): on
two cores a build and those tests overlap instead of taking turns. The browser
tests wait until the background is done, then run alone (``Background.finish``).

``once(key, work)`` is how a fixture gets such a build: the first caller (the
background thread, or a fixture that needs it now) runs ``work()``; every other
caller, at the same time or later, gets that same result, or that same error,
without building again. Not pytest-xdist: workers would each build the site and
the release, and the browser tests gain nothing from a second worker.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")

_made: dict[str, Future] = {}
_lock = threading.Lock()
# one build at a time, as without prefetching: builds share the project's caches (.cache/)
_building = threading.RLock()


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
            with _building if alone else contextlib.nullcontext():
                made.set_result(work())
        except BaseException as error:  # kept for every caller: each test that needs it reports it
            made.set_exception(error)
    return made.result()


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

    def finish(self) -> None:
        """Wait until everything started so far is made: the tests that must not share the CPU
        (browsers waiting on timers and search workers) run after it, alone."""
        self._pool.submit(lambda: None).result()  # one worker: this runs after everything before it

    def stop(self) -> None:
        """At the end of the session: drop the builds no test asked for (a run stopped early)."""
        self._pool.shutdown(wait=False, cancel_futures=True)
