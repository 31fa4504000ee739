"""A plain build (`make build`, `mkdocs build`) links to no file it did not make:
the PDFs and the offline zip exist only in a release (`make release`)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from conftest import LANGUAGES, PAGES, page_file

RELEASE_FILE_RE = re.compile(r"osteoimmunology-(zh\.pdf|en\.pdf|offline\.zip|flashcards\.apkg|flashcards\.csv)")


def test_no_page_links_to_a_release_file(site_dir):
    linked = []
    for lang in LANGUAGES:
        for page in PAGES:
            soup = BeautifulSoup(page_file(site_dir, lang, page).read_text(encoding="utf-8"), "html.parser")
            linked += [
                f"{lang}/{page}: {a['href']}" for a in soup.select("a[href]") if RELEASE_FILE_RE.search(a["href"])
            ]
    assert not (site_dir / "downloads" / "osteoimmunology-zh.pdf").exists()
    assert linked == []


def test_downloads_page_says_how_to_make_the_files(html):
    for lang, words in (
        ("zh", "运行 <code>make release</code> 生成"),
        ("en", "run <code>make release</code> to produce"),
    ):
        text = html(lang, "downloads/")
        assert text.count(words) == 5, lang  # both PDFs, the zip, the Anki deck and the CSV
        assert "download:" not in text


def test_footer_has_no_download_links(html):
    assert "md-footer-downloads" not in html("zh", "immunology/cytokines/")
    assert "md-footer-downloads" not in html("en", "")
