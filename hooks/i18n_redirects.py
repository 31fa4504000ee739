"""mkdocs-redirects for every language: a redirect of ``old.md`` also sends
``/en/old/`` to the English page.

The plugin writes each redirect once, from the default language's files (it
knows nothing of mkdocs-static-i18n); in each other language's build this hook
writes the same redirect below that language's folder with the plugin's own
functions, pointing at the page of that language.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs_redirects.plugin import get_html_path, get_relative_html_path, write_html

from sitehook import current_language, is_default_language_build

log = get_plugin_logger("redirects")

state: dict = {}


@event_priority(-110)  # after static-i18n (-100) has made this language's file list
def on_files(files, config):
    state["urls"] = {file.src_uri: file.url for file in files.documentation_pages()}


def on_post_build(config):
    redirects = config.plugins.get("redirects")
    if redirects is None or is_default_language_build(config):
        return
    lang = current_language(config)
    udu = config.use_directory_urls
    for old, new in redirects.config["redirect_maps"].items():
        old_here = f"{lang}/{old}"
        if new.lower().startswith(("http://", "https://")):
            write_html(config.site_dir, get_html_path(old_here, udu), new)
            continue
        path, hash_mark, fragment = new.partition("#")
        url = state["urls"].get(path.removesuffix(".md") + f".{lang}.md")
        if url is None:
            log.warning(f"mkdocs.yml: redirect '{old}' -> '{new}': '{new}' has no {lang} page; create it.")
            continue
        write_html(
            config.site_dir,
            get_html_path(old_here, udu),
            get_relative_html_path(old_here, url + hash_mark + fragment, udu),
        )
