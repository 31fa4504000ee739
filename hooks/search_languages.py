"""Search: one index per language, diagrams by their words, any Chinese substring.

- Search finds pages of the reader's language only (see
  ``sitecheck.search_index``): the merged index is split per language after
  mkdocs-static-i18n has written it, and non-default pages fetch their own.
- A diagram is indexed by its text alternative, never its source
  (``sitecheck.search_index.search_view``, shown to the search plugin only).
- Chinese: Material's search worker, with ``search_cjk.js`` run first in the
  same worker file, indexes and queries character bigrams beside jieba's words.
- Offline build (Material's offline plugin on): each language's index is also
  written as the script Material loads under file:// (``search_index.js``); the
  plugin writes it for the merged root index only, before the split.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import plugin_internals
from sitecheck.search_index import search_view, split_index, with_config
from sitehook import current_language, is_default_language_build

INDEX = Path("search") / "search_index.json"
WORKERS = Path("assets") / "javascripts" / "workers"
CJK_SOURCE = Path(__file__).with_name("search_cjk.js")

state: dict = {}  # reset per build (static-i18n builds once per language)


def on_config(config):
    state.clear()
    state["worker"] = cjk_worker(config)
    state["search_views"] = {}
    show_search_the_search_view(config)


def cjk_worker(config) -> tuple[str, str, str]:
    """(Material's worker name, our worker's name, our worker's text)."""
    for folder in config.theme.dirs:
        found = sorted((Path(folder) / WORKERS).glob("search.*.min.js"))
        if found:
            material = found[0]
            break
    else:
        raise PluginError("search: Material's search worker was not found in the theme; reinstall mkdocs-material.")
    text = CJK_SOURCE.read_text(encoding="utf-8") + "\n" + material.read_text(encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return material.name, f"search-cjk.{digest}.min.js", text


def show_search_the_search_view(config) -> None:
    """Material's search plugin indexes ``search_view(page.content)``; the page
    itself keeps its diagrams. The plugin has no hook for this, so its index's
    entry point is wrapped (it is created anew in each build's on_config)."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    if index is None:
        return
    add_entry = index.add_entry_from_context

    def add_entry_from_search_view(page):
        content = page.content
        made_from, view = state["search_views"].pop(page.file.src_uri, (None, None))
        page.content = view if made_from is content else search_view(content or "")
        try:
            add_entry(page)
        finally:
            page.content = content

    index.add_entry_from_context = add_entry_from_search_view


@event_priority(1)  # just before the search plugin's (0) indexes the page
def on_page_context(context, page, config, nav):
    # Made here, in a handler of this hook, so that its time counts as the hooks' (the
    # benchmark's hook share times handlers); the search plugin's wrapped entry point above
    # takes it if the page's content is still this very string, and makes it anew otherwise.
    state["search_views"][page.file.src_uri] = (page.content, search_view(page.content or ""))
    return context


def on_post_page(output, page, config):
    material, ours, _text = state["worker"]
    lang = None if is_default_language_build(config) else current_language(config)
    return with_config(output, lang, material, ours)


@event_priority(-200)  # after static-i18n (-100) has built every language and merged the index
def on_post_build(config):
    if plugin_internals.i18n_plugin(config) is None or plugin_internals.is_nested_language_build(config):
        return  # a nested per-language build: the index is not final yet
    root = Path(config.site_dir)
    _material, ours, text = state["worker"]
    (root / WORKERS).mkdir(parents=True, exist_ok=True)
    (root / WORKERS / ours).write_text(text, encoding="utf-8")
    merged = json.loads((root / INDEX).read_text(encoding="utf-8"))
    default = plugin_internals.default_language(config)
    for lang, index in split_index(merged, plugin_internals.build_languages(config), default).items():
        target = root / INDEX if lang == default else root / lang / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        target.write_text(text, encoding="utf-8")
        if plugin_internals.offline_enabled(config):
            script = target.with_name(plugin_internals.OFFLINE_SEARCH_SCRIPT)
            script.write_text(plugin_internals.offline_search_script(text), encoding="utf-8")
