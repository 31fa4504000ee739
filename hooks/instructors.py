"""The instructors' page: every linkable section with its full URL in both languages.

Marker ``[[sections]]`` on the page; URLs are built from ``site_url`` and the
same heading ids in both languages. ``[[site-url]]`` (in the citation example)
becomes ``site_url`` itself, so a release shows its own address.
"""

from __future__ import annotations

from sitecheck.sections import linkable_sections, sections_table
from sitehook import current_language, nav_order, read_labels, site_model

PAGE_MARKER = "[[sections]]"
SITE_URL_MARKER = "[[site-url]]"

state: dict = {}  # reset per build (static-i18n builds once per language)


def on_config(config):
    state.clear()
    state["labels"] = read_labels(config)


def on_nav(nav, config, files):
    # nav order, as page keys ("immunology/t-cells"), for a table that reads like the site
    state["order"] = nav_order(nav, config)


def on_page_markdown(markdown, page, config, files):
    if SITE_URL_MARKER in markdown:
        markdown = markdown.replace(SITE_URL_MARKER, site_root(config.site_url))
    if PAGE_MARKER not in markdown:
        return markdown
    lang = current_language(config)
    site = site_model(config)
    sections = linkable_sections(site.pages, state["order"], site.languages)
    table = sections_table(sections, config.site_url or "", lang, state["labels"][lang], site.language_roots)
    return markdown.replace(PAGE_MARKER, table)


def site_root(site_url: str | None) -> str:
    """The site's address with one trailing slash ("" when unset)."""
    return site_url.rstrip("/") + "/" if site_url else ""
