"""Build helpers shared by the tests: run the strict MkDocs build of a project
directory into a chosen site directory, and serve a built site on loopback."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


def build(project: Path, site_dir: Path, extra_env: dict[str, str] | None = None):
    """`mkdocs build --strict` of ``project`` into ``site_dir``; returns the CompletedProcess."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_DIR=str(site_dir))
    env.update(extra_env or {})
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--config-file", str(project / "mkdocs.yml")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    # citation and flashcard downloads, typed as a web host should serve them
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".ris": "application/x-research-info-systems",
        ".bib": "application/x-bibtex",
        ".apkg": "application/vnd.anki",
    }

    def log_message(self, *args):  # keep pytest output readable
        pass


@contextmanager
def serve(directory: Path):
    """Serve ``directory`` on 127.0.0.1 (a free port); yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
