"""Abbreviation tooltips are attached on demand (hooks/lazy_tooltips.py), not at load."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_every_abbreviation_is_left_out_of_materials_load_time_tooltips(html):
    for lang in ("zh", "en"):
        text = html(lang, "glossary/")
        abbrs = re.findall(r"<abbr\b[^>]*>", text)
        assert len(abbrs) > 100
        assert [a for a in abbrs if "title=" in a and "data-preview" not in a] == []


@pytest.mark.parametrize("pointer", ["mouse", "touch"])
def test_hovering_or_tapping_an_abbreviation_shows_its_expansion(page, base_url, pointer):
    page.goto(f"{base_url}/en/immunology/cytokines/")
    abbr = page.locator(".md-content abbr[data-preview]").first  # keeps its mark while shown
    expansion = abbr.get_attribute("title")
    if pointer == "mouse":
        abbr.hover()
    else:
        abbr.dispatch_event("pointerover", {"pointerType": "touch"})
    tip = page.locator(".abbr-tooltip.abbr-tooltip--active")
    assert tip.inner_text() == expansion
    assert abbr.get_attribute("aria-describedby") == "abbr-tooltip"
    page.keyboard.press("Escape")
    assert page.locator(".abbr-tooltip--active").count() == 0
    assert abbr.get_attribute("title") == expansion  # screen readers keep the expansion
