"""The print page (mkdocs-print-site-plugin's one page of the whole site, printed to
the PDF), finished: pure functions over its parsed HTML; hooks/print_page.py applies them.

The plugin combines every page into ``<section class="print-page" id="<key>">``
elements and rewrites their ``<a href>`` links into anchors on the print page;
the diagrams' SVG links (``<a xlink:href="../glossary/">``, from Mermaid's
``click … href``) it leaves alone, relative to their own page: in the PDF they
would be dead file:// links.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

from bs4 import BeautifulSoup, Tag

SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def parse(html: str) -> BeautifulSoup:
    # html.parser keeps the document as written (no HTML5 tree repair), so nothing else changes
    return BeautifulSoup(html, "html.parser")


def set_language(soup: BeautifulSoup, tag: str) -> None:
    """``<html lang>`` of the print page: the theme writes the bare language ("zh")."""
    soup.html["lang"] = tag


def _page_section(tag: Tag) -> Tag | None:
    """The page's own section around ``tag`` (not a nav section: class "print-page md-section")."""
    return tag.find_parent(lambda t: t.name == "section" and t.get("class") == ["print-page"] and t.has_attr("id"))


def resolve(page_url: str, target: str) -> str:
    """A link ``target`` written on the page at ``page_url``, as a site URL ("immunology/t-cells/",
    "../glossary/#rankl" -> "immunology/glossary#rankl")."""
    path, _, fragment = target.partition("#")
    resolved = posixpath.normpath(posixpath.join(page_url, path)) if path else page_url
    resolved = "" if resolved == "." else resolved
    return resolved + ("#" + fragment if fragment else "")


def link_diagrams(soup: BeautifulSoup, page_urls: dict[str, str], anchor: Callable[[str], str]) -> int:
    """Point every diagram's SVG link at the print page's anchor for its target; returns how many.

    ``page_urls``: section id -> the page's URL; ``anchor``: site URL -> print-page id.
    """
    count = 0
    for link in soup.find_all("a", attrs={"xlink:href": True}):
        target = link["xlink:href"]
        section = _page_section(link)
        if SCHEME_RE.match(target) or section is None or section["id"] not in page_urls:
            continue
        link["xlink:href"] = "#" + anchor(resolve(page_urls[section["id"]], target))
        count += 1
    return count


def substitute_characters(soup: BeautifulSoup, substitutes: dict[str, str]) -> None:
    """Replace characters in the text and attribute values (``substitutes``: char -> replacement)."""

    def swap(text: str) -> str:
        for char, replacement in substitutes.items():
            text = text.replace(char, replacement)
        return text

    for string in soup.find_all(string=lambda s: any(c in s for c in substitutes)):
        string.replace_with(swap(str(string)))
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            if isinstance(value, str) and any(c in value for c in substitutes):
                tag[name] = swap(value)


def page_number_css(words: str, family: str) -> str:
    """The page number in the page's language as a CSS margin box; ``words`` has "{page}" for the number
    ("第 {page} 页"). Not Chromium's footer template: that document cannot load the page's fonts."""
    parts = [f"'{css_escape(part)}'" if part else "" for part in words.split("{page}")]
    content = " counter(page) ".join(parts).strip()
    box = f"content: {content}; font-family: '{family}'; font-size: 8pt; color: #555;"
    return f"@page {{ @bottom-center {{ {box} }} }}"


def css_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("'", "\\'")


def add_style(soup: BeautifulSoup, css: str) -> None:
    """A ``<style>`` at the end of the head (after the theme's and the plugin's, so it wins)."""
    style = soup.new_tag("style")
    style.string = f"\n{css}\n"
    soup.head.append(style)
