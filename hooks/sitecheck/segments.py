"""jieba's words for the Chinese text search indexes, kept on disk between builds.

Material's search splits every run of Chinese characters with ``jieba.cut``,
and the first cut loads jieba's dictionary (about a second of CPU in every build
process). The words depend only on jieba's version, its dictionary, the user
dictionary (the glossary's terms, hooks/glossary.py) and the text itself, so:

- the cache file is named by a hash of the first three (``segments_key``): a new
  jieba, dictionary or glossary starts a new file;
- inside it, each text maps to its words: a changed text is a new entry and is
  segmented anew, never served from an old one.

A build whose texts are all in the file never loads jieba's dictionary. Files are
written whole under a temporary name and renamed (never half-written), like the
diagram cache (hooks/diagrams.py). Pure Python: no MkDocs, no jieba here.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path


def segments_key(jieba_version: str, dictionary: bytes, user_dictionary: str) -> str:
    """The cache file's name: what decides jieba's words besides the text."""
    digest = hashlib.sha256()
    for part in (jieba_version.encode("utf-8"), dictionary, user_dictionary.encode("utf-8")):
        digest.update(hashlib.sha256(part).digest())  # fixed-size parts: no two inputs run together
    return digest.hexdigest()


class SegmentCache:
    """text -> jieba's words, loaded from and saved to one JSON file."""

    def __init__(self, path: Path):
        self.path = path
        self.words_of: dict[str, list[str]] = {}
        self.added = 0
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # no file yet, or not ours: start empty
            data = {}
        if isinstance(data, dict):
            self.words_of = {
                text: words for text, words in data.items() if isinstance(words, list) and "".join(words) == text
            }

    def words(self, text: str, segment: Callable[[str], Iterable[str]]) -> list[str]:
        """The words of ``text``: from the file, or ``segment(text)`` (then kept)."""
        found = self.words_of.get(text)
        if found is None:
            found = self.words_of[text] = list(segment(text))
            self.added += 1
        return found

    def save(self) -> None:
        """Write the file if anything was added (atomically: a temporary file, then a rename)."""
        if not self.added:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.part")
        partial.write_text(json.dumps(self.words_of, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        partial.replace(self.path)
        self.added = 0
