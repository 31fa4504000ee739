"""Citation-manager metadata, cite boxes and their RIS/BibTeX files, read back from the built site."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import json
import re
import subprocess

import bibtexparser
import extruct
import lxml.html
import pytest
import rispy
import yaml

from conftest import LANGUAGES, PAGES, page_file, strip_tags
from sitebuild import ROOT

SITE_NAME = {"zh": "骨免疫学 · 骨质疏松症的免疫学因素", "en": "Osteoimmunology · Immunological Factors in Osteoporosis"}
SOURCE_TITLE = "免疫学因素在骨质疏松发病中的作用"


def source_file(lang: str, page: str) -> str:
    name = page.rstrip("/") or "index"
    if (ROOT / "docs" / name).is_dir():
        name += "/index"
    return f"docs/{name}{'.en' if lang == 'en' else ''}.md"


def git_date(path: str) -> str:
    return subprocess.run(
        ["git", "log", "-1", "--format=%cs", "--", path], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


def metadata(site_dir, lang, page, site_url):
    text = page_file(site_dir, lang, page).read_text(encoding="utf-8")
    url = f"{site_url}{LANGUAGES[lang]}{page}"
    data = extruct.extract(text, base_url=url, syntaxes=["json-ld", "dublincore"], uniform=True)
    return text, url, data, extract_meta(text)


def extract_meta(text: str) -> dict[str, list[str]]:
    """<meta name=… content=…> pairs, by lxml through extruct's own HTML parser."""
    from extruct.utils import parse_html

    tree = parse_html(text, encoding="utf-8")
    found: dict[str, list[str]] = {}
    for element in tree.xpath("//head/meta[@name]"):
        found.setdefault(element.get("name"), []).append(element.get("content"))
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_carries_highwire_tags_and_json_ld(site_dir, site_url, lang, page):
    text, url, data, meta = metadata(site_dir, lang, page, site_url)
    title = meta["citation_title"][0]
    heading = re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink", text, re.S).group(1)
    assert title == htmllib.unescape(strip_tags(heading)).strip() != ""
    assert meta["citation_language"] == [lang]
    assert meta["citation_publisher"] == [SITE_NAME[lang]]
    assert meta["citation_public_url"] == [url] and meta["citation_abstract_html_url"] == [url]
    # the date its text last changed: that language's file's last commit
    changed = git_date(source_file(lang, page))
    if changed:  # a file not committed yet has no history
        assert meta["citation_publication_date"] == [changed.replace("-", "/")]
        assert meta["citation_online_date"] == [changed.replace("-", "/")]
    assert meta["citation_reference"] == [f"citation_title={SOURCE_TITLE}; citation_language=zh"]
    [dublin_core] = data["dublincore"]
    assert {"name": "DC.source", "content": SOURCE_TITLE, "URI": "http://purl.org/dc/elements/1.1/source"} in (
        dublin_core["elements"]
    )
    assert "citation_author" not in meta  # unknown, never invented
    assert "citation_pdf_url" not in meta  # a plain build has no PDF (only `make release`)

    [item] = data["json-ld"]
    assert set(item["@type"]) == {"LearningResource", "Article"}
    assert item["name"] == title and item["url"] == url
    assert item["inLanguage"] == ("zh-Hans" if lang == "zh" else "en")
    if changed:
        assert item["dateModified"] == changed
    assert item["publisher"]["name"] == SITE_NAME[lang]
    assert item["isBasedOn"]["name"] == SOURCE_TITLE and item["isBasedOn"]["inLanguage"] == "zh"
    assert "author" not in item and "author" not in item["isBasedOn"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_last_updated_is_shown_in_the_page_language(site_dir, lang):
    text = page_file(site_dir, lang, "immunology/t-cells/").read_text(encoding="utf-8")
    shown = re.search(r'git-revision-date-localized-plugin-date"[^>]*>([^<]+)<', text).group(1)
    changed = dt.date.fromisoformat(git_date(source_file(lang, "immunology/t-cells/")))
    if lang == "zh":
        expected = f"{changed.year}年{changed.month}月{changed.day}日"
    else:
        expected = f"{changed:%B} {changed.day}, {changed.year}"
    assert shown == expected


def cite_boxes(text: str) -> dict:
    """data-section -> the <details> element of each cite box on a page."""
    tree = lxml.html.fromstring(text)
    return {box.get("data-section"): box for box in tree.xpath('//details[contains(@class, "section-cite")]')}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cite_boxes_link_to_ris_and_bibtex_that_describe_the_section(site_dir, site_url, lang):
    boxes = cite_boxes(page_file(site_dir, lang, "immunology/cytokines/").read_text(encoding="utf-8"))
    # the chapter heading and its five numbered subsections
    assert list(boxes) == ["cytokines", "il-17", "il-6", "tnf-alpha", "il-10", "tgf-beta1"]
    style = "GB/T 7714—2015" if lang == "zh" else "AMA (11th edition)"
    assert boxes["il-17"].xpath("string(.//summary/span)") == style
    folder = site_dir / LANGUAGES[lang] / "cite"
    for section_id, box in boxes.items():
        ris_link, bib_link = box.xpath(".//a[@download]")
        assert ris_link.get("href") == f"../../cite/{section_id}.ris"
        assert ris_link.get("download") == f"osteoimmunology-{lang}-{section_id}.ris"
        assert bib_link.get("href") == f"../../cite/{section_id}.bib"
        [record] = rispy.loads((folder / f"{section_id}.ris").read_text(encoding="utf-8"))
        assert record["urls"] == [f"{site_url}{LANGUAGES[lang]}immunology/cytokines/#{section_id}"]
        [entry] = bibtexparser.loads((folder / f"{section_id}.bib").read_text(encoding="utf-8")).entries
        assert entry["url"] == record["urls"][0] and entry["title"] == "{" + record["title"] + "}"
        # the box's text is the citation of the same section
        assert box.xpath('string(.//p[@class="section-cite__text"])').startswith(
            record["title"] if lang == "en" else f"{SITE_NAME[lang]}: {record['title']}"
        )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_whole_edition_files_list_the_edition_then_every_section(site_dir, site_url, lang, html):
    folder = site_dir / LANGUAGES[lang] / "cite"
    records = rispy.loads((folder / "osteoimmunology.ris").read_text(encoding="utf-8"))
    entries = bibtexparser.loads((folder / "osteoimmunology.bib").read_text(encoding="utf-8")).entries
    assert records[0]["title"] == SITE_NAME[lang] and records[0]["urls"] == [f"{site_url}{LANGUAGES[lang]}"]
    boxes = sum(len(cite_boxes(html(lang, page))) for page in PAGES if page != "downloads/")
    assert len(records) == len(entries) == boxes + 1 > 15
    assert list(cite_boxes(html(lang, "downloads/"))) == ["edition"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_editorial_notes_date_every_correction_from_git(html, lang):
    """Every correction is counted once under a date that is a commit date of the corrections folder."""
    tree = lxml.html.fromstring(html(lang, "editorial-notes/"))
    items = tree.xpath('//h2[@id="history"]/following-sibling::ul[1]/li')
    commits = set(
        subprocess.run(
            ["git", "log", "--format=%cs", "--", "docs/_data/corrections"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
    )
    dates = [item.xpath("string(strong)") for item in items]
    assert dates and set(dates) <= commits and dates == sorted(dates, reverse=True)
    counted = sum(int(re.search(r"(\d+) (处|recorded)", item.text_content()).group(1)) for item in items)
    corrections = sum(
        len(yaml.safe_load(path.read_text(encoding="utf-8")).get("corrections") or [])
        for path in (ROOT / "docs/_data/corrections").glob("*.yml")
    )
    assert counted == corrections


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_leaves_out_cite_boxes_and_markers(site_dir, lang):
    index = json.loads((site_dir / LANGUAGES[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = [doc["text"] for doc in index["docs"]]
    box_note = {"zh": "引用日期为您复制时的日期", "en": "The accessed date is the day you copy it"}[lang]
    assert texts and not [t for t in texts if "cite-edition" in t or box_note in t.replace("\u200b", "")]
