"""Item evidence: abstract items (gist, mindset) are judged at a lower bar than concrete ones."""

from __future__ import annotations

import numpy as np

from persona_nlp.enrich.evidence import item_evidence
from persona_nlp.enrich.persona_file import Item
from persona_nlp.enrich.scoring import ABSTRACT_ITEM_KINDS, Thresholds
from persona_nlp.schema import Statement


def _statement(pid: str, kind: str) -> Statement:
    return Statement(
        id=f"{pid}:0",
        document_id="survey",
        participant_id=pid,
        turn_index=0,
        text="I check every direct debit on the statement",
        start_char=0,
        end_char=43,
        kind=kind,  # type: ignore[arg-type]
        confidence=0.9,
    )


def _status(kind: str, similarity: float) -> str:
    statements = [_statement("m1", kind if kind != "gist" else "mindset")]
    vectors = np.array([[1.0, 0.0]], dtype=np.float32)
    item_vector = np.array([similarity, np.sqrt(1 - similarity**2)], dtype=np.float32)
    thresholds = Thresholds(statement=0.5, abstract=0.3, theme=0.9, kind_penalty=0.0)
    entry = item_evidence(
        Item("Thrifty owner"),
        kind,
        item_vector,
        [],
        np.zeros((0, 2)),
        [],
        np.array([]),
        [],
        statements,
        vectors,
        np.array([s.kind for s in statements]),
        {"m1"},
        2,
        thresholds,
    )
    return str(entry["status"])


def test_a_paraphrase_supports_an_abstract_item_but_not_a_concrete_one():
    assert ABSTRACT_ITEM_KINDS == {"gist", "mindset"}
    # 0.4: above the abstract bar (0.3), below the statement bar (0.5)
    assert _status("mindset", 0.4) == "supported"
    assert _status("gist", 0.4) == "supported"
    assert _status("goal", 0.4) == "unsupported"
    assert _status("goal", 0.6) == "supported"


def test_an_abstract_item_nothing_close_to_stays_unsupported():
    assert _status("mindset", 0.2) == "unsupported"
    assert _status("gist", 0.2) == "unsupported"


def test_calibrated_abstract_bar_lies_between_the_mean_and_the_statement_bar():
    rng = np.random.default_rng(0)
    items = rng.normal(size=(5, 8)).astype(np.float32)
    statements = rng.normal(size=(40, 8)).astype(np.float32)
    thresholds = Thresholds.calibrate(items, statements)
    assert thresholds.baseline_mean < thresholds.abstract < thresholds.statement
