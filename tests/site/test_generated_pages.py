"""The pages the hooks generate from data: glossary, references, editorial notes, instructors."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup
from pypinyin import lazy_pinyin

from sitebuild import ROOT

CANDIDATES = ROOT / "source" / "reference-candidates.md"
DATA = ROOT / "docs" / "_data"


def soup(html, lang, page):
    return BeautifulSoup(html(lang, page), "html.parser")


def entry_terms(html, lang) -> list[str]:
    return [h.find(string=True).strip() for h in soup(html, lang, "glossary/").select(".glossary-entry h3[id]")]


def test_chinese_glossary_is_in_pinyin_order_under_its_initials(html):
    terms = entry_terms(html, "zh")
    assert len(terms) == len(yaml.safe_load((DATA / "glossary.yml").read_text(encoding="utf-8")))
    initials = [lazy_pinyin(t)[0][0].upper() for t in terms]
    assert terms == sorted(terms, key=lambda t: (lazy_pinyin(t)[0][0].upper(), lazy_pinyin(t), t))
    letters = [a.get_text() for a in soup(html, "zh", "glossary/").select(".glossary-jump a")]
    assert letters == sorted(set(initials)) and "G" in letters


def test_english_glossary_is_in_alphabetical_order(html):
    terms = entry_terms(html, "en")
    assert terms == sorted(terms, key=lambda t: (t[0].upper(), t.casefold()))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_glossary_entries_have_ids_and_link_to_sections(html, lang):
    entries = soup(html, lang, "glossary/").select(".glossary-entry")
    ids = {e.find("h3")["id"] for e in entries}
    assert {"rankl", "osteoclast", "ra"} <= ids
    rankl = next(e for e in entries if e.find("h3")["id"] == "rankl")
    targets = [a["href"] for a in rankl.select("a[href]")]
    assert any("immunology/b-cells/#b-cells" in t for t in targets)


def probable_numbers() -> set[int]:
    rows = re.findall(r"^\| (\d+) \| (strong|candidate) \|", CANDIDATES.read_text(encoding="utf-8"), re.M)
    return {int(n) for n, _ in rows}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_references_page_lists_41_entries_honestly(html, lang):
    page = soup(html, lang, "references/")
    entries = page.select(".reference")
    assert sorted(int(e["id"][4:]) for e in entries) == list(range(1, 42))
    probable, unknown = page.select("div.reference--probable"), page.select("tr.reference--unknown")
    # identified sources first, then the unknown ones, each group in number order
    assert [e["id"] for e in entries] == [e["id"] for e in probable] + [e["id"] for e in unknown]
    assert {int(e["id"][4:]) for e in probable} == probable_numbers()
    for group in (probable, unknown):
        numbers = [int(e["id"][4:]) for e in group]
        assert numbers == sorted(numbers)
    probable_mark = "未与原文参考文献列表核对" if lang == "zh" else "not confirmed against the original reference list"
    unknown_mark = "文献信息未知" if lang == "zh" else "Bibliographic data unknown"
    assert probable_mark in page.find(id="identified").find_next("p").get_text()
    assert unknown_mark in page.find(id="unidentified").find_next("p").get_text()
    data = {e["n"]: e for e in yaml.safe_load((DATA / "references.yml").read_text(encoding="utf-8"))}
    for entry in probable:
        candidate = data[int(entry["id"][4:])]["candidate"]
        assert entry.select_one(f".reference-badge--{candidate['confidence']}"), entry["id"]
        doi = entry.select_one("a.reference__doi")
        assert (doi["href"] if doi else None) == (f"https://doi.org/{candidate['doi']}" if "doi" in candidate else None)
    for row in unknown:
        cells = row.find_all("td")
        assert len(cells) == 3 and cells[0].get_text() == f"[{row['id'][4:]}]"  # number · claim · cited at
        assert "doi" not in row.get_text().lower()
    for entry in entries:
        back_links = [a for a in entry.select("a[href]") if "#cite-" in a["href"]]
        assert back_links, f"{entry['id']} has no back-link"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("chapter", ["immunology/t-cells/", "immunology/cytokines/", "autoimmune/lupus/"])
def test_each_chapter_ends_with_the_references_it_cites(html, lang, chapter):
    page = soup(html, lang, chapter)
    heading = page.find(id="references-cited")
    assert heading is not None and heading.name == "h2"
    # the last section of the article: nothing but the list after it
    assert heading.find_next(["h1", "h2", "h3"]) is None
    cited = {int(a["href"].rsplit("#ref-", 1)[1]) for a in page.select("sup.citation a[href*='#ref-']")}
    listed = [int(li["data-ref"]) for li in page.select("ol.chapter-references > li")]
    assert listed == sorted(cited) and listed
    for li in page.select("ol.chapter-references > li"):
        assert li.select_one(f"a[href$='references/#ref-{li['data-ref']}']"), li["data-ref"]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    "chapter", ["immunology/t-cells/", "immunology/cytokines/", "autoimmune/rheumatoid-arthritis/"]
)
def test_first_use_of_each_term_on_a_page_links_to_its_entry(html, lang, chapter):
    page = soup(html, lang, chapter)
    links = page.select("a.glossary-link")
    assert len(links) >= 5
    glossary_ids = {h["id"] for h in soup(html, lang, "glossary/").select(".glossary-entry h3[id]")}
    seen = set()
    editorial = ["objectives", "keypoints", "selfcheck", "question", "editor", "figure-caption"]
    for node in links:
        entry = node["href"].rsplit("#", 1)[1]
        assert entry in glossary_ids and node["href"].split("#")[0].endswith("glossary/")
        # once per page (a page is one numbered section of the review)
        assert entry not in seen, f"{entry} linked twice on {chapter}"
        seen.add(entry)
        forbidden = node.find_parent(["h1", "h2", "h3", "h4", "a", "code", "pre", "summary", "sup"])
        assert forbidden is None, (entry, forbidden.name)
        assert node.find_parent(class_=["mermaid", "chapter-references"]) is None
        # the source's text only: never in the editor's additions
        assert node.find_parent(class_=editorial) is None, entry
    # the first RANKL of the page's text, not a later one, is the linked one
    first_rankl = next(a for a in page.find_all("abbr", string="RANKL") if not a.find_parent(class_=editorial))
    assert first_rankl.parent.name == "a" and "glossary-link" in first_rankl.parent["class"]


def test_probable_numbers_come_from_the_candidates_file():
    data = yaml.safe_load((DATA / "references.yml").read_text(encoding="utf-8"))
    assert {e["n"] for e in data if e["status"] == "probable"} == probable_numbers()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_editorial_notes_list_every_correction_and_note(html, lang):
    corrections, notes = 0, 0
    for path in sorted((DATA / "corrections").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        corrections += len(data.get("corrections") or [])
        notes += len(data.get("notes") or [])
    page = soup(html, lang, "editorial-notes/")
    rows = page.select("#corrections ~ table tbody tr, table tbody tr")
    assert len(rows) == corrections
    links_to_notes = {a["href"].split("#")[1] for a in page.select("a[href*='#note-']")}
    assert len(links_to_notes) == notes


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_instructors_page_gives_both_urls_of_every_source_section(html, lang):
    text = soup(html, lang, "instructors/").get_text()
    for page, section in [("immunology/cytokines/", "il-17"), ("autoimmune/lupus/", "sle"), ("abstract/", "abstract")]:
        assert f"/{page}#{section}" in text
        assert f"/en/{page}#{section}" in text
