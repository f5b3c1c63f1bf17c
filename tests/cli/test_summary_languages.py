"""The CLI summary counts languages per participant, as the report does."""

from __future__ import annotations

from persona_nlp.cli.commands import corpus_summary_rows
from persona_nlp.schema import Corpus, Document, Participant, Turn


def _survey() -> Corpus:
    # one survey file whose language is English, answered by 3 Dutch and 2 English respondents;
    # the Dutch respondent r1 answers twice, once in English
    answers = [
        ("r1", "nl"),
        ("r1", "nl"),
        ("r1", "en"),
        ("r2", "nl"),
        ("r3", "nl"),
        ("r4", "en"),
        ("r5", "en"),
    ]
    turns = [
        Turn(index=i, speaker=who, role="respondent", participant_id=who, text="x", language=code)
        for i, (who, code) in enumerate(answers)
    ]
    document = Document(id="s", path="s.csv", kind="survey", language="en", turns=turns)
    participants = [Participant(id=f"r{i}", document_ids=["s"]) for i in range(1, 6)]
    return Corpus(documents=[document], participants=participants)


def test_languages_row_counts_participants_not_documents():
    rows = dict(corpus_summary_rows(_survey()))
    assert rows["languages"] == "nl 3, en 2"


def test_unknown_language_is_shown_as_question_mark():
    corpus = _survey()
    for turn in corpus.documents[0].turns:
        turn.language = None
    corpus.documents[0].language = None
    assert dict(corpus_summary_rows(corpus))["languages"] == "? 5"
    assert dict(corpus_summary_rows(Corpus()))["languages"] == "-"
