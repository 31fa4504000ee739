"""Session fixtures: one strict build of the real site, its pages, and a browser."""

from __future__ import annotations

import contextlib
import functools
import os
import re
import tempfile
from pathlib import Path

import pytest
from chromium import BROWSER_ARGS, CHROMIUM

import prefetch
from sitebuild import ROOT, SiteServer, build

# The tests' builds draw diagrams at build time or fail: never the dev fallback
os.environ.setdefault("DIAGRAMS_REQUIRE_BROWSER", "1")
# The session's builds start from the environment as it is now: they run in the background
# while tests change variables for a moment (monkeypatch.setenv of a cache folder, a build date)
SESSION_ENVIRON = dict(os.environ)

# Every page of the site, by its path below the language root
PAGES = [
    "",
    "abstract/",
    "immunology/",
    "immunology/t-cells/",
    "immunology/b-cells/",
    "immunology/cytokines/",
    "immunology/vitamin-d/",
    "autoimmune/",
    "autoimmune/rheumatoid-arthritis/",
    "autoimmune/ankylosing-spondylitis/",
    "autoimmune/lupus/",
    "autoimmune/glucocorticoids/",
    "immunotherapy/",
    "glossary/",
    "references/",
    "editorial-notes/",
    "instructors/",
    "downloads/",
]
LANGUAGES = {"zh": "", "en": "en/"}
# The pages that carry the review's text; the home page and these others do not
REFERENCE_PAGES = ["", "glossary/", "references/", "editorial-notes/", "instructors/", "downloads/"]
CHAPTERS = [page for page in PAGES if page not in REFERENCE_PAGES]
# The pages with figures (Figure 1 on the home page), and one parallel view of them
DIAGRAM_PAGES = [
    "",
    "immunology/b-cells/",
    "immunology/cytokines/",
    "autoimmune/",
    "autoimmune/rheumatoid-arthritis/",
    "autoimmune/glucocorticoids/",
    "immunotherapy/",
]
PARALLEL_DIAGRAM_PAGE = "parallel/immunology/cytokines/"
# A phone, for browser contexts: its screen's width and height, and touch
PHONE = {"viewport": {"width": 375, "height": 740}, "has_touch": True, "is_mobile": True}


# A fixed build time, so tests/site/test_reproducible.py can compare one more build with this one
SOURCE_DATE_EPOCH = {"SOURCE_DATE_EPOCH": "1764201600"}  # 2025-11-27
# The repository address the web release is built with (tests/site/test_publisher.py)
REPO_URL = "https://github.com/example-owner/osteoimmunology"


@pytest.fixture(scope="session")
def site_target(tmp_path_factory) -> Path:
    """Where the real site is built (and served from)."""
    return tmp_path_factory.mktemp("site")


@pytest.fixture(scope="session")
def site_server(site_dir):
    """The server the browser tests read the real site from (in each pytest-xdist worker, the one
    site the first worker built)."""
    server = SiteServer(site_dir)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def site_url() -> str:
    """The real site's site_url: mkdocs.yml's default, as a plain `make build` has it.
    Without SITE_URL the build writes no hreflang alternates (hooks/seo.py), so the
    site may be served at any address."""
    return "http://127.0.0.1:8000/"


def real_site(target: Path):
    def make():
        result = build(ROOT, target, SOURCE_DATE_EPOCH, SESSION_ENVIRON)
        assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
        return target, result

    return prefetch.once("site", make)


def site_again(tmp_path_factory):
    """One more build like the session's, for tests/site/test_reproducible.py (which checks its result)."""

    def make():
        target = tmp_path_factory.mktemp("repeat-site")
        return target, build(ROOT, target, SOURCE_DATE_EPOCH, SESSION_ENVIRON)

    return prefetch.once("repeat", make)


BACKGROUND = prefetch.Background()


@pytest.fixture(scope="session", autouse=True)
def builds_ahead(request, tmp_path_factory, site_target):
    """Start the slow builds the collected tests need in a background thread, in the order
    the tests need them (tests/prefetch.py); the fixture that needs one waits for it."""
    if os.environ.get("PYTEST_XDIST_WORKER"):  # one build for all the workers of this run
        prefetch.share_between_workers(tmp_path_factory.getbasetemp().parent / "session-builds")
    items = request.session.items
    needed = set().union(*(item.fixturenames for item in items))
    makers = []
    if "real_build" in needed:
        makers.append(functools.partial(real_site, site_target))
    if "repeat_build" in needed:
        makers.append(functools.partial(site_again, tmp_path_factory))
    if "repo_site" in needed:
        from releasefiles import web_release

        makers.append(functools.partial(web_release, tmp_path_factory))
    # the release and its web build (tests/releasefiles.py), for the modules that import them
    for name in ("web_release", "release", "built_release"):
        for make in {getattr(getattr(item, "module", None), name, None) for item in items}:
            if getattr(make, "__module__", None) == "releasefiles":
                # the build only: a test's fixture serves it, in the worker that runs the test
                makers.append(functools.partial(getattr(make, "ahead", make), tmp_path_factory))
    if os.environ.get("PYTEST_XDIST_WORKER", "gw0")[-1] in "13579":
        makers.reverse()  # the other worker starts at the other end: the release while the site builds
    BACKGROUND.start(makers)
    if makers:
        prefetch.give_way_to_builds()
    yield
    BACKGROUND.stop()


# Modules whose tests share a costly module-scoped fixture (a fixture build, printed PDFs, every
# page parsed): under pytest-xdist their tests stay on one worker, so it is made once
SHARED_MODULE_FIXTURE = {
    "tests/browser/test_print_chapter.py",
    "tests/build/test_offline_and_print_build.py",
    "tests/build/test_permalinks.py",
    "tests/build/test_plugin_internals.py",
    "tests/site/test_links.py",
    "tests/unit/test_flashcards.py",
}


# Offline modules that never serve the release, so any worker may run them: they read its files
# (built_release), or serve the web release themselves, per test
RELEASE_FILES_ONLY = {"tests/offline/test_offline_package.py", "tests/offline/test_pdf.py"}
WEB_RELEASE_ONLY = {"tests/offline/test_release_headers.py", "tests/offline/test_service_worker.py"}


def worker_group(nodeid: str) -> str:
    """Which tests one pytest-xdist worker runs together: the offline layer, because the release is
    served from one process at the address it was built for (tests/releasefiles.py); the
    modules above; every other test alone, to whichever worker is free."""
    module = nodeid.split("::", 1)[0]
    if module.startswith("tests/offline/") and module not in RELEASE_FILES_ONLY | WEB_RELEASE_ONLY:
        return "release"
    return module if module in SHARED_MODULE_FIXTURE else nodeid


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook: `pytest` without -n has none
def pytest_xdist_make_scheduler(config, log):
    # pytest-xdist's own --dist loadgroup reads the groups from node ids it can no longer change
    # under pytest 9 (Node.nodeid is derived, not stored); its load-by-scope scheduler is public
    from xdist.scheduler import LoadScopeScheduling

    class TogetherScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return worker_group(nodeid)

    config.option.loadscopereorder = False  # in collection order: cheapest first (pyproject.toml)
    return TogetherScheduling(config, log)


def pytest_collection_modifyitems(config, items):
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    # after the cheap layers: the served release's group, which one worker takes early and waits for
    # the release with, while the others run the web release's and the browser tests (they need the
    # site only); last, the tests that read the release's files, whichever worker is free by then
    items.sort(key=run_order)


# A test that takes far longer than the others of its layer runs first in it: run last, it kept
# one worker busy for its ~37 s while the other had finished (idle worktree run of ef30b10: the
# workers ended at 241 and 268 s; first, at 245 and 245 s)
LONGEST = {"tests/browser/test_security_headers.py::test_every_page_loads_under_the_policy"}


def run_order(item) -> tuple[int, bool]:
    module = item.nodeid.split("::", 1)[0]
    later = item.nodeid not in LONGEST  # within a layer, the longest tests (False) sort first
    if item.path.parent.name == "browser":
        return 2, later
    if module in RELEASE_FILES_ONLY:
        return 3, later
    return (1 if item.path.parent.name == "offline" else 0), later


@pytest.fixture(scope="session")
def real_build(site_target):
    """The real site, built once with --strict into a temporary directory."""
    return real_site(site_target)


@pytest.fixture(scope="session")
def repeat_build(tmp_path_factory):
    return site_again(tmp_path_factory)


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory) -> Path:
    """The real site built with REPO_URL (edit / view source / report an error), as a release for
    the web builds it: tests/releasefiles.py's web release (one build for both)."""
    from releasefiles import web_release

    return web_release(tmp_path_factory).site


@pytest.fixture(scope="session")
def site_dir(real_build) -> Path:
    return real_build[0]


def page_file(site: Path, lang: str, page: str) -> Path:
    return site / LANGUAGES[lang] / page / "index.html"


@pytest.fixture(scope="session")
def html(site_dir):
    """html(lang, page) -> the page's HTML text."""

    def read(lang: str, page: str) -> str:
        return page_file(site_dir, lang, page).read_text(encoding="utf-8")

    return read


@pytest.fixture(scope="session")
def base_url(site_dir, site_server):
    site_server.start()
    return site_server.url.rstrip("/")


@pytest.fixture(scope="session")
def playwright_driver():
    """One Playwright per session: a second sync_playwright() in the same thread fails."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_driver):
    """A headless Debian Chromium for tests that open their own contexts (touch, viewport)."""
    instance = playwright_driver.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS)
    yield instance
    instance.close()


@pytest.fixture(scope="session")
def browser_context(playwright_driver):
    """A headless Debian Chromium with a fresh profile (never a downloaded browser)."""
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        context = playwright_driver.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=BROWSER_ARGS,
        )
        yield context
        context.close()


# What a test may do to a tab beyond navigating and reading it: a tab so changed is closed after
# the test, and the next test gets a new one
TAB_CHANGES = (
    "on",
    "once",
    "add_init_script",
    "expose_binding",
    "expose_function",
    "route",
    "route_from_har",
    "route_web_socket",
    "set_viewport_size",
    "emulate_media",
    "set_extra_http_headers",
    "add_locator_handler",
    "set_default_timeout",
    "set_default_navigation_timeout",
)


@pytest.fixture(scope="session")
def kept_tab() -> dict:
    """The tab each browser context hands on from one test to the next, in this pytest-xdist
    worker (``lent_tab``)."""
    return {}


@contextlib.contextmanager
def lent_tab(context, kept: dict):
    """A tab of ``context`` that has loaded nothing. It is the previous test's tab, on about:blank,
    unless that test changed it (TAB_CHANGES, a CDP session, Playwright's clock) or closed it: a new
    tab costs Chromium about 0.16 s of CPU more than loading about:blank, over a hundred times a run."""
    from playwright.sync_api import Error as PlaywrightError

    tab = kept.pop(context, None)
    if tab is None or tab.is_closed():
        tab = context.new_page()
    changed: list[str] = []

    def noted(name, method):
        def call(*args, **kwargs):
            changed.append(name)
            return method(*args, **kwargs)

        return call

    for name in TAB_CHANGES:
        setattr(tab, name, noted(name, getattr(tab, name)))  # on this object only, until the test ends
    context.new_cdp_session = noted("new_cdp_session", context.new_cdp_session)
    try:
        yield tab
    finally:
        del context.new_cdp_session
        for name in TAB_CHANGES:
            delattr(tab, name)
    if tab.is_closed():
        return
    if changed or tab.evaluate("() => '__pwClock' in window"):  # a clock stays installed across loads
        tab.close()
        return
    with contextlib.suppress(PlaywrightError):  # a page that did not load has no storage to clear
        tab.evaluate("() => sessionStorage.clear()")  # a new tab's is empty
    tab.goto("about:blank")
    kept[context] = tab


@pytest.fixture
def page(browser_context, kept_tab):
    """A tab of the session's browser (``lent_tab``)."""
    with lent_tab(browser_context, kept_tab) as tab:
        yield tab


@pytest.fixture(scope="session")
def device_context(browser):
    """``device_context(**options)``: the browser context with these options (a phone's viewport and
    touch, a colour scheme), made once in this pytest-xdist worker for every test that asks for the
    same ones. A context of its own per test costs Chromium about 0.5 s of CPU more a page load than
    a tab in one already open: its cache starts empty, so every script is fetched and compiled again."""
    made = {}

    def context(**options):
        key = repr(sorted(options.items()))
        if key not in made:
            made[key] = browser.new_context(**options)
        return made[key]

    yield context
    for each in made.values():
        each.close()


def strip_tags(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text)
