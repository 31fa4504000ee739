"""The table of content faults the build refuses: one row per fault, with the
edit that makes it in the fixture site and the exact messages it must log.

``test_faults.py`` builds every row; README.md's "What the build refuses"
table is generated from it (``python tests/build/faults.py`` prints it, and a
test fails when README.md differs).
"""

from __future__ import annotations

from dataclasses import dataclass

DIAGRAM = """
```mermaid
flowchart TD
    accTitle: {title}
    accDescr: {descr}
    a["RANKL"] --> b["RANK"]
```
"""
# What MkDocs' link validation says when reference 2's entry is not rendered
REF_2_ANCHOR_GONE = (
    "Doc file 'chapter.md' contains a link 'references.md#ref-2', but the doc 'references.md' does not "
    "contain an anchor '#ref-2'.",
    "Doc file 'chapter.en.md' contains a link 'references.md#ref-2', but the doc 'references.en.md' does "
    "not contain an anchor '#ref-2'.",
)
# ... and the references hook, when the entry is gone altogether
REFERENCE_2_GONE = (
    "references: docs/chapter.en.md:7: citation [@2] cites reference 2, which has no entry in "
    "docs/_data/references.yml; add an entry 'n: 2' or correct the number.",
    "references: docs/chapter.md:7: citation [@2] cites reference 2, which has no entry in "
    "docs/_data/references.yml; add an entry 'n: 2' or correct the number.",
    *REF_2_ANCHOR_GONE,
)
NO_DESCR_DIAGRAM = DIAGRAM.replace("    accDescr: {descr}\n", "")
OBJECTIVES_ZH = '{ #chapter }\n\n!!! objectives "学习目标"\n\n    - 说明 RANKL。\n'
OBJECTIVES_EN = '{ #chapter }\n\n!!! objectives "Objectives"\n\n    - Explain RANKL.\n'
NOTE = "{id: doubt, page: chapter, section: part, quote: 骨吸收, zh: 存疑。, en: Doubtful.}"
LABELLED_DIAGRAM = """
```mermaid
flowchart LR
    accTitle: {title}
    accDescr: {descr}
    ra["{label}"]
    click ra href "../glossary/#rheumatoid-arthritis" "{tooltip}"
```
"""
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


def replace(name: str, old: str, new: str) -> tuple:
    return ("replace", name, old, new)


def write(name: str, text: str) -> tuple:
    return ("write", name, text)


def delete(name: str) -> tuple:
    return ("delete", name)


def append(name: str, text: str) -> tuple:
    return ("append", name, text)


def note_after_part(lang: str, note_id: str) -> tuple:
    """``[[note:id]]`` on its own line after the '#part' paragraph of one language."""
    if lang == "zh":
        return replace("docs/chapter.md", "骨吸收增加[@2]。\n", f"骨吸收增加[@2]。\n\n[[note:{note_id}]]\n")
    return replace("docs/chapter.en.md", "increases[@2].\n", f"increases[@2].\n\n[[note:{note_id}]]\n")


@dataclass(frozen=True)
class Fault:
    id: str
    readme: str  # the README row this fault proves ("what the build refuses")
    edits: tuple
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    shown: int = 0  # which message the README row quotes (warnings first, then errors)


FAULTS = [
    Fault(
        "missing-english-page",
        "page missing in one language",
        (write("docs/extra.md", "# 附加 { #extra }\n"),),
        (
            "parity: docs/extra.md: page has no English translation; create docs/extra.en.md with the same "
            "headings and ids (the site never falls back to Chinese).",
        ),
    ),
    Fault(
        "english-page-without-chinese",
        "page missing in one language",
        (write("docs/extra.en.md", "# Extra { #extra }\n"),),
        (
            "parity: docs/extra.en.md: English page has no Chinese original; create docs/extra.md with the "
            "same headings and ids, or delete this file.",
        ),
    ),
    Fault(
        "heading-without-id",
        "heading without an explicit id",
        (replace("docs/chapter.md", "## 1.1 小节 { #part }", "## 1.1 小节"),),
        (
            "parity: docs/chapter.en.md:5: heading '#part' has no counterpart in docs/chapter.md; add it to the "
            "Chinese page or remove it here.",
            "parity: docs/chapter.md:5: heading '1.1 小节' has no explicit id; add one that is the same in "
            "both languages, e.g. '{ #short-ascii-id }'.",
        ),
        shown=1,
    ),
    Fault(
        "heading-ids-differ",
        "heading ids differ between languages",
        (replace("docs/chapter.en.md", "{ #part }", "{ #section-part }"),),
        (
            "parity: docs/chapter.en.md:5: heading id '#section-part' differs from '#part' at the same "
            "position in docs/chapter.md:5; both languages must use the same ids in the same order.",
            "references: docs/_data/references.yml:7: reference 2 lists cited_in ['chapter#part'] but the "
            "pages cite it in ['chapter#part', 'chapter#section-part']; make cited_in match.",
        ),
    ),
    Fault(
        "citations-differ-per-section",
        "citations differ per section",
        (replace("docs/chapter.en.md", "increases[@2]", "increases[@1]"),),
        (
            "parity: docs/chapter.en.md:5: citations in section '#part' differ between languages: "
            "Chinese (docs/chapter.md:5) has [@2], English has [@1]; cite the same references at the "
            "same claims in both.",
            "references: docs/_data/references.yml:1: reference 1 lists cited_in ['chapter#chapter'] but "
            "the pages cite it in ['chapter#chapter', 'chapter#part']; make cited_in match.",
        ),
    ),
    Fault(
        "citation-without-entry",
        "citation with no reference entry",
        (
            replace("docs/chapter.md", "骨吸收增加[@2]", "骨吸收增加[@2][@3]"),
            replace("docs/chapter.en.md", "increases[@2]", "increases[@2][@3]"),
        ),
        (
            "references: docs/chapter.en.md:7: citation [@3] cites reference 3, which has no entry in "
            "docs/_data/references.yml; add an entry 'n: 3' or correct the number.",
            "references: docs/chapter.md:7: citation [@3] cites reference 3, which has no entry in "
            "docs/_data/references.yml; add an entry 'n: 3' or correct the number.",
            "Doc file 'chapter.md' contains a link 'references.md#ref-3', but the doc 'references.md' does not "
            "contain an anchor '#ref-3'.",
            "Doc file 'chapter.en.md' contains a link 'references.md#ref-3', but the doc 'references.en.md' does "
            "not contain an anchor '#ref-3'.",
        ),
    ),
    Fault(
        "malformed-citation",
        "malformed citation",
        (replace("docs/chapter.md", "骨吸收增加[@2]", "骨吸收增加[@2-]"),),
        (
            "parity: docs/chapter.en.md:5: citations in section '#part' differ between languages: Chinese "
            "(docs/chapter.md:5) has [@2-], English has [@2]; cite the same references at the same claims in both.",
            "references: docs/chapter.md:7: citation [@2-] is malformed; write [@n], a rising range [@n-m] "
            "or a list [@n,m].",
        ),
        shown=1,
    ),
    Fault(
        "reference-never-cited",
        "reference never cited / `cited_in` stale",
        (
            replace("docs/chapter.md", "骨吸收增加[@2]", "骨吸收增加"),
            replace("docs/chapter.en.md", "increases[@2]", "increases"),
        ),
        (
            "references: docs/_data/references.yml:7: reference 2 is never cited; cite it with [@2] "
            "where the source does, or remove the entry.",
        ),
    ),
    Fault(
        "cited-in-stale",
        "reference never cited / `cited_in` stale",
        (replace("docs/_data/references.yml", "cited_in: [chapter#part]", "cited_in: [chapter#chapter]"),),
        (
            "references: docs/_data/references.yml:7: reference 2 lists cited_in ['chapter#chapter'] but the "
            "pages cite it in ['chapter#part']; make cited_in match.",
        ),
    ),
    Fault(
        "missing-reference-field",
        "reference entry missing a field / duplicated",
        (replace("docs/_data/references.yml", "    en: Bone resorption increases.\n", ""),),
        (
            "references: docs/_data/references.yml:7: reference 2 has no 'claim.en'; state the claim it supports.",
            # the entry is not rendered (renderers see valid entries only), so its anchor is missing too
            *REF_2_ANCHOR_GONE,
        ),
    ),
    Fault(
        "reference-without-number",
        "reference entry missing a field / duplicated",
        (replace("docs/_data/references.yml", "- n: 2\n  cited_in", "- cited_in"),),
        (
            "references: docs/_data/references.yml:7: entry has no valid 'n' (a positive whole number); add it.",
            *REFERENCE_2_GONE,
        ),
    ),
    Fault(
        "probable-without-candidate",
        "reference entry missing a field / duplicated",
        (replace("docs/_data/references.yml", "  status: unknown\n- n: 2", "  status: probable\n- n: 2"),),
        (
            "references: docs/_data/references.yml:1: reference 1 is 'probable' but has no candidate.citation; "
            "add it from reference-candidates.md or set status: unknown.",
            "Doc file 'chapter.md' contains a link 'references.md#ref-1', but the doc 'references.md' does not "
            "contain an anchor '#ref-1'.",
            "Doc file 'chapter.en.md' contains a link 'references.md#ref-1', but the doc 'references.en.md' does "
            "not contain an anchor '#ref-1'.",
        ),
    ),
    Fault(
        "candidate-without-citation",
        "reference entry missing a field / duplicated",
        (
            replace(
                "docs/_data/references.yml",
                "  status: unknown\n- n: 2",
                "  status: probable\n  candidate:\n    doi: 10.1000/x\n- n: 2",
            ),
        ),
        (
            "references: docs/_data/references.yml:1: reference 1 is 'probable' but has no candidate.citation; "
            "add it from reference-candidates.md or set status: unknown.",
            "Doc file 'chapter.md' contains a link 'references.md#ref-1', but the doc 'references.md' does not "
            "contain an anchor '#ref-1'.",
            "Doc file 'chapter.en.md' contains a link 'references.md#ref-1', but the doc 'references.en.md' does "
            "not contain an anchor '#ref-1'.",
        ),
    ),
    Fault(
        "duplicate-reference-number",
        "reference entry missing a field / duplicated",
        (replace("docs/_data/references.yml", "- n: 2\n", "- n: 1\n"),),
        (
            "references: docs/_data/references.yml:7: reference 1 is defined twice (first at line 1); merge them.",
            "references: docs/_data/references.yml:7: reference 1 lists cited_in ['chapter#part'] but the pages "
            "cite it in ['chapter#chapter']; make cited_in match.",
            *REFERENCE_2_GONE,
        ),
    ),
    Fault(
        "variant-spelling",
        "variant spelling instead of the preferred term",
        (replace("docs/chapter.md", "骨吸收增加[@2]。", "骨吸收增加[@2]，见于类风湿性关节炎。"),),
        (
            "glossary: docs/chapter.md:7: '类风湿性关节炎' is a variant spelling of glossary term "
            "'rheumatoid-arthritis'; write the preferred term as listed in docs/_data/glossary.yml "
            "('类风湿关节炎').",
        ),
    ),
    Fault(
        "variant-spelling-inside-a-diagram",
        "variant spelling in a diagram (label, description, tooltip)",
        # what a diagram shows (labels, descriptions, tooltips) is text too; the link target is not
        (
            append(
                "docs/chapter.md",
                LABELLED_DIAGRAM.format(
                    title="图 1", descr="类风湿关节炎", label="类风湿关节炎", tooltip="类风湿性关节炎"
                ),
            ),
            append(
                "docs/chapter.en.md",
                LABELLED_DIAGRAM.format(title="Figure 1", descr="RA", label="RA", tooltip="rheumatoid arthritis"),
            ),
        ),
        (
            "glossary: docs/chapter.md:14: '类风湿性关节炎' is a variant spelling of glossary term "
            "'rheumatoid-arthritis'; write the preferred term as listed in docs/_data/glossary.yml "
            "('类风湿关节炎').",
        ),
    ),
    Fault(
        "glossary-synonym-names-no-entry",
        "glossary synonym that does not resolve to one defined entry",
        (append("docs/_data/glossary.yml", SYNONYM),),
        (
            "glossary: docs/_data/glossary.yml:30: glossary entry 'csf-1' says 'see: m-csf', but there is no "
            "other entry with that id; name the entry that holds the definition.",
        ),
    ),
    Fault(
        "glossary-synonym-of-a-synonym",
        "glossary synonym that does not resolve to one defined entry",
        (
            append(
                "docs/_data/glossary.yml",
                SYNONYM
                + DEFINED.replace(
                    "  def:\n    zh: 同一分子的两个名称。\n    en: One molecule, two names.\n", "  see: osteoclast\n"
                ),
            ),
        ),
        (
            "glossary: docs/_data/glossary.yml:30: glossary entry 'csf-1' says 'see: m-csf', which is itself a "
            "synonym of 'osteoclast'; point 'see' at the entry that holds the definition.",
        ),
    ),
    Fault(
        "glossary-synonym-with-its-own-definition",
        "glossary synonym that does not resolve to one defined entry",
        (
            append(
                "docs/_data/glossary.yml",
                SYNONYM + "  def:\n    zh: 另一个定义。\n    en: A second definition.\n" + DEFINED,
            ),
        ),
        (
            "glossary: docs/_data/glossary.yml:30: glossary entry 'csf-1' has both 'see: m-csf' and a definition; "
            "a synonym has one definition, in 'm-csf': move the text there and remove 'def'.",
        ),
    ),
    Fault(
        "glossary-note-link-to-a-missing-note",
        "glossary entry linking to a missing editor's note",
        (
            replace(
                "docs/_data/glossary.yml",
                "    en: The cell dedicated to bone resorption.\n",
                "    en: The cell dedicated to bone resorption.\n  note: no-such-note\n",
            ),
        ),
        (
            "glossary: docs/_data/glossary.yml:1: glossary entry 'osteoclast' links to editor's note "
            "'no-such-note', which does not exist; use the id of a note under 'notes:' in docs/_data/corrections/.",
        ),
    ),
    Fault(
        "glossary-entry-missing-a-language",
        "glossary entry missing a language, or a term that is not text",
        (replace("docs/_data/glossary.yml", "  en: osteoclast\n", ""),),
        (
            "glossary: docs/_data/glossary.yml:1: glossary entry 'osteoclast' has no English term ('en'); "
            "every entry needs both languages.",
        ),
    ),
    Fault(
        "glossary-term-not-text",
        "glossary entry missing a language, or a term that is not text",
        (replace("docs/_data/glossary.yml", "  zh: 破骨细胞\n", "  zh: 123\n"),),
        (
            "glossary: docs/_data/glossary.yml:1: glossary entry 'osteoclast' has 'zh' int 123, which is not text; "
            "write it as text.",
        ),
    ),
    Fault(
        "glossary-variant-not-a-pattern",
        "glossary entry missing a language, or a term that is not text",
        (replace("docs/_data/glossary.yml", "    - 类风湿性关节炎\n", "    - 're:类风湿(性'\n"),),
        (
            "glossary: docs/_data/glossary.yml:21: glossary entry 'rheumatoid-arthritis': variant 're:类风湿(性' "
            "is not a valid regular expression (missing ), unterminated subpattern at position 3); fix it.",
        ),
    ),
    Fault(
        "glossary-variant-not-showable",
        "glossary entry missing a language, or a term that is not text",
        (replace("docs/_data/glossary.yml", "    - 类风湿性关节炎\n", "    - 're:类风湿性?关节炎'\n"),),
        (
            "glossary: docs/_data/glossary.yml:21: glossary entry 'rheumatoid-arthritis': variant "
            "'re:类风湿性?关节炎' must be a plain word with only look-around conditions ((?!…), (?=…), (?<!…), "
            "(?<=…)), so that the glossary can show it to readers; fix it.",
        ),
    ),
    Fault(
        "abbreviation-without-entry",
        "abbreviation with no glossary entry",
        (
            # the check reads the review's text: the chapters (pages that open with learning objectives)
            replace("docs/chapter.md", "{ #chapter }\n", OBJECTIVES_ZH),
            replace("docs/chapter.en.md", "{ #chapter }\n", OBJECTIVES_EN),
            replace("docs/chapter.en.md", "Bone resorption increases", "Bone resorption increases in OVX rats"),
        ),
        (
            "glossary: docs/chapter.en.md:11: abbreviation 'OVX' has no glossary entry; add an entry with "
            "'abbr: OVX' to docs/_data/glossary.yml (or write the term out).",
        ),
    ),
    Fault(
        "duplicate-glossary-id",
        "duplicate glossary id / abbreviation",
        (replace("docs/_data/glossary.yml", "- id: rank\n", "- id: rankl\n"),),
        (
            "glossary: docs/_data/glossary.yml:14: glossary id 'rankl' is used twice (first at line 7); "
            "ids must be unique: rename or merge the entries.",
        ),
    ),
    Fault(
        "duplicate-abbreviation",
        "duplicate glossary id / abbreviation",
        (replace("docs/_data/glossary.yml", "  abbr: RANK\n", "  abbr: RANKL\n"),),
        (
            "glossary: docs/_data/glossary.yml:14: abbreviation 'RANKL' of 'rank' is already defined at line 7; "
            "one abbreviation, one entry.",
        ),
    ),
    Fault(
        "note-marker-naming-no-note",
        "editor's note marker naming no note, note unused or in one language only",
        (note_after_part("zh", "missing"), note_after_part("en", "missing")),
        (
            "editorial: docs/chapter.en.md:9: [[note:missing]] names no editor's note; add a note with id "
            "'missing' under 'notes:' in docs/_data/corrections/, or fix the id.",
            "editorial: docs/chapter.md:9: [[note:missing]] names no editor's note; add a note with id "
            "'missing' under 'notes:' in docs/_data/corrections/, or fix the id.",
        ),
    ),
    Fault(
        "note-never-shown",
        "editor's note marker naming no note, note unused or in one language only",
        (write("docs/_data/corrections/fixture.yml", f"corrections: []\nnotes:\n  - {NOTE}\n"),),
        (
            "editorial: docs/_data/corrections/fixture.yml:3: note 'doubt' is never shown; put [[note:doubt]] "
            "on its own line after the paragraph it comments on, in both languages.",
        ),
    ),
    Fault(
        "note-in-one-language",
        "editor's note marker naming no note, note unused or in one language only",
        (
            write("docs/_data/corrections/fixture.yml", f"corrections: []\nnotes:\n  - {NOTE}\n"),
            note_after_part("zh", "doubt"),
        ),
        (
            "editorial: docs/_data/corrections/fixture.yml:3: note 'doubt' is shown only in docs/chapter.md; "
            "add [[note:doubt]] at the same place in the English page.",
        ),
    ),
    Fault(
        "correction-count-not-a-number",
        "correction or note missing a field, or a field of the wrong type",
        (
            write(
                "docs/_data/corrections/fixture.yml",
                "corrections:\n  - {id: fix, page: chapter, section: part, kind: character, source: 骨吸收, "
                "site: 骨吸收, count: two, why: {zh: 改。, en: Fixed.}}\nnotes: []\n",
            ),
        ),
        (
            "editorial: docs/_data/corrections/fixture.yml:2: correction 'fix' has count 'two'; "
            "write a positive whole number.",
        ),
    ),
    Fault(
        "note-without-text",
        "correction or note missing a field, or a field of the wrong type",
        (
            write(
                "docs/_data/corrections/fixture.yml",
                f"corrections: []\nnotes:\n  - {NOTE.replace(', en: Doubtful.', '')}\n",
            ),
            note_after_part("zh", "doubt"),
            note_after_part("en", "doubt"),
        ),
        ("editorial: docs/_data/corrections/fixture.yml:3: note 'doubt' has no 'en'; add it.",),
    ),
    Fault(
        "duplicate-note-id",
        "duplicate correction or note id",
        (
            write("docs/_data/corrections/fixture.yml", f"corrections: []\nnotes:\n  - {NOTE}\n  - {NOTE}\n"),
            note_after_part("zh", "doubt"),
            note_after_part("en", "doubt"),
        ),
        (
            "editorial: docs/_data/corrections/fixture.yml:4: note id 'doubt' is used twice (first at "
            "docs/_data/corrections/fixture.yml:3); rename one.",
        ),
    ),
    Fault(
        "malformed-yaml",
        "malformed YAML",
        (replace("docs/_data/references.yml", "  status: unknown\n- n: 2", "  status: [unknown\n- n: 2"),),
        errors=(
            "docs/_data/references.yml:7: not valid YAML (did not find expected ',' or ']'); "
            "fix the syntax at this line.",
        ),
    ),
    Fault(
        "label-missing-in-a-language",
        "interface word missing in one language, or not text",
        (replace("docs/_data/labels.yml", "  glossary_abbr: Abbreviation\n", ""),),
        errors=("docs/_data/labels.yml: label 'glossary_abbr' is missing in 'en'; add its en wording.",),
    ),
    Fault(
        "edition-title-missing-in-a-language",
        "edition data missing a field, or a field of the wrong type",
        (
            replace(
                "docs/_data/edition.yml",
                "    en: The role of immunological factors in the development of osteoporosis\n",
                "",
            ),
        ),
        errors=("docs/_data/edition.yml:3: 'source.title' has no 'en'; add the source's title in en.",),
    ),
    Fault(
        "edition-slug-not-text",
        "edition data missing a field, or a field of the wrong type",
        (replace("docs/_data/edition.yml", "slug: osteoimmunology\n", "slug: [osteoimmunology]\n"),),
        errors=("docs/_data/edition.yml:1: 'slug' is list ['osteoimmunology'], which is not text; write it as text.",),
    ),
    Fault(
        "unreadable-data-file",
        "unreadable data file",
        (delete("docs/_data/glossary.yml"),),
        errors=("docs/_data/glossary.yml: cannot read the data file (No such file or directory); restore it.",),
    ),
    Fault(
        "diagram-in-one-language",
        "diagram in one language only, or without `accTitle`/`accDescr`",
        (
            replace(
                "docs/chapter.md",
                "骨吸收增加[@2]。\n",
                "骨吸收增加[@2]。\n" + DIAGRAM.format(title="图 1", descr="RANKL 作用于 RANK。"),
            ),
        ),
        (
            "parity: docs/chapter.en.md: has 0 diagram(s) but docs/chapter.md has 1; every diagram must exist "
            "in both languages, in the same order.",
        ),
    ),
    Fault(
        "diagram-without-text-alternative",
        "diagram in one language only, or without `accTitle`/`accDescr`",
        (
            replace(
                "docs/chapter.md", "骨吸收增加[@2]。\n", "骨吸收增加[@2]。\n" + NO_DESCR_DIAGRAM.format(title="图 1")
            ),
            replace(
                "docs/chapter.en.md", "increases[@2].\n", "increases[@2].\n" + NO_DESCR_DIAGRAM.format(title="Figure 1")
            ),
        ),
        (
            "parity: docs/chapter.en.md:9: diagram has no accDescr; add 'accDescr: …' inside the mermaid block "
            "so screen readers and the PDF carry a text alternative.",
            "parity: docs/chapter.md:9: diagram has no accDescr; add 'accDescr: …' inside the mermaid block "
            "so screen readers and the PDF carry a text alternative.",
        ),
    ),
    Fault(
        "paragraphs-do-not-pair",
        "paragraphs that no longer pair up for the parallel view",
        (
            replace("docs/chapter.md", "{ #chapter }\n", OBJECTIVES_ZH),
            replace("docs/chapter.en.md", "{ #chapter }\n", OBJECTIVES_EN),
            replace("docs/chapter.md", "骨吸收增加[@2]。\n", "骨吸收增加[@2]。\n\n另一段。\n"),
        ),
        (
            "parallel: docs/chapter.en.md:9: parallel view: section '#part' has 1 paragraphs/blocks here but 2 in "
            "docs/chapter.md:9, so the side-by-side view misaligns; give both files the same paragraphs, lists, "
            "admonitions and notes in the same order.",
        ),
    ),
    Fault(
        "broken-link",
        "broken link or anchor",
        (replace("docs/chapter.md", "骨吸收增加[@2]。", "骨吸收增加[@2]，见[术语表](glossary.md#no-such-term)。"),),
        (
            "Doc file 'chapter.md' contains a link 'glossary.md#no-such-term', but the doc 'glossary.md' "
            "does not contain an anchor '#no-such-term'.",
        ),
    ),
]


def abridged(message: str, limit: int = 90) -> str:
    """The start of a message, cut at a word, for the README table."""
    if len(message) <= limit:
        return message
    return message[:limit].rsplit(" ", 1)[0] + " …"


def readme_table() -> str:
    """README.md's fault table: one row per README fault, its first message, its fixture tests."""
    rows: dict[str, list[Fault]] = {}
    for fault in FAULTS:
        rows.setdefault(fault.readme, []).append(fault)
    lines = ["| fault | message (abridged) | proven by `test_faults.py::test_fault[…]` |", "|---|---|---|"]
    for readme, faults in rows.items():
        fault = faults[0]
        messages = list(fault.warnings) + ["ERROR - " + error for error in fault.errors]
        message = abridged(messages[fault.shown]).replace("|", "\\|")
        proofs = ", ".join(f"`{fault.id}`" for fault in faults)
        lines.append(f"| {readme} | `{message}` | {proofs} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(readme_table(), end="")
