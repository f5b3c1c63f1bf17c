"""Role inference: user labels, role labels in six languages, letter codes, question ratio."""

from __future__ import annotations

import pytest

from persona_nlp.ingest.roles import infer_roles, is_question, label_role, normalise_label


@pytest.mark.parametrize(
    "label",
    [
        "Interviewer", "Moderator", "Facilitator", "Researcher", "Host", "Interviewer 2",
        "Jane (Moderator)", "Moderator - Jane", "Intervieweren", "Ordstyrer", "Spørger",
        "Intervjuer", "Intervjuar", "Gespreksleider", "Onderzoeker", "Vraag", "Pewawancara",
        "Peneliti", "Fasilitator", "Penanya", "Người phỏng vấn", "Phỏng vấn viên",
        "Điều phối viên", "Người hỏi", "Hỏi",
    ],
)  # fmt: skip
def test_interviewer_labels(label: str) -> None:
    assert label_role(label) == "interviewer"


@pytest.mark.parametrize(
    "label",
    ["Respondent", "Participant 3", "Deltager", "Deltaker", "Deelnemer", "Responden",
     "Narasumber", "Người trả lời", "Đáp", "Trả lời"],
)  # fmt: skip
def test_respondent_labels(label: str) -> None:
    assert label_role(label) == "respondent"


def test_unknown_and_named_labels() -> None:
    assert label_role("Unknown Speaker") == "unknown"
    assert label_role(None) == "unknown"
    assert label_role("Anna") is None and label_role("Speaker 1") is None
    assert normalise_label(" **Moderator 1:** ") == "moderator"


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["Q", "A"], ["interviewer", "respondent"]),
        (["I", "R"], ["interviewer", "respondent"]),
        (["I", "P"], ["interviewer", "respondent"]),  # Interviewer / Participant
        (["P", "J"], ["interviewer", "respondent"]),  # Pertanyaan / Jawaban
        (["T", "J"], ["interviewer", "respondent"]),  # Tanya / Jawab
        (["V", "A"], ["interviewer", "respondent"]),  # Vraag / Antwoord
        (["H", "Đ"], ["interviewer", "respondent"]),  # Hỏi / Đáp
        (["PV", "Lan"], ["interviewer", "respondent"]),
    ],
)
def test_letter_codes_resolve_with_their_partner(labels: list[str], expected: list[str]) -> None:
    speakers = labels * 2
    texts = ["Well, this is an answer.", "Another statement here."] * 2
    roles = infer_roles(speakers, texts)
    assert [roles[label] for label in labels] == expected


def test_user_labels_win_over_everything() -> None:
    roles = infer_roles(
        ["Respondent", "Anna"], ["Why?", "Because."], interviewer_labels=["respondent"]
    )
    assert roles == {"Respondent": "interviewer", "Anna": "respondent"}


def test_named_speakers_two_interviewers_two_respondents() -> None:
    turns = [
        ("Priya", "Welcome! How do you plan your week?"),
        ("Lena", "I plan everything on Sunday evening with my partner."),
        ("Tom", "And you, Omar?"),
        ("Omar", "I do not plan much, I just buy what I need."),
        ("Priya", "What stops you from planning?"),
        ("Omar", "Honestly, time. My shifts change every week."),
        ("Tom", "Where do you shop?"),
        ("Lena", "At the discount store near the station."),
    ]
    roles = infer_roles([s for s, _ in turns], [t for _, t in turns], language="en")
    assert roles == {
        "Priya": "interviewer",
        "Lena": "respondent",
        "Tom": "interviewer",
        "Omar": "respondent",
    }


def test_questions_without_question_marks_use_question_words() -> None:
    assert is_question("Okay. Why did you cancel the subscription", "en")
    assert is_question("Hvad fik dig til at købe den", "da")
    assert is_question("Chị có thích sản phẩm này không", "vi")
    assert not is_question("I bought it because it was cheap.", "en")
    assert not is_question("Is fine.", "en")


def test_named_speaker_beside_a_labelled_interviewer_is_a_respondent() -> None:
    roles = infer_roles(
        ["Interviewer", "Anna", "Interviewer", "Anna"],
        ["How is it?", "Fine, but is it worth it? I doubt it.", "Why?", "The price."],
    )
    assert roles == {"Interviewer": "interviewer", "Anna": "respondent"}


def test_lone_speaker_is_a_respondent_even_when_asking() -> None:
    assert infer_roles(["Anna", "Anna"], ["Why would I pay more?", "Who knows?"]) == {
        "Anna": "respondent"
    }


def test_only_interviewer_labels_stay_interviewers() -> None:
    assert infer_roles(["Interviewer", "Moderator"], ["Hi?", "Hello?"]) == {
        "Interviewer": "interviewer",
        "Moderator": "interviewer",
    }
