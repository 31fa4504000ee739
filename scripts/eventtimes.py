"""Run one `mkdocs build` in this process and print, as JSON, the time spent
in every plugin's and hook's event handlers (both language passes), and the total:
wall time ("total", "handlers") and CPU time ("total_cpu", "handlers_cpu": this
process's and that of the child processes it waited for, git's and Chromium's
included; steadier than wall time on a shared machine).

Used by the benchmark to say how much of a build the project's own hooks take.
"""

from __future__ import annotations

import collections
import json
import resource
import sys
import time

from mkdocs.plugins import CombinedEvent, PluginCollection


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (git, a multiprocessing pool)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed_registration(totals: collections.Counter, cpu: collections.Counter):
    """A replacement for PluginCollection._register_event that registers every handler wrapped
    in a timer adding its wall and CPU time to ``totals`` and ``cpu`` under "plugin:event"."""
    register = PluginCollection._register_event

    def timed_register(self, event_name, method, plugin_name=None):
        if isinstance(method, CombinedEvent):  # registers each of its methods, through this function
            return register(self, event_name, method, plugin_name)

        def timed(*args, _method=method, _key=f"{plugin_name}:{event_name}", **kwargs):
            start, start_cpu = time.perf_counter(), cpu_seconds()
            try:
                return _method(*args, **kwargs)
            finally:
                totals[_key] += time.perf_counter() - start
                cpu[_key] += cpu_seconds() - start_cpu

        # MkDocs orders an event's handlers by this attribute (@event_priority): without it the
        # measured build would run them in another order than a real build (the diagrams hook,
        # priority 50, would see pages after the other hooks changed them)
        timed.mkdocs_priority = getattr(method, "mkdocs_priority", 0)
        return register(self, event_name, timed, plugin_name)

    return timed_register


def main() -> None:
    totals: collections.Counter = collections.Counter()
    cpu: collections.Counter = collections.Counter()
    timed_register = timed_registration(totals, cpu)
    PluginCollection._register_event = timed_register
    from mkdocs.__main__ import cli

    sys.argv = ["mkdocs", "build", "--strict", *sys.argv[1:]]  # not -q: it would hide the warnings --strict counts
    start, start_cpu = time.perf_counter(), cpu_seconds()
    try:
        cli()
    except SystemExit as exit:
        if exit.code:
            raise
    total, total_cpu = time.perf_counter() - start, cpu_seconds() - start_cpu
    # i18n's post_build runs the other language's whole build: not a cost of its own
    own = {k: v for k, v in totals.items() if k != "i18n:post_build"}
    own_cpu = {k: v for k, v in cpu.items() if k != "i18n:post_build"}
    print(json.dumps({"total": total, "handlers": own, "total_cpu": total_cpu, "handlers_cpu": own_cpu}))


if __name__ == "__main__":
    main()
