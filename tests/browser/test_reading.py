"""Reading aids on a phone (375 px, touch) and a desktop (1280 px): citation
popovers, the glossary's landing, highlight and filter, glossary search results."""

from __future__ import annotations

import pytest
from test_search import search

from conftest import PHONE, lent_tab

pytestmark = pytest.mark.browser

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
CHAPTER = "immunology/t-cells/"


@pytest.fixture(params=["phone", "desktop"])
def tab(request, device_context, kept_tab):
    with lent_tab(device_context(**(PHONE if request.param == "phone" else DESKTOP)), kept_tab) as page:
        page.device = request.param
        yield page


def activate(page, locator):
    if page.device == "phone":
        locator.tap()
    else:
        locator.click()


POPOVER = ".citation-popover"


@pytest.mark.parametrize("lang_root", ["", "en/"])
def test_citation_opens_a_popover_in_place_and_escape_returns_focus(tab, base_url, lang_root):
    tab.goto(f"{base_url}/{lang_root}{CHAPTER}")
    link = tab.locator("sup.citation a").nth(2)
    link.scroll_into_view_if_needed()
    activate(tab, link)
    popover = tab.locator(POPOVER)
    popover.wait_for(state="visible")
    assert tab.evaluate("location.hash") == ""  # stayed in place
    number = link.inner_text().strip()
    text = popover.inner_text()
    claim_word = "支持的论述" if not lang_root else "Claim it supports"
    assert f"[{number}]" in text and claim_word in text
    full = popover.locator("a", has_text="参考文献页" if not lang_root else "references page")
    assert full.get_attribute("href").endswith(f"references/#ref-{number}")
    assert tab.evaluate("document.activeElement.classList.contains('citation-popover')")
    tab.keyboard.press("Escape")
    popover.wait_for(state="hidden")
    assert tab.evaluate("document.activeElement === document.querySelectorAll('sup.citation a')[2]")


def test_a_tap_outside_closes_the_popover(tab, base_url):
    tab.goto(f"{base_url}/{CHAPTER}")
    link = tab.locator("sup.citation a").first
    link.scroll_into_view_if_needed()
    activate(tab, link)
    tab.locator(POPOVER).wait_for(state="visible")
    heading = tab.locator("h1").first
    heading.scroll_into_view_if_needed()
    activate(tab, heading)
    tab.locator(POPOVER).wait_for(state="hidden")


def test_identified_reference_popover_shows_its_doi_and_status(tab, base_url):
    tab.goto(f"{base_url}/{CHAPTER}")
    link = tab.locator("sup.citation a[href$='#ref-12']").first
    link.scroll_into_view_if_needed()
    activate(tab, link)
    popover = tab.locator(POPOVER)
    popover.wait_for(state="visible")
    assert popover.locator("a[href='https://doi.org/10.1038/nature10160']").count() == 1
    assert "把握较大" in popover.inner_text() and "未与原文参考文献列表核对" in popover.inner_text()


def test_citation_targets_are_at_least_24_px(tab, base_url):
    tab.goto(f"{base_url}/immunology/cytokines/")
    sizes = tab.eval_on_selector_all(
        "sup.citation a",
        "links => links.map(a => { const r = a.getBoundingClientRect(); return [a.textContent, r.width, r.height]; })",
    )
    assert sizes and all(w >= 24 and h >= 24 for _, w, h in sizes), [s for s in sizes if s[1] < 24 or s[2] < 24]


@pytest.mark.parametrize("lang_root", ["", "en/"])
def test_a_citation_marker_never_breaks_across_lines(tab, base_url, lang_root):
    # "[16]" is one piece of text: its brackets stay on the line of the number (the link is an
    # inline-block for its 24 px target, which would otherwise allow a break beside it)
    tab.goto(f"{base_url}/{lang_root}immunology/cytokines/")
    broken = tab.eval_on_selector_all(
        "sup.citation",
        "sups => sups.filter(s => s.getClientRects().length > 1).map(s => s.id + ' ' + s.textContent)",
    )
    assert tab.locator("sup.citation").count() > 0
    assert broken == []


@pytest.mark.parametrize("lang_root", ["", "en/"])
def test_landing_on_a_glossary_entry_shows_and_highlights_it(tab, base_url, lang_root):
    tab.goto(f"{base_url}/{lang_root}glossary/#osteoclast")
    tab.wait_for_timeout(300)
    state = tab.evaluate(
        """() => {
          const heading = document.getElementById("osteoclast");
          const entry = heading.closest(".glossary-entry");
          const other = document.getElementById("osteoblast").closest(".glossary-entry");
          const top = heading.getBoundingClientRect().top;
          // what is drawn at the heading's first line: the heading, not the header or the jump bar
          const probe = document.elementFromPoint(heading.getBoundingClientRect().left + 4, top + 4);
          return {
            top, height: innerHeight,
            covered: !heading.contains(probe),
            entry: getComputedStyle(entry).backgroundColor,
            other: getComputedStyle(other).backgroundColor,
          };
        }"""
    )
    assert 0 <= state["top"] < state["height"] / 2, state
    assert not state["covered"], state
    assert state["entry"] != state["other"], state


def test_glossary_filter_by_pinyin_english_or_abbreviation(tab, base_url):
    tab.goto(f"{base_url}/glossary/")
    box = tab.locator("#glossary-filter-input")
    for query, expected in [("poguxibao", "osteoclast"), ("osteoclast", "osteoclast"), ("RANKL", "rankl")]:
        box.fill(query)
        visible = tab.eval_on_selector_all(
            ".glossary-entry:not([hidden]) h3", "hs => hs.filter(h => h.offsetParent).map(h => h.id)"
        )
        assert expected in visible and 0 < len(visible) < 10, (query, visible)
        assert tab.locator(".glossary-filter__status").inner_text().startswith("显示")
    box.fill("zzzzqqq")
    assert tab.locator(".glossary-entry:not([hidden])").count() == 0
    assert tab.locator(".glossary-filter__status").inner_text() == "没有匹配的术语"
    assert tab.locator(".glossary-group:not([hidden])").count() == 0
    box.fill("")
    assert tab.locator(".glossary-entry[hidden]").count() == 0


@pytest.mark.parametrize(("lang_root", "term"), [("", "破骨细胞前体"), ("en/", "osteoclast precursor")])
def test_a_glossary_entry_is_its_own_search_result_landing_on_the_entry(page, base_url, lang_root, term):
    results = search(page, f"{base_url}/{lang_root}immunology/cytokines/", term)
    paths = [r["path"] for r in results]
    assert f"/{lang_root}glossary/" in paths, paths
    result = page.locator(".md-search-result__link[href*='glossary/'][href$='#osteoclast-precursor']").first
    result.click()
    page.wait_for_url("**/glossary/**#osteoclast-precursor")
    highlighted = page.evaluate(
        "() => getComputedStyle(document.getElementById('osteoclast-precursor').closest('.glossary-entry'))"
        ".backgroundColor"
    )
    assert highlighted not in ("rgba(0, 0, 0, 0)", "transparent"), highlighted


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_popover_and_filtered_glossary_have_no_axe_violations(device_context, kept_tab, base_url, scheme):
    from test_accessibility import axe_violations

    with lent_tab(device_context(color_scheme=scheme, **PHONE), kept_tab) as tab:
        tab.goto(f"{base_url}/{CHAPTER}")
        link = tab.locator("sup.citation a[href$='#ref-12']").first
        link.scroll_into_view_if_needed()
        link.tap()
        tab.locator(POPOVER).wait_for(state="visible")
        assert axe_violations(tab) == []
        tab.goto(f"{base_url}/en/glossary/#rankl")
        tab.locator("#glossary-filter-input").fill("rank")
        assert axe_violations(tab) == []
