"""Inline SVG charts for the HTML report, written as plain strings: no JavaScript, no CDN.

Every piece of user text that goes into an SVG is escaped here (the charts are passed to the
template as ``Markup``). Colours come from colour-blind-safe palettes (Okabe-Ito, Paul Tol) and
every chart also carries its numbers as text or ``<title>`` tooltips, so colour is never the
only carrier of meaning.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ..kinds import KINDS
from ._format import format_percent
from ._view import HeatmapRow

KIND_COLOURS: dict[str, str] = {name: spec.colour for name, spec in KINDS.items()}
"""One colour per statement kind (each has at least 4.5:1 contrast on white)."""

THEME_PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#332288",
    "#117733",
    "#AA4499",
    "#999933",
    "#882255",
    "#44AA99",
)
"""Categorical colours for the statement map (Okabe-Ito, then Paul Tol's muted scheme)."""

OTHER_THEMES_COLOUR = "#8a94a3"
MAX_MAP_POINTS = 2500
"""Most statements drawn on the map; larger analyses show an evenly spaced subset."""


def _f(value: float) -> str:
    """Compact, deterministic number formatting for SVG attributes."""
    return f"{value:.1f}".rstrip("0").rstrip(".") if value % 1 else str(int(value))


AXIS_FONT_PX = 12.5
"""Font size of ``.axis-label`` in ``report.css``."""

VALUE_FONT_PX = 12.0
"""Font size of ``.value-label`` in ``report.css``."""


def _text_width(text: str, font_px: float) -> float:
    """A generous estimate of a text's rendered width in pixels (sans-serif, no measuring).

    Upper-case letters and wide (East Asian) characters count more than the average glyph,
    so the estimate errs on the wide side: a chart sized with it never clips its labels.

    Example:
        >>> _text_width("ab", 10.0) < _text_width("AB", 10.0) < _text_width("中文", 10.0)
        True
    """
    ems = 0.0
    for char in text:
        if unicodedata.east_asian_width(char) in ("W", "F"):
            ems += 1.05
        elif char.isupper() or char in "mwMW@%":
            ems += 0.78
        else:
            ems += 0.6
    return ems * font_px


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def kind_bars(rows: Sequence[tuple[str, str, int, int]]) -> Markup:
    """Horizontal bars of statements per kind, each labelled with its count.

    Args:
        rows: ``(kind, heading, statements, themes)`` per kind.

    Example:
        >>> "<svg" in kind_bars([("goal", "Goals", 3, 1)])
        True
    """
    bar_h, gap, top, bar_span = 22, 10, 4, 260
    values = [
        f"{count} statement{'' if count == 1 else 's'} · {themes} theme{'' if themes == 1 else 's'}"
        for _, _, count, themes in rows
    ]
    # widths from the texts themselves, so no label is clipped by the viewBox
    label_w = 8 + max((_text_width(heading, AXIS_FONT_PX) for _, heading, _, _ in rows), default=0)
    value_w = max((_text_width(value, VALUE_FONT_PX) for value in values), default=0)
    width = math.ceil(label_w + bar_span + 6 + value_w + 4)
    height = top + len(rows) * (bar_h + gap)
    peak = max((count for _, _, count, _ in rows), default=0) or 1
    parts = [
        f'<svg class="chart kind-bars" viewBox="0 0 {width} {height}" width="{width}" '
        f'role="img" aria-label="Statements per kind">'
    ]
    for i, ((kind, heading, count, themes), value) in enumerate(zip(rows, values, strict=True)):
        y = top + i * (bar_h + gap)
        bar = max(bar_span * count / peak, 1.5)
        colour = KIND_COLOURS.get(kind, "#475569")
        parts.append(
            f'<text x="{_f(label_w - 8)}" y="{_f(y + bar_h * 0.7)}" text-anchor="end" '
            f'class="axis-label">{escape(heading)}</text>'
            f'<rect x="{_f(label_w)}" y="{y}" width="{_f(bar)}" height="{bar_h}" rx="3" '
            f'fill="{colour}"><title>{escape(heading)}: {count} statements, {themes} themes</title></rect>'
            f'<text x="{_f(label_w + bar + 6)}" y="{_f(y + bar_h * 0.7)}" class="value-label">'
            f"{escape(value)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def prevalence_bar(
    share: float | None,
    *,
    ci_low: float | None = None,
    ci_high: float | None = None,
    reference: float | None = None,
    colour: str = "#1d4ed8",
    width: int = 160,
    fluid: bool = False,
) -> Markup:
    """A small bar for a share (0-1), with an optional 95% interval and reference tick.

    Args:
        share: The share to draw.
        ci_low: Lower bound of the interval (drawn as a whisker).
        ci_high: Upper bound of the interval.
        reference: A share to mark with a tick (e.g. the theme's share among everyone).
        colour: Bar colour.
        width: Width in pixels (the drawing width when ``fluid``).
        fluid: Stretch to the width of the container instead of a fixed width.

    Example:
        >>> "rect" in prevalence_bar(0.4, ci_low=0.2, ci_high=0.6)
        True
    """
    height = 14
    share = 0.0 if share is None else min(max(share, 0.0), 1.0)
    title = f"{format_percent(share)} of participants"
    if ci_low is not None and ci_high is not None:
        title += f" (95% CI {format_percent(ci_low)}–{format_percent(ci_high)})"
    if reference is not None:
        title += f"; {format_percent(reference)} among all participants"
    size = (
        f'width="100%" height="{height}" preserveAspectRatio="none"'
        if fluid
        else f'width="{width}" height="{height}"'
    )
    parts = [
        f'<svg class="bar" viewBox="0 0 {width} {height}" {size} '
        f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
        f'<rect x="0" y="3" width="{width}" height="8" rx="4" fill="#e6eaf0"/>'
        f'<rect x="0" y="3" width="{_f(width * share)}" height="8" rx="4" fill="{colour}"/>'
    ]
    if ci_low is not None and ci_high is not None:
        x1, x2 = width * min(max(ci_low, 0.0), 1.0), width * min(max(ci_high, 0.0), 1.0)
        parts.append(
            f'<line x1="{_f(x1)}" x2="{_f(x2)}" y1="7" y2="7" stroke="#111827" stroke-width="1.2" vector-effect="non-scaling-stroke"/>'
            f'<line x1="{_f(x1)}" x2="{_f(x1)}" y1="4" y2="10" stroke="#111827" stroke-width="1.2" vector-effect="non-scaling-stroke"/>'
            f'<line x1="{_f(x2)}" x2="{_f(x2)}" y1="4" y2="10" stroke="#111827" stroke-width="1.2" vector-effect="non-scaling-stroke"/>'
        )
    if reference is not None:
        x = width * min(max(reference, 0.0), 1.0)
        parts.append(
            f'<line x1="{_f(x)}" x2="{_f(x)}" y1="0" y2="14" stroke="#111827" stroke-width="2" vector-effect="non-scaling-stroke"/>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _wrap(text: str, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap for SVG labels; the last line is truncated if needed."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [" ".join(lines[max_lines - 1 :])]
    return [_truncate(line, width + 2) for line in lines] or [""]


def _mix(share: float) -> str:
    """Sequential blue scale from near-white (0) to dark navy (1)."""
    stops = [(0.0, (244, 247, 251)), (0.5, (122, 166, 216)), (1.0, (30, 58, 138))]
    share = min(max(share, 0.0), 1.0)
    for (p0, c0), (p1, c1) in zip(stops, stops[1:], strict=False):
        if share <= p1:
            t = (share - p0) / (p1 - p0)
            rgb = tuple(round(a + (b - a) * t) for a, b in zip(c0, c1, strict=True))
            return "#{:02x}{:02x}{:02x}".format(*rgb)
    return "#1e3a8a"


def heatmap(rows: Sequence[HeatmapRow], persona_names: Sequence[str]) -> Markup:
    """Theme-by-persona heatmap: the share of each persona's members who mention each theme.

    Args:
        rows: One row per theme (grouped by kind), with the share per persona and overall.
        persona_names: Column headings, in the order of ``HeatmapRow.shares``.

    Example:
        >>> from persona_nlp.report._view import HeatmapRow
        >>> "<svg" in heatmap([HeatmapRow("goal-00", "goal", "run a marathon", 0.5, [1.0, 0.0])], ["A", "B"])
        True
    """
    label_w, cell_w, cell_h, kind_w, line_h = 250, 104, 26, 8, 15
    columns = [*persona_names, "All participants"]
    headers = [_wrap(name, 14, 3) for name in columns]
    head_h = 16 + line_h * max(len(lines) for lines in headers)
    width = kind_w + label_w + cell_w * len(columns) + 4
    height = head_h + cell_h * len(rows) + 4
    parts = [
        f'<svg class="chart heatmap" viewBox="0 0 {width} {height}" width="{width}" '
        f'role="img" aria-label="Share of each persona mentioning each theme">'
    ]
    for j, lines in enumerate(headers):
        x = kind_w + label_w + j * cell_w + cell_w / 2
        weight = ' font-weight="600"' if j < len(persona_names) else ""
        for k, line in enumerate(lines):
            y = head_h - 10 - (len(lines) - 1 - k) * line_h
            parts.append(
                f'<text x="{_f(x)}" y="{y}" text-anchor="middle" class="axis-label"{weight}>'
                f"{escape(line)}</text>"
            )
    for i, row in enumerate(rows):
        y = head_h + i * cell_h
        parts.append(
            f'<rect x="0" y="{y + 2}" width="4" height="{cell_h - 4}" rx="2" '
            f'fill="{KIND_COLOURS.get(row.kind, "#475569")}"/>'
            f'<text x="{kind_w + label_w - 10}" y="{_f(y + cell_h * 0.65)}" text-anchor="end" '
            f'class="axis-label">{escape(_truncate(row.label, 38))}<title>{escape(row.label)}</title></text>'
        )
        values = [*row.shares, row.overall if row.overall is not None else 0.0]
        for j, value in enumerate(values):
            x = kind_w + label_w + j * cell_w
            fill = _mix(value)
            ink = "#ffffff" if value > 0.55 else "#1f2933"
            who = columns[j]
            parts.append(
                f'<rect x="{x + 1}" y="{y + 1}" width="{cell_w - 2}" height="{cell_h - 2}" '
                f'fill="{fill}"><title>{escape(row.label)} · {escape(who)}: '
                f"{format_percent(value)}</title></rect>"
                f'<text x="{_f(x + cell_w / 2)}" y="{_f(y + cell_h * 0.66)}" text-anchor="middle" '
                f'class="cell-label" fill="{ink}">{format_percent(value)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


PROJECTION_CHUNK = 8192
"""Rows centred at a time by :func:`project_2d` (bounded float64 working memory)."""


def project_2d(embeddings: Any) -> Any:
    """Project row vectors to 2-D with PCA, scaled to the unit square.

    The sign of each component is fixed (largest loading positive), so the same input always
    gives the same picture. Memory stays bounded at any size: the covariance is summed in
    float64 over chunks of rows, and a
    :class:`~persona_nlp.embed.SharedRowVectors` is projected once per distinct vector, each
    weighted by how many rows share it (the same PCA as on the full array).

    Args:
        embeddings: ``(n, dim)`` array, or a :class:`~persona_nlp.embed.SharedRowVectors`.

    Returns:
        ``(n, 2)`` float array with values in [0, 1].

    Example:
        >>> import numpy as np
        >>> project_2d(np.eye(4)).shape
        (4, 2)
    """
    import numpy as np

    rows = getattr(embeddings, "rows", None)
    if rows is not None:
        matrix = np.asarray(embeddings.vectors)
        weights = embeddings.counts().astype(np.float64)
    else:
        matrix = np.asarray(embeddings)
        weights = np.ones(matrix.shape[0])
    n = int(weights.sum())
    if n < 2 or matrix.shape[0] < 2:
        return np.full((n, 2), 0.5)
    mean = np.zeros(matrix.shape[1])
    for start in range(0, matrix.shape[0], PROJECTION_CHUNK):
        part = slice(start, start + PROJECTION_CHUNK)
        mean += weights[part] @ np.asarray(matrix[part], dtype=np.float64)
    mean /= n

    def centred(part: slice) -> Any:
        return np.asarray(matrix[part], dtype=np.float64) - mean

    if matrix.shape[1] <= n:
        # Eigenvectors of the (dim x dim) covariance: much faster than an SVD of a tall matrix.
        scatter = np.zeros((matrix.shape[1], matrix.shape[1]))
        for start in range(0, matrix.shape[0], PROJECTION_CHUNK):
            part = slice(start, start + PROJECTION_CHUNK)
            block = centred(part)
            scatter += block.T @ (block * weights[part, None])
        if not np.any(scatter):
            return np.full((n, 2), 0.5)
        values, vectors = np.linalg.eigh(scatter)
        components = vectors[:, np.argsort(values)[::-1][:2]].T.copy()
    else:
        block = centred(slice(None)) * np.sqrt(weights)[:, None]
        if not np.any(block):
            return np.full((n, 2), 0.5)
        _, _, vt = np.linalg.svd(block, full_matrices=False)
        components = vt[:2]
    if components.shape[0] < 2:
        components = np.vstack([components, np.zeros_like(components[0])])
    for row in components:
        if row[np.argmax(np.abs(row))] < 0:
            row *= -1
    points = np.concatenate(
        [
            centred(slice(start, start + PROJECTION_CHUNK)) @ components.T
            for start in range(0, matrix.shape[0], PROJECTION_CHUNK)
        ]
    )
    if rows is not None:
        points = points[rows]
    low, high = points.min(axis=0), points.max(axis=0)
    span = np.where(high - low > 1e-12, high - low, 1.0)
    return (points - low) / span


@dataclass(frozen=True)
class MapLegendItem:
    """One entry of a statement map's legend (``hollow`` marks statements without a theme)."""

    colour: str
    label: str
    count: int
    hollow: bool = False


def statement_map(
    points: Any,
    labels: Sequence[str | None],
    texts: Sequence[str],
    theme_order: Sequence[tuple[str, str]],
    *,
    focus: Sequence[bool] | None = None,
    title: str = "Map of statements coloured by theme",
) -> tuple[Markup, list[MapLegendItem], int]:
    """Scatter plot of statements in 2-D, coloured by theme, with the text as a tooltip.

    Args:
        points: ``(n, 2)`` coordinates in [0, 1] (see :func:`project_2d`).
        labels: Theme id per point (``None`` for unthemed statements).
        texts: Tooltip text per point.
        theme_order: ``(theme_id, label)`` of the themes to colour, largest first; the first
            ``len(THEME_PALETTE)`` get their own colour, the rest share one.
        focus: Which points this map is about; the others are drawn as small pale context dots
            (so every panel of a small-multiple shares one layout). All points by default.
        title: Accessible name of the chart.

    Returns:
        The SVG, its legend and the number of focus points drawn.

    Example:
        >>> import numpy as np
        >>> svg, legend, drawn = statement_map(np.array([[0, 0], [1, 1]]), ["t1", None], ["a", "b"], [("t1", "T1")])
        >>> drawn, legend[0].label, legend[1].hollow
        (2, 'T1', True)
    """
    width, height, pad = 540, 340, 14
    n = len(texts)
    focus = [True] * n if focus is None else list(focus)
    step = max(1, -(-n // MAX_MAP_POINTS))
    colours = {
        theme_id: THEME_PALETTE[i]
        for i, (theme_id, _) in enumerate(theme_order[: len(THEME_PALETTE)])
    }
    names = dict(theme_order)
    counts: dict[str, int] = {}
    context: list[str] = []
    unthemed: list[str] = []
    themed: list[str] = []
    for i in range(0, n, step):
        x = _f(pad + float(points[i][0]) * (width - 2 * pad))
        y = _f(pad + (1.0 - float(points[i][1])) * (height - 2 * pad))
        if not focus[i]:
            context.append(f'<circle cx="{x}" cy="{y}" r="2"/>')
            continue
        theme_id = labels[i]
        tip = escape(_truncate(texts[i], 180))
        if theme_id is None:
            counts["__unthemed"] = counts.get("__unthemed", 0) + 1
            unthemed.append(
                f'<circle class="pt" cx="{x}" cy="{y}" r="3.6"><title>no theme: {tip}</title></circle>'
            )
            continue
        key = theme_id if theme_id in colours else "__other"
        colour = colours.get(theme_id, OTHER_THEMES_COLOUR)
        counts[key] = counts.get(key, 0) + 1
        themed.append(
            f'<circle class="pt" cx="{x}" cy="{y}" r="4.2" fill="{colour}">'
            f"<title>{escape(names.get(theme_id, theme_id))}: {tip}</title></circle>"
        )
    svg = (
        f'<svg class="chart statement-map" viewBox="0 0 {width} {height}" width="{width}" '
        f'role="img" aria-label="{escape(title)}">'
        f'<rect x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" rx="6" fill="#fbfcfd" '
        f'stroke="#e3e8ee"/><g class="context" fill="#e3e8ee">{"".join(context)}</g>'
        f'<g class="unthemed" fill="none" stroke="#7b8794" stroke-width="1.1">{"".join(unthemed)}</g>'
        f'<g class="themed" stroke="#ffffff" stroke-width="0.6">{"".join(themed)}</g></svg>'
    )
    legend = [
        MapLegendItem(colours[theme_id], label, counts[theme_id])
        for theme_id, label in theme_order
        if theme_id in colours and theme_id in counts
    ]
    if "__other" in counts:
        legend.append(MapLegendItem(OTHER_THEMES_COLOUR, "other themes", counts["__other"]))
    if "__unthemed" in counts:
        legend.append(MapLegendItem("#7b8794", "no theme", counts["__unthemed"], hollow=True))
    return Markup(svg), legend, sum(counts.values())
