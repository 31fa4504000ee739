"""Links to the release files (PDFs, offline package) that live in site/downloads/.

They are made after the site is built, by ``make release`` (scripts/release.py,
which sets ``RELEASE=true`` for every build it runs), so they are not
documentation files MkDocs could check or rewrite. Pages write them as
``[text](download:osteoimmunology-zh.pdf)`` (the names are the site model's ``release_files``:
the edition's slug from edition.yml, a PDF per language):

- in a release build this hook turns each into a link relative to the page, so
  it works with directory URLs, with the offline build's ``.html`` URLs and
  from ``file://``;
- in any other build (``make build``, ``mkdocs serve``) the files do not exist:
  the link becomes its text plus "run `make release` to produce this file",
  never a link to a missing file.

The footer template reads the same list (``config.extra.release_files``) and the PDFs' names
(``config.extra.release_pdfs``, language -> name; ``release_offline_zip``).
"""

from __future__ import annotations

import os
import re

from mkdocs.utils import get_relative_url

from sitecheck.model import ReleaseFiles
from sitecheck.templates import fragment
from sitehook import current_language, read_labels, site_model

DOWNLOADS_DIR = "downloads"
DOWNLOAD_LINK_RE = re.compile(r'<a href="download:([A-Za-z0-9._-]+)"([^>]*)>(.*?)</a>', re.S)

state: dict = {}  # reset per build (static-i18n builds once per language)


def release_files(files: ReleaseFiles, release: bool, offline: bool) -> tuple[str, ...]:
    """The release files a page of this build may link to."""
    if not release:
        return ()
    # the offline package does not contain itself, nor the flashcards
    return tuple(name for name in files.names if not (offline and name in files.not_in_offline))


def download_url(name: str, page_url: str) -> str:
    """``downloads/<name>`` relative to the page at ``page_url`` ("en/downloads/" -> "../../downloads/x")."""
    return get_relative_url(f"{DOWNLOADS_DIR}/{name}", page_url or ".")


def render_download_links(html: str, page_url: str, available: tuple[str, ...], not_built: str) -> str:
    """Each ``download:`` link: a relative link when the file is made, else its text and ``not_built``."""

    def replace(match: re.Match) -> str:
        name, attributes, text = match.groups()
        href = download_url(name, page_url) if name in available else None
        note = re.sub(r"`([^`]+)`", r"<code>\1</code>", not_built)
        return fragment("download-link.html", href=href, attributes=attributes, text=text, note=note)

    return DOWNLOAD_LINK_RE.sub(replace, html)


def on_config(config):
    state.clear()
    offline_plugin = config.plugins.get("material/offline")
    offline = bool(offline_plugin and offline_plugin.config.enabled)
    files = site_model(config).release_files
    state["available"] = release_files(files, os.environ.get("RELEASE") == "true", offline)
    state["labels"] = read_labels(config)
    config.extra["release_files"] = list(state["available"])
    config.extra["release_pdfs"] = {lang: files.pdf(lang) for lang in files.languages}
    config.extra["release_offline_zip"] = files.offline_zip
    return config


def on_page_content(html, page, config, files):
    words = state["labels"][current_language(config)]
    return render_download_links(html, page.url, state["available"], words["release_file_not_built"])
