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
from collections import Counter
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


# --- The DOM as printed ---------------------------------------------------------------------------

DIAGRAM_LINKS_CLASS = "print-diagram-links"


def title_from_cover(soup: BeautifulSoup) -> None:
    """The document's title, which becomes the PDF's Title: the cover's title (the language's site name)."""
    cover = soup.select_one(".print-cover__title")
    if cover is not None and soup.title is not None:
        soup.title.string = cover.get_text().strip()


def open_details(soup: BeautifulSoup) -> None:
    """Every ``<details>`` open: paper cannot be clicked."""
    for details in soup.find_all("details"):
        details["open"] = ""


def prefix_ids(soup: BeautifulSoup) -> None:
    """Give every element of a page the page-prefixed id print-site links to.

    print-site renames only h1-h6, sup and li ids and prefixes every same-page link, so
    e.g. ``<div id="ref-3">`` on the references page would be unreachable from
    "#references-ref-3". Material's own ids ("__tabbed_1_1") and a diagram's (unique
    already, fig-<hash>, and selected by its own <style>) are left alone.
    """
    page = soup.find(id="print-site-page")
    if page is None:
        return
    taken = Counter(tag["id"] for tag in soup.find_all(id=True))
    for section in page.select("section.print-page[id]"):
        key = section["id"]
        for element in section.find_all(id=True):
            if _section_of(element) is not section:
                continue  # sections nest: only this page's own elements
            old = element["id"]
            if old.startswith(("__", key + "-")) or _in_diagram(element):
                continue
            new = f"{key}-{old}"
            if not taken[new]:
                element["id"] = new
                taken[old] -= 1
                taken[new] += 1


def _section_of(element: Tag) -> Tag | None:
    """The print-site section ``element`` belongs to: itself if it is one (as CSS' closest())."""
    if element.name == "section" and "print-page" in (element.get("class") or []):
        return element
    return element.find_parent("section", class_="print-page")


def _in_diagram(element: Tag) -> bool:
    return "diagram" in (element.get("class") or []) or element.find_parent(class_="diagram") is not None


def list_diagram_link_targets(soup: BeautifulSoup) -> None:
    """The diagrams' SVG links are not HTML links: list their targets as ordinary links in a
    hidden block, so Chromium gives them PDF destinations and scripts/pdf.py checks them."""
    hidden = soup.new_tag("div", attrs={"class": DIAGRAM_LINKS_CLASS, "hidden": ""})
    for link in soup.select(".diagram svg a"):
        target = link.get("href") or link.get("xlink:href") or ""
        if target.startswith("#"):
            hidden.append(soup.new_tag("a", attrs={"href": target}))
    soup.body.append(hidden)


def unlink_files(soup: BeautifulSoup) -> None:
    """Links to files (the downloads page's PDFs and zip) would point next to the print page,
    where nothing is: print their text without the link. Anchors and other sites stay."""
    page = soup.find(id="print-site-page")
    for link in page.find_all("a", href=True) if page is not None else []:
        href = link["href"]
        if href and not href.startswith(("#", "?")) and not SCHEME_RE.match(href):
            del link["href"]
