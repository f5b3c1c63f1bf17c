"""Near-linear clustering (persona_nlp.themes.sampled) and the survey generator used by the benchmarks."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import numpy as np
from sklearn.metrics import adjusted_rand_score

from persona_nlp.themes.clustering import cluster_embeddings
from persona_nlp.themes.sampled import assign_to_centroids, cluster_sampled, sample_indices

ROOT = Path(__file__).resolve().parents[2]


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

    from persona_nlp.config import AnalysisConfig
    from persona_nlp.embed import HashingEmbedder
    from persona_nlp.errors import InputError
    from persona_nlp.pipeline import run_pipeline
    from persona_nlp.run import memory as scale

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
    from persona_nlp.themes.clustering import nearest_neighbors

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

    from persona_nlp.themes.clustering import MAX_DISTANCE, _distance_graph, _hdbscan_labels

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
    from persona_nlp.run.parts import extract_in_parts

    survey = _generator().write_survey(tmp_path / "s.csv", 120, seed=3)
    corpus = ingest_inputs([survey, ROOT / "tests" / "data" / "study"], AnalysisConfig())
    config = AnalysisConfig().extract
    whole = extract_statements(corpus, HashingEmbedder(), config, seed=1)
    parts = extract_in_parts(corpus, HashingEmbedder(), config, part_turns=40)
    assert len(whole) > 50
    assert [s.model_dump() for s in parts] == [s.model_dump() for s in whole]


# -- memory at scale: shared statement vectors, compact models, pooled metadata ----------------------


def test_shared_row_vectors_behave_as_the_full_array():
    from persona_nlp.embed import HashingEmbedder, SharedRowVectors

    texts = ["fast delivery", "too expensive", "fast delivery", "", "too expensive", "x"]
    calls: list[list[str]] = []

    def encode(batch):
        calls.append(list(batch))
        return HashingEmbedder(dim=8).encode(batch)

    shared = SharedRowVectors.from_texts(texts, encode)
    full = HashingEmbedder(dim=8).encode(texts)
    assert calls == [["fast delivery", "too expensive", "", "x"]]  # each distinct text once
    assert shared.shape == full.shape and len(shared) == len(texts)
    assert shared.counts().tolist() == [2, 2, 1, 1]
    assert np.array_equal(np.asarray(shared), full)
    for key in (2, slice(1, 4), [0, 5], (3, 2), (slice(None), 0)):
        assert np.array_equal(shared[key], full[key])
    empty = SharedRowVectors.from_texts([], encode, dim=8)
    assert empty.shape == (0, 8) and np.asarray(empty).shape == (0, 8)


def test_map_projection_of_shared_vectors_equals_the_full_arrays():
    from persona_nlp.embed import HashingEmbedder, SharedRowVectors
    from persona_nlp.report._svg import project_2d

    texts = ["cheap", "cheap", "quality", "free returns"] * 40 + [f"text {i}" for i in range(300)]
    shared = SharedRowVectors.from_texts(texts, HashingEmbedder(dim=16).encode)
    assert np.allclose(project_2d(shared), project_2d(np.asarray(shared)), atol=1e-9)
    few = SharedRowVectors.from_texts(["a", "b", "a"], HashingEmbedder(dim=16).encode)
    assert np.allclose(project_2d(few), project_2d(np.asarray(few)), atol=1e-9)
    same = SharedRowVectors.from_texts(["a", "a", "a"], HashingEmbedder(dim=16).encode)
    assert project_2d(same).tolist() == [[0.5, 0.5]] * 3


def test_compact_models_share_one_field_set_and_keep_their_behaviour():
    import copy

    from persona_nlp.schema import Statement, Turn

    def turn(text: str) -> Turn:
        return Turn(index=0, speaker="r1", role="respondent", participant_id="r1", text=text)

    a, b = turn("hello"), turn("hello")
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
    assert a == b and a != turn("bye")
    assert a.model_fields_set == set(Turn.model_fields)
    changed = a.model_copy(update={"text": "bye"})
    assert changed.text == "bye" and a.text == "hello"
    assert changed.__pydantic_fields_set__ is a.__pydantic_fields_set__
    for other in (copy.deepcopy(a), Turn.model_validate_json(a.model_dump_json())):
        assert other == a and other.__pydantic_fields_set__ is a.__pydantic_fields_set__
    statement = Statement(
        id="s",
        document_id="d",
        participant_id="p",
        turn_index=0,
        text="x",
        start_char=0,
        end_char=1,
        kind="goal",
        confidence=1.0,
    )
    assert statement.model_fields_set == set(Statement.model_fields)
    assert statement.__pydantic_fields_set__ is not a.__pydantic_fields_set__


def test_survey_metadata_values_are_pooled_per_column(tmp_path):
    from persona_nlp.ingest._survey import _ValuePool
    from persona_nlp.pipeline import ingest_inputs

    path = tmp_path / "survey.csv"
    rows = ["id,country,comment"] + [
        f"r{i},Denmark,I wanted a warm sleeping bag for winter trip {i}" for i in range(5)
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    corpus = ingest_inputs([path])
    countries = [p.metadata["country"] for p in corpus.participants]
    assert countries == ["Denmark"] * 5 and len({id(c) for c in countries}) == 1

    pool = _ValuePool()
    pool.limit = 2
    first = pool("id", "".join(["a", "1"]))
    assert pool("id", "".join(["a", "1"])) is first
    pool("id", "b")
    late = "".join(["c", "1"])
    assert pool("id", late) is late and pool("id", "".join(["c", "1"])) is not late
