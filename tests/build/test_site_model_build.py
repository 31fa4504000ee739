"""The site model (hooks/sitecheck/model.py, made by sitehook.site_model) in fixture builds:
its pages are MkDocs' documentation pages, docs_dir and the languages come from the
configuration, and each page is tokenized once per ``mkdocs build`` (both language passes)."""

from __future__ import annotations

import collections
import re
import shutil

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

import sitehook
from faults import FAULTS
from fixture_site import FixtureSite, count_reads
from sitebuild import ROOT
from sitecheck import markdown

FIXTURE_PAGES = {
    "chapter.md",
    "chapter.en.md",
    "glossary.md",
    "glossary.en.md",
    "index.md",
    "index.en.md",
    "references.md",
    "references.en.md",
}


@pytest.fixture
def site(tmp_path):
    return FixtureSite(tmp_path)


def configured_model(site: FixtureSite):
    """The model the hooks see in a build of the fixture, without building it."""
    config = load_config(config_file=str(site.root / "mkdocs.yml"), site_dir=str(site.root / "site"))
    config = config.plugins.on_config(config)  # static-i18n knows its languages from here on
    return sitehook.site_model(config)


def test_pages_are_mkdocs_documentation_pages(site):
    # exclude_docs decides what is a page, not a "_" in the name: a snippet folder the config
    # excludes and a drafts folder are not pages, a page named with "_" is one
    site.replace("mkdocs.yml", "exclude_docs: |\n  _data/\n", "exclude_docs: |\n  _data/\n  _snippets/\n  drafts/\n")
    site.write("docs/_snippets/part.md", "a snippet\n")
    site.write("docs/drafts/next.md", "# Draft\n")
    site.write("docs/_about.md", "# 关于 { #about }\n")
    model = configured_model(site)
    assert {page.src_uri for page in model.pages} == FIXTURE_PAGES | {"_about.md"}
    about = model.page("_about.md")
    assert (about.key, about.lang, about.path) == ("_about", "zh", "docs/_about.md")
    english = model.page("chapter.en.md")
    assert (english.key, english.lang, english.path) == ("chapter", "en", "docs/chapter.en.md")
    assert english.text == site.read("docs/chapter.en.md")


def test_languages_come_from_the_config(site):
    french = "        - locale: fr\n          name: Français\n"
    site.replace("mkdocs.yml", "          name: English\n", "          name: English\n" + french)
    site.write("docs/chapter.fr.md", "# 1 Chapitre { #chapter }\n")
    labels = yaml.safe_load(site.read("docs/_data/labels.yml"))
    site.write("docs/_data/labels.yml", yaml.safe_dump({**labels, "fr": labels["en"]}, allow_unicode=True))
    # the source's title is needed in every language of the site
    site.replace(
        "docs/_data/edition.yml", "  language: zh\n", "    fr: Le rôle des facteurs immunologiques\n  language: zh\n"
    )
    model = configured_model(site)
    assert (model.languages, model.default_language) == (("zh", "en", "fr"), "zh")
    page = model.page("chapter.fr.md")
    assert (page.key, page.lang) == ("chapter", "fr")


def test_a_one_language_build_keeps_the_languages_of_the_files(site):
    # scripts/pdf.py builds one language (build_only_locale), which static-i18n makes the default
    site.replace(
        "mkdocs.yml", "      docs_structure: suffix\n", "      docs_structure: suffix\n      build_only_locale: en\n"
    )
    result = site.build()
    assert (result.ok, result.warnings, result.crash) == (True, [], None), result.log
    model = sitehook.last_site_model()
    assert model.default_language == "zh"
    assert [(page.key, page.lang) for page in model.pages if page.src_uri.startswith("chapter")] == [
        ("chapter", "en"),
        ("chapter", "zh"),
    ]


def test_docs_dir_and_data_files_come_from_the_config(site):
    shutil.move(site.root / "docs", site.root / "content")
    site.write("mkdocs.yml", "docs_dir: content\n" + site.read("mkdocs.yml"))
    # a fault of the fault table, in the moved files: the same messages, naming them where they are
    fault = next(fault for fault in FAULTS if fault.id == "citation-without-entry")
    for kind, name, *args in fault.edits:
        getattr(site, kind)(name.replace("docs/", "content/", 1), *args)
    result = site.build()
    assert result.crash is None, result.crash
    model = sitehook.last_site_model()
    assert model.docs_dir == "content" and model.data.files.references == "content/_data/references.yml"
    assert model.page("chapter.md").path == "content/chapter.md"
    expected = [warning.replace("docs/", "content/") for warning in fault.warnings]
    assert any("content/_data/references.yml" in warning for warning in expected)
    assert (result.warnings, result.errors) == (expected, list(fault.errors))


def test_each_page_is_tokenized_once_per_build(site, monkeypatch):
    tokenized = collections.Counter()
    tokenize = markdown.tokenize

    def counting(text):
        tokenized[text] += 1
        return tokenize(text)

    monkeypatch.setattr(markdown, "tokenize", counting)
    result = site.build()
    assert result.ok, result.log
    model = sitehook.last_site_model()
    assert {page.src_uri for page in model.pages} == FIXTURE_PAGES
    # both language passes, every hook's checks and renderers: one tokenization per page source
    assert {page.src_uri: tokenized[page.text] for page in model.pages} == dict.fromkeys(FIXTURE_PAGES, 1)


def test_a_new_build_makes_a_new_model_from_the_files_as_they_are(site):
    # `mkdocs serve` loads the configuration anew for each rebuild: the model follows the edit
    assert site.build().ok
    first = sitehook.last_site_model()
    site.replace("docs/chapter.md", "骨吸收增加", "骨吸收明显增加")
    assert site.build().ok
    second = sitehook.last_site_model()
    assert second is not first
    assert "骨吸收明显增加" in second.page("chapter.md").text


def citing(site: FixtureSite) -> FixtureSite:
    """The fixture with hooks/citation.py, which reads edition.yml (its cite box template only)."""
    site.replace("mkdocs.yml", "site_name: fixture\n", "site_name: fixture\nsite_url: https://example.org/fixture/\n")
    site.replace("mkdocs.yml", "  language: zh\n", "  language: zh\n  custom_dir: overrides\n")
    site.write("overrides/partials/section-cite.html", (ROOT / "overrides/partials/section-cite.html").read_text())
    site.append("mkdocs.yml", "  - hooks/citation.py\n")
    return site


def test_each_data_file_is_read_once_per_build_and_edition_cited_in_every_language(site, monkeypatch):
    reads = count_reads(monkeypatch)
    result = citing(site).build()
    assert (result.ok, result.warnings, result.crash) == (True, [], None), result.log
    # both language passes, every hook: the model's one reading of each data file
    data_files = [path.name for path in (site.root / "docs/_data").rglob("*") if path.is_file()]
    assert sorted(data_files) == ["edition.yml", "fixture.yml", "glossary.yml", "labels.yml", "references.yml"]
    assert {name: reads[name] for name in data_files} == dict.fromkeys(data_files, 1)
    # each pass cites with it: the whole edition's files are named by its slug
    assert (site.root / "site/cite/osteoimmunology.ris").is_file()
    assert (site.root / "site/en/cite/osteoimmunology.ris").is_file()
    assert sitehook.last_site_model().data.edition.source.title["en"].startswith("The role of immunological")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "  language: zh\n",
            "  language: fr\n",
            "docs/_data/edition.yml:6: 'source.language' is 'fr', but 'source.title' has no title in it; "
            "use the language of one of the titles (the source's own).",
        ),
        (
            "slug: osteoimmunology\n",
            "",
            "docs/_data/edition.yml:1: 'slug' is missing; add the edition's short name, which names its "
            "RIS/BibTeX and PDF files ('slug: osteoimmunology').",
        ),
        (
            "    zh: 免疫学因素在骨质疏松发病中的作用\n",
            "    zh: 2024\n",
            "docs/_data/edition.yml:4: 'source.title.zh' is int 2024, which is not text; write it as text.",
        ),
        (
            "  language: zh\n",
            "  language: [zh]\n",
            "docs/_data/edition.yml:6: 'source.language' is list ['zh'], which is not text; write it as text.",
        ),
    ],
    ids=["source-language-without-title", "no-slug", "title-not-text", "language-not-text"],
)
def test_a_bad_edition_stops_the_build_with_its_line_never_a_traceback(site, old, new, message):
    citing(site).replace("docs/_data/edition.yml", old, new)
    result = site.build()
    assert (result.ok, result.crash) == (False, None), result.crash
    assert result.errors == [message]


def test_the_head_commit_is_asked_once_per_build(site, monkeypatch):
    asked = []
    monkeypatch.setattr(sitehook.history, "head_commit", lambda root: asked.append(root) or "c0ffee")
    config = load_config(config_file=str(site.root / "mkdocs.yml"), site_dir=str(site.root / "site"))
    config = config.plugins.on_config(config)
    assert [sitehook.head_commit(config) for _pass in range(3)] == ["c0ffee"] * 3
    assert asked == [site.root]  # the corrections' history and the citation hook share one answer
    config = load_config(config_file=str(site.root / "mkdocs.yml"), site_dir=str(site.root / "site"))
    assert sitehook.head_commit(config.plugins.on_config(config)) == "c0ffee" and len(asked) == 2  # a new build


def test_a_page_is_not_read_again_for_its_citations_and_keeps_their_numbers(site, monkeypatch):
    # the references hook renders a page's citations from the model (the numbers the references
    # page links back to), placed in the Markdown MkDocs reads below the front matter
    site.write("docs/chapter.md", "---\ndescription: 章节\n---\n\n" + site.read("docs/chapter.md"), dedent=False)
    tokenized = collections.Counter()
    tokenize = markdown.tokenize
    monkeypatch.setattr(markdown, "tokenize", lambda text: tokenized.update([text]) or tokenize(text))
    result = site.build()
    assert (result.ok, result.warnings, result.crash) == (True, [], None), result.log
    model = sitehook.last_site_model()
    bodies = {get_data(page.text)[0].rstrip("\n") for page in model.pages}
    assert [text for text in tokenized if text.rstrip("\n") in bodies and text not in model.sources.values()] == []
    html = (site.root / "site" / "chapter" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'id="(cite-\d+)"', html) == ["cite-1", "cite-2"]
    assert re.findall(r'href="\.\./references/#(ref-\d+)"', html)[:2] == ["ref-1", "ref-2"]
    listing = (site.root / "site" / "references" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'href="\.\./chapter/#(cite-\d+)"', listing) == ["cite-1", "cite-2"]
