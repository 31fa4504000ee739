"""The project carries its own source material and reads nothing outside its tree."""

from __future__ import annotations

import hashlib
import re
import subprocess

from sitebuild import ROOT

SOURCE = ROOT / "source"


def test_source_files_match_their_recorded_hashes():
    """source/README.md records each copied file's SHA-256; an edit to the source shows up here."""
    readme = (SOURCE / "README.md").read_text(encoding="utf-8")
    recorded = dict((name, digest) for digest, name in re.findall(r"^([0-9a-f]{64})  (\S+)$", readme, re.M))
    assert set(recorded) == {"000_5d57aad7059f5c83.txt", "extraction-notes.md", "reference-candidates.md"}
    for name, digest in recorded.items():
        assert hashlib.sha256((SOURCE / name).read_bytes()).hexdigest() == digest, name


def test_no_tracked_file_reads_outside_the_repository():
    """A stranger's clone has no shared folder beside it: no code, build or CI file may point there."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    code = [
        p
        for p in tracked
        if p.endswith((".py", ".yml", ".yaml", ".toml", ".sh", ".js")) or p in ("Makefile", ".ci/run")
    ]
    outside = re.compile(r"\.\./shared|ROOT\.parent|parents\[\d\] */ *[\"']shared")
    offenders = [p for p in code if outside.search((ROOT / p).read_text(encoding="utf-8", errors="replace"))]
    assert offenders == []
