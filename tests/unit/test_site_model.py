"""The pure site model (hooks/sitecheck/model.py): page identities from the configured
languages, the order the checks report in, and one parse per page text."""

from __future__ import annotations

from sitecheck import markdown
from sitecheck.model import (
    SiteData,
    language_name,
    language_problem,
    make_site,
    og_locale,
    page_identity,
    unsuffixed_language,
)

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


OBJECTIVES = '!!! objectives "学习目标"\n\n    - 说明。\n'


def test_the_review_s_content_is_its_chapters_the_pages_that_open_with_objectives():
    sources = {
        # mentions the objectives, opens with none: no chapter
        "index.md": "# 首页 { #home }\n\nEach chapter opens with its learning objectives (!!! objectives).\n",
        "abstract.md": f"# 摘要 {{ #abstract }}\n\n{OBJECTIVES}",
        "abstract.en.md": "# Abstract { #abstract }\n",
        "glossary.md": "# 术语表 { #glossary }\n\n[[glossary]]\n",
        "immunology/index.md": f"# 1 免疫 {{ #immunology }}\n\n{OBJECTIVES}",
    }
    site = make_site("docs", ["zh", "en"], "zh", sources, SiteData(None, {}, None, None, ([], []), (), [], None))
    assert site.chapters == ("abstract", "immunology/index")
    # one definition for every language's page of a key: the default language's page decides
    assert site.is_chapter("abstract") and not site.is_chapter("index") and not site.is_chapter("glossary")
    assert not site.is_chapter("parallel/abstract")  # a generated view is not the text itself


def test_the_real_site_s_chapters_are_the_pages_that_carry_the_review_s_text():
    from conftest import CHAPTERS  # the pages' URLs, written out by hand: the oracle
    from sitebuild import ROOT
    from sitehook import project_site_model

    site = project_site_model(ROOT)
    assert sorted(key.removesuffix("index").rstrip("/") + "/" for key in site.chapters) == sorted(CHAPTERS)


def test_languages_their_roots_names_and_locales_come_from_the_configuration_s_codes():
    site = make_site("docs", ["zh", "fr", "en"], "zh", {}, SiteData(None, {}, None, None, ([], []), (), [], None))
    assert (site.languages, site.other_languages) == (("zh", "fr", "en"), ("fr", "en"))
    assert site.language_roots == {"zh": "", "fr": "fr/", "en": "en/"}
    assert site.source_path("a/b", "fr") == "docs/a/b.fr.md" and site.source_path("a/b", "zh") == "docs/a/b.md"
    assert [language_name(lang) for lang in ("zh", "en", "fr")] == ["Chinese", "English", "French"]
    assert [og_locale(lang) for lang in ("zh", "en", "fr", "pt")] == ["zh_CN", "en_US", "fr_FR", "pt_BR"]


def test_a_language_set_the_data_cannot_supply_is_named_with_the_fix():
    assert language_problem(["zh", "en"], ("zh", "en"), "docs/_data") is None
    assert language_problem(["en", "zh"], ("zh", "en"), "docs/_data") is None  # the default is the config's
    extra = language_problem(["zh", "en", "de"], ("zh", "en"), "docs/_data")
    assert extra.startswith("mkdocs.yml: plugins: i18n: languages lists 'de' (German), but the site's data")
    assert "remove 'de' from mkdocs.yml" in extra
    missing = language_problem(["zh"], ("zh", "en"), "content/_data")
    assert missing.startswith("mkdocs.yml: plugins: i18n: languages does not list 'en' (English)")
    assert "(content/_data)" in missing


def test_the_instructors_table_has_a_link_column_per_configured_language():
    from sitecheck.sections import linkable_sections, sections_table

    sources = {
        "a.md": "# 甲 { #a }\n\n## 乙 { #b }\n",
        "a.en.md": "# A { #a }\n\n## B { #b }\n",
        "a.fr.md": "# A fr { #a }\n",  # no '#b': not linkable in every language
    }
    site = make_site("docs", ["zh", "en", "fr"], "zh", sources, SiteData(None, {}, None, None, ([], []), (), [], None))
    sections = linkable_sections(site.pages, ["a"], site.languages)
    assert [(s.id, s.title) for s in sections] == [("a", {"zh": "甲", "en": "A", "fr": "A fr"})]
    labels = {"section_link": "Section", "url_zh": "Chinese", "url_en": "English", "url_fr": "French"}
    table = sections_table(sections, "https://example.org/x/", "fr", labels, site.language_roots)
    assert table.splitlines() == [
        "| Section | Chinese | English | French |",
        "|---|---|---|---|",
        "| [A fr](a.md#a) | `https://example.org/x/a/#a` | `https://example.org/x/en/a/#a` | "
        "`https://example.org/x/fr/a/#a` |",
    ]
