"""Search: Chinese words found mid-sentence (jieba), results in the page's language only."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from searchbox import SEARCH_ANSWERED, type_search

from conftest import LANGUAGES

pytestmark = pytest.mark.browser

RESULT_COUNT = "() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)"


def search(page, url: str, query: str) -> list[dict]:
    """Type ``query`` into the header search box of ``url``; the results as {path, text}."""
    page.goto(url)
    type_search(page, query, lambda: page.wait_for_function(RESULT_COUNT, timeout=4000))
    return page.eval_on_selector_all(
        ".md-search-result__item",
        "items => items.map(i => ({path: new URL(i.querySelector('a').href).pathname, text: i.textContent}))",
    )


CHAPTER_PREFIXES = ("/abstract/", "/immunology/", "/autoimmune/", "/immunotherapy/")


@pytest.mark.parametrize("word", ["骨吸收", "免疫学", "破骨细胞"])
def test_chinese_word_in_mid_sentence_is_found_in_a_chapter(page, base_url, word):
    results = search(page, f"{base_url}/immunology/cytokines/", word)
    chapters = [r for r in results if r["path"].startswith(CHAPTER_PREFIXES)]
    assert chapters, results
    # the word itself, not just one of its characters, is in a chapter result
    assert any(word in r["text"] for r in chapters), chapters


@pytest.mark.parametrize("term", ["RANKL", "osteoclast", "OVX"])
def test_english_terms_and_abbreviations_are_found(page, base_url, term):
    results = search(page, f"{base_url}/en/immunology/cytokines/", term)
    assert any(r["path"].startswith("/en/immunology/") for r in results), results


def test_english_page_finds_only_english_pages(page, base_url):
    results = search(page, f"{base_url}/en/immunology/cytokines/", "RANKL")
    paths = [r["path"] for r in results]
    assert paths and all(p.startswith("/en/") for p in paths), paths


def test_chinese_page_finds_only_chinese_pages(page, base_url):
    results = search(page, f"{base_url}/immunology/cytokines/", "RANKL")
    paths = [r["path"] for r in results]
    assert paths and not any(p.startswith("/en/") for p in paths), paths


def test_english_pages_load_the_english_index(page, base_url):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(urlsplit(r.url).path) if "search_index" in r.url else None)
    search(page, f"{base_url}/en/immunology/t-cells/", "T cells")
    assert requested == ["/en/search/search_index.json"]


LUNR = "/assets/javascripts/lunr/"


def test_the_index_is_built_when_the_reader_turns_to_search_not_on_load(page, base_url):
    """The search worker builds its index (and loads lunr's language scripts for it) once the
    search box gets focus, not when a page loads (hooks/search_cjk.js, search-intent.js). On a
    Chinese page, where it cost most; English needs no language script, so nothing shows it."""
    lang, path = "zh", "immunology/cytokines/"
    built: list[str] = []

    def note(request):
        if LUNR in request.url:
            built.append(urlsplit(request.url).path)

    page.context.on("request", note)  # the worker's requests are the context's, not the page's
    try:
        see_the_index_built_on_focus(page, f"{base_url}/{LANGUAGES[lang]}{path}", built)
    finally:
        page.context.remove_listener("request", note)


def see_the_index_built_on_focus(page, url: str, built: list[str]) -> None:
    page.goto(url)
    page.wait_for_function(SEARCH_ANSWERED)  # the worker has answered the page's SETUP
    page.wait_for_timeout(1000)  # longer than building the index on load took
    assert built == []
    with page.context.expect_event("request", lambda r: LUNR in r.url, timeout=10_000):
        page.locator("input.md-search__input").focus()
    type_search(page, "RANKL", lambda: page.wait_for_function(RESULT_COUNT, timeout=4000))
