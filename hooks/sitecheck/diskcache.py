"""Build results kept on disk between builds, for work whose answer depends only on
what names the cache file and the entry: one JSON file per combination of versions
and settings (``file_key``), one entry per input inside it.

Files are written whole under a temporary name and renamed (never half-written,
as the diagram cache in hooks/diagrams.py); a damaged or foreign file is ignored.
Pure Python: no MkDocs here. Used for jieba's words (hooks/glossary.py) and git's
dates (hooks/citation.py).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any


def file_key(*parts: str | bytes) -> str:
    """A name for the cache file from everything besides the entry's input that decides the result."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(hashlib.sha256(data).digest())  # fixed-size parts: no two inputs run together
    return digest.hexdigest()


def key_text(value) -> str:
    """``value`` as text for a cache key: JSON (its own encoder, fast), with dataclasses (records,
    citation sites) as their fields and anything else JSON cannot write as its text; mappings whose
    keys JSON cannot write (tuples, dates: bad data gives those too) as [key, value] pairs."""
    try:
        return json.dumps(value, ensure_ascii=False, default=_fields_or_text)
    except (TypeError, ValueError):
        return json.dumps(_plain(value), ensure_ascii=False, default=str)


def _fields_or_text(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return vars(value)
    return str(value)


def _plain(value, depth: int = 0):
    if depth > 100:  # a structure that contains itself
        return repr(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _plain(vars(value), depth + 1)
    if isinstance(value, dict):
        return [[_plain(key, depth + 1), _plain(item, depth + 1)] for key, item in value.items()]
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(item, depth + 1) for item in value]
        return sorted(items, key=repr) if isinstance(value, set | frozenset) else items
    return value


class DiskCache:
    """name -> value (JSON), loaded from one file; ``valid(name, value)`` filters what is read."""

    def __init__(self, path: Path, valid: Callable[[str, Any], bool] = lambda name, value: True):
        self.path = path
        self.values: dict[str, Any] = {}
        self.added = 0
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # no file yet, or not ours: start empty
            data = {}
        if isinstance(data, dict):
            self.values = {name: value for name, value in data.items() if valid(name, value)}

    def get(self, name: str, compute: Callable[[], Any], keep: Callable[[Any], bool] = lambda value: True) -> Any:
        """The value for ``name``: from the file, or ``compute()`` (then kept if ``keep(value)``)."""
        if name in self.values:
            return self.values[name]
        value = compute()
        if keep(value):
            self.values[name] = value
            self.added += 1
        return value

    def save(self) -> None:
        """Write the file if anything was added."""
        if not self.added:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.part")
        partial.write_text(json.dumps(self.values, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        partial.replace(self.path)
        self.added = 0
