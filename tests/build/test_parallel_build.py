"""The parallel view in a real (fixture) build: generated in both languages; a
section whose paragraphs cannot be paired stops the strict build by name."""

from __future__ import annotations

import pytest

from fixture_site import FixtureSite, warnings


@pytest.fixture
def site(tmp_path):
    site = FixtureSite(tmp_path)
    site.replace("mkdocs.yml", "  - hooks/editorial.py\n", "  - hooks/editorial.py\n  - hooks/parallel.py\n")
    # a chapter is a page that opens with learning objectives
    site.replace(
        "docs/chapter.md", "{ #chapter }\n", '{ #chapter }\n\n!!! objectives "学习目标"\n\n    - 说明 RANKL。\n'
    )
    site.replace(
        "docs/chapter.en.md",
        "{ #chapter }\n",
        '{ #chapter }\n\n!!! objectives "Objectives"\n\n    - Explain RANKL.\n',
    )
    return site


def test_view_is_generated_in_both_languages_and_linked_from_the_chapter(site):
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert warnings(result) == []
    out = site.root / "site"
    zh = (out / "parallel" / "chapter" / "index.html").read_text()
    en = (out / "en" / "parallel" / "chapter" / "index.html").read_text()
    for view in (zh, en):
        assert '<div class="parallel-col" lang="zh-Hans">' in view and '<div class="parallel-col" lang="en">' in view
        assert "骨吸收增加" in view and "Bone resorption increases" in view
        assert 'id="part"' in view
        assert 'id="zh-cite-2"' in view and 'id="en-cite-2"' in view
    assert 'href="../parallel/chapter/"' in (out / "chapter" / "index.html").read_text()
    assert 'href="../parallel/chapter/"' in (out / "en" / "chapter" / "index.html").read_text()


def test_paragraph_missing_in_one_language_fails_naming_file_and_section(site):
    site.replace("docs/chapter.md", "骨吸收增加[@2]。\n", "骨吸收增加[@2]。\n\n另一段。\n")
    result = site.build()
    assert result.returncode != 0, "the strict build should have failed"
    assert warnings(result) == [
        "parallel: docs/chapter.en.md:9: parallel view: section '#part' has 1 paragraphs/blocks here but 2 in "
        "docs/chapter.md:9, so the side-by-side view misaligns; give both files the same paragraphs, lists, "
        "admonitions and notes in the same order."
    ]
