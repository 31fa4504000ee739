"""The site's pages as the checks see them: key, language, sections, citations."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .markdown import Heading


@dataclass(frozen=True)
class CitationSite:
    """One citation marker on one page, with the anchor the build gives it."""

    path: str  # docs/immunology/t-cells.md
    page: str  # immunology/t-cells
    lang: str  # zh | en
    line: int
    raw: str  # [@7-8]
    numbers: tuple[int, ...]
    anchor: str  # cite-3: the marker's position on the page, the same in both languages
    section: Heading | None  # the nearest heading above the marker


def sites_of(path: str, page: str, lang: str, sections) -> list[CitationSite]:
    """The citation markers of a page's sections, numbered through the page."""
    sites = []
    for section in sections:
        for citation in section.citations:
            sites.append(
                CitationSite(
                    path,
                    page,
                    lang,
                    citation.line,
                    citation.raw,
                    citation.numbers,
                    f"cite-{len(sites) + 1}",
                    section.heading,
                )
            )
    return sites


def sites_in_lines(sites, first: int, last: int | None = None) -> list[CitationSite]:
    """The sites of a page on its lines ``first``..``last``, numbered as on the page and placed in
    that part of it (its line ``first`` is line 1): a block of the parallel view, or the Markdown
    MkDocs reads below the front matter. The page's numbering is the only one; no part counts again."""
    return [
        replace(site, line=site.line - first + 1)
        for site in sites
        if site.line >= first and (last is None or site.line <= last)
    ]


def body_line(text: str, markdown: str) -> int | None:
    """The line of page source ``text`` where ``markdown`` (what MkDocs reads of it: without the
    front matter, trailing newlines aside) starts; None when it is not the rest of the source."""
    body, rest = markdown.rstrip("\n"), text.rstrip("\n")
    start = len(rest) - len(body)
    if start < 0 or not rest.endswith(body) or (start and rest[start - 1] != "\n"):
        return None
    return rest.count("\n", 0, start) + 1


def relative_link(from_page: str, to_page: str) -> str:
    """A Markdown link target from one page source to another ('../references.md')."""
    depth = from_page.count("/")
    return "../" * depth + to_page + ".md"
