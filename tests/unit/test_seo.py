"""hooks/sitecheck/seo.py: descriptions from the page's own text, hreflang alternates, sitemaps, robots.txt."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from sitecheck.seo import (
    alternates,
    first_paragraph_text,
    page_directories,
    robots_txt,
    shorten,
    sitemap_xml,
    sitemaps,
)

SITE = "https://example.org/osteoimmunology/"
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
    assert alternates(SITE, "immunology/cytokines/") == [
        ("zh-Hans", SITE + "immunology/cytokines/"),
        ("en", SITE + "en/immunology/cytokines/"),
        ("x-default", SITE + "immunology/cytokines/"),
    ]


def test_sitemap_lists_each_page_with_its_alternates():
    root = ET.fromstring(sitemap_xml(SITE, ["", "en/", "en/abstract/"]))
    urls = root.findall("s:url", NS)
    assert [u.find("s:loc", NS).text for u in urls] == [SITE, SITE + "en/", SITE + "en/abstract/"]
    links = {link.get("hreflang"): link.get("href") for link in urls[2].findall("x:link", NS)}
    assert links == {"zh-Hans": SITE + "abstract/", "en": SITE + "en/abstract/", "x-default": SITE + "abstract/"}


def test_every_page_directory_gets_a_sitemap_of_the_pages_below_it():
    pages = ["", "abstract/", "immunology/", "immunology/t-cells/", "en/", "en/immunology/"]
    assert page_directories(pages) == ["", "abstract/", "en/", "en/immunology/", "immunology/", "immunology/t-cells/"]
    maps = sitemaps(SITE, pages, ["", "immunology/", "en/"])

    def locs(text):
        return [u.text for u in ET.fromstring(text).findall("s:url/s:loc", NS)]

    assert len(locs(maps[""])) == 6
    assert locs(maps["immunology/"]) == [SITE + "immunology/", SITE + "immunology/t-cells/"]
    assert locs(maps["en/"]) == [SITE + "en/", SITE + "en/immunology/"]


def test_robots_txt_names_the_sitemap():
    assert robots_txt(SITE).splitlines()[-1] == "Sitemap: https://example.org/osteoimmunology/sitemap.xml"
