"""Build the offline package: the whole site as a zip that works from file://.

A strict ``mkdocs build`` with Material's offline plugin on (``OFFLINE=true``;
see mkdocs.yml) gives the whole offline site: ``.html`` links instead of
directory URLs, each language's search index inlined as a script
(hooks/search_languages.py), Material's Web Worker shim served from the site
(``extra.polyfills``) instead of unpkg, and relative language-switcher links on
the home pages (overrides/partials/alternate.html). The zip has one folder,
``osteoimmunology-offline/``, with ``index.html`` (Chinese) and ``en/index.html`` (the names
come from edition.yml's slug: the site model's ``release_files``).

    python scripts/offline.py [--out site/downloads] [--pdfs site/downloads]

``--pdfs`` copies the PDFs from that directory into the package's downloads/,
so its footer links work offline too.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from sitebuild import ROOT, build

sys.path.insert(0, str(ROOT / "hooks"))

from sitecheck.model import ReleaseFiles  # noqa: E402
from sitehook import project_site_model  # noqa: E402


def release_files() -> ReleaseFiles:
    """The release files' names, as the build names them (edition.yml's slug, the languages)."""
    return project_site_model(ROOT).release_files


def build_offline_site(site_dir: Path) -> None:
    """Strict build with the offline plugin into ``site_dir``."""
    # the package carries the diagrams as the build's SVG: never left to Mermaid in the reader's
    # browser (hooks/diagrams.py), also when this script is run without make
    result = build(ROOT, site_dir, {"OFFLINE": "true", "DIAGRAMS_REQUIRE_BROWSER": "1"})
    if result.returncode != 0:
        raise RuntimeError(f"offline build failed:\n{result.stdout}\n{result.stderr}")


def check_offline_site(site_dir: Path) -> list[str]:
    """What would break under file:// (empty = fine): CDN URLs, root-absolute links, an index not inlined."""
    problems = []
    for index in sorted(site_dir.rglob("search/search_index.json")):
        script = index.with_suffix(".js")
        if not script.is_file():
            problems.append(f"{index.relative_to(site_dir)}: no inlined search_index.js next to it")
        elif not script.read_text(encoding="utf-8").endswith(index.read_text(encoding="utf-8")):
            problems.append(f"{script.relative_to(site_dir)}: does not hold the index of {index.name} beside it")
    for page in sorted(site_dir.rglob("*.html")):
        rel = page.relative_to(site_dir)
        if rel.name == "404.html":  # a server's error page, links from the root by design; never opened offline
            continue
        text = page.read_text(encoding="utf-8")
        if "unpkg.com" in text or "cdn.jsdelivr" in text:
            problems.append(f"{rel}: loads a script from a CDN")
        # href="/…" resolves to the file system's root under file://
        for href in re.findall(r'\bhref="(/[^/"][^"]*|/)"', text):
            problems.append(f"{rel}: link from the site root {href!r}")
    return problems


def write_zip(site_dir: Path, zip_path: Path, top_dir: str) -> None:
    """Zip ``site_dir`` under ``top_dir``/, leaving out any earlier offline package."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = zip_path.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file() and path.name != zip_path.name and not path.name.endswith(".gz"):
                zf.write(path, f"{top_dir}/{path.relative_to(site_dir).as_posix()}")
    tmp.replace(zip_path)


def make_offline_zip(out_dir: Path, pdf_dir: Path | None = None, work_dir: Path | None = None) -> Path:
    """Build, check and zip the offline site into ``out_dir``; returns the zip's path."""
    names = release_files()
    with tempfile.TemporaryDirectory(prefix="offline-build-", dir=work_dir) as tmp:
        site_dir = Path(tmp) / names.offline_folder
        build_offline_site(site_dir)
        problems = check_offline_site(site_dir)
        if problems:
            raise RuntimeError("offline site would not work from file://:\n  " + "\n  ".join(problems))
        if pdf_dir is not None:
            for pdf in [pdf_dir / names.pdf(lang) for lang in names.languages]:
                if pdf.is_file():
                    (site_dir / "downloads").mkdir(exist_ok=True)
                    shutil.copy2(pdf, site_dir / "downloads" / pdf.name)
        zip_path = out_dir / names.offline_zip
        write_zip(site_dir, zip_path, names.offline_folder)
    return zip_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site" / "downloads", help="output directory")
    parser.add_argument("--pdfs", type=Path, help="directory with the PDFs to include")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    zip_path = make_offline_zip(args.out, args.pdfs)
    seconds = time.perf_counter() - start
    print(f"offline package: {zip_path} — {zip_path.stat().st_size / 1e6:.2f} MB, {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
