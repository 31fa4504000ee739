"""The PDFs (``make pdf``): complete, navigable, and set in Noto Sans CJK SC."""

from __future__ import annotations

import re
import subprocess
from collections import Counter, defaultdict

import pytest
from pypdf import PdfReader
from releasefiles import built_release

from conftest import LANGUAGES, PAGES
from sitebuild import ROOT

# the first test builds the whole release (site, PDFs, zip): minutes on a busy machine
pytestmark = [pytest.mark.browser, pytest.mark.timeout(1200)]

SUFFIX = {"zh": ".md", "en": ".en.md"}
# The smallest a figure's label may print: the usual floor for labels read on paper (issue #12,
# point 2: legible when printed). A 150 mm cap on the figure's height printed them at 4.4 pt.
FIGURE_LABEL_MIN_PT = 6.0
NUMBER = {"zh": r"第\s*(\d+)\s*页", "en": r"Page\s*(\d+)"}


@pytest.fixture(scope="session")
def files(tmp_path_factory):
    return built_release(tmp_path_factory)


def pdf_path(files, lang):
    return files.downloads / f"osteoimmunology-{lang}.pdf"


def squash(text: str) -> str:
    """Text without any whitespace: PDF lines break anywhere in Chinese."""
    return re.sub(r"\s+", "", text)


def pdf_text(path, first=None, last=None) -> str:
    cmd = ["pdftotext", "-enc", "UTF-8"]
    if first:
        cmd += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run([*cmd, str(path), "-"], capture_output=True, text=True, check=True).stdout


def source(page: str, lang: str) -> str:
    """The Markdown source of a page ("immunology/" -> docs/immunology/index.md)."""
    name = page.rstrip("/") or "index"
    if page in ("immunology/", "autoimmune/"):
        name += "/index"
    return (ROOT / "docs" / (name + SUFFIX[lang])).read_text(encoding="utf-8")


def headings(markdown: str) -> list[str]:
    """The page's h1-h3 texts, without their { #id } and inline markup."""
    found = re.findall(r"^#{1,3} (.+?)(?:\s*\{[^}]*\})?\s*$", markdown, re.M)
    return [re.sub(r"[*_`]", "", h) for h in found]


def diagram_labels(markdown: str) -> list[str]:
    """The quoted node and edge labels of every Mermaid diagram on the page."""
    labels = []
    for block in re.findall(r"```mermaid\n(.*?)```", markdown, re.S):
        body = "\n".join(
            line for line in block.splitlines() if not re.match(r"\s*(click|accTitle|accDescr|classDef|style)\b", line)
        )
        for label in re.findall(r'"([^"]+)"', body):
            # line by line: pdftotext may interleave the lines of neighbouring nodes
            for line in re.split(r"<br\s*/?>|\n", label):
                line = re.sub(r"[`*]", "", line).strip().rstrip("-")  # it also joins hyphenated line ends
                if line:
                    labels.append(line)
    return labels


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pdf_exists_with_the_language_in_its_name(files, lang):
    path = pdf_path(files, lang)
    assert path.is_file() and path.stat().st_size > 100_000
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes", info, re.M), "not a tagged PDF"
    assert re.search(r"^Page size:.*\(A4\)", info, re.M), "not A4"
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert 40 <= pages <= 250, f"{pages} pages"


def test_zh_pdf_stays_under_8_mb(files):
    assert pdf_path(files, "zh").stat().st_size < 8_000_000


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cover_says_title_edition_and_date(files, lang):
    cover = pdf_text(pdf_path(files, lang), 1)
    if lang == "zh":
        assert "骨免疫学" in cover and "教学版" in cover and "生成日期" in cover
    else:
        assert "Osteoimmunology" in cover and "translation" in cover and "Built" in cover
    assert re.search(r"20\d\d", cover)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_chapter_heading_is_in_the_pdf(files, lang):
    text = squash(pdf_text(pdf_path(files, lang)))
    missing = [(p, h) for p in PAGES for h in headings(source(p, lang)) if squash(h) not in text]
    assert missing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_outline_has_an_entry_per_chapter(files, lang):
    reader = PdfReader(pdf_path(files, lang))
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(squash(item.title))
                assert reader.get_destination_page_number(item) >= 0

    walk(reader.outline)
    missing = [p for p in PAGES if squash(headings(source(p, lang))[0]) not in titles]
    assert missing == []
    # the titles are the headings' text, once (Chromium repeats it; scripts/pdf.py fixes that)
    toc = {"zh": "目录", "en": "Contents"}[lang]
    assert toc in titles and toc * 2 not in titles


@pytest.mark.parametrize("lang", LANGUAGES)
def test_citations_link_to_every_reference(files, lang):
    """Each [@n] citation is a link whose named destination is reference n on the references pages."""
    path = pdf_path(files, lang)
    reader = PdfReader(path)
    dests = reader.named_destinations
    linked = set()
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            dest = annot.get("/Dest") or (annot.get("/A") or {}).get("/D")
            if dest is not None and re.search(r"references-ref-\d+$", str(dest)):
                linked.add(str(dest))
    numbers = {int(re.search(r"(\d+)$", d).group(1)) for d in linked}
    assert numbers == set(range(1, 42))
    for name in linked:
        target = dests[name] if name in dests else dests[name.lstrip("/")]
        page_no = reader.get_destination_page_number(target) + 1
        n = re.search(r"(\d+)$", name).group(1)
        assert f"[{n}]" in pdf_text(path, page_no), f"{name} lands on page {page_no} without [{n}]"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_internal_links_resolve(files, lang):
    """The table of contents and cross-references are links to places inside the PDF."""
    reader = PdfReader(pdf_path(files, lang))
    dests = {k.lstrip("/") for k in reader.named_destinations}
    internal, dangling = 0, []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            dest = annot.get("/Dest") or (annot.get("/A") or {}).get("/D")
            if dest is None:
                uri = str((annot.get("/A") or {}).get("/URI", ""))
                assert not uri.startswith("file:"), f"link to a file: {uri}"
                continue
            internal += 1
            if isinstance(dest, str) and dest.lstrip("/") not in dests:
                dangling.append(dest)
    assert internal > 200 and dangling == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_diagram_is_drawn_with_its_labels(files, lang):
    text = squash(pdf_text(pdf_path(files, lang)))
    labels = [(p, label) for p in PAGES for label in diagram_labels(source(p, lang))]
    assert len(labels) > 30
    missing = [(p, label) for p, label in labels if squash(label) not in text]
    assert missing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_is_numbered_once_in_its_language(files, lang):
    path = pdf_path(files, lang)
    pages = pdf_text(path).split("\f")[:-1]
    other = NUMBER["en" if lang == "zh" else "zh"]
    for i, page in enumerate(pages, start=1):
        assert re.findall(NUMBER[lang], page) == [str(i)], f"page {i}: {re.findall(NUMBER[lang], page)}"
        assert not re.search(other, page), f"page {i} also numbered in the other language"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_fonts_are_embedded_noto_cjk_sc(files, lang):
    out = subprocess.run(["pdffonts", str(pdf_path(files, lang))], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows
    for row in rows:
        name = row[0]
        assert re.match(r"[A-Z]{6}\+Noto(Sans|Serif|SansMono)CJKsc-", name), f"font {name} is not Noto CJK SC"
        assert "Type 3" not in " ".join(row), row
    assert all(row[-5] == "yes" for row in rows), "a font is not embedded"


# A figure prints on one page with its caption (test_print_chapter.py's one-page test), so only
# pages that name a figure are read with pypdf: reading all ≈ 100 took 4-6 s a language.
FIGURE_RE = {"zh": r"图\s*\d", "en": r"Figure\s*\d"}


def printed_text_scales(path, lang) -> dict[int, dict[float, list[tuple[str, float]]]]:
    """Per page that names a figure (its number -> ...): the scale of each coordinate system text
    is drawn in -> its runs (text, printed size in pt). Chromium draws a page's text in one system
    (CSS px to pt), and an SVG's text in the SVG's own, scaled as the figure was printed; the size
    is the font's times both scales."""
    texts = pdf_text(path).split("\f")[:-1]
    reader = PdfReader(path)
    pages = {}
    for number, text in enumerate(texts, 1):
        if not re.search(FIGURE_RE[lang], text):
            continue
        page = reader.pages[number - 1]
        runs = defaultdict(list)

        def visit(text, cm, tm, _font, size, runs=runs):
            if text.strip():
                scale = (cm[2] ** 2 + cm[3] ** 2) ** 0.5
                runs[round(scale, 4)].append((text.strip(), size * (tm[2] ** 2 + tm[3] ** 2) ** 0.5 * scale))

        page.extract_text(visitor_text=visit)
        pages[number] = runs
    return pages


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_figure_prints_its_labels_large_enough_to_read(files, lang):
    """Each figure's labels print at FIGURE_LABEL_MIN_PT or more. A figure's text is the text drawn at
    a scale other than the page text's (the most common) and the margin boxes' (0.75)."""
    pages = printed_text_scales(pdf_path(files, lang), lang)
    count = Counter()
    for runs in pages.values():
        for scale, texts in runs.items():
            count[scale] += len(texts)
    body = count.most_common(1)[0][0]
    figures = [
        (number, texts) for number, runs in pages.items() for scale, texts in runs.items() if scale not in (body, 0.75)
    ]
    # what was found is every figure, and only figures: as many as the diagrams, each its labels
    labels = squash("".join(label for p in PAGES for label in diagram_labels(source(p, lang))))
    diagrams = sum(source(p, lang).count("```mermaid") for p in PAGES)
    assert len(figures) == diagrams
    for number, texts in figures:
        # a label Mermaid wrapped at its hyphen ("Osteoclast-" / "related") is one in the source
        assert all(squash(text).rstrip("-") in labels for text, _pt in texts), f"page {number}: not a figure's text"
    small = {number: round(min(pt for _text, pt in texts), 2) for number, texts in figures}
    too_small = {n: pt for n, pt in small.items() if pt < FIGURE_LABEL_MIN_PT}
    assert too_small == {}, f"smallest label (pt) per page: {small}"
