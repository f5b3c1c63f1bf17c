"""Vietnamese word segmentation (pyvi), mapped back onto the text's own characters."""

from __future__ import annotations

import logging
import sys

import pytest

from persona_nlp.lang import wordseg
from persona_nlp.lang.wordseg import compound_spans, segmenter_available

pytest.importorskip("pyvi")


def words(text: str) -> list[str]:
    return [text[a:b] for a, b in compound_spans(text, "vi")]


def test_multi_syllable_words_are_spans_of_the_text():
    text = "Giảng viên: rất nhiệt tình, sinh viên (năm 2) thích thư viện."
    assert words(text) == ["Giảng viên", "nhiệt tình", "sinh viên", "thư viện"]


def test_spacing_and_punctuation_do_not_shift_spans():
    text = "Sinh viên   luôn cảm thấy áp-lực!!  Wifi ở thư viện yếu quá"
    found = words(text)
    assert "Sinh viên" in found and "thư viện" in found
    assert all(w in text for w in found)


def test_a_syllable_inside_a_longer_one_is_not_matched():
    assert words("bạn an toàn") == ["an toàn"]


def test_other_languages_are_not_segmented():
    assert compound_spans("student life is hard", "en") == []
    assert compound_spans("sinh viên", None) == []
    assert not segmenter_available("en") and segmenter_available("vi")


def test_missing_library_warns_once_and_keeps_syllables(monkeypatch, caplog):
    wordseg._vietnamese_tokenizer.cache_clear()
    monkeypatch.setitem(sys.modules, "pyvi", None)
    try:
        with caplog.at_level(logging.WARNING, logger="persona_nlp.lang.wordseg"):
            assert compound_spans("sinh viên", "vi") == []
            assert compound_spans("giảng viên", "vi") == []
        assert sum("pip install pyvi" in r.getMessage() for r in caplog.records) == 1
    finally:
        wordseg._vietnamese_tokenizer.cache_clear()
