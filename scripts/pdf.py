"""Print the site to one PDF per language (zh, en: mkdocs.yml's) with Debian's Chromium.

For each language: a separate strict ``mkdocs build`` with the print-site
plugin on and only that language (``PRINT_SITE``, ``BUILD_ONLY_LOCALE``; see
mkdocs.yml) into a temporary directory, which writes the finished print page
(language tag, cover date, diagram links, fonts, page numbers: hooks/print_page.py);
then Chromium opens it from ``file://`` (the diagrams are inline SVG drawn at
build time, hooks/diagrams.py), and ``page.pdf`` writes an A4, tagged PDF with
an outline and page numbers in that language.

    python scripts/pdf.py [--out site/downloads] [--lang zh --lang en]

Prints the time and size of each PDF. Never downloads a browser: Playwright
drives /usr/bin/chromium, and every request that is not file:// is refused.
"""

from __future__ import annotations

import argparse
import functools
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from chromium import BROWSER_ARGS, CHROMIUM

from sitebuild import ROOT, build

sys.path.insert(0, str(ROOT / "hooks"))

from sitecheck.model import Site  # noqa: E402
from sitecheck.printpage import DIAGRAM_LINKS_CLASS  # noqa: E402
from sitehook import project_site_model  # noqa: E402


@functools.cache
def site() -> Site:
    """The site model, as the build makes it: the languages (mkdocs.yml), the interface words
    (labels.yml, checked for every language) and the PDFs' names (edition.yml's slug)."""
    return project_site_model(ROOT)


def languages() -> tuple[str, ...]:
    """The site's languages, the default first."""
    return site().languages


def words(lang: str) -> dict[str, str]:
    """The interface words of the print build and the PDF: the site's own."""
    return site().data.labels[lang]


def pdf_name(lang: str) -> str:
    return site().release_files.pdf(lang)


# What only the laid-out page knows (the build made the page itself final:
# hooks/print_page.py): the printed headings' text, in order, for
# fix_outline_titles() (Chromium's outline also takes ARIA headings, e.g. the
# glossary's letter groups); and the links still broken: visible same-page links
# and the diagrams' link targets (listed by the hook) without their target.
# Links that do not print (e.g. to pages outside the nav) need no target.
CHECK_PRINTED_PAGE = r"""
(diagramLinks) => {
  window.__printHeadings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6, [role=heading]")]
    .filter(h => h.getClientRects().length > 0)
    .map(h => h.innerText.replace(/\s+/g, " ").replace(/¶/g, "").trim());
  return [...document.querySelectorAll("#print-site-page a[href^='#']")]
    .filter(a => a.getClientRects().length > 0)
    .concat([...document.querySelectorAll(`.${diagramLinks} a`)])
    .map(a => a.getAttribute("href").slice(1))
    .filter(id => id && !document.getElementById(decodeURIComponent(id)));
}
"""


@dataclass
class PdfResult:
    lang: str
    path: Path
    seconds: float
    pages: int
    size: int


def build_print_page(lang: str, site_dir: Path) -> Path:
    """Strict build of one language with the print page on; returns the print page's path.

    A separate build per language because in one static-i18n build the
    print-site plugin keeps only the last language's page (an assumption
    tests/build/test_plugin_internals.py checks). The build itself finishes the
    page (hooks/print_page.py). Chinese, the
    default, is built alone (``BUILD_ONLY_LOCALE``). English is the last
    language of the full build: built alone it would become the default and
    claim the Chinese ``x.md`` files as its own.
    """
    env = dict(
        # the PDF prints the build's SVG: no diagram is left to Mermaid (hooks/diagrams.py)
        DIAGRAMS_REQUIRE_BROWSER="1",
        PRINT_SITE="true",
        PRINT_TOC_TITLE=words(lang)["print_toc_title"],
        PRINT_PAGE_TITLE=words(lang)["print_page_title"],
    )
    if lang == languages()[0]:
        env["BUILD_ONLY_LOCALE"] = lang
    elif lang != languages()[-1]:
        raise ValueError(f"{lang}: only the default and the last language can have a print page")
    result = build(ROOT, site_dir, env)
    if result.returncode != 0:
        raise RuntimeError(f"print build ({lang}) failed:\n{result.stdout}\n{result.stderr}")
    page = site_dir / "print_page" / "index.html"
    if not page.is_file():
        raise RuntimeError(f"print build ({lang}) wrote no {page}")
    theme_lang = re.search(r'<html\b[^>]*\blang="([^"]*)"', page.read_text(encoding="utf-8")).group(1)
    if not theme_lang.startswith(lang):
        raise RuntimeError(f"print build ({lang}) wrote a print page in {theme_lang!r}")
    return page


def print_pdf(context, page_file: Path, pdf_path: Path, lang: str) -> list[str]:
    """Open the print page in ``context`` and write ``pdf_path``; returns problems (empty = fine)."""
    problems: list[str] = []
    tab = context.new_page()
    try:
        # the print page must not reach the network: refuse and report any such request
        def guard(route):
            if route.request.url.startswith(("file:", "data:", "blob:", "about:")):
                return route.continue_()
            problems.append(f"blocked request: {route.request.url}")
            return route.abort()

        tab.route("**/*", guard)
        # search cannot start from file:// on the print page (no offline index); it is not printed
        tab.on("pageerror", lambda e: None if "search_index" in str(e) else problems.append(f"page error: {e}"))
        tab.goto(page_file.as_uri(), wait_until="load")
        tab.evaluate("document.fonts.ready")
        # every diagram must arrive as the build's SVG (hooks/diagrams.py), never as Mermaid source
        if tab.locator("pre.mermaid").count():
            problems.append("a diagram is Mermaid source, not SVG: build with DIAGRAMS_REQUIRE_BROWSER=1")
        tab.emulate_media(media="print")
        broken = tab.evaluate(CHECK_PRINTED_PAGE, DIAGRAM_LINKS_CLASS)
        problems += [f"internal link to missing #{b}" for b in sorted(set(broken))]
        headings = tab.evaluate("() => window.__printHeadings")
        tab.pdf(
            path=str(pdf_path),
            format="A4",
            print_background=True,
            display_header_footer=False,  # the page number is a margin box (page_number_css)
            prefer_css_page_size=True,  # A4 and margins from print.css's @page
            outline=True,
            tagged=True,
        )
    finally:
        tab.close()
    problems += fix_outline_titles(pdf_path, headings)
    return problems


def fix_outline_titles(pdf_path: Path, headings: list[str]) -> list[str]:
    """Give the outline the headings' own text; returns problems.

    Chromium builds the outline from the tagged headings, but with Noto CJK as
    the text font it repeats each title's text ("目录目录"). The entries are the
    printed headings in document order, so each gets its heading's text; an entry
    that does not contain its heading's text means the order differs: report it.
    """
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(clone_from=str(pdf_path))
    writer.pdf_header = "%PDF-1.4"  # as Chromium wrote it (tagged PDF); pypdf would write 1.3
    entries = []

    def walk(item):
        while item is not None:
            item = item.get_object()
            entries.append(item)
            if "/First" in item:
                walk(item["/First"])
            item = item.get("/Next")

    outlines = writer._root_object.get("/Outlines")
    if outlines is None or "/First" not in outlines.get_object():
        return ["the PDF has no outline"]
    walk(outlines.get_object()["/First"])
    if len(entries) != len(headings):
        return [f"outline has {len(entries)} entries for {len(headings)} headings"]
    for entry, heading in zip(entries, headings, strict=True):
        # the repeats interleave per text run ("2.4 风湿病与 2.4 风湿病与 GCGC …"): compare characters
        if set(heading.replace(" ", "")) != set(str(entry["/Title"]).replace(" ", "")):
            return [f"outline entry {entry['/Title']!r} does not match heading {heading!r}"]
        entry[NameObject("/Title")] = TextStringObject(heading)
    writer.write(str(pdf_path))
    return []


def count_pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def make_pdfs(out_dir: Path, langs: tuple[str, ...] | None = None, work_dir: Path | None = None) -> list[PdfResult]:
    """Build and print ``langs`` (every language of the site when None) into ``out_dir``; raises on any problem."""
    from playwright.sync_api import sync_playwright

    out_dir.mkdir(parents=True, exist_ok=True)
    results: list[PdfResult] = []
    with (
        tempfile.TemporaryDirectory(prefix="pdf-build-", dir=work_dir) as tmp,
        tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile,
        sync_playwright() as p,
    ):
        context = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS
        )
        try:
            for lang in langs or languages():
                start = time.perf_counter()
                site_dir = Path(tmp) / lang
                page = build_print_page(lang, site_dir)
                pdf_path = out_dir / pdf_name(lang)
                problems = print_pdf(context, page, pdf_path, lang)
                if problems:
                    raise RuntimeError(f"PDF ({lang}) has problems:\n  " + "\n  ".join(problems))
                seconds = time.perf_counter() - start
                results.append(PdfResult(lang, pdf_path, seconds, count_pages(pdf_path), pdf_path.stat().st_size))
        finally:
            context.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site" / "downloads", help="output directory")
    parser.add_argument("--lang", action="append", choices=languages(), help="language (repeatable; default: all)")
    args = parser.parse_args(argv)
    for r in make_pdfs(args.out, tuple(args.lang or languages())):
        print(f"PDF {r.lang}: {r.path} — {r.pages} pages, {r.size / 1e6:.2f} MB, {r.seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
