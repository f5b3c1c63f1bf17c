"""The "Statements per kind" chart is as wide as its longest labels (nothing clipped)."""

from __future__ import annotations

import re

from persona_nlp.report._svg import VALUE_FONT_PX, _text_width, kind_bars


def _view_width(svg: str) -> float:
    match = re.search(r'viewBox="0 0 ([\d.]+) [\d.]+"', svg)
    assert match
    return float(match.group(1))


def test_value_labels_fit_inside_the_chart_for_large_counts():
    rows = [
        ("goal", "Goals", 2133, 10),
        ("pain_point", "Pain points", 1520, 48),
        ("objection", "Objections", 1, 1),
    ]
    svg = str(kind_bars(rows))
    width = _view_width(svg)
    values = re.findall(r'<text x="([\d.]+)"[^>]*class="value-label">([^<]+)</text>', svg)
    assert [text for _, text in values] == [
        "2133 statements · 10 themes",
        "1520 statements · 48 themes",
        "1 statement · 1 theme",
    ]
    for x, text in values:
        assert float(x) + _text_width(text, VALUE_FONT_PX) <= width
    headings = re.findall(r'<text x="([\d.]+)"[^>]*text-anchor="end"[^>]*>([^<]+)</text>', svg)
    bar_x = min(float(x) for x in re.findall(r'<rect x="([\d.]+)"', svg))
    assert all(float(x) < bar_x for x, _ in headings)


def test_long_kind_headings_widen_the_label_column():
    short = str(kind_bars([("goal", "Goals", 5, 1)]))
    long = str(kind_bars([("goal", "Goals and ambitions of the interviewees", 5, 1)]))
    assert _view_width(long) > _view_width(short)
    label_end = float(re.findall(r'<text x="([\d.]+)"[^>]*text-anchor="end"', long)[0])
    assert label_end >= _text_width("Goals and ambitions of the interviewees", 12.5)
