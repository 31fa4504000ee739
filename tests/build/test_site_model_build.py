"""The site model (hooks/sitecheck/model.py, made by sitehook.site_model) in fixture builds:
its pages are MkDocs' documentation pages, docs_dir and the languages come from the
configuration, and each page is tokenized once per ``mkdocs build`` (both language passes)."""

from __future__ import annotations

import collections
import re
import shutil
import zipfile

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

import sitehook
from faults import FAULTS, OBJECTIVES_EN, OBJECTIVES_ZH
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


def with_french(site: FixtureSite) -> FixtureSite:
    """The fixture with a third language in mkdocs.yml, its interface words and edition title."""
    french = "        - locale: fr\n          name: Français\n"
    site.replace("mkdocs.yml", "          name: English\n", "          name: English\n" + french)
    labels = yaml.safe_load(site.read("docs/_data/labels.yml"))
    site.write("docs/_data/labels.yml", yaml.safe_dump({**labels, "fr": labels["en"]}, allow_unicode=True))
    # the source's title is needed in every language of the site
    site.replace(
        "docs/_data/edition.yml", "  language: zh\n", "    fr: Le rôle des facteurs immunologiques\n  language: zh\n"
    )
    return site


def test_a_language_the_data_cannot_supply_stops_the_build_naming_mkdocs_yml(site):
    # glossary, references and notes are written in zh and en (schema.Bilingual): a third language
    # in mkdocs.yml is refused before any hook reads the data, with the fix, never a KeyError
    for name in ("index", "chapter", "glossary", "references"):
        site.write(f"docs/{name}.fr.md", site.read(f"docs/{name}.en.md"))
    result = with_french(site).build()
    assert (result.ok, result.crash, result.warnings) == (False, None, [])
    assert result.errors == [
        "mkdocs.yml: plugins: i18n: languages lists 'fr' (French), but the site's data (docs/_data: glossary, "
        "references, corrections, labels) and its language rules are written in Chinese ('zh') and English ('en') "
        "only; remove 'fr' from mkdocs.yml, or first give every text of the data a 'fr' version "
        "(hooks/sitecheck/schema.py, Bilingual)."
    ]


def test_a_language_of_the_data_left_out_of_mkdocs_yml_stops_the_build(site):
    site.replace("mkdocs.yml", "        - locale: en\n          name: English\n", "")
    for name in ("index", "chapter", "glossary", "references"):
        site.delete(f"docs/{name}.en.md")
    result = site.build()
    assert (result.ok, result.crash) == (False, None)
    assert result.errors == [
        "mkdocs.yml: plugins: i18n: languages does not list 'en' (English), one of the languages the site's data "
        "(docs/_data) is written in (Chinese ('zh') and English ('en')); add it under plugins: i18n: languages."
    ]


def test_languages_come_from_the_config(site, monkeypatch):
    monkeypatch.setattr(sitehook, "DATA_LANGUAGES", ("zh", "en", "fr"))  # data that has French
    with_french(site).write("docs/chapter.fr.md", "# 1 Chapitre { #chapter }\n")
    model = configured_model(site)
    assert (model.languages, model.default_language) == (("zh", "en", "fr"), "zh")
    page = model.page("chapter.fr.md")
    assert (page.key, page.lang) == ("chapter", "fr")


def test_a_third_language_is_checked_viewed_and_mapped_like_the_others(site, monkeypatch):
    # the parity checks, the parallel view and the search-engine files take the languages from the
    # model (mkdocs.yml), not a zh/en pair: with data that has French, French is one more language
    monkeypatch.setattr(sitehook, "DATA_LANGUAGES", ("zh", "en", "fr"))
    monkeypatch.setenv("SITE_URL", "https://example.org/fixture/")
    with_french(site)
    site.replace("mkdocs.yml", "site_name: fixture\n", "site_name: fixture\nsite_url: https://example.org/fixture/\n")
    site.append("mkdocs.yml", "  - hooks/seo.py\n")
    site.replace("docs/chapter.md", "{ #chapter }\n", OBJECTIVES_ZH)
    site.replace("docs/chapter.en.md", "{ #chapter }\n", OBJECTIVES_EN)
    french = site.read("docs/chapter.en.md").replace("Osteoporosis and osteoclasts", "Ostéoporose et ostéoclastes")
    site.write("docs/chapter.fr.md", french.replace("Bone resorption increases", "La résorption osseuse augmente"))
    for name in ("index", "references"):
        site.write(f"docs/{name}.fr.md", site.read(f"docs/{name}.en.md"))
    result = site.build()
    assert result.crash is None, result.crash
    # the glossary page has no French translation: named as such (it once read 'docs/glossary.fr.md:
    # page has no English translation; create docs/glossary.fr.en.md')
    assert result.warnings == [
        "parity: docs/glossary.md: page has no French translation; create docs/glossary.fr.md with the same "
        "headings and ids (the site never falls back to Chinese)."
    ]
    site.write("docs/glossary.fr.md", site.read("docs/glossary.en.md"))
    site.replace("docs/chapter.fr.md", "## 1.1 Part { #part }", "## 1.1 Partie { #partie }")
    result = site.build()
    assert result.crash is None, result.crash
    assert {
        "parity: docs/chapter.fr.md:9: heading id '#partie' differs from '#part' at the same position in "
        "docs/chapter.md:9; both languages must use the same ids in the same order.",
        "parallel: docs/chapter.fr.md: parallel view: the headings differ from docs/chapter.md, so its sections "
        "cannot be paired; give both files the same headings with the same ids in the same order.",
    } <= set(result.warnings)
    site.replace("docs/chapter.fr.md", "{ #partie }", "{ #part }")
    result = site.build()
    assert (result.ok, result.warnings, result.crash) == (True, [], None), result.log
    out = site.root / "site"
    for root in ("", "en/", "fr/"):
        view = (out / root / "parallel" / "chapter" / "index.html").read_text(encoding="utf-8")
        columns = re.findall(r'<div class="parallel-col" lang="([^"]+)">', view)
        assert columns[:3] == ["zh-Hans", "en", "fr"] and len(columns) % 3 == 0
        assert "La résorption osseuse augmente" in view and "骨吸收增加" in view
    # the root sitemap lists every page in every language, each with its three alternates
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/fixture/fr/chapter/</loc>" in sitemap
    assert re.findall(r'hreflang="([^"]+)" href="https://example.org/fixture/chapter/"', sitemap)[:2] == [
        "zh-Hans",
        "x-default",
    ]
    assert 'hreflang="fr" href="https://example.org/fixture/fr/chapter/"' in sitemap


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


@pytest.mark.parametrize(
    "fault_id", ["citation-without-entry", "note-marker-naming-no-note", "glossary-note-link-to-a-missing-note"]
)
def test_docs_dir_and_data_files_come_from_the_config(site, fault_id):
    shutil.move(site.root / "docs", site.root / "content")
    site.write("mkdocs.yml", "docs_dir: content\n" + site.read("mkdocs.yml"))
    # a fault of the fault table, in the moved files: the same messages, naming them where they are
    fault = next(fault for fault in FAULTS if fault.id == fault_id)
    for kind, name, *args in fault.edits:
        getattr(site, kind)(name.replace("docs/", "content/", 1), *args)
    result = site.build()
    assert result.crash is None, result.crash
    model = sitehook.last_site_model()
    assert model.docs_dir == "content" and model.data.files.references == "content/_data/references.yml"
    assert model.page("chapter.md").path == "content/chapter.md"
    expected = [warning.replace("docs/", "content/") for warning in fault.warnings]
    assert any("content/_data/" in warning for warning in expected)
    assert not any("docs/" in warning for warning in result.warnings)
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


def renamed(site: FixtureSite, slug: str = "bone-course"):
    """The fixture's model with another edition slug in edition.yml."""
    site.replace("docs/_data/edition.yml", "slug: osteoimmunology\n", f"slug: {slug}\n")
    return configured_model(site)


def test_the_release_files_are_named_by_the_edition_slug_in_the_build(site, monkeypatch):
    # hooks/downloads.py links a release file the model names; the old name is no release file
    monkeypatch.setenv("RELEASE", "true")
    site.append("mkdocs.yml", "  - hooks/downloads.py\n")
    site.replace("docs/_data/edition.yml", "slug: osteoimmunology\n", "slug: bone-course\n")
    links = "[PDF](download:bone-course-en.pdf) [old](download:osteoimmunology-en.pdf)\n"
    site.append("docs/index.md", links)
    site.append("docs/index.en.md", links)
    result = site.build()
    assert (result.ok, result.crash) == (True, None), result.log
    html = (site.root / "site" / "en" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../downloads/bone-course-en.pdf" data-release-file>PDF</a>' in html
    assert "downloads/osteoimmunology-en.pdf" not in html and '<span class="release-file">old</span>' in html


def test_the_scripts_name_their_files_by_the_edition_slug(site, monkeypatch, tmp_path):
    import flashcards
    import offline
    import pdf

    model = renamed(site)
    assert model.release_files.names == (
        "bone-course-zh.pdf",
        "bone-course-en.pdf",
        "bone-course-offline.zip",
        "bone-course-flashcards.apkg",
        "bone-course-flashcards.csv",
    )
    # scripts/pdf.py: one PDF per language of the model, named by its slug
    monkeypatch.setattr(pdf, "site", lambda: model)
    assert [pdf.pdf_name(lang) for lang in pdf.languages()] == ["bone-course-zh.pdf", "bone-course-en.pdf"]
    # scripts/flashcards.py
    monkeypatch.setattr(flashcards, "site", lambda: model)
    made = flashcards.make_flashcards(tmp_path / "cards", "https://example.org/bone-course/")
    assert [path.name for path in made] == ["bone-course-flashcards.apkg", "bone-course-flashcards.csv"]
    assert all(path.is_file() for path in made)

    # scripts/offline.py: the zip, its one folder and the PDFs it carries (not another edition's)
    def build_offline_site(site_dir):
        (site_dir / "en").mkdir(parents=True)
        (site_dir / "index.html").write_text("<p>首页</p>", encoding="utf-8")
        (site_dir / "en" / "index.html").write_text("<p>Home</p>", encoding="utf-8")

    monkeypatch.setattr(offline, "project_site_model", lambda root: model)
    monkeypatch.setattr(offline, "build_offline_site", build_offline_site)
    pdfs = tmp_path / "pdfs"
    pdfs.mkdir()
    for name in ("bone-course-zh.pdf", "osteoimmunology-en.pdf"):
        (pdfs / name).write_bytes(b"%PDF-1.7\n")
    zip_path = offline.make_offline_zip(tmp_path / "out", pdfs, work_dir=tmp_path)
    assert zip_path.name == "bone-course-offline.zip"
    with zipfile.ZipFile(zip_path) as package:
        assert sorted(package.namelist()) == [
            "bone-course-offline/downloads/bone-course-zh.pdf",
            "bone-course-offline/en/index.html",
            "bone-course-offline/index.html",
        ]


def test_only_the_chapters_get_the_glossary_s_checks_and_links(site):
    # one definition of the review's text (the model's chapters): a page about the site may name
    # things the glossary does not explain (PDF), and its glossary terms are not linked
    site.replace("docs/chapter.md", "{ #chapter }\n", OBJECTIVES_ZH)
    site.replace("docs/chapter.en.md", "{ #chapter }\n", OBJECTIVES_EN)
    # numbered sections, as the review's own: still not the review's
    site.write("docs/about.md", "# 关于 { #about }\n\n## 1 下载 { #pdf }\n\n本站的 PDF 讲破骨细胞。\n")
    site.write("docs/about.en.md", "# About { #about }\n\n## 1 Download { #pdf }\n\nThe PDF is about the osteoclast.\n")
    result = site.build()
    assert (result.ok, result.warnings, result.crash) == (True, [], None), result.log
    assert sitehook.last_site_model().chapters == ("chapter",)
    out = site.root / "site"
    for root in ("", "en/"):
        assert 'class="glossary-link"' not in (out / root / "about" / "index.html").read_text(encoding="utf-8")
        assert 'class="glossary-link"' in (out / root / "chapter" / "index.html").read_text(encoding="utf-8")
        # the glossary's "used in" lists name the chapters only
        listing = (out / root / "glossary" / "index.html").read_text(encoding="utf-8")
        assert 'href="../chapter/#chapter"' in listing and 'href="../about/#pdf"' not in listing
    site.replace("docs/chapter.en.md", "Bone resorption increases", "Bone resorption increases (see the PDF)")
    assert site.build().warnings == [
        "glossary: docs/chapter.en.md:11: abbreviation 'PDF' has no glossary entry; add an entry with 'abbr: PDF' "
        "to docs/_data/glossary.yml (or write the term out)."
    ]


def test_the_edit_links_name_the_configured_docs_dir(site, monkeypatch):
    monkeypatch.delenv("EDIT_URI", raising=False)
    shutil.move(site.root / "docs", site.root / "content")
    site.write("mkdocs.yml", "docs_dir: content\nrepo_url: https://github.com/o/r\n" + site.read("mkdocs.yml"))
    site.append("mkdocs.yml", "  - hooks/publisher.py\n")
    config = load_config(config_file=str(site.root / "mkdocs.yml"), site_dir=str(site.root / "site"))
    assert config.plugins.on_config(config).edit_uri == "edit/main/content/"
