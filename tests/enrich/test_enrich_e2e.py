"""End to end with the real pipeline and model: ``persona-nlp enrich`` on the test study."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from persona_nlp.cli import main

DATA = Path(__file__).parents[1] / "data"
pytestmark = pytest.mark.slow


def test_enrich_cli_keeps_the_file_and_adds_evidence(tmp_path):
    source = DATA / "enrich" / "study_personas.yaml"
    code = main(["enrich", str(source), str(DATA / "study"), "--out", str(tmp_path), "--quiet"])
    assert code in (0, None)
    original = yaml.safe_load(source.read_text(encoding="utf-8"))
    written = yaml.safe_load((tmp_path / "personas.yaml").read_text(encoding="utf-8"))
    for before, after in zip(original["personas"], written["personas"], strict=True):
        evidence = after.pop("evidence")
        assert after == before and list(after) == list(before)
        assert {
            "supported",
            "flags",
            "participants",
            "fields",
            "unsupported",
            "proposed_additions",
        } <= set(evidence)
    dave, _tina, kim = (
        p
        for p in yaml.safe_load((tmp_path / "personas.yaml").read_text(encoding="utf-8"))[
            "personas"
        ]
    )
    assert dave["evidence"]["participants"]["count"] >= 1
    assert kim["evidence"]["fields"]["goals"][0]["status"] == "unsupported"
    analysis = json.loads((tmp_path / "analysis.json").read_text(encoding="utf-8"))
    texts = {s["id"]: s["text"] for s in analysis["statements"]}
    for persona in analysis["personas"]:
        assert {"id", "name", "summary", "participant_ids", "theme_ids"} <= set(persona)
        assert all(texts[q["statement_id"]] == q["text"] for q in persona["quotes"])
    for entries in dave["evidence"]["fields"].values():
        for entry in entries:
            assert all(texts[q["statement_id"]] == q["text"] for q in entry.get("quotes", []))
