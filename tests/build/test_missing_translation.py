"""A page without its English translation stops the strict build."""

from __future__ import annotations

import shutil

from sitebuild import ROOT, build

MKDOCS_YML = """\
site_name: fixture
strict: true
theme:
  name: material
  language: zh
plugins:
  - i18n:
      docs_structure: suffix
      fallback_to_default: false
      languages:
        - locale: zh
          default: true
          name: 中文
        - locale: en
          name: English
hooks:
  - hooks/i18n_parity.py
"""


def make_site(tmp_path):
    (tmp_path / "docs").mkdir()
    shutil.copytree(ROOT / "hooks", tmp_path / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text("# 首页 { #home }\n", encoding="utf-8")
    (tmp_path / "docs" / "index.en.md").write_text("# Home { #home }\n", encoding="utf-8")
    return tmp_path


def test_complete_fixture_builds(tmp_path):
    site = make_site(tmp_path)
    result = build(site, tmp_path / "out")
    assert result.returncode == 0, result.stderr


def test_missing_english_page_fails_with_message(tmp_path):
    site = make_site(tmp_path)
    (site / "docs" / "chapter.md").write_text("# 第一章 { #chapter }\n", encoding="utf-8")
    result = build(site, tmp_path / "out")
    assert result.returncode != 0
    assert (
        "WARNING -  parity: docs/chapter.md: page has no English translation; create "
        "docs/chapter.en.md with the same headings and ids (the site never falls back to Chinese)."
    ) in result.stderr


def test_english_page_without_chinese_fails_with_message(tmp_path):
    site = make_site(tmp_path)
    (site / "docs" / "extra.en.md").write_text("# Extra { #extra }\n", encoding="utf-8")
    result = build(site, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/extra.en.md: English page has no Chinese original; create docs/extra.md" in result.stderr
