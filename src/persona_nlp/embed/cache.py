"""Embedding cache: identical texts are embedded once per run, and optionally once ever.

:class:`CachedEmbedder` wraps any :class:`~persona_nlp.embed.Embedder`. It deduplicates texts,
keeps the vectors of this run in memory, and - with ``cache_dir`` - stores them on disk in a
SQLite file per model (named after the model fingerprint), keyed by the sha1 of the text.

Design points:

* **Same numbers, cached or not.** Every vector is rounded to float16 once, whether it was just
  computed or read back from disk, so a warm-cache re-run gives bit-identical embeddings (and so
  identical themes) to a cold run. float16 keeps ~3 significant digits, far below what
  clustering of unit vectors can notice, and halves memory and disk.
* **Memory.** Vectors live in one growing float16 matrix (768 bytes a vector for 384-d models)
  with a text -> row index, not one numpy object per text: a million cached sentences take
  ~0.8 GB instead of ~2 GB.
* **Concurrent runs.** SQLite in WAL mode: readers never block, writers queue (busy timeout 60 s).
  New vectors are committed in chunks while embedding proceeds, so an interrupted run keeps what
  it computed and a parallel run can pick it up. ``INSERT OR IGNORE`` makes two runs that embed
  the same text harmless. Use a local disk: SQLite WAL does not work on network file systems.
* **Threads and processes.** One instance may be used from several threads (a lock serialises
  ``encode``). Pickling keeps the wrapped embedder and the cache folder, not the open connection
  or the in-memory vectors, so an instance can be shipped to worker processes.
* A failure to *write* the disk cache (read-only folder, full disk) is logged once as a warning
  and the run continues from memory; embeddings are never wrong because of the cache.

Example:
    >>> from persona_nlp.embed import HashingEmbedder
    >>> cached = CachedEmbedder(HashingEmbedder(dim=8))
    >>> cached.encode(["a b", "a b", "c"]).shape
    (3, 8)
    >>> cached.misses
    2
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from . import Embedder

logger = logging.getLogger(__name__)

_SCHEMA = "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL)"
_LOOKUP_CHUNK = 4096  # keys per IN (...) query; SQLite >= 3.32 allows 32766 parameters
ENCODE_CHUNK = 8192
"""Texts embedded (and committed to disk) per call of the wrapped embedder."""
GATHER_CHUNK = 65536
"""Rows :meth:`CachedEmbedder.encode` converts from float16 at a time."""
_BUSY_TIMEOUT_S = 60.0


def _key(text: str) -> bytes:
    return hashlib.sha1(text.encode("utf-8")).digest()


def cache_file(cache_dir: str | Path, fingerprint: str) -> Path:
    """The SQLite file that holds one model's vectors inside a cache folder.

    Example:
        >>> cache_file("/tmp/cache", "hashing-8").name
        'embeddings-fdecc03d50d9e593.sqlite'
    """
    safe = hashlib.sha1(fingerprint.encode()).hexdigest()[:16]
    return Path(cache_dir) / f"embeddings-{safe}.sqlite"


class CachedEmbedder:
    """Wrap an embedder with an in-memory and optional on-disk cache.

    Args:
        embedder: The embedder to wrap.
        cache_dir: Folder for the on-disk cache (created if missing); ``None`` for memory only.

    Attributes:
        hits: Texts served from a cache (memory or disk) so far.
        misses: Texts that had to be embedded so far.
    """

    def __init__(self, embedder: Embedder, cache_dir: str | Path | None = None) -> None:
        self.embedder = embedder
        self.name = embedder.name
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.hits = 0
        self.misses = 0
        self._init_state()

    def _init_state(self) -> None:
        self._index: dict[str, int] = {}
        self._matrix: np.ndarray | None = None  # float16, rows [0, len(self._index)) are used
        self._connection: sqlite3.Connection | None = None
        self._write_failed = False
        self._dim: int | None = None
        self._lock = threading.RLock()

    def __getstate__(self) -> dict[str, Any]:
        return {
            "embedder": self.embedder,
            "name": self.name,
            "cache_dir": self.cache_dir,
            "hits": self.hits,
            "misses": self.misses,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._init_state()

    @property
    def fingerprint(self) -> str:
        """The wrapped embedder's fingerprint."""
        return self.embedder.fingerprint

    def __len__(self) -> int:
        """Number of distinct texts held in memory."""
        return len(self._index)

    # -- disk ---------------------------------------------------------------------------------

    def _db(self) -> sqlite3.Connection | None:
        if self.cache_dir is None or (self._write_failed and self._connection is None):
            return None
        if self._connection is None:
            try:
                self.cache_dir.mkdir(parents=True, exist_ok=True)
                path = cache_file(self.cache_dir, self.fingerprint)
                connection = sqlite3.connect(
                    path, timeout=_BUSY_TIMEOUT_S, check_same_thread=False, isolation_level=None
                )
            except (OSError, sqlite3.Error) as error:
                # a file where the folder should be, or a folder we may not create: the docs
                # promise one warning and a run from memory, not a failed analysis
                self._write_failed = True
                logger.warning(
                    "embedding cache folder %s is not usable (%s); continuing without a disk cache",
                    self.cache_dir,
                    getattr(error, "strerror", None) or error,
                )
                return None
            # Switching to WAL needs a moment of exclusive access; another process creating the
            # same file at the same instant can make it fail once with "database is locked".
            deadline = time.monotonic() + _BUSY_TIMEOUT_S
            while True:
                try:
                    connection.execute("PRAGMA journal_mode=WAL")
                    connection.execute("PRAGMA synchronous=NORMAL")
                    connection.execute("PRAGMA cache_size=-65536")  # 64 MiB page cache
                    connection.execute("PRAGMA mmap_size=1073741824")  # read through mmap
                    connection.execute(_SCHEMA)
                    break
                except sqlite3.OperationalError as error:
                    if "locked" not in str(error) or time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
            self._connection = connection
        return self._connection

    def _load_from_disk(self, texts: list[str]) -> None:
        """Move the vectors of texts found on disk into memory.

        Keys are looked up in sorted order, so successive ``IN (...)`` queries walk the B-tree
        left to right (pages stay hot) instead of jumping around a large file at random.
        """
        db = self._db()
        if db is None or not texts:
            return
        by_key = {_key(t): t for t in texts}
        keys = sorted(by_key)
        for start in range(0, len(keys), _LOOKUP_CHUNK):
            chunk = keys[start : start + _LOOKUP_CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = db.execute(
                f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk
            ).fetchall()
            if not rows:
                continue
            found = [by_key[bytes(key)] for key, _ in rows]
            dim = len(rows[0][1]) // 2
            vectors16 = np.frombuffer(b"".join(blob for _, blob in rows), np.float16)
            self._remember(found, vectors16.reshape(-1, dim))

    def _to_disk(self, texts: list[str], vectors: np.ndarray) -> None:
        if self._write_failed or not texts:
            return
        db = self._db()
        if db is None:
            return
        rows = [(_key(t), v.tobytes()) for t, v in zip(texts, vectors, strict=True)]
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                db.executemany("INSERT OR IGNORE INTO vectors (key, vector) VALUES (?, ?)", rows)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            self._write_failed = True
            logger.warning(
                "embedding cache %s is not writable (%s); continuing without storing new vectors",
                self.cache_dir,
                error,
            )

    # -- memory -------------------------------------------------------------------------------

    def _remember(self, texts: list[str], vectors16: np.ndarray) -> None:
        """Append float16 rows for texts not yet in memory."""
        if not texts:
            return
        n_old = len(self._index)
        needed = n_old + len(texts)
        if self._matrix is None:
            self._dim = vectors16.shape[1]
            self._matrix = np.empty((max(needed, 1024), vectors16.shape[1]), dtype=np.float16)
        elif needed > self._matrix.shape[0]:
            grown = np.empty(
                (max(needed, 2 * self._matrix.shape[0]), self._matrix.shape[1]), np.float16
            )
            grown[:n_old] = self._matrix[:n_old]
            self._matrix = grown
        self._matrix[n_old:needed] = vectors16
        for offset, text in enumerate(texts):
            self._index[text] = n_old + offset

    def store(self, texts: Sequence[str], vectors: np.ndarray) -> None:
        """Add vectors computed elsewhere (e.g. on worker processes) to the memory cache.

        They are rounded to float16 like every cached vector. Texts already cached are ignored,
        and nothing is written to disk (whoever computed them wrote them there).

        Example:
            >>> from persona_nlp.embed import HashingEmbedder
            >>> cached = CachedEmbedder(HashingEmbedder(dim=4))
            >>> cached.store(["x"], HashingEmbedder(dim=4).encode(["x"]))
            >>> _ = cached.encode(["x"]); cached.misses
            0
        """
        with self._lock:
            fresh: dict[str, int] = {}
            for row, text in enumerate(texts):
                if text not in self._index and text not in fresh:
                    fresh[text] = row
            if fresh:
                rows = np.asarray(vectors)[list(fresh.values())]
                self._remember(list(fresh), np.asarray(rows, dtype=np.float16))

    # -- the API ------------------------------------------------------------------------------

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts, computing only those not cached; rows align with ``texts``.

        Returns float32 rows that went through float16 (see the module docstring).
        """
        with self._lock:
            unique = list(dict.fromkeys(t for t in texts if t not in self._index))
            known = len(self._index)
            self._load_from_disk(unique)
            missing = (
                [t for t in unique if t not in self._index] if len(self._index) > known else unique
            )
            self.hits += len(texts) - len(missing)
            # longest first over all missing texts (the model's own order within a call), so the
            # chunks' batches hold texts of similar length, as one call would: less padding
            missing.sort(key=len, reverse=True)
            for start in range(0, len(missing), ENCODE_CHUNK):
                chunk = missing[start : start + ENCODE_CHUNK]
                vectors16 = np.asarray(self.embedder.encode(chunk), dtype=np.float16)
                self.misses += len(chunk)
                self._to_disk(chunk, vectors16)
                self._remember(chunk, vectors16)
            if not texts:
                if self._dim is None:
                    self._dim = int(self.embedder.encode(["x"]).shape[1])
                return np.zeros((0, self._dim), dtype=np.float32)
            assert self._matrix is not None
            rows = np.fromiter((self._index[t] for t in texts), dtype=np.int64, count=len(texts))
            # gathered into the float32 result a block at a time: no float16 copy of every row
            out = np.empty((len(rows), self._matrix.shape[1]), dtype=np.float32)
            for start in range(0, len(rows), GATHER_CHUNK):
                out[start : start + GATHER_CHUNK] = self._matrix[rows[start : start + GATHER_CHUNK]]
            return out

    def close(self) -> None:
        """Close the on-disk cache (the in-memory vectors stay usable)."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None


__all__ = ["ENCODE_CHUNK", "CachedEmbedder", "cache_file"]
