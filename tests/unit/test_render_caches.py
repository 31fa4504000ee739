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


def test_web_app_icons_are_drawn_anew_for_another_picture_size_or_resvg(config, monkeypatch):
    import importlib.metadata

    import resvg_py
    import webapp  # hooks/webapp.py

    pictures = [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"><rect width="1" height="1" fill="#00f"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"><rect width="2" height="1" fill="#00f"/></svg>',
    ]

    def drawn(svg, size):
        return bytes(resvg_py.svg_to_bytes(svg_string=svg, width=size, height=size, skip_system_fonts=True))

    asked = [(pictures[0], 48), (pictures[1], 48), (pictures[0], 64)]
    icons = [webapp.icon_png(config, svg, size) for svg, size in asked]
    assert icons == [drawn(svg, size) for svg, size in asked] and len(set(icons)) == len(asked)
    real_version = importlib.metadata.version
    monkeypatch.setattr(resvg_py, "svg_to_bytes", lambda **kwargs: pytest.fail("drawn again"))
    assert [webapp.icon_png(config, svg, size) for svg, size in asked] == icons  # from the files
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "0" if name == "resvg-py" else real_version(name))
    monkeypatch.setattr(resvg_py, "svg_to_bytes", lambda **kwargs: b"new resvg")
    assert webapp.icon_png(config, *asked[0]) == b"new resvg"


RAW_SVG = (
    '<svg id="fig-{key}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40" style="max-width: 100px;" '
    'aria-labelledby="chart-title-fig-{key}" aria-describedby="chart-desc-fig-{key}" role="graphics-document">'
    '<title id="chart-title-fig-{key}">{title}</title><desc id="chart-desc-fig-{key}">RANKL</desc>'
    '<style>#fig-{key} .node rect{{fill:#ECECFF;}}</style><g class="node"><rect width="10" height="10"/></g></svg>'
)


def test_finished_figures_are_finished_anew_for_another_svg_key_or_code(tmp_path, monkeypatch):
    import diagrams  # hooks/diagrams.py

    from sitecheck.diagrams import figure_html, finish_svg

    monkeypatch.setattr(diagrams, "state", {"cache": tmp_path / "diagrams"})
    asked = [
        (RAW_SVG.format(key="a" * 12, title="图 1"), "a" * 64),
        (RAW_SVG.format(key="a" * 12, title="图 2"), "a" * 64),
        (RAW_SVG.format(key="b" * 12, title="图 1"), "b" * 64),
    ]
    figures = [diagrams.finished_figure(svg, key) for svg, key in asked]
    assert figures == [figure_html(finish_svg(svg, key)) for svg, key in asked]
    assert len(set(figures)) == len(asked)
    monkeypatch.setattr(diagrams, "finish_svg", lambda svg, key: "finished again")
    assert [diagrams.finished_figure(svg, key) for svg, key in asked] == figures  # from the files
    diagrams.state["finishing_code"] = [*diagrams.state["finishing_code"], b"# changed"]
    assert diagrams.finished_figure(*asked[0]) != figures[0]


def test_a_parallel_view_is_rendered_anew_when_any_input_changes(config, monkeypatch, tmp_path):
    import parallel  # hooks/parallel.py

    from sitecheck.parallel import pair_sections

    monkeypatch.setenv("PARALLEL_VIEWS_CACHE_DIR", str(tmp_path / "views"))
    rendered = []

    def view(page, pairs, lang):
        rendered.append(page)
        state = parallel.state
        return repr(
            (
                page,
                pairs,
                lang,
                state["labels"],
                state["languages"],
                state["references"],
                state["notes"],
                state["docs_dir"],
            )
        )

    monkeypatch.setattr(parallel, "view_markdown", view)

    def pairs(en_text="## 1.3 T cells {#t-cells}\n\nT cells.\n"):
        return pair_sections({"zh": ("t.md", "## 1.3 T 细胞 {#t-cells}\n\nT 细胞。\n"), "en": ("t.en.md", en_text)})[0]

    base = {
        "labels": {"zh": {"back": "返回"}, "en": {"back": "Back"}},
        "languages": ("zh", "en"),
        "docs_dir": tmp_path / "docs",
        "references": {1: Record(1, {"n": 1, "title": "RANKL"})},
        "notes": {"n1": Record(1, {"id": "n1", "zh": "注"})},
    }
    inputs = [
        ({}, "t-cells", pairs(), "zh"),
        ({}, "t-cells", pairs(), "en"),
        ({}, "b-cells", pairs(), "zh"),
        ({}, "t-cells", pairs("## 1.3 T cells {#t-cells}\n\nT lymphocytes.\n"), "zh"),
        ({"labels": {"zh": {"back": "回"}, "en": {"back": "Back"}}}, "t-cells", pairs(), "zh"),
        ({"references": {1: Record(1, {"n": 1, "title": "RANKL and OPG"})}}, "t-cells", pairs(), "zh"),
        ({"notes": {"n1": Record(1, {"id": "n1", "zh": "另一注"})}}, "t-cells", pairs(), "zh"),
        ({"docs_dir": tmp_path / "other"}, "t-cells", pairs(), "zh"),
        ({"languages": ("en", "zh")}, "t-cells", pairs(), "zh"),  # the columns' order
    ]
    views = []
    for change, page, page_pairs, lang in inputs:
        monkeypatch.setattr(parallel, "state", {**base, **change})
        views.append(parallel.cached_view_markdown(config, page, page_pairs, lang))
    assert len(rendered) == len(inputs) and len(set(views)) == len(inputs)
    rendered.clear()
    for (change, page, page_pairs, lang), expected in zip(inputs, views, strict=True):
        monkeypatch.setattr(parallel, "state", {**base, **change})
        assert parallel.cached_view_markdown(config, page, page_pairs, lang) == expected
    assert rendered == []  # each from its file


# what each hook's page rendering reads from its state, besides the page (and the site model's
# section titles)
BUILD_DATA = {
    "references": ["labels", "by_number", "valid", "sites"],
    "editorial": ["labels", "corrections", "notes"],
}


def fake_page(src_uri: str):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))


@pytest.mark.parametrize("hook_name", ["references", "editorial"])
def test_a_page_rendered_by_references_or_editorial_is_rendered_anew_when_any_input_changes(
    config, monkeypatch, tmp_path, hook_name
):
    import importlib

    from sitecheck.pages import CitationSite

    hook = importlib.import_module(hook_name)  # hooks/references.py, hooks/editorial.py
    monkeypatch.setenv("RENDER_CACHE_DIR", str(tmp_path / "rendered"))
    model = SimpleNamespace(
        path_of=lambda uri: f"docs/{uri}", identity=lambda uri: (uri.removesuffix(".md"), "zh"), page=lambda uri: None
    )
    titles = {("t", "zh", "t-cells"): "1.3 T 细胞"}
    monkeypatch.setattr(hook, "site_model", lambda config: model, raising=False)
    language = {"lang": "zh"}
    monkeypatch.setattr(hook, "current_language", lambda config: language["lang"])
    rendered = []

    def render(markdown, *args):
        rendered.append(markdown)
        return repr((markdown, args[0] if hook_name == "editorial" else language["lang"], sorted(hook.state)))

    monkeypatch.setattr(hook, "rendered", render)
    site = CitationSite("docs/t.md", "t", "zh", 3, "[@1]", (1,), "cite-1", "t-cells")
    record = Record(1, {"n": 1, "id": "n1", "title": "RANKL"})
    base = {
        "labels": {"zh": {"references": "参考文献"}},
        "by_number": {1: record},
        "valid": [record],
        "sites": [site],
        "corrections": [record],
        "notes": [("docs/_data/corrections/a.yml", record)],
    }
    other = Record(1, {"n": 1, "id": "n1", "title": "RANKL and OPG"})
    changes = {
        "labels": {"zh": {"references": "文献"}},
        "by_number": {1: other},
        "valid": [other],
        "sites": [CitationSite("docs/t.md", "t", "zh", 4, "[@1]", (1,), "cite-1", "t-cells")],
        "corrections": [other],
        "notes": [("docs/_data/corrections/a.yml", other)],
    }
    results = []

    def page_text(markdown="T 细胞[@1]。\n\n[[note:n1]]\n", uri="t.md", section_titles=titles, **state):
        model.section_titles = section_titles
        monkeypatch.setattr(hook, "state", {**base, **state})
        return hook.on_page_markdown(markdown, fake_page(uri), config, None)

    results.append(page_text())
    results.append(page_text("T 细胞[@1]，改了。\n\n[[note:n1]]\n"))
    language["lang"] = "en"
    results.append(page_text())
    language["lang"] = "zh"
    if hook_name == "references":
        results.append(page_text(uri="b.md"))
    for name in BUILD_DATA[hook_name]:
        results.append(page_text(**{name: changes[name]}))
    results.append(page_text(section_titles={("t", "zh", "t-cells"): "1.3 T淋巴细胞"}))
    assert len(rendered) == len(results)  # each change rendered the page anew
    rendered.clear()
    assert page_text() == results[0] and rendered == []  # the same inputs: from the file


def test_a_page_without_an_editorial_marker_is_kept_as_it_is_and_not_cached(monkeypatch, tmp_path):
    """editorial.rendered() changes only the [[…]] markers: a page without one is returned as it
    is, with no cache file; the same page with a note marker is rendered and kept."""
    import editorial  # hooks/editorial.py

    monkeypatch.setenv("RENDER_CACHE_DIR", str(tmp_path / "rendered"))
    monkeypatch.setattr(editorial, "current_language", lambda config: "zh")
    titles = SimpleNamespace(section_titles={})
    monkeypatch.setattr(editorial, "site_model", lambda config: titles)
    note = Record(1, {"id": "n1", "zh": "注。"})
    labels = {"zh": {"note_title": "编者注"}}
    state = {"labels": labels, "corrections": [], "notes": [("docs/_data/corrections/a.yml", note)]}
    monkeypatch.setattr(editorial, "state", state)
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    text = "# 1.3 T 细胞\n\nT 细胞[@1]调控骨代谢。\n"
    assert editorial.on_page_markdown(text, fake_page("t.md"), config, None) == text
    assert editorial.rendered(text, "zh", {}) == text  # what rendering it would give
    assert not (tmp_path / "rendered").exists()
    marked = text + "\n[[note:n1]]\n"
    assert "注。" in editorial.on_page_markdown(marked, fake_page("t.md"), config, None)
    assert len(list((tmp_path / "rendered").rglob("*.md"))) == 1


def test_key_text_writes_bad_data_too_and_tells_values_apart():
    import datetime as dt

    from sitecheck.diskcache import key_text

    values = [
        {"a": 1},
        {"a": "1"},
        {dt.date(2020, 1, 1): 1},  # YAML reads a date key: JSON cannot write it as a key
        {dt.date(2020, 1, 2): 1},
        {("t", "zh", None): "1.3"},
        {1: "x", "1": "y"},  # keys of two types
        [Record(1, {"n": 1})],
        [Record(2, {"n": 1})],
    ]
    texts = [key_text(value) for value in values]
    assert len(set(texts)) == len(values)
    assert key_text({dt.date(2020, 1, 1): 1}) == texts[2]  # the same value, the same text


def test_the_glossary_checks_of_a_page_run_anew_when_the_page_or_the_glossary_changes(config, monkeypatch, tmp_path):
    monkeypatch.setenv("GLOSSARY_LINKS_CACHE_DIR", str(tmp_path / "glossary"))
    reported = []
    monkeypatch.setattr(glossary, "report", lambda log, findings: reported.extend(str(f) for f in findings))
    monkeypatch.setattr(glossary, "is_default_language_build", lambda config: True)
    for check in ("record_findings", "synonym_findings", "note_link_findings"):
        monkeypatch.setattr(glossary, check, lambda *args: [])

    def build(text: str, variants: list[str]) -> list[str]:
        """The pre-build checks of one page against a glossary with one entry."""
        page = SimpleNamespace(path="docs/t.md", key="t", text=text, lang="zh")
        files = SimpleNamespace(glossary="docs/_data/glossary.yml", corrections="docs/_data/corrections")
        site = SimpleNamespace(
            languages=[],
            in_language=lambda lang: {},
            pages=[page],
            data=SimpleNamespace(files=files),
            is_chapter=lambda key: True,
        )
        monkeypatch.setattr(glossary, "site_model", lambda config: site)
        record = Record(1, {"id": "rankl", "zh": "RANKL", "en": "RANKL", "abbr": "RANKL", "variants": variants})
        monkeypatch.setattr(glossary, "state", {"checked": SimpleNamespace(usable=[record]), "note_pages": {}})
        reported.clear()
        glossary.on_pre_build(config)
        return list(reported)

    first = build("破骨细胞分化因子 ODF 促进骨吸收。\n", ["ODF"])
    assert first and "'ODF' is a variant spelling" in first[0]
    assert build("破骨细胞分化因子 ODF，ODF 促进骨吸收。\n", ["ODF"]) != first  # the page changed
    assert build("破骨细胞分化因子 ODF 促进骨吸收。\n", ["OPGL"]) != first  # the glossary changed
    monkeypatch.setattr(glossary, "variant_findings", lambda *args: pytest.fail("checked again"))
    assert build("破骨细胞分化因子 ODF 促进骨吸收。\n", ["ODF"]) == first  # from the file


def test_a_chapter_s_columns_are_rendered_once_for_the_views_of_every_language(monkeypatch):
    """The real configuration and chapters: the second language's view takes the first one's rows
    and reference lists from the site model, and is the view rendered without them; other pairs
    (a changed chapter in the same build) are rendered anew; the next pass pairs no chapter again."""
    import parallel  # hooks/parallel.py
    from mkdocs.config import load_config

    from sitebuild import ROOT

    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    monkeypatch.setattr(parallel, "state", {})
    parallel.on_config(config)
    parallel.on_pre_build(config)
    page, pairs = next(iter(parallel.state["pairs"].items()))
    rendered = []
    render = parallel.rendered_columns
    monkeypatch.setattr(parallel, "rendered_columns", lambda *args: rendered.append(args[0]) or render(*args))
    views = {lang: parallel.view_markdown(page, pairs, lang) for lang in ("zh", "en")}
    assert rendered == [page]
    for lang, view in views.items():
        parallel.state["columns"].clear()  # nothing kept: the view renders its own columns
        assert parallel.view_markdown(page, pairs, lang) == view
    assert rendered == [page, page, page]
    parallel.view_markdown(page, pairs[:-1], "en")
    assert rendered == [page, page, page, page]
    parallel.on_pre_build(config)  # the next language pass of the build: the chapters are paired once
    assert parallel.state["pairs"][page] is pairs


def test_a_page_without_a_citation_is_kept_as_it_is_and_not_cached(monkeypatch, tmp_path):
    """references.rendered() changes a page only where it or its source cites ([@n]) or where the
    references page's marker is: a page without any is returned as it is, with no cache file; a
    page whose source cites is rendered (its chapter's list is added) though its text has no marker."""
    import references  # hooks/references.py

    monkeypatch.setenv("RENDER_CACHE_DIR", str(tmp_path / "rendered"))
    sources = {"a.md": "# A\n\nText.\n", "b.md": "# B\n\nText[@1].\n"}
    model = SimpleNamespace(
        path_of=lambda uri: f"docs/{uri}",
        identity=lambda uri: (uri.removesuffix(".md"), "zh"),
        page=lambda uri: SimpleNamespace(text=sources[uri]) if uri in sources else None,
        section_titles={},
    )
    monkeypatch.setattr(references, "site_model", lambda config: model)
    monkeypatch.setattr(references, "current_language", lambda config: "zh")
    monkeypatch.setattr(references, "state", {"labels": {"zh": {}}, "by_number": {}, "valid": [], "sites": []})
    rendered = []
    monkeypatch.setattr(references, "rendered", lambda markdown, *args: rendered.append(markdown) or markdown + "!")
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    for uri in ("a.md", "parallel/a.md"):  # a page, a generated view
        assert references.on_page_markdown("# A\n\nText.\n", fake_page(uri), config, None) == "# A\n\nText.\n"
    assert rendered == [] and not (tmp_path / "rendered").exists()
    assert references.on_page_markdown("# B\n\nText.\n", fake_page("b.md"), config, None) == "# B\n\nText.\n!"
    assert references.on_page_markdown("[[references]]\n", fake_page("r.md"), config, None) == "[[references]]\n!"
    assert references.on_page_markdown("x[@2]\n", fake_page("parallel/a.md"), config, None) == "x[@2]\n!"
    assert len(rendered) == 3


def test_the_rendered_pages_are_named_by_the_hooks_code_too(monkeypatch, tmp_path):
    """An edit of the code that renders a cached page (references.py's or editorial.py's rendered(),
    parallel.py's view_markdown(): hook code, not sitecheck/'s) names its pages anew."""
    import rendercache

    for path in rendercache.HOOKS.glob("*.py"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    before = rendercache.rendering_code()
    monkeypatch.setattr(rendercache, "HOOKS", tmp_path)
    assert rendercache.rendering_code() == before  # the same code: the same names
    for name in ("references.py", "editorial.py", "parallel.py"):
        hook = tmp_path / name
        original = hook.read_bytes()
        hook.write_bytes(original + b"\n# edited\n")
        assert rendercache.rendering_code() != before, name
        hook.write_bytes(original)


def test_the_rendering_code_is_read_once_a_build(monkeypatch):
    """Every cached render of a build is named by the same code (rendercache.rendering_code_key):
    read and hashed once per build (the configuration object stands for the build), anew for the
    next one, where the code may have changed (`mkdocs serve`)."""
    import rendercache

    reads = []
    real = rendercache.rendering_code
    monkeypatch.setattr(rendercache, "rendering_code", lambda: reads.append(1) or real())
    monkeypatch.setattr(rendercache, "_build_code", {"config": None, "key": None})
    build, next_build = SimpleNamespace(), SimpleNamespace()
    key = rendercache.rendering_code_key(build)
    assert [rendercache.rendering_code_key(build) for _pass in range(3)] == [key] * 3 and len(reads) == 1
    monkeypatch.setattr(rendercache, "rendering_code", lambda: [*real(), b"# edited"])
    assert rendercache.rendering_code_key(next_build) != key
