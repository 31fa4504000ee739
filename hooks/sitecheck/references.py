"""References 1–41: data checks, citation checks, and the Markdown they render to.

The source's own reference list is missing. An entry is either ``unknown``
(shown honestly as unknown, with the claim it supports) or ``probable``
(a real paper identified from the claim, never confirmed): nothing here may
add bibliographic data that the data file does not hold.
"""

from __future__ import annotations

from collections.abc import Iterable

from .data import Record
from .findings import Finding
from .pages import CitationSite, relative_link
from .schema import Checked, check_references

REFERENCES_PAGE = "references"


def record_findings(records: list[Record] | Checked, path: str) -> list[Finding]:
    """Schema errors (missing or mistyped fields, status against candidate) and duplicate numbers."""
    checked = records if isinstance(records, Checked) else check_references(records, path)
    findings = list(checked.findings)
    seen: dict[int, int] = {}
    for record in checked.usable:
        n = record.get("n")
        if n is None:
            continue  # the schema's finding
        if n in seen:
            findings.append(
                Finding(
                    path,
                    record.line,
                    f"reference {n} is defined twice (first at line {seen[n]}); merge them.",
                )
            )
        seen.setdefault(n, record.line)
    return findings


def citation_findings(sites: Iterable[CitationSite], records: list[Record], data_path: str) -> list[Finding]:
    """Malformed markers, numbers with no entry, entries never cited, stale cited_in."""
    findings = []
    entries = {r.get("n"): r for r in records}
    cited: dict[int, set[str]] = {}
    for site in sites:
        if not site.numbers:
            findings.append(
                Finding(
                    site.path,
                    site.line,
                    f"citation {site.raw} is malformed; write [@n], a rising range [@n-m] or a list [@n,m].",
                )
            )
            continue
        for n in site.numbers:
            if n not in entries:
                findings.append(
                    Finding(
                        site.path,
                        site.line,
                        f"citation {site.raw} cites reference {n}, which has no entry in {data_path}; "
                        f"add an entry 'n: {n}' or correct the number.",
                    )
                )
            elif site.section is not None and site.section.id:
                cited.setdefault(n, set()).add(f"{site.page}#{site.section.id}")
    for n, record in sorted(entries.items(), key=lambda item: (item[0] is None, item[0] or 0)):
        if not isinstance(n, int):
            continue
        if n not in cited:
            findings.append(
                Finding(
                    data_path,
                    record.line,
                    f"reference {n} is never cited; cite it with [@{n}] where the source does, or remove the entry.",
                )
            )
            continue
        declared = set(record.get("cited_in") or [])
        if declared != cited[n]:
            findings.append(
                Finding(
                    data_path,
                    record.line,
                    f"reference {n} lists cited_in {sorted(declared)} but the pages cite it in "
                    f"{sorted(cited[n])}; make cited_in match.",
                )
            )
    return findings


def preview(record: Record | None, n: int, lang: str, labels: dict) -> str:
    """The hover text of a citation link: what is known of the entry, briefly."""
    if record is None:
        return f"[{n}]"
    if record.get("status") == "probable":
        return f"[{n}] {record.get('candidate.citation')} — {labels['reference_probable']}"
    return (
        f"[{n}] {labels['citation_unknown']}{labels['stop']}"
        f"{labels['reference_claim']}{labels['colon']}{record.get('claim.' + lang)}"
    )


def _title_attribute(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', "&quot;")


def citation_markdown(site: CitationSite, records: dict[int, Record], lang: str, labels: dict) -> str:
    """``[@7-8]`` -> a superscript with one link per number to the references page."""
    target = relative_link(site.page, REFERENCES_PAGE)
    links = []
    for n in site.numbers:
        title = _title_attribute(preview(records.get(n), n, lang, labels))
        links.append(f'[{n}]({target}#ref-{n} "{title}")')
    # A two-number range keeps its dash ([7–8]); longer ranges expand so that
    # every number is visible and has its own link ([9, 10, 11]).
    is_range = "-" in site.raw or "–" in site.raw
    inner = "–".join(links) if is_range and len(links) == 2 else ", ".join(links)
    return f'<sup class="citation" id="{site.anchor}">&#91;{inner}&#93;</sup>'


def replace_citations(text: str, sites: list[CitationSite], records: dict, lang: str, labels: dict) -> str:
    """Rewrite every marker of a page (in order) into its rendered Markdown."""
    by_line: dict[int, list[CitationSite]] = {}
    for site in sites:
        by_line.setdefault(site.line, []).append(site)
    lines = text.splitlines(keepends=True)
    for number, line_sites in by_line.items():
        line = lines[number - 1]
        for site in line_sites:
            line = line.replace(site.raw, citation_markdown(site, records, lang, labels), 1)
        lines[number - 1] = line
    return "".join(lines)


def references_page_markdown(
    records: list[Record], sites: list[CitationSite], lang: str, labels: dict, section_titles: dict
) -> str:
    """The list of entries ``ref-1`` … for the references page of ``lang``."""
    back_links: dict[int, list[CitationSite]] = {}
    for site in sites:
        if site.lang == lang:
            for n in site.numbers:
                back_links.setdefault(n, []).append(site)
    blocks = []
    for record in sorted(records, key=lambda r: r.get("n")):
        n = record.get("n")
        parts = [f'<div class="reference" id="ref-{n}" markdown>', ""]
        if record.get("status") == "probable":
            candidate = record.get("candidate")
            doi = candidate.get("doi")
            doi_link = f" [doi:{doi}](https://doi.org/{doi})" if doi else ""
            confidence = labels.get(f"reference_confidence_{candidate.get('confidence')}", "")
            parts.append(f"**[{n}]** {candidate['citation']}{doi_link}")
            parts.append("")
            parts.append(f"*{labels['reference_probable']}* · {confidence}")
            note = (candidate.get("note") or {}).get(lang)
            if note:
                parts += ["", f"{labels['reference_note']}{labels['colon']}{note}"]
        else:
            parts.append(f"**[{n}]** *{labels['reference_unknown']}*")
        parts += ["", f"{labels['reference_claim']}{labels['colon']}{record.get('claim.' + lang)}", ""]
        places = []
        for site in back_links.get(n, []):
            title = section_titles.get((site.page, lang, site.section.id if site.section else None), site.page)
            places.append(f"[{title} ↩]({site.page}.md#{site.anchor})")
        parts.append(f"{labels['reference_cited_at']}{labels['colon']}" + " · ".join(places))
        parts += ["", "</div>", ""]
        blocks.append("\n".join(parts))
    return "\n".join(blocks)
