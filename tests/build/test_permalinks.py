"""Published URLs never break: a removed page or a renamed section stops the build with
the URL and the fix; a redirect (both languages) or an anchor alias keeps the old URL working."""

from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup
from update_permalinks import update

from fixture_site import FixtureSite, count_reads, warnings
from sitebuild import serve
from sitecheck.headers import inline_code, script_hash

# A page long enough that reaching its last section means scrolling
FILLER_ZH = "".join(f"第 {n} 段附录文字。\n\n" for n in range(60))
FILLER_EN = "".join(f"Appendix paragraph {n}.\n\n" for n in range(60))
APPENDIX_ZH = f"# 附录 {{ #appendix }}\n\n{FILLER_ZH}## 附录小节 {{ #appendix-part }}\n\n小节文字。\n\n{FILLER_ZH}"
APPENDIX_EN = (
    f"# Appendix {{ #appendix }}\n\n{FILLER_EN}## Appendix part {{ #appendix-part }}\n\nPart text.\n\n{FILLER_EN}"
)
HOOKS = "  - hooks/security_headers.py\n  - hooks/i18n_redirects.py\n  - hooks/permalinks.py\n"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A fixture site with an appendix page whose URLs were published (listed) once."""
    site = FixtureSite(tmp_path_factory.mktemp("published"))
    site.write("docs/appendix.md", APPENDIX_ZH)
    site.write("docs/appendix.en.md", APPENDIX_EN)
    site.replace("mkdocs.yml", "hooks:\n", "hooks:\n" + HOOKS)
    site.replace("mkdocs.yml", "  language: zh\n", "  language: zh\n  font: false\n")  # no web fonts, like the site
    site.replace("mkdocs.yml", "plugins:\n", "plugins:\n  - redirects:\n      redirect_maps: {}\n")
    added, total = update(site.root)
    assert added == total > 10
    return site


@pytest.fixture
def site(published, tmp_path):
    """A fresh copy of the published fixture for one change."""
    copy = FixtureSite.__new__(FixtureSite)
    copy.root = tmp_path / "site-copy"

    # symlinks kept: hooks/ stays the link to the project's hooks (FixtureSite), whose
    # generated-markup templates are the project's overrides/partials/generated/
    shutil.copytree(published.root, copy.root, symlinks=True, ignore=shutil.ignore_patterns("site"))
    return copy


def line_of(site, url: str) -> int:
    return site.read("docs/_data/permalinks.txt").splitlines().index(url) + 1


def test_list_has_both_languages_pages_and_sections(published):
    listed = published.read("docs/_data/permalinks.txt").splitlines()
    for url in ["/", "/en/", "/appendix/", "/en/appendix/", "/appendix/#appendix-part", "/en/chapter/#part"]:
        assert url in listed
    assert published.build().returncode == 0


def test_new_section_is_fine_and_listed_by_make_permalinks(site):
    site.replace("docs/appendix.md", "小节文字。\n", "小节文字。\n\n## 新小节 { #appendix-new }\n\n新。\n")
    site.replace("docs/appendix.en.md", "Part text.\n", "Part text.\n\n## New part { #appendix-new }\n\nNew.\n")
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert "2 URL(s) not yet in docs/_data/permalinks.txt" in result.stderr
    assert update(site.root)[0] == 2
    assert "/en/appendix/#appendix-new" in site.read("docs/_data/permalinks.txt").splitlines()


def test_removed_page(site):
    (site.root / "docs/appendix.md").unlink()
    (site.root / "docs/appendix.en.md").unlink()
    result = site.build()
    assert result.returncode != 0
    fix = (
        "restore it, or redirect it in mkdocs.yml (plugins: redirects: redirect_maps: 'appendix.md': "
        "'<new page>.md'; one entry redirects both languages)."
    )
    assert warnings(result) == [
        f"permalinks: docs/_data/permalinks.txt:{line_of(site, '/appendix/')}: published page '/appendix/' no "
        f"longer exists; {fix}",
        f"permalinks: docs/_data/permalinks.txt:{line_of(site, '/en/appendix/')}: published page '/en/appendix/' no "
        f"longer exists; {fix}",
    ]


def test_the_list_is_read_once_per_build_where_docs_dir_puts_it(site, monkeypatch):
    # the list and the aliases are the site model's data files: below the configured docs_dir,
    # read once for both language passes, and named so in the messages
    shutil.move(site.root / "docs", site.root / "content")
    site.write("mkdocs.yml", "docs_dir: content\n" + site.read("mkdocs.yml"))
    listed = site.read("content/_data/permalinks.txt").splitlines()
    for suffix in ("", ".en"):
        (site.root / f"content/appendix{suffix}.md").unlink()
    reads = count_reads(monkeypatch)
    result = site.build()
    assert reads["permalinks.txt"] == 1
    fix = (
        "restore it, or redirect it in mkdocs.yml (plugins: redirects: redirect_maps: 'appendix.md': "
        "'<new page>.md'; one entry redirects both languages)."
    )
    assert warnings(result) == [
        f"permalinks: content/_data/permalinks.txt:{listed.index(url) + 1}: published page '{url}' no longer exists; "
        f"{fix}"
        for url in ("/appendix/", "/en/appendix/")
    ]


def rename_appendix(site, redirect_to: str) -> None:
    for suffix in ("", ".en"):
        (site.root / f"docs/appendix{suffix}.md").rename(site.root / f"docs/annex{suffix}.md")
    site.replace("mkdocs.yml", "redirect_maps: {}", f"redirect_maps:\n        appendix.md: {redirect_to}")


def test_redirect_keeps_page_and_sections_in_both_languages(site):
    rename_appendix(site, "annex.md")
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert warnings(result) == []
    built = site.root / "site"
    for lang in ("", "en/"):
        redirect = (built / lang / "appendix/index.html").read_text(encoding="utf-8")
        assert '<meta http-equiv="refresh" content="0; url=../annex/">' in redirect
        # the redirect's own inline script is allowed by the site's policy
        (script,) = inline_code(redirect).scripts
        assert script_hash(script) in (built / "_headers").read_text(encoding="utf-8")
    assert "Appendix part" in (built / "en/annex/index.html").read_text(encoding="utf-8")


@pytest.mark.browser
def test_redirected_section_lands_on_the_new_page_in_each_language(site, page):
    """... under the site's own Content-Security-Policy (the redirect's inline script is hashed)."""
    rename_appendix(site, "annex.md")
    assert site.build().returncode == 0
    built = site.root / "site"
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    with serve(built, headers=(built / "_headers").read_text(encoding="utf-8")) as url:
        for lang in ("", "en/"):
            page.goto(f"{url}/{lang}appendix/#appendix-part")
            page.wait_for_url(f"{url}/{lang}annex/#appendix-part")
            assert page.locator("h1").inner_text().startswith("附录" if not lang else "Appendix")
    assert blocked == []


def test_redirect_to_a_page_without_the_sections_reports_each(site):
    rename_appendix(site, "chapter.md")
    result = site.build()
    assert result.returncode != 0
    assert [w for w in warnings(result) if "/en/appendix/#appendix-part" in w] == [
        f"permalinks: docs/_data/permalinks.txt:{line_of(site, '/en/appendix/#appendix-part')}: published section "
        "'/en/appendix/#appendix-part' no longer exists (no heading of '/en/chapter/', where it redirects, has the "
        "id 'appendix-part'); keep '{ #appendix-part }' on its heading, or add an anchor alias to "
        "docs/_data/anchor-aliases.yml ('- page: chapter', 'old: appendix-part', 'new: <the id it has now>')."
    ]


def rename_section(site) -> None:
    site.replace("docs/appendix.md", "{ #appendix-part }", "{ #appendix-section }")
    site.replace("docs/appendix.en.md", "{ #appendix-part }", "{ #appendix-section }")


def test_renamed_anchor(site):
    rename_section(site)
    result = site.build()
    assert result.returncode != 0
    assert warnings(result) == [
        f"permalinks: docs/_data/permalinks.txt:{line_of(site, url)}: published section '{url}' no longer exists "
        "(no heading there has the id 'appendix-part'); keep '{ #appendix-part }' on its heading, or add an anchor "
        "alias to docs/_data/anchor-aliases.yml ('- page: appendix', 'old: appendix-part', 'new: <the id it has now>')."
        for url in ["/appendix/#appendix-part", "/en/appendix/#appendix-part"]
    ]


ALIAS = "- page: appendix\n  old: appendix-part\n  new: appendix-section\n"


def test_anchor_alias_keeps_the_old_id_in_both_languages(site):
    rename_section(site)
    site.write("docs/_data/anchor-aliases.yml", ALIAS)
    result = site.build()
    assert result.returncode == 0, result.stderr
    for lang in ("", "en/"):
        html = (site.root / "site" / lang / "appendix/index.html").read_text(encoding="utf-8")
        # the heading's first child, whatever the attribute order (the glossary hook re-serializes with bs4)
        heading = BeautifulSoup(html, "html.parser").select_one("h2#appendix-section")
        alias = heading.find(True)
        assert (alias.name, alias.get("id"), alias.get("class"), alias.text) == (
            "span",
            "appendix-part",
            ["anchor-alias"],
            "",
        )
        assert not heading.contents[0].get_text().strip()  # at the start of the heading


@pytest.mark.browser
def test_old_anchor_scrolls_to_the_renamed_section(site, page):
    rename_section(site)
    site.write("docs/_data/anchor-aliases.yml", ALIAS)
    assert site.build().returncode == 0
    with serve(site.root / "site") as url:
        for lang in ("", "en/"):
            page.goto(f"{url}/{lang}appendix/#appendix-part")
            page.wait_for_timeout(300)
            top = page.evaluate("document.getElementById('appendix-section').getBoundingClientRect().top")
            header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
            assert page.evaluate("window.scrollY") > 500  # the page scrolled down to the section
            assert header <= top < header + 120, (lang, top, header)  # heading just below the header


def test_alias_to_a_missing_section(site):
    rename_section(site)
    site.write("docs/_data/anchor-aliases.yml", ALIAS.replace("new: appendix-section", "new: appendix-sectoin"))
    result = site.build()
    assert result.returncode != 0
    assert (
        "permalinks: docs/_data/anchor-aliases.yml:1: alias '#appendix-part' points to '#appendix-sectoin', but no "
        "heading of docs/appendix.md has that id; name the id the section has now."
    ) in warnings(result)


def test_alias_whose_old_id_is_back(site):
    site.write("docs/_data/anchor-aliases.yml", ALIAS.replace("new: appendix-section", "new: appendix"))
    result = site.build()
    assert result.returncode != 0
    assert warnings(result) == [
        "permalinks: docs/_data/anchor-aliases.yml:1: '#appendix-part' is an id on docs/appendix.md again; remove "
        "this alias (two elements would share it)."
    ]
