"""A finding: one problem at one place, worded for the person who fixes it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Finding:
    path: str  # relative to the project root, e.g. "docs/immunology/t-cells.md"
    line: int  # 1-based; 0 when the problem is the whole file
    message: str  # what is wrong, then how to fix it

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
