"""Every content fault the hooks catch stops the strict build with exact messages.

One in-process fixture build per row of ``faults.FAULTS`` (MkDocs'
``build_tests.py`` style); README.md's fault table is generated from that table.
"""

from __future__ import annotations

import re

import pytest

from faults import DEFINED, FAULTS, SYNONYM, Fault, readme_table
from fixture_site import FixtureSite
from sitebuild import ROOT


@pytest.fixture
def site(tmp_path):
    return FixtureSite(tmp_path)


def apply(site: FixtureSite, fault: Fault) -> None:
    for kind, name, *args in fault.edits:
        getattr(site, kind)(name, *args)


def test_fixture_without_faults_builds_clean(site):
    result = site.build()
    assert result.crash is None, result.crash
    assert result.ok, result.log
    assert result.warnings == [] and result.errors == []
    html = (site.root / "site" / "chapter" / "index.html").read_text()
    assert 'href="../references/#ref-1"' in html
    assert '<abbr title="核因子κB受体活化因子配体（RANK ligand）">RANKL</abbr>' in html


def test_glossary_synonym_renders_as_a_link_to_the_one_definition(site):
    site.append("docs/_data/glossary.yml", SYNONYM + DEFINED)
    result = site.build()
    assert result.crash is None, result.crash
    assert result.ok, result.log
    html = (site.root / "site" / "en" / "glossary" / "index.html").read_text()
    entry = html.split('id="csf-1"', 1)[1].split("</div>", 1)[0]
    assert 'Synonym; defined under: <a href="#m-csf">macrophage colony-stimulating factor (<abbr' in entry
    target = html.split('id="m-csf"', 1)[1].split("</div>", 1)[0]
    assert 'Synonyms: <a href="#csf-1">colony-stimulating factor 1 (<abbr' in target
    assert "One molecule, two names." in target and "One molecule" not in entry


def test_a_rebuild_in_the_same_process_starts_from_fresh_state(site):
    # as under `mkdocs serve`: the same hook modules build again after the editor's fix
    site.replace("docs/chapter.md", "骨吸收增加[@2]", "骨吸收增加[@2][@3]")
    assert not site.build().ok
    site.replace("docs/chapter.md", "骨吸收增加[@2][@3]", "骨吸收增加[@2]")
    result = site.build()
    assert (result.ok, result.warnings, result.errors, result.crash) == (True, [], [], None)


@pytest.mark.parametrize("fault", FAULTS, ids=lambda fault: fault.id)
def test_fault(site, fault):
    apply(site, fault)
    result = site.build()
    assert result.crash is None, result.crash
    assert not result.ok, "the strict build should have failed"
    assert (result.warnings, result.errors) == (list(fault.warnings), list(fault.errors))


def test_fault_ids_are_unique():
    ids = [fault.id for fault in FAULTS]
    assert len(ids) == len(set(ids))


def test_reference_without_a_number_is_a_message_not_a_traceback(site):
    # issue 13: renderers only see valid entries, so the checks' message is what the editor gets
    site.replace("docs/_data/references.yml", "- n: 2\n  cited_in", "- cited_in")
    result = site.build()
    assert result.crash is None, result.crash
    assert not result.ok
    # besides MkDocs' own "no anchor '#ref-2'" for the citation links (the entry is not rendered)
    assert [w for w in result.warnings if "does not contain an anchor '#ref-2'" not in w] == [
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
    assert result.crash is None, result.crash
    assert not result.ok
    # besides MkDocs' own "no anchor '#ref-2'" for the citation links (the entry is not rendered)
    assert [w for w in result.warnings if "does not contain an anchor '#ref-2'" not in w] == [
        "references: docs/_data/references.yml:7: reference 2 is 'probable' but has no candidate.citation; "
        "add it from reference-candidates.md or set status: unknown.",
    ]


def test_readme_fault_table_is_generated_from_the_fault_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- faults:start -->\n(.*?)<!-- faults:end -->", readme, re.S)
    assert match, "README.md has no <!-- faults:start --> … <!-- faults:end --> block"
    assert match.group(1) == readme_table(), "run `python tests/build/faults.py` and paste its output into README.md"
