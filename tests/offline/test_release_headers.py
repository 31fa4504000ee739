"""A release (service worker registered, Workbox's sw.js) under its own _headers: the
worker installs and controls the pages, and nothing trips the Content-Security-Policy."""

from __future__ import annotations

import pytest
from releasefiles import web_release

from sitebuild import serve

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e => window.__cspViolations.push(
  `${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile || location.href}:${e.lineNumber}`));
"""
# the active worker's script URL, or null after 30 s (e.g. when the policy blocks it)
ACTIVE_WORKER = """
() => Promise.race([navigator.serviceWorker.ready.then(r => r.active.scriptURL),
                    new Promise(resolve => setTimeout(() => resolve(null), 30000))])
"""
PAGES = ["", "en/", "immunology/cytokines/", "en/parallel/immunology/cytokines/"]


def test_service_worker_runs_under_the_policy(tmp_path_factory, browser_context):
    site = web_release(tmp_path_factory).site
    assert (site / "sw.js").is_file()
    found: list[str] = []
    tab = browser_context.new_page()
    tab.add_init_script(RECORD_VIOLATIONS)
    tab.on("console", lambda m: found.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        with serve(site, headers=(site / "_headers").read_text(encoding="utf-8")) as url:
            tab.goto(f"{url}/", wait_until="networkidle")
            worker = tab.evaluate(ACTIVE_WORKER)
            assert worker == f"{url}/sw.js", found
            for path in PAGES:  # now served through the worker
                tab.goto(f"{url}/{path}", wait_until="networkidle")
                assert tab.evaluate("!!navigator.serviceWorker.controller"), path
                found += [f"/{path}: {v}" for v in tab.evaluate("window.__cspViolations")]
    finally:
        tab.close()
    assert found == []
