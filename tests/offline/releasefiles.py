"""The release files, made once per test session by the same scripts as
``make pdf`` and ``make offline``, into a temporary directory.

Not a conftest.py: the suite imports ``tests/conftest.py`` as ``conftest``,
and a second one would shadow it. Test modules call :func:`release` from
their own session fixture; the cache below makes the build happen once.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from sitebuild import ROOT

_cache: dict[str, Release] = {}


@dataclass
class Release:
    downloads: Path  # the PDFs and the zip
    offline_root: Path  # the unzipped package's folder (index.html, en/index.html)
    pdf_log: str
    pdf_seconds: dict[str, float] = field(default_factory=dict)


def _run(script: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), *args],
        cwd=ROOT,
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
