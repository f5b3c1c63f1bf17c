"""The change report of a wave analysis (``analysis.changes``): view model and chart.

:func:`build_changes_view` turns :class:`~persona_nlp.schema.Changes` into what the Markdown
and HTML templates show: one line per finding ("grew", "fell", "new", "vanished" themes, new
and vanished personas, participants who moved), a table of every theme's share per wave with
its interval and test, persona sizes per wave and the method. :func:`prevalence_panels` draws
the themes that changed as small multiples: one panel per theme, its share in each wave with
the 95% interval, the numbers written on the chart (colour is never the only carrier).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ..kinds import STATEMENT_KINDS
from ..schema import Analysis, Changes, ThemeChange
from ._format import KIND_LABELS, format_percent, plural
from ._svg import KIND_COLOURS

MAX_PANELS = 12
"""Themes drawn in the change chart: those that changed (significant, new, vanished) first,
then the largest changes."""

STATUS_WORDS: dict[str, str] = {
    "continued": "",
    "new": "new",
    "returned": "back",
    "vanished": "vanished",
    "absent": "absent",
}


@dataclass
class ThemeChangeRow:
    """One theme in the change table: shares and intervals per wave, change, adjusted p."""

    theme: ThemeChange
    heading: str
    status: str
    shares: list[str]
    intervals: list[str]
    difference: str
    p_adjusted: str


@dataclass
class ChangesView:
    """Everything the change sections of the reports show.

    Attributes:
        previous: The wave before the latest.
        latest: The latest wave.
        waves: ``(name, participants, statements, personas)`` per wave.
        findings: One sentence per finding, most important first.
        method: How prevalence and changes were measured (one paragraph).
        themes: The theme table (themes mentioned in any wave), by kind.
        personas: ``(name, status, sizes per wave, similarity)`` per persona.
        returning: Participants in both waves.
        moved: ``(participant, persona before, persona now)`` of those who moved.
    """

    previous: str
    latest: str
    waves: list[tuple[str, int, int, int]]
    findings: list[str]
    method: str
    themes: list[ThemeChangeRow]
    personas: list[tuple[str, str, list[int], str]] = field(default_factory=list)
    returning: int = 0
    moved: list[tuple[str, str, str]] = field(default_factory=list)


def _noun(count: int, word: str) -> str:
    return word if count == 1 else word + "s"


def _pp(value: float) -> str:
    points = round(value * 100)
    return f"{'+' if points > 0 else '−' if points < 0 else '±'}{abs(points)} pp"


def _p(value: float | None) -> str:
    if value is None:
        return "–"
    return "<0.001" if value < 0.001 else f"{value:.3f}"


def _theme_phrase(row: ThemeChange) -> str:
    before, now = row.waves[-2].prevalence.share, row.waves[-1].prevalence.share
    return f"“{row.label}” ({format_percent(before)} → {format_percent(now)})"


def _findings(changes: Changes, previous: str, latest: str) -> list[str]:
    by_id = {row.theme_id: row for row in changes.themes}
    names = {p.persona_id: p for p in changes.personas}
    lines = []
    for ids, verb in (
        (changes.increased_theme_ids, "Grew significantly"),
        (changes.decreased_theme_ids, "Fell significantly"),
    ):
        if ids:
            lines.append(f"{verb}: " + "; ".join(_theme_phrase(by_id[i]) for i in ids) + ".")
    if not changes.increased_theme_ids and not changes.decreased_theme_ids:
        lines.append(f"No theme's share changed significantly from {previous} to {latest}.")
    if changes.new_theme_ids:
        lines.append(
            f"New {_noun(len(changes.new_theme_ids), 'theme')}: "
            + "; ".join(
                f"“{by_id[i].label}” ({format_percent(by_id[i].waves[-1].prevalence.share)})"
                for i in changes.new_theme_ids
            )
            + "."
        )
    if changes.vanished_theme_ids:
        lines.append(
            f"Vanished {_noun(len(changes.vanished_theme_ids), 'theme')} (mentioned in "
            f"{previous}, by nobody in {latest}): "
            + "; ".join(
                f"“{by_id[i].label}” (was {format_percent(by_id[i].waves[-2].prevalence.share)})"
                for i in changes.vanished_theme_ids
            )
            + "."
        )
    for ids, word in ((changes.new_persona_ids, "New"), (changes.vanished_persona_ids, "Vanished")):
        if ids:
            lines.append(
                f"{word} {_noun(len(ids), 'persona')}: "
                + "; ".join(
                    f"{names[i].name} ({plural(names[i].waves[-1 if word == 'New' else -2].size, 'participant')})"
                    for i in ids
                )
                + "."
            )
    if not changes.new_persona_ids and not changes.vanished_persona_ids:
        lines.append(f"The personas of {previous} continue; no persona is new or vanished.")
    moved = [m for m in changes.returning_participants if m.moved]
    if changes.returning_participants:
        lines.append(
            f"{plural(len(changes.returning_participants), 'participant')} took part in both "
            f"waves; {len(moved)} moved to another persona."
        )
    return lines


def _looked_for(changes: Changes, row: ThemeChange) -> set[str]:
    """The waves a theme was looked for in: from the one it was first found in on."""
    names = [w.name for w in changes.waves]
    first = names.index(row.first_wave) if row.first_wave in names else 0
    return set(names[first:])


def build_changes_view(analysis: Analysis) -> ChangesView | None:
    """The change report of ``analysis``, or ``None`` when it is not a wave analysis.

    Example:
        >>> from persona_nlp.schema import Manifest
        >>> build_changes_view(Analysis(manifest=Manifest(package_version="0"))) is None
        True
    """
    changes = analysis.changes
    if changes is None or len(changes.waves) < 2:
        return None
    previous, latest = changes.waves[-2].name, changes.waves[-1].name
    order = {kind: i for i, kind in enumerate(STATEMENT_KINDS)}
    shown = [row for row in changes.themes if any(w.prevalence.participants for w in row.waves)]
    shown.sort(key=lambda r: (order[r.kind], -r.waves[-1].prevalence.share, r.theme_id))
    rows = [
        ThemeChangeRow(
            theme=row,
            heading=KIND_LABELS[row.kind],
            status=STATUS_WORDS[row.status],
            shares=[
                format_percent(w.prevalence.share) if w.wave in _looked_for(changes, row) else "–"
                for w in row.waves
            ],
            intervals=[
                f"{format_percent(w.prevalence.ci_low)}–{format_percent(w.prevalence.ci_high)}"
                if w.wave in _looked_for(changes, row)
                else "not looked for"
                for w in row.waves
            ],
            difference=_pp(row.change),
            p_adjusted=_p(row.waves[-1].p_adjusted),
        )
        for row in shown
    ]
    persona_names = {p.persona_id: p.name for p in changes.personas}
    tests = sum(1 for row in changes.themes if row.waves[-1].p_value is not None)
    method = (
        "Prevalence is the share of a wave's participants who mention a theme, with a "
        f"{changes.confidence:.0%} Wilson interval. Each change from one wave to the next is "
        "tested with Fisher's exact test (two-sided); the p-values of one pair of waves are "
        f"adjusted with Holm's method over the {tests} themes mentioned in either wave, and a "
        f"change is significant when its adjusted p-value is below {changes.alpha:g}. A theme "
        "first found in a later wave was not looked for in the earlier ones (their statements "
        "were not coded again) and is not tested against them. "
        "Personas continue a persona of the wave before when their profiles are similar "
        f"(at least {changes.persona_match_threshold:g}; matched one to one)."
    )
    return ChangesView(
        previous=previous,
        latest=latest,
        waves=[(w.name, w.participants, w.statements, w.personas) for w in changes.waves],
        findings=_findings(changes, previous, latest),
        method=method,
        themes=rows,
        personas=[
            (
                p.name,
                STATUS_WORDS[p.status],
                [w.size for w in p.waves],
                f"{p.similarity:.2f}" if p.similarity is not None else "–",
            )
            for p in changes.personas
        ],
        returning=len(changes.returning_participants),
        moved=[
            (
                m.participant_id,
                persona_names.get(m.previous_persona_id or "", "–"),
                persona_names.get(m.persona_id or "", "–"),
            )
            for m in changes.returning_participants
            if m.moved
        ],
    )


def _f(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if value % 1 else str(int(value))


def _chosen(changes: Changes, limit: int) -> list[ThemeChange]:
    flagged = [
        row
        for row in changes.themes
        if row.direction != "none" or row.status in ("new", "vanished", "returned")
    ]
    flagged.sort(key=lambda r: (r.direction == "none", -abs(r.change), r.theme_id))
    rest = [
        row
        for row in changes.themes
        if row not in flagged and any(w.prevalence.participants for w in row.waves)
    ]
    rest.sort(key=lambda r: (-abs(r.change), r.theme_id))
    return (flagged + rest)[:limit]


def prevalence_panels(changes: Changes | None, limit: int = MAX_PANELS) -> Markup | None:
    """Small multiples of theme prevalence per wave (one panel per theme), or ``None``.

    Each panel shows a theme's share in every wave as points joined by a line, with the 95%
    interval as a whisker and the share written above each point; a significant change into
    the latest wave is drawn with a thick line and marked in the panel's title.

    Example:
        >>> prevalence_panels(None) is None
        True
    """
    if changes is None or len(changes.waves) < 2:
        return None
    rows = _chosen(changes, limit)
    if not rows:
        return None
    columns = min(4, len(rows))
    panel_w, panel_h, pad = 210, 150, 12
    plot_top, plot_h, plot_left, plot_w = 40, 78, 14, panel_w - 28
    width = columns * panel_w
    height = math.ceil(len(rows) / columns) * panel_h
    waves = [w.name for w in changes.waves]
    step = plot_w / max(len(waves) - 1, 1)
    parts = [
        f'<svg class="chart wave-panels" viewBox="0 0 {width} {height}" width="{width}" '
        f'role="img" aria-label="Theme prevalence per wave">'
    ]
    for index, row in enumerate(rows):
        x0 = (index % columns) * panel_w
        y0 = (index // columns) * panel_h
        colour = KIND_COLOURS.get(row.kind, "#475569")
        mark = {"up": " ▲", "down": " ▼"}.get(row.direction, "")
        status = {"new": " (new)", "vanished": " (vanished)", "returned": " (back)"}.get(
            row.status, ""
        )
        title = row.label if len(row.label) <= 26 else row.label[:25].rstrip() + "…"
        parts.append(
            f'<g transform="translate({x0},{y0})">'
            f'<rect x="2" y="2" width="{panel_w - 4}" height="{panel_h - 4}" rx="6" '
            f'fill="#f8fafc" stroke="#e2e8f0"/>'
            f'<text x="{pad}" y="18" class="axis-label">{escape(title)}{escape(mark)}</text>'
            f'<text x="{pad}" y="32" class="value-label">{escape(KIND_LABELS[row.kind])}'
            f"{escape(status)}</text>"
            f'<line x1="{plot_left}" x2="{plot_left + plot_w}" y1="{plot_top + plot_h}" '
            f'y2="{plot_top + plot_h}" stroke="#cbd5e1"/>'
        )
        points = []
        tips: list[str] = []
        for i, wave in enumerate(row.waves):
            x = plot_left + i * step
            share = wave.prevalence.share

            def y_of(value: float) -> float:
                return plot_top + plot_h * (1 - min(max(value, 0.0), 1.0))

            points.append((x, y_of(share)))
            tip = (
                f"{row.label}, {wave.wave}: {format_percent(share)} "
                f"({wave.prevalence.participants} of {wave.prevalence.total}; 95% CI "
                f"{format_percent(wave.prevalence.ci_low)}–{format_percent(wave.prevalence.ci_high)})"
            )
            if wave.p_adjusted is not None:
                tip += f"; Holm-adjusted p {_p(wave.p_adjusted)}"
            tips.append(tip)
            parts.append(
                f'<line x1="{_f(x)}" x2="{_f(x)}" y1="{_f(y_of(wave.prevalence.ci_low))}" '
                f'y2="{_f(y_of(wave.prevalence.ci_high))}" stroke="{colour}" stroke-opacity="0.45" '
                f'stroke-width="3"/>'
            )
        thick = "3.5" if row.direction != "none" else "1.8"
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="{thick}" points="'
            + " ".join(f"{_f(x)},{_f(y)}" for x, y in points)
            + '"/>'
        )
        for (x, y), wave, tip in zip(points, row.waves, tips, strict=True):
            parts.append(
                f'<circle cx="{_f(x)}" cy="{_f(y)}" r="3.5" fill="{colour}">'
                f"<title>{escape(tip)}</title></circle>"
                f'<text x="{_f(x)}" y="{_f(y - 6)}" text-anchor="middle" class="value-label">'
                f"{format_percent(wave.prevalence.share)}</text>"
            )
        for i, name in enumerate(waves):
            short = name if len(name) <= 10 else name[:9] + "…"
            parts.append(
                f'<text x="{_f(plot_left + i * step)}" y="{plot_top + plot_h + 16}" '
                f'text-anchor="middle" class="value-label">{escape(short)}</text>'
            )
        parts.append("</g>")
    parts.append("</svg>")
    return Markup("".join(parts))


__all__ = [
    "MAX_PANELS",
    "ChangesView",
    "ThemeChangeRow",
    "build_changes_view",
    "prevalence_panels",
]
