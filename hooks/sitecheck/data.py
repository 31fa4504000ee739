"""Load the YAML data files with the line number of every record.

A file that is not valid YAML, or whose top level is not what the caller
expects, raises ``DataError`` (the hooks turn it into a ``PluginError``).
Field-level problems are findings, reported by each data file's checker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

# libyaml's loader when PyYAML has it (10x faster); the pure-Python one otherwise
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(Exception):
    def __init__(self, path: str, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


@dataclass
class Record:
    """One mapping from a data file, with where it starts."""

    line: int
    data: dict[str, Any]

    def get(self, dotted: str, default=None):
        if "." not in dotted and isinstance(self.data, dict):  # the common case, asked ~10⁵ times a build
            return self.data.get(dotted, default)
        value: Any = self.data
        for key in dotted.split("."):
            if not isinstance(value, dict) or key not in value:
                return default
            value = value[key]
        return value


def _construct(node: yaml.Node) -> Any:
    return yaml.SafeLoader(" ").construct_document(node) if node is not None else None


def _syntax_error(error: yaml.YAMLError, path: str, advice: str) -> DataError:
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 if mark else 1
    problem = getattr(error, "problem", None) or str(error)
    return DataError(path, line, f"not valid YAML ({problem}); {advice}")


def _compose(text: str, path: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError as error:
        raise _syntax_error(error, path, "fix the syntax at this line.") from error


def _records(root: yaml.Node | None, path: str, key: str | None) -> list[Record]:
    if root is None:
        return []
    if key is not None:
        if not isinstance(root, yaml.MappingNode):
            raise DataError(path, root.start_mark.line + 1, f"expected a mapping with a '{key}:' list.")
        found = [v for k, v in root.value if k.value == key]
        if not found:
            return []
        root = found[0]
    if not isinstance(root, yaml.SequenceNode):
        where = f"'{key}'" if key else "the top level"
        raise DataError(path, root.start_mark.line + 1, f"{where} must be a list of entries ('- ...').")
    records = []
    for item in root.value:
        if not isinstance(item, yaml.MappingNode):
            raise DataError(path, item.start_mark.line + 1, "each entry must be a mapping of 'field: value'.")
        records.append(Record(item.start_mark.line + 1, _construct(item)))
    return records


def load_records(text: str, path: str, key: str | None = None) -> list[Record]:
    """The list of mappings in ``text`` (or under top-level ``key``), each with its line."""
    return _records(_compose(text, path), path, key)


def load_keyed_records(text: str, path: str, keys: tuple[str, ...]) -> dict[str, list[Record]]:
    """``load_records`` for several top-level keys of one file, parsed once."""
    root = _compose(text, path)
    return {key: _records(root, path, key) for key in keys}


def load_mapping(text: str, path: str) -> dict[str, Any]:
    """A data file whose top level is a mapping (e.g. labels per language)."""
    try:
        value = yaml.load(text, Loader=SafeLoader)
    except yaml.YAMLError as error:
        raise _syntax_error(error, path, "fix the syntax.") from error
    if not isinstance(value, dict):
        raise DataError(path, 1, "the top level must be a mapping ('key: value').")
    return value


def load_mapping_lines(text: str, path: str) -> tuple[dict[str, Any], dict[str, int]]:
    """``load_mapping``, with the line of every key of the mapping and of the mappings inside it
    ('source.title.en' -> 11), for messages about a field."""
    root = _compose(text, path)
    if not isinstance(root, yaml.MappingNode):
        raise DataError(
            path, root.start_mark.line + 1 if root else 1, "the top level must be a mapping ('key: value')."
        )
    lines: dict[str, int] = {}

    def walk(node: yaml.MappingNode, prefix: str) -> None:
        for key, value in node.value:
            name = f"{prefix}{key.value}"
            lines.setdefault(name, key.start_mark.line + 1)
            if isinstance(value, yaml.MappingNode):
                walk(value, name + ".")

    walk(root, "")
    return _construct(root), lines
