"""axe-core (from npm, injected locally) finds no violations on any page, in
both languages and both palettes. (That every page fits a 375 px phone is checked in
tests/browser/test_security_headers.py's one pass over every URL.)"""

from __future__ import annotations

import functools

import pytest

from conftest import LANGUAGES, PAGES
from sitebuild import ROOT, SiteServer

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


@functools.cache
def axe_url() -> str:
    """axe.min.js's address on a loopback server of its own, started once per process. A script
    loaded by URL is compiled once and taken from Chromium's code cache on every later page; the
    inline copy add_script_tag(path=...) makes is compiled afresh on each (0.1 s of CPU more a page)."""
    return SiteServer(AXE.parent).start().url + AXE.name


def add_axe(tab) -> None:
    tab.add_script_tag(url=axe_url())


def axe_violations(tab) -> list[str]:
    add_axe(tab)
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
