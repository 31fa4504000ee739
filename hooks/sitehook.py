"""What every hook needs from MkDocs: which language pass this is, the site model of
this build (pages, data, languages), and how findings are logged. Kept apart from the
pure checks."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import get_files

import plugin_internals
from sitecheck import history, markdown
from sitecheck.data import DataError, load_keyed_records, load_records
from sitecheck.diskcache import cache_folder
from sitecheck.model import DataFiles, Site, SiteData, language_problem, make_site, unsuffixed_language
from sitecheck.permalinks import parse_list
from sitecheck.schema import (
    DATA_LANGUAGES,
    Edition,
    EditionError,
    LabelsError,
    check_corrections,
    check_glossary,
    check_references,
    load_edition,
    load_labels,
)


def is_default_language_build(config) -> bool:
    """True in the first (default-language) pass; mkdocs-static-i18n then rebuilds per language."""
    lang = plugin_internals.current_language(config)
    return lang is None or lang == plugin_internals.default_language(config)


def current_language(config) -> str:
    return plugin_internals.current_language(config) or site_model(config).default_language


# The model of the build in progress and the configuration it was made from. mkdocs-static-i18n
# builds each further language with the same configuration object, so every language pass shares
# one model (each page is parsed once per `mkdocs build`); `mkdocs serve` loads the configuration
# anew for each rebuild, which makes a new model from the files as they are then.
_build: dict = {"config": None, "site": None}


def site_model(config) -> Site:
    """The site model of this build, made on the first hook's first use."""
    if not plugin_internals.same_build(_build["config"], config):
        site = make_site_model(config)
        _build.update(config=config, site=site)
    return _build["site"]


def last_site_model() -> Site | None:
    """The model of the build in progress or of the last build in this process (for tests)."""
    return _build["site"]


def make_site_model(config) -> Site:
    docs_dir = project_relative(config, Path(config.docs_dir))
    files = data_files(config)
    # languages the data cannot supply stop the build before anything reads the data in them
    problem = language_problem(plugin_internals.languages(config), DATA_LANGUAGES, files.folder)
    if problem:
        raise PluginError(problem)
    # the data first, in the order the hooks have always read it (the first broken file stops the build)
    references = check_references(load_data(config, files.references), files.references)
    labels = load_labels_file(config, files.labels)
    glossary = check_glossary(load_data(config, files.glossary), files.glossary)
    corrections = load_corrections(config, files.corrections)
    aliases = load_data(config, files.aliases) if (root_of(config) / files.aliases).is_file() else []
    edition = load_edition_file(config, files.edition)
    permalinks = (
        parse_list(read_data(config, files.permalinks)) if (root_of(config) / files.permalinks).is_file() else None
    )
    data = SiteData(
        files, labels, references, glossary, corrections, check_corrections(*corrections), aliases, edition, permalinks
    )
    # the pages as MkDocs finds them (exclude_docs and all), before any plugin reshapes the list
    pages = {file.src_uri: file.content_string for file in get_files(config).documentation_pages()}
    languages = plugin_internals.languages(config)
    default = plugin_internals.default_language(config) or config.theme["language"]
    if plugin_internals.only_locale(config):  # static-i18n's default is then the built language
        default = unsuffixed_language(pages, languages) or default
    site = make_site(docs_dir, languages, default, pages, data)
    markdown.remember(page.parsed for page in site.pages)
    return site


GIT_PLUGIN = "git-revision-date-localized"
_head: dict = {"config": None, "head": None}  # the build's head commit, as _build holds its model


def head_commit(config) -> str | None:
    """The commit checked out (None outside git), asked once per build and shared by the hooks
    that key their caches by it. Where the git plugin runs, its own answer: asking it makes the
    plugin know the repository, which its tag look-up (hooks/citation.py) reads."""
    if not plugin_internals.same_build(_head["config"], config):
        plugin = config.plugins.get(GIT_PLUGIN)
        if plugin is not None and plugin.config.get("enabled", True) and hasattr(plugin, "util"):
            head = plugin.util.get_head_commit(config.docs_dir)
        else:
            head = history.head_commit(root_of(config))
        _head.update(config=config, head=head or None)
    return _head["head"]


def git_dates_folder(root: Path) -> Path:
    """Where the answers read from git's history are kept: the plugin's page dates, the chapters'
    commit times (hooks/citation.py), the corrections' dates (hooks/corrections_history.py)."""
    return cache_folder(root, "git-dates", "GIT_DATES_CACHE_DIR")


def data_files(config) -> DataFiles:
    """Where the data files are: ``_data`` below the configured docs_dir (project-relative)."""
    return DataFiles(f"{project_relative(config, Path(config.docs_dir))}/_data")


def project_data_files(project: Path) -> DataFiles:
    """``data_files`` of the project at ``project`` (for the scripts: its mkdocs.yml, read as the
    build reads it)."""
    return data_files(load_config(config_file=str(project / "mkdocs.yml")))


def project_site_model(project: Path) -> Site:
    """The site model of the project at ``project``, from its mkdocs.yml as the build reads it
    (for the scripts that make release files from the site's pages and data)."""
    return site_model(load_config(config_file=str(project / "mkdocs.yml")))


def build_date() -> dt.date:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.date()


def root_of(config) -> Path:
    """The project's root: the folder of mkdocs.yml."""
    return Path(config.config_file_path).parent


def project_relative(config, path: Path) -> str:
    root = root_of(config)
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def drop_files(files, paths) -> None:
    """Take the site paths ``paths`` out of the build's files, those that are there: files this
    build's pages do not load, which the site would otherwise ship (and a release's service worker
    precache for every reader)."""
    for path in paths:
        file = files.get_file_from_path(path)
        if file is not None:
            files.remove(file)


def report(log, findings) -> None:
    for finding in sorted(findings):
        log.warning(str(finding))


def nav_order(nav, config) -> list[str]:
    """The pages' keys ("immunology/t-cells") in reading order."""
    site = site_model(config)
    return [site.identity(page.file.src_uri)[0] for page in nav.pages]


def read_data(config, relative: str) -> str:
    """The text of a data file named relative to the project root."""
    path = root_of(config) / relative
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise PluginError(f"{relative}: cannot read the data file ({error.strerror}); restore it.") from error


def read_labels(config) -> dict:
    """Interface words per language from docs/_data/labels.yml, every language with every word."""
    return site_model(config).data.labels


def load_labels_file(config, relative: str) -> dict:
    try:
        return load_labels(read_data(config, relative), relative, plugin_internals.languages(config))
    except (DataError, LabelsError) as error:
        raise PluginError(str(error)) from error


def load_edition_file(config, relative: str) -> Edition:
    try:
        return load_edition(read_data(config, relative), relative, plugin_internals.languages(config))
    except (DataError, EditionError) as error:
        raise PluginError(str(error)) from error


def load_data(config, relative: str) -> list:
    """The records of one YAML data file; a broken file stops the build (PluginError)."""
    try:
        return load_records(read_data(config, relative), relative)
    except DataError as error:
        raise PluginError(str(error)) from error


def load_corrections(config, relative: str) -> tuple[list, list]:
    """(corrections, notes) of every corrections/*.yml in the folder, as (path, record) pairs."""
    folder = root_of(config) / relative
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
