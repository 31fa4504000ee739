"""Citations ``[@n]`` -> links to the references page; the references page itself.

Checks (default-language pass, over both languages' sources): malformed
markers, numbers without an entry, entries never cited, ``cited_in`` out of
date, and malformed entries in ``docs/_data/references.yml``.
"""

from __future__ import annotations

from mkdocs.plugins import get_plugin_logger

from sitecheck.pages import citation_sites, page_key, section_titles
from sitecheck.references import (
    chapter_references,
    citation_findings,
    record_findings,
    references_page,
    replace_citations,
    valid_records,
)
from sitecheck.schema import check_references
from sitehook import (
    current_language,
    is_default_language_build,
    load_data,
    page_sources,
    read_labels,
    report,
)

log = get_plugin_logger("references")

DATA_FILE = "docs/_data/references.yml"
PAGE_MARKER = "[[references]]"

# Reset on every build: mkdocs-static-i18n builds once per language and
# `mkdocs serve` keeps this module loaded between rebuilds.
state: dict = {}


def on_config(config):
    state.clear()
    # checks read every entry minus its invalid fields; renderers only the valid entries
    state["checked"] = check_references(load_data(config, DATA_FILE), DATA_FILE)
    state["records"] = state["checked"].valid
    state["labels"] = read_labels(config)
    # renderers see only valid entries; the broken ones are reported in on_pre_build
    state["valid"] = valid_records(state["records"], DATA_FILE)
    state["by_number"] = {r.get("n"): r for r in state["valid"]}


def on_pre_build(config):
    sources = page_sources(config)
    state["sites"] = [site for path, text in sources.items() for site in citation_sites(path, text)]
    state["section_titles"] = section_titles(sources)
    if is_default_language_build(config):
        report(log, record_findings(state["checked"], DATA_FILE))
        report(log, citation_findings(state["sites"], state["checked"].usable, DATA_FILE))


def on_page_markdown(markdown, page, config, files):
    lang = current_language(config)
    labels = state["labels"][lang]
    path = "docs/" + page.file.src_uri
    key, _ = page_key(path)
    if key == "references" and PAGE_MARKER in markdown:
        listing = references_page(state["valid"], state["sites"], lang, labels, state["section_titles"])
        markdown = markdown.replace(PAGE_MARKER, listing)
    sites = citation_sites(path, markdown)
    markdown = replace_citations(markdown, sites, state["by_number"], lang, labels)
    if sites and not key.startswith("parallel/"):
        # the chapter ends with the references it cites (and the citation popovers read them)
        markdown = markdown.rstrip("\n") + "\n\n" + chapter_references(state["by_number"], sites, lang, labels)
    return markdown
