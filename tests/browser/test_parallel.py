"""The parallel reading view: Chinese and English side by side, paired paragraph by paragraph."""

from __future__ import annotations

import pytest

from conftest import PHONE, lent_tab

pytestmark = pytest.mark.browser


# Per section (heading id), per column: how many paragraphs, lists, admonitions,
# notes and diagrams it holds; and every row's two columns.
SECTIONS = """() => {
  const BLOCKS = [':scope > p', ':scope > ul', ':scope > ol', ':scope > div', ':scope > details',
                  ':scope > blockquote', ':scope > pre'].join(', ');
  const sections = [];
  for (const node of document.querySelector('article').children) {
    if (/^H[1-6]$/.test(node.tagName)) sections.push({id: node.id, zh: 0, en: 0, rows: []});
    if (!node.classList.contains('parallel-row') || !node.classList.contains('parallel-row--text')) continue;
    const cols = [...node.children];
    const section = sections[sections.length - 1];
    section.rows.push(cols.map(c => c.getAttribute('lang')));
    for (const col of cols) {
      const key = col.getAttribute('lang') === 'en' ? 'en' : 'zh';
      section[key] += col.querySelectorAll(BLOCKS).length;
    }
  }
  return sections;
}"""


def parallel_link_problems(tab, parallel_url: str) -> list[str]:
    """A chapter's one link to its parallel view: there, clickable (Playwright's actionability
    checks, without the click) and going to ``parallel_url``, the view's address."""
    link = tab.locator("article p.parallel-link a")
    if link.count() != 1:
        return [f"{link.count()} links to the parallel view"]
    link.click(trial=True)  # visible, enabled, not covered: what a click needs (no script handles it)
    href = link.evaluate("a => a.href")
    return [] if href == parallel_url else [f"the parallel-view link goes to {href}, not {parallel_url}"]


def parallel_view_problems(tab) -> list[str]:
    """What is wrong with the parallel view open in ``tab``: a section without rows, a row that is not
    a Chinese then an English column, or a section whose columns differ in blocks (or have none)."""
    sections = tab.evaluate(SECTIONS)
    if not sections or not all(s["rows"] for s in sections):
        return [f"sections without rows: {sections}"]
    # every row has a Chinese then an English column, and the counts agree section by section
    return [
        f"section #{s['id']}: {s}"
        for s in sections
        if not (all(row == ["zh-Hans", "en"] for row in s["rows"]) and s["zh"] == s["en"] and s["zh"] > 0)
    ]


# Every chapter's link to its parallel view, and every parallel view's rows, in both languages:
# tests/browser/test_security_headers.py checks them in its one pass over every URL, with the
# two functions above


def test_section_ids_work_in_the_parallel_view(page, base_url):
    page.goto(f"{base_url}/en/parallel/immunology/cytokines/#il-17")
    heading = page.locator("h2#il-17")
    assert heading.inner_text().startswith("1.3.1 Osteoporosis and IL-17")
    title_row = heading.locator("xpath=following-sibling::div[1]")
    assert title_row.locator('[lang="zh-Hans"] .parallel-title').inner_text() == "1.3.1 骨质疏松症与 IL-17"
    assert title_row.locator('[lang="en"] .parallel-title').inner_text() == "1.3.1 Osteoporosis and IL-17"
    first_row = title_row.locator("xpath=following-sibling::div[1]")
    assert first_row.locator('[lang="zh-Hans"]').inner_text().startswith("IL-17 是通过刺激与破骨相关的间质细胞")
    assert first_row.locator('[lang="en"]').inner_text().startswith("IL-17 exerts its bone-resorbing effect")


def test_citations_and_notes_render_in_each_column_language(page, base_url):
    page.goto(f"{base_url}/parallel/immunology/cytokines/")
    zh, en = page.locator('.parallel-col[lang="zh-Hans"]'), page.locator('.parallel-col[lang="en"]')
    assert zh.locator("sup.citation a").count() == en.locator("sup.citation a").count() > 0
    ref16 = 'sup.citation a[href$="/references/#ref-16"]'
    assert zh.locator(ref16).first.get_attribute("title").startswith("[16] 文献")
    assert en.locator(ref16).first.get_attribute("title").startswith("[16] Bibliographic")
    assert zh.locator(".editor-note .admonition-title").first.inner_text().startswith("编者注")
    assert en.locator(".editor-note .admonition-title").first.inner_text().startswith("Editor's note")
    text = page.locator("article").inner_text()
    assert "[[note:" not in text and "[@" not in text  # every marker rendered
    ids = page.eval_on_selector_all("[id]", "nodes => nodes.map(n => n.id)")
    assert len(ids) == len(set(ids)), "duplicate ids on the parallel page"


def test_columns_side_by_side_on_a_wide_screen_stacked_on_a_phone(page, base_url):
    tops = """() => [...document.querySelectorAll('.parallel-row--text')].slice(0, 6).map(row =>
        [...row.children].map(c => c.getBoundingClientRect()).map(r => [Math.round(r.top), Math.round(r.left)]))"""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base_url}/parallel/immunology/cytokines/")
    for (zh_top, zh_left), (en_top, en_left) in page.evaluate(tops):
        assert zh_top == en_top and en_left > zh_left  # same row, English on the right
    page.set_viewport_size({"width": 375, "height": 800})
    page.reload()
    for (zh_top, zh_left), (en_top, en_left) in page.evaluate(tops):
        assert en_top > zh_top and en_left == zh_left  # stacked, English under Chinese
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_language_switch_keeps_the_parallel_view(page, base_url):
    page.goto(f"{base_url}/parallel/immunology/t-cells/")
    # no per-page <link rel="alternate" hreflang> (overrides/main.html drops them: Material fetched a
    # sitemap.xml beside each); the language selector alone leads to the other language's view
    assert page.locator('link[rel="alternate"][hreflang]').count() == 0
    href = page.locator('a.md-select__link[hreflang="en"]').get_attribute("href")
    assert href.endswith("en/parallel/immunology/t-cells/")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_tapped_citation_opens_its_popover_in_the_column_language(device_context, kept_tab, base_url, prefix):
    """On a phone (375 px, touch) a citation in either column opens the popover in place, with the
    claim from that column's own reference list; Escape closes it and gives focus back."""
    with lent_tab(device_context(**PHONE), kept_tab) as page:
        page.goto(f"{base_url}/{prefix}parallel/immunology/cytokines/")
        popover = page.locator(".citation-popover")
        for lang, claim_word in (("zh-Hans", "支持的论述"), ("en", "Claim it supports")):
            column = page.locator(f'.parallel-col[lang="{lang}"]')
            link = column.locator("sup.citation a").nth(1)
            number = link.inner_text().strip()
            claim = column.locator(f'.chapter-references [data-ref="{number}"] .chapter-reference__claim')
            link.scroll_into_view_if_needed()
            link.tap()
            popover.wait_for(state="visible")
            # stayed in place (Material's scroll tracking may set a section's #id, never #ref-)
            assert "/parallel/" in page.url and "#ref-" not in page.url
            text = popover.inner_text()
            assert f"[{number}]" in text and claim_word in text
            assert claim.inner_text().strip() in text
            assert page.evaluate("document.activeElement.classList.contains('citation-popover')")
            page.keyboard.press("Escape")
            popover.wait_for(state="hidden")
            assert link.evaluate("a => document.activeElement === a")
