"""How the project starts Debian's Chromium (tests, PDFs, benchmark): one place."""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
# Headless as root on a machine with no outside network: no sandbox, no GPU,
# and none of Chromium's own background connections.
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Material renders Mermaid into a closed shadow root; open it so scripts can see the SVG.
OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  return attach.call(this, Object.assign({}, init, { mode: "open" }));
};
"""

# Resolves when every diagram on the page has an <svg> (or after 30 s) and the
# fonts are in; returns one {drawn, error, text} per diagram, in page order, so
# a failure can name the diagram and show Mermaid's error text.
WAIT_FOR_DIAGRAMS = """
async () => {
  const deadline = Date.now() + 30000;
  const blocks = () => [...document.querySelectorAll("div.mermaid, pre.mermaid")];
  while (Date.now() < deadline) {
    const pending = blocks().filter(b => !(b.shadowRoot && b.shadowRoot.querySelector("svg")));
    if (pending.length === 0) break;
    await new Promise(r => setTimeout(r, 100));
  }
  await document.fonts.ready;
  return blocks().map(b => {
    const svg = b.shadowRoot && b.shadowRoot.querySelector("svg");
    return { drawn: !!svg, text: svg ? svg.textContent : "",
             error: svg ? !!svg.querySelector(".error-icon, .error-text") : false };
  });
}
"""
