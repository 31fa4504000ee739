"""The plain build (`make build`): installable (a manifest per language, linked
from every page, icons made from the favicon) but no service worker, so
authors and `mkdocs serve` never read pages from a cache."""

from __future__ import annotations

import json
import struct
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from conftest import LANGUAGES, PAGES, page_file
from sitebuild import ROOT


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_every_page_links_its_languages_manifest(site_dir):
    for lang, root in LANGUAGES.items():
        for page in PAGES:
            soup = BeautifulSoup(page_file(site_dir, lang, page).read_text(encoding="utf-8"), "html.parser")
            href = soup.select_one('link[rel="manifest"]')["href"]
            assert not href.startswith("/"), href  # relative: any path prefix
            assert urljoin(f"https://x.org/p/{root}{page}", href) == f"https://x.org/p/{root}manifest.webmanifest"
            assert soup.select_one('meta[name="theme-color"]')["content"] == "#00695c"
            assert soup.select("[data-service-worker], [data-update-notice]") == [], f"{lang}/{page}"


def test_manifests_name_the_language_and_their_icons_exist(site_dir):
    names = {}
    for lang, root in LANGUAGES.items():
        data = json.loads((site_dir / root / "manifest.webmanifest").read_text(encoding="utf-8"))
        names[lang] = data["name"]
        assert data["lang"] == {"zh": "zh-Hans", "en": "en"}[lang]
        for icon in data["icons"]:
            path = (site_dir / root / icon["src"]).resolve()
            width = int(icon["sizes"].split("x")[0])
            assert png_size(path.read_bytes()) == (width, width), icon["src"]
    assert names["zh"].startswith("骨免疫学") and names["en"].startswith("Osteoimmunology")


def test_plain_build_has_no_service_worker(site_dir):
    assert not (site_dir / "sw.js").exists()
    # nor the update notice's files, which only a release's pages load (and its worker precaches)
    notice = ["assets/javascripts/update-notice.js", "assets/stylesheets/update-notice.css"]
    shipped = [path for path in [*notice, "assets/javascripts/vendor/workbox-window.js"] if (site_dir / path).exists()]
    assert shipped == []
    assert all((ROOT / "docs" / path).is_file() for path in notice)
