"""Every respondent answer or turn ends in exactly one place (issue 16): a statement, an
``uncoded`` entry with its reason, or ``skipped``. Model-free: HashingEmbedder and, for the
reason-by-reason checks, the KeywordClassifier.
"""

from __future__ import annotations

import csv

import pytest

from persona_nlp.config import AnalysisConfig, ExtractConfig
from persona_nlp.embed import HashingEmbedder
from persona_nlp.extract import (
    UNCODED_TEXT_CHARS,
    KeywordClassifier,
    extract_statements,
    extract_statements_and_uncoded,
)
from persona_nlp.extract.cues import available_cue_languages
from persona_nlp.run.parts import extract_in_parts
from persona_nlp.schema import Corpus, Document, Turn

# A survey of educators (about online proctoring) and a Dutch interview about a restaurant:
# substantive answers that may or may not become statements, blanks, non-answers, narrative.
QUESTIONS = (
    "What would you like online exams to do better?",
    "What worries you about online proctoring?",
    "Anything else?",
)
ROWS = (
    (
        "e01",
        "I want students to be able to take the exam from home without stress",
        "Everything I've heard about online proctoring indicates that its bad for students "
        "and produces false positives regularly.",
        "",
    ),
    ("e02", "n/a", "The webcam checks fail on older laptops", "nothing"),
    ("e03", "Proctorio", "", "We ran the pilot in the spring term with two classes."),
    ("e04", "Faster grading would help me most", "Privacy of my students", "-"),
    ("e05", "", "", ""),
    ("e06", "Yes.", "I worry that it is unfair to students with anxiety", "No"),
)
INTERVIEW = """\
Interviewer: Hoe vaak gaat u uit eten?
Marieke: Ongeveer twee keer per maand, meestal op vrijdag.
Interviewer: Wat vond u van het restaurant?
Marieke: Ja.
Interviewer: Wat zou u anders willen?
Marieke: Ik wil graag dat ze ook vegetarische gerechten op de kaart zetten.
Interviewer: Was er iets dat u bijna tegenhield om te reserveren?
Marieke: De prijs van de wijn vond ik echt te hoog voor wat je krijgt.
Interviewer: Nog iets?
Marieke: Hoe bedoelt u?
"""


@pytest.fixture(scope="module")
def study(tmp_path_factory):
    folder = tmp_path_factory.mktemp("study")
    with (folder / "educators.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["respondent_id", *QUESTIONS])
        writer.writerows(ROWS)
    (folder / "restaurant.txt").write_text(INTERVIEW, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def run(study):
    from persona_nlp.pipeline import run_pipeline

    return run_pipeline([study], AnalysisConfig(seed=1), embedder=HashingEmbedder(64))


def test_answers_in_equal_statements_plus_uncoded_plus_skipped(run):
    analysis = run.analysis
    answers_in = len(ROWS) * len(QUESTIONS) + INTERVIEW.count("Marieke:")
    coded = {(s.document_id, s.turn_index) for s in analysis.statements}
    uncoded = [(u.document_id, u.turn_index) for u in analysis.uncoded]
    skipped_cells = sum(s.count for s in analysis.skipped if s.item == "cell")
    assert coded and uncoded and skipped_cells
    assert len(set(uncoded)) == len(uncoded)  # one entry per turn
    assert not coded & set(uncoded)  # a turn with a statement is never listed as uncoded
    assert answers_in == len(coded) + len(uncoded) + skipped_cells
    # and exactly the respondent turns: each one is in one of the two lists
    respondent = {
        (d.id, t.index) for d in analysis.documents for t in d.turns if t.role == "respondent"
    }
    assert respondent == coded | set(uncoded)
    assert analysis.manifest.counts["uncoded"] == len(uncoded)


def test_uncoded_entries_are_verbatim_with_a_reason(run):
    analysis = run.analysis
    documents = {d.id: d for d in analysis.documents}
    for entry in analysis.uncoded:
        turn = documents[entry.document_id].turns[entry.turn_index]
        assert turn.role == "respondent" and entry.participant_id == turn.participant_id
        assert entry.text == turn.text[:UNCODED_TEXT_CHARS] and entry.line == turn.line
        assert (entry.kind is None) == (entry.confidence is None)
        assert entry.reason != "below_threshold" or entry.kind is not None
    texts = {u.text: u.reason for u in analysis.uncoded}
    assert texts.get("Hoe bedoelt u?") == "question"
    assert texts.get("Ja.") in {"backchannel", "non_answer"}  # a filler, never "empty"
    assert [(u.document_id, u.turn_index) for u in analysis.uncoded] == sorted(
        (u.document_id, u.turn_index) for u in analysis.uncoded
    )


def _corpus(language: str | None = None) -> Corpus:
    texts = [
        ("interviewer", "What would you like to change?"),
        ("respondent", "Yeah, definitely."),
        ("respondent", "Is the Leeds store still open?"),
        ("respondent", "..."),
        ("respondent", ""),
        ("respondent", "We drove up to the lake on Sunday."),
        ("respondent", "I want new boots that keep my feet dry."),
        ("respondent", "nothing really"),
        ("unknown", "I hate wet feet."),
        ("respondent", "Je veux des bottes neuves. " * 20),
        ("respondent", "Um, you know."),  # fillers only: segmentation leaves nothing
    ]
    turns = [
        Turn(
            index=i,
            speaker="Interviewer" if role == "interviewer" else "Ann",
            role=role,  # type: ignore[arg-type]
            participant_id="ann" if role == "respondent" else None,
            text=text,
            language="fr" if text.startswith("Je") else language,
            line=i + 1,
        )
        for i, (role, text) in enumerate(texts)
    ]
    return Corpus(
        documents=[Document(id="p", path="p.txt", kind="interview", language="en", turns=turns)]
    )


def test_each_reason_on_a_hand_made_interview():
    corpus = _corpus()
    statements, uncoded = extract_statements_and_uncoded(
        corpus, HashingEmbedder(), ExtractConfig(), classifier=KeywordClassifier()
    )
    assert [s.turn_index for s in statements] == [6]
    reasons = {u.turn_index: u.reason for u in uncoded}
    assert reasons == {
        1: "backchannel",
        2: "question",
        3: "empty",
        4: "empty",
        5: "no_statement",
        7: "non_answer",
        9: "unsupported_language",
        10: "backchannel",
    }
    assert "fr" not in available_cue_languages()
    long = next(u for u in uncoded if u.turn_index == 9)
    assert len(long.text) == UNCODED_TEXT_CHARS and long.language == "fr"


def test_below_threshold_keeps_the_best_kind_and_its_confidence():
    corpus = _corpus()
    kept = extract_statements(corpus, HashingEmbedder(), classifier=KeywordClassifier())
    _, uncoded = extract_statements_and_uncoded(
        corpus, HashingEmbedder(), ExtractConfig(threshold=0.99), classifier=KeywordClassifier()
    )
    entry = next(u for u in uncoded if u.turn_index == 6)
    assert entry.reason == "below_threshold"
    assert entry.kind == kept[0].kind and entry.confidence == kept[0].confidence < 0.99


def test_statements_unchanged_and_parts_give_the_same_uncoded():
    corpus = _corpus()
    whole, uncoded = extract_statements_and_uncoded(corpus, HashingEmbedder(64))
    assert whole == extract_statements(corpus, HashingEmbedder(64))
    survey = Document(
        id="s",
        path="s.csv",
        kind="survey",
        language="en",
        turns=[
            Turn(
                index=i,
                speaker=f"r{i}",
                role="respondent",
                participant_id=f"r{i}",
                text=text,
                column="Q1",
                question="What almost stopped you from buying?",
            )
            for i, text in enumerate(["shipping", "n/a", "We moved house.", "?", "price"] * 3)
        ],
    )
    corpus = Corpus(documents=[*corpus.documents, survey])
    expected = extract_statements_and_uncoded(corpus, HashingEmbedder(64))
    collected: list = []
    statements = extract_in_parts(
        corpus, HashingEmbedder(64), ExtractConfig(), part_turns=4, uncoded=collected
    )
    assert (statements, collected) == expected
