"""Personas need a segmentation: two clear segments give two personas, one segment beside a
diffuse rest gives none (never a single 'persona')."""

from __future__ import annotations

from persona_nlp.config import PersonaConfig
from persona_nlp.personas import build_personas
from persona_nlp.schema import Participant, Statement, Theme


def _study(groups: dict[str, list[str]]):
    """groups: participant id -> the theme ids they mention (one statement each)."""
    participants = [Participant(id=pid, document_ids=["d"]) for pid in sorted(groups)]
    statements, members = [], {}
    for pid, theme_ids in sorted(groups.items()):
        for n, tid in enumerate(theme_ids):
            sid = f"{pid}-{n}"
            kind = tid.split("-")[0]
            statements.append(
                Statement(
                    id=sid,
                    participant_id=pid,
                    document_id="d",
                    turn_index=n,
                    start_char=0,
                    end_char=len(tid),
                    text=tid,
                    kind=kind,
                    confidence=0.9,
                    theme_id=tid,
                )
            )
            members.setdefault(tid, []).append(sid)
    themes = [
        Theme(id=tid, kind=tid.split("-")[0], label=tid, statement_ids=ids)
        for tid, ids in sorted(members.items())
    ]
    return participants, statements, themes


def test_two_clear_segments_give_two_personas():
    a = {f"a{i}": ["goal-01", "mindset-01", "channel-01"] for i in range(6)}
    b = {f"b{i}": ["goal-02", "mindset-02", "channel-02"] for i in range(6)}
    participants, statements, themes = _study({**a, **b})
    personas = build_personas(participants, statements, themes, PersonaConfig(), seed=0)
    assert {frozenset(p.participant_ids) for p in personas} == {frozenset(a), frozenset(b)}
    assert all(len(p.themes) >= 2 for p in personas)


def test_one_segment_beside_a_diffuse_rest_is_no_persona():
    """With two groups allowed, the diffuse one has no defining theme and is dissolved; the
    segment left on its own is not reported as the study's only persona."""
    a = {f"a{i}": ["goal-01", "mindset-01", "channel-01"] for i in range(6)}
    # ten respondents in pairs: each pair shares three themes no one else mentions
    b = {
        f"b{i}": [f"goal-{10 + i // 2}", f"mindset-{10 + i // 2}", f"channel-{10 + i // 2}"]
        for i in range(10)
    }
    participants, statements, themes = _study({**a, **b})
    config = PersonaConfig(max_personas=2)
    assert build_personas(participants, statements, themes, config, seed=0) == []
