"""Noto Sans CJK SC for the PDF, as small TrueType-outline subsets.

Why: Debian's fonts-noto-cjk ships CFF-outline collections (.ttc), and
Chromium's PDF backend (Skia) embeds CFF fonts only as unnamed Type 3 glyph
procedures. Converting a subset with just the characters of the print page to
TrueType (quadratic) outlines lets Chromium embed a real, named CID font
(``NotoSansCJKsc-Regular``), which also keeps the PDF small and its text clean.

The subsets keep the family name "Noto Sans CJK SC", so the print CSS and
Mermaid, which name that family, pick them up through @font-face.
"""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

NOTO_DIRS = [Path("/usr/share/fonts/opentype/noto"), Path("/usr/share/fonts/opentype/noto-cjk")]
# (file, CSS family, CSS weight); the SC face is picked out of each collection by name
FACES = [
    ("NotoSansCJK-Regular.ttc", "Noto Sans CJK SC", 400),
    ("NotoSansCJK-Bold.ttc", "Noto Sans CJK SC", 700),
    ("NotoSansCJK-Regular.ttc", "Noto Sans Mono CJK SC", 400),
]
# Always present: ASCII, the footer's words and common punctuation the CSS may add
ALWAYS = "".join(chr(c) for c in range(0x20, 0x7F)) + "第页：，。、；“”‘’（）《》·—–…¶ \u3000"


# Characters the page uses that Noto Sans CJK SC lacks, and what prints instead
# (the references page's back-links end in "↩"; "↑" says the same and is in the font)
SUBSTITUTES = {"↩": "↑"}


class FontError(Exception):
    """A font the print page needs is not installed, or lacks a character; says what to do."""


def find_font(filename: str) -> Path:
    for d in NOTO_DIRS:
        if (d / filename).is_file():
            return d / filename
    raise FontError(f"{filename} not found; install Debian's fonts-noto-cjk (`make system-packages`)")


def text_characters(html: str) -> str:
    """Every character a page can show: its text, attributes and Mermaid sources, unescaped."""
    return "".join(sorted(set(html_lib.unescape(html)) | set(ALWAYS)))


def missing_characters(characters: str, filename: str = "NotoSansCJK-Regular.ttc") -> str:
    """Characters that the SC face of ``filename`` cannot draw (whitespace controls excepted)."""
    from fontTools.ttLib import TTFont

    collection = find_font(filename)
    cmap = TTFont(str(collection), fontNumber=_face_index(collection, "Noto Sans CJK SC"), lazy=True).getBestCmap()
    return "".join(c for c in characters if ord(c) not in cmap and c not in "\n\r\t\f\u00ad")


def substitute(html: str) -> str:
    """Replace the known characters the font lacks (see SUBSTITUTES)."""
    for char, replacement in SUBSTITUTES.items():
        html = html.replace(char, replacement)
    return html


def _face_index(collection: Path, family: str) -> int:
    from fontTools.ttLib import TTCollection

    ttc = TTCollection(str(collection), lazy=True)
    for i, font in enumerate(ttc.fonts):
        if font["name"].getDebugName(1) == family:
            return i
    raise FontError(f"{collection.name} has no face named {family!r}; reinstall Debian's fonts-noto-cjk")


def _cff_to_glyf(font) -> None:
    """Replace the CFF table by quadratic TrueType outlines (fontTools' otf2ttf recipe)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        # 1 unit of error on a 1000-unit em is invisible at print sizes
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()

    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)  # computes bounding boxes
    font["head"].glyphDataFormat = 0
    font["head"].indexToLocFormat = 0
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.maxComponentDepth = 0
    font["post"].formatType = 3.0  # no glyph names: smaller, and CID fonts have none anyway
    font.sfntVersion = "\x00\x01\x00\x00"


def make_subset(filename: str, family: str, characters: str, out: Path) -> Path:
    """Subset one face to ``characters`` and save it with TrueType outlines as ``out``."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    collection = find_font(filename)
    font = TTFont(str(collection), fontNumber=_face_index(collection, family))
    options = subset.Options()
    options.layout_features = ["*"]  # keep vertical/proportional forms and ligatures the browser may use
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    _cff_to_glyf(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(out))
    return out


def font_face_css(characters: str, out_dir: Path, url_prefix: str) -> str:
    """Write the subsets into ``out_dir``; return @font-face rules that load them from ``url_prefix``."""
    rules = []
    for filename, family, weight in FACES:
        name = re.sub(r"\W+", "", family) + f"-{weight}.ttf"
        make_subset(filename, family, characters, out_dir / name)
        rules.append(
            f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: normal; '
            f'src: url("{url_prefix}{name}") format("truetype"); }}'
        )
    return "\n".join(rules)
