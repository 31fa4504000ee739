"""Tooltips attached on demand, not at page load.

Material's ``content.tooltips`` builds a tooltip component for every
``[title]`` in the content when the page loads (``[title]:not([data-preview])``
in Material 9.8). On a slow phone that blocked the main thread: the glossary
has hundreds of ``<abbr title>`` and 81 section permalinks, a chapter ~170
abbreviations, 40+ glossary and citation links and a clickable node per
diagram box. The feature is off (mkdocs.yml); assets/javascripts/abbr-tooltips.js
shows one shared tooltip for the titled element under the pointer, the finger
or the focus. Links could not be left out of it otherwise: ``data-preview`` on a
link turns on Material's instant previews.

So that turning the feature on again would not bring the cost back for the
most numerous elements, they stay opted out, each in the way that keeps its
meaning:

- ``<abbr title>`` and Mermaid's clickable nodes (``<g class="node … clickable"
  title>``) get ``data-preview``, Material's own opt-out (on elements other
  than links it does nothing else).
- Section permalinks (the toc extension's ``<a class="headerlink" title>``)
  carry their words as ``aria-label``: the link's name without JavaScript
  (print, file://); section-tools.js gives it its own label and title after
  Material has started.
"""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

ABBR_WITH_TITLE = re.compile(r"<abbr(?=[^>]*\stitle=)(?![^>]*\sdata-preview)")
# Mermaid's SVG as the diagrams hook inlines it: the node group holds the click tooltip
NODE_WITH_TITLE = re.compile(r'<g(?= class="node [^"]*\bclickable\b[^"]*")(?=[^>]*\stitle=)(?![^>]*\sdata-preview)')
PERMALINK_TITLE = re.compile(r'(<a class="headerlink" href="[^"]*" )title=')


@event_priority(-50)  # after the diagrams hook (50) has put the figures' SVG in the page
def on_page_content(html, page, config, files):
    html = ABBR_WITH_TITLE.sub("<abbr data-preview", html)
    html = NODE_WITH_TITLE.sub("<g data-preview", html)
    return PERMALINK_TITLE.sub(r"\1aria-label=", html)
