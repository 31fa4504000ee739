"""The pages link one stylesheet and one script of the site's own (hooks/asset_bundle.py):
the files listed in mkdocs.yml, concatenated in order, minified, named by their content."""

from __future__ import annotations

import hashlib
import re

import pytest

from sitebuild import ROOT

LINKED = re.compile(r'<link rel="stylesheet" href="([^"]+)"|<script src="([^"]+)"')
MATERIAL = re.compile(r"/(?:main|palette|bundle)\.[0-9a-f]{8}\.min\.(?:css|js)$")


def listed(setting: str) -> list[str]:
    """The paths under ``setting:`` in mkdocs.yml (its tags keep yaml.safe_load out)."""
    block = re.search(rf"^{setting}:\n((?:  - .+\n)+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    return re.findall(r"  - (\S+)", block.group(1))


def test_every_page_links_one_stylesheet_and_one_script_of_its_own(site_dir):
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) >= 60
    for path in pages:
        linked = [css or js for css, js in LINKED.findall(path.read_text(encoding="utf-8"))]
        own = sorted(
            re.sub(r"\.[0-9a-f]{8}\.", ".<hash>.", href.rsplit("/", 1)[1])
            for href in linked
            if not MATERIAL.search(href)
        )
        assert own == [
            "site.<hash>.min.css",
            "site.<hash>.min.js",
        ], path.relative_to(site_dir)


@pytest.mark.parametrize(("setting", "kind"), [("extra_css", "css"), ("extra_javascript", "js")])
def test_the_bundle_is_named_by_its_content_and_minified(site_dir, setting, kind):
    folder = "stylesheets" if kind == "css" else "javascripts"
    (bundle,) = (site_dir / "assets" / folder).glob(f"site.*.min.{kind}")
    text = bundle.read_text(encoding="utf-8")
    assert bundle.name == f"site.{hashlib.sha256(text.encode()).hexdigest()[:8]}.min.{kind}"
    sources = [ROOT / "docs" / path for path in listed(setting)]
    assert len(sources) >= 5
    # minified: no comments and no indentation left (the listed files have both)
    assert "/*" not in text and "\n  " not in text
    assert len(text) < 0.75 * sum(len(source.read_text(encoding="utf-8")) for source in sources)


def test_the_site_ships_none_of_the_bundled_files(site_dir):
    """The listed files are in the bundles only: no page loads them (test_links.py checks that
    every file a page loads is shipped), and a release's service worker precaches every
    stylesheet and script, so each reader's browser would download them for nothing."""
    listed_files = listed("extra_css") + listed("extra_javascript")
    assert len(listed_files) >= 10
    shipped = [path for path in listed_files if (site_dir / path).exists()]
    assert shipped == []
    # the folders are there, with the bundles and the files pages load on their own
    assert (site_dir / "assets/stylesheets").is_dir() and (site_dir / "assets/javascripts").is_dir()
