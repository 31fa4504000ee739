"""What Material's start-up changed on <html> and <body> after the content was parsed, each
change a restyle of the whole page, is set before the content is parsed. The colour palette
is applied by the page's own script as the header is parsed
(overrides/partials/javascripts/palette.html), not by Material's palette component, which
restyled the whole page four times at load: the toggle, the stored choice, Enter and the
system setting work as before, and loading a page sets no transition-suppressing attribute
and no second color-scheme <meta>. The no-js class becomes js in <head> (overrides/main.html)."""

from __future__ import annotations

import pytest

from conftest import LANGUAGES

pytestmark = pytest.mark.browser

STATE = """() => ({
  media: document.body.getAttribute('data-md-color-media'),
  scheme: document.body.getAttribute('data-md-color-scheme'),
  primary: document.body.getAttribute('data-md-color-primary'),
  accent: document.body.getAttribute('data-md-color-accent'),
  shown: [...document.querySelectorAll('label[for^="__palette"]')].map(l => !l.hidden),
  meta: [...document.querySelectorAll('meta[name="color-scheme"]')].map(m => m.content),
})"""

# What happens to <body>'s attributes and the color-scheme <meta> while the page loads,
# and whether the article had been parsed by then (a change after it restyles all of it)
RECORDER = """
window.__paletteChanges = [];
let articleSeen = false;
new MutationObserver(records => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node.nodeType !== 1) continue;
      if (node.tagName === 'ARTICLE' || node.querySelector?.('article')) articleSeen = true;
      if (node.matches('meta[name="color-scheme"]'))
        window.__paletteChanges.push({what: 'meta added', articleSeen});
    }
    const target = record.target;
    const name = record.attributeName;
    if (record.type === 'attributes' && target === document.body && name.startsWith('data-md-color'))
      window.__paletteChanges.push({what: name, value: target.getAttribute(name), articleSeen});
    if (record.type === 'attributes' && target === document.documentElement && record.attributeName === 'class')
      window.__paletteChanges.push({what: 'html class', value: target.className, articleSeen});
    if (record.type === 'attributes' && target.matches?.('meta[name="color-scheme"]'))
      window.__paletteChanges.push({what: 'meta content', articleSeen});
  }
}).observe(document, {childList: true, subtree: true, attributes: true});
"""

SCHEME = {"light": "default", "dark": "slate"}


def new_tab(browser, base_url, system: str):
    context = browser.new_context(color_scheme=system, viewport={"width": 1280, "height": 800})
    return context, context.new_page()


@pytest.mark.parametrize("system", ["light", "dark"])
def test_loading_a_page_restyles_nothing_for_the_palette(browser, base_url, system):
    """Material's component marked <body> data-md-color-switching (matched by a rule on every
    element), added and filled a color-scheme <meta> after the content was parsed: each a
    restyle of the whole page. Now the palette is set before the article is parsed, once."""
    context, tab = new_tab(browser, base_url, system)
    try:
        tab.add_init_script(RECORDER)
        tab.goto(f"{base_url}/glossary/")
        tab.wait_for_load_state("load")
        tab.wait_for_timeout(300)  # Material's bundle has started every component by now
        changes = tab.evaluate("window.__paletteChanges")
        state = tab.evaluate(STATE)
    finally:
        context.close()
    assert state["scheme"] == SCHEME[system]
    assert state["meta"] == [system]
    assert [c for c in changes if c["what"] == "data-md-color-switching"] == []
    assert [c for c in changes if c["articleSeen"] and c["what"] != "html class"] == []
    assert {"what": "data-md-color-scheme", "value": SCHEME[system], "articleSeen": False} in changes or (
        SCHEME[system] == "default"  # the template's own value: nothing to change
    )
    assert len([c for c in changes if c["what"] == "meta added"]) == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_toggle_cycles_system_light_dark_and_is_remembered(browser, base_url, lang):
    context, tab = new_tab(browser, base_url, "dark")
    try:
        tab.goto(f"{base_url}/{LANGUAGES[lang]}autoimmune/lupus/")
        seen = [tab.evaluate(STATE)]
        for _ in range(3):
            tab.locator('label[for^="__palette"]:not([hidden])').click()
            seen.append(tab.evaluate(STATE))
        # the choice (light, after one more click) holds on the next page and after a reload
        tab.locator('label[for^="__palette"]:not([hidden])').click()
        tab.goto(f"{base_url}/{LANGUAGES[lang]}glossary/")
        next_page = tab.evaluate(STATE)
        switching = tab.evaluate("() => document.body.hasAttribute('data-md-color-switching')")
    finally:
        context.close()
    media = [s["media"] for s in seen]
    assert media == [
        "(prefers-color-scheme)",
        "(prefers-color-scheme: light)",
        "(prefers-color-scheme: dark)",
        "(prefers-color-scheme)",
    ]
    # system (dark here), light, dark, system; one toggle shown at a time, the scrollbars follow
    assert [s["scheme"] for s in seen] == ["slate", "default", "slate", "slate"]
    assert [s["shown"] for s in seen] == [
        [True, False, False],
        [False, True, False],
        [False, False, True],
        [True, False, False],
    ]
    assert [s["meta"] for s in seen] == [["dark"], ["light"], ["dark"], ["dark"]]
    assert {(s["primary"], s["accent"]) for s in seen} == {("custom", "deep-orange")}
    assert (next_page["media"], next_page["scheme"], next_page["shown"]) == (
        "(prefers-color-scheme: light)",
        "default",
        [False, True, False],
    )
    assert not switching


def test_enter_on_the_toggle_switches_the_palette(browser, base_url):
    context, tab = new_tab(browser, base_url, "light")
    try:
        tab.goto(f"{base_url}/en/")
        tab.locator("#__palette_0").focus()
        tab.keyboard.press("Enter")
        after = tab.evaluate(STATE)
        focused = tab.evaluate("() => document.activeElement.id")
    finally:
        context.close()
    assert (after["media"], focused) == ("(prefers-color-scheme: light)", "__palette_1")


def test_system_palette_follows_the_system_while_the_page_is_open(browser, base_url):
    context, tab = new_tab(browser, base_url, "light")
    try:
        tab.goto(f"{base_url}/immunology/cytokines/")
        before = tab.evaluate(STATE)
        tab.emulate_media(color_scheme="dark")
        tab.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'", timeout=5000)
        after = tab.evaluate(STATE)
    finally:
        context.close()
    assert (before["scheme"], before["meta"]) == ("default", ["light"])
    assert (after["media"], after["scheme"], after["meta"]) == ("(prefers-color-scheme)", "slate", ["dark"])


def test_the_js_class_is_set_before_the_content_is_parsed(browser, base_url):
    """Material's bundle swaps <html>'s no-js class for js; one of its rules makes that class
    invalidate every element, so it is swapped in <head>, and the bundle's swap changes nothing."""
    context, tab = new_tab(browser, base_url, "light")
    try:
        tab.add_init_script(RECORDER)
        tab.goto(f"{base_url}/en/glossary/")
        tab.wait_for_load_state("load")
        tab.wait_for_timeout(300)
        changes = [c for c in tab.evaluate("window.__paletteChanges") if c["what"] == "html class"]
        classes = tab.evaluate("() => [...document.documentElement.classList]")
    finally:
        context.close()
    assert "js" in classes and "no-js" not in classes
    assert changes and [c for c in changes if c["articleSeen"] and "js" not in c["value"].split()] == []
    first_js = next(c for c in changes if "js" in c["value"].split())
    assert not first_js["articleSeen"]
