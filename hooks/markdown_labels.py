"""Interface words that Markdown extensions write into the page, in the page's language.

The toc extension writes the permalink's title (``¶``, "本节链接") into every heading from
``mkdocs.yml``, which holds one value for both languages, and static-i18n may not override
``mdx_configs`` per language. MkDocs makes a new Markdown instance per page from
``config.mdx_configs``, so setting the title at the start of each language's pass is enough.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from sitehook import current_language, read_labels


@event_priority(-110)  # after static-i18n's on_config (-100) has set this pass's language
def on_config(config):
    labels = read_labels(config)[current_language(config)]
    toc = config.mdx_configs.setdefault("toc", {})
    toc["permalink_title"] = labels["permalink_title"]
    return config
