"""site/_headers is written by the build itself and covers inline scripts whatever adds them;
an inline event handler, which no hash can allow, stops the build with its file and line."""

from __future__ import annotations

import pytest

from fixture_site import FixtureSite, warnings
from sitecheck.headers import script_hash


@pytest.fixture
def site(tmp_path):
    site = FixtureSite(tmp_path)
    site.replace("mkdocs.yml", "hooks:\n", "hooks:\n  - hooks/security_headers.py\n")
    return site


def test_inline_script_in_a_page_is_hashed(site):
    site.replace("docs/chapter.md", "骨吸收增加[@2]。\n", "骨吸收增加[@2]。\n\n<script>window.fixture = 1;</script>\n")
    result = site.build()
    assert result.returncode == 0, result.stderr
    headers = (site.root / "site" / "_headers").read_text(encoding="utf-8")
    assert f" {script_hash('window.fixture = 1;')}" in headers
    assert "'unsafe-inline'; img-src" in headers  # styles only
    assert "script-src 'self' 'sha256-" in headers


def test_inline_event_handler(site):
    site.replace(
        "docs/chapter.md", "骨吸收增加[@2]。\n", '骨吸收增加[@2]。\n\n<button type="button" onclick="go()">b</button>\n'
    )
    result = site.build()
    assert result.returncode != 0
    built = (site.root / "site" / "chapter" / "index.html").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(built, 1) if 'onclick="go()"' in text)
    assert warnings(result) == [
        f"headers: chapter/index.html:{line}: <button onclick=…> is an inline event handler, which the "
        "Content-Security-Policy blocks (a hash cannot allow it); attach the handler from a script file instead."
    ]
