"""Switching language with the header's selector as a reader does, and seeing where it led."""

from __future__ import annotations


def switch_language(tab, lang: str, expected_url: str, section: str | None = None) -> None:
    """Open the selector, click ``lang``'s link, and wait until the browser has navigated to
    ``expected_url`` (with its #section).

    The URL is matched as the navigation commits, before the new page's scripts run: Material's
    navigation.tracking then rewrites the hash to the heading it finds at the top, which on a short
    page (the English abstract, scrolled to its end) is a later one, and on a loaded machine it did
    so before a later look at the URL. With ``section``, the URL names it when the reader clicks:
    tracking drops the hash of a heading its table of contents does not list (a chapter's h1) once
    the page scrolls at all."""
    tab.locator(".md-header__option .md-select").first.hover()
    if section:
        tab.evaluate("id => history.replaceState(history.state, '', '#' + id)", section)
    with tab.expect_navigation(url=expected_url, wait_until="commit"):
        tab.locator(f'a.md-select__link[hreflang="{lang}"]').first.click()
