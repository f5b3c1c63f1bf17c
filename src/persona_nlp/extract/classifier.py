"""Statement classifiers: the :class:`StatementClassifier` protocol and two implementations.

* :class:`EmbeddingCueClassifier` (default) - multinomial logistic regression over the sentence
  embedding concatenated with language-specific cue features (see :mod:`.cues`), trained on the
  exemplar banks plus the user's examples, temperature-calibrated on held-back folds, then
  adjusted by question context (the survey question / interviewer turn a segment answers) and
  by near-duplicate user examples.
* :class:`KeywordClassifier` - cue words only, no training and no model: the keyword baseline
  and a fast fake for tests.

Both return class probabilities over :data:`~.examples.LABELS` (five kinds plus ``none``).

Example:
    >>> from persona_nlp.embed import HashingEmbedder
    >>> clf = KeywordClassifier().fit([], HashingEmbedder(dim=8))
    >>> pred = clf.predict([Candidate("I always wait for the sale", "en")], np.zeros((1, 8)))
    >>> pred.labels[int(pred.proba[0].argmax())]
    'mindset'
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np

from ..embed import Embedder
from .cues import FEATURE_NAMES, cue_features
from .examples import LABELS, Example, encode_examples

logger = logging.getLogger(__name__)

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
    """

    text: str
    language: str | None = None
    context: str | None = None
    context_kind: str | None = None
    survey: bool = False
    question: bool = False


@dataclass
class Prediction:
    """Classifier output for a batch of candidates.

    Attributes:
        labels: Column labels of ``proba`` (:data:`~.examples.LABELS`).
        proba: ``(n, len(labels))`` calibrated class probabilities; rows sum to 1.
        cues: Per candidate, human-readable evidence (``habit:always``, ``exemplar:...``).
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


def _fit_temperature(logits: np.ndarray, targets: np.ndarray) -> float:
    """Temperature minimising the negative log-likelihood (golden-section search)."""
    rows = np.arange(len(targets))

    def nll(t: float) -> float:
        p = _softmax(logits / t)
        return float(-np.log(np.clip(p[rows, targets], 1e-12, 1.0)).mean())

    low, high = 0.05, 20.0
    ratio = (np.sqrt(5) - 1) / 2
    a, b = high - ratio * (high - low), low + ratio * (high - low)
    fa, fb = nll(a), nll(b)
    for _ in range(60):
        if fa < fb:
            high, b, fb = b, a, fa
            a = high - ratio * (high - low)
            fa = nll(a)
        else:
            low, a, fa = a, b, fb
            b = low + ratio * (high - low)
            fb = nll(b)
    return float((low + high) / 2)


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


def _context_bias(
    candidates: Sequence[Candidate], short_weight: float, long_weight: float, survey_weight: float
) -> np.ndarray:
    bias = np.zeros((len(candidates), len(LABELS)), dtype=np.float32)
    for row, candidate in enumerate(candidates):
        if candidate.context_kind in LABELS:
            words = len(candidate.text.split())
            weight = short_weight if words <= 6 else long_weight
            if candidate.survey:
                weight += survey_weight
            bias[row, LABELS.index(candidate.context_kind)] = weight
    return bias


class KeywordClassifier:
    """Cue words only: a transparent baseline and a model-free fake for tests.

    Each kind scores the weighted cue categories that fire (``want`` -> goal, ``problem`` ->
    pain point, ``price``/``delivery``/``hesitation`` -> objection, ``habit``/``research`` ->
    mindset, ``channel`` -> channel); negation, dismissal, biography, questions and
    backchannels score ``none``. The question context adds to its kind.

    Args:
        context_weight: Score added to the kind the answered question asks for.

    Example:
        >>> clf = KeywordClassifier().fit([], None)
        >>> p = clf.predict([Candidate("shipping", "en", context_kind="objection", survey=True)], np.zeros((1, 1)))
        >>> p.labels[int(p.proba[0].argmax())]
        'objection'
    """

    uses_embeddings = False

    def __init__(self, context_weight: float = 1.5) -> None:
        self.context_weight = context_weight

    def fit(self, examples: Sequence[Example], embedder: Embedder | None) -> KeywordClassifier:
        """Nothing to learn; returns ``self``."""
        return self

    def predict(self, candidates: Sequence[Candidate], vectors: np.ndarray) -> Prediction:
        """Softmax of the cue scores (a 0.5 prior on ``none``)."""
        features, _, hits = cue_features(
            [c.text for c in candidates],
            [c.language for c in candidates],
            [c.question for c in candidates],
        )
        scores = _rule_scores(features)
        scores[:, NONE_INDEX] += 0.5
        scores += _context_bias(candidates, self.context_weight, self.context_weight / 2, 0.0)
        return Prediction(LABELS, _softmax(scores * 2.0), hits)


class EmbeddingCueClassifier:
    """Logistic regression on [sentence embedding, cue features], calibrated, context-aware.

    Args:
        C: Inverse L2 regularisation strength of the logistic regression.
        cue_scale: Multiplier of the (standardised) cue features relative to embedding dims.
        context_short: Logit added to the kind a question asks for, for answers of <= 6 words.
        context_long: Same, for longer answers.
        context_survey: Extra logit for survey answers (their question is explicit).
        rule_weight: Weight of the keyword rules (:class:`KeywordClassifier` scores: negation
            scope, dismissals, biography ...) added to the logits; they encode linguistic
            knowledge the small bank cannot teach the regression.
        user_weight: Sample weight of user examples relative to bank examples.
        user_match: Cosine similarity from which a candidate counts as a near-duplicate of a
            user example; its kind then gets a logit bonus growing linearly from ``user_boost``
            at ``user_match`` to ``4 * user_boost`` for an identical text (the user's label of
            that very text is authoritative).
        user_boost: See ``user_match``.
        folds: Folds for fitting the calibration temperature on held-back bank examples.
        random_state: Seed for the fold split and the solver.

    Attributes:
        temperature_: Fitted softmax temperature.
        model_: The fitted scikit-learn ``LogisticRegression``.
    """

    def __init__(
        self,
        C: float = 0.03,
        cue_scale: float = 1.0,
        context_short: float = 3.0,
        context_long: float = 1.2,
        context_survey: float = 0.8,
        rule_weight: float = 1.0,
        user_weight: float = 3.0,
        user_match: float = 0.9,
        user_boost: float = 3.0,
        folds: int = 3,
        random_state: int = 42,
    ) -> None:
        self.C = C
        self.cue_scale = cue_scale
        self.context_short = context_short
        self.context_long = context_long
        self.context_survey = context_survey
        self.rule_weight = rule_weight
        self.user_weight = user_weight
        self.user_match = user_match
        self.user_boost = user_boost
        self.folds = folds
        self.random_state = random_state

    # -- features ------------------------------------------------------------------------------
    def _features(
        self,
        texts: Sequence[str],
        languages: Sequence[str | None],
        questions: Sequence[bool],
        vectors: np.ndarray,
    ) -> tuple[np.ndarray, list[list[str]]]:
        cues, _, hits = cue_features(texts, languages, questions)
        return np.hstack([np.asarray(vectors, dtype=np.float32), cues]), hits

    def _transform(self, features: np.ndarray) -> np.ndarray:
        scaled = (features - self.mean_) / self.scale_
        scaled[:, self.n_embedding_ :] *= self.cue_scale
        return scaled

    def fit(self, examples: Sequence[Example], embedder: Embedder) -> EmbeddingCueClassifier:
        """Embed the examples, fit the regression and its calibration temperature.

        Raises:
            ValueError: when fewer than two labels are present in ``examples``.
        """
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold

        texts = [e.text for e in examples]
        targets = np.array([LABELS.index(e.kind) for e in examples])
        if len(set(targets.tolist())) < 2:
            raise ValueError("need examples of at least two kinds to fit a classifier")
        vectors = encode_examples(texts, embedder)
        self.n_embedding_ = int(vectors.shape[1])
        features, _ = self._features(
            texts,
            [e.language for e in examples],
            [e.text.rstrip().endswith("?") for e in examples],
            vectors,
        )
        self.mean_ = features.mean(axis=0)
        self.scale_ = features.std(axis=0) + 1e-3
        X = self._transform(features)
        weights = np.array(
            [1.0 if e.source.startswith("bank:") else self.user_weight for e in examples]
        )

        def model() -> LogisticRegression:
            return LogisticRegression(C=self.C, max_iter=3000, random_state=self.random_state)

        out_of_fold = np.zeros((len(examples), len(LABELS)), dtype=np.float64)
        n_splits = min(
            self.folds, int(np.bincount(targets, minlength=len(LABELS))[np.unique(targets)].min())
        )
        if n_splits >= 2:
            splitter = StratifiedKFold(
                n_splits=n_splits, shuffle=True, random_state=self.random_state
            )
            for train, test in splitter.split(X, targets):
                fold_model = model().fit(X[train], targets[train], sample_weight=weights[train])
                out_of_fold[np.ix_(test, fold_model.classes_)] = fold_model.decision_function(
                    X[test]
                )
                missing = np.setdiff1d(np.arange(len(LABELS)), fold_model.classes_)
                out_of_fold[np.ix_(test, missing)] = -1e3
            self.temperature_ = _fit_temperature(out_of_fold, targets)
        else:
            self.temperature_ = 1.0
        self.model_ = model().fit(X, targets, sample_weight=weights)
        self.classes_ = self.model_.classes_
        self.bank_vectors_ = vectors
        self.bank_texts_ = texts
        self.bank_targets_ = targets
        self.user_rows_ = np.array(
            [i for i, e in enumerate(examples) if not e.source.startswith("bank:")], dtype=int
        )
        return self

    def predict(self, candidates: Sequence[Candidate], vectors: np.ndarray) -> Prediction:
        """Calibrated probabilities with question context and user-example matches applied."""
        if len(candidates) == 0:
            return Prediction(LABELS, np.zeros((0, len(LABELS))), [])
        vectors = np.asarray(vectors, dtype=np.float32)
        features, hits = self._features(
            [c.text for c in candidates],
            [c.language for c in candidates],
            [c.question for c in candidates],
            vectors,
        )
        logits = np.full((len(candidates), len(LABELS)), -1e3, dtype=np.float64)
        logits[:, self.classes_] = self.model_.decision_function(self._transform(features))
        logits = logits / self.temperature_
        logits += self.rule_weight * _rule_scores(features[:, self.n_embedding_ :])
        logits += _context_bias(
            candidates, self.context_short, self.context_long, self.context_survey
        )
        similarity = vectors @ self.bank_vectors_.T
        if len(self.user_rows_):
            user_sim = similarity[:, self.user_rows_]
            best = user_sim.argmax(axis=1)
            matched = user_sim[np.arange(len(candidates)), best] >= self.user_match
            for hit in np.flatnonzero(matched).tolist():
                closeness = (user_sim[hit, best[hit]] - self.user_match) / max(
                    1e-6, 1.0 - self.user_match
                )
                bonus = self.user_boost * (1.0 + 3.0 * min(1.0, float(closeness)))
                logits[hit, self.bank_targets_[self.user_rows_[best[hit]]]] += bonus
        proba = _softmax(logits)
        nearest = similarity.argmax(axis=1)
        cues = []
        for row, candidate in enumerate(candidates):
            evidence = list(hits[row])
            if candidate.context_kind:
                evidence.append(f"context:{candidate.context_kind}")
            kind = LABELS[int(proba[row].argmax())]
            same = np.flatnonzero(self.bank_targets_ == LABELS.index(kind))
            if len(same):
                j = int(same[int(similarity[row, same].argmax())])
                evidence.append(f"exemplar:{self.bank_texts_[j]}")
            else:  # pragma: no cover - every label has bank examples
                evidence.append(f"exemplar:{self.bank_texts_[int(nearest[row])]}")
            cues.append(evidence)
        return Prediction(LABELS, proba, cues)


__all__ = [
    "Candidate",
    "EmbeddingCueClassifier",
    "KeywordClassifier",
    "Prediction",
    "StatementClassifier",
]
