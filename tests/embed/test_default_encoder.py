"""Which encoder runs by default, when it falls back to fp32 torch, and the CLI's torch-free start."""

from __future__ import annotations

import sys

import pytest

from persona_nlp.config import DEFAULT_MODEL, FP32_MODEL, AnalysisConfig
from persona_nlp.embed import SentenceTransformerEmbedder, load_embedder, needs_torch

onnxruntime = pytest.importorskip("onnxruntime")


@pytest.fixture()
def no_gpu(monkeypatch):
    """Pretend the machine has no NVIDIA GPU (the selection checks /proc, never torch)."""
    import persona_nlp.embed as embed

    monkeypatch.setattr(embed, "_nvidia_gpu_present", lambda: False)


def test_the_default_is_the_onnx_graph_of_the_bundled_weights(no_gpu):
    from persona_nlp.embed import DEFAULT_MODEL_SHA256
    from persona_nlp.embed.onnx import OnnxEmbedder, OnnxInt8Embedder

    assert AnalysisConfig().embed.model == "auto" and DEFAULT_MODEL == "minilm-onnx"
    for embedder in (load_embedder(), load_embedder("default"), load_embedder("auto")):
        assert type(embedder) is OnnxEmbedder
        # the torch model's vectors: same fingerprint, so the same shipped classifier fit
        assert embedder.fingerprint == DEFAULT_MODEL_SHA256
    int8 = load_embedder("minilm-int8")
    assert isinstance(int8, OnnxInt8Embedder) and int8.fingerprint.startswith("onnx-int8-v1:")
    assert int8.graph_path() != load_embedder().graph_path()
    assert not needs_torch() and not needs_torch("default", device="cpu")
    assert not needs_torch("minilm-int8") and not needs_torch("auto")


def test_fp32_on_torch_is_one_option_away(no_gpu):
    for name in (FP32_MODEL, "minilm-torch", "all-MiniLM-L6-v2"):
        embedder = load_embedder(name)
        assert isinstance(embedder, SentenceTransformerEmbedder)
        assert needs_torch(name)


def test_a_gpu_device_or_a_missing_onnxruntime_falls_back_to_fp32(no_gpu, monkeypatch, caplog):
    for name in ("minilm-onnx", "minilm-int8"):
        embedder = load_embedder(name, device="cuda")
        assert isinstance(embedder, SentenceTransformerEmbedder)
        assert embedder.name == FP32_MODEL and embedder.device == "cuda"
        assert needs_torch(name, device="cuda")

    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import onnxruntime -> ImportError
    with caplog.at_level("WARNING", logger="persona_nlp.embed"):
        embedder = load_embedder()
    assert isinstance(embedder, SentenceTransformerEmbedder) and embedder.name == FP32_MODEL
    assert "onnxruntime is not installed" in caplog.text


def test_a_cuda_gpu_onnxruntime_cannot_use_goes_to_torch(monkeypatch):
    import persona_nlp.embed as embed

    monkeypatch.setattr(embed, "_nvidia_gpu_present", lambda: True)
    monkeypatch.setattr(onnxruntime, "get_available_providers", lambda: ["CPUExecutionProvider"])
    assert isinstance(load_embedder(), SentenceTransformerEmbedder)
    monkeypatch.setattr(
        onnxruntime,
        "get_available_providers",
        lambda: ["CUDAExecutionProvider", "CPUExecutionProvider"],
    )
    assert not isinstance(load_embedder(), SentenceTransformerEmbedder)
