"""Near-linear clustering (persona_nlp.scale) and the survey generator used by the benchmarks."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import numpy as np
from sklearn.metrics import adjusted_rand_score

from persona_nlp.clustering import cluster_embeddings
from persona_nlp.scale import assign_to_centroids, cluster_sampled, sample_indices

ROOT = Path(__file__).resolve().parents[1]


def _blobs(n: int, k: int = 6, dim: int = 32, noise: float = 0.35, seed: int = 0):
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(k, dim)).astype(np.float32)
    truth = rng.integers(0, k, n)
    points = centres[truth] + rng.normal(0, noise, (n, dim)).astype(np.float32)
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    return points, truth


def test_small_input_is_the_exact_clustering():
    points, _ = _blobs(300)
    assert np.array_equal(
        cluster_sampled(points, 3, sample_size=1000), cluster_embeddings(points, 3)
    )


def test_sampled_clustering_recovers_clusters_and_is_seeded():
    points, truth = _blobs(6000)
    labels = cluster_sampled(points.astype(np.float16), 3, sample_size=800, seed=4)
    assert adjusted_rand_score(truth, labels) > 0.95
    again = cluster_sampled(points.astype(np.float16), 3, sample_size=800, seed=4)
    assert np.array_equal(labels, again)


def test_max_clusters_is_respected_when_sampling():
    points, _ = _blobs(3000, k=8)
    labels = cluster_sampled(points, 3, max_clusters=4, sample_size=500, seed=1)
    assert 1 <= labels.max() + 1 <= 4


def test_assignment_is_chunk_independent_and_thresholded():
    points, _ = _blobs(1000)
    centroids = points[:5]
    whole = assign_to_centroids(points, centroids, 0.3, chunk=10_000)
    assert np.array_equal(whole, assign_to_centroids(points, centroids, 0.3, chunk=7))
    assert (assign_to_centroids(points, centroids, 1.01) == -1).all()
    assert (assign_to_centroids(points, centroids[:0], 0.0) == -1).all()


def test_sample_indices_sorted_unique():
    index = sample_indices(10_000, 500, seed=3)
    assert len(index) == 500 == len(set(index.tolist()))
    assert np.array_equal(index, np.sort(index))


def _generator():
    spec = importlib.util.spec_from_file_location(
        "generate_survey", ROOT / "benchmarks" / "generate_survey.py"
    )
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_generator_is_deterministic_prefix_stable_and_multilingual(tmp_path):
    generator = _generator()
    small = generator.write_survey(tmp_path / "small.csv", 200, seed=9)
    big = generator.write_survey(tmp_path / "big.csv", 210, seed=9)
    small_rows = small.read_text(encoding="utf-8").splitlines()
    big_rows = big.read_text(encoding="utf-8").splitlines()
    assert big_rows[: len(small_rows)] == small_rows  # +5% rows = the same rows plus new ones
    with open(generator.truth_path(big), newline="", encoding="utf-8") as handle:
        truth = list(csv.DictReader(handle))
    assert len(truth) == 210
    assert {row["language"] for row in truth} == set(generator.LANGUAGES)
    topics = {row["improve"] for row in truth} - {""}
    assert topics <= set(generator.TOPICS) and len(topics) == 5
    with open(big, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert any(not row["improve"] for row in rows)  # blanks
    assert all(row["respondent_id"].startswith("R") for row in rows)


def test_memory_check_refuses_clearly_and_the_pipeline_calls_it(monkeypatch):
    import pytest

    from persona_nlp import scale
    from persona_nlp.config import AnalysisConfig
    from persona_nlp.embed import HashingEmbedder
    from persona_nlp.errors import InputError
    from persona_nlp.pipeline import run_pipeline

    scale.check_memory(10, available=1)  # small inputs are never refused
    with pytest.raises(InputError, match=r"turns need about .* GB .* \(fix: analyse at most"):
        scale.check_memory(10**6, available=2**30)
    monkeypatch.setattr(scale, "CHECK_FROM", 0)
    monkeypatch.setattr(scale, "available_memory", lambda: 1)
    with pytest.raises(InputError, match="too large|need about"):
        run_pipeline(
            [ROOT / "tests" / "data" / "study"], AnalysisConfig(), embedder=HashingEmbedder()
        )
