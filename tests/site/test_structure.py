"""The built site: both languages at the right paths, languages, names, nav."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES, PAGES, page_file

NAV_ZH = [
    "首页",
    "摘要与引言",
    "1 免疫学因素",
    "概述",
    "1.1 T 淋巴细胞",
    "1.2 B 淋巴细胞",
    "1.3 细胞因子",
    "1.4 维生素 D",
    "2 自身免疫性疾病",
    "2.1 类风湿关节炎",
    "2.2 强直性脊柱炎",
    "2.3 系统性红斑狼疮",
    "2.4 糖皮质激素诱导的骨质疏松症",
    "3 免疫治疗",
    "参考资料",
    "术语表",
    "参考文献",
    "编辑说明",
    "教师指南",
    "下载",
]
NAV_EN = [
    "Home",
    "Abstract and introduction",
    "1 Immunological factors",
    "Overview",
    "1.1 T lymphocytes",
    "1.2 B lymphocytes",
    "1.3 Cytokines",
    "1.4 Vitamin D",
    "2 Autoimmune diseases",
    "2.1 Rheumatoid arthritis",
    "2.2 Ankylosing spondylitis",
    "2.3 Systemic lupus erythematosus",
    "2.4 Glucocorticoid-induced osteoporosis",
    "3 Immunotherapy",
    "Reference material",
    "Glossary",
    "References",
    "Editorial notes",
    "For instructors",
    "Downloads",
]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_exists_in_both_languages(site_dir, lang, page):
    assert page_file(site_dir, lang, page).is_file()


@pytest.mark.parametrize("page", PAGES)
def test_html_lang_attribute(html, page):
    assert BeautifulSoup(html("zh", page), "html.parser").html["lang"] == "zh-Hans"
    assert BeautifulSoup(html("en", page), "html.parser").html["lang"] == "en"


def test_english_page_is_english_and_chinese_page_is_chinese(html):
    zh, en = html("zh", "immunology/t-cells/"), html("en", "immunology/t-cells/")
    article_zh = zh.split("<article", 1)[1].split("</article>", 1)[0]
    article_en = en.split("<article", 1)[1].split("</article>", 1)[0]
    assert "淋巴细胞" in article_zh
    assert "T lymphocytes" in article_en
    assert not re.search(r"[\u4e00-\u9fff]", re.sub(r"<[^>]+>", "", article_en))


def test_site_name_per_language(html):
    assert "<title>首页 - 骨免疫学 · 骨质疏松症的免疫学因素</title>" in html("zh", "")
    assert "Osteoimmunology · Immunological Factors in Osteoporosis</title>" in html("en", "")


def _nav_titles(page_html: str) -> list[str]:
    """Titles of the primary navigation, in order, without the page's own TOC."""
    soup = BeautifulSoup(page_html, "html.parser")
    for toc in soup.select("nav.md-nav--secondary"):
        toc.decompose()
    titles = []
    for label in soup.select("nav.md-nav--primary .md-nav__link .md-ellipsis"):
        title = " ".join(label.get_text().split())
        if title and title not in titles:
            titles.append(title)
    return titles


def test_navigation_mirrors_the_review_in_chinese(html):
    assert _nav_titles(html("zh", "immunology/t-cells/")) == NAV_ZH


def test_navigation_is_translated_in_english(html):
    assert _nav_titles(html("en", "immunology/t-cells/")) == NAV_EN


@pytest.mark.parametrize("page", PAGES)
def test_language_selector_links_to_same_page(html, page):
    up = "../" * page.count("/")
    for lang, expected in (("zh", {"zh": "./", "en": f"{up}en/{page}"}), ("en", {"zh": f"{up}../{page}", "en": "./"})):
        soup = BeautifulSoup(html(lang, page), "html.parser")
        links = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link[hreflang]")}
        assert links == expected, (lang, page)


def test_no_generator_footer_link(html):
    for lang in LANGUAGES:
        assert "Made with" not in html(lang, "")
        assert "squidfunk" not in html(lang, "")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_no_page_loads_mermaid_or_a_cdn(html, lang, page):
    text = html(lang, page)
    # diagrams are inline SVG drawn at build time (tests/site/test_diagram_html.py)
    assert "mermaid.min.js" not in text and 'class="mermaid"' not in text
    assert "unpkg.com" not in text and "cdn.jsdelivr" not in text
    # the iframe-worker shim is for the offline package only
    assert "iframe-worker" not in text


def test_site_ships_no_iframe_worker_shim(site_dir):
    """Only the offline package loads it (tests/offline/test_offline_package.py); the site does not
    carry the file, which a release's service worker would precache for every reader."""
    assert (site_dir / "assets/javascripts").is_dir()  # vendor/ is gone: these pages load no vendored file
    assert not (site_dir / "assets/javascripts/vendor/iframe-worker.js").exists()
