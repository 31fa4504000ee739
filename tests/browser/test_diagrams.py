"""Every Mermaid diagram draws, in both languages, with no error output."""

from __future__ import annotations

import pytest
from chromium import WAIT_FOR_DIAGRAMS

from conftest import LANGUAGES, PAGES

pytestmark = pytest.mark.browser

# Mermaid's own error output, when it draws outside the diagram's element
STRAY_ERRORS = """
() => [...document.querySelectorAll("[id^='d__mermaid'], [id^='__mermaid']")]
  .map(e => e.textContent).filter(t => /error/i.test(t))
"""


def diagram_report(page, url: str) -> dict:
    console_errors: list[str] = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: console_errors.append(str(e)))
    page.goto(url)
    diagrams = page.evaluate(WAIT_FOR_DIAGRAMS)
    return {
        "diagrams": [{**d, "index": i} for i, d in enumerate(diagrams, start=1)],
        "strayErrors": page.evaluate(STRAY_ERRORS),
        "console": console_errors,
    }


@pytest.mark.parametrize("path", PAGES)
def test_every_diagram_draws_in_both_languages(page, base_url, path):
    counts = {}
    problems = []
    for lang, prefix in LANGUAGES.items():
        url = f"{base_url}/{prefix}{path}"
        state = diagram_report(page, url)
        counts[lang] = len(state["diagrams"])
        for d in state["diagrams"]:
            if not d["drawn"]:
                problems.append(f"{url}: diagram {d['index']} drew no SVG")
            elif d["error"] or "Syntax error" in d["text"]:
                problems.append(f"{url}: diagram {d['index']} shows Mermaid's error output: {d['text'][:200]}")
        problems += [f"{url}: Mermaid error element: {t[:200]}" for t in state["strayErrors"]]
        problems += [
            f"{url}: console error: {t[:300]}" for t in state["console"] if "mermaid" in t.lower() or "Parse error" in t
        ]
    assert problems == []
    assert counts["zh"] == counts["en"], f"/{path}: zh has {counts['zh']} diagrams, en has {counts['en']}"
