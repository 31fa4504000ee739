"""Publisher's basics: whose text the review is and how to reach the publisher,
on every page; with REPO_URL, "edit this page" / "view source" on the page's own
language file and "report an error" on every page."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES, PAGES, REPO_URL, page_file
from sitebuild import ROOT

# repo_site: the web release, built with REPO_URL=REPO (tests/conftest.py)
REPO = REPO_URL
SOURCE = {"zh": ".md", "en": ".en.md"}


def source_file(page: str, lang: str) -> str:
    """'immunology/' -> 'immunology/index.md'; '' -> 'index.md'; 'abstract/' -> 'abstract.md'."""
    name = page.rstrip("/") or "index"
    if (ROOT / "docs" / name).is_dir():
        name += "/index"
    return name + SOURCE[lang]


def footer(site, lang, page) -> BeautifulSoup:
    soup = BeautifulSoup(page_file(site, lang, page).read_text(encoding="utf-8"), "html.parser")
    return soup.select_one("footer .md-rights")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_footer_says_whose_text_it_is_and_whom_to_contact(site_dir, lang):
    for page in PAGES:
        rights = footer(site_dir, lang, page)
        assert rights is not None, page
        text = re.sub(r"\s+", " ", rights.get_text())
        if lang == "zh":
            assert "版权属于其作者和出版者" in text and "我们不知道" in text and "请联系本站的发布者" in text
        else:
            assert "belongs to its authors and publisher" in text and "unknown" in text
            assert "please contact the site's publisher" in text
        assert "CC BY 4.0" in text and "MIT" in text
        # no repository configured: no invented address, no mail link
        assert not rights.select("a[href^='mailto:']")
        assert [a["href"] for a in rights.select("a")] == [
            "https://creativecommons.org/licenses/by/4.0/" + ("deed.zh-hans" if lang == "zh" else "")
        ]


def test_no_repository_no_actions(site_dir):
    soup = BeautifulSoup(page_file(site_dir, "en", "immunology/cytokines/").read_text(encoding="utf-8"), "html.parser")
    assert soup.select("a.md-content__button, a.md-source") == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_edit_view_and_report_point_at_the_page_s_own_file(repo_site, lang):
    for page in PAGES:
        soup = BeautifulSoup(page_file(repo_site, lang, page).read_text(encoding="utf-8"), "html.parser")
        buttons = [a["href"] for a in soup.select("article a.md-content__button")]
        path = "docs/" + source_file(page, lang)
        assert (ROOT / path).is_file(), path
        assert buttons == [
            f"{REPO}/edit/main/{path}",
            f"{REPO}/blob/main/{path}",
            f"{REPO}/issues/new",
        ], f"{lang}/{page}"
        contact = soup.select_one("footer .md-rights a[href$='/issues/new']")
        assert contact is not None and contact["href"] == f"{REPO}/issues/new"


def test_generated_pages_have_no_edit_action_but_can_report(repo_site):
    soup = BeautifulSoup(
        (repo_site / "en" / "parallel" / "immunology" / "cytokines" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    assert [a["href"] for a in soup.select("article a.md-content__button")] == [f"{REPO}/issues/new"]


def test_repository_link_asks_no_third_party(repo_site):
    """Material's source widget would fetch stars and forks from the forge's API on every page."""
    html = (repo_site / "index.html").read_text(encoding="utf-8")
    assert f'href="{REPO}"' in html and 'data-md-component="source"' not in html
