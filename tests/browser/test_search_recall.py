"""Search finds what is on the page: any Chinese substring, English words, figure
text alternatives — never diagram source — and whole words first.

Recall runs the site's own search worker in Chromium (scripts/searchrecall.py).
"""

from __future__ import annotations

import json
import re

import pytest
from searchrecall import chinese_queries, english_queries, recall, run_queries
from test_search import search

from conftest import CHAPTERS

pytestmark = pytest.mark.browser

SEED = 17
CHINESE_SAMPLE = 240
ENGLISH_SAMPLE = 120


def test_any_chinese_substring_of_two_to_four_characters_finds_its_section(page, base_url, site_dir):
    queries = chinese_queries(site_dir, CHAPTERS, CHINESE_SAMPLE, SEED)
    results = run_queries(page, f"{base_url}/immunology/t-cells/", [q.text for q in queries])
    share, misses = recall(queries, results)
    assert share >= 0.99, [(m.text, m.location) for m in misses]


def test_english_words_find_their_section(page, base_url, site_dir):
    queries = english_queries(site_dir, CHAPTERS, ENGLISH_SAMPLE, SEED)
    results = run_queries(page, f"{base_url}/en/immunology/t-cells/", [q.text for q in queries])
    share, misses = recall(queries, results)
    assert share >= 0.99, [(m.text, m.location) for m in misses]


@pytest.mark.parametrize("query", ["成纤维", "纤维细胞"])
def test_a_substring_inside_a_jieba_word_is_found_and_marked(page, base_url, query):
    # 滑膜成纤维细胞 is one word to jieba (a glossary term), in 1.3.1
    results = search(page, f"{base_url}/immunology/cytokines/", query)
    assert any(r["path"] == "/immunology/cytokines/" for r in results), results
    marked = page.eval_on_selector_all(".md-search-result mark", "marks => marks.map(m => m.textContent)")
    assert query in [m.replace("\u200b", "") for m in marked], marked


def whole_word_locations(site_dir, word: str) -> tuple[set, set]:
    """Sections where jieba made ``word`` a word of its own, and those where it is only inside one."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    whole, inside = set(), set()
    for doc in index["docs"]:
        text = re.sub(r"<[^>]+>", " ", doc["title"] + "\u200b" + doc["text"])
        if word in re.split(r"[\s\u200b\u3000\-、。，．？！；：（）]+", text):
            whole.add(doc["location"])
        elif word in text.replace("\u200b", ""):
            inside.add(doc["location"])
    return whole, inside


@pytest.mark.parametrize("word", ["骨质", "吸收", "免疫", "激素"])
def test_whole_word_hits_rank_before_hits_inside_longer_words(page, base_url, site_dir, word):
    whole, inside = whole_word_locations(site_dir, word)
    assert whole and inside  # the word must test both kinds
    [ranked] = run_queries(page, f"{base_url}/", [word])
    order = [loc for loc in ranked if loc in whole or loc in inside]
    assert set(order[: len(whole)]) == whole, order


def test_diagrams_are_found_by_their_text_alternative_never_by_their_source(page, base_url):
    results = search(page, f"{base_url}/", "维生素")
    text = " ".join(r["text"] for r in results)
    for source in ("flowchart", "accTitle", "accDescr", "click", "href"):
        assert source not in text, text
    # accDescr of Figure 1 (home page): "… 细胞因子（IL-17、IL-6、…）和维生素 D …"
    [ranked] = run_queries(page, f"{base_url}/", ["每个节点链接到对应章节"])
    assert "#overview" in ranked, ranked
