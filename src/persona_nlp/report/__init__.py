"""Reports: ``analysis.json``, CSV tables, ``report.md`` and ``report.html``.

Stage folder ``report/`` (after ``redact``): this module writes the files; the view model
(``_view``), SVG charts (``_svg``), CSV tables (``_tables``) and the streaming JSON writer
(:mod:`.json_stream`, behind :meth:`~persona_nlp.schema.Analysis.write_json`).

The HTML report is one self-contained file (inline CSS and SVG charts, no JavaScript, no CDN,
no web fonts) that works offline and prints cleanly. All user text is escaped (Jinja2
autoescape in HTML, Markdown escaping in ``report.md``). Output is deterministic: the same
analysis (and embeddings) always give byte-identical files.

Example:
    >>> from persona_nlp.report import write_reports
    >>> paths = write_reports(analysis, "out/", embeddings=run.statement_vectors)  # doctest: +SKIP
    >>> [p.name for p in paths]  # doctest: +SKIP
    ['analysis.json', 'statements.csv', 'themes.csv', 'uncoded.csv', 'report.md', 'report.html']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..schema import STATEMENT_KINDS, Analysis
from ._changes import build_changes_view, prevalence_panels
from ._format import KIND_LABELS, format_percent, language_name, plural
from ._svg import KIND_COLOURS, heatmap, kind_bars, prevalence_bar, project_2d, statement_map
from ._tables import (
    STATEMENT_COLUMNS,
    THEME_COLUMNS,
    UNCODED_COLUMNS,
    to_pandas,
    write_statements_csv,
    write_themes_csv,
    write_uncoded_csv,
)
from ._view import ReportView, build_view, participant_languages

FORMATS: tuple[str, ...] = ("json", "csv", "md", "html")
"""Report formats, in the order they are written."""

MAX_SKIPPED_ROWS = 200
"""Skipped items listed in the reports (all of them are in ``analysis.json``)."""

TITLE = "Personas"
"""Default heading of the Markdown and HTML reports."""

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def _md(value: Any) -> str:
    """Escape text for inline Markdown (one line; table-safe)."""
    text = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", text)


def _initials(name: str) -> str:
    words = [w for w in re.split(r"\s+", name.strip()) if w[:1].isalpha()]
    return "".join(w[0].upper() for w in words[:2]) or "?"


@lru_cache(maxsize=2)
def _environment(kind: str) -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    if kind == "html":
        env = Environment(
            loader=PackageLoader("persona_nlp.report", "templates"),
            autoescape=True,
            undefined=StrictUndefined,
        )
    else:
        env = Environment(
            loader=PackageLoader("persona_nlp.report", "templates"),
            autoescape=False,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        env.filters["md"] = _md
    env.globals.update(pct=format_percent, initials=_initials)
    return env


def _lede(view: ReportView) -> str:
    analysis = view.analysis
    participants = int(view.overview[0][1].replace(",", ""))
    parts = [
        plural(participants, "participant", f"{participants:,}"),
        plural(len(analysis.documents), "document", f"{len(analysis.documents):,}")
        + " in "
        + plural(len(view.languages), "language"),
        plural(len(analysis.statements), "statement", f"{len(analysis.statements):,}"),
        plural(len(analysis.themes), "theme"),
        plural(len(analysis.personas), "persona"),
    ]
    return " · ".join(parts)


def _common_context(analysis: Analysis, title: str) -> dict[str, Any]:
    view = build_view(analysis)
    return {
        "a": analysis,
        "v": view,
        "title": title,
        "lede": _lede(view),
        "skipped_rows": analysis.skipped[:MAX_SKIPPED_ROWS],
        "skipped_more": max(len(analysis.skipped) - MAX_SKIPPED_ROWS, 0),
        "language_name": language_name,
        "changes": build_changes_view(analysis),
    }


def to_markdown(analysis: Analysis, *, title: str = TITLE) -> str:
    """Render the Markdown report: the HTML report's content without the charts.

    Args:
        analysis: The analysis to report.
        title: The report's heading.

    Example:
        >>> from persona_nlp.schema import Analysis, Manifest
        >>> to_markdown(Analysis(manifest=Manifest(package_version="0"))).splitlines()[0]
        '# Personas'
    """
    context = _common_context(analysis, title)
    text = _environment("md").get_template("report.md.j2").render(**context)
    # Collapse the blank lines that template control blocks leave behind.
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _map_context(analysis: Analysis, embeddings: Any) -> dict[str, Any]:
    """One statement-map panel per kind, all sharing one PCA layout."""
    context: dict[str, Any] = {"map_panels": [], "map_reason": ""}
    n = len(analysis.statements)
    if embeddings is None:
        context["map_reason"] = (
            "No statement embeddings were given to the report, so there is no map. "
            "`persona-nlp analyze` draws it; in Python pass `embeddings=run.statement_vectors` "
            "(from `run_pipeline`) to `write_reports` or `to_html`."
        )
        return context
    shape = getattr(embeddings, "shape", None)
    rows = shape[0] if shape else len(embeddings)
    if rows != n:
        context["map_reason"] = (
            f"The embeddings given have {rows} rows but the analysis has {n} statements, "
            "so the map was left out."
        )
        return context
    if n < 3:
        context["map_reason"] = "Too few statements to draw a map."
        return context
    points = project_2d(embeddings)
    labels = [s.theme_id for s in analysis.statements]
    texts = [s.text for s in analysis.statements]
    sizes = {t.id: len(t.statement_ids) for t in analysis.themes}
    panels = []
    for kind in STATEMENT_KINDS:
        focus = [s.kind == kind for s in analysis.statements]
        total = sum(focus)
        if not total:
            continue
        order = sorted(
            (t for t in analysis.themes if t.kind == kind), key=lambda t: (-sizes[t.id], t.id)
        )
        heading = KIND_LABELS[kind]
        svg, legend, drawn = statement_map(
            points,
            labels,
            texts,
            [(t.id, t.label) for t in order],
            focus=focus,
            title=f"Map of {heading.lower()} statements coloured by theme",
        )
        panels.append(
            {
                "kind": kind,
                "heading": heading,
                "svg": svg,
                "legend": legend,
                "drawn": drawn,
                "total": total,
            }
        )
    context["map_panels"] = panels
    return context


def to_html(analysis: Analysis, embeddings: Any = None, *, title: str = TITLE) -> str:
    """Render the self-contained HTML report.

    Args:
        analysis: The analysis to report.
        embeddings: Optional ``(len(analysis.statements), dim)`` statement embeddings, row-aligned
            with ``analysis.statements`` (an array, or ``run.statement_vectors`` from
            :func:`~persona_nlp.pipeline.run_pipeline`, which holds each distinct text's vector
            once); they place the statements on the 2-D map (PCA). Without them the map section
            says why it is empty.
        title: The report's heading and page title.

    Example:
        >>> from persona_nlp.schema import Analysis, Manifest
        >>> to_html(Analysis(manifest=Manifest(package_version="0"))).startswith("<!DOCTYPE html>")
        True
    """
    context = _common_context(analysis, title)
    view: ReportView = context["v"]
    context.update(_map_context(analysis, embeddings))
    css = (Path(__file__).parent / "templates" / "report.css").read_text(encoding="utf-8")
    context.update(
        css=css,
        kind_colours=KIND_COLOURS,
        bar=prevalence_bar,
        kind_chart=kind_bars(view.kind_counts),
        heatmap_chart=heatmap(view.heatmap, [p.persona.name for p in view.personas])
        if view.heatmap
        else None,
        heatmap_limited=len(view.heatmap) < len(analysis.themes),
        changes_chart=prevalence_panels(analysis.changes),
    )
    return _environment("html").get_template("report.html.j2").render(**context)


def write_reports(
    analysis: Analysis,
    out_dir: str | Path,
    formats: Sequence[str] = FORMATS,
    *,
    embeddings: Any = None,
    title: str = TITLE,
) -> list[Path]:
    """Write the chosen outputs into ``out_dir`` (created if missing).

    ``json`` writes ``analysis.json``; ``csv`` writes ``statements.csv``, ``themes.csv`` and
    ``uncoded.csv`` (the respondent turns that gave no statement); ``md`` writes ``report.md``;
    ``html`` writes ``report.html``.

    Args:
        analysis: The analysis to write.
        out_dir: Output folder.
        formats: Any of ``json``, ``csv``, ``md``, ``html``.
        embeddings: Optional statement embeddings for the HTML report's map (see :func:`to_html`).
        title: Heading of the Markdown and HTML reports (e.g. the study's name).

    Returns:
        The paths written, in the order above.

    Raises:
        ConfigError: An unknown format was asked for.

    Example:
        >>> write_reports(analysis, "out/", formats=["json", "html"])  # doctest: +SKIP
        [PosixPath('out/analysis.json'), PosixPath('out/report.html')]
    """
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        raise ConfigError(
            f"unknown report format(s) {', '.join(map(repr, unknown))} "
            f"(fix: use any of {', '.join(FORMATS)})"
        )
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if "json" in formats:
        path = out / "analysis.json"
        analysis.write_json(path)
        written.append(path)
    if "csv" in formats:
        written.append(write_statements_csv(analysis, out / "statements.csv"))
        written.append(write_themes_csv(analysis, out / "themes.csv"))
        written.append(write_uncoded_csv(analysis, out / "uncoded.csv"))
    if "md" in formats:
        path = out / "report.md"
        path.write_text(to_markdown(analysis, title=title), encoding="utf-8")
        written.append(path)
    if "html" in formats:
        path = out / "report.html"
        path.write_text(to_html(analysis, embeddings, title=title), encoding="utf-8")
        written.append(path)
    return written


__all__ = [
    "FORMATS",
    "STATEMENT_COLUMNS",
    "THEME_COLUMNS",
    "UNCODED_COLUMNS",
    "participant_languages",
    "to_html",
    "to_markdown",
    "to_pandas",
    "write_reports",
    "write_statements_csv",
    "write_themes_csv",
    "write_uncoded_csv",
]
