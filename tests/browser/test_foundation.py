"""Foundation behaviour in a real browser (Debian Chromium via Playwright)."""

from __future__ import annotations

import re

import pytest
from languageswitch import switch_language

pytestmark = pytest.mark.browser


# Every chapter, with the id of a section in it (the last heading of the source's text)
CHAPTER_SECTIONS = {
    "abstract/": "introduction",
    "immunology/": "immunological-factors",
    "immunology/t-cells/": "t-cells",
    "immunology/b-cells/": "b-cells",
    "immunology/cytokines/": "il-17",
    "immunology/vitamin-d/": "vitamin-d",
    "autoimmune/": "autoimmune-diseases",
    "autoimmune/rheumatoid-arthritis/": "rheumatoid-arthritis",
    "autoimmune/ankylosing-spondylitis/": "ankylosing-spondylitis",
    "autoimmune/lupus/": "sle",
    "autoimmune/glucocorticoids/": "giop",
    "immunotherapy/": "immunotherapy",
}


@pytest.mark.parametrize("chapter,section", CHAPTER_SECTIONS.items())
def test_switcher_keeps_page_and_section_zh_to_en_and_back(page, base_url, chapter, section):
    page.goto(f"{base_url}/{chapter}#{section}")
    zh_title = page.locator(f"#{section}").inner_text()
    switch_language(page, "en", f"{base_url}/en/{chapter}#{section}", section)
    en_title = page.locator(f"#{section}").inner_text()
    assert en_title != zh_title  # the same section, now in English
    assert not re.search(r"[\u4e00-\u9fff]", en_title)

    # also with a section reached by following the table of contents
    page.locator('.md-sidebar--secondary a.md-nav__link[href="#key-points"]').click()
    switch_language(page, "zh", f"{base_url}/{chapter}#key-points")
    assert page.locator("#key-points").inner_text().startswith("要点")


def test_switcher_is_reachable_by_keyboard(page, base_url):
    page.goto(f"{base_url}/immunology/t-cells/#t-cells")
    link = page.locator('a.md-select__link[hreflang="en"]')
    link.focus()
    with page.expect_navigation(url=f"{base_url}/en/immunology/t-cells/#t-cells", wait_until="commit"):
        page.keyboard.press("Enter")  # matched as it commits, as languageswitch.switch_language does
    assert page.locator("h1#t-cells").inner_text().startswith("1.1")


# Every page loads without a request to another host, a console or page error or a missing
# file: tests/browser/test_security_headers.py checks that in its one pass over every URL.


def test_diagram_is_an_inline_svg(page, base_url):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base_url}/")
    svg_text = page.locator(".diagram svg").first.text_content()
    assert "1.1 T 淋巴细胞" in svg_text
    assert "Syntax error" not in svg_text
    assert errors == []


def test_collapsed_answers_open_with_the_keyboard(page, base_url):
    page.goto(f"{base_url}/immunology/t-cells/#self-check")
    summary = page.locator("details.question > summary").first
    summary.focus()
    assert not page.locator("details.question").first.evaluate("d => d.open")
    page.keyboard.press("Enter")
    assert page.locator("details.question").first.evaluate("d => d.open")


def test_search_opens_and_answers_from_the_keyboard(page, base_url):
    page.goto(f"{base_url}/en/immunology/t-cells/")
    page.keyboard.press("/")  # Material's shortcut focuses the search box
    page.keyboard.type("osteoclast")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    assert page.evaluate("() => document.activeElement.classList.contains('md-search__input')")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => !!document.activeElement.closest('.md-search-result__item')")
