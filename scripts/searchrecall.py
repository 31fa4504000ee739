"""Search recall, measured with the site's own search: Material's search worker
(with hooks/search_cjk.js in front of it) running in Chromium, fed the built
index exactly as Material's page script feeds it.

Queries are sampled from the built chapter pages' HTML, section by section
(a heading with an id up to the next one, as Material's indexer splits them):
random 2–4-character runs of Chinese characters, and English words. A query is
recalled when the section it was taken from is among the worker's results.
Shared by tests/browser/test_search_recall.py and scripts/bench.py.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

HAN_RUN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
ENGLISH_WORD_RE = re.compile(r"\b[A-Za-z][a-z]{3,}\b")
# lunr's English stop words (lunr.stopWordFilter): nobody searches for these,
# and lunr drops them from every query.
STOP_WORDS = (
    "a able about across after all almost also am among an and any are as at be because been but by can cannot "
    "could dear did do does either else ever every for from get got had has have he her hers him his how however "
    "i if in into is it its just least let like likely may me might most must my neither no nor not of off often "
    "on only or other our own rather said say says she should since so some than that the their them then there "
    "these they this tis to too twas us wants was we were what when where which while who whom why will with "
    "would yet you your"
)
LUNR_STOP_WORDS = set(STOP_WORDS.split())
# Blocks whose text is the section's own running text (not the site's chrome)
TEXT_BLOCKS = ["p", "li", "td", "th", "dt", "dd", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6"]
NOT_INDEXED = ".mermaid, svg, .headerlink, [data-search-exclude], [hidden]"


@dataclass(frozen=True)
class Query:
    text: str
    location: str  # the section it was taken from, as the index names it ("immunology/t-cells/#th17")


def sections(html: str, page: str) -> dict[str, list[str]]:
    """location -> the text blocks of that section of a built page."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.md-content__inner") or soup
    for node in article.select(NOT_INDEXED):
        node.decompose()
    result: dict[str, list[str]] = {}
    current = page
    for element in article.find_all(True):
        if re.fullmatch(r"h[1-6]", element.name) and element.get("id"):
            current = page if element.name == "h1" else f"{page}#{element['id']}"
        if element.name in TEXT_BLOCKS and not element.find(TEXT_BLOCKS):
            text = element.get_text()
            if text.strip():
                result.setdefault(current, []).append(text)
    return result


def chapter_pages(site: Path) -> list[str]:
    """The chapters of a built site: the pages that have a parallel view ("immunology/t-cells/")."""
    return sorted(
        path.parent.relative_to(site / "parallel").as_posix() + "/" for path in (site / "parallel").rglob("index.html")
    )


def chinese_queries(site: Path, pages: list[str], count: int, seed: int) -> list[Query]:
    """``count`` random 2–4-character Chinese substrings, each with its section."""
    pool = []
    for page in pages:
        html = (site / page / "index.html").read_text(encoding="utf-8")
        for location, blocks in sections(html, page).items():
            for block in blocks:
                for run in HAN_RUN_RE.findall(block):
                    for length in (2, 3, 4):
                        pool += [(run[i : i + length], location) for i in range(len(run) - length + 1)]
    rng = random.Random(seed)
    return [Query(text, location) for text, location in rng.sample(pool, count)]


def english_queries(site: Path, pages: list[str], count: int, seed: int) -> list[Query]:
    """``count`` random English words (not stop words), each with its section."""
    pool = []
    for page in pages:
        html = (site / "en" / page / "index.html").read_text(encoding="utf-8")
        for location, blocks in sections(html, page).items():
            for block in blocks:
                pool += [(w, location) for w in ENGLISH_WORD_RE.findall(block) if w.casefold() not in LUNR_STOP_WORDS]
    rng = random.Random(seed)
    return [Query(text, location) for text, location in rng.sample(pool, count)]


# Runs in a page of the built site: starts the worker named by the page's
# Material config, sets it up with the language's index as Material does, and
# returns the result locations (best first) of every query.
RUN_QUERIES = """
async (queries) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base.replace(/\\/?$/, "/"), location.href);
  const index = await (await fetch(new URL("search/search_index.json", base))).json();
  const worker = new Worker(new URL(config.search, location.href));
  const next = () => new Promise(resolve => worker.addEventListener("message", e => resolve(e.data), { once: true }));
  let reply = next();
  worker.postMessage({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
  await reply;
  const results = [];
  for (const query of queries) {
    reply = next();
    worker.postMessage({ type: 2, data: query });
    const { data } = await reply;
    const items = data.items.flat().sort((a, b) => b.score - a.score);
    results.push(items.map(item => item.location));
  }
  worker.terminate();
  return { results, bytes: JSON.stringify(index).length };
}
"""


def run_queries(page, url: str, queries: list[str]) -> list[list[str]]:
    """The worker's result locations, best first, for each query, on the page at ``url``."""
    page.goto(url)
    return page.evaluate(RUN_QUERIES, queries)["results"]


def recall(queries: list[Query], results: list[list[str]], top: int | None = None) -> tuple[float, list[Query]]:
    """Share of queries whose section is among the (top) results; the misses."""
    misses = [q for q, found in zip(queries, results, strict=True) if q.location not in found[:top]]
    return 1 - len(misses) / len(queries), misses
