"""Chinese/English parity: every page in both languages, same ids, same citations.

Chinese is the default language (``x.md``); English is the suffix file
(``x.en.md``). Instructors link to ``#ids``, so the two files of a page must
carry the same heading ids in the same order and cite the same references in
each section.
"""

from __future__ import annotations

from collections.abc import Iterable

from .findings import Finding
from .markdown import mermaid_fences, parse_headings, parse_sections

EN_SUFFIX = ".en.md"


def english_path(zh_path: str) -> str:
    return zh_path[: -len(".md")] + EN_SUFFIX


def chinese_path(en_path: str) -> str:
    return en_path[: -len(EN_SUFFIX)] + ".md"


def missing_translations(paths: Iterable[str]) -> list[Finding]:
    """Pages that exist in one language only."""
    paths = set(paths)
    findings = []
    for path in sorted(paths):
        if path.endswith(EN_SUFFIX):
            if chinese_path(path) not in paths:
                findings.append(
                    Finding(
                        path,
                        0,
                        f"English page has no Chinese original; create {chinese_path(path)} "
                        "with the same headings and ids, or delete this file.",
                    )
                )
        elif english_path(path) not in paths:
            findings.append(
                Finding(
                    path,
                    0,
                    f"page has no English translation; create {english_path(path)} "
                    "with the same headings and ids (the site never falls back to Chinese).",
                )
            )
    return findings


def heading_findings(zh_path: str, zh_text: str, en_path: str, en_text: str) -> list[Finding]:
    """Headings without an explicit id, and id sequences that differ."""
    findings = []
    zh_headings = parse_headings(zh_text)
    en_headings = parse_headings(en_text)
    for path, headings in ((zh_path, zh_headings), (en_path, en_headings)):
        for heading in headings:
            if heading.id is None:
                findings.append(
                    Finding(
                        path,
                        heading.line,
                        f"heading '{heading.title}' has no explicit id; add one that is the "
                        "same in both languages, e.g. '{ #short-ascii-id }'.",
                    )
                )
    zh_ids = [h for h in zh_headings if h.id]
    en_ids = [h for h in en_headings if h.id]
    for index in range(max(len(zh_ids), len(en_ids))):
        zh = zh_ids[index] if index < len(zh_ids) else None
        en = en_ids[index] if index < len(en_ids) else None
        if zh and en and zh.id == en.id:
            continue
        if zh and en:
            findings.append(
                Finding(
                    en_path,
                    en.line,
                    f"heading id '#{en.id}' differs from '#{zh.id}' at the same position in "
                    f"{zh_path}:{zh.line}; both languages must use the same ids in the same order.",
                )
            )
        elif zh:
            findings.append(
                Finding(
                    en_path,
                    0,
                    f"heading '#{zh.id}' ({zh_path}:{zh.line}) is missing in the English page; "
                    "add the translated heading with the same id.",
                )
            )
        else:
            findings.append(
                Finding(
                    en_path,
                    en.line,
                    f"heading '#{en.id}' has no counterpart in {zh_path}; add it to the "
                    "Chinese page or remove it here.",
                )
            )
        break  # after the first difference the rest only repeats it
    return findings


def citation_findings(zh_path: str, zh_text: str, en_path: str, en_text: str) -> list[Finding]:
    """Sections whose citation numbers differ between the two languages."""
    findings = []
    # a heading without an id is heading_findings' finding, not the text before the first heading
    en_sections = {s.id: s for s in parse_sections(en_text) if s.heading is None or s.id}
    for zh_section in parse_sections(zh_text):
        en_section = en_sections.get(zh_section.id)
        if en_section is None or (zh_section.heading is not None and not zh_section.id):
            continue  # reported by heading_findings
        zh_numbers = [c.raw for c in zh_section.citations]
        en_numbers = [c.raw for c in en_section.citations]
        if zh_numbers != en_numbers:
            where = f"section '#{zh_section.id}'" if zh_section.id else "the text before the first heading"
            findings.append(
                Finding(
                    en_path,
                    en_section.line,
                    f"citations in {where} differ between languages: Chinese "
                    f"({zh_path}:{zh_section.line}) has {' '.join(zh_numbers) or 'none'}, "
                    f"English has {' '.join(en_numbers) or 'none'}; cite the same references "
                    "at the same claims in both.",
                )
            )
    return findings


def mermaid_blocks(text: str) -> list[tuple[int, str]]:
    """(line of the opening fence, body) of every ```mermaid block."""
    return [(fence.start, "\n".join(line for _n, line in fence.lines)) for fence in mermaid_fences(text)]


def diagram_findings(zh_path: str, zh_text: str, en_path: str, en_text: str) -> list[Finding]:
    """Diagrams present in one language only, or without a text alternative."""
    findings = []
    zh_blocks, en_blocks = mermaid_blocks(zh_text), mermaid_blocks(en_text)
    if len(zh_blocks) != len(en_blocks):
        findings.append(
            Finding(
                en_path,
                0,
                f"has {len(en_blocks)} diagram(s) but {zh_path} has {len(zh_blocks)}; "
                "every diagram must exist in both languages, in the same order.",
            )
        )
    for path, blocks in ((zh_path, zh_blocks), (en_path, en_blocks)):
        for line, body in blocks:
            for keyword in ("accTitle", "accDescr"):
                if not any(row.strip().startswith(keyword + ":") for row in body.splitlines()):
                    findings.append(
                        Finding(
                            path,
                            line,
                            f"diagram has no {keyword}; add '{keyword}: …' inside the mermaid block "
                            "so screen readers and the PDF carry a text alternative.",
                        )
                    )
    return findings
