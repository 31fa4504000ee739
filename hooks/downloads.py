"""Links to the release files (PDFs, offline package) that live in site/downloads/.

They are made after the site is built (``make release``), so they are not
documentation files MkDocs could check or rewrite. Pages write them as
``[text](download:osteoimmunology-zh.pdf)``; this hook turns each into a link
relative to the page, so it works with directory URLs, with the offline
build's ``.html`` URLs and from ``file://``.
"""

from __future__ import annotations

import re

from mkdocs.utils import get_relative_url

DOWNLOADS_DIR = "downloads"
DOWNLOAD_HREF_RE = re.compile(r'href="download:([A-Za-z0-9._-]+)"')


def download_url(name: str, page_url: str) -> str:
    """``downloads/<name>`` relative to the page at ``page_url`` ("en/downloads/" -> "../../downloads/x")."""
    return get_relative_url(f"{DOWNLOADS_DIR}/{name}", page_url or ".")


def on_page_content(html, page, config, files):
    # data-release-file: the target exists only after `make release`, so a plain
    # build's link check can tell these links apart
    return DOWNLOAD_HREF_RE.sub(lambda m: f'href="{download_url(m.group(1), page.url)}" data-release-file', html)
