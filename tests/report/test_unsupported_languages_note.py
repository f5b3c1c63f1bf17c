"""The report names languages without a cue table or exemplar bank (manifest.unsupported_languages)."""

from __future__ import annotations

from report_builders import make_analysis

from persona_nlp.report import to_html, to_markdown


def test_reports_show_the_note_only_when_there_is_one():
    analysis = make_analysis()
    assert "no cue table" not in to_markdown(analysis) and "no cue table" not in to_html(analysis)
    analysis.manifest.unsupported_languages = {"fr": 72}
    assert "> French (72 turns) has no cue table or exemplar bank" in to_markdown(analysis)
    assert '<p class="note">French (72 turns) has no cue table' in to_html(analysis)


def test_note_names_languages_most_turns_first():
    analysis = make_analysis()
    analysis.manifest.unsupported_languages = {"de": 1, "fr": 72}
    assert (
        "French (72 turns), German (1 turn) have no cue table or exemplar bank: their statements"
        in to_markdown(analysis)
    )
