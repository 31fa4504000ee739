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


def test_a_figure_off_screen_is_drawn_only_when_it_comes_near(browser, base_url):
    """Off screen, a figure's hundreds of SVG elements are neither styled nor laid out
    (content-visibility: auto, diagrams.css); scrolled to, it is there; printed, always."""
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{base_url}/parallel/immunology/cytokines/", wait_until="load")
    last = page.locator(".diagram svg").last
    skipped = "svg => !svg.checkVisibility({ contentVisibilityAuto: true })"
    assert last.evaluate(skipped)
    last.scroll_into_view_if_needed()
    page.wait_for_function("svg => svg.checkVisibility({ contentVisibilityAuto: true })", arg=last.element_handle())
    assert last.bounding_box()["height"] > 100
    page.emulate_media(media="print")
    assert page.locator(".diagram").first.evaluate("d => getComputedStyle(d).contentVisibility") == "visible"
    context.close()
