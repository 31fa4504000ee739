"""First uses of glossary terms link to their entries (issue #17 point 3): once per page,
in the source's own text only, never in the editor's additions, in both languages."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from sitebuild import ROOT
from sitecheck.data import Record, load_records
from sitecheck.glossary import (
    EDITORIAL_CLASSES,
    NO_LINK_CLASSES,
    NO_LINK_INSIDE,
    _entry_of,
    _folded,
    _term_matches,
    _term_test,
    _terms_pattern,
    _with_svg,
    _without_svg,
    first_use_abbreviations,
    first_use_terms,
    link_first_uses,
    term_pattern,
)

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
    """The diagrams' SVG comes back byte for byte (viewBox, foreignObject and self-closed paths
    as drawn), nothing linked inside it, and the words after it still linked; also on a page
    that holds the placeholder's own text (then the page is scanned whole)."""
    page = f"<h1 id='x'>1 x</h1>{placeholder}<p>破骨细胞</p>{DIAGRAM}<p>RANKL 与破骨细胞</p>"
    html = link_first_uses(page, first_use_terms(RECORDS, "zh"), first_use_abbreviations(RECORDS), "zh", "g/", "t")
    assert DIAGRAM in html
    assert html.count('class="glossary-link"') == 2  # 破骨细胞 before the figure, RANKL after it
    assert BeautifulSoup(html, "html.parser").svg.find("a") is None


def test_only_the_links_are_added_every_other_byte_stays():
    """The page's own bytes are kept (BeautifulSoup wrote them out again: &#91; became [, blank
    lines went, quotes changed): the output is the input with the links' tags inserted."""
    page = (
        "<h1 id='x'>1 x</h1>\n\n<p>&#91;1&#93; IL-6 &amp; 破&#39;骨 B 淋巴细胞 "
        "<abbr title='x'>RANKL</abbr><br>\n<img alt=\"破骨细胞\"></p>\n\n<p>破骨细胞</p>"
    )
    html = link_first_uses(page, first_use_terms(RECORDS, "zh"), first_use_abbreviations(RECORDS), "zh", "g/", "t")
    link = '<a class="glossary-link" href="g/#{}" title="t">'
    assert html == (
        "<h1 id='x'>1 x</h1>\n\n<p>&#91;1&#93; IL-6 &amp; 破&#39;骨 "
        f"{link.format('b-cell')}B 淋巴细胞</a> "
        f"{link.format('rankl')}<abbr title='x'>RANKL</abbr></a><br>\n<img alt=\"破骨细胞\"></p>\n\n"
        f"<p>{link.format('osteoclast')}破骨细胞</a></p>"
    )


# --- The same links as BeautifulSoup's tree of the page gave ----------------------------------
# link_first_uses() scans the page (sitecheck/htmlscan.py) where it parsed it with BeautifulSoup
# (html.parser) and wrote it out again; this is that code, the reference it must agree with.


def reference_link_first_uses(html, terms, abbrs, lang, glossary_url, link_title):
    from bs4 import NavigableString, Tag

    def closed(element) -> bool:
        classes = element.get("class") or []
        if element.name in NO_LINK_INSIDE or NO_LINK_CLASSES.intersection(classes):
            return True
        if EDITORIAL_CLASSES.intersection(classes):
            return True
        following = element.find_next_sibling() if element.name == "p" else None
        return following is not None and bool({"mermaid", "diagram"}.intersection(following.get("class") or []))

    def reading_stream(element, stream, in_abbr=False):
        for child in element.contents:
            if isinstance(child, Tag):
                if child.name == "abbr":
                    stream.append(("abbr", child))
                if not closed(child):
                    reading_stream(child, stream, in_abbr or child.name == "abbr")
            elif not in_abbr and type(child) is NavigableString and child.strip():
                stream.append(("text", child))
        return stream

    html, set_aside = _without_svg(html)
    soup = BeautifulSoup(html, "html.parser")
    pattern = _terms_pattern(terms, lang)

    def link(entry_id):
        anchor = soup.new_tag("a", href=f"{glossary_url}#{entry_id}", attrs={"class": "glossary-link"})
        anchor["title"] = link_title
        return anchor

    linked = set()
    for kind, node in reading_stream(soup, []):
        if kind == "abbr":
            text = node.get_text()
            entry_id = abbrs.get(text) or abbrs.get(text.rstrip("s"))
            if entry_id and entry_id not in linked and not any(closed(parent) for parent in node.parents):
                linked.add(entry_id)
                node.wrap(link(entry_id))
            continue
        text, pieces, last = str(node), [], 0
        for match in pattern.finditer(text):
            entry_id = _entry_of(match.group(0), terms, lang)
            if not entry_id or entry_id in linked:
                continue
            linked.add(entry_id)
            anchor = link(entry_id)
            anchor.string = match.group(0)
            pieces += [NavigableString(text[last : match.start()]), anchor]
            last = match.end()
        if pieces:
            pieces.append(NavigableString(text[last:]))
            for piece in pieces:
                node.insert_before(piece)
            node.extract()
    return _with_svg(str(soup), set_aside)


WORDS = {
    "zh": [
        "破骨细胞",
        "破 骨细胞",
        "破&#39;骨",
        "&#30772;骨细胞",
        "破骨细&#32990;",
        "B 淋巴细胞",
        "B淋巴细胞",
        "RANKL",
        "RANKLs",
        "细胞",
    ],
    "en": [
        "osteoclast",
        "Osteoclasts",
        "osteo&shy;clast",
        "osteoclas&#116;",
        "B lymphocyte",
        "B  lymphocytes",
        "xRANKL",
        "RANKL-",
    ],
}
FILLER = [
    "x",
    " ",
    "\n",
    "&amp;",
    "&lt;b&gt;",
    "&#91;",
    "骨",
    "</span>",
    "</p>",
    "</abbr>",
    "<!-- 破骨细胞 -->",
    "<![CDATA[破骨细胞 osteoclast]]>",
    "<![CDATA[RANKL]]>",
    "<br>",
]
LONE_TAGS = [
    "<br />",
    "<img alt='RANKL'>",
    "<p/>",
    "<abbr/>",
    "<hr>",
    "<svg data-glossary-set-aside='0'></svg>",
    DIAGRAM,
]
ELEMENTS = {
    "<p>": "</p>",
    '<p class="x">': "</p>",
    "<div>": "</div>",
    '<div class="diagram">': "</div>",
    '<pre class="mermaid">': "</pre>",
    '<div class="admonition editor">': "</div>",
    "<details class='question'>": "</details>",
    '<sup class="citation">': "</sup>",
    "<abbr title='a > b'>": "</abbr>",
    "<abbr>": "</abbr>",
    "<em>": "</em>",
    '<a href="#x">': "</a>",
    "<h2 id='y'>": "</h2>",
    "<code>": "</code>",
    "<script>": "</script>",
    "<template>": "</template>",
    "<ruby>": "</ruby>",
    "<rt>": "</rt>",
}


def pages(lang):
    leaves = st.sampled_from(WORDS[lang] + FILLER + LONE_TAGS)
    return st.lists(
        st.recursive(
            leaves,
            lambda inner: st.tuples(st.sampled_from(sorted(ELEMENTS)), st.lists(inner, max_size=4), st.booleans()).map(
                lambda node: node[0] + "".join(node[1]) + (ELEMENTS[node[0]] if node[2] else "")  # sometimes unclosed
            ),
            max_leaves=25,
        ),
        max_size=6,
    ).map("".join)


def same_tree(html: str) -> str:
    """The page as BeautifulSoup writes it, written until it stays the same (it shortens runs of
    blanks a few at a time: "  " is two strings on its first reading when an ignored end tag is
    between them, one on the next)."""
    for _ in range(5):
        html, before = str(BeautifulSoup(html, "html.parser")), html
        if html == before:
            break
    return html


@pytest.mark.filterwarnings("ignore:Generating overly large repr")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_links_are_those_beautifulsoups_tree_gave(lang):
    terms, abbrs = first_use_terms(RECORDS, lang), first_use_abbreviations(RECORDS)

    @settings(max_examples=400, deadline=None)
    @given(pages(lang))
    def check(html):
        expected = reference_link_first_uses(html, terms, abbrs, lang, "../g/", "t")
        assert same_tree(link_first_uses(html, terms, abbrs, lang, "../g/", "t")) == same_tree(expected)

    check()


REAL = load_records((ROOT / "docs/_data/glossary.yml").read_text(encoding="utf-8"), "docs/_data/glossary.yml")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_terms_are_found_where_the_one_pattern_finds_them(lang):
    """The glossary's real terms: found by the tree of their letters, then the exact pattern, at
    the same places as by the exact pattern alone (plurals, word edges, spaces, case)."""
    terms = first_use_terms(REAL, lang)
    pieces = sorted(terms)[::3] + [" ", "-", "s", "es", "A", "1", "α", "\n", "  ", "骨"]

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(pieces + [t.upper() for t in pieces]), max_size=12).map("".join))
    def check(text):
        expected = [match.span() for match in _terms_pattern(terms, lang).finditer(text)]
        assert [match.span() for match in _term_matches(text, terms, lang)] == expected

    check()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_used_in_test_of_a_term_answers_as_its_pattern(lang):
    """usage()'s cheap test of a section (substring first) says what the term's pattern says,
    for the real terms (Greek letters, hyphens, plurals) in any case, beside Unicode's case
    pairs that are not ASCII (Kelvin sign, dotless i, long s, the Greek symbols β/ϐ, κ/ϰ)."""
    words = sorted({str(r.get(key)) for r in REAL for key in (lang, "abbr") if r.get(key)})
    pieces = [*words[::2], "Α", "ϐ", "ϰ", "\u212a", "ı", "İ", "ſ", "s", "-", " ", "1", "a"]

    cases = [str, str.upper, str.lower, str.swapcase, lambda word: word.replace("k", "\u212a").replace("s", "ſ")]

    @settings(max_examples=300, deadline=None)
    @given(
        st.sampled_from(words),
        st.sampled_from(cases),
        st.lists(st.sampled_from(pieces), max_size=4),
        st.lists(st.sampled_from(pieces), max_size=4),
    )
    def check(term, case, before, after):
        text = "".join(before) + case(term) + "".join(after)  # the term, in some case, among other words
        text = text.replace(" ", "") if lang == "zh" else text
        assert _term_test(term)(text, _folded(text)) == (term_pattern(term).search(text) is not None)

    check()


# Where term_pattern's steps decide: an edge or none before the term, a plural ending or not
# after it, an edge or none after that (the letter after an ending as after the term)
BEFORE = ["", " ", "a", "A", "-", "α", "1", "(", "\u212a", "ı"]
AFTER = ["", " ", "s", "S", "es", "ES", "ſ", "esa", "sa", "e", "a", "α", "1", "-", ".", "s.", "es)"]


def test_the_used_in_test_of_a_term_answers_as_its_pattern_at_every_edge():
    """Each real term that is not Chinese (and a term that overlaps itself: "ab.a" in "ab.ab.a" is
    found only where its second use starts inside the first), in every case, between every pair of
    neighbours: the same answer as the term's pattern."""
    words = sorted({str(r.get(key)) for r in REAL for key in ("zh", "en", "abbr") if r.get(key)})
    words = [word for word in words if not any("\u4e00" <= char <= "\u9fff" for char in word)] + ["ab.a"]
    for term in words:
        for written in {term, term.upper(), term.lower(), term + "b.a" if term == "ab.a" else term}:
            for before in BEFORE:
                for after in AFTER:
                    text = before + written + after
                    expected = term_pattern(term).search(text) is not None
                    assert _term_test(term)(text, _folded(text)) == expected, (term, text)


def flat_terms_pattern(terms: dict[str, str], lang: str) -> re.Pattern:
    """Every term its own alternative with its own edges, longest first: what _terms_pattern
    must find (it shares the edges of consecutive terms that are not Chinese)."""
    edge = "A-Za-z0-9αβγκ"
    alternatives = []
    for word in sorted(terms, key=len, reverse=True):
        if any("\u4e00" <= char <= "\u9fff" for char in word):
            alternatives.append(r"\s?".join(re.escape(c) for c in word))
        else:
            plural = "(?:s|es)?" if lang == "en" else ""
            alternatives.append(rf"(?<![{edge}\-]){re.escape(word)}{plural}(?![{edge}])")
    return re.compile("|".join(alternatives), re.IGNORECASE)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_terms_pattern_finds_what_each_term_with_its_own_edges_finds(lang):
    """The real terms of each language, and Latin terms that begin a longer Chinese one ("cd4"
    in "cd4 t细胞": the order of the alternatives is kept across the two kinds), beside every edge."""
    extra = {"cd4": "u", "cd4 t": "x", "cd4 t细胞": "v", "tnf-a": "z", "cd4 t-cell": "w"}
    terms = {**first_use_terms(REAL, lang), **extra}
    pieces = sorted(terms)[::2] + [*extra, *BEFORE, *AFTER, "骨", "细胞"]

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(pieces + [t.upper() for t in pieces]), max_size=10).map("".join))
    def check(text):
        expected = [match.span() for match in flat_terms_pattern(terms, lang).finditer(text)]
        assert [match.span() for match in _terms_pattern(terms, lang).finditer(text)] == expected

    check()
