"""Exit codes and up-front checks (issue 17 items 5, 6, 8, 9): 0 done, 1 input problem,
2 usage, 70 only for bugs; skipped files are named on stderr."""

from __future__ import annotations

import logging
import os
import warnings

import pytest

from persona_nlp.cli import main
from persona_nlp.cli.commands import SKIPS_SHOWN, library_warnings

SURVEY = (
    "id,What almost stopped you from buying?\n"
    "r1,The shipping cost was too high for me\n"
    "r2,I was not sure about the size at all\n"
    "r3,Returns are a hassle and take too long\n"
)


def _survey(folder):
    path = folder / "survey.csv"
    path.write_text(SURVEY, encoding="utf-8")
    return path


def _analyze(*args: str) -> int:
    return main(["analyze", *args, "--model", "hashing-32", "--lang", "en", "--format", "json"])


@pytest.mark.parametrize("strict", [False, True])
def test_empty_folder_is_an_input_problem(tmp_path, capsys, strict):
    (tmp_path / "empty").mkdir()
    extra = ["--strict"] if strict else []
    assert main(["ingest", str(tmp_path / "empty"), "--out", str(tmp_path / "o"), *extra]) == 1
    assert "nothing usable" in capsys.readouterr().err
    assert not (tmp_path / "o" / "corpus.json").exists()


def test_folder_named_like_a_file_and_mistyped_path_exit_1(tmp_path, capsys):
    (tmp_path / "x.csv").mkdir()
    assert main(["ingest", str(tmp_path / "x.csv"), "--out", str(tmp_path / "o")]) == 1
    assert main(["analyze", str(tmp_path / "typo.csv"), "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert "skipped " in err and "typo.csv" in err and "no such file" in err
    assert not (tmp_path / "o" / "analysis.json").exists()


def test_file_level_skips_reach_stderr_first_n_then_a_count(tmp_path, capsys):
    _survey(tmp_path)
    for number in range(SKIPS_SHOWN + 3):
        (tmp_path / f"empty{number:02}.txt").write_text("", encoding="utf-8")
    assert main(["ingest", str(tmp_path), "--out", str(tmp_path / "o")]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len([line for line in err if line.startswith("skipped ")]) == SKIPS_SHOWN
    assert "empty00.txt" in err[0] and "empty file" in err[0]
    assert err[-1].startswith("... and 3 more skipped")


def test_out_naming_a_file_is_a_usage_error_before_any_work(tmp_path, capsys):
    _survey(tmp_path)
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    for out in (tmp_path / "taken", tmp_path / "taken" / "sub"):
        assert _analyze(str(tmp_path / "survey.csv"), "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert "is a file, not a folder" in err and "internal error" not in err


def test_cache_dir_naming_a_file_warns_and_the_run_continues(tmp_path, capsys, caplog):
    _survey(tmp_path)
    (tmp_path / "cache").write_text("x", encoding="utf-8")
    out = tmp_path / "o"
    code = _analyze(
        str(tmp_path / "survey.csv"), "--out", str(out), "--cache-dir", str(tmp_path / "cache")
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "not usable" in captured.err and "internal error" not in captured.err
    assert (out / "analysis.json").exists()


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--lang", "xx", "unknown language code 'xx'"),
        ("--languages", "en,zz", "unknown language code 'zz'"),
        ("--max-file-mb", "-1", "ingest.max_file_mb"),
        ("--max-file-mb", "0", "ingest.max_file_mb"),
        ("--personas", "99", "personas.n_personas"),
        ("--personas", "0", "personas.n_personas"),
    ],
)
def test_bad_option_values_are_usage_errors(tmp_path, capsys, option, value, expected):
    _survey(tmp_path)
    code = main(
        ["analyze", str(tmp_path / "survey.csv"), "--out", str(tmp_path / "o"), option, value]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert expected in err and err.count("\n") == 1


def test_more_personas_than_participants_is_refused(tmp_path, capsys):
    _survey(tmp_path)
    assert (
        _analyze(str(tmp_path / "survey.csv"), "--out", str(tmp_path / "o"), "--personas", "5") == 2
    )
    assert "only 3 participant" in capsys.readouterr().err


def test_strict_stop_is_exit_1(tmp_path, capsys):
    path = tmp_path / "d2.csv"
    path.write_text(SURVEY + 'r4,returning,"I was not sure\nr5,new,Returns\n', encoding="utf-8")
    assert main(["ingest", str(path), "--strict", "--out", str(tmp_path / "o")]) == 1
    assert "unbalanced quote" in capsys.readouterr().err


def test_library_warnings_become_one_line(caplog):
    from sklearn.exceptions import ConvergenceWarning

    with caplog.at_level(logging.DEBUG, logger="persona_nlp"), warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning escaping the block would fail the test
        with library_warnings():
            for _ in range(5):
                warnings.warn(
                    "Number of distinct clusters (2) found", ConvergenceWarning, stacklevel=1
                )
            warnings.warn("Mean of empty slice", RuntimeWarning, stacklevel=1)
    lines = [r for r in caplog.records if r.name == "persona_nlp.cli.commands"]
    assert [r.levelno for r in lines] == [logging.WARNING, logging.DEBUG]
    assert "5 time(s)" in lines[0].getMessage()


def test_many_duplicate_answers_print_no_raw_warning_block(tmp_path, capfd):
    # issue 17 item 8: sklearn ConvergenceWarning / numpy blocks reached stderr
    answers = [
        "The shipping cost was too high",
        "I was not sure about the size",
        "Returns take far too long",
        "The colour looked different online",
    ]
    rows = "".join(f"r{n},{answers[n % 4]}\n" for n in range(40))
    path = tmp_path / "dup.csv"
    path.write_text("id,What almost stopped you from buying?\n" + rows, encoding="utf-8")
    column = "What almost stopped you from buying?"
    out = str(tmp_path / "o")
    assert _analyze(str(path), "--out", out, "--quiet", "--text-column", column) == 0
    err = capfd.readouterr().err
    assert "Warning:" not in err and "warnings.warn" not in err, err
    assert os.path.exists(tmp_path / "o" / "analysis.json")
