"""Interface words live in docs/_data/labels.yml only: no template, page script,
hook or script spells one out (issue #13), and the page scripts read only
words the build embeds for them."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest
from interface_words import SCRIPT_WORDS

from sitebuild import ROOT
from sitecheck.schema import PLACEHOLDER_RE, labels_findings, load_labels

LABELS_FILE = "docs/_data/labels.yml"
LABELS = load_labels((ROOT / LABELS_FILE).read_text(encoding="utf-8"), LABELS_FILE)
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")

TEMPLATES = sorted(p for pattern in ("*.html", "*.md") for p in (ROOT / "overrides").rglob(pattern))
SCRIPTS = sorted(p for p in (ROOT / "docs/assets/javascripts").glob("*.js"))
PYTHON = sorted([*(ROOT / "hooks").rglob("*.py"), *(ROOT / "scripts").glob("*.py")])
# Chinese punctuation and characters in code that are not words, each with its reason
ALLOWED = {
    "hooks/sitecheck/glossary.py": ["《[^》]*》"],  # a pattern: titles quoted in 《》 are never linked
    "hooks/sitecheck/search_index.py": ["、。，．？！；", '"。"'],  # the search index's separators
    "hooks/sitecheck/seo.py": ['"，。；："', '" ，,;；:："'],  # where a description may be cut short
    "hooks/printfonts.py": ["第页：，。"],  # characters every PDF font subset keeps
}

JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.S)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
JINJA_CODE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
# a JS or Jinja string literal, or a JS comment (dropped)
JS_TOKEN = re.compile(r"""("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)|//[^\n]*|/\*.*?\*/""", re.S)
TEXT_NODE = re.compile(r">([^<>]+)<")


def english_phrases() -> set[str]:
    """Every English word of labels.yml, and each part of one around its {slots}, that has letters."""
    phrases = set()
    for value in LABELS["en"].values():
        for part in [value, *PLACEHOLDER_RE.split(value)]:
            part = part.strip()
            if len(re.findall(r"[A-Za-z]", part)) >= 2 and not part.startswith(("http", "%")):
                phrases.add(part)
    return phrases


ENGLISH = english_phrases()


def template_texts(text: str) -> list[str]:
    """What a template shows or quotes: its text between tags and the string literals of its Jinja code."""
    text = HTML_COMMENT.sub("", JINJA_COMMENT.sub("", text))
    literals = [m.group(1)[1:-1] for code in JINJA_CODE.findall(text) for m in JS_TOKEN.finditer(code) if m.group(1)]
    return literals + TEXT_NODE.findall(JINJA_CODE.sub(" ", text))


def script_texts(text: str) -> list[str]:
    """The string literals of a page script (comments dropped)."""
    return [m.group(1)[1:-1] for m in JS_TOKEN.finditer(text) if m.group(1)]


def python_texts(text: str) -> list[str]:
    """The string literals of a Python file, docstrings and comments left out."""
    texts, previous = [], tokenize.NEWLINE
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.STRING and previous not in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            texts.append(token.string)
        if token.type not in (tokenize.NL, tokenize.COMMENT):
            previous = token.type
    return texts


def hard_coded_words(texts: list[str]) -> list[str]:
    """Texts in Chinese, or equal to an English interface word (no allow-list: none is needed)."""
    return [text.strip() for text in texts if CJK.search(text) or text.strip() in ENGLISH]


@pytest.mark.parametrize(
    "path, texts",
    [(p, template_texts) for p in TEMPLATES]
    + [(p, script_texts) for p in SCRIPTS]
    + [(p, python_texts) for p in PYTHON],
    ids=lambda value: value.relative_to(ROOT).as_posix() if isinstance(value, Path) else "",
)
def test_no_interface_word_is_hard_coded(path, texts):
    name = path.relative_to(ROOT).as_posix()
    found = hard_coded_words(texts(path.read_text(encoding="utf-8")))
    found = [text for text in found if not any(allowed in text for allowed in ALLOWED.get(name, []))]
    assert not found, f"{name} spells out interface words {found}: add them to {LABELS_FILE} and read them from there"


def test_the_scan_sees_words_in_each_kind_of_file():
    """The extractors find a word where one would be put back (and not in comments)."""
    assert hard_coded_words(template_texts('<span>{{ "Offline reading:" if en else "x" }}</span><b>下载</b>'))
    assert hard_coded_words(template_texts("<p>\n  Teaching edition\n</p>"))
    assert not hard_coded_words(template_texts("{# 下载 #}<!-- Teaching edition --><p>{{ words.x }}</p>"))
    assert hard_coded_words(script_texts('var w = { copied: "Link copied" }; // 已复制'))
    assert not hard_coded_words(script_texts("// Link copied 已复制链接\nvar a = 1;"))
    assert hard_coded_words(python_texts('WORDS = {"toc": "目录"}\n'))
    assert not hard_coded_words(python_texts('"""目录 docstring."""\n# 目录\nx = 1\n'))


def script_word_keys() -> set[str]:
    """The words the page scripts read: ``WORDS.key``, ``WORDS["key"]`` or ``words("key", …)``."""
    pattern = re.compile(r"""WORDS\.([a-z_]+)|WORDS\["([a-z_]+)"\]|\bwords\("([a-z_]+)\"""")
    keys = set()
    for path in SCRIPTS:
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            keys.add(next(group for group in match.groups() if group))
    return keys


def test_the_scripts_read_only_embedded_words_and_all_of_them_are_read():
    used = script_word_keys()
    assert used == set(SCRIPT_WORDS), (
        f"read but not embedded: {sorted(used - set(SCRIPT_WORDS))}; "
        f"embedded but not read: {sorted(set(SCRIPT_WORDS) - used)} (hooks/interface_words.py SCRIPT_WORDS)"
    )
    assert set(SCRIPT_WORDS) <= set(LABELS["zh"]) and set(SCRIPT_WORDS) <= set(LABELS["en"])


def test_a_word_with_other_slots_in_one_language_is_reported():
    labels = {"zh": {"skip": "跳过图 {n}"}, "en": {"skip": "Skip figure"}}
    assert labels_findings(labels, LABELS_FILE, ["zh", "en"]) == [
        f"{LABELS_FILE}: label 'en.skip' must have the slots of 'zh.skip' ({{n}})."
    ]
