"""Every page in both languages, with the same heading ids, citations and diagrams.

Runs once per ``mkdocs build`` (in the default-language pass of
mkdocs-static-i18n) over the Markdown files on disk; findings are warnings,
so ``strict: true`` stops the build.
"""

from __future__ import annotations

from mkdocs.plugins import get_plugin_logger

from sitecheck.parity import (
    citation_findings,
    diagram_findings,
    english_path,
    heading_findings,
    missing_translations,
)
from sitehook import is_default_language_build, report, site_model

log = get_plugin_logger("parity")


def on_pre_build(config):
    if not is_default_language_build(config):
        return
    sources = site_model(config).sources
    report(log, missing_translations(sources))
    for zh_path, zh_text in sources.items():
        en = english_path(zh_path)
        if zh_path.endswith(".en.md") or en not in sources:
            continue
        report(log, heading_findings(zh_path, zh_text, en, sources[en]))
        report(log, citation_findings(zh_path, zh_text, en, sources[en]))
        report(log, diagram_findings(zh_path, zh_text, en, sources[en]))
