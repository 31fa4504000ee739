"""How the project starts Debian's Chromium (tests, PDFs, benchmark): one place."""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
# Headless as root on a machine with no outside network: no sandbox, no GPU,
# and none of Chromium's own background connections.
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
