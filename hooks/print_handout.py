"""A "print as a handout" button on chapter pages: prints the chapter with the
self-check questions but without their answers (print.css hides them while
print-tools.js has put ``print-no-answers`` on <html>).

The button follows the last self-check question (so it adds no tab stop
before the questions), in the page's language (docs/_data/labels.yml), and
stays hidden until the script is there to run it.
"""

from __future__ import annotations

import re

from sitecheck.parallel import PARALLEL_DIR
from sitecheck.templates import fragment
from sitehook import current_language, read_labels

# a self-check question (CONTRIBUTING.md: '??? question'): no nested <details>
QUESTION_RE = re.compile(r'<details class="question">.*?</details>', re.S)

state: dict = {}  # reset per build (static-i18n builds once per language)


def on_config(config):
    state.clear()
    state["labels"] = read_labels(config)


def on_page_content(html, page, config, files):
    # handouts are printed from the chapter page; in the parallel view the button
    # would land in one language's column and unpair its rows
    if page.file.src_uri.startswith(PARALLEL_DIR + "/"):
        return html
    words = state["labels"][current_language(config)]
    button = fragment("print-handout.html", label=words["print_handout"], hint=words["print_handout_hint"])
    questions = list(QUESTION_RE.finditer(html))
    if not questions:
        return html
    end = questions[-1].end()
    return html[:end] + button + html[end:]
