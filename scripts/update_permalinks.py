"""Add every page URL and section anchor the site publishes now to permalinks.txt (in _data
below the configured docs_dir: docs/_data/permalinks.txt).

    python scripts/update_permalinks.py        (or: make permalinks)

Builds the site (strict) into a temporary directory, lists its URLs (both
languages, parallel views; redirect pages aside) and writes the union with the
URLs already listed: new pages and sections are added, nothing is removed.
The build itself fails when a listed URL disappears, so run this after adding
pages or sections; to retire a URL on purpose, delete its line by hand.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from sitebuild import ROOT, build

sys.path.insert(0, str(ROOT / "hooks"))
from sitecheck.permalinks import current_urls, parse_list, render_list, site_pages  # noqa: E402
from sitehook import project_data_files  # noqa: E402


def update(project: Path) -> tuple[int, int]:
    """Build ``project`` and merge its URLs into its list; returns (added, total)."""
    list_file = project / project_data_files(project).permalinks
    listed = [url for _line, url in parse_list(list_file.read_text(encoding="utf-8"))] if list_file.is_file() else []
    with tempfile.TemporaryDirectory(prefix="permalinks-") as tmp:
        site = Path(tmp)
        if not list_file.is_file():
            list_file.write_text(render_list([]), encoding="utf-8")  # the build's check needs the file
        result = build(project, site)
        if result.returncode != 0:
            sys.stderr.write(result.stderr)
            raise SystemExit("the strict build failed (above); fix it first: the list only grows.")
        documents = {
            path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in site.rglob("*.html")
        }
        urls = sorted(set(listed) | set(current_urls(site_pages(documents))))
    list_file.write_text(render_list(urls), encoding="utf-8")
    return len(urls) - len(set(listed)), len(urls)


def main() -> None:
    added, total = update(ROOT)
    print(f"{project_data_files(ROOT).permalinks}: {added} URL(s) added, {total} in all")


if __name__ == "__main__":
    main()
