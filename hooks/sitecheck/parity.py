"""Language parity: every page in every language, same ids, same citations.

The default language's file has no suffix (``x.md``, Chinese here); each other language of
the i18n plugin's configuration has its suffix file (``x.en.md``). Instructors link to ``#ids``,
so every translation of a page must carry the same heading ids in the same order as the
original and cite the same references in each section. Each check compares one translation
with its original: ``languages`` is the pair (the original's language, the translation's).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .findings import Finding
from .markdown import mermaid_fences, parse_headings, parse_sections
from .model import language_name


def missing_translations(
    pages: Iterable[tuple[str, str, str]], languages: tuple[str, ...], path_of: Callable[[str, str], str]
) -> list[Finding]:
    """Pages that lack a language: ``pages`` are (path, key, language) of every page; ``languages``
    the site's, the default first; ``path_of(key, language)`` names the file a page would have."""
    default, others = languages[0], languages[1:]
    present = {(key, lang) for _path, key, lang in pages}
    findings = []
    for path, key, lang in sorted(pages):
        if lang != default:
            if (key, default) not in present:
                findings.append(
                    Finding(
                        path,
                        0,
                        f"{language_name(lang)} page has no {language_name(default)} original; create "
                        f"{path_of(key, default)} with the same headings and ids, or delete this file.",
                    )
                )
            continue
        for other in others:
            if (key, other) not in present:
                findings.append(
                    Finding(
                        path,
                        0,
                        f"page has no {language_name(other)} translation; create {path_of(key, other)} "
                        f"with the same headings and ids (the site never falls back to {language_name(default)}).",
                    )
                )
    return findings


def heading_findings(
    original_path: str, original_text: str, translated_path: str, translated_text: str, languages: tuple[str, str]
) -> list[Finding]:
    """Headings without an explicit id, and id sequences that differ (``original_*`` the original,
    ``translated_*`` its translation)."""
    original_name, translated_name = (language_name(lang) for lang in languages)
    findings = []
    original_headings = parse_headings(original_text)
    translated_headings = parse_headings(translated_text)
    for path, headings in ((original_path, original_headings), (translated_path, translated_headings)):
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
    original_ids = [h for h in original_headings if h.id]
    translated_ids = [h for h in translated_headings if h.id]
    for index in range(max(len(original_ids), len(translated_ids))):
        original = original_ids[index] if index < len(original_ids) else None
        translated = translated_ids[index] if index < len(translated_ids) else None
        if original and translated and original.id == translated.id:
            continue
        if original and translated:
            findings.append(
                Finding(
                    translated_path,
                    translated.line,
                    f"heading id '#{translated.id}' differs from '#{original.id}' at the same position in "
                    f"{original_path}:{original.line}; both languages must use the same ids in the same order.",
                )
            )
        elif original:
            findings.append(
                Finding(
                    translated_path,
                    0,
                    f"heading '#{original.id}' ({original_path}:{original.line}) is missing in the "
                    f"{translated_name} page; add the translated heading with the same id.",
                )
            )
        else:
            findings.append(
                Finding(
                    translated_path,
                    translated.line,
                    f"heading '#{translated.id}' has no counterpart in {original_path}; add it to the "
                    f"{original_name} page or remove it here.",
                )
            )
        break  # after the first difference the rest only repeats it
    return findings


def citation_findings(
    original_path: str, original_text: str, translated_path: str, translated_text: str, languages: tuple[str, str]
) -> list[Finding]:
    """Sections whose citation numbers differ between the original and its translation."""
    original_name, translated_name = (language_name(lang) for lang in languages)
    findings = []
    # a heading without an id is heading_findings' finding, not the text before the first heading
    translated_sections = {s.id: s for s in parse_sections(translated_text) if s.heading is None or s.id}
    for original_section in parse_sections(original_text):
        translated_section = translated_sections.get(original_section.id)
        if translated_section is None or (original_section.heading is not None and not original_section.id):
            continue  # reported by heading_findings
        original_numbers = [c.raw for c in original_section.citations]
        translated_numbers = [c.raw for c in translated_section.citations]
        if original_numbers != translated_numbers:
            where = f"section '#{original_section.id}'" if original_section.id else "the text before the first heading"
            findings.append(
                Finding(
                    translated_path,
                    translated_section.line,
                    f"citations in {where} differ between languages: {original_name} "
                    f"({original_path}:{original_section.line}) has {' '.join(original_numbers) or 'none'}, "
                    f"{translated_name} has {' '.join(translated_numbers) or 'none'}; cite the same references "
                    "at the same claims in both.",
                )
            )
    return findings


def mermaid_blocks(text: str) -> list[tuple[int, str]]:
    """(line of the opening fence, body) of every ```mermaid block."""
    return [(fence.start, "\n".join(line for _n, line in fence.lines)) for fence in mermaid_fences(text)]


def diagram_findings(
    original_path: str, original_text: str, translated_path: str, translated_text: str
) -> list[Finding]:
    """Diagrams present in one language only, or without a text alternative."""
    findings = []
    original_blocks, translated_blocks = mermaid_blocks(original_text), mermaid_blocks(translated_text)
    if len(original_blocks) != len(translated_blocks):
        findings.append(
            Finding(
                translated_path,
                0,
                f"has {len(translated_blocks)} diagram(s) but {original_path} has {len(original_blocks)}; "
                "every diagram must exist in both languages, in the same order.",
            )
        )
    for path, blocks in ((original_path, original_blocks), (translated_path, translated_blocks)):
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
