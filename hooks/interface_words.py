"""Interface words (docs/_data/labels.yml) for the templates and the page scripts.

- ``config.extra.labels``: every language's words; a template takes its
  language's with ``config.extra.labels[config.theme.language]``.
- ``config.extra.script_labels``: per language, the words the page scripts
  (docs/assets/javascripts/) read; ``partials/site-labels.html`` embeds them as
  one JSON block per page, so no script carries words of its own. Every language,
  not only the page's: the parallel view's columns speak both.
"""

from __future__ import annotations

from sitehook import read_labels

# The words docs/assets/javascripts/*.js read from the page's JSON block
# (``WORDS.<key>``); only these, not all of labels.yml, travel with every page.
SCRIPT_WORDS = (
    "colon",
    "section_copy_link",
    "section_link_copied",
    "cite_copy",
    "cite_copied",
    "cite_failed",
    "popover_label",
    "popover_close",
    "glossary_count",
    "glossary_none",
)


def script_labels(labels: dict) -> dict:
    """Per language, the words the page scripts read."""
    return {lang: {key: words[key] for key in SCRIPT_WORDS} for lang, words in labels.items()}


def on_config(config):
    labels = read_labels(config)
    config.extra["labels"] = labels
    config.extra["script_labels"] = script_labels(labels)
    return config
