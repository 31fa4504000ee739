"""axe-core (from npm, injected locally) finds no violations on any page, in
both languages and both palettes; on the same loads, at 1280 px, no arrow of a figure
is drawn through a box (tests/figurelayout.py). (That every page fits a 375 px phone is
checked in tests/browser/test_security_headers.py's one pass over every URL.)"""

from __future__ import annotations

import functools

import pytest
from figurelayout import edges_through_boxes
from searchbox import SEARCH_ANSWERED

from conftest import DIAGRAM_PAGES, LANGUAGES, PAGES
from sitebuild import ROOT, SiteServer

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# every page, and the side-by-side reading view of a few chapters
AUDITED = PAGES + ["parallel/immunology/cytokines/", "parallel/autoimmune/rheumatoid-arthritis/"]
# the system's colour scheme, and the palette the site's "system" palette then shows (the default)
PALETTES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="module")
def audit_tab(browser_context):
    tab = browser_context.new_page()
    yield tab
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
    return audit(tab)[0]


def audit(tab, rules: list[str] | None = None) -> tuple[list[str], list[str]]:
    """axe's violations on the page as it is now (axe added to it before), and the rules it ran
    that judge colours (axe's tag "cat.color"); with ``rules``, only those rules run."""
    return tab.evaluate(
        """async rules => {
          const options = {resultTypes: ['violations']};
          if (rules) options.runOnly = {type: 'rule', values: rules};
          const result = await axe.run(document, options);
          const ran = [...result.passes, ...result.violations, ...result.incomplete, ...result.inapplicable];
          return [
            result.violations.map(v =>
              `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`),
            ran.filter(rule => rule.tags.includes('cat.color')).map(rule => rule.id),
          ];
        }""",
        rules,
    )


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", AUDITED)
def test_no_axe_violations_in_either_palette(audit_tab, base_url, lang, path):
    """The page loaded with a light system setting, then the system switched to dark while it is
    open: the palette script follows it with the very function that applies the palette at load
    (overrides/partials/javascripts/palette.html: attributes, labels, color-scheme <meta>), so the
    page is then as one loaded dark, and one load serves both audits."""
    tab = audit_tab
    tab.emulate_media(color_scheme="light")
    tab.goto(f"{base_url}/{LANGUAGES[lang]}{path}")
    # axe audits finished diagrams, not half-drawn ones: the build's diagrams are inline SVG and
    # need nothing; a Mermaid block drawn in the page would be marked data-processed when done
    tab.wait_for_function(
        "() => document.readyState === 'complete' && !document.querySelector("
        "'div.mermaid:not([data-processed]), pre.mermaid:not([data-processed])')"
    )
    tab.wait_for_function(SEARCH_ANSWERED)  # a settled page: its search box's text changes once more
    if path in DIAGRAM_PAGES:
        assert edges_through_boxes(tab) == []
    add_axe(tab)
    # The palette changes colours only: the palette script sets <body>'s colour attributes and the
    # color-scheme <meta>, and the stylesheets' dark rules set colours. So the page's elements, names
    # and roles are the light audit's, and the dark one runs the rules that judge colours (those of
    # the light audit's rules tagged cat.color: contrast, links told apart from text), which makes
    # it 0.3-0.4 s of CPU a page cheaper than a whole second audit. That the elements are the same
    # is checked: <body>'s content is the same string in both palettes.
    tab.evaluate("() => { window.__lightBody = document.body.innerHTML }")
    found, colour_rules = {}, None
    for scheme, palette in PALETTES.items():
        tab.emulate_media(color_scheme=scheme)
        # switched, and its transitions-off marker gone (removed on the next task)
        tab.wait_for_function(
            "palette => document.body.getAttribute('data-md-color-scheme') === palette"
            " && !document.body.hasAttribute('data-md-color-switching')",
            arg=palette,
        )
        meta = tab.evaluate("() => document.querySelector('meta[name=color-scheme]').content")
        assert meta == ("dark" if scheme == "dark" else "light"), scheme
        if colour_rules is None:
            found[scheme], colour_rules = audit(tab)
        else:
            assert tab.evaluate("() => document.body.innerHTML === window.__lightBody"), "the page changed"
            found[scheme], _ = audit(tab, colour_rules)
    assert "color-contrast" in colour_rules
    assert found == {"light": [], "dark": []}
