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


class _PrefixHandler(_QuietHandler):
    """Serves the site only below the server's ``prefix`` ("/osteoimmunology/"), as a
    project site on GitHub Pages or a CDN path would; anything else is 404."""

    def translate_path(self, path):
        prefix = self.server.prefix
        if path.split("?")[0] + "/" == prefix:
            return "/nonexistent-without-slash"  # handled in send_head
        if not path.startswith(prefix):
            return "/nonexistent-outside-prefix"
        return super().translate_path("/" + path[len(prefix) :])

    def send_head(self):
        if self.path.split("?")[0] + "/" == self.server.prefix:  # "/osteoimmunology" -> "/osteoimmunology/"
            self.send_response(301)
            self.send_header("Location", self.server.prefix)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        return super().send_head()

    def end_headers(self):
        # response headers a static host would add (e.g. from the release's _headers file)
        if self.server.headers_for is not None:
            for name, value in self.server.headers_for(self.path).items():
                self.send_header(name, value)
        super().end_headers()


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # a crawler that stops reading a large file (a PDF, the zip) is not an error of the site
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class SiteServer:
    """A threaded HTTP server on 127.0.0.1 serving ``directory`` under ``prefix``.

    The port is taken when the object is made, so a release can be built for
    its address (``url``) before serving starts. ``headers_for(path)`` may
    return extra response headers per request path.
    """

    def __init__(self, directory: Path, prefix: str = "/", headers_for=None):
        prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
        self.directory = Path(directory)
        handler = functools.partial(_PrefixHandler, directory=str(directory))
        self.server = _QuietServer(("127.0.0.1", 0), handler)
        self.server.prefix = prefix
        self.server.headers_for = headers_for
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}{prefix}"
        self._thread: threading.Thread | None = None

    def start(self) -> SiteServer:
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


@contextmanager
def serve(directory: Path, prefix: str = "/"):
    """Serve ``directory`` on 127.0.0.1 (a free port) under ``prefix``; yields the base URL without
    its trailing slash ("http://127.0.0.1:1234" or "http://127.0.0.1:1234/osteoimmunology")."""
    with SiteServer(directory, prefix) as server:
        yield server.url.rstrip("/")
