"""The int8 ONNX encoder of the default model (embed/onnx.py)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

pytest.importorskip("onnxruntime")
pytestmark = pytest.mark.slow  # exports the model on first use and loads the fp32 model too

TEXTS = [
    "I always wait for the sale before I buy anything expensive.",
    "The app logs me out every five minutes.",
    "A colleague recommended you at a conference.",
    "Vi vil gerne spise mindre kød.",
    "Takut barangnya KW.",
    "Pin điện thoại của tôi hết từ ba giờ chiều.",
    "shipping",
    "n/a",
    "Honestly, between work and the kids I barely have time to compare energy tariffs, so I "
    "just stay with whoever I had before even if it is more expensive than it should be.",
]


@pytest.fixture(scope="module")
def int8(tmp_path_factory):
    import os

    from persona_nlp.embed.onnx import OnnxInt8Embedder

    os.environ["PERSONA_NLP_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    embedder = OnnxInt8Embedder()
    embedder.encode(["warm up"])  # exports once into the temporary cache
    yield embedder
    os.environ.pop("PERSONA_NLP_CACHE", None)


def test_int8_vectors_match_the_fp32_model_and_keep_the_input_order(int8, real_embedder):
    quantised = int8.encode(TEXTS)
    reference = real_embedder.encode(TEXTS)
    cosine = (quantised * reference).sum(axis=1)
    assert quantised.shape == reference.shape and quantised.dtype == np.float32
    assert np.allclose(np.linalg.norm(quantised, axis=1), 1.0, atol=1e-5)
    assert cosine.mean() > 0.97 and cosine.min() > 0.9
    # the same texts in another order: identical vectors, in the caller's order
    order = np.random.default_rng(0).permutation(len(TEXTS))
    assert np.array_equal(int8.encode([TEXTS[i] for i in order]), quantised[order])
    # activations are quantised per batch: alone, a text's vector moves only slightly
    one_by_one = np.stack([int8.encode([text])[0] for text in TEXTS])
    assert (one_by_one * quantised).sum(axis=1).min() > 0.96
    assert int8.encode([]).shape == (0, 384)


def test_fingerprint_names_the_recipe_and_the_weights_not_the_exported_bytes(int8):
    from persona_nlp.embed import DEFAULT_MODEL_SHA256

    assert int8.fingerprint == f"onnx-int8-v1:{DEFAULT_MODEL_SHA256}"


def test_a_cached_graph_embeds_without_importing_torch(int8):
    code = (
        "import sys\n"
        "from persona_nlp.embed import load_embedder\n"
        "load_embedder('minilm-int8').encode(['I always wait for the sale'])\n"
        "print('TORCH' if 'torch' in sys.modules else 'NO-TORCH')\n"
    )
    import os

    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ
    )
    assert result.stdout.strip().endswith("NO-TORCH")
