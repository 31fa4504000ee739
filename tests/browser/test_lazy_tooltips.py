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


# an abbreviation (English chapter) and a clickable diagram node (Chinese chapter);
# each keeps its mark while shown, and its title afterwards (what screen readers read)
ON_DEMAND = {
    "abbreviation": ("en/immunology/cytokines/", ".md-content abbr[data-preview]"),
    "diagram-node": ("immunology/cytokines/", ".md-content g.node[data-preview]"),
}


@pytest.mark.parametrize("kind", list(ON_DEMAND))
@pytest.mark.parametrize("pointer", ["mouse", "touch"])
def test_hovering_or_tapping_shows_the_tooltip_on_demand(page, base_url, pointer, kind):
    path, selector = ON_DEMAND[kind]
    page.goto(f"{base_url}/{path}")
    element = page.locator(selector).first
    text = element.get_attribute("title")
    # scrolled into view first, and the scroll's event dispatched (it hides the tooltip),
    # so that hover() does not scroll and race the tooltip it shows
    element.scroll_into_view_if_needed()
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    if pointer == "mouse":
        element.hover()
    else:
        element.dispatch_event("pointerover", {"pointerType": "touch"})
    tip = page.locator(".abbr-tooltip.abbr-tooltip--active")
    assert tip.inner_text() == text
    assert element.get_attribute("aria-describedby") == "abbr-tooltip"
    page.keyboard.press("Escape")
    assert page.locator(".abbr-tooltip--active").count() == 0
    assert element.get_attribute("title") == text
