"""The build caches of hooks/glossary.py, jieba's words for search (sitecheck/diskcache.py) and
the pages with their glossary links: a changed text, page, glossary, dictionary or jieba version
is never served an old answer, and a build whose texts are cached never loads jieba."""

from __future__ import annotations

from types import SimpleNamespace

import glossary  # hooks/glossary.py
import jieba
import material.plugins.search.plugin as material_search
import pytest

from sitecheck.data import Record
from sitecheck.diskcache import DiskCache, file_key

# a term no other test gives jieba, and no dictionary word: split unless the glossary has it
TERM = "骨稳免轴"
TEXT = f"{TERM}失衡"


def halves(calls, text):
    def segment():
        calls.append(text)
        return [text[:1], text[1:]]

    return segment


def test_a_changed_text_is_segmented_anew_not_served_from_the_file(tmp_path):
    calls = []
    cache = DiskCache(tmp_path / "k.json", valid=glossary.words_of_a_text)
    assert cache.get("骨免疫", halves(calls, "骨免疫")) == ["骨", "免疫"]
    cache.save()
    again = DiskCache(tmp_path / "k.json", valid=glossary.words_of_a_text)
    assert again.get("骨免疫", halves(calls, "骨免疫")) == ["骨", "免疫"]
    assert calls == ["骨免疫"]  # from the file
    assert again.get("骨免疫学", halves(calls, "骨免疫学")) == ["骨", "免疫学"]
    assert calls == ["骨免疫", "骨免疫学"]


def test_the_file_is_written_whole_and_a_damaged_one_is_ignored(tmp_path):
    path = tmp_path / "k.json"
    path.write_text('{"骨免疫": ["骨", "免', encoding="utf-8")  # cut short
    cache = DiskCache(path)
    assert cache.values == {}
    cache.get("骨免疫", lambda: ["骨免疫"])
    cache.save()
    assert DiskCache(path).values == {"骨免疫": ["骨免疫"]}
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left
    path.write_text('{"骨免疫": ["骨", "疫"]}', encoding="utf-8")  # words that are not the text's
    assert DiskCache(path, valid=glossary.words_of_a_text).values == {}


def test_the_file_name_changes_with_jieba_its_dictionary_and_the_glossary():
    key = file_key("0.42.1", b"dict", "骨转换 20000 n\n")
    assert key != file_key("0.42.2", b"dict", "骨转换 20000 n\n")
    assert key != file_key("0.42.1", b"dict2", "骨转换 20000 n\n")
    assert key != file_key("0.42.1", b"dict", "骨转换 20000 n\n骨重建 20000 n\n")
    assert key != file_key("0.42.1d", b"ict", "骨转换 20000 n\n")  # parts do not run together
    assert key == file_key("0.42.1", b"dict", "骨转换 20000 n\n")


@pytest.fixture
def search_module(monkeypatch, tmp_path):
    """Material's search module with jieba restored afterwards; the cache in a temporary folder."""
    monkeypatch.setattr(material_search, "jieba", jieba)
    monkeypatch.setenv("SEARCH_SEGMENTS_CACHE_DIR", str(tmp_path / "segments"))
    monkeypatch.setattr(glossary, "segment_caches", {})
    return SimpleNamespace(config=SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml")))


def search_words(text: str) -> list[str]:
    return list(material_search.jieba.cut(text.encode("utf-8")))


def test_a_changed_glossary_is_not_served_the_old_words(search_module):
    glossary.segment_search_text(search_module.config, [])
    before = search_words(TEXT)
    assert TERM not in before and "".join(before) == TEXT
    glossary.on_post_build(search_module.config)
    record = Record(1, {"id": "axis", "zh": TERM, "en": "axis"})
    glossary.segment_search_text(search_module.config, [record])
    assert TERM in search_words(TEXT)  # the glossary's term is whole, as jieba gives it now


def test_a_build_with_every_text_cached_never_loads_jieba(search_module, monkeypatch):
    glossary.segment_search_text(search_module.config, [])
    words = search_words("骨质疏松症")
    assert words == list(jieba.cut("骨质疏松症"))
    glossary.on_post_build(search_module.config)  # the build's end writes the file
    monkeypatch.setattr(glossary, "segment_caches", {})  # a new build process

    def no_jieba(records):
        raise AssertionError("jieba's dictionary was loaded for a cached text")

    monkeypatch.setattr(glossary, "load_search_dictionary", no_jieba)
    glossary.segment_search_text(search_module.config, [])
    assert search_words("骨质疏松症") == words


def test_the_glossarys_terms_go_to_jieba_once_a_build_not_once_a_text(search_module, monkeypatch):
    loads = []
    monkeypatch.setattr(glossary, "load_search_dictionary", lambda records: loads.append(records))
    glossary.segment_search_text(search_module.config, [])
    for text in ("骨免疫一", "骨免疫二", "骨免疫三"):  # three texts not in the cache
        assert "".join(search_words(text)) == text
    assert len(loads) == 1
    glossary.segment_search_text(search_module.config, [])  # the next build (or language pass)
    search_words("骨免疫四")
    assert len(loads) == 2


# --- the glossary's links, kept on disk per page (hooks/glossary.py linked_page) ---------

PAGE = '<h2 id="a">1.3 细胞因子</h2><p>破骨细胞分泌 IL-17。</p>'
TERMS = {"破骨细胞": "osteoclast"}


@pytest.fixture
def links_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("GLOSSARY_LINKS_CACHE_DIR", str(tmp_path / "links"))
    monkeypatch.setattr(glossary, "state", {})
    return SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))


def linked(config, html=PAGE, terms=TERMS, url="../glossary/"):
    return glossary.linked_page(config, html, terms, {}, "zh", url, "术语表")


def test_linked_pages_are_served_from_disk_only_for_the_same_page_and_glossary(links_cache, monkeypatch):
    first = linked(links_cache)
    assert 'href="../glossary/#osteoclast"' in first
    calls = []
    real = glossary.link_first_uses
    monkeypatch.setattr(glossary, "link_first_uses", lambda *args: (calls.append(args[0]), real(*args))[1])
    assert linked(links_cache) == first and calls == []  # the same input: from the file
    changed = PAGE.replace("IL-17", "IL-6")
    assert "IL-6" in linked(links_cache, html=changed) and calls == [changed]  # a changed page
    assert "#bone" in linked(links_cache, terms={"破骨细胞": "bone"})  # a changed glossary
    assert 'href="../../glossary/' in linked(links_cache, url="../../glossary/")
    assert len(calls) == 3
