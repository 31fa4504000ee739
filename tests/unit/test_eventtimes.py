"""scripts/eventtimes.py times a build without changing it: the timed handlers run in the
order MkDocs gives the real ones (by @event_priority), and each one's time is counted."""

from __future__ import annotations

import collections

from eventtimes import timed_registration
from mkdocs.plugins import PluginCollection, event_priority


def test_timed_handlers_keep_their_priority_order_and_are_counted(monkeypatch):
    totals, cpu = collections.Counter(), collections.Counter()
    monkeypatch.setattr(PluginCollection, "_register_event", timed_registration(totals, cpu))
    ran = []

    def plain(html, **kwargs):
        ran.append("plain")
        return html + "+plain"

    @event_priority(50)
    def early(html, **kwargs):
        ran.append("early")
        return html + "+early"

    plugins = PluginCollection()
    plugins._register_event("page_content", plain, plugin_name="hooks/a.py")
    plugins._register_event("page_content", early, plugin_name="hooks/b.py")
    assert plugins.run_event("page_content", "html", page=None, config=None, files=None) == "html+early+plain"
    assert ran == ["early", "plain"]
    assert set(totals) == set(cpu) == {"hooks/a.py:page_content", "hooks/b.py:page_content"}
