"""Material's iframe-worker shim (``extra.polyfills``) only in the offline package.

The shim lets search run its Web Worker under file://; served over http(s) it
does nothing but cost every reader a request. The offline build
(scripts/offline.py, ``OFFLINE=true``) keeps it; every other build drops it.
"""

from __future__ import annotations

import plugin_internals


def on_config(config):
    if not plugin_internals.offline_enabled(config):
        config.extra["polyfills"] = []
    return config
