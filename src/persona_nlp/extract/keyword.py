"""The keyword baseline: :class:`KeywordClassifier`, cue words only, no training and no model.

A transparent baseline and a fast fake for tests; it scores the cue categories of :mod:`.cues`
with the keyword rules of :mod:`.base`, the same rules :class:`~.classifier.EmbeddingCueClassifier`
adds to its logits. Also importable from :mod:`.classifier` and :mod:`persona_nlp.extract`.

Example:
    >>> from persona_nlp.embed import HashingEmbedder
    >>> clf = KeywordClassifier().fit([], HashingEmbedder(dim=8))
    >>> pred = clf.predict([Candidate("I always wait for the sale", "en")], np.zeros((1, 8)))
    >>> pred.labels[int(pred.proba[0].argmax())]
    'mindset'
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..embed import Embedder
from .base import (
    NONE_INDEX,
    Candidate,
    Prediction,
    context_bias,
    rule_scores,
    softmax,
    unique_cue_features,
)
from .examples import LABELS, Example


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
        # one cue-feature pass per distinct text, shared with the default classifier (imported
        # here: .classifier imports this module to re-export KeywordClassifier)
        features, hits = unique_cue_features(
            [c.text for c in candidates],
            [c.language for c in candidates],
            [c.question for c in candidates],
        )
        scores = rule_scores(features)
        scores[:, NONE_INDEX] += 0.5
        scores += context_bias(candidates, self.context_weight, self.context_weight / 2, 0.0)
        return Prediction(LABELS, softmax(scores * 2.0), hits)


__all__ = ["KeywordClassifier"]
