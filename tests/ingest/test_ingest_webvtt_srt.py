"""WebVTT and SRT transcripts: Zoom, Teams and Otter styles."""

from __future__ import annotations

from pathlib import Path

from persona_nlp.config import IngestConfig
from persona_nlp.ingest import ingest
from persona_nlp.ingest._cues import parse_timing
from persona_nlp.schema import Document


def _read(tmp_path: Path, name: str, text: str, **config: object) -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    corpus = ingest([path], IngestConfig(**config))
    assert len(corpus.documents) == 1, corpus.skipped
    return corpus.documents[0]


TEAMS = """WEBVTT
Kind: captions
Language: en

NOTE This transcript was
generated automatically.

STYLE
::cue { color: yellow }

a1b2/3-0
00:00:01.000 --> 00:00:03.500 align:start position:10%
<v Interviewer>Why did you <b>switch</b>?</v>

a1b2/4-0
00:00:04.000 --> 00:00:06.000
<v.loud Ben Ode>Because the old plan</v>

a1b2/4-1
00:00:06.000 --> 00:00:08.250
<v Ben Ode>got expensive &amp; slow.</v>
"""


def test_teams_voice_tags_notes_styles_and_merging(tmp_path: Path) -> None:
    doc = _read(tmp_path, "ben.vtt", TEAMS)
    assert [(t.speaker, t.role, t.text, t.start, t.end) for t in doc.turns] == [
        ("Interviewer", "interviewer", "Why did you switch?", 1.0, 3.5),
        ("Ben Ode", "respondent", "Because the old plan got expensive & slow.", 4.0, 8.25),
    ]
    assert doc.turns[1].line == 17 and doc.format == "vtt"


ZOOM = """WEBVTT

1
00:00:00.000 --> 00:00:02.000
Kim Lee: So, what do you use for notes?

2
00:00:02.500 --> 00:00:05.000
Ana Ruiz: A paper notebook,

3
00:00:05.000 --> 00:00:07.000
because screens distract me.

4
00:00:07.500 --> 00:00:09.000
Kim Lee: Interesting. Why paper?

5
00:00:09.500 --> 00:00:11.000
Ana Ruiz: Habit: I learned it at school.
"""


def test_zoom_name_prefix_and_cue_without_name_continues(tmp_path: Path) -> None:
    doc = _read(tmp_path, "ana.vtt", ZOOM)
    assert [(t.speaker, t.role) for t in doc.turns] == [
        ("Kim Lee", "interviewer"),
        ("Ana Ruiz", "respondent"),
        ("Kim Lee", "interviewer"),
        ("Ana Ruiz", "respondent"),
    ]
    assert doc.turns[1].text == "A paper notebook, because screens distract me."
    assert (doc.turns[1].start, doc.turns[1].end) == (2.5, 7.0)
    assert doc.turns[3].text == "Habit: I learned it at school."


def test_vtt_without_header_and_with_hours_less_timings(tmp_path: Path) -> None:
    doc = _read(
        tmp_path, "x.vtt", "00:01.000 --> 00:02.000\nQ: Why?\n\n00:02.000 --> 00:03.000\nA: Cost.\n"
    )
    assert [(t.speaker, t.start) for t in doc.turns] == [("Q", 1.0), ("A", 2.0)]


SRT = """1
00:00:00,000 --> 00:00:02,000
Speaker 1: Welcome. What brought you here?

2
00:00:02,500 --> 00:00:05,000
Speaker 2: <i>My sister</i> told me about it,

3
00:00:05,000 --> 00:00:07,000
{\\an8}and the reviews were good.

4
00:00:07,500 --> 00:00:09,000
Speaker 1: What almost stopped you?

5
00:00:09,500 --> 00:00:11,000
Speaker 2: The waiting list.
"""


def test_srt_otter_style(tmp_path: Path) -> None:
    doc = _read(tmp_path, "s.srt", SRT)
    assert [(t.speaker, t.role, t.text) for t in doc.turns] == [
        ("Speaker 1", "interviewer", "Welcome. What brought you here?"),
        ("Speaker 2", "respondent", "My sister told me about it, and the reviews were good."),
        ("Speaker 1", "interviewer", "What almost stopped you?"),
        ("Speaker 2", "respondent", "The waiting list."),
    ]
    assert (doc.turns[1].start, doc.turns[1].end, doc.format) == (2.5, 7.0, "srt")


def test_srt_crlf_and_blank_line_inside_a_cue(tmp_path: Path) -> None:
    text = "1\r\n00:00:01,000 --> 00:00:02,000\r\nQ: Why?\r\n\r\n2\r\n00:00:02,000 --> 00:00:04,000\r\nA: First line\r\n\r\nsecond line.\r\n"
    doc = _read(tmp_path, "c.srt", text)
    assert doc.turns[1].text == "First line second line."


def test_parse_timing() -> None:
    assert parse_timing("01:02:03.004 --> 01:02:04.000") == (3723.004, 3724.0)
    assert parse_timing("00:00:01,5 --> 00:00:02,25") == (1.5, 2.25)
    assert parse_timing("00:00:61.000 --> 00:01:02.000") is None
    assert parse_timing("garbage --> more") is None
