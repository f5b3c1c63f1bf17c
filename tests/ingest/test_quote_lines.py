"""A quote carries the line and cue where the quote itself starts, not where its turn starts."""

from __future__ import annotations

from pathlib import Path

from persona_nlp.config import IngestConfig
from persona_nlp.ingest import ingest
from persona_nlp.pipeline import locate_statements
from persona_nlp.report._view import SourceIndex
from persona_nlp.schema import Analysis, Corpus, Manifest, Statement
from persona_nlp.themes.quotes import quote_of

TXT = """Interviewer: How do you do your weekly shopping?
Anna: I mostly buy online on Sundays.
But the delivery fee is far too high
when I only order a small basket.
Interviewer: Anything else?
Anna: No, that is it.
"""

LABEL_ALONE = """Interviewer: How do you do your weekly shopping?

Anna:
I compare prices in three apps
before I order anything.
"""

VTT = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Maria>How do you do your weekly shopping?</v>

00:00:04.500 --> 00:00:09.000
<v Anna>I mostly buy online on Sundays.</v>

00:00:09.000 --> 00:00:13.250
<v Anna>But the delivery fee is far too high.</v>

00:00:13.250 --> 00:00:15.000
<v Maria>Anything else?</v>
"""

SRT = """1
00:00:01,000 --> 00:00:04,000
Interviewer: How do you do your weekly shopping?

2
00:00:04,500 --> 00:00:09,000
Anna: I mostly buy online on Sundays.

3
00:00:09,000 --> 00:00:13,250
But the delivery fee is far too high.

4
00:00:13,250 --> 00:00:15,000
Interviewer: Anything else?
"""


def _read(tmp_path: Path, name: str, text: str) -> Corpus:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return ingest([str(path)], IngestConfig(language="en"))


def _statement(corpus: Corpus, words: str) -> Statement:
    document = corpus.documents[0]
    for turn in document.turns:
        start = turn.text.find(words)
        if start >= 0 and turn.participant_id:
            return Statement(
                id=f"{document.id}:{turn.index}:{start}",
                document_id=document.id,
                participant_id=turn.participant_id,
                turn_index=turn.index,
                speaker=turn.speaker,
                text=words,
                start_char=start,
                end_char=start + len(words),
                timestamp=turn.start,
                kind="pain_point",
                confidence=0.9,
            )
    raise AssertionError(f"{words!r} not in any respondent turn")


def _source(corpus: Corpus, statement: Statement) -> str:
    analysis = Analysis(
        documents=corpus.documents,
        participants=corpus.participants,
        statements=[statement],
        manifest=Manifest(package_version="0"),
    )
    return SourceIndex(analysis).quote(quote_of(statement)).source


def test_txt_quote_from_the_middle_of_a_multi_line_turn_cites_its_own_line(tmp_path):
    corpus = _read(tmp_path, "anna.txt", TXT)
    turn = corpus.documents[0].turns[1]
    assert turn.line == 2 and turn.text.startswith("I mostly buy online on Sundays. But")
    fee = _statement(corpus, "the delivery fee is far too high")
    basket = _statement(corpus, "I only order a small basket.")
    first = _statement(corpus, "I mostly buy online")
    locate_statements(corpus, [fee, basket, first])
    assert (first.line, fee.line, basket.line) == (2, 3, 4)
    quote = quote_of(fee)
    assert quote.line == 3
    assert _source(corpus, fee) == "anna · line 3"


def test_txt_text_under_a_label_alone_on_its_line_cites_the_text_line(tmp_path):
    corpus = _read(tmp_path, "ben.txt", LABEL_ALONE)
    compare = _statement(corpus, "I compare prices")
    before = _statement(corpus, "before I order")
    locate_statements(corpus, [compare, before])
    assert (compare.line, before.line) == (4, 5)


def test_vtt_quote_from_a_later_cue_gets_that_cue_start(tmp_path):
    corpus = _read(tmp_path, "anna.vtt", VTT)
    turn = corpus.documents[0].turns[1]
    assert turn.start == 4.5 and turn.end == 13.25  # two cues, one turn
    fee = _statement(corpus, "the delivery fee is far too high")
    first = _statement(corpus, "I mostly buy online")
    assert fee.timestamp == 4.5  # what extraction records: the turn's start
    locate_statements(corpus, [fee, first])
    assert (first.timestamp, fee.timestamp) == (4.5, 9.0)
    assert fee.line is not None and first.line is not None and fee.line > first.line
    assert quote_of(fee).timestamp == 9.0
    assert _source(corpus, fee) == "anna · 00:00:09"


def test_srt_cue_without_a_name_continues_the_turn_and_keeps_its_own_start(tmp_path):
    corpus = _read(tmp_path, "anna.srt", SRT)
    fee = _statement(corpus, "But the delivery fee")
    locate_statements(corpus, [fee])
    assert fee.timestamp == 9.0
    assert quote_of(fee).timestamp == 9.0 and quote_of(fee).line == fee.line


def test_single_line_turns_keep_the_turn_line_and_store_no_marks(tmp_path):
    corpus = _read(tmp_path, "anna.txt", TXT)
    last = corpus.documents[0].turns[-1]
    assert last.marks is None and last.line == 6
    statement = _statement(corpus, "that is it")
    locate_statements(corpus, [statement])
    assert statement.line == 6
