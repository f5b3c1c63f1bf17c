"""Plain-text and Markdown transcripts."""

from __future__ import annotations

from pathlib import Path

import pytest

from persona_nlp.config import IngestConfig
from persona_nlp.errors import InputError
from persona_nlp.ingest import ingest
from persona_nlp.ingest.text import parse_timestamp, parse_transcript_lines, valid_label
from persona_nlp.schema import Document


def _read(tmp_path: Path, text: str, name: str = "p07.txt", **config: object) -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    corpus = ingest([path], IngestConfig(strict=True, **config))
    assert len(corpus.documents) == 1
    return corpus.documents[0]


def _turns(document: Document) -> list[tuple[str, str, str]]:
    return [(t.speaker, t.role, t.text) for t in document.turns]


def test_name_colon_lines_and_multi_line_turns(tmp_path: Path) -> None:
    doc = _read(
        tmp_path,
        "Interviewer: How do you pay?\n\nAnna: Mostly by card.\nSometimes with my phone.\n\n"
        "Interviewer: Why?\nAnna: It is faster.\n",
    )
    assert _turns(doc) == [
        ("Interviewer", "interviewer", "How do you pay?"),
        ("Anna", "respondent", "Mostly by card. Sometimes with my phone."),
        ("Interviewer", "interviewer", "Why?"),
        ("Anna", "respondent", "It is faster."),
    ]
    assert [t.line for t in doc.turns] == [1, 3, 6, 7]
    assert doc.id == "p07" and doc.kind == "interview" and doc.format == "txt"
    assert {t.participant_id for t in doc.turns if t.role == "respondent"} == {"p07"}


@pytest.mark.parametrize(
    ("line", "speaker", "start", "text"),
    [
        ("[00:03:12] Anna: I liked it.", "Anna", 192.0, "I liked it."),
        ("00:03:12 Anna: I liked it.", "Anna", 192.0, "I liked it."),
        ("(03:12) Anna: I liked it.", "Anna", 192.0, "I liked it."),
        ("Anna (00:03:12): I liked it.", "Anna", 192.0, "I liked it."),
        ("[Anna] 00:03:12: I liked it.", "Anna", 192.0, "I liked it."),
    ],
)
def test_timestamp_styles(line: str, speaker: str, start: float, text: str) -> None:
    parsed = parse_transcript_lines([(1, "Interviewer: Hi?"), (2, line)])
    segment = parsed.segments[1]
    assert (segment.speaker, segment.start, segment.text.strip()) == (speaker, start, text)


def test_label_alone_on_its_line_with_timestamps_otter_style(tmp_path: Path) -> None:
    doc = _read(
        tmp_path,
        "Speaker 1  0:00\nWhat do you cook on weekdays?\n\nSpeaker 2  0:04\nPasta, mostly.\n"
        "Yes\nIt is quick.\n\nSpeaker 1  0:10\nWhy pasta?\n\nSpeaker 2  0:12\nThe kids like it.\n",
    )
    assert _turns(doc) == [
        ("Speaker 1", "interviewer", "What do you cook on weekdays?"),
        ("Speaker 2", "respondent", "Pasta, mostly. Yes It is quick."),
        ("Speaker 1", "interviewer", "Why pasta?"),
        ("Speaker 2", "respondent", "The kids like it."),
    ]
    assert [t.start for t in doc.turns] == [0.0, 4.0, 10.0, 12.0]


def test_bare_label_lines(tmp_path: Path) -> None:
    doc = _read(
        tmp_path,
        "INTERVIEWER\nWhat did you buy?\n\nKAREN\nA tent.\nA big one.\n\nINTERVIEWER\nWhy?\n\nKAREN\nFor the festival.\n",
    )
    assert [(t.speaker, t.role) for t in doc.turns] == [
        ("INTERVIEWER", "interviewer"),
        ("KAREN", "respondent"),
        ("INTERVIEWER", "interviewer"),
        ("KAREN", "respondent"),
    ]
    assert doc.turns[1].text == "A tent. A big one."


def test_inline_name_colon_in_an_answer_is_text(tmp_path: Path) -> None:
    doc = _read(
        tmp_path,
        "I: What matters?\nR: Three things.\nPrice: it must be low.\nSpeed: next day.\nI: Thanks.\nR: Welcome.\n",
    )
    assert doc.turns[1].text == "Three things. Price: it must be low. Speed: next day."
    assert len(doc.turns) == 4


def test_header_title_and_metadata_are_not_turns(tmp_path: Path) -> None:
    doc = _read(
        tmp_path,
        "Interview 3 - meal kits\nDate: 2024-02-01\nAge: 38\nCity: Leeds\nInterviewer: Sam Patel\n\n"
        "Sam: Why did you cancel?\nJo: The boxes were too big for one person.\n",
    )
    assert doc.title == "Interview 3 - meal kits"
    assert doc.metadata == {
        "Date": "2024-02-01",
        "Age": "38",
        "City": "Leeds",
        "Interviewer": "Sam Patel",
    }
    # the header named Sam as the interviewer
    assert _turns(doc) == [
        ("Sam", "interviewer", "Why did you cancel?"),
        ("Jo", "respondent", "The boxes were too big for one person."),
    ]


def test_first_turn_by_a_role_label_is_not_metadata(tmp_path: Path) -> None:
    doc = _read(tmp_path, "Interviewer: Thanks for joining.\n\nAnna: Happy to help.\n")
    assert doc.metadata == {} and doc.turns[0].role == "interviewer"


def test_markdown_bold_labels_headings_and_bullets(tmp_path: Path) -> None:
    doc = _read(
        tmp_path,
        "# Interview with Ole\n\n## Part 1\n\n**Moderator:** Hvad savner du?\n\n**Ole:** Bedre service.\n"
        "- Og hurtigere svar.\n",
        name="ole.md",
    )
    assert doc.title == "Interview with Ole" and doc.format == "md"
    assert _turns(doc) == [
        ("Moderator", "interviewer", "Hvad savner du?"),
        ("Ole", "respondent", "Bedre service. Og hurtigere svar."),
    ]


def test_config_interviewer_and_several_respondents(tmp_path: Path) -> None:
    doc = _read(
        tmp_path,
        "Kim: Hvordan handler I ind?\nOla: Mest på nett.\nKari: Jeg går i butikken.\nKim: Hvorfor?\n"
        "Ola: Det sparer tid.\nKari: Jeg liker å se varene.\n",
        name="fg2.txt",
        interviewer=["kim"],
    )
    assert {t.speaker: t.participant_id for t in doc.turns} == {
        "Kim": None,
        "Ola": "fg2/Ola",
        "Kari": "fg2/Kari",
    }


def test_unlabelled_text_is_the_participants_monologue(tmp_path: Path) -> None:
    doc = _read(tmp_path, "I switched banks last year.\n\nThe app was simply better.\n")
    assert [(t.speaker, t.role, t.participant_id) for t in doc.turns] == [("", "respondent", "p07")]
    asked = _read(tmp_path, "What do you think?\n\nIt was fine.\n", name="q.txt")
    assert {t.role for t in asked.turns} == {"unknown"}


def test_unknown_label_and_preamble_are_unknown(tmp_path: Path) -> None:
    doc = _read(
        tmp_path,
        "Recording started.\nAudio was poor in places.\nInterviewer: What happened?\nUnknown: [inaudible]\n"
        "Bea: The parcel never came.\nInterviewer: Then?\nBea: I called them.\n",
    )
    roles = [(t.speaker, t.role, t.participant_id) for t in doc.turns]
    assert roles[0] == ("", "unknown", None)
    assert ("Unknown", "unknown", None) in roles
    assert ("Bea", "respondent", "p07") in roles


def test_only_interviewer_turns_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("Moderator: Hello?\nModerator: Anyone?\n", encoding="utf-8")
    with pytest.raises(InputError, match="only interviewer turns") as caught:
        ingest([path], IngestConfig(strict=True))
    assert caught.value.reason == "no_respondent"


def test_helpers() -> None:
    assert parse_timestamp("1:02:03") == 3723.0 and parse_timestamp("12:99") is None
    assert valid_label("Người phỏng vấn") and valid_label("Dr. van Dijk")
    assert not valid_label("I think that") and not valid_label("https")


def test_teams_docx_style_text_with_cue_timings(tmp_path: Path) -> None:
    doc = _read(
        tmp_path,
        "0:0:0.0 --> 0:0:3.820\nMaria Berg\nHow did you find us?\n\n"
        "0:0:4.100 --> 0:0:9.500\nAnna Jensen\nThrough a podcast ad, I think.\n\n"
        "0:0:10.0 --> 0:0:12.0\nMaria Berg\nWhich podcast?\n\n"
        "0:0:12.5 --> 0:0:15.0\nAnna Jensen\nA cooking one.\n",
        name="teams.txt",
    )
    assert [(t.speaker, t.role, t.start, t.text) for t in doc.turns] == [
        ("Maria Berg", "interviewer", 0.0, "How did you find us?"),
        ("Anna Jensen", "respondent", 4.1, "Through a podcast ad, I think."),
        ("Maria Berg", "interviewer", 10.0, "Which podcast?"),
        ("Anna Jensen", "respondent", 12.5, "A cooking one."),
    ]


def test_zoom_saved_transcript_txt(tmp_path: Path) -> None:
    doc = _read(
        tmp_path,
        "[Maria Berg] 14:02:11\nWhat do you pay for now?\n\n[Anna Jensen] 14:02:15\nAbout 300 a month.\n",
        name="zoom.txt",
    )
    assert [(t.speaker, t.role) for t in doc.turns] == [
        ("Maria Berg", "interviewer"),
        ("Anna Jensen", "respondent"),
    ]
