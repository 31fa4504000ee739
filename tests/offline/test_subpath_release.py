"""The release served under a path prefix (``/osteoimmunology/``), as a GitHub
Pages project site or a CDN path serves it: a real third-party crawler finds no
broken link, and a reader in Chromium can switch language, search, see the
diagrams and open the PDFs, all below the prefix."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from languageswitch import switch_language
from releasefiles import PREFIX, release
from searchbox import type_search

from conftest import LANGUAGES, PAGES

# the first test builds the whole release (site, PDFs, zip): minutes on a busy machine
pytestmark = [pytest.mark.browser, pytest.mark.timeout(1200)]

LINKCHECKER = Path(sys.executable).with_name("linkchecker")


@pytest.fixture(scope="session")
def files(tmp_path_factory):
    return release(tmp_path_factory)


@pytest.fixture(scope="session")
def crawl(files, tmp_path_factory):
    """LinkChecker over the whole served release: every URL it checked, as CSV rows."""
    # no pause between requests: the release's server (releasefiles.py) sends the "LinkChecker"
    # header that lets LinkChecker go faster than its default of 10 a second (3 on average)
    config = tmp_path_factory.mktemp("linkchecker") / "linkcheckerrc"
    config.write_text("[checking]\nmaxrequestspersecond=1000\n", encoding="utf-8")
    result = subprocess.run(
        [str(LINKCHECKER), "-f", str(config), "--verbose", "-o", "csv", "--no-status", "-t", "4", "--timeout", "30"]
        + [files.url],
        capture_output=True,
        text=True,
        timeout=600,
    )
    lines = [line for line in result.stdout.splitlines(keepends=True) if not line.startswith("#")]
    header, *rows = list(csv.reader(lines, delimiter=";"))
    return result.returncode, [dict(zip(header, row, strict=False)) for row in rows]


def test_linkchecker_finds_no_broken_link(crawl):
    returncode, rows = crawl
    broken = [f"{r['url']} (from {r['parentname']}): {r['result']}" for r in rows if r["valid"] != "True"]
    assert broken == []
    assert returncode == 0


def test_linkchecker_crawled_both_languages_and_the_downloads(crawl, files):
    _, rows = crawl
    checked = {r["url"] for r in rows if r["url"].startswith(files.url) and r["result"].startswith("200")}
    for lang, root in LANGUAGES.items():
        missing = [page for page in PAGES if f"{files.url}{root}{page}" not in checked]
        assert missing == [], lang
    for name in ("osteoimmunology-zh.pdf", "osteoimmunology-en.pdf", "osteoimmunology-offline.zip"):
        assert f"{files.url}downloads/{name}" in checked
    # nothing escaped the prefix: every local URL it met is below it
    outside = {r["url"] for r in rows if urlsplit(r["url"]).hostname == "127.0.0.1"} - {
        u for u in (r["url"] for r in rows) if urlsplit(u).path.startswith(PREFIX)
    }
    assert outside == set()


@pytest.fixture
def reader(browser_context):
    """A tab that records page errors and failed requests."""
    tab = browser_context.new_page()
    tab.problems = []
    tab.on("pageerror", lambda e: tab.problems.append(f"error: {e}"))
    tab.on("response", lambda r: r.status >= 400 and tab.problems.append(f"{r.status} {r.url}"))
    yield tab
    tab.close()


def test_language_switch_keeps_page_and_section_under_the_prefix(files, reader):
    tab = reader
    tab.goto(f"{files.url}immunology/cytokines/#il-17")
    switch_language(tab, "en", f"{files.url}en/immunology/cytokines/#il-17")
    assert tab.locator("#il-17").inner_text().startswith("1.3.1")
    switch_language(tab, "zh", f"{files.url}immunology/cytokines/#il-17")
    tab.goto(files.url)
    switch_language(tab, "en", f"{files.url}en/")
    assert tab.problems == []


@pytest.mark.parametrize(("lang", "query"), [("zh", "骨吸收"), ("en", "osteoclast")])
def test_search_finds_words_under_the_prefix(files, reader, lang, query):
    tab = reader
    tab.goto(files.url + LANGUAGES[lang])
    type_search(tab, query, lambda: tab.wait_for_selector(".md-search-result__item", timeout=5000))
    first = tab.locator(".md-search-result__item a").first.get_attribute("href")
    assert first.startswith(files.url + LANGUAGES[lang])
    # Chinese results mark word boundaries with zero-width spaces
    texts = [t.replace("\u200b", "") for t in tab.locator(".md-search-result__item").all_inner_texts()]
    assert any(query in text for text in texts)
    assert tab.problems == []


def test_diagrams_draw_under_the_prefix(files, reader):
    """The build draws the diagrams as inline SVG: they show, with their labels, under the prefix."""
    tab = reader
    for lang in LANGUAGES:
        tab.goto(f"{files.url}{LANGUAGES[lang]}immunology/cytokines/")
        svg = tab.locator(".diagram svg").first
        assert svg.is_visible(), lang
        assert "IL-17" in svg.text_content() and "Syntax error" not in svg.text_content()
    assert tab.problems == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pdfs_open_from_the_footer_under_the_prefix(files, reader, lang):
    tab = reader
    tab.goto(f"{files.url}{LANGUAGES[lang]}immunology/t-cells/")
    for name in ("osteoimmunology-zh.pdf", "osteoimmunology-en.pdf"):
        href = tab.locator(f'.md-footer-downloads a[href$="{name}"]').evaluate("a => a.href")
        assert href == f"{files.url}downloads/{name}"
        response = tab.request.get(href)
        assert response.status == 200 and response.headers["content-type"] == "application/pdf"
        body = response.body()
        assert body.startswith(b"%PDF-") and body == (files.downloads / name).read_bytes()
