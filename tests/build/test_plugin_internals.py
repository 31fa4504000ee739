"""One test per assumption the hooks make about other plugins' internals
(hooks/plugin_internals.py): an upgrade of mkdocs-static-i18n or Material that
breaks one fails here, by name."""

from __future__ import annotations

import inspect
from pathlib import Path

import material
import mkdocs_static_i18n.plugin
import mkdocs_static_i18n.reconfigure
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

import plugin_internals
from fixture_site import FixtureSite


@pytest.fixture(scope="module")
def configured(tmp_path_factory):
    """The fixture site's config after every plugin's (and hook's) on_config and on_pre_build."""
    site = FixtureSite(tmp_path_factory.mktemp("internals"))
    config = load_config(config_file=str(site.root / "mkdocs.yml"), site_dir=str(site.root / "site"))
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    return config


def test_i18n_is_registered_as_i18n_and_sets_the_pass_language_in_on_config(configured):
    assert plugin_internals.i18n_plugin(configured) is not None
    assert plugin_internals.current_language(configured) == "zh"
    assert plugin_internals.default_language(configured) == "zh"
    assert plugin_internals.languages(configured) == ["zh", "en"]
    assert plugin_internals.build_languages(configured) == ["zh", "en"]


def test_i18n_builds_the_other_languages_from_on_post_build_with_building_set(configured):
    assert plugin_internals.is_nested_language_build(configured) is False  # the outer pass
    source = inspect.getsource(mkdocs_static_i18n.plugin.I18n.on_post_build)
    assert "self.building = True" in source and "build(config" in source


def test_i18n_files_carry_locale_and_alternates_that_the_selector_reads(configured):
    files = configured.plugins.on_files(get_files(configured), config=configured)
    chapter = files.get_file_from_path("chapter.md")
    assert chapter.locale == "zh" and chapter.locale_alternate_of == "zh"
    assert set(chapter.alternates) == {"zh", "en"}
    # the language selector's links come from page.file.alternates
    assert "page.file.alternates" in inspect.getsource(mkdocs_static_i18n.reconfigure)


def test_material_writes_its_config_with_base_as_json_in_one_script_element():
    base = (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8")
    start = base.index('<script id="__config" type="application/json">')
    assert '"base": base_url' in base[start : base.index("</script>", start)]
    page = '<script id="__config" type="application/json">{"base": ".."}</script>'
    assert plugin_internals.MATERIAL_CONFIG_RE.search(page).group(2) == '{"base": ".."}'


def test_material_search_splits_chinese_with_the_cut_of_its_module_level_jieba(monkeypatch):
    import material.plugins.search.plugin as search
    from material.plugins.search.plugin import SearchIndex

    monkeypatch.setattr(search, "jieba", search.jieba)  # restored after the test
    seen = []

    def cut(sentence):
        seen.append(sentence)
        return ["骨", "免疫"]

    assert plugin_internals.segment_search_text_with(cut) is True
    assert SearchIndex._segment_chinese(None, "IL-17 骨免疫 x") == "IL-17 \u200b骨\u200b免疫\u200b x"
    assert seen == ["骨免疫".encode()]


def test_git_dates_come_from_the_plugins_util_made_in_each_on_config():
    from mkdocs_git_revision_date_localized_plugin.plugin import GitRevisionDateLocalizedPlugin
    from mkdocs_git_revision_date_localized_plugin.util import Util

    assert "self.util = Util(" in inspect.getsource(GitRevisionDateLocalizedPlugin.on_config)
    assert "self.util.get_git_commit_timestamp(path=" in inspect.getsource(GitRevisionDateLocalizedPlugin._get_commit)
    assert list(inspect.signature(Util.get_git_commit_timestamp).parameters) == ["self", "path", "is_first_commit"]
    asked = []
    plugin = type("Plugin", (), {})()
    plugin.util = type("Util", (), {"get_git_commit_timestamp": lambda path, is_first_commit=False: ("c", 1)})
    plugin_internals.look_up_git_commits_with(plugin, lambda path, first, ask: (asked.append((path, first)), ask())[1])
    assert plugin.util.get_git_commit_timestamp(path="docs/a.md", is_first_commit=False) == ("c", 1)
    assert asked == [("docs/a.md", False)]
