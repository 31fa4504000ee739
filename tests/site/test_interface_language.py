"""Interface words are in the page's language (issue #17: the colour toggle was English on Chinese pages)."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from interface_words import SCRIPT_WORDS

from conftest import PAGES
from sitebuild import ROOT
from sitecheck.schema import load_labels

HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def palette_words(page_html: str) -> list[str]:
    soup = BeautifulSoup(page_html, "html.parser")
    words = [i.get("aria-label", "") for i in soup.select('input[name="__palette"]')]
    words += [label.get("title", "") for label in soup.select('label[for^="__palette"]')]
    return words


@pytest.mark.parametrize("page", PAGES)
def test_colour_toggle_speaks_the_page_language(html, page):
    zh, en = palette_words(html("zh", page)), palette_words(html("en", page))
    assert len(zh) == len(en) == 6
    assert all(HAN.search(w) and not LATIN_WORD.search(w) for w in zh), zh
    assert all(LATIN_WORD.search(w) and not HAN.search(w) for w in en), en


@pytest.mark.parametrize("page", PAGES)
def test_section_permalinks_are_titled_in_the_page_language(html, page):
    """The ¶ link's words come from the toc extension (mkdocs.yml holds one value for both
    languages): they were "本节链接" on English pages too. hooks/lazy_tooltips.py makes them
    the link's aria-label (no title for Material's load-time tooltips); pages without
    JavaScript (print, file://) keep it; section-tools.js replaces it with its own words."""
    import yaml

    from sitebuild import ROOT

    labels = yaml.safe_load((ROOT / "docs" / "_data" / "labels.yml").read_text(encoding="utf-8"))
    for lang in ("zh", "en"):
        links = BeautifulSoup(html(lang, page), "html.parser").select("a.headerlink")
        assert not [a for a in links if a.has_attr("title")], f"{lang} {page}: a permalink with a title"
        titles = [a.get("aria-label") for a in links]
        assert titles, f"{lang} {page}: no permalinks"
        assert set(titles) == {labels[lang]["permalink_title"]}, (lang, page, set(titles))
        if lang == "en":
            assert not any(HAN.search(t) for t in titles), titles
        else:
            assert all(HAN.search(t) for t in titles), titles


LABELS_FILE = "docs/_data/labels.yml"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_scripts_get_their_words_from_one_json_block_of_labels_yml(html, lang):
    """Every page carries one non-executable JSON block with the script words of each
    language, equal to labels.yml (hooks/interface_words.py, partials/site-labels.html)."""
    labels = load_labels((ROOT / LABELS_FILE).read_text(encoding="utf-8"), LABELS_FILE)
    expected = {code: {key: labels[code][key] for key in SCRIPT_WORDS} for code in ("zh", "en")}
    for page in PAGES:
        blocks = BeautifulSoup(html(lang, page), "html.parser").select("script#site-labels")
        assert len(blocks) == 1, f"{lang} {page!r}: {len(blocks)} labels blocks"
        assert blocks[0].get("type") == "application/json"
        assert json.loads(blocks[0].string) == expected, f"{lang} {page!r}"
