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

import functools
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..embed import distinct_rows

N_BUCKETS = 1 << 20
"""Hash space of the n-gram features (only buckets seen in training are kept)."""

WORD_CACHE = 200_000
"""Distinct words whose n-gram buckets are kept between calls (about 60 MB when full)."""

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


def _crc_bucket(gram: str) -> int:
    return zlib.crc32(gram.encode("utf-8")) & (N_BUCKETS - 1)


@functools.lru_cache(maxsize=WORD_CACHE)
def _word_hashes(word: str) -> np.ndarray:
    """Buckets of one word's character 2-5-grams and of the word itself (cached: words repeat)."""
    grams = ngrams(word)  # char n-grams of the padded word, then "w:word"
    return np.fromiter(map(_crc_bucket, grams), dtype=np.int64, count=len(grams))


def _hashes(text: str) -> np.ndarray:
    """Buckets of :func:`ngrams` of ``text`` (as a multiset; the order is not kept)."""
    words = _NON_WORD.sub(" ", text.lower()).split()
    if not words:
        return np.zeros(0, dtype=np.int64)
    parts = [_word_hashes(word) for word in words]
    if len(words) > 1:
        bigrams = [f"w:{a} {b}" for a, b in zip(words, words[1:], strict=False)]
        parts.append(np.fromiter(map(_crc_bucket, bigrams), dtype=np.int64, count=len(bigrams)))
    return np.concatenate(parts)


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

    @functools.cached_property
    def _table(self) -> np.ndarray:
        """Bucket id -> feature column (``-1``: not kept); a 4 MB lookup table, made once."""
        table = np.full(N_BUCKETS, -1, dtype=np.int32)
        table[self.buckets] = np.arange(self.size, dtype=np.int32)
        return table

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

        # each distinct text once, all texts' buckets looked up together (no per-text numpy)
        distinct, rows_of = distinct_rows(texts)
        hashed_texts = [_hashes(text) for text in distinct]
        n = len(hashed_texts)
        lengths = np.fromiter(map(len, hashed_texts), dtype=np.int64, count=n)
        hashed = np.concatenate(hashed_texts) if n else np.zeros(0, dtype=np.int64)
        owner = np.repeat(np.arange(n, dtype=np.int64), lengths)
        position = self._table[hashed]
        found = position >= 0
        owner, position = owner[found], position[found].astype(np.int64)
        keys, counts = np.unique(owner * max(self.size, 1) + position, return_counts=True)
        row, column = np.divmod(keys, max(self.size, 1))
        weights = (1.0 + np.log(counts)) * self.idf[column]
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(row, minlength=n), out=indptr[1:])
        starts = indptr[:-1][indptr[:-1] < indptr[1:]]
        norms = np.zeros(n)
        if len(weights):
            norms[indptr[:-1] < indptr[1:]] = np.sqrt(np.add.reduceat(weights * weights, starts))
        row_norm = norms[row]
        values = np.where(row_norm > 0, weights / np.where(row_norm > 0, row_norm, 1.0), weights)
        matrix = sparse.csr_matrix((values, column, indptr), shape=(n, self.size), dtype=np.float32)
        if n == len(texts):
            return matrix
        return matrix[rows_of]


__all__ = ["N_BUCKETS", "NgramVocabulary", "ngrams"]
