"""Proposed additions: shares among the members who spoke about the theme's kind."""

from __future__ import annotations

import numpy as np

from persona_nlp.enrich.evidence import proposals
from persona_nlp.schema import Statement, Theme


def _statement(i: int, pid: str, kind: str) -> Statement:
    return Statement(
        id=f"{pid}:{i}",
        document_id="survey",
        participant_id=pid,
        turn_index=i,
        text=f"answer {i}",
        start_char=0,
        end_char=8,
        kind=kind,  # type: ignore[arg-type]
        confidence=0.9,
    )


def _setup():
    members = {f"m{i}" for i in range(10)}  # 10 members; m0-m2 answered the pain question
    statements = [_statement(i, f"m{i}", "channel") for i in range(10)]
    statements += [_statement(10 + i, f"m{i}", "pain_point") for i in range(3)]
    # 20 other participants; o0-o6 answered the pain question
    statements += [_statement(20 + i, f"o{i}", "channel") for i in range(20)]
    statements += [_statement(40 + i, f"o{i}", "pain_point") for i in range(7)]
    theme = Theme.model_construct(id="pain_point-01", kind="pain_point", label="Per seat")
    theme.keywords = ["seat"]
    rows = [i for i, s in enumerate(statements) if s.id in {"m0:10", "m1:11", "o0:40"}]
    speakers: dict[str, set[str]] = {}
    for s in statements:
        speakers.setdefault(s.kind, set()).add(s.participant_id)
    args = (
        [("pain_points", "pain_point", [])],
        [theme],
        [{"m0", "m1", "o0"}],
        [rows],
        statements,
        np.zeros(len(statements), dtype=bool),
        members,
        30,
        2,
    )
    return args, speakers


def test_a_theme_common_among_those_who_spoke_of_its_kind_is_proposed():
    args, speakers = _setup()
    # 2 of the 3 members who spoke about pain points (67 %), against 3 of 10 overall (30 %)
    found = proposals(*args, speakers_of_kind=speakers)
    assert [p["theme"]["id"] for p in found] == ["pain_point-01"]
    assert found[0]["share"] == round(2 / 3, 4)
    assert found[0]["lift"] == round((2 / 3) / (3 / 10), 3)


def test_without_speakers_the_share_is_among_all_members():
    args, _ = _setup()
    assert proposals(*args) == []  # 2 of 10 members: below the 30 % a proposal needs
