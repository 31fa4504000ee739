"""Diagrams drawn at build time: pure functions over the page's HTML and Mermaid's SVG.

mkdocs-mermaid2's fence writes ``<pre class="mermaid"><code>SOURCE</code></pre>``
(the source as written, unescaped). hooks/diagrams.py has each block drawn by
Mermaid in Chromium; these functions find the blocks, name a render by what
determines it, and turn Mermaid's SVG into the figure the page ships: colours
that follow the reader's palette, a stable accessible name, a size that fits
a phone. No MkDocs and no browser here.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from sitecheck.findings import Finding
from sitecheck.templates import fragment

FENCE_RE = re.compile(r'<pre[^>]*\bclass="mermaid"[^>]*><code>(.*?)</code></pre>', re.S)

# Mermaid's "base" theme drawn with one unusual colour per role; finish_svg()
# turns each into a CSS custom property (diagrams.css gives light and dark
# values), so a palette switch in the reader's browser recolours the figure.
SENTINELS = {
    "#fe0001": "--diagram-node-bg",  # primaryColor
    "#fe0002": "--diagram-node-border",  # primaryBorderColor
    "#fe0003": "--diagram-text",  # primaryTextColor
    "#fe0004": "--diagram-line",  # lineColor
    "#fe0005": "--diagram-node-bg",  # secondaryColor
    "#fe0006": "--diagram-cluster-bg",  # tertiaryColor
    "#fe0007": "--diagram-label-bg",  # edgeLabelBackground
    "#fe0008": "--diagram-cluster-bg",  # clusterBkg
    "#fe0009": "--diagram-cluster-border",  # clusterBorder
    "#fe000a": "--diagram-text",  # textColor
    "#fe000b": "--diagram-text",  # titleColor
    "#fe000c": "--diagram-node-bg",  # mainBkg
    "#fe000d": "--diagram-node-border",  # nodeBorder
    "#fe000e": "--diagram-text",  # nodeTextColor
    "#fe000f": "--diagram-page-bg",  # background
}
THEME_VARIABLES = {
    "primaryColor": "#fe0001",
    "primaryBorderColor": "#fe0002",
    "primaryTextColor": "#fe0003",
    "lineColor": "#fe0004",
    "secondaryColor": "#fe0005",
    "tertiaryColor": "#fe0006",
    "edgeLabelBackground": "#fe0007",
    "clusterBkg": "#fe0008",
    "clusterBorder": "#fe0009",
    "textColor": "#fe000a",
    "titleColor": "#fe000b",
    "mainBkg": "#fe000c",
    "nodeBorder": "#fe000d",
    "nodeTextColor": "#fe000e",
    "background": "#fe000f",
}
# The site's text font stack (extra.css --md-text-font): labels are measured in it
FONT_FAMILY = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", '
    '"Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei"'
)
# A wide figure scales down to this share of its size at most (labels stay
# ≥ 12 px), then scrolls in its own box
MIN_SCALE = 0.75


@dataclass(frozen=True)
class Block:
    start: int  # character offsets of the <pre> in the page HTML
    end: int
    source: str  # the Mermaid source, exactly as in the Markdown fence


def find_blocks(html: str) -> list[Block]:
    """Every mermaid2 fence in a page's HTML, in order."""
    return [Block(m.start(), m.end(), m.group(1).rstrip("\n")) for m in FENCE_RE.finditer(html)]


def replace_blocks(html: str, blocks: list[Block], figures: list[str | None]) -> str:
    """The page with each block whose figure is not None replaced by it."""
    out, at = [], 0
    for block, figure in zip(blocks, figures, strict=True):
        if figure is None:
            continue
        out += [html[at : block.start], figure]
        at = block.end
    out.append(html[at:])
    return "".join(out)


def mermaid_config(user_args: dict, seed: str) -> dict:
    """Mermaid's initialize() options: mkdocs-mermaid2's ``arguments`` over ours,
    with ids derived from ``seed`` so the same source gives the same bytes."""
    config = {
        "startOnLoad": False,
        "theme": "base",
        "themeVariables": THEME_VARIABLES,
        "fontFamily": FONT_FAMILY,
        "securityLevel": "strict",
    }
    config.update(user_args)
    config.update({"deterministicIds": True, "deterministicIDSeed": seed})
    return config


def render_key(mermaid_version: str, user_args: dict, source: str) -> str:
    """The cache key: what determines Mermaid's output (version, configuration, source)."""
    config = mermaid_config(user_args, seed="")
    payload = json.dumps([mermaid_version, config, source], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def svg_id(key: str) -> str:
    return f"fig-{key[:12]}"


def _to_custom_properties(text: str) -> str:
    def swap(match: re.Match) -> str:
        name = SENTINELS.get(match.group(0).lower())
        return f"var({name})" if name else match.group(0)

    text = re.sub(r"#fe00[0-9a-f]{2}\b", swap, text, flags=re.I)
    # edge labels' half-transparent background (rgba of edgeLabelBackground)
    return re.sub(r"rgba\(254,\s*0,\s*7,\s*[0-9.]+\)", "var(--diagram-label-bg)", text)


def finish_svg(svg: str, key: str) -> str:
    """Mermaid's SVG as the page ships it.

    - colours become CSS custom properties (see SENTINELS), fonts the site's;
    - the accessible name and description are the <title>/<desc> from
      accTitle/accDescr (aria-labelledby/-describedby); role="img" unless the
      figure has links, which role="img" would hide from screen readers;
    - a wide figure scales down to MIN_SCALE, then scrolls in its box.
    """
    svg = _to_custom_properties(svg)
    # rules for Mermaid's own page furniture (JS tooltips, a :root variable) do
    # nothing in a static figure; without the word "mermaid" in the page,
    # mkdocs-mermaid2 also skips re-parsing it
    svg = re.sub(r"(?<=[}>])[^{}<>]*mermaid[^{}<>]*\{[^{}]*\}", "", svg, flags=re.I)
    svg = re.sub(r"(?<=[}>])[^{}<>]*\{[^{}<>]*mermaid[^{}]*\}", "", svg, flags=re.I)
    svg = svg.replace(f"font-family:{FONT_FAMILY.replace(', ', ',')}", "font-family:var(--md-text-font-family)")
    head_end = svg.index(">")
    head, rest = svg[:head_end], svg[head_end:]
    if "<a " not in rest:
        head = re.sub(r'\brole="[^"]*"', 'role="img"', head)
    width = re.search(r"max-width:\s*([0-9.]+)px", head)
    if width:
        natural = float(width.group(1))
        head = head.replace(width.group(0), f"max-width: {natural:.0f}px; min-width: {natural * MIN_SCALE:.0f}px", 1)
    return head + rest


def figure_html(svg: str) -> str:
    """The finished SVG in its scrollable, focusable box."""
    return fragment("diagram.html", svg=svg)


def error_finding(path: str, fence_line: int, message: str) -> Finding:
    """Mermaid's parse error as a finding at the file line it points to.

    Mermaid counts lines from the diagram's first line (the one after the fence).
    """
    line = fence_line
    match = re.search(r"Parse error on line (\d+)", message)
    if match and fence_line:
        line = fence_line + int(match.group(1))
    expected = re.search(r"Expecting (.*?), got ('[^']*')", message)
    if expected:
        tokens = expected.group(1).split(", ")
        shown = ", ".join(tokens[:6]) + (", …" if len(tokens) > 6 else "")
        what = f"Mermaid expected {shown} but got {expected.group(2)}"
    else:
        what = " ".join(message.split())[:300]
    context = re.search(r"\n([^\n]*)\n-*\^", message)
    near = f" near {context.group(1).strip()!r}" if context else ""
    return Finding(
        path,
        line,
        f"diagram does not parse: {what}{near}; fix the Mermaid syntax on this line (close every bracket "
        'and quote, put labels with ( ) [ ] { } or punctuation in "quotes"), see https://mermaid.js.org/syntax/flowchart.html.',
    )
