"""Hostile input (issue 17): non-regular files never hang, quoted tables never lose a row."""

from __future__ import annotations

import csv
import io
import os
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from persona_nlp.config import IngestConfig
from persona_nlp.errors import InputError
from persona_nlp.ingest import ingest
from persona_nlp.ingest._decode import open_regular, read_bytes

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")

QUESTION = "What almost stopped you from buying?"
STRAY_QUOTE = (
    f"id,segment,{QUESTION}\n"
    "R1,new,The shipping cost was a real surprise\n"
    'R2,returning,"I was not sure which size to pick\n'
    "R3,new,Returns are a hassle\n"
    "R4,new,Delivery took far too long\n"
)


def _in_time(action, seconds: float = 20.0):
    """Run ``action`` in a thread; fail (instead of hanging the suite) if it blocks."""
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = action()
        except BaseException as error:  # noqa: BLE001 - handed back to the test
            outcome["error"] = error

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "blocked on a non-regular file"
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]


@posix_only
def test_fifo_given_or_in_a_folder_is_skipped_as_unreadable(tmp_path):
    # issue 17 item 1: a FIFO blocked forever
    os.mkfifo(tmp_path / "pipe.csv")
    (tmp_path / "a.txt").write_text("Q: Why?\nA: The price was right for us.\n", encoding="utf-8")
    corpus = _in_time(lambda: ingest([tmp_path], IngestConfig()))
    assert [d.id for d in corpus.documents] == ["a"]
    [entry] = corpus.skipped
    assert entry.reason == "unreadable" and entry.path.endswith("pipe.csv")
    assert "named pipe" in entry.message
    with pytest.raises(InputError, match="named pipe"):
        _in_time(lambda: ingest([tmp_path / "pipe.csv"], IngestConfig(strict=True)))


@posix_only
def test_symlink_to_a_device_is_skipped_not_read(tmp_path):
    # issue 17 item 1: /dev/zero behind zero.txt was read until MemoryError
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    corpus = _in_time(lambda: ingest([tmp_path / "zero.txt"], IngestConfig()))
    assert corpus.documents == []
    assert [(e.reason, "device" in e.message) for e in corpus.skipped] == [("unreadable", True)]


@posix_only
def test_the_guarded_opener_refuses_pipes_and_devices_itself(tmp_path):
    # a reader called directly (no expand_inputs check before it) must not block either
    os.mkfifo(tmp_path / "p.txt")
    for path in (tmp_path / "p.txt", Path("/dev/null")):
        with pytest.raises(InputError) as caught:
            _in_time(lambda path=path: read_bytes(path, path.name))
        assert caught.value.reason == "unreadable"


def test_guarded_opener_checks_size_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(InputError) as caught:
        open_regular(path, "big.txt", max_bytes=1024)
    assert caught.value.reason == "too_large"
    with open_regular(path, "big.txt", max_bytes=4096) as handle:
        assert len(handle.read()) == 2048


def test_unbalanced_quote_keeps_every_row_and_says_so(tmp_path):
    # issue 17 item 2: 5 rows in, 2 participants out, nothing skipped, exit 0
    path = tmp_path / "d2.csv"
    path.write_text(STRAY_QUOTE, encoding="utf-8")
    corpus = ingest([path], IngestConfig())
    assert [p.id for p in corpus.participants] == ["R1", "R2", "R3", "R4"]
    texts = [t.text for t in corpus.documents[0].turns]
    assert texts[2:] == ["Returns are a hassle", "Delivery took far too long"]
    [note] = [e for e in corpus.skipped if e.reason == "malformed"]
    assert note.line == 3 and "unbalanced quote" in note.message and note.item == "row"


def test_unbalanced_quote_stops_a_strict_run(tmp_path):
    path = tmp_path / "d2.csv"
    path.write_text(STRAY_QUOTE, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        ingest([path], IngestConfig(strict=True))
    assert caught.value.line == 3 and caught.value.reason == "malformed"


def test_ragged_rows_are_reported_not_glued_silently(tmp_path):
    # issue 17 item 4: extra cells glued to the answer without a note; a stray quote that
    # moves the answer into another column reported only as a blank answer
    path = tmp_path / "r.csv"
    path.write_text(
        f"id,segment,{QUESTION}\n"
        "R1,new,The shipping cost was a real surprise\n"
        "R2,new,Too slow,and too expensive\n"
        'R3,"new,Returns are a hassle"\n'
        "R4,new,Delivery took far too long\n",
        encoding="utf-8",
    )
    corpus = ingest([path], IngestConfig())
    notes = {e.line: e for e in corpus.skipped if e.reason == "ragged"}
    assert sorted(notes) == [3, 4]
    assert "extra cells were kept" in notes[3].message
    assert "read as blank" in notes[4].message and QUESTION in notes[4].message
    answers = {t.participant_id: t.text for t in corpus.documents[0].turns}
    assert answers["R2"] == "Too slow,and too expensive"


def test_trailing_empty_cells_are_not_ragged(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        f"id,{QUESTION}\nR1,The shipping cost was high,,\nR2,Returns are a hassle\n",
        encoding="utf-8",
    )
    corpus = ingest([path], IngestConfig())
    assert not [e for e in corpus.skipped if e.reason == "ragged"]


_CELL = st.text(alphabet=st.sampled_from(list('ab ,;"\n\r\t') + ["é", "x"]), max_size=12).map(
    lambda noise: f"The shipping {noise} cost was high"
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_CELL, min_size=1, max_size=8))
def test_any_quoting_round_trips_every_row(tmp_path, answers):
    """Whatever a cell holds (quotes, delimiters, newlines), a CSV writer's file reads back
    with one turn per answer and no note."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # quotes a bare CR too
    writer.writerow(["id", QUESTION])
    for number, answer in enumerate(answers):
        writer.writerow([f"R{number}", answer])
    path = tmp_path / "any.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    corpus = ingest([path], IngestConfig(language="en", text_columns=[QUESTION]))
    assert not [e for e in corpus.skipped if e.reason in ("malformed", "ragged")]
    kept = [t.participant_id for d in corpus.documents for t in d.turns]
    assert kept == [f"R{number}" for number in range(len(answers))]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_CELL, min_size=2, max_size=8), st.data())
def test_a_stray_quote_never_loses_a_row_silently(tmp_path, answers, data):
    """One stray quote in an answer: every row is either read or named in ``skipped``."""
    answers = [a.replace('"', "").replace("\n", " ").replace("\r", " ") for a in answers]
    position = data.draw(st.integers(0, len(answers) - 1))
    lines = [f"id,{QUESTION}"] + [
        f'R{number},"{answer}"' if "," in answer else f"R{number},{answer}"
        for number, answer in enumerate(answers)
    ]
    lines[position + 1] = lines[position + 1].replace(",", ',"', 1)
    if lines[position + 1].count('"') % 2 == 0:
        lines[position + 1] = lines[position + 1] + '"x'
    path = tmp_path / "q.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = ingest([path], IngestConfig(language="en", text_columns=[QUESTION]))
    ids = {t.participant_id for d in corpus.documents for t in d.turns}
    noted = {e.line for e in corpus.skipped if e.line is not None}
    for number in range(len(answers)):
        assert f"R{number}" in ids or number + 2 in noted


def test_a_json_list_of_strings_is_not_object(tmp_path):
    # issue 17 item 10: reported as "no header row found"
    path = tmp_path / "answers.json"
    path.write_text('["The price was too high", "Shipping took too long"]', encoding="utf-8")
    [entry] = ingest([path], IngestConfig()).skipped
    assert entry.reason == "not_object" and entry.item == "file" and "str" in entry.message
    with pytest.raises(InputError, match="no objects"):
        ingest([path], IngestConfig(strict=True))


def test_jsonl_without_any_object_is_not_object(tmp_path):
    path = tmp_path / "answers.jsonl"
    path.write_text('"The price was too high"\n"Shipping took too long"\n', encoding="utf-8")
    [entry] = ingest([path], IngestConfig()).skipped
    assert (entry.reason, entry.item) == ("not_object", "file")
