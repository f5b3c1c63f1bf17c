"""Shared classifier types: :class:`Candidate`, :class:`Prediction`, :class:`StatementClassifier`.

Also the keyword rules both shipped classifiers add to their scores (cue category weights per
kind, the question-context bias) and the softmax they share. The classifiers themselves live in
:mod:`.classifier` (:class:`~.classifier.EmbeddingCueClassifier`, the default) and
:mod:`.keyword` (:class:`~.keyword.KeywordClassifier`); :mod:`.classifier` re-exports these
types.

Example:
    >>> p = Prediction(LABELS, softmax(np.zeros((1, len(LABELS)))))
    >>> round(float(p.proba.sum()), 6), Candidate("Google", "en").survey
    (1.0, False)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

import numpy as np

from ..embed import Embedder
from ..kinds import KINDS
from .cues import FEATURE_NAMES, cue_features
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


def classify(
    classifier: StatementClassifier, embedder: Any, candidates: Sequence[Candidate]
) -> Prediction:
    """Predict ``candidates`` with ``classifier``, embedding each distinct text once.

    Texts are embedded in sorted order, so the vectors (and results) do not depend on the order
    of the candidates; a classifier with ``uses_embeddings = False`` gets a zero matrix and the
    embedder is not called.

    Example:
        >>> from persona_nlp.extract.keyword import KeywordClassifier
        >>> p = classify(KeywordClassifier(), None, [Candidate("shipping", "en", context_kind="objection")])
        >>> p.labels[int(p.proba[0].argmax())]
        'objection'
    """
    texts = [c.text for c in candidates]
    unique = sorted(set(texts))
    if getattr(classifier, "uses_embeddings", True):
        vectors = embedder.encode(unique)
    else:
        vectors = np.zeros((len(unique), 1), dtype=np.float32)
    row_of = {text: row for row, text in enumerate(unique)}
    return classifier.predict(candidates, vectors[[row_of[text] for text in texts]])


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


# --- keyword rules shared by both classifiers -------------------------------------------------

_KIND_CUES: dict[str, dict[str, float]] = {
    **{name: spec.cue_weights for name, spec in KINDS.items()},
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


def rule_scores(features: np.ndarray) -> np.ndarray:
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


def context_bias(
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


__all__ = ["Candidate", "Prediction", "StatementClassifier", "classify"]


def unique_cue_features(
    texts: Sequence[str], languages: Sequence[str | None], questions: Sequence[bool]
) -> tuple[np.ndarray, list[list[str]]]:
    """:func:`~.cues.cue_features` computed once per distinct (text, language, question).

    Survey answers repeat ("Prisen", "Google", "nothing"); the regexes run once for each.

    Example:
        >>> f, hits = unique_cue_features(["Google", "Google"], ["en", "en"], [False, False])
        >>> f.shape[0], hits[0] == hits[1]
        (2, True)
    """
    keys = list(zip(texts, languages, questions, strict=True))
    distinct = sorted(set(keys), key=lambda k: (k[0], k[1] or "", k[2]))
    if not distinct:
        return np.zeros((0, len(FEATURE_NAMES)), dtype=np.float32), []
    row_of = {key: row for row, key in enumerate(distinct)}
    features, _, hits = cue_features(
        [k[0] for k in distinct], [k[1] for k in distinct], [k[2] for k in distinct]
    )
    rows = [row_of[key] for key in keys]
    return features[rows], [list(hits[row]) for row in rows]
