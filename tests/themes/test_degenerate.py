"""Degenerate input for clustering: every text the same (issue 17's found crash)."""

from __future__ import annotations

import numpy as np

from persona_nlp.themes.clustering import cluster_embeddings, cluster_params


def test_identical_vectors_cluster_without_error():
    vectors = np.tile(np.array([[0.6, 0.8, 0.0]], dtype=np.float32), (12, 1))
    params = cluster_params(vectors, 3)
    assert params.merge_similarity <= 1.0 and params.reassign_similarity <= 1.0
    labels = cluster_embeddings(vectors, 3)
    assert labels.shape == (12,)
    assert len(set(labels.tolist())) <= 1  # one theme or none, never an exception
