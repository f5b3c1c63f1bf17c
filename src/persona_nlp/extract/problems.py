"""The problem behind a goal: a pain point stated inside a goal statement.

Customers explain what they want by what went wrong: "I wanted a new kettle, the old one leaks
all over the counter", "Vervang de router, de oude viel elke avond uit", "ganti HP karena baterainya
cepat habis". Segmentation keeps such a sentence whole (one statement, typed by its want), so the
problem that triggered the purchase would be lost to the pain point themes. :func:`problem_clauses`
cuts each goal statement into clauses (:func:`~persona_nlp.extract.segment.clause_pieces`), and a
clause that names a problem (a ``problem`` cue of its language) and that the classifier, reading
the clause alone with the statement's question context, types as a pain point at or above the
threshold becomes a second statement of its own: the goal keeps its span, the pain point gets the
clause's.

Example:
    >>> from persona_nlp.extract import KeywordClassifier
    >>> from persona_nlp.extract.base import Candidate
    >>> text = "Replace my kettle, the old one leaks badly"
    >>> found = problem_clauses([(text, 0, len(text), Candidate(text, "en"))],
    ...                         KeywordClassifier(), None, 0.3)
    >>> [text[a:b] for _, a, b, _, _ in found]
    ['the old one leaks badly']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from .base import Candidate, StatementClassifier, classify
from .cues import cue_features
from .segment import _word_count, clause_pieces

MIN_PIECE_WORDS = 2
"""A clause of fewer words ("lakk", "sadly") is not read on its own."""


def problem_clauses(
    parents: Sequence[tuple[str, int, int, Candidate]],
    classifier: StatementClassifier,
    embedder: Any,
    threshold: float,
) -> list[tuple[int, int, int, float, list[str]]]:
    """Pain point clauses inside goal statements.

    Args:
        parents: One ``(turn text, start, end, candidate)`` per goal statement: the statement's
            span in its turn and the candidate it was classified as (language, question context).
        classifier: The fitted classifier that typed the statements.
        embedder: The embedder it was fitted with (``None`` for one that uses no embeddings).
        threshold: The extractor's confidence threshold.

    Returns:
        ``(parent index, start, end, confidence, cues)`` per pain point clause found, in the
        order of ``parents`` and then of the clauses.
    """
    pieces: list[tuple[int, int, int, Candidate]] = []
    for number, (text, start, end, candidate) in enumerate(parents):
        cut = clause_pieces(text, start, end, candidate.language)
        if len(cut) < 2:
            continue
        for a, b in cut:
            piece = text[a:b]
            if _word_count(piece) < MIN_PIECE_WORDS:
                continue
            pieces.append((number, a, b, replace(candidate, text=piece, question=False)))
    if not pieces:
        return []
    features, names, _ = cue_features([p[3].text for p in pieces], [p[3].language for p in pieces])
    problem = names.index("problem")
    pieces = [p for p, row in zip(pieces, features, strict=True) if row[problem] > 0]
    if not pieces:
        return []
    prediction = classify(classifier, embedder, [p[3] for p in pieces])
    labels = list(prediction.labels)
    if "pain_point" not in labels:
        return []
    column = labels.index("pain_point")
    found: list[tuple[int, int, int, float, list[str]]] = []
    for row, (number, a, b, _) in enumerate(pieces):
        proba = prediction.proba[row]
        if int(np.argmax(proba)) == column and float(proba[column]) >= threshold:
            cues = list(prediction.cues[row]) if row < len(prediction.cues) else []
            found.append((number, a, b, float(proba[column]), cues))
    return found


__all__ = ["MIN_PIECE_WORDS", "problem_clauses"]
