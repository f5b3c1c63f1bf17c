"""Theme labels and keywords in one language: the study's, or the theme's own."""

from __future__ import annotations

import re

from persona_nlp.themes import study_language
from persona_nlp.themes.labels import describe_clusters

MIXED = [
    ("Shipping was far too expensive", "en"),
    ("The shipping cost put me off", "en"),
    ("Shipping costs too much", "en"),
    ("Fragten var alt for dyr", "da"),
    ("Fragten er for dyr", "da"),
]
DANISH_ONLY = [
    ("Mine venner i klubben anbefalede jer", "da"),
    ("Venner fra klubben fortalte om jer", "da"),
    ("En ven fra klubben sagde det", "da"),
]


def _describe(label_language):
    rows = MIXED + DANISH_ONLY
    return describe_clusters(
        [text for text, _ in rows],
        [0] * len(MIXED) + [1] * len(DANISH_ONLY),
        [language for _, language in rows],
        label_language=label_language,
    )


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def test_a_mixed_theme_is_described_in_the_study_language_only():
    keywords, labels = _describe("en")
    english = set().union(*(_words(t) for t, lang in MIXED if lang == "en"))
    assert _words(labels[0]) <= english | {"and"}
    assert all(_words(k) <= english for k in keywords[0])
    assert "fragten" not in " ".join(keywords[0])


def test_a_theme_without_the_study_language_keeps_its_own_and_its_own_conjunction():
    keywords, labels = _describe("en")
    danish = set().union(*(_words(t) for t, _ in DANISH_ONLY))
    assert _words(labels[1]) <= danish | {"og"}
    assert " and " not in labels[1]


def test_without_a_label_language_every_text_counts():
    keywords, _ = _describe(None)
    assert "fragten" in " ".join(keywords[0])


def test_study_language_is_the_most_common_statement_language():
    class S:
        def __init__(self, language):
            self.language = language

    assert study_language([S("da"), S("en"), S("en"), S(None)]) == "en"
    assert study_language([S("nl"), S("da")]) == "da"  # a tie goes to the first code
    assert study_language([]) is None


def test_labels_are_distinct_within_a_kind():
    from persona_nlp.themes.labels import _distinct

    # the label every cluster would get: each gains its own best keyword
    labels = _distinct(
        ["Data", "Data", "Data", "Price"],
        [["data", "export"], ["data", "privacy"], ["data"], ["price"]],
        ["and", "and", "og", "and"],
    )
    assert labels == ["Data and export", "Data and privacy", "Data", "Price"]
    assert len(set(labels)) == len(labels)
    # the whole describe step: two clusters that would both be called "Data"
    texts = ["data", "data.", "Data!", "data", "data?", "DATA"]
    keywords, names = describe_clusters(texts, [0, 0, 0, 1, 1, 1], ["en"] * 6)
    assert len(set(names)) == 2 or keywords[0] == keywords[1]
