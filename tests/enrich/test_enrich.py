"""Enrichment of hand-made persona files against a hand-made analysis (hashing embedder)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml
from persona_builders import make_data

from persona_nlp.config import PersonaConfig
from persona_nlp.embed import HashingEmbedder
from persona_nlp.enrich import enrich_personas, load_personas_file, write_enriched
from persona_nlp.enrich.persona_file import (
    field_items,
    normalise_key,
    parse_personas,
    recognise_field,
)
from persona_nlp.errors import InputError
from persona_nlp.personas import build_personas
from persona_nlp.schema import Analysis, Manifest

DATA = Path(__file__).parents[1] / "data" / "enrich"


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    participants, statements, themes = make_data()
    personas = build_personas(participants, statements, themes, PersonaConfig(), seed=42)
    return Analysis(
        participants=participants,
        statements=statements,
        themes=themes,
        personas=personas,
        manifest=Manifest(package_version="0"),
    )


@pytest.fixture(scope="module")
def embedder() -> HashingEmbedder:
    return HashingEmbedder(dim=256)


def _strip_evidence(data):
    data = copy.deepcopy(data)
    personas = data["personas"] if isinstance(data, dict) else data
    for persona in personas:
        persona.pop("persona_nlp_evidence", None)
        if isinstance(persona.get("evidence"), dict) and "generated_by" in persona["evidence"]:
            persona.pop("evidence")
    return data


def _evidence(persona: dict) -> dict:
    return persona.get("persona_nlp_evidence") or persona["evidence"]


def test_json_round_trip_keeps_every_key_value_and_order(analysis, embedder, tmp_path):
    original_text = (DATA / "personas.json").read_text(encoding="utf-8")
    original = json.loads(original_text)
    result = enrich_personas(load_personas_file(DATA / "personas.json"), analysis, embedder)
    out = write_enriched(result, tmp_path / "personas.json")
    written = json.loads(out.read_text(encoding="utf-8"))
    assert json.dumps(_strip_evidence(written)) == json.dumps(original)  # order-sensitive
    for before, after in zip(original["personas"], written["personas"], strict=True):
        assert list(after)[: len(before)] == list(before)
        assert len(after) == len(before) + 1
    # the user already had an "evidence" field in persona A: kept, ours goes next to it
    assert written["personas"][0]["evidence"] == "user-owned field, must survive"
    assert "persona_nlp_evidence" in written["personas"][0]
    assert "evidence" in written["personas"][1]
    # the input object itself is never modified
    assert json.dumps(result.personas_file.data) == json.dumps(original)


def test_yaml_round_trip(analysis, embedder, tmp_path):
    persona_file = load_personas_file(DATA / "personas.yaml")
    assert persona_file.format == "yaml" and persona_file.container is None
    original = yaml.safe_load((DATA / "personas.yaml").read_text(encoding="utf-8"))
    result = enrich_personas(persona_file, analysis, embedder)
    out = write_enriched(result, tmp_path / "personas.yaml")
    written = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert _strip_evidence(written) == original
    assert [list(p)[:-1] for p in written] == [list(p) for p in original]
    assert list(written[0]["extra"]) == ["z_last", "a_first"]
    assert written[0]["created"] == original[0]["created"]
    pain = written[0]["evidence"]["fields"]["Pain Points"]
    assert pain[0]["status"] == "supported"


def test_supported_items_carry_theme_participants_and_exact_quotes(analysis, embedder):
    result = enrich_personas(DATA / "personas.json", analysis, embedder)
    dan = result.evidence[0]
    goal = dan["fields"]["goals"][0]
    assert goal["status"] == "supported"
    assert goal["theme"]["id"] == "goal-01"
    assert goal["participants"] >= 4
    texts = {s.id: s.text for s in analysis.statements}
    assert goal["quotes"] and all(texts[q["statement_id"]] == q["text"] for q in goal["quotes"])
    assert len({q["participant_id"] for q in goal["quotes"]}) == len(goal["quotes"])
    channel = dan["fields"]["Where to reach them"][0]
    assert channel["status"] == "supported" and channel["path"] == [0, "text"]


def test_unsupported_items_and_unsupported_persona_are_reported(analysis, embedder):
    result = enrich_personas(DATA / "personas.json", analysis, embedder)
    dan, _eve, lou = result.evidence
    miles = dan["fields"]["goals"][1]
    assert miles["status"] == "unsupported" and miles["reason"]
    assert {"field": "goals", "item": miles["item"]}.items() <= dan["unsupported"][0].items()
    assert lou["supported"] is False and "no_participants" in lou["flags"]
    assert lou["participants"]["count"] == 0
    assert all(e["status"] == "unsupported" for e in lou["fields"]["needs"])


def test_participants_assigned_to_the_persona_they_fit(analysis, embedder):
    result = enrich_personas(DATA / "personas.json", analysis, embedder)
    persona_of = {a.participant_id: a.persona for a in result.assignments}
    assert {persona_of[f"a{i}"] for i in range(1, 6)} == {"Deal Dan"}
    assert {persona_of[f"b{i}"] for i in range(1, 5)} == {"Eco Eve"}
    assert persona_of["s2"] is None and "s2" in result.unassigned
    assigned = result.evidence[0]["participants"]["assigned"]
    assert all(0 < a["confidence"] <= 1 for a in assigned)


def test_proposes_common_theme_the_file_leaves_out(analysis, embedder):
    data = json.loads((DATA / "personas.json").read_text(encoding="utf-8"))
    del data["personas"][1]["pain_points"]  # Eco Eve no longer mentions plastic packaging
    result = enrich_personas(data, analysis, embedder)
    proposals = result.evidence[1]["proposed_additions"]
    assert proposals and proposals[0]["theme"]["id"] == "pain_point-02"
    assert proposals[0]["kind"] == "pain_point" and proposals[0]["participants"] >= 2
    assert proposals[0]["quotes"]
    # when the file does mention it, it is not proposed
    full = enrich_personas(DATA / "personas.json", analysis, embedder)
    assert "pain_point-02" not in {p["theme"]["id"] for p in full.evidence[1]["proposed_additions"]}
    # nor is any theme that already evidences a supported item of the same kind
    for evidence in full.evidence:
        evidenced = {
            entry["theme"]["id"]
            for entries in evidence["fields"].values()
            for entry in entries
            if entry.get("status") == "supported"
            and "theme" in entry
            and entry["theme"]["kind"] == entry.get("kind")
        }
        assert not evidenced & {p["theme"]["id"] for p in evidence["proposed_additions"]}


def test_field_names_are_recognised_in_any_spelling():
    assert {
        recognise_field(k) for k in ("painPoints", "pain_points", "Pain points", "PAIN-POINTS")
    } == {"pain_point"}
    assert recognise_field("Where to reach them") == "channel"
    assert recognise_field("Motivations") == "goal"
    assert recognise_field("barriers") == "objection"
    assert recognise_field("Values") == "mindset"
    assert recognise_field("Gist") == "gist"
    assert recognise_field("avatar") is None
    assert normalise_key("whereToReachThem") == "where to reach them"


def test_items_from_strings_lists_dicts_and_nesting():
    assert [i.text for i in field_items("- one\n- two\n", "goal")] == ["one", "two"]
    assert [i.text for i in field_items("A long description; kept whole.", "gist")] == [
        "A long description; kept whole."
    ]
    items = field_items([{"label": "x", "n": 1}, ["y", {"text": "z"}], 5, None], "goal")
    assert [(i.text, i.path) for i in items] == [
        ("x", [0, "label"]),
        ("y", [1, 0]),
        ("z", [1, 1, "text"]),
    ]
    assert [i.text for i in field_items({"primary": "p", "secondary": ["s"]}, "goal")] == ["p", "s"]
    assert [i.text for i in field_items({"age": "25-34", "city": "Aarhus"}, "demographics")] == [
        "age: 25-34",
        "city: Aarhus",
    ]


def test_personas_container_variants():
    assert parse_personas([{"name": "A"}, "not a persona"]).labels == ["A"]
    assert parse_personas({"Personas": [{"id": 7}]}).labels == ["7"]
    mapping = parse_personas({"personas": {"Fiona": {"goals": ["x"]}, "Gina": {"name": "Gina G"}}})
    assert mapping.labels == ["Fiona", "Gina G"]
    assert parse_personas({"name": "Solo", "goals": ["x"]}).labels == ["Solo"]
    with pytest.raises(InputError):
        parse_personas({"title": "nothing here"})


def test_bad_files_raise_input_error(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_personas_file(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"personas": [', encoding="utf-8")
    with pytest.raises(InputError, match="invalid JSON"):
        load_personas_file(bad)
    bad_yaml = tmp_path / "bad.yaml"
    bad_yaml.write_text("personas: [a, b\n", encoding="utf-8")
    with pytest.raises(InputError, match="invalid YAML"):
        load_personas_file(bad_yaml)


def test_demographics_checked_against_participant_metadata(analysis, embedder):
    data = [
        {
            "name": "Deal Dan",
            "goals": ["wait for deals and sales"],
            "demographics": {"segment": "new", "city": "Oslo"},
        }
    ]
    evidence = enrich_personas(data, analysis, embedder).evidence[0]
    segment, city = evidence["fields"]["demographics"]
    assert segment["status"] == "supported" and segment["metadata_key"] == "segment"
    assert city["status"] == "not_checked"


def test_enrichment_is_deterministic(analysis, embedder):
    first = enrich_personas(DATA / "personas.json", analysis, embedder)
    second = enrich_personas(DATA / "personas.json", analysis, embedder)
    assert first.to_json() == second.to_json()


def test_empty_analysis_and_personas_without_recognised_fields(embedder):
    empty = Analysis(manifest=Manifest(package_version="0"))
    data = [{"name": "Ben", "goals": ["save money"]}, {"name": "Only a name", "avatar": "x.png"}]
    result = enrich_personas(data, empty, embedder)
    assert [e["flags"] for e in result.evidence] == [["no_participants"], ["no_participants"]]
    assert result.evidence[0]["fields"]["goals"][0]["status"] == "unsupported"
    assert result.evidence[1]["fields"] == {} and result.assignments == []
    assert result.data[1]["avatar"] == "x.png" and "evidence" in result.data[1]


def test_sparse_participants_borrow_the_evidence_of_their_built_persona():
    import numpy as np

    from persona_nlp.enrich.scoring import Thresholds, assign_participants

    # statements x existing personas (best item similarity); persona 0 vs persona 1
    best = np.array(
        [
            [0.60, 0.20],  # rich participant "a" (three statements) clearly fits persona 0
            [0.55, 0.25],
            [0.58, 0.22],
            [0.40, 0.42],  # sparse participant "s": one statement, a slight lean to persona 1
        ]
    )
    rows = {"a": [0, 1, 2], "s": [3]}
    thresholds = Thresholds(assign_min=0.1, assign_margin=0.05)
    alone = assign_participants(["a", "s"], rows, best, ["P0", "P1"], thresholds)
    assert [x.persona for x in alone] == ["P0", None]  # too close to call on its own
    grouped = assign_participants(
        ["a", "s"], rows, best, ["P0", "P1"], thresholds, groups={"a": "g", "s": "g"}
    )
    assert [x.persona for x in grouped] == ["P0", "P0"]


def test_a_persona_with_only_weak_matches_is_not_supported(analysis, embedder, monkeypatch):
    """Lou gets two participants, one more likely Lou's than not: flagged, not supported."""
    import persona_nlp.enrich as enrich_module
    from persona_nlp.enrich.scoring import Assignment

    real = enrich_module.assign_participants

    def with_weak_lou(participant_ids, *args, **kwargs):
        out = real(participant_ids, *args, **kwargs)
        for a, confidence in zip(out[-2:], (0.45, 0.55), strict=True):
            out[out.index(a)] = Assignment(a.participant_id, 2, "Lou", confidence, 0.3)
        return out

    monkeypatch.setattr(enrich_module, "assign_participants", with_weak_lou)
    lou = enrich_personas(DATA / "personas.json", analysis, embedder).evidence[2]
    assert lou["participants"]["count"] == 2
    assert lou["supported"] is False and "few_confident_participants" in lou["flags"]
    assert "no_participants" not in lou["flags"]
