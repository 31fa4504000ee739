"""The flashcards (scripts/flashcards.py): the .apkg opened as what it is, a zip with
an SQLite collection, and the CSV read back with the csv module."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import zipfile

import pytest
import yaml

from sitebuild import ROOT

DECK_ID = 1_764_201_601  # scripts/flashcards.py; must never change

SITE_URL = "https://example.org/osteoimmunology/"
FIELD_SEPARATOR = "\x1f"  # Anki joins a note's fields with US (0x1f)


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    from flashcards import make_flashcards

    out = tmp_path_factory.mktemp("downloads")
    apkg, table = make_flashcards(out, SITE_URL)
    with zipfile.ZipFile(apkg) as package:
        collection = out / "collection.anki2"
        collection.write_bytes(package.read("collection.anki2"))
    db = sqlite3.connect(collection)
    notes = [(flds.split(FIELD_SEPARATOR), tags.split()) for flds, tags in db.execute("select flds, tags from notes")]
    cards = db.execute("select count(*) from cards").fetchone()[0]
    decks = db.execute("select decks from col").fetchone()[0]
    db.close()
    rows = list(csv.reader(table.read_text(encoding="utf-8").splitlines()))
    return {"notes": notes, "cards": cards, "decks": decks, "rows": rows, "apkg": apkg}


def glossary_count() -> int:
    return len(yaml.safe_load((ROOT / "docs/_data/glossary.yml").read_text(encoding="utf-8")))


def question_count(suffix: str) -> int:
    files = [p for p in (ROOT / "docs").rglob("*.md") if p.name.endswith(suffix) and "_" not in p.parts[-2][:1]]
    if suffix == ".md":
        files = [p for p in files if not p.name.endswith(".en.md")]
    return sum(len(re.findall(r'^\?\?\? question "', p.read_text(encoding="utf-8"), re.M)) for p in files)


def test_one_note_per_term_and_question_two_cards_each(deck):
    terms = [fields for fields, tags in deck["notes"] if "glossary" in tags]
    questions = [fields for fields, tags in deck["notes"] if "self-check" in tags]
    assert len(terms) == glossary_count() == 80
    assert len(questions) == question_count(".md") == question_count(".en.md") > 40
    assert len(deck["notes"]) == len(terms) + len(questions)
    assert deck["cards"] == 2 * len(deck["notes"])  # zh → en and en → zh; Chinese and English question
    decks = {int(key): value["name"] for key, value in json.loads(deck["decks"]).items()}
    assert decks[DECK_ID] == "骨免疫学 · Osteoimmunology"  # a fixed id: re-imports update the deck


def test_term_note_fields(deck):
    [osteoporosis] = [fields for fields, tags in deck["notes"] if fields[0] == "osteoporosis"]
    term_id, zh, en, abbr, def_zh, def_en = osteoporosis
    assert (zh, en, abbr) == ("骨质疏松症", "osteoporosis", "OP")
    assert def_zh.startswith("以骨量减少") and def_en.startswith("A systemic skeletal disease")


def test_question_note_fields_and_chapter_tag(deck):
    notes = {fields[0]: (fields, tags) for fields, tags in deck["notes"] if "self-check" in tags}
    fields, tags = notes["immunology/t-cells#1"]
    _id, q_zh, a_zh, link_zh, q_en, a_en, link_en, section = fields
    assert q_zh == "T 细胞对成骨细胞和破骨细胞的刺激和抑制作用与哪些因素密切相关？"
    assert a_zh == "与 T 细胞亚群、细胞因子和局部因素密切相关。"
    assert q_en.startswith("To which factors are the stimulatory")
    assert a_en == "To T-cell subsets, cytokines and local factors."
    assert link_zh == f"{SITE_URL}immunology/t-cells/#t-cells"
    assert link_en == f"{SITE_URL}en/immunology/t-cells/#t-cells"
    assert section == "1.1" and sorted(tags) == ["ch-1.1", "self-check"]


def test_every_note_is_tagged_by_chapter(deck):
    untagged = [fields[0] for fields, tags in deck["notes"] if not any(t.startswith("ch-") for t in tags)]
    # a term is tagged with the chapters whose source text uses it; every term is used somewhere
    assert untagged == []


def test_csv_rows_for_quizlet(deck):
    rows = deck["rows"]
    assert all(len(row) == 2 and all(row) for row in rows)
    assert len(rows) == glossary_count() + 2 * question_count(".md")
    assert rows[0][0] == "骨质疏松症 (OP)" and rows[0][1].startswith("osteoporosis: ")
