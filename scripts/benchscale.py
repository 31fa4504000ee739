"""A temporary copy of the project with its content multiplied, for the benchmark's scaling runs.

``scaled_project(target, factor)`` copies the project (without its build
output and caches) and adds ``factor - 1`` copies of every chapter beside it
(``t-cells.md`` -> ``t-cells-copy2.md``, both languages, so relative links
still resolve): the same citations (references.yml's ``cited_in`` lists the
copies too), glossary terms, editor's notes and diagrams. The nav is left to
MkDocs (every page) so the copies are built like the originals.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "hooks"))

from sitehook import project_site_model  # noqa: E402

SKIP = {".git", ".venv", "node_modules", "site", ".cache", "bench", ".pytest_cache", ".ruff_cache", "__pycache__"}


def chapter_files(project: Path) -> tuple[set[str], list[Path]]:
    """The review's chapters (the site model's: the pages that open with learning objectives; the
    home page and the pages about the site are made once) and their files in every language."""
    site = project_site_model(project)
    files = [project / site.source_path(key, lang) for key in site.chapters for lang in site.languages]
    return set(site.chapters), sorted(path for path in files if path.is_file())


def copy_name(page: Path, k: int) -> str:
    stem, _, suffix = page.name.partition(".")  # "t-cells", "en.md" / "md"
    return f"{stem}-copy{k}.{suffix}"


def scaled_project(target: Path, factor: int) -> Path:
    """The project at ``target`` with every page ``factor`` times; returns ``target``."""
    shutil.copytree(ROOT, target, ignore=lambda _dir, names: [n for n in names if n in SKIP])
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    chapters, pages = chapter_files(target)
    for k in range(2, factor + 1):
        for page in pages:
            shutil.copy(page, page.with_name(copy_name(page, k)))
    references = target / project_site_model(target).data.files.references
    text = references.read_text(encoding="utf-8")
    references.write_text(with_copied_citations(text, factor, chapters), encoding="utf-8")
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^nav:\n.*?(?=^# ---|\Z)", "", text)  # every page, copies included
    config.write_text(text.replace("omitted_files: warn", "omitted_files: info"), encoding="utf-8")
    # a repository of its own: the last-updated dates come from git, as in the real build
    identity = ["-c", "user.name=bench", "-c", "user.email=bench@localhost"]
    for command in (["init", "-q"], ["add", "-A"], [*identity, "commit", "-q", "-m", "scaled copy"]):
        subprocess.run(["git", *command], cwd=target, check=True, capture_output=True)
    return target


def with_copied_citations(text: str, factor: int, chapters: set[str]) -> str:
    """references.yml with each ``cited_in`` entry of a chapter repeated for every copy."""

    def repeat(match: re.Match) -> str:
        indent, page, section = match.group(1), match.group(2), match.group(3)
        if page not in chapters:
            return match.group(0)
        lines = [match.group(0)]
        lines += [f"{indent}- {page}-copy{k}#{section}" for k in range(2, factor + 1)]
        return "\n".join(lines)

    return re.sub(r"(?m)^(\s*)- ([\w/-]+)#([\w-]+)$", repeat, text)
