"""The published site works offline after one visit and is installable
(``make release``: SERVICE_WORKER=true build + scripts/serviceworker.py).

Served under a path prefix on 127.0.0.1 (a secure context) with the release's
own response headers (its _headers: a CSP violation is a console error, which
fails the test), each test in a fresh Chromium profile of its own: a service
worker and offline mode must not leak into the other browser tests.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import tempfile
import threading
from pathlib import Path

import pytest
from chromium import BROWSER_ARGS, CHROMIUM
from languageswitch import switch_language
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from releasefiles import web_release
from serviceworker import generate

from sitebuild import ROOT, header_lookup

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PREFIX = "/osteo/"
OUTSIDE = "/outside/"  # same origin, outside the site's folder
LABELS = {"zh": "本站有新版本。", "en": "A new version of this site is ready."}
# never visited before going offline: three chapters per language (with and
# without diagrams), a parallel view, the glossary and a section anchor
OFFLINE_PAGES = [
    "immunology/cytokines/",
    "autoimmune/lupus/",
    "immunotherapy/",
    "en/immunology/b-cells/",
    "en/autoimmune/glucocorticoids/",
    "en/abstract/",
    "parallel/immunology/t-cells/",
    "en/glossary/",
    "en/immunology/cytokines/#il-17",
]
RESULT_COUNT = "() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)"
WITH_FIGURES = {"immunology/cytokines/", "en/immunology/b-cells/", "en/autoimmune/glucocorticoids/"}
WAIT_FOR_ACTIVE_WORKER = """
async () => {
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (worker.state !== "activated") {
    await new Promise(done => worker.addEventListener("statechange", () => worker.state === "activated" && done()));
  }
  return registration.scope;
}
"""


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        """The release's own response headers (its _headers file: CSP and the rest), as a host sends them."""
        rules = Path(self.server.root) / "_headers"
        site_path = getattr(self, "site_path", None)  # set by do_GET for the site's files
        if site_path and rules.is_file():
            for name, value in header_lookup(rules.read_text(encoding="utf-8"), PREFIX)(site_path).items():
                self.send_header(name, value)
        super().end_headers()

    def do_GET(self):  # noqa: N802 (http.server's name)
        self.server.requests.append(self.path)
        for prefix, folder in ((PREFIX, self.server.root), (OUTSIDE, self.server.outside)):
            if self.path.startswith(prefix):
                self.site_path = self.path if prefix == PREFIX else None
                self.path = "/" + self.path[len(prefix) :]
                self.directory = str(folder)
                return super().do_GET()
        self.send_error(404)


class SiteServer:
    """``root`` served under PREFIX, a plain page under OUTSIDE; every request path is logged."""

    def __init__(self, root: Path, outside: Path):
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory="/"))
        self.server.root, self.server.outside, self.server.requests = root, outside, []
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.url = self.origin + PREFIX

    @property
    def requests(self) -> list[str]:
        return self.server.requests

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    return web_release(tmp_path_factory)


@pytest.fixture
def served(release, tmp_path):
    """A copy of the release (tests change it) under PREFIX."""
    live = tmp_path / "live"
    shutil.copytree(release.site, live)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "index.html").write_text(
        '<!doctype html><link rel="icon" href="data:,"><title>outside</title><p>outside', encoding="utf-8"
    )
    server = SiteServer(live, outside)
    yield server
    server.stop()


@pytest.fixture
def app_context(playwright_driver):
    """A fresh Chromium profile at phone width (its own service workers and cache)."""
    with tempfile.TemporaryDirectory(prefix="chromium-sw-") as profile:
        context = playwright_driver.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=BROWSER_ARGS,
            viewport={"width": 375, "height": 740},
        )
        yield context
        context.close()


def watch(tab, origin: str):
    """Record requests to anywhere but the test server, page errors, console errors and CSP violations."""
    tab.foreign, tab.errors = [], []
    tab.on("request", lambda r: None if r.url.startswith((origin, "data:", "blob:")) else tab.foreign.append(r.url))
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    tab.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    # a blocked eval logs nothing to the console: listen for the violation itself
    tab.expose_function("cspViolation", lambda text: tab.errors.append(f"CSP: {text}"))
    tab.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " e => window.cspViolation(`${e.violatedDirective} ${e.blockedURI}`));"
    )
    return tab


def notice_axe_violations(tab) -> list[str]:
    # through the DevTools protocol, which the page's CSP does not apply to (a <script> would be refused)
    tab.evaluate(AXE.read_text(encoding="utf-8"))
    return tab.evaluate(
        "async () => (await axe.run({include: ['.update-notice']}, {resultTypes: ['violations']})).violations"
        ".map(v => `${v.id}: ${v.help}`)"
    )


def figures_drawn(tab) -> list:
    """Every diagram drawn and every image decoded; returns what is not."""
    # diagrams are the build's inline SVG: none may be left as Mermaid source or drawn empty
    missing = tab.evaluate(
        "() => [...document.querySelectorAll('pre.mermaid, .diagram svg')]"
        ".filter(e => e.tagName === 'PRE' || e.getBoundingClientRect().width === 0)"
        ".map(e => 'diagram not shown: ' + e.outerHTML.slice(0, 80))"
    )
    broken = tab.evaluate("() => [...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)")
    return missing + broken


def search(tab, query: str) -> list[str]:
    """The result texts for ``query`` (retyped until the search worker has its index, as in tests/browser)."""
    tab.locator('.md-header__button[for="__search"]').click()  # the phone-width header's search button
    box = tab.locator("input.md-search__input")
    for _attempt in range(5):
        box.fill(query)
        box.press("End")  # Material reads the box on keyup
        try:
            tab.wait_for_function(RESULT_COUNT, timeout=4000)
            break
        except PlaywrightTimeout:
            continue
    else:
        pytest.fail(f"no search results for {query!r} on {tab.url}")
    return tab.locator(".md-search-result__item").all_inner_texts()


def test_site_works_offline_after_one_visit(served, app_context):
    tab = watch(app_context.new_page(), served.origin)
    assert "script-src" in tab.goto(served.url).headers["content-security-policy"]
    scope = tab.evaluate(WAIT_FOR_ACTIVE_WORKER)
    assert scope == served.url  # the site's folder: never above it

    # the server goes away and the browser is offline: only the worker answers
    served.stop()
    app_context.set_offline(True)
    for page in OFFLINE_PAGES:
        response = tab.goto(served.url + page)
        assert response is not None and response.ok, page
        assert "script-src" in response.headers.get("content-security-policy", ""), page  # kept in the cache
        assert tab.locator("h1").first.inner_text().strip(), page
        assert figures_drawn(tab) == [], page
        if page in WITH_FIGURES:
            assert tab.locator(".diagram svg").count() >= 1, page
    assert tab.evaluate("() => location.hash") == "#il-17"
    assert tab.locator("#il-17").is_visible()

    # search in each language, and a result opens (its link carries ?h=…)
    tab.goto(served.url + "autoimmune/")
    assert any("骨吸收" in item for item in search(tab, "骨吸收"))
    tab.goto(served.url + "en/immunology/")
    assert any("osteoclast" in item.lower() for item in search(tab, "osteoclast"))
    tab.locator(".md-search-result__item a").first.click()
    tab.wait_for_load_state()
    assert "?h=" in tab.url and tab.locator("h1").first.inner_text().strip()

    # the language switch keeps the section
    tab.goto(served.url + "immunology/cytokines/#il-17")
    switch_language(tab, "en", served.url + "en/immunology/cytokines/#il-17")
    assert tab.locator("#il-17").inner_text().startswith("1.3.1")
    assert tab.foreign == [] and tab.errors == []


def test_worker_stays_inside_the_site_folder(served, app_context):
    tab = watch(app_context.new_page(), served.origin)
    tab.goto(served.url + "en/")
    tab.evaluate(WAIT_FOR_ACTIVE_WORKER)
    tab.goto(served.url + "en/glossary/")
    assert tab.evaluate("() => !!navigator.serviceWorker.controller")
    tab.goto(served.origin + OUTSIDE)
    assert tab.evaluate("() => navigator.serviceWorker.controller") is None
    assert tab.foreign == [] and tab.errors == []


def test_manifests_make_the_site_installable(served, app_context):
    """Chromium's own verdict (DevTools protocol), per language: no installability errors."""
    tab = watch(app_context.new_page(), served.origin)
    cdp = app_context.new_cdp_session(tab)
    for lang, root in (("zh", ""), ("en", "en/")):
        tab.goto(served.url + root + "immunology/")
        tab.evaluate(WAIT_FOR_ACTIVE_WORKER)
        manifest = cdp.send("Page.getAppManifest")
        assert manifest["url"] == served.url + root + "manifest.webmanifest"
        assert manifest.get("errors") == []
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == [], lang
    assert tab.foreign == [] and tab.errors == []


def test_new_release_shows_notice_and_downloads_only_what_changed(served, app_context, tmp_path_factory):
    page = "immunology/t-cells/"
    tab = watch(app_context.new_page(), served.origin)
    tab.goto(served.url + page)
    tab.evaluate(WAIT_FOR_ACTIVE_WORKER)
    tab.reload()  # now served by the worker
    tab.evaluate("() => { window.sameDocument = true; }")

    # the next release: one sentence changed, the worker regenerated by the release step;
    # made aside, then published at once (the browser may look for updates at any time)
    second = tmp_path_factory.mktemp("second-release") / "site"
    shutil.copytree(served.server.root, second)
    html = (second / page / "index.html").read_text(encoding="utf-8")
    # a sentence of the chapter, changed in the chapter (the page's description repeats
    # its first paragraph in <head>; the footer's rights notice has sentences too)
    head, article = html[: html.index("<article")], html[html.index("<article") :]
    # one the reader sees in the article (not in a closed self-check answer), found only once
    shown = re.sub(r"<details\b.*?</details>", "", article[: article.index("</article>")], flags=re.S)
    sentence = next(s for s in re.findall(r">([^<>]{20,}?。)", shown) if article.count(s) == 1)
    (second / page / "index.html").write_text(head + article.replace(sentence, "第二版的句子。", 1), encoding="utf-8")
    generate(second)
    served.requests.clear()
    served.server.root = second

    # the reader comes back to the open page: it looks for a new release
    tab.evaluate("() => document.dispatchEvent(new Event('visibilitychange'))")
    notice = tab.locator("[data-update-notice]")
    notice.wait_for(state="visible", timeout=30000)
    assert notice.inner_text().startswith(LABELS["zh"])
    assert tab.evaluate("() => window.sameDocument === true")  # nothing reloaded under the reader
    shots = tmp_path_factory.getbasetemp() / "screenshots"
    shots.mkdir(exist_ok=True)
    tab.screenshot(path=shots / "update-notice-zh-375.png")
    downloaded = sorted({p.split("?")[0] for p in served.requests} - {PREFIX + "sw.js"})
    assert downloaded == [PREFIX + page + "index.html"]

    # the other language says it in its words; axe finds nothing in light or dark
    other = watch(app_context.new_page(), served.origin)
    for scheme in ("dark", "light"):
        other.emulate_media(color_scheme=scheme)
        other.goto(served.url + "en/" + page)
        other.locator("[data-update-notice]").wait_for(state="visible", timeout=30000)
        assert other.locator("[data-update-notice]").inner_text().startswith(LABELS["en"])
        assert notice_axe_violations(other) == [], scheme
        other.screenshot(path=shots / f"update-notice-en-375-{scheme}.png")
    other.close()

    served.requests.clear()
    with tab.expect_navigation():
        tab.locator("[data-update-reload]").click()
    assert "第二版的句子。" in tab.locator("article").inner_text()
    assert sentence not in tab.locator("article").inner_text()
    assert not tab.locator("[data-update-notice]").is_visible()
    assert {p.split("?")[0] for p in served.requests} <= {PREFIX + "sw.js"}  # all from the cache
    assert tab.foreign == [] and tab.errors == []
