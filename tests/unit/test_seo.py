"""hooks/sitecheck/seo.py: descriptions from the page's own text, hreflang alternates, sitemaps, robots.txt."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape

import pytest
from bs4 import BeautifulSoup
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sitecheck.seo import (
    alternates,
    first_paragraph_text,
    language_relative,
    page_directories,
    robots_txt,
    shorten,
    sitemap_xml,
    sitemaps,
)

SITE = "https://example.org/osteoimmunology/"
ROOTS = {"zh": "", "en": "en/"}  # the site model's language_roots
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_description_is_the_first_plain_paragraph_without_citations():
    html = (
        '<h1 id="x">1.3 细胞因子</h1><p class="source-subtitle">Cytokines</p>'
        '<div class="admonition objectives"><p>学习目标</p></div>'
        '<p>IL-17 促进骨吸收<sup class="citation">[<a href="#r">16</a>]</sup>。\n另外 &amp; 更多。</p><p>第二段</p>'
    )
    assert first_paragraph_text(html) == "IL-17 促进骨吸收。 另外 & 更多。"
    assert first_paragraph_text("<h1>t</h1><div><p>only nested</p></div>") == ""


def test_long_descriptions_are_cut_at_a_boundary():
    english = "word " * 60
    short = shorten(english.strip())
    assert len(short) <= 160 and short.endswith("word…")
    chinese = "骨质疏松症是一种全身性骨病，" * 20
    cut = shorten(chinese)
    assert len(cut) <= 160 and cut.endswith("骨病…")
    assert shorten("short") == "short"


def test_alternates_name_both_languages_and_the_default():
    assert alternates(SITE, "immunology/cytokines/", ROOTS) == [
        ("zh-Hans", SITE + "immunology/cytokines/"),
        ("en", SITE + "en/immunology/cytokines/"),
        ("x-default", SITE + "immunology/cytokines/"),
    ]


def test_sitemap_lists_each_page_with_its_alternates():
    root = ET.fromstring(sitemap_xml(SITE, ["", "en/", "en/abstract/"], ROOTS))
    urls = root.findall("s:url", NS)
    assert [u.find("s:loc", NS).text for u in urls] == [SITE, SITE + "en/", SITE + "en/abstract/"]
    links = {link.get("hreflang"): link.get("href") for link in urls[2].findall("x:link", NS)}
    assert links == {"zh-Hans": SITE + "abstract/", "en": SITE + "en/abstract/", "x-default": SITE + "abstract/"}


def test_every_page_directory_gets_a_sitemap_of_the_pages_below_it():
    pages = ["", "abstract/", "immunology/", "immunology/t-cells/", "en/", "en/immunology/"]
    assert page_directories(pages) == ["", "abstract/", "en/", "en/immunology/", "immunology/", "immunology/t-cells/"]
    maps = sitemaps(SITE, pages, ["", "immunology/", "en/"], ROOTS)

    def locs(text):
        return [u.text for u in ET.fromstring(text).findall("s:url/s:loc", NS)]

    assert len(locs(maps[""])) == 6
    assert locs(maps["immunology/"]) == [SITE + "immunology/", SITE + "immunology/t-cells/"]
    assert locs(maps["en/"]) == [SITE + "en/", SITE + "en/immunology/"]


def test_robots_txt_names_the_sitemap():
    assert robots_txt(SITE).splitlines()[-1] == "Sitemap: https://example.org/osteoimmunology/sitemap.xml"


def reference_first_paragraph_text(html: str) -> str:
    """The description as it was made before the streaming parser: the whole page in BeautifulSoup."""
    for paragraph in BeautifulSoup(html, "html.parser").find_all("p", recursive=False):
        if paragraph.get("class"):
            continue
        for citation in paragraph.select("sup.citation, .editor-note-ref"):
            citation.decompose()
        text = re.sub(r"\s+", " ", unescape(paragraph.get_text())).strip()
        if text:
            return text
    return ""


TEXTS = st.sampled_from(["骨", "IL-17", " ", "\n", "&amp;", "&lt;b&gt;", "x" * 3000, "</span>", "</p>", ""])
LONE_TAGS = st.sampled_from(
    [
        *("<br />", "<br>", "<img alt='a'>", "<p/>", "<!-- <p>c</p> -->", "</div>", "<hr>"),
        *("<![CDATA[c&amp;d]]>", "<script>if (a<b) x()</script>", "<template>t</template>", "<p class=x>y"),
    ]
)
ELEMENTS = {
    "<p>": "</p>",
    '<p class="source-subtitle">': "</p>",
    '<p class=" ">': "</p>",
    "<div>": "</div>",
    '<sup class="citation">': "</sup>",
    "<abbr>": "</abbr>",
    '<span class="editor-note-ref">': "</span>",
    '<svg viewBox="0 0 1 1">': "</svg>",
    '<h1 id="t">': "</h1>",
    "<em>": "</em>",
    "<rt>": "</rt>",
}
NODES = st.recursive(
    st.one_of(TEXTS, LONE_TAGS),
    lambda inner: st.tuples(st.sampled_from(sorted(ELEMENTS)), st.lists(inner, max_size=4), st.booleans()).map(
        lambda node: node[0] + "".join(node[1]) + (ELEMENTS[node[0]] if node[2] else "")  # sometimes unclosed
    ),
    max_leaves=30,
)


@pytest.mark.filterwarnings("ignore:Generating overly large repr")
@settings(max_examples=300, deadline=None)
@given(st.lists(NODES, max_size=6).map("".join))
@example('<p class=" "><rt><![CDATA[c&amp;d]]><sup class="citation">[1]</sup>e</rt></p>')  # CDATA counts, ruby text not
def test_description_is_what_a_whole_page_parse_finds(html):
    # the streaming parser reads only the page's beginning; it must find what BeautifulSoup finds
    assert first_paragraph_text(html) == reference_first_paragraph_text(html)


def test_alternates_and_sitemaps_follow_the_configured_languages():
    # the model's roots, not a zh/en pair: a third language is one more alternate, and a URL below
    # its folder is its page
    roots = {"zh": "", "en": "en/", "fr": "fr/"}
    assert alternates(SITE, "abstract/", roots) == [
        ("zh-Hans", SITE + "abstract/"),
        ("en", SITE + "en/abstract/"),
        ("fr", SITE + "fr/abstract/"),
        ("x-default", SITE + "abstract/"),
    ]
    root = ET.fromstring(sitemap_xml(SITE, ["fr/abstract/"], roots))
    links = {link.get("hreflang"): link.get("href") for link in root.findall("s:url/x:link", NS)}
    assert links["zh-Hans"] == SITE + "abstract/" and links["fr"] == SITE + "fr/abstract/"
    # the default language is the configuration's first, wherever its root is
    english_first = {"en": "", "zh": "zh/"}
    assert alternates(SITE, "", english_first)[-1] == ("x-default", SITE)
    assert language_relative("zh/abstract/", "zh", english_first) == "abstract/"
