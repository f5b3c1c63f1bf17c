"""Enrichment scoring: calibrated similarity thresholds and participant -> persona assignment.

Part of :mod:`persona_nlp.enrich` (how it works is described there): :class:`Thresholds`
calibrates every similarity threshold from the item x statement similarities of one run,
:func:`best_item_similarity` scores statements against each persona's items, and
:func:`assign_participants` assigns each participant to one existing persona or none.

Example:
    >>> import numpy as np
    >>> Thresholds.calibrate(np.eye(2, dtype=np.float32), np.eye(2, dtype=np.float32)).theme
    2.15
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..embed import Embedder
from ..kinds import KINDS
from ..schema import Theme

# Similarity thresholds are set per analysis, in standard deviations above the mean similarity
# of all (item, statement) pairs, so that they mean the same with any embedding model (the
# default MiniLM spreads similarities over 0-1, multilingual-e5 packs them into 0.75-1).
STATEMENT_MATCH_Z = 2.5
"""A statement is evidence for an item when their similarity is this many SDs above the mean."""
ABSTRACT_MATCH_Z = 2.0
"""The same for items of an abstract kind (:data:`ABSTRACT_ITEM_KINDS`): a character sketch is
paraphrased, not said, so it matches single statements less. On the three own persona studies,
2.2 (the earlier bar, for gist text only) left 11 supported items unsupported, 2.0 for gist and
mindset 7, with every planted item still flagged (none of the planted items is abstract)."""
ABSTRACT_ITEM_KINDS = frozenset({"gist", "mindset"})
"""Item kinds judged at :data:`ABSTRACT_MATCH_Z`: summaries/taglines and mindset/values items
("Thrifty", "Early adopter", "Her phone is her shop") describe a person rather than repeat what
they say; goals, pain points, objections and channels are said in so many words."""
THEME_MATCH_Z = 3.3
"""A theme (0.5 * centroid + 0.5 * its 3 closest statements) this close matches the item."""
KIND_PENALTY_Z = 0.4
"""Similarities between an item and statements/themes of another kind count this much less."""
ASSIGN_MIN_Z = 0.0
"""A participant whose best persona score is below the mean pair similarity is assigned to none."""
ASSIGN_MARGIN_Z = 0.15
"""... and so is one whose best persona beats the second by less than this, divided by the
square root of the statements behind the scores (the standard error of a mean): a one-answer
respondent needs a lead of 0.15 SD, an interviewee with 36 statements 0.025 SD."""
GROUP_PRIOR_STATEMENTS = 6.0
"""Weight, in statements, of a participant's built persona when scoring them against the
user's personas: a respondent with two answers is scored mostly by the persona the analysis put
them in, an interviewee with forty statements mostly by their own (empirical-Bayes shrinkage)."""
MIN_BASELINE_STD = 0.02
CONFIDENCE_SCALE = 0.58
"""Scale of the assignment confidence: a participant's probability of each persona is the
softmax of ``CONFIDENCE_SCALE * evidence * (score - best score) / baseline SD``, where
``evidence`` counts the statements behind the scores (their own plus the group prior's
:data:`GROUP_PRIOR_STATEMENTS`): each statement adds its own log-odds, as in naive Bayes. Fitted
by log-loss on the two own persona studies (``benchmarks/bench_enrich_confidence.py``)."""


@dataclass(frozen=True)
class Thresholds:
    """Similarity thresholds of one enrichment run (see :meth:`calibrate`)."""

    statement: float = 0.44
    abstract: float = 0.4
    theme: float = 0.55
    kind_penalty: float = 0.05
    assign_min: float = 0.12
    assign_margin: float = 0.02
    baseline_mean: float = 0.12
    baseline_std: float = 0.13

    @classmethod
    def calibrate(cls, items: np.ndarray, statements: np.ndarray) -> Thresholds:
        """Thresholds from the mean and SD of all item x statement similarities.

        Example:
            >>> Thresholds.calibrate(np.eye(2, dtype=np.float32), np.eye(2, dtype=np.float32)).statement
            1.75
        """
        if not len(items) or not len(statements):
            return cls()
        sims = items @ statements.T
        mean, std = float(sims.mean()), max(float(sims.std()), MIN_BASELINE_STD)
        return cls(
            statement=round(mean + STATEMENT_MATCH_Z * std, 4),
            abstract=round(mean + ABSTRACT_MATCH_Z * std, 4),
            theme=round(mean + THEME_MATCH_Z * std, 4),
            kind_penalty=round(KIND_PENALTY_Z * std, 4),
            assign_min=round(mean + ASSIGN_MIN_Z * std, 4),
            assign_margin=round(ASSIGN_MARGIN_Z * std, 4),
            baseline_mean=round(mean, 4),
            baseline_std=round(std, 4),
        )


ITEM_KIND_TO_STATEMENT_KIND: dict[str, str] = {name: name for name in KINDS}
"""Persona-file item kind -> the statement kind it is checked against (``gist`` has none)."""


@dataclass
class Assignment:
    """A participant's existing persona (index into the file's personas, its label) with a confidence."""

    participant_id: str
    persona_index: int | None
    persona: str | None
    confidence: float
    score: float
    scores: tuple[float, ...] = ()
    """The participant's score for every persona (after shrinkage), in file order."""
    evidence: float = 0.0
    """Statements behind the scores (the participant's own plus the group prior's weight)."""


def kind_penalty(item_kind: str, statement_kinds: np.ndarray, penalty: float) -> np.ndarray:
    target = ITEM_KIND_TO_STATEMENT_KIND.get(item_kind)
    if target is None:
        return np.zeros(len(statement_kinds))
    return np.where(statement_kinds == target, 0.0, penalty)


def best_item_similarity(
    vectors: np.ndarray,
    kinds: np.ndarray,
    persona_items: list[list[tuple[str, np.ndarray]]],
    thresholds: Thresholds,
) -> np.ndarray:
    """(statements, personas): each statement's best similarity to any item of each persona."""
    columns = []
    for items in persona_items:
        if not items or not len(vectors):
            columns.append(np.full(len(vectors), -1.0))
            continue
        sims = np.stack(
            [
                vectors @ vector - kind_penalty(kind, kinds, thresholds.kind_penalty)
                for kind, vector in items
            ],
            axis=1,
        )
        columns.append(sims.max(axis=1))
    return np.stack(columns, axis=1) if columns else np.zeros((len(vectors), 0))


def covered_by_items(
    vectors: np.ndarray,
    kinds: np.ndarray,
    items: list[tuple[str, np.ndarray]],
    thresholds: Thresholds,
) -> np.ndarray:
    """Statements a persona already mentions: close to one of its items of the statement's kind,
    or very close (theme threshold) to any of its items."""
    covered = np.zeros(len(vectors), dtype=bool)
    for kind, vector in items:
        sims = vectors @ vector
        same_kind = kinds == ITEM_KIND_TO_STATEMENT_KIND.get(kind, "")
        covered |= (same_kind & (sims >= thresholds.statement)) | (sims >= thresholds.theme)
    return covered


def assign_participants(
    participant_ids: list[str],
    statement_rows: dict[str, list[int]],
    best: np.ndarray,
    labels: list[str],
    thresholds: Thresholds,
    groups: dict[str, str] | None = None,
) -> list[Assignment]:
    """Score every participant against every persona (see the module docstring).

    ``groups``: participant -> the persona the analysis built for them. A participant's scores
    are then shrunk toward their group's mean scores with the weight of
    :data:`GROUP_PRIOR_STATEMENTS` statements: sparse respondents borrow the evidence of the
    people they were grouped with.
    """
    assignments = []
    group_scores: dict[str, np.ndarray] = {}
    if groups and best.shape[1]:
        members: dict[str, list[int]] = {}
        for pid, group in groups.items():
            members.setdefault(group, []).extend(statement_rows.get(pid, []))
        group_scores = {g: best[rows].mean(axis=0) for g, rows in members.items() if rows}
    for pid in participant_ids:
        rows = statement_rows.get(pid, [])
        if not rows or best.shape[1] == 0:
            assignments.append(Assignment(pid, None, None, 0.0, 0.0))
            continue
        scores = best[rows].mean(axis=0)
        prior = group_scores.get((groups or {}).get(pid, ""))
        if prior is not None:
            scores = (len(rows) * scores + GROUP_PRIOR_STATEMENTS * prior) / (
                len(rows) + GROUP_PRIOR_STATEMENTS
            )
        order = np.argsort(-scores, kind="stable")
        index = int(order[0])
        margin = float(scores[index] - scores[order[1]]) if len(order) > 1 else float(scores[index])
        weight = len(rows) + (GROUP_PRIOR_STATEMENTS if prior is not None else 0.0)
        all_scores = tuple(round(float(x), 4) for x in scores)
        # the lead must exceed the margin at one statement's worth of evidence; a mean over
        # n statements is sqrt(n) times surer (standard error), so more evidence needs less
        needed = thresholds.assign_margin / math.sqrt(max(weight, 1.0))
        if scores[index] < thresholds.assign_min or margin < needed:
            assignments.append(
                Assignment(pid, None, None, 0.0, round(float(scores[index]), 4), all_scores, weight)
            )
            continue
        confidence = float(assignment_probabilities(scores, weight, thresholds)[index])
        assignments.append(
            Assignment(
                pid,
                index,
                labels[index],
                round(confidence, 4),
                round(float(scores[index]), 4),
                all_scores,
                weight,
            )
        )
    return assignments


def assignment_probabilities(
    scores: np.ndarray, evidence: float, thresholds: Thresholds
) -> np.ndarray:
    """A participant's probability of each persona (see :data:`CONFIDENCE_SCALE`).

    Example:
        >>> assignment_probabilities(np.array([0.5, 0.3]), 1.0, Thresholds(baseline_std=0.1)).round(2)
        array([0.76, 0.24])
    """
    scores = np.asarray(scores, dtype=np.float64)
    z = (
        CONFIDENCE_SCALE
        * evidence
        * (scores - scores.max())
        / max(thresholds.baseline_std, MIN_BASELINE_STD)
    )
    weights = np.exp(z)
    return weights / weights.sum()


def theme_vectors(
    themes: list[Theme], statement_index: dict[str, int], vectors: np.ndarray, embedder: Embedder
) -> np.ndarray:
    centroids = np.zeros((len(themes), vectors.shape[1] if len(vectors) else 0), dtype=np.float32)
    missing = []
    for j, theme in enumerate(themes):
        rows = [statement_index[s] for s in theme.statement_ids if s in statement_index]
        if rows:
            centroid = vectors[rows].mean(axis=0)
            centroids[j] = centroid / max(float(np.linalg.norm(centroid)), 1e-12)
        else:
            missing.append(j)
    if missing:
        encoded = embedder.encode(
            [" ".join([themes[j].label, *themes[j].keywords]) for j in missing]
        )
        if centroids.shape[1] == 0:
            centroids = np.zeros((len(themes), encoded.shape[1]), dtype=np.float32)
        centroids[missing] = encoded
    return centroids


__all__ = [
    "ABSTRACT_ITEM_KINDS",
    "ABSTRACT_MATCH_Z",
    "ASSIGN_MARGIN_Z",
    "ASSIGN_MIN_Z",
    "CONFIDENCE_SCALE",
    "GROUP_PRIOR_STATEMENTS",
    "ITEM_KIND_TO_STATEMENT_KIND",
    "KIND_PENALTY_Z",
    "STATEMENT_MATCH_Z",
    "THEME_MATCH_Z",
    "Assignment",
    "Thresholds",
    "assign_participants",
    "assignment_probabilities",
    "best_item_similarity",
    "covered_by_items",
    "kind_penalty",
    "theme_vectors",
]
