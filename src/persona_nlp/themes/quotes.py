"""Representative quote selection: central yet diverse, one per participant (pure numpy).

Maximal marginal relevance (MMR) over the theme's **typical** statements: each pick maximises
``lambda * typicality(candidate) - (1 - lambda) * max similarity(candidate, picked)``, where a
candidate's typicality is its mean similarity to its nearest quarter of the theme's members
(:data:`TYPICAL_SHARE`, local density) rather than its similarity to the centroid. In a theme
that mixes two sub-groups (a density cluster that took in a neighbouring idea) the centroid lies
between them, and the statements closest to it are often the minority's; the densest
neighbourhood is the majority's, so that is what the quotes show.
When the caller marks the theme's **core** (the statements the density step itself grouped,
see :class:`~persona_nlp.themes.clustering.Clustering`), core statements come before those that
only joined the theme as near outliers: the latter are, by construction, the borderline members
and the likeliest to be about something else. Within each, candidates of readable length (6-40
words by default) come before the others; a participant who already gave a quote gives no second
one; a near-identical repeat of a picked quote is skipped.

The function returns row indices, so it knows nothing about statements; ``themes`` turns the rows
into :class:`~persona_nlp.schema.Quote` objects with :func:`quote_of`.

Example:
    >>> import numpy as np
    >>> vectors = np.array([[1, 0], [0.9, 0.44], [0.8, 0.6], [0, 1]], dtype=np.float32)
    >>> select_quotes(vectors, np.array([1.0, 0.0]), ["a", "a", "b", "c"], [8, 8, 8, 8], k=2)
    [1, 2]
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from ..errors import InputError
from ..schema import Quote, Statement

DIVERSITY = 0.3
"""Weight of novelty against centrality (``1 - lambda`` in MMR)."""

MIN_WORDS = 6
"""Shorter quotes are used only when no readable one is left."""

MAX_WORDS = 40
"""Longer quotes are used only when no readable one is left."""

DUPLICATE_SIMILARITY = 0.999
"""A candidate this similar to a picked quote is a repeat and is never picked."""

TYPICAL_SHARE = 0.25
"""Typicality is the mean similarity to this share of the theme's members, the most similar
ones. Chosen on the three own persona studies among 0.1, 0.25 and 0.5 (mean quote agreement with
the theme's majority gold theme 0.843, 0.854, 0.839 in a first version; 0.842 with similarity to
the centroid; see docs/themes.md, Quotes)."""

TYPICAL_CANDIDATES = 200
"""Only this many candidates, the most similar to the centroid, are scored for typicality (the
rest rank after them): bounds the cost on themes of tens of thousands of statements."""

TYPICAL_REFERENCE = 500
"""Typicality is measured against at most this many members (every n-th in row order)."""


def quote_of(statement: Statement) -> Quote:
    """The verbatim :class:`~persona_nlp.schema.Quote` of a respondent statement, with provenance.

    Raises:
        InputError: The statement is not a respondent's (interviewer text is never quoted).

    Example:
        >>> from persona_nlp.schema import Statement
        >>> s = Statement(id="p1:0:0-5", document_id="p1", participant_id="p1", turn_index=0,
        ...               text="Hello", start_char=0, end_char=5, kind="goal", confidence=0.9)
        >>> quote_of(s).text
        'Hello'
    """
    if statement.role != "respondent":
        raise InputError(f"statement {statement.id!r} is not a respondent's and cannot be quoted")
    return Quote(
        statement_id=statement.id,
        participant_id=statement.participant_id,
        document_id=statement.document_id,
        turn_index=statement.turn_index,
        speaker=statement.speaker,
        text=statement.text,
        timestamp=statement.timestamp,
        line=statement.line,
    )


def select_quotes(
    vectors: np.ndarray,
    centroid: np.ndarray,
    participant_ids: Sequence[str],
    word_counts: Sequence[int],
    k: int = 3,
    *,
    diversity: float = DIVERSITY,
    min_words: int = MIN_WORDS,
    max_words: int = MAX_WORDS,
    core: Sequence[bool] | None = None,
) -> list[int]:
    """Pick up to ``k`` rows that represent a cluster: central, diverse, distinct participants.

    Args:
        vectors: ``(n, dim)`` unit embeddings of the candidates.
        centroid: The cluster centroid (normalised here).
        participant_ids: Who said each candidate; at most one pick per participant.
        word_counts: Words in each candidate; ``min_words..max_words`` is preferred.
        k: Most rows to return.
        diversity: 0 picks the most central rows; larger values favour rows unlike those picked.
        min_words: Readable length, lower bound.
        max_words: Readable length, upper bound.
        core: Per candidate, whether it is in the theme's dense core; core candidates come
            first (``None``: all are alike).

    Returns:
        Row indices in pick order (most representative first). Ties go to the lower index, so the
        caller's row order (sorted ids) makes the result deterministic.

    Example:
        >>> import numpy as np
        >>> select_quotes(np.eye(2, dtype=np.float32), np.ones(2), ["p1", "p1"], [7, 7], k=3)
        [0]
        >>> select_quotes(np.eye(2, dtype=np.float32), np.ones(2), ["a", "b"], [7, 7], k=1,
        ...               core=[False, True])
        [1]
    """
    n = len(vectors)
    if len(participant_ids) != n or len(word_counts) != n or (core is not None and len(core) != n):
        raise ValueError(
            f"select_quotes: {n} vectors but {len(participant_ids)} participant ids, "
            f"{len(word_counts)} word counts and {'no' if core is None else len(core)} core flags"
        )
    if n == 0 or k <= 0:
        return []
    vectors = np.asarray(vectors, dtype=np.float64)
    centre = np.asarray(centroid, dtype=np.float64)
    norm = np.linalg.norm(centre)
    relevance = _typicality(vectors, vectors @ (centre / norm if norm else centre))
    counts = np.asarray(word_counts)
    # MMR scores lie within [-1, 1]: core candidates outrank every other one, then readable ones
    readable_bonus = np.where((counts >= min_words) & (counts <= max_words), 4.0, 0.0)
    if core is not None:
        readable_bonus += np.where(np.asarray(core, dtype=bool), 8.0, 0.0)
    available = np.ones(n, dtype=bool)
    redundancy = np.full(n, -1.0)
    picked: list[int] = []
    while len(picked) < k and available.any():
        novelty = redundancy if picked else np.zeros(n)
        score = readable_bonus + (1.0 - diversity) * relevance - diversity * novelty
        score[~available] = -np.inf
        best = int(np.argmax(score))
        picked.append(best)
        speaker = participant_ids[best]
        available &= np.array([pid != speaker for pid in participant_ids])
        similarity = vectors @ vectors[best]
        available &= similarity < DUPLICATE_SIMILARITY
        redundancy = np.maximum(redundancy, similarity)
    return picked


def _typicality(vectors: np.ndarray, centrality: np.ndarray) -> np.ndarray:
    """Each row's mean similarity to its :data:`TYPICAL_SHARE` most similar other rows.

    Rows beyond the :data:`TYPICAL_CANDIDATES` most central get their centrality minus 2 (they
    rank after every scored candidate and keep their order). Deterministic: the reference rows
    are every n-th row, the candidates the most central (ties to the lower index).

    Example:
        >>> v = np.array([[1.0, 0.0], [0.99, 0.14], [0.98, 0.2], [0.6, 0.8], [0.5, 0.87]])
        >>> t = _typicality(v, v @ np.array([0.9, 0.44]))
        >>> int(np.argmax(t))  # the densest of the three alike, not the row nearest the centre
        1
    """
    n = len(vectors)
    if n < 3:
        return centrality
    out = centrality - 2.0
    candidates = np.argsort(-centrality, kind="stable")[:TYPICAL_CANDIDATES]
    step = max(1, math.ceil(n / TYPICAL_REFERENCE))
    reference = np.arange(0, n, step)
    neighbours = max(1, min(len(reference) - 1, round(TYPICAL_SHARE * (n - 1) / step)))
    # float32: a 50,000-answer study has some 250 themes, each costs candidates x reference
    similarity = (
        np.asarray(vectors[candidates], dtype=np.float32)
        @ np.asarray(vectors[reference], dtype=np.float32).T
    )
    # a candidate is not its own neighbour
    similarity[candidates[:, None] == reference[None, :]] = -np.inf
    top = -np.partition(-similarity, neighbours - 1, axis=1)[:, :neighbours]
    out[candidates] = top.mean(axis=1, dtype=np.float64)
    return out


__all__ = ["quote_of", "select_quotes"]
