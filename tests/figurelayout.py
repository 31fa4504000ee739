"""Diagrams are readable: no arrow is drawn through a box it does not connect
(issue #17: Figure 1 drew the 2 → 2.4 arrow through box 3). Checked on every page that
has figures, in both languages, on the loads of the site's two passes over every page:
at 1280 px in tests/browser/test_accessibility.py, at 375 px in the crawl of
tests/browser/test_security_headers.py."""

from __future__ import annotations

# For every diagram (the build's inline SVG in div.diagram), sample each drawn edge every
# 2 px and report the boxes of other nodes that a sample falls inside (2 px inset).
EDGES_THROUGH_NODES = """
() => {
  const svgs = [...document.querySelectorAll(".diagram")].map(d => d.querySelector("svg")).filter(Boolean);
  const found = [];
  let edges = 0;
  svgs.forEach((svg, index) => {
    const nodes = [...svg.querySelectorAll("g.node")].map(g => {
      const m = g.id.match(/flowchart-(.+)-\\d+$/);
      return { id: m ? m[1] : g.id, rect: g.getBoundingClientRect(), text: g.textContent.trim() };
    }).filter(n => n.text);
    for (const path of svg.querySelectorAll("g.edgePaths path, path.flowchart-link")) {
      const m = path.id.match(/L_([^_]+)_([^_]+)_\\d+$/);
      if (!m || getComputedStyle(path).stroke === "none" || /invisible/.test(path.getAttribute("class"))) continue;
      const [, from, to] = m;
      edges += 1;
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
  return { edges, found };
}
"""


def edges_through_boxes(tab) -> list[str]:
    """Every edge drawn through a box it does not connect on the page open in ``tab``, a page
    with figures (one with no edge to check is reported: the check must see the figures)."""
    result = tab.evaluate(EDGES_THROUGH_NODES)
    return result["found"] if result["edges"] else ["no edge of a figure found to check"]
