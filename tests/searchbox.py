"""Typing into Material's header search box as a reader does, until results show."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

# Material's search box says "Initializing search" until its worker answers (at once:
# hooks/search_cjk.js), then its placeholder, "Type to start searching" in the page's language
SEARCH_ANSWERED = (
    "() => document.querySelector('.md-search-result__meta').textContent.trim() === JSON.parse("
    "document.getElementById('__config').textContent).translations['search.result.placeholder']"
)


def type_search(tab, query: str, results_shown: Callable[[], object], attempts: int = 5) -> None:
    """Type ``query`` into the search box of the page open in ``tab``; ``results_shown()`` waits
    for the results and raises Playwright's timeout when none show.

    The search worker holds a query typed while it builds its index (hooks/search_cjk.js); on a
    busy machine the results may still take longer than the wait: the query is typed again.
    Material reads the box on keyup, which fill() (like an IME) does not send: End is pressed
    after it."""
    box = tab.locator("input.md-search__input")
    box.click()
    for _attempt in range(attempts):
        box.fill(query)
        box.press("End")
        try:
            results_shown()
            return
        except PlaywrightTimeout:
            continue
    pytest.fail(f"no search results for {query!r} on {tab.url}")
