"""Inputs: folders, globs, mixed formats, hidden files, document ids, order independence."""

from __future__ import annotations

from pathlib import Path

import pytest

from persona_nlp.config import IngestConfig
from persona_nlp.errors import InputError
from persona_nlp.ingest import format_summary, ingest, summarize
from persona_nlp.ingest.files import assign_document_ids, expand_inputs

QA = "Q: What did you buy?\nA: A blue kettle, because the old one leaked.\n"


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "a" / "p01.txt").write_text(QA, encoding="utf-8")
    (tmp_path / "b" / "deep" / "p01.txt").write_text(QA, encoding="utf-8")
    (tmp_path / "b" / "p02.srt").write_text(
        "1\n00:00:01,000 --> 00:00:02,000\nQ: Why?\n\n2\n00:00:02,000 --> 00:00:03,000\nA: Cheap.\n",
        encoding="utf-8",
    )
    (tmp_path / "b" / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".git" / "config.txt").write_text(QA, encoding="utf-8")
    (tmp_path / "a" / ".DS_Store.txt").write_text(QA, encoding="utf-8")
    (tmp_path / "a" / "~$p01.docx").write_bytes(b"lock")
    return tmp_path


def test_folders_are_read_recursively_skipping_hidden_files(tree: Path) -> None:
    corpus = ingest([tree], IngestConfig())
    assert [d.id for d in corpus.documents] == ["a/p01", "deep/p01", "p02"]
    assert [(Path(s.path).name, s.reason) for s in corpus.skipped] == [
        ("notes.pdf", "unknown_extension")
    ]
    assert "export the transcript" in corpus.skipped[0].message


def test_globs_and_duplicates(tree: Path) -> None:
    corpus = ingest([str(tree / "**" / "*.txt"), tree / "a" / "p01.txt"], IngestConfig())
    assert [d.id for d in corpus.documents] == ["a/p01", "deep/p01"]


def test_strict_unknown_extension(tree: Path) -> None:
    with pytest.raises(InputError, match=r"notes.pdf: unknown extension '.pdf'.*\(fix: export"):
        ingest([tree], IngestConfig(strict=True))


def test_no_input_is_an_error() -> None:
    with pytest.raises(InputError, match="no input given"):
        ingest([], IngestConfig())


def test_document_ids() -> None:
    ids = assign_document_ids(
        [Path("x/p01.vtt"), Path("x/p01.txt"), Path("y/p02.txt"), Path("z/p02.txt"), Path("q.csv")]
    )
    assert ids == {
        Path("x/p01.vtt"): "p01.vtt",
        Path("x/p01.txt"): "p01.txt",
        Path("y/p02.txt"): "y/p02",
        Path("z/p02.txt"): "z/p02",
        Path("q.csv"): "q",
    }


def test_expand_sorts_by_path(tree: Path) -> None:
    files, skipped = expand_inputs([tree / "b", tree / "a"], IngestConfig())
    assert [f.display for f in files] == sorted(f.display for f in files)
    assert {f.format for f in files} == {"txt", "srt"} and len(skipped) == 1


def test_summary(tree: Path) -> None:
    summary = summarize(ingest([tree], IngestConfig()))
    assert summary["documents"] == 3 and summary["turns_by_role"] == {
        "interviewer": 3,
        "respondent": 3,
        "unknown": 0,
    }
    assert summary["participants"] == 3 and summary["skipped_by_reason"] == {"unknown_extension": 1}
    text = format_summary(summary)
    assert "3 (3 interviews, 0 surveys)" in text and "unknown_extension 1" in text


def test_importing_ingest_loads_no_reader_library() -> None:
    import subprocess
    import sys

    code = (
        "import sys, persona_nlp.ingest, persona_nlp.lang\n"
        "print(','.join(m for m in ('lingua', 'docx', 'openpyxl', 'charset_normalizer') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
