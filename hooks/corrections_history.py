"""The dated history of corrections on the editorial-notes page (marker
``[[corrections-history]]``): when each correction was recorded, from git
(sitecheck/history.py) or a record's ``date:`` field; unknown otherwise."""

from __future__ import annotations

from pathlib import Path

from sitecheck.history import first_added, git_log_patch, history_markdown
from sitehook import current_language, site_model

MARKER = "[[corrections-history]]"

state: dict = {}  # reset per build (static-i18n builds once per language)


def on_config(config):
    state.clear()
    data = site_model(config).data
    state["labels"] = data.labels
    state["corrections"] = [record for _path, record in data.corrections[2]]  # the valid ones
    log = git_log_patch(Path(config.config_file_path).parent, data.files.corrections)
    state["dates"] = first_added(log) if log else {}


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    lang = current_language(config)
    titles = site_model(config).section_titles
    return markdown.replace(
        MARKER, history_markdown(state["corrections"], state["dates"], lang, state["labels"][lang], titles)
    )
