"""The Content-Security-Policy of site/_headers, applied by the test server, blocks nothing
the site itself does: every page of both languages, the parallel views and the 404 page load
(diagrams are inline SVG drawn at build time) without a `securitypolicyviolation` event or a CSP console error,
and, in the same pass, on a 375 px phone, without a request to another host, any console or page error,
a missing file or a page wider than the phone's screen; each chapter's link to its parallel view
and each parallel view's paired rows (tests/browser/test_parallel.py), and that no arrow of a figure
is drawn through a box (tests/figurelayout.py), are checked on the way."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from figurelayout import edges_through_boxes
from test_parallel import parallel_link_problems, parallel_view_problems

from conftest import CHAPTERS, DIAGRAM_PAGES, LANGUAGES, PAGES, PHONE
from sitebuild import serve
from sitecheck.headers import inline_code, script_hash

pytestmark = pytest.mark.browser

# Every violation and every console message about the policy, kept on the page
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e => window.__cspViolations.push(
  `${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile || location.href}:${e.lineNumber}`));
"""
# Every URL a reader can open: pages and parallel views in both languages, and the 404 page
URLS = (
    [f"{LANGUAGES[lang]}{page}" for lang in LANGUAGES for page in PAGES]
    + [f"{LANGUAGES[lang]}parallel/{page}" for lang in LANGUAGES for page in CHAPTERS]
    + ["404.html"]
)


@pytest.fixture(scope="module")
def headers_text(site_dir) -> str:
    return (site_dir / "_headers").read_text(encoding="utf-8")


# The crawl's tabs are a phone's screen (conftest.PHONE): each page must fit it without scrolling sideways
SCREEN = PHONE["viewport"]
# Tabs loading at once: each URL waits for half a second without requests (networkidle: the
# search worker fetches its scripts after the load event), and those waits overlap
TABS = 4


def watched_tab(context, base_url: str, found: list[str], problems: list[str] | None):
    """A tab that records CSP violations and CSP console errors into ``found`` and, with
    ``problems``, every request to another host, console error, page error and missing file."""
    tab = context.new_page()
    tab.set_viewport_size(SCREEN)
    tab.add_init_script(RECORD_VIOLATIONS)
    tab.on(
        "console",
        lambda m: found.append(f"console: {m.text}") if "Content Security Policy" in m.text else None,
    )
    if problems is not None:
        local = urlsplit(base_url).netloc
        tab.on(
            "request", lambda r: None if urlsplit(r.url).netloc in (local, "") else problems.append(f"request {r.url}")
        )
        tab.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        tab.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        tab.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    return tab


def violations_on(context, base_url: str, paths: list[str], problems: list[str] | None = None) -> list[str]:
    """Open each path at a phone's width; the CSP violations and CSP console errors seen, each
    with its page. With ``problems``, also every request to another host, console error, page
    error, missing file (HTTP >= 400) and page wider than the phone (horizontal scrolling) is
    added to it. Up to TABS paths load at the same time."""
    found: list[str] = []
    tabs = [watched_tab(context, base_url, found, problems) for _ in range(min(TABS, len(paths)))]
    try:
        for start in range(0, len(paths), len(tabs)):
            batch = list(zip(tabs, paths[start : start + len(tabs)], strict=False))
            for tab, path in batch:  # each returns once its page's headers are in
                response = tab.goto(f"{base_url}/{path}", wait_until="commit")
                assert "script-src" in response.headers.get("content-security-policy", ""), path
            for tab, path in batch:
                tab.wait_for_load_state("networkidle")
                found += [f"/{path}: {v}" for v in tab.evaluate("window.__cspViolations")]
                if problems is not None:
                    problems += [f"/{path}: {problem}" for problem in page_problems(tab, base_url, path)]
    finally:
        for tab in tabs:
            tab.close()
    return found


def page_problems(tab, base_url: str, path: str) -> list[str]:
    """The crawl's checks of the page open in ``tab`` besides the policy: it fits the phone's
    width; a chapter links to its parallel view; a parallel view pairs its rows; a page with
    figures draws no arrow through a box."""
    found = []
    overflow = tab.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if overflow > 0:
        found.append(f"{overflow} px wider than a {SCREEN['width']} px phone")
    for root in LANGUAGES.values():
        if path in (f"{root}{chapter}" for chapter in CHAPTERS):
            found += parallel_link_problems(tab, f"{base_url}/{root}parallel/{path[len(root) :]}")
        if path in (f"{root}parallel/{chapter}" for chapter in CHAPTERS):
            found += parallel_view_problems(tab)
        if path in (f"{root}{page}" for page in DIAGRAM_PAGES):
            found += edges_through_boxes(tab)
    return found


def test_every_page_loads_under_the_policy(browser_context, site_dir, headers_text):
    """The one crawl of the site in a browser: besides the policy, no request to another
    host, console error, page error or missing file (HTTP >= 400) on any URL, no URL
    scrolls sideways on a 375 px phone, and the parallel views and the links to them are right."""
    problems: list[str] = []
    with serve(site_dir, headers=headers_text) as url:
        assert violations_on(browser_context, url, URLS, problems) == []
    assert problems == []


def test_search_and_its_worker_run_under_the_policy(browser_context, site_dir, headers_text):
    with serve(site_dir, headers=headers_text) as url:
        tab = browser_context.new_page()
        tab.add_init_script(RECORD_VIOLATIONS)
        try:
            tab.goto(f"{url}/en/immunology/cytokines/", wait_until="networkidle")
            box = tab.locator("input.md-search__input")
            box.click()
            box.fill("osteoclast")
            box.press("End")
            tab.wait_for_function("() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)")
            assert tab.evaluate("window.__cspViolations") == []
        finally:
            tab.close()


def test_a_missing_hash_is_caught(browser_context, site_dir, headers_text):
    """The check itself: without the hash of Material's palette script, the page reports it."""
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    palette = next(s for s in inline_code(home).scripts if "__palette" in s and "__md_scope" not in s)
    assert f" {script_hash(palette)}" in headers_text
    weakened = headers_text.replace(f" {script_hash(palette)}", "")
    with serve(site_dir, headers=weakened) as url:
        found = violations_on(browser_context, url, ["glossary/"])
    assert any("script-src" in v and "blocked inline" in v for v in found), found
