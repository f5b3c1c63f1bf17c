"""A language without a cue table or exemplar bank is named once (warning, manifest, report) and
its turns go the language-agnostic way, never through another language's cue rules."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from persona_nlp import AnalysisConfig, analyze
from persona_nlp.extract import StatementExtractor
from persona_nlp.extract.cues import cue_features
from persona_nlp.pipeline import ingest_inputs, unsupported_languages
from persona_nlp.report import to_html, to_markdown

# a shoe shop (retail) in French and German, software onboarding (B2B) in English
FILES = {
    "fr01.txt": """Interviewer: Qu'est-ce qui vous a fait hésiter avant d'acheter ?
Participant: Je voulais attendre les soldes parce que le prix était vraiment trop élevé pour moi.
Interviewer: Et la livraison ?
Participant: Les frais de livraison étaient beaucoup trop chers, alors j'ai failli abandonner mon panier.
Interviewer: Comment choisissez-vous vos chaussures ?
Participant: Je lis toujours les avis des autres clients avant de commander quelque chose en ligne.
""",
    "de01.txt": """Interviewer: Was hat Sie beim Kauf gestört?
Teilnehmer: Die Versandkosten waren viel zu hoch, deshalb habe ich lange gewartet und verglichen.
""",
    "en01.txt": """Interviewer: What slowed down the rollout of the tool in your team?
Participant: Setting up single sign-on took our IT department three weeks, which was far too long.
Interviewer: What would you need?
Participant: I need an admin dashboard that shows who has not logged in yet.
""",
}


@pytest.fixture()
def study(tmp_path: Path) -> Path:
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_counts_turns_of_unsupported_languages_and_warns_once(study, caplog):
    corpus = ingest_inputs([study])
    with caplog.at_level(logging.WARNING, logger="persona_nlp.pipeline"):
        counts = unsupported_languages(corpus)
    assert counts == {"de": 1, "fr": 3}
    warnings = [r.getMessage() for r in caplog.records if "cue table" in r.getMessage()]
    assert len(warnings) == 1 and "fr (3 turns)" in warnings[0] and "de (1 turns)" in warnings[0]


def test_supported_languages_give_nothing(study):
    (study / "fr01.txt").unlink()
    (study / "de01.txt").unlink()
    assert unsupported_languages(ingest_inputs([study])) == {}


@pytest.mark.slow  # fits the classifier for the hashing embedder (about a minute)
def test_manifest_and_reports_name_the_languages(study, hashing_embedder, caplog):
    with caplog.at_level(logging.WARNING, logger="persona_nlp.pipeline"):
        analysis = analyze([study], AnalysisConfig(), embedder=hashing_embedder)
    assert analysis.manifest.unsupported_languages == {"de": 1, "fr": 3}
    assert sum("no cue table" in r.getMessage() for r in caplog.records) == 1
    note = "French (3 turns), German (1 turn) have no cue table or exemplar bank"
    assert note in to_markdown(analysis)
    assert note in to_html(analysis)
    again = type(analysis).model_validate_json(analysis.to_json())
    assert again.manifest.unsupported_languages == {"de": 1, "fr": 3}


def test_unsupported_turns_keep_their_language_and_get_only_shared_cues(study):
    corpus = ingest_inputs([study])
    spans = StatementExtractor().candidates(corpus)
    french = [s.candidate for s in spans if s.candidate.text.startswith(("Je ", "Les "))]
    assert french and {c.language for c in french} == {"fr"}
    texts = [c.text for c in french]
    # the same cue features as text of no language: no English (or other) cue words applied
    assert np.array_equal(
        cue_features(texts, ["fr"] * len(texts))[0], cue_features(texts, [None] * len(texts))[0]
    )
