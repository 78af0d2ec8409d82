"""Chinese words for the search index: jieba learns the site's own words and keeps each whole."""

from __future__ import annotations

import yaml

from conftest import FIXTURE_DATA
from nqpf.web import segment


def test_every_chinese_field_gives_its_words_once():
    data = [{"chinese": "新质生产力", "items": [{"chinese": "人工智能+"}, {"chinese": "新质生产力"}]},
            [{"name": {"chinese": "黑龙江 省"}}], {"pinyin": "xīn", "summary": "中文 in a summary is not a name"}]
    assert segment.words(data) == ["新质生产力", "人工智能", "黑龙江", "省"]
    assert segment.dictionary(["新质生产力"]) == f"新质生产力 {segment.FREQUENCY} n\n"


def test_jieba_keeps_the_sites_words_whole_without_its_big_dictionary():
    import jieba

    files = [yaml.safe_load(p.read_text("utf-8")) for p in sorted(FIXTURE_DATA.glob("*.yaml"))]
    assert segment.teach(files) >= 5
    assert jieba.dt.dictionary.endswith(".txt") and "nqpf-jieba" in jieba.dt.dictionary
    assert "新质生产力" in list(jieba.cut("发展新质生产力要因地制宜"))
    assert "因地制宜" in list(jieba.cut("发展新质生产力要因地制宜"))
