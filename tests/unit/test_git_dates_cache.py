"""The on-disk cache of git's last-change dates (hooks/sitecheck/diskcache.py, wired in
hooks/citation.py): a new commit is never served the date of an older one, and a
rebuild at the same commit asks git nothing."""

from __future__ import annotations

import subprocess
from pathlib import Path
from types import SimpleNamespace

import citation  # hooks/citation.py
import pytest
from mkdocs_git_revision_date_localized_plugin.util import Util

import plugin_internals

PLUGIN_OPTIONS = {"enable_git_follow": True, "fallback_to_build_date": True, "strict": True}


def git(root, *args, when="2026-01-01T00:00:00Z"):
    env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "HOME": str(root), "PATH": "/usr/bin:/bin"}
    env.update(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t")
    env.update(GIT_COMMITTER_EMAIL="t@example.org")
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture
def project(tmp_path, monkeypatch):
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "page.md").write_text("one\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "one", when="2026-01-01T00:00:00Z")
    monkeypatch.setenv("GIT_DATES_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(citation, "git_date_caches", {})
    return root


def configured(root):
    """What citation.py's on_config sees: the git plugin after its own on_config."""
    plugin = SimpleNamespace(config=dict(PLUGIN_OPTIONS, enabled=True), util=Util(PLUGIN_OPTIONS, str(root)))
    config = SimpleNamespace(
        config_file_path=str(root / "mkdocs.yml"),
        docs_dir=str(root / "docs"),
        plugins={citation.GIT_PLUGIN: plugin},
    )
    citation.cache_git_dates(config)
    return plugin, config


def test_a_new_commit_is_not_served_the_old_date(project):
    page = str(project / "docs" / "page.md")
    plugin, config = configured(project)
    first = plugin.util.get_git_commit_timestamp(path=page, is_first_commit=False)
    citation.save_git_dates()
    (project / "docs" / "page.md").write_text("two\n", encoding="utf-8")
    git(project, "commit", "-q", "-am", "two", when="2026-02-01T00:00:00Z")
    plugin, config = configured(project)
    second = plugin.util.get_git_commit_timestamp(path=page, is_first_commit=False)
    assert first[1] < second[1] and first[0] != second[0]


def test_a_rebuild_at_the_same_commit_asks_git_nothing(project, monkeypatch):
    page = str(project / "docs" / "page.md")
    plugin, config = configured(project)
    answer = plugin.util.get_git_commit_timestamp(path=page, is_first_commit=False)
    citation.save_git_dates()
    monkeypatch.setattr(citation, "git_date_caches", {})  # a new build process

    def no_git(self, path, is_first_commit=False):
        raise AssertionError("git was asked for a cached date")

    monkeypatch.setattr(Util, "get_git_commit_timestamp", no_git)
    plugin, config = configured(project)
    assert plugin.util.get_git_commit_timestamp(path=page, is_first_commit=False) == answer


def test_a_file_without_commits_is_asked_every_time(project):
    new = project / "docs" / "new.md"
    new.write_text("new\n", encoding="utf-8")
    plugin, config = configured(project)
    commit, _when = plugin.util.get_git_commit_timestamp(path=str(new), is_first_commit=False)
    assert commit == ""  # the plugin's fallback (the build's time): not kept
    assert citation.git_date_caches[next(iter(citation.git_date_caches))].values == {}


def head(root) -> str:
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True).stdout.strip()


def test_tags_read_in_one_pass_are_the_ones_the_plugin_finds(project):
    commits = [head(project)]
    git(project, "tag", "b-light")  # a lightweight tag and, by name before it, an annotated one
    git(project, "tag", "-a", "a-annotated", "-m", "a")
    for number in (2, 3):
        (project / "docs" / "page.md").write_text(f"{number}\n", encoding="utf-8")
        git(project, "commit", "-q", "-am", str(number), when=f"2026-0{number}-01T00:00:00Z")
        commits.append(head(project))
    git(project, "tag", "-a", "v2", "-m", "v2", commits[1])
    plugin, _config = configured(project)
    own = Util(PLUGIN_OPTIONS, str(project))
    own.get_head_commit(str(project / "docs"))  # as the plugin: its repository is known by then
    answers = [plugin.util.get_tag_name_for_commit(commit) for commit in [*commits, ""]]
    assert answers == [own.get_tag_name_for_commit(commit) for commit in [*commits, ""]]
    assert answers == ["a-annotated", "v2", "", ""]


def test_a_date_is_formatted_anew_for_another_timestamp_language_or_zone(project, monkeypatch):
    monkeypatch.setattr(citation, "date_formats", {})
    night = 1798761600 - 3600  # 2026-12-31 23:00 UTC, 2027-01-01 in Shanghai
    asked = [(night, "zh", True), (night, "en", True), (night, "en", False), (0, "en", True)]
    for options in (PLUGIN_OPTIONS, dict(PLUGIN_OPTIONS, timezone="Asia/Shanghai")):
        plugin = SimpleNamespace(config=dict(options, enabled=True), util=Util(options, str(project)))
        plugin_internals.format_git_dates_with(plugin, citation.remembered_date_formats(plugin))
        own = Util(options, str(project))
        for timestamp, locale, spans in asked:
            assert plugin.util.get_date_formats_for_timestamp(timestamp, locale=locale, add_spans=spans) == (
                own.get_date_formats_for_timestamp(timestamp, locale=locale, add_spans=spans)
            )
    assert len(citation.date_formats) == 2 * len(asked)  # each formatted once, none served another's


def write(root, name, text):
    (root / "docs" / name).write_text(text, encoding="utf-8")


def branching_history(root):
    """Side branches merged back: a change the merge discards, a conflict, a rename, a
    whitespace-only change, a file added with another's deletion."""
    write(root, "kept.md", "a\nb\n")
    write(root, "old.md", "a text long enough to be found again after its rename\n")
    write(root, "gone.md", "x\n")
    write(root, "discarded.md", "x\n")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "files", when="2026-01-02T00:00:00Z")
    git(root, "checkout", "-q", "-b", "side")
    write(root, "discarded.md", "side\n")
    git(root, "commit", "-q", "-am", "side change, discarded by the merge", when="2026-01-04T00:00:00Z")
    write(root, "page.md", "side\n")
    git(root, "commit", "-q", "-am", "conflicting change", when="2026-01-05T00:00:00Z")
    git(root, "checkout", "-q", "-")
    write(root, "page.md", "main\n")
    git(root, "commit", "-q", "-am", "main change", when="2026-01-03T00:00:00Z")
    git(root, "merge", "-q", "-s", "ours", "--no-commit", "side", when="2026-01-06T00:00:00Z")
    write(root, "page.md", "resolved\n")
    git(root, "commit", "-q", "-am", "merge, discarded.md from main", when="2026-01-06T00:00:00Z")
    git(root, "mv", "docs/old.md", "docs/new.md")
    git(root, "commit", "-q", "-m", "rename", when="2026-01-07T00:00:00Z")
    write(root, "kept.md", "a \nb\n\n")
    git(root, "commit", "-q", "-am", "whitespace", when="2026-01-08T00:00:00Z")
    git(root, "rm", "-q", "docs/gone.md")
    write(root, "added.md", "y\n")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "one added, one deleted", when="2026-01-09T00:00:00Z")


def test_one_pass_over_the_history_finds_what_the_plugin_finds_per_page(project):
    from sitecheck.history import history_log, last_changes

    branching_history(project)
    top, log = history_log(project)
    found = last_changes(log)
    own = Util(PLUGIN_OPTIONS, str(project))
    pages = sorted(path.name for path in (project / "docs").iterdir())
    answers = {name: own.get_git_commit_timestamp(str(project / "docs" / name)) for name in pages}
    known = {name: found[f"docs/{name}"] for name in pages if found[f"docs/{name}"] is not None}
    assert known == {name: answers[name] for name in known}
    # the merge and the whitespace change count as git counts them; renames are git's to find
    assert sorted(known) == ["discarded.md", "kept.md", "page.md"] and found["docs/new.md"] is None
    assert known["discarded.md"][1] == known["page.md"][1] - 86400  # the side's commits, not the merge
    assert found["docs/added.md"] is None  # added as another file is deleted: maybe a rename


def test_one_pass_agrees_with_the_plugin_on_this_repository():
    from sitecheck.history import history_log, last_changes

    root = Path(__file__).resolve().parents[2]
    found = history_log(root)
    if found is None:
        pytest.skip("not a git checkout")  # a release tarball: the plugin falls back to the build date
    top, log = found
    changes = last_changes(log)
    own = Util(PLUGIN_OPTIONS, str(root))
    pages = [path for path in sorted((root / "docs").rglob("*.md")) if path.relative_to(top).as_posix() in changes]
    known = [page for page in pages if changes[page.relative_to(top).as_posix()] is not None]
    assert len(known) >= len(pages) * 0.9
    for page in known:
        assert changes[page.relative_to(top).as_posix()] == own.get_git_commit_timestamp(str(page))


def test_a_cold_cache_asks_git_once_for_all_pages(project, monkeypatch):
    branching_history(project)
    asked = []
    ask = Util.get_git_commit_timestamp
    monkeypatch.setattr(
        Util,
        "get_git_commit_timestamp",
        lambda self, path, is_first_commit=False: (asked.append(Path(path).name), ask(self, path, is_first_commit))[1],
    )
    plugin, _config = configured(project)
    dates = {
        name: plugin.util.get_git_commit_timestamp(path=str(project / "docs" / name))
        for name in ("kept.md", "page.md", "new.md")
    }
    assert asked == ["new.md"]  # the renamed page only
    assert dates["kept.md"] == ask(plugin.util, str(project / "docs" / "kept.md"))


def test_the_chapters_commit_times_are_asked_anew_after_a_new_commit(project, monkeypatch):
    monkeypatch.setattr(citation, "state", {})
    _plugin, config = configured(project)
    first = citation._commit_times(config)
    citation.save_git_dates()
    (project / "docs" / "page.md").write_text("two\n", encoding="utf-8")
    git(project, "commit", "-q", "-am", "two", when="2026-02-01T00:00:00Z")
    monkeypatch.setattr(citation, "state", {})
    monkeypatch.setattr(citation, "git_date_caches", {})
    _plugin, config = configured(project)
    assert citation._commit_times(config) == {"page.md": first["page.md"] + 31 * 86400}
    citation.save_git_dates()
    monkeypatch.setattr(citation, "state", {})
    monkeypatch.setattr(citation, "git_date_caches", {})
    monkeypatch.setattr(citation, "last_commit_times", lambda *args: pytest.fail("git asked again"))
    _plugin, config = configured(project)
    assert citation._commit_times(config) == {"page.md": first["page.md"] + 31 * 86400}


def test_dates_formatted_once_are_read_back_from_disk_until_babel_changes(project, monkeypatch, tmp_path):
    import importlib.metadata

    monkeypatch.setattr(citation, "date_formats", {})
    folder = tmp_path / "dates"
    plugin = SimpleNamespace(config=dict(PLUGIN_OPTIONS, enabled=True), util=Util(PLUGIN_OPTIONS, str(project)))
    plugin_internals.format_git_dates_with(plugin, citation.remembered_date_formats(plugin, folder))
    asked = [(1798761600, "zh", True), (1798761600, "en", True), (1798761600, "en", False), (0, "en", True)]
    first = [plugin.util.get_date_formats_for_timestamp(t, locale=lang, add_spans=spans) for t, lang, spans in asked]
    own = Util(PLUGIN_OPTIONS, str(project))
    assert first == [own.get_date_formats_for_timestamp(t, locale=lang, add_spans=spans) for t, lang, spans in asked]
    citation.save_git_dates()
    monkeypatch.setattr(citation, "date_formats", {})  # a new build process
    monkeypatch.setattr(citation, "git_date_caches", {})
    no_babel = SimpleNamespace(get_date_formats_for_timestamp=lambda *args, **kwargs: pytest.fail("formatted again"))
    plugin = SimpleNamespace(config=dict(PLUGIN_OPTIONS, enabled=True), util=no_babel)
    plugin_internals.format_git_dates_with(plugin, citation.remembered_date_formats(plugin, folder))
    assert [
        plugin.util.get_date_formats_for_timestamp(t, locale=lang, add_spans=spans) for t, lang, spans in asked
    ] == first
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "0" if name == "babel" else real(name))
    monkeypatch.setattr(citation, "date_formats", {})
    new_babel = SimpleNamespace(get_date_formats_for_timestamp=lambda *args, **kwargs: {"date": "new Babel"})
    plugin = SimpleNamespace(config=dict(PLUGIN_OPTIONS, enabled=True), util=new_babel)
    plugin_internals.format_git_dates_with(plugin, citation.remembered_date_formats(plugin, folder))
    assert plugin.util.get_date_formats_for_timestamp(0, locale="en", add_spans=True) == {"date": "new Babel"}


def test_the_corrections_dates_are_read_anew_after_a_new_commit(project, monkeypatch):
    import datetime as dt

    import corrections_history  # hooks/corrections_history.py

    monkeypatch.setattr(corrections_history, "date_caches", {})
    folder = project / "docs" / "_data" / "corrections"
    folder.mkdir(parents=True)
    (folder / "a.yml").write_text("corrections:\n  - id: first\n", encoding="utf-8")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "first", when="2026-03-01T00:00:00Z")
    corrections = "docs/_data/corrections"
    assert corrections_history.recorded_dates(project, corrections, head(project)) == {"first": dt.date(2026, 3, 1)}
    (folder / "a.yml").write_text("corrections:\n  - id: first\n  - id: second\n", encoding="utf-8")
    git(project, "commit", "-q", "-am", "second", when="2026-04-01T00:00:00Z")
    dates = {"first": dt.date(2026, 3, 1), "second": dt.date(2026, 4, 1)}
    assert corrections_history.recorded_dates(project, corrections, head(project)) == dates
    monkeypatch.setattr(corrections_history, "date_caches", {})  # a new build process
    monkeypatch.setattr(corrections_history, "git_log_patch", lambda *args: pytest.fail("git asked again"))
    assert corrections_history.recorded_dates(project, corrections, head(project)) == dates
