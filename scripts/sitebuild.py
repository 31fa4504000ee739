"""Build helpers shared by the tests: run the strict MkDocs build of a project
directory into a chosen site directory, and serve a built site on loopback."""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


def build(
    project: Path, site_dir: Path, extra_env: dict[str, str] | None = None, environ: dict[str, str] | None = None
):
    """`mkdocs build --strict` of ``project`` into ``site_dir``; returns the CompletedProcess.
    ``environ``: the environment to start from instead of this process's current one."""
    env = dict(os.environ if environ is None else environ, NO_MKDOCS_2_WARNING="1", SITE_DIR=str(site_dir))
    env.update(extra_env or {})
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--config-file", str(project / "mkdocs.yml")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


HeaderRule = tuple[re.Pattern, list[tuple[str, str]]]


def parse_headers_file(text: str) -> list[HeaderRule]:
    """The rules of a ``_headers`` file (Netlify / Cloudflare Pages format), in order.

    A rule is an unindented path pattern (``*`` matches anything, slashes
    included; ``:name`` one path segment) followed by indented ``Name: value``
    lines; ``#`` starts a comment line. Hand-written because no maintained PyPI
    package parses this format; the hosts' documented subset is small.
    """
    rules: list[HeaderRule] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            parts = re.split(r"(\*|:[A-Za-z]\w*)", line.strip())
            regex = "".join(".*" if p == "*" else "[^/]+" if p.startswith(":") else re.escape(p) for p in parts)
            rules.append((re.compile(f"^{regex}$"), []))
            continue
        name, colon, value = line.strip().partition(":")
        if not rules or not colon or not name.strip():
            raise ValueError(f"_headers:{number}: expected 'Name: value' under a path pattern, got {line.strip()!r}")
        rules[-1][1].append((name.strip(), value.strip()))
    return rules


def headers_for(rules: list[HeaderRule], path: str) -> dict[str, str]:
    """The headers for a request path: every matching rule, in order; a header set
    by several rules is joined with ", " (what Cloudflare Pages does)."""
    headers: dict[str, str] = {}
    for pattern, lines in rules:
        if pattern.match(path):
            for name, value in lines:
                headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers


def header_lookup(text: str, prefix: str = "/") -> Callable[[str], dict[str, str]]:
    """request path -> headers, for a ``_headers`` file's ``text``, with the site served
    below ``prefix`` ("/osteoimmunology/"): the file's paths are from the site's root."""
    rules = parse_headers_file(text)

    def lookup(request_path: str) -> dict[str, str]:
        path = request_path.split("?", 1)[0].split("#", 1)[0]
        if prefix != "/" and path.startswith(prefix):
            path = "/" + path[len(prefix) :]
        return headers_for(rules, path)

    return lookup


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    # citation and flashcard downloads, typed as a web host should serve them
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".ris": "application/x-research-info-systems",
        ".bib": "application/x-bibtex",
        ".apkg": "application/vnd.anki",
    }
    headers_of: Callable[[str], dict[str, str]] | None = None  # set per server by serve()

    def log_message(self, *args):  # keep pytest output readable
        pass

    def end_headers(self):
        if self.headers_of is not None:
            for name, value in self.headers_of(self.path).items():
                self.send_header(name, value)
        super().end_headers()


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
        http.server.SimpleHTTPRequestHandler.end_headers(self)


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

    @staticmethod
    def normal_prefix(prefix: str) -> str:
        """ "osteoimmunology" -> "/osteoimmunology/"; "" -> "/"."""
        return "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"

    def __init__(self, directory: Path, prefix: str = "/", headers_for=None, port: int = 0):
        prefix = self.normal_prefix(prefix)
        self.directory = Path(directory)
        handler = functools.partial(_PrefixHandler, directory=str(directory))
        self.server = _QuietServer(("127.0.0.1", port), handler)
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
def serve(directory: Path, headers: str | None = None, prefix: str = "/"):
    """Serve ``directory`` on 127.0.0.1 (a free port) under ``prefix``; yields the base URL
    without its trailing slash ("http://127.0.0.1:1234" or "http://127.0.0.1:1234/osteoimmunology").

    With ``headers`` (the text of a ``_headers`` file, e.g. the site's own),
    every response carries the headers it assigns to the path, as a static host
    would send them.
    """
    lookup = header_lookup(headers, SiteServer.normal_prefix(prefix)) if headers is not None else None
    with SiteServer(directory, prefix, headers_for=lookup) as server:
        yield server.url.rstrip("/")
