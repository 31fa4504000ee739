"""The dated history of corrections: dates from git's patches or a record's date: field, never guessed."""

from __future__ import annotations

import datetime as dt

from sitecheck.data import Record
from sitecheck.history import first_added, history_markdown, recorded_dates

LOG = """@@commit 2026-11-20
diff --git a/docs/_data/corrections/a.yml b/docs/_data/corrections/a.yml
@@ -0,0 +1,3 @@
+corrections:
+  - id: first
+    page: abstract
@@commit 2026-11-25
@@ -2 +2,4 @@
-  - id: first
+  - id: first
+  - id: 'second'
@@commit 2026-11-27
+  - id: third
"""

LABELS = {
    "colon": ": ",
    "history_count": "{n} recorded",
    "history_date_unknown": "date unknown",
    "list_separator": ", ",
}


def record(line, **data):
    return Record(line, data)


def test_first_added_takes_the_earliest_commit_of_each_id():
    assert first_added(LOG) == {
        "first": dt.date(2026, 11, 20),  # moved on 11-25: still first recorded on 11-20
        "second": dt.date(2026, 11, 25),
        "third": dt.date(2026, 11, 27),
    }


def test_explicit_date_wins_and_unknown_stays_unknown():
    records = [
        record(1, id="first", page="abstract", section="abstract"),
        record(2, id="dated", page="abstract", section="abstract", date="2026-10-01"),
        record(3, id="nowhere", page="abstract", section="abstract"),
    ]
    by_date, unknown = recorded_dates(records, first_added(LOG))
    assert sorted(by_date) == [dt.date(2026, 10, 1), dt.date(2026, 11, 20)]
    assert [r.get("id") for r in unknown] == ["nowhere"]


def test_history_lists_dates_newest_first_with_sections():
    records = [
        record(1, id="first", page="abstract", section="abstract"),
        record(2, id="second", page="abstract", section="abstract"),
        record(3, id="third", page="immunology/t-cells", section="t-cells"),
        record(4, id="lost", page="abstract", section="abstract"),
    ]
    titles = {("abstract", "en", "abstract"): "Abstract", ("immunology/t-cells", "en", "t-cells"): "1.1 T cells"}
    assert history_markdown(records, first_added(LOG), "en", LABELS, titles) == (
        "- **2026-11-27**: 1 recorded: [1.1 T cells](immunology/t-cells.md#t-cells)\n"
        "- **2026-11-25**: 1 recorded: [Abstract](abstract.md#abstract)\n"
        "- **2026-11-20**: 1 recorded: [Abstract](abstract.md#abstract)\n"
        "- **date unknown**: 1 recorded: [Abstract](abstract.md#abstract)\n"
    )
