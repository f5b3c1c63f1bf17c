"""Reports: files written, contents, escaping, determinism, CSVs, pandas, the Analysis methods."""

from __future__ import annotations

import csv
import json
import re
import sys
from html.parser import HTMLParser

import pytest
from report_builders import make_analysis, make_embeddings

from persona_nlp.errors import ConfigError, DependencyError
from persona_nlp.report import (
    STATEMENT_COLUMNS,
    THEME_COLUMNS,
    to_html,
    to_markdown,
    write_reports,
)
from persona_nlp.schema import Analysis, Manifest


@pytest.fixture()
def analysis():
    return make_analysis()


class _Collector(HTMLParser):
    """Collects tags, attributes and external references of an HTML document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.external: list[str] = []
        self.ids: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name == "id":
                self.ids.append(value)
            if name in {"src", "href"} and value and not value.startswith("#"):
                self.external.append(value)

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


def test_write_reports_writes_every_format(tmp_path, analysis):
    paths = write_reports(analysis, tmp_path / "out", embeddings=make_embeddings(analysis))
    assert [p.name for p in paths] == [
        "analysis.json",
        "statements.csv",
        "themes.csv",
        "uncoded.csv",
        "report.md",
        "report.html",
    ]
    for path in paths:
        assert path.stat().st_size > 0
    data = json.loads((tmp_path / "out" / "analysis.json").read_text(encoding="utf-8"))
    assert Analysis.model_validate(data) == analysis


def test_write_reports_subset_and_unknown_format(tmp_path, analysis):
    assert [p.name for p in write_reports(analysis, tmp_path, formats=["md"])] == ["report.md"]
    with pytest.raises(ConfigError, match="pdf"):
        write_reports(analysis, tmp_path, formats=["pdf"])


def test_outputs_are_deterministic(tmp_path, analysis):
    embeddings = make_embeddings(analysis)
    first = write_reports(analysis, tmp_path / "a", embeddings=embeddings)
    second = write_reports(make_analysis(), tmp_path / "b", embeddings=embeddings)
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes(), one.name


def test_html_is_self_contained_and_has_every_section(analysis):
    html = to_html(analysis, make_embeddings(analysis))
    parsed = _parse(html)
    assert parsed.external == []  # no CDN, no fonts, no links out
    assert "<script" not in html.replace("&lt;script&gt;", "")
    assert "@import" not in html and "url(" not in html
    for section in (
        "overview",
        "personas",
        "themes",
        "theme-by-persona",
        "map",
        "skipped",
        "about",
    ):
        assert section in parsed.ids
    assert parsed.tags.count("article") == 2  # one card per persona
    kinds = {s.kind for s in analysis.statements}
    assert html.count('class="chart statement-map"') == len(kinds)  # one panel per kind
    assert html.count('class="chart heatmap"') == 1
    # every statement is a dot in its kind's panel (and context elsewhere)
    assert html.count('<circle class="pt"') == len(analysis.statements)
    assert html.count("<circle") == len(analysis.statements) * len(kinds)
    assert "@media print" in html


def test_html_escapes_user_text(analysis):
    html = to_html(analysis)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "delivery cost | shipping &lt;too high&gt;" in html


def test_persona_cards_show_defining_themes_and_sourced_quotes(analysis):
    html = to_html(analysis)
    text = " ".join(_parse(html).text)
    assert "Bargain Bente" in text and "Marathon Maja" in text
    # quote with participant and timestamp of an interview turn
    assert "p01 · 00:03:12" in text
    # a line-numbered transcript without timestamps, and a survey column
    assert "p02 · line 2" in text
    assert "r02 · q1" in text
    assert "100%" in text and "vs 60% overall" in text


def test_map_explains_why_it_is_missing(analysis):
    html = to_html(analysis)
    assert "statement-map" not in html
    assert "No statement embeddings were given" in html
    wrong = to_html(analysis, make_embeddings(analysis)[:3])
    assert "has 10 statements" in wrong


def test_empty_analysis_renders():
    empty = Analysis(manifest=Manifest(package_version="0.1.0"))
    html = to_html(empty)
    assert "No personas were built" in html and "No themes were found" in html
    markdown = to_markdown(empty)
    assert markdown.startswith("# Personas\n")
    assert "Nothing was skipped" in markdown


def test_markdown_has_the_same_content_and_escapes(analysis):
    markdown = to_markdown(analysis)
    assert "### 1. Bargain Bente" in markdown
    assert "| Objections | delivery cost \\| shipping \\<too high\\> | 60% (3 of 5) |" in markdown
    assert "## Themes" in markdown and "### Objections" in markdown
    assert "| English | 4 |" in markdown and "| Danish | 1 |" in markdown  # participants
    assert "delivery cost \\| shipping \\<too high\\>" in markdown
    assert "\\<script\\>" in markdown
    assert "p01 · 00:03:12" in markdown
    assert "## What was skipped" in markdown and "non\\_answer" in markdown
    assert "\n\n\n" not in markdown
    # every table row has the same number of cells as its header
    for block in re.findall(r"(?:^\|.*\n)+", markdown, flags=re.M):
        rows = [r for r in block.strip().split("\n")]
        cells = {len(re.split(r"(?<!\\)\|", row)) for row in rows}
        assert len(cells) == 1, block


def test_statements_csv(tmp_path, analysis):
    write_reports(analysis, tmp_path, formats=["csv"])
    with (tmp_path / "statements.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == STATEMENT_COLUMNS
    assert len(rows) == len(analysis.statements)
    assert rows[3]["timestamp_hms"] == "00:03:12"
    assert rows[3]["theme_label"] == "reads reviews"
    assert rows[4]["text"] == "Jeg venter altid på udsalg."
    assert (tmp_path / "statements.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_themes_csv_and_formula_guard(tmp_path, analysis):
    analysis.themes[0].label = "=HYPERLINK(1)"
    write_reports(analysis, tmp_path, formats=["csv"])
    with (tmp_path / "themes.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == THEME_COLUMNS
    assert rows[0]["label"] == "'=HYPERLINK(1)"
    objection = next(r for r in rows if r["theme_id"] == "objection-00")
    assert objection["participants"] == "3" and objection["share"] == "0.6"
    assert objection["quote_2_source"] == "p02 · line 2"


def test_to_pandas(analysis):
    pytest.importorskip("pandas")
    frames = analysis.to_pandas()
    assert set(frames) == {
        "statements",
        "themes",
        "uncoded",
        "personas",
        "participants",
        "skipped",
    }
    assert list(frames["statements"].columns) == list(STATEMENT_COLUMNS)
    assert len(frames["themes"]) == 4
    participants = frames["participants"].set_index("participant_id")
    assert participants.loc["p02", "persona_id"] == "persona-1"


def test_to_pandas_without_pandas_names_the_fix(analysis, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(DependencyError, match="pip install pandas"):
        analysis.to_pandas()


def test_analysis_methods_write_files(tmp_path, analysis):
    markdown = analysis.to_markdown(str(tmp_path / "report.md"))
    html = analysis.to_html(str(tmp_path / "report.html"), embeddings=make_embeddings(analysis))
    assert (tmp_path / "report.md").read_text(encoding="utf-8") == markdown
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == html
    assert "statement-map" in html


def test_large_map_is_subsampled():
    import numpy as np

    from persona_nlp.report._svg import MAX_MAP_POINTS, statement_map

    n = MAX_MAP_POINTS * 2 + 1
    points = np.random.default_rng(0).random((n, 2))
    svg, legend, drawn = statement_map(points, [None] * n, ["x"] * n, [])
    assert drawn <= MAX_MAP_POINTS and svg.count("<circle") == drawn
    assert legend[-1].label == "no theme"


def test_projection_is_deterministic_and_scaled():
    import numpy as np

    from persona_nlp.report._svg import project_2d

    data = np.random.default_rng(1).normal(size=(30, 8))
    first, second = project_2d(data), project_2d(data.copy())
    assert np.array_equal(first, second)
    assert first.min() >= 0.0 and first.max() <= 1.0
    assert project_2d(np.ones((4, 3))).tolist() == [[0.5, 0.5]] * 4


def test_custom_title_is_escaped(tmp_path, analysis):
    write_reports(analysis, tmp_path, formats=["md", "html"], title="Study <Q3> & co")
    assert "<title>Study &lt;Q3&gt; &amp; co</title>" in (tmp_path / "report.html").read_text()
    assert (tmp_path / "report.md").read_text().startswith("# Study \\<Q3\\> & co")


def test_participants_in_no_persona_are_listed_with_reasons():
    from persona_nlp.report import to_html, to_markdown
    from persona_nlp.schema import Analysis, Manifest, UnassignedParticipant

    analysis = Analysis(
        manifest=Manifest(package_version="0"),
        unassigned_participants=[
            UnassignedParticipant(participant_id="s#4", reason="no_close_persona", themes=1),
            UnassignedParticipant(participant_id="p9", reason="no_statements"),
            UnassignedParticipant(participant_id="s#3", reason="no_close_persona", themes=1),
        ],
    )
    markdown = to_markdown(analysis)
    assert "- Not close enough to one persona: 2 participants (s#3, s#4)" in markdown
    assert "- Nothing they said became a statement: 1 participant (p9)" in markdown
    assert markdown.index("Not close enough") < markdown.index("Nothing they said")
    assert "Not close enough to one persona: 2 participants (s#3, s#4)" in to_html(analysis)
    assert "In no persona" not in to_markdown(Analysis(manifest=Manifest(package_version="0")))


def test_streamed_analysis_json_is_exactly_to_json(tmp_path, analysis):
    from persona_nlp.schema import Analysis, Manifest, UnassignedParticipant

    analysis.unassigned_participants = [
        UnassignedParticipant(participant_id="rø-7 “x”", reason="no_statements")
    ]
    for case in (analysis, Analysis(manifest=Manifest(package_version="0"))):
        path = tmp_path / "analysis.json"
        case.write_json(path)
        assert path.read_text(encoding="utf-8") == case.to_json() + "\n"
        assert Analysis.model_validate_json(path.read_text(encoding="utf-8")) == case


def test_long_nested_lists_are_streamed_and_still_exactly_to_json(tmp_path, analysis, monkeypatch):
    import persona_nlp.report.json_stream as stream

    written: list[str] = []
    real = stream.BaseModel.model_dump_json

    def spy(self, **kwargs):
        written.append(type(self).__name__)
        return real(self, **kwargs)

    # documents with more than 2 turns are written field by field, their turns 3 at a time
    monkeypatch.setattr(stream, "STREAM_LIST_ITEMS", 2)
    monkeypatch.setattr(stream, "JSON_CHUNK", 3)
    monkeypatch.setattr(stream.BaseModel, "model_dump_json", spy)
    path = tmp_path / "analysis.json"
    analysis.write_json(path)
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == analysis.to_json() + "\n"
    long_documents = [d for d in analysis.documents if len(d.turns) > 2]
    assert long_documents and "Document" not in written
    for chunk in (1, 7, 10_000):  # chunk sizes that do and do not divide the lists
        monkeypatch.setattr(stream, "JSON_CHUNK", chunk)
        analysis.write_json(path)
        assert path.read_text(encoding="utf-8") == analysis.to_json() + "\n"


def test_a_kind_without_themes_says_why(analysis):
    """Pain points: 2 statements and no theme; both reports name the kind and the reason."""
    reason = "No theme: only 2 statements, fewer than the 3 a theme needs (themes.min_theme_size)"
    markdown = to_markdown(analysis)
    assert "### Pain points" in markdown and reason in markdown
    assert reason in " ".join(_parse(to_html(analysis)).text)
    many = analysis.model_copy(deep=True)
    many.manifest.config = {"themes": {"min_theme_size": 2}}
    assert "no 2 of its 2 statements are alike enough to form a theme" in to_markdown(many)
