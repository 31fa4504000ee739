"""One test per assumption the hooks make about other plugins' internals
(hooks/plugin_internals.py): an upgrade of mkdocs-static-i18n, Material or
mkdocs-print-site-plugin that breaks one fails here, by name."""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from types import SimpleNamespace

import material
import mkdocs_print_site_plugin.plugin
import mkdocs_print_site_plugin.urls
import mkdocs_static_i18n.plugin
import mkdocs_static_i18n.reconfigure
import print_page
import pytest
import search_languages
from bs4 import BeautifulSoup
from material.plugins.offline.plugin import OfflinePlugin
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from print_fixture import print_build, print_site

import plugin_internals
import sitehook
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


def test_i18n_builds_every_language_with_the_first_passes_config_object(tmp_path, monkeypatch):
    # the site model (sitehook.site_model) is made once per build on this assumption
    passes, models = [], []
    build, make_site_model = mkdocs_static_i18n.plugin.build, sitehook.make_site_model

    def nested_build(config, **kwargs):
        passes.append(config)
        return build(config, **kwargs)

    def made_from(config):
        models.append(config)
        return make_site_model(config)

    monkeypatch.setattr(mkdocs_static_i18n.plugin, "build", nested_build)
    monkeypatch.setattr(sitehook, "make_site_model", made_from)
    assert FixtureSite(tmp_path).build().ok
    assert len(passes) == 1 and len(models) == 1  # the English pass; one model for both
    assert plugin_internals.same_build(models[0], passes[0])


def test_i18n_build_only_locale_makes_the_built_locale_the_default(tmp_path):
    # the site model names the language of x.md from the configuration as written
    site = FixtureSite(tmp_path)
    site.replace(
        "mkdocs.yml", "      docs_structure: suffix\n", "      docs_structure: suffix\n      build_only_locale: en\n"
    )
    config = load_config(config_file=str(site.root / "mkdocs.yml"), site_dir=str(site.root / "site"))
    assert plugin_internals.only_locale(config) == "en"
    assert plugin_internals.default_language(config) == "en"  # x.md is still Chinese


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


def test_git_dates_are_formatted_and_tagged_through_the_plugins_util():
    from mkdocs_git_revision_date_localized_plugin.plugin import GitRevisionDateLocalizedPlugin
    from mkdocs_git_revision_date_localized_plugin.util import Util

    render = inspect.getsource(GitRevisionDateLocalizedPlugin._render_date)
    assert "self.util.get_date_formats_for_timestamp(commit_timestamp, locale=locale, add_spans=True)" in render
    assert "self.util.get_tag_name_for_commit(commit_hash)" in render
    lookup = inspect.getsource(Util._lookup_tag_name_for_commit)
    assert "for path, git in self.repo_cache.items():" in lookup
    assert 'git.tag("--points-at", commit_hash, format="%(refname:short)")' in lookup
    assert 'tags.split("\\n")[0]' in lookup


def priority(handler) -> int:
    """An event handler's MkDocs priority (``@event_priority``; 0 without it)."""
    return getattr(handler, "mkdocs_priority", 0)


def loaded(site: FixtureSite):
    config = load_config(config_file=str(site.root / "mkdocs.yml"), site_dir=str(site.root / "site"))
    return config.plugins.on_config(config)


# --- Material's offline plugin ---------------------------------------------------------------


def test_material_offline_plugin_is_registered_as_material_offline_with_enabled(tmp_path, configured):
    site = FixtureSite(tmp_path)
    site.replace("mkdocs.yml", "hooks:\n", "  - offline\nhooks:\n")
    assert plugin_internals.offline_enabled(loaded(site)) is True
    site.replace("mkdocs.yml", "  - offline\n", "  - offline:\n      enabled: false\n")
    assert plugin_internals.offline_enabled(loaded(site)) is False
    assert plugin_internals.offline_enabled(configured) is False  # not in the config at all


def test_material_offline_plugin_inlines_only_the_root_index_before_the_per_language_split(tmp_path):
    for folder in ("", "en/"):
        (tmp_path / folder / "search").mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "search" / "search_index.json").write_text(f'{{"docs": ["{folder}"]}}', encoding="utf-8")
    plugin = OfflinePlugin()
    plugin.load_config({"enabled": True})
    plugin.on_post_build(config=SimpleNamespace(site_dir=str(tmp_path)))
    script = tmp_path / "search" / plugin_internals.OFFLINE_SEARCH_SCRIPT
    assert script.read_text(encoding="utf-8") == plugin_internals.offline_search_script('{"docs": [""]}')
    assert not (tmp_path / "en" / "search" / plugin_internals.OFFLINE_SEARCH_SCRIPT).exists()
    # so hooks/search_languages.py writes every language's script after it, over the merged index's
    assert priority(OfflinePlugin.on_post_build) > priority(search_languages.on_post_build)


def test_material_javascript_loads_search_index_js_and_reads_its_global_under_file():
    scripts = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    bundle = next(scripts.glob("bundle.*.min.js")).read_text(encoding="utf-8")
    name = re.escape(plugin_internals.OFFLINE_SEARCH_SCRIPT)
    variable = plugin_internals.offline_search_script("").split("=")[0].removeprefix("var").strip()
    assert re.search(rf'location\.protocol==="file:"\?\w+\(`\$\{{new URL\("search/{name}"[^;]*\b{variable}\b', bundle)


# --- mkdocs-print-site-plugin ------------------------------------------------------------------


def test_print_site_is_registered_as_print_site_and_makes_its_page_in_on_config(tmp_path, configured):
    config = loaded(print_site(tmp_path, only="zh"))
    assert plugin_internals.print_site_plugin(config) is not None
    assert Path(plugin_internals.print_page_path(config)) == tmp_path / "site" / "print_page" / "index.html"
    assert plugin_internals.print_site_plugin(configured) is None


def test_print_site_prepends_its_assets_again_on_every_on_config(tmp_path):
    """Why hooks/print_page.py drops repeated entries (plugin_internals.drop_repeated_print_assets):
    static-i18n calls print-site's on_config again for each further language with the same lists."""
    config = load_config(config_file=str(print_site(tmp_path).root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plugin = config.plugins["print-site"]
    plugin.on_config(plugin.on_config(config))
    assert [str(entry) for entry in config.extra_javascript].count("js/print-site.js") == 2
    assert [str(entry) for entry in config.extra_css].count("css/print-site.css") == 2


def test_print_site_writes_its_page_in_on_post_build_before_the_hook_and_the_next_language():
    plugin = mkdocs_print_site_plugin.plugin.PrintSitePlugin
    assert "on_post_page" not in vars(plugin)  # the page never passes through on_post_page
    assert "self.print_page.file.abs_dest_path" in inspect.getsource(plugin.on_post_build)
    assert priority(plugin.on_post_build) > priority(print_page.on_post_build)
    assert priority(print_page.on_post_build) > priority(mkdocs_static_i18n.plugin.I18n.on_post_build)


def test_print_site_leaves_the_print_page_of_the_last_language_pass(tmp_path_factory):
    """Why scripts/pdf.py builds each language's print page on its own."""
    site = print_build(tmp_path_factory)
    page = BeautifulSoup((site / "print_page" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.html["lang"] == "en"
    assert not (site / "en" / "print_page").exists()


def test_print_site_ids_each_page_section_by_its_url_and_prefixes_the_pages_ids(tmp_path_factory):
    site = print_build(tmp_path_factory)
    page = BeautifulSoup((site / "print_page" / "index.html").read_text(encoding="utf-8"), "html.parser")
    section = page.find("section", id=plugin_internals.print_page_anchor("en/chapter/"))
    assert section is not None and section.get("class") == ["print-page"]
    assert section.find_parent(id="print-site-page") is not None
    assert section.find(id=plugin_internals.print_page_anchor("en/chapter/#part")) is not None


def test_print_site_rewrites_html_links_only_not_the_svg_links_of_diagrams():
    html = '<p><a href="../glossary/">term</a></p><svg><a xlink:href="../glossary/"><text>t</text></a></svg>'
    fixed = mkdocs_print_site_plugin.urls.fix_internal_links(html, "chapter/", True, "1")
    assert '<a href="#glossary">' in fixed
    assert '<a xlink:href="../glossary/">' in fixed  # left to hooks/print_page.py


def test_print_site_prefixes_same_page_links_but_not_every_id():
    html = '<h2 id="part">Part</h2>\n<div id="note">n</div>\n<p><a href="#note">see</a></p>'
    fixed = mkdocs_print_site_plugin.urls.fix_internal_links(html, "chapter/", True, "1")
    assert '<a href="#chapter-note">' in fixed and 'id="chapter-part"' in fixed
    assert 'id="note"' in fixed  # left to hooks/print_page.py (sitecheck.printpage.prefix_ids)
