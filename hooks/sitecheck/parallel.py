"""The parallel (side-by-side) reading view of a chapter, built from its sources.

By convention (CONTRIBUTING.md, "Paragraphs") the files of a chapter in each of the
site's languages have the same top-level blocks in the same order, so the view
pairs them by position, section by section: one column per language, the default
language's first. Text in, Markdown and findings out.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from .findings import Finding
from .markdown import HEADING_ID_RE, HEADING_RE, parsed
from .model import html_language, src_uri_of
from .sections import page_url
from .templates import fragment, render

# The Chinese page repeats the source's English subtitle under a heading; the
# English page does not, so it belongs to the heading rather than being a block.
SUBTITLE_RE = re.compile(r'^<p class="source-subtitle"')
# A relative link to another page of the site: ](t-cells.md#x) -> rebased
RELATIVE_LINK_RE = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|/|#)([^)\s]+\.md(?:#[^)\s]*)?)")
# A Mermaid click link to a relative URL: click node href "../../glossary/#x"
MERMAID_HREF_RE = re.compile(r'^(\s*click\s+\S+\s+href\s+")(?![a-z][a-z0-9+.-]*:|/|#)([^"]*)', re.M)
# Ids a block gives its elements: raw HTML id="x", a block attribute list { #x .class }
HTML_ID_RE = re.compile(r'(\sid=")([^"]+")')
ATTR_LIST_LINE_RE = re.compile(r"^(\s*\{:?[^}\n]*?)#([A-Za-z][\w-]*)([^}\n]*\}\s*)$", re.M)
# Where the generated pages live, below each language's root
PARALLEL_DIR = "parallel"


@dataclass(frozen=True)
class Block:
    line: int  # first line, 1-based
    text: str


@dataclass
class Section:
    """A heading (None before the first) and the blocks up to the next heading."""

    line: int
    level: int
    id: str | None
    title: str
    subtitle: str = ""  # the Chinese page's source-subtitle line, as written
    blocks: list[Block] = field(default_factory=list)


def split_blocks(text: str) -> list[Block]:
    """Top-level blocks: paragraphs, headings, admonitions with their indented
    bodies, lists, raw HTML, fenced code (kept whole, blank lines and all)."""
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    blank_before = False
    lines = text.splitlines()
    # where each top-level fenced block ends: the one tokenizer's fences (sitecheck.markdown);
    # an indented fence belongs to the body (an admonition's) it is indented in
    fence_ends = {
        fence.start: fence.end or len(lines)
        for fence in parsed(text).blocks.fences
        if not lines[fence.start - 1].startswith(("    ", "\t"))
    }
    inside_until = 0  # the last line of the fenced block being read

    def close() -> None:
        nonlocal current
        if current:
            blocks.append(Block(start, "\n".join(current).rstrip("\n")))
        current = []

    for number, line in enumerate(lines, start=1):
        if number <= inside_until:
            current.append(line)
            continue
        if not line.strip():
            blank_before = True
            if current:
                current.append("")
            continue
        indented = line.startswith(("    ", "\t"))
        if current and (indented or not blank_before) and not HEADING_RE.match(line):
            current.append(line)  # an indented body or a continuation line
        else:
            close()
            start = number
            current = [line]
            if HEADING_RE.match(line):
                close()
        if number in fence_ends:
            inside_until = fence_ends[number]
        blank_before = False
    close()
    return blocks


def split_sections(text: str) -> list[Section]:
    """The page's sections in order; blocks before the first heading form the first one."""
    sections = [Section(1, 0, None, "")]
    for block in split_blocks(text):
        heading = HEADING_RE.match(block.text) if "\n" not in block.text else None
        if heading:
            title = heading.group(2)
            id_match = HEADING_ID_RE.search(title)
            if id_match:
                title = title[: id_match.start()].rstrip()
            sections.append(Section(block.line, len(heading.group(1)), id_match.group(1) if id_match else None, title))
        elif SUBTITLE_RE.match(block.text) and not sections[-1].blocks and not sections[-1].subtitle:
            sections[-1].subtitle = block.text
        else:
            sections[-1].blocks.append(block)
    if not sections[0].blocks:
        sections.pop(0)
    return sections


@dataclass
class SectionPair:
    """One section of a chapter in every language (language -> section, the default first)."""

    sections: dict[str, Section]

    @property
    def rows(self) -> list[dict[str, Block | None]]:
        """Blocks paired by position (language -> block); the shorter sides are padded with
        None so nothing is dropped."""
        count = max(len(section.blocks) for section in self.sections.values())
        return [
            {lang: section.blocks[n] if n < len(section.blocks) else None for lang, section in self.sections.items()}
            for n in range(count)
        ]


def pair_sections(files: dict[str, tuple[str, str]]) -> tuple[list[SectionPair], list[Finding]]:
    """Pair a chapter's pages section by section: ``files`` is language -> (path, text), the
    default language first. A finding wherever a translation's blocks cannot be paired one to
    one with the original's (the view would misalign there)."""
    (original, (original_path, original_text)), *translations = files.items()
    sections = {original: split_sections(original_text)}
    findings: list[Finding] = []
    for lang, (path, text) in translations:
        sections[lang] = split_sections(text)
        if [s.id for s in sections[original]] != [s.id for s in sections[lang]]:
            findings.append(
                Finding(
                    path,
                    0,
                    f"parallel view: the headings differ from {original_path}, so its sections cannot be paired; "
                    "give both files the same headings with the same ids in the same order.",
                )
            )
    if findings:
        return [], findings
    pairs = [SectionPair(dict(zip(sections, row, strict=True))) for row in zip(*sections.values(), strict=True)]
    for lang, (path, _text) in translations:
        for pair in pairs:
            first, section = pair.sections[original], pair.sections[lang]
            if len(first.blocks) != len(section.blocks):
                name = f"#{first.id}" if first.id else "(before the first heading)"
                findings.append(
                    Finding(
                        path,
                        section.line,
                        f"parallel view: section '{name}' has {len(section.blocks)} paragraphs/blocks here but "
                        f"{len(first.blocks)} in {original_path}:{first.line}, so the side-by-side view misaligns; "
                        "give both files the same paragraphs, lists, admonitions and notes in the same order.",
                    )
                )
    return pairs, findings


def parallel_src_uri(page: str, lang: str, default_language: str) -> str:
    """'immunology/cytokines', 'en' -> 'parallel/immunology/cytokines.en.md' (the suffix
    convention of the real pages, so links between languages resolve the same way)."""
    return src_uri_of(f"{PARALLEL_DIR}/{page}", lang, default_language)


def rebase_links(text: str, page: str) -> str:
    """Relative links of chapter ``page`` made to work from its view below parallel/,
    still pointing where they pointed: Markdown page links and Mermaid click URLs."""
    source_dir = PurePosixPath(page).parent
    md_prefix = "../" * len(PurePosixPath(PARALLEL_DIR, page).parent.parts)
    md_prefix += "" if source_dir == PurePosixPath(".") else f"{source_dir}/"
    url_dir = page_url(page)  # the chapter's URL folder: 'immunology/cytokines/'
    url_prefix = "../" * (url_dir.count("/") + 1) + url_dir
    text = RELATIVE_LINK_RE.sub(lambda m: "](" + _joined(md_prefix, m.group(1)), text)
    return MERMAID_HREF_RE.sub(lambda m: m.group(1) + _joined(url_prefix, m.group(2)), text)


def _joined(prefix: str, href: str) -> str:
    """'../../immunology/cytokines/' + '../t-cells/#x' -> '../../immunology/t-cells/#x'."""
    path, hash_, fragment = href.partition("#")
    joined = posixpath.normpath(prefix + path) + ("/" if path.endswith("/") else "")
    return joined + hash_ + fragment


def prefix_ids(text: str, prefix: str) -> str:
    """Give a column's ids a language prefix (figure-3 -> en-figure-3): the parallel
    page shows both languages, and each would otherwise repeat the other's ids."""
    text = HTML_ID_RE.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", text)
    return ATTR_LIST_LINE_RE.sub(lambda m: f"{m.group(1)}#{prefix}-{m.group(2)}{m.group(3)}", text)


def _row(bodies: dict[str, str], kind: str) -> str:
    """One row: language -> the column's Markdown, in the site's order of languages."""
    columns = [{"lang": html_language(lang), "body": body} for lang, body in bodies.items()]
    return fragment("parallel-row.md", kind=kind, columns=columns)


def _title_block(section: Section) -> str:
    return fragment("parallel-title.md", title=section.title, subtitle=section.subtitle)


def view_rows(page: str, pairs: list[SectionPair], render_block) -> list[tuple[str | None, list[str]]]:
    """Each pair's title row (None where no column has a heading) and its blocks' rows: the same
    in every page language. ``render_block(text, lang, line)`` renders markers (citations, notes)
    per column; ``line`` is the block's first line in the chapter's file of that language."""
    rows = []
    for pair in pairs:
        title_row = None
        if any(section.id is not None for section in pair.sections.values()):
            title_row = _row({code: _title_block(part) for code, part in pair.sections.items()}, "title")
        text_rows = []
        for row in pair.rows:
            columns = {
                code: render_block(rebase_links(block.text, page), code, block.line) if block else ""
                for code, block in row.items()
            }
            text_rows.append(_row(columns, "text"))
        rows.append((title_row, text_rows))
    return rows


def parallel_page_markdown(
    pairs: list[SectionPair],
    lang: str,
    labels: dict,
    chapter_link: str,
    rows: list[tuple[str | None, list[str]]],
) -> str:
    """The view in one page language: real headings (page language, the chapter's
    ids, so #il-17 works here too), then each section's blocks row by row: ``rows``, the
    pairs' ``view_rows()`` (the same for each page language: a build that makes every
    language's view renders them once)."""
    front_matter = ["search:", "  exclude: true", "hide:", "  - navigation"]
    title = next((pair.sections[lang].title for pair in pairs if pair.sections[lang].level == 1), None)
    if title is not None:
        front_matter.append(f"description: {json.dumps(view_description(title, labels), ensure_ascii=False)}")
    out = ["---", *front_matter, "---", ""]
    for pair, (title_row, text_rows) in zip(pairs, rows, strict=True):
        section = pair.sections[lang]
        if section.id is not None:
            title = section.title
            if section.level == 1:
                title = f"{labels['parallel_title']}{labels['colon']}{title}"
            out.append(f"{'#' * section.level} {title} {{ #{section.id} }}\n")
            if section.level == 1:
                out.append(render("parallel-back.md", labels=labels, target=chapter_link))
            out.append(title_row + "\n")
        out += [text_row + "\n" for text_row in text_rows]
    return "\n".join(out)


def view_description(title: str, labels: dict) -> str:
    """The view's description for search engines and link previews (hooks/seo.py reads the page's
    own text otherwise): which chapter, and that it is that chapter's two languages side by side.
    Not the chapter's description: its text is the chapter's, whose page has that summary, and
    two pages with one description are one too many."""
    return labels["parallel_description"].format(chapter_title=title)


def references_markdown(lang: str, labels: dict[str, dict], lists: dict[str, str]) -> str:
    """The view's last section, as a chapter's: the references the chapter cites, each column
    its own language's list (the citation popovers of that column read it: citations.js).
    ``lists`` is language -> that list, in the order of the columns."""
    if not any(listing.strip() for listing in lists.values()):
        return ""
    titles = {
        code: fragment("parallel-title.md", title=labels[code]["chapter_references"], subtitle=None) for code in lists
    }
    return (
        f"## {labels[lang]['chapter_references']} {{ #references-cited }}\n\n"
        + _row(titles, "title")
        + "\n\n"
        + _row({code: listing.strip() for code, listing in lists.items()}, "text")
        + "\n"
    )


def chapter_link_markdown(target: str, labels: dict) -> str:
    """The link to the view, placed near the top of a chapter page."""
    return render("parallel-link.md", labels=labels, target=target)


def insert_after_title(markdown: str, snippet: str) -> str:
    """Insert ``snippet`` after the page's H1 (and its source-subtitle line, if any)."""
    lines = markdown.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.startswith("# "):
            at = index + 1
            following = [i for i in range(at, len(lines)) if lines[i].strip()]
            if following and SUBTITLE_RE.match(lines[following[0]]):
                at = following[0] + 1
            return "".join(lines[:at]) + "\n" + snippet + "\n" + "".join(lines[at:])
    return snippet + "\n" + markdown
