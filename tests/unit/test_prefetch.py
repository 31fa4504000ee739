"""tests/prefetch.py: a session build is made once, whoever asks first, and its failure
reaches every test that needs it; the tests give way to the builds."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time

import pytest

import prefetch


@pytest.fixture
def background():
    """A worker of its own: the session's (tests/conftest.py) keeps building meanwhile."""
    worker = prefetch.Background()
    yield worker
    worker.stop()
    for key in [k for k in prefetch._made if k.startswith("test-")]:
        del prefetch._made[key]


def test_made_once_for_the_background_and_the_fixture_that_asks_meanwhile(background):
    calls = []
    started = threading.Event()

    def slow_build():
        calls.append(1)
        started.set()
        time.sleep(0.3)
        return "site"

    background.start([lambda: prefetch.once("test-site", slow_build, alone=False)])
    assert started.wait(5)
    assert prefetch.once("test-site", slow_build, alone=False) == "site"  # waits for the background's build
    assert prefetch.once("test-site", slow_build, alone=False) == "site"
    assert calls == [1]


def test_a_failed_build_fails_every_test_that_needs_it(background):
    calls = []
    started = threading.Event()

    def broken_build():
        calls.append(1)
        started.set()
        raise AssertionError("strict build failed")

    background.start([lambda: prefetch.once("test-broken", broken_build, alone=False)])
    assert started.wait(5)  # the background holds the build: the calls below wait for its outcome
    for _ in range(2):
        with pytest.raises(AssertionError, match="strict build failed"):
            prefetch.once("test-broken", broken_build, alone=False)
    assert calls == [1]


def _worker(folder, calls, outcome, work):
    # a pytest-xdist worker: its own process, the folder shared with the other
    try:
        outcome.write_text(f"made {prefetch._made_by_any_worker('test-shared', lambda: work(calls), folder)}")
    except AssertionError as error:
        outcome.write_text(f"failed {error}")


def _slow_build(calls):
    with calls.open("a") as log:
        log.write("built\n")
    time.sleep(0.3)
    return "site"


def _broken_build(calls):
    with calls.open("a") as log:
        log.write("built\n")
    raise AssertionError("strict build failed")


@pytest.mark.parametrize(("work", "seen"), [(_slow_build, "made site"), (_broken_build, "failed strict build failed")])
def test_two_workers_get_one_build_and_its_error_alike(tmp_path, work, seen):
    context = multiprocessing.get_context("fork")
    calls = tmp_path / "calls"
    outcomes = [tmp_path / "outcome-0", tmp_path / "outcome-1"]
    workers = [context.Process(target=_worker, args=(tmp_path, calls, o, work)) for o in outcomes]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
    assert [o.read_text() for o in outcomes] == [seen, seen]
    assert calls.read_text() == "built\n"


def test_the_tests_give_way_to_the_builds_started_before():
    """The thread that runs the tests lowers its own priority, and that of what it starts, not the
    background thread's (started before it, as tests/conftest.py does)."""
    seen = {}
    go = threading.Event()

    def priority():
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    def build():
        go.wait(5)
        seen["build"] = priority()

    def tests():
        seen["before"] = priority()
        prefetch.give_way_to_builds()
        seen["tests"] = priority()
        started = threading.Thread(target=lambda: seen.update(started=priority()))
        started.start()
        started.join()
        go.set()

    background = threading.Thread(target=build)
    background.start()
    runner = threading.Thread(target=tests)
    runner.start()
    runner.join(10)
    background.join(10)
    lowered = min(19, seen["before"] + prefetch.TESTS_NICENESS)
    assert (seen["build"], seen["tests"], seen["started"]) == (seen["before"], lowered, lowered)


def test_the_longest_tests_named_for_the_run_order_exist():
    # a renamed test would silently run last again (tests/conftest.py LONGEST)
    from conftest import LONGEST
    from sitebuild import ROOT

    for nodeid in LONGEST:
        module, name = nodeid.split("::")
        assert f"\ndef {name}(" in (ROOT / module).read_text(encoding="utf-8"), nodeid
