"""Every flashcard's link back to its section resolves to a built page and anchor."""

from __future__ import annotations

import sqlite3
import zipfile
from urllib.parse import urlsplit

import lxml.html

SITE_URL = "http://127.0.0.1:8000/"  # the test build's SITE_URL (mkdocs.yml default)


def test_every_back_link_resolves_to_a_page_and_anchor(site_dir, tmp_path):
    from flashcards import make_flashcards

    apkg, _csv = make_flashcards(tmp_path, SITE_URL)
    with zipfile.ZipFile(apkg) as package:
        (tmp_path / "collection.anki2").write_bytes(package.read("collection.anki2"))
    db = sqlite3.connect(tmp_path / "collection.anki2")
    rows = db.execute("select flds from notes where tags like '%self-check%'").fetchall()
    db.close()
    links = [link for (flds,) in rows for link in (flds.split("\x1f")[3], flds.split("\x1f")[6])]
    assert len(links) > 80
    missing = []
    for link in links:
        parts = urlsplit(link)
        assert link.startswith(SITE_URL) and parts.fragment, link
        page = site_dir / parts.path.lstrip("/") / "index.html"
        ids = lxml.html.parse(str(page)).getroot().xpath("//@id") if page.is_file() else []
        if parts.fragment not in ids:
            missing.append(link)
    assert missing == []
