"""Persona files are written back as the user wrote them (issue 17 items 7, 11, 12)."""

from __future__ import annotations

import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from persona_nlp.enrich.persona_file import dumps, enriched_copy, load_personas_file

YAML_FILE = """\
# Personas from the spring workshop
defaults: &defaults
  channel: Instagram   # where they hang out
personas:
  - name: 'Budget Ben'
    answered: NO
    code: 0123
    time: 12:30
    version: 3.10
    huge: 1e400
    <<: *defaults
    goals: |
      Save money
      Fast delivery
    tags: [price, "deal"]
"""

EVIDENCE = {"generated_by": "persona-nlp", "score": 0.5}


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_personas_file(path)


def test_yaml_without_additions_is_written_back_byte_identical(tmp_path):
    persona_file = _write(tmp_path, "p.yaml", YAML_FILE)
    assert dumps(enriched_copy(persona_file, []), "yaml", persona_file.text) == YAML_FILE


def test_yaml_values_comments_and_merge_keys_survive_enrichment(tmp_path):
    # issue 17 item 7: NO -> false, 0123 -> 83, 12:30 -> 750, 3.10 -> 3.1, comments dropped,
    # << merge keys expanded
    persona_file = _write(tmp_path, "p.yaml", YAML_FILE)
    text = dumps(enriched_copy(persona_file, [EVIDENCE]), "yaml", persona_file.text)
    for kept in (
        "# Personas from the spring workshop",
        "# where they hang out",
        "answered: NO",
        "code: 0123",
        "time: 12:30",
        "version: 3.10",
        "huge: 1e400",
        "<<: *defaults",
        "name: 'Budget Ben'",
        "  - name: ",
        'tags: [price, "deal"]',
    ):
        assert kept in text, kept
    assert text.startswith(YAML_FILE.rstrip("\n"))
    assert "evidence:" in text and "generated_by: persona-nlp" in text
    assert text.count("channel: Instagram") == 1


def test_json_numbers_are_written_as_they_were(tmp_path):
    # issue 17 item 12: 1e400 became Infinity (invalid JSON)
    source = '{"personas": [{"name": "Ben", "budget": 1e400, "ratio": 3.10, "zero": -0, "n": 7}]}'
    persona_file = _write(tmp_path, "p.json", source)
    text = dumps(enriched_copy(persona_file, [EVIDENCE]), "json")
    assert '"budget": 1e400' in text and '"ratio": 3.10' in text and '"zero": -0' in text
    assert "Infinity" not in text
    json.loads(text, parse_constant=lambda name: (_ for _ in ()).throw(ValueError(name)))


def test_a_user_key_named_like_ours_is_never_overwritten(tmp_path):
    # issue 17 item 11: persona_nlp_evidence was replaced
    source = json.dumps(
        [{"name": "Ben", "evidence": "from our interviews", "persona_nlp_evidence": "mine too"}]
    )
    persona_file = _write(tmp_path, "p.json", source)
    [persona] = enriched_copy(persona_file, [EVIDENCE])
    assert persona["evidence"] == "from our interviews"
    assert persona["persona_nlp_evidence"] == "mine too"
    assert persona["persona_nlp_evidence_2"] == EVIDENCE


def test_a_previous_runs_evidence_is_replaced_not_duplicated(tmp_path):
    source = json.dumps([{"name": "Ben", "evidence": {"generated_by": "persona-nlp", "old": 1}}])
    persona_file = _write(tmp_path, "p.json", source)
    [persona] = enriched_copy(persona_file, [EVIDENCE])
    assert persona["evidence"] == EVIDENCE and "persona_nlp_evidence" not in persona


_SCALARS = st.one_of(
    st.text(max_size=12),
    st.integers(),
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
    st.sampled_from(["NO", "yes", "0123", "12:30", "3.10", "~", "null", "1e400", "- x", "#c"]),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
_PERSONAS = st.lists(
    st.dictionaries(st.sampled_from(["name", "goals", "age", "notes", "x"]), _VALUES, min_size=1),
    min_size=1,
    max_size=3,
).map(lambda personas: [{"name": "P", **p} for p in personas])


def _same(left, right) -> bool:
    if isinstance(left, float) and isinstance(right, float):
        return left == right or (math.isinf(left) and math.isinf(right) and left == right)
    if isinstance(left, dict) and isinstance(right, dict):
        return list(left) == list(right) and all(_same(left[k], right[k]) for k in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(
            _same(a, b) for a, b in zip(left, right, strict=True)
        )
    return type(left) is type(right) and left == right


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_PERSONAS)
def test_any_json_persona_file_round_trips_value_identical(tmp_path, personas):
    source = json.dumps({"personas": personas}, indent=2, ensure_ascii=False)
    persona_file = _write(tmp_path, "p.json", source)
    text = dumps(enriched_copy(persona_file, []), "json")
    assert text == source + "\n"
    enriched = dumps(enriched_copy(persona_file, [EVIDENCE] * len(personas)), "json")
    back = json.loads(enriched)["personas"]
    for original, written in zip(personas, back, strict=True):
        assert written.pop("evidence" if "evidence" not in original else "x") is not None
        assert _same(original, written)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_PERSONAS)
def test_any_yaml_persona_file_round_trips_value_identical(tmp_path, personas):
    from persona_nlp.enrich.persona_file import _yaml

    buffer = __import__("io").StringIO()
    _yaml().dump({"personas": personas}, buffer)
    source = buffer.getvalue()
    persona_file = _write(tmp_path, "p.yaml", source)
    before = _yaml().load(source)
    written = dumps(enriched_copy(persona_file, [EVIDENCE] * len(personas)), "yaml", source)
    after = _yaml().load(written)
    for original, back in zip(before["personas"], after["personas"], strict=True):
        assert back.pop("evidence") == EVIDENCE
        assert _same(
            json.loads(json.dumps(original, default=str)), json.loads(json.dumps(back, default=str))
        )


def test_our_evidence_reads_back_the_same_with_a_yaml_1_1_reader(tmp_path):
    import yaml

    persona_file = _write(tmp_path, "p.yaml", YAML_FILE)
    evidence = {"generated_by": "persona-nlp", "quote": "yes", "at": "12:30", "id": "0123"}
    text = dumps(enriched_copy(persona_file, [evidence]), "yaml", persona_file.text)
    assert yaml.safe_load(text)["personas"][0]["evidence"] == evidence
