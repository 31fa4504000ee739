"""The release runner (scripts/release.py): which addresses it accepts, and how it reports its steps."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest
from release import ReleaseError, Step, check_site_url, run

from sitebuild import ROOT


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://example.org/osteoimmunology/", "https://example.org/osteoimmunology/"),
        ("https://example.org/osteoimmunology", "https://example.org/osteoimmunology/"),
        (" https://example.org ", "https://example.org/"),
        ("http://user.github.io/repo/", "http://user.github.io/repo/"),
    ],
)
def test_public_addresses_are_accepted_with_one_trailing_slash(value, expected):
    assert check_site_url(value) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (None, "SITE_URL is not set"),
        ("", "SITE_URL is not set"),
        ("http://127.0.0.1:8000/", "loopback"),
        ("http://127.3.4.5/x/", "loopback"),
        ("http://localhost:8000/", "loopback"),
        ("http://app.localhost/", "loopback"),
        ("http://[::1]:8000/", "loopback"),
        ("http://0.0.0.0:8000/", "loopback"),
        ("example.org/osteoimmunology/", "not an http(s) address"),
        ("ftp://example.org/", "not an http(s) address"),
        ("https://example.org/?a=1", "query or fragment"),
    ],
)
def test_unset_loopback_and_malformed_addresses_are_refused(value, reason):
    with pytest.raises(ReleaseError, match=re.escape(reason)) as error:
        check_site_url(value)
    assert "SITE_URL" in str(error.value) and "example.org/osteoimmunology/" in str(error.value)


def test_loopback_only_with_the_tests_escape():
    assert (
        check_site_url("http://127.0.0.1:9/osteoimmunology", allow_loopback=True)
        == "http://127.0.0.1:9/osteoimmunology/"
    )


@pytest.mark.parametrize("site_url", ["", "http://localhost:8000/"])
def test_make_release_refuses_with_a_message_and_exit_code(site_url, tmp_path):
    """Through make, as a user would call it; refused before anything is built."""
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "RELEASE_ALLOW_LOOPBACK")}
    env["SITE_DIR"] = str(tmp_path / "site")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "release.py"), "--site-url", site_url],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert result.stderr.startswith("release: SITE_URL")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_makefile_passes_site_url_to_the_runner():
    result = subprocess.run(
        ["make", "-n", "release", "SITE_URL=https://example.org/o/"], cwd=ROOT, capture_output=True, text=True
    )
    assert 'SITE_URL="https://example.org/o/"' in result.stdout and "scripts/release.py" in result.stdout


@pytest.mark.parametrize("setting", [None, "0"])
def test_the_runner_never_lets_its_builds_leave_diagrams_to_the_browser(monkeypatch, tmp_path, setting):
    """However it is started (make release, python scripts/release.py), every build of the release
    draws the diagrams at build time or stops (hooks/diagrams.py), never falls back to Mermaid in
    the reader's browser (issue #12)."""
    import release

    # what main() sets for its builds goes back to the tests' values afterwards
    for name in ("SITE_URL", "SITE_DIR", release.RELEASE_ENV, "SERVICE_WORKER"):
        monkeypatch.setenv(name, "")
    if setting is None:
        monkeypatch.delenv("DIAGRAMS_REQUIRE_BROWSER", raising=False)
    else:
        monkeypatch.setenv("DIAGRAMS_REQUIRE_BROWSER", setting)
    seen = []
    monkeypatch.setattr(release, "run", lambda r: seen.append(os.environ.get("DIAGRAMS_REQUIRE_BROWSER")))
    assert release.main(["--site-url", "https://example.org/o/", "--site-dir", str(tmp_path / "site")]) == 0
    assert seen == ["1"]


class Built(Exception):
    """Raised by the stand-in for a build: what the build would have run with."""


def test_the_pdf_and_offline_builds_never_leave_diagrams_to_the_browser(monkeypatch, tmp_path):
    """scripts/pdf.py and scripts/offline.py draw the diagrams at build time or stop, also when
    run without make (DIAGRAMS_REQUIRE_BROWSER unset): the offline package needs no browser of
    its own, so it would have carried Mermaid for the reader's browser to draw."""
    import offline
    import pdf

    def stand_in(project, site_dir, extra_env=None, environ=None):
        raise Built(extra_env)

    monkeypatch.delenv("DIAGRAMS_REQUIRE_BROWSER", raising=False)
    for module in (pdf, offline):
        monkeypatch.setattr(module, "build", stand_in)
    for make in (lambda: pdf.build_print_page("zh", tmp_path), lambda: offline.build_offline_site(tmp_path)):
        with pytest.raises(Built) as built:
            make()
        assert built.value.args[0]["DIAGRAMS_REQUIRE_BROWSER"] == "1"


def test_each_step_prints_its_start_time_and_size(tmp_path):
    from release import Release

    def write(name, size):
        def step(release):
            path = release.site_dir / name
            path.write_bytes(b"x" * size)
            return [path]

        return step

    site = tmp_path / "site"
    site.mkdir()
    out = io.StringIO()
    run(
        Release("https://example.org/", site, tmp_path),
        [Step("one", write("a", 1500)), Step("two", write("b", 20))],
        out,
    )
    lines = out.getvalue().splitlines()
    assert lines[0] == "[1/2] one …"
    assert re.fullmatch(r"\[1/2\] one: \d+\.\d s — site/a 1\.5 KB", lines[1])
    assert lines[2] == "[2/2] two …"
    assert re.fullmatch(r"\[2/2\] two: \d+\.\d s — site/b 20 B", lines[3])
    assert re.fullmatch(r"release ready in \d+\.\d s: .*site \(1\.5 KB\) for https://example.org/", lines[4])


def test_release_steps_cover_site_pdfs_and_zip():
    from release import release_steps

    names = [step.name for step in release_steps()]
    assert names[0].startswith("build")
    assert "PDF (zh)" in names and "PDF (en)" in names
    assert names.index("offline package (zip)") > names.index("PDF (en)")  # the zip carries the PDFs


def test_service_worker_is_the_last_step():
    """It precaches the finished site, so it runs after everything that writes pages."""
    from release import release_steps

    assert release_steps()[-1].name.startswith("service worker")
