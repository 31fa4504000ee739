"""Deep links: a copy-link button on every heading, a citation under numbered ones."""

from __future__ import annotations

import datetime

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def clipboard_page(browser_context, base_url):
    browser_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    tab = browser_context.new_page()
    yield tab
    tab.close()
    browser_context.clear_permissions()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_copy_link_copies_the_absolute_section_url(clipboard_page, base_url, prefix):
    page = clipboard_page
    # arrive from a search result (?h=…): the copied URL is the clean section URL
    page.goto(f"{base_url}/{prefix}immunology/cytokines/?h=IL#cytokines")
    button = page.locator("#il-6 button.section-tools__copy")
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{base_url}/{prefix}immunology/cytokines/#il-6"
    expected = "已复制链接" if prefix == "" else "Link copied"
    assert page.locator("#il-6 .section-tools__status").inner_text() == expected


def test_copy_link_is_a_labelled_button_reachable_by_keyboard(clipboard_page, base_url):
    page = clipboard_page
    page.goto(f"{base_url}/en/immunology/t-cells/")
    button = page.locator("h1#t-cells button.section-tools__copy")
    assert button.get_attribute("aria-label") == "Copy link to this section: 1.1 Osteoporosis and T lymphocytes"
    # Tab from the ¶ permalink lands on the button; Enter copies
    page.locator("h1#t-cells a.headerlink").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('section-tools__copy')")
    page.keyboard.press("Enter")
    assert page.evaluate("navigator.clipboard.readText()") == f"{base_url}/en/immunology/t-cells/#t-cells"


def test_every_h1_h2_h3_has_one_copy_button(page, base_url):
    page.goto(f"{base_url}/immunology/cytokines/")
    counts = page.evaluate(
        "() => [...document.querySelectorAll('.md-content h1[id], .md-content h2[id], .md-content h3[id]')]"
        ".map(h => h.querySelectorAll('button.section-tools__copy').length)"
    )
    assert counts and set(counts) == {1}
    label = page.locator("#il-17 button.section-tools__copy").get_attribute("aria-label")
    assert label == "复制本节链接：1.3.1 骨质疏松症与 IL-17"


def test_cite_this_section_in_chinese(page, base_url):
    page.goto(f"{base_url}/immunology/cytokines/")
    cite = page.locator('details.section-cite[data-section="il-17"]')
    assert cite.locator("summary").inner_text().strip().endswith("引用本节")
    cite.locator("summary").click()
    today = datetime.date.today()
    assert cite.locator(".section-cite__text").inner_text() == (
        f"《骨免疫学 · 骨质疏松症的免疫学因素》，1.3.1 骨质疏松症与 IL-17。"
        f"{base_url}/immunology/cytokines/#il-17（访问日期：{today.year}年{today.month}月{today.day}日）"
    )


def test_cite_this_section_in_english(page, base_url):
    page.goto(f"{base_url}/en/immunology/cytokines/")
    cite = page.locator('details.section-cite[data-section="il-17"]')
    assert cite.locator("summary").inner_text().strip().startswith("Cite this section")
    cite.locator("summary").click()
    today = datetime.date.today()
    assert cite.locator(".section-cite__text").inner_text() == (
        "\u201c1.3.1 Osteoporosis and IL-17.\u201d Osteoimmunology · Immunological Factors in Osteoporosis. "
        f"{base_url}/en/immunology/cytokines/#il-17 (accessed {today:%B} {today.day}, {today.year})."
    )


def test_cite_box_only_under_numbered_headings(page, base_url):
    page.goto(f"{base_url}/en/immunology/cytokines/")
    cited = page.eval_on_selector_all("details.section-cite", "boxes => boxes.map(b => b.dataset.section)")
    assert cited == ["cytokines", "il-17", "il-6", "tnf-alpha", "il-10", "tgf-beta1"]


def test_copy_citation_button(clipboard_page, base_url):
    page = clipboard_page
    page.goto(f"{base_url}/en/immunology/b-cells/")
    cite = page.locator('details.section-cite[data-section="b-cells"]')
    cite.locator("summary").click()
    cite.locator("button.section-cite__copy").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == cite.locator(".section-cite__text").inner_text()
    assert f"{base_url}/en/immunology/b-cells/#b-cells" in copied
    assert cite.locator(".section-tools__status").inner_text() == "Citation copied"
