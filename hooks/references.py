"""Citations ``[@n]`` -> links to the references page; the references page itself.

Checks (default-language pass, over both languages' sources): malformed
markers, numbers without an entry, entries never cited, ``cited_in`` out of
date, and malformed entries in ``docs/_data/references.yml``.
"""

from __future__ import annotations

from mkdocs.plugins import get_plugin_logger
from rendercache import cached_render

from sitecheck.markdown import parse_sections
from sitecheck.pages import body_line, sites_in_lines, sites_of
from sitecheck.references import (
    chapter_references,
    citation_findings,
    record_findings,
    references_page,
    replace_citations,
    valid_records,
)
from sitehook import current_language, is_default_language_build, report, site_model

log = get_plugin_logger("references")

PAGE_MARKER = "[[references]]"

# Reset on every build: mkdocs-static-i18n builds once per language and
# `mkdocs serve` keeps this module loaded between rebuilds.
state: dict = {}


def on_config(config):
    state.clear()
    data = site_model(config).data
    # checks read every entry minus its invalid fields; renderers only the valid entries
    state["checked"] = data.references
    state["labels"] = data.labels
    state["file"] = data.files.references
    # renderers see only valid entries; the broken ones are reported in on_pre_build
    state["valid"] = valid_records(state["checked"], state["file"])
    state["by_number"] = {r.get("n"): r for r in state["valid"]}


def on_pre_build(config):
    site = site_model(config)
    state["sites"] = [cited for page in site.pages for cited in page.citation_sites]
    if is_default_language_build(config):
        report(log, record_findings(state["checked"], state["file"]))
        report(log, citation_findings(state["sites"], state["checked"].usable, state["file"]))


def on_page_markdown(markdown, page, config, files):
    # ≈1 ms a page: kept on disk per page text, language, page and the build's references
    # (hooks/rendercache.py)
    site = site_model(config)
    source = site.page(page.file.src_uri)
    if PAGE_MARKER not in markdown and "[@" not in markdown and (source is None or "[@" not in source.text):
        return markdown  # no citation here or in its source (a parallel view, the home page): rendered() keeps it
    inputs = [current_language(config), str(site.path_of(page.file.src_uri)), site.identity(page.file.src_uri)]
    return cached_render(
        config,
        state,
        "references",
        lambda: build_data(site),
        [*inputs, markdown],
        lambda: rendered(markdown, page, config),
    )


def build_data(site) -> list:
    """Everything besides the page that rendered() reads."""
    titles = list(site.section_titles.items())  # keys are tuples: as pairs
    return [state["labels"], state["by_number"], state["valid"], state["sites"], titles]


def rendered(markdown, page, config):
    lang = current_language(config)
    labels = state["labels"][lang]
    site = site_model(config)
    path = site.path_of(page.file.src_uri)
    key, page_lang = site.identity(page.file.src_uri)
    if key == "references" and PAGE_MARKER in markdown:
        listing = references_page(state["valid"], state["sites"], lang, labels, site.section_titles)
        markdown = markdown.replace(PAGE_MARKER, listing)
    # a page's citations are the model's, numbered once for the page and for the references
    # page's links back to it; only a generated or rewritten page is read anew
    source = site.page(page.file.src_uri)
    first = body_line(source.text, markdown) if source else None
    if first is not None:
        sites = sites_in_lines(source.citation_sites, first)
    elif "[@" in markdown:  # every marker starts so (CITATION_RE)
        sites = sites_of(path, key, page_lang, parse_sections(markdown))
    else:  # a parallel view: its columns' markers are rendered already, and parsing one is ≈0.4 ms
        sites = []
    markdown = replace_citations(markdown, sites, state["by_number"], lang, labels)
    if sites and not key.startswith("parallel/"):
        # the chapter ends with the references it cites (and the citation popovers read them)
        markdown = markdown.rstrip("\n") + "\n\n" + chapter_references(state["by_number"], sites, lang, labels)
    return markdown
