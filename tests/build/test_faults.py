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


LABELLED_DIAGRAM = """
```mermaid
flowchart LR
    accTitle: {title}
    accDescr: {descr}
    ra["{label}"]
    click ra href "../glossary/#rheumatoid-arthritis" "{tooltip}"
```
"""


def test_variant_spelling_inside_a_diagram(site):
    # what a diagram shows (labels, descriptions, tooltips) is text too; the link target is not
    zh = LABELLED_DIAGRAM.format(title="图 1", descr="类风湿关节炎", label="类风湿关节炎", tooltip="类风湿性关节炎")
    en = LABELLED_DIAGRAM.format(title="Figure 1", descr="RA", label="RA", tooltip="rheumatoid arthritis")
    site.write("docs/chapter.md", site.read("docs/chapter.md") + zh)
    site.write("docs/chapter.en.md", site.read("docs/chapter.en.md") + en)
    assert_fails_with(
        site,
        [
            "glossary: docs/chapter.md:14: '类风湿性关节炎' is a variant spelling of glossary term "
            "'rheumatoid-arthritis'; write the preferred term as listed in docs/_data/glossary.yml "
            "('类风湿关节炎').",
        ],
    )


SYNONYM = """\
- id: csf-1
  zh: 集落刺激因子 1
  en: colony-stimulating factor 1
  abbr: CSF-1
  see: m-csf
"""
DEFINED = """\
- id: m-csf
  zh: 巨噬细胞集落刺激因子
  en: macrophage colony-stimulating factor
  abbr: M-CSF
  def:
    zh: 同一分子的两个名称。
    en: One molecule, two names.
"""


def test_glossary_synonym_renders_as_a_link_to_the_one_definition(site):
    site.write("docs/_data/glossary.yml", site.read("docs/_data/glossary.yml") + SYNONYM + DEFINED)
    result = site.build()
    assert result.returncode == 0, result.stderr
    html = (site.root / "site" / "en" / "glossary" / "index.html").read_text()
    entry = html.split('id="csf-1"', 1)[1].split("</div>", 1)[0]
    assert 'Synonym; defined under: <a href="#m-csf">macrophage colony-stimulating factor (<abbr' in entry
    target = html.split('id="m-csf"', 1)[1].split("</div>", 1)[0]
    assert 'Synonyms: <a href="#csf-1">colony-stimulating factor 1 (<abbr' in target
    assert "One molecule, two names." in target and "One molecule" not in entry


def test_glossary_synonym_names_no_entry(site):
    site.write("docs/_data/glossary.yml", site.read("docs/_data/glossary.yml") + SYNONYM)
    assert_fails_with(
        site,
        [
            "glossary: docs/_data/glossary.yml:30: glossary entry 'csf-1' says 'see: m-csf', but there is no "
            "other entry with that id; name the entry that holds the definition.",
        ],
    )


def test_glossary_synonym_of_a_synonym(site):
    chained = DEFINED.replace(
        "  def:\n    zh: 同一分子的两个名称。\n    en: One molecule, two names.\n", "  see: osteoclast\n"
    )
    site.write("docs/_data/glossary.yml", site.read("docs/_data/glossary.yml") + SYNONYM + chained)
    assert_fails_with(
        site,
        [
            "glossary: docs/_data/glossary.yml:30: glossary entry 'csf-1' says 'see: m-csf', which is itself a "
            "synonym of 'osteoclast'; point 'see' at the entry that holds the definition.",
        ],
    )


def test_glossary_synonym_with_its_own_definition(site):
    defined_synonym = SYNONYM + "  def:\n    zh: 另一个定义。\n    en: A second definition.\n"
    site.write("docs/_data/glossary.yml", site.read("docs/_data/glossary.yml") + defined_synonym + DEFINED)
    assert_fails_with(
        site,
        [
            "glossary: docs/_data/glossary.yml:30: glossary entry 'csf-1' has both 'see: m-csf' and a definition; "
            "a synonym has one definition, in 'm-csf': move the text there and remove 'def'.",
        ],
    )


def test_glossary_note_link_to_a_missing_note(site):
    site.replace(
        "docs/_data/glossary.yml",
        "    en: The cell dedicated to bone resorption.\n",
        "    en: The cell dedicated to bone resorption.\n  note: no-such-note\n",
    )
    assert_fails_with(
        site,
        [
            "glossary: docs/_data/glossary.yml:1: glossary entry 'osteoclast' links to editor's note "
            "'no-such-note', which does not exist; use the id of a note under 'notes:' in docs/_data/corrections/.",
        ],
    )


def test_reference_without_a_number_is_a_message_not_a_traceback(site):
    # issue 13: renderers only see valid entries, so the checks' message is what the editor gets
    site.replace("docs/_data/references.yml", "- n: 2\n  cited_in", "- cited_in")
    result = site.build()
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr, result.stderr
    assert warnings(result) == [
        "references: docs/_data/references.yml:7: entry has no valid 'n' (a positive whole number); add it.",
        "references: docs/chapter.en.md:7: citation [@2] cites reference 2, which has no entry in "
        "docs/_data/references.yml; add an entry 'n: 2' or correct the number.",
        "references: docs/chapter.md:7: citation [@2] cites reference 2, which has no entry in "
        "docs/_data/references.yml; add an entry 'n: 2' or correct the number.",
    ]


def test_probable_reference_without_candidate_is_a_message_not_a_traceback(site):
    text = site.read("docs/_data/references.yml")
    site.write("docs/_data/references.yml", text[: text.rindex("status: unknown")] + "status: probable\n")
    result = site.build()
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr, result.stderr
    assert warnings(result) == [
        "references: docs/_data/references.yml:7: reference 2 is 'probable' but has no candidate.citation; "
        "add it from reference-candidates.md or set status: unknown.",
    ]
