"""Deep links: one section-link control on every heading (permalink + copy link), a citation under numbered ones."""

from __future__ import annotations

import datetime
import subprocess

import pytest

from sitebuild import ROOT

pytestmark = pytest.mark.browser

# the date each language's file of the page last changed (the "Updated" date of its citations)
GIT_DATE = {
    lang: subprocess.run(
        ["git", "log", "-1", "--format=%cs", "--", f"docs/immunology/cytokines{suffix}.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    for lang, suffix in (("zh", ""), ("en", ".en"))
}


@pytest.fixture
def clipboard_page(browser_context, base_url):
    browser_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    tab = browser_context.new_page()
    yield tab
    tab.close()
    browser_context.clear_permissions()


@pytest.fixture
def clock_page(browser, base_url):
    """A tab in a context of its own: Playwright's clock belongs to the whole context, and a
    fixed clock left in the shared one stops the debounced search of every later test."""
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_copy_link_copies_the_absolute_section_url(clipboard_page, base_url, prefix):
    page = clipboard_page
    # arrive from a search result (?h=…): the copied URL is the clean section URL
    page.goto(f"{base_url}/{prefix}immunology/cytokines/?h=IL#cytokines")
    control = page.locator("#il-6 a.section-tools__copy")
    control.click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{base_url}/{prefix}immunology/cytokines/#il-6"
    expected = "已复制链接" if prefix == "" else "Link copied"
    assert page.locator("#il-6 .section-tools__status").inner_text() == expected


def test_section_link_is_one_labelled_control_reachable_by_keyboard(clipboard_page, base_url):
    page = clipboard_page
    page.goto(f"{base_url}/en/immunology/t-cells/")
    control = page.locator("h1#t-cells a.section-tools__copy")
    assert control.get_attribute("aria-label") == "Copy link to this section: 1.1 Osteoporosis and T lymphocytes"
    assert control.get_attribute("href") == "#t-cells"  # still the permalink
    # one tab stop per heading: from the control, Tab leaves the heading
    control.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("!document.querySelector('h1#t-cells').contains(document.activeElement)")
    # Enter copies the section's link
    control.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("navigator.clipboard.readText()") == f"{base_url}/en/immunology/t-cells/#t-cells"
    # following it is following the permalink: the address bar shows the section
    page.locator("h2#key-points a.section-tools__copy").click()
    assert page.evaluate("location.hash") == "#key-points"


def test_every_h1_h2_h3_has_one_copy_button(page, base_url):
    page.goto(f"{base_url}/immunology/cytokines/")
    counts = page.evaluate(
        "() => [...document.querySelectorAll('.md-content h1[id], .md-content h2[id], .md-content h3[id]')]"
        ".map(h => [h.querySelectorAll('a.section-tools__copy').length, h.querySelectorAll('a, button').length])"
    )
    assert counts and {tuple(c) for c in counts} == {(1, 1)}  # one control, nothing else focusable
    label = page.locator("#il-17 a.section-tools__copy").get_attribute("aria-label")
    assert label == "复制本节链接：1.3.1 骨质疏松症与 IL-17"


SITE_URL = "http://127.0.0.1:8000"  # the build's SITE_URL: citations name the published address


def test_cite_this_section_in_chinese_is_gbt7714_with_todays_date_and_copies(clock_page, base_url):
    page = clock_page
    # the reader's clock, far from the build date: the access date is the reader's day
    page.clock.set_fixed_time(datetime.datetime(2031, 2, 3, 10, 0))
    page.goto(f"{base_url}/immunology/cytokines/")
    cite = page.locator('details.section-cite[data-section="il-17"]')
    assert cite.locator("summary").inner_text().strip() == "引用本节 GB/T 7714—2015"
    cite.locator("summary").click()
    expected = (
        "骨免疫学 · 骨质疏松症的免疫学因素: 1.3.1 骨质疏松症与 IL-17[EB/OL]. "
        f"({GIT_DATE['zh']})[2031-02-03]. {SITE_URL}/immunology/cytokines/#il-17."
    )
    assert cite.locator(".section-cite__text").inner_text() == expected
    cite.locator("button.section-cite__copy").click()
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert cite.locator(".section-tools__status").inner_text() == "已复制引用"


def test_cite_this_section_in_english_is_ama_with_todays_date_and_copies(clock_page, base_url):
    page = clock_page
    page.clock.set_fixed_time(datetime.datetime(2031, 2, 3, 10, 0))
    page.goto(f"{base_url}/en/immunology/cytokines/")
    cite = page.locator('details.section-cite[data-section="il-17"]')
    assert cite.locator("summary").inner_text().strip() == "Cite this section AMA (11th edition)"
    cite.locator("summary").click()
    updated = datetime.date.fromisoformat(GIT_DATE["en"])
    expected = (
        "1.3.1 Osteoporosis and IL-17. Osteoimmunology · Immunological Factors in Osteoporosis. "
        f"Updated {updated:%B} {updated.day}, {updated.year}. Accessed February 3, 2031. "
        f"{SITE_URL}/en/immunology/cytokines/#il-17"
    )
    assert cite.locator(".section-cite__text").inner_text() == expected
    cite.locator("button.section-cite__copy").click()
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert cite.locator(".section-tools__status").inner_text() == "Citation copied"


@pytest.mark.parametrize(
    "prefix, name, kind",
    [
        ("", "osteoimmunology-zh-il-17.ris", "application/x-research-info-systems"),
        ("en/", "osteoimmunology-en-il-17.bib", "application/x-bibtex"),
    ],
)
def test_ris_and_bibtex_links_download_files(page, base_url, prefix, name, kind):
    page.goto(f"{base_url}/{prefix}immunology/cytokines/")
    page.locator('details.section-cite[data-section="il-17"] summary').click()
    link = page.locator(f'details.section-cite[data-section="il-17"] a[download="{name}"]')
    with page.expect_download() as info:
        link.click()
    assert info.value.suggested_filename == name
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok and response.headers["content-type"] == kind


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
    assert f"{SITE_URL}/en/immunology/b-cells/#b-cells" in copied
    assert cite.locator(".section-tools__status").inner_text() == "Citation copied"
