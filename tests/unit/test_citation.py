"""Citation formatting (GB/T 7714-2015, AMA 11th ed.), RIS and BibTeX, read back by libraries."""

from __future__ import annotations

import datetime as dt

import bibtexparser
import pytest
import rispy

from sitecheck.citation import (
    Citable,
    ama,
    ama_web,
    bibtex,
    citation_text,
    csl_item,
    gbt7714_entries,
    insert_after_heading,
    is_numbered,
    ris,
    split_at_access_date,
)

UPDATED = dt.date(2026, 11, 27)
ACCESSED = dt.date(2026, 11, 29)


def section(lang: str) -> Citable:
    if lang == "zh":
        return Citable(
            "osteoimmunology-zh-il-17",
            "1.3.1 骨质疏松症与 IL-17",
            "骨免疫学 · 骨质疏松症的免疫学因素",
            "https://example.org/immunology/cytokines/#il-17",
            "zh",
            UPDATED,
            "免疫学因素在骨质疏松发病中的作用",
            "作者、期刊和年份未知",
        )
    return Citable(
        "osteoimmunology-en-il-17",
        "1.3.1 Osteoporosis and IL-17",
        "Osteoimmunology · Immunological Factors in Osteoporosis",
        "https://example.org/en/immunology/cytokines/#il-17",
        "en",
        UPDATED,
        "The role of immunological factors in the development of osteoporosis",
        "authors, journal and year unknown",
    )


def whole(lang: str) -> Citable:
    item = section(lang)
    return Citable(
        f"osteoimmunology-{lang}",
        item.site_name,
        item.site_name,
        item.url.split("immunology/")[0],
        lang,
        UPDATED,
        item.based_on,
        item.based_on_note,
    )


# --- GB/T 7714-2015: the standard's own examples of electronic resources -----
# (§4.8 examples; citeproc-py with the official CSL style must print them exactly)


def test_gbt7714_standard_example_corporate_author_web_page():
    item = csl_item(
        "mod",
        "中国的军事战略",
        "http://www.mod.gov.cn/auth/2015-05/26/content_4586723.htm",
        dt.date(2015, 5, 28),
        dt.date(2015, 5, 26),
        author=[{"literal": "中华人民共和国国务院新闻办公室"}],
    )
    assert gbt7714_entries([item]) == [
        "中华人民共和国国务院新闻办公室. 中国的军事战略[EB/OL]. (2015-05-26)[2015-05-28]. "
        "http://www.mod.gov.cn/auth/2015-05/26/content_4586723.htm."
    ]


def test_gbt7714_standard_example_personal_author_web_document():
    item = csl_item(
        "bawden",
        "Origins and concepts of digital literacy",
        "http://www.soi.city.ac.uk/~dbawden/digital%20literacy%20chapter.pdf",
        dt.date(2013, 3, 8),
        dt.date(2008, 5, 4),
        author=[{"family": "Bawden", "given": "D"}],
    )
    assert gbt7714_entries([item]) == [
        "BAWDEN D. Origins and concepts of digital literacy[EB/OL]. (2008-05-04)[2013-03-08]. "
        "http://www.soi.city.ac.uk/~dbawden/digital%20literacy%20chapter.pdf."
    ]


def test_gbt7714_section_without_author_starts_with_the_title():
    assert citation_text(section("zh"), ACCESSED) == (
        "骨免疫学 · 骨质疏松症的免疫学因素: 1.3.1 骨质疏松症与 IL-17[EB/OL]. (2026-11-27)[2026-11-29]. "
        "https://example.org/immunology/cytokines/#il-17."
    )


def test_gbt7714_whole_edition():
    assert citation_text(whole("zh"), ACCESSED) == (
        "骨免疫学 · 骨质疏松症的免疫学因素[EB/OL]. (2026-11-27)[2026-11-29]. https://example.org/."
    )


# --- AMA 11th ed. §3.15.1, web pages --------------------------------------------


def test_ama_published_example_without_author():
    # the manual's pattern as printed in library guides to the 11th edition
    assert ama_web(
        "Information for physical therapy consumers",
        "The American Physical Therapy Association",
        dt.date(2008, 9, 17),
        None,
        published=dt.date(2007, 11, 1),
        precision="month",
    ) == (
        "Information for physical therapy consumers. The American Physical Therapy Association. "
        "Published November 2007. Accessed September 17, 2008."
    )


def test_ama_section_title_is_not_repeated():
    # citeproc-py with the official AMA CSL prints an author-less title twice
    assert ama(section("en"), ACCESSED) == (
        "1.3.1 Osteoporosis and IL-17. Osteoimmunology · Immunological Factors in Osteoporosis. "
        "Updated November 27, 2026. Accessed November 29, 2026. https://example.org/en/immunology/cytokines/#il-17"
    )


def test_ama_whole_edition_names_the_site_once():
    assert citation_text(whole("en"), ACCESSED) == (
        "Osteoimmunology · Immunological Factors in Osteoporosis. "
        "Updated November 27, 2026. Accessed November 29, 2026. https://example.org/en/"
    )


@pytest.mark.parametrize("lang, date", [("zh", "2026-11-29"), ("en", "November 29, 2026")])
def test_the_access_date_is_the_part_the_script_replaces(lang, date):
    text = citation_text(section(lang), ACCESSED)
    before, found, after = split_at_access_date(text, lang, ACCESSED)
    assert found == date and before + found + after == text
    # the update date (same format, earlier in the text) is not taken for it
    assert "2026-11-27" not in after and "November 27" not in after


def test_numbered_headings_are_citable():
    assert is_numbered("1.3.1 Osteoporosis and IL-17") and is_numbered("3 免疫治疗")
    assert not is_numbered("Key points") and not is_numbered("Self-check questions")


# --- RIS and BibTeX, parsed back by rispy and bibtexparser ---------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ris_reads_back(lang):
    records = rispy.loads(ris([whole(lang), section(lang)], ACCESSED))
    assert len(records) == 2
    edition, part = records
    assert edition["title"] == whole(lang).site_name
    assert part["type_of_reference"] == "ELEC"
    assert part["title"] == section(lang).title
    assert part["secondary_title"] == section(lang).site_name
    assert part["urls"] == [section(lang).url]
    assert part["language"] == lang
    assert part["date"] == "2026/11/27" and part["access_date"] == "2026/11/29"
    assert part["notes"] == [f"{section(lang).based_on} ({section(lang).based_on_note})"]
    assert "authors" not in part and "first_authors" not in part  # never invented


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bibtex_reads_back(lang):
    database = bibtexparser.loads(bibtex([whole(lang), section(lang)], ACCESSED, "Based on"))
    assert [entry["ID"] for entry in database.entries] == [f"osteoimmunology-{lang}", f"osteoimmunology-{lang}-il-17"]
    entry = database.entries[1]
    assert entry["ENTRYTYPE"] == "misc"
    assert entry["title"] == "{" + section(lang).title + "}"
    assert entry["url"] == section(lang).url
    assert entry["urldate"] == "2026-11-29" and entry["year"] == "2026"
    assert entry["note"] == f"Based on: {section(lang).based_on} ({section(lang).based_on_note})"
    assert entry["language"] == {"zh": "chinese", "en": "english"}[lang]  # BibLaTeX's language names
    assert "author" not in entry


def test_cite_box_goes_after_the_heading_and_its_subtitle():
    html = '<h2 id="il-17">1.3.1 X<a class="headerlink">¶</a></h2>\n<p class="source-subtitle">Sub</p><p>Text</p>'
    assert insert_after_heading(html, "il-17", "[BOX]") == (
        '<h2 id="il-17">1.3.1 X<a class="headerlink">¶</a></h2>\n<p class="source-subtitle">Sub</p>[BOX]<p>Text</p>'
    )
    assert insert_after_heading("<h2 id='x'>", "il-17", "[BOX]") == "<h2 id='x'>"
