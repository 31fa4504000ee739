"""`mkdocs build` alone gives the finished offline site and print page: the hooks
(hooks/search_languages.py, hooks/print_page.py) make them inside the build, no
script patches them afterwards. In-process builds of the fixture site."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from print_fixture import offline_build, print_build

SCRIPT_PREFIX = "var __index = "  # what Material's JavaScript runs under file:// (plugin_internals)


@pytest.fixture(scope="module")
def offline(tmp_path_factory):
    return offline_build(tmp_path_factory)


@pytest.fixture(scope="module")
def print_page(tmp_path_factory):
    """Chinese alone, as scripts/pdf.py builds it."""
    return print_build(tmp_path_factory, only="zh") / "print_page" / "index.html"


def soup_of(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize(
    ("folder", "title", "other"),
    [("", "1 骨质疏松症与破骨细胞", "1 Osteoporosis"), ("en/", "1 Osteoporosis and osteoclasts", "骨质疏松")],
)
def test_offline_build_inlines_each_languages_own_index(offline, folder, title, other):
    index = offline / folder / "search" / "search_index.json"
    script = index.with_name("search_index.js").read_text(encoding="utf-8")
    assert script.startswith(SCRIPT_PREFIX)
    inlined = json.loads(script.removeprefix(SCRIPT_PREFIX))
    # the final per-language index, with that language's search settings — not the merged one
    assert inlined == json.loads(index.read_text(encoding="utf-8"))
    titles = [doc["title"].replace("\u200b", "") for doc in inlined["docs"]]  # jieba's word breaks
    assert title in titles and not any(other in t for t in titles), titles


def test_print_page_declares_its_language_tag(print_page):
    assert soup_of(print_page).html["lang"] == "zh-Hans"


def test_print_page_cover_has_the_build_date(print_page):
    date = soup_of(print_page).select_one("#print-site-cover-page time.print-build-date")
    assert date is not None and date["datetime"] == "2025-11-27"
    assert date.get_text() == "2025 年 11 月 27 日"


def test_print_page_points_diagram_links_at_its_own_anchors(print_page):
    soup = soup_of(print_page)
    link = soup.select_one("section#chapter svg.fixture-diagram a")
    assert link["xlink:href"] == "#glossary" and soup.find(id="glossary") is not None


def test_print_page_embeds_font_subsets_and_numbers_pages_in_its_language(print_page):
    html = print_page.read_text(encoding="utf-8")
    styles = "\n".join(str(style) for style in BeautifulSoup(html, "html.parser").head.find_all("style"))
    assert "@font-face" in styles and 'src: url("fonts/NotoSansCJKSC-400.ttf")' in styles
    assert (print_page.parent / "fonts" / "NotoSansCJKSC-400.ttf").stat().st_size > 1000
    assert "content: '第 ' counter(page) ' 页';" in styles
    assert "返回 ↑" in html and "↩" not in html


def test_print_page_of_english_is_finished_in_english(tmp_path_factory):
    """English is the last pass of a full build, whose print page is left (plugin_internals)."""
    soup = soup_of(print_build(tmp_path_factory) / "print_page" / "index.html")
    assert soup.html["lang"] == "en"
    assert soup.select_one("time.print-build-date").get_text() == "27 November 2025"
    assert "content: 'Page ' counter(page);" in str(soup.head)
    # in the English pass the pages' URLs, and so print-site's ids, start with "en/"
    link = soup.select_one("section#en-chapter svg.fixture-diagram a")
    assert link["xlink:href"] == "#en-glossary" and soup.find(id="en-glossary") is not None
    # print-site adds its script and style sheet in each language pass: the page loads each once
    assert [script["src"] for script in soup.find_all("script", src=True)].count("../js/print-site.js") == 1
    assert [link["href"] for link in soup.find_all("link", rel="stylesheet")].count("../css/print-site.css") == 1


def test_print_page_is_titled_by_its_cover(print_page):
    soup = soup_of(print_page)
    assert soup.title.get_text() == soup.select_one(".print-cover__title").get_text().strip() == "fixture"


def test_print_page_opens_every_details(print_page):
    assert soup_of(print_page).select_one("details.fixture-details").has_attr("open")


def test_print_page_gives_page_elements_the_page_prefixed_id(print_page):
    soup = soup_of(print_page)
    assert soup.find(id="chapter-fixture-note") is not None and soup.find(id="fixture-note") is None
    assert soup.find(id="fig-fixture") is not None  # a diagram's ids are its own


def test_print_page_lists_diagram_link_targets_as_ordinary_links(print_page):
    targets = [a["href"] for a in soup_of(print_page).select(".print-diagram-links[hidden] a")]
    assert targets == ["#glossary"]


def test_print_page_prints_links_to_files_as_text(print_page):
    link = soup_of(print_page).select_one("section#chapter a.fixture-file")
    assert link.get_text() == "文件" and not link.has_attr("href")
