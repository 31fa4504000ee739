"""Corrections and editor's notes (docs/_data/corrections/*.yml).

Every change this edition makes to the source's words is a correction entry;
every doubt about the source's meaning is a note, shown in place through a
``[[note:id]]`` marker on its own line, and both are listed on the
editorial-notes page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .data import Record
from .findings import Finding
from .markdown import content_lines
from .model import language_name
from .schema import check_corrections
from .templates import fragment, render

NOTE_MARKER_RE = re.compile(r"^\[\[note:([a-z0-9-]+)\]\]\s*$")


def record_findings(corrections: list[tuple[str, Record]], notes: list[tuple[str, Record]]) -> list[Finding]:
    """Schema errors (missing fields, unknown kinds, mistyped values) and duplicate ids across all files."""
    findings, corrections, _, notes, _ = check_corrections(corrections, notes)
    for records, what in ((corrections, "correction"), (notes, "note")):
        seen: dict[str, str] = {}
        for path, record in records:
            entry_id = record.get("id")
            if entry_id is None:
                continue  # the schema's finding
            if entry_id in seen:
                findings.append(
                    Finding(
                        path,
                        record.line,
                        f"{what} id '{entry_id}' is used twice (first at {seen[entry_id]}); rename one.",
                    )
                )
            seen.setdefault(entry_id, f"{path}:{record.line}")
    return findings


def note_markers(path: str, text: str) -> list[tuple[int, str]]:
    return [(n, m.group(1)) for n, line in content_lines(text) if (m := NOTE_MARKER_RE.match(line.strip()))]


def marker_findings(
    pages: Iterable[tuple[str, str, str]], notes: list[tuple[str, Record]], languages: tuple[str, ...], folder: str
) -> list[Finding]:
    """Markers naming no note, notes shown nowhere, notes missing from a language's page: ``pages``
    are (path, language, text), ``languages`` the site's, ``folder`` the corrections' (docs/_data/corrections)."""
    findings = []
    pages = list(pages)
    defined = {record.get("id"): (path, record) for path, record in notes}
    used: dict[str, set[str]] = {}
    language_of = {path: lang for path, lang, _text in pages}
    for path, _lang, text in pages:
        for line, note_id in note_markers(path, text):
            if note_id not in defined:
                findings.append(
                    Finding(
                        path,
                        line,
                        f"[[note:{note_id}]] names no editor's note; add a note with id '{note_id}' "
                        f"under 'notes:' in {folder}/, or fix the id.",
                    )
                )
            used.setdefault(note_id, set()).add(path)
    for note_id, (path, record) in defined.items():
        places = used.get(note_id, set())
        shown_in = {language_of[p] for p in places}
        if not places:
            findings.append(
                Finding(
                    path,
                    record.line,
                    f"note '{note_id}' is never shown; put [[note:{note_id}]] on its own line after the "
                    "paragraph it comments on, in both languages.",
                )
            )
        elif missing := [lang for lang in languages if lang not in shown_in]:
            findings.append(
                Finding(
                    path,
                    record.line,
                    f"note '{note_id}' is shown only in {sorted(places)[0]}; add [[note:{note_id}]] "
                    f"at the same place in the {language_name(missing[0])} page.",
                )
            )
    return findings


def note_markdown(record: Record, lang: str, labels: dict) -> str:
    body = str(record.get(lang)).strip()
    return render("editor-note.md", id=record.get("id"), title=labels["note_title"], body=body)


def replace_note_markers(text: str, notes: dict[str, Record], lang: str, labels: dict) -> str:
    if "[[note:" not in text:  # two pages in three have no marker: no need to read their blocks
        return text
    lines = text.splitlines(keepends=True)
    for number, note_id in note_markers("", text):
        if note_id in notes:
            lines[number - 1] = note_markdown(notes[note_id], lang, labels)
    return "".join(lines)


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _zh(text: str) -> str:
    return fragment("zh-text.html", text=_cell(text))


def corrections_table(corrections: list[tuple[str, Record]], lang: str, labels: dict, titles: dict) -> str:
    rows = []
    for _path, record in corrections:
        page, section = record.get("page"), record.get("section")
        english = record.get("kind") == "english"
        rows.append(
            {
                "title": _cell(titles.get((page, lang, section), section)),
                "page": page,
                "section": section,
                "count": record.get("count") or 1,
                "source": record.get("source") if english else _zh(record.get("source")),
                "site": record.get("site") if english else _zh(record.get("site")),
                "why": _cell(record.get("why." + lang)),
            }
        )
    return fragment("corrections-table.md", labels=labels, rows=rows)


def notes_list(notes: list[tuple[str, Record]], lang: str, labels: dict, titles: dict) -> str:
    items = []
    for _path, record in notes:
        page, section = record.get("page"), record.get("section")
        items.append(
            {
                "title": _cell(titles.get((page, lang, section), section)),
                "page": page,
                "id": record.get("id"),
                "quote": _zh(record.get("quote")),
                "text": str(record.get(lang)).strip(),
            }
        )
    return fragment("notes-list.md", labels=labels, items=items)
