"""The chapters against the source: sections, citations, corrections, parity."""

from __future__ import annotations

import re
import unicodedata

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup, NavigableString
from mkdocs.utils.meta import get_data

from sitebuild import ROOT
from sitehook import project_site_model

SOURCE = ROOT / "source" / "000_5d57aad7059f5c83.txt"
DOCS = ROOT / "docs"
CHAPTERS = [
    "abstract",
    "immunology/index",
    "immunology/t-cells",
    "immunology/b-cells",
    "immunology/cytokines",
    "immunology/vitamin-d",
    "autoimmune/index",
    "autoimmune/rheumatoid-arthritis",
    "autoimmune/ankylosing-spondylitis",
    "autoimmune/lupus",
    "autoimmune/glucocorticoids",
    "immunotherapy",
]
# every page MkDocs builds (the site model's: exclude_docs decides, not a "_" in a folder's name)
ALL_PAGES = sorted(project_site_model(ROOT).in_language("zh"))
# A source heading: "1.3.1　骨质疏松症与 IL-17 …" after NFKC (the 1.3.x headings run in)
SOURCE_HEADING_RE = re.compile(r"^(\d(?:\.\d){0,2})\s+(?=[\u4e00-\u9fff])")
SOURCE_CITATION_RE = re.compile(r"\[(\d+(?:\s*-\s*\d+)?)\]")


def source_text() -> str:
    return unicodedata.normalize("NFKC", SOURCE.read_text(encoding="utf-8"))


def source_sections() -> dict[str, list[str]]:
    """Section number -> its citations in order ('7-8' for a range), from the source."""
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for line in source_text().splitlines():
        match = SOURCE_HEADING_RE.match(line.strip())
        if match:
            current = match.group(1)
            sections[current] = []
        for citation in SOURCE_CITATION_RE.findall(line):
            sections[current].append(re.sub(r"\s+", "", citation))
    return sections


# The oracle: Python-Markdown itself (not the hooks' line parser in sitecheck.markdown) renders a
# page; headings and citation markers are then read from the HTML in document order, skipping code.
ORACLE_EXTENSIONS = ["attr_list", "admonition", "md_in_html", "tables", "def_list", "pymdownx.details"]
ORACLE_CITATION_RE = re.compile(r"\[@([^\]]*)\]")
ORACLE_NUMBER_RE = re.compile(r"^(\d+(?:\.\d+)*)\s")


def oracle_sections(text: str) -> list[dict]:
    """[{id, number, citations}] per heading of a Markdown page (the first entry: before any heading)."""
    body, _front_matter = get_data(text)
    soup = BeautifulSoup(markdown.markdown(body, extensions=ORACLE_EXTENSIONS), "html.parser")
    sections = [{"id": None, "number": None, "citations": []}]
    for node in soup.descendants:
        if getattr(node, "name", None) in ("h1", "h2", "h3", "h4", "h5", "h6"):
            number = ORACLE_NUMBER_RE.match(node.get_text())
            sections.append({"id": node.get("id"), "number": number and number.group(1), "citations": []})
        elif isinstance(node, NavigableString) and not node.find_parent(["pre", "code"]):
            sections[-1]["citations"] += ORACLE_CITATION_RE.findall(str(node))
    return sections


def site_sections(lang: str) -> dict[str, list[str]]:
    """Section number -> its citations in order, from the chapter pages of ``lang``."""
    found: dict[str, list[str]] = {}
    suffix = ".en.md" if lang == "en" else ".md"
    for chapter in CHAPTERS:
        text = (DOCS / f"{chapter}{suffix}").read_text(encoding="utf-8")
        for section in oracle_sections(text):
            if section["number"]:
                found[section["number"]] = section["citations"]
    return found


def test_source_is_available():
    assert SOURCE.is_file(), f"the source text is expected at {SOURCE}"


def test_source_has_the_expected_sections():
    numbers = list(source_sections())
    assert numbers == [
        "", "1", "1.1", "1.2", "1.3", "1.3.1", "1.3.2", "1.3.3", "1.3.4", "1.3.5", "1.4",
        "2", "2.1", "2.2", "2.3", "2.4", "3",
    ]  # fmt: skip


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_source_section_is_a_numbered_heading_with_its_citations(lang):
    expected = {n: c for n, c in source_sections().items() if n}
    assert site_sections(lang) == expected


def test_all_41_references_are_cited_in_the_source_and_the_site():
    cited = set()
    for citations in site_sections("zh").values():
        for c in citations:
            first, _, last = c.partition("-")
            cited.update(range(int(first), int(last or first) + 1))
    assert cited == set(range(1, 42))


@pytest.mark.parametrize("page", ALL_PAGES)
def test_same_heading_ids_in_the_same_order_in_both_languages(page):
    zh = oracle_sections((DOCS / f"{page}.md").read_text(encoding="utf-8"))[1:]
    en = oracle_sections((DOCS / f"{page}.en.md").read_text(encoding="utf-8"))[1:]
    assert zh, page
    assert [h["id"] for h in zh] == [h["id"] for h in en]
    assert all(h["id"] and re.fullmatch(r"[a-z0-9-]+", h["id"]) for h in zh)
    assert [h["number"] for h in zh] == [h["number"] for h in en]


@pytest.mark.parametrize("page", CHAPTERS)
def test_same_citations_per_section_in_both_languages(page):
    def per_section(suffix):
        text = (DOCS / f"{page}{suffix}").read_text(encoding="utf-8")
        return [(s["id"], s["citations"]) for s in oracle_sections(text)]

    zh, en = per_section(".md"), per_section(".en.md")
    assert zh == en


@pytest.mark.parametrize("page", CHAPTERS)
def test_editorial_additions_are_marked_on_every_chapter(page):
    for suffix, marks in ((".md", ("（编者补充）",)), (".en.md", ("(editorial addition)",))):
        text = (DOCS / f"{page}{suffix}").read_text(encoding="utf-8")
        objectives = re.search(r'!!! objectives "[^"]+"\n\n((?:    - .*\n)+)', text)
        assert objectives and 3 <= len(objectives.group(1).splitlines()) <= 5
        assert "!!! keypoints" in text and "!!! selfcheck" in text
        assert text.count('??? question "') >= 3
        assert all(m in text for m in marks)


def corrections():
    for path in sorted((DOCS / "_data" / "corrections").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in data.get("corrections") or []:
            yield path.name, entry
        for entry in data.get("notes") or []:
            yield path.name, {**entry, "kind": "note"}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("name,entry", list(corrections()), ids=lambda v: v if isinstance(v, str) else v["id"])
def test_correction_quotes_the_source_and_the_page(name, entry):
    source = squash(source_text())
    quoted = entry.get("quote") or entry.get("source")
    assert squash(quoted) in source, f"{name}: {entry['id']}: {quoted!r} is not in the source"
    if entry["kind"] == "note":
        return
    page = DOCS / f"{entry['page']}{'.en.md' if entry['kind'] == 'english' else '.md'}"
    assert squash(entry["site"]) in squash(page.read_text(encoding="utf-8")), (
        f"{name}: {entry['id']}: {entry['site']!r} is not in {page.name}"
    )


def test_chinese_text_has_no_full_width_latin_or_digits():
    for page in CHAPTERS:
        text = (DOCS / f"{page}.md").read_text(encoding="utf-8")
        assert not re.search(r"[Ａ-Ｚａ-ｚ０-９]", text), page


def test_real_site_builds_with_no_finding(real_build):
    _site, result = real_build
    assert [line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))] == []


def glossary_records():
    from sitecheck.data import load_records

    path = "docs/_data/glossary.yml"
    return load_records((ROOT / path).read_text(encoding="utf-8"), path)


def test_every_glossary_synonym_resolves_to_one_defined_entry():
    from sitecheck.glossary import synonym_findings

    records = glossary_records()
    by_id = {r.get("id"): r for r in records}
    pairs = {(r.get("id"), r.get("see")) for r in records if r.get("see")}
    assert ("csf-1", "m-csf") in pairs  # CSF-1 and M-CSF are one molecule (issue #14)
    assert [str(f) for f in synonym_findings(records, "glossary.yml")] == []
    for synonym, target in pairs:
        assert by_id[target].get("def.zh") and by_id[target].get("def.en") and not by_id[target].get("see")
        assert by_id[synonym].get("def") is None, synonym


def test_variant_check_keeps_one_chinese_name_for_giop_in_text_and_diagrams():
    from sitecheck.glossary import variant_findings, variants

    forbidden = variants(glossary_records())
    text = (
        "糖皮质激素性骨质疏松症的病理生理。\n\n```mermaid\nflowchart LR\n"
        '    giop["GIOP"]\n    click giop href "x/" "糖皮质激素性骨质疏松症"\n```\n'
    )
    found = variant_findings("docs/x.md", text, forbidden, "glossary.yml")
    assert [(f.line, f.message.split("'")[3]) for f in found] == [(1, "giop"), (6, "giop")]
    assert variant_findings("docs/x.md", "糖皮质激素诱导的骨质疏松症（GIOP）\n", forbidden, "glossary.yml") == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_glossary_shows_readers_words_never_patterns(site_dir, lang):
    """The "not used" forms on the glossary page are words (a variant's pattern
    're:骨质疏松(?![症性])' is shown as 骨质疏松), never regular-expression syntax."""
    root = "" if lang == "zh" else "en/"
    soup = BeautifulSoup((site_dir / root / "glossary" / "index.html").read_text(encoding="utf-8"), "html.parser")
    shown = [p.get_text() for p in soup.select("p.glossary-entry__avoid")]
    assert any("骨质疏松" in text for text in shown)
    assert not [text for text in shown if re.search(r"\(\?|\[|\]|re:", text)]
