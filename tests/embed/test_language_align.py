"""Per-language mean-centering of statement embeddings (no model needed)."""

from __future__ import annotations

import random

import numpy as np

from persona_nlp.embed import HashingEmbedder
from persona_nlp.embed.align import (
    LanguageAlignedEmbedder,
    align_languages,
    language_offsets,
)
from persona_nlp.schema import Statement

DIM = 16
TOPICS = 3
PER_TOPIC = 4  # statements per (language, topic)


class TableEmbedder:
    """Returns fixed vectors for known texts: a topic direction plus a language direction."""

    name = "table"
    fingerprint = "table"

    def __init__(self, vectors: dict[str, np.ndarray]) -> None:
        self.vectors = vectors
        self.calls = 0

    def encode(self, texts):
        self.calls += 1
        return np.stack([self.vectors[t] for t in texts]).astype(np.float32)


def _study(language_strength: float = 2.0, seed: int = 0):
    rng = np.random.default_rng(seed)
    topic_axes = np.eye(DIM)[:TOPICS]
    language_axis = {"en": np.zeros(DIM), "da": np.eye(DIM)[TOPICS] * language_strength}
    vectors, statements = {}, []
    for language in ("en", "da"):
        for topic in range(TOPICS):
            for n in range(PER_TOPIC):
                text = f"{language} topic {topic} statement {n}"
                vector = topic_axes[topic] + language_axis[language] + rng.normal(0, 0.1, DIM)
                vectors[text] = vector / np.linalg.norm(vector)
                statements.append(
                    Statement(
                        id=f"{language}-{topic}-{n}",
                        document_id=language,
                        participant_id=f"{language}{topic}{n}",
                        turn_index=n,
                        text=text,
                        start_char=0,
                        end_char=len(text),
                        language=language,
                        kind="goal",
                        confidence=1.0,
                    )
                )
    return TableEmbedder(vectors), statements


def _topic_of_nearest_other_language(vectors: np.ndarray, statements: list[Statement]) -> float:
    """Share of Danish statements whose nearest English statement has the same topic."""
    english = [i for i, s in enumerate(statements) if s.language == "en"]
    hits = []
    for i, statement in enumerate(statements):
        if statement.language != "da":
            continue
        nearest = english[int(np.argmax(vectors[english] @ vectors[i]))]
        hits.append(statements[nearest].id.split("-")[1] == statement.id.split("-")[1])
    return float(np.mean(hits))


def test_alignment_lets_languages_meet_on_topic():
    embedder, statements = _study()
    texts = [s.text for s in statements]
    raw = embedder.encode(texts)
    aligned = align_languages(embedder, statements, min_statements=8)
    assert isinstance(aligned, LanguageAlignedEmbedder)
    assert aligned.languages == ["da", "en"]
    vectors = aligned.encode(texts)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    # raw: a Danish statement is closer to other Danish statements than to English ones on topic
    english = [i for i, s in enumerate(statements) if s.language == "en"]
    danish = [i for i, s in enumerate(statements) if s.language == "da"]
    assert (raw[danish] @ raw[english].T).mean() < (raw[danish] @ raw[danish].T).mean()
    assert _topic_of_nearest_other_language(vectors, statements) == 1.0

    # the language means now nearly coincide (re-normalising leaves a small gap)
    def gap(v: np.ndarray) -> float:
        return float(np.linalg.norm(v[danish].mean(axis=0) - v[english].mean(axis=0)))

    assert gap(vectors) < 0.3 * gap(raw)


def test_single_language_or_off_leaves_the_embedder_alone():
    embedder, statements = _study()
    english = [s for s in statements if s.language == "en"]
    assert align_languages(embedder, english) is embedder
    assert align_languages(embedder, statements, mode="off") is embedder
    # a language below the minimum is not a second language
    few_danish = english + [s for s in statements if s.language == "da"][:3]
    assert align_languages(embedder, few_danish, min_statements=8) is embedder


def test_other_texts_pass_through_unchanged():
    base = HashingEmbedder()
    embedder, statements = _study()
    aligned = align_languages(embedder, statements, min_statements=8)
    assert isinstance(aligned, LanguageAlignedEmbedder)
    plain = LanguageAlignedEmbedder(base, {}, {}, [])
    np.testing.assert_array_equal(plain.encode(["a persona item"]), base.encode(["a persona item"]))
    assert aligned.name == "table" and aligned.fingerprint == "table+language-aligned"


def test_small_kind_group_uses_the_language_mean():
    vectors = np.eye(4)[[0, 0, 0, 1, 1, 1]]
    offsets = language_offsets(
        ["en", "en", "en", "da", "da", "da"],
        ["goal", "goal", "channel", "goal", "goal", "channel"],
        vectors,
        min_statements=3,
    )
    # no (language, kind) group reaches 3, so each language moves by its overall mean
    np.testing.assert_allclose(offsets[0], [-0.5, 0.5, 0, 0])
    np.testing.assert_allclose(offsets[3], [0.5, -0.5, 0, 0])
    unknown = language_offsets([None, None], ["goal", "goal"], np.eye(2), 1)
    assert not unknown.any()


def test_order_independent():
    embedder, statements = _study()
    texts = sorted(s.text for s in statements)
    first = align_languages(embedder, statements, min_statements=8).encode(texts)
    shuffled = statements[:]
    random.Random(3).shuffle(shuffled)
    second = align_languages(embedder, shuffled, min_statements=8).encode(texts)
    np.testing.assert_allclose(first, second, atol=1e-6)


def test_chunked_sums_give_the_same_shifts(monkeypatch):
    import persona_nlp.embed.align as language_align

    embedder, statements = _study()
    texts = [s.text for s in statements]
    whole = align_languages(embedder, statements, min_statements=8).encode(texts)
    monkeypatch.setattr(language_align, "CHUNK", 5)
    chunked = align_languages(embedder, statements, min_statements=8).encode(texts)
    np.testing.assert_allclose(whole, chunked, atol=1e-6)


def test_offsets_are_kept_and_shift_a_later_wave_the_same_way():
    from persona_nlp.embed.align import shift_statement_vectors

    embedder, statements = _study()
    aligned = align_languages(embedder, statements, min_statements=8)
    assert isinstance(aligned, LanguageAlignedEmbedder)
    offsets = aligned.offsets()
    assert [(o.language, o.kind) for o in offsets] == [("da", "goal"), ("en", "goal")]
    danish = [s for s in statements if s.language == "da"]
    # a later wave says the same things: the stored offsets reproduce the aligned vectors
    raw = embedder.encode([s.text for s in danish])
    np.testing.assert_allclose(
        shift_statement_vectors(raw, danish, offsets),
        aligned.encode([s.text for s in danish]),
        atol=1e-6,
    )
    # a language that was not aligned stays as it is
    other = [s.model_copy(update={"language": "vi"}) for s in danish]
    np.testing.assert_array_equal(shift_statement_vectors(raw, other, offsets), raw)


def test_assign_to_themes_applies_the_language_offsets():
    from persona_nlp.schema import Theme
    from persona_nlp.themes import assign_to_themes

    embedder, statements = _study(language_strength=3.0)
    aligned = align_languages(embedder, statements, min_statements=8)
    assert isinstance(aligned, LanguageAlignedEmbedder)
    texts = [s.text for s in statements]
    vectors = aligned.encode(texts)
    themes = []
    for topic in range(TOPICS):
        rows = [i for i, s in enumerate(statements) if s.id.split("-")[1] == str(topic)]
        centre = vectors[rows].mean(axis=0)
        themes.append(
            Theme(
                id=f"goal-{topic}",
                kind="goal",
                label=f"topic {topic}",
                centroid=[float(x) for x in centre / np.linalg.norm(centre)],
                min_similarity=0.5,
            )
        )
    danish = [s for s in statements if s.language == "da"]
    expected = [f"goal-{s.id.split('-')[1]}" for s in danish]
    # the wrapper from the pipeline (PipelineRun.embedder) and saved offsets give the same result
    with_wrapper, _ = assign_to_themes(danish, themes, aligned)
    with_offsets, _ = assign_to_themes(danish, themes, embedder, language_offsets=aligned.offsets())
    assert [s.theme_id for s in with_wrapper] == expected
    assert [s.theme_id for s in with_offsets] == expected
