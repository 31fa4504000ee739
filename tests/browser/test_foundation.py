"""Foundation behaviour in a real browser (Debian Chromium via Playwright)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import LANGUAGES, PAGES

pytestmark = pytest.mark.browser


def test_switcher_keeps_page_and_section_zh_to_en_and_back(page, base_url):
    page.goto(f"{base_url}/immunology/cytokines/#il-17")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url(f"{base_url}/en/immunology/cytokines/#il-17")
    assert page.locator("#il-17").inner_text().startswith("1.3.1")

    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="zh"]').click()
    page.wait_for_url(f"{base_url}/immunology/cytokines/#il-17")
    assert "IL-17" in page.locator("#il-17").inner_text()


def test_switcher_is_reachable_by_keyboard(page, base_url):
    page.goto(f"{base_url}/immunology/t-cells/#t-cells")
    link = page.locator('a.md-select__link[hreflang="en"]')
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}/en/immunology/t-cells/#t-cells")
    assert page.locator("h1#t-cells").inner_text().startswith("1.1")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_request_leaves_the_local_server(browser_context, base_url, lang):
    """Load every page; any request to another host fails the test."""
    local = urlsplit(base_url).netloc
    foreign: list[str] = []
    tab = browser_context.new_page()
    tab.on("request", lambda r: foreign.append(r.url) if urlsplit(r.url).netloc not in (local, "") else None)
    try:
        for path in PAGES:
            tab.goto(f"{base_url}/{LANGUAGES[lang]}{path}", wait_until="networkidle")
    finally:
        tab.close()
    assert foreign == []


def test_mermaid_diagram_draws_an_svg(page, base_url):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base_url}/")
    page.wait_for_function(
        "() => [...document.querySelectorAll('div.mermaid')].length > 0 &&"
        " [...document.querySelectorAll('div.mermaid')].every(d => d.shadowRoot && d.shadowRoot.querySelector('svg'))",
        timeout=20000,
    )
    svg_text = page.evaluate("() => document.querySelector('div.mermaid').shadowRoot.querySelector('svg').textContent")
    assert "骨免疫学" in svg_text or "免疫" in svg_text
    assert "Syntax error" not in svg_text
    assert errors == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_console_errors_or_missing_files(browser_context, base_url, lang):
    problems: list[str] = []
    tab = browser_context.new_page()
    tab.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    tab.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    tab.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    try:
        for path in PAGES:
            tab.goto(f"{base_url}/{LANGUAGES[lang]}{path}", wait_until="networkidle")
    finally:
        tab.close()
    assert problems == []
