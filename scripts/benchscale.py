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
from pathlib import Path

from sitebuild import ROOT

SKIP = {".git", ".venv", "node_modules", "site", ".cache", "bench", ".pytest_cache", ".ruff_cache", "__pycache__"}


# the review's text; the home page and the reference pages are made once
NOT_CHAPTERS = {"index", "glossary", "references", "editorial-notes", "instructors", "downloads"}


def chapter_files(docs: Path) -> list[Path]:
    return sorted(
        p
        for p in docs.rglob("*.md")
        if not p.relative_to(docs).parts[0].startswith("_") and p.name.split(".")[0] not in NOT_CHAPTERS
    )


def copy_name(page: Path, k: int) -> str:
    stem, _, suffix = page.name.partition(".")  # "t-cells", "en.md" / "md"
    return f"{stem}-copy{k}.{suffix}"


def scaled_project(target: Path, factor: int) -> Path:
    """The project at ``target`` with every page ``factor`` times; returns ``target``."""
    shutil.copytree(ROOT, target, ignore=lambda _dir, names: [n for n in names if n in SKIP])
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    docs = target / "docs"
    for k in range(2, factor + 1):
        for page in chapter_files(docs):
            if "-copy" not in page.name:
                shutil.copy(page, page.with_name(copy_name(page, k)))
    references = docs / "_data" / "references.yml"
    references.write_text(with_copied_citations(references.read_text(encoding="utf-8"), factor), encoding="utf-8")
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^nav:\n.*?(?=^# ---|\Z)", "", text)  # every page, copies included
    config.write_text(text.replace("omitted_files: warn", "omitted_files: info"), encoding="utf-8")
    # a repository of its own: the last-updated dates come from git, as in the real build
    identity = ["-c", "user.name=bench", "-c", "user.email=bench@localhost"]
    for command in (["init", "-q"], ["add", "-A"], [*identity, "commit", "-q", "-m", "scaled copy"]):
        subprocess.run(["git", *command], cwd=target, check=True, capture_output=True)
    return target


def with_copied_citations(text: str, factor: int) -> str:
    """references.yml with each ``cited_in`` entry repeated for every copy."""

    def repeat(match: re.Match) -> str:
        indent, page, section = match.group(1), match.group(2), match.group(3)
        if page.split("/")[-1] in NOT_CHAPTERS:
            return match.group(0)
        lines = [match.group(0)]
        lines += [f"{indent}- {page}-copy{k}#{section}" for k in range(2, factor + 1)]
        return "\n".join(lines)

    return re.sub(r"(?m)^(\s*)- ([\w/-]+)#([\w-]+)$", repeat, text)
