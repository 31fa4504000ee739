"""The PDF's print page, finished inside the build (print-site on: ``PRINT_SITE=true``).

mkdocs-print-site-plugin renders its one page of the whole site in its own
on_post_build, after every page's on_post_page (hooks/plugin_internals.py), so
it lacks what the hooks give ordinary pages. Right after the plugin writes it,
in the same language pass, this hook adds:

- the page's language tag (hooks/html_lang.py: "zh-Hans"), and the cover's
  title as the document's (the PDF's Title);
- anchors on the print page for the diagrams' SVG links, which the plugin does
  not rewrite (``sitecheck.printpage.link_diagrams``), listed as ordinary links
  too so they get PDF destinations; every element of a page under the
  page-prefixed id the plugin links to; no links to files (they would point
  next to the print page); every ``<details>`` open;
- Noto Sans CJK SC subsets with exactly the page's characters (hooks/printfonts.py)
  as @font-face rules, and the page number in the page's language (labels.yml
  ``print_page_number``) as a CSS margin box.

The cover's build date is the cover template's (overrides/partials/print-cover.html
reads ``config.extra.print_build_date``, set here). scripts/pdf.py only prints the page.
"""

from __future__ import annotations

from pathlib import Path

import printfonts
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import plugin_internals
from sitecheck import printpage
from sitecheck.model import html_language
from sitehook import build_date, current_language, read_labels

FONT_DIR = "fonts"  # beside the print page
PAGE_NUMBER_FAMILY = "Noto Sans CJK SC"

state: dict = {}  # reset per build (static-i18n builds once per language)


def on_config(config):
    state.clear()
    if plugin_internals.print_site_plugin(config) is not None:
        plugin_internals.drop_repeated_print_assets(config)
        config.extra["print_build_date"] = build_date()
        state["labels"] = read_labels(config)


def on_nav(nav, config, files):
    # the print page's sections are the nav's pages, each under the id of its URL
    state["page_urls"] = {plugin_internals.print_page_anchor(page.url): page.url for page in nav.pages}


@event_priority(-50)  # after print-site wrote its page (0), before static-i18n builds the next language (-100)
def on_post_build(config):
    path = plugin_internals.print_page_path(config)
    if path is None:
        return
    path = Path(path)
    if not path.is_file():
        raise PluginError(f"print page: mkdocs-print-site-plugin wrote no {path}; see hooks/plugin_internals.py.")
    lang = current_language(config)
    if plugin_internals.build_languages(config)[-1:] not in ([], [lang]):
        return  # the last language pass writes this file again (plugin_internals): work thrown away
    soup = printpage.parse(path.read_text(encoding="utf-8"))
    printpage.set_language(soup, html_language(lang))
    printpage.link_diagrams(soup, state.get("page_urls", {}), plugin_internals.print_page_anchor)
    printpage.title_from_cover(soup)
    printpage.open_details(soup)
    printpage.prefix_ids(soup)
    printpage.list_diagram_link_targets(soup)
    printpage.unlink_files(soup)
    printpage.substitute_characters(soup, printfonts.SUBSTITUTES)
    characters = printfonts.text_characters(str(soup))
    try:
        missing = printfonts.missing_characters(characters)
        if missing:
            raise printfonts.FontError(
                f"Noto Sans CJK SC has no glyph for {missing!r}; add a substitute to SUBSTITUTES in hooks/printfonts.py"
            )
        fonts = printfonts.font_face_css(characters, path.parent / FONT_DIR, f"{FONT_DIR}/")
    except printfonts.FontError as error:
        raise PluginError(f"print page ({lang}): {error}") from error
    words = state["labels"][lang]["print_page_number"]
    printpage.add_style(soup, fonts + "\n" + printpage.page_number_css(words, PAGE_NUMBER_FAMILY))
    path.write_text(str(soup), encoding="utf-8")
