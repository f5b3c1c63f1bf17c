"""Personas from meaning profiles (personas/profiles.py) on hand-made statements and vectors."""

from __future__ import annotations

import numpy as np
from persona_builders import THEMES, make_data

from persona_nlp.config import PersonaConfig
from persona_nlp.personas import _Group, _join, build_personas
from persona_nlp.personas.profiles import SemanticSpace, choose_core
from persona_nlp.schema import Statement

THEME_ORDER = sorted(THEMES)


def _vectors(statements: list[Statement], noise: float = 0.05, seed: int = 0) -> np.ndarray:
    """One direction per theme plus noise: statements of a theme mean the same thing."""
    rng = np.random.default_rng(seed)
    base = np.eye(len(THEME_ORDER), 24, dtype=np.float32)
    rows = np.stack([base[THEME_ORDER.index(s.theme_id)] for s in statements])
    rows = rows + rng.normal(0, noise, rows.shape).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def _rich(participants, statements, themes, repeat: int = 3):
    """Every core participant says each of their things ``repeat`` times (an interview)."""
    out = []
    for statement in statements:
        if statement.participant_id.startswith("s"):
            out.append(statement)
            continue
        for r in range(repeat):
            out.append(statement.model_copy(update={"id": f"{statement.id}:{r}"}))
    return participants, out, themes


def _groups(personas) -> list[set[str]]:
    return [{p for p in persona.participant_ids if not p.startswith("s")} for persona in personas]


def test_three_groups_from_meaning_profiles_and_the_sparse_respondent_joins():
    participants, statements, themes = _rich(*make_data())
    personas = build_personas(
        participants, statements, themes, PersonaConfig(), seed=1, embeddings=_vectors(statements)
    )
    groups = _groups(personas)
    assert sorted(map(sorted, groups)) == [
        ["a1", "a2", "a3", "a4", "a5"],
        ["b1", "b2", "b3", "b4"],
        ["c1", "c2", "c3"],
    ]
    assert all(len(p.themes) >= 2 for p in personas)
    member = {m.participant_id: m.confidence for p in personas for m in p.members}
    persona_of = {pid: p.id for p in personas for pid in p.participant_ids}
    assert persona_of["s1"] == persona_of["a1"]  # s1 said what group a says
    assert 0.5 < member["s1"] <= 1.0
    assert "s2" not in member  # said nothing


def test_a_respondent_joins_on_a_clear_lead_whatever_the_similarity_level():
    groups = [_Group(), _Group(), _Group()]
    similarities = np.array(
        [
            [-0.10, -0.25, -0.30],  # unlike everyone, but clearly least unlike the first
            [0.30, 0.28, 0.05],  # close to two personas alike: no clear lead
            [0.05, 0.60, 0.10],
        ],
        dtype=np.float32,
    )
    _join(groups, ["x", "y", "z"], similarities)
    assert [sorted(g.members) for g in groups] == [["x"], ["z"], []]
    # the confidence is the softmax (temperature CONFIDENCE_TEMPERATURE) at the chosen persona
    expected = np.exp(-0.10 / 0.1) / np.exp(np.array([-0.10, -0.25, -0.30]) / 0.1).sum()
    assert abs(groups[0].members["x"] - expected) < 1e-3
    assert groups[1].members["z"] > groups[0].members["x"]  # the larger lead, the surer
    # members of a dissolved persona join the nearest remaining one without a lead
    _join(groups, ["y"], similarities[1:2], require_lead=False)
    assert "y" in groups[0].members


def test_interviews_form_the_personas_and_survey_rows_do_not_outvote_them():
    participants, statements, themes = _rich(*make_data(sparse=False), repeat=3)
    counts = SemanticSpace(
        [s.participant_id for s in statements], [s.kind for s in statements], _vectors(statements)
    ).statement_counts(sorted({p.id for p in participants}))
    core = choose_core(counts, 4, seed=0)
    assert len(core) == 12  # everyone here has 9+ statements: all rich
    # 40 one-answer respondents who all mention group a's goal do not create a persona of
    # their own: they join the persona the interviews formed
    extra = [
        Statement(
            id=f"r{i}:0:0",
            document_id="survey",
            participant_id=f"r{i:02d}",
            turn_index=i,
            text="deals",
            start_char=0,
            end_char=5,
            kind="goal",
            confidence=0.9,
            theme_id="goal-01",
        )
        for i in range(40)
    ]
    personas = build_personas(
        participants,
        statements + extra,
        themes,
        PersonaConfig(),
        seed=1,
        embeddings=_vectors(statements + extra),
    )
    assert len(personas) == 3
    a_persona = next(p for p in personas if "a1" in p.participant_ids)
    assert {f"r{i:02d}" for i in range(40)} <= set(a_persona.participant_ids)


def test_same_result_whatever_the_input_order():
    participants, statements, themes = _rich(*make_data())
    vectors = _vectors(statements)
    first = build_personas(
        participants, statements, themes, PersonaConfig(), seed=3, embeddings=vectors
    )
    order = np.random.default_rng(5).permutation(len(statements))
    second = build_personas(
        list(reversed(participants)),
        [statements[i] for i in order],
        list(reversed(themes)),
        PersonaConfig(),
        seed=3,
        embeddings=vectors[order],
    )
    assert [p.model_dump() for p in first] == [p.model_dump() for p in second]


def test_a_group_without_enough_defining_themes_is_not_a_persona(monkeypatch):
    import persona_nlp.personas as personas_module

    participants, statements, themes = _rich(*make_data(sparse=False))
    vectors = _vectors(statements)
    # each group has exactly three defining themes (its goal, pain point and channel)
    kept = build_personas(
        participants, statements, themes, PersonaConfig(), seed=1, embeddings=vectors
    )
    assert [len(p.themes) for p in kept] == [3, 3, 3]
    monkeypatch.setattr(personas_module, "MIN_DEFINING_THEMES", 4)
    dropped = build_personas(
        participants, statements, themes, PersonaConfig(), seed=1, embeddings=vectors
    )
    assert dropped == []  # no group can be described with four: none is reported
    # a number of personas the user fixed is kept
    fixed = build_personas(
        participants, statements, themes, PersonaConfig(n_personas=3), seed=1, embeddings=vectors
    )
    assert len(fixed) == 3


def test_semantic_space_profiles_match_a_plain_reference():
    """Rows are held as slices of one sorted index (compact at scale); each participant's
    profile is still the weighted, centred mean of its own statements per kind, in row order."""
    rng = np.random.default_rng(3)
    kinds = ["goal", "channel", "goal", "mindset", "goal", "channel", "goal"]
    pids = ["b", "a", "a", "b", "c", "b", "a"]
    vectors = rng.normal(size=(len(kinds), 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    space = SemanticSpace(pids, kinds, vectors)
    assert space.statement_counts(["a", "b", "c", "nobody"]).tolist() == [3, 3, 1, 0]
    # a's goals are rows 2 and 6, its channel row 1 (b's channel row 5 makes the kind mean differ)
    profiles = space.profiles(["a", "nobody"])
    assert not profiles[1].any()
    goal = space.kinds.index("goal")
    channel = space.kinds.index("channel")
    expected = np.zeros(len(space.kinds) * 8, dtype=np.float32)
    for k, rows in ((goal, [2, 6]), (channel, [1])):
        block = vectors[rows].mean(axis=0) - space.kind_means[k]
        expected[k * 8 : (k + 1) * 8] = (
            len(rows) / (len(rows) + 1.0) * block / np.linalg.norm(block)
        )
    expected /= np.linalg.norm(expected)
    assert np.allclose(profiles[0], expected, atol=1e-6)
    similarities = space.similarities(["c"], np.eye(len(space.kinds) * 8, dtype=np.float32)[:2])
    assert similarities.shape == (1, 2)
