"""The inline-script hashing behind site/_headers, and the test server's _headers parser."""

from __future__ import annotations

import pytest

from sitebuild import header_lookup, headers_for, parse_headers_file
from sitecheck.headers import fingerprinted, handler_findings, inline_code, script_hash, script_hashes

PAGE = """<!doctype html>
<html><head>
<script>__md_scope=new URL("..",location)</script>
<script src="assets/javascripts/bundle.a5f9d56c.min.js"></script>
<script id="__config" type="application/json">{"base": ".."}</script>
<script type="application/ld+json">{"@type": "Course"}</script>
<script type="module">import "./x.js";</script>
<script type="text/javascript; charset=utf-8">if (a < b && c) {}</script>
</head><body><a href="#" onclick="go()">x</a></body></html>
"""


def test_empty_script_hash_is_the_well_known_value():
    # sha256("") in base64, as Chromium prints it in its CSP console messages
    assert script_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"


def test_executable_inline_scripts_only_byte_exact():
    assert inline_code(PAGE).scripts == [
        '__md_scope=new URL("..",location)',
        'import "./x.js";',
        "if (a < b && c) {}",  # character references and '<' stay as written
    ]


def test_crlf_is_hashed_as_the_browser_sees_it():
    assert inline_code("<script>a()\r\nb()</script>").scripts == ["a()\nb()"]
    assert inline_code(b"<script>a()\r\nb()</script>").scripts == ["a()\nb()"]


def test_a_pages_bytes_give_what_its_text_gives():
    # the build hands over the pages as written (UTF-8 bytes): the same scripts, handlers, lines
    page = (
        PAGE.replace("<body>", '<body>\n<p title="骨">破骨细胞</p><img src="x" onerror="f()">')
        + "<script>'骨'</script>"
    )
    assert inline_code(page.encode("utf-8")) == inline_code(page)
    assert inline_code(page.encode("utf-8")).scripts[-1] == "'骨'"
    assert inline_code(page.encode("utf-8")).handlers == [(10, "img", "onerror"), (10, "a", "onclick")]


def test_union_over_documents_without_duplicates():
    hashes = script_hashes({"a.html": PAGE, "b.html": PAGE, "c.html": "<script>x()</script>"})
    assert len(hashes) == 4
    assert script_hash("x()") in hashes


def test_inline_event_handler_is_a_finding_with_its_line():
    assert handler_findings({"en/x/index.html": PAGE}) == [
        (
            "en/x/index.html",
            9,
            "<a onclick=…> is an inline event handler, which the Content-Security-Policy blocks (a hash cannot "
            "allow it); attach the handler from a script file instead.",
        )
    ]


def test_fingerprinted_assets_are_material_hashed_names():
    assert fingerprinted(
        ["/assets/javascripts/bundle.a5f9d56c.min.js", "/assets/javascripts/language-switch.js", "/index.html"]
    ) == ["/assets/javascripts/bundle.a5f9d56c.min.js"]


HEADERS = """\
# comment
/*
  X-Content-Type-Options: nosniff
  Content-Security-Policy: default-src 'self'; script-src 'self'

/*/
  Cache-Control: max-age=0
/assets/:kind/bundle.*.min.js
  Cache-Control: max-age=31536000, immutable
/en/*
  Link: </en/>; rel=home
"""


def test_parse_rules_in_order_with_values_containing_colons():
    rules = parse_headers_file(HEADERS)
    assert [pattern.pattern for pattern, _ in rules] == [
        "^/.*$",
        "^/.*/$",
        r"^/assets/[^/]+/bundle\..*\.min\.js$",
        "^/en/.*$",
    ]
    assert rules[0][1][1] == ("Content-Security-Policy", "default-src 'self'; script-src 'self'")


@pytest.mark.parametrize(
    "path,cache",
    [
        ("/", None),
        ("/immunology/cytokines/", "max-age=0"),
        ("/assets/javascripts/bundle.a5f9d56c.min.js", "max-age=31536000, immutable"),
        ("/assets/javascripts/sub/bundle.a5f9d56c.min.js", None),  # :kind is one segment
    ],
)
def test_matching_rules_apply(path, cache):
    headers = headers_for(parse_headers_file(HEADERS), path)
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers.get("Cache-Control") == cache


def test_header_set_by_two_rules_is_joined_like_cloudflare():
    rules = parse_headers_file("/*\n  Link: <a>\n/en/*\n  Link: <b>\n")
    assert headers_for(rules, "/en/x/") == {"Link": "<a>, <b>"}
    assert headers_for(rules, "/x/") == {"Link": "<a>"}


def test_header_line_outside_a_rule_is_refused():
    with pytest.raises(ValueError, match=r"_headers:1: expected 'Name: value' under a path pattern"):
        parse_headers_file("  Cache-Control: none\n")


def test_lookup_under_a_path_prefix_uses_paths_from_the_site_root():
    lookup = header_lookup(HEADERS, prefix="/osteoimmunology/")
    assert lookup("/osteoimmunology/assets/javascripts/bundle.a5f9d56c.min.js?v=1")["Cache-Control"] == (
        "max-age=31536000, immutable"
    )
    assert lookup("/osteoimmunology/en/x/#part")["Link"] == "</en/>; rel=home"


def test_parsed_pages_are_kept_on_disk_and_a_changed_page_is_parsed_again(tmp_path, monkeypatch):
    from types import SimpleNamespace

    import security_headers  # hooks/security_headers.py

    monkeypatch.setenv("INLINE_CODE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(security_headers, "inline_code_caches", {})
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    first = security_headers.inline_code_of(config, {"a.html": PAGE})
    assert first["a.html"] == inline_code(PAGE)
    monkeypatch.setattr(security_headers, "inline_code_caches", {})  # a new build process
    parsed = []
    monkeypatch.setattr(security_headers, "inline_code", lambda html: (parsed.append(html), inline_code(html))[1])
    assert security_headers.inline_code_of(config, {"b.html": PAGE}) == {"b.html": first["a.html"]}
    assert parsed == []  # the same text: from the file
    changed = PAGE.replace("<body>", '<body><img src="x" onerror="steal()">')
    found = security_headers.inline_code_of(config, {"a.html": changed})
    assert parsed == [changed]
    tags = [message.split("=")[0] for _name, _line, message in handler_findings(found)]
    assert tags == ["<img onerror", "<a onclick"]
