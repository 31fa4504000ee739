"""Corrections and editor's notes: shown in place and on the editorial-notes page.

Data: every ``docs/_data/corrections/*.yml`` (``corrections:`` and ``notes:``
lists). Markers: ``[[note:id]]`` on its own line in a chapter page;
``[[corrections]]`` and ``[[editor-notes]]`` on the editorial-notes page.
"""

from __future__ import annotations

from mkdocs.plugins import get_plugin_logger
from rendercache import cached_render

from sitecheck.editorial import (
    corrections_table,
    marker_findings,
    notes_list,
    record_findings,
    replace_note_markers,
)
from sitehook import current_language, is_default_language_build, report, site_model

log = get_plugin_logger("editorial")

CORRECTIONS_MARKER = "[[corrections]]"
NOTES_MARKER = "[[editor-notes]]"

state: dict = {}  # reset per build (static-i18n builds once per language)


def on_config(config):
    state.clear()
    data = site_model(config).data
    # checks read every entry minus its invalid fields; renderers only the valid entries
    state["raw"] = data.corrections_read
    _, _, state["corrections"], state["usable_notes"], state["notes"] = data.corrections
    state["labels"] = data.labels


def on_pre_build(config):
    site = site_model(config)
    if is_default_language_build(config):
        report(log, record_findings(*state["raw"]))
        pages = [(page.path, page.lang, page.text) for page in site.pages]
        report(log, marker_findings(pages, state["usable_notes"], site.languages, site.data.files.corrections))


def on_page_markdown(markdown, page, config, files):
    if "[[" not in markdown:  # no marker ([[corrections]], [[editor-notes]], [[note:…]]): rendered() keeps it
        return markdown  # as it is (two pages in three): nothing to render or keep on disk
    # kept on disk per page text, language and the build's corrections and notes (hooks/rendercache.py)
    lang = current_language(config)
    titles = site_model(config).section_titles
    return cached_render(
        config,
        state,
        "editorial",
        lambda: build_data(titles),
        [lang, markdown],
        lambda: rendered(markdown, lang, titles),
    )


def build_data(titles: dict) -> list:
    """Everything besides the page that rendered() reads."""
    return [state["labels"], state["corrections"], state["notes"], list(titles.items())]  # tuple keys: as pairs


def rendered(markdown: str, lang: str, titles: dict) -> str:
    labels = state["labels"][lang]
    if CORRECTIONS_MARKER in markdown:
        markdown = markdown.replace(CORRECTIONS_MARKER, corrections_table(state["corrections"], lang, labels, titles))
    if NOTES_MARKER in markdown:
        markdown = markdown.replace(NOTES_MARKER, notes_list(state["notes"], lang, labels, titles))
    notes = {record.get("id"): record for _path, record in state["notes"]}
    return replace_note_markers(markdown, notes, lang, labels)
