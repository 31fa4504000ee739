"""Build caches of rendered text kept on disk (sitecheck/diskcache.py and one file per answer):
the pages' descriptions (hooks/seo.py) and the glossary page's entries with their "used in"
lists (hooks/glossary.py). A change of any input is rendered anew, never served an old text."""

from __future__ import annotations

from types import SimpleNamespace

import glossary  # hooks/glossary.py
import pytest
import seo  # hooks/seo.py

from sitecheck.data import Record
from sitecheck.seo import first_paragraph_text, shorten


@pytest.fixture
def config(tmp_path, monkeypatch):
    monkeypatch.setenv("SEO_DESCRIPTIONS_CACHE_DIR", str(tmp_path / "seo"))
    monkeypatch.setenv("GLOSSARY_LINKS_CACHE_DIR", str(tmp_path / "glossary"))
    monkeypatch.setattr(seo, "description_caches", {})
    monkeypatch.setattr(seo, "state", {})
    return SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))


PAGES = [
    "<h1>T 细胞</h1><p>T 细胞调控骨代谢。<sup class='citation'>[1]</sup></p>",
    "<h1>T 细胞</h1><p>T 细胞调控破骨细胞。</p>",
    "<h1>T cells</h1><p>" + "T cells regulate bone. " * 12 + "</p>",
    "<h1>T cells</h1><div class='admonition'><p>Key points</p></div>",
]


def test_a_changed_page_gets_its_own_description(config, monkeypatch):
    descriptions = [seo.description_of(config, html) for html in PAGES]
    assert descriptions == [shorten(first_paragraph_text(html)) for html in PAGES]
    assert len(set(descriptions)) == len(PAGES)
    seo.on_post_build(SimpleNamespace(plugins={}, site_url=None))  # saves the file
    monkeypatch.setattr(seo, "description_caches", {})  # a new build process
    monkeypatch.setattr(seo, "state", {})
    monkeypatch.setattr(seo, "first_paragraph_text", lambda html: pytest.fail("read again"))
    assert [seo.description_of(config, html) for html in PAGES] == descriptions


def test_new_description_code_starts_a_new_file(config, monkeypatch, tmp_path):
    seo.description_of(config, PAGES[0])
    path = seo.state["descriptions"].path
    changed = tmp_path / "seo.py"
    changed.write_text("# changed\n", encoding="utf-8")
    monkeypatch.setattr(seo.sitecheck_seo, "__file__", str(changed))
    monkeypatch.setattr(seo, "state", {})
    seo.description_of(config, PAGES[0])
    assert seo.state["descriptions"].path != path


def fake_listing(monkeypatch, rendered: list):
    """usage() and glossary_page() replaced by a rendering that names every input it was given."""
    monkeypatch.setattr(glossary, "usage", lambda records, content, lang: {"pages": list(content.items())})

    def page(records, lang, labels, used_in, note_pages):
        rendered.append(lang)
        return repr(([r.data for r in records], lang, labels, used_in, note_pages))

    monkeypatch.setattr(glossary, "glossary_page", page)


def test_the_glossary_listing_is_rendered_anew_when_any_input_changes(config, monkeypatch):
    rendered: list = []
    fake_listing(monkeypatch, rendered)
    records = [Record(1, {"id": "rankl", "zh": "核因子κB受体活化因子配体", "en": "RANKL"})]
    labels = {"zh": {"used_in": "见于"}, "en": {"used_in": "Used in"}}
    monkeypatch.setattr(glossary, "state", {"records": records, "labels": labels, "note_pages": {}})
    content = {"immunology/t-cells": "## 1.3 T 细胞\nRANKL …", "abstract": "## 摘要\n…"}
    inputs = [
        (content, "zh"),
        (content, "en"),
        ({**content, "abstract": "## 摘要\n改了"}, "zh"),  # a chapter's text
        (dict(reversed(content.items())), "zh"),  # reading order
    ]
    listings = [glossary.glossary_listing(config, pages, lang) for pages, lang in inputs]
    assert len(rendered) == len(inputs) and len(set(listings)) == len(inputs)
    for change in (
        {"labels": {**labels, "zh": {"used_in": "用于"}}},
        {"note_pages": {"n1": "references"}},
        {"records": [Record(1, {**records[0].data, "abbr": "RANKL"})]},
    ):
        glossary.state.update({"labels": labels, "note_pages": {}, "records": records, **change})
        listings.append(glossary.glossary_listing(config, content, "zh"))
    assert len(rendered) == len(listings) and len(set(listings)) == len(listings)
    rendered.clear()
    glossary.state.update(labels=labels, note_pages={}, records=records)
    assert [glossary.glossary_listing(config, pages, lang) for pages, lang in inputs] == listings[: len(inputs)]
    assert rendered == []  # each from its file
