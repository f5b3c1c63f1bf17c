"""What the analysis did not use (issue 16): ``uncoded.csv``, the report section, the
prevalence base, the CLI summary row and redaction of uncoded turns."""

from __future__ import annotations

import csv

import pytest
from report_builders import make_analysis

from persona_nlp.cli.commands import analysis_summary_rows
from persona_nlp.redact import redact_analysis
from persona_nlp.report import UNCODED_COLUMNS, to_html, to_markdown, write_reports
from persona_nlp.schema import Analysis, Participant, Turn, Uncoded

NARRATIVE = "=We moved house in May, Anna Hansen helped <us> carry the boxes."


def _with_uncoded() -> Analysis:
    analysis = make_analysis()
    survey = next(d for d in analysis.documents if d.id == "survey")
    extra = [
        (3, "r04", NARRATIVE),
        (4, "r05", "n/a really"),
        (5, "r06", "Our budget is tight this year."),
    ]
    for index, participant_id, text in extra:
        survey.turns.append(
            Turn(
                index=index,
                speaker=participant_id,
                role="respondent",
                participant_id=participant_id,
                text=text,
                line=index + 2,
                column="q1",
                question="What matters when you buy?",
                language="en",
            )
        )
        analysis.participants.append(Participant(id=participant_id, document_ids=["survey"]))
    analysis.uncoded = [
        Uncoded(
            document_id="survey",
            turn_index=3,
            participant_id="r04",
            text=NARRATIVE,
            reason="no_statement",
            language="en",
            line=5,
        ),
        Uncoded(
            document_id="survey",
            turn_index=4,
            participant_id="r05",
            text="n/a really",
            reason="non_answer",
            language="en",
            line=6,
        ),
        Uncoded(
            document_id="survey",
            turn_index=5,
            participant_id="r06",
            text="Our budget is tight this year.",
            reason="below_threshold",
            kind="pain_point",
            confidence=0.41,
            language="en",
            line=7,
        ),
    ]
    return analysis


@pytest.fixture()
def analysis():
    return _with_uncoded()


def test_uncoded_csv_next_to_statements_csv(tmp_path, analysis):
    paths = write_reports(analysis, tmp_path, formats=["csv"])
    assert [p.name for p in paths] == ["statements.csv", "themes.csv", "uncoded.csv"]
    with (tmp_path / "uncoded.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == UNCODED_COLUMNS
    assert [(r["participant_id"], r["reason"]) for r in rows] == [
        ("r04", "no_statement"),
        ("r05", "non_answer"),
        ("r06", "below_threshold"),
    ]
    assert rows[0]["text"] == "'" + NARRATIVE  # the spreadsheet formula guard
    assert rows[0]["question"] == "q1" and rows[0]["line"] == "5"
    assert (rows[2]["kind"], rows[2]["confidence"]) == ("pain_point", "0.41")


def test_uncoded_csv_has_a_header_when_nothing_is_uncoded(tmp_path):
    write_reports(make_analysis(), tmp_path, formats=["csv"])
    text = (tmp_path / "uncoded.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines() == [",".join(UNCODED_COLUMNS)]


def test_report_sections_count_reasons_and_quote_examples(analysis):
    markdown = to_markdown(analysis)
    section = markdown.split("## What the analysis did not use")[1].split("## What was skipped")[0]
    assert "Of 10 respondent answers and turns, 7 gave at least one statement; 3 gave none" in (
        section
    )
    for label in ("No statement found", "A non-answer", "below the confidence threshold"):
        assert label in section
    assert "We moved house in May" in section and "r04 · q1" in section
    assert "closest kind: pain point, 0.41" in section
    html = to_html(analysis)
    assert 'id="uncoded"' in html and 'href="#uncoded"' in html
    assert "&lt;us&gt;" in html and "<us>" not in html  # escaped like every user text
    assert "closest kind: pain point, 0.41" in html


def test_report_says_when_every_turn_was_used():
    analysis = make_analysis()
    for text in (to_markdown(analysis), to_html(analysis)):
        assert "What the analysis did not use" in text
        assert "No respondent answer or turn was left unused" in text


def test_prevalence_base_names_who_is_counted(analysis):
    expected = "out of all 8 participants with at least one answer or turn"
    for text in (to_markdown(analysis), to_html(analysis)):
        assert expected in text
        assert "3 of them said nothing that became a statement" in text


def test_cli_summary_counts_uncoded_per_reason(analysis):
    rows = dict(analysis_summary_rows(analysis))
    assert rows["uncoded"] == "3 (below_threshold 1, no_statement 1, non_answer 1)"
    assert dict(analysis_summary_rows(make_analysis()))["uncoded"] == "0"


def test_uncoded_text_and_ids_are_redacted(analysis):
    redacted = redact_analysis(analysis)
    entry = redacted.uncoded[0]
    assert "Anna" not in entry.text and "Hansen" not in entry.text
    assert entry.text.startswith("=We moved house in May, ")
    survey = next(d for d in redacted.documents if d.turns[0].column == "q1")
    assert survey.turns[3].text.startswith(entry.text)
    assert entry.participant_id == next(t.participant_id for t in survey.turns if t.index == 3)


def test_to_pandas_has_the_uncoded_table(analysis):
    pytest.importorskip("pandas")
    frame = analysis.to_pandas()["uncoded"]
    assert list(frame.columns) == list(UNCODED_COLUMNS) and len(frame) == 3
