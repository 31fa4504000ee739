"""The web app manifest and its icons, made from the favicon and the palette.

Pure functions: text in, text (or a dict) out; hooks/webapp.py writes the files.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

SVG_NS = "http://www.w3.org/2000/svg"
PRIMARY_RE = re.compile(r"--md-primary-fg-color:\s*(#[0-9a-fA-F]{6})\s*;")


class WebAppError(ValueError):
    """Bad input for the web app files; the message names the file and the fix."""


@dataclass(frozen=True)
class Icon:
    file: str
    size: int
    # "any": a rounded tile as drawn; "maskable": full-bleed, the glyph inside the
    # safe circle (radius 40 %) so launchers may crop it to any shape
    purpose: str


MANIFEST_ICONS = (
    Icon("icon-192.png", 192, "any"),
    Icon("icon-512.png", 512, "any"),
    Icon("maskable-192.png", 192, "maskable"),
    Icon("maskable-512.png", 512, "maskable"),
)
# iOS ignores manifest icons for the home screen and rounds the corners itself
APPLE_TOUCH_ICON = Icon("apple-touch-icon.png", 180, "maskable")
# the glyph's box as a share of the icon: 0.56 keeps its corners (half-diagonal
# 0.56 * 0.707 = 0.396) inside the maskable safe circle of radius 0.40
GLYPH_SHARE = {"any": 0.7, "maskable": 0.56}


def primary_colour(css: str, path: str) -> str:
    """The first ``--md-primary-fg-color: #rrggbb;`` in the stylesheet ``css`` (read from ``path``)."""
    match = PRIMARY_RE.search(css)
    if match is None:
        raise WebAppError(
            f"{path}: no '--md-primary-fg-color: #rrggbb;' declaration; the web app's theme colour "
            "is read from it, so keep the custom primary colour there as a six-digit hex colour."
        )
    return match.group(1).lower()


def icon_svg(favicon: str, background: str, purpose: str, path: str) -> str:
    """An app icon as SVG: the favicon's drawing, centred on a ``background`` tile."""
    ET.register_namespace("", SVG_NS)
    try:
        glyph = ET.fromstring(favicon)
    except ET.ParseError as error:
        line = error.position[0]
        raise WebAppError(f"{path}:{line}: the favicon is not valid SVG ({error}); fix the markup.") from error
    if glyph.tag != f"{{{SVG_NS}}}svg" or not glyph.get("viewBox"):
        raise WebAppError(f'{path}: the favicon needs an <svg> root with a viewBox; add viewBox="0 0 w h".')
    share = GLYPH_SHARE[purpose]
    offset = (1 - share) / 2
    for name, value in (("x", offset), ("y", offset), ("width", share), ("height", share)):
        glyph.set(name, f"{value:g}")
    icon = ET.Element(f"{{{SVG_NS}}}svg", {"viewBox": "0 0 1 1", "width": "1", "height": "1"})
    tile = {"width": "1", "height": "1", "fill": background}
    if purpose == "any":
        tile.update(rx="0.2", ry="0.2")
    ET.SubElement(icon, f"{{{SVG_NS}}}rect", tile)
    icon.append(glyph)
    return ET.tostring(icon, encoding="unicode")


def manifest(
    *,
    name: str,
    short_name: str,
    description: str,
    lang: str,
    root: str,
    icon_dir: str,
    theme_colour: str,
) -> dict:
    """The web app manifest of one language; every URL relative to the manifest.

    ``root`` is the site's root seen from the manifest ("" for Chinese at the
    root, "../" for English in en/). The start page is the language's home; the
    scope is the whole site, so the language switch and the other language's
    pages stay inside the installed app instead of opening a browser tab.
    """
    return {
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": lang,
        "dir": "ltr",
        "start_url": "./",
        "scope": root or "./",
        "display": "standalone",
        "theme_color": theme_colour,
        "background_color": "#ffffff",
        "icons": [
            {
                "src": f"{root}{icon_dir}/{icon.file}",
                "sizes": f"{icon.size}x{icon.size}",
                "type": "image/png",
                "purpose": icon.purpose,
            }
            for icon in MANIFEST_ICONS
        ],
    }
