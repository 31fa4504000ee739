"""The site model: what one build knows about the site, made once and shared by every hook.

- ``Page``: one Markdown page of ``docs_dir`` (a page of MkDocs' ``Files``), its key and
  language, its text, and its structures parsed on first use and kept (``sitecheck.markdown``).
- ``SiteData``: the data files, each loaded and validated once (``sitecheck.schema``); the
  renderers read only the ``valid`` records.
- ``Site``: the pages, the data, the languages and ``docs_dir`` as the configuration gives them.

Pure: hooks/sitehook.py makes the model from MkDocs' configuration and files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import PurePosixPath

from babel import Locale
from babel.core import get_global

from .markdown import Blocks, Heading, Parsed, Section
from .pages import CitationSite, sites_of
from .schema import Checked, Edition

# The language tag (BCP 47) the pages of a language declare where it is not the bare code: Chinese
# pages are Simplified Chinese (screen readers and font selection use the script subtag). The html
# element, the print page, the web app manifest, citation metadata and the parallel view's columns.
HTML_LANGUAGE = {"zh": "zh-Hans"}


def html_language(lang: str) -> str:
    return HTML_LANGUAGE.get(lang, lang)


# Facts about a language code from the CLDR data of Babel (requirements.in; Material needs it too):
# a table here would name the site's two languages again.
@cache
def language_name(lang: str) -> str:
    """The language's name in English, for the build's messages: 'zh' -> 'Chinese'."""
    return Locale.parse(lang).english_name or lang


@cache
def og_locale(lang: str) -> str:
    """The Open Graph locale (language_TERRITORY) of a language: its most likely territory
    ('zh' -> 'zh_CN', 'en' -> 'en_US')."""
    likely = get_global("likely_subtags").get(lang, lang)
    parts = likely.split("_")
    territory = next((part for part in parts[1:] if part.isupper() or part.isdigit()), None)
    return f"{parts[0]}_{territory}" if territory else parts[0]


# A chapter of the review opens with its learning objectives (CONTRIBUTING.md, "Learning
# objectives"); the home page and the pages about the site (glossary, references, editorial notes,
# instructors, downloads) do not. The one test of which pages are the review's text (its content).
CHAPTER_RE = re.compile(r"^!!! objectives\b", re.M)


def is_chapter(text: str) -> bool:
    """A page of the review's text: it gets a parallel view, glossary links and the glossary's checks."""
    return CHAPTER_RE.search(text) is not None


def src_uri_of(key: str, lang: str, default_language: str) -> str:
    """The source file of a page key in a language, as static-i18n's ``suffix`` structure names it:
    ('a/b', 'en') -> 'a/b.en.md'; the default language's has no suffix ('a/b.md')."""
    return f"{key}.md" if lang == default_language else f"{key}.{lang}.md"


def page_identity(src_uri: str, languages: tuple[str, ...], default_language: str | None) -> tuple[str, str | None]:
    """The page key and language of a source file below ``docs_dir``, named the way
    mkdocs-static-i18n's ``suffix`` structure names them: 'a/b.en.md' -> ('a/b', 'en')."""
    stem = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
    for lang in languages:
        if lang != default_language and stem.endswith(f".{lang}"):
            return stem[: -len(lang) - 1], lang
    return stem, default_language


def language_problem(configured: list[str], data_languages: tuple[str, ...], data_folder: str) -> str | None:
    """What is wrong with the languages of mkdocs.yml (its i18n plugin's), given the languages the
    data files are written in (None: nothing). Every text of the data has a version in each data
    language, and the build's language rules (citation styles, search settings, the instructors'
    table) are these languages': a language the data cannot supply is refused, not built half-way."""
    extra = [lang for lang in configured if lang not in data_languages]
    missing = [lang for lang in data_languages if lang not in configured]
    written = " and ".join(f"{language_name(lang)} ('{lang}')" for lang in data_languages)
    if extra:
        lang = extra[0]
        return (
            f"mkdocs.yml: plugins: i18n: languages lists '{lang}' ({language_name(lang)}), but the site's data "
            f"({data_folder}: glossary, references, corrections, labels) and its language rules are written in "
            f"{written} only; remove '{lang}' from mkdocs.yml, or first give every text of the data a "
            f"'{lang}' version (hooks/sitecheck/schema.py, Bilingual)."
        )
    if missing:
        lang = missing[0]
        return (
            f"mkdocs.yml: plugins: i18n: languages does not list '{lang}' ({language_name(lang)}), one of the "
            f"languages the site's data ({data_folder}) is written in ({written}); add it under "
            "plugins: i18n: languages."
        )
    return None


def unsuffixed_language(src_uris: Iterable[str], languages: list[str]) -> str | None:
    """The one configured language that no page names as its suffix: the language of 'x.md'."""
    suffixes = {page_identity(src_uri, tuple(languages), None)[1] for src_uri in src_uris}
    unsuffixed = [lang for lang in languages if lang not in suffixes]
    return unsuffixed[0] if len(unsuffixed) == 1 else None


@dataclass(frozen=True, eq=False)
class Page:
    """One Markdown page of the site, in one language."""

    src_uri: str  # immunology/t-cells.en.md: below docs_dir, as MkDocs' File names it
    path: str  # docs/immunology/t-cells.en.md: project-relative, as messages name it
    key: str  # immunology/t-cells: the same in every language
    lang: str  # en
    text: str
    parsed: Parsed = field(repr=False)  # tokenized once, on first use

    @cached_property
    def is_chapter(self) -> bool:
        return is_chapter(self.text)

    @property
    def blocks(self) -> Blocks:
        return self.parsed.blocks

    @property
    def headings(self) -> tuple[Heading, ...]:
        return self.parsed.headings

    @property
    def sections(self) -> tuple[Section, ...]:
        return self.parsed.sections

    @cached_property
    def citation_sites(self) -> tuple[CitationSite, ...]:
        return tuple(sites_of(self.path, self.key, self.lang, self.sections))


@dataclass(frozen=True)
class DataFiles:
    """Where the data files are (project-relative): in ``_data`` below docs_dir, which
    ``exclude_docs`` keeps out of the pages."""

    folder: str  # docs/_data

    @property
    def labels(self) -> str:
        return f"{self.folder}/labels.yml"

    @property
    def references(self) -> str:
        return f"{self.folder}/references.yml"

    @property
    def glossary(self) -> str:
        return f"{self.folder}/glossary.yml"

    @property
    def corrections(self) -> str:
        """The folder of corrections/*.yml."""
        return f"{self.folder}/corrections"

    @property
    def aliases(self) -> str:
        return f"{self.folder}/anchor-aliases.yml"

    @property
    def edition(self) -> str:
        return f"{self.folder}/edition.yml"

    @property
    def permalinks(self) -> str:
        return f"{self.folder}/permalinks.txt"


@dataclass(frozen=True)
class SiteData:
    """The data files, each read and validated once per build."""

    files: DataFiles
    labels: dict[str, dict[str, str]]  # interface words per language (every language, every word)
    references: Checked  # docs/_data/references.yml
    glossary: Checked  # docs/_data/glossary.yml
    # docs/_data/corrections/*.yml as (path, record) pairs, as read (for the checks' messages)
    corrections_read: tuple[list, list]
    # sitecheck.schema.check_corrections of them: (findings, usable corrections, valid
    # corrections, usable notes, valid notes)
    corrections: tuple
    aliases: list  # anchor-aliases.yml's records as read ([] without the file); hooks/permalinks.py checks them
    edition: Edition  # edition.yml: the site's and its source's citation data (hooks/citation.py)
    # permalinks.txt's (line, URL) pairs (None without the file: only a whole-site build needs it,
    # hooks/permalinks.py; `make permalinks` writes it)
    permalinks: list[tuple[int, str]] | None = None


@dataclass(frozen=True)
class ReleaseFiles:
    """The names of the release files (``make release`` writes them to site/downloads/): the
    edition's slug (edition.yml) names them, one PDF per language of the site."""

    slug: str  # osteoimmunology
    languages: tuple[str, ...]

    def pdf(self, lang: str) -> str:
        return f"{self.slug}-{lang}.pdf"

    @property
    def offline_folder(self) -> str:
        """The offline package's one top folder (the zip's name without .zip)."""
        return f"{self.slug}-offline"

    @property
    def offline_zip(self) -> str:
        return f"{self.offline_folder}.zip"

    @property
    def flashcards_apkg(self) -> str:
        return f"{self.slug}-flashcards.apkg"

    @property
    def flashcards_csv(self) -> str:
        return f"{self.slug}-flashcards.csv"

    @property
    def names(self) -> tuple[str, ...]:
        """Every release file, the PDFs first (in the site's order of languages)."""
        pdfs = tuple(self.pdf(lang) for lang in self.languages)
        return (*pdfs, self.offline_zip, self.flashcards_apkg, self.flashcards_csv)

    @property
    def not_in_offline(self) -> tuple[str, ...]:
        """What the offline package does not carry: itself, and the flashcards."""
        return (self.offline_zip, self.flashcards_apkg, self.flashcards_csv)


@dataclass(frozen=True, eq=False)
class Site:
    docs_dir: str  # project-relative ("docs")
    languages: tuple[str, ...]  # every configured language, the default first
    default_language: str
    pages: tuple[Page, ...]  # ordered by path, as the checks report them
    data: SiteData

    @cached_property
    def release_files(self) -> ReleaseFiles:
        return ReleaseFiles(self.data.edition.slug, self.languages)

    @cached_property
    def shared(self) -> dict:
        """What a hook computes once per build for every language pass (mkdocs-static-i18n builds
        each language with this one model): the hook's name -> its own store."""
        return {}

    @cached_property
    def by_src_uri(self) -> dict[str, Page]:
        return {page.src_uri: page for page in self.pages}

    def page(self, src_uri: str) -> Page | None:
        return self.by_src_uri.get(src_uri)

    def identity(self, src_uri: str) -> tuple[str, str]:
        """(key, language) of any page's source, generated pages included."""
        page = self.page(src_uri)
        return (page.key, page.lang) if page else page_identity(src_uri, self.languages, self.default_language)

    @property
    def other_languages(self) -> tuple[str, ...]:
        """The languages besides the default, in the configuration's order."""
        return self.languages[1:]

    def url_prefix(self, lang: str) -> str:
        """The folder of a language's pages below the site root: "" for the default, else "en/"."""
        return "" if lang == self.default_language else f"{lang}/"

    @cached_property
    def language_roots(self) -> dict[str, str]:
        """language -> the folder of its pages below the site root, the default first."""
        return {lang: self.url_prefix(lang) for lang in self.languages}

    def source_path(self, key: str, lang: str) -> str:
        """The project-relative path of a page key's source in a language (it may not exist)."""
        return self.path_of(src_uri_of(key, lang, self.default_language))

    def is_chapter(self, key: str) -> bool:
        """Whether the page ``key`` is a chapter of the review (the site's content): its
        default-language page opens with learning objectives. Generated pages (parallel/…) are not."""
        page = self.in_language(self.default_language).get(key)
        return page is not None and page.is_chapter

    @cached_property
    def chapters(self) -> tuple[str, ...]:
        """The keys of the review's chapters, by path."""
        return tuple(key for key in self.in_language(self.default_language) if self.is_chapter(key))

    def path_of(self, src_uri: str) -> str:
        """The project-relative path of a source below docs_dir."""
        return f"{self.docs_dir}/{src_uri}"

    @cached_property
    def sources(self) -> dict[str, str]:
        """Project-relative path -> text of every page (for the checks that take texts)."""
        return {page.path: page.text for page in self.pages}

    @cached_property
    def section_titles(self) -> dict[tuple[str, str, str | None], str]:
        """(page key, language, heading id) -> the heading's title, for link text."""
        return {(page.key, page.lang, h.id): h.title for page in self.pages for h in page.headings}

    def in_language(self, lang: str) -> dict[str, Page]:
        """The pages of one language, by key."""
        return dict(self._by_language.get(lang, {}))

    @cached_property
    def _by_language(self) -> dict[str, dict[str, Page]]:
        by_language: dict[str, dict[str, Page]] = {lang: {} for lang in self.languages}
        for page in self.pages:
            by_language.setdefault(page.lang, {})[page.key] = page
        return by_language


def make_site(
    docs_dir: str,
    languages: list[str],
    default_language: str,
    sources: dict[str, str],
    data: SiteData,
) -> Site:
    """The model from the page texts by ``src_uri`` (MkDocs' documentation pages)."""
    ordered = tuple([default_language] + [lang for lang in languages if lang != default_language])
    pages = []
    for src_uri, text in sources.items():
        key, lang = page_identity(src_uri, ordered, default_language)
        pages.append(Page(src_uri, f"{docs_dir}/{src_uri}", key, lang, text, Parsed(text)))
    # the order the checks have always reported in: by path, a folder's pages after a
    # same-named page's file ('autoimmune/lupus.md' before 'autoimmune.md')
    pages.sort(key=lambda page: PurePosixPath(page.path).parts)
    return Site(docs_dir, ordered, default_language, tuple(pages), data)
