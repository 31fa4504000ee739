"""Chinese pages declare ``lang="zh-Hans"`` (Simplified Chinese), not bare ``zh``.

Material writes ``<html lang="…">`` from its language partial, which says
``zh``; screen readers and font selection do better with the script subtag.
"""

from __future__ import annotations

import re

from sitecheck.model import html_language
from sitehook import current_language


def on_post_page(output, page, config):
    lang = current_language(config)
    tag = html_language(lang)  # the one table of tags (sitecheck/model.py)
    if tag == lang:
        return output
    return re.sub(rf'(<html\b[^>]*\blang="){re.escape(lang)}(")', rf"\g<1>{tag}\g<2>", output, count=1)
