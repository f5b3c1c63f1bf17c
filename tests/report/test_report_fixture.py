"""Checks of the hand-made Analysis (tests/report_builders.py) the report, redaction and browser tests share.

Built directly from the schema models, so these tests do not depend on the upstream stages.
It holds the awkward cases on purpose: HTML and Markdown special characters in user text,
personal data (names, e-mails, phone numbers, a personal URL), a survey and two interviews in
two languages, an unthemed statement and skipped items.
"""

from __future__ import annotations

from report_builders import INTERVIEW_DA, INTERVIEW_EN, SURVEY, make_analysis, make_embeddings  # noqa: F401


def test_fixture_spans_are_exact():
    analysis = make_analysis()
    documents = {d.id: d for d in analysis.documents}
    for statement in analysis.statements:
        turn = documents[statement.document_id].turns[statement.turn_index]
        assert turn.text[statement.start_char : statement.end_char] == statement.text
