"""One headless Debian Chromium (Playwright) that draws Mermaid diagrams for the build.

Started on the first diagram that is not in the cache, then kept for the rest
of the build (static-i18n builds every language in one process), with one page
that has loaded the pinned npm Mermaid; hooks/diagrams.py closes it when the
build ends. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

RENDER = """
async ([id, source, config]) => {
  mermaid.initialize(config);
  try {
    await mermaid.parse(source);
  } catch (error) {
    return { error: String((error && (error.message || error.str)) || error) };
  }
  try {
    const { svg } = await mermaid.render(id, source);
    return { svg };
  } catch (error) {
    return { error: String((error && error.message) || error) };
  }
}
"""


class BrowserUnavailable(Exception):
    """Chromium or Playwright cannot be started here."""


class DiagramBrowser:
    def __init__(self, project_root: Path, mermaid_js: Path):
        self.project_root = project_root
        self.mermaid_js = mermaid_js
        self.launches = 0
        self._playwright = None
        self._browser = None
        self._page = None

    @property
    def running(self) -> bool:
        return self._page is not None

    def _start(self) -> None:
        scripts = str(self.project_root / "scripts")
        if scripts not in sys.path:
            sys.path.append(scripts)
        try:
            from chromium import BROWSER_ARGS, CHROMIUM
            from playwright.sync_api import Error as PlaywrightError
            from playwright.sync_api import sync_playwright
        except ImportError as error:
            raise BrowserUnavailable(f"cannot import {error.name}") from error
        # DIAGRAMS_CHROMIUM: another browser binary (tests point it nowhere to see the fallback)
        executable = os.environ.get("DIAGRAMS_CHROMIUM") or CHROMIUM
        if not Path(executable).exists():
            raise BrowserUnavailable(f"{executable} is not installed")
        if not self.mermaid_js.is_file():
            raise BrowserUnavailable(f"{self.mermaid_js} is missing (run `make setup`)")
        try:
            self._playwright = sync_playwright().start()
            # launch() gives Chromium a fresh temporary profile of its own
            self._browser = self._playwright.chromium.launch(
                executable_path=executable, headless=True, args=BROWSER_ARGS
            )
            self.launches += 1
            page = self._browser.new_page()
            # nothing may leave the machine while drawing
            page.route("**/*", lambda route: route.abort())
            page.set_content('<!doctype html><html lang="zh-Hans"><body></body></html>')
            page.add_script_tag(content=self.mermaid_js.read_text(encoding="utf-8"))
            self._page = page
        except PlaywrightError as error:
            self.close()
            raise BrowserUnavailable(str(error).splitlines()[0]) from error

    def render(self, element_id: str, source: str, config: dict) -> dict:
        """{"svg": …} or {"error": Mermaid's message}; starts the browser if needed."""
        if self._page is None:
            self._start()
        return self._page.evaluate(RENDER, [element_id, source, config])

    def close(self) -> None:
        # already gone (e.g. Chromium crashed): nothing left to close
        if self._browser is not None:
            with contextlib.suppress(Exception):
                self._browser.close()
        if self._playwright is not None:
            with contextlib.suppress(Exception):
                self._playwright.stop()
        self._playwright = self._browser = self._page = None
