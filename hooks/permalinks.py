"""Published links never break: every URL in permalinks.txt (docs/_data/) must still lead
to its page and section after the build (see ``sitecheck.permalinks``).

The remedies the messages name: keep the heading id; redirect a removed page
(mkdocs-redirects, both languages: hooks/i18n_redirects.py); or an anchor alias in
anchor-aliases.yml (docs/_data/), rendered here as an empty ``<span id="old">`` at the
start of the section's heading (in both languages and the parallel view), so the
old ``#id`` scrolls there without a script. ``make permalinks`` adds new URLs to the list.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

from sitecheck.findings import Finding
from sitecheck.parallel import PARALLEL_DIR
from sitecheck.permalinks import (
    PermalinkFiles,
    alias_records,
    current_urls,
    insert_aliases,
    missing_findings,
    site_pages,
)
from sitehook import is_default_language_build, read_data, report, site_model

log = get_plugin_logger("permalinks")

state: dict = {}  # reset per build (static-i18n builds once per language)


def on_config(config):
    if is_default_language_build(config):  # the first pass of a build: static-i18n has not switched yet
        state["keys"] = {}  # page URL -> page key, all languages, for the messages
    data = site_model(config).data
    state["aliases"], findings = alias_records(data.aliases, data.files.aliases)
    if is_default_language_build(config):
        report(log, findings)


def on_page_content(html, page, config, files):
    site = site_model(config)
    key = site.identity(page.file.src_uri)[0]
    state["keys"]["/" + page.url] = key
    chapter = key[len(PARALLEL_DIR) + 1 :] if key.startswith(PARALLEL_DIR + "/") else key
    aliases = [alias for alias in state["aliases"] if alias.page == chapter]
    if not aliases:
        return html
    taken = [alias for alias in aliases if f'id="{alias.old}"' in html]
    html, unplaced = insert_aliases(html, [alias for alias in aliases if alias not in taken])
    if is_default_language_build(config) and key == chapter:  # ids are the same in every language
        source = site.path_of(page.file.src_uri)
        findings = [
            Finding(
                site.data.files.aliases,
                alias.line,
                f"'#{alias.old}' is an id on {source} again; remove this alias (two elements would share it).",
            )
            for alias in taken
        ]
        findings += [
            Finding(
                site.data.files.aliases,
                alias.line,
                f"alias '#{alias.old}' points to '#{alias.new}', but no heading of {source} has that id; "
                "name the id the section has now.",
            )
            for alias in unplaced
        ]
        report(log, findings)
    return html


def is_partial_build(config) -> bool:
    """The offline package (.html URLs, file://) and the one-language PDF builds."""
    offline = config.plugins.get("material/offline")
    i18n = config.plugins.get("i18n")
    return bool(offline and offline.config.enabled) or bool(i18n and i18n.config.build_only_locale)


@event_priority(-200)  # after static-i18n (-100) has built every language, and after the redirect pages
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if (i18n is not None and i18n.building) or is_partial_build(config):
        return
    site = Path(config.site_dir)
    documents = {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in site.rglob("*.html")}
    pages = site_pages(documents)
    model = site_model(config)
    files = PermalinkFiles(model.data.files.permalinks, model.data.files.aliases, model.languages[1:])
    listed = model.data.permalinks
    if listed is None:
        read_data(config, files.listed)  # stops the build: the message names the file and the fix
    report(log, missing_findings(listed, pages, state["keys"], files))
    new = sorted(set(current_urls(pages)) - {url for _line, url in listed})
    if new:
        log.info(f"{len(new)} URL(s) not yet in {files.listed}, e.g. {new[0]}; run `make permalinks` to protect them.")
