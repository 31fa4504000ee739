"""The fixture site (fixture_site.py) as the offline and the print builds make it:
Material's offline plugin on, or mkdocs-print-site-plugin with the project's cover
and hooks/print_page.py. Full builds are cached per session (several modules read them)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fixture_site import FixtureSite
from sitebuild import ROOT

SOURCE_DATE_EPOCH = "1764201600"  # 2025-11-27
# a diagram with an SVG link as hooks/diagrams.py draws Mermaid's `click … href`, a
# character Noto Sans CJK SC lacks (printed as its substitute, hooks/printfonts.py),
# a closed <details>, and an element id print-site does not prefix
DIAGRAM_LINK = """
<div class="diagram"><svg id="fig-fixture" class="fixture-diagram"><a xlink:href="../glossary/"><text>术语</text></a>
</svg></div>

返回 ↩

<details class="fixture-details"><summary>问题</summary><p>答案</p></details>

<div id="fixture-note">注</div>
"""
# Chinese only: static-i18n's English pass has no such file
FILE_LINK = "\n[文件](assets/fixture.txt){ .fixture-file }\n"

_cache: dict[str, Path] = {}


def offline_site(root: Path) -> FixtureSite:
    site = FixtureSite(root)
    site.replace("mkdocs.yml", "plugins:\n", "plugins:\n  - search\n")
    site.replace("mkdocs.yml", "hooks:\n", "  - offline\nhooks:\n  - hooks/search_languages.py\n")
    return site


def print_site(root: Path, only: str | None = None) -> FixtureSite:
    """With ``only``, that language alone (as scripts/pdf.py builds Chinese)."""
    site = FixtureSite(root)
    if only:
        site.replace("mkdocs.yml", "      fallback_to_default: false\n", f"      build_only_locale: {only}\n")
    site.replace(
        "mkdocs.yml",
        "hooks:\n",
        "  - print-site:\n"
        "      add_cover_page: true\n"
        "      cover_page_template: overrides/partials/print-cover.html\n"
        "      enumerate_headings: false\n"
        "      enumerate_figures: false\n"
        "hooks:\n  - hooks/interface_words.py\n  - hooks/publisher.py\n  - hooks/print_page.py\n",
    )
    cover = site.root / "overrides" / "partials" / "print-cover.html"
    cover.parent.mkdir(parents=True)
    shutil.copy(ROOT / "overrides" / "partials" / "print-cover.html", cover)
    site.write("docs/assets/fixture.txt", "a file beside the pages\n")
    site.append("docs/chapter.md", DIAGRAM_LINK + FILE_LINK)
    site.append("docs/chapter.en.md", DIAGRAM_LINK)
    return site


def built(site: FixtureSite) -> Path:
    """The site directory of a clean strict build (with the fixed build date)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        result = site.build()
    assert result.crash is None, result.crash
    assert result.ok, result.log
    return site.root / "site"


def built_once(name: str, make, tmp_path_factory) -> Path:
    if name not in _cache:
        _cache[name] = built(make(tmp_path_factory.mktemp(name)))
    return _cache[name]


def offline_build(tmp_path_factory) -> Path:
    return built_once("offline", offline_site, tmp_path_factory)


def print_build(tmp_path_factory, only: str | None = None) -> Path:
    """Both languages (the print page left is the last pass's: English), or ``only`` one."""
    return built_once(f"print-{only or 'all'}", lambda root: print_site(root, only), tmp_path_factory)
