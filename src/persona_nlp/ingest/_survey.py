"""From table rows to a survey Document: columns, answers, respondents, skipped cells, language.

Rows are consumed one at a time: only the first :data:`~._columns.SAMPLE_ROWS` are held to
decide the columns, so a 50,000-row export never sits in memory twice.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..config import IngestConfig
from ..errors import InputError
from ..schema import Document, Participant, Skipped, Turn
from ._columns import (
    SAMPLE_ROWS,
    detect_id_column,
    detect_text_columns,
    find_column,
    is_non_answer,
    question_columns_left_out,
)
from ._common import ReadResult, clean_text, report
from ._survey_language import survey_languages

RowItem = tuple[int, "dict[str, str] | InputError"]
"""(1-based row or line number, the row's cells by header — or the error that row raised)."""

MAX_ROWS_LISTED = 10
"""Rows named in an aggregated skipped-cells message."""


@dataclass
class Table:
    """A table to read: its headers (may grow for JSON) and a stream of rows."""

    headers: list[str]
    rows: Iterator[RowItem]
    sheet: str | None = None
    extra: dict[str, object] = field(default_factory=dict)


def cells_message(count: int, reason: str, column: str, rows: list[int]) -> str:
    """The message of an aggregated skipped-cells entry; it starts with the exact count.

    Example:
        >>> cells_message(3, "blank", "q1", [2, 5, 9])
        "3 blank answers in column 'q1' (rows 2, 5, 9)"
    """
    what = "blank answers" if reason == "blank" else "non-answers (n/a, -, nothing ...)"
    if count == 1:
        what = "blank answer" if reason == "blank" else "non-answer (n/a, -, nothing ...)"
    listed = ", ".join(str(r) for r in rows[:MAX_ROWS_LISTED])
    more = ", …" if count > MAX_ROWS_LISTED else ""
    return f"{count} {what} in column {column!r} (rows {listed}{more})"


SUBHEADER_VALUES = frozenset(
    {
        "response",
        "open-ended response",
        "other (please specify)",
        "open ended response",
        "responses",
    }
)
"""Cells of SurveyMonkey's second header row."""


def _is_import_row(row: dict[str, str]) -> bool:
    values = [v.strip() for v in row.values() if v.strip()]
    return bool(values) and sum(v.startswith('{"ImportId"') for v in values) >= 0.5 * len(values)


def _strip_subheaders(items: list[RowItem]) -> tuple[list[RowItem], dict[str, str]]:
    """Drop the extra header rows of survey tools; return the question texts they carry.

    Qualtrics exports have two more header rows: the question texts, then ``{"ImportId": ...}``
    cells. SurveyMonkey exports have a second row of ``Response``/``Open-Ended Response``.
    """
    rows = [row for _, row in items[:3]]
    if (
        len(rows) >= 2
        and isinstance(rows[0], dict)
        and isinstance(rows[1], dict)
        and _is_import_row(rows[1])
    ):
        questions = {
            column: clean_text(text) for column, text in rows[0].items() if clean_text(text)
        }
        return items[2:], questions
    if rows and isinstance(rows[0], dict) and _is_import_row(rows[0]):
        return items[1:], {}
    if rows and isinstance(rows[0], dict):
        values = {v.strip().casefold() for v in rows[0].values() if v.strip()}
        if values and values <= SUBHEADER_VALUES:
            return items[1:], {}
    return items, {}


def _resolve_columns(
    table: Table, sample: list[dict[str, str]], display: str, config: IngestConfig
) -> tuple[str | None, list[str]]:
    headers = table.headers
    listed = ", ".join(repr(h) for h in headers[:30])
    id_column: str | None = None
    if config.id_column:
        id_column = find_column(config.id_column, headers)
        if id_column is None:
            raise InputError(
                f"no column {config.id_column!r} (columns: {listed})",
                path=display,
                fix="--id-column NAME with one of the columns listed",
                reason="missing_column",
            )
    else:
        id_column = detect_id_column(headers, sample)
    if config.text_columns:
        text_columns = []
        for name in config.text_columns:
            found = find_column(name, headers)
            if found is not None:
                text_columns.append(found)
        if not text_columns:
            raise InputError(
                f"none of the text columns {config.text_columns} is in this table (columns: {listed})",
                path=display,
                fix="--text-column NAME with one of the columns listed",
                reason="missing_column",
            )
    else:
        text_columns = detect_text_columns(headers, sample, exclude=id_column)
        if not text_columns:
            raise InputError(
                f"no free-text column found (columns: {listed})",
                path=display,
                fix="name the open-answer columns with --text-column NAME",
                reason="no_text_column",
            )
    return id_column, text_columns


class _ValuePool:
    """One string object per repeated metadata value ("Denmark", "loyalty member", "35-44").

    A survey of 350,000 respondents repeats a few values per column; sharing them saves a
    string per cell. A column stops being pooled after :attr:`limit` distinct values (ids,
    timestamps), so the pool stays small.
    """

    limit = 1000

    def __init__(self) -> None:
        self._columns: dict[str, dict[str, str]] = {}

    def __call__(self, column: str, value: str) -> str:
        """``value``, or the equal string seen before in ``column``."""
        pool = self._columns.setdefault(column, {})
        found = pool.get(value)
        if found is not None:
            return found
        if len(pool) < self.limit:
            pool[value] = value
        return value


def build_survey(
    table: Table, *, doc_id: str, display: str, fmt: str, config: IngestConfig
) -> ReadResult:
    """Read a table into one survey Document: one turn per non-empty answer cell.

    Raises:
        InputError: No header, missing or undetectable columns, no answers at all; in strict
            mode also a duplicate respondent id or a malformed row.
    """
    result = ReadResult()
    sample_items = list(itertools.islice(table.rows, SAMPLE_ROWS))
    sample_items, header_questions = _strip_subheaders(sample_items)
    sample = [row for _, row in sample_items if isinstance(row, dict)]
    if not table.headers and any(
        isinstance(row, InputError) and row.reason == "not_object" for _, row in sample_items
    ):
        raise InputError(
            "no answers: no line or item is a JSON object",
            path=display,
            fix='give one object per answer, e.g. {"id": "R1", "q1": "..."}',
            reason="not_object",
        )
    if not table.headers:
        raise InputError(
            "no header row found",
            path=display,
            fix="put the column names in the first row",
            reason="empty",
        )
    if not sample and not any(isinstance(row, InputError) for _, row in sample_items):
        raise InputError(
            "no data rows under the header",
            path=display,
            fix="export the answers too",
            reason="empty",
        )
    id_column, text_columns = (
        _resolve_columns(table, sample, display, config) if sample else (None, [])
    )
    if sample and not config.text_columns:
        for stats in question_columns_left_out(table.headers, sample, [id_column, *text_columns]):
            result.skipped.append(
                Skipped(
                    path=display,
                    item="column",
                    column=stats.name,
                    reason="kept_as_metadata",
                    message=(
                        f"column {stats.name!r} not analysed: its answers look like choices "
                        f"({stats.distinct} distinct in {stats.filled}); kept as participant "
                        f"metadata. Analyse it with --text-column {stats.name!r}"
                    ),
                    count=stats.filled,
                )
            )
    questions = {column: text for column, text in header_questions.items() if text != column}
    for name, question in config.questions.items():
        found = find_column(name, table.headers)
        if found is not None:
            questions[found] = question
    text_set = set(text_columns)
    turns: list[Turn] = []
    participants: list[Participant] = []
    seen: dict[str, int] = {}
    skipped_rows: dict[tuple[str, str], list[int]] = {}
    counts: Counter[tuple[str, str]] = Counter()
    shared = _ValuePool()
    for number, row in itertools.chain(sample_items, table.rows):
        if isinstance(row, InputError):
            report(result, config, row, item="row")
            continue
        if not "".join(row.values()).strip():
            continue  # an empty row (trailing rows of spreadsheets)
        respondent = clean_text(row.get(id_column, "")) if id_column else ""
        if not respondent:
            respondent = f"{doc_id}#{number}"
        if respondent in seen:
            report(
                result,
                config,
                InputError(
                    f"duplicate respondent id {respondent!r} (first in row {seen[respondent]}); row skipped",
                    path=display,
                    line=number,
                    fix="make the ids unique, or pick another column with --id-column NAME",
                    reason="duplicate_id",
                ),
                item="row",
            )
            continue
        seen[respondent] = number
        answered = len(turns)
        for column in text_columns:
            value = row.get(column, "")
            text = clean_text(value)
            if not text:
                reason = "blank"
            elif is_non_answer(text):
                reason = "non_answer"
            else:
                turns.append(
                    Turn(
                        index=len(turns),
                        speaker=respondent,
                        role="respondent",
                        participant_id=respondent,
                        text=text,
                        line=number,
                        column=column,
                        question=questions.get(column, column),
                    )
                )
                continue
            counts[(column, reason)] += 1
            listed = skipped_rows.setdefault((column, reason), [])
            if len(listed) < MAX_ROWS_LISTED:
                listed.append(number)
        if len(turns) == answered:
            continue  # no answer at all: nothing of theirs to analyse
        metadata = {
            key: shared(key, clean)
            for key, value in row.items()
            if key != id_column and key not in text_set and (clean := clean_text(value))
        }
        participants.append(Participant(id=respondent, document_ids=[doc_id], metadata=metadata))
    for (column, reason), count in sorted(counts.items()):
        rows = skipped_rows[(column, reason)]
        result.skipped.append(
            Skipped(
                path=display,
                item="cell",
                line=rows[0],
                column=column,
                reason=reason,
                message=cells_message(count, reason, column, rows),
                count=count,
            )
        )
    if not turns:
        total = sum(counts.values())
        error = InputError(
            f"no answers: all {total} cells of the open-text columns {text_columns} are blank or non-answers",
            path=display,
            fix="check the columns with --text-column NAME",
            reason="no_answers",
        )
        report(result, config, error, item="file")
        return result
    language = survey_languages(turns, config)
    result.documents.append(
        Document(
            id=doc_id,
            path=display,
            kind="survey",
            language=language,
            format=fmt,
            title=table.sheet,
            metadata={"sheet": table.sheet} if table.sheet else {},
            turns=turns,
        )
    )
    result.participants.extend(participants)
    return result
