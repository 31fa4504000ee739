"""First uses of glossary terms link to their entries (issue #17 point 3): once per page,
in the source's own text only, never in the editor's additions, in both languages."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from sitecheck.data import Record
from sitecheck.glossary import first_use_abbreviations, first_use_terms, link_first_uses

RECORDS = [
    Record(1, {"id": "osteoclast", "zh": "破骨细胞", "en": "osteoclast"}),
    Record(2, {"id": "rankl", "zh": "RANKL", "en": "RANKL", "abbr": "RANKL"}),
    Record(3, {"id": "b-cell", "zh": "B 淋巴细胞", "en": "B lymphocyte"}),
]

# A page as the build has it: an objectives box, two numbered subsections, a diagram with
# its lead-in and caption, an editor's note, key points and self-check questions
PAGES = {
    "zh": """
<h1 id="cytokines">1.3 破骨细胞与细胞因子</h1>
<div class="admonition objectives"><p class="admonition-title">学习目标</p><p>说明破骨细胞。</p></div>
<h2 id="il-17">1.3.1 骨质疏松症与 IL-17</h2>
<p>IL-17 刺激 <abbr title="x">RANKL</abbr> 表达，B淋巴细胞与破骨细胞；破骨细胞再次出现。</p>
<div class="admonition editor"><p class="admonition-title">编者注</p><p>B 淋巴细胞。</p></div>
<h2 id="il-6">1.3.2 骨质疏松症与 IL-6</h2>
<p><em>编者补充的图解：破骨细胞。</em></p>
<pre class="mermaid">破骨细胞</pre>
<p class="figure-caption" id="figure-3">图 3 破骨细胞</p>
<p>IL-6 与 <abbr title="x">RANKL</abbr> 和破骨细胞。</p>
<h2 id="key-points">要点</h2>
<div class="admonition keypoints"><p>破骨细胞与 <abbr title="x">RANKL</abbr>。</p></div>
<h2 id="self-check">自测题</h2>
<div class="admonition selfcheck"><p>破骨细胞</p></div>
<details class="question"><summary>1. 破骨细胞？</summary><p>破骨细胞与 B 淋巴细胞。</p></details>
""",
    "en": """
<h1 id="cytokines">1.3 Osteoclasts and cytokines</h1>
<div class="admonition objectives"><p class="admonition-title">Objectives</p><p>Explain osteoclasts.</p></div>
<h2 id="il-17">1.3.1 Osteoporosis and IL-17</h2>
<p>IL-17 makes <abbr title="x">RANKL</abbr>, B lymphocytes and osteoclasts; osteoclast again.</p>
<div class="admonition editor"><p class="admonition-title">Editor's note</p><p>B lymphocyte.</p></div>
<h2 id="il-6">1.3.2 Osteoporosis and IL-6</h2>
<p><em>Editor's diagram: osteoclasts.</em></p>
<pre class="mermaid">osteoclast</pre>
<p class="figure-caption" id="figure-3">Figure 3 osteoclasts</p>
<p>IL-6 and <abbr title="x">RANKL</abbr> and osteoclasts.</p>
<h2 id="key-points">Key points</h2>
<div class="admonition keypoints"><p>Osteoclasts and <abbr title="x">RANKL</abbr>.</p></div>
<h2 id="self-check">Self-check questions</h2>
<div class="admonition selfcheck"><p>osteoclast</p></div>
<details class="question"><summary>1. Osteoclasts?</summary><p>Osteoclasts and B lymphocytes.</p></details>
""",
}
# What the reader sees linked, in order: each term once on the page, in the first
# subsection's running text (not the objectives before it, nor the heading)
LINKED = {
    "zh": [("RANKL", "rankl"), ("B淋巴细胞", "b-cell"), ("破骨细胞", "osteoclast")],
    "en": [("RANKL", "rankl"), ("B lymphocytes", "b-cell"), ("osteoclasts", "osteoclast")],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_term_links_once_per_page_in_the_source_text(lang):
    html = link_first_uses(
        PAGES[lang], first_use_terms(RECORDS, lang), first_use_abbreviations(RECORDS), lang, "../glossary/", "t"
    )
    page = BeautifulSoup(html, "html.parser")
    links = page.select("a.glossary-link")
    assert [(a.get_text(), a["href"]) for a in links] == [(t, f"../glossary/#{i}") for t, i in LINKED[lang]]
    # all of them in §1.3.1's paragraph: no second link in §1.3.2, key points or answers
    assert {a.find_previous("h2")["id"] for a in links} == {"il-17"}
    assert all(a.find_parent("p").find_previous_sibling("h2")["id"] == "il-17" for a in links)
    # the abbreviation keeps its tooltip, wrapped whole
    assert links[0].abbr is not None and links[0].abbr["title"] == "x"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    "selector",
    [".objectives", ".editor", ".keypoints", ".selfcheck", "details.question", ".figure-caption", "pre.mermaid"],
)
def test_the_editors_additions_are_never_linked(lang, selector):
    # a term used ONLY in the editor's box (here: the box alone on a page) is still not linked there
    box = BeautifulSoup(PAGES[lang], "html.parser").select_one(selector)
    html = link_first_uses(
        f"<h1 id='x'>1 x</h1>{box}", first_use_terms(RECORDS, lang), first_use_abbreviations(RECORDS), lang, "g/", "t"
    )
    assert BeautifulSoup(html, "html.parser").select("a.glossary-link") == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_figures_lead_in_is_not_linked(lang):
    page = BeautifulSoup(PAGES[lang], "html.parser")
    lead_in = page.find("em").parent
    html = link_first_uses(
        f"<h1 id='x'>1 x</h1>{lead_in}<pre class='mermaid'>x</pre><p>{lead_in.em.get_text()}</p>",
        first_use_terms(RECORDS, lang),
        first_use_abbreviations(RECORDS),
        lang,
        "../glossary/",
        "t",
    )
    links = BeautifulSoup(html, "html.parser").select("a.glossary-link")
    # the same words after the diagram, in the source's text, are linked; the lead-in not
    assert len(links) == 1 and links[0].find_parent("em") is None


DIAGRAM = (
    '<div class="diagram" tabindex="0"><svg id="fig-1" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9">'
    "<title>破骨细胞</title><foreignObject><div><p>破骨细胞</p></div></foreignObject>"
    '<svg viewBox="0 0 1 1"><text>破骨细胞</text></svg><path d="M0 0"/></svg></div>'
)


@pytest.mark.parametrize("placeholder", ["", '<p><svg data-glossary-set-aside="0"></svg></p>'])
def test_a_diagrams_svg_comes_back_as_drawn_and_unlinked(placeholder):
    """The diagrams' SVG is set aside while the page is parsed: back byte for byte (viewBox,
    foreignObject and self-closed paths as drawn), nothing linked inside it, and the words
    after it still linked; a page that holds the placeholder's own text is parsed whole."""
    page = f"<h1 id='x'>1 x</h1>{placeholder}<p>破骨细胞</p>{DIAGRAM}<p>RANKL 与破骨细胞</p>"
    html = link_first_uses(page, first_use_terms(RECORDS, "zh"), first_use_abbreviations(RECORDS), "zh", "g/", "t")
    assert (DIAGRAM in html) == (placeholder == "")
    assert html.count('class="glossary-link"') == 2  # 破骨细胞 before the figure, RANKL after it
    assert BeautifulSoup(html, "html.parser").svg.find("a") is None
