"""Material's iframe-worker shim (``extra.polyfills``) only in the offline package.

The shim lets search run its Web Worker under file://; served over http(s) it
does nothing but cost every reader a request. The offline build
(scripts/offline.py, ``OFFLINE=true``) keeps it; every other build drops it:
from the pages, and its file from the site, so a release's service worker
(scripts/serviceworker.py precaches every script) does not download it either.
"""

from __future__ import annotations

import plugin_internals
from sitehook import drop_files

# the shim's files in this build when it does not load them (set by on_config, every build)
state: dict = {"unused": []}


def on_config(config):
    state["unused"] = []
    if not plugin_internals.offline_enabled(config):
        state["unused"] = list(config.extra.get("polyfills") or [])
        config.extra["polyfills"] = []
    return config


def on_files(files, config):
    drop_files(files, state["unused"])
    return files
