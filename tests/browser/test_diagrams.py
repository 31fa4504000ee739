"""The build's diagrams in a browser: there without JavaScript, legible in both
palettes (also after switching on the page), links that go where they say."""

from __future__ import annotations

import pytest
from test_accessibility import add_axe

from conftest import DIAGRAM_PAGES, LANGUAGES, PARALLEL_DIAGRAM_PAGE, PHONE, lent_tab
from sitecheck.diagrams import MIN_SCALE

pytestmark = pytest.mark.browser

# one label of Figure 1 per language: the labels are the page's language
HOME_LABEL = {"zh": "1.2 B 淋巴细胞", "en": "1.2 B lymphocytes"}

LABELS = """
() => [...document.querySelectorAll('.diagram svg')].map(svg => {
  const box = svg.getBoundingClientRect();
  // an invisible spacer node (no fill, no stroke, no text) only steers the layout (Figure 1)
  const spacer = l => !l.textContent.trim()
    && /fill: ?none/.test(l.closest('g.node')?.querySelector('.label-container')?.getAttribute('style') || '');
  const labels = [...svg.querySelectorAll('.nodeLabel')].filter(l => !spacer(l)).map(l => {
    const r = l.getBoundingClientRect();
    return { text: l.textContent.trim(), visible: r.width > 0 && r.height > 0 };
  });
  return { width: box.width, height: box.height, labels };
})
"""

# One figure at a time, scrolled fully into view (axe cannot tell the
# background of a line of text outside the viewport). A two-line label of which
# only one line lies inside the bounding box of the edges' group is
# "incomplete" for axe (elmPartiallyObscuring): its text stands on its own
# opaque background (diagrams.css), so axe's colour functions measure that pair.
CONTRAST = """
async () => {
  const out = { violations: [], undecided: [], passed: 0 };
  const { Color, getContrast } = axe.commons.color;
  const parse = css => { const c = new Color(); c.parseString(css); return c; };
  for (const figure of document.querySelectorAll('.diagram')) {
    figure.scrollIntoView({ block: 'center' });  // clear of the sticky header
    const r = await axe.run(figure, { runOnly: ['color-contrast'] });
    out.violations.push(...r.violations.flatMap(v => v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)));
    out.passed += r.passes.reduce((n, v) => n + v.nodes.length, 0);
    for (const node of r.incomplete.flatMap(v => v.nodes)) {
      const label = document.querySelector(node.target.join(' '));
      const style = getComputedStyle(label);
      const background = parse(style.backgroundColor);
      if (background.alpha < 1) { out.undecided.push(node.target.join(' ')); continue; }
      const ratio = getContrast(background, parse(style.color));
      if (ratio < 4.5) out.violations.push(node.target.join(' ') + ': contrast ' + ratio.toFixed(2));
      else out.passed += 1;
    }
  }
  return out;
}
"""


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", [*DIAGRAM_PAGES, PARALLEL_DIAGRAM_PAGE])
def test_figures_and_labels_show_without_javascript(page, base_url, lang, path):
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setScriptExecutionDisabled", {"value": True})
    page.goto(f"{base_url}/{LANGUAGES[lang]}{path}")
    assert page.evaluate("() => document.querySelectorAll('script').length > 0")  # scripts there, not run
    figures = page.evaluate(LABELS)
    assert figures, "no diagram"
    for figure in figures:
        assert figure["width"] > 200 and figure["height"] > 100
        assert len(figure["labels"]) >= 3
        assert all(label["text"] and label["visible"] for label in figure["labels"])
    if path == "":
        assert HOME_LABEL[lang] in [label["text"] for label in figures[0]["labels"]]
    cdp.detach()


# Each figure on a phone, once scrolled to (content-visibility: auto lays a figure out only near
# the viewport): its scale, how far its left edge is inside its box, and how far its right edge is
# inside the box scrolled to its end. The box's paint containment clips what overflows it, so a
# wide figure in a box that does not scroll is cut off while the page still fits the screen.
ON_A_PHONE = """
async () => {
  const figures = [];
  for (const box of document.querySelectorAll('.diagram')) {
    box.scrollIntoView({ block: 'center' });
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    const svg = box.querySelector('svg');
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const start = svg.getBoundingClientRect().left - box.getBoundingClientRect().left;
    box.scrollLeft = box.scrollWidth;
    const end = box.getBoundingClientRect().right - svg.getBoundingClientRect().right;
    box.scrollLeft = 0;
    figures.push({ id: svg.id, scale, start, end });
  }
  return { figures, overflow: document.scrollingElement.scrollWidth - innerWidth };
}
"""


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", [*DIAGRAM_PAGES, PARALLEL_DIAGRAM_PAGE])
def test_a_wide_figure_scales_then_scrolls_in_its_own_box_on_a_phone(device_context, kept_tab, base_url, lang, path):
    """On a 375 px phone a figure is drawn at MIN_SCALE of its size at least (labels >= 12 px)
    and all of it can be seen: inside its box, or by scrolling the box; the page never scrolls
    sideways, also with every figure laid out."""
    with lent_tab(device_context(**PHONE), kept_tab) as tab:
        tab.goto(f"{base_url}/{LANGUAGES[lang]}{path}")
        result = tab.evaluate(ON_A_PHONE)
    assert result["figures"], "no figure"
    for figure in result["figures"]:
        assert figure["scale"] >= MIN_SCALE - 0.005, figure  # min-width is rounded to whole pixels
        assert figure["start"] >= -1 and figure["end"] >= -1, f"{figure['id']} is cut off: {figure}"
    assert result["overflow"] <= 0


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("path", "switch"),
    [
        *((path, "dark from the start") for path in ("", "immunology/cytokines/", "autoimmune/glucocorticoids/")),
        # the toggle on one page per language: what it changes is the palette, the same on every page
        ("immunology/cytokines/", "switched with the toggle"),
    ],
)
def test_svg_text_contrast_in_dark_palette(page, browser, base_url, lang, path, switch):
    if switch == "switched with the toggle":
        # the toggle remembers the reader's choice (localStorage): a context of its own
        context = browser.new_context(color_scheme="light")
        page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 1700})  # the tallest figure (1342 px) fits
    page.emulate_media(color_scheme="dark" if switch == "dark from the start" else "light")
    page.goto(f"{base_url}/{LANGUAGES[lang]}{path}")
    label_color = "() => getComputedStyle(document.querySelector('.diagram .nodeLabel')).color"
    light_color = page.evaluate(label_color)
    try:
        if switch == "switched with the toggle":
            # the header's palette toggle, as a reader clicks it: system (light here) -> light -> dark
            for _ in range(2):
                page.locator('label[for^="__palette"]:not([hidden])').click()
            assert page.evaluate(label_color) != light_color
        assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "slate"
        add_axe(page)
        result = page.evaluate(CONTRAST)
    finally:
        if switch == "switched with the toggle":
            context.close()
    assert result["violations"] == []
    assert result["undecided"] == []
    assert result["passed"] >= 5  # the labels were checked, not skipped


# What a printed figure is drawn in: its labels, boxes, arrows and edge labels, and the paper
PRINTED_COLOURS = """
() => {
  const svg = document.querySelector('.diagram svg');
  const style = selector => getComputedStyle(svg.querySelector(selector));
  return {
    label: [style('.nodeLabel').color, style('.nodeLabel').backgroundColor],
    box: [style('g.node rect').fill, style('g.node rect').stroke],
    arrow: [style('.flowchart-link').stroke, style('marker path').fill],
    edgeLabel: [style('.edgeLabel p').color, style('.edgeLabel').backgroundColor],
    paper: getComputedStyle(document.body).backgroundColor,
  };
}
"""


def test_a_figure_prints_in_the_light_colours_from_the_dark_palette(page, base_url):
    """Printed from the browser (issue #17), the page is black on white in either palette; its
    figures too, not dark boxes with pale arrows (#aab4b8 on white) on the white paper."""
    printed, schemes = {}, {}
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme, media="print")
        page.goto(f"{base_url}/en/immunology/cytokines/")
        schemes[scheme] = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
        printed[scheme] = page.evaluate(PRINTED_COLOURS)
    assert schemes == {"light": "default", "dark": "slate"}
    assert printed["light"]["paper"] == "rgb(255, 255, 255)"
    assert printed["dark"] == printed["light"]


def test_diagram_link_opens_its_section(page, base_url):
    page.goto(f"{base_url}/en/")
    page.locator(".diagram svg a", has_text="1.3 Cytokines").first.click()
    page.wait_for_url(f"{base_url}/en/immunology/cytokines/")
    page.goto(f"{base_url}/immunology/cytokines/")
    link = page.locator(".diagram svg a").first
    assert not link.get_attribute("xlink:href").startswith("/")  # relative: survives sub-path hosting
