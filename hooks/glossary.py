"""The glossary (docs/_data/glossary.yml) keeps terms consistent and explains them.

- checks: malformed entries, a missing language, duplicate ids/abbreviations,
  synonyms ('see') that do not resolve to one defined entry, links to editor's
  notes that do not exist, variant spellings in the text and in diagrams,
  abbreviations with no entry;
- renders: the glossary page of each language, abbreviation tooltips on every
  page (Python-Markdown ``abbr`` definitions appended to the page), and the
  jieba user dictionary that keeps Chinese terms whole in search.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url
from rendercache import rendering_code_key
from rendercache import sitecheck_code as read_sitecheck_code

import plugin_internals
from sitecheck.diskcache import DiskCache, cache_folder, file_key, kept_text, key_text, open_cache
from sitecheck.findings import Finding
from sitecheck.glossary import (
    abbr_snippet,
    abbreviation_findings,
    abbreviations,
    first_use_abbreviations,
    first_use_terms,
    glossary_page,
    jieba_user_dictionary,
    link_first_uses,
    note_link_findings,
    record_findings,
    synonym_findings,
    usage,
    variant_findings,
    variants,
)
from sitehook import current_language, is_default_language_build, nav_order, report, root_of, site_model

log = get_plugin_logger("glossary")

PAGE_MARKER = "[[glossary]]"

state: dict = {}  # reset per build (static-i18n builds once per language)


def on_config(config):
    state.clear()
    data = site_model(config).data
    # checks read every entry minus its invalid fields; renderers only the valid entries
    state["checked"] = data.glossary
    state["records"] = state["checked"].valid
    state["labels"] = data.labels
    # editor's notes an entry can link to ('note: id'), by id -> page
    notes = data.corrections[4]  # valid notes only
    state["note_pages"] = {record.get("id"): record.get("page") for _path, record in notes}
    segment_search_text(config, state["records"])


def on_pre_build(config):
    site = site_model(config)
    state["pages"] = {lang: {key: page.text for key, page in site.in_language(lang).items()} for lang in site.languages}
    if not is_default_language_build(config):
        return
    records, data_file = state["checked"].usable, site.data.files.glossary
    report(log, record_findings(state["checked"], data_file))
    report(log, synonym_findings(records, data_file))
    report(log, note_link_findings(records, data_file, set(state["note_pages"]), site.data.files.corrections))
    forbidden, known = variants(records), abbreviations(records)
    findings = page_findings_cache(config, forbidden, known, data_file)
    for page in site.pages:
        # the review's text; the home page and the pages about the site name other things (PDF, RIS)
        content = site.is_chapter(page.key)

        def check(page=page, content=content):
            found = variant_findings(page.path, page.text, forbidden, data_file)
            if content:
                found += abbreviation_findings(page.path, page.text, known, data_file)
            return [[finding.path, finding.line, finding.message] for finding in found]

        name = hashlib.sha256(key_text([page.path, content, page.text]).encode("utf-8")).hexdigest()
        report(log, [Finding(*values) for values in findings.get(name, check)])
    findings.save()


# The checks of every page against the glossary's variants and abbreviations (≈40 ms a build)
# depend only on the page (path, text, whether it is content) and the glossary's lists: kept on
# disk in a file named by those lists, the data file's name and the code of sitecheck/, one entry
# per page. Messages come back the same, in the same order; a changed page is checked anew.
def page_findings_cache(config, forbidden, known, data_file: str) -> DiskCache:
    folder = glossary_cache_folder(config)
    lists = key_text([forbidden, sorted(known), data_file])
    return DiskCache(folder / f"findings-{file_key(sitecheck_code_key(), lists)}.json", valid=findings_of_a_page)


def findings_of_a_page(_name, value) -> bool:
    return isinstance(value, list) and all(isinstance(finding, list) and len(finding) == 3 for finding in value)


def on_nav(nav, config, files):
    # reading order, so "used in" lists sections as the reader meets them
    state["order"] = nav_order(nav, config)


def on_page_markdown(markdown, page, config, files):
    lang = current_language(config)
    key, _ = site_model(config).identity(page.file.src_uri)
    if key == "glossary" and PAGE_MARKER in markdown:
        order = state.get("order", [])
        content = {
            p: t
            for p, t in sorted(
                state["pages"][lang].items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order)
            )
            if site_model(config).is_chapter(p)
        }
        listing = glossary_listing(config, content, lang)
        markdown = markdown.replace(PAGE_MARKER, listing)
    if ("abbr", lang) not in state:  # the same for every page of the language
        state[("abbr", lang)] = abbr_snippet(state["records"], lang, state["labels"][lang])
    return markdown + "\n\n" + state[("abbr", lang)]


# jieba's dictionary is global to the process, and `mkdocs serve` rebuilds (each language pass
# too) in the same process with this module still loaded: add each term once, or every rebuild
# adds its frequency to jieba's total again and segmentation drifts.
search_terms: set[str] = set()


def load_search_dictionary(records) -> None:
    """Feed the glossary's Chinese terms to jieba, which Material's search uses."""
    try:
        import jieba
    except ImportError:  # search then indexes without segmentation
        return
    for line in jieba_user_dictionary(records).splitlines():
        term, frequency, tag = line.split()
        if term not in search_terms:
            jieba.add_word(term, int(frequency), tag)
            search_terms.add(term)


# The cache of jieba's words for search (sitecheck/diskcache.py), one object per file for the
# process: both language passes (and `mkdocs serve` rebuilds) share what is loaded. The file is
# named by jieba's version, its dictionary and the user dictionary (the glossary's terms); inside,
# each text maps to its words, so a changed text is segmented anew, never served old words.
segment_caches: dict[Path, DiskCache] = {}
dictionary_digests: dict[tuple, bytes] = {}


def words_of_a_text(text, words) -> bool:
    return isinstance(words, list) and "".join(words) == text


def segment_search_text(config, records) -> None:
    """Material's search gets jieba's words from the cache; jieba's dictionary is loaded
    (and the glossary's terms added) only when a text is not there yet."""
    try:
        import jieba
    except ImportError:  # search then indexes without segmentation
        return
    folder = cache_folder(root_of(config), "search-segments", "SEARCH_SEGMENTS_CACHE_DIR")
    key = file_key(jieba.__version__, jieba_dictionary_digest(jieba), jieba_user_dictionary(records))
    path = folder / f"{key}.json"
    cache = open_cache(segment_caches, path, words_of_a_text)

    dictionary_loaded: list[bool] = []  # the glossary's terms go to jieba once a build, not once a text

    def segment(text: str) -> list[str]:
        if not dictionary_loaded:
            load_search_dictionary(records)
            dictionary_loaded.append(True)
        return list(jieba.cut(text))

    def cut(sentence, *_args, **_kwargs):
        text = sentence.decode("utf-8") if isinstance(sentence, bytes) else sentence
        return cache.get(text, lambda: segment(text))

    plugin_internals.segment_search_text_with(cut)


def jieba_dictionary_digest(jieba) -> bytes:
    """SHA-256 of the dictionary jieba would load (its own, or search's ``jieba_dict``)."""
    name = jieba.dt.dictionary or ""
    stat = os.stat(name) if name and os.path.isfile(name) else None
    identity = (name, stat.st_size if stat else None, stat.st_mtime_ns if stat else None)
    if identity not in dictionary_digests:
        with jieba.dt.get_dict_file() as dictionary:
            dictionary_digests[identity] = hashlib.sha256(dictionary.read()).digest()
    return dictionary_digests[identity]


def on_post_build(config):
    for cache in segment_caches.values():  # each language pass saves what it segmented
        cache.save()


def on_page_content(html, page, config, files):
    """The first use of each glossary term on a chapter page links to its entry (not in the editor's additions)."""
    site = site_model(config)
    key, _ = site.identity(page.file.src_uri)
    if not site.is_chapter(key):  # the review's text only (not its parallel views)
        return html
    lang = current_language(config)
    if ("first_use", lang) not in state:  # the same for every page of the language's pass
        pages = files.documentation_pages()
        glossary = next((f for f in pages if site.identity(f.src_uri) == ("glossary", lang)), None)
        terms = first_use_terms(state["records"], lang)
        state[("first_use", lang)] = glossary, terms, first_use_abbreviations(state["records"])
    glossary, terms, abbrs = state[("first_use", lang)]
    if glossary is None:
        return html
    url = get_relative_url(glossary.url, page.url)
    return linked_page(config, html, terms, abbrs, lang, url, state["labels"][lang]["glossary_link_title"])


def glossary_listing(config, content: dict[str, str], lang: str) -> str:
    """The glossary page's entries with their "used in" lists (usage() reads every chapter, ≈0.1 s
    a language), kept on disk like linked_page(): named by the glossary's records, the chapters'
    texts in reading order, the language, its labels, the notes' pages, the code of sitecheck/,
    its templates and Jinja's version."""
    records = [record.data for record in state["records"]]
    arguments = [records, list(content.items()), lang, state["labels"][lang], state["note_pages"]]
    cached = glossary_cache_folder(config) / f"listing-{file_key(rendering_code_key(config), key_text(arguments))}.html"

    def listing() -> str:
        used_in = usage(state["records"], content, lang)
        return glossary_page(state["records"], lang, state["labels"][lang], used_in, state["note_pages"])

    return kept_text(cached, listing)


def glossary_cache_folder(config) -> Path:
    return cache_folder(root_of(config), "glossary-links", "GLOSSARY_LINKS_CACHE_DIR")


def sitecheck_code_key() -> str:
    """rendercache.sitecheck_code(), read and hashed once per build (it names every page's cached
    links: each name then hashes its page, not the ≈0.2 MB of code again)."""
    if "code" not in state:
        state["code"] = file_key(read_sitecheck_code())
    return state["code"]


def linked_page(config, html: str, terms: dict, abbrs: dict, lang: str, url: str, title: str) -> str:
    """link_first_uses() kept on disk: its answer depends only on its arguments, the code of
    sitecheck/ and BeautifulSoup's version (its list of void elements tells sitecheck/htmlscan.py
    which elements have no content). One file per answer, named by all of them, written like the
    diagram cache (a temporary name, then a rename)."""
    import bs4

    arguments = json.dumps([terms, abbrs, lang, url, title], sort_keys=True, ensure_ascii=False)
    # link_first_uses and what it imports: the whole sitecheck package
    cached = glossary_cache_folder(config) / f"{file_key(sitecheck_code_key(), bs4.__version__, arguments, html)}.html"
    return kept_text(cached, lambda: link_first_uses(html, terms, abbrs, lang, url, title))
