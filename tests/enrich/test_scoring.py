"""Unit tests of the enrichment's assignment confidence (tiny hand-made scores)."""

from __future__ import annotations

import numpy as np

from persona_nlp.enrich.scoring import Thresholds, assign_participants, assignment_probabilities


def test_probabilities_sum_to_one_and_ties_are_uniform():
    thresholds = Thresholds(baseline_std=0.1)
    tied = assignment_probabilities(np.array([0.4, 0.4, 0.4]), 5.0, thresholds)
    assert np.allclose(tied, 1 / 3)
    skewed = assignment_probabilities(np.array([0.5, 0.3, 0.1]), 2.0, thresholds)
    assert np.isclose(skewed.sum(), 1.0) and skewed.argmax() == 0


def test_more_statements_behind_the_same_lead_mean_more_confidence():
    thresholds = Thresholds(baseline_std=0.1)
    scores = np.array([0.45, 0.40])
    one, forty = (assignment_probabilities(scores, n, thresholds)[0] for n in (1.0, 40.0))
    assert 0.5 < one < 0.7 < 0.99 < forty


def test_an_interviewee_is_surer_than_a_one_answer_respondent_with_the_same_lead():
    thresholds = Thresholds(assign_min=0.0, assign_margin=0.0, baseline_std=0.1)
    best = np.array([[0.5, 0.4]] * 41)  # every statement leans to persona 0 by 1 SD
    rows = {"interviewee": list(range(40)), "respondent": [40]}
    result = {
        a.participant_id: a
        for a in assign_participants(
            ["interviewee", "respondent"], rows, best, ["A", "B"], thresholds
        )
    }
    assert result["interviewee"].persona == result["respondent"].persona == "A"
    assert result["respondent"].confidence < 0.7 < 0.99 < result["interviewee"].confidence
    assert result["interviewee"].scores == (0.5, 0.4) and result["interviewee"].evidence == 40


def test_the_margin_needed_shrinks_with_the_evidence():
    """A lead of 0.05 SD: too small for one answer, enough for 36 statements (0.15 / 6 = 0.025)."""
    thresholds = Thresholds(assign_min=0.0, assign_margin=0.15, baseline_std=1.0)
    best = np.array([[0.55, 0.50]] * 37)
    rows = {"interviewee": list(range(36)), "respondent": [36]}
    result = {
        a.participant_id: a.persona
        for a in assign_participants(
            ["interviewee", "respondent"], rows, best, ["A", "B"], thresholds
        )
    }
    assert result == {"interviewee": "A", "respondent": None}
