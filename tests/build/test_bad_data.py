"""Bad input never crashes the build: Hypothesis mutates the real data files and
a real chapter's Markdown, and every in-process build must end in success or
in the project's own messages (file:line, what, how to fix) — never a traceback.

Mutations: drop, duplicate or retype a field or an entry of glossary.yml,
references.yml or a corrections file; break a YAML line; truncate a file;
garble citation and note markers. The fixture site carries the real data
files, the real cytokines chapter (both languages) and the real editorial-notes
page, so the records and markers are the ones editors actually touch.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fixture_site import FixtureSite
from sitebuild import ROOT

DATA_FILES = [
    "docs/_data/glossary.yml",
    "docs/_data/references.yml",
    "docs/_data/corrections/2-cytokines-vitd.yml",
]
PAGES = ["docs/immunology/cytokines.md", "docs/immunology/cytokines.en.md"]
REAL_FILES = [
    *DATA_FILES,
    *(p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "docs/_data/corrections").glob("*.yml"))),
    *PAGES,
    "docs/editorial-notes.md",
    "docs/editorial-notes.en.md",
]
# Values a field may wrongly get: a number, a float, a boolean, nothing, an empty or odd container, a date
RETYPED = [123, 1.5, True, None, "", [], {}, ["x", 2], {"zh": 1}, "2020-01-01"]
BROKEN_YAML = ["[", "{", ": :", "\t", "- ", "'", "*alias", "? "]
GARBLED_CITATIONS = ["[@]", "[@2-]", "[@x]", "[@3-1]", "[@999]", "[@1,,2]", "[@ 5 ]", "", "[@0]", "[@16–]"]
GARBLED_NOTES = ["[[note:]]", "[[note:does-not-exist]]", "[[note:UPPER]]", "", "[[note:il-7-il-17]] x", "[[note:"]
CITATION_RE = re.compile(r"\[@[^\]]*\]")
NOTE_RE = re.compile(r"\[\[note:[^\]]*\]\]")
# What a build may log: a hook's finding, a data file's error, or MkDocs' own link/anchor validation
MESSAGE_RE = re.compile(
    r"^(?:(?:parity|references|glossary|editorial|parallel): docs/\S+?(?::\d+)?: .+; .+"
    r"|docs/\S+?(?::\d+)?: .+"
    r"|Doc file '[^']+' contains .+)$",
    re.S,
)

tried: list[str] = []


def _records(data):
    """The lists of entries in a loaded data file (top-level list, or under corrections:/notes:)."""
    if isinstance(data, list):
        return [data]
    if isinstance(data, dict):
        return [v for v in data.values() if isinstance(v, list)]
    return []


def mutate_structure(text: str, op: str, pick: int, value) -> str:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:  # an earlier mutation of this run broke the file: it stays broken
        return text
    lists = [entries for entries in _records(data) if entries]
    if not lists:
        return text
    entries = lists[pick % len(lists)]
    index = pick % len(entries)
    entry = entries[index]
    if op == "duplicate-entry":
        entries.insert(index, dict(entry) if isinstance(entry, dict) else entry)
    elif isinstance(entry, dict) and entry:
        keys = list(entry)
        key = keys[pick % len(keys)]
        target = entry
        if isinstance(entry[key], dict) and entry[key] and pick % 2:
            target, key = entry[key], list(entry[key])[pick % len(entry[key])]  # a nested field (claim.zh)
        if op == "drop-field":
            del target[key]
        elif op == "retype-field":
            target[key] = value
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def mutate_text(text: str, op: str, pick: int, garble: str) -> str:
    if op == "truncate":
        return text[: pick % (len(text) + 1)]
    if op == "break-line":
        lines = text.splitlines(keepends=True)
        index = pick % max(len(lines), 1)
        return "".join(lines[:index]) + garble + "".join(lines[index:])
    pattern = CITATION_RE if op == "garble-citation" else NOTE_RE
    matches = list(pattern.finditer(text))
    if not matches:
        return text
    match = matches[pick % len(matches)]
    return text[: match.start()] + garble + text[match.end() :]


picks = st.integers(min_value=0, max_value=10_000)
data_mutations = st.one_of(
    st.tuples(
        st.sampled_from(DATA_FILES),
        st.sampled_from(["drop-field", "retype-field", "duplicate-entry"]),
        picks,
        st.sampled_from(RETYPED),
    ).map(lambda m: (m[0], lambda text: mutate_structure(text, m[1], m[2], m[3]), f"{m[1]} #{m[2]} {m[3]!r}")),
    st.tuples(
        st.sampled_from(DATA_FILES), st.sampled_from(["truncate", "break-line"]), picks, st.sampled_from(BROKEN_YAML)
    ).map(lambda m: (m[0], lambda text: mutate_text(text, m[1], m[2], m[3]), f"{m[1]} @{m[2]} {m[3]!r}")),
)
page_mutations = st.one_of(
    st.tuples(st.sampled_from(PAGES), picks, st.sampled_from(GARBLED_CITATIONS)).map(
        lambda m: (m[0], lambda text: mutate_text(text, "garble-citation", m[1], m[2]), f"citation #{m[1]} -> {m[2]!r}")
    ),
    st.tuples(st.sampled_from(PAGES), picks, st.sampled_from(GARBLED_NOTES)).map(
        lambda m: (m[0], lambda text: mutate_text(text, "garble-note", m[1], m[2]), f"note #{m[1]} -> {m[2]!r}")
    ),
    st.tuples(st.sampled_from(PAGES), picks).map(
        lambda m: (m[0], lambda text: mutate_text(text, "truncate", m[1], ""), f"truncate @{m[1]}")
    ),
)


@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,  # the same inputs on every run: CI stays reproducible
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(st.one_of(data_mutations, page_mutations), min_size=1, max_size=3))
def test_bad_input_ends_in_messages_never_a_traceback(mutations):
    with tempfile.TemporaryDirectory(prefix="bad-data-") as root:
        site = FixtureSite(Path(root))
        for name in REAL_FILES:
            site.write(name, (ROOT / name).read_text(encoding="utf-8"), dedent=False)
        for name, mutate, _what in mutations:
            site.write(name, mutate(site.read(name)), dedent=False)
        tried.append("; ".join(f"{name}: {what}" for name, _mutate, what in mutations))
        result = site.build()
    assert result.crash is None, f"{tried[-1]}\n{result.crash}"
    unexpected = [m for m in result.warnings + result.errors if not MESSAGE_RE.match(m)]
    assert unexpected == [], tried[-1]
