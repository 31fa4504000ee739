"""The pure parts of the parallel view and of the per-language search index."""

from __future__ import annotations

import re

import yaml

from sitecheck.parallel import (
    insert_after_title,
    pair_sections,
    parallel_page_markdown,
    parallel_src_uri,
    prefix_ids,
    rebase_links,
    split_blocks,
    split_sections,
    view_rows,
)
from sitecheck.search_index import (
    drawn_search_view,
    parsed_search_view,
    search_view,
    split_index,
    with_language_base,
)

ZH = """\
# 1.1 小节 { #part }

<p class="source-subtitle" lang="en">Part</p>

!!! objectives "学习目标"

    - 一。

    - 二。

第一段[@1]，
接续的一行。

[[note:doubt]]

```mermaid
flowchart TD

    a --> b
```

## 要点 { #key-points }

- 甲
- 乙
"""

EN = """\
# 1.1 Part { #part }

!!! objectives "Objectives"

    - One.

    - Two.

First paragraph[@1],
a continued line.

[[note:doubt]]

```mermaid
flowchart TD

    a --> b
```

## Key points { #key-points }

- A
- B
"""

LABELS = {
    "parallel_title": "中英对照",
    "parallel_back": "返回本章",
    "colon": "：",
    "parallel_description": "{chapter_title}：中英对照阅读",
}


def test_blocks_keep_admonition_bodies_and_fences_whole():
    blocks = [b.text for b in split_blocks(ZH)]
    assert blocks[0] == "# 1.1 小节 { #part }"
    assert blocks[2].startswith("!!! objectives") and blocks[2].endswith("- 二。")
    assert blocks[3] == "第一段[@1]，\n接续的一行。"
    assert blocks[4] == "[[note:doubt]]"
    assert blocks[5] == "```mermaid\nflowchart TD\n\n    a --> b\n```"
    assert blocks[-1] == "- 甲\n- 乙"


def test_sections_take_the_subtitle_with_the_heading():
    zh, en = split_sections(ZH), split_sections(EN)
    assert [(s.id, len(s.blocks)) for s in zh] == [("part", 4), ("key-points", 1)]
    assert [(s.id, len(s.blocks)) for s in en] == [("part", 4), ("key-points", 1)]
    assert zh[0].subtitle == '<p class="source-subtitle" lang="en">Part</p>'
    assert zh[0].title == "1.1 小节"


def test_pairing_a_clean_chapter_has_no_findings():
    pairs, findings = pair_sections({"zh": ("docs/x.md", ZH), "en": ("docs/x.en.md", EN)})
    assert findings == []
    assert [len(p.rows) for p in pairs] == [4, 1]


def test_a_missing_paragraph_is_a_finding_naming_both_files_and_the_section():
    en = EN.replace("[[note:doubt]]\n\n", "")
    pairs, findings = pair_sections({"zh": ("docs/x.md", ZH), "en": ("docs/x.en.md", en)})
    assert [str(f) for f in findings] == [
        "docs/x.en.md:1: parallel view: section '#part' has 3 paragraphs/blocks here but 4 in docs/x.md:1, "
        "so the side-by-side view misaligns; give both files the same paragraphs, lists, admonitions and "
        "notes in the same order."
    ]
    assert pairs[0].rows[-1]["en"] is None  # padded, nothing dropped


def test_different_headings_cannot_be_paired():
    pairs, findings = pair_sections(
        {"zh": ("docs/x.md", ZH), "en": ("docs/x.en.md", EN.replace("#key-points", "#summary"))}
    )
    assert pairs == [] and len(findings) == 1
    assert "the headings differ from docs/x.md" in str(findings[0])


def view_markdown(pairs, lang: str, labels: dict) -> str:
    """The view of chapter "x" in ``lang``, its blocks as written (no markers rendered)."""
    return parallel_page_markdown(pairs, lang, labels, "../x.md", view_rows("x", pairs, lambda text, lang, line: text))


def test_page_has_headings_in_page_language_and_two_columns_per_row():
    pairs, _ = pair_sections({"zh": ("docs/x.md", ZH), "en": ("docs/x.en.md", EN)})
    markdown = view_markdown(pairs, "zh", LABELS)
    assert markdown.startswith("---\nsearch:\n  exclude: true\n")
    assert "# 中英对照：1.1 小节 { #part }" in markdown
    assert "## 要点 { #key-points }" in markdown
    assert markdown.count('<div class="parallel-col" lang="zh-Hans" markdown="block">') == markdown.count(
        '<div class="parallel-col" lang="en" markdown="block">'
    )
    assert "[返回本章](../x.md)" in markdown


def test_the_views_description_is_its_chapters_title_in_the_views_words():
    # in the front matter, where hooks/seo.py finds it and reads none of the page's text
    pairs, _ = pair_sections({"zh": ("docs/x.md", ZH), "en": ("docs/x.en.md", EN)})
    markdown = view_markdown(pairs, "zh", LABELS)
    front_matter = yaml.safe_load(markdown.split("---\n")[1])
    assert front_matter["description"] == "1.1 小节：中英对照阅读"
    labels = {**LABELS, "parallel_description": "{chapter_title}: both"}
    english = view_markdown(pairs, "en", labels)
    assert yaml.safe_load(english.split("---\n")[1])["description"] == "1.1 Part: both"


def test_links_still_point_where_they_did_on_the_chapter_page():
    page = "immunology/cytokines"  # at /immunology/cytokines/, its view at /parallel/immunology/cytokines/
    assert rebase_links("see [T](t-cells.md#t-cells) and [x](#here)", page) == (
        "see [T](../../immunology/t-cells.md#t-cells) and [x](#here)"
    )
    assert rebase_links('    click a href "../../glossary/#x" "X"\n    click b href "#il-17"', page) == (
        '    click a href "../../../glossary/#x" "X"\n    click b href "#il-17"'
    )
    # an index page's links are relative to its folder
    assert rebase_links('  click r href "lupus/#sle"', "autoimmune/index") == (
        '  click r href "../../autoimmune/lupus/#sle"'
    )
    assert rebase_links("[G](glossary.md)", "abstract") == "[G](../glossary.md)"


def test_ids_get_the_column_prefix():
    text = 'Caption.\n{ #figure-3 .figure-caption }\n<sup class="citation" id="cite-1">'
    assert prefix_ids(text, "en") == 'Caption.\n{ #en-figure-3 .figure-caption }\n<sup class="citation" id="en-cite-1">'


def test_chapters_and_paths():
    assert parallel_src_uri("immunology/cytokines", "en", "zh") == "parallel/immunology/cytokines.en.md"
    assert parallel_src_uri("abstract", "zh", "zh") == "parallel/abstract.md"


def test_link_goes_under_the_title_and_its_subtitle():
    result = insert_after_title(ZH, "LINK\n")
    assert result.startswith('# 1.1 小节 { #part }\n\n<p class="source-subtitle" lang="en">Part</p>\n\nLINK\n')
    before, after = insert_after_title(EN, "LINK\n").split("LINK\n")
    assert before == "# 1.1 Part { #part }\n\n" and after.lstrip("\n").startswith("!!! objectives")


def test_search_index_is_split_by_language_with_english_locations_relative_to_en():
    index = {
        "config": {"lang": ["zh", "en"]},
        "docs": [
            {"location": "", "title": "首页", "text": ""},
            {"location": "abstract/#abstract", "title": "摘要", "text": ""},
            {"location": "en/", "title": "Home", "text": ""},
            {"location": "en/abstract/#abstract", "title": "Abstract", "text": ""},
        ],
    }
    split = split_index(index, ["zh", "en"], "zh")
    assert [d["location"] for d in split["zh"]["docs"]] == ["", "abstract/#abstract"]
    assert [d["location"] for d in split["en"]["docs"]] == ["", "abstract/#abstract"]
    # each language searches with its own settings; neither stems (Material's
    # wildcard queries are not stemmed, so a stemmed index misses words)
    assert split["en"]["config"]["lang"] == ["en"] and split["en"]["config"]["separator"] == r"[\s\-]+"
    assert split["zh"]["config"]["lang"] == ["zh", "en"]
    assert not any("stemmer" in split[lang]["config"]["pipeline"] for lang in ("zh", "en"))


MERMAID_FIGURE = """<p>Text.</p>
<pre class="mermaid"><code>flowchart LR
    accTitle: Figure 1 Structure
    accDescr: Three parts of the review.
    a["Node"] --> b
    click a href "x/" "X"
</code></pre>
<p class="figure-caption">Figure 1 The caption.</p>"""


def test_search_sees_a_diagram_as_its_text_alternative_never_its_source():
    view = search_view(MERMAID_FIGURE)
    assert "Figure 1 Structure" in view and "Three parts of the review." in view
    assert "Figure 1 The caption." in view
    for source in ("flowchart", "accTitle", "click", "href", "Node", "-->"):
        assert source not in view


def test_search_sees_a_drawn_svg_as_its_title_and_description_only():
    html = (
        '<figure><svg role="img"><title>Figure 2 Axis</title><desc>RANKL binds RANK.</desc>'
        "<style>.node{fill:red}</style><g><text>Osteoclast</text></g></svg>"
        "<figcaption>Figure 2 caption</figcaption></figure>"
    )
    view = search_view(html)
    assert "Figure 2 Axis" in view and "RANKL binds RANK." in view and "Figure 2 caption" in view
    assert "Osteoclast" not in view and "fill:red" not in view


DRAWN_PAGE = (
    '<h2 id="a">A &amp; B<svg class="icon" viewBox="0 0 1 1"><path d="M0"/></svg></h2>'
    '<figure><svg role="img" aria-labelledby="t"><title id="t">Figure 3 IL-17 &amp; RANKL</title>'
    "<desc>  Th17 cells\n  raise RANKL.  </desc><style>.a{fill:red}</style>"
    '<g><svg x="1"><title>inner</title><text>Label</text></svg></g><g title="tip"><text>Node</text></g></svg>'
    "<figcaption>Figure 3 caption &lt;i&gt;</figcaption></figure>"
    '<p>Then&nbsp;text <svg aria-label="an arrow &quot;up&quot;"><path/></svg> and more.</p>'
)


def text_of(html: str) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser").get_text()


def test_a_drawn_page_reads_to_search_as_the_parsed_view_does():
    # search_view's string pass over a built page's <svg> elements, against BeautifulSoup's
    # parse (the way for Mermaid left to the browser): the same words, in the same places
    drawn = drawn_search_view(DRAWN_PAGE)
    assert text_of(drawn) == text_of(parsed_search_view(DRAWN_PAGE))
    assert "Figure 3 IL-17 & RANKL。Th17 cells\n  raise RANKL.。inner" in text_of(drawn)
    assert 'an arrow "up"' in text_of(drawn)
    for drawn_only in ("fill:red", "Label", "Node", "M0"):
        assert drawn_only not in drawn
    assert search_view(DRAWN_PAGE) == drawn


def test_svg_tags_that_do_not_pair_up_are_parsed_instead():
    for html in ("<p>a</p><svg><title>x</title>", "<p>a</p></svg><svg><title>x</title></svg>"):
        assert drawn_search_view(html) is None
        assert search_view(html) == parsed_search_view(html)


def test_english_pages_point_material_at_the_english_root():
    html = '<script id="__config" type="application/json">{"base": "../..", "search": "../../x.js"}</script>'
    assert with_language_base(html, "en") == (
        '<script id="__config" type="application/json">{"base": "../../en/", "search": "../../x.js"}</script>'
    )


def test_a_fenced_block_stays_one_block_whatever_its_lines_look_like():
    # blank lines, unindented lines and a '#' line inside the fence do not end the block
    # (the fence's extent comes from sitecheck.markdown.tokenize, the one fence tracker)
    fenced = "```mermaid\nflowchart TD\n\na --> b\n# not a heading\n```"
    text = f"段落一。\n\n{fenced}\n\n段落二。\n"
    assert [(b.line, b.text) for b in split_blocks(text)] == [(1, "段落一。"), (3, fenced), (10, "段落二。")]
    # an unclosed fence runs to the end of the page
    assert [b.text for b in split_blocks("a\n\n~~~\nb\n\nc\n")] == ["a", "~~~\nb\n\nc"]


def test_every_configured_language_is_a_column_in_the_configuration_s_order():
    fr = EN.replace("1.1 Part", "1.1 Partie")
    files = {"zh": ("docs/x.md", ZH), "en": ("docs/x.en.md", EN), "fr": ("docs/x.fr.md", fr)}
    pairs, findings = pair_sections(files)
    assert findings == [] and list(pairs[0].sections) == ["zh", "en", "fr"]
    labels = {**LABELS, "parallel_title": "Parallèle"}
    markdown = view_markdown(pairs, "fr", labels)
    assert f"# Parallèle{LABELS['colon']}1.1 Partie {{ #part }}" in markdown  # the view's language's headings
    columns = re.findall(r'<div class="parallel-col" lang="([^"]+)"', markdown)
    assert columns[:3] == ["zh-Hans", "en", "fr"] and len(columns) % 3 == 0
    # a translation that drops a paragraph is named against the default language's file
    _, findings = pair_sections({**files, "fr": ("docs/x.fr.md", fr.replace("[[note:doubt]]\n\n", ""))})
    assert [f.path for f in findings] == ["docs/x.fr.md"] and "4 in docs/x.md:1" in findings[0].message
    assert parallel_src_uri("immunology/cytokines", "fr", "zh") == "parallel/immunology/cytokines.fr.md"
