"""The site's own stylesheets and scripts as one minified file each.

``extra_css`` and ``extra_javascript`` list the project's files one by one (easy
to edit); a reader's phone would fetch them as 12 small requests, each with its
own headers (~0.3 KiB) and compressed alone, plus the comments. The pages link
instead one stylesheet and one script, concatenated in the listed order and
minified, named by their content's hash (``site.<hash>.min.css``: a host may
cache it for good, see hooks/security_headers.py). The listed files
themselves are not shipped: no page loads them, and a release's service worker
(scripts/serviceworker.py precaches every stylesheet and script) would have
every reader download them too. A page or template that links one of them
directly is a broken link (tests/site/test_links.py).

Minified by rcssmin and rjsmin (maintained, pure Python, the minifiers of
mkdocs-minify-plugin); that plugin is not used because it minifies files in
place under their own names and does not concatenate.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from sitehook import drop_files

CSS_NAME = "assets/stylesheets/site.{digest}.min.css"
JS_NAME = "assets/javascripts/site.{digest}.min.js"


@dataclass
class Bundles:
    files: dict[str, str] = field(default_factory=dict)  # site path -> minified text
    sources: list[str] = field(default_factory=list)  # the listed files in the bundles, below docs_dir


STATE = Bundles()


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def read_listed(docs_dir: str, paths: list[str], setting: str) -> list[str]:
    texts = []
    for path in paths:
        source = Path(docs_dir) / path
        if not source.is_file():
            raise PluginError(
                f"mkdocs.yml: {setting} lists '{path}', which is not a file under {docs_dir}; "
                "list only the site's own files there (or fix the path)"
            )
        texts.append(source.read_text(encoding="utf-8"))
    return texts


def unclosed_block(css: str) -> int | None:
    """The line of the first ``{`` that the file never closes (comments and strings skipped).

    Alone, a browser closes it at the end of the file; in the bundle it would take
    in every file after it (as nested rules that match nothing)."""
    opened: list[int] = []
    line, at = 1, 0
    while at < len(css):
        if css.startswith("/*", at):
            end = css.find("*/", at + 2)
            end = len(css) if end < 0 else end + 2
        elif css[at] in "\"'":
            end = at + 1
            while end < len(css) and css[end] != css[at] and css[end] != "\n":
                end += 2 if css[end] == "\\" else 1
            end += 1
        else:
            if css[at] == "{":
                opened.append(line)
            elif css[at] == "}" and opened:
                opened.pop()
            end = at + 1
        line += css.count("\n", at, end)
        at = end
    return opened[0] if opened else None


def check_blocks(docs_dir: str, paths: list[str], texts: list[str]) -> None:
    for path, text in zip(paths, texts, strict=True):
        line = unclosed_block(text)
        if line is not None:
            raise PluginError(
                f"{Path(docs_dir).name}/{path}:{line}: this block is never closed; add its '}}' "
                "(in the one stylesheet of the pages, hooks/asset_bundle.py, it would swallow the files after it)"
            )


def css_bundle(texts: list[str]) -> str:
    return rcssmin.cssmin("\n".join(texts))


def js_bundle(texts: list[str]) -> str:
    # each file is its own statement list: a file without a final semicolon
    # must not run into the next one (nor end in a line comment that would swallow the ";")
    return rjsmin.jsmin("\n;\n".join(texts))


def is_plain_script(script) -> bool:
    """A local classic script without attributes: it can run inside the bundle, in order."""
    path = str(script)
    attributes = (getattr(script, "type", ""), getattr(script, "defer", False), getattr(script, "async_", False))
    return "://" not in path and not path.startswith("/") and not any(attributes)


@event_priority(100)  # before plugins that list files of their own (print-site's css/print-site.css)
def on_config(config):
    styles = [str(path) for path in config.extra_css]
    scripts = list(config.extra_javascript)
    if set(STATE.files) & set(styles + [str(script) for script in scripts]):
        return config  # already bundled (static-i18n's per-language builds reuse the config)
    STATE.files, STATE.sources = {}, []
    if styles:
        texts = read_listed(config.docs_dir, styles, "extra_css")
        check_blocks(config.docs_dir, styles, texts)
        text = css_bundle(texts)
        name = CSS_NAME.format(digest=digest(text))
        STATE.files[name] = text
        STATE.sources += styles
        config.extra_css = [name]
    plain = [str(script) for script in scripts if is_plain_script(script)]
    if plain:
        text = js_bundle(read_listed(config.docs_dir, plain, "extra_javascript"))
        name = JS_NAME.format(digest=digest(text))
        STATE.files[name] = text
        STATE.sources += plain
        config.extra_javascript = [name] + [script for script in scripts if not is_plain_script(script)]
    return config


@event_priority(-150)  # after static-i18n (-100), which expects every file to have a source path
def on_files(files, config):
    for name, text in STATE.files.items():
        if files.get_file_from_path(name) is None:
            files.append(File.generated(config, name, content=text))
    drop_files(files, STATE.sources)
    return files
