"""A release's service worker precaches what readers use (scripts/serviceworker.py): every file
it downloads into each reader's browser is one that a page or another shipped file asks for."""

from __future__ import annotations

from pathlib import Path

from releasefiles import web_release
from serviceworker import LUNR_DIR, SW_FILE, lunr_scripts, search_languages

# the files that can name another: pages, style sheets, scripts, the search indexes, the manifests
NAMING = (".html", ".css", ".js", ".json", ".webmanifest")


def unnamed(site: Path, entries: list[str]) -> list[str]:
    """The precached files whose name no other shipped file has (pages are navigated to, and
    Material's search worker makes its lunr files' names: serviceworker.lunr_scripts, checked
    in tests/unit/test_webapp_parts.py)."""
    texts = {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
        for path in site.rglob("*")
        if path.is_file() and path.suffix in NAMING and path.name != SW_FILE
    }
    lunr = {f"{LUNR_DIR}/{name}" for name in lunr_scripts(search_languages(site))}
    return [
        url
        for url in entries
        if not url.endswith(".html")
        and url not in lunr
        and not any(url.rsplit("/", 1)[-1] in text for path, text in texts.items() if path != url)
    ]


def test_every_precached_file_is_named_by_a_page_or_another_shipped_file(tmp_path_factory):
    release = web_release(tmp_path_factory)
    entries = release.precache.entries
    assert len([url for url in entries if not url.endswith(".html")]) >= 20
    assert unnamed(release.site, entries) == []
