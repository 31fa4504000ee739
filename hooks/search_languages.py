"""Search finds pages of the reader's language only.

See ``sitecheck.search_index``: the merged index is split per language after
mkdocs-static-i18n has written it, and non-default pages fetch their own.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

import plugin_internals
from sitecheck.search_index import split_index, with_language_base
from sitehook import current_language, is_default_language_build

INDEX = Path("search") / "search_index.json"


def on_post_page(output, page, config):
    if is_default_language_build(config):
        return output
    return with_language_base(output, current_language(config))


@event_priority(-200)  # after static-i18n (-100) has built every language and merged the index
def on_post_build(config):
    if plugin_internals.i18n_plugin(config) is None or plugin_internals.is_nested_language_build(config):
        return  # a nested per-language build: the index is not final yet
    root = Path(config.site_dir)
    merged = json.loads((root / INDEX).read_text(encoding="utf-8"))
    default = plugin_internals.default_language(config)
    for lang, index in split_index(merged, plugin_internals.build_languages(config), default).items():
        target = root / INDEX if lang == default else root / lang / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
