"""Every page in every language, with the same heading ids, citations and diagrams.

Runs once per ``mkdocs build`` (in the default-language pass of
mkdocs-static-i18n) over the site model's pages; each translation is compared with
its default-language original. Findings are warnings, so ``strict: true`` stops the build.
"""

from __future__ import annotations

from mkdocs.plugins import get_plugin_logger

from sitecheck.parity import (
    citation_findings,
    diagram_findings,
    heading_findings,
    missing_translations,
)
from sitehook import is_default_language_build, report, site_model

log = get_plugin_logger("parity")


def on_pre_build(config):
    if not is_default_language_build(config):
        return
    site = site_model(config)
    report(log, missing_translations([(p.path, p.key, p.lang) for p in site.pages], site.languages, site.source_path))
    translations = {lang: site.in_language(lang) for lang in site.other_languages}
    for key, original in site.in_language(site.default_language).items():
        headings, citations, diagrams = [], [], []
        for lang, pages in translations.items():
            if key not in pages:
                continue  # a missing translation: reported above
            pair = (original.path, original.text, pages[key].path, pages[key].text)
            headings += heading_findings(*pair, (site.default_language, lang))
            citations += citation_findings(*pair, (site.default_language, lang))
            diagrams += diagram_findings(*pair)
        # the original's own findings (a heading without an id) once, however many translations it has
        for found in (headings, citations, diagrams):
            report(log, dict.fromkeys(found))
