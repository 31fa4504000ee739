"""The release files, made once per test session by the same scripts as
``make pdf`` and ``make offline``, into a temporary directory.

Not a conftest.py: the suite imports ``tests/conftest.py`` as ``conftest``,
and a second one would shadow it. Test modules call :func:`release` from
their own session fixture; the cache below makes the build happen once.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from serviceworker import Precache, generate

from sitebuild import ROOT, build

_cache: dict[str, object] = {}


@dataclass
class Release:
    downloads: Path  # the PDFs and the zip
    offline_root: Path  # the unzipped package's folder (index.html, en/index.html)
    pdf_log: str
    pdf_seconds: dict[str, float] = field(default_factory=dict)


@dataclass
class WebRelease:
    site: Path  # built with SERVICE_WORKER=true, with sw.js
    precache: Precache


def _run(script: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), *args],
        cwd=ROOT,
        # as in a release: the site build registers the service worker; the
        # offline and print builds must drop it themselves (hooks/webapp.py)
        env=dict(os.environ, SERVICE_WORKER="true"),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, f"{script} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def release(tmp_path_factory) -> Release:
    """Both PDFs and the offline zip (built once), and the zip unpacked."""
    if "release" not in _cache:
        downloads = tmp_path_factory.mktemp("downloads")
        pdf_log = _run("pdf.py", "--out", str(downloads))
        _run("offline.py", "--out", str(downloads), "--pdfs", str(downloads))
        unpacked = tmp_path_factory.mktemp("offline")
        with zipfile.ZipFile(downloads / "osteoimmunology-offline.zip") as zf:
            zf.extractall(unpacked)
        seconds = {m[0]: float(m[1]) for m in re.findall(r"^PDF (\w+): .*, ([\d.]+) s$", pdf_log, re.M)}
        _cache["release"] = Release(downloads, unpacked / "osteoimmunology-offline", pdf_log, seconds)
    return _cache["release"]


def web_release(tmp_path_factory) -> WebRelease:
    """The served site of a release (built once): the release's site build and
    its service worker step, without the PDFs and the zip (not precached)."""
    if "web" not in _cache:
        site = tmp_path_factory.mktemp("release") / "site"
        result = build(ROOT, site, {"SERVICE_WORKER": "true"})
        assert result.returncode == 0, f"release build failed:\n{result.stdout}\n{result.stderr}"
        _cache["web"] = WebRelease(site, generate(site))
    return _cache["web"]
