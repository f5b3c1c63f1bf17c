"""Vietnamese keywords and labels are whole words (segmented), and labels are text from the texts."""

from __future__ import annotations

import sys

import pytest

from persona_nlp.lang import wordseg
from persona_nlp.themes.labels import describe_clusters

pytest.importorskip("pyvi")

# student feedback (education) and a delivery service (retail): two industries
TEXTS = [
    "Sinh viên luôn cảm thấy áp lực khi thi cuối kỳ.",
    "Áp lực thi cử làm sinh viên mệt mỏi.",
    "Sinh viên bị áp lực vì bài tập nhiều.",
    "Giảng viên nhiệt tình và dễ hiểu.",
    "Giảng viên giảng bài rất nhiệt tình.",
    "Thầy cô nhiệt tình hỗ trợ sinh viên.",
    "Nhân viên giao hàng có thái độ không tốt.",
    "Thái độ của nhân viên rất tệ.",
    "Dịch vụ khách hàng chậm, nhân viên thái độ kém.",
]
CLUSTERS = [0, 0, 0, 1, 1, 1, 2, 2, 2]
SYLLABLES_OF_WORDS = {"sinh", "viên", "giảng", "áp", "lực", "nhiệt", "tình", "nhân", "thái", "độ"}


def test_keywords_are_words_not_syllables():
    keywords, _ = describe_clusters(TEXTS, CLUSTERS, languages=["vi"] * len(TEXTS))
    assert {"áp lực", "sinh viên"} <= set(keywords[0])
    assert {"nhiệt tình", "giảng viên"} <= set(keywords[1])
    assert {"nhân viên", "thái độ"} <= set(keywords[2])
    assert not SYLLABLES_OF_WORDS & {k for kws in keywords for k in kws}


def test_labels_are_phrases_of_the_texts_and_do_not_cut_words():
    _, labels = describe_clusters(TEXTS, CLUSTERS, languages=["vi"] * len(TEXTS))
    lowered = [t.lower() for t in TEXTS]
    for label in labels:
        assert any(label.lower() in text for text in lowered), label
        for text in TEXTS:
            at = text.lower().find(label.lower())
            if at >= 0:  # the label starts and ends at a word's edge, not inside "sinh viên"
                for a, b in wordseg.compound_spans(text, "vi"):
                    assert not a < at < b and not a < at + len(label) < b, (label, text)
    assert labels[1] == "Giảng viên nhiệt tình"


def test_one_language_code_for_all_texts_is_enough():
    assert describe_clusters(TEXTS, CLUSTERS, languages=["vi"]) == describe_clusters(
        TEXTS, CLUSTERS, languages=["vi"] * len(TEXTS)
    )


def test_without_the_segmenter_labels_fall_back_to_syllables(monkeypatch):
    wordseg._vietnamese_tokenizer.cache_clear()
    monkeypatch.setitem(sys.modules, "pyvi", None)
    try:
        keywords, labels = describe_clusters(TEXTS, CLUSTERS, languages=["vi"] * len(TEXTS))
        assert {"sinh", "viên"} & set(keywords[0]) and len(labels) == 3
    finally:
        wordseg._vietnamese_tokenizer.cache_clear()


def test_other_languages_are_unchanged_by_segmentation(monkeypatch):
    texts = ["student life is hard", "student life costs a lot", "exams are hard"]
    segmented = describe_clusters(texts, [0, 0, 0], languages=["en"] * 3)
    wordseg._vietnamese_tokenizer.cache_clear()
    monkeypatch.setitem(sys.modules, "pyvi", None)
    try:
        assert describe_clusters(texts, [0, 0, 0], languages=["en"] * 3) == segmented
    finally:
        wordseg._vietnamese_tokenizer.cache_clear()
