"""One search index per language.

mkdocs-static-i18n merges the entries of every language into the one
``search/search_index.json`` at the site root, so a Chinese page would find
English sections and vice versa. Split it: the root index keeps the default
language, ``<lang>/search/search_index.json`` holds each other language, with
locations relative to that language's root (``en/x/`` -> ``x/``). Each page's
Material config then names its language root as ``base``, which is where
Material's JavaScript fetches the index from and resolves result links against.
"""

from __future__ import annotations

import json
import re

CONFIG_SCRIPT_RE = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def entry_language(location: str, languages: list[str], default: str) -> str:
    for lang in languages:
        if lang != default and (location == lang or location.startswith(f"{lang}/")):
            return lang
    return default


def split_index(index: dict, languages: list[str], default: str) -> dict[str, dict]:
    """The merged index -> {lang: the index of that language alone}."""
    per_language = {lang: {**index, "docs": []} for lang in languages}
    for doc in index.get("docs", []):
        lang = entry_language(doc["location"], languages, default)
        if lang != default:
            doc = {**doc, "location": doc["location"][len(lang) + 1 :]}
        per_language[lang]["docs"].append(doc)
    return per_language


def with_language_base(html: str, lang: str) -> str:
    """Point the page's Material config ``base`` at ``lang``'s root ("../.." -> "../../en/")."""

    def rewrite(match: re.Match) -> str:
        config = json.loads(match.group(2))
        # the trailing slash matters: Material resolves "search/…" against it
        config["base"] = f"{config['base'].rstrip('/')}/{lang}/"
        # "<" escaped as tojson does, so the JSON can never close its <script>
        text = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
        return match.group(1) + text + match.group(3)

    return CONFIG_SCRIPT_RE.sub(rewrite, html, count=1)
