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
from html import escape, unescape

CONFIG_SCRIPT_RE = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def entry_language(location: str, languages: list[str], default: str) -> str:
    for lang in languages:
        if lang != default and (location == lang or location.startswith(f"{lang}/")):
            return lang
    return default


# The merged index carries the default language's search settings. Each index
# gets its own language's: Material's defaults (partials/languages/*.html),
# except that neither stems, and English trims punctuation off words ("(monocyte"
# is "monocyte"; for Chinese lunr's multi-language trimmer already does).
# Material appends "*" to every query word, and lunr does not stem a word with
# a wildcard, so a stemmed index never matches
# "osteoporosis*" (it holds "osteoporosi"): English search missed most words.
LANGUAGE_SEARCH_CONFIG = {
    "en": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["trimmer", "stopWordFilter"]},
    "zh": {"lang": ["zh", "en"], "separator": r"[\s\u200b\u3000\-、。，．？！；]+", "pipeline": []},
}


def split_index(index: dict, languages: list[str], default: str) -> dict[str, dict]:
    """The merged index -> {lang: the index of that language alone}, with that language's search settings."""
    per_language = {
        lang: {**index, "config": {**index.get("config", {}), **LANGUAGE_SEARCH_CONFIG.get(lang, {})}, "docs": []}
        for lang in languages
    }
    for doc in index.get("docs", []):
        lang = entry_language(doc["location"], languages, default)
        if lang != default:
            doc = {**doc, "location": doc["location"][len(lang) + 1 :]}
        per_language[lang]["docs"].append(doc)
    return per_language


def with_config(html: str, lang: str | None, material_worker: str, worker: str) -> str:
    """Rewrite the page's Material config: ``base`` at ``lang``'s root when
    ``lang`` is given ("../.." -> "../../en/"), and the search worker by name."""

    def rewrite(match: re.Match) -> str:
        config = json.loads(match.group(2))
        if lang:
            # the trailing slash matters: Material resolves "search/…" against it
            config["base"] = f"{config['base'].rstrip('/')}/{lang}/"
        if config.get("search"):
            config["search"] = config["search"].replace(material_worker, worker)
        # "<" escaped as tojson does, so the JSON can never close its <script>
        text = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
        return match.group(1) + text + match.group(3)

    return CONFIG_SCRIPT_RE.sub(rewrite, html, count=1)


def with_language_base(html: str, lang: str) -> str:
    """Point the page's Material config ``base`` at ``lang``'s root."""
    return with_config(html, lang, "", "")


# --- What search indexes of a page --------------------------------------------
# A diagram is indexed by its text alternative (accTitle, accDescr) — its
# caption is an ordinary paragraph beside it — never by its Mermaid source or
# the text inside a drawn SVG (node labels, styles, ``click … href``).
DIAGRAM_SELECTOR = "pre.mermaid, div.mermaid, svg"


def is_diagram(tag) -> bool:
    """DIAGRAM_SELECTOR without a CSS selector engine (soupsieve's import costs more than the matching)."""
    return tag.name == "svg" or (tag.name in ("pre", "div") and "mermaid" in (tag.get("class") or []))


ACC_LINE_RE = re.compile(r"^\s*(accTitle|accDescr)\s*:\s*(.+?)\s*$", re.M)
ACC_BLOCK_RE = re.compile(r"^\s*accDescr\s*\{(.*?)\}", re.M | re.S)


def diagram_text_alternative(element) -> str:
    """accTitle and accDescr of a Mermaid block, or <title>/<desc> of a drawn SVG."""
    if element.name == "svg":
        parts = [t.get_text(" ", strip=True) for t in element.find_all(["title", "desc"])]
        if not any(parts) and element.get("aria-label"):
            parts = [element["aria-label"]]
    else:
        source = element.get_text()
        parts = [value for _key, value in ACC_LINE_RE.findall(source)]
        parts += [" ".join(block.split()) for block in ACC_BLOCK_RE.findall(source)]
    return "。".join(p for p in parts if p)


def search_view(html: str) -> str:
    """The page content as search should see it: each diagram (Mermaid source,
    inline SVG) replaced by a paragraph of its text alternative."""
    if MERMAID_BLOCK_RE.search(html):  # left to the browser (a build without Chromium): parse
        return parsed_search_view(html)
    if "<svg" not in html:
        return html
    view = drawn_search_view(html)
    return parsed_search_view(html) if view is None else view


# Built pages carry their diagrams drawn: every top-level <svg>…</svg> is replaced in the
# text, the rest left as it is (BeautifulSoup's parse and reprint of whole pages for this was
# ≈ 0.6 s of a 3.5 s build). In HTML text "<svg" and "</svg>" can only be tags (a "<" in text
# is "&lt;"); a page where they do not pair up is parsed instead.
MERMAID_BLOCK_RE = re.compile(r'<(?:pre|div)\b[^>]*\sclass="(?:[^"]*\s)?mermaid[\s"]')
SVG_TAG_RE = re.compile(r"<svg\b|</svg\s*>")
TEXT_ALTERNATIVE_RE = re.compile(r"<(title|desc)\b[^>]*>(.*?)</\1\s*>", re.S)
ARIA_LABEL_RE = re.compile(r'\saria-label="([^"]*)"')
TAG_RE = re.compile(r"<[^>]*>")


def drawn_search_view(html: str) -> str | None:
    """search_view of a page whose diagrams are drawn; None if its <svg> tags do not pair up."""
    parts, done, depth, start = [], 0, 0, 0
    for tag in SVG_TAG_RE.finditer(html):
        if tag.group().startswith("<svg"):
            if depth == 0:
                start = tag.start()
            depth += 1
            continue
        depth -= 1
        if depth < 0:
            return None
        if depth == 0:
            parts.append(html[done:start])
            text = svg_text_alternative(html[start : tag.end()])
            if text:
                parts.append(f"<p>{escape(text, quote=False)}</p>")
            done = tag.end()
    if depth:
        return None
    parts.append(html[done:])
    return "".join(parts)


def svg_text_alternative(svg: str) -> str:
    """<title> and <desc> of a drawn SVG (its nested ones too), else its aria-label; each as
    BeautifulSoup's get_text(" ", strip=True) gives it (diagram_text_alternative)."""
    parts = []
    for _name, inner in TEXT_ALTERNATIVE_RE.findall(svg):
        pieces = (unescape(piece).strip() for piece in TAG_RE.split(inner))
        parts.append(" ".join(piece for piece in pieces if piece))
    if not any(parts):
        label = ARIA_LABEL_RE.search(svg[: svg.find(">") + 1])
        parts = [unescape(label.group(1))] if label else []
    return "。".join(p for p in parts if p)


def parsed_search_view(html: str) -> str:
    from bs4 import BeautifulSoup  # only pages left to the browser pay for the parse

    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(is_diagram):
        if element.decomposed or element.find_parent("svg"):
            continue
        text = diagram_text_alternative(element)
        if text:
            paragraph = soup.new_tag("p")
            paragraph.string = text
            element.replace_with(paragraph)
        else:  # an icon or a diagram with no words: nothing to find
            element.decompose()
    return str(soup)
