"""The pure site model (hooks/sitecheck/model.py): page identities from the configured
languages, the order the checks report in, and one parse per page text."""

from __future__ import annotations

from sitecheck import markdown
from sitecheck.model import SiteData, make_site, page_identity, unsuffixed_language

CHAPTER = "# 1 Chapter { #chapter }\n\n```mermaid\ngraph\n```\n\n## 1.1 Part { #part }\n\nText[@2].\n"


def test_page_identity_follows_the_configured_languages():
    languages = ("zh", "en", "fr")
    assert page_identity("immunology/t-cells.md", languages, "zh") == ("immunology/t-cells", "zh")
    assert page_identity("immunology/t-cells.fr.md", languages, "zh") == ("immunology/t-cells", "fr")
    # a suffix that is not a configured language is part of the name
    assert page_identity("notes.de.md", languages, "zh") == ("notes.de", "zh")
    # the default language has no suffix of its own
    assert page_identity("index.en.md", ("en", "zh"), "en") == ("index.en", "en")


def test_the_language_of_unsuffixed_pages_is_the_one_no_page_names():
    assert unsuffixed_language(["index.md", "index.en.md", "a/b.en.md"], ["zh", "en"]) == "zh"
    assert unsuffixed_language(["index.md", "index.zh.md"], ["zh", "en"]) == "en"
    assert unsuffixed_language(["index.md"], ["zh", "en"]) is None  # cannot tell


def test_pages_are_ordered_as_the_checks_report_them_and_parsed_once():
    site = make_site(
        "docs",
        ["zh", "en"],
        "zh",
        {"autoimmune.md": CHAPTER, "autoimmune/lupus.en.md": "# Lupus { #lupus }\n", "index.md": "# Home\n"},
        SiteData(None, {}, None, None, ([], []), (), [], None),
    )
    # by path parts, as the checks sorted Path objects: a folder's pages before a same-named file
    assert [page.path for page in site.pages] == ["docs/autoimmune/lupus.en.md", "docs/autoimmune.md", "docs/index.md"]
    assert site.section_titles[("autoimmune/lupus", "en", "lupus")] == "Lupus"
    page = site.page("autoimmune.md")
    assert [(s.anchor, s.section.id, s.line) for s in page.citation_sites] == [("cite-1", "part", 9)]
    # the checks take texts: a text that is a page's is the page's own parse (not parsed again)
    markdown.remember(p.parsed for p in site.pages)
    try:
        assert markdown.parsed(CHAPTER) is page.parsed
        assert markdown.parse_headings(CHAPTER) == list(page.headings)
        assert markdown.mermaid_fences(CHAPTER) == [page.blocks.fences[0]]
        assert markdown.parsed("another text") is not page.parsed
    finally:
        markdown.remember([])
