"""Tooltips are attached on demand (hooks/lazy_tooltips.py), not at load: abbreviations,
diagram nodes, section permalinks, glossary and citation links."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


@pytest.mark.parametrize("path", ["", "glossary/", "immunology/cytokines/", "parallel/immunology/cytokines/"])
def test_material_mounts_no_content_tooltip_at_load(html, path):
    """Material's content.tooltips mounts a tooltip for every titled element of the content
    at load (a chapter's glossary and citation links); it is off on every page."""
    import json

    for lang in ("zh", "en"):
        features = json.loads(CONFIG.search(html(lang, path)).group(1))["features"]
        assert "content.code.copy" in features, (lang, path)
        assert "content.tooltips" not in features, (lang, path)


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


# links keep their title (the accessible description, the tooltip without JavaScript);
# the shared tooltip shows it on hover and on keyboard focus, Material's never appears
LINKS = {
    # (a link around an abbreviation shows the abbreviation's title under the pointer)
    "glossary-link": ("immunology/cytokines/", ".md-content a.glossary-link[title]:not(:has([title]))"),
    "citation-link": ("en/immunology/cytokines/", ".md-content sup.citation a[title]"),
}


@pytest.mark.parametrize("kind", list(LINKS))
@pytest.mark.parametrize("how", ["hover", "focus"])
def test_a_link_shows_its_title_in_the_shared_tooltip(page, base_url, how, kind):
    path, selector = LINKS[kind]
    page.goto(f"{base_url}/{path}")
    # found again by its address: a locator by [title] would move on to the next link
    # once the shown tooltip has taken this one's title
    href = page.locator(selector).first.get_attribute("href")
    link = page.locator(f'.md-content a[href="{href}"]').first
    text = link.get_attribute("title")
    assert text
    link.scroll_into_view_if_needed()
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    if how == "hover":
        link.hover()
    else:
        link.focus()
    tip = page.locator(".abbr-tooltip.abbr-tooltip--active")
    assert tip.inner_text() == text
    assert link.get_attribute("aria-describedby") == "abbr-tooltip"
    # Material's tooltip (it would show after 250 ms) stays away
    page.wait_for_timeout(400)
    assert page.locator(".md-tooltip2").count() == 0
    page.keyboard.press("Escape")
    assert page.locator(".abbr-tooltip--active").count() == 0
    assert link.get_attribute("title") == text


def test_a_focused_diagram_node_link_shows_its_node_s_title(page, base_url):
    # Mermaid puts the title on the node's group inside the link that takes the keyboard focus
    page.goto(f"{base_url}/immunology/cytokines/")
    node = page.locator(".md-content svg a > g.node[data-preview][title]").first
    text = node.get_attribute("title")
    node.scroll_into_view_if_needed()
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.evaluate("node => node.parentElement.focus()", node.element_handle())
    tip = page.locator(".abbr-tooltip.abbr-tooltip--active")
    assert tip.inner_text() == text
    page.keyboard.press("Escape")
    assert page.locator(".abbr-tooltip--active").count() == 0
    assert node.get_attribute("title") == text
