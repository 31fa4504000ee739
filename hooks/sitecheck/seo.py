"""What search engines and link previews read: a page's description from its own
text, its language alternates, and the sitemaps (pure functions; no MkDocs)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape

from . import htmlscan
from .model import html_language

# ``roots`` below is language -> the folder of its pages below the site root, the default
# language first ("zh": "", "en": "en/"): the site model's ``language_roots``. hreflang is the
# language's BCP 47 tag (model.html_language); x-default is the default language.
DESCRIPTION_LIMIT = 160  # characters; longer descriptions are cut by search engines anyway

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def first_paragraph_text(html: str) -> str:
    """The text of the page's first top-level paragraph (not inside an admonition,
    not a subtitle), without citation marks, whitespace collapsed; "" if none.

    Only the page's beginning is read: sitecheck/htmlscan.py walks the page (html.parser's
    nesting, as BeautifulSoup builds its tree) and stops after the first paragraph with text;
    most of a chapter, its figures' SVG included, is never read.
    """
    elements: list[htmlscan.Element] = []
    # per element: a citation mark or inside one (left out whole); or where BeautifulSoup's strings
    # are not plain text (script, template…: left out, but for CDATA sections)
    removed: list[bool] = []
    other: list[bool] = []
    paragraph: list[htmlscan.Text] | None = None  # the text of the top-level <p> being read
    for node in htmlscan.walk(html, elements):
        if isinstance(node, htmlscan.Element):
            parent = node.parent
            removed.append((parent >= 0 and removed[parent]) or is_citation_mark(node))
            other.append((parent >= 0 and other[parent]) or node.name in htmlscan.OTHER_STRING_ELEMENTS)
        if node.parent == -1 and paragraph is not None:  # the paragraph has ended
            text = _paragraph_text(html, paragraph)
            if text:
                return text
            paragraph = None
        if paragraph is not None and isinstance(node, htmlscan.Text):
            if node.parent < 0 or not (removed[node.parent] or (other[node.parent] and not node.cdata)):
                paragraph.append(node)
        elif isinstance(node, htmlscan.Element) and node.parent == -1 and node.name == "p" and not node.classes:
            paragraph = []
    return _paragraph_text(html, paragraph) if paragraph else ""


def _paragraph_text(html: str, texts: list[htmlscan.Text]) -> str:
    return re.sub(r"\s+", " ", unescape("".join(htmlscan.text_of(html, text) for text in texts))).strip()


def is_citation_mark(element: htmlscan.Element) -> bool:
    """``sup.citation, .editor-note-ref``."""
    classes = element.classes
    return (element.name == "sup" and "citation" in classes) or "editor-note-ref" in classes


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


def url_language(url: str, roots: dict[str, str]) -> str:
    """The language of a page URL: the one whose folder holds it, else the default's (at the root)."""
    return next((lang for lang, root in roots.items() if root and url.startswith(root)), next(iter(roots)))


def language_relative(url: str, lang: str, roots: dict[str, str]) -> str:
    """A page URL below its language root ("en/immunology/" -> "immunology/")."""
    root = roots[lang]
    return url[len(root) :] if root and url.startswith(root) else url


def alternates(site_url: str, relative: str, roots: dict[str, str]) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of a page in every language, then x-default."""
    base = site_url.rstrip("/") + "/"
    links = [(html_language(lang), base + root + relative) for lang, root in roots.items()]
    links.append(("x-default", base + next(iter(roots.values())) + relative))
    return links


def sitemap_xml(site_url: str, pages: list[str], roots: dict[str, str]) -> str:
    """A sitemap of ``pages`` (URLs from the site root), each with its language alternates."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    base = site_url.rstrip("/") + "/"
    for url in pages:
        lang = url_language(url, roots)
        entry = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(entry, f"{{{SITEMAP_NS}}}loc").text = base + url
        for hreflang, href in alternates(site_url, language_relative(url, lang, roots), roots):
            ET.SubElement(entry, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=hreflang, href=href)
    ET.indent(urlset)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(urlset, encoding="unicode") + "\n"


def page_directories(pages: list[str]) -> list[str]:
    """The directories that hold a page ("" is the site root), in order."""
    return sorted({url for url in pages if url == "" or url.endswith("/")})


def sitemaps(site_url: str, pages: list[str], directories: list[str], roots: dict[str, str]) -> dict[str, str]:
    """directory -> sitemap.xml text listing the pages at or below it.

    Material's script treats every ``<link rel="alternate">`` as a language
    root and fetches ``sitemap.xml`` beside it; with per-page alternates that
    is beside every page. A sitemap may list only URLs at or below its own
    directory, so each directory gets the pages below it: the site root's is
    the whole site (robots.txt names it), ``en/``'s the English pages.
    """
    return {
        folder: sitemap_xml(site_url, sorted(u for u in pages if u.startswith(folder)), roots) for folder in directories
    }


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"
