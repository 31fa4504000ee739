"""The release (`make release SITE_URL=…`) names its own address everywhere a
reader or a crawler sees an absolute URL, and tells search engines and link
previews what each page is."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from releasefiles import release

from conftest import CHAPTERS, LANGUAGES, PAGES

# the first test builds the whole release (site, PDFs, zip): minutes on a busy machine
pytestmark = [pytest.mark.browser, pytest.mark.timeout(1200)]

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
OG_LOCALE = {"zh": "zh_CN", "en": "en_US"}


@pytest.fixture(scope="session")
def files(tmp_path_factory):
    return release(tmp_path_factory)


def page_soup(files, lang, page) -> BeautifulSoup:
    return BeautifulSoup(
        (files.site / LANGUAGES[lang] / page / "index.html").read_text(encoding="utf-8"), "html.parser"
    )


def meta(soup, **attrs) -> str:
    tag = soup.find("meta", attrs=attrs)
    assert tag is not None, attrs
    return tag["content"]


def test_no_development_address_anywhere(files):
    leaked = [
        str(path.relative_to(files.site))
        for path in files.site.rglob("*")
        if path.suffix in (".html", ".xml", ".txt", ".js", ".json") and "127.0.0.1:8000" in path.read_text("utf-8")
    ]
    assert leaked == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_canonical_alternates_and_a_preview(files, lang):
    descriptions = {}
    for page in PAGES:
        soup = page_soup(files, lang, page)
        url = files.url + LANGUAGES[lang] + page
        assert soup.find("link", rel="canonical")["href"] == url
        alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate")}
        assert alternates == {
            "zh-Hans": files.url + page,
            "en": files.url + "en/" + page,
            "x-default": files.url + page,
        }
        assert meta(soup, property="og:url") == url
        assert meta(soup, property="og:locale") == OG_LOCALE[lang]
        assert meta(soup, property="og:type") == ("website" if page == "" else "article")
        assert meta(soup, property="og:title")
        description = meta(soup, name="description")
        assert meta(soup, property="og:description") == description
        # taken from the page's own text (the first paragraph, citation marks left out)
        article = soup.select_one("article")
        for mark in article.select("sup.citation"):
            mark.decompose()
        text = re.sub(r"\s+", " ", article.get_text())
        assert description.rstrip("…") in text, f"{lang}/{page}: {description!r}"
        descriptions[page] = description
    assert len(set(descriptions.values())) == len(PAGES)  # one of its own per page


def test_sitemap_lists_both_languages_with_alternates(files):
    root = ET.parse(files.site / "sitemap.xml").getroot()
    entries = {u.find("s:loc", NS).text: u for u in root.findall("s:url", NS)}
    for lang in LANGUAGES:
        for page in PAGES:
            url = files.url + LANGUAGES[lang] + page
            assert url in entries, url
            links = {x.get("hreflang"): x.get("href") for x in entries[url].findall("x:link", NS)}
            assert links == {"zh-Hans": files.url + page, "en": files.url + "en/" + page, "x-default": files.url + page}
    assert all(loc.startswith(files.url) for loc in entries)
    assert (files.site / "robots.txt").read_text().splitlines()[-1] == f"Sitemap: {files.url}sitemap.xml"


def test_cite_boxes_cite_the_release_address(files):
    for lang in LANGUAGES:
        box = page_soup(files, lang, "immunology/cytokines/").select_one('details.section-cite[data-section="il-17"]')
        assert f"{files.url}{LANGUAGES[lang]}immunology/cytokines/#il-17" in box.select_one(".section-cite__text").text


def test_instructors_page_cites_the_release_address(files):
    for lang, page_url in (("zh", "immunology/cytokines/#il-17"), ("en", "en/immunology/cytokines/#il-17")):
        quote = page_soup(files, lang, "instructors/").select_one("blockquote").get_text()
        assert files.url + page_url in quote
        assert "2026-11-27" not in quote


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pdf_names_the_release_address(files, lang):
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(files.downloads / f"osteoimmunology-{lang}.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f"{files.url}{LANGUAGES[lang]}immunology/cytokines/#il-17" in re.sub(r"\s+", "", text)


def test_release_names_each_language_pdf(files):
    """Only a release (RELEASE=true, scripts/release.py) makes the PDFs, so only it names them
    (a plain build has none: tests/site/test_citation_meta.py); the session's release, not a build of its own."""
    for lang in LANGUAGES:
        pdf = f"osteoimmunology-{lang}.pdf"
        assert (files.downloads / pdf).is_file()
        for page in ("", "immunology/t-cells/"):
            head = page_soup(files, lang, page).head
            named = [tag["content"] for tag in head.find_all("meta", attrs={"name": "citation_pdf_url"})]
            assert named == [f"{files.url}downloads/{pdf}"], f"{lang}/{page}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_material_finds_the_sitemaps_it_asks_for(files, browser_context, lang):
    """Material fetches sitemap.xml beside every alternate link: each request must succeed."""
    tab = browser_context.new_page()
    problems, sitemaps = [], []
    tab.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
    tab.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    tab.on("response", lambda r: sitemaps.append(r.url) if r.url.endswith("/sitemap.xml") else None)
    try:
        for page in ["", *CHAPTERS[:4], "glossary/"]:
            tab.goto(files.url + LANGUAGES[lang] + page, wait_until="networkidle")
    finally:
        tab.close()
    assert problems == []
    assert files.url + "en/immunology/sitemap.xml" in sitemaps and files.url + "immunology/sitemap.xml" in sitemaps


def test_offline_package_names_the_published_pages(files):
    """Its pages have .html links, but what a reader copies or cites is the site's address."""
    for relative, published in (("immunology/cytokines.html", "immunology/cytokines/"), ("en/index.html", "en/")):
        soup = BeautifulSoup((files.offline_root / relative).read_text(encoding="utf-8"), "html.parser")
        assert soup.find("link", rel="canonical")["href"] == files.url + published
        assert soup.find("link", rel="alternate") is None  # nothing crawls file://
