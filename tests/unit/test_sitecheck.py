"""The pure checks and renderers, on small golden inputs."""

from __future__ import annotations

import pytest

from sitecheck.data import DataError, Record, load_records
from sitecheck.editorial import marker_findings, note_markers
from sitecheck.glossary import (
    Variant,
    abbreviation_findings,
    jieba_user_dictionary,
    sort_key,
    text_of,
    usage,
    variant_findings,
)
from sitecheck.markdown import expand_citation, parse_headings, parse_sections
from sitecheck.pages import body_line, relative_link, sites_in_lines, sites_of
from sitecheck.parity import citation_findings, heading_findings, missing_translations
from sitecheck.references import citation_markdown

PAGE = """\
# 1.3 骨质疏松症与细胞因子 { #cytokines }

引言[@1]。

```mermaid
flowchart TD
    a["# not a heading [@99]"]
```

## 1.3.1 骨质疏松症与 IL-17 { #il-17 }

IL-17 促进骨吸收[@16]，并且[@7-8]、[@9–11]。
"""


def test_headings_skip_fenced_code_and_read_ids_and_numbers():
    headings = parse_headings(PAGE)
    assert [(h.line, h.level, h.id, h.number) for h in headings] == [
        (1, 1, "cytokines", "1.3"),
        (10, 2, "il-17", "1.3.1"),
    ]
    assert headings[1].title == "1.3.1 骨质疏松症与 IL-17"


@pytest.mark.parametrize(
    "body,numbers",
    [("7", (7,)), ("7-8", (7, 8)), ("9–11", (9, 10, 11)), ("9,12", (9, 12)), ("8-7", None), ("7-", None)],
)
def test_expand_citation(body, numbers):
    assert expand_citation(body) == numbers


def test_sections_collect_their_citations_outside_code():
    sections = parse_sections(PAGE)
    assert [(s.id, [c.raw for c in s.citations]) for s in sections] == [
        (None, []),
        ("cytokines", ["[@1]"]),
        ("il-17", ["[@16]", "[@7-8]", "[@9–11]"]),
    ]


def citation_sites(path: str, page: str, lang: str, text: str):
    return sites_of(path, page, lang, parse_sections(text))


def test_citation_sites_number_markers_per_page():
    sites = citation_sites("docs/immunology/cytokines.en.md", "immunology/cytokines", "en", PAGE)
    assert [(s.anchor, s.numbers, s.lang, s.page) for s in sites][-1] == (
        "cite-4",
        (9, 10, 11),
        "en",
        "immunology/cytokines",
    )


def test_the_sites_of_part_of_a_page_keep_the_page_numbers():
    # a block of the parallel view (lines 3-4), or the Markdown below a page's front matter
    sites = citation_sites("docs/x.md", "x", "zh", "a[@1]\n\nb[@2]\nc[@3]\n\nd[@4]\n")
    assert [(s.anchor, s.line, s.raw) for s in sites_in_lines(sites, 3, 4)] == [
        ("cite-2", 1, "[@2]"),
        ("cite-3", 2, "[@3]"),
    ]
    assert [s.anchor for s in sites_in_lines(sites, 3)] == ["cite-2", "cite-3", "cite-4"]
    source = "---\ndescription: x\n---\n\n# T { #t }\n\na[@1]\n"
    assert body_line(source, "# T { #t }\n\na[@1]") == 5
    assert body_line(source, source) == 1
    assert body_line(source, "# T { #t }\n\na[@1] and more") is None  # not the rest of the source
    assert body_line(source, "T { #t }\n\na[@1]") is None  # not from a line's start


def test_relative_link():
    assert relative_link("immunology/t-cells", "references") == "../references.md"
    assert relative_link("abstract", "references") == "references.md"


def test_citation_range_expands_to_one_link_per_number():
    site = citation_sites("docs/x.md", "x", "en", "a[@9-11]\n")[0]
    labels = {"citation_unknown": "unknown", "stop": ". ", "reference_claim": "Claim", "colon": ": "}
    records = {10: Record(1, {"n": 10, "status": "unknown", "claim": {"en": 'Tregs "regulate"'}})}
    html = citation_markdown(site, records, "en", labels)
    assert html == (
        '<sup class="citation" id="cite-1">&#91;[9](references.md#ref-9 "[9]"), '
        '[10](references.md#ref-10 "[10] unknown. Claim: Tregs &quot;regulate&quot;"), '
        '[11](references.md#ref-11 "[11]")&#93;</sup>'
    )


def path_of(key: str, lang: str) -> str:
    return f"docs/{key}.md" if lang == "zh" else f"docs/{key}.{lang}.md"


def test_missing_translations_both_ways():
    pages = [
        ("docs/a.md", "a", "zh"),
        ("docs/a.en.md", "a", "en"),
        ("docs/b.md", "b", "zh"),
        ("docs/c.en.md", "c", "en"),
    ]
    found = missing_translations(pages, ("zh", "en"), path_of)
    assert [(f.path, f.message.split(";")[0]) for f in found] == [
        ("docs/b.md", "page has no English translation"),
        ("docs/c.en.md", "English page has no Chinese original"),
    ]


def test_missing_translations_name_every_configured_language():
    # the languages are the configuration's (the model's), not a pair: a third one is checked too
    pages = [
        ("docs/a.md", "a", "zh"),
        ("docs/a.en.md", "a", "en"),
        ("docs/a.fr.md", "a", "fr"),
        ("docs/b.fr.md", "b", "fr"),
    ]
    assert [str(f) for f in missing_translations(pages, ("zh", "en", "fr"), path_of)] == [
        "docs/b.fr.md: French page has no Chinese original; create docs/b.md with the same headings and ids, "
        "or delete this file."
    ]
    assert [str(f) for f in missing_translations(pages[:2], ("zh", "en", "fr"), path_of)] == [
        "docs/a.md: page has no French translation; create docs/a.fr.md with the same headings and ids "
        "(the site never falls back to Chinese)."
    ]


def test_heading_findings_report_the_first_difference_only():
    zh = "# A { #a }\n## B { #b }\n## C { #c }\n"
    en = "# A { #a }\n## B { #x }\n## C { #y }\n"
    found = heading_findings("zh.md", zh, "en.md", en, ("zh", "en"))
    assert [str(f) for f in found] == [
        "en.md:2: heading id '#x' differs from '#b' at the same position in zh.md:2; "
        "both languages must use the same ids in the same order."
    ]


def test_parity_messages_name_the_languages_compared():
    original = "# A { #a }\n\nX[@1].\n\n## B { #b }\n"
    french = "# A { #a }\n\nX[@2].\n"
    assert [str(f) for f in heading_findings("a.md", original, "a.fr.md", french, ("zh", "fr"))] == [
        "a.fr.md: heading '#b' (a.md:5) is missing in the French page; add the translated heading with the same id."
    ]
    assert [str(f) for f in citation_findings("a.md", original, "a.fr.md", french, ("zh", "fr"))] == [
        "a.fr.md:1: citations in section '#a' differ between languages: Chinese (a.md:1) has [@1], French has [@2]; "
        "cite the same references at the same claims in both."
    ]


def test_variant_rule_for_bare_term_spares_compounds_and_quoted_titles():
    bare = Variant("re:骨质疏松(?![症性])", "osteoporosis", "骨质疏松症")
    text = "骨质疏松症与骨质疏松性骨折。\n骨质疏松的发病。\n《在骨质疏松发病中的作用》\n`骨质疏松`\n"
    found = variant_findings("docs/x.md", text, [bare], "glossary.yml")
    assert [f.line for f in found] == [2]


def test_variants_are_found_on_their_lines_whether_plain_or_patterns():
    """Plain variants are looked for in the page's lines joined first (one search a page): the
    findings stay those of a search line by line, and a pattern's anchors still mean a line."""
    plain, anchored = Variant("破骨母细胞", "osteoclast", "破骨细胞"), Variant("re:^骨吸收素", "rankl", "RANKL")
    text = "破骨细胞分化。\n骨吸收素与破骨母细胞。\n`破骨母细胞`\n\n```mermaid\nA[破骨母细胞]\n```\n"
    found = variant_findings("docs/x.md", text, [plain, anchored], "glossary.yml")
    assert [(f.line, f.message.split("'")[1]) for f in found] == [
        (2, "破骨母细胞"),
        (2, "骨吸收素"),
        (6, "破骨母细胞"),
    ]
    assert variant_findings("docs/x.md", "`破骨母细胞`\n骨吸收素\n", [plain], "glossary.yml") == []


def test_text_of_drops_markup_but_keeps_words():
    assert text_of('见[图 2](#figure-2 "t")与 <abbr>RA</abbr> { #id } [@3] [[note:x]]').split() == [
        "见[图",
        "2",
        "与",
        "RA",
    ]


def test_abbreviation_check_knows_plurals_and_forms():
    known = {"DC", "IL-17", "CD8", "RA"}
    text = "DCs and IL-17A and CD8+ T cells in RA; OVX rats; MHC II; Th17.\n"
    found = abbreviation_findings("x.en.md", text, known, "g.yml")
    assert [f.message.split("'")[1] for f in found] == ["OVX", "MHC", "Th17"]


def test_jieba_dictionary_lists_chinese_terms_only():
    records = [Record(1, {"zh": "破骨细胞"}), Record(2, {"zh": "TNF"}), Record(3, {"zh": "B 淋巴细胞"})]
    assert jieba_user_dictionary(records) == "B淋巴细胞 20000 n\n破骨细胞 20000 n\n"


def test_chinese_glossary_sorts_by_pinyin():
    records = [Record(1, {"zh": "破骨细胞"}), Record(2, {"zh": "成骨细胞"}), Record(3, {"zh": "骨密度"})]
    assert [r.get("zh") for r in sorted(records, key=lambda r: sort_key(r, "zh"))] == [
        "成骨细胞",
        "骨密度",
        "破骨细胞",
    ]


USAGE_RECORDS = [
    Record(1, {"id": "b-cell", "zh": "B 淋巴细胞", "en": "B lymphocyte"}),
    Record(2, {"id": "osteoclast", "zh": "破骨细胞", "en": "osteoclast"}),
    Record(3, {"id": "il-17", "zh": "白细胞介素 17", "en": "interleukin 17", "abbr": "IL-17"}),
    Record(4, {"id": "lipid", "zh": "脂质", "en": "lipid"}),
]
USAGE_PAGES = {
    "zh": """# 1 免疫 { #immunology }

## 1.1 B 细胞 { #b }

B淋巴细胞与破骨 细胞。

## 要点 { #key-points }

脂质

## 1.2 其他 { #other }

IL-17A 与 il-17。
""",
    "en": """# 1 Immunology { #immunology }

## 1.1 B cells { #b }

B LYMPHOCYTES and preosteoclasts; LİPİD.

## Key points { #key-points }

lipid

## 1.2 Other { #other }

Osteoclasts-like and IL-17.
""",
}


@pytest.mark.parametrize(
    "lang,expected",
    [
        # Chinese: spaces do not count (B 淋巴细胞 = B淋巴细胞, 破骨 细胞 = 破骨细胞); not in key points;
        # an abbreviation matches in any case, as a whole word (IL-17A is not a use of IL-17)
        ("zh", {"b-cell": ["b"], "osteoclast": ["b"], "il-17": ["other"]}),
        # English: any case, plurals, word edges ('preosteoclasts' is not a use; 'Osteoclasts-like'
        # is), and re's IGNORECASE reading of 'i' (the Turkish İ in 'LİPİD')
        ("en", {"b-cell": ["b"], "lipid": ["b"], "osteoclast": ["other"], "il-17": ["other"]}),
    ],
)
def test_usage_lists_the_numbered_sections_that_use_a_term(lang, expected):
    found = usage(USAGE_RECORDS, {"immunology": USAGE_PAGES[lang]}, lang)
    assert {entry: [anchor for _page, anchor, _title in places] for entry, places in found.items()} == expected


def test_note_markers_and_their_findings():
    notes = [("c.yml", Record(3, {"id": "doubt"})), ("c.yml", Record(9, {"id": "unused"}))]
    pages = {"docs/a.md": "text\n\n[[note:doubt]]\n", "docs/a.en.md": "text\n\n[[note:dubt]]\n"}
    assert note_markers("docs/a.md", pages["docs/a.md"]) == [(3, "doubt")]
    languages = {"docs/a.md": "zh", "docs/a.en.md": "en"}
    sources = [(path, languages[path], text) for path, text in pages.items()]
    found = [str(f) for f in marker_findings(sources, notes, ("zh", "en"), "docs/_data/corrections")]
    assert found[0].startswith("docs/a.en.md:3: [[note:dubt]] names no editor's note")
    assert found[1].startswith("c.yml:3: note 'doubt' is shown only in docs/a.md")
    assert found[2].startswith("c.yml:9: note 'unused' is never shown")
    assert found[0].endswith("under 'notes:' in docs/_data/corrections/, or fix the id.")
    # the languages are the site's: a third one's page lacking the marker is named
    both = [(path, lang, "text\n\n[[note:doubt]]\n") for path, lang, _text in sources]
    found = [str(f) for f in marker_findings(both, notes[:1], ("zh", "en", "fr"), "x")]
    assert found == [
        "c.yml:3: note 'doubt' is shown only in docs/a.en.md; add [[note:doubt]] at the same place in the French page."
    ]


def test_load_records_reports_yaml_errors_with_line():
    with pytest.raises(DataError) as error:
        load_records("- a: 1\n- b: [2\n", "x.yml")
    assert error.value.path == "x.yml" and error.value.line == 3
    assert load_records("- a: 1\n-  b: 2\n", "x.yml")[1].line == 2


def test_one_tokenizer_gives_content_lines_and_fenced_blocks():
    from sitecheck.markdown import mermaid_fences, tokenize

    blocks = tokenize(PAGE)
    assert [n for n, _line in blocks.content] == [1, 2, 3, 4, 9, 10, 11, 12]
    assert [(f.start, f.end, f.info, [n for n, _ in f.lines]) for f in blocks.fences] == [(5, 8, "mermaid", [6, 7])]
    assert [f.start for f in mermaid_fences(PAGE)] == [5]
    unclosed = tokenize("a\n~~~\nb\n")
    assert unclosed.content == ((1, "a"),) and unclosed.fences[0].end is None


def line_by_line(text: str):
    """tokenize()'s blocks of ``text`` as its line-by-line tracker makes them: after an empty fenced
    block (two fence lines, which close each other), every line is read one at a time, as a page
    with a fence is; the numbers are then shifted back by those two lines."""
    from sitecheck.markdown import Blocks, Fence, tokenize

    def back(lines):
        return tuple((number - 2, line) for number, line in lines)

    blocks = tokenize("```\n```\n" + text)
    assert blocks.fences[0] == Fence(1, 2, "", ())
    fences = tuple(
        Fence(f.start - 2, None if f.end is None else f.end - 2, f.info, back(f.lines)) for f in blocks.fences[1:]
    )
    return Blocks(back(blocks.content), fences)


def test_a_text_with_or_without_fences_is_tokenized_line_by_line():
    """Texts without a fence marker (most pages: read at once) come out as the line-by-line tracker
    reads them, with every line break str.splitlines() knows (CR LF, CR, form feed, U+2028 …); so
    do texts with one (the same tracker, after two more lines)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from sitecheck.markdown import tokenize

    pieces = [
        "a",
        " ",
        "# 1 T { #t }",
        "```",
        "```mermaid",
        "~~~",
        "``",
        "~",
        "\n",
        "\r\n",
        "\r",
        "\x0c",
        "\u2028",
        "\x85",
    ]

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=16).map("".join))
    def check(text):
        assert tokenize(text) == line_by_line(text)

    check()


@pytest.mark.parametrize(
    ("lang", "other"), [("zh", '<span lang="en">osteoclast</span>'), ("en", '<span lang="zh-Hans">破骨细胞</span>')]
)
def test_each_glossary_entry_shows_its_term_in_the_other_language_with_its_tag(lang, other):
    import yaml

    from sitebuild import ROOT
    from sitecheck.glossary import glossary_page

    labels = yaml.safe_load((ROOT / "docs" / "_data" / "labels.yml").read_text(encoding="utf-8"))[lang]
    record = Record(
        1, {"id": "osteoclast", "zh": "破骨细胞", "en": "osteoclast", "def": {"zh": "细胞。", "en": "A cell."}}
    )
    assert other in glossary_page([record], lang, labels, {})
