"""Density clustering of unit vectors: HDBSCAN on a cosine k-nearest-neighbour graph.

The steps, each chosen by the benchmark in ``benchmarks/bench_themes.py``:

1. **Neighbour graph.** Exact cosine k-nearest neighbours (a chunked matrix product, no
   dimensionality reduction): PCA to 5-20 dimensions destroys the local structure HDBSCAN needs,
   and UMAP costs more time than everything else together.
2. **HDBSCAN** (the ``hdbscan`` package) on the sparse neighbour distances with ``leaf``
   selection: many small, pure clusters, plus noise.
3. **Merge** clusters whose centroids are close (average linkage on centroid cosine similarity,
   threshold relative to the data as in step 4), and down to ``max_clusters`` when a cap is given
   (themes stay human-scale).
4. **Refine and reassign**: a few spherical k-means steps from the merged centroids. A point
   joins its nearest centroid when the similarity clears a threshold set relative to the data's
   mean pairwise similarity (so it means the same for models whose similarities are compressed,
   like e5's);
   clusters that fall below the minimum size are dissolved. Points that fit nothing stay noise.

:func:`cluster_with_core` also says which points are a cluster's **core**: those the density
step (HDBSCAN or the fallback) itself put in the group that the cluster grew from, as opposed to
points that joined it only when outliers were reassigned. Quotes are taken from the core first.

Nothing here is random, so the result depends only on the input (the caller sorts the input into a
canonical order to make it independent of input order).

Example:
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> centres = np.eye(8, dtype=np.float32)[:3]
    >>> points = np.repeat(centres, 10, axis=0) + rng.normal(0, 0.05, (30, 8)).astype(np.float32)
    >>> points /= np.linalg.norm(points, axis=1, keepdims=True)
    >>> labels = cluster_embeddings(points, min_cluster_size=3)
    >>> len(set(labels.tolist()) - {-1})
    3
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import numpy as np

from ..errors import DependencyError

logger = logging.getLogger(__name__)

N_NEIGHBORS = 15
"""Neighbours per point in the graph HDBSCAN runs on."""

MERGE_FRACTION = 0.74
"""Clusters whose centroids are at least ``b + f * (1 - b)`` cosine-similar (average linkage) are
merged, where ``b`` is the data's mean pairwise similarity and ``f`` this fraction (about 0.76
for all-MiniLM-L6-v2 on typical data)."""

REASSIGN_FRACTION = 0.2
"""A point joins a cluster when its centroid similarity is at least ``b + f * (1 - b)`` (``b`` as
above; about 0.28 for all-MiniLM-L6-v2)."""

CENTROID_COLUMNS = 32
"""Dimensions :func:`centroids_of` sums at a time (its float64 working copy is this wide)."""

REFINE_ITERATIONS = 5
"""Spherical k-means steps after merging."""

FALLBACK_MAX_POINTS = 2000
"""Up to this many points, agglomerative clustering stands in when HDBSCAN finds fewer than two
clusters (it needs memory quadratic in the number of points)."""

FALLBACK_MAX_CLUSTERS = 10
"""Most groups the agglomerative fallback considers."""

SILHOUETTE_FLOOR = 0.1
"""The fallback's grouping must reach this cosine silhouette to replace HDBSCAN's result."""

MAX_DISTANCE = 2.0
"""Mutual-reachability distance of a pair whose core distance is unknown (cosine's maximum)."""

SIZE_SCALE = 0.1
"""HDBSCAN ``min_cluster_size`` grows as ``SIZE_SCALE * sqrt(n)`` (never below the minimum)."""


@dataclass(frozen=True)
class ClusterParams:
    """The parameters one clustering run used (recorded for reports and benchmarks)."""

    min_cluster_size: int
    min_samples: int
    n_neighbors: int
    merge_similarity: float
    reassign_similarity: float


@dataclass(frozen=True)
class Clustering:
    """Labels of one clustering run, which of them the density step placed, and the parameters.

    Attributes:
        labels: One label per row, ``0..k-1`` or ``-1`` (noise).
        core: One flag per row: the density step put the row in the group its final cluster
            grew from (rows that only joined when outliers were reassigned are ``False``).
        params: The parameters used (``None`` for an empty input).
    """

    labels: np.ndarray
    core: np.ndarray
    params: ClusterParams | None


def core_members(density_labels: np.ndarray, final_labels: np.ndarray) -> np.ndarray:
    """Rows whose final cluster is the one most of their density-step group ended in.

    Example:
        >>> core_members(np.array([0, 0, 0, -1, 1]), np.array([2, 2, 1, 2, -1])).tolist()
        [True, True, False, False, False]
    """
    core = np.zeros(len(final_labels), dtype=bool)
    placed = np.flatnonzero((density_labels >= 0) & (final_labels >= 0))
    if not len(placed):
        return core
    # the most common final label of each density group (ties: the smallest)
    pairs = np.unique(
        np.stack((density_labels[placed], final_labels[placed]), axis=1),
        axis=0,
        return_counts=True,
    )
    groups, counts = pairs
    order = np.lexsort((groups[:, 1], -counts, groups[:, 0]))
    groups = groups[order]
    first = np.concatenate(([True], groups[1:, 0] != groups[:-1, 0]))
    home = np.full(int(density_labels.max()) + 1, -1, dtype=np.int64)
    home[groups[first, 0]] = groups[first, 1]
    core[placed] = home[density_labels[placed]] == final_labels[placed]
    return core


def _unit(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


def centroids_of(
    vectors: np.ndarray, labels: np.ndarray, n_clusters: int | None = None
) -> np.ndarray:
    """Unit centroids of labelled rows (label ``-1`` ignored), one row per label ``0..k-1``.

    Example:
        >>> import numpy as np
        >>> [round(float(x), 3) for x in centroids_of(np.eye(2), np.array([0, 0]))[0]]
        [0.707, 0.707]
    """
    return _unit(cluster_sums(vectors, labels, n_clusters))


def cluster_sums(
    vectors: np.ndarray, labels: np.ndarray, n_clusters: int | None = None
) -> np.ndarray:
    """float64 sums of the labelled rows (label ``-1`` ignored), one row per label ``0..k-1``.

    Example:
        >>> import numpy as np
        >>> cluster_sums(np.eye(2), np.array([0, 0])).tolist()
        [[1.0, 1.0]]
    """
    from scipy import sparse

    k = int(labels.max()) + 1 if n_clusters is None else n_clusters
    members = np.flatnonzero(labels >= 0)
    membership = sparse.csr_matrix(
        (np.ones(len(members)), (labels[members], members)), shape=(max(k, 0), len(vectors))
    )
    vectors = np.asarray(vectors)
    sums = np.zeros((max(k, 0), vectors.shape[1]), dtype=np.float64)
    # a few dimensions at a time: a float64 copy of every row at once was the largest
    # allocation of a million answers' themes stage; each sum adds the same rows in the same
    # order either way, so the centroids are identical
    for start in range(0, vectors.shape[1], CENTROID_COLUMNS):
        columns = slice(start, start + CENTROID_COLUMNS)
        sums[:, columns] = membership @ vectors[:, columns].astype(np.float64)
    return sums


def _top_hits(block: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per row of ``block``: every column at or above the row's ``k``-th largest value."""
    n = block.shape[1]
    # the k-th largest value per row (np.partition is several times faster than argpartition),
    # then every entry at or above it
    kth = np.partition(block, n - k, axis=1)[:, n - k]
    hit_rows, hit_cols = np.nonzero(block >= kth[:, None])
    return hit_rows, hit_cols, block[hit_rows, hit_cols]


def _first_per_row(
    rows: np.ndarray, cols: np.ndarray, sims: np.ndarray, n_rows: int, k: int
) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` entries of each row with the highest similarity (ties: lowest column)."""
    order = np.lexsort((cols, -sims, rows))
    rows, cols, sims = rows[order], cols[order], sims[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows)
    keep = rank < k
    return cols[keep].reshape(n_rows, k), sims[keep].reshape(n_rows, k)


def nearest_neighbors(
    vectors: np.ndarray, k: int, chunk: int | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Exact cosine k-nearest neighbours of unit rows (self excluded), most similar first.

    Ties are broken by row index. Identical rows (the same answer given by many respondents)
    are compared once: the similarity products run over the distinct rows only, and each
    distinct row's neighbour list is shared by its copies, so repeated survey answers cost
    nothing extra.

    Args:
        vectors: ``(n, dim)`` unit rows.
        k: Neighbours per row, ``k < n``.
        chunk: Rows compared at a time (default: as many as keep a block near 128 MiB).

    Returns:
        ``(indices, similarities)``, both of shape ``(n, k)``.

    Example:
        >>> import numpy as np
        >>> idx, sim = nearest_neighbors(np.eye(3, dtype=np.float32), 1)
        >>> idx.shape
        (3, 1)
        >>> nearest_neighbors(np.eye(2, dtype=np.float32)[[0, 0, 1]], 1)[0].ravel().tolist()
        [1, 0, 0]
    """
    n = len(vectors)
    unique, inverse = np.unique(vectors, axis=0, return_inverse=True)
    inverse = inverse.ravel()
    u = len(unique)
    # members of each distinct row, by original index: group g is members[offsets[g]:...]
    members = np.argsort(inverse, kind="stable")
    sizes = np.bincount(inverse, minlength=u)
    offsets = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    # a row's own group needs k + 1 members (the row itself is dropped later); others k
    take = np.minimum(sizes, k + 1)
    k_unique = min(k, u - 1)
    chunk = chunk or max(64, min(1024, (1 << 25) // max(u, 1)))
    candidates = np.empty((u, k + 1), dtype=np.int64)
    candidate_sims = np.empty((u, k + 1), dtype=np.float32)
    for start in range(0, u, chunk):
        block = unique[start : start + chunk] @ unique.T
        size = len(block)
        local = np.arange(size)
        own = block[local, start + local].copy()
        if k_unique > 0:
            block[local, start + local] = -np.inf
            hit_rows, hit_groups, hit_sims = _top_hits(block, k_unique)
        else:
            hit_rows = hit_groups = np.zeros(0, dtype=np.int64)
            hit_sims = np.zeros(0, dtype=np.float32)
        # the row's own group (its identical copies) at its self-similarity
        hit_rows = np.concatenate((hit_rows, local))
        hit_groups = np.concatenate((hit_groups, start + local))
        hit_sims = np.concatenate((hit_sims, own))
        # expand each distinct neighbour into its first members, by original index
        counts = take[hit_groups]
        rows = np.repeat(hit_rows, counts)
        within = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        cols = members[np.repeat(offsets[hit_groups], counts) + within]
        sims = np.repeat(hit_sims, counts)
        picked, picked_sims = _first_per_row(rows, cols, sims, size, k + 1)
        candidates[start : start + size] = picked
        candidate_sims[start : start + size] = picked_sims
    # each row takes its group's k + 1 candidates minus itself (or minus the last)
    rows_candidates = candidates[inverse]
    drop = rows_candidates == np.arange(n)[:, None]
    drop[~drop.any(axis=1), k] = True
    keep = ~drop
    indices = rows_candidates[keep].reshape(n, k)
    similarities = candidate_sims[inverse][keep].reshape(n, k)
    return indices, similarities


def _distance_graph(vectors: np.ndarray, n_neighbors: int):  # type: ignore[no-untyped-def]
    """Symmetric sparse cosine-distance k-NN graph, made connected."""
    from scipy import sparse
    from scipy.sparse import csgraph

    n = len(vectors)
    indices, similarities = nearest_neighbors(vectors, n_neighbors)
    # explicit zeros would vanish from the sparse matrix: identical texts get a tiny distance
    distances = np.maximum(1.0 - similarities, 1e-6).astype(np.float64)
    rows = np.repeat(np.arange(n), n_neighbors)
    graph = sparse.csr_matrix((distances.ravel(), (rows, indices.ravel())), shape=(n, n))
    graph = graph.maximum(graph.T).tocsr()
    n_components, component = csgraph.connected_components(graph, directed=False)
    if n_components > 1:
        # HDBSCAN needs one connected graph: link each component's most central point to the
        # others' with their true distances, so separate groups join only at the top of the tree
        centres = centroids_of(vectors, component, n_components)
        representatives = np.array(
            [
                np.flatnonzero(component == c)[np.argmax(vectors[component == c] @ centres[c])]
                for c in range(n_components)
            ]
        )
        links = np.maximum(1.0 - vectors[representatives] @ vectors[representatives].T, 1e-6)
        a, b = np.triu_indices(n_components, 1)
        extra = sparse.csr_matrix(
            (links[a, b].astype(np.float64), (representatives[a], representatives[b])), shape=(n, n)
        )
        graph = graph.maximum(extra).maximum(extra.T).tocsr()
    return graph


def _mutual_reachability(graph, min_samples: int, max_dist: float):  # type: ignore[no-untyped-def]
    """HDBSCAN's sparse mutual-reachability graph, vectorised (same values as the package's
    ``sparse_mutual_reachability``, which loops over a LIL matrix entry by entry)."""
    from scipy import sparse

    graph = graph.tocsr()
    graph.sort_indices()
    n = graph.shape[0]
    row_of = np.repeat(np.arange(n), np.diff(graph.indptr))
    # core distance: the min_samples-th smallest distance of each row (inf when fewer)
    ordered = graph.data[np.lexsort((graph.data, row_of))]
    core = np.full(n, np.inf)
    enough = np.diff(graph.indptr) >= min_samples
    core[enough] = ordered[graph.indptr[:-1][enough] + min_samples - 1]
    reach = np.maximum(np.maximum(core[row_of], core[graph.indices]), graph.data)
    finite = np.isfinite(reach)
    if max_dist > 0:
        reach[~finite] = max_dist
        finite[:] = True
    result = sparse.csr_matrix(
        (reach[finite], (row_of[finite], graph.indices[finite])), shape=graph.shape
    )
    result.sort_indices()
    return result


def _hdbscan_labels(graph, min_cluster_size: int, min_samples: int, max_dist: float):  # type: ignore[no-untyped-def]
    """HDBSCAN (leaf selection) on a sparse distance graph, or ``None`` when the installed
    package lacks the internals used (then the public estimator runs)."""
    from scipy.sparse import csgraph

    try:
        from hdbscan._hdbscan_linkage import label
        from hdbscan.hdbscan_ import _tree_to_labels
    except ImportError:  # pragma: no cover - other hdbscan versions
        return None
    reach = _mutual_reachability(graph, min_samples, max_dist)
    if csgraph.connected_components(reach, directed=False, return_labels=False) > 1:
        return None  # let the package raise its own error
    tree = csgraph.minimum_spanning_tree(reach)
    # the package's own steps from here on (same edge order, so the same tree)
    nonzeros = tree.nonzero()
    edges = np.vstack(nonzeros + (tree[nonzeros],)).T
    edges = edges[np.argsort(edges.T[2]), :][0]
    try:
        labels = _tree_to_labels(
            None, label(edges), min_cluster_size=min_cluster_size, cluster_selection_method="leaf"
        )[0]
    except TypeError:  # pragma: no cover - other hdbscan versions
        return None
    return np.asarray(labels, dtype=np.int64)


def _hdbscan(
    vectors: np.ndarray, min_cluster_size: int, min_samples: int, n_neighbors: int
) -> np.ndarray:
    try:
        import hdbscan
    except ImportError as error:  # pragma: no cover - core dependency
        raise DependencyError("hdbscan", purpose="theme clustering") from error
    graph = _distance_graph(vectors, n_neighbors)
    labels = _hdbscan_labels(graph, min_cluster_size, min_samples, MAX_DISTANCE)
    if labels is not None:
        return labels
    model = hdbscan.HDBSCAN(
        metric="precomputed",
        min_cluster_size=min_cluster_size,
        min_samples=min_samples,
        cluster_selection_method="leaf",
        max_dist=MAX_DISTANCE,
    )
    return np.asarray(model.fit_predict(graph), dtype=np.int64)


def _agglomerative(
    vectors: np.ndarray, similarity: float, n_clusters: int | None = None
) -> np.ndarray:
    from sklearn.cluster import AgglomerativeClustering

    if len(vectors) < 2:
        return np.zeros(len(vectors), dtype=np.int64)
    model = AgglomerativeClustering(
        n_clusters=n_clusters,
        metric="cosine",
        linkage="average",
        # sklearn merges below the threshold; the epsilon lets identical points (distance 0) merge
        distance_threshold=None if n_clusters else max(0.0, 1.0 - similarity) + 1e-6,
    )
    return np.asarray(model.fit_predict(vectors), dtype=np.int64)


def _fallback(
    vectors: np.ndarray, labels: np.ndarray, min_size: int, similarity: float
) -> np.ndarray:
    """Average-linkage groups, their number chosen by silhouette; else one loose grouping."""
    from sklearn.metrics import silhouette_score

    best, best_score = labels, SILHOUETTE_FLOOR
    for k in range(2, min(FALLBACK_MAX_CLUSTERS, len(vectors) // min_size) + 1):
        candidate = compact_labels(_agglomerative(vectors, similarity, n_clusters=k), min_size)
        inside = candidate >= 0
        if candidate.max() < 1:
            continue
        score = float(silhouette_score(vectors[inside], candidate[inside], metric="cosine"))
        if score > best_score:
            best, best_score = candidate, score
    if best.max() < 0:
        best = compact_labels(_agglomerative(vectors, similarity), min_size)
    return best


def _merge(
    vectors: np.ndarray, labels: np.ndarray, similarity: float, max_clusters: int | None
) -> np.ndarray:
    k = int(labels.max()) + 1
    if k < 2:
        return labels
    centres = centroids_of(vectors, labels, k)
    groups = _agglomerative(centres, similarity)
    if max_clusters is not None and groups.max() + 1 > max_clusters:
        groups = _agglomerative(centres, similarity, n_clusters=max_clusters)
    merged = labels.copy()
    merged[labels >= 0] = groups[labels[labels >= 0]]
    return merged


def compact_labels(labels: np.ndarray, min_size: int) -> np.ndarray:
    """Dissolve clusters smaller than ``min_size`` and renumber the rest densely.

    Example:
        >>> compact_labels(np.array([2, 2, 0, -1, 2]), 2).tolist()
        [0, 0, -1, -1, 0]
    """
    counts = np.bincount(labels[labels >= 0], minlength=1)
    keep = np.flatnonzero(counts >= min_size)
    mapping = np.full(len(counts), -1, dtype=np.int64)
    mapping[keep] = np.arange(len(keep))
    out = np.full_like(labels, -1)
    out[labels >= 0] = mapping[labels[labels >= 0]]
    return out


def _refine(vectors: np.ndarray, labels: np.ndarray, threshold: float, min_size: int) -> np.ndarray:
    labels = compact_labels(labels, min_size)
    for _ in range(REFINE_ITERATIONS):
        if labels.max() < 0:
            break
        similarities = vectors @ centroids_of(vectors, labels).T
        nearest = similarities.argmax(axis=1)
        best = similarities[np.arange(len(vectors)), nearest]
        # the tolerance keeps identical texts (similarity 1 +- rounding) together
        updated = np.where(best >= threshold - 1e-6, nearest, -1)
        updated = compact_labels(updated, min_size)
        if np.array_equal(updated, labels):
            break
        labels = updated
    return labels


def _mean_pairwise_similarity(vectors: np.ndarray) -> float:
    """Mean cosine similarity over distinct pairs of unit rows, in O(n): from the mean vector."""
    n = len(vectors)
    if n < 2:
        return 0.0
    total = float(np.square(vectors.sum(axis=0, dtype=np.float64)).sum())
    return (total - n) / (n * (n - 1))


def cluster_params(vectors: np.ndarray, min_cluster_size: int) -> ClusterParams:
    """The parameters :func:`cluster_embeddings` uses for these vectors (they adapt to size).

    Example:
        >>> import numpy as np
        >>> cluster_params(np.eye(4, dtype=np.float32), 3).min_cluster_size
        3
    """
    n = len(vectors)
    size = max(min_cluster_size, round(SIZE_SCALE * math.sqrt(n)))
    neighbours = max(1, min(N_NEIGHBORS, n - 1))
    # float error puts the mean similarity of identical vectors a hair above 1
    baseline = min(1.0, max(0.0, _mean_pairwise_similarity(vectors)))
    return ClusterParams(
        min_cluster_size=size,
        min_samples=max(1, min(math.ceil(size / 2), neighbours)),
        n_neighbors=neighbours,
        merge_similarity=baseline + MERGE_FRACTION * (1.0 - baseline),
        reassign_similarity=baseline + REASSIGN_FRACTION * (1.0 - baseline),
    )


def cluster_embeddings(
    vectors: np.ndarray,
    min_cluster_size: int = 3,
    *,
    max_clusters: int | None = None,
    params: ClusterParams | None = None,
) -> np.ndarray:
    """Cluster unit vectors; returns one label per row, ``-1`` for points that fit no cluster.

    Args:
        vectors: ``(n, dim)`` embeddings (normalised here if they are not).
        min_cluster_size: Smallest cluster kept. HDBSCAN's ``min_cluster_size`` grows with ``n``
            from this floor.
        max_clusters: Merge the closest clusters until at most this many remain.
        params: Override the parameters :func:`cluster_params` would choose.

    Returns:
        Labels ``0..k-1`` (in no particular order) and ``-1``.

    Example:
        >>> import numpy as np
        >>> cluster_embeddings(np.eye(4, dtype=np.float32), 3).tolist()
        [-1, -1, -1, -1]
    """
    return cluster_with_core(
        vectors, min_cluster_size, max_clusters=max_clusters, params=params
    ).labels


def cluster_with_core(
    vectors: np.ndarray,
    min_cluster_size: int = 3,
    *,
    max_clusters: int | None = None,
    params: ClusterParams | None = None,
) -> Clustering:
    """:func:`cluster_embeddings` plus which rows are each cluster's core (see :class:`Clustering`).

    Example:
        >>> import numpy as np
        >>> rng = np.random.default_rng(0)
        >>> centres = np.eye(8, dtype=np.float32)[:2]
        >>> points = np.repeat(centres, 10, axis=0) + rng.normal(0, 0.05, (20, 8)).astype(np.float32)
        >>> result = cluster_with_core(points, 3)
        >>> bool(result.core[result.labels >= 0].all()), bool(result.core[result.labels < 0].any())
        (True, False)
    """
    vectors = _unit(vectors)
    n = len(vectors)
    if n < min_cluster_size:
        none = np.full(n, -1, dtype=np.int64)
        return Clustering(none, np.zeros(n, dtype=bool), params)
    params = params or cluster_params(vectors, min_cluster_size)
    labels = (
        _hdbscan(vectors, params.min_cluster_size, params.min_samples, params.n_neighbors)
        if n > 2
        else np.full(n, -1)
    )
    if labels.max() < 1 and n <= FALLBACK_MAX_POINTS:
        # HDBSCAN needs a split into two dense parts; a few dozen statements may not have one
        logger.debug(
            "HDBSCAN found %d cluster(s) in %d points; trying agglomerative", labels.max() + 1, n
        )
        labels = _fallback(vectors, labels, min_cluster_size, params.reassign_similarity)
    density = _merge(vectors, labels, params.merge_similarity, max_clusters)
    final = _refine(vectors, density, params.reassign_similarity, min_cluster_size)
    return Clustering(final, core_members(density, final), params)


__all__ = [
    "ClusterParams",
    "Clustering",
    "centroids_of",
    "cluster_embeddings",
    "cluster_sums",
    "cluster_params",
    "cluster_with_core",
    "core_members",
    "nearest_neighbors",
]
