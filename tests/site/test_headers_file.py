"""site/_headers of the real build: every inline script hashed, strict scripts, one rule per header."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from sitebuild import headers_for, parse_headers_file
from sitecheck.headers import InlineCode, inline_code, is_executable, script_hash


def policy(site_dir) -> dict[str, str]:
    rules = parse_headers_file((site_dir / "_headers").read_text(encoding="utf-8"))
    csp = headers_for(rules, "/")["Content-Security-Policy"]
    return dict(directive.strip().split(" ", 1) for directive in csp.split(";"))


def test_every_inline_script_of_every_page_is_hashed(site_dir):
    allowed = policy(site_dir)["script-src"].split()
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) >= 60  # both languages, parallel views, 404
    missing = [
        f"{path.relative_to(site_dir)}: {source[:60]!r}"
        for path in pages
        for source in inline_code(path.read_text(encoding="utf-8")).scripts
        if script_hash(source) not in allowed
    ]
    assert missing == []


class ReferenceInlineCode(HTMLParser):
    """The inline code as Python's html.parser sees it (what sitecheck/headers.py used before it
    moved to lxml, four times faster): the reference every built page must agree with."""

    def __init__(self):
        super().__init__(convert_charrefs=False)  # script text stays byte-exact
        self.found = InlineCode()
        self.script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        self.found.handlers += [(self.getpos()[0], tag, name) for name, _ in attrs if name.startswith("on")]
        if tag == "script" and "src" not in dict(attrs) and is_executable(dict(attrs).get("type")):
            self.script = []

    def handle_data(self, data):
        if self.script is not None:
            self.script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            self.found.scripts.append("".join(self.script))
            self.script = None


def test_every_page_gives_the_inline_code_python_s_html_parser_finds(site_dir):
    pages = sorted(site_dir.rglob("*.html"))
    differing = []
    for path in pages:
        text = path.read_text(encoding="utf-8")
        reference = ReferenceInlineCode()
        reference.feed(text.replace("\r\n", "\n").replace("\r", "\n"))
        reference.close()
        if inline_code(text) != reference.found or inline_code(path.read_bytes()) != reference.found:
            differing.append(str(path.relative_to(site_dir)))
    assert sum(len(inline_code(p.read_text(encoding="utf-8")).scripts) for p in pages) >= 2 * len(pages)
    assert differing == []


def test_scripts_are_strict_and_the_rest_is_locked_down(site_dir):
    directives = policy(site_dir)
    assert directives["script-src"].startswith("'self' 'sha256-")
    assert "unsafe" not in directives["script-src"]
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'self'"
    assert directives["frame-ancestors"] in ("'none'", "'self'")
    assert directives["img-src"] == "'self' data:"
    assert directives["worker-src"] == "'self'"
    assert directives["manifest-src"] == "'self'"


def test_each_file_gets_each_header_from_one_rule(site_dir):
    """Hosts differ in how they merge rules (Cloudflare joins values): so no header is set twice."""
    rules = parse_headers_file((site_dir / "_headers").read_text(encoding="utf-8"))
    paths = ["/", "/en/", *("/" + p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())]
    doubled = []
    for path in paths:
        names = [name for pattern, lines in rules if pattern.match(path) for name, _ in lines]
        doubled += [f"{path}: {name}" for name in set(names) if names.count(name) > 1]
    assert doubled == []


def test_fingerprinted_assets_are_immutable_pages_revalidate(site_dir):
    rules = parse_headers_file((site_dir / "_headers").read_text(encoding="utf-8"))
    bundles = [p for p in site_dir.glob("assets/**/*.min.*") if re.search(r"\.[0-9a-f]{8}\.min\.(js|css)$", p.name)]
    assert len(bundles) >= 4  # Material's bundle, search worker, main and palette stylesheets
    for bundle in bundles:
        headers = headers_for(rules, "/" + bundle.relative_to(site_dir).as_posix())
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable", bundle
    for page in ["/", "/en/", "/immunology/cytokines/", "/en/parallel/immunotherapy/", "/404.html"]:
        headers = headers_for(rules, page)
        assert headers["Cache-Control"] == "public, max-age=0, must-revalidate", page
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"
    # a file that is not fingerprinted keeps the host's default
    assert "Cache-Control" not in headers_for(rules, "/assets/javascripts/update-notice.js")
