"""Wilson interval and participant prevalence."""

from __future__ import annotations

import pytest

from persona_nlp.themes.stats import prevalence, wilson_interval


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        (2, 10, 0.0567, 0.5098),  # textbook values
        (5, 10, 0.2366, 0.7634),
        (0, 8, 0.0, 0.3244),
        (8, 8, 0.6756, 1.0),
        (30, 100, 0.2189, 0.3958),
    ],
)
def test_wilson_interval_known_values(k, n, low, high):
    got_low, got_high = wilson_interval(k, n)
    assert got_low == pytest.approx(low, abs=1e-4) and got_high == pytest.approx(high, abs=1e-4)


def test_wilson_interval_edges_and_width():
    assert wilson_interval(0, 0) == (0.0, 1.0)
    assert wilson_interval(0, 5)[0] == 0.0 and wilson_interval(5, 5)[1] == 1.0
    narrow, wide = wilson_interval(50, 100), wilson_interval(5, 10)
    assert narrow[1] - narrow[0] < wide[1] - wide[0]
    low90, high90 = wilson_interval(5, 10, z=1.645)
    assert wide[0] < low90 < high90 < wide[1]


@pytest.mark.parametrize(("k", "n"), [(-1, 5), (6, 5), (0, -1)])
def test_wilson_interval_rejects_impossible_counts(k, n):
    with pytest.raises(ValueError, match="0 <= k <= n"):
        wilson_interval(k, n)


def test_prevalence_counts_distinct_participants():
    result = prevalence(["p1", "p2", "p2", "p2", "p3"], total=12)
    assert (result.participants, result.total) == (3, 12)
    assert result.share == pytest.approx(0.25)
    assert (result.ci_low, result.ci_high) == pytest.approx(wilson_interval(3, 12))
    assert prevalence(3, total=12) == result


def test_prevalence_rejects_more_participants_than_base():
    with pytest.raises(ValueError, match="base has only 1"):
        prevalence(["a", "b"], total=1)
    assert prevalence([], total=0).share == 0.0
