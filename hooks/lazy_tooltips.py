"""Abbreviation tooltips attached on demand, not at page load.

The glossary gives every abbreviation an ``<abbr title>`` (hundreds on the
glossary page, ~170 in a chapter). Material's ``content.tooltips`` builds a
tooltip component for every ``[title]`` when the page loads: on a slow phone
that alone blocked the glossary's main thread for about a second. Material
skips elements marked ``data-preview`` (its own opt-out; on non-links it does
nothing else), so the abbreviations get that mark here and
assets/javascripts/abbr-tooltips.js shows one shared tooltip for the
abbreviation under the pointer, the finger or the keyboard focus. Links keep
Material's tooltips: on links ``data-preview`` would mean instant previews.
"""

from __future__ import annotations

import re

ABBR_WITH_TITLE = re.compile(r"<abbr(?=[^>]*\stitle=)(?![^>]*\sdata-preview)")


def on_page_content(html, page, config, files):
    return ABBR_WITH_TITLE.sub("<abbr data-preview", html)
