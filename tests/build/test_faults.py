"""Every content fault the hooks catch stops the strict build with an exact message."""

from __future__ import annotations

import pytest

from fixture_site import FixtureSite, errors, warnings


@pytest.fixture
def site(tmp_path):
    return FixtureSite(tmp_path)


def assert_fails_with(site, expected: list[str]):
    result = site.build()
    assert result.returncode != 0, "the strict build should have failed"
    assert warnings(result) == expected, result.stderr


def test_fixture_without_faults_builds_clean(site):
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert warnings(result) == []
    html = (site.root / "site" / "chapter" / "index.html").read_text()
    assert 'href="../references/#ref-1"' in html
    assert '<abbr title="核因子κB受体活化因子配体（RANK ligand）">RANKL</abbr>' in html


def test_citation_without_reference_entry(site):
    site.replace("docs/chapter.md", "骨吸收增加[@2]", "骨吸收增加[@2][@3]")
    site.replace("docs/chapter.en.md", "increases[@2]", "increases[@2][@3]")
    assert_fails_with(
        site,
        [
            "references: docs/chapter.en.md:7: citation [@3] cites reference 3, which has no entry in "
            "docs/_data/references.yml; add an entry 'n: 3' or correct the number.",
            "references: docs/chapter.md:7: citation [@3] cites reference 3, which has no entry in "
            "docs/_data/references.yml; add an entry 'n: 3' or correct the number.",
        ],
    )


def test_reference_entry_never_cited(site):
    site.replace("docs/chapter.md", "骨吸收增加[@2]", "骨吸收增加")
    site.replace("docs/chapter.en.md", "increases[@2]", "increases")
    assert_fails_with(
        site,
        [
            "references: docs/_data/references.yml:7: reference 2 is never cited; cite it with [@2] "
            "where the source does, or remove the entry.",
        ],
    )


def test_section_citations_differ_between_languages(site):
    site.replace("docs/chapter.en.md", "increases[@2]", "increases[@1]")
    assert_fails_with(
        site,
        [
            "parity: docs/chapter.en.md:5: citations in section '#part' differ between languages: "
            "Chinese (docs/chapter.md:5) has [@2], English has [@1]; cite the same references at the "
            "same claims in both.",
            "references: docs/_data/references.yml:1: reference 1 lists cited_in ['chapter#chapter'] but "
            "the pages cite it in ['chapter#chapter', 'chapter#part']; make cited_in match.",
        ],
    )


def test_heading_ids_differ_between_languages(site):
    site.replace("docs/chapter.en.md", "{ #part }", "{ #section-part }")
    assert_fails_with(
        site,
        [
            "parity: docs/chapter.en.md:5: heading id '#section-part' differs from '#part' at the same "
            "position in docs/chapter.md:5; both languages must use the same ids in the same order.",
            "references: docs/_data/references.yml:7: reference 2 lists cited_in ['chapter#part'] but the "
            "pages cite it in ['chapter#part', 'chapter#section-part']; make cited_in match.",
        ],
    )


def test_heading_without_explicit_id(site):
    site.replace("docs/chapter.md", "## 1.1 小节 { #part }", "## 1.1 小节")
    result = site.build()
    assert result.returncode != 0
    assert (
        "parity: docs/chapter.md:5: heading '1.1 小节' has no explicit id; add one that is the same in "
        "both languages, e.g. '{ #short-ascii-id }'."
    ) in warnings(result)


def test_variant_spelling_instead_of_preferred_term(site):
    site.replace("docs/chapter.md", "骨吸收增加[@2]。", "骨吸收增加[@2]，见于类风湿性关节炎。")
    assert_fails_with(
        site,
        [
            "glossary: docs/chapter.md:7: '类风湿性关节炎' is a variant spelling of glossary term "
            "'rheumatoid-arthritis'; write the preferred term as listed in docs/_data/glossary.yml "
            "('类风湿关节炎').",
        ],
    )


def test_glossary_entry_missing_a_language(site):
    site.replace("docs/_data/glossary.yml", "  en: osteoclast\n", "")
    assert_fails_with(
        site,
        [
            "glossary: docs/_data/glossary.yml:1: glossary entry 'osteoclast' has no English term ('en'); "
            "every entry needs both languages.",
        ],
    )


def test_abbreviation_without_glossary_entry(site):
    site.replace("docs/chapter.en.md", "Bone resorption increases", "Bone resorption increases in OVX rats")
    assert_fails_with(
        site,
        [
            "glossary: docs/chapter.en.md:7: abbreviation 'OVX' has no glossary entry; add an entry with "
            "'abbr: OVX' to docs/_data/glossary.yml (or write the term out).",
        ],
    )


def test_duplicate_glossary_id(site):
    site.replace("docs/_data/glossary.yml", "- id: rank\n", "- id: rankl\n")
    assert_fails_with(
        site,
        [
            "glossary: docs/_data/glossary.yml:14: glossary id 'rankl' is used twice (first at line 7); "
            "ids must be unique: rename or merge the entries.",
        ],
    )


def test_duplicate_reference_number(site):
    site.replace("docs/_data/references.yml", "- n: 2\n", "- n: 1\n")
    result = site.build()
    assert result.returncode != 0
    assert (
        "references: docs/_data/references.yml:7: reference 1 is defined twice (first at line 1); merge them."
    ) in warnings(result)


def test_duplicate_note_id(site):
    site.write(
        "docs/_data/corrections/fixture.yml",
        """\
        corrections: []
        notes:
          - {id: doubt, page: chapter, section: part, quote: 骨吸收, zh: 存疑。, en: Doubtful.}
          - {id: doubt, page: chapter, section: part, quote: 骨吸收, zh: 存疑。, en: Doubtful.}
        """,
    )
    site.replace("docs/chapter.md", "骨吸收增加[@2]。\n", "骨吸收增加[@2]。\n\n[[note:doubt]]\n")
    site.replace("docs/chapter.en.md", "increases[@2].\n", "increases[@2].\n\n[[note:doubt]]\n")
    assert_fails_with(
        site,
        [
            "editorial: docs/_data/corrections/fixture.yml:4: note id 'doubt' is used twice (first at "
            "docs/_data/corrections/fixture.yml:3); rename one.",
        ],
    )


def test_malformed_yaml_names_file_and_line(site):
    site.replace("docs/_data/references.yml", "  status: unknown\n- n: 2", "  status: [unknown\n- n: 2")
    result = site.build()
    assert result.returncode != 0
    assert errors(result) == [
        "ERROR   -  docs/_data/references.yml:7: not valid YAML (did not find expected ',' or ']'); "
        "fix the syntax at this line."
    ]


def test_missing_required_reference_field(site):
    site.replace("docs/_data/references.yml", "    en: Bone resorption increases.\n", "")
    assert_fails_with(
        site,
        [
            "references: docs/_data/references.yml:7: reference 2 has no 'claim.en'; state the claim it supports.",
        ],
    )


def test_note_marker_naming_no_note(site):
    site.replace("docs/chapter.md", "骨吸收增加[@2]。\n", "骨吸收增加[@2]。\n\n[[note:missing]]\n")
    site.replace("docs/chapter.en.md", "increases[@2].\n", "increases[@2].\n\n[[note:missing]]\n")
    assert_fails_with(
        site,
        [
            "editorial: docs/chapter.en.md:9: [[note:missing]] names no editor's note; add a note with id "
            "'missing' under 'notes:' in docs/_data/corrections/, or fix the id.",
            "editorial: docs/chapter.md:9: [[note:missing]] names no editor's note; add a note with id "
            "'missing' under 'notes:' in docs/_data/corrections/, or fix the id.",
        ],
    )


def test_malformed_citation_marker(site):
    site.replace("docs/chapter.md", "骨吸收增加[@2]", "骨吸收增加[@2-]")
    result = site.build()
    assert result.returncode != 0
    assert (
        "references: docs/chapter.md:7: citation [@2-] is malformed; write [@n], a rising range [@n-m] "
        "or a list [@n,m]."
    ) in warnings(result)


def test_unreadable_data_file_is_a_plugin_error(site):
    (site.root / "docs" / "_data" / "glossary.yml").unlink()
    result = site.build()
    assert result.returncode != 0
    assert errors(result) == [
        "ERROR   -  docs/_data/glossary.yml: cannot read the data file (No such file or directory); restore it."
    ]


DIAGRAM = """
```mermaid
flowchart TD
    accTitle: {title}
    accDescr: {descr}
    a["RANKL"] --> b["RANK"]
```
"""


def test_diagram_in_one_language_only(site):
    site.replace(
        "docs/chapter.md",
        "骨吸收增加[@2]。\n",
        "骨吸收增加[@2]。\n" + DIAGRAM.format(title="图 1", descr="RANKL 作用于 RANK。"),
    )
    assert_fails_with(
        site,
        [
            "parity: docs/chapter.en.md: has 0 diagram(s) but docs/chapter.md has 1; every diagram must exist "
            "in both languages, in the same order.",
        ],
    )


def test_diagram_without_text_alternative(site):
    diagram = DIAGRAM.replace("    accDescr: {descr}\n", "")
    site.replace("docs/chapter.md", "骨吸收增加[@2]。\n", "骨吸收增加[@2]。\n" + diagram.format(title="图 1"))
    site.replace("docs/chapter.en.md", "increases[@2].\n", "increases[@2].\n" + diagram.format(title="Figure 1"))
    assert_fails_with(
        site,
        [
            "parity: docs/chapter.en.md:9: diagram has no accDescr; add 'accDescr: …' inside the mermaid block "
            "so screen readers and the PDF carry a text alternative.",
            "parity: docs/chapter.md:9: diagram has no accDescr; add 'accDescr: …' inside the mermaid block "
            "so screen readers and the PDF carry a text alternative.",
        ],
    )
