"""Interface words are in the page's language (issue #17: the colour toggle was English on Chinese pages)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import PAGES

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
    """The ¶ link's title comes from the toc extension (mkdocs.yml holds one value for both
    languages): it was "本节链接" on English pages too. Pages without JavaScript (print,
    file://) keep it; section-tools.js replaces it with its own words."""
    import yaml

    from sitebuild import ROOT

    labels = yaml.safe_load((ROOT / "docs" / "_data" / "labels.yml").read_text(encoding="utf-8"))
    for lang in ("zh", "en"):
        titles = [a.get("title") for a in BeautifulSoup(html(lang, page), "html.parser").select("a.headerlink")]
        assert titles, f"{lang} {page}: no permalinks"
        assert set(titles) == {labels[lang]["permalink_title"]}, (lang, page, set(titles))
        if lang == "en":
            assert not any(HAN.search(t) for t in titles), titles
        else:
            assert all(HAN.search(t) for t in titles), titles
