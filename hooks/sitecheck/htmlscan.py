"""An HTML document's elements and text as offsets into its text, nested as BeautifulSoup's
html.parser tree builder nests them, from one regular expression: no tree, nothing written back.

For hooks that change a few places of a page the build made (the glossary's first-use links):
BeautifulSoup parsed and wrote out whole pages, most of a cold build's glossary cost and a
rewrite of bytes nobody asked to change (``&#91;`` became ``[``, blank lines went). Here the
page is scanned once and the caller splices its changes into the text as it was. Not the
standard library's ``html.parser.HTMLParser`` itself either (its events with ``getpos()`` give
the same offsets): on the cytokines chapter's article it took 10 ms against this scan's 4 ms
(BeautifulSoup: 28 ms), most of what the glossary links gained.

The nesting is html.parser's, without HTML5's implicit closing: a start tag opens an element
(a void element, or one written ``<x/>``, has no content); an end tag closes the innermost open
element of its name and any inside it, and is ignored when none is open; ``<script>`` and
``<style>`` hold raw text up to their end tag; comments, declarations and processing instructions
are neither elements nor text. Text is decoded with ``html.unescape`` (character references).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

from bs4.builder import HTMLTreeBuilder

# Elements that never have content (BeautifulSoup's list for HTML): no end tag to wait for
VOID_ELEMENTS = frozenset(HTMLTreeBuilder.DEFAULT_EMPTY_ELEMENT_TAGS)
RAW_TEXT_ELEMENTS = ("script", "style")  # html.parser's CDATA_CONTENT_ELEMENTS
# BeautifulSoup keeps the text inside these in strings of their own types (Script, TemplateString,
# RubyTextString…), which get_text() leaves out: not the page's plain text
OTHER_STRING_ELEMENTS = frozenset({"script", "style", "template", "rt", "rp"})

# What html.parser reads as markup, in the order it tries them at a "<"; anything else is text
MARKUP_RE = re.compile(
    r"""<!--.*?--\s*>                           # a comment
    |<!\[CDATA\[(?P<cdata>.*?)\]\]>               # a CDATA section: text, as written
    |<[!?][^>]*>                                # a declaration (<!DOCTYPE …>), a processing instruction
    |</(?P<end>[a-zA-Z][^\t\n\r\f\ />\x00]*)[^>]*>   # an end tag
    |<(?P<start>[a-zA-Z][^\t\n\r\f\ />\x00]*)         # a start tag: its name, then attributes
      (?P<attributes>(?:[^>=]|=+\s*(?:"[^"]*"|'[^']*'|(?!['"])[^>\s]*+))*+)>""",
    re.S | re.X,
)
CLASS_RE = re.compile(r"""(?:^|[\s/'"])class\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>'"]+))""", re.I)


@dataclass(slots=True)
class Element:
    name: str  # lower case, as html.parser gives it
    start: int  # offset of its start tag's "<"
    content: int  # offset just after its start tag
    end: int  # offset just after its end tag, or where an ancestor's end (or the document) closed it
    parent: int  # index in ``Document.elements`` of the enclosing element; -1 at the top
    attributes: str  # the start tag's attributes, as written
    index: int  # its place in ``Document.elements``
    next_sibling: int = -1  # index of the next element with the same parent (text between skipped)

    @property
    def classes(self) -> list[str]:
        """Its class attribute's words (the last class attribute wins, as in BeautifulSoup)."""
        found = CLASS_RE.findall(self.attributes)
        if not found:
            return []
        quoted, single, bare = found[-1]
        return unescape(quoted or single or bare).split()


@dataclass(slots=True)
class Text:
    start: int
    end: int
    parent: int  # index of the enclosing element; -1 at the top
    cdata: bool = False  # a CDATA section's text (BeautifulSoup's CData string): no references decoded


@dataclass
class Document:
    html: str
    elements: list[Element]
    nodes: list[Element | Text]  # elements (at their start) and text runs, in document order

    def text(self, node: Text) -> str:
        return text_of(self.html, node)

    def inside(self, position: int):
        """The nodes inside the element at ``nodes[position]``, in document order."""
        end = self.nodes[position].end
        for later in range(position + 1, len(self.nodes)):
            if self.nodes[later].start >= end:
                return
            yield self.nodes[later]

    def ancestors(self, node: Element | Text):
        """Indices of the elements enclosing ``node``, innermost first."""
        index = node.parent
        while index >= 0:
            yield index
            index = self.elements[index].parent


def text_of(html: str, node: Text) -> str:
    """A text node's text as BeautifulSoup's string holds it (character references decoded)."""
    raw = html[node.start : node.end]
    return unescape(raw) if "&" in raw and not node.cdata else raw


def scan(html: str) -> Document:
    elements: list[Element] = []
    nodes = list(walk(html, elements))
    return Document(html, elements, nodes)


def walk(html: str, elements: list[Element]):
    """The document's nodes in order, read as they are needed (a caller may stop early);
    ``elements`` gets each element as it starts, its ``end`` when it is closed."""
    open_elements: list[int] = []  # indices, outermost first
    last_child: dict[int, int] = {}  # parent index -> its latest child element
    at = 0

    def text(start: int, end: int, cdata: bool = False):
        if start < end:
            yield Text(start, end, open_elements[-1] if open_elements else -1, cdata)

    def close(depth: int, where: int) -> None:
        for index in open_elements[depth:]:
            elements[index].end = where
        del open_elements[depth:]

    while True:
        markup = MARKUP_RE.search(html, at)
        if markup is None:
            yield from text(at, len(html))
            break
        yield from text(at, markup.start())
        at = markup.end()
        name = markup.group("start")
        if name is not None:
            name = name.lower()
            parent = open_elements[-1] if open_elements else -1
            attributes = markup.group("attributes")
            index = len(elements)
            element = Element(name, markup.start(), at, at, parent, attributes, index)
            elements.append(element)
            if parent in last_child:
                elements[last_child[parent]].next_sibling = index
            last_child[parent] = index
            if name in VOID_ELEMENTS or attributes.endswith("/"):
                yield element
                continue
            open_elements.append(index)
            yield element
            if name in RAW_TEXT_ELEMENTS:
                closing = re.compile(rf"</{name}\s*>", re.I).search(html, at)
                text_end = closing.start() if closing else len(html)
                yield from text(at, text_end)
                at = closing.end() if closing else len(html)
                close(len(open_elements) - 1, at)
        elif markup.group("end") is not None:
            name = markup.group("end").lower()
            for depth in range(len(open_elements) - 1, -1, -1):
                if elements[open_elements[depth]].name == name:
                    # elements left open inside it end where its end tag starts
                    close(depth + 1, markup.start())
                    close(depth, at)
                    break
        elif markup.group("cdata") is not None:
            yield from text(markup.start("cdata"), markup.end("cdata"), cdata=True)
    close(0, len(html))
