"""Every Mermaid diagram draws, in both languages, with no error output."""

from __future__ import annotations

import pytest

from conftest import LANGUAGES, PAGES

pytestmark = pytest.mark.browser

# Resolves when every diagram on the page has drawn (or failed): returns, per
# diagram, its index, whether an <svg> exists in its (opened) shadow root, and
# the SVG's text, so a failure can name page, diagram and error.
DIAGRAM_STATE = """
async () => {
  const deadline = Date.now() + 15000;
  const blocks = () => [...document.querySelectorAll("div.mermaid, pre.mermaid")];
  while (Date.now() < deadline) {
    const pending = blocks().filter(b => !(b.shadowRoot && b.shadowRoot.querySelector("svg")));
    if (pending.length === 0) break;
    await new Promise(r => setTimeout(r, 100));
  }
  const errors = [...document.querySelectorAll("[id^='d__mermaid'], [id^='__mermaid']")]
    .map(e => e.textContent).filter(t => /error/i.test(t));
  return {
    diagrams: blocks().map((b, i) => {
      const svg = b.shadowRoot && b.shadowRoot.querySelector("svg");
      return { index: i + 1, drawn: !!svg, text: svg ? svg.textContent : "",
               error: svg ? !!svg.querySelector(".error-icon, .error-text") : false,
               title: svg ? (svg.querySelector("title") || {}).textContent || "" : "" };
    }),
    strayErrors: errors,
  };
}
"""


def diagram_report(page, url: str) -> dict:
    console_errors: list[str] = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: console_errors.append(str(e)))
    page.goto(url)
    state = page.evaluate(DIAGRAM_STATE)
    state["console"] = console_errors
    return state


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
