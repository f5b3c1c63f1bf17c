"""Persona building on hand-made participants, statements and themes (no model needed)."""

from __future__ import annotations

import random

import numpy as np
import pytest
from persona_builders import make_data  # noqa: E402

from persona_nlp.config import PersonaConfig
from persona_nlp.personas import (
    build_personas,
    persona_table,
    separating_themes,
    unassigned_participants,
    unassigned_report,
)
from persona_nlp.personas.naming import (
    _DESCRIPTOR_TABLE,
    GENERIC_DESCRIPTORS,
    NameAllocator,
    build_summary,
    descriptor_candidates,
    name_personas,
)
from persona_nlp.schema import Analysis, Manifest, Statement


@pytest.fixture()
def data():
    return make_data()


def _groups(personas):
    return {frozenset(p.participant_ids) for p in personas}


def test_three_groups_found_with_stable_ids_and_order(data):
    personas = build_personas(*data, PersonaConfig(), seed=42)
    assert [p.id for p in personas] == ["persona-1", "persona-2", "persona-3"]
    assert _groups(personas) == {
        frozenset({"a1", "a2", "a3", "a4", "a5", "s1"}),
        frozenset({"b1", "b2", "b3", "b4"}),
        frozenset({"c1", "c2", "c3"}),
    }
    assert [p.size for p in personas] == [6, 4, 3]
    assert all(p.participant_ids == sorted(p.participant_ids) for p in personas)
    assert sum(p.share for p in personas) == pytest.approx(1.0, abs=1e-3)


def test_names_unique_alliterative_and_from_the_defining_theme(data):
    personas = build_personas(*data, PersonaConfig(), seed=42)
    names = [p.name for p in personas]
    assert len(set(names)) == len(names)
    assert len({n.split()[-1] for n in names}) == len(names)
    by_member = {p.participant_ids[0]: p.name for p in personas}
    assert by_member["a1"].startswith("Frugal ")
    assert by_member["b1"].startswith("Green ")
    assert by_member["c1"].startswith("Busy ")
    for name in names:
        descriptor, first = name.rsplit(" ", 1)
        assert descriptor[0] == first[0]


def test_input_order_does_not_matter(data):
    participants, statements, themes = data
    expected = [
        p.model_dump()
        for p in build_personas(participants, statements, themes, PersonaConfig(), seed=42)
    ]
    rng = random.Random(0)
    for _ in range(3):
        shuffled = [list(x) for x in (participants, statements, themes)]
        for x in shuffled:
            rng.shuffle(x)
        got = [p.model_dump() for p in build_personas(*shuffled, PersonaConfig(), seed=42)]
        assert got == expected


def test_deterministic_with_seed(data):
    first = build_personas(*data, PersonaConfig(), seed=7)
    second = build_personas(*data, PersonaConfig(), seed=7)
    assert [p.model_dump() for p in first] == [p.model_dump() for p in second]


def test_fixed_number_of_personas(data):
    assert len(build_personas(*data, PersonaConfig(n_personas=2), seed=42)) == 2
    assert len(build_personas(*data, PersonaConfig(n_personas=4), seed=42)) == 4
    one = build_personas(*data, PersonaConfig(n_personas=1), seed=42)
    assert len(one) == 1 and one[0].size == 13


def test_sparse_respondent_assigned_with_lower_confidence_and_silent_one_unassigned(data):
    personas = build_personas(*data, PersonaConfig(), seed=42)
    frugal = next(p for p in personas if "a1" in p.participant_ids)
    confidence = {m.participant_id: m.confidence for m in frugal.members}
    assert 0 < confidence["s1"] < min(v for k, v in confidence.items() if k != "s1")
    assert unassigned_participants(data[0], personas) == ["s2"]
    assert all(0.0 <= m.confidence <= 1.0 for p in personas for m in p.members)


def test_unassigned_report_gives_the_reason(data):
    participants, statements, themes = data
    personas = build_personas(participants, statements, themes, PersonaConfig(), seed=42)
    report = unassigned_report(participants, statements, themes, personas)
    assert [(u.participant_id, u.reason, u.themes) for u in report] == [("s2", "no_statements", 0)]
    unthemed = statements + [
        statements[0].model_copy(update={"id": "s2:0:0", "participant_id": "s2", "theme_id": None})
    ]
    assert unassigned_report(participants, unthemed, themes, personas)[0].reason == "no_themes"
    report = unassigned_report(participants, statements, themes, [])
    assert {u.reason for u in report} == {"no_personas", "no_statements"}
    sparse = [p for p in personas if "s1" in p.participant_ids][0]
    dropped = [p for p in personas if p is not sparse] + [
        sparse.model_copy(
            update={"participant_ids": [i for i in sparse.participant_ids if i != "s1"]}
        )
    ]
    s1 = next(
        u
        for u in unassigned_report(participants, statements, themes, dropped)
        if u.participant_id == "s1"
    )
    assert s1.reason == "no_close_persona" and s1.themes >= 1


def test_sparse_respondent_with_ambiguous_profile_is_unassigned():
    participants, statements, themes = make_data()
    # s1 now only mentions the theme everyone mentions equally often -> nearest persona ambiguous
    statements = [s for s in statements if s.participant_id != "s1"]
    text = "s1 says: fresh produce matters"
    statements.append(
        Statement(
            id="s1:0:0",
            document_id="s1",
            participant_id="s1",
            turn_index=0,
            text=text,
            start_char=0,
            end_char=len(text),
            kind="mindset",
            confidence=0.9,
            theme_id="mindset-01",
        )
    )
    themes = [
        t.model_copy(
            update={
                "participant_ids": sorted(
                    {s.participant_id for s in statements if s.theme_id == t.id}
                )
            }
        )
        for t in themes
    ]
    personas = build_personas(participants, statements, themes, PersonaConfig(), seed=42)
    assert "s1" not in {pid for p in personas for pid in p.participant_ids} or all(
        m.confidence < 0.5 for p in personas for m in p.members if m.participant_id == "s1"
    )


def test_share_and_lift_of_defining_themes(data):
    personas = build_personas(*data, PersonaConfig(), seed=42)
    busy = next(p for p in personas if "c1" in p.participant_ids)
    goal = next(t for t in busy.themes if t.theme_id == "goal-03")
    assert goal.share == 1.0
    assert goal.lift == pytest.approx(14 / 3, rel=1e-3)  # 14 participants, 3 mention it
    assert busy.theme_ids["goal"] == ["goal-03"]
    green = next(p for p in personas if "b1" in p.participant_ids)
    assert "mindset-01" not in {t.theme_id for t in green.themes}  # 2/4 vs 7/14: lift 1.0, too low
    assert (
        busy.summary.startswith("Bella (3 participants, 23%)")
        or "(3 participants, 23%)" in busy.summary
    )


def test_quotes_come_from_members_and_are_exact_statement_texts(data):
    participants, statements, themes = data
    texts = {s.id: s.text for s in statements}
    for persona in build_personas(
        participants, statements, themes, PersonaConfig(quotes_per_persona=3), seed=42
    ):
        assert 0 < len(persona.quotes) <= 3
        assert {q.participant_id for q in persona.quotes} <= set(persona.participant_ids)
        assert len({q.participant_id for q in persona.quotes}) == len(persona.quotes)
        assert all(texts[q.statement_id] == q.text for q in persona.quotes)


def test_metadata_summary_counts_categorical_keys_only(data):
    personas = build_personas(*data, PersonaConfig(), seed=42)
    busy = next(p for p in personas if "c1" in p.participant_ids)
    assert busy.metadata_summary == {"segment": {"returning": 2, "new": 1}}


def test_too_few_participants_or_no_themes_give_no_personas(data):
    participants, statements, themes = data
    assert build_personas(participants, statements, [], PersonaConfig()) == []
    few = {"a1", "b1", "c1"}
    assert (
        build_personas(
            [p for p in participants if p.id in few],
            [s for s in statements if s.participant_id in few],
            [
                t.model_copy(update={"participant_ids": [p for p in t.participant_ids if p in few]})
                for t in themes
            ],
            PersonaConfig(),
        )
        == []
    )


def test_persona_table_and_separating_themes(data):
    participants, statements, themes = data
    personas = build_personas(participants, statements, themes, PersonaConfig(), seed=42)
    analysis = Analysis(
        participants=participants,
        statements=statements,
        themes=themes,
        personas=personas,
        manifest=Manifest(package_version="0"),
    )
    table = persona_table(analysis)
    assert table.values.shape == (14, 3)
    assert table.persona_of("s2") is None
    assert table.persona_of("b2") == next(p.id for p in personas if "b2" in p.participant_ids)
    assert (table.values > 0).sum(axis=1).max() == 1
    rows = table.to_rows()
    assert rows[0]["participant_id"] == "a1" and set(rows[0]) >= {p.name for p in personas}
    separating = separating_themes(personas, themes, top=4)
    assert len(separating) == 4
    assert all(t.spread == 1.0 for t in separating)
    assert "mindset-01" not in {t.theme_id for t in separating}


def test_descriptor_mapping_and_fallback():
    assert descriptor_candidates("premium quality coffee", ["premium"])[0] == "Discerning"
    assert descriptor_candidates("read reviews first", ["reviews"])[0] == "Researching"
    assert descriptor_candidates("eco friendly", ["eco"])[0] == "Green"
    assert descriptor_candidates("fast checkout", ["fast"])[0] == "Busy"
    assert descriptor_candidates("spare penge", ["tilbud", "billig"])[0] == "Frugal"  # Danish stems
    assert descriptor_candidates("jeg vil have kajakker", []) == []  # no raw keyword descriptor


def test_names_use_curated_descriptors_only():
    """No family fits: generic curated words, never a theme's (here Norwegian) keywords."""
    theme_sets = [
        [("Birken og langrenn", ["birken", "langrenn"], 2.0)],
        [("Kajakk", ["kajakk"], 1.0)],
        [("Wait for sales", ["sale"], 1.0)],
    ]
    names = name_personas(theme_sets)
    assert names == ["Pragmatic Paula", "Everyday Emma", "Frugal Fiona"]
    assert name_personas(theme_sets) == names  # deterministic
    curated = set(GENERIC_DESCRIPTORS) | {word for _, words in _DESCRIPTOR_TABLE for word in words}
    many = name_personas([[(f"topic {i}", [f"word{i}"], 1.0)] for i in range(20)])
    assert len(set(many)) == 20
    assert all(name.rsplit(" ", 1)[0] in curated for name in many)


def test_name_allocator_never_repeats():
    allocator = NameAllocator()
    names = [allocator.name(["Frugal"]) for _ in range(8)]
    assert len(set(names)) == 8
    assert len({n.split()[-1] for n in names}) == 8


def test_summary_mentions_each_kind():
    text = build_summary(
        "Fiona",
        7,
        0.35,
        {"goal": ["Save money"], "pain_point": ["Delivery fee"], "objection": ["Membership"]},
    )
    assert (
        text
        == "Fiona (7 participants, 35%) wants “save money”, struggles with “delivery fee” and hesitates because of “membership”."
    )


def test_number_of_personas_never_leaves_a_tiny_persona():
    """Silhouette alone would split off 2 of 32 people; a persona needs 10% of the core."""
    from persona_nlp.personas import _choose_k

    rng = np.random.default_rng(0)
    centres = np.eye(8)[:4]
    sizes = [10, 10, 10, 2]
    vectors = np.vstack(
        [
            centre + rng.normal(0, 0.05, (size, 8))
            for centre, size in zip(centres, sizes, strict=True)
        ]
    )
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    k, labels, scores = _choose_k(vectors, PersonaConfig(), seed=0)
    assert k == 3 and 4 not in scores
    assert np.bincount(labels).min() >= 4
    assert _choose_k(vectors, PersonaConfig(n_personas=4), seed=0)[0] == 4  # fixed k wins


def test_profile_counts_are_float32_statement_counts_with_listed_members(data):
    """The participant x theme matrix (float32 to halve its memory at scale) counts each
    participant's statements per theme, and a participant a theme lists without a passed
    statement counts once."""
    from persona_nlp.personas import _profiles

    participants, statements, themes = data
    extra = themes[0].model_copy(update={"participant_ids": [*themes[0].participant_ids, "s2"]})
    profiles = _profiles(participants, statements + statements[:1], [extra, *themes[1:]])
    assert profiles.counts.dtype == np.float32
    row = {pid: i for i, pid in enumerate(profiles.participant_ids)}
    column = {tid: j for j, tid in enumerate(profiles.theme_ids)}
    first = statements[0]
    assert profiles.counts[row[first.participant_id], column[first.theme_id]] == 2
    assert profiles.counts[row["s2"], column[extra.id]] == 1
    expected = len(statements) + 1 + (0 if "s2" in themes[0].participant_ids else 1)
    assert profiles.counts.sum() == expected


def test_small_profiles_cluster_on_one_thread_with_kmeans_own_labels():
    # up to one k-means chunk of rows, extra OpenMP threads only spin; the labels stay k-means'
    from sklearn.cluster import KMeans

    from persona_nlp.personas import _cluster

    rng = np.random.default_rng(3)
    for rows in (40, 256):
        vectors = rng.random((rows, 12))
        expected = KMeans(n_clusters=4, n_init=20, random_state=7).fit_predict(vectors)
        assert _cluster(vectors, 4, 7).tolist() == expected.tolist()
