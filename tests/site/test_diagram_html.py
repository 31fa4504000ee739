"""Every diagram is in the built HTML as an inline SVG with its text alternative."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES, PAGES
from sitebuild import ROOT
from sitecheck.parity import mermaid_blocks

SUFFIX = {"zh": ".md", "en": ".en.md"}


def source(page: str, lang: str) -> str:
    name = page.rstrip("/") or "index"
    path = ROOT / "docs" / (name + SUFFIX[lang])
    if not path.is_file():
        path = ROOT / "docs" / name / ("index" + SUFFIX[lang])
    return path.read_text(encoding="utf-8")


def alternative(body: str, keyword: str) -> str:
    return re.search(rf"^\s*{keyword}:\s*(.+)$", body, re.M).group(1).strip()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_diagram_is_an_inline_svg_with_title_and_desc(html, lang, page):
    blocks = mermaid_blocks(source(page, lang))
    soup = BeautifulSoup(html(lang, page), "html.parser")
    svgs = soup.select("div.diagram > svg")
    assert len(svgs) == len(blocks), f"{lang} /{page}: {len(svgs)} SVG for {len(blocks)} diagrams"
    for svg, (_line, body) in zip(svgs, blocks, strict=True):
        title, desc = svg.find("title"), svg.find("desc")
        assert title is not None and desc is not None
        assert title.get_text() == alternative(body, "accTitle")
        assert desc.get_text() == alternative(body, "accDescr")
        assert svg["aria-labelledby"] == title["id"] and svg["aria-describedby"] == desc["id"]
        assert svg["role"] in ("img", "graphics-document document")
        # vector, coloured by the palette's custom properties (diagrams.css)
        assert svg.get("viewbox") and "var(--diagram-text)" in svg.find("style").get_text()


def test_every_built_page_s_figures_are_svg_with_a_text_alternative(site_dir):
    """Also the generated pages (the parallel views carry both languages' figures): no fence is
    left to Mermaid, and every figure has its accessible name and description."""
    found, problems = 0, []
    for path in sorted(site_dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if "diagram" not in text:
            continue
        name = path.relative_to(site_dir).as_posix()
        soup = BeautifulSoup(text, "html.parser")
        problems += [f"{name}: a Mermaid fence is left to the browser" for _ in soup.select("pre.mermaid")]
        for box in soup.select("div.diagram"):
            found += 1
            svg = box.find("svg", recursive=False)
            title, desc = (svg.find("title"), svg.find("desc")) if svg else (None, None)
            if not (title and desc and title.get_text().strip() and desc.get_text().strip()):
                problems.append(f"{name}: a figure without its SVG, title or description")
            elif (svg.get("aria-labelledby"), svg.get("aria-describedby")) != (title.get("id"), desc.get("id")):
                problems.append(f"{name}: {svg.get('id')} is not named and described by its title and desc")
    assert problems == []
    own = sum(len(mermaid_blocks(source(page, lang))) for page in PAGES for lang in LANGUAGES)
    assert found > own > 0  # the pages' own figures and the generated pages' copies


def test_site_ships_no_mermaid(site_dir):
    assert not (site_dir / "assets/javascripts/vendor/mermaid.min.js").exists()
    offenders = [
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*.html")
        if "mermaid.min.js" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_diagram_ids_are_unique_on_the_parallel_view(html):
    for lang in LANGUAGES:
        text = html(lang, "parallel/immunology/cytokines/")
        ids = re.findall(r'<svg id="([^"]+)"', text)
        assert len(ids) == 4 and len(set(ids)) == 4
