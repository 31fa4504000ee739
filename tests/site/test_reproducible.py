"""A second build with the same SOURCE_DATE_EPOCH is byte-identical to the session's build."""

from __future__ import annotations

import hashlib


def digests(site) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_same_epoch_same_bytes(site_dir, repeat_build):
    # repeat_build: tests/conftest.py's site_again(), the same SOURCE_DATE_EPOCH as the session's build
    again, result = repeat_build
    assert result.returncode == 0, result.stderr
    one, two = digests(site_dir), digests(again)
    assert len(one) > 50  # pages, assets and search index of both languages
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
