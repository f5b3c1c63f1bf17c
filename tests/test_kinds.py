"""The table of statement kinds is the one source every stage reads."""

from __future__ import annotations

from typing import get_args

from persona_nlp import schema
from persona_nlp.enrich.persona_file import FIELD_ALIASES
from persona_nlp.kinds import KINDS, STATEMENT_KINDS, StatementKind
from persona_nlp.report._format import KIND_LABELS


def test_literal_and_table_list_the_same_kinds_in_order():
    assert get_args(StatementKind) == STATEMENT_KINDS == tuple(KINDS)
    assert schema.STATEMENT_KINDS is STATEMENT_KINDS


def test_every_kind_is_complete_and_stages_read_the_table():
    for name, spec in KINDS.items():
        assert spec.name == name and spec.heading and spec.definition and spec.summary_verb
        assert spec.colour.startswith("#") and spec.field_aliases and spec.cue_weights
        assert FIELD_ALIASES[name] == spec.field_aliases
        assert KIND_LABELS[name] == spec.heading


def test_field_aliases_are_unambiguous():
    seen: dict[str, str] = {}
    for kind, aliases in FIELD_ALIASES.items():
        for alias in aliases:
            assert seen.setdefault(alias, kind) == kind, f"{alias!r} names two kinds"
