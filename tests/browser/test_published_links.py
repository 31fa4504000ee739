"""Copied section links name the site's published address (the canonical link,
from SITE_URL) wherever the page is read: from a mirror, the offline package or
a local server. A development build's canonical is loopback, so there the
page's own address is used. (The cite boxes are written by the build from
SITE_URL: tests/offline/test_release_site.py.)"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

PUBLISHED = "https://example.org/osteoimmunology/"


@pytest.fixture
def published_page(browser_context, base_url, site_url):
    """A tab whose pages carry a public canonical link, as a release's do."""
    browser_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    tab = browser_context.new_page()

    def with_public_canonical(route):
        response = route.fetch()
        html = response.text().replace(f'href="{site_url}', f'href="{PUBLISHED}')
        route.fulfill(response=response, body=html)

    # the pages (directory URLs, with or without a query), not their assets
    tab.route(lambda url: url.startswith(base_url) and urlsplit(url).path.endswith("/"), with_public_canonical)
    yield tab
    tab.close()


def test_copied_link_names_the_published_address(published_page, base_url):
    tab = published_page
    tab.goto(f"{base_url}/en/immunology/cytokines/?h=IL")
    assert tab.locator('link[rel="canonical"]').get_attribute("href") == PUBLISHED + "en/immunology/cytokines/"
    tab.locator("#il-6 .section-tools__copy").click()
    tab.wait_for_function("() => document.querySelector('#il-6 .section-tools__status').textContent !== ''")
    assert tab.evaluate("navigator.clipboard.readText()") == PUBLISHED + "en/immunology/cytokines/#il-6"
