"""The web app pieces: manifest, icons, when the worker is registered, what it precaches."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin

import material
import pytest
import webapp
from serviceworker import MAX_FILE_BYTES, generate, lunr_scripts

from sitebuild import ROOT
from sitecheck.webapp import SVG_NS, WebAppError, icon_svg, manifest, primary_colour

FAVICON = (ROOT / "docs/assets/images/favicon.svg").read_text(encoding="utf-8")


def test_theme_colour_is_the_palettes_custom_primary():
    css = (ROOT / "docs/assets/stylesheets/extra.css").read_text(encoding="utf-8")
    assert primary_colour(css, "extra.css") == "#00695c"
    with pytest.raises(WebAppError, match=r"^docs/x\.css: no '--md-primary-fg-color: #rrggbb;'"):
        primary_colour(":root { --md-primary-fg-color: teal; }", "docs/x.css")


def glyph_box(svg: str) -> tuple[float, float, float]:
    """(x, y, width) of the favicon drawing inside the 1×1 icon."""
    inner = ET.fromstring(svg).find(f"{{{SVG_NS}}}svg")
    return float(inner.get("x")), float(inner.get("y")), float(inner.get("width"))


def test_maskable_icon_keeps_the_drawing_inside_the_safe_circle():
    x, y, width = glyph_box(icon_svg(FAVICON, "#00695c", "maskable", "favicon.svg"))
    centre = (x + width / 2, y + width / 2)
    assert centre == pytest.approx((0.5, 0.5))
    assert width / 2 * 2**0.5 <= 0.40  # the box's corners, within radius 40 %
    tile = ET.fromstring(icon_svg(FAVICON, "#00695c", "maskable", "favicon.svg")).find(f"{{{SVG_NS}}}rect")
    assert tile.get("fill") == "#00695c" and tile.get("rx") is None  # full bleed


def test_bad_favicon_is_reported_with_its_file_and_line():
    with pytest.raises(WebAppError, match=r"^docs/f\.svg:2: the favicon is not valid SVG"):
        icon_svg("<svg>\n<path></svg>", "#000000", "any", "docs/f.svg")


def test_english_manifest_starts_at_its_home_and_keeps_the_whole_site_in_scope():
    data = manifest(
        name="N",
        short_name="S",
        description="D",
        lang="en",
        root="../",
        icon_dir="assets/images/webapp",
        theme_colour="#00695c",
    )
    at = "https://example.org/prefix/en/manifest.webmanifest"  # relative URLs: any prefix
    assert urljoin(at, data["start_url"]) == "https://example.org/prefix/en/"
    assert urljoin(at, data["scope"]) == "https://example.org/prefix/"
    icons = {(i["sizes"], i["purpose"]): urljoin(at, i["src"]) for i in data["icons"]}
    assert set(icons) == {(s, p) for s in ("192x192", "512x512") for p in ("any", "maskable")}
    assert icons[("512x512", "maskable")] == "https://example.org/prefix/assets/images/webapp/maskable-512.png"
    assert data["display"] == "standalone" and data["theme_color"] == "#00695c"


def test_lunr_files_are_those_materials_worker_loads():
    assert lunr_scripts(["zh", "en"]) == {
        "min/lunr.stemmer.support.min.js",
        "min/lunr.zh.min.js",
        "min/lunr.multi.min.js",
    }
    assert lunr_scripts(["en"]) == {"min/lunr.stemmer.support.min.js"}
    # the files exist in the installed Material (an upgrade that renames them fails here)
    folder = Path(material.__file__).parent / "templates/assets/javascripts/lunr"
    assert all((folder / name).is_file() for name in lunr_scripts(["zh", "ja", "th"]))


def config(service_worker: bool, offline: bool = False):
    plugins = {"material/offline": SimpleNamespace(config={"enabled": offline})}
    return SimpleNamespace(extra={"service_worker": service_worker}, plugins=plugins)


@pytest.mark.parametrize(
    ("command", "flag", "offline", "registered"),
    [
        ("build", True, False, True),  # the release's site build
        ("build", False, False, False),  # `make build`
        ("serve", True, False, False),  # `mkdocs serve`: authors never read from a cache
        ("build", True, True, False),  # the offline package (file://)
    ],
)
def test_worker_is_registered_by_release_builds_only(monkeypatch, command, flag, offline, registered):
    monkeypatch.setattr(webapp.STATE, "command", command)
    assert webapp.service_worker_enabled(config(flag, offline)) is registered


def test_a_file_above_the_precache_limit_stops_the_service_worker_step(tmp_path):
    """Workbox leaves a file above maximumFileSizeToCacheInBytes out with a warning only; the
    step stops instead, naming it (a page would need it offline, or it is too big to ship)."""
    site = {  # a file for each of the precache's patterns (one that matches nothing is a warning too)
        "index.html": '<script data-service-worker="sw.js"></script>',
        "search/search_index.json": '{"config": {"lang": ["en"]}, "docs": []}',
        "manifest.webmanifest": "{}",
        "assets/small.js": ";" * 1000,
        "assets/favicon.svg": "<svg/>",
    }
    for name, text in site.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert sorted(generate(tmp_path).entries) == sorted(site)
    (tmp_path / "assets/large.js").write_bytes(b";" * (MAX_FILE_BYTES + 1))
    with pytest.raises(RuntimeError, match=r"Workbox left files out:\n .*assets/large\.js"):
        generate(tmp_path)
