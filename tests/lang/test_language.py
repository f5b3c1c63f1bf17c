"""Language identification: lingua restricted to candidates, ISO 639-1 codes, None when unsure."""

from __future__ import annotations

import pytest

from persona_nlp.errors import ConfigError
from persona_nlp.lang import detect_language, detect_languages, language_confidences

SENTENCES = {
    "en": "The delivery was late and nobody told me why it took so long.",
    "da": "Leveringen var forsinket, og ingen fortalte mig hvorfor det tog så lang tid.",
    "nb": "Leveringen var forsinket, og ingen fortalte meg hvorfor det tok så lang tid.",
    "nl": "De levering was te laat en niemand vertelde me waarom het zo lang duurde.",
    "id": "Pengirimannya terlambat dan tidak ada yang memberi tahu saya alasannya.",
    "vi": "Việc giao hàng bị trễ và không ai nói cho tôi biết tại sao lại lâu như vậy.",
}


@pytest.mark.parametrize("code", sorted(SENTENCES))
def test_detects_the_six_study_languages(code: str) -> None:
    assert detect_language(SENTENCES[code]) == code


def test_too_short_or_empty_text_is_none() -> None:
    assert detect_language("") is None
    assert detect_language("ok") is None
    assert detect_language("12 34 !!") is None


def test_candidates_restrict_the_answer() -> None:
    assert detect_language(SENTENCES["da"], ["nb", "sv"]) in ("nb", "sv")
    assert detect_language(SENTENCES["en"], ["en"]) == "en"  # one candidate is the answer
    assert detect_language(SENTENCES["nb"], ["no", "da"]) == "nb"  # "no" means Bokmål


def test_unknown_candidate_code_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown language code 'xx'"):
        detect_language("Some text here", ["en", "xx"])


def test_batch_detection_matches_single_and_keeps_order() -> None:
    texts = [SENTENCES["vi"], "-", SENTENCES["nl"], SENTENCES["vi"]]
    assert detect_languages(texts) == ["vi", None, "nl", "vi"]
    assert detect_languages(texts) == [detect_language(t) for t in texts]


def test_confidences_cover_candidates() -> None:
    scores = language_confidences([SENTENCES["id"], "x"], ["en", "id", "vi"])
    assert set(scores[0]) == {"en", "id", "vi"} and max(scores[0], key=scores[0].get) == "id"
    assert scores[1] == {}


def test_ingest_rejects_unknown_candidate_codes_up_front(tmp_path) -> None:
    from persona_nlp.config import IngestConfig
    from persona_nlp.ingest import ingest

    (tmp_path / "a.txt").write_text("Q: Why?\nA: Because.\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="'zz'"):
        ingest([tmp_path], IngestConfig(languages=["en", "zz"]))


def test_close_calls_are_rechecked_with_all_ngram_models() -> None:
    from persona_nlp.lang import CLOSE_CALL_CHARS, _close_call

    long_text = "x" * CLOSE_CALL_CHARS
    assert _close_call({"en": 0.9, "nl": 0.1}, "short")  # short texts always
    assert not _close_call({"en": 0.9, "nl": 0.1}, long_text)
    assert _close_call({"en": 0.5, "nl": 0.4}, long_text)  # near tie
    assert _close_call({"da": 0.8, "nb": 0.2}, long_text)  # one family
    assert not _close_call({"da": 0.99, "nb": 0.01}, long_text)  # near-certain
    assert _close_call({}, long_text)


def test_batch_confidences_of_close_languages_are_decided() -> None:
    texts = [
        "Leveringen tog alt for lang tid, og ingen svarede på mine mails om pakken.",
        "Leveransen tok altfor lang tid, og ingen svarte på e-postene mine om pakken.",
        "The delivery took far too long and nobody answered my emails about it.",
    ]
    assert detect_languages(texts, ["en", "da", "nb", "nl"]) == ["da", "nb", "en"]


def test_batches_preload_only_the_contested_languages_and_answer_the_same(monkeypatch) -> None:
    import persona_nlp.lang as lang

    texts = ["Fragten er for dyr", "fragten er for dyr!"]  # short: close calls
    codes = ["en", "da", "nb", "nl", "id", "vi"]
    preloaded: list[tuple[tuple[str, ...], bool]] = []
    original = lang._preload.__wrapped__
    monkeypatch.setattr(
        lang, "_preload", lambda c, low=False: preloaded.append((c, low)) or original(c, low)
    )
    with_preload = language_confidences(texts, codes)
    assert preloaded[0] == (tuple(sorted(codes)), True)  # the trigram pass: every candidate
    assert preloaded[1] == (tuple(sorted({"da", "nb"} | set(preloaded[1][0]))), False)
    assert len(preloaded[1][0]) == lang.CONTENDERS  # all n-gram models: the contenders only
    monkeypatch.setattr(lang, "_preload", lambda c, low=False: None)
    # lingua's sums differ in the last bit from call to call (its n-gram maps' order)
    without = language_confidences(texts, codes)
    assert [pytest.approx(scores, abs=1e-12) for scores in without] == with_preload


def test_vietnamese_letters_decide_short_answers():
    # lingua's short-text models called these French; letters such as ắ, ồ, ư and đ are written
    # by no other candidate language.
    from persona_nlp.lang import detect_language, detect_languages

    answers = ["Sắm đồ Tết cho hai bé", "Quần jean cho bé trai", "Très bien, merci"]
    assert detect_languages(answers) == ["vi", "vi", "fr"]
    assert detect_language("Quần jean cho bé trai") == "vi"
    # not a candidate: the rule stays out of the way
    assert detect_language("Quần jean cho bé trai", ["en", "fr"]) in {"en", "fr"}


# A survey in six languages, one respondent per row, each answering in one language, two
# respondents per language (one would not make a language one of the survey's). Short answers
# of a few words ("Iklan di Facebook") are what lingua gets wrong without a prior.
MIXED_SURVEY = [
    ["respondent_id", "country", "why_bought", "almost_stopped", "improve"],
    [
        "E1",
        "UK",
        "A friend recommended your tents to me",
        "I was not sure about the size",
        "Delivery took almost two weeks, far too slow",
    ],
    [
        "E2",
        "Ireland",
        "Your rain jacket was on sale last month",
        "Shipping costs were high",
        "Please add a proper size guide for kids",
    ],
    [
        "E3",
        "USA",
        "I needed new boots before our hiking trip",
        "",
        "The checkout kept crashing on my phone",
    ],
    [
        "I1",
        "Indonesia",
        "Iklan di Facebook",
        "Saya ragu apakah ukurannya pas untuk saya",
        "Pengirimannya terlalu lama, hampir dua minggu",
    ],
    [
        "N1",
        "Netherlands",
        "Advertentie op Facebook",
        "Ik twijfelde of de maat wel goed zou zijn",
        "De levering duurde veel te lang, bijna twee weken",
    ],
    [
        "D1",
        "Denmark",
        "En veninde anbefalede jeres telte",
        "Jeg var i tvivl om størrelsen",
        "Leveringen tog næsten to uger, det er for længe",
    ],
    [
        "B1",
        "Norway",
        "En kollega fortalte meg om butikken",
        "Frakten var altfor dyr",
        "Størrelsestabellen var forvirrende på mobilen",
    ],
    [
        "V1",
        "Vietnam",
        "Bạn tôi giới thiệu cửa hàng",
        "Tôi không chắc về kích cỡ",
        "Giao hàng quá chậm, gần hai tuần",
    ],
    [
        "I2",
        "Indonesia",
        "Teman kantor menyarankan toko ini",
        "Ongkos kirimnya mahal sekali",
        "Tolong tambahkan panduan ukuran yang jelas",
    ],
    [
        "N2",
        "Netherlands",
        "Een collega raadde jullie winkel aan",
        "De verzendkosten waren veel te hoog",
        "Graag een duidelijke maattabel toevoegen",
    ],
    [
        "D2",
        "Denmark",
        "Jeg så jeres annonce på Instagram",
        "Fragten var alt for dyr",
        "Tilføj venligst en bedre størrelsesguide",
    ],
    [
        "B2",
        "Norway",
        "Jeg trengte nye støvler før fjellturen",
        "Jeg var usikker på om jakken var vanntett",
        "Leveransen tok nesten to uker",
    ],
    [
        "V2",
        "Vietnam",
        "Tôi thấy quảng cáo trên Facebook",
        "Phí giao hàng quá đắt",
        "Hãy thêm bảng kích cỡ rõ ràng hơn",
    ],
    ["S1", "", "Instagram", "Te duur", "Facebook"],
]


def _mixed_languages(tmp_path, rows) -> tuple[str | None, dict[tuple[str, str], str | None]]:
    import csv

    from persona_nlp.config import IngestConfig
    from persona_nlp.ingest import ingest

    path = tmp_path / "mixed.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    (doc,) = ingest([path], IngestConfig()).documents
    return doc.language, {(t.participant_id, t.column): t.language for t in doc.turns}


def test_short_answers_take_their_respondents_language(tmp_path) -> None:
    # lingua alone calls both German (not a language of this survey), and the document's
    # language (English) scores ~0 on them: the respondent's other answers decide.
    document, languages = _mixed_languages(tmp_path, MIXED_SURVEY)
    assert document == "en"
    assert languages[("I1", "why_bought")] == "id"
    assert languages[("N1", "why_bought")] == "nl"
    by_respondent: dict[str, set[str | None]] = {}
    for (who, _), code in languages.items():
        by_respondent.setdefault(who, set()).add(code)
    # S1 answered "Instagram", "Te duur", "Facebook": read among the survey's languages, Dutch
    expected = {"E": "en", "I": "id", "N": "nl", "D": "da", "B": "nb", "V": "vi", "S": "nl"}
    assert by_respondent == {who: {expected[who[0]]} for who in by_respondent}


def test_respondent_with_only_short_answers_is_read_among_the_survey_languages(tmp_path) -> None:
    # nothing long of their own to go on: their short answers are read among the survey's
    # languages only ("Te duur" is Dutch there), else the survey's main language; never a
    # language the survey does not have (lingua alone says German for these)
    rows = [
        *MIXED_SURVEY,
        ["S2", "", "Iklan di Facebook", "", ""],
        ["S3", "", "Advertentie op Facebook", "", ""],
        ["S4", "", "Facebook", "", "Instagram"],
        ["S5", "", "paket 30GB 😡", "", "internet cepat. 😭"],
    ]
    _, languages = _mixed_languages(tmp_path, rows)
    assert {languages[("S1", column)] for column in MIXED_SURVEY[0][2:]} == {"nl"}
    assert {languages[("S4", column)] for column in ("why_bought", MIXED_SURVEY[0][4])} == {"en"}
    # emoji and "30GB" are no words: never enough to read Norwegian or Danish into them
    assert {languages[("S5", column)] for column in ("why_bought", MIXED_SURVEY[0][4])} == {"id"}
    survey_languages = {"en", "da", "nb", "nl", "id", "vi"}
    assert languages[("S2", "why_bought")] in survey_languages
    assert languages[("S3", "why_bought")] == "nl"


def test_answer_languages_do_not_depend_on_row_order(tmp_path) -> None:
    forward = _mixed_languages(tmp_path, MIXED_SURVEY)
    backward = _mixed_languages(tmp_path, [MIXED_SURVEY[0], *reversed(MIXED_SURVEY[1:])])
    assert forward == backward


def test_one_respondent_in_another_language_does_not_make_a_survey_multilingual(tmp_path) -> None:
    # a single Danish respondent in an English survey: their long answer is Danish, but their
    # one-word answer keeps the survey's language, as in a one-language survey
    english = [MIXED_SURVEY[0], *(row for row in MIXED_SURVEY[1:] if row[0][0] in "ES")]
    rows = [*english, ["X1", "Denmark", "Jeg ville have et varmt telt til vinteren", "", "TikTok"]]
    document, languages = _mixed_languages(tmp_path, rows)
    assert document == "en"
    assert languages[("X1", "why_bought")] == "da"
    assert languages[("X1", "improve")] == "en"


def test_a_confident_trigram_misreading_does_not_take_an_answer_out_of_its_survey_language(
    tmp_path,
) -> None:
    # lingua's trigram pass calls this English sentence Danish (0.92); all n-gram models, asked
    # again between its likeliest languages and the survey's, call it English
    from persona_nlp.lang import language_confidences

    odd = "I want the grocery bill under a hundred a week."
    trigram = language_confidences([odd])[0]
    assert max(trigram, key=trigram.get) != "en"
    english = [MIXED_SURVEY[0], *(row for row in MIXED_SURVEY[1:] if row[0][0] in "ES")]
    rows = [*english, ["E9", "UK", odd, "", "TikTok"]]
    document, languages = _mixed_languages(tmp_path, rows)
    assert document == "en"
    assert languages[("E9", "why_bought")] == "en"
