"""Tooltips are attached on demand (hooks/lazy_tooltips.py), not at load: abbreviations,
diagram nodes and section permalinks."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_every_abbreviation_is_left_out_of_materials_load_time_tooltips(html):
    for lang in ("zh", "en"):
        text = html(lang, "glossary/")
        abbrs = re.findall(r"<abbr\b[^>]*>", text)
        assert len(abbrs) > 100
        assert [a for a in abbrs if "title=" in a and "data-preview" not in a] == []


@pytest.mark.parametrize("path", ["", "glossary/", "immunology/cytokines/", "parallel/immunology/cytokines/"])
def test_no_diagram_node_or_permalink_gets_a_load_time_tooltip(html, path):
    """What Material would mount a tooltip for at load ([title]:not([data-preview]) in the
    content) leaves out every clickable diagram node and every section permalink."""
    from bs4 import BeautifulSoup

    for lang in ("zh", "en"):
        article = BeautifulSoup(html(lang, path), "html.parser").select_one("article")
        nodes = article.select("g.node.clickable")
        permalinks = article.select("a.headerlink")
        assert permalinks, (lang, path)
        mounted = [e for e in article.select("[title]") if not e.has_attr("data-preview")]
        assert [e for e in mounted if e in nodes or e in permalinks] == [], (lang, path)
        assert all(node.has_attr("title") for node in nodes), "a node lost its tooltip text"


@pytest.mark.parametrize("pointer", ["mouse", "touch"])
def test_hovering_or_tapping_an_abbreviation_shows_its_expansion(page, base_url, pointer):
    page.goto(f"{base_url}/en/immunology/cytokines/")
    abbr = page.locator(".md-content abbr[data-preview]").first  # keeps its mark while shown
    expansion = abbr.get_attribute("title")
    if pointer == "mouse":
        abbr.hover()
    else:
        abbr.dispatch_event("pointerover", {"pointerType": "touch"})
    tip = page.locator(".abbr-tooltip.abbr-tooltip--active")
    assert tip.inner_text() == expansion
    assert abbr.get_attribute("aria-describedby") == "abbr-tooltip"
    page.keyboard.press("Escape")
    assert page.locator(".abbr-tooltip--active").count() == 0
    assert abbr.get_attribute("title") == expansion  # screen readers keep the expansion


@pytest.mark.parametrize("pointer", ["mouse", "touch"])
def test_hovering_or_tapping_a_diagram_node_shows_its_tooltip(page, base_url, pointer):
    page.goto(f"{base_url}/immunology/cytokines/")
    node = page.locator(".md-content g.node[data-preview][title]").first
    text = node.get_attribute("title")
    if pointer == "mouse":
        node.hover()
    else:
        node.dispatch_event("pointerover", {"pointerType": "touch"})
    tip = page.locator(".abbr-tooltip.abbr-tooltip--active")
    assert tip.inner_text() == text
    page.keyboard.press("Escape")
    assert page.locator(".abbr-tooltip--active").count() == 0
    assert node.get_attribute("title") == text
