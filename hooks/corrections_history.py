"""The dated history of corrections on the editorial-notes page (marker
``[[corrections-history]]``): when each correction was recorded, from git
(sitecheck/history.py) or a record's ``date:`` field; unknown otherwise."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sitecheck.history as sitecheck_history
from sitecheck.diskcache import DiskCache, file_key, open_cache
from sitecheck.history import first_added, git_log_patch, history_markdown
from sitehook import current_language, git_dates_folder, head_commit, root_of, site_model

MARKER = "[[corrections-history]]"

state: dict = {}  # reset per build (static-i18n builds once per language)


def on_config(config):
    state.clear()
    data = site_model(config).data
    state["labels"] = data.labels
    state["corrections"] = [record for _path, record in data.corrections[2]]  # the valid ones
    state["dates"] = recorded_dates(root_of(config), data.files.corrections, head_commit(config))


# `git log -p` over the corrections (≈8 ms a language pass) answers the same for the same commit:
# kept on disk beside the git plugin's dates, in a file named by the commit checked out, the folder
# and sitecheck/history.py (sitehook.head_commit, asked once per build, says which commit).
date_caches: dict[Path, DiskCache] = {}


def recorded_dates(root: Path, folder: str, head: str | None) -> dict[str, dt.date]:
    """id -> the date its ``- id:`` line was first committed, for the commit ``head`` (None outside git)."""
    if head is None:
        log = git_log_patch(root, folder)  # outside git: no dates (git_log_patch says None)
        return first_added(log) if log else {}
    code = Path(sitecheck_history.__file__).read_bytes()
    path = git_dates_folder(root) / f"corrections-{file_key(code, head, folder)}.json"
    cache = open_cache(date_caches, path, iso_dates)

    def ask() -> dict[str, str]:
        log = git_log_patch(root, folder)
        return {name: date.isoformat() for name, date in (first_added(log) if log else {}).items()}

    dates = cache.get("dates", ask)
    cache.save()
    return {name: dt.date.fromisoformat(date) for name, date in dates.items()}


def iso_dates(_name, value) -> bool:
    return isinstance(value, dict) and all(isinstance(date, str) for date in value.values())


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    lang = current_language(config)
    titles = site_model(config).section_titles
    return markdown.replace(
        MARKER, history_markdown(state["corrections"], state["dates"], lang, state["labels"][lang], titles)
    )
