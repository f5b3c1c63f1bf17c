"""Themes with the model-free HashingEmbedder on small hand-made studies."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest

from persona_nlp.config import ThemeConfig
from persona_nlp.embed import HashingEmbedder
from persona_nlp.embed.cache import CachedEmbedder
from persona_nlp.errors import InputError
from persona_nlp.schema import Participant, Statement
from persona_nlp.themes import assign_to_themes, build_themes, theme_texts
from persona_nlp.themes.clustering import cluster_embeddings

# (kind, texts): each group shares its key words, so hashed vectors group them
GROUPS = {
    "objection": [
        [
            "the shipping cost is far too high for me",
            "shipping cost too high so I left the cart",
            "I hate paying a shipping cost this high",
            "high shipping cost made me stop buying",
            "the shipping cost was just too high",
            "why is the shipping cost so high",
        ],
        [
            "I was not sure which size would fit me",
            "the size guide did not help me pick a size that would fit",
            "worried the size would not fit my feet",
            "I never know which size will fit",
            "size and fit are always a gamble online",
        ],
    ],
    "goal": [
        [
            "I want to finish my first marathon next spring",
            "my goal is to run a marathon this year",
            "training for a marathon is my big goal",
            "finishing the marathon under four hours is the goal",
            "I signed up for my first marathon",
        ],
        [
            "I want shoes that stop my knee pain when running",
            "running without knee pain is what I want",
            "my knee pain after running has to stop",
            "knee pain keeps me from running longer",
            "shoes that help with my knee pain",
        ],
    ],
}
SEGMENTS = ["new customer", "loyal"]


def make_study(shuffle_seed: int | None = None) -> tuple[list[Statement], list[Participant]]:
    statements = []
    participants = [
        Participant(id=f"p{i:02d}", metadata={"segment": SEGMENTS[i % 2], "email": f"p{i}@x.org"})
        for i in range(12)
    ]
    for kind, groups in GROUPS.items():
        for g, texts in enumerate(groups):
            for j, text in enumerate(texts):
                participant = f"p{(j + 3 * g) % 12:02d}"
                statements.append(
                    Statement(
                        id=f"{participant}-{kind}-{g}-{j}",
                        document_id=participant,
                        participant_id=participant,
                        turn_index=j,
                        speaker=participant.upper(),
                        text=text,
                        start_char=0,
                        end_char=len(text),
                        timestamp=float(j),
                        language="en",
                        kind=kind,
                        confidence=0.9,
                    )
                )
    if shuffle_seed is not None:
        random.Random(shuffle_seed).shuffle(statements)
        random.Random(shuffle_seed).shuffle(participants)
    return statements, participants


def _themes_of(statements, participants, **options):
    """build_themes with the study's embedder, config and seed."""
    embedder = CachedEmbedder(HashingEmbedder(dim=256))
    return build_themes(statements, embedder, participants, ThemeConfig(), seed=1, **options)


@pytest.fixture()
def study():
    statements, participants = make_study()
    updated, themes = _themes_of(statements, participants)
    return statements, participants, updated, themes


def _group_of(statement: Statement) -> tuple[str, int]:
    _, kind, group, _ = statement.id.split("-")
    return kind, int(group)


def test_each_kind_clustered_separately_with_stable_ids(study):
    statements, _, updated, themes = study
    by_id = {s.id: s for s in updated}
    assert {t.kind for t in themes} == {"objection", "goal"}
    for theme in themes:
        assert re.fullmatch(rf"{theme.kind}-\d\d", theme.id)
        assert {by_id[i].kind for i in theme.statement_ids} == {theme.kind}
    ids = [t.id for t in themes]
    assert len(ids) == len(set(ids))
    assert [t.id for t in themes if t.kind == "objection"][0] == "objection-01"
    # theme ids on the statements and statement ids on the themes agree
    for theme in themes:
        assert all(by_id[i].theme_id == theme.id for i in theme.statement_ids)
    assert [s.id for s in updated] == [s.id for s in statements]  # input order kept


def test_hand_made_groups_are_recovered(study):
    _, _, updated, themes = study
    by_id = {s.id: s for s in updated}
    assert len(themes) == 4
    for theme in themes:
        groups = {_group_of(by_id[i]) for i in theme.statement_ids}
        assert len(groups) == 1, (theme.label, groups)
    themed = [s for s in updated if s.theme_id]
    assert len(themed) >= 0.8 * len(updated)


def test_order_independent_and_deterministic(study):
    _, _, updated, themes = study
    for seed in (3, 4):
        statements, participants = make_study(shuffle_seed=seed)
        again, again_themes = _themes_of(statements, participants)
        assert [t.model_dump() for t in again_themes] == [t.model_dump() for t in themes]
        assert {s.id: s.theme_id for s in again} == {s.id: s.theme_id for s in updated}


def test_in_place_sets_theme_ids_on_the_given_statements(study):
    statements, participants, updated, themes = study
    assert all(s.theme_id is None for s in statements)  # the default returns copies
    fresh, _ = make_study()
    same, same_themes = _themes_of(fresh, participants, in_place=True)
    assert same is fresh and all(a is b for a, b in zip(same, fresh, strict=True))
    assert [s.model_dump() for s in same] == [s.model_dump() for s in updated]
    assert [t.model_dump() for t in same_themes] == [t.model_dump() for t in themes]


def test_labels_and_keywords_are_readable(study):
    _, _, _, themes = study
    for theme in themes:
        assert theme.label[:1].isupper() and "_" not in theme.label
        assert 1 <= len(theme.label.split()) <= 6
        assert len(theme.keywords) == len(set(theme.keywords)) and theme.keywords
        assert not {"the", "is", "i", "to"} & set(theme.keywords)
    labels = " ".join(t.label.lower() for t in themes)
    assert "shipping" in labels and "marathon" in labels


def test_prevalence_counts_distinct_participants_with_segments(study):
    _, participants, updated, themes = study
    by_id = {s.id: s for s in updated}
    for theme in themes:
        speakers = {by_id[i].participant_id for i in theme.statement_ids}
        assert theme.participant_ids == sorted(speakers)
        assert theme.prevalence.participants == len(speakers)
        assert theme.prevalence.total == len(participants)
        assert theme.prevalence.ci_low <= theme.prevalence.share <= theme.prevalence.ci_high
        # "segment" has two values shared by many; "email" is unique per participant: no segment
        assert {(s.key, s.value) for s in theme.segments} == {
            ("segment", "loyal"),
            ("segment", "new customer"),
        }
        assert sum(s.prevalence.participants for s in theme.segments) == len(speakers)
        assert all(s.prevalence.total == 6 for s in theme.segments)


def test_one_participant_many_statements_counts_once():
    statements, participants = make_study()
    repeated = [s for s in statements if s.kind == "goal" and "marathon" in s.text]
    for s in repeated:
        s.participant_id = "p11"
    _, themes = build_themes(
        statements, HashingEmbedder(dim=256), participants, ThemeConfig(quotes_per_theme=5)
    )
    marathon = next(t for t in themes if "marathon" in t.label.lower())
    assert marathon.participant_ids == ["p11"] and marathon.prevalence.participants == 1
    assert len(marathon.quotes) == 1


def test_quotes_are_exact_distinct_participant_statements(study):
    _, _, updated, themes = study
    by_id = {s.id: s for s in updated}
    for theme in themes:
        assert 1 <= len(theme.quotes) <= 3
        assert len({q.participant_id for q in theme.quotes}) == len(theme.quotes)
        for quote in theme.quotes:
            source = by_id[quote.statement_id]
            assert quote.statement_id in theme.statement_ids
            assert quote.text == source.text
            assert (quote.document_id, quote.turn_index, quote.speaker, quote.timestamp) == (
                source.document_id,
                source.turn_index,
                source.speaker,
                source.timestamp,
            )


def test_interviewer_statements_are_refused():
    statements, participants = make_study()
    statements[0] = statements[0].model_copy(update={"role": "interviewer"})
    with pytest.raises(InputError, match="respondent"):
        build_themes(statements, HashingEmbedder(), participants, ThemeConfig())


def test_empty_input():
    assert build_themes([], HashingEmbedder(), [], ThemeConfig()) == ([], [])


def test_assign_new_wave_to_existing_themes(study):
    statements, _, _, themes = study
    template = statements[0]
    wave = [
        template.model_copy(
            update={"id": "w1", "text": "the shipping cost is so high", "kind": "objection"}
        ),
        template.model_copy(
            update={"id": "w2", "text": "my first marathon is next spring", "kind": "goal"}
        ),
        template.model_copy(
            update={"id": "w3", "text": "zebra quantum violin", "kind": "objection"}
        ),
        template.model_copy(update={"id": "w4", "text": "anything at all", "kind": "channel"}),
    ]
    assigned, misfits = assign_to_themes(wave, themes, HashingEmbedder(dim=256))
    by_id = {s.id: s.theme_id for s in assigned}
    shipping = next(t.id for t in themes if "shipping" in t.label.lower())
    marathon = next(t.id for t in themes if "marathon" in t.label.lower())
    assert by_id == {"w1": shipping, "w2": marathon, "w3": None, "w4": None}
    assert misfits == ["w3", "w4"]
    # a fixed threshold overrides the themes' own
    _, none_fit = assign_to_themes(wave[:2], themes, HashingEmbedder(dim=256), threshold=1.01)
    assert none_fit == ["w1", "w2"]


def test_assign_survives_json_round_trip(study):
    from persona_nlp.schema import Theme

    statements, _, _, themes = study
    loaded = [Theme.model_validate_json(t.model_dump_json()) for t in themes]
    assigned, _ = assign_to_themes(statements, loaded, HashingEmbedder(dim=256))
    original = {s.id: s.theme_id for s in study[2]}
    agree = sum(s.theme_id == original[s.id] for s in assigned if original[s.id])
    assert agree >= 0.9 * sum(1 for v in original.values() if v)


def test_assign_needs_centroids_of_the_same_model(study):
    statements, _, _, themes = study
    with pytest.raises(InputError, match="dimensions"):
        assign_to_themes(statements[:1], themes, HashingEmbedder(dim=32))
    stripped = [t.model_copy(update={"centroid": None}) for t in themes]
    with pytest.raises(InputError, match="no centroid"):
        assign_to_themes(statements[:1], stripped, HashingEmbedder(dim=256))


def _small_study_texts() -> list[str]:
    """40 survey-like answers, 10 on each of 4 topics, worded differently each time."""
    topics = {
        "delivery": ("delivery", ["slow", "late", "weeks", "courier", "waiting"]),
        "price": ("price", ["expensive", "cheaper", "budget", "discount", "costly"]),
        "returns": ("returns", ["label", "refund", "hassle", "policy", "parcel"]),
        "app": ("app", ["crashing", "login", "update", "buggy", "screen"]),
    }
    fillers = ["honestly", "really", "again", "lately", "sadly"]
    texts = []
    for keyword, details in topics.values():
        for i in range(10):
            a, b = details[i % 5], details[(i + 2) % 5]
            texts.append(f"{keyword} {a} {keyword} {b} {fillers[(i + len(keyword)) % 5]}")
    return texts


def test_small_study_gives_themes_not_noise():
    texts = _small_study_texts()  # 40 texts, 4 topics of 10
    result = theme_texts(texts, HashingEmbedder(dim=256), min_theme_size=3)
    assert 3 <= len(result.sizes) <= 10
    assert result.unthemed_share <= 0.25
    topic_of = np.repeat(np.arange(4), 10)
    for theme in range(len(result.sizes)):
        members = topic_of[result.labels == theme]
        assert np.bincount(members).max() >= 0.8 * len(members)


def test_theme_texts_order_independent_and_accepts_embeddings():
    texts = _small_study_texts()
    embedder = HashingEmbedder(dim=256)
    first = theme_texts(texts, embedder)
    order = np.random.default_rng(0).permutation(len(texts))
    second = theme_texts(
        [texts[i] for i in order], embeddings=embedder.encode([texts[i] for i in order])
    )
    assert second.theme_labels == first.theme_labels and second.keywords == first.keywords
    assert np.array_equal(second.labels, first.labels[order])
    assert second.sizes == sorted(second.sizes, reverse=True)


def test_theme_texts_caps_theme_count_and_validates():
    texts = _small_study_texts()
    capped = theme_texts(texts, HashingEmbedder(dim=256), max_themes=2)
    assert len(capped.sizes) <= 2
    with pytest.raises(InputError, match="embedder or precomputed"):
        theme_texts(texts)
    with pytest.raises(InputError, match="40 texts but 2 embeddings"):
        theme_texts(texts, embeddings=np.zeros((2, 4)))
    empty = theme_texts([], HashingEmbedder())
    assert empty.sizes == [] and empty.labels.shape == (0,)


def test_clustering_handles_disconnected_groups():
    # three groups of identical points: every neighbour list stays inside its group, so the
    # neighbour graph has three components that must be linked before HDBSCAN
    vectors = np.repeat(np.eye(3, 8, dtype=np.float32), 20, axis=0)
    labels = cluster_embeddings(vectors, 3)
    assert len(set(labels.tolist())) == 3 and (labels >= 0).all()
    assert all(len(set(labels[i * 20 : (i + 1) * 20].tolist())) == 1 for i in range(3))


def test_clustering_tiny_inputs():
    assert cluster_embeddings(np.eye(2, dtype=np.float32), 3).tolist() == [-1, -1]
    same = np.ones((3, 4), dtype=np.float32)
    assert cluster_embeddings(same, 3).tolist() == [0, 0, 0]


@pytest.mark.parametrize("dim", [2, 33, 384])
def test_centroids_are_summed_a_few_dimensions_at_a_time_with_identical_results(dim):
    from scipy import sparse

    from persona_nlp.themes.clustering import centroids_of

    rng = np.random.default_rng(dim)
    vectors = rng.normal(size=(500, dim)).astype(np.float32)
    labels = rng.integers(-1, 7, size=500)
    members = np.flatnonzero(labels >= 0)
    membership = sparse.csr_matrix(
        (np.ones(len(members)), (labels[members], members)), shape=(labels.max() + 1, 500)
    )
    # the whole float64 copy at once, as before: the same sums in the same order
    sums = np.asarray(membership @ vectors.astype(np.float64)).astype(np.float32)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    assert np.array_equal(centroids_of(vectors, labels), sums / norms)
