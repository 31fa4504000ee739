"""A "skip figure N" link before each diagram, for keyboard users: a diagram's
nodes are links (about a dozen tab stops); the skip link jumps to the figure's
caption (``#figure-N``), after the last node. It is visually hidden until it
has focus, like Material's "skip to content".

Runs on the page HTML, so it sees the diagram whether it is still a Mermaid
fence (``<pre class="mermaid">``) or already an inline SVG box
(``<div class="diagram">``); the caption id comes from the figure's caption
paragraph that follows it (CONTRIBUTING.md, "Add a diagram").
"""

from __future__ import annotations

import re

from sitecheck.templates import fragment
from sitehook import current_language, read_labels

# mermaid2 writes '<pre  class="mermaid">' (two spaces); the inline-SVG hook '<div class="diagram">'
DIAGRAM_RE = re.compile(r'<(?:pre|div)\s[^>]*?class="(?:[^"]*\s)?(?:mermaid|diagram)["\s]')
CAPTION_ID_RE = re.compile(r'id="(figure-(\d+))"')

state: dict = {}  # reset per build (static-i18n builds once per language)


def on_config(config):
    state.clear()
    state["labels"] = read_labels(config)


def on_page_content(html, page, config, files):
    words = state["labels"][current_language(config)]
    pieces, at = [], 0
    for match in DIAGRAM_RE.finditer(html):
        caption = CAPTION_ID_RE.search(html, match.end())
        if caption is None:
            continue
        label = words["skip_figure"].format(n=caption.group(2))
        link = fragment("skip-figure.html", target=caption.group(1), label=label)
        pieces += [html[at : match.start()], link]
        at = match.start()
    return "".join(pieces) + html[at:]
