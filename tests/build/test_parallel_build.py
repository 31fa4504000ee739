"""The parallel view in a real (fixture) build, in-process: generated in both
languages and linked from the chapter. (A section whose paragraphs cannot be
paired is the fault table's ``paragraphs-do-not-pair`` row.)"""

from __future__ import annotations

from faults import OBJECTIVES_EN, OBJECTIVES_ZH
from fixture_site import FixtureSite


def test_view_is_generated_in_both_languages_and_linked_from_the_chapter(tmp_path):
    site = FixtureSite(tmp_path)
    # a chapter is a page that opens with learning objectives
    site.replace("docs/chapter.md", "{ #chapter }\n", OBJECTIVES_ZH)
    site.replace("docs/chapter.en.md", "{ #chapter }\n", OBJECTIVES_EN)
    result = site.build()
    assert result.crash is None, result.crash
    assert result.ok, result.log
    assert result.warnings == []
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
