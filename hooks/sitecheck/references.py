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
from .templates import fragment

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
    separator = "–" if is_range and len(links) == 2 else ", "
    return fragment("citation.html", anchor=site.anchor, links=links, separator=separator)


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


def valid_records(checked: Checked, path: str) -> list[Record]:
    """The entries that passed the schema and are not a second entry of a number: the only ones
    renderers see (``record_findings`` reports the others, which stops a strict build)."""
    broken = {finding.line for finding in record_findings(checked, path)}
    return [record for record in checked.valid if record.line not in broken]


def _entry(record: Record, lang: str, labels: dict) -> dict:
    """What the templates show of one (valid) entry."""
    entry = {"n": record.get("n"), "status": record.get("status"), "claim": record.get("claim." + lang)}
    if record.get("status") == "probable":
        candidate = record.get("candidate")
        confidence = str(candidate.get("confidence") or "candidate")
        entry |= {
            "citation": candidate.get("citation"),
            "doi": candidate.get("doi"),
            "confidence": confidence,
            "confidence_label": labels.get(f"reference_confidence_{confidence}", confidence),
            "note": (candidate.get("note") or {}).get(lang),
        }
    return entry


def references_page(
    records: list[Record], sites: list[CitationSite], lang: str, labels: dict, section_titles: dict
) -> str:
    """The references page of ``lang``: identified sources first, then the unknown ones as a table."""
    from .templates import render

    back_links: dict[int, list[CitationSite]] = {}
    for site in sites:
        if site.lang == lang:
            for n in site.numbers:
                back_links.setdefault(n, []).append(site)
    probable, unknown = [], []
    for record in sorted(records, key=lambda r: r.get("n")):
        entry = _entry(record, lang, labels)
        entry["places"] = [
            {
                "title": section_titles.get((site.page, lang, site.section.id if site.section else None), site.page),
                "link": f"{site.page}.md#{site.anchor}",
            }
            for site in back_links.get(entry["n"], [])
        ]
        (probable if entry["status"] == "probable" else unknown).append(entry)
    return render("references.html", probable=probable, unknown=unknown, labels=labels)


def chapter_references(
    records: dict[int, Record], sites: list[CitationSite], lang: str, labels: dict, heading: bool = True
) -> str:
    """The "References" section at the end of a chapter: every entry its citations name, by
    number; without its heading (``heading=False``) for a column of the parallel view."""
    from .templates import render

    numbers = sorted({n for site in sites for n in site.numbers if n in records})
    if not numbers:
        return ""
    page = sites[0].page
    entries = []
    for n in numbers:
        entry = _entry(records[n], lang, labels)
        entry["full"] = f"{relative_link(page, REFERENCES_PAGE)}#ref-{n}"
        entries.append(entry)
    return render("chapter-references.html", entries=entries, labels=labels, heading=heading)
