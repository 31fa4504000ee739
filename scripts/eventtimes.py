"""Run one `mkdocs build` in this process and print, as JSON, the wall time spent
in every plugin's and hook's event handlers (both language passes), and the total.

Used by the benchmark to say how much of a build the project's own hooks take.
"""

from __future__ import annotations

import collections
import json
import sys
import time

from mkdocs.plugins import PluginCollection


def main() -> None:
    totals: collections.Counter = collections.Counter()
    register = PluginCollection._register_event

    def timed_register(self, event_name, method, plugin_name=None):
        def timed(*args, _method=method, _key=f"{plugin_name}:{event_name}", **kwargs):
            start = time.perf_counter()
            try:
                return _method(*args, **kwargs)
            finally:
                totals[_key] += time.perf_counter() - start

        return register(self, event_name, timed, plugin_name)

    PluginCollection._register_event = timed_register
    from mkdocs.__main__ import cli

    sys.argv = ["mkdocs", "build", "--strict", "-q", *sys.argv[1:]]
    start = time.perf_counter()
    try:
        cli()
    except SystemExit as exit:
        if exit.code:
            raise
    total = time.perf_counter() - start
    # i18n's post_build runs the other language's whole build: not a cost of its own
    own = {k: v for k, v in totals.items() if k != "i18n:post_build"}
    print(json.dumps({"total": total, "handlers": own}))


if __name__ == "__main__":
    main()
