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

from ..embed import Embedder, normalise_rows
from ..errors import InputError
from .clustering import (
    Clustering,
    ClusterParams,
    centroids_of,
    cluster_params,
    cluster_sums,
    cluster_with_core,
    compact_labels,
)
from .labels import describe_clusters

HELD_OUT_CHUNK = 65_536
"""Rows compared at a time by :func:`held_out_fit` (bounds its float64 working copy)."""


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


def held_out_fit(
    vectors: np.ndarray,
    labels: np.ndarray,
    threshold: float,
    min_size: int,
    chunk: int = HELD_OUT_CHUNK,
) -> np.ndarray:
    """``labels`` keeping only the members that fit their cluster held out.

    A member stays when its cosine similarity to the centroid of its cluster's *other* members
    reaches ``threshold``: the test a statement that is not a member has to pass to join, so no
    member is held in place by its own weight in the centroid. A cluster left with fewer than
    ``min_size`` members dissolves (its members become ``-1``), and the test runs again on
    what is left until nothing changes (members only ever leave, so it ends). A lone member is
    judged by ``min_size`` alone.

    Why: in a small cluster each member is a large part of its own centroid. Two copies of a
    repeated answer plus the nearest unrelated answer make a cluster of three whose odd member
    clears the threshold only through itself - common among the left-overs of a later wave
    (the answers no baseline theme took), which :func:`~persona_nlp.themes.build_themes` then
    reports as *new* themes.

    Args:
        vectors: ``(n, dim)`` rows (normalised here).
        labels: One cluster label per row, ``0..k-1`` or ``-1``.
        threshold: The cosine a member needs (the clustering's ``reassign_similarity``).
        min_size: Smallest cluster kept.
        chunk: Rows compared at a time.

    Returns:
        The labels with failed members and dissolved clusters set to ``-1``, renumbered densely
        in the order of the clusters kept.

    Example:
        >>> import numpy as np
        >>> repeated, odd = [1.0, 0.0], [0.2, 0.98]
        >>> vectors = np.array([repeated, repeated, odd, odd, odd])
        >>> held_out_fit(vectors, np.array([0, 0, 0, 1, 1]), 0.5, 2).tolist()
        [0, 0, -1, 1, 1]
        >>> held_out_fit(vectors, np.array([0, 0, 0, 1, 1]), 0.5, 3).tolist()
        [-1, -1, -1, -1, -1]
    """
    labels = compact_labels(np.asarray(labels, dtype=np.int64), min_size)
    unit = normalise_rows(np.asarray(vectors))
    while labels.max(initial=-1) >= 0:
        sums = cluster_sums(unit, labels)
        members = np.flatnonzero(labels >= 0)
        fits = np.ones(len(labels), dtype=bool)
        for start in range(0, len(members), chunk):
            rows = members[start : start + chunk]
            own = unit[rows].astype(np.float64)
            others = sums[labels[rows]] - own
            norms = np.linalg.norm(others, axis=1)
            similarity = np.einsum("ij,ij->i", own, others) / np.maximum(norms, 1e-12)
            # the tolerance keeps identical texts (similarity 1 +- rounding) together, as the
            # clustering's own reassignment does
            fits[rows] = (similarity >= threshold - 1e-6) | (norms < 1e-6)
        updated = compact_labels(np.where(fits, labels, -1), min_size)
        if np.array_equal(updated, labels):
            break
        labels = updated
    return labels


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
    held_out: bool = False,
) -> ThemeResult:
    """Cluster, number and describe rows that are already in canonical order.

    ``label_language``: labels and keywords come from the theme's texts in that language (see
    :func:`~persona_nlp.themes.labels.describe_clusters`). ``held_out``: keep in each theme
    only the rows that fit it held out (:func:`held_out_fit`, at the clustering's
    ``reassign_similarity``) before the themes are numbered and described; ``build_themes``
    sets it for the new themes of a later wave.

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
    if held_out and clustered.params is not None:
        kept = held_out_fit(
            vectors, clustered.labels, clustered.params.reassign_similarity, min_theme_size
        )
        clustered = Clustering(kept, clustered.core & (kept >= 0), clustered.params)
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


__all__ = ["ThemeResult", "held_out_fit", "theme_canonical", "theme_texts"]
