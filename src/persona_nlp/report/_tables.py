"""Flat tables of an analysis: ``statements.csv``, ``themes.csv``, ``uncoded.csv``, DataFrames.

The CSV files are meant for spreadsheets: UTF-8 with a byte-order mark (so Excel shows Danish
and Vietnamese text correctly) and cells that a spreadsheet would run as a formula (starting
with ``=``, ``+``, ``-`` or ``@``) are prefixed with ``'``. ``analysis.json`` and
:func:`to_pandas` keep every text exactly as said.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import DependencyError
from ..schema import Analysis
from ._format import format_timestamp
from ._view import SourceIndex

STATEMENT_COLUMNS = (
    "statement_id",
    "document_id",
    "participant_id",
    "speaker",
    "turn_index",
    "start_char",
    "end_char",
    "timestamp",
    "timestamp_hms",
    "language",
    "kind",
    "confidence",
    "theme_id",
    "theme_label",
    "codebook_similarity",
    "text",
)
"""Columns of ``statements.csv`` (and of ``to_pandas(...)["statements"]``)."""

THEME_COLUMNS = (
    "theme_id",
    "kind",
    "label",
    "origin",
    "keywords",
    "statements",
    "participants",
    "total_participants",
    "share",
    "ci_low",
    "ci_high",
    "quote_1",
    "quote_1_source",
    "quote_2",
    "quote_2_source",
    "quote_3",
    "quote_3_source",
)
"""Columns of ``themes.csv`` (and of ``to_pandas(...)["themes"]``)."""

UNCODED_COLUMNS = (
    "document_id",
    "participant_id",
    "turn_index",
    "line",
    "question",
    "language",
    "reason",
    "kind",
    "confidence",
    "text",
)
"""Columns of ``uncoded.csv`` (and of ``to_pandas(...)["uncoded"]``): the respondent turns
that gave no statement, with why; ``question`` is a survey answer's column or question."""

PERSONA_COLUMNS = ("persona_id", "name", "size", "share", "summary", "participant_ids", "theme_ids")
PARTICIPANT_COLUMNS = ("participant_id", "persona_id", "confidence", "documents", "statements")
SKIPPED_COLUMNS = ("path", "item", "line", "column", "reason", "message")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _spreadsheet_safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def statement_rows(analysis: Analysis) -> list[dict[str, Any]]:
    """One row per statement, in analysis order.

    Example:
        >>> from persona_nlp.schema import Analysis, Manifest
        >>> statement_rows(Analysis(manifest=Manifest(package_version="0")))
        []
    """
    return list(_statement_rows(analysis))


def _statement_rows(analysis: Analysis) -> Iterator[dict[str, Any]]:
    # one row at a time: a list of a million answers' rows held about 1 GB while the CSV was written
    labels = {t.id: t.label for t in analysis.themes}
    return (
        {
            "statement_id": s.id,
            "document_id": s.document_id,
            "participant_id": s.participant_id,
            "speaker": s.speaker,
            "turn_index": s.turn_index,
            "start_char": s.start_char,
            "end_char": s.end_char,
            "timestamp": s.timestamp,
            "timestamp_hms": format_timestamp(s.timestamp),
            "language": s.language,
            "kind": s.kind,
            "confidence": round(s.confidence, 4),
            "theme_id": s.theme_id,
            "theme_label": labels.get(s.theme_id) if s.theme_id else None,
            "codebook_similarity": s.codebook_similarity,
            "text": s.text,
        }
        for s in analysis.statements
    )


def theme_rows(analysis: Analysis) -> list[dict[str, Any]]:
    """One row per theme, with prevalence and up to three quotes."""
    index = SourceIndex(analysis)
    rows = []
    for theme in analysis.themes:
        prevalence = theme.prevalence
        row: dict[str, Any] = {
            "theme_id": theme.id,
            "kind": theme.kind,
            "label": theme.label,
            "origin": theme.origin,
            "keywords": "; ".join(theme.keywords),
            "statements": len(theme.statement_ids),
            "participants": prevalence.participants if prevalence else len(theme.participant_ids),
            "total_participants": prevalence.total if prevalence else None,
            "share": round(prevalence.share, 4) if prevalence else None,
            "ci_low": round(prevalence.ci_low, 4) if prevalence else None,
            "ci_high": round(prevalence.ci_high, 4) if prevalence else None,
        }
        for i in range(3):
            quote = theme.quotes[i] if i < len(theme.quotes) else None
            row[f"quote_{i + 1}"] = quote.text if quote else None
            row[f"quote_{i + 1}_source"] = index.quote(quote).source if quote else None
        rows.append(row)
    return rows


def uncoded_rows(analysis: Analysis) -> list[dict[str, Any]]:
    """One row per uncoded respondent turn, in analysis order.

    Example:
        >>> from persona_nlp.schema import Analysis, Manifest, Uncoded
        >>> analysis = Analysis(manifest=Manifest(package_version="0"), uncoded=[Uncoded(
        ...     document_id="s", turn_index=0, participant_id="r1", text="n/a", reason="non_answer")])
        >>> [(row["participant_id"], row["reason"]) for row in uncoded_rows(analysis)]
        [('r1', 'non_answer')]
    """
    return list(_uncoded_rows(analysis))


def _uncoded_rows(analysis: Analysis) -> Iterator[dict[str, Any]]:
    documents = {d.id: d for d in analysis.documents}
    for entry in analysis.uncoded:
        document = documents.get(entry.document_id)
        turn = (
            document.turns[entry.turn_index]
            if document is not None and 0 <= entry.turn_index < len(document.turns)
            else None
        )
        yield {
            "document_id": entry.document_id,
            "participant_id": entry.participant_id,
            "turn_index": entry.turn_index,
            "line": entry.line,
            "question": (turn.column or turn.question) if turn is not None else None,
            "language": entry.language,
            "reason": entry.reason,
            "kind": entry.kind,
            "confidence": entry.confidence,
            "text": entry.text,
        }


def _persona_rows(analysis: Analysis) -> list[dict[str, Any]]:
    return [
        {
            "persona_id": p.id,
            "name": p.name,
            "size": p.size,
            "share": round(p.share, 4),
            "summary": p.summary,
            "participant_ids": "; ".join(p.participant_ids),
            "theme_ids": "; ".join(t.theme_id for t in p.themes),
        }
        for p in analysis.personas
    ]


def _participant_rows(analysis: Analysis) -> list[dict[str, Any]]:
    persona_of: dict[str, tuple[str, float | None]] = {}
    for persona in analysis.personas:
        confidence = {m.participant_id: m.confidence for m in persona.members}
        for participant_id in persona.participant_ids:
            persona_of[participant_id] = (persona.id, confidence.get(participant_id))
    statements: dict[str, int] = {}
    for statement in analysis.statements:
        statements[statement.participant_id] = statements.get(statement.participant_id, 0) + 1
    ids = [p.id for p in analysis.participants] or sorted(statements)
    documents = {p.id: p.document_ids for p in analysis.participants}
    return [
        {
            "participant_id": participant_id,
            "persona_id": persona_of.get(participant_id, (None, None))[0],
            "confidence": persona_of.get(participant_id, (None, None))[1],
            "documents": "; ".join(documents.get(participant_id, [])),
            "statements": statements.get(participant_id, 0),
        }
        for participant_id in ids
    ]


def _write_csv(path: Path, columns: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: _spreadsheet_safe(row[key]) for key in columns})
    return path


def write_statements_csv(analysis: Analysis, path: str | Path) -> Path:
    """Write ``statements.csv`` (columns: :data:`STATEMENT_COLUMNS`).

    Example:
        >>> write_statements_csv(analysis, "out/statements.csv")  # doctest: +SKIP
    """
    return _write_csv(Path(path), STATEMENT_COLUMNS, _statement_rows(analysis))


def write_themes_csv(analysis: Analysis, path: str | Path) -> Path:
    """Write ``themes.csv`` (columns: :data:`THEME_COLUMNS`).

    Example:
        >>> write_themes_csv(analysis, "out/themes.csv")  # doctest: +SKIP
    """
    return _write_csv(Path(path), THEME_COLUMNS, theme_rows(analysis))


def write_uncoded_csv(analysis: Analysis, path: str | Path) -> Path:
    """Write ``uncoded.csv`` (columns: :data:`UNCODED_COLUMNS`).

    Example:
        >>> write_uncoded_csv(analysis, "out/uncoded.csv")  # doctest: +SKIP
    """
    return _write_csv(Path(path), UNCODED_COLUMNS, _uncoded_rows(analysis))


def to_pandas(analysis: Analysis) -> dict[str, Any]:
    """The analysis as pandas DataFrames (needs ``pandas``).

    Returns:
        ``{"statements", "themes", "uncoded", "personas", "participants", "skipped"}``
        DataFrames; the first three have the columns of ``statements.csv``, ``themes.csv``
        and ``uncoded.csv``, with exact text.

    Raises:
        DependencyError: pandas is not installed (``pip install pandas``).

    Example:
        >>> frames = to_pandas(analysis)  # doctest: +SKIP
        >>> frames["themes"].sort_values("share", ascending=False).head()  # doctest: +SKIP
    """
    try:
        import pandas as pd
    except ImportError as error:
        raise DependencyError("pandas", purpose="Analysis.to_pandas") from error

    def frame(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> Any:
        return pd.DataFrame(rows, columns=list(columns))

    skipped = [s.model_dump() for s in analysis.skipped]
    return {
        "statements": frame(STATEMENT_COLUMNS, statement_rows(analysis)),
        "themes": frame(THEME_COLUMNS, theme_rows(analysis)),
        "uncoded": frame(UNCODED_COLUMNS, uncoded_rows(analysis)),
        "personas": frame(PERSONA_COLUMNS, _persona_rows(analysis)),
        "participants": frame(PARTICIPANT_COLUMNS, _participant_rows(analysis)),
        "skipped": frame(SKIPPED_COLUMNS, [{k: s[k] for k in SKIPPED_COLUMNS} for s in skipped]),
    }
