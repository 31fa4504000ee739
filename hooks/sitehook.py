"""What every hook needs from MkDocs: which language pass this is, the page
sources on disk, and how findings are logged. Kept apart from the pure checks."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mkdocs.exceptions import PluginError

import plugin_internals
from sitecheck.data import DataError, load_keyed_records, load_records
from sitecheck.pages import page_key
from sitecheck.schema import LabelsError, load_labels

LABELS_FILE = "docs/_data/labels.yml"
CORRECTIONS_DIR = "docs/_data/corrections"


def is_default_language_build(config) -> bool:
    """True in the first (default-language) pass; mkdocs-static-i18n then rebuilds per language."""
    lang = plugin_internals.current_language(config)
    return lang is None or lang == plugin_internals.default_language(config)


def current_language(config) -> str:
    return plugin_internals.current_language(config) or "zh"


def build_date() -> dt.date:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.date()


def project_relative(config, path: Path) -> str:
    root = Path(config.config_file_path).parent
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def page_sources(config) -> dict[str, str]:
    """Every Markdown page under docs_dir (project-relative path -> text),
    leaving out the ``_data`` and ``_snippets`` inputs."""
    docs = Path(config.docs_dir)
    sources = {}
    for path in sorted(docs.rglob("*.md")):
        if any(part.startswith("_") for part in path.relative_to(docs).parts):
            continue
        sources[project_relative(config, path)] = path.read_text(encoding="utf-8")
    return sources


def report(log, findings) -> None:
    for finding in sorted(findings):
        log.warning(str(finding))


def nav_order(nav) -> list[str]:
    """The pages' keys ("immunology/t-cells") in reading order."""
    return [page_key("docs/" + page.file.src_uri)[0] for page in nav.pages]


def read_data(config, relative: str) -> str:
    """The text of a data file named relative to the project root."""
    path = Path(config.config_file_path).parent / relative
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise PluginError(f"{relative}: cannot read the data file ({error.strerror}); restore it.") from error


def read_labels(config) -> dict:
    """Interface words per language from docs/_data/labels.yml, every language with every word."""
    try:
        return load_labels(read_data(config, LABELS_FILE), LABELS_FILE, plugin_internals.languages(config))
    except (DataError, LabelsError) as error:
        raise PluginError(str(error)) from error


def load_data(config, relative: str) -> list:
    """The records of one YAML data file; a broken file stops the build (PluginError)."""
    try:
        return load_records(read_data(config, relative), relative)
    except DataError as error:
        raise PluginError(str(error)) from error


def load_corrections(config) -> tuple[list, list]:
    """(corrections, notes) of every docs/_data/corrections/*.yml, as (path, record) pairs."""
    folder = Path(config.config_file_path).parent / CORRECTIONS_DIR
    corrections, notes = [], []
    for path in sorted(folder.glob("*.yml")):
        name = project_relative(config, path)
        try:
            lists = load_keyed_records(read_data(config, name), name, ("corrections", "notes"))
        except DataError as error:
            raise PluginError(str(error)) from error
        corrections += [(name, record) for record in lists["corrections"]]
        notes += [(name, record) for record in lists["notes"]]
    return corrections, notes
