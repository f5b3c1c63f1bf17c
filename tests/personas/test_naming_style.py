"""Persona names fit the study: descriptive for shoppers, neutral otherwise (personas.naming)."""

from __future__ import annotations

import pytest
from persona_builders import make_data

from persona_nlp.cli import build_parser, config_from_args
from persona_nlp.config import PersonaConfig
from persona_nlp.personas import build_personas
from persona_nlp.personas.naming import choose_names, descriptive_names_fit

SHOPPERS = [
    [("wait for deals and sales", ["deal", "sale"], 2.0)],
    [("plastic packaging", ["plastic", "packaging"], 1.5)],
    [("save time with fast delivery", ["time", "fast"], 1.0)],
]
ENGINEERS = [
    [("slow code reviews block releases", ["review", "release"], 2.0), ("flaky ci", ["ci"], 3.0)],
    [("on-call pages at night", ["on-call", "pages"], 1.5)],
    [("deploy fast with little time", ["deploy", "time"], 1.0)],
]
# software themes as the persona builders' themes: id -> (label, keywords)
SOFTWARE_THEMES = {
    "goal-01": ("ship features without waiting on reviews", ["ship", "review"]),
    "goal-02": ("observability of production services", ["observability", "production"]),
    "goal-03": ("automate the release pipeline", ["automate", "release"]),
    "pain_point-01": ("flaky integration tests", ["flaky", "tests"]),
    "pain_point-02": ("alert fatigue from pager duty", ["alert", "pager"]),
    "pain_point-03": ("manual rollbacks", ["rollback", "manual"]),
    "channel-01": ("engineering blogs", ["blog", "engineering"]),
    "channel-02": ("conference talks", ["conference", "talk"]),
    "channel-03": ("internal wiki", ["wiki"]),
    "mindset-01": ("reliability over speed", ["reliability"]),
}


def test_auto_is_descriptive_for_shoppers_and_neutral_for_engineers():
    assert descriptive_names_fit(SHOPPERS) and not descriptive_names_fit(ENGINEERS)
    shoppers = [n.name for n in choose_names(SHOPPERS)]
    assert shoppers == ["Frugal Fiona", "Green Gina", "Busy Bella"]
    engineers = choose_names(ENGINEERS)
    # the most defining theme (highest weight) names the persona, capped at six words
    assert [n.name for n in engineers] == [
        "Persona A: flaky ci",
        "Persona B: on-call pages at night",
        "Persona C: deploy fast with little time",
    ]
    assert [n.subject for n in engineers] == ["Persona A", "Persona B", "Persona C"]


def test_explicit_styles_override_auto_and_are_deterministic():
    assert [n.name for n in choose_names(ENGINEERS, "descriptive")][0].endswith(("a", "o", "e"))
    assert choose_names(ENGINEERS, "descriptive") == choose_names(ENGINEERS, "descriptive")
    neutral = [n.name for n in choose_names(SHOPPERS, "neutral")]
    assert neutral[0] == "Persona A: wait for deals and sales"
    long_label = [[("one two three four five six seven eight", [], 1.0)]]
    assert choose_names(long_label, "neutral")[0].name == "Persona A: one two three four five six…"
    assert [n.name for n in choose_names([[], []], "neutral")] == ["Persona A", "Persona B"]
    assert not descriptive_names_fit([[], []])


@pytest.mark.parametrize("naming", ["auto", "neutral"])
def test_built_personas_of_a_software_study_get_neutral_names_and_summaries(naming):
    participants, statements, themes = make_data()
    themes = [
        t.model_copy(
            update={"label": SOFTWARE_THEMES[t.id][0], "keywords": SOFTWARE_THEMES[t.id][1]}
        )
        for t in themes
    ]
    personas = build_personas(participants, statements, themes, PersonaConfig(naming=naming))
    assert personas
    for letter, persona in zip("ABCDEF", personas, strict=False):
        assert persona.name.startswith(f"Persona {letter}: ")
        assert persona.summary.startswith(f"Persona {letter} (")


def test_shopper_study_keeps_descriptive_names_and_the_option_reaches_the_cli():
    participants, statements, themes = make_data()
    personas = build_personas(participants, statements, themes, PersonaConfig())
    assert all(not p.name.startswith("Persona ") for p in personas)
    forced = build_personas(participants, statements, themes, PersonaConfig(naming="neutral"))
    assert forced[0].name.startswith("Persona A: ")
    args = build_parser().parse_args(["analyze", "d", "--out", "o", "--persona-names", "neutral"])
    assert config_from_args(args).personas.naming == "neutral"


def test_an_audit_trail_is_no_sport():
    """'trail(s)' named a finance persona 'Active' (audit trails); running and hiking still count."""
    from persona_nlp.personas.naming import descriptor_candidates

    assert "Active" not in descriptor_candidates("proper audit trail", ["audit", "trails"])
    assert "Active" in descriptor_candidates("hiking trails in the hills", ["trails", "hills"])
    assert "Active" in descriptor_candidates("trail running shoes", ["trail running"])
