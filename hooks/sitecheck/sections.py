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


def section_url(site_url: str, root: str, page: str, section_id: str) -> str:
    """The section's published URL; ``root`` is its language's folder below the site root ("" for
    the default language, "en/": the site model's ``url_prefix``)."""
    return f"{site_url.rstrip('/')}/{root}{page_url(page)}#{section_id}"


def linkable_sections(pages, order: list[str], languages: tuple[str, ...]) -> list[LinkableSection]:
    """Headings with ids, page by page in ``order`` (nav order), titles in every language (the
    default language's headings that every other language has too); ``pages``: the site model's
    pages (sitecheck.model.Page: key, lang, headings); ``languages``: the site's, the default first."""
    by_page: dict[str, dict[str, list]] = {}
    for page in pages:
        by_page.setdefault(page.key, {})[page.lang] = page.headings
    default, others = languages[0], languages[1:]
    sections = []
    for page in order:
        headings = by_page.get(page, {})
        translated = {lang: {h.id: h for h in headings.get(lang, [])} for lang in others}
        for heading in headings.get(default, []):
            if heading.id and all(heading.id in ids for ids in translated.values()):
                titles = {default: heading.title, **{lang: ids[heading.id].title for lang, ids in translated.items()}}
                sections.append(LinkableSection(page, heading.id, heading.level, titles))
    return sections


def sections_table(
    sections: list[LinkableSection], site_url: str, lang: str, labels: dict, roots: dict[str, str]
) -> str:
    """The instructors' table: a column of links per language (``roots``: language -> its folder,
    the site model's ``language_roots``), headed by the word ``url_<language>`` of labels.yml."""
    rows = [
        {
            "indent": "\u3000" * (section.level - 1),  # an ideographic space per level
            "title": section.title[lang],
            "page": section.page,
            "id": section.id,
            "urls": [section_url(site_url, root, section.page, section.id) for root in roots.values()],
        }
        for section in sections
    ]
    return fragment("sections-table.md", labels=labels, rows=rows, languages=list(roots))
