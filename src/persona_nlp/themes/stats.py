"""Small statistics: the Wilson score interval and participant prevalence.

Prevalence counts distinct participants, never sentences: one talkative participant who mentions
shipping ten times counts once.

Example:
    >>> prevalence(["p1", "p2", "p2"], total=10).participants
    2
    >>> [round(x, 3) for x in wilson_interval(2, 10)]
    [0.057, 0.51]
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from ..schema import Prevalence


def wilson_interval(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval for a binomial proportion ``k / n``.

    Better than the normal ("Wald") interval for the small samples of qualitative research: it
    stays inside ``[0, 1]`` and is not degenerate at ``k = 0`` or ``k = n``.

    Args:
        k: Successes (e.g. participants mentioning a theme), ``0 <= k <= n``.
        n: Trials (participants in the base). ``n = 0`` gives ``(0.0, 1.0)``: nothing is known.
        z: Normal quantile; 1.96 for a 95% interval.

    Returns:
        ``(low, high)``.

    Raises:
        ValueError: if ``k`` or ``n`` is negative or ``k > n``.

    Example:
        >>> [round(x, 3) for x in wilson_interval(0, 8)]
        [0.0, 0.324]
    """
    if n < 0 or k < 0 or k > n:
        raise ValueError(f"wilson_interval needs 0 <= k <= n, got k={k}, n={n}")
    if n == 0:
        return 0.0, 1.0
    share = k / n
    denominator = 1.0 + z * z / n
    centre = (share + z * z / (2 * n)) / denominator
    half = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n)) / denominator
    # clamp rounding noise at the ends, where the interval touches 0 or 1 exactly
    return max(0.0, centre - half) if k else 0.0, min(1.0, centre + half) if k < n else 1.0


def prevalence(participants: Iterable[str] | int, total: int, *, z: float = 1.96) -> Prevalence:
    """Share of a base of ``total`` participants that mention something, with a Wilson interval.

    Args:
        participants: The participant ids that mention it (duplicates count once), or their count.
        total: Participants in the base (everyone, or everyone in a segment).
        z: Normal quantile of the interval (1.96: 95%).

    Example:
        >>> p = prevalence(["p01", "p03", "p01"], total=8)
        >>> (p.participants, p.total, p.share)
        (2, 8, 0.25)
    """
    count = participants if isinstance(participants, int) else len(set(participants))
    if count > total:
        raise ValueError(
            f"prevalence: {count} participants mention it but the base has only {total}"
        )
    low, high = wilson_interval(count, total, z)
    return Prevalence(
        participants=count,
        total=total,
        share=count / total if total else 0.0,
        ci_low=low,
        ci_high=high,
    )


__all__ = ["prevalence", "wilson_interval"]
