"""The release step "service worker": Workbox precaches the finished site.

Runs over a site built with ``SERVICE_WORKER=true`` (its pages register
``sw.js``; see hooks/webapp.py) and writes ``sw.js`` at the site's root, so its
scope is the site, under any path prefix. Precached, with content-hashed
revisions (a new release downloads exactly the files that changed): every page
of both languages, the search indexes and the lunr files Material's search
worker loads for them, styles, scripts, figures, icons, fonts and the web app
manifests. Not precached: the release downloads (PDFs, the zip, flashcards,
citation files), source maps, the server's 404 page.

    python scripts/serviceworker.py [--site site]

Prints one line: how many files and bytes are precached (raw and gzip).
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sitebuild import ROOT

SW_FILE = "sw.js"
GENERATOR = ROOT / "scripts" / "serviceworker.mjs"
LUNR_DIR = "assets/javascripts/lunr"
PRECACHE = [
    "**/*.html",  # every page of both languages, parallel views included
    "**/search/search_index.json",  # one index per language (hooks/search_languages.py)
    "**/*.webmanifest",
    "**/*.{css,js}",
    # figures, icons and fonts in one pattern: Workbox warns about a pattern
    # that matches nothing, and the site has no font files (system fonts)
    "**/*.{svg,png,jpg,jpeg,gif,webp,avif,woff,woff2,ttf,otf}",
]
NOT_PRECACHED = [
    SW_FILE,
    "404.html",  # the server's error page; never navigated to
    "**/*.map",
    "**/search/search_index.js",  # the offline (file://) build's inlined index
    "**/print_page/**",
    # release downloads stay downloads: all in downloads/ but the page itself
    # (glob drops a whole folder that matches an ignore, so no "**/!(index.html)")
    "**/downloads/*.!(html)",
    "**/downloads/*/**/*",
]
# Workbox's default limit, stated: the largest file precached is a page of about 0.25 MB (the
# parallel view of the cytokines chapter; releases ship no Mermaid, hooks/diagrams.py). Workbox
# leaves a larger file out with a warning, and any warning stops the step: nothing a page uses
# is left out, and a file of several MB that every reader would download is seen, not shipped.
MAX_FILE_BYTES = 2 * 1024 * 1024


@dataclass
class Precache:
    entries: list[str]  # URLs relative to the site root
    raw_bytes: int
    gzip_bytes: int  # what a reader downloads from a server that compresses


def search_languages(site: Path) -> list[str]:
    """The languages the search indexes are configured for (their ``config.lang``)."""
    languages: list[str] = []
    for index in sorted(site.rglob("search/search_index.json")):
        for lang in json.loads(index.read_text(encoding="utf-8"))["config"]["lang"]:
            if lang not in languages:
                languages.append(lang)
    return languages


def lunr_scripts(languages: list[str]) -> set[str]:
    """The files below assets/javascripts/lunr/ that Material's search worker
    imports for ``languages`` (its setup of lunr languages: stemmer support,
    one file per non-English language, the multi-language glue, segmenters)."""
    needed = {"min/lunr.stemmer.support.min.js"}
    for lang in languages:
        if lang == "ja":
            needed.add("tinyseg.js")
        if lang in ("hi", "th"):
            needed.add("wordcut.js")
        if lang != "en":
            needed.add(f"min/lunr.{lang}.min.js")
    if len(languages) > 1:
        needed.add("min/lunr.multi.min.js")
    return needed


def unused_lunr_files(site: Path) -> list[str]:
    folder = site / LUNR_DIR
    needed = lunr_scripts(search_languages(site))
    return sorted(
        f"{LUNR_DIR}/{p.relative_to(folder).as_posix()}"
        for p in folder.rglob("*")
        if p.is_file() and p.relative_to(folder).as_posix() not in needed
    )


def registers_worker(site: Path) -> bool:
    """True when the home page includes the registration (a SERVICE_WORKER=true build)."""
    home = site / "index.html"
    return home.is_file() and "data-service-worker=" in home.read_text(encoding="utf-8")


def generate(site: Path) -> Precache:
    """Write ``site/sw.js`` with Workbox; returns what it precaches."""
    if not registers_worker(site):
        raise RuntimeError(
            f"{site}: its pages do not register a service worker; build the site with "
            "SERVICE_WORKER=true (as `make release` does) before this step."
        )
    options = {
        "globDirectory": str(site),
        "globPatterns": PRECACHE,
        "globIgnores": NOT_PRECACHED + unused_lunr_files(site),
        "maximumFileSizeToCacheInBytes": MAX_FILE_BYTES,
        "swDest": str(site / SW_FILE),
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as handle:
        json.dump(options, handle)
        handle.flush()
        result = subprocess.run(
            ["node", str(GENERATOR), handle.name], cwd=ROOT, capture_output=True, text=True, timeout=300
        )
    if result.returncode != 0:
        raise RuntimeError(f"Workbox failed:\n{result.stdout}\n{result.stderr}")
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    if summary["warnings"]:
        raise RuntimeError("Workbox left files out:\n  " + "\n  ".join(summary["warnings"]))
    entries = summary["entries"]
    raw = sum((site / url).stat().st_size for url in entries)
    compressed = sum(len(gzip.compress((site / url).read_bytes(), mtime=0)) for url in entries)
    return Precache(entries, raw, compressed)


def describe(precache: Precache) -> str:
    return (
        f"{len(precache.entries)} files precached, {precache.raw_bytes / 1e6:.2f} MB "
        f"({precache.gzip_bytes / 1e6:.2f} MB gzip)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (SERVICE_WORKER=true)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        precache = generate(args.site)
    except RuntimeError as error:
        print(f"service worker: {error}", file=sys.stderr)
        return 1
    print(f"service worker: {args.site / SW_FILE} — {describe(precache)}, {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
