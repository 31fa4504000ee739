"""Printing a chapter from the browser (issue #17, point 5), checked on the PDF that
Chromium makes (page.pdf, A4) and read back with pdftotext page by page: each
figure's lead-in line, diagram and caption on one page; no page ending in a
heading; the handout button prints the questions without their answers."""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import LANGUAGES

pytestmark = pytest.mark.browser

# window.print() would open a dialog; record that it was called and with which marks on <html>
STUB_PRINT = "window.print = () => { window.__printedWith = document.documentElement.className; };"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_pages(page, url: str, tmp_path, handout: bool = False) -> list[str]:
    page.add_init_script(STUB_PRINT)
    page.goto(url)
    if handout:
        page.locator(".print-handout__button").click()
        assert "print-no-answers" in page.evaluate("window.__printedWith")
    page.emulate_media(media="print")
    # Material opens every <details> when the browser prints (beforeprint); do it
    # here too, so the answers are in the DOM's print layout either way
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    pdf = tmp_path / "chapter.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [squash(p) for p in text.split("\f") if p.strip()]


def pages_in_printed_order(pdf) -> list[str]:
    """Each page's text in the order Chromium drew it (pdftotext -raw). Not -layout, which reads
    across the page line by line: a caption printed beside its figure (print.css) comes out
    interleaved with the figure's labels."""
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [squash(p) for p in text.split("\f") if p.strip()]


@pytest.fixture
def print_page(browser_context):
    tab = browser_context.new_page()
    tab.set_viewport_size({"width": 1280, "height": 900})
    yield tab
    tab.close()


@pytest.fixture(scope="module")
def printed(browser_context, tmp_path_factory, base_url):
    """printed(lang, path) -> (tab, pages, pdf): the chapter printed once for all the tests that read
    its ordinary printout, in a tab left open on it for them to read its DOM."""
    made: dict[tuple[str, str], tuple] = {}
    folder = tmp_path_factory.mktemp("printed")

    def get(lang: str, path: str):
        if (lang, path) not in made:
            tab = browser_context.new_page()
            tab.set_viewport_size({"width": 1280, "height": 900})
            out = folder / f"{lang}-{path.strip('/').replace('/', '-')}"
            out.mkdir()
            made[lang, path] = tab, pdf_pages(tab, f"{base_url}/{LANGUAGES[lang]}{path}", out), out / "chapter.pdf"
        return made[lang, path]

    yield get
    for tab, _pages, _pdf in made.values():
        tab.close()


FIGURES = {  # page: figure numbers, each with an editorial lead-in line
    "immunology/cytokines/": [3, 4],
    "immunology/b-cells/": [2],
    "autoimmune/rheumatoid-arthritis/": [6],
}
LEAD_IN = {"zh": "编者补充的图解：图{n}", "en": "Editorialdiagram:Figure{n}"}
CAPTION = {"zh": "图{n}", "en": "Figure{n}"}


@pytest.mark.parametrize("path", list(FIGURES))
@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_figure_lead_in_diagram_and_caption_print_on_one_page(printed, lang, path):
    tab, _pages, pdf = printed(lang, path)
    pages = pages_in_printed_order(pdf)
    captions = tab.evaluate("[...document.querySelectorAll('.figure-caption')].map(c => c.textContent)")
    for n, caption in zip(FIGURES[path], captions, strict=True):
        lead = LEAD_IN[lang].format(n=n)
        cap = squash(caption)[:20]
        assert cap.startswith(CAPTION[lang].format(n=n))
        on = [i for i, text in enumerate(pages, 1) if lead in text]
        assert len(on) == 1, f"figure {n}: lead-in found on pages {on}"
        assert cap in pages[on[0] - 1], f"figure {n}: caption not on page {on[0]} with its lead-in and diagram"


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_no_printed_page_ends_with_a_heading(printed, lang):
    tab, pages, _pdf = printed(lang, "immunology/cytokines/")
    headings = tab.evaluate(
        """() => [...document.querySelectorAll('.md-content h1, .md-content h2, .md-content h3, .source-subtitle')]
             .map(h => h.textContent.replace(/\\s+/g, ''))"""
    )
    assert len(pages) > 3
    for number, text in enumerate(pages[:-1], 1):
        assert not any(text.endswith(h) for h in headings if h), f"page {number} ends with a heading"


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_handout_prints_questions_without_answers(printed, print_page, base_url, tmp_path, lang):
    url = f"{base_url}/{LANGUAGES[lang]}immunology/cytokines/"
    tab, pages, _pdf = printed(lang, "immunology/cytokines/")
    full = "".join(pages)
    question = squash(tab.locator("details.question > summary").first.inner_text())
    # the whole answer (its opening words recur in the key points and captions)
    answer = squash(tab.evaluate("document.querySelector('details.question > p').textContent"))
    assert question in full and answer in full  # an ordinary print keeps the answers
    print_page.emulate_media(media="screen")
    handout = "".join(pdf_pages(print_page, url, tmp_path, handout=True))
    assert question in handout and answer not in handout
    # the button is not printed, and after printing the page is as it was
    label = squash(print_page.locator(".print-handout__button").inner_text())
    assert label not in handout and label not in full
    print_page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not print_page.evaluate("document.documentElement.classList.contains('print-no-answers')")


@pytest.mark.parametrize("lang", list(LANGUAGES))
@pytest.mark.parametrize("path", ["immunology/t-cells/", "immunology/cytokines/"])
def test_chapter_printout_carries_its_reference_list(printed, lang, path):
    tab, pages, _pdf = printed(lang, path)
    full = "".join(pages)
    heading = squash(tab.locator("#references-cited").inner_text()).rstrip("¶")
    cited = tab.evaluate(
        """() => [...new Set([...document.querySelectorAll("sup.citation a[href*='#ref-']")]
                  .map(a => a.hash.replace('#ref-', '')))].sort((a, b) => a - b)"""
    )
    assert cited and heading in full
    # after the list's heading (its last occurrence: the printout's end), every number the
    # chapter cites, each with the claim it supports (words printed nowhere else)
    listing = full[full.rindex(heading) :]
    for n in cited:
        claim = tab.locator(f'.chapter-references [data-ref="{n}"] .chapter-reference__claim').inner_text()
        assert f"[{n}]" in listing, f"reference {n} is not in the printed list"
        assert squash(claim)[:30] in listing, f"reference {n}: its claim is not printed"


def test_a_chapter_printed_with_a_dark_system_setting_is_on_white_paper(browser, base_url, tmp_path):
    """The dark palette's color-scheme <meta> ("dark") painted the margins around the printed
    content near-black; print.css gives the printout a light colour scheme."""
    context = browser.new_context(color_scheme="dark", viewport={"width": 1280, "height": 900})
    try:
        tab = context.new_page()
        tab.goto(f"{base_url}/en/immunology/cytokines/")
        assert tab.evaluate("() => document.querySelector('meta[name=color-scheme]').content") == "dark"
        pdf = tmp_path / "dark.pdf"
        tab.pdf(path=str(pdf), format="A4", print_background=True)
    finally:
        context.close()
    subprocess.run(["pdftoppm", "-r", "20", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    image = next(tmp_path.glob("page*.ppm")).read_bytes()
    magic, size, _depth, pixels = image.split(b"\n", 3)
    width, height = map(int, size.split())
    assert magic == b"P6"
    # a corner of the page and the middle of its left margin
    for x, y in [(1, 1), (2, height // 2)]:
        at = (y * width + x) * 3
        assert min(pixels[at : at + 3]) > 240, (x, y, tuple(pixels[at : at + 3]))
