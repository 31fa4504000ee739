"""Every internal link and anchor of the built site resolves, in both languages,
including the links inside diagrams and the generated back-links."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup


def html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def url_of(site: Path, path: Path) -> str:
    relative = path.relative_to(site).as_posix()
    return "http://site/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


@pytest.fixture(scope="module")
def soups(site_dir) -> dict[Path, BeautifulSoup]:
    """Every HTML page of the site, parsed once for all the checks of this module."""
    return {page: BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser") for page in html_files(site_dir)}


def ids_of(soup: BeautifulSoup) -> frozenset[str]:
    return frozenset(tag["id"] for tag in soup.find_all(id=True))


def resolve(site: Path, base: str, href: str) -> tuple[Path, str] | None:
    url = urlsplit(urljoin(base, href))
    if url.scheme not in ("http", "https") or url.netloc != "site":
        return None  # external (doi.org …), mailto:, javascript:
    target = site / unquote(url.path).lstrip("/")
    if target.is_dir() or url.path.endswith("/"):
        target = target / "index.html"
    return target, unquote(url.fragment)


def links_of(soup: BeautifulSoup) -> list[str]:
    # footer links to the release files (PDFs, zip) exist only after `make release`
    hrefs = [a["href"] for a in soup.select("a[href]:not([data-release-file])")]
    # the diagrams' links (Mermaid's `click … href`) are SVG links in the built page
    hrefs += [a["xlink:href"] for a in soup.select(".diagram svg a[xlink\\:href]")]
    return hrefs


def test_every_internal_link_and_anchor_resolves(site_dir, soups):
    broken = []
    checked = 0
    ids = {page: ids_of(soup) for page, soup in soups.items()}
    for page, soup in soups.items():
        base = url_of(site_dir, page)
        for href in links_of(soup):
            if href.startswith("/") and not href.startswith("//"):
                broken.append(f"{page.relative_to(site_dir)}: {href} is root-absolute (breaks under a sub-path)")
                continue
            resolved = resolve(site_dir, base, href)
            if resolved is None:
                continue
            target, fragment = resolved
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(site_dir)}: {href} -> missing {target.relative_to(site_dir)}")
            elif fragment and fragment not in ids.get(target, frozenset()):  # 404.html is never a link target
                broken.append(f"{page.relative_to(site_dir)}: {href} -> no #{fragment}")
    assert checked > 1000
    assert broken == []


def test_diagram_links_are_checked(site_dir, soups):
    assert "immunology/t-cells/" in links_of(soups[site_dir / "index.html"])


# what a page loads (not a link a reader follows): style sheets, scripts, icons, the manifest, images
LOADED = "link[href]:not([rel~=canonical]):not([rel~=alternate]):not([rel~=prev]):not([rel~=next]), [src]"


def test_every_file_a_page_loads_is_shipped(site_dir, soups):
    """A page that links a file the build does not ship (hooks/asset_bundle.py leaves the files it
    bundled out of the site; hooks/offline_polyfills.py the shim) would break, not just miss it."""
    missing = []
    loaded = set()
    for page, soup in soups.items():
        base = url_of(site_dir, page)
        for tag in soup.select(LOADED):
            href = tag.get("href") or tag["src"]
            resolved = resolve(site_dir, base, href)
            if resolved is None:
                continue  # another host (test_nothing_loaded_from_another_host), data:
            target = resolved[0]
            loaded.add(target.relative_to(site_dir).as_posix())
            if not target.is_file():
                missing.append(f"{page.relative_to(site_dir)}: {href} -> missing {target.relative_to(site_dir)}")
    assert missing == []
    # style sheets, scripts, favicon, manifests and their icons, figures' images
    assert {"manifest.webmanifest", "en/manifest.webmanifest", "assets/images/favicon.svg"} <= loaded
    assert sum(path.endswith((".css", ".js")) for path in loaded) >= 5


def test_nothing_loaded_from_another_host(soups, site_url):
    # the site's own address (canonical; hreflang alternates in a release: Material fetches a sitemap beside each)
    own = urlsplit(site_url).netloc
    loaded = []
    for soup in soups.values():
        loaded += [t["src"] for t in soup.select("[src]") if urlsplit(t["src"]).netloc]
        loaded += [t["href"] for t in soup.select("link[href]") if urlsplit(t["href"]).netloc not in ("", own)]
    assert loaded == []
