"""Permanent links: every published page URL and section anchor keeps working.

Pure functions over the built HTML (site-relative file name -> text). A URL is
``/en/immunology/cytokines/`` (a page) or ``/en/immunology/cytokines/#il-17``
(a section: a heading's id, or an anchor alias inside that heading). A page
written by mkdocs-redirects is followed to its target; the reader's ``#id``
travels with the redirect, so the target must have that id.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from .findings import Finding
from .templates import fragment

ALIAS_CLASS = "anchor-alias"
MAX_REDIRECTS = 5

HEADING_RE = re.compile(r"<h([1-6])\b[^>]*>.*?</h\1>", re.S)
ID_RE = re.compile(r'\bid="([^"]+)"')
REDIRECT_RE = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"')
LIST_HEADER = """\
# Every published page URL and section anchor, both languages (see CONTRIBUTING.md).
# The build fails when one of them stops working. Add new ones with `make permalinks`;
# never delete a line: keep the id, redirect the page or add an anchor alias instead.
"""


@dataclass(frozen=True)
class BuiltPage:
    ids: frozenset[str]  # ids of headings and of the anchor aliases inside them
    redirect: str | None  # the URL a redirect page sends the reader to


def page_url(file_name: str) -> str | None:
    """'en/x/index.html' -> '/en/x/'; 'index.html' -> '/'; other files (404.html) -> None."""
    if file_name == "index.html":
        return "/"
    if file_name.endswith("/index.html"):
        return "/" + file_name[: -len("index.html")]
    return None


def built_page(html: str, url: str) -> BuiltPage:
    redirect = REDIRECT_RE.search(html)
    target = None
    if redirect:
        target = posixpath.normpath(posixpath.join(url, redirect.group(1).split("#", 1)[0]))
        target = "/" if target == "/" else target.rstrip("/") + "/"
    ids = {found for heading in HEADING_RE.finditer(html) for found in ID_RE.findall(heading.group(0))}
    return BuiltPage(frozenset(ids), target)


def site_pages(documents: dict[str, str]) -> dict[str, BuiltPage]:
    """URL -> page, for every ``index.html`` of the built site."""
    pages = {}
    for name, html in documents.items():
        url = page_url(name)
        if url is not None:
            pages[url] = built_page(html, url)
    return pages


def current_urls(pages: dict[str, BuiltPage]) -> list[str]:
    """Every page URL and section anchor a reader can link to now (redirect pages aside)."""
    urls = []
    for url, page in pages.items():
        if page.redirect is None:
            urls.append(url)
            urls += [f"{url}#{anchor}" for anchor in page.ids]
    return sorted(urls)


def parse_list(text: str) -> list[tuple[int, str]]:
    """(line, URL) for each URL of the committed list; '#' at a line's start is a comment."""
    return [
        (number, line.strip())
        for number, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.startswith("#")
    ]


def render_list(urls: list[str]) -> str:
    return LIST_HEADER + "".join(f"{url}\n" for url in sorted(set(urls)))


def resolve(pages: dict[str, BuiltPage], url: str) -> tuple[str, BuiltPage | None]:
    """(URL, page) a reader lands on from ``url``, redirects followed; page None if nothing is there."""
    for _hop in range(MAX_REDIRECTS):
        page = pages.get(url)
        if page is None or page.redirect is None:
            return url, page
        url = page.redirect
    return url, None


def source_name(url: str, prefixes: tuple[str, ...]) -> str:
    """'/en/immunology/cytokines/' -> 'immunology/cytokines.md' (the redirect map's key), where
    ``prefixes`` are the URL folders of the languages besides the default ('en')."""
    path = url.strip("/")
    for prefix in prefixes:
        if path == prefix or path.startswith(f"{prefix}/"):
            path = path[len(prefix) + 1 :]
            break
    return f"{path}.md" if path else "index.md"


@dataclass(frozen=True)
class PermalinkFiles:
    """Where the list and the aliases are (project-relative, as messages name them), and the URL
    folders of the languages besides the default."""

    listed: str  # docs/_data/permalinks.txt
    aliases: str  # docs/_data/anchor-aliases.yml
    prefixes: tuple[str, ...]  # ('en',)


def missing_findings(
    listed: list[tuple[int, str]], pages: dict[str, BuiltPage], keys: dict[str, str], files: PermalinkFiles
) -> list[Finding]:
    """A finding for each listed URL that no longer leads to its page or section.

    ``keys`` maps a page URL to its page key ('/en/immunology/' -> 'immunology/index'),
    for the alias the message suggests. A vanished page is reported once, not per anchor.
    """
    findings = []
    gone_pages = set()
    for line, url in listed:
        page_part, _, anchor = url.partition("#")
        landing, page = resolve(pages, page_part)
        if page is None:
            if page_part in gone_pages:
                continue
            gone_pages.add(page_part)
            findings.append(
                Finding(
                    files.listed,
                    line,
                    f"published page '{page_part}' no longer exists; restore it, or redirect it in mkdocs.yml "
                    f"(plugins: redirects: redirect_maps: '{source_name(page_part, files.prefixes)}': "
                    "'<new page>.md'; one entry "
                    "redirects both languages).",
                )
            )
        elif anchor and anchor not in page.ids:
            key = keys.get(landing, source_name(landing, files.prefixes)[: -len(".md")])
            where = "there" if landing == page_part else f"of '{landing}', where it redirects,"
            findings.append(
                Finding(
                    files.listed,
                    line,
                    f"published section '{url}' no longer exists (no heading {where} has the id '{anchor}'); keep "
                    f"'{{ #{anchor} }}' on its heading, or add an anchor alias to {files.aliases} "
                    f"('- page: {key}', 'old: {anchor}', 'new: <the id it has now>').",
                )
            )
    return findings


@dataclass(frozen=True)
class AnchorAlias:
    line: int
    page: str  # page key, e.g. immunology/cytokines (both languages, and its parallel view)
    old: str
    new: str


def alias_records(records, path: str) -> tuple[list[AnchorAlias], list[Finding]]:
    """The aliases of the data file's records, and a finding for each incomplete record."""
    aliases, findings = [], []
    for record in records:
        values = {field: record.get(field) for field in ("page", "old", "new")}
        absent = [field for field, value in values.items() if not isinstance(value, str) or not value]
        if absent:
            findings.append(Finding(path, record.line, f"anchor alias has no '{absent[0]}'; write page, old and new."))
            continue
        aliases.append(AnchorAlias(record.line, values["page"], values["old"].lstrip("#"), values["new"].lstrip("#")))
    return aliases, findings


def insert_aliases(html: str, aliases: list[AnchorAlias]) -> tuple[str, list[AnchorAlias]]:
    """Put ``<span id="old">`` at the start of the heading whose id is ``new``.

    The old ``#id`` then scrolls to that heading with no script (Material's
    ``:target`` scroll margin keeps it below the header). Returns the new HTML and
    the aliases whose ``new`` heading is not on the page.
    """
    unplaced = []
    for alias in aliases:
        heading = re.compile(rf'(<h[1-6]\b[^>]*\bid="{re.escape(alias.new)}"[^>]*>)')
        target = fragment("anchor-alias.html", old=alias.old, css_class=ALIAS_CLASS)
        html, count = heading.subn(lambda m, target=target: m.group(1) + target, html, count=1)
        if not count:
            unplaced.append(alias)
    return html, unplaced
