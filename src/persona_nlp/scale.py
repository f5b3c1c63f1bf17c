"""Clustering that stays near-linear: cluster a sample exactly, assign the rest to its centroids.

:func:`persona_nlp.clustering.cluster_embeddings` builds an exact k-nearest-neighbour graph, which
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

from .clustering import ClusterParams, _compact
from .config import ExtractConfig
from .embed import Embedder, _normalise
from .schema import Corpus, Statement

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
        block = _normalise(vectors[start : start + chunk]) @ centroids.T
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
        sums += members @ _normalise(vectors[start : start + chunk])
    return _normalise(sums)


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

    The themes stage uses this above ``ThemeConfig.sample_above`` statements of a kind: the
    parameters carry the similarity a statement needed to join a theme.

    Example:
        >>> import numpy as np
        >>> labels, params = sampled_clustering(np.eye(4, dtype=np.float32), 3)
        >>> params.min_cluster_size
        3
    """
    from .clustering import cluster_embeddings, cluster_params

    n = len(vectors)
    if n <= sample_size:
        vectors = _normalise(np.asarray(vectors, dtype=np.float32))
        params = cluster_params(vectors, min_cluster_size)
        labels = cluster_embeddings(
            vectors, min_cluster_size, max_clusters=max_clusters, params=params
        )
        return labels, params
    index = sample_indices(n, sample_size, seed)
    sample = _normalise(vectors[index])
    params = cluster_params(sample, min_cluster_size)
    sample_labels = cluster_embeddings(
        sample, min_cluster_size, max_clusters=max_clusters, params=params
    )
    k = int(sample_labels.max()) + 1
    logger.debug("clustered a sample of %d of %d points into %d clusters", len(index), n, k)
    if k == 0:
        return np.full(n, -1, dtype=np.int64), params
    centroids = _centroids(sample, sample_labels, k)
    labels = _compact(
        assign_to_centroids(vectors, centroids, params.reassign_similarity), min_cluster_size
    )
    for _ in range(REFINE_ITERATIONS):
        k = int(labels.max()) + 1
        if k == 0:
            break
        updated = _compact(
            assign_to_centroids(
                vectors, _centroids(vectors, labels, k), params.reassign_similarity
            ),
            min_cluster_size,
        )
        if np.array_equal(updated, labels):
            break
        labels = updated
    return labels, params


EXTRACT_PART_TURNS = 20_000
"""Turns extracted at a time on the local path: extraction's working memory (sentences,
features, candidate spans) is bounded by a part, not by the whole corpus."""


def extract_in_parts(
    corpus: Corpus,
    embedder: Embedder,
    config: ExtractConfig,
    *,
    seed: int,
    column_kinds: dict[str, str] | None = None,
    part_turns: int = EXTRACT_PART_TURNS,
) -> list[Statement]:
    """``extract_statements`` on parts of about ``part_turns`` turns, merged in its own order.

    The parts are those of the Dask path (:func:`persona_nlp.distributed.partition_corpus`:
    surveys split between rows, interviews whole), so the statements are the same as one call
    on the whole corpus; a corpus of at most ``part_turns`` turns is extracted in one call.

    Example:
        >>> from persona_nlp.embed import HashingEmbedder
        >>> from persona_nlp.config import ExtractConfig
        >>> extract_in_parts(Corpus(), HashingEmbedder(), ExtractConfig(), seed=1)
        []
    """
    from .distributed import partition_corpus, statement_order
    from .extract import extract_statements

    if sum(len(document.turns) for document in corpus.documents) <= part_turns:
        return extract_statements(corpus, embedder, config, seed=seed, column_kinds=column_kinds)
    statements: list[Statement] = []
    for part in partition_corpus(corpus, part_turns):
        statements.extend(
            extract_statements(part, embedder, config, seed=seed, column_kinds=column_kinds)
        )
    statements.sort(key=statement_order)
    return statements


BYTES_PER_TURN = 8_000
"""Peak memory the pipeline needs per respondent turn (survey answer): with the default model
the whole ``persona-nlp analyze`` process peaked at 5.56 GB on 999,709 generated survey answers
(925,529 turns, language alignment on; ``benchmarks/RESULTS.md``), about 6.4 KB a turn with
everything held; 8 KB leaves room for longer answers than the generated ones. Re-measure when
the stages change."""

BASE_BYTES = 600 * 2**20
"""Memory still to come for the embedding model and its libraries when the check runs."""

CHECK_FROM = 50_000
"""Inputs with fewer turns are never refused (they fit any machine that runs the model)."""


def available_memory() -> int | None:
    """Bytes this process can still allocate: the smaller of ``MemAvailable`` and the cgroup's
    remaining limit; ``None`` where neither can be read (not Linux).

    Example:
        >>> available_memory() is None or available_memory() > 0
        True
    """
    candidates: list[int] = []
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    candidates.append(int(line.split()[1]) * 1024)
    except OSError:
        pass
    for limit_file, usage_file in (
        ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory.current"),
        (
            "/sys/fs/cgroup/memory/memory.limit_in_bytes",
            "/sys/fs/cgroup/memory/memory.usage_in_bytes",
        ),
    ):
        try:
            limit = open(limit_file, encoding="ascii").read().strip()
            usage = int(open(usage_file, encoding="ascii").read().strip())
        except (OSError, ValueError):
            continue
        if limit.isdigit() and int(limit) < 2**60:
            candidates.append(max(0, int(limit) - usage))
    return min(candidates) if candidates else None


def check_memory(n_turns: int, *, available: int | None = None) -> None:
    """Refuse, with one clear line, an analysis that would run out of memory in this process.

    Called after ingestion with the number of turns read (inputs under :data:`CHECK_FROM` turns
    are never refused): the estimate
    (:data:`BASE_BYTES` + ``n_turns`` x :data:`BYTES_PER_TURN`) is compared with what the
    machine (or container) still has, so a too-large input fails in seconds with a fix instead
    of being killed by the operating system an hour later.

    Args:
        n_turns: Turns (survey answers, interview turns) in the corpus.
        available: Bytes available; measured with :func:`available_memory` when not given.

    Raises:
        InputError: The estimate exceeds what is available (reason ``too_large``).

    Example:
        >>> check_memory(100_000, available=8 * 2**30)
        >>> check_memory(2_000_000, available=8 * 2**30)
        Traceback (most recent call last):
        ...
        persona_nlp.errors.InputError: 2,000,000 turns need about 15.5 GB of memory in one process; 8.0 GB is available (fix: analyse at most 990,000 turns per run (split the input, e.g. by wave or question), or use a machine with more memory)
    """
    from .errors import InputError

    if n_turns < CHECK_FROM:
        return
    available = available_memory() if available is None else available
    if available is None:
        return
    need = BASE_BYTES + n_turns * BYTES_PER_TURN
    if need <= available:
        return
    fits = max(0, (available - BASE_BYTES) // BYTES_PER_TURN)
    fits = int(fits // 10_000 * 10_000) or int(fits)
    raise InputError(
        f"{n_turns:,} turns need about {need / 2**30:.1f} GB of memory in one process; "
        f"{available / 2**30:.1f} GB is available",
        fix=f"analyse at most {fits:,} turns per run (split the input, e.g. by wave or question), "
        "or use a machine with more memory",
        reason="too_large",
    )


__all__ = [
    "ASSIGN_CHUNK",
    "BYTES_PER_TURN",
    "available_memory",
    "check_memory",
    "extract_in_parts",
    "SAMPLE_SIZE",
    "assign_to_centroids",
    "cluster_sampled",
    "sample_indices",
    "sampled_clustering",
]
