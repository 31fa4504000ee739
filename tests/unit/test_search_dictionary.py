"""jieba's dictionary is global to the process: rebuilds under `mkdocs serve` (and the
second language pass) must not add the glossary's terms again."""

from __future__ import annotations

import glossary  # hooks/glossary.py, as MkDocs keeps it loaded between rebuilds
import jieba

from sitecheck.data import Record

RECORDS = [Record(1, {"id": "bone-turnover", "zh": "骨 转换", "en": "bone turnover"})]


def test_rebuilds_do_not_grow_jiebas_dictionary():
    glossary.load_search_dictionary(RECORDS)
    total, frequency = jieba.dt.total, jieba.dt.FREQ["骨转换"]
    for _rebuild in range(3):
        glossary.load_search_dictionary(RECORDS)
    assert (jieba.dt.total, jieba.dt.FREQ["骨转换"]) == (total, frequency)
    assert frequency == 20000
    assert "骨转换" in jieba.lcut("骨转换增加")
