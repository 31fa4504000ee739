"""The parallel (side-by-side) reading view of a chapter, built from its two sources.

By convention (CONTRIBUTING.md, "Paragraphs") the Chinese and English files of
a chapter have the same top-level blocks in the same order, so the view pairs
them by position, section by section. Text in, Markdown and findings out.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from .findings import Finding
from .markdown import HEADING_ID_RE, HEADING_RE, parsed
from .model import html_language
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

# Every chapter opens with its learning objectives (CONTRIBUTING.md); other pages do not
CHAPTER_RE = re.compile(r"^!!! objectives\b", re.M)
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


def is_chapter(text: str) -> bool:
    """A chapter of the review (it gets a parallel view), not a reference or home page."""
    return CHAPTER_RE.search(text) is not None


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
    zh: Section
    en: Section

    @property
    def rows(self) -> list[tuple[Block | None, Block | None]]:
        """Blocks paired by position; the shorter side is padded so nothing is dropped."""
        count = max(len(self.zh.blocks), len(self.en.blocks))
        pad = [None] * count
        return list(zip((self.zh.blocks + pad)[:count], (self.en.blocks + pad)[:count], strict=True))


def pair_sections(zh_path: str, zh_text: str, en_path: str, en_text: str) -> tuple[list[SectionPair], list[Finding]]:
    """Pair the two pages section by section; a finding wherever the blocks
    cannot be paired one to one (the view would misalign there)."""
    zh_sections, en_sections = split_sections(zh_text), split_sections(en_text)
    findings: list[Finding] = []
    if [s.id for s in zh_sections] != [s.id for s in en_sections]:
        findings.append(
            Finding(
                en_path,
                0,
                f"parallel view: the headings differ from {zh_path}, so its sections cannot be paired; "
                "give both files the same headings with the same ids in the same order.",
            )
        )
        return [], findings
    pairs = [SectionPair(zh, en) for zh, en in zip(zh_sections, en_sections, strict=True)]
    for pair in pairs:
        if len(pair.zh.blocks) != len(pair.en.blocks):
            name = f"#{pair.zh.id}" if pair.zh.id else "(before the first heading)"
            findings.append(
                Finding(
                    en_path,
                    pair.en.line,
                    f"parallel view: section '{name}' has {len(pair.en.blocks)} paragraphs/blocks here but "
                    f"{len(pair.zh.blocks)} in {zh_path}:{pair.zh.line}, so the side-by-side view misaligns; "
                    "give both files the same paragraphs, lists, admonitions and notes in the same order.",
                )
            )
    return pairs, findings


def parallel_src_uri(page: str, lang: str) -> str:
    """'immunology/cytokines', 'en' -> 'parallel/immunology/cytokines.en.md' (the suffix
    convention of the real pages, so links between languages resolve the same way)."""
    suffix = "" if lang == "zh" else f".{lang}"
    return f"{PARALLEL_DIR}/{page}{suffix}.md"


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


def _row(zh: str, en: str, kind: str) -> str:
    columns = [{"lang": html_language("zh"), "body": zh}, {"lang": html_language("en"), "body": en}]
    return fragment("parallel-row.md", kind=kind, columns=columns)


def _title_block(section: Section) -> str:
    return fragment("parallel-title.md", title=section.title, subtitle=section.subtitle)


def parallel_page_markdown(
    page: str,
    pairs: list[SectionPair],
    lang: str,
    labels: dict,
    chapter_link: str,
    render_block,
) -> str:
    """The view in one page language: real headings (page language, the chapter's
    ids, so #il-17 works here too), then each section's blocks row by row.
    ``render_block(text, lang, line)`` renders markers (citations, notes) per column; ``line``
    is the block's first line in the chapter's file of that language."""
    front_matter = ["search:", "  exclude: true", "hide:", "  - navigation"]
    title = next((section.title for section in _sections(pairs, lang) if section.level == 1), None)
    if title is not None:
        front_matter.append(f"description: {json.dumps(view_description(title, labels), ensure_ascii=False)}")
    out = ["---", *front_matter, "---", ""]
    for pair in pairs:
        section = pair.zh if lang == "zh" else pair.en
        if section.id is not None:
            title = section.title
            if section.level == 1:
                title = f"{labels['parallel_title']}{labels['colon']}{title}"
            out.append(f"{'#' * section.level} {title} {{ #{section.id} }}\n")
            if section.level == 1:
                out.append(render("parallel-back.md", labels=labels, target=chapter_link))
            out.append(_row(_title_block(pair.zh), _title_block(pair.en), "title") + "\n")
        for zh_block, en_block in pair.rows:
            zh = render_block(rebase_links(zh_block.text, page), "zh", zh_block.line) if zh_block else ""
            en = render_block(rebase_links(en_block.text, page), "en", en_block.line) if en_block else ""
            out.append(_row(zh, en, "text") + "\n")
    return "\n".join(out)


def _sections(pairs: list[SectionPair], lang: str) -> list[Section]:
    return [pair.zh if lang == "zh" else pair.en for pair in pairs]


def view_description(title: str, labels: dict) -> str:
    """The view's description for search engines and link previews (hooks/seo.py reads the page's
    own text otherwise): which chapter, and that it is that chapter's two languages side by side.
    Not the chapter's description: its text is the chapter's, whose page has that summary, and
    two pages with one description are one too many."""
    return labels["parallel_description"].format(chapter_title=title)


def references_markdown(lang: str, labels: dict[str, dict], zh_list: str, en_list: str) -> str:
    """The view's last section, as a chapter's: the references the chapter cites, each column
    its own language's list (the citation popovers of that column read it: citations.js)."""
    if not zh_list.strip() and not en_list.strip():
        return ""
    titles = {
        code: fragment("parallel-title.md", title=labels[code]["chapter_references"], subtitle=None) for code in labels
    }
    return (
        f"## {labels[lang]['chapter_references']} {{ #references-cited }}\n\n"
        + _row(titles["zh"], titles["en"], "title")
        + "\n\n"
        + _row(zh_list.strip(), en_list.strip(), "text")
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
