"""A page in one language only stops the strict build (never a silent fallback)."""

from __future__ import annotations

from fixture_site import FixtureSite, warnings


def test_missing_english_page_fails_with_message(tmp_path):
    site = FixtureSite(tmp_path)
    site.write("docs/extra.md", "# 附加 { #extra }\n")
    result = site.build()
    assert result.returncode != 0
    assert warnings(result) == [
        "parity: docs/extra.md: page has no English translation; create docs/extra.en.md with the same "
        "headings and ids (the site never falls back to Chinese).",
    ]


def test_english_page_without_chinese_fails_with_message(tmp_path):
    site = FixtureSite(tmp_path)
    site.write("docs/extra.en.md", "# Extra { #extra }\n")
    result = site.build()
    assert result.returncode != 0
    assert warnings(result) == [
        "parity: docs/extra.en.md: English page has no Chinese original; create docs/extra.md with the "
        "same headings and ids, or delete this file.",
    ]
