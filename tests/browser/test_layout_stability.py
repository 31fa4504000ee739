"""Nothing in the content moves after it is first drawn (Lighthouse's layout shift): what the
page scripts add at load takes its place before the first paint."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# every layout shift of an element inside the article, with the element's class
SHIFTS = """() => new Promise(done => {
  const found = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries())
      for (const source of entry.sources)
        if (source.node && source.node.closest && source.node.closest("article"))
          found.push([source.node.className || source.node.nodeName, entry.value]);
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => done(found), 500);
})"""


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", ["glossary/", "en/glossary/"])
def test_the_glossary_filter_does_not_push_the_entries_down(browser, base_url, path, width):
    """The filter box is hidden without JavaScript (it could not filter); shown when the script
    starts at DOMContentLoaded, it moved every entry down by its height after the first paint."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{base_url}/{path}", wait_until="load")
    assert page.locator(".glossary-filter").is_visible()
    assert page.evaluate(SHIFTS) == []
    context.close()
