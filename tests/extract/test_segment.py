"""Sentence/clause segmentation: exact spans, fillers, clause splits, questions, six languages."""

from __future__ import annotations

import pytest

from persona_nlp.extract.segment import is_question, segment_texts, splitter_for, trim_span


def _texts(text: str, language: str, split: bool | str = "contrast") -> list[str]:
    return [text[s.start : s.end] for s in segment_texts([text], language, split_clauses=split)[0]]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Um, I always wait for the sale, but shipping kills it, you know. Yeah."),
        ("da", "Øh, jeg venter altid på udsalg, men fragten er alt for dyr, ikke?"),
        ("nb", "Altså, jeg venter alltid på salg, men frakten er altfor dyr."),
        (
            "nl",
            "Nou, ik wacht eigenlijk altijd op de uitverkoop, maar de verzendkosten zijn te hoog.",
        ),
        ("id", "Ehm, saya selalu nunggu diskon, tapi ongkirnya mahal banget sih."),
        ("vi", "Ừ thì tôi luôn chờ giảm giá, nhưng mà phí ship cao quá ạ."),
    ],
)
def test_spans_are_exact_substrings_and_split_at_contrast(language, text):
    segments = segment_texts([text], language)[0]
    assert len(segments) == 2
    for segment in segments:
        piece = text[segment.start : segment.end]
        assert piece and piece == piece.strip()
        assert not piece.lower().startswith(("um", "øh", "altså", "nou", "ehm", "ừ"))
    assert segments[1].joined == "contrast"


def test_fillers_and_laughter_are_trimmed_from_edges_only():
    text = "Uh [laughs] well, my daughter told me about you, you know."
    assert _texts(text, "en") == ["my daughter told me about you"]
    text = "Um, you know, the shipping cost, I guess."
    start, end = trim_span(text, 0, len(text), "en")
    assert text[start:end] == "the shipping cost"


def test_would_like_is_not_trimmed_as_a_filler():
    assert _texts("That's what I'd like.", "en") == ["That's what I'd like"]


def test_and_splits_only_before_a_new_clause():
    assert _texts("I need boots that are light and waterproof.", "en", "all") == [
        "I need boots that are light and waterproof"
    ]
    assert _texts("I need new boots and my kids need jackets too.", "en", "all") == [
        "I need new boots",
        "my kids need jackets too",
    ]


def test_default_splits_at_contrast_only():
    """A sentence with because / so / and stays one statement by default; "but" still splits."""
    cause = "I switched banks because the app kept logging me out."
    link = "We were training for a half marathon, so we needed better shoes."
    both = "The plan is cheap, but the coverage drops out because the masts are far away."
    assert _texts(cause, "en") == [cause.rstrip(".")]
    assert _texts(link, "en") == [link.rstrip(".")]
    assert _texts(both, "en") == [
        "The plan is cheap",
        "the coverage drops out because the masts are far away",
    ]
    assert len(_texts(cause, "en", "all")) == 2
    assert len(_texts(link, "en", "all")) == 2
    assert _texts(both, "en", "none") == [both.rstrip(".")]
    assert _texts(cause, "en", True) == _texts(cause, "en", "all")
    assert _texts(both, "en", False) == _texts(both, "en", "none")
    with pytest.raises(ValueError, match="split_clauses"):
        segment_texts([cause], "en", split_clauses="sometimes")  # type: ignore[arg-type]


def test_config_accepts_the_old_booleans():
    from persona_nlp.config import ExtractConfig

    assert ExtractConfig().split_clauses == "contrast"
    assert ExtractConfig(split_clauses=True).split_clauses == "all"
    assert ExtractConfig(split_clauses=False).split_clauses == "none"


def test_short_halves_are_not_split_and_split_can_be_disabled():
    assert _texts("It's good but pricey.", "en") == ["It's good but pricey"]
    text = "I like the colour, but the zip broke after a week."
    assert len(_texts(text, "en")) == 2
    assert _texts(text, "en", split=False) == ["I like the colour, but the zip broke after a week"]


def test_survey_style_short_left_half_before_but():
    assert _texts("De prijs, maar ik koop liever één goed serum dan vijf goedkope.", "nl") == [
        "De prijs",
        "ik koop liever één goed serum dan vijf goedkope",
    ]


def test_questions_and_tag_questions():
    segments = segment_texts(["Is it waterproof? The fit is awful, right?"], "en")[0]
    assert [s.question for s in segments] == [True, False]
    assert is_question("Hvad koster den?", "da")
    assert not is_question("De maat klopt nooit, toch?", "nl")


def test_backchannel_only_turn_gives_nothing():
    assert _texts("Ja ja.", "da") == []
    assert _texts("Ừ.", "vi") == []


def test_unknown_and_missing_language_fall_back():
    assert _texts("Ich warte immer auf den Schlussverkauf. Aber der Versand ist teuer.", "de") == [
        "Ich warte immer auf den Schlussverkauf",
        "Aber der Versand ist teuer",
    ]
    assert _texts("I need new boots. Mine leak.", None) == ["I need new boots", "Mine leak"]
    assert splitter_for("vi") is splitter_for("vi")  # cached; xx rules (spaCy's vi needs pyvi)


def test_one_sentence_shortcut_gives_the_splitters_sentences(monkeypatch):
    import persona_nlp.extract.segment as segment

    texts = [
        "I need boots that stay dry",
        "I need boots!!",
        "boots .",
        "?",
        "Too expensive. But worth it",
        "I don't know... maybe",
        "5.5 stars and fast delivery but the box was broken",
        'It was great."',
        "what?! no",
        "Ik wil gewoon snel bezorgd krijgen, anders niet",
        "ok 。好",
    ]
    fast = segment.segment_texts(texts, "en")
    # the same texts, all through the splitter: a "punctuation" set no text can avoid
    everything = frozenset("".join(texts)) | {" "}
    monkeypatch.setattr(segment, "SENTENCE_PUNCTUATION", everything)
    monkeypatch.setattr(segment, "_SENTENCE_PUNCTUATION_STRING", "")
    assert segment.segment_texts(texts, "en") == fast
