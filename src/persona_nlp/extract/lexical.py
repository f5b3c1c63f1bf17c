"""The lexical channel of the classifier: hashed character n-grams with bank-fitted IDF.

A small English-only embedding model places a Danish "vi vil gerne ..." or an Indonesian
"saya pengen ..." wherever its English sub-word pieces fall; the *wording* of goals, objections
and habits in those languages is then lost. Character n-grams (2-5 characters inside word
boundaries, like scikit-learn's ``char_wb``) plus word unigrams and bigrams recover it cheaply:
"gerne", "pengen", "muốn", "altijd", "ongkir" become features of their own. They are hashed
(CRC-32, so stable across processes and versions) into ``2**20`` buckets; only buckets seen in
at least ``min_df`` training examples are kept (a vocabulary of bucket ids), weighted by
sublinear TF times IDF and L2-normalised per segment.

Example:
    >>> vocab = NgramVocabulary.fit(["I want a bike", "I want a car", "the bike broke"])
    >>> vocab.transform(["I want a tandem"]).shape[0]
    1
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

N_BUCKETS = 1 << 20
"""Hash space of the n-gram features (only buckets seen in training are kept)."""

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def ngrams(text: str, low: int = 2, high: int = 5) -> list[str]:
    """Character n-grams inside word boundaries (``char_wb``) plus word unigrams and bigrams.

    Example:
        >>> ngrams("Vi vil", 2, 3)[:4]
        [' v', 'vi', 'i ', ' vi']
    """
    words = _NON_WORD.sub(" ", text.lower()).split()
    out: list[str] = []
    for word in words:
        padded = f" {word} "
        for size in range(low, high + 1):
            if len(padded) < size:
                break
            out.extend(padded[i : i + size] for i in range(len(padded) - size + 1))
    out.extend(f"w:{word}" for word in words)
    out.extend(f"w:{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return out


def _hashes(text: str) -> np.ndarray:
    return np.fromiter(
        (zlib.crc32(gram.encode("utf-8")) & (N_BUCKETS - 1) for gram in ngrams(text)),
        dtype=np.int64,
    )


@dataclass
class NgramVocabulary:
    """Kept hash buckets and their IDF weights.

    Attributes:
        buckets: Sorted bucket ids kept as features (column ``j`` is ``buckets[j]``).
        idf: IDF weight per kept bucket.
    """

    buckets: np.ndarray
    idf: np.ndarray

    @classmethod
    def fit(cls, texts: Sequence[str], min_df: int = 2) -> NgramVocabulary:
        """Keep the buckets found in at least ``min_df`` texts; smooth IDF as in scikit-learn.

        Example:
            >>> len(NgramVocabulary.fit(["ab", "ab"]).buckets) > 0
            True
        """
        counts: dict[int, int] = {}
        for text in texts:
            for bucket in np.unique(_hashes(text)).tolist():
                counts[bucket] = counts.get(bucket, 0) + 1
        kept = sorted(b for b, df in counts.items() if df >= min_df)
        df = np.array([counts[b] for b in kept], dtype=np.float64)
        idf = np.log((1.0 + len(texts)) / (1.0 + df)) + 1.0
        return cls(np.array(kept, dtype=np.int64), idf.astype(np.float32))

    @property
    def size(self) -> int:
        """Number of features."""
        return len(self.buckets)

    def transform(self, texts: Sequence[str]) -> Any:
        """A ``scipy.sparse`` CSR matrix ``(len(texts), size)``: sublinear TF-IDF, rows L2-normalised.

        Example:
            >>> NgramVocabulary.fit(["ab cd", "ab ef"]).transform(["ab"]).nnz > 0
            True
        """
        from scipy import sparse

        indptr = [0]
        indices: list[np.ndarray] = []
        values: list[np.ndarray] = []
        for text in texts:
            hashed = _hashes(text)
            position = np.searchsorted(self.buckets, hashed)
            position = np.minimum(position, max(0, self.size - 1))
            found = position[self.buckets[position] == hashed] if self.size else position[:0]
            columns, counts = np.unique(found, return_counts=True)
            weights = (1.0 + np.log(counts)) * self.idf[columns]
            norm = float(np.sqrt(np.sum(weights * weights)))
            indices.append(columns)
            values.append(weights / norm if norm > 0 else weights)
            indptr.append(indptr[-1] + len(columns))
        return sparse.csr_matrix(
            (
                np.concatenate(values) if values else np.zeros(0),
                np.concatenate(indices) if indices else np.zeros(0, dtype=np.int64),
                np.array(indptr),
            ),
            shape=(len(texts), self.size),
            dtype=np.float32,
        )


__all__ = ["N_BUCKETS", "NgramVocabulary", "ngrams"]
