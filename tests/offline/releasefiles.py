"""The release, made once per test session by ``scripts/release.py`` (what
``make release`` runs) for a loopback address under a path prefix, and served
there: ``http://127.0.0.1:<port>/osteoimmunology/``, as a GitHub Pages project
site or a CDN path would serve it.

Not a conftest.py: the suite imports ``tests/conftest.py`` as ``conftest``,
and a second one would shadow it. Test modules call :func:`release` from
their own session fixture; ``prefetch.once`` makes the build happen once, and
``tests/conftest.py`` starts it in the background for the modules that import
:func:`release` or :func:`web_release`.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from serviceworker import Precache, generate

import prefetch
from conftest import SESSION_ENVIRON
from sitebuild import ROOT, SiteServer, build

PREFIX = "/osteoimmunology/"


@dataclass
class Release:
    site: Path  # the release's site/ (what one uploads)
    url: str  # where it is served, ending with PREFIX
    downloads: Path  # the PDFs and the zip
    offline_root: Path  # the unzipped package's folder (index.html, en/index.html)
    log: str  # what `make release` printed
    pdf_seconds: dict[str, float] = field(default_factory=dict)


@dataclass
class WebRelease:
    site: Path  # built with SERVICE_WORKER=true, with sw.js
    precache: Precache


def release(tmp_path_factory) -> Release:
    """The release (built once), served under PREFIX, and its zip unpacked."""
    return prefetch.once("release", lambda: _make_release(tmp_path_factory))


def _make_release(tmp_path_factory) -> Release:
    site = tmp_path_factory.mktemp("release") / "site"
    # the port is needed before the build; the "LinkChecker" header lifts LinkChecker's own
    # limit of about three requests a second to a host that does not send it (its
    # maxrequestspersecond, raised in tests/offline/test_subpath_release.py): a minute of sleeping
    server = SiteServer(site, PREFIX, headers_for=lambda path: {"LinkChecker": "test server"})
    env = dict(SESSION_ENVIRON, RELEASE_ALLOW_LOOPBACK="1", SITE_URL=server.url, SITE_DIR=str(site))
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "release.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert result.returncode == 0, f"release failed:\n{result.stdout}\n{result.stderr}"
    server.start()  # a daemon thread, for the rest of the session
    unpacked = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site / "downloads" / "osteoimmunology-offline.zip") as zf:
        zf.extractall(unpacked)
    seconds = {m[0]: float(m[1]) for m in re.findall(r"^\[\d+/\d+\] PDF \((\w+)\): ([\d.]+) s", result.stdout, re.M)}
    return Release(site, server.url, site / "downloads", unpacked / "osteoimmunology-offline", result.stdout, seconds)


def web_release(tmp_path_factory) -> WebRelease:
    """The served site of a release (built once): the release's site build and
    its service worker step, without the PDFs and the zip (not precached)."""
    return prefetch.once("web_release", lambda: _make_web_release(tmp_path_factory))


def _make_web_release(tmp_path_factory) -> WebRelease:
    site = tmp_path_factory.mktemp("release") / "site"
    result = build(ROOT, site, {"SERVICE_WORKER": "true"}, SESSION_ENVIRON)
    assert result.returncode == 0, f"release build failed:\n{result.stdout}\n{result.stderr}"
    return WebRelease(site, generate(site))
