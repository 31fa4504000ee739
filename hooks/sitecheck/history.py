"""When each correction was recorded: the date of the first commit that added its
``- id:`` line to docs/_data/corrections/ (one ``git log -p`` over the folder),
or the record's own ``date:`` field. Nothing is guessed: without either, the
date is unknown."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections import defaultdict
from pathlib import Path

from .templates import fragment

COMMIT_MARK = "@@commit "
ADDED_ID_RE = re.compile(r"^\+\s*-\s*id:\s*['\"]?([A-Za-z0-9_.-]+)")


def head_commit(root: Path) -> str | None:
    """The commit checked out in the repository of ``root`` (``git rev-parse HEAD``); None outside git."""
    try:
        result = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    head = result.stdout.strip()
    return head if result.returncode == 0 and head else None


def git_log_patch(root: Path, folder: str) -> str | None:
    """The folder's history, oldest first, as dated patches; None outside git."""
    try:
        result = subprocess.run(
            ["git", "log", "--reverse", f"--format={COMMIT_MARK}%cs", "-p", "--unified=0", "--", folder],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 and result.stdout else None


def last_commit_times(root: Path, folder: str) -> dict[str, int]:
    """``folder``-relative path -> the time of the last commit that touched it (one
    ``git log`` for the whole folder); empty outside git."""
    try:
        result = subprocess.run(
            ["git", "log", f"--format={COMMIT_MARK}%ct", "--name-only", "--relative=" + folder, "--", folder],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    times: dict[str, int] = {}
    current = 0
    for line in result.stdout.splitlines() if result.returncode == 0 else []:
        if line.startswith(COMMIT_MARK):
            current = int(line[len(COMMIT_MARK) :])
        elif line.strip():
            times.setdefault(line.strip(), current)  # newest first: the first seen is the last change
    return times


HISTORY_FORMAT = COMMIT_MARK + "%H %at %P"


def history_log(root: Path) -> tuple[Path, str] | None:
    """(the repository's top folder, every commit before HEAD, newest commit time first, with the
    files it changed, renames found: -M), from ``git log``; None outside git."""
    command = ["git", "log", "-M", "--name-status", "--no-show-signature", f"--format={HISTORY_FORMAT}", "HEAD"]
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=root, capture_output=True, text=True)
        result = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    if top.returncode or result.returncode or not result.stdout:
        return None
    return Path(top.stdout.strip()), result.stdout


def last_changes(log: str) -> dict[str, tuple[str, int] | None]:
    """path -> (commit, author time) of its last change as the git-revision-date-localized plugin
    finds it for one file (``git log -n1 --follow --diff-filter=r -- <path>``), for every file at
    once, from ``history_log``. With --follow git walks the whole history in the order of
    ``history_log`` (no history simplification: a commit on a merged branch counts even where the
    merge kept the other side) and shows the first commit whose own diff has the file, never a merge
    (no diff without -m) nor a rename (the filter). None where only git's own rename search can
    tell: the file renamed, copied or deleted there, or added in a commit that also deletes one."""
    found: dict[str, tuple[str, int] | None] = {}
    commit, author_time, merge = "", 0, False
    deletes = False
    changes: list[tuple[str, str]] = []

    def settle():
        for status, path in changes:
            if path in found:
                continue
            if status in ("M", "T") or (status == "A" and not deletes):
                found[path] = (commit, author_time)
            else:
                found[path] = None

    for line in log.splitlines():
        if line.startswith(COMMIT_MARK):
            settle()
            commit, time, *parents = line[len(COMMIT_MARK) :].split()
            author_time, merge, deletes, changes = int(time), len(parents) > 1, False, []
        elif line.strip() and not merge:
            status, *paths = line.split("\t")
            deletes = deletes or status[0] == "D"
            changes.extend((status[0], path) for path in paths)
    settle()
    return found


TAG_REF_FORMAT = "%(objectname) %(*objectname) %(refname:short)"


def tags_by_commit(refs: str) -> dict[str, str]:
    """commit -> its first tag by name, from ``git for-each-ref refs/tags --format=TAG_REF_FORMAT``
    (sorted by name): what ``git tag --points-at <commit>`` lists first, a tag whose object or
    (annotated) the object it tags is the commit."""
    tags: dict[str, str] = {}
    for line in refs.splitlines():
        target, peeled, name = line.split(" ", 2)
        for commit in (target, peeled):
            if commit:
                tags.setdefault(commit, name)
    return tags


def first_added(log: str) -> dict[str, dt.date]:
    """id -> date of the first commit whose patch adds ``- id: <id>``."""
    dates: dict[str, dt.date] = {}
    current = None
    for line in log.splitlines():
        if line.startswith(COMMIT_MARK):
            current = dt.date.fromisoformat(line[len(COMMIT_MARK) :].strip())
        elif current is not None and (match := ADDED_ID_RE.match(line)):
            dates.setdefault(match.group(1), current)
    return dates


def recorded_dates(records, git_dates: dict[str, dt.date]) -> tuple[dict, list]:
    """(date -> records, records with no known date). ``date:`` in a record wins over git."""
    by_date: dict[dt.date, list] = defaultdict(list)
    unknown = []
    for record in records:
        explicit = record.get("date")
        if isinstance(explicit, dt.date):
            by_date[explicit].append(record)
        elif isinstance(explicit, str):
            by_date[dt.date.fromisoformat(explicit)].append(record)
        elif record.get("id") in git_dates:
            by_date[git_dates[record.get("id")]].append(record)
        else:
            unknown.append(record)
    return dict(by_date), unknown


def history_markdown(records, git_dates: dict[str, dt.date], lang: str, labels: dict, titles: dict) -> str:
    """One list item per date, newest first: how many corrections, in which sections."""
    by_date, unknown = recorded_dates(records, git_dates)
    groups = [(date.isoformat(), by_date[date]) for date in sorted(by_date, reverse=True)]
    if unknown:
        groups.append((labels["history_date_unknown"], unknown))
    items = []
    for when, group in groups:
        places: dict[tuple[str, str], int] = {}
        for record in group:
            key = (record.get("page"), record.get("section"))
            places[key] = places.get(key, 0) + 1
        links = [
            {"title": titles.get((page, lang, section), section), "page": page, "section": section, "n": n}
            for (page, section), n in places.items()
        ]
        items.append({"when": when, "count": len(group), "places": links})
    return fragment("history-list.md", labels=labels, groups=items)
