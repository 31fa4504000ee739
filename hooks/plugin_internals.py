"""Everything the hooks rely on inside other plugins, in one place.

Each function stands for one assumption about mkdocs-static-i18n, Material
for MkDocs or mkdocs-print-site-plugin that their public documentation does not
promise. ``tests/build/test_plugin_internals.py`` checks every assumption against the
installed versions, one test each, so an upgrade that breaks one fails there,
by name, instead of somewhere inside a build.
"""

from __future__ import annotations

# Material writes its JavaScript configuration (with "base", where search fetches its index) as
# JSON in one element of every page (material/templates/base.html); sitecheck.search_index rewrites it
from sitecheck.search_index import CONFIG_SCRIPT_RE as MATERIAL_CONFIG_RE  # noqa: F401


def i18n_plugin(config):
    """mkdocs-static-i18n's plugin object, registered under the name 'i18n' (None without it)."""
    return config.plugins.get("i18n")


def current_language(config) -> str | None:
    """The language of this pass: static-i18n sets ``current_language`` in ``on_config`` of each pass."""
    i18n = i18n_plugin(config)
    return None if i18n is None else i18n.current_language


def default_language(config) -> str | None:
    i18n = i18n_plugin(config)
    return None if i18n is None else i18n.default_language


def only_locale(config) -> str | None:
    """The one language of a ``build_only_locale`` build (scripts/pdf.py), else None. static-i18n then
    makes that locale its default when it validates its configuration (mkdocs_static_i18n/config.py):
    ``default_language`` no longer names the language of the pages without a suffix (``x.md``)."""
    i18n = i18n_plugin(config)
    return None if i18n is None else i18n.config.build_only_locale


def languages(config) -> list[str]:
    """Every configured locale (``all_languages``), built or not."""
    i18n = i18n_plugin(config)
    return [] if i18n is None else list(i18n.all_languages)


def build_languages(config) -> list[str]:
    i18n = i18n_plugin(config)
    return [] if i18n is None else list(i18n.build_languages)


def is_nested_language_build(config) -> bool:
    """True inside static-i18n's own per-language builds: it calls mkdocs' ``build()`` again from
    its ``on_post_build`` with ``building`` set, so post-build work waits for the outer pass."""
    i18n = i18n_plugin(config)
    return i18n is not None and bool(i18n.building)


def same_build(config, other) -> bool:
    """Whether two configurations are one ``mkdocs build``: static-i18n builds each further
    language by calling MkDocs' ``build()`` again with the configuration object of the first
    pass, so one object stands for the whole build (``mkdocs serve`` loads a new one per rebuild)."""
    return config is other


def as_language_file(file, lang: str, alternates: dict) -> None:
    """Give a generated file what static-i18n gives its own files, so the language selector
    links to the other language's version: ``locale``, ``locale_alternate_of`` and ``alternates``."""
    file.locale, file.locale_alternate_of, file.alternates = lang, lang, alternates


def segment_search_text_with(cut) -> bool:
    """Material's search splits each run of Chinese characters with the ``jieba`` module it
    imported (material/plugins/search/plugin.py: ``jieba.cut(run.encode("utf-8"))``, skipped when
    ``jieba`` is None): give it an object whose ``cut`` is ``cut``. False when jieba is missing."""
    from types import SimpleNamespace

    import material.plugins.search.plugin as search

    if search.jieba is None:
        return False
    search.jieba = SimpleNamespace(cut=cut)
    return True


def look_up_git_commits_with(plugin, lookup) -> None:
    """git-revision-date-localized asks ``plugin.util.get_git_commit_timestamp(path=…,
    is_first_commit=…)`` for each page's (commit hash, unix time); its ``util`` is made anew
    in each of its ``on_config``. ``lookup(path, is_first_commit, ask)`` answers instead,
    ``ask()`` being the plugin's own answer."""
    ask = plugin.util.get_git_commit_timestamp

    def get_git_commit_timestamp(path, is_first_commit=False):
        return lookup(path, is_first_commit, lambda: ask(path=path, is_first_commit=is_first_commit))

    plugin.util.get_git_commit_timestamp = get_git_commit_timestamp


def format_git_dates_with(plugin, formats) -> None:
    """git-revision-date-localized turns a page's timestamp into its date strings with
    ``plugin.util.get_date_formats_for_timestamp(commit_timestamp, locale=…, add_spans=…)``
    (Babel; the answer depends on those and on its ``timezone`` and ``custom_format`` options),
    twice per page. ``formats(timestamp, locale, add_spans, ask)`` answers instead."""
    ask = plugin.util.get_date_formats_for_timestamp

    def get_date_formats_for_timestamp(commit_timestamp, locale, add_spans=True):
        return formats(
            commit_timestamp, locale, add_spans, lambda: ask(commit_timestamp, locale=locale, add_spans=add_spans)
        )

    plugin.util.get_date_formats_for_timestamp = get_date_formats_for_timestamp


def look_up_git_tags_with(plugin, lookup) -> None:
    """git-revision-date-localized names the tag of each page's commit with
    ``plugin.util.get_tag_name_for_commit(commit_hash)``: "" for no hash; else, for each
    repository in ``plugin.util.repo_cache`` (path -> GitPython's ``Git``) in order, the first
    line of ``git tag --points-at <hash> --format=%(refname:short)``, skipping a repository where
    git fails; "" when none has one. ``lookup(commit_hash, repositories)`` answers instead."""
    util = plugin.util

    def get_tag_name_for_commit(commit_hash):
        return lookup(commit_hash, list(util.repo_cache.values())) if commit_hash else ""

    util.get_tag_name_for_commit = get_tag_name_for_commit


# --- Material's offline plugin ---------------------------------------------------------------
# Under file:// Material's JavaScript cannot fetch search/search_index.json: it loads
# search/search_index.js beside it as a script and reads the index from the global ``__index``.
# The offline plugin writes that script for the root index only, in its on_post_build at
# priority -100: before hooks/search_languages.py (-200) splits the index per language.
OFFLINE_SEARCH_SCRIPT = "search_index.js"  # next to each search_index.json


def offline_enabled(config) -> bool:
    """Material's offline plugin (``offline`` in mkdocs.yml, registered as ``material/offline``) is on."""
    plugin = config.plugins.get("material/offline")
    return plugin is not None and bool(plugin.config.enabled)


def offline_search_script(index_json: str) -> str:
    """A search index (the JSON text) as the script the offline plugin writes."""
    return f"var __index = {index_json}"


# --- mkdocs-print-site-plugin ------------------------------------------------------------------
# print-site renders its page in its own on_post_build (priority 0), after every page's
# on_post_page: a hook sees that page only in an on_post_build of lower priority. In a
# static-i18n build each language pass writes it to the same file (static-i18n puts each
# language's Files under its folder, and the print page is not one of MkDocs' Files): the last
# language's page is the one left, so scripts/pdf.py builds each language's print page on its
# own, and hooks/print_page.py finishes only the last pass's (its fonts take seconds).
# print-site rewrites the pages' <a href> links into anchors on its page, not the diagrams'
# SVG <a xlink:href> links: hooks/print_page.py does those, with print_page_anchor(). It
# prefixes every same-page link with the page's key but renames only some ids (h1-h6, sup, li):
# hooks/print_page.py gives the other elements their prefixed id (sitecheck.printpage.prefix_ids),
# finding the pages as <section class="print-page" id="<key>"> inside <div id="print-site-page">.


def print_site_plugin(config):
    """mkdocs-print-site-plugin, registered as 'print-site', when it is on in this build (else None)."""
    plugin = config.plugins.get("print-site")
    return plugin if plugin is not None and plugin.config.get("enabled") else None


def drop_repeated_print_assets(config) -> None:
    """print-site's on_config prepends its script and style sheet to ``extra_javascript`` and
    ``extra_css`` on every call, and static-i18n calls it again for each further language pass
    with the same lists: the last pass's print page (English, scripts/pdf.py) would load each
    twice. Keeps each entry's first place; call it after print-site's on_config."""
    for key in ("extra_javascript", "extra_css"):
        seen: set[str] = set()
        kept = []
        for entry in config[key]:
            if str(entry) not in seen:
                seen.add(str(entry))
                kept.append(entry)
        config[key] = kept


def print_page_path(config) -> str | None:
    """The file print-site writes its page to in this pass (its ``print_page`` Page, made in on_config)."""
    plugin = print_site_plugin(config)
    return None if plugin is None else plugin.print_page.file.abs_dest_path


def print_page_anchor(url: str) -> str:
    """print-site's id for a page URL with an optional #fragment on the print page: each page is a
    ``<section class="print-page" id="<key>">`` ("immunology/t-cells/" -> "immunology-t-cells") and
    its ids are prefixed with the key ("immunology/t-cells/#th17" -> "immunology-t-cells-th17")."""
    from mkdocs_print_site_plugin.urls import get_page_key

    path, _, fragment = url.partition("#")
    key = get_page_key(path)
    return f"{key}-{fragment}" if fragment else key
