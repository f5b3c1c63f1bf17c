"""Shared fixtures. The real embedding model loads once per test session."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def real_embedder():
    """The offline default model (all-MiniLM-L6-v2), wrapped in an in-memory cache."""
    from persona_nlp.embed import SentenceTransformerEmbedder
    from persona_nlp.embed.cache import CachedEmbedder

    return CachedEmbedder(SentenceTransformerEmbedder())


@pytest.fixture()
def hashing_embedder():
    """A deterministic model-free embedder for unit tests."""
    from persona_nlp.embed import HashingEmbedder

    return HashingEmbedder(dim=64)


# Property tests draw the same examples on every run (deterministic test suite); a failure
# found once is reproduced every time rather than appearing at random.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("persona_nlp", derandomize=True, database=None)
_hypothesis_settings.load_profile("persona_nlp")
