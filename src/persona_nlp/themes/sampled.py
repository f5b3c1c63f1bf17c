"""Clustering that stays near-linear: cluster a sample exactly, assign the rest to its centroids.

:func:`persona_nlp.themes.clustering.cluster_embeddings` builds an exact k-nearest-neighbour graph, which
costs ``O(n^2 * dim)`` time and a ``1024 x n`` block of memory: about 1.5 s for 10k statements,
minutes for 100k and hours (plus a 4 GB block) for 1M. :func:`cluster_sampled` keeps its results
for small inputs (it *is* ``cluster_embeddings`` up to ``sample_size`` points) and above that:

1. draws a seeded, sorted random sample of ``sample_size`` points and clusters it with
   ``cluster_embeddings`` (HDBSCAN on the k-NN graph, merge, refine), with the parameters
   ``cluster_params`` chooses for the sample;
2. assigns every point to its most similar sample centroid when the similarity clears the same
   ``reassign_similarity`` threshold the exact path uses, else noise (``-1``);
3. runs a few spherical k-means steps over all points (``O(n * k * dim)``, chunked) and
   dissolves clusters below ``min_cluster_size``.

Cost: the sample's clustering (constant) plus ``O(n * k * dim)`` for assignment, where ``k`` is
the number of clusters (tens). Memory: one chunk of similarities at a time. A theme that is rarer
than about ``min_cluster_size / sample_size`` of a kind's statements can be missed; with the
default 20,000-point sample that is 0.02% at ``min_cluster_size=3`` - well below what a human
reads as a theme.

A point's **core** flag (quotes come from the core first, see
:class:`~persona_nlp.themes.clustering.Clustering`) is the sample's: a sampled point that the
sample's density step placed and that stays in the cluster its sample cluster became; points
outside the sample only join by assignment, so they are never core.

Nothing here is random beyond the seeded sample, so the same input and seed give the same labels.

Example:
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> centres = np.eye(16, dtype=np.float32)[:4]
    >>> points = np.repeat(centres, 500, axis=0) + rng.normal(0, 0.05, (2000, 16)).astype(np.float32)
    >>> labels = cluster_sampled(points, 3, sample_size=400, seed=1)
    >>> len(set(labels.tolist()) - {-1})
    4
"""

from __future__ import annotations

import logging

import numpy as np

from ..embed import normalise_rows
from .clustering import Clustering, ClusterParams, compact_labels, core_members

logger = logging.getLogger(__name__)

SAMPLE_SIZE = 20_000
"""Points clustered exactly; above this, the rest are assigned to the sample's centroids."""

ASSIGN_CHUNK = 65_536
"""Rows per block when assigning points to centroids (bounds the temporary memory)."""

REFINE_ITERATIONS = 3
"""Spherical k-means steps over all points after assignment."""


def assign_to_centroids(
    vectors: np.ndarray, centroids: np.ndarray, threshold: float, chunk: int = ASSIGN_CHUNK
) -> np.ndarray:
    """Label each row with its most similar centroid, or ``-1`` below ``threshold``.

    Works in chunks, so ``vectors`` may be a float16 array or a memory map of any size.

    Example:
        >>> import numpy as np
        >>> assign_to_centroids(np.eye(3, dtype=np.float32), np.eye(3)[:2], 0.5).tolist()
        [0, 1, -1]
    """
    n = len(vectors)
    labels = np.full(n, -1, dtype=np.int64)
    if len(centroids) == 0:
        return labels
    centroids = np.asarray(centroids, dtype=np.float32)
    for start in range(0, n, chunk):
        block = normalise_rows(vectors[start : start + chunk]) @ centroids.T
        nearest = block.argmax(axis=1)
        best = block[np.arange(len(block)), nearest]
        labels[start : start + len(block)] = np.where(best >= threshold, nearest, -1)
    return labels


def _centroids(
    vectors: np.ndarray, labels: np.ndarray, k: int, chunk: int = ASSIGN_CHUNK
) -> np.ndarray:
    from scipy import sparse

    sums = np.zeros((k, vectors.shape[1]), dtype=np.float64)
    for start in range(0, len(vectors), chunk):
        part = labels[start : start + chunk]
        keep = np.flatnonzero(part >= 0)
        # a (k x rows) 0/1 membership matrix times the rows: one sparse product per chunk
        members = sparse.csr_matrix(
            (np.ones(len(keep), dtype=np.float32), (part[keep], keep)), shape=(k, len(part))
        )
        sums += members @ normalise_rows(vectors[start : start + chunk])
    return normalise_rows(sums)


def sample_indices(n: int, sample_size: int, seed: int) -> np.ndarray:
    """Sorted indices of a seeded uniform sample (all of ``range(n)`` when ``n <= sample_size``).

    Example:
        >>> sample_indices(5, 10, seed=0).tolist()
        [0, 1, 2, 3, 4]
        >>> len(sample_indices(100, 10, seed=0))
        10
    """
    if n <= sample_size:
        return np.arange(n)
    return np.sort(np.random.default_rng(seed).choice(n, size=sample_size, replace=False))


def cluster_sampled(
    vectors: np.ndarray,
    min_cluster_size: int = 3,
    *,
    max_clusters: int | None = None,
    sample_size: int = SAMPLE_SIZE,
    seed: int = 0,
) -> np.ndarray:
    """Cluster unit vectors in near-linear time; same labels as ``cluster_embeddings`` when small.

    Args:
        vectors: ``(n, dim)`` embeddings, float32 or float16 (a memory map works).
        min_cluster_size: Smallest cluster kept.
        max_clusters: Merge the closest clusters until at most this many remain.
        sample_size: Points clustered exactly; the rest are assigned by nearest centroid.
        seed: Seed of the sample.

    Returns:
        One label per row, ``0..k-1`` or ``-1`` (noise).

    Example:
        >>> import numpy as np
        >>> cluster_sampled(np.eye(4, dtype=np.float32), 3).tolist()
        [-1, -1, -1, -1]
    """
    return sampled_clustering(
        vectors, min_cluster_size, max_clusters=max_clusters, sample_size=sample_size, seed=seed
    )[0]


def sampled_clustering(
    vectors: np.ndarray,
    min_cluster_size: int = 3,
    *,
    max_clusters: int | None = None,
    sample_size: int = SAMPLE_SIZE,
    seed: int = 0,
) -> tuple[np.ndarray, ClusterParams]:
    """:func:`cluster_sampled` plus the clustering parameters it used (those of the sample).

    The themes stage uses :func:`sampled_with_core` above ``ThemeConfig.sample_above``
    statements of a kind: the parameters carry the similarity a statement needed to join a theme.

    Example:
        >>> import numpy as np
        >>> labels, params = sampled_clustering(np.eye(4, dtype=np.float32), 3)
        >>> params.min_cluster_size
        3
    """
    result = sampled_with_core(
        vectors, min_cluster_size, max_clusters=max_clusters, sample_size=sample_size, seed=seed
    )
    assert result.params is not None  # set whenever there are rows
    return result.labels, result.params


def sampled_with_core(
    vectors: np.ndarray,
    min_cluster_size: int = 3,
    *,
    max_clusters: int | None = None,
    sample_size: int = SAMPLE_SIZE,
    seed: int = 0,
) -> Clustering:
    """:func:`sampled_clustering` with each row's core flag (see the module docstring).

    Example:
        >>> import numpy as np
        >>> sampled_with_core(np.eye(4, dtype=np.float32), 3).core.tolist()
        [False, False, False, False]
    """
    from .clustering import cluster_params, cluster_with_core

    n = len(vectors)
    if n <= sample_size:
        vectors = normalise_rows(np.asarray(vectors, dtype=np.float32))
        params = cluster_params(vectors, min_cluster_size)
        return cluster_with_core(
            vectors, min_cluster_size, max_clusters=max_clusters, params=params
        )
    index = sample_indices(n, sample_size, seed)
    sample = normalise_rows(vectors[index])
    params = cluster_params(sample, min_cluster_size)
    clustered = cluster_with_core(
        sample, min_cluster_size, max_clusters=max_clusters, params=params
    )
    sample_labels = clustered.labels
    k = int(sample_labels.max()) + 1
    logger.debug("clustered a sample of %d of %d points into %d clusters", len(index), n, k)
    if k == 0:
        return Clustering(np.full(n, -1, dtype=np.int64), np.zeros(n, dtype=bool), params)
    centroids = _centroids(sample, sample_labels, k)
    labels = compact_labels(
        assign_to_centroids(vectors, centroids, params.reassign_similarity), min_cluster_size
    )
    for _ in range(REFINE_ITERATIONS):
        k = int(labels.max()) + 1
        if k == 0:
            break
        updated = compact_labels(
            assign_to_centroids(
                vectors, _centroids(vectors, labels, k), params.reassign_similarity
            ),
            min_cluster_size,
        )
        if np.array_equal(updated, labels):
            break
        labels = updated
    core = np.zeros(n, dtype=bool)
    core[index] = clustered.core & core_members(sample_labels, labels[index])
    return Clustering(labels, core, params)


__all__ = [
    "ASSIGN_CHUNK",
    "REFINE_ITERATIONS",
    "SAMPLE_SIZE",
    "assign_to_centroids",
    "cluster_sampled",
    "sample_indices",
    "sampled_clustering",
    "sampled_with_core",
]
