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


def _brute_force_neighbours(vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    similarities = vectors @ vectors.T
    np.fill_diagonal(similarities, -np.inf)
    indices = np.array(
        [sorted(range(len(row)), key=lambda j, row=row: (-row[j], j))[:k] for row in similarities]
    )
    return indices, np.take_along_axis(similarities, indices, axis=1)


def test_nearest_neighbours_with_repeated_rows_match_brute_force():
    from persona_nlp.clustering import nearest_neighbors

    points, _ = _blobs(120, k=4, dim=8, noise=0.6)
    rng = np.random.default_rng(3)
    # repeated answers: identical rows, as the same text gives the same vector
    points = np.vstack([points, points[rng.integers(0, 120, 80)]])[rng.permutation(200)]
    for k in (1, 4, 15):
        indices, similarities = nearest_neighbors(points, k, chunk=37)
        expected_sims = _brute_force_neighbours(points, k)[1]
        assert np.allclose(similarities, expected_sims, atol=1e-6)
        assert not (indices == np.arange(200)[:, None]).any()  # never itself
        # each listed neighbour has the listed similarity
        assert np.allclose(
            np.sum(points[indices] * points[:, None], axis=2), similarities, atol=1e-5
        )
    # all rows identical: every other row is a neighbour at similarity 1
    same = np.repeat(points[:1], 6, axis=0)
    indices, similarities = nearest_neighbors(same, 5)
    assert [sorted(row) for row in indices.tolist()][0] == [1, 2, 3, 4, 5]
    assert np.allclose(similarities, 1.0, atol=1e-6)


def test_vectorised_hdbscan_matches_the_package():
    import hdbscan

    from persona_nlp.clustering import MAX_DISTANCE, _distance_graph, _hdbscan_labels

    points, _ = _blobs(400, k=5, dim=16, noise=0.5, seed=2)
    points = np.vstack([points, points[:60]])
    graph = _distance_graph(points, 15)
    for size, samples in ((5, 3), (12, 6)):
        expected = hdbscan.HDBSCAN(
            metric="precomputed",
            min_cluster_size=size,
            min_samples=samples,
            cluster_selection_method="leaf",
            max_dist=MAX_DISTANCE,
        ).fit_predict(graph)
        assert np.array_equal(_hdbscan_labels(graph, size, samples, MAX_DISTANCE), expected)


def test_themes_sample_above_a_threshold_and_stay_seeded():
    from persona_nlp.themes import theme_texts

    topics = ["late delivery again", "price too high", "great colours", "easy returns"]
    fillers = ["", " really", " sadly", " honestly", " to be fair"]
    texts = [f"{topics[i % 4]}{fillers[i % 5]}" for i in range(800)]
    from persona_nlp.embed import HashingEmbedder

    vectors = HashingEmbedder().encode(texts)
    exact = theme_texts(texts, embeddings=vectors, max_themes=4)
    sampled = theme_texts(texts, embeddings=vectors, max_themes=4, sample_above=300, seed=5)
    again = theme_texts(texts, embeddings=vectors, max_themes=4, sample_above=300, seed=5)
    assert np.array_equal(sampled.labels, again.labels)
    assert adjusted_rand_score(exact.labels, sampled.labels) > 0.9
    assert sampled.params is not None and sampled.params.reassign_similarity > 0


def test_extraction_in_parts_gives_the_same_statements(tmp_path):
    from persona_nlp.config import AnalysisConfig
    from persona_nlp.embed import HashingEmbedder
    from persona_nlp.extract import extract_statements
    from persona_nlp.pipeline import ingest_inputs
    from persona_nlp.scale import extract_in_parts

    survey = _generator().write_survey(tmp_path / "s.csv", 120, seed=3)
    corpus = ingest_inputs([survey, ROOT / "tests" / "data" / "study"], AnalysisConfig())
    config = AnalysisConfig().extract
    whole = extract_statements(corpus, HashingEmbedder(), config, seed=1)
    parts = extract_in_parts(corpus, HashingEmbedder(), config, seed=1, part_turns=40)
    assert len(whole) > 50
    assert [s.model_dump() for s in parts] == [s.model_dump() for s in whole]
