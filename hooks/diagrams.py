"""Diagrams drawn at build time: every Mermaid fence becomes an inline <svg>.

mkdocs-mermaid2 stays how fences are written and configured (its fence
function and its ``arguments``). This hook draws each fence with the pinned npm
Mermaid in Debian's Chromium and puts the SVG in the page, so readers load no
Mermaid at all and see the figure without JavaScript. With no ``pre.mermaid``
left in the page, mermaid2 adds no script.

- Cache: raw Mermaid SVG per (Mermaid version, configuration, source) in
  ``.cache/diagrams/`` (or ``$DIAGRAMS_CACHE_DIR``); a build that changes no
  diagram starts no browser. The summary line says how many were drawn.
- Chromium starts on the first uncached diagram and is closed when the whole
  build (every language) ends.
- No browser: a dev build leaves the fences to Mermaid in the reader's browser
  and says so once; with ``DIAGRAMS_REQUIRE_BROWSER=1`` (release, tests, CI)
  the build stops instead.
- A diagram Mermaid cannot parse is a warning at its file and line.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from diagram_browser import BrowserUnavailable, DiagramBrowser
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from sitecheck.diagrams import (
    error_finding,
    figure_html,
    find_blocks,
    finish_svg,
    mermaid_config,
    render_key,
    replace_blocks,
    svg_id,
)
from sitecheck.diskcache import cache_folder, file_key, kept_text, write_whole
from sitecheck.parity import mermaid_blocks
from sitehook import drop_files, project_relative, report, root_of, site_model

log = get_plugin_logger("diagrams")

MERMAID_DIR = Path("node_modules") / "mermaid"
VENDOR_MERMAID = "assets/javascripts/vendor/mermaid.min.js"

# One object per process: the browser outlives a language pass (static-i18n
# runs the next language's build inside this one's on_post_build); counts and
# fallback are reset when the outermost build starts.
state: dict = {"depth": 0, "browser": None}


def on_config(config):
    root = root_of(config)
    package = root / MERMAID_DIR / "package.json"
    mermaid2 = config.plugins.get("mermaid2")
    state.pop("finishing_code", None)  # read again each build: `mkdocs serve` sees template edits
    state.update(
        root=root,
        cache=cache_folder(root, "diagrams", "DIAGRAMS_CACHE_DIR"),
        require=os.environ.get("DIAGRAMS_REQUIRE_BROWSER") == "1",
        mermaid_js=root / MERMAID_DIR / "dist" / "mermaid.min.js",
        version=json.loads(package.read_text(encoding="utf-8"))["version"] if package.is_file() else "unknown",
        arguments=dict(mermaid2.config.get("arguments") or {}) if mermaid2 else {},
    )


def on_pre_build(config):
    state["depth"] += 1
    if state["depth"] == 1:
        state.update(drawn=0, cached=0, fallback=None, browser=None)


@event_priority(50)  # before print-site and search take the page's HTML
def on_page_content(html, page, config, files):
    blocks = find_blocks(html)
    if not blocks or state["fallback"]:
        return html
    figures = [draw(block.source, page, config) for block in blocks]
    return replace_blocks(html, blocks, figures)


def draw(source: str, page, config) -> str | None:
    """The figure for one fence, or None to leave the fence (fallback or error)."""
    key = render_key(state["version"], state["arguments"], source)
    cached = state["cache"] / f"{key}.svg"
    if cached.is_file():
        state["cached"] += 1
        return finished_figure(cached.read_text(encoding="utf-8"), key)
    if state["browser"] is None:
        state["browser"] = DiagramBrowser(state["root"], state["mermaid_js"])
    try:
        result = state["browser"].render(svg_id(key), source, mermaid_config(state["arguments"], key[:12]))
    except BrowserUnavailable as error:
        fall_back(str(error))
        return None
    if "error" in result:
        path, line = where(source, page, config)
        report(log, [error_finding(path, line, result["error"])])
        return None
    state["drawn"] += 1
    write_whole(cached, result["svg"].encode("utf-8"))  # a temporary name per process: two builds may draw it
    return finished_figure(result["svg"], key)


def finished_figure(svg: str, key: str) -> str:
    """The figure as the page ships it (finish_svg, figure_html: ≈1 ms a diagram), kept beside the
    raw SVG in the cache: one file per answer, named by the raw SVG, its key and the code that
    finishes it (sitecheck/diagrams.py, sitecheck/templates.py, the figure's template, Jinja)."""
    import jinja2

    import sitecheck.diagrams
    import sitecheck.templates

    if "finishing_code" not in state:
        code = [Path(module.__file__).read_bytes() for module in (sitecheck.diagrams, sitecheck.templates)]
        template = sitecheck.templates.TEMPLATES / "diagram.html"
        state["finishing_code"] = [*code, template.read_bytes(), jinja2.__version__]
    cached = state["cache"] / "figures" / f"{file_key(*state['finishing_code'], key, svg)}.html"
    return kept_text(cached, lambda: figure_html(finish_svg(svg, key)))


def fall_back(reason: str) -> None:
    if state["require"]:
        raise PluginError(
            f"diagrams: cannot draw the diagrams at build time ({reason}). Install Debian's chromium "
            "(`make system-packages`) and the npm packages (`make setup`); release and CI builds "
            "(DIAGRAMS_REQUIRE_BROWSER=1) never leave diagrams to the reader's browser."
        )
    state["fallback"] = reason
    log.info(
        f"no browser to draw diagrams at build time ({reason}); this dev build leaves them "
        "to Mermaid in the reader's browser. Install chromium (`make system-packages`) to ship SVG."
    )


def where(source: str, page, config) -> tuple[str, int]:
    """File and fence line of a diagram's source: the page's own Markdown, else any page's
    (generated pages such as the parallel view carry chapter diagrams)."""
    own = project_relative(config, Path(page.file.abs_src_path)) if page.file.abs_src_path else None
    candidates = {own: page.file.content_string} if own else {}
    site = site_model(config)
    candidates.update(site.sources)
    for path, text in candidates.items():
        for line, body in mermaid_blocks(text):
            if body.strip() == source.strip():
                return path, line
    return own or site.path_of(page.file.src_uri), 0


def on_env(env, config, files):
    # the site ships Mermaid only when this build leaves diagrams to the reader's browser
    if not state["fallback"]:
        drop_files(files, [VENDOR_MERMAID])
    return env


@event_priority(-300)  # after static-i18n (-100) has built the other languages inside this pass
def on_post_build(config):
    state["depth"] -= 1
    if state["depth"] == 0:
        finish()


def on_build_error(error):
    state["depth"] = 0
    finish()


def finish() -> None:
    browser = state.get("browser")
    launches = browser.launches if browser else 0
    if browser:
        browser.close()
    state["browser"] = None
    if state.get("drawn") or state.get("cached"):
        cache = project_relative_cache()
        log.info(
            f"{state['drawn'] + state['cached']} drawn at build time "
            f"({state['drawn']} by Mermaid in Chromium, {state['cached']} from the cache {cache}); "
            f"Chromium started {launches} time(s)"
        )


def project_relative_cache() -> str:
    try:
        return state["cache"].resolve().relative_to(state["root"].resolve()).as_posix()
    except ValueError:
        return str(state["cache"])
