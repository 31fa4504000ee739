"""``site/_headers``: security and cache headers for static hosts (Netlify, Cloudflare Pages).

Written by the build itself, after mkdocs-static-i18n has built every language
and every plugin has written its pages (redirect pages included), so the
Content-Security-Policy allows exactly the inline scripts of the built site:
their SHA-256 hashes, never ``'unsafe-inline'``. Any inline script added later
(by a template, a plugin or a hook) is hashed the same way; an inline event
handler attribute, which no hash can allow, is a warning (strict: the build fails).
Paths in the file are from the root of the deployed site. The offline package
(``OFFLINE=true``, read from file://) gets no headers file: there are no headers there.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from lxml import etree
from mkdocs.plugins import event_priority, get_plugin_logger

import sitecheck.headers
from sitecheck.diskcache import DiskCache, cache_folder, file_key, open_cache
from sitecheck.headers import InlineCode, fingerprinted, handler_findings, inline_code, script_hashes
from sitehook import root_of

log = get_plugin_logger("headers")

HEADERS_FILE = "_headers"
TEMPLATES = Path(__file__).parent / "templates"
# Directory URLs, the home page and any .html path: the pages
HTML_PATTERNS = ["/", "/*/", "/*.html"]


def render_headers(hashes: list[str], fingerprinted_paths: list[str]) -> str:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True
    )
    return env.get_template("_headers.jinja").render(
        script_hashes=hashes, html_patterns=HTML_PATTERNS, fingerprinted=fingerprinted_paths
    )


def is_offline_build(config) -> bool:
    offline = config.plugins.get("material/offline")
    return bool(offline and offline.config.enabled)


@event_priority(-200)  # after static-i18n (-100) has built the other languages, and after mkdocs-redirects
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if (i18n is not None and i18n.building) or is_offline_build(config):
        return  # a nested per-language build (the outer one writes the file), or file://
    site = Path(config.site_dir)
    files = {path.relative_to(site).as_posix(): path for path in site.rglob("*") if path.is_file()}  # one walk
    pages = {name: path.read_bytes() for name, path in files.items() if name.endswith(".html")}
    documents = inline_code_of(config, pages)
    for name, line, message in handler_findings(documents):
        log.warning(f"{name}:{line}: {message}")
    text = render_headers(script_hashes(documents), fingerprinted([f"/{name}" for name in files]))
    (site / HEADERS_FILE).write_text(text, encoding="utf-8")


# Parsing every page is this hook's whole cost. inline_code() depends only on the page's text,
# its code (sitecheck/headers.py) and the parser (lxml and its libxml2): kept on disk in a file
# named by the code and their versions, one entry per page text (its SHA-256), so a changed page
# is always parsed again (sitecheck/diskcache.py).
inline_code_caches: dict[Path, DiskCache] = {}


def is_inline_code(_name, value) -> bool:
    return (
        isinstance(value, dict) and isinstance(value.get("scripts"), list) and isinstance(value.get("handlers"), list)
    )


def inline_code_of(config, documents: dict[str, str | bytes]) -> dict[str, InlineCode]:
    """inline_code() of each page (name -> HTML, as text or UTF-8 bytes), each page parsed once,
    and only if its text is new."""
    root = root_of(config)
    folder = cache_folder(root, "inline-code", "INLINE_CODE_CACHE_DIR")
    parser = (sys.version, etree.LXML_VERSION, etree.LIBXML_VERSION)
    path = folder / f"{file_key(Path(sitecheck.headers.__file__).read_bytes(), *map(str, parser))}.json"
    cache = open_cache(inline_code_caches, path, is_inline_code)
    found = {}
    for name, html in documents.items():
        data = html if isinstance(html, bytes) else html.encode("utf-8")  # the same name either way
        parsed = cache.get(hashlib.sha256(data).hexdigest(), lambda html=html: vars(inline_code(html)))
        found[name] = InlineCode(list(parsed["scripts"]), [tuple(handler) for handler in parsed["handlers"]])
    cache.save()
    return found
