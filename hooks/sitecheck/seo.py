"""What search engines and link previews read: a page's description from its own
text, its language alternates, and the sitemaps (pure functions; no MkDocs)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape

from bs4 import BeautifulSoup

# hreflang (BCP 47) and Open Graph locale per site language; x-default is the default language
HREFLANG = {"zh": "zh-Hans", "en": "en"}
OG_LOCALE = {"zh": "zh_CN", "en": "en_US"}
LANGUAGE_ROOT = {"zh": "", "en": "en/"}
DEFAULT_LANGUAGE = "zh"
DESCRIPTION_LIMIT = 160  # characters; longer descriptions are cut by search engines anyway

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def first_paragraph_text(html: str) -> str:
    """The text of the page's first top-level paragraph (not inside an admonition,
    not a subtitle), without citation marks, whitespace collapsed; "" if none."""
    soup = BeautifulSoup(html, "html.parser")
    for paragraph in soup.find_all("p", recursive=False):
        if paragraph.get("class"):
            continue
        for citation in paragraph.select("sup.citation, .editor-note-ref"):
            citation.decompose()
        text = re.sub(r"\s+", " ", unescape(paragraph.get_text())).strip()
        if text:
            return text
    return ""


def shorten(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """``text`` cut to ``limit`` characters at a word or sentence boundary, with "…" if cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    # a space (English) or CJK punctuation (Chinese) in the last third is a good place to stop
    boundary = max(cut.rfind(" "), *(cut.rfind(mark) + 1 for mark in "，。；："))
    if boundary > limit * 2 // 3:
        cut = cut[:boundary]
    return cut.rstrip(" ，,;；:：") + "…"


def language_relative(url: str, lang: str) -> str:
    """A page URL below its language root ("en/immunology/" -> "immunology/")."""
    root = LANGUAGE_ROOT[lang]
    return url[len(root) :] if root and url.startswith(root) else url


def alternates(site_url: str, relative: str) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of a page in every language, then x-default."""
    base = site_url.rstrip("/") + "/"
    links = [(HREFLANG[lang], base + root + relative) for lang, root in LANGUAGE_ROOT.items()]
    links.append(("x-default", base + LANGUAGE_ROOT[DEFAULT_LANGUAGE] + relative))
    return links


def sitemap_xml(site_url: str, pages: list[str]) -> str:
    """A sitemap of ``pages`` (URLs from the site root), each with its language alternates."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    base = site_url.rstrip("/") + "/"
    for url in pages:
        lang = "en" if url.startswith(LANGUAGE_ROOT["en"]) else "zh"
        entry = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(entry, f"{{{SITEMAP_NS}}}loc").text = base + url
        for hreflang, href in alternates(site_url, language_relative(url, lang)):
            ET.SubElement(entry, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=hreflang, href=href)
    ET.indent(urlset)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(urlset, encoding="unicode") + "\n"


def page_directories(pages: list[str]) -> list[str]:
    """The directories that hold a page ("" is the site root), in order."""
    return sorted({url for url in pages if url == "" or url.endswith("/")})


def sitemaps(site_url: str, pages: list[str], directories: list[str]) -> dict[str, str]:
    """directory -> sitemap.xml text listing the pages at or below it.

    Material's script treats every ``<link rel="alternate">`` as a language
    root and fetches ``sitemap.xml`` beside it; with per-page alternates that
    is beside every page. A sitemap may list only URLs at or below its own
    directory, so each directory gets the pages below it: the site root's is
    the whole site (robots.txt names it), ``en/``'s the English pages.
    """
    return {folder: sitemap_xml(site_url, sorted(u for u in pages if u.startswith(folder))) for folder in directories}


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"
