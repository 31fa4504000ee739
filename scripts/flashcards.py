"""Flashcards from the glossary and the self-check questions: an Anki deck (.apkg,
written by genanki) and a CSV for Quizlet and similar tools.

    python scripts/flashcards.py --site-url https://example.org/osteoimmunology/ [--out site/downloads]

- one note per glossary term (glossary.yml's valid entries): Chinese term, English
  term, abbreviation, definition in both languages; two cards (zh → en, en → zh);
- one note per self-check question (the ``??? question`` blocks of each chapter,
  paired by position in the two languages, which i18n_parity keeps in step):
  question and answer in both languages and a link back to the chapter's section
  in each language (absolute, from SITE_URL); two cards (Chinese, English);
- tags: ``ch-<number>`` of the chapter (``ch-1.1``; unnumbered pages by name),
  for a term every chapter whose source text uses it.

Deck and model ids are fixed numbers and note GUIDs derive from the term id or
the question's page and number, so re-importing an updated deck updates the
notes instead of duplicating them.
"""

from __future__ import annotations

import argparse
import csv
import functools
import html
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "hooks"))

from sitecheck.glossary import usage  # noqa: E402
from sitecheck.markdown import parsed  # noqa: E402
from sitecheck.model import Site  # noqa: E402
from sitecheck.sections import section_url  # noqa: E402
from sitehook import project_site_model  # noqa: E402

# Fixed ids: Anki matches decks and note types by id across imports
DECK_ID = 1_764_201_601
TERM_MODEL_ID = 1_764_201_602
QUESTION_MODEL_ID = 1_764_201_603

QUESTION_RE = re.compile(r'^\?\?\?\+? question "(.*)"\s*$')
NUMBERED_RE = re.compile(r"^(\d+(?:\.\d+)*)\s")
ANSWER = '{{{{FrontSide}}}}<hr id="answer">{{{{{term}}}}}<div class="def">{{{{{first}}}}}<br>{{{{{second}}}}}</div>'
CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: center; } .def { font-size: 16px; }"


@dataclass(frozen=True)
class Question:
    page: str  # immunology/t-cells
    number: int  # its position in the page's self-check list
    chapter: str  # the page's h1 section id
    tag: str  # ch-1.1
    text: dict  # lang -> question
    answer: dict  # lang -> answer


def chapter_tag(page: str, h1_title: str) -> str:
    match = NUMBERED_RE.match(h1_title)
    return f"ch-{match.group(1)}" if match else f"ch-{page.replace('/', '-')}"


@functools.cache
def site() -> Site:
    """The site model of this project, as its build makes it: the pages MkDocs finds (exclude_docs
    decides), the glossary and labels read and validated once."""
    return project_site_model(ROOT)


def page_sources(model: Site) -> dict[str, dict[str, str]]:
    """lang -> page key -> Markdown, for every page of the site (the model's)."""
    return {lang: {key: page.text for key, page in sorted(model.in_language(lang).items())} for lang in model.languages}


def self_check(text: str) -> list[tuple[str, str]]:
    """(question, answer) of each ``??? question "…"`` block, numbers dropped ("1. ")."""
    found = []
    lines = text.splitlines()
    for index, line in enumerate(lines):
        match = QUESTION_RE.match(line)
        if not match:
            continue
        body = []
        for following in lines[index + 1 :]:
            if following.strip() and not following.startswith("    "):
                break
            body.append(following.strip())
        question = re.sub(r"^\d+\.\s*", "", match.group(1))
        found.append((question, " ".join(part for part in body if part)))
    return found


def questions(sources: dict[str, dict[str, str]]) -> list[Question]:
    result = []
    for page, zh_text in sources["zh"].items():
        en_text = sources["en"].get(page, "")
        zh, en = self_check(zh_text), self_check(en_text)
        if not zh:
            continue
        if len(zh) != len(en):
            raise ValueError(f"{page}: {len(zh)} self-check questions in Chinese but {len(en)} in English")
        h1 = next(h for h in parsed(zh_text).headings if h.level == 1)
        for number, ((q_zh, a_zh), (q_en, a_en)) in enumerate(zip(zh, en, strict=True), start=1):
            result.append(
                Question(
                    page, number, h1.id, chapter_tag(page, h1.title), {"zh": q_zh, "en": q_en}, {"zh": a_zh, "en": a_en}
                )
            )
    return result


def term_tags(records, sources) -> dict[str, list[str]]:
    """term id -> the chapter tags of the source sections that use it, in either language."""
    tags: dict[str, set[str]] = {}
    for lang in ("zh", "en"):
        titles = {
            page: next((h.title for h in parsed(text).headings if h.level == 1), "")
            for page, text in sources[lang].items()
        }
        for term_id, places in usage(records, sources[lang], lang).items():
            tags.setdefault(term_id, set()).update(chapter_tag(page, titles[page]) for page, _id, _title in places)
    return {term_id: sorted(found) for term_id, found in tags.items()}


def words() -> dict[str, dict[str, str]]:
    """The site's interface words (labels.yml): the deck and its cards are named in both languages."""
    return site().data.labels


def deck_name(labels: dict) -> str:
    return f"{labels['zh']['app_short_name']} · {labels['en']['app_short_name']}"


def models():
    import genanki

    zh, en = (words()[lang]["language_name"] for lang in ("zh", "en"))

    term_model = genanki.Model(
        TERM_MODEL_ID,
        "Osteoimmunology glossary term",
        fields=[{"name": n} for n in ("Id", "Chinese", "English", "Abbreviation", "DefinitionZh", "DefinitionEn")],
        templates=[
            {
                "name": f"{zh} → {en}",
                "qfmt": "{{Chinese}}{{#Abbreviation}}<br>({{Abbreviation}}){{/Abbreviation}}",
                "afmt": ANSWER.format(term="English", first="DefinitionZh", second="DefinitionEn"),
            },
            {
                "name": f"{en} → {zh}",
                "qfmt": "{{English}}{{#Abbreviation}}<br>({{Abbreviation}}){{/Abbreviation}}",
                "afmt": ANSWER.format(term="Chinese", first="DefinitionEn", second="DefinitionZh"),
            },
        ],
        css=CSS,
    )
    question_model = genanki.Model(
        QUESTION_MODEL_ID,
        "Osteoimmunology self-check question",
        fields=[
            {"name": n}
            for n in ("Id", "QuestionZh", "AnswerZh", "LinkZh", "QuestionEn", "AnswerEn", "LinkEn", "Section")
        ],
        templates=[
            {
                "name": zh,
                "qfmt": "{{QuestionZh}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{AnswerZh}}<br><a href="{{LinkZh}}">{{Section}}</a>',
            },
            {
                "name": en,
                "qfmt": "{{QuestionEn}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{AnswerEn}}<br><a href="{{LinkEn}}">{{Section}}</a>',
            },
        ],
        css=CSS,
    )
    return term_model, question_model


def make_flashcards(out_dir: Path, site_url: str) -> list[Path]:
    """Write the .apkg and the .csv into ``out_dir``; returns their paths."""
    import genanki

    model = site()
    records = model.data.glossary.valid  # a broken entry is the build's message, never a card
    sources = page_sources(model)
    tags = term_tags(records, sources)
    term_model, question_model = models()
    deck = genanki.Deck(DECK_ID, deck_name(words()))
    rows = []
    for record in records:
        term_id = record.get("id")
        fields = [
            term_id,
            record.get("zh"),
            record.get("en"),
            record.get("abbr") or "",
            record.get("def.zh"),
            record.get("def.en"),
        ]
        deck.add_note(
            genanki.Note(
                model=term_model,
                fields=[html.escape(str(f)) for f in fields],
                tags=["glossary", *tags.get(term_id, [])],
                guid=genanki.guid_for("term", term_id),
            )
        )
        abbr = f" ({record.get('abbr')})" if record.get("abbr") else ""
        rows.append(
            (f"{record.get('zh')}{abbr}", f"{record.get('en')}: {record.get('def.en')} / {record.get('def.zh')}")
        )
    for question in questions(sources):
        links = {
            lang: section_url(site_url, root, question.page, question.chapter)
            for lang, root in site().language_roots.items()
        }
        note_id = f"{question.page}#{question.number}"
        deck.add_note(
            genanki.Note(
                model=question_model,
                fields=[
                    html.escape(value)
                    for value in (
                        note_id,
                        question.text["zh"],
                        question.answer["zh"],
                        links["zh"],
                        question.text["en"],
                        question.answer["en"],
                        links["en"],
                        question.tag.removeprefix("ch-"),
                    )
                ],
                tags=["self-check", question.tag],
                guid=genanki.guid_for("question", note_id),
            )
        )
        for lang in ("zh", "en"):
            rows.append((question.text[lang], f"{question.answer[lang]} {links[lang]}"))
    out_dir.mkdir(parents=True, exist_ok=True)
    names = site().release_files  # named by edition.yml's slug, as the build names them
    apkg, table_file = out_dir / names.flashcards_apkg, out_dir / names.flashcards_csv
    genanki.Package(deck).write_to_file(str(apkg))
    table = io.StringIO()
    csv.writer(table, lineterminator="\n").writerows(rows)
    table_file.write_text(table.getvalue(), encoding="utf-8")
    return [apkg, table_file]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-url", required=True, help="the site's public address (links back to sections)")
    parser.add_argument("--out", type=Path, default=ROOT / "site" / "downloads")
    args = parser.parse_args(argv)
    for path in make_flashcards(args.out, args.site_url):
        print(f"{path}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
