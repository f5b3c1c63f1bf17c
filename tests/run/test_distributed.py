"""The Dask scale-out path on a local two-worker cluster: same results as the local path.

Uses the deterministic HashingEmbedder so it is fast and exact; the cluster is started once per
module (``LocalCluster(n_workers=2, threads_per_worker=1, processes=True)``).
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("distributed")
pytestmark = pytest.mark.slow  # starts local Dask clusters (about 35 s)

from persona_nlp.config import AnalysisConfig, RunConfig  # noqa: E402
from persona_nlp.embed import HashingEmbedder  # noqa: E402
from persona_nlp.embed.cache import CachedEmbedder  # noqa: E402
from persona_nlp.extract import extract_statements, extract_statements_and_uncoded  # noqa: E402
from persona_nlp.ingest import ingest  # noqa: E402
from persona_nlp.run.distributed import ingest_and_extract, portable_embedder  # noqa: E402
from persona_nlp.run.parts import partition_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
STUDY = ROOT / "tests" / "data" / "study"


def _generator():
    spec = importlib.util.spec_from_file_location(
        "generate_survey", ROOT / "benchmarks" / "generate_survey.py"
    )
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as local:
        yield local


@pytest.fixture(scope="module")
def study(tmp_path_factory):
    """The interview study plus a generated 400-respondent multilingual survey."""
    folder = tmp_path_factory.mktemp("study")
    for path in STUDY.iterdir():
        shutil.copy(path, folder / path.name)
    _generator().write_survey(folder / "generated.csv", 400, seed=5)
    (folder / "generated.truth.csv").unlink()
    return folder


def _config(cluster, **run) -> AnalysisConfig:
    return AnalysisConfig.model_validate(
        {"seed": 7, "run": {"executor": "dask", "scheduler": cluster.scheduler_address, **run}}
    )


def _dump(items) -> list[dict]:
    return [json.loads(item.model_dump_json()) for item in items]


CONFIDENCE_TOLERANCE = 1e-3
"""Classifier confidences may differ in the fourth decimal between the driver and the workers:
seen only when the whole suite runs in one process (the tests pass alone), cause not found (not
onnxruntime's thread count, not an ONNX or torch session in the same process). Everything else
must be identical."""


def _split_confidences(data, found: list[float]):
    """``data`` without its "confidence" values, which are appended to ``found`` in order."""
    if isinstance(data, dict):
        kept = {}
        for key, value in data.items():
            if key == "confidence" and isinstance(value, float):
                found.append(value)
            else:
                kept[key] = _split_confidences(value, found)
        return kept
    if isinstance(data, list):
        return [_split_confidences(value, found) for value in data]
    return data


def _assert_same_up_to_confidence(got, expected, what: str) -> None:
    got_confidences: list[float] = []
    expected_confidences: list[float] = []
    assert _split_confidences(got, got_confidences) == _split_confidences(
        expected, expected_confidences
    ), what
    assert len(got_confidences) == len(expected_confidences)
    assert np.allclose(got_confidences, expected_confidences, atol=CONFIDENCE_TOLERANCE, rtol=0)


def _assert_same_statements(got, expected) -> None:
    got, expected = _dump(got), _dump(expected)
    for a, b in zip(got, expected, strict=False):
        _assert_same_up_to_confidence(a, b, f"statement {b['id']} differs (dask, local)")
    assert len(got) == len(expected)


def test_partitions_split_surveys_and_keep_interviews_whole(study):
    corpus = ingest([study])
    parts = partition_corpus(corpus, 150)
    survey_turns = {
        d.id: len(d.turns) for d in corpus.documents if d.kind == "survey" and len(d.turns) > 150
    }
    assert survey_turns  # the generated survey is split
    seen: dict[str, list[int]] = {}
    for part in parts:
        assert sum(len(d.turns) for d in part.documents) <= max(150, *survey_turns.values())
        for document in part.documents:
            seen.setdefault(document.id, []).extend(t.index for t in document.turns)
    for document in corpus.documents:  # every turn exactly once, indices kept
        assert seen[document.id] == [t.index for t in document.turns]
        if document.kind == "interview":
            assert sum(document.id in {d.id for d in p.documents} for p in parts) == 1


def test_ingest_and_extract_identical_to_local(cluster, study):
    config = _config(cluster, partition_size=120)
    local_cached = CachedEmbedder(HashingEmbedder(64))
    corpus = ingest([study], config.ingest)
    local, local_uncoded = extract_statements_and_uncoded(corpus, local_cached, config.extract)

    cached = CachedEmbedder(HashingEmbedder(64))
    uncoded: list = []
    dask_corpus, statements = ingest_and_extract([study], config, cached, uncoded=uncoded)
    assert dask_corpus == corpus
    assert len(statements) > 100
    _assert_same_statements(statements, local)
    # the turns that gave no statement: the same entries in the same order (issue 16)
    assert uncoded and len(uncoded) == len(local_uncoded)
    _assert_same_up_to_confidence(_dump(uncoded), _dump(local_uncoded), "uncoded differs")
    # the statements' vectors came back from the workers: nothing to embed on the driver
    texts = [s.text for s in statements]
    misses = cached.misses
    vectors = cached.encode(texts)
    assert cached.misses == misses
    assert np.array_equal(vectors, local_cached.encode(texts))


def test_multi_file_ingest_on_workers_matches_local(cluster, tmp_path):
    for index in range(3):
        _generator().write_survey(tmp_path / f"wave{index}.csv", 60, seed=index)
        (tmp_path / f"wave{index}.truth.csv").unlink()
    (tmp_path / "broken.docx").write_bytes(b"not a docx")
    shutil.copy(STUDY / "p01.vtt", tmp_path / "p01.vtt")
    config = _config(cluster)
    local = ingest([tmp_path], config.ingest)
    corpus, _ = ingest_and_extract([tmp_path], config, CachedEmbedder(HashingEmbedder(16)))
    assert corpus == local
    assert any(s.reason for s in corpus.skipped if s.path.endswith("broken.docx"))


def test_whole_pipeline_identical_to_local(cluster, study, tmp_path):
    pytest.importorskip("persona_nlp.themes")
    from persona_nlp.pipeline import run_pipeline

    config = _config(cluster, partition_size=200)
    config.embed.cache_dir = str(tmp_path / "cache")
    config.ingest.column_kinds = {"almost_stopped": "objection"}  # reaches the workers too
    local_config = config.model_copy(update={"run": RunConfig()})
    local = run_pipeline([study], local_config, embedder=HashingEmbedder(64))
    distributed = run_pipeline([study], config, embedder=HashingEmbedder(64))

    def comparable(run) -> dict:
        data = json.loads(run.analysis.to_json())
        data["manifest"].pop("timings")
        data["manifest"]["config"].pop("run")
        return data

    _assert_same_up_to_confidence(comparable(distributed), comparable(local), "analysis differs")
    assert np.array_equal(distributed.embeddings, local.embeddings)
    assert set(distributed.analysis.manifest.timings) >= {"ingest", "extract", "themes"}


def test_local_cluster_started_when_no_scheduler(study):
    config = AnalysisConfig.model_validate({"run": {"executor": "dask", "workers": 2}})
    corpus = ingest([study / "p01.vtt", study / "survey.csv"], config.ingest)
    expected = extract_statements(corpus, CachedEmbedder(HashingEmbedder(32)), config.extract)
    _, statements = ingest_and_extract(
        [study / "p01.vtt", study / "survey.csv"], config, CachedEmbedder(HashingEmbedder(32))
    )
    _assert_same_statements(statements, expected)


def test_portable_embedder_drops_loaded_model():
    from persona_nlp.embed import SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder()
    embedder._model = object()  # stands in for a loaded torch model
    clone = portable_embedder(CachedEmbedder(embedder))
    assert clone._model is None and clone.name == embedder.name
    assert embedder._model is not None


def test_missing_dask_names_the_extra(monkeypatch):
    import builtins

    from persona_nlp.errors import DependencyError
    from persona_nlp.run.distributed import dask_client

    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "distributed":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(DependencyError, match=r"persona-nlp\[distributed\]"):
        with dask_client(RunConfig()):
            pass
