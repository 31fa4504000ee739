"""The offline package (``make offline``): unzipped and opened from file://
in Chromium, with no server and no network."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from languageswitch import switch_language
from releasefiles import built_release
from searchbox import type_search

# the first test builds the whole release (site, PDFs, zip): minutes on a busy machine
pytestmark = [pytest.mark.browser, pytest.mark.timeout(1200)]

LOCAL = ("file:", "data:", "blob:", "about:")


@pytest.fixture(scope="session")
def files(tmp_path_factory):
    return built_release(tmp_path_factory)


@pytest.fixture
def offline_page(browser_context):
    """A tab that records every request that is not to a local file."""
    tab = browser_context.new_page()
    tab.foreign = []
    tab.errors = []
    tab.on("request", lambda r: None if r.url.startswith(LOCAL) else tab.foreign.append(r.url))
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    yield tab
    tab.close()


def search(tab, query: str) -> str:
    """Type ``query`` into Material's search; returns the result summary."""
    type_search(tab, query, lambda: tab.wait_for_selector(".md-search-result__item", timeout=8000))
    return tab.locator(".md-search-result__meta").inner_text()


def test_package_has_both_languages_the_pdfs_and_no_cdn(files):
    root = files.offline_root
    assert (root / "index.html").is_file() and (root / "en" / "index.html").is_file()
    assert (root / "immunology" / "cytokines.html").is_file()  # .html links, not directory URLs
    assert (root / "assets/javascripts/vendor/iframe-worker.js").is_file()
    # the offline pages load the shim (online pages do not: tests/site/test_structure.py)
    assert "vendor/iframe-worker.js" in (root / "index.html").read_text(encoding="utf-8")
    assert not (root / "assets/javascripts/vendor/mermaid.min.js").exists()
    assert (root / "search/search_index.js").is_file() and (root / "en/search/search_index.js").is_file()
    assert sorted(p.name for p in (root / "downloads").glob("*.pdf")) == [
        "osteoimmunology-en.pdf",
        "osteoimmunology-zh.pdf",
    ]
    for page in root.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and "cdn.jsdelivr" not in text, page


def test_package_is_not_a_web_app(files):
    """Built while SERVICE_WORKER=true (as in a release), yet nothing to install from file://:
    no manifest, no worker registration, no sw.js (hooks/webapp.py)."""
    root = files.offline_root
    assert not (root / "sw.js").exists() and not (root / "manifest.webmanifest").exists()
    for page in root.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'rel="manifest"' not in text and "data-service-worker" not in text, page


def test_home_language_links_are_relative(files):
    """static-i18n writes the home pages' switcher links from the site root; under file:// that is the disk's."""
    for page, expected in (
        ("index.html", {"zh": "index.html", "en": "en/index.html"}),
        ("en/index.html", {"zh": "../index.html", "en": "index.html"}),
    ):
        soup = BeautifulSoup((files.offline_root / page).read_text(encoding="utf-8"), "html.parser")
        links = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link[hreflang]")}
        assert links == expected, page


def test_chapter_with_diagram_renders_from_file(files, offline_page):
    tab = offline_page
    tab.goto((files.offline_root / "immunology" / "cytokines.html").as_uri())
    # the build's inline SVG, no Mermaid script
    svg = tab.locator(".diagram svg").first.text_content()
    assert "IL-17" in svg and "Syntax error" not in svg
    assert tab.locator("script[src*='mermaid']").count() == 0
    assert tab.locator("h1").first.inner_text().startswith("1.3")
    # the navigation links to the next chapter as a file
    assert tab.locator("a.md-footer__link--next").get_attribute("href").endswith(".html")
    assert tab.foreign == [] and tab.errors == []


def test_chinese_and_english_search_work_from_file(files, offline_page):
    tab = offline_page
    tab.goto((files.offline_root / "index.html").as_uri())
    assert re.search(r"\d", search(tab, "破骨细胞"))
    assert "破骨细胞" in tab.locator(".md-search-result__item").first.inner_text()
    tab.goto((files.offline_root / "en" / "index.html").as_uri())
    assert re.search(r"\d", search(tab, "osteoclast"))
    assert tab.locator(".md-search-result__item a").first.get_attribute("href").startswith("file:")
    assert tab.foreign == [] and tab.errors == []


def test_language_switch_keeps_the_section_from_file(files, offline_page):
    tab = offline_page
    root = files.offline_root
    tab.goto((root / "immunology" / "cytokines.html").as_uri() + "#il-17")
    switch_language(tab, "en", (root / "en" / "immunology" / "cytokines.html").as_uri() + "#il-17")
    assert tab.locator("#il-17").inner_text().startswith("1.3.1")
    tab.goto((root / "index.html").as_uri())
    switch_language(tab, "en", (root / "en" / "index.html").as_uri())
    assert tab.foreign == []


def test_release_prints_each_step_with_time_and_size(files):
    """`make release` says what it is doing: every step as it starts, then its time and output size."""
    assert set(files.pdf_seconds) == {"zh", "en"}
    lines = files.log.splitlines()
    steps = [line for line in lines if re.match(r"\[\d+/\d+\] .* …$", line)]
    assert len(steps) >= 5
    for started in steps:
        name = started[: -len(" …")]
        # a step may print details of its own, indented, before its summary
        done = next(line for line in lines[lines.index(started) + 1 :] if not line.startswith(" "))
        assert re.fullmatch(re.escape(name) + r": [\d.]+ s — .*", done), done
    assert re.search(r"PDF \(zh\): [\d.]+ s — site/downloads/osteoimmunology-zh\.pdf [\d.]+ MB", files.log)
    assert re.search(
        r"offline package \(zip\): [\d.]+ s — site/downloads/osteoimmunology-offline\.zip [\d.]+ MB", files.log
    )
    assert re.search(r"^release ready in [\d.]+ s: ", files.log, re.M)
