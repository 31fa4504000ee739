"""Diagrams are readable: no arrow is drawn through a box it does not connect
(issue #17: Figure 1 drew the 2 → 2.4 arrow through box 3), at desktop and phone widths."""

from __future__ import annotations

import pytest

from conftest import DIAGRAM_PAGES, LANGUAGES

pytestmark = pytest.mark.browser

# For every diagram (in a shadow root or inline), sample each drawn edge every 2 px
# and report the boxes of other nodes that a sample falls inside (2 px inset).
EDGES_THROUGH_NODES = """
() => {
  const svgs = [...document.querySelectorAll("div.mermaid, pre.mermaid, .mermaid")]
    .map(b => (b.shadowRoot && b.shadowRoot.querySelector("svg")) || b.querySelector("svg"))
    .filter(Boolean);
  const found = [];
  svgs.forEach((svg, index) => {
    const nodes = [...svg.querySelectorAll("g.node")].map(g => {
      const m = g.id.match(/flowchart-(.+)-\\d+$/);
      return { id: m ? m[1] : g.id, rect: g.getBoundingClientRect(), text: g.textContent.trim() };
    }).filter(n => n.text);
    for (const path of svg.querySelectorAll("g.edgePaths path, path.flowchart-link")) {
      const m = path.id.match(/L_([^_]+)_([^_]+)_\\d+$/);
      if (!m || getComputedStyle(path).stroke === "none" || /invisible/.test(path.getAttribute("class"))) continue;
      const [, from, to] = m;
      const ctm = path.getScreenCTM();
      const length = path.getTotalLength();
      const hit = new Set();
      for (let at = 0; at <= length; at += 2) {
        const p = path.getPointAtLength(at).matrixTransform(ctm);
        for (const n of nodes) {
          if (n.id === from || n.id === to) continue;
          const r = n.rect;
          if (p.x > r.left + 2 && p.x < r.right - 2 && p.y > r.top + 2 && p.y < r.bottom - 2) hit.add(n.id);
        }
      }
      hit.forEach(id => found.push(`figure ${index + 1}: edge ${from} → ${to} crosses node ${id}`));
    }
  });
  return found;
}
"""


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("path", DIAGRAM_PAGES)
def test_no_edge_is_drawn_through_a_box(browser_context, base_url, path, width):
    page = browser_context.new_page()
    found = []
    try:
        page.set_viewport_size({"width": width, "height": 900})
        for prefix in LANGUAGES.values():
            page.goto(f"{base_url}/{prefix}{path}")
            assert page.locator(".diagram svg").count(), f"/{prefix}{path}: no diagram"
            found += [f"/{prefix}{path} {message}" for message in page.evaluate(EDGES_THROUGH_NODES)]
    finally:
        page.close()
    assert found == []
