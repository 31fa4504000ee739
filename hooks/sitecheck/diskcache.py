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


def cache_folder(root: Path, name: str, env: str) -> Path:
    """The cache folder ``.cache/<name>`` of the project at ``root``, or the folder the environment
    variable ``env`` names (the benchmark's cold runs point it at an empty one)."""
    return Path(os.environ.get(env) or root / ".cache" / name)


def write_whole(path: Path, data: bytes) -> None:
    """Write ``path`` under a temporary name, then rename it: never half-written, even with two
    builds at once."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    partial.replace(path)


def kept_bytes(path: Path, compute: Callable[[], bytes]) -> bytes:
    """The file at ``path`` (one answer, named by everything it depends on), or ``compute()``
    written there."""
    if path.is_file():
        return path.read_bytes()
    data = compute()
    write_whole(path, data)
    return data


def kept_text(path: Path, compute: Callable[[], str]) -> str:
    """``kept_bytes`` for UTF-8 text, read and written as bytes: no newline translation."""
    return kept_bytes(path, lambda: compute().encode("utf-8")).decode("utf-8")


def open_cache(caches: dict, path: Path, valid: Callable[[str, Any], bool]) -> DiskCache:
    """The one ``DiskCache`` of ``path`` in this process, kept in ``caches`` across builds."""
    if path not in caches:
        caches[path] = DiskCache(path, valid=valid)
    return caches[path]


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
        write_whole(self.path, json.dumps(self.values, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        self.added = 0
