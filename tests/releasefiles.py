"""The release, made once per test session by ``scripts/release.py`` (what
``make release`` runs) for a loopback address under a path prefix, and served
there: ``http://127.0.0.1:<port>/osteoimmunology/``, as a GitHub Pages project
site or a CDN path would serve it.

Not a conftest.py: the suite imports ``tests/conftest.py`` as ``conftest``,
and a second one would shadow it. Test modules call :func:`release` (served)
or :func:`built_release` (its files only) from their own session fixture;
``prefetch.once`` makes the build happen once, and ``tests/conftest.py`` starts
it in the background for the modules that import :func:`release`,
:func:`built_release` or :func:`web_release`.
"""

from __future__ import annotations

import contextlib
import random
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from serviceworker import Precache, generate

import prefetch
from conftest import REPO_URL, SESSION_ENVIRON
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
    site: Path  # built with SERVICE_WORKER=true and REPO_URL, with sw.js
    precache: Precache


def release(tmp_path_factory) -> Release:
    """The release (built once), served under PREFIX, and its zip unpacked."""
    made = built_release(tmp_path_factory)
    _serve(made)
    return made


def built_release(tmp_path_factory) -> Release:
    """The release, built once (by whichever pytest-xdist worker asks first), not served."""
    return prefetch.once("release", lambda: _make_release(tmp_path_factory))


release.ahead = built_release  # what tests/conftest.py starts in the background

_servers: dict[str, SiteServer] = {}


def _serve(made: Release) -> None:
    """Serve the release in this process, once, on the port it was built for. Only one process
    may: under pytest-xdist the modules that serve it are one worker's group (tests/conftest.py)."""
    if made.url not in _servers:
        port = urlsplit(made.url).port
        _servers[made.url] = SiteServer(made.site, PREFIX, headers_for=_linkchecker_header, port=port).start()


def _linkchecker_header(path: str) -> dict[str, str]:
    # lifts LinkChecker's own limit of about three requests a second to a host that does not
    # send it (its maxrequestspersecond, raised in tests/offline/test_subpath_release.py): a
    # minute of sleeping
    return {"LinkChecker": "test server"}


def _server_outside_ephemeral_ports(site: Path) -> SiteServer:
    """A server on a port below the kernel's range for outgoing connections (Chromium's requests
    take ports from that range), so no connection holds the port between build and serving."""
    low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    ports = list(range(max(1024, low - 10_000), low))
    random.shuffle(ports)
    for port in ports:
        with contextlib.suppress(OSError):
            return SiteServer(site, PREFIX, port=port)
    raise RuntimeError(f"no free port below {low} for the release")


def _make_release(tmp_path_factory) -> Release:
    site = tmp_path_factory.mktemp("release") / "site"
    # the port is needed before the build; it is held during it, let go after it, and taken again by
    # the process that serves the release (_serve), which may be another pytest-xdist worker
    server = _server_outside_ephemeral_ports(site)
    env = dict(SESSION_ENVIRON, RELEASE_ALLOW_LOOPBACK="1", SITE_URL=server.url, SITE_DIR=str(site))
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "release.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    server.stop()
    assert result.returncode == 0, f"release failed:\n{result.stdout}\n{result.stderr}"
    unpacked = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site / "downloads" / "osteoimmunology-offline.zip") as zf:
        zf.extractall(unpacked)
    seconds = {m[0]: float(m[1]) for m in re.findall(r"^\[\d+/\d+\] PDF \((\w+)\): ([\d.]+) s", result.stdout, re.M)}
    return Release(site, server.url, site / "downloads", unpacked / "osteoimmunology-offline", result.stdout, seconds)


def web_release(tmp_path_factory) -> WebRelease:
    """The served site of a release (built once): the release's site build and
    its service worker step, without the PDFs and the zip (not precached), with
    the repository address a published release has (REPO_URL: .github/workflows/publish.yml)."""
    return prefetch.once("web_release", lambda: _make_web_release(tmp_path_factory))


def _make_web_release(tmp_path_factory) -> WebRelease:
    site = tmp_path_factory.mktemp("release") / "site"
    result = build(ROOT, site, {"SERVICE_WORKER": "true", "REPO_URL": REPO_URL}, SESSION_ENVIRON)
    assert result.returncode == 0, f"release build failed:\n{result.stdout}\n{result.stderr}"
    return WebRelease(site, generate(site))
