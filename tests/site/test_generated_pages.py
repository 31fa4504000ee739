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
    assert [e["id"] for e in entries] == [f"ref-{n}" for n in range(1, 42)]
    probable_mark = "未与原文参考文献列表核对" if lang == "zh" else "not confirmed against the original reference list"
    unknown_mark = "文献信息未知" if lang == "zh" else "Bibliographic data unknown"
    for entry in entries:
        n = int(entry["id"][4:])
        text = entry.get_text()
        if n in probable_numbers():
            assert probable_mark in text, n
        else:
            assert unknown_mark in text and "doi" not in text.lower(), n
        back_links = [a for a in entry.select("a[href]") if "#cite-" in a["href"]]
        assert back_links, f"ref-{n} has no back-link"


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
