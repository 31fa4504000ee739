"""Chinese pages declare ``lang="zh-Hans"`` (Simplified Chinese), not bare ``zh``.

Material writes ``<html lang="…">`` from its language partial, which says
``zh``; screen readers and font selection do better with the script subtag.
"""

from __future__ import annotations

import re

from sitehook import current_language

HTML_LANG_RE = re.compile(r'(<html\b[^>]*\blang=")zh(")')
# the tag each language's pages declare, where it is not the bare language (also the print page's)
HTML_LANG = {"zh": "zh-Hans"}


def on_post_page(output, page, config):
    if current_language(config) != "zh":
        return output
    return HTML_LANG_RE.sub(r"\1zh-Hans\2", output, count=1)
