"""Unit tests of the statement-extraction benchmark's scorer on hand-made predictions."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import extraction_eval as ev  # noqa: E402
import keyword_baseline as kb  # noqa: E402

TEXT = "Um, I always wait for the sale, but the delivery cost put me off. Is the shop open?"
F = "en/x.txt"


def span(sub: str, kind: str, *, turn: int = 0, lang: str = "en") -> ev.Span:
    start = TEXT.index(sub)
    return ev.Span(file=F, turn=turn, start=start, end=start + len(sub), kind=kind, language=lang)


GOLD = [
    span("I always wait for the sale", "mindset"),
    span("but the delivery cost put me off.", "objection"),
]
TEXTS = {(F, 0): TEXT}


def test_trim_and_iou() -> None:
    assert ev.trim("  hello, ", 0, 9) == (2, 7)
    assert ev.iou((0, 10), (0, 10)) == 1.0
    assert ev.iou((0, 10), (5, 15)) == pytest.approx(5 / 15)
    assert ev.iou((0, 5), (5, 10)) == 0.0


def test_perfect_predictions_score_one() -> None:
    result = ev.score(GOLD, GOLD, TEXTS, languages=["en"])
    block = result["languages"]["en"]
    assert block["per_kind"]["mindset"]["f1"] == 1.0
    assert block["per_kind"]["objection"]["f1"] == 1.0
    # kinds with neither gold nor predictions are undefined and left out of macro-F1
    assert block["per_kind"]["goal"]["f1"] is None
    assert block["macro_f1"] == 1.0


def test_trimmed_boundaries_still_match() -> None:
    # no conjunction, no full stop, one extra comma: trimmed IoU is still >= 0.5
    preds = [
        span("I always wait for the sale,", "mindset"),
        span("the delivery cost put me off", "objection"),
    ]
    assert len(ev.match(GOLD, preds, TEXTS)) == 2


def test_whole_sentence_prediction_matches_at_most_one_clause() -> None:
    whole = span("I always wait for the sale, but the delivery cost put me off.", "objection")
    result = ev.score(GOLD, [whole], TEXTS, languages=["en"])["languages"]["en"]
    # covers the objection clause with IoU >= 0.5 -> TP; the mindset clause is missed
    assert result["per_kind"]["objection"]["tp"] == 1
    assert result["per_kind"]["mindset"]["fn"] == 1


def test_wrong_kind_is_fp_and_fn_but_span_hit() -> None:
    preds = [span("I always wait for the sale", "goal")]
    result = ev.score(GOLD, preds, TEXTS, languages=["en"])["languages"]["en"]
    assert result["per_kind"]["goal"]["fp"] == 1
    assert result["per_kind"]["mindset"]["fn"] == 1
    assert result["span"]["tp"] == 1
    conf = ev.confusion(GOLD, preds, TEXTS)
    assert conf["mindset"] == {"goal": 1}
    assert conf["objection"] == {"none": 1}


def test_other_turn_or_small_overlap_does_not_match() -> None:
    preds = [span("I always wait for the sale", "mindset", turn=1), span("the sale", "mindset")]
    assert ev.match(GOLD, preds, TEXTS) == []


def test_matching_is_one_to_one_and_fragments_are_neutral() -> None:
    # a second prediction inside an already matched gold span is a fragment: neither TP nor FP
    preds = [
        span("I always wait for the sale", "mindset"),
        span("always wait for the sale", "mindset"),
    ]
    result = ev.score(GOLD, preds, TEXTS, languages=["en"])["languages"]["en"]
    mindset = result["per_kind"]["mindset"]
    assert (mindset["tp"], mindset["fp"], mindset["fn"]) == (1, 0, 0)
    assert result["n_fragments"] == 1
    # ... but the same prediction with another kind is a false positive
    preds = [
        span("I always wait for the sale", "mindset"),
        span("always wait for the sale", "goal"),
    ]
    result = ev.score(GOLD, preds, TEXTS, languages=["en"])["languages"]["en"]
    assert result["per_kind"]["goal"]["fp"] == 1


def test_clause_fragment_of_long_gold_matches() -> None:
    text = "My old shoes have no grip left, so on the wet descents I'm sliding all over the place."
    texts = {(F, 0): text}
    gold = [ev.Span(F, 0, 0, len(text), "pain_point", "en")]
    first = text.index(", so")
    second = text.index("on the wet")
    preds = [
        ev.Span(F, 0, 0, first, "pain_point", "en"),
        ev.Span(F, 0, second, len(text), "pain_point", "en"),
    ]
    result = ev.score(gold, preds, texts, languages=["en"])["languages"]["en"]["per_kind"][
        "pain_point"
    ]
    assert (result["tp"], result["fp"], result["fn"]) == (1, 0, 0)
    # a short fragment (< 40% of the gold span) alone does not match
    tiny = [ev.Span(F, 0, text.index("wet"), text.index("wet") + 11, "pain_point", "en")]
    assert ev.match(gold, tiny, texts) == []


def test_missing_gold_counts_as_false_negative() -> None:
    result = ev.score(GOLD, GOLD, TEXTS, n_missing_gold={"en": {"goal": 2}}, languages=["en"])
    goal = result["languages"]["en"]["per_kind"]["goal"]
    assert (goal["tp"], goal["fn"], goal["f1"]) == (0, 2, 0.0)
    assert result["languages"]["en"]["n_gold"] == 4


def test_locate_gold_by_speaker_and_question() -> None:
    turns = {
        "s.csv": [
            {
                "index": 0,
                "speaker": "R1",
                "role": "respondent",
                "text": "shipping",
                "question": "Q1",
            },
            {
                "index": 1,
                "speaker": "R1",
                "role": "respondent",
                "text": "shipping",
                "question": "Q2",
            },
            {
                "index": 2,
                "speaker": "Interviewer",
                "role": "interviewer",
                "text": "price?",
                "question": None,
            },
        ]
    }
    gold = [
        {
            "file": "s.csv",
            "participant": "R1",
            "text": "shipping",
            "kind": "objection",
            "language": "en",
            "question": "Q2",
        },
        {
            "file": "s.csv",
            "participant": "R1",
            "text": "price",
            "kind": "objection",
            "language": "en",
        },
    ]
    located, missing = ev.locate_gold(gold, turns)
    assert [(s.turn, s.start, s.end) for s in located] == [(1, 0, 8)]
    assert missing == [gold[1]]  # never located inside an interviewer turn


def test_keyword_baseline_sentences_and_kinds() -> None:
    assert kb.sentences("Hi. I always wait for the sale!  Ok?") == [(0, 3), (4, 31), (33, 36)]
    assert kb.classify("I was worried about the delivery cost.", "en") == "objection"
    assert kb.classify("Is the shop open?", "en") is None
    assert kb.classify("Tôi thấy trên TikTok.", "vi") == "channel"
    preds = kb.predict([(F, 0, TEXT, "en")])
    assert all(TEXT[s:e] for _, _, s, e, _ in preds)
    assert not any(TEXT[s:e].endswith("?") for _, _, s, e, _ in preds)


def test_replace_section_keeps_other_sections() -> None:
    import bench_extraction as bench

    text = "# R\n\n## Ingestion\n\nx\n\n## Statement extraction\n\n_Not yet._\n\n## Themes\n\ny\n"
    out = bench.replace_section(text, "## Statement extraction\n\nnew\n")
    assert out == "# R\n\n## Ingestion\n\nx\n\n## Statement extraction\n\nnew\n\n## Themes\n\ny\n"
