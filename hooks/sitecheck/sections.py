"""Every linkable section of the site, with its full URL in each language."""

from __future__ import annotations

from dataclasses import dataclass

from .templates import fragment


@dataclass(frozen=True)
class LinkableSection:
    page: str
    id: str
    level: int
    title: dict  # lang -> title


def page_url(page: str) -> str:
    """'immunology/index' -> 'immunology/'; 'index' -> ''; 'abstract' -> 'abstract/'."""
    if page == "index":
        return ""
    if page.endswith("/index"):
        return page[: -len("index")]
    return page + "/"


def section_url(site_url: str, lang: str, page: str, section_id: str) -> str:
    prefix = "" if lang == "zh" else f"{lang}/"
    return f"{site_url.rstrip('/')}/{prefix}{page_url(page)}#{section_id}"


def linkable_sections(pages, order: list[str]) -> list[LinkableSection]:
    """Headings with ids, page by page in ``order`` (nav order), titles in both languages;
    ``pages``: the site model's pages (sitecheck.model.Page: key, lang, headings)."""
    by_page: dict[str, dict[str, list]] = {}
    for page in pages:
        by_page.setdefault(page.key, {})[page.lang] = page.headings
    sections = []
    for page in order:
        zh = by_page.get(page, {}).get("zh", [])
        en = {h.id: h for h in by_page.get(page, {}).get("en", [])}
        for heading in zh:
            if heading.id and heading.id in en:
                sections.append(
                    LinkableSection(page, heading.id, heading.level, {"zh": heading.title, "en": en[heading.id].title})
                )
    return sections


def sections_table(sections: list[LinkableSection], site_url: str, lang: str, labels: dict) -> str:
    rows = [
        {
            "indent": "\u3000" * (section.level - 1),  # an ideographic space per level
            "title": section.title[lang],
            "page": section.page,
            "id": section.id,
            "zh_url": section_url(site_url, "zh", section.page, section.id),
            "en_url": section_url(site_url, "en", section.page, section.id),
        }
        for section in sections
    ]
    return fragment("sections-table.md", labels=labels, rows=rows)
