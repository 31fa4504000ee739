"""Diagrams drawn at build time in a fixture site: one browser for both languages,
a cache that spares the browser, Mermaid errors at their line, and the fallback."""

from __future__ import annotations

import shutil

import pytest

from fixture_site import FixtureSite, errors, warnings
from sitebuild import ROOT, build

pytestmark = pytest.mark.browser

DIAGRAM = """
```mermaid
flowchart TD
    accTitle: {title}
    accDescr: {descr}
    a["RANKL"] --> b["{node}"]
    click b href "../glossary/" "{node}"
```
"""
CONFIG = """\
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:mermaid2.fence_mermaid_custom
plugins:
  - mermaid2:
      javascript: assets/javascripts/vendor/mermaid.min.js
"""


@pytest.fixture
def site(tmp_path):
    site = FixtureSite(tmp_path / "project")
    site.replace("mkdocs.yml", "plugins:\n", CONFIG)
    site.replace("mkdocs.yml", "  - hooks/editorial.py\n", "  - hooks/editorial.py\n  - hooks/diagrams.py\n")
    (site.root / "node_modules").mkdir()
    (site.root / "node_modules" / "mermaid").symlink_to(ROOT / "node_modules" / "mermaid")
    (site.root / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "chromium.py", site.root / "scripts" / "chromium.py")
    site.write("docs/assets/javascripts/vendor/mermaid.min.js", "// stands in for Mermaid\n")
    site.replace("docs/chapter.md", "骨吸收增加[@2]。\n", "骨吸收增加[@2]。\n" + zh_diagram("破骨细胞"))
    site.replace("docs/chapter.en.md", "increases[@2].\n", "increases[@2].\n" + en_diagram("osteoclast"))
    return site


def zh_diagram(node: str) -> str:
    return DIAGRAM.format(title="图 1 示例", descr="RANKL 作用于破骨细胞。", node=node)


def en_diagram(node: str) -> str:
    return DIAGRAM.format(title="Figure 1 Example", descr="RANKL acts on osteoclasts.", node=node)


def run(site, tmp_path, **env):
    return build(site.root, site.root / "site", {"DIAGRAMS_CACHE_DIR": str(tmp_path / "cache"), **env})


def summary(result) -> str:
    lines = [line for line in result.stderr.splitlines() if "drawn at build time" in line]
    assert len(lines) == 1, result.stderr
    return lines[0].split(" -  ", 1)[1]


def test_one_browser_for_both_languages_the_same_svg_drawn_again_then_none_from_the_cache(site, tmp_path):
    first = run(site, tmp_path)
    assert first.returncode == 0, first.stderr
    assert summary(first) == (
        "diagrams: 2 drawn at build time (2 by Mermaid in Chromium, 0 from the cache "
        f"{tmp_path / 'cache'}); Chromium started 1 time(s)"
    )
    page = site.root / "site" / "en" / "chapter" / "index.html"
    html = page.read_bytes()
    assert b"<title" in html and b"osteoclast" in html and b'class="mermaid"' not in html
    zh_html = (site.root / "site" / "chapter" / "index.html").read_bytes()

    # identical source gives identical SVG, drawn again with an empty cache (reproducible builds)
    again = run(site, tmp_path, DIAGRAMS_CACHE_DIR=str(tmp_path / "empty"))
    assert summary(again).startswith("diagrams: 2 drawn at build time (2 by Mermaid in Chromium")
    assert (site.root / "site" / "chapter" / "index.html").read_bytes() == zh_html
    assert page.read_bytes() == html

    second = run(site, tmp_path)
    assert second.returncode == 0, second.stderr
    assert summary(second).startswith("diagrams: 2 drawn at build time (0 by Mermaid in Chromium, 2 from the cache")
    assert summary(second).endswith("Chromium started 0 time(s)")
    assert page.read_bytes() == html  # the same bytes from the cache

    site.replace("docs/chapter.en.md", '"osteoclast"', '"osteoclasts"')  # one diagram changes
    third = run(site, tmp_path)
    assert summary(third).startswith("diagrams: 2 drawn at build time (1 by Mermaid in Chromium, 1 from the cache")


def test_broken_diagram_stops_the_build_at_its_line(site, tmp_path):
    site.replace("docs/chapter.md", 'a["RANKL"] --> b["破骨细胞"]', 'a["RANKL"] --> b["破骨细胞"')
    result = run(site, tmp_path)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert warnings(result) == [
        "diagrams: docs/chapter.md:14: diagram does not parse: Mermaid expected 'SQE', 'DOUBLECIRCLEEND', "
        "'PE', '-)', 'STADIUMEND', 'SUBROUTINEEND', … but got 'STR' "
        'near \'..."    click b href "../glossary/" "破骨细胞"\'; '
        "fix the Mermaid syntax on this line (close every bracket and quote, put labels with ( ) [ ] { } or "
        'punctuation in "quotes"), see https://mermaid.js.org/syntax/flowchart.html.'
    ]


def without_a_browser(site, tmp_path, monkeypatch, require: str):
    """A build in this process (no browser is started, so none can clash with the tests' own)."""
    monkeypatch.setenv("DIAGRAMS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("DIAGRAMS_CHROMIUM", "/nonexistent/chromium")
    monkeypatch.setenv("DIAGRAMS_REQUIRE_BROWSER", require)
    return site.build()


def test_without_a_browser_a_dev_build_leaves_diagrams_to_the_reader(site, tmp_path, monkeypatch):
    result = without_a_browser(site, tmp_path, monkeypatch, require="0")
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "no browser to draw diagrams" in line]
    assert said == [
        "INFO    -  diagrams: no browser to draw diagrams at build time (/nonexistent/chromium is not installed); "
        "this dev build leaves them to Mermaid in the reader's browser. Install chromium "
        "(`make system-packages`) to ship SVG."
    ]
    html = (site.root / "site" / "chapter" / "index.html").read_text(encoding="utf-8")
    assert 'class="mermaid"' in html and "vendor/mermaid.min.js" in html


def test_release_build_without_a_browser_fails(site, tmp_path, monkeypatch):
    result = without_a_browser(site, tmp_path, monkeypatch, require="1")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert any(
        "cannot draw the diagrams at build time (/nonexistent/chromium is not installed)" in e for e in errors(result)
    )
