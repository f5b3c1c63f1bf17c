"""Theme any plain list of texts: cluster, number, label (no kinds, participants or quotes).

:func:`theme_texts` is the engine under :func:`persona_nlp.themes.build_themes` and a public
function of its own, for users with plain comment lists and for the benchmark.

Determinism: rows are put into a canonical order (by text, then by vector) before clustering, and
no step is random, so shuffled input gives identical themes.

Example:
    >>> from persona_nlp.embed import HashingEmbedder
    >>> result = theme_texts(["late delivery"] * 3 + ["great colours"] * 3, HashingEmbedder())
    >>> result.theme_labels
    ['Great colours', 'Late delivery']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ..embed import Embedder
from ..errors import InputError
from .clustering import Clustering, ClusterParams, centroids_of, cluster_params, cluster_with_core
from .labels import describe_clusters


@dataclass(frozen=True)
class ThemeResult:
    """The themes of a plain list of texts (see :func:`theme_texts`).

    Attributes:
        labels: Theme index of each input text (input order), ``-1`` when unthemed.
        theme_labels: Readable label of each theme.
        keywords: Keywords of each theme, most distinctive first.
        sizes: Number of texts in each theme.
        centroids: ``(k, dim)`` unit centroid of each theme (for assigning new texts later).
        params: The clustering parameters used.
        core: Per input text, whether it is in its theme's dense core (placed there by the
            density step, not only when outliers were reassigned; see
            :class:`~persona_nlp.themes.clustering.Clustering`). Quotes come from the core first.

    Themes are numbered by size, largest first (ties: alphabetically first member text).
    """

    labels: np.ndarray = field(repr=False)
    theme_labels: list[str]
    keywords: list[list[str]]
    sizes: list[int]
    centroids: np.ndarray = field(repr=False)
    params: ClusterParams | None
    core: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool), repr=False)

    @property
    def unthemed_share(self) -> float:
        """Share of texts in no theme."""
        return float(np.mean(self.labels < 0)) if len(self.labels) else 0.0


def _number_by_size(labels: np.ndarray) -> np.ndarray:
    """Renumber clusters by size (largest first), ties by their first row (rows are canonical)."""
    k = int(labels.max()) + 1 if len(labels) else 0
    if k == 0:
        return labels
    sizes = np.bincount(labels[labels >= 0], minlength=k)
    first = np.full(k, len(labels))
    np.minimum.at(first, labels[labels >= 0], np.flatnonzero(labels >= 0))
    order = np.lexsort((first, -sizes))
    mapping = np.empty(k, dtype=np.int64)
    mapping[order] = np.arange(k)
    return np.where(labels >= 0, mapping[np.maximum(labels, 0)], -1)


def theme_canonical(
    texts: Sequence[str],
    vectors: np.ndarray,
    languages: Sequence[str | None],
    min_theme_size: int,
    max_themes: int | None,
    max_keywords: int,
    *,
    sample_above: int | None = None,
    seed: int = 0,
    label_language: str | None = None,
) -> ThemeResult:
    """Cluster, number and describe rows that are already in canonical order.

    ``label_language``: labels and keywords come from the theme's texts in that language (see
    :func:`~persona_nlp.themes.labels.describe_clusters`).

    :func:`theme_texts` sorts plain texts by text; ``build_themes`` sorts statements by id.
    Above ``sample_above`` rows, a seeded sample of that many is clustered exactly and the rest
    join the nearest theme (:func:`persona_nlp.themes.sampled.sampled_clustering`, near-linear time).
    """
    clustered: Clustering
    if sample_above is not None and len(vectors) > sample_above:
        from .sampled import sampled_with_core

        clustered = sampled_with_core(
            vectors, min_theme_size, max_clusters=max_themes, sample_size=sample_above, seed=seed
        )
    else:
        params = cluster_params(vectors, min_theme_size) if len(vectors) else None
        clustered = cluster_with_core(
            vectors, min_theme_size, max_clusters=max_themes, params=params
        )
    labels = _number_by_size(clustered.labels)
    k = int(labels.max()) + 1 if len(labels) else 0
    centroids = (
        centroids_of(vectors, labels, k) if k else np.zeros((0, vectors.shape[1]), np.float32)
    )
    # rows most central first, so labels take the casing of the most typical text
    order = []
    for theme in range(k):
        rows = np.flatnonzero(labels == theme)
        order.append(rows[np.argsort(-(vectors[rows] @ centroids[theme]), kind="stable")].tolist())
    keywords, names = describe_clusters(
        texts, labels.tolist(), languages, max_keywords, order, label_language=label_language
    )
    return ThemeResult(
        labels=labels,
        theme_labels=names,
        keywords=keywords,
        sizes=[len(rows) for rows in order],
        centroids=centroids,
        params=clustered.params,
        core=clustered.core,
    )


def theme_texts(
    texts: Sequence[str],
    embedder: Embedder | None = None,
    *,
    embeddings: np.ndarray | None = None,
    min_theme_size: int = 3,
    max_themes: int | None = None,
    languages: Sequence[str | None] | str | None = None,
    max_keywords: int = 8,
    seed: int = 42,
    sample_above: int | None = None,
) -> ThemeResult:
    """Theme a plain list of texts: no kinds, no transcripts, no participants.

    Args:
        texts: The texts (survey comments, tickets, reviews ...).
        embedder: Embeds the texts; not needed when ``embeddings`` are given.
        embeddings: Precomputed ``(n, dim)`` embeddings aligned with ``texts``.
        min_theme_size: Smallest theme, in texts. The clustering's own minimum grows with the
            number of texts (about ``0.1 * sqrt(n)``) from this floor.
        max_themes: Merge the closest themes until at most this many remain (``None``: as many as
            the data has).
        languages: ISO 639-1 code of all texts or of each text, for the stop words of keywords
            (``None``: every stop list applies).
        max_keywords: Keywords per theme.
        seed: Seed of the sample drawn above ``sample_above`` texts (nothing else is random).
        sample_above: Above this many texts, cluster a seeded sample of this many exactly and
            assign the rest to the nearest theme (near-linear time); ``None``: always exact.

    Returns:
        A :class:`ThemeResult`; ``labels`` follow the input order.

    Raises:
        InputError: when neither ``embedder`` nor ``embeddings`` is given, or their length differs
            from ``texts``.

    Example:
        >>> from persona_nlp.embed import HashingEmbedder
        >>> result = theme_texts(["late delivery"] * 3 + ["great colours"] * 3, HashingEmbedder())
        >>> result.theme_labels, result.sizes
        (['Great colours', 'Late delivery'], [3, 3])
    """
    texts = list(texts)
    if embeddings is None:
        if embedder is None:
            raise InputError(
                "theme_texts needs an embedder or precomputed embeddings",
                fix="pass embedder=load_embedder() or embeddings=ARRAY",
            )
        embeddings = embedder.encode(texts)
    vectors = np.asarray(embeddings, dtype=np.float32)
    if len(vectors) != len(texts):
        raise InputError(
            f"theme_texts: {len(texts)} texts but {len(vectors)} embeddings",
            fix="pass one embedding row per text, in the same order",
        )
    if isinstance(languages, str) or languages is None:
        languages = [languages] * len(texts)
    # canonical order: by text, then by vector, so the input order never matters
    order = sorted(range(len(texts)), key=lambda i: (texts[i], vectors[i].tobytes()))
    result = theme_canonical(
        [texts[i] for i in order],
        vectors[order],
        [languages[i] for i in order],
        min_theme_size,
        max_themes,
        max_keywords,
        sample_above=sample_above,
        seed=seed,
    )
    labels = np.empty(len(texts), dtype=np.int64)
    labels[order] = result.labels
    core = np.empty(len(texts), dtype=bool)
    core[order] = result.core
    return ThemeResult(
        labels=labels,
        theme_labels=result.theme_labels,
        keywords=result.keywords,
        sizes=result.sizes,
        centroids=result.centroids,
        params=result.params,
        core=core,
    )


__all__ = ["ThemeResult", "theme_canonical", "theme_texts"]
