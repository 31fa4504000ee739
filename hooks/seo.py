"""Search engines and link previews: per page a description from its own text,
Open Graph tags and ``<link rel="alternate" hreflang>`` (absolute, from
``site_url``); per build the sitemaps with hreflang alternates and robots.txt.

The templates (overrides/main.html) read ``page.meta.description`` and the
``seo`` context variable. The offline package and the PDFs' print builds
(file://) get neither alternates nor sitemaps: nothing crawls them, and
Material's script would fetch a sitemap beside each alternate link, which
file:// refuses.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path

import bs4
from mkdocs.structure.pages import Page

import sitecheck.seo as sitecheck_seo
from sitecheck import htmlscan
from sitecheck.diskcache import DiskCache, cache_folder, file_key, open_cache
from sitecheck.model import og_locale
from sitecheck.seo import (
    alternates,
    first_paragraph_text,
    language_relative,
    page_directories,
    robots_txt,
    shorten,
    sitemaps,
)
from sitehook import current_language, root_of, site_model

state: dict = {}  # reset per build (static-i18n builds once per language)


def is_offline(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def is_for_file_urls(config) -> bool:
    """The offline package or a PDF's print build: read from file://, never crawled."""
    printing = config.plugins.get("print-site")
    return is_offline(config) or bool(printing and printing.config.get("enabled"))


def on_config(config):
    state.clear()
    state["pages"] = []


def on_page_markdown(markdown, page, config, files):
    # before any hook reads it (hooks/citation.py): the offline package's pages
    # name their published address, not their .html file
    if is_offline(config) and config.site_url:
        page.canonical_url = published_url(config.site_url, page.url)
    return markdown


def on_page_content(html, page, config, files):
    if not (page.meta or {}).get("description"):
        text = description_of(config, html)
        if text:
            page.meta["description"] = text
    return html


# Finding a page's first paragraph reads the page's beginning (≈0.5 ms a page). The description
# depends only on the page's HTML and the code that reads it (sitecheck/seo.py, sitecheck/htmlscan.py
# and BeautifulSoup's list of void elements it uses): kept on disk (sitecheck/diskcache.py) in a
# file named by the code, one entry per page's HTML (its SHA-256), so a changed page is read anew.
description_caches: dict[Path, DiskCache] = {}


def description_of(config, html: str) -> str:
    if "descriptions" not in state:
        root = root_of(config)
        folder = cache_folder(root, "seo-descriptions", "SEO_DESCRIPTIONS_CACHE_DIR")
        code = [Path(module.__file__).read_bytes() for module in (sitecheck_seo, htmlscan)]
        path = folder / f"{file_key(*code, bs4.__version__)}.json"
        state["descriptions"] = open_cache(description_caches, path, lambda _name, value: isinstance(value, str))
    name = hashlib.sha256(html.encode("utf-8")).hexdigest()
    return state["descriptions"].get(name, lambda: shorten(first_paragraph_text(html)))


def published_url(site_url: str, url: str) -> str:
    """The page's address on the published site, with directory URLs even when this build has
    ``.html`` URLs (the offline package): what a copied or cited link must name."""
    if url.endswith("index.html"):
        url = url[: -len("index.html")]
    elif url.endswith(".html"):
        url = url[: -len(".html")] + "/"
    return site_url.rstrip("/") + "/" + url


def on_page_context(context, page, config, nav):
    if not isinstance(page, Page) or not config.site_url:
        return context
    lang = current_language(config)
    # hreflang alternates name the site's public address, and Material fetches a
    # sitemap beside each: a build without SITE_URL (the development default) may
    # be served at any address, so it has none
    local = is_for_file_urls(config) or not os.environ.get("SITE_URL")
    if not local:
        state["pages"].append(page.url)
    site = site_model(config)
    roots = site.language_roots
    relative = language_relative(page.url, lang, roots)
    context["seo"] = {
        "locale": og_locale(lang),
        "locale_alternates": [og_locale(code) for code in site.languages if code != lang],
        "type": "website" if relative == "" else "article",
        "alternates": [] if local else alternates(config.site_url, relative, roots),
    }
    return context


def on_post_build(config):
    if "descriptions" in state:
        state["descriptions"].save()
    if is_for_file_urls(config) or not config.site_url or not state.get("pages"):
        return
    lang = current_language(config)
    roots = site_model(config).language_roots
    pages = list(state["pages"])
    site_dir = Path(config.site_dir)
    for folder, text in sitemaps(config.site_url, pages, page_directories(pages), roots).items():
        (site_dir / folder / "sitemap.xml").write_text(text, encoding="utf-8")
    # The site root's sitemap lists every language (the pages have the same paths
    # in each; hooks/i18n_parity.py makes sure). Written in every language's pass:
    # each pass's MkDocs writes its own sitemap.xml at the root.
    relative = sorted({language_relative(url, lang, roots) for url in pages})
    every_page = [root + url for root in roots.values() for url in relative]
    root = sitemaps(config.site_url, every_page, [""], roots)[""]
    (site_dir / "sitemap.xml").write_text(root, encoding="utf-8")
    # mtime 0: the same bytes on every build (tests/site/test_reproducible.py)
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(root.encode("utf-8"), mtime=0))
    (site_dir / "robots.txt").write_text(robots_txt(config.site_url), encoding="utf-8")
