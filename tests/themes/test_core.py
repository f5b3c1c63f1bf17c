"""Theme cores: the rows the density step grouped, as opposed to reassigned outliers."""

from __future__ import annotations

import numpy as np

from persona_nlp.themes.clustering import cluster_with_core, core_members
from persona_nlp.themes.sampled import sampled_with_core
from persona_nlp.themes.texts import theme_texts


def _blobs(seed: int = 0, per_blob: int = 40, spread: float = 0.08) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = np.eye(16, dtype=np.float32)[:3]
    points = np.repeat(centres, per_blob, axis=0)
    points += rng.normal(0, spread, points.shape).astype(np.float32)
    # points halfway between two blobs: reassigned to a theme at best, never its core
    weights = rng.uniform(0.35, 0.65, (6, 1)).astype(np.float32)
    middle = weights * centres[0] + (1 - weights) * centres[1]
    middle += rng.normal(0, spread, middle.shape).astype(np.float32)
    points = np.vstack([points, middle])
    return points / np.linalg.norm(points, axis=1, keepdims=True)


def test_core_members_follow_the_majority_of_each_density_group():
    density = np.array([0, 0, 0, 1, 1, -1, -1])
    final = np.array([3, 3, 4, 4, -1, 3, -1])
    # group 0 ended mostly in 3, group 1's only placed row in 4; noise is never core
    assert core_members(density, final).tolist() == [True, True, False, True, False, False, False]


def test_core_is_inside_clusters_and_holds_most_of_them():
    points = _blobs()
    result = cluster_with_core(points, 5)
    assert result.labels.max() + 1 == 3
    assert not result.core[result.labels < 0].any()
    for label in range(3):
        assert result.core[result.labels == label].mean() > 0.5
    # the in-between points are the core of a theme less often than the blobs' own points
    assert result.core[-6:].mean() < result.core[:-6].mean()


def test_sampled_path_core_is_consistent_with_the_exact_path():
    points = _blobs(per_blob=200)
    exact = cluster_with_core(points, 3)
    small = sampled_with_core(points, 3, sample_size=10_000)
    assert np.array_equal(small.labels, exact.labels)
    assert np.array_equal(small.core, exact.core)
    sampled = sampled_with_core(points, 3, sample_size=300, seed=1)
    assert not sampled.core[sampled.labels < 0].any()
    assert sampled.core.sum() <= 300  # only sampled rows can be core
    assert sampled.core.any()


def test_theme_texts_core_follows_input_order():
    points = _blobs()
    texts = [f"text {i:03d}" for i in range(len(points))]
    result = theme_texts(texts, embeddings=points)
    shuffled = np.random.default_rng(3).permutation(len(points))
    again = theme_texts([texts[i] for i in shuffled], embeddings=points[shuffled])
    assert np.array_equal(again.core, result.core[shuffled])
    assert not result.core[result.labels < 0].any()
