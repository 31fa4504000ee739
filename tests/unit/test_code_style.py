"""The project's Python passes ruff's lint and format checks (pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sitebuild import ROOT

PATHS = ["hooks", "tests", "scripts"]


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["check", "format"])
def test_ruff(command):
    result = subprocess.run([sys.executable, "-m", "ruff", *command, *PATHS], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
