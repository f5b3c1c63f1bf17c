"""Bad input: each case gives a one-line InputError (strict) or a Skipped entry with its reason;
no reader ever raises anything but InputError, whatever the bytes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from persona_nlp.config import IngestConfig
from persona_nlp.errors import InputError
from persona_nlp.ingest import ingest, read_file
from persona_nlp.ingest.files import FORMATS, InputFile

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
QA = "Q: What did you buy?\nA: A blue kettle, because the old one leaked.\n"


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _skipped(path: Path, **config: object):
    corpus = ingest([path], IngestConfig(**config))
    return corpus, corpus.skipped


def _strict_error(path: Path, **config: object) -> InputError:
    with pytest.raises(InputError) as caught:
        ingest([path], IngestConfig(strict=True, **config))
    message = str(caught.value)
    assert "\n" not in message and str(path.name) in message and "(fix: " in message
    return caught.value


CASES = {
    # name: (file name, content, reason)
    "empty file": ("empty.txt", b"", "empty"),
    "whitespace only": ("blank.vtt", b"  \n\r\n\t\n", "empty"),
    "image with a text extension": ("photo.txt", PNG, "binary"),
    "pdf named .srt": ("report.srt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "binary"),
    "binary noise": ("noise.csv", bytes([0, 159, 146, 150, 0, 1, 2, 3]) * 64, "binary"),
    "only interviewer turns": (
        "monologue.txt",
        "Interviewer: Hello?\nInterviewer: Are you there?\n",
        "no_respondent",
    ),
    "csv without free text": (
        "codes.csv",
        "id,segment,age\n1,a,20\n2,b,30\n3,a,40\n",
        "no_text_column",
    ),
    "unknown extension": ("notes.pages", b"whatever", "unknown_extension"),
    "old word file": ("interview.doc", b"\xd0\xcf\x11\xe0rest", "unknown_extension"),
    "docx that is not a zip": ("fake.docx", b"just text pretending", "invalid_docx"),
    "xlsx that is a csv": ("fake.xlsx", b"id,answer\n1,hello there my friend\n", "invalid_xlsx"),
    "invalid json": ("broken.json", b'[{"id": 1, "answer": "ok"', "invalid_json"),
    "json without a list": ("scalar.json", b'"hello"', "invalid_json"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_is_skipped_with_reason_or_raised_in_strict_mode(
    case: str, tmp_path: Path
) -> None:
    name, content, reason = CASES[case]
    path = _write(tmp_path, name, content)
    corpus, skipped = _skipped(path)
    assert corpus.documents == []
    assert [(s.reason, s.item) for s in skipped] == [(reason, "file")]
    assert skipped[0].path.endswith(name) and skipped[0].message
    assert _strict_error(path).reason == reason


def test_missing_path_and_empty_glob(tmp_path: Path) -> None:
    corpus = ingest([tmp_path / "nope.vtt", str(tmp_path / "*.srt")], IngestConfig())
    assert [s.reason for s in corpus.skipped] == ["not_found", "not_found"]
    with pytest.raises(InputError, match="no such file"):
        ingest([tmp_path / "nope.vtt"], IngestConfig(strict=True))


def test_utf16_utf8_bom_cp1252_and_crlf_exports_decode(tmp_path: Path) -> None:
    text = (
        "Interviewer: Hvad købte du?\r\nSøren: En kaffemaskine, fordi den gamle gik i stykker.\r\n"
    )
    variants = {
        "utf16.txt": text.encode("utf-16"),
        "utf16le_nobom.txt": text.encode("utf-16-le"),
        "utf8bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "cp1252.txt": text.encode("cp1252"),
        "utf8.txt": text.encode("utf-8"),
    }
    for name, data in variants.items():
        _write(tmp_path, name, data)
    corpus = ingest([tmp_path], IngestConfig())
    assert corpus.skipped == []
    answers = {d.id: d.turns[1].text for d in corpus.documents}
    assert set(answers.values()) == {"En kaffemaskine, fordi den gamle gik i stykker."}
    assert all(d.turns[1].speaker == "Søren" for d in corpus.documents)


def test_utf16_csv_with_tabs(tmp_path: Path) -> None:
    data = "ResponseId\tWhat did you like?\r\nR1\tThe staff were friendly and quick\r\nR2\tGreat prices on coffee beans\r\n"
    path = _write(tmp_path, "export.csv", data.encode("utf-16"))
    corpus = ingest([path], IngestConfig())
    assert [t.text for t in corpus.documents[0].turns] == [
        "The staff were friendly and quick",
        "Great prices on coffee beans",
    ]


def test_malformed_vtt_timestamp_keeps_text_and_reports(tmp_path: Path) -> None:
    vtt = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nQ: Why?\n\n"
        "00:00:03.000 --> 00:0x:05.000\nA: Because it was cheap.\n"
    )
    path = _write(tmp_path, "bad.vtt", vtt)
    corpus, skipped = _skipped(path)
    assert corpus.documents[0].turns[1].text == "Because it was cheap."
    assert corpus.documents[0].turns[1].start is None
    assert [(s.reason, s.item, s.line) for s in skipped] == [("bad_timestamp", "turn", 6)]
    error = _strict_error(path)
    assert error.reason == "bad_timestamp" and error.line == 6


def test_duplicate_respondent_ids(tmp_path: Path) -> None:
    data = "id,comment\nR1,The app crashed twice at checkout\nR2,Delivery was very fast indeed\nR1,Prices went up a lot this year\n"
    path = _write(tmp_path, "dups.csv", data)
    corpus, skipped = _skipped(path)
    assert [t.text for t in corpus.documents[0].turns] == [
        "The app crashed twice at checkout",
        "Delivery was very fast indeed",
    ]
    assert [(s.reason, s.item, s.line) for s in skipped] == [("duplicate_id", "row", 4)]
    assert "first in row 2" in skipped[0].message
    assert _strict_error(path).line == 4


def test_too_large_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", QA * 2000)
    corpus, skipped = _skipped(path, max_file_mb=0.01)
    assert [s.reason for s in skipped] == ["too_large"]
    assert "max_file_mb" in skipped[0].message
    assert _strict_error(path, max_file_mb=0.01).reason == "too_large"


@pytest.mark.skipif(
    os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads anything"
)
def test_unreadable_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "secret.txt", QA)
    path.chmod(0)
    try:
        _, skipped = _skipped(path)
        assert [s.reason for s in skipped] == ["unreadable"]
    finally:
        path.chmod(0o644)


def test_unreadable_file_via_directory_named_like_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "odd.txt"
    folder.mkdir()
    file = InputFile(path=folder, display="odd.txt", format="txt")
    with pytest.raises(InputError) as caught:
        read_file(file, "odd", IngestConfig())
    assert caught.value.reason == "unreadable"


def test_strict_stops_at_first_bad_input_in_sorted_order(tmp_path: Path) -> None:
    _write(tmp_path, "b_empty.txt", b"")
    _write(tmp_path, "c_photo.txt", PNG)
    _write(tmp_path, "a_good.txt", QA)
    with pytest.raises(InputError, match="b_empty.txt: empty file"):
        ingest([tmp_path], IngestConfig(strict=True))
    corpus = ingest([tmp_path], IngestConfig())
    assert [d.id for d in corpus.documents] == ["a_good"]
    assert [s.reason for s in corpus.skipped] == ["empty", "binary"]


# --- property tests: arbitrary bytes and text never crash a reader -------------------------

READER_EXTENSIONS = sorted({ext for ext in FORMATS})


def _read_bytes(data: bytes, extension: str, strict: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{extension}"
        path.write_bytes(data)
        file = InputFile(path=path, display=path.name, format=FORMATS[extension])
        try:
            result = read_file(file, "input", IngestConfig(strict=strict))
        except InputError as error:
            assert "\n" not in str(error)
            # parse_error is read_file's safety net for reader bugs: it must never be needed
            assert error.reason != "parse_error", str(error)
            return
        for document in result.documents:
            assert [t.index for t in document.turns] == list(range(len(document.turns)))
            assert all(t.text and t.text == t.text.strip() for t in document.turns)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.binary(max_size=2048),
    extension=st.sampled_from(READER_EXTENSIONS),
    strict=st.booleans(),
)
def test_readers_survive_random_bytes(data: bytes, extension: str, strict: bool) -> None:
    _read_bytes(data, extension, strict)


_TRANSCRIPTISH = st.lists(
    st.one_of(
        st.text(max_size=80),
        st.sampled_from(
            [
                "WEBVTT",
                "",
                "00:00:01.000 --> 00:00:02.000",
                "00:00:0x.000 --> 00:00:02.000",
                "1",
                "NOTE x",
                "<v Anna>hi</v>",
                "Anna: I like it.",
                "Q: Why?",
                "A:",
                "[00:01:02] Bob: yes",
                "Speaker 1  0:00",
                "id,text",
                '1,"quoted, text',
                '{"id": 1, "a": "b c d e f"}',
                "[",
                "\ufeff",
                "\x00",
            ]
        ),
    ),
    max_size=30,
).map("\n".join)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=_TRANSCRIPTISH,
    extension=st.sampled_from([".txt", ".md", ".vtt", ".srt", ".csv", ".tsv", ".json", ".jsonl"]),
    encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]),
    strict=st.booleans(),
)
def test_readers_survive_random_structured_text(
    text: str, extension: str, encoding: str, strict: bool
) -> None:
    _read_bytes(text.encode(encoding, errors="replace"), extension, strict)
