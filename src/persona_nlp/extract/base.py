"""Shared classifier types: :class:`Candidate`, :class:`Prediction`, :class:`StatementClassifier`.

Also the keyword rules both shipped classifiers add to their scores (cue category weights per
kind, the question-context bias) and the softmax they share. The classifiers themselves live in
:mod:`.classifier` (:class:`~.classifier.EmbeddingCueClassifier`, the default) and
:mod:`.keyword` (:class:`~.keyword.KeywordClassifier`); :mod:`.classifier` re-exports these
types.

Example:
    >>> p = Prediction(LABELS, _softmax(np.zeros((1, len(LABELS)))))
    >>> round(float(p.proba.sum()), 6), Candidate("Google", "en").survey
    (1.0, False)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np

from ..embed import Embedder
from .cues import FEATURE_NAMES
from .examples import LABELS, Example

NONE_INDEX = LABELS.index("none")


@dataclass(frozen=True)
class Candidate:
    """A segment to classify, with what the classifier may use besides its text.

    Attributes:
        text: The segment text.
        language: ISO 639-1 code, or ``None``.
        context: The question the segment answers (survey question or header, or the previous
            interviewer turn), if any.
        context_kind: The statement kind that question asks for (from cue tables or the
            user's column kinds), if known.
        survey: Whether the segment is (part of) a survey answer.
        question: Whether the segment is itself a question.
        declared: Whether ``context_kind`` was declared by the user (``column_kinds``) rather
            than read from the question text; a declared kind gets no sibling support.

    Example:
        >>> Candidate("Google", "en", "How did you hear about us?", "channel", survey=True).survey
        True
    """

    text: str
    language: str | None = None
    context: str | None = None
    context_kind: str | None = None
    survey: bool = False
    question: bool = False
    declared: bool = False


@dataclass
class Prediction:
    """Classifier output for a batch of candidates.

    Attributes:
        labels: Column labels of ``proba`` (:data:`~.examples.LABELS`).
        proba: ``(n, len(labels))`` calibrated class probabilities; rows sum to 1.
        cues: Per candidate, human-readable evidence (``habit:always``, ``exemplar:...``).

    Example:
        >>> Prediction(LABELS, np.full((1, len(LABELS)), 1 / len(LABELS))).proba.shape
        (1, 6)
    """

    labels: tuple[str, ...]
    proba: np.ndarray
    cues: list[list[str]] = field(default_factory=list)


@runtime_checkable
class StatementClassifier(Protocol):
    """What :func:`~persona_nlp.extract.extract_statements` needs from a classifier.

    ``fit`` receives the labelled examples (shipped banks plus the user's) and the embedder
    the pipeline uses; ``predict`` receives candidates with their embeddings (rows aligned).
    A classifier that ignores embeddings may set ``uses_embeddings = False`` so the extractor
    skips embedding (it then passes a zero matrix).

    Example:
        >>> from persona_nlp.extract.keyword import KeywordClassifier
        >>> isinstance(KeywordClassifier(), StatementClassifier)
        True
    """

    def fit(self, examples: Sequence[Example], embedder: Embedder) -> StatementClassifier:
        """Train (or just remember) on labelled examples; return ``self``."""
        ...

    def predict(self, candidates: Sequence[Candidate], vectors: np.ndarray) -> Prediction:
        """Class probabilities over :data:`~.examples.LABELS` for each candidate."""
        ...


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


# --- keyword rules shared by both classifiers -------------------------------------------------

_KIND_CUES: dict[str, dict[str, float]] = {
    "goal": {"want": 1.0, "first_person_want": 0.8},
    "pain_point": {"problem": 1.4, "negated_problem": -1.4},
    "objection": {"price": 0.9, "delivery": 0.9, "hesitation": 1.2, "negated_price": -1.6},
    "mindset": {"habit": 1.2, "research": 0.8, "value": 0.7, "negated_habit": -0.8},
    "channel": {"channel": 0.9, "person_source": 1.4},
    "none": {
        "biography": 1.2,
        "dismissal": 2.5,
        "hedge": 0.4,
        "backchannel": 3.0,
        "nonanswer": 3.0,
        "question": 3.0,
        "very_short": 0.3,
    },
}


def _rule_scores(features: np.ndarray) -> np.ndarray:
    weights = np.zeros((len(FEATURE_NAMES), len(LABELS)), dtype=np.float32)
    for kind, cues in _KIND_CUES.items():
        for cue, weight in cues.items():
            weights[FEATURE_NAMES.index(cue), LABELS.index(kind)] = weight
    return features @ weights


_SIBLINGS = {"goal": "pain_point", "pain_point": "goal"}
"""Kinds a question supports together: under "what problem did you hope to solve?" an answer
naming a wanted product is a goal, under "what do you hope to achieve?" one naming a problem is
a pain point (content first, question second), so both get the question's weight and the
answer's wording decides between them."""


def _context_bias(
    candidates: Sequence[Candidate],
    short_weight: float,
    long_weight: float,
    survey_weight: float,
    sibling: float = 0.0,
) -> np.ndarray:
    bias = np.zeros((len(candidates), len(LABELS)), dtype=np.float32)
    for row, candidate in enumerate(candidates):
        if candidate.context_kind in LABELS:
            words = len(candidate.text.split())
            weight = short_weight if words <= 6 else long_weight
            if candidate.survey:
                weight += survey_weight
            bias[row, LABELS.index(candidate.context_kind)] = weight
            other = _SIBLINGS.get(candidate.context_kind)
            if other is not None and sibling and not candidate.declared:
                bias[row, LABELS.index(other)] = sibling * weight
    return bias


__all__ = ["Candidate", "Prediction", "StatementClassifier"]
