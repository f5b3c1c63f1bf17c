"""Stop words: spaCy's lists, plus spoken fillers, less the content words we keep."""

from __future__ import annotations

import importlib

import pytest

from persona_nlp.lang.stopwords import CONTENT_KEPT, LANGUAGES, SPOKEN_EXTRA, stop_words


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "vi"])
def test_spacy_list_is_the_base(language):
    spacy_list = importlib.import_module(f"spacy.lang.{language}.stop_words").STOP_WORDS
    kept = set(CONTENT_KEPT.get(language, "").split())
    assert {w.lower() for w in spacy_list if w} - kept <= stop_words(language)


@pytest.mark.parametrize(
    ("language", "fillers"),
    [
        ("en", "yeah um kind of sort"),
        ("da", "øh jamen altså"),
        ("nb", "liksom eh altså"),
        ("nl", "eigenlijk uh echt"),
        ("id", "sih nggak deh"),
        ("vi", "ạ nhé thôi"),
    ],
)
def test_spoken_fillers_of_the_six_study_languages(language, fillers):
    assert set(fillers.split()) <= stop_words(language)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "price delivery call full"),
        ("nb", "kroner kontakt tid pris"),
        ("da", "pris levering god"),
        ("vi", "điểm thời_gian khó hỗ_trợ sinh_viên"),
    ],
)
def test_content_words_stay_keywords(language, words):
    assert not set(words.split()) & stop_words(language)


def test_vietnamese_compound_function_words_use_the_segmenter_form():
    assert {"chúng_tôi", "bởi_vì", "có_thể"} <= stop_words("vi")


def test_unknown_language_gets_every_list():
    assert {"the", "og", "yang", "và", "um"} <= stop_words(None) == stop_words("xx")


def test_extras_are_only_for_listed_languages():
    assert set(SPOKEN_EXTRA) <= set(LANGUAGES) and set(CONTENT_KEPT) <= set(LANGUAGES)
