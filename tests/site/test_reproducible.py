"""Two builds with the same SOURCE_DATE_EPOCH are byte-identical."""

from __future__ import annotations

import hashlib

from sitebuild import ROOT, build

EPOCH = {"SOURCE_DATE_EPOCH": "1764201600"}  # 2025-11-27


def digests(site) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_same_epoch_same_bytes(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    for target in (first, second):
        result = build(ROOT, target, EPOCH)
        assert result.returncode == 0, result.stderr
    one, two = digests(first), digests(second)
    assert len(one) > 50  # pages, assets and search index of both languages
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
