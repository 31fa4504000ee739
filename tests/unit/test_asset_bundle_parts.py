"""hooks/asset_bundle.py's pure parts: a listed path that is no file stops the build with
the setting, the path and the fix; scripts keep their order and their boundaries."""

from __future__ import annotations

import asset_bundle  # hooks/asset_bundle.py
import pytest
from mkdocs.exceptions import PluginError


def test_a_listed_file_that_does_not_exist_names_the_setting_and_the_fix(tmp_path):
    (tmp_path / "a.css").write_text("a { color: red }", encoding="utf-8")
    with pytest.raises(PluginError) as error:
        asset_bundle.read_listed(str(tmp_path), ["a.css", "assets/missing.css"], "extra_css")
    assert str(error.value) == (
        f"mkdocs.yml: extra_css lists 'assets/missing.css', which is not a file under {tmp_path}; "
        "list only the site's own files there (or fix the path)"
    )


def test_scripts_run_in_order_and_a_file_without_final_semicolon_does_not_join_the_next():
    bundle = asset_bundle.js_bundle(["var a = 1\n// note", "(function () { a = 2; })()"])
    assert bundle.index("var a") < bundle.index("a=2")
    # without the separator the second file's parenthesis would call the first's value
    assert "1;" in bundle.replace("\n", "")


def test_an_unclosed_block_stops_the_build_with_file_and_line(tmp_path):
    css = "a { color: red }\n.hint {\n  font-size: 0.7rem;\n\n.tip {\n  opacity: 0;\n}\n"
    assert asset_bundle.unclosed_block(css) == 2
    with pytest.raises(PluginError) as error:
        asset_bundle.check_blocks(str(tmp_path / "docs"), ["a.css", "b.css"], ["a {}", css])
    assert str(error.value).startswith("docs/b.css:2: this block is never closed; add its '}'")


def test_braces_in_comments_and_strings_are_not_blocks():
    css = "/* { */ a::before { content: \"{\"; } b { background: url('x}.png') }\n@media print { c { d: e } }"
    assert asset_bundle.unclosed_block(css) is None
    assert asset_bundle.unclosed_block("@media print {\n c { d: e }\n") == 1
