"""Quote selection: central, diverse, one per participant, readable length."""

from __future__ import annotations

import numpy as np
import pytest

from persona_nlp.themes.quotes import select_quotes


def _unit(rows):
    vectors = np.asarray(rows, dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


CENTRE = np.array([1.0, 0.0, 0.0])


def test_typical_first_then_diverse():
    vectors = _unit([[1, 0, 0], [0.98, 0.2, 0], [0.97, 0.21, 0.01], [0.9, 0, 0.45]])
    picks = select_quotes(vectors, CENTRE, ["a", "b", "c", "d"], [10] * 4, k=3)
    # rows 1 and 2 say nearly the same thing: the densest neighbourhood comes first
    assert picks[0] in (1, 2)
    # ... and its near repeat comes last, after the rows that add something
    assert picks[1:] == [0, 3] or picks[1:] == [3, 0]


def test_quotes_show_the_majority_of_a_mixed_theme_not_the_point_between():
    rng = np.random.default_rng(0)
    majority = np.array([1.0, 0.0, 0.0]) + rng.normal(0, 0.03, (6, 3))
    minority = np.array([0.3, 0.95, 0.0]) + rng.normal(0, 0.03, (4, 3))
    between = np.array([[0.75, 0.66, 0.0]])  # nearest the centroid, typical of neither
    vectors = _unit(np.vstack([between, majority, minority]))
    centroid = vectors.mean(axis=0)
    assert int(np.argmax(vectors @ centroid)) == 0
    ids = [f"p{i}" for i in range(len(vectors))]
    picks = select_quotes(vectors, centroid, ids, [10] * len(vectors), k=1)
    assert 1 <= picks[0] <= 6


def test_one_quote_per_participant():
    vectors = _unit([[1, 0, 0], [0.99, 0.1, 0], [0.5, 0.5, 0.5]])
    picks = select_quotes(vectors, CENTRE, ["p1", "p1", "p2"], [10] * 3, k=3)
    assert picks == [0, 2]


def test_readable_length_preferred():
    vectors = _unit([[1, 0, 0], [0.9, 0.3, 0], [0.8, 0, 0.6]])
    picks = select_quotes(vectors, CENTRE, ["a", "b", "c"], [2, 12, 80], k=3)
    assert picks[0] == 1  # the only 6-40 word candidate comes first
    assert sorted(picks) == [0, 1, 2]  # the others still serve when nothing readable is left


def test_identical_texts_are_not_quoted_twice():
    vectors = _unit([[1, 0, 0], [1, 0, 0], [0.7, 0.7, 0]])
    assert select_quotes(vectors, CENTRE, ["a", "b", "c"], [8, 8, 8], k=3) == [0, 2]


def test_empty_and_zero():
    assert select_quotes(np.zeros((0, 3)), CENTRE, [], [], k=3) == []
    assert select_quotes(_unit([[1, 0, 0]]), CENTRE, ["a"], [8], k=0) == []


def test_mismatched_lengths_raise():
    with pytest.raises(ValueError, match="participant ids"):
        select_quotes(_unit([[1, 0, 0]]), CENTRE, ["a", "b"], [8], k=1)


def test_core_statements_are_quoted_first():
    # row 0 is the most central but only joined the theme as a reassigned outlier
    vectors = _unit([[1, 0, 0], [0.9, 0.3, 0], [0.8, 0, 0.6]])
    picks = select_quotes(vectors, CENTRE, ["a", "b", "c"], [10] * 3, k=3, core=[0, 1, 1])
    assert picks == [1, 2, 0]
    # a core statement of unreadable length still comes before a readable borderline one
    assert select_quotes(vectors, CENTRE, ["a", "b", "c"], [10, 3, 3], k=1, core=[0, 1, 1]) == [1]


def test_core_flags_must_match_rows():
    with pytest.raises(ValueError, match="core flags"):
        select_quotes(_unit([[1, 0, 0]]), CENTRE, ["a"], [8], k=1, core=[True, False])
