"""axe-core (from npm, injected locally) finds no violations on any page, in
both languages and both palettes; pages fit a 375 px phone."""

from __future__ import annotations

import pytest

from conftest import LANGUAGES, PAGES
from sitebuild import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# every page, and the side-by-side reading view of a few chapters
AUDITED = PAGES + ["parallel/immunology/cytokines/", "parallel/autoimmune/rheumatoid-arthritis/"]
SCHEMES = ["light", "dark"]


@pytest.fixture(scope="module", params=SCHEMES)
def scheme_page(request, browser_context):
    tab = browser_context.new_page()
    tab.emulate_media(color_scheme=request.param)
    yield request.param, tab
    tab.close()


def axe_violations(tab) -> list[str]:
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)"
    )
    return result


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", AUDITED)
def test_no_axe_violations(scheme_page, base_url, lang, path):
    scheme, tab = scheme_page
    tab.goto(f"{base_url}/{LANGUAGES[lang]}{path}")
    # axe audits finished diagrams, not half-drawn ones: the build's diagrams are inline SVG and
    # need nothing; a Mermaid block drawn in the page would be marked data-processed when done
    tab.wait_for_function(
        "() => document.readyState === 'complete' && !document.querySelector("
        "'div.mermaid:not([data-processed]), pre.mermaid:not([data-processed])')"
    )
    palette = tab.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    assert palette == ("slate" if scheme == "dark" else "default")
    assert axe_violations(tab) == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", AUDITED)
def test_no_horizontal_scroll_on_a_phone(browser_context, base_url, lang, path):
    tab = browser_context.new_page()
    tab.set_viewport_size({"width": 375, "height": 740})
    try:
        tab.goto(f"{base_url}/{LANGUAGES[lang]}{path}")
        overflow = tab.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    finally:
        tab.close()
    assert overflow <= 0
