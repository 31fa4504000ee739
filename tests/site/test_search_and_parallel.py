"""The built site: one search index per language; a parallel view for every chapter."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from conftest import CHAPTERS, LANGUAGES, PAGES, page_file

CONFIG_RE = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


def index(site_dir, lang: str) -> dict:
    return json.loads((site_dir / LANGUAGES[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_each_language_has_its_own_search_index(site_dir):
    zh, en = index(site_dir, "zh"), index(site_dir, "en")
    zh_titles = {d["title"].replace("\u200b", "") for d in zh["docs"] if "#" not in d["location"]}
    en_titles = {d["title"] for d in en["docs"] if "#" not in d["location"]}
    assert "1.3 骨质疏松症与细胞因子" in zh_titles and "1.3 Osteoporosis and cytokines" in en_titles
    assert not any(d["location"].startswith("en/") for d in zh["docs"] + en["docs"])
    # every page in the language's own index, and no parallel view (it repeats the chapters)
    for lang, docs in (("zh", zh["docs"]), ("en", en["docs"])):
        pages = {d["location"].split("#")[0] for d in docs}
        assert pages == set(PAGES), (lang, pages ^ set(PAGES))


def test_chinese_index_is_segmented_by_jieba(site_dir):
    text = " ".join(d["text"] for d in index(site_dir, "zh")["docs"])
    for word in ("骨吸收", "免疫学", "破骨细胞"):
        assert f"\u200b{word}\u200b" in text


@pytest.mark.parametrize("page", PAGES)
def test_english_pages_search_from_the_english_root(site_dir, page):
    config = json.loads(CONFIG_RE.search(page_file(site_dir, "en", page).read_text(encoding="utf-8")).group(1))
    depth = page.count("/") + 1  # below /en/
    assert config["base"] == "../" * depth + "en/"
    zh_config = json.loads(CONFIG_RE.search(page_file(site_dir, "zh", page).read_text(encoding="utf-8")).group(1))
    assert not zh_config["base"].endswith("en/")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_has_a_parallel_view_linked_from_its_top(site_dir, html, lang, chapter):
    view = (site_dir / LANGUAGES[lang] / "parallel" / chapter / "index.html").read_text(encoding="utf-8")
    assert view.count('<div class="parallel-col" lang="zh-Hans">') == view.count('<div class="parallel-col" lang="en">')
    article = html(lang, chapter)
    article = article[article.index("<article") :]
    # the link comes right after the title (and the Chinese page's source subtitle);
    # the collapsed "cite this section" box under each heading is not a paragraph of the page
    article = re.sub(r'<details class="section-cite\b.*?</details>', "", article, flags=re.S)
    first_paragraphs = re.findall(r"<p\b[^>]*>", article)[:2]
    assert any('class="parallel-link"' in p for p in first_paragraphs), first_paragraphs
    assert f'href="{"../" * chapter.count("/")}parallel/{chapter}"' in article


DESCRIPTION_RE = re.compile(r'<meta name="description" content="([^"]*)"')
H1_RE = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_parallel_view_says_which_chapter_it_shows_side_by_side(site_dir, html, lang):
    """Each view's description names its chapter (its title as the chapter page shows it) and
    the two languages side by side: one description per page, none the site's default, none the
    chapter's own."""
    descriptions = {}
    for chapter in CHAPTERS:
        view = (site_dir / LANGUAGES[lang] / "parallel" / chapter / "index.html").read_text(encoding="utf-8")
        description = unescape(DESCRIPTION_RE.search(view).group(1))
        chapter_page = html(lang, chapter)
        heading = re.sub(r'<a class="headerlink".*?</a>', "", H1_RE.search(chapter_page).group(1))
        title = unescape(re.sub(r"<[^>]+>", "", heading)).strip()
        assert description.startswith(title), (chapter, description, title)
        assert ("中英对照" if lang == "zh" else "Chinese and English side by side") in description
        assert description != unescape(DESCRIPTION_RE.search(chapter_page).group(1))
        descriptions[chapter] = description
    assert len(set(descriptions.values())) == len(CHAPTERS)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_glossary_entry_is_its_own_search_result(site_dir, lang):
    import yaml

    from sitebuild import ROOT

    ids = {e["id"] for e in yaml.safe_load((ROOT / "docs" / "_data" / "glossary.yml").read_text(encoding="utf-8"))}
    docs = index(site_dir, lang)["docs"]
    entries = {d["location"].split("#", 1)[1] for d in docs if d["location"].startswith("glossary/#")}
    assert entries == ids
    # "used in" lists are not the entry's text (they would match every term of a section)
    used_in = "出现于" if lang == "zh" else "Used in"
    assert not any(used_in in d["text"] for d in docs if d["location"].startswith("glossary/#"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_diagram_source_is_indexed(site_dir, lang):
    text = json.dumps(index(site_dir, lang)["docs"], ensure_ascii=False)
    for source in ("flowchart", "accTitle", "accDescr", "click ", "href", "classDef", "-->"):
        assert source not in text, source


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_skip_figure_links_are_not_indexed(site_dir, html, lang):
    import yaml

    from sitebuild import ROOT

    labels = yaml.safe_load((ROOT / "docs" / "_data" / "labels.yml").read_text(encoding="utf-8"))
    skip = labels[lang]["skip_figure"].split("{n}")[0].strip()  # 跳过图 / Skip figure
    # the links are on the pages, and their words nowhere in the index (jieba's word
    # breaks are zero-width spaces in the Chinese index)
    assert skip in html(lang, "immunology/cytokines/")
    text = json.dumps(index(site_dir, lang)["docs"], ensure_ascii=False).replace("\u200b", "")
    assert re.sub(r"\s", "", skip) not in re.sub(r"\s", "", text)


ARTICLE_RE = re.compile(r"<article\b[^>]*>(.*)</article>", re.S)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_reads_every_built_page_s_figures_as_the_parsed_view_does(site_dir, lang):
    # search_view's string pass (sitecheck/search_index.py) on the built pages' content, every
    # figure and icon, parallel views included, against BeautifulSoup's parse of the same
    from bs4 import BeautifulSoup

    from sitecheck.search_index import drawn_search_view, parsed_search_view

    others = [root for other, root in LANGUAGES.items() if other != lang and root]
    pages = [
        path
        for path in sorted((site_dir / LANGUAGES[lang]).glob("**/index.html"))
        if not any(path.relative_to(site_dir).as_posix().startswith(root) for root in others)
    ]
    figures = 0
    for path in pages:
        article = ARTICLE_RE.search(path.read_text(encoding="utf-8"))
        if article is None:  # a redirect page
            continue
        content = article.group(1)
        figures += content.count("aria-roledescription=")
        drawn = drawn_search_view(content)
        assert drawn is not None, path
        text = BeautifulSoup(drawn, "html.parser").get_text()
        assert text == BeautifulSoup(parsed_search_view(content), "html.parser").get_text(), path
    assert figures >= 22, figures
