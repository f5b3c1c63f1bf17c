"""The change report's statistics on hand-made numbers: Wilson intervals, Fisher, Holm."""

from __future__ import annotations

import math

import pytest

from persona_nlp.themes.stats import wilson_interval
from persona_nlp.waves.stats import fisher_exact, holm


def _wilson_by_hand(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return centre - half, centre + half


@pytest.mark.parametrize(("k", "n"), [(4, 40), (28, 40), (14, 40), (1, 12)])
def test_wilson_interval_matches_the_formula(k, n):
    low, high = wilson_interval(k, n)
    expected = _wilson_by_hand(k, n)
    assert low == pytest.approx(expected[0], abs=1e-12)
    assert high == pytest.approx(expected[1], abs=1e-12)


def test_wilson_interval_known_values():
    # 28 of 40 (70%): the 95% interval is 54.6%-82.0% (textbook Wilson score interval)
    low, high = wilson_interval(28, 40)
    assert (round(low, 3), round(high, 3)) == (0.546, 0.819)
    assert wilson_interval(0, 40)[0] == 0.0 and wilson_interval(40, 40)[1] == 1.0


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # Fisher's tea-tasting table [[3, 1], [1, 3]]: two-sided p = 34/70
        ((3, 4, 1, 4), 34 / 70),
        # [[1, 9], [11, 3]]: the classic textbook example, p = 0.002759
        ((1, 10, 11, 14), 0.0027594561852200836),
        # 3 of 10 vs 9 of 10
        ((3, 10, 9, 10), 0.019766611097880443),
        # a theme that vanishes: 14 of 40, then 0 of 40
        ((14, 40, 0, 40), 3.077531480150559e-05),
        # nothing to test
        ((0, 40, 0, 38), 1.0),
        ((5, 5, 7, 7), 1.0),
    ],
)
def test_fisher_exact_hand_tables(table, expected):
    assert fisher_exact(*table) == pytest.approx(expected, rel=1e-6)


def test_fisher_exact_is_symmetric_in_the_waves():
    assert fisher_exact(4, 40, 28, 40) == pytest.approx(fisher_exact(28, 40, 4, 40))


def test_fisher_exact_refuses_impossible_counts():
    with pytest.raises(ValueError, match="0 <= k <= n"):
        fisher_exact(5, 4, 1, 4)


def test_holm_by_hand():
    # sorted: 0.001*4, 0.02*3, 0.04*2 (then made monotone), 0.5*1
    assert holm([0.04, 0.001, 0.02, 0.5]) == [0.08, 0.004, 0.06, 0.5]
    # capped at 1 and monotone: 0.3*3 = 0.9, max(0.9, 0.4*2) = 0.9, max(0.9, 0.6) = 0.9
    assert holm([0.3, 0.4, 0.6]) == [0.9, 0.9, 0.9]
    assert holm([0.6, 0.9]) == [1.0, 1.0]
    assert holm([]) == []


def test_holm_keeps_a_strong_effect_significant_among_many_themes():
    p_values = [3.1e-5] + [0.5] * 40
    adjusted = holm(p_values)
    assert adjusted[0] == pytest.approx(41 * 3.1e-5)
    assert adjusted[0] < 0.05 and all(a == 1.0 or a >= 0.5 for a in adjusted[1:])
