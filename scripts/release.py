"""Make the release: a ``site/`` that is ready to upload to any static host.

    make release SITE_URL=https://example.org/osteoimmunology/
    python scripts/release.py --site-url https://example.org/osteoimmunology/ [--site-dir site]

Runs the steps of ``release_steps()`` in order and prints each one as it starts and when
it ends, with its time and the size of what it wrote. Every absolute URL a
reader sees (canonical links, sitemap, instructors page, "cite this section",
the PDFs) is made from ``SITE_URL``, so it must be the address the site will
be served from: the runner refuses an unset or loopback address.

Tests build releases for a loopback prefix (``http://127.0.0.1:<port>/…``) and
set ``RELEASE_ALLOW_LOOPBACK=1`` to say so; nothing else should.

Adding a step is one line in ``release_steps()``: a name and a function that takes the
:class:`Release` and returns the paths it wrote.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from sitebuild import ROOT, build

# Tells the build that the release files (PDFs, offline zip) will be in
# downloads/, so pages may link to them (hooks/downloads.py)
RELEASE_ENV = "RELEASE"
# The diagrams are drawn at build time or the build stops (hooks/diagrams.py): a release never
# leaves them to Mermaid in the reader's browser, however the runner is started
REQUIRE_BROWSER_ENV = "DIAGRAMS_REQUIRE_BROWSER"
ALLOW_LOOPBACK_ENV = "RELEASE_ALLOW_LOOPBACK"
DOWNLOADS = "downloads"


class ReleaseError(Exception):
    """A problem that stops the release, with a message for the person running it."""


@dataclass
class Release:
    site_url: str  # normalised, ends with "/"
    site_dir: Path
    work_dir: Path  # temporary builds (PDF print pages, offline site)

    @property
    def downloads(self) -> Path:
        return self.site_dir / DOWNLOADS


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[Release], list[Path]]  # returns what it wrote, for the size


def check_site_url(value: str | None, allow_loopback: bool = False) -> str:
    """The site's public address, ending with "/"; raises ReleaseError with the fix."""
    example = "make release SITE_URL=https://example.org/osteoimmunology/"
    if not value or not value.strip():
        raise ReleaseError(
            f"SITE_URL is not set. Give the address the site will be served from, e.g. `{example}`"
            " (canonical links, the sitemap, citations and the PDFs are made from it)."
        )
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ReleaseError(f"SITE_URL {value!r} is not an http(s) address with a host; write e.g. `{example}`.")
    if parts.query or parts.fragment:
        raise ReleaseError(
            f"SITE_URL {value!r} has a query or fragment; give the site's base address only, e.g. `{example}`."
        )
    if is_loopback(parts.hostname) and not allow_loopback:
        raise ReleaseError(
            f"SITE_URL {value!r} is a loopback address: readers could not follow its links. Give the public "
            f"address, e.g. `{example}` (use `make serve` to read the site locally)."
        )
    return value if value.endswith("/") else value + "/"


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost" or host.lower().endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


# --- Steps --------------------------------------------------------------------


def build_site(release: Release) -> list[Path]:
    result = build(ROOT, release.site_dir)
    if result.returncode != 0:
        raise ReleaseError(f"the strict build failed:\n{result.stdout}\n{result.stderr}")
    return [release.site_dir]


def pdf_step(lang: str) -> Callable[[Release], list[Path]]:
    def make_pdf(release: Release) -> list[Path]:
        from pdf import make_pdfs

        results = make_pdfs(release.downloads, (lang,), work_dir=release.work_dir)
        return [r.path for r in results]

    return make_pdf


def offline_zip(release: Release) -> list[Path]:
    from offline import make_offline_zip

    return [make_offline_zip(release.downloads, release.downloads, work_dir=release.work_dir)]


def flashcards(release: Release) -> list[Path]:
    from flashcards import make_flashcards

    return make_flashcards(release.downloads, release.site_url)


RELEASE_FILE_HREF_RE = re.compile(r'href="([^"]+)"[^>]*\bdata-release-file\b')


def check_release(release: Release) -> list[Path]:
    """Every link to a release file resolves, and the files for search engines are there."""
    missing = []
    for page in sorted(release.site_dir.rglob("*.html")):
        for href in RELEASE_FILE_HREF_RE.findall(page.read_text(encoding="utf-8")):
            if href.startswith("/"):  # 404.html links from the site's root path (any URL may show it)
                root_path = urlsplit(release.site_url).path
                target = release.site_dir / href.removeprefix(root_path)
            else:
                target = (page.parent / href).resolve()
            if not target.is_file():
                missing.append(f"{page.relative_to(release.site_dir)}: {href}")
    if missing:
        raise ReleaseError("links to release files that were not made:\n  " + "\n  ".join(missing[:20]))
    return []


def service_worker(release: Release) -> list[Path]:
    """Workbox's sw.js over the finished site (the pages register it: SERVICE_WORKER=true)."""
    from serviceworker import describe as describe_precache
    from serviceworker import generate

    print(f"    {describe_precache(generate(release.site_dir))}", flush=True)
    return [release.site_dir / "sw.js"]


def site_languages() -> tuple[str, ...]:
    """The site's languages, the default first, as the build reads them (mkdocs.yml, through the
    site model): one PDF each."""
    from pdf import languages

    return languages()


def release_steps() -> list[Step]:
    """The release, in order. One line per step; a step returns the paths it wrote. Made when the
    release runs, not on import: reading the languages loads the site model (a second of imports),
    and a wrong SITE_URL is refused before that."""
    return [
        Step("build the site (both languages)", build_site),
        *(Step(f"PDF ({lang})", pdf_step(lang)) for lang in site_languages()),
        Step("offline package (zip)", offline_zip),
        Step("flashcards (Anki deck, CSV)", flashcards),
        Step("check links to the release files", check_release),
        # last: it precaches the finished site (hooks/webapp.py, scripts/serviceworker.py)
        Step("service worker (offline reading)", service_worker),
    ]


# --- Runner -------------------------------------------------------------------


def size_of(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size if path.exists() else 0


def human_size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size} B"


def describe(paths: list[Path], site_dir: Path) -> str:
    if not paths:
        return "nothing written"
    names = []
    for path in paths:
        try:
            name = path.relative_to(site_dir.parent).as_posix()
        except ValueError:
            name = path.as_posix()
        names.append(f"{name}{'/' if path.is_dir() else ''} {human_size(size_of(path))}")
    return ", ".join(names)


def run(release: Release, steps: list[Step] | None = None, out=sys.stdout) -> None:
    steps = release_steps() if steps is None else steps
    total = time.perf_counter()
    for number, step in enumerate(steps, start=1):
        prefix = f"[{number}/{len(steps)}] {step.name}"
        print(f"{prefix} …", file=out, flush=True)
        start = time.perf_counter()
        written = step.run(release)
        print(f"{prefix}: {time.perf_counter() - start:.1f} s — {describe(written, release.site_dir)}", file=out)
    print(
        f"release ready in {time.perf_counter() - total:.1f} s: {release.site_dir} "
        f"({human_size(size_of(release.site_dir))}) for {release.site_url}",
        file=out,
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-url", default=os.environ.get("SITE_URL"), help="public address (default: $SITE_URL)")
    parser.add_argument(
        "--site-dir", type=Path, default=Path(os.environ.get("SITE_DIR") or ROOT / "site"), help="output directory"
    )
    args = parser.parse_args(argv)
    try:
        site_url = check_site_url(args.site_url, os.environ.get(ALLOW_LOOPBACK_ENV) == "1")
        site_dir = args.site_dir.resolve()
        # every build below (site, PDFs, offline site) inherits these
        os.environ.update(
            {"SITE_URL": site_url, "SITE_DIR": str(site_dir), RELEASE_ENV: "true", REQUIRE_BROWSER_ENV: "1"}
        )
        # the site's pages register the service worker (not the offline and print builds)
        os.environ["SERVICE_WORKER"] = "true"
        with tempfile.TemporaryDirectory(prefix="release-") as work:
            run(Release(site_url, site_dir, Path(work)))
    except (ReleaseError, RuntimeError) as error:
        # RuntimeError: scripts/pdf.py and scripts/offline.py report their problems so
        print(f"release: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
