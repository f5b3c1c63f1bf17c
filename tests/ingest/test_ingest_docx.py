"""Word transcripts (.docx), generated at test time with python-docx."""

from __future__ import annotations

from pathlib import Path

from _ingest_builders import DOCX_METADATA, DOCX_TITLE, make_docx

from persona_nlp.config import IngestConfig
from persona_nlp.ingest import ingest


def test_title_and_metadata_block_are_document_metadata(tmp_path: Path) -> None:
    corpus = ingest([make_docx(tmp_path / "p04.docx")], IngestConfig(strict=True))
    doc = corpus.documents[0]
    assert doc.title == DOCX_TITLE and doc.metadata == DOCX_METADATA and doc.format == "docx"
    assert [(t.speaker, t.role) for t in doc.turns] == [
        ("Interviewer", "interviewer"),
        ("Birgitte", "respondent"),
        ("Interviewer", "interviewer"),
        ("Birgitte", "respondent"),
        ("Interviewer", "interviewer"),
        ("Birgitte", "respondent"),
    ]
    # the unlabelled paragraph continues Birgitte's turn
    assert doc.turns[1].text.endswith("hele vejen til hospitalet og hjem igen.")
    assert doc.language == "da"
    assert corpus.participants[0].id == "p04" and corpus.participants[0].metadata["Alder"] == "41"


def test_turns_in_a_table(tmp_path: Path) -> None:
    corpus = ingest([make_docx(tmp_path / "t.docx", table=True)], IngestConfig(strict=True))
    doc = corpus.documents[0]
    assert [t.role for t in doc.turns][:2] == ["interviewer", "respondent"]
    assert doc.turns[1].text.startswith("Jeg prøvede tre cykler")


def test_paragraph_number_is_the_line(tmp_path: Path) -> None:
    doc = ingest([make_docx(tmp_path / "p.docx")], IngestConfig()).documents[0]
    # 1 title, 2-5 metadata, 6 blank, 7 first turn
    assert doc.turns[0].line == 7
