"""Embedding cache: identical texts are embedded once per run, and optionally once ever.

:class:`CachedEmbedder` wraps any :class:`~persona_nlp.embed.Embedder`. It deduplicates texts,
keeps vectors of this run in memory, and - with ``cache_dir`` - stores them on disk in a SQLite
file keyed by the model fingerprint and the text's sha1. SQLite in WAL mode makes the cache safe
under concurrent runs (several processes may read and write the same folder).

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
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .embed import Embedder

_SCHEMA = "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL)"


def _key(text: str) -> bytes:
    return hashlib.sha1(text.encode("utf-8")).digest()


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
        self._memory: dict[str, np.ndarray] = {}
        self._connection: sqlite3.Connection | None = None
        self.hits = 0
        self.misses = 0

    @property
    def fingerprint(self) -> str:
        """The wrapped embedder's fingerprint."""
        return self.embedder.fingerprint

    def _db(self) -> sqlite3.Connection | None:
        if self.cache_dir is None:
            return None
        if self._connection is None:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            safe = hashlib.sha1(self.fingerprint.encode()).hexdigest()[:16]
            path = self.cache_dir / f"embeddings-{safe}.sqlite"
            connection = sqlite3.connect(path, timeout=60.0)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute(_SCHEMA)
            connection.commit()
            self._connection = connection
        return self._connection

    def _from_disk(self, texts: list[str]) -> dict[str, np.ndarray]:
        db = self._db()
        found: dict[str, np.ndarray] = {}
        if db is None or not texts:
            return found
        keys = {_key(t): t for t in texts}
        key_list = list(keys)
        for start in range(0, len(key_list), 900):
            chunk = key_list[start : start + 900]
            marks = ",".join("?" * len(chunk))
            for key, blob in db.execute(
                f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk
            ):
                found[keys[bytes(key)]] = np.frombuffer(blob, dtype=np.float16).astype(np.float32)
        return found

    def _to_disk(self, texts: list[str], vectors: np.ndarray) -> None:
        db = self._db()
        if db is None or not texts:
            return
        rows = [
            (_key(t), v.astype(np.float16).tobytes()) for t, v in zip(texts, vectors, strict=True)
        ]
        with db:
            db.executemany("INSERT OR IGNORE INTO vectors (key, vector) VALUES (?, ?)", rows)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts, computing only those not cached; rows align with ``texts``."""
        unique = list(dict.fromkeys(t for t in texts if t not in self._memory))
        from_disk = self._from_disk(unique)
        self._memory.update(from_disk)
        missing = [t for t in unique if t not in from_disk]
        self.hits += len(texts) - len(missing)
        if missing:
            vectors = self.embedder.encode(missing)
            self.misses += len(missing)
            self._to_disk(missing, vectors)
            for text, vector in zip(missing, vectors, strict=True):
                self._memory[text] = np.asarray(vector, dtype=np.float32)
        if not texts:
            probe = self.embedder.encode(["x"])
            return np.zeros((0, probe.shape[1]), dtype=np.float32)
        return np.stack([self._memory[t] for t in texts]).astype(np.float32, copy=False)

    def close(self) -> None:
        """Close the on-disk cache."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None


__all__ = ["CachedEmbedder"]
