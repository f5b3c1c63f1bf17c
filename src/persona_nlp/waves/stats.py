"""Statistics of the change report: Fisher's exact test and Holm's correction.

A theme's prevalence in two waves is a 2 x 2 table of participants (mentioned it or not, in
wave A or wave B). Qualitative waves are small (tens of participants) and shares near 0 or 1
are common, where the two-proportion z-test's normal approximation is poor; Fisher's exact
test has no such condition, so the change report uses it (two-sided). Testing every theme at
once would flag some change by chance alone, so the p-values of one comparison of two waves
are adjusted with Holm's step-down method, which controls the family-wise error rate without
assuming the tests are independent. Confidence intervals of each wave's share are Wilson
intervals (:func:`persona_nlp.themes.stats.wilson_interval`).

Example:
    >>> round(fisher_exact(3, 10, 9, 10), 4)
    0.0198
    >>> holm([0.01, 0.04, 0.03])
    [0.03, 0.06, 0.06]
"""

from __future__ import annotations

import math
from collections.abc import Sequence

RELATIVE_TOLERANCE = 1e-7
"""Tables whose probability is within this relative distance of the observed one count as
"as extreme" (the floating-point guard R's ``fisher.test`` and SciPy use)."""


def _log_choose(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def fisher_exact(k1: int, n1: int, k2: int, n2: int) -> float:
    """Two-sided p-value of Fisher's exact test that ``k1 / n1`` and ``k2 / n2`` are equal.

    The table is ``[[k1, n1 - k1], [k2, n2 - k2]]``; the p-value is the probability, given its
    margins, of a table at most as probable as the observed one (the usual two-sided
    definition, as in R's ``fisher.test`` and ``scipy.stats.fisher_exact``).

    Args:
        k1: Participants mentioning the theme in the first wave.
        n1: Participants in the first wave.
        k2: Participants mentioning the theme in the second wave.
        n2: Participants in the second wave.

    Returns:
        The p-value (1.0 when a wave has no participants or nobody or everybody mentions it).

    Raises:
        ValueError: if a count is negative or larger than its base.

    Example:
        >>> round(fisher_exact(1, 4, 3, 4), 4)
        0.4857
        >>> fisher_exact(0, 10, 0, 12)
        1.0
    """
    if min(k1, n1, k2, n2) < 0 or k1 > n1 or k2 > n2:
        raise ValueError(f"fisher_exact needs 0 <= k <= n, got {k1}/{n1} and {k2}/{n2}")
    total = n1 + n2
    mentioned = k1 + k2
    if n1 == 0 or n2 == 0 or mentioned == 0 or mentioned == total:
        return 1.0
    low, high = max(0, mentioned - n2), min(n1, mentioned)
    log_all = _log_choose(total, mentioned)

    def log_probability(x: int) -> float:
        return _log_choose(n1, x) + _log_choose(n2, mentioned - x) - log_all

    observed = log_probability(k1)
    limit = observed + math.log1p(RELATIVE_TOLERANCE)
    p_value = sum(
        math.exp(value)
        for value in (log_probability(x) for x in range(low, high + 1))
        if value <= limit
    )
    return min(1.0, p_value)


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm-adjusted p-values (step-down Bonferroni), in the input order.

    The ``i``-th smallest of ``m`` p-values is multiplied by ``m - i + 1`` (``i`` from 1), the
    results are made non-decreasing in that order and capped at 1; a test is significant at
    level ``alpha`` when its adjusted p-value is below ``alpha``. Ties keep their input order.

    Example:
        >>> holm([0.04, 0.001, 0.02, 0.5])
        [0.08, 0.004, 0.06, 0.5]
        >>> holm([])
        []
    """
    m = len(p_values)
    order = sorted(range(m), key=lambda i: (p_values[i], i))
    adjusted = [0.0] * m
    running = 0.0
    for rank, index in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[index]))
        adjusted[index] = running
    return [round(value, 12) for value in adjusted]


__all__ = ["RELATIVE_TOLERANCE", "fisher_exact", "holm"]
