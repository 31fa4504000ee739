"""Read the few structures the checks need out of the site's Markdown.

The parsing is line based and deliberately small: headings with attr_list ids,
citation markers ``[@n]``, fenced blocks (skipped) and top-level blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
HEADING_ID_RE = re.compile(r"\{\s*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
# [@7], [@7-8], [@7–8], [@9,12] — the one citation markup of the site
CITATION_RE = re.compile(r"\[@([0-9][0-9\s,\-–]*)\]")
FENCE_RE = re.compile(r"^\s*(```|~~~)")
SECTION_NUMBER_RE = re.compile(r"^(\d+(?:\.\d+)*)\s")


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    title: str  # without the attr_list
    id: str | None

    @property
    def number(self) -> str | None:
        """The source section number the title starts with ("1.3.1"), if any."""
        match = SECTION_NUMBER_RE.match(self.title)
        return match.group(1) if match else None


@dataclass(frozen=True)
class Citation:
    line: int
    raw: str  # the marker as written, e.g. "[@7-8]"
    numbers: tuple[int, ...]  # expanded: (7, 8)


@dataclass
class Section:
    """The text from one heading to the next; ``id`` is None before the first."""

    id: str | None
    line: int
    heading: Heading | None
    citations: list[Citation] = field(default_factory=list)


@dataclass(frozen=True)
class Fence:
    """One fenced block: ```` ```mermaid ```` … ```` ``` ````."""

    start: int  # line of the opening fence
    end: int | None  # line of the closing fence; None when the page ends inside the block
    info: str  # what follows the opening marker ("mermaid")
    lines: tuple[tuple[int, str], ...]  # (line number, line) inside the fences


@dataclass(frozen=True)
class Blocks:
    """A page split into the lines outside fenced blocks and the fenced blocks themselves."""

    content: tuple[tuple[int, str], ...]
    fences: tuple[Fence, ...]


def tokenize(text: str) -> Blocks:
    """The one fence tracker of the checks: a fence closes at the next fence of the same marker."""
    if "```" not in text and "~~~" not in text:  # no line can open a fence: every line is content
        return Blocks(tuple(enumerate(text.splitlines(), start=1)), ())
    content: list[tuple[int, str]] = []
    fences: list[Fence] = []
    fence: tuple[str, int, str, list] | None = None  # (marker, start, info, lines)
    for number, line in enumerate(text.splitlines(), start=1):
        match = FENCE_RE.match(line)
        if match and fence is None:
            fence = (match.group(1), number, line.strip()[3:].strip(), [])
        elif match and match.group(1) == fence[0]:
            fences.append(Fence(fence[1], number, fence[2], tuple(fence[3])))
            fence = None
        elif fence is not None:
            fence[3].append((number, line))
        else:
            content.append((number, line))
    if fence is not None:
        fences.append(Fence(fence[1], None, fence[2], tuple(fence[3])))
    return Blocks(tuple(content), tuple(fences))


class Parsed:
    """One text's structures, each computed on first use and kept: the text is tokenized once."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def blocks(self) -> Blocks:
        return tokenize(self.text)

    @cached_property
    def headings(self) -> tuple[Heading, ...]:
        return tuple(_headings(self.blocks.content))

    @cached_property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(_citations(self.blocks.content))

    @cached_property
    def sections(self) -> tuple[Section, ...]:
        return tuple(_sections(self.blocks.content, self.headings, self.citations))


# The site model's pages of this build (sitecheck/model.py), by text: the checks and renderers
# take a page's text, and a text that is a page's is not parsed again. Other texts (a generated
# page, a paragraph of the parallel view, in each language pass) are kept for the build too.
# Both are replaced at each build.
_pages: dict[str, Parsed] = {}
_others: dict[str, Parsed] = {}
OTHERS_KEPT = 4096  # outside a build (scripts, tests) nothing clears them


def remember(pages: Iterable[Parsed]) -> None:
    """Make ``pages`` the parsed texts of this build (and forget the previous build's)."""
    _pages.clear()
    _others.clear()
    _pages.update((page.text, page) for page in pages)


def parsed(text: str) -> Parsed:
    """The page's own parse when ``text`` is a page of this build, else this build's parse of it."""
    known = _pages.get(text) or _others.get(text)
    if known is None:
        if len(_others) >= OTHERS_KEPT:
            _others.clear()
        known = _others[text] = Parsed(text)
    return known


def content_lines(text: str) -> list[tuple[int, str]]:
    """(line number, line) for every line outside fenced code blocks."""
    return list(parsed(text).blocks.content)


def mermaid_fences(text: str) -> list[Fence]:
    """The closed ```mermaid blocks of a page, in order."""
    return [f for f in parsed(text).blocks.fences if f.info.startswith("mermaid") and f.end is not None]


def parse_headings(text: str) -> list[Heading]:
    return list(parsed(text).headings)


def _headings(content: Iterable[tuple[int, str]]) -> Iterable[Heading]:
    for number, line in content:
        match = HEADING_RE.match(line)
        if not match:
            continue
        title = match.group(2)
        id_match = HEADING_ID_RE.search(title)
        heading_id = id_match.group(1) if id_match else None
        if id_match:
            title = title[: id_match.start()].rstrip()
        yield Heading(number, len(match.group(1)), title, heading_id)


def expand_citation(body: str) -> tuple[int, ...] | None:
    """'7-8' -> (7, 8); '9,12' -> (9, 12); None when the body is malformed."""
    numbers: list[int] = []
    for part in body.replace("–", "-").split(","):
        part = part.strip()
        if re.fullmatch(r"\d+", part):
            numbers.append(int(part))
            continue
        match = re.fullmatch(r"(\d+)\s*-\s*(\d+)", part)
        if not match:
            return None
        first, last = int(match.group(1)), int(match.group(2))
        if last <= first:
            return None
        numbers.extend(range(first, last + 1))
    return tuple(numbers)


def parse_citations(text: str) -> list[Citation]:
    return list(parsed(text).citations)


def _citations(content: Iterable[tuple[int, str]]) -> Iterable[Citation]:
    for number, line in content:
        for match in CITATION_RE.finditer(line):
            numbers = expand_citation(match.group(1))
            yield Citation(number, match.group(0), numbers or ())


def parse_sections(text: str) -> list[Section]:
    """Split a page at its headings; each citation belongs to its section."""
    return list(parsed(text).sections)


def _sections(content, headings, citations) -> list[Section]:
    by_line = {h.line: h for h in headings}
    sections = [Section(None, 1, None)]
    citations_by_line: dict[int, list[Citation]] = {}
    for citation in citations:
        citations_by_line.setdefault(citation.line, []).append(citation)
    for number, _line in content:
        heading = by_line.get(number)
        if heading is not None:
            sections.append(Section(heading.id, number, heading))
        sections[-1].citations.extend(citations_by_line.get(number, []))
    return sections
