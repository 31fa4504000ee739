"""What search engines and link previews read: a page's description from its own
text, its language alternates, and the sitemaps (pure functions; no MkDocs)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape
from html.parser import HTMLParser

from bs4 import BeautifulSoup
from bs4.builder import HTMLTreeBuilder

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

    Only the page's beginning is read: the paragraphs are found with a streaming
    parser that stops at the first one with text, and only that paragraph is
    parsed into a tree (most of a chapter, its figures' SVG included, is never read).
    """
    finder = _TopLevelParagraphs(html)
    for start, end in finder.spans():
        text = _paragraph_text(html[start:end])
        if text:
            return text
    return ""


def _paragraph_text(snippet: str) -> str:
    paragraph = BeautifulSoup(snippet, "html.parser").p
    for citation in paragraph.find_all(is_citation_mark):
        citation.decompose()
    return re.sub(r"\s+", " ", unescape(paragraph.get_text())).strip()


def is_citation_mark(tag) -> bool:
    """``sup.citation, .editor-note-ref`` without a CSS selector engine (soupsieve's import and
    compile cost more than all the pages' descriptions together)."""
    classes = tag.get("class") or []
    return (tag.name == "sup" and "citation" in classes) or "editor-note-ref" in classes


# Elements that never have content (BeautifulSoup's list for HTML): no end tag to wait for
VOID_ELEMENTS = frozenset(HTMLTreeBuilder.DEFAULT_EMPTY_ELEMENT_TAGS)
CHUNK = 4096


class _TopLevelParagraphs(HTMLParser):
    """(start, end) offsets of the document's top-level ``<p>`` elements without a class,
    in order, read chunk by chunk. Nesting as BeautifulSoup's html.parser tree builds it:
    an end tag closes the innermost open element of its name and any inside it; an end tag
    with no open element of its name is ignored."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.html = html
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.open: list[tuple[str, int | None]] = []  # (tag, start offset of a candidate <p>)
        self.found: list[tuple[int, int]] = []

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def spans(self):
        for at in range(0, len(self.html), CHUNK):
            self.feed(self.html[at : at + CHUNK])
            while self.found:
                yield self.found.pop(0)
        self.close()
        yield from self.found
        if self.open and self.open[0][1] is not None:  # a paragraph the page never closes ends with it
            yield self.open[0][1], len(self.html)

    def handle_starttag(self, tag, attrs):
        if tag in VOID_ELEMENTS:
            return
        candidate = not self.open and tag == "p" and not (dict(attrs).get("class") or "").split()
        self.open.append((tag, self.position() if candidate else None))

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                start = self.open[depth][1]
                del self.open[depth:]
                if start is not None and depth == 0:
                    self.found.append((start, self.html.index(">", self.position()) + 1))
                return


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
