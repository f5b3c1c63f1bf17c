"""Phone numbers found with the phonenumbers library, read with the regions of the text's language."""

from __future__ import annotations

import pytest

from persona_nlp.redact import Redactor
from persona_nlp.redact.redactor import PHONE_REGIONS, phone_spans


@pytest.mark.parametrize(
    ("text", "language", "number"),
    [
        ("call me on 2025550143 tonight", "en", "2025550143"),  # no separators: the library only
        ("my mobile is 07700 900123", "en", "07700 900123"),
        ("ring til mig på 22 33 44 55", "da", "22 33 44 55"),
        ("ring meg på 912 34 567", "nb", "912 34 567"),
        ("bel me op 020 123 4567 maar", "nl", "020 123 4567"),
        ("hubungi saya di 0812 3456 7890", "id", "0812 3456 7890"),
        ("gọi cho tôi số 0912 345 678 nhé", "vi", "0912 345 678"),
    ],
)
def test_national_formats_of_the_six_study_languages(text, language, number):
    assert [text[a:b] for a, b in phone_spans(text, language)] == [number]
    assert "[PHONE_1]" in Redactor().redact_text(text, language=language)


def test_a_number_without_separators_needs_the_library():
    # the project's own pattern only knew numbers written with a leading 0, + or in groups
    assert phone_spans("call me on 2025550143 tonight", "en") != []
    assert Redactor().redact_text("ring 2025550143", language=None) == "ring [PHONE_1]"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Tôi mua ngày 12.03.2024, giá 1.299.000 đồng", "vi"),
        ("ordered 2023-11-05, 12345 steps", "en"),
        ("Prisen var 1 250 000 kroner", "da"),
    ],
)
def test_dates_amounts_and_counts_are_not_phones(text, language):
    assert phone_spans(text, language) == []


def test_every_study_language_has_a_region():
    assert {"en", "da", "nb", "nl", "id", "vi"} <= set(PHONE_REGIONS)
