"""Waves without the model: baseline themes kept, personas matched, the change report, errors."""

from __future__ import annotations

import json
import random

import pytest

from persona_nlp.config import ThemeConfig
from persona_nlp.embed import HashingEmbedder
from persona_nlp.errors import ConfigError, InputError
from persona_nlp.schema import (
    Analysis,
    Manifest,
    Participant,
    Persona,
    PersonaTheme,
    Prevalence,
    Statement,
    Theme,
)
from persona_nlp.themes import build_themes
from persona_nlp.waves import (
    check_baseline_model,
    continue_personas,
    next_wave_name,
    read_baseline,
    wave_changes,
)


def _theme(theme_id: str, people: list[str], total: int, kind: str = "pain_point") -> Theme:
    return Theme(
        id=theme_id,
        kind=kind,  # type: ignore[arg-type]
        label=theme_id.title(),
        participant_ids=sorted(people),
        prevalence=Prevalence(
            participants=len(people), total=total, share=len(people) / total, ci_low=0, ci_high=1
        ),
    )


def _persona(persona_id: str, name: str, people: list[str], total: int) -> Persona:
    return Persona(
        id=persona_id,
        name=name,
        summary=f"{name.split()[-1]} ({len(people)} participants, 50%) wants things.",
        participant_ids=sorted(people),
        size=len(people),
        share=len(people) / total,
        themes=[PersonaTheme(theme_id="x", kind="goal", label="Things", share=1.0, lift=2.0)],
    )


def _wave(themes: list[Theme], personas: list[Persona], people: list[str]) -> Analysis:
    return Analysis(
        participants=[Participant(id=p) for p in people],
        themes=themes,
        personas=personas,
        manifest=Manifest(package_version="0", model_fingerprint="fp"),
    )


PARENTS = [f"a{i:02d}" for i in range(20)]
FITNESS = [f"b{i:02d}" for i in range(20)]
ECO = [f"c{i:02d}" for i in range(12)]


def _wave1() -> Analysis:
    people = PARENTS + FITNESS
    return _wave(
        [
            _theme("kids", PARENTS[:15], 40),
            _theme("protein", FITNESS[:15], 40),
            _theme("late", PARENTS[:2] + FITNESS[:2], 40),
            _theme("crash", PARENTS[5:12] + FITNESS[5:12], 40),
        ],
        [
            _persona("persona-1", "Family-focused Fiona", PARENTS, 40),
            _persona("persona-2", "Health-conscious Hannah", FITNESS, 40),
        ],
        people,
    )


def _wave2(order: int = 0) -> tuple[Analysis, list[Persona]]:
    """A wave where late deliveries grow, crashes vanish and an eco segment appears."""
    people = PARENTS[:14] + FITNESS[:14] + ECO
    themes = [
        _theme("kids", PARENTS[:11], 40),
        _theme("protein", FITNESS[:11], 40),
        _theme("late", PARENTS[:10] + FITNESS[:10] + ECO[:8], 40),
        _theme("crash", [], 40),
        _theme("packaging", ECO, 40),
    ]
    # the new wave's personas, numbered by the persona builder (largest first)
    built = [
        _persona("persona-1", "Sporty Sam", FITNESS[:14], 40),
        _persona("persona-2", "Busy Bella", PARENTS[:14], 40),
        _persona("persona-3", "Family-focused Fiona", ECO, 40),
    ]
    if order:
        random.Random(order).shuffle(built)
    return _wave(themes, [], people), built


def _continue(order: int = 0):
    baseline = _wave1()
    current, built = _wave2(order)
    result = continue_personas(
        built, current.themes, baseline.personas, 40, baseline.themes, [], "wave 2"
    )
    current.personas = result.personas
    return baseline, current, result


def test_personas_keep_the_baseline_ids_and_names_of_the_segment_they_continue():
    _, _, result = _continue()
    by_members = {tuple(p.participant_ids[:1]): p for p in result.personas}
    fitness, parents, eco = by_members[("b00",)], by_members[("a00",)], by_members[("c00",)]
    assert (fitness.id, fitness.name, fitness.new) == (
        "persona-2",
        "Health-conscious Hannah",
        False,
    )
    assert (parents.id, parents.name, parents.new) == ("persona-1", "Family-focused Fiona", False)
    assert fitness.summary.startswith("Hannah (14 participants")
    # the new segment: the next id, and a name no earlier persona had
    assert eco.id == "persona-3" and eco.new
    assert eco.name == "Family-focused Fiona (wave 2)"
    assert set(result.matched) == {"persona-1", "persona-2"}
    assert all(score >= 0.3 for _, score in result.matched.values())


def test_persona_matching_does_not_depend_on_their_order():
    _, _, first = _continue()
    _, _, shuffled = _continue(order=3)
    key = lambda personas: sorted((p.id, p.name, tuple(p.participant_ids)) for p in personas)  # noqa: E731
    assert key(first.personas) == key(shuffled.personas)


def test_the_change_report_says_what_changed():
    baseline, current, result = _continue()
    changes = wave_changes(current, baseline, wave="wave 2", matched=result.matched)
    assert [w.name for w in changes.waves] == ["wave 1", "wave 2"]
    assert changes.increased_theme_ids == ["late"]  # not "packaging": new, not tested
    assert changes.decreased_theme_ids == ["crash"]
    assert changes.vanished_theme_ids == ["crash"]
    assert changes.new_theme_ids == ["packaging"]
    assert changes.new_persona_ids == ["persona-3"]
    assert changes.vanished_persona_ids == []
    late = next(row for row in changes.themes if row.theme_id == "late")
    assert [w.prevalence.participants for w in late.waves] == [4, 28]
    assert late.waves[0].p_value is None and late.waves[1].significant
    # Holm over the themes of wave 1 mentioned in either wave: kids, protein, late, crash
    tested = [row.waves[-1] for row in changes.themes if row.waves[-1].p_value is not None]
    assert len(tested) == 4
    kids = next(row for row in changes.themes if row.theme_id == "kids")
    assert kids.status == "continued" and kids.direction == "none"
    sizes = {p.persona_id: [w.size for w in p.waves] for p in changes.personas}
    assert sizes == {"persona-1": [20, 14], "persona-2": [20, 14], "persona-3": [0, 12]}
    returning = {m.participant_id: m for m in changes.returning_participants}
    assert len(returning) == 28 and not any(m.moved for m in returning.values())


def test_a_third_wave_keeps_the_history_of_all_three():
    baseline, current, result = _continue()
    current.changes = wave_changes(current, baseline, wave="wave 2", matched=result.matched)
    people = PARENTS[:10] + FITNESS[:10] + ECO + ["d01"]
    wave3 = _wave(
        [
            _theme("kids", PARENTS[:8], 33),
            _theme("protein", FITNESS[:8], 33),
            _theme("late", PARENTS[:9] + FITNESS[:9] + ECO[:6], 33),
            _theme("crash", [], 33),
            _theme("packaging", ECO[:10], 33),
        ],
        [p.model_copy() for p in current.personas],
        people,
    )
    assert next_wave_name(current, None) == "wave 3"
    changes = wave_changes(wave3, current, wave="wave 3")
    assert [w.name for w in changes.waves] == ["wave 1", "wave 2", "wave 3"]
    crash = next(row for row in changes.themes if row.theme_id == "crash")
    assert [w.prevalence.participants for w in crash.waves] == [14, 0, 0]
    assert crash.status == "absent" and crash.first_wave == "wave 1"
    packaging = next(row for row in changes.themes if row.theme_id == "packaging")
    assert [w.prevalence.total for w in packaging.waves] == [40, 40, 33]
    assert packaging.first_wave == "wave 2" and packaging.status == "continued"
    # the earlier pair keeps its test: wave 1 -> wave 2 is recomputed identically
    late = next(row for row in changes.themes if row.theme_id == "late")
    assert late.waves[1].significant and not late.waves[2].significant
    assert changes.new_persona_ids == [] and changes.vanished_persona_ids == []
    with pytest.raises(ConfigError, match="already the name of an earlier wave"):
        next_wave_name(wave3.model_copy(update={"changes": changes}), "wave 2")


def test_baseline_themes_keep_ids_labels_and_new_ones_are_numbered_after_them():
    embedder = HashingEmbedder(dim=64)
    texts = ["the delivery arrived late"] * 3 + ["the app crashed at checkout"] * 3

    def statements(lines: list[str], prefix: str) -> list[Statement]:
        return [
            Statement(
                id=f"{prefix}:{i}:0-{len(text)}",
                document_id=prefix,
                participant_id=f"{prefix}{i}",
                turn_index=i,
                text=text,
                start_char=0,
                end_char=len(text),
                kind="pain_point",
                confidence=0.9,
            )
            for i, text in enumerate(lines)
        ]

    config = ThemeConfig(min_theme_size=2)
    _, first = build_themes(statements(texts, "w1"), embedder, [], config)
    assert {t.id for t in first} == {"pain_point-01", "pain_point-02"}
    late = next(t for t in first if "late" in t.label.lower())
    crash = next(t for t in first if t.id != late.id)
    later = ["the delivery arrived late"] * 4 + ["too much plastic packaging in the box"] * 3
    coded, second = build_themes(statements(later, "w2"), embedder, [], config, baseline=first)
    by_id = {t.id: t for t in second}
    assert by_id[late.id].label == late.label and not by_id[late.id].new
    assert by_id[late.id].centroid == late.centroid
    assert len(by_id[late.id].participant_ids) == 4
    assert by_id[crash.id].participant_ids == [] and by_id[crash.id].prevalence.participants == 0
    new = [t for t in second if t.new]
    assert [t.id for t in new] == ["pain_point-03"]
    assert {s.theme_id for s in coded if "plastic" in s.text} == {"pain_point-03"}


def test_read_baseline_errors_name_the_file_and_the_fix(tmp_path):
    with pytest.raises(InputError, match=r"missing\.json: baseline file not found \(fix: give"):
        read_baseline(tmp_path / "missing.json")
    bad = tmp_path / "notes.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match=r"notes\.json: the baseline is not JSON"):
        read_baseline(bad)
    other = tmp_path / "personas.json"
    other.write_text(json.dumps({"personas": []}), encoding="utf-8")
    with pytest.raises(InputError, match=r"personas\.json: the baseline is not an analysis\.json"):
        read_baseline(other)
    old = tmp_path / "old" / "analysis.json"
    old.parent.mkdir()
    old.write_text(
        json.dumps({"manifest": {"package_version": "0.0.1"}, "clusters": []}), encoding="utf-8"
    )
    with pytest.raises(InputError) as error:
        read_baseline(old.parent)  # the --out folder works too
    message = str(error.value)
    assert "written by persona_nlp 0.0.1" in message and "clusters" in message
    assert "\n" not in message and "analyse the baseline wave again" in message


def test_a_baseline_from_another_model_is_refused():
    baseline = _wave1()
    with pytest.raises(InputError, match=r"b\.json: the baseline was made with .*--model"):
        check_baseline_model(baseline, HashingEmbedder(dim=64), "b.json")


def test_reports_show_the_change_section_and_chart():
    baseline, current, result = _continue()
    current.changes = wave_changes(current, baseline, wave="wave 2", matched=result.matched)
    markdown = current.to_markdown()
    assert "## Changes from wave 1 to wave 2" in markdown
    assert "Grew significantly: “Late” (10% → 70%)." in markdown
    assert (
        "Vanished theme (mentioned in wave 1, by nobody in wave 2): “Crash” (was 35%)." in markdown
    )
    assert "New persona: Family-focused Fiona (wave 2) (12 participants)." in markdown
    assert "Fisher's exact test" in markdown and "Holm" in markdown
    html = current.to_html()
    assert 'id="changes"' in html and 'class="chart wave-panels"' in html
    assert "<script" not in html
    plain = _wave1().to_markdown()
    assert "## Changes" not in plain


def test_a_later_wave_keeps_the_baseline_typing_of_interview_speech():
    """extract.second_model = auto follows the baseline: a baseline whose interviews were typed
    by the main model alone (or made before the option existed) gives `none` to the new wave,
    so one answer is typed alike in both waves."""
    from persona_nlp.config import AnalysisConfig
    from persona_nlp.pipeline import package_version, run_pipeline
    from persona_nlp.schema import Corpus, Document, Turn

    embedder = HashingEmbedder(dim=64)
    turns = [
        Turn(index=0, speaker="I", role="interviewer", text="What was hard?"),
        Turn(index=1, speaker="R", role="respondent", participant_id="r1", text="My boots leak."),
    ]
    corpus = Corpus(documents=[Document(id="d1", path="d1.txt", kind="interview", turns=turns)])
    manifest = Manifest(
        package_version=package_version(),
        model_name=embedder.name,
        model_fingerprint=embedder.fingerprint,
    )
    run = run_pipeline(
        corpus, AnalysisConfig(), embedder=embedder, baseline=Analysis(manifest=manifest)
    )
    assert run.analysis.manifest.config["extract"]["second_model"] == "none"
    assert run.analysis.manifest.second_model_name is None
