"""Parallel reading: each chapter in all the site's languages side by side, paragraph by paragraph.

Chapters are the site model's (the pages that open with learning objectives). The view is
generated from the chapter's files (never another copy of the text) as one
virtual page per chapter and language, /parallel/<page>/ and
/en/parallel/<page>/, with a column per language (the default language's first, as the
i18n plugin's configuration lists them). Each chapter page gets a link to it under its title.
Citations and editor's notes are rendered here per column, in the column's
language, with the same pure functions the references and editorial hooks use.
Checks (default-language pass): a section whose blocks cannot be paired one
to one is a warning naming both files and the section.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from rendercache import rendering_code_key

import plugin_internals
from sitecheck.diskcache import cache_folder, file_key, kept_text, key_text
from sitecheck.editorial import replace_note_markers
from sitecheck.pages import relative_link, sites_in_lines
from sitecheck.parallel import (
    PARALLEL_DIR,
    chapter_link_markdown,
    insert_after_title,
    pair_sections,
    parallel_page_markdown,
    parallel_src_uri,
    prefix_ids,
    references_markdown,
    view_rows,
)
from sitecheck.references import chapter_references, replace_citations
from sitecheck.sections import page_url
from sitehook import current_language, is_default_language_build, report, root_of, site_model

log = get_plugin_logger("parallel")

state: dict = {}  # reset per build (static-i18n builds once per language)


def on_config(config):
    state.clear()
    data = site_model(config).data
    state["labels"] = data.labels
    state["docs_dir"] = site_model(config).docs_dir
    # renderers see only valid entries (the references and editorial hooks report the rest)
    state["references"] = {r.get("n"): r for r in data.references.valid}
    notes = data.corrections[4]
    state["notes"] = {record.get("id"): record for _path, record in notes}
    # each chapter's pairs, and each view's rows and reference lists: the same in every language
    # pass (sitecheck/model.py's per-build store)
    shared = site_model(config).shared.setdefault("parallel", {"pairs": {}, "columns": {}})
    state["paired"], state["columns"] = shared["pairs"], shared["columns"]


def on_pre_build(config):
    state["pairs"] = {}
    state["chapter_sites"] = {}  # (chapter key, language) -> the chapter page's citations
    site = site_model(config)
    state["languages"] = site.languages
    languages = {lang: site.in_language(lang) for lang in site.languages}
    findings = []
    for key in site.chapters:
        pages = {lang: pages[key] for lang, pages in languages.items() if key in pages}
        if len(pages) < len(languages):
            continue  # a missing translation is the parity hook's finding
        if key not in state["paired"]:  # the model's pages: paired once per build
            state["paired"][key] = pair_sections({lang: (page.path, page.text) for lang, page in pages.items()})
        pairs, page_findings = state["paired"][key]
        state["pairs"][key] = pairs
        state["chapter_sites"].update({(key, lang): page.citation_sites for lang, page in pages.items()})
        findings += page_findings
    if is_default_language_build(config):
        report(log, findings)


@event_priority(-110)  # after mkdocs-static-i18n (-100) has made the language's file list
def on_files(files, config):
    lang = current_language(config)
    for page, pairs in state["pairs"].items():
        views = {code: parallel_file(config, page, code) for code in state["languages"]}
        view = views[lang]
        view.content_string = cached_view_markdown(config, page, pairs, lang)
        # the language switcher links to the other view
        plugin_internals.as_language_file(view, lang, views)
        files.append(view)
    return files


def on_page_markdown(markdown, page, config, files):
    key, _ = site_model(config).identity(page.file.src_uri)
    if key not in state["pairs"]:
        return markdown
    labels = state["labels"][current_language(config)]
    target = relative_link(key, f"{PARALLEL_DIR}/{key}")
    return insert_after_title(markdown, chapter_link_markdown(target, labels))


def parallel_file(config, page: str, lang: str) -> File:
    """A generated page, not in the nav, at the URL the language's pages use."""
    site = site_model(config)
    src_uri = parallel_src_uri(page, lang, site.default_language)
    view = File.generated(config, src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
    view.dest_uri = f"{site.url_prefix(lang)}{PARALLEL_DIR}/{page_url(page)}index.html"
    view.name = Path(page).name  # 'index' stays an index page, as static-i18n does for x.en.md
    return view


def cached_view_markdown(config, page: str, pairs, lang: str) -> str:
    """view_markdown() kept on disk (≈3 ms a view, 24 views a build): its answer depends only on
    its arguments, the data it reads from ``state`` (labels, languages, references, notes, the docs folder),
    the code of sitecheck/ and its templates. One file per answer, named by all of them, written
    whole (a temporary name, then a rename) as the other build caches."""
    folder = cache_folder(root_of(config), "parallel-views", "PARALLEL_VIEWS_CACHE_DIR")
    if "code" not in state:
        data = [
            state["labels"],
            list(state["languages"]),  # the columns, in order
            str(state["docs_dir"]),
            {str(n): record.data for n, record in state["references"].items()},
            {str(name): record.data for name, record in state["notes"].items()},
        ]
        # once per build: each view's name then hashes only its own arguments
        state["code"] = file_key(rendering_code_key(config), key_text(data))
    arguments = key_text([page, pairs, lang])  # the pairs as their fields (no deep copy, as asdict made)
    cached = folder / f"{file_key(state['code'], arguments)}.md"
    return kept_text(cached, lambda: view_markdown(page, pairs, lang))


def view_markdown(page: str, pairs, lang: str) -> str:
    view_key = f"{PARALLEL_DIR}/{page}"
    rows, lists = view_columns(page, pairs)
    back = relative_link(view_key, page)
    markdown = parallel_page_markdown(pairs, lang, state["labels"][lang], back, rows)
    return markdown + "\n" + references_markdown(lang, state["labels"], lists)


def view_columns(page: str, pairs) -> tuple[list, dict[str, str]]:
    """The view's rows and, per column, the chapter's reference list: rendered once per build (the
    first language's view), read by the others' from the site model's store. Everything they
    depend on is the build's (the model's pages and data), the same in every language pass."""
    kept = state["columns"].get(page)
    if kept is None or kept[0] != pairs:  # the same pairs: each pass takes them from the store
        kept = state["columns"][page] = (pairs, *rendered_columns(page, pairs))
    return kept[1], kept[2]


def rendered_columns(page: str, pairs) -> tuple[list, dict[str, str]]:
    view_key = f"{PARALLEL_DIR}/{page}"
    cited: dict[str, list] = {column: [] for column in state["languages"]}

    def render_block(text: str, column: str, line: int) -> str:
        labels = state["labels"][column]
        # the chapter page's citations on the block's lines, with the page's numbers (cite-N)
        chapter = state["chapter_sites"][(page, column)]
        sites = [
            dataclasses.replace(site, path=f"{state['docs_dir']}/{view_key}.md", page=view_key)
            for site in sites_in_lines(chapter, line, line + text.count("\n"))
        ]
        cited[column] += sites
        text = replace_citations(text, sites, state["references"], column, labels)
        text = replace_note_markers(text, state["notes"], column, labels)
        return prefix_ids(text, column)  # zh-cite-1, en-note-x: unique on a two-language page

    rows = view_rows(page, pairs, render_block)
    # the chapter's reference list, one per column: a printout carries it, and the
    # citation popovers read it (as on the chapter page)
    lists = {
        column: prefix_ids(
            chapter_references(state["references"], cited[column], column, state["labels"][column], heading=False),
            column,
        )
        for column in state["languages"]
    }
    return rows, lists
