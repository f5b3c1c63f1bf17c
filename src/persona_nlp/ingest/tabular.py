"""Survey exports: ``.csv``/``.tsv``, ``.xlsx``, ``.json`` and ``.jsonl`` — one row per respondent.

::

    ResponseId;Segment;Age band;What almost stopped you from buying?
    R001;New customer;25-34;The shipping cost was a surprise at checkout.
    R002;Returning;35-44;n/a

* CSV/TSV: encoding (UTF-8, UTF-8 with BOM, UTF-16, cp1252) and delimiter (``,`` ``;`` tab
  ``|``) are detected; rows are streamed.
* XLSX: every sheet with data is read (or only ``IngestConfig.sheet``); with several sheets the
  document ids are ``stem/sheet``. Rows are streamed (openpyxl read-only mode).
* JSON: a list of objects, or an object holding one (``{"responses": [...]}``); nested objects
  are flattened one level (``answers.q1``). JSONL: one object per line, streamed.

The respondent-id column, the open-text columns and the other (metadata) columns are found as
described in :mod:`persona_nlp.ingest._columns`; see :func:`~._survey.build_survey` for what
becomes a turn. ``Turn.line`` is the row's line in the file (CSV, JSONL), its sheet row (XLSX,
header = row 1) or its 1-based position in the JSON list.

Example:
    >>> result = read(Path("tests/data/ingest/survey_da.csv"), "survey_da.csv", "survey_da", IngestConfig())  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..config import IngestConfig
from ..errors import InputError
from ._common import ReadResult, skipped_from
from ._decode import decode_bytes, open_text_stream, read_bytes
from ._survey import RowItem, Table, build_survey

logger = logging.getLogger(__name__)

DELIMITERS = (",", ";", "\t", "|")
"""Delimiters considered for CSV files."""

MAX_BAD_ROWS_IN_A_ROW = 100
"""After this many consecutive unparsable rows the file is given up as not a table."""


def _header_names(cells: list[str]) -> list[str]:
    names: list[str] = []
    for position, cell in enumerate(cells, 1):
        name = " ".join(cell.split()) or f"column_{position}"
        base, suffix = name, 2
        while name in names:
            name = f"{base}_{suffix}"
            suffix += 1
        names.append(name)
    return names


def sniff_delimiter(sample: str) -> str:
    """The delimiter whose split of the first lines is most consistent (``,`` if none splits).

    Example:
        >>> sniff_delimiter("id;comment\\n1;Good, but slow\\n2;Fine\\n")
        ';'
    """
    lines = sample.split("\n")[:30]
    if len(lines) > 1 and sample and not sample.endswith("\n"):
        lines = lines[:-1]  # the sample may end mid-line
    best, best_score = ",", (-1.0, 0)
    for delimiter in DELIMITERS:
        try:
            rows = [row for row in csv.reader(lines, delimiter=delimiter) if row]
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        consistency = sum(1 for row in rows if len(row) == width) / len(rows)
        score = (consistency, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


class _LineFeed:
    """The physical lines handed to ``csv.reader``, kept until the row they form is read."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self.taken: list[str] = []
        self.pending: list[str] = []  # lines to hand out again (after a runaway quote)

    def __iter__(self) -> _LineFeed:
        return self

    def __next__(self) -> str:
        if self.pending:
            line = self.pending.pop(0)
        else:
            line = next(self._lines)
        self.taken.append(line)
        return line


def _bad_quoting(raw: str, delimiter: str) -> bool:
    """Whether a row's raw text misuses quotes: a quoted cell never closed, or closed and then
    followed by more text in the same cell (``"abc"def``), the marks of a stray quote."""
    try:
        for _ in csv.reader(io.StringIO(raw), delimiter=delimiter, strict=True):
            pass
    except csv.Error:
        return True
    return False


def _csv_rows(
    stream: io.TextIOWrapper, display: str, delimiter: str
) -> tuple[list[str], Iterator[RowItem]]:
    feed = _LineFeed(line.replace("\0", "") for line in stream)
    reader = csv.reader(feed, delimiter=delimiter)
    headers: list[str] = []
    try:
        while not headers:
            cells = next(reader)
            if any(cell.strip() for cell in cells):
                headers = _header_names(cells)
    except StopIteration:
        return [], iter(())
    except csv.Error as error:
        raise InputError(
            f"cannot parse the header row ({error})",
            path=display,
            line=reader.line_num,
            fix="check the quoting",
            reason="malformed",
        ) from None

    def rows() -> Iterator[RowItem]:
        nonlocal reader
        bad_in_a_row = 0
        number = reader.line_num  # physical lines read so far
        while True:
            feed.taken = []
            cells: list[str] | None
            try:
                cells = next(reader)
                failure = None
            except StopIteration:
                return
            except csv.Error as error:
                cells, failure = None, error
            row_number, taken = number + 1, feed.taken
            number += len(taken)
            if len(taken) > 1 and (failure is not None or _bad_quoting("".join(taken), delimiter)):
                # a stray quote swallowed the following lines into one cell (up to the end of
                # the file, another stray quote or the csv field size limit): report it, read
                # its line with the quote as a plain character, and read the lines after it
                # again as rows of their own
                yield (
                    row_number,
                    InputError(
                        f"unbalanced quote: a quoted cell opens here and runs over the "
                        f"{len(taken) - 1} line(s) after it; the quote was read as a plain "
                        "character and those lines as rows of their own",
                        path=display,
                        line=row_number,
                        fix="close or remove the stray quote",
                        reason="malformed",
                    ),
                )
                quoted_as_text = csv.reader([taken[0]], delimiter=delimiter, quoting=csv.QUOTE_NONE)
                cells, failure = next(quoted_as_text, []), None
                feed.pending = taken[1:] + feed.pending
                reader = csv.reader(feed, delimiter=delimiter)
                number = row_number
            if failure is not None or cells is None:
                bad_in_a_row += 1
                if bad_in_a_row > MAX_BAD_ROWS_IN_A_ROW:
                    raise InputError(
                        "too many unparsable rows: this is not a table",
                        path=display,
                        line=number,
                        fix="check the file's delimiter and quoting",
                        reason="malformed",
                    ) from None
                yield (
                    row_number,
                    InputError(
                        f"unparsable row ({failure})",
                        path=display,
                        line=row_number,
                        fix="check the quoting",
                        reason="malformed",
                    ),
                )
                continue
            bad_in_a_row = 0
            if not cells:
                continue
            row = dict(zip(headers, cells, strict=False))
            if len(cells) != len(headers) and any(c.strip() for c in cells):
                note = _ragged(cells, headers, delimiter, display, row_number)
                if note is not None:
                    yield row_number, note
                if len(cells) > len(headers):
                    last = headers[-1]
                    row[last] = delimiter.join([row[last], *cells[len(headers) :]])
            yield row_number, row

    return headers, rows()


def _ragged(
    cells: list[str], headers: list[str], delimiter: str, display: str, line: int
) -> InputError | None:
    """The note for a row with more (non-empty) or fewer cells than the header has columns."""
    if len(cells) > len(headers):
        if not any(c.strip() for c in cells[len(headers) :]):
            return None  # trailing empty cells: a spreadsheet's habit, nothing lost
        what = (
            f"row has {len(cells)} cells for {len(headers)} columns; the extra cells were "
            f"kept, joined to the last column {headers[-1]!r} with {delimiter!r}"
        )
    else:
        what = (
            f"row has {len(cells)} cells for {len(headers)} columns; the missing ones "
            f"({', '.join(repr(h) for h in headers[len(cells) :][:3])}"
            f"{', ...' if len(headers) - len(cells) > 3 else ''}) are read as blank"
        )
    return InputError(
        what, path=display, line=line, fix="check the delimiters and quotes", reason="ragged"
    )


def read_csv(
    path: Path, display: str, doc_id: str, config: IngestConfig, fmt: str = "csv"
) -> ReadResult:
    """Read a CSV/TSV survey export (streamed) into one survey Document."""
    stream = open_text_stream(path, display)
    with stream:
        try:
            sample = stream.read(64 * 1024)
            stream.seek(0)
        except OSError as error:
            raise InputError(
                f"cannot read the file ({error})", path=display, reason="unreadable"
            ) from None
        delimiter = (
            "\t"
            if fmt == "tsv"
            else sniff_delimiter(sample.replace("\r\n", "\n").replace("\r", "\n"))
        )
        headers, rows = _csv_rows(stream, display, delimiter)
        return build_survey(
            Table(headers, rows), doc_id=doc_id, display=display, fmt=fmt, config=config
        )


def cell_text(value: Any) -> str:
    """A spreadsheet or JSON value as text (``3.0`` -> ``"3"``, dates in ISO format).

    Example:
        >>> cell_text(3.0), cell_text(dt.datetime(2024, 3, 1)), cell_text(None), cell_text(True)
        ('3', '2024-03-01', '', 'true')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        if all(not isinstance(v, (dict, list, tuple)) for v in value):
            return "; ".join(cell_text(v) for v in value)
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _invalid_xlsx(display: str, detail: str) -> InputError:
    return InputError(
        f"not a readable .xlsx file ({detail})",
        path=display,
        fix="open it in Excel and save it again as .xlsx, or export it as CSV",
        reason="invalid_xlsx",
    )


def _sheet_rows(sheet: Any) -> tuple[list[str], Iterator[RowItem]]:
    iterator = iter(sheet.iter_rows(values_only=True))
    headers: list[str] = []
    number = 0
    for values in iterator:
        number += 1
        cells = [cell_text(v) for v in values]
        if any(c.strip() for c in cells):
            while cells and not cells[-1].strip():
                cells.pop()
            headers = _header_names(cells)
            break
    start = number

    def rows() -> Iterator[RowItem]:
        for offset, values in enumerate(iterator, 1):
            yield start + offset, dict(zip(headers, (cell_text(v) for v in values), strict=False))

    return headers, rows()


def read_xlsx(
    path: Path, display: str, doc_id: str, config: IngestConfig, fmt: str = "xlsx"
) -> ReadResult:
    """Read every sheet with data of an ``.xlsx`` workbook (or only ``config.sheet``).

    One Document per sheet read: id ``stem`` when one sheet has answers, ``stem/sheet`` when
    several do. Sheets without answers are listed in ``skipped`` (item ``sheet``).
    """
    from openpyxl import load_workbook

    data = read_bytes(path, display)
    if not data.strip():
        raise InputError(
            "empty file", path=display, fix="export the file again or remove it", reason="empty"
        )
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _invalid_xlsx(display, "this is an old .xls file")
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, AttributeError) as error:
        raise _invalid_xlsx(display, type(error).__name__) from None
    except Exception as error:  # openpyxl raises many types on corrupt packages
        logger.debug("openpyxl failed on %s", display, exc_info=True)
        raise _invalid_xlsx(display, type(error).__name__) from None
    try:
        names = list(workbook.sheetnames)
        if config.sheet is not None:
            if config.sheet not in names:
                raise InputError(
                    f"no sheet {config.sheet!r} (sheets: {', '.join(repr(n) for n in names)})",
                    path=display,
                    fix="--sheet NAME with one of the sheets listed",
                    reason="missing_sheet",
                )
            names = [config.sheet]
        results: list[tuple[str, ReadResult]] = []
        sheet_errors: list[InputError] = []
        several = len(names) > 1
        for name in names:
            try:
                headers, rows = _sheet_rows(workbook[name])
                if not headers:
                    continue  # a blank sheet
                table = Table(headers, rows, sheet=name)
                sheet_result = build_survey(
                    table, doc_id=f"{doc_id}/{name}", display=display, fmt=fmt, config=config
                )
            except InputError as error:
                if several:
                    error = _in_sheet(error, name)
                if config.strict and (not several or error.reason not in _SHEET_SKIP_REASONS):
                    raise error from None
                sheet_errors.append(error)
                continue
            except Exception as error:
                logger.debug("openpyxl failed on %s sheet %s", display, name, exc_info=True)
                raise _invalid_xlsx(display, type(error).__name__) from None
            if several:
                for entry in sheet_result.skipped:
                    entry.message = f"sheet {name!r}: {entry.message}"
            results.append((name, sheet_result))
    finally:
        workbook.close()
    with_documents = [(name, r) for name, r in results if r.documents]
    if not with_documents:
        if sheet_errors:
            raise sheet_errors[0]
        raise InputError(
            "no sheet with data", path=display, fix="check the workbook", reason="empty"
        )
    combined = ReadResult()
    combined.skipped.extend(
        skipped_from(error, path=display, item="sheet") for error in sheet_errors
    )
    single = len(with_documents) == 1
    for name, sheet_result in results:
        if single and sheet_result.documents:
            _rename(sheet_result, f"{doc_id}/{name}", doc_id)
        combined.documents.extend(sheet_result.documents)
        combined.participants.extend(sheet_result.participants)
        combined.skipped.extend(sheet_result.skipped)
    return combined


_SHEET_SKIP_REASONS = frozenset({"no_text_column", "empty", "no_answers"})
"""Sheet problems that, in a workbook of several sheets, skip the sheet even in strict mode."""


def _in_sheet(error: InputError, sheet: str) -> InputError:
    return InputError(
        f"sheet {sheet!r}: {error.message}",
        path=error.path,
        line=error.line,
        fix=error.fix,
        reason=error.reason,
    )


def _rename(result: ReadResult, old: str, new: str) -> None:
    for document in result.documents:
        document.id = new
    for participant in result.participants:
        participant.document_ids = [new if d == old else d for d in participant.document_ids]
        if participant.id.startswith(f"{old}#"):
            participant.id = new + participant.id[len(old) :]
    for document in result.documents:
        for turn in document.turns:
            if turn.participant_id and turn.participant_id.startswith(f"{old}#"):
                turn.participant_id = new + turn.participant_id[len(old) :]
                turn.speaker = turn.participant_id


def _flatten(record: dict[str, Any]) -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in record.items():
        if (
            isinstance(value, dict)
            and value
            and all(not isinstance(v, dict) for v in value.values())
        ):
            for inner, inner_value in value.items():
                flat[f"{key}.{inner}"] = cell_text(inner_value)
        else:
            flat[str(key)] = cell_text(value)
    return flat


_ROW_KEYS = (
    "responses",
    "answers",
    "rows",
    "data",
    "records",
    "results",
    "items",
    "submissions",
    "respondents",
)


def _records(data: Any) -> list[Any] | None:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        lists = {
            k: v for k, v in data.items() if isinstance(v, list) and v and isinstance(v[0], dict)
        }
        for key in _ROW_KEYS:
            if key in lists:
                return lists[key]
        if lists:
            return max(lists.values(), key=len)
        if data and all(isinstance(v, dict) for v in data.values()):
            return [{"id": key, **value} for key, value in data.items()]
    return None


def _headers_of(rows: list[dict[str, str]]) -> list[str]:
    return list(dict.fromkeys(key for row in rows for key in row))


def read_json(
    path: Path, display: str, doc_id: str, config: IngestConfig, fmt: str = "json"
) -> ReadResult:
    """Read a JSON survey export: a list of objects (or an object holding one)."""
    text = decode_bytes(read_bytes(path, display), display)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"invalid JSON ({error.msg})",
            path=display,
            line=error.lineno,
            fix="check the file is valid JSON",
            reason="invalid_json",
        ) from None
    except RecursionError:
        raise InputError(
            "JSON nested too deeply", path=display, fix="flatten the export", reason="invalid_json"
        ) from None
    records = _records(data)
    if records is None:
        raise InputError(
            "no list of answers found",
            path=display,
            fix='export a list of objects, e.g. [{"id": "R1", "q1": "..."}]',
            reason="invalid_json",
        )
    if records and not any(isinstance(record, dict) for record in records):
        kinds = sorted({type(record).__name__ for record in records})
        raise InputError(
            f"the JSON list holds {len(records)} item(s) of type {', '.join(kinds)}, no objects",
            path=display,
            fix='export one object per answer, e.g. [{"id": "R1", "q1": "..."}]',
            reason="not_object",
        )
    items: list[RowItem] = []
    for number, record in enumerate(records, 1):
        if isinstance(record, dict):
            items.append((number, _flatten(record)))
        else:
            items.append(
                (
                    number,
                    InputError(
                        "item is not an object",
                        path=display,
                        line=number,
                        fix="each answer must be a JSON object",
                        reason="not_object",
                    ),
                )
            )
    headers = _headers_of([row for _, row in items if isinstance(row, dict)])
    return build_survey(
        Table(headers, iter(items)), doc_id=doc_id, display=display, fmt=fmt, config=config
    )


def _jsonl_rows(stream: io.TextIOWrapper, display: str) -> Iterator[RowItem]:
    for number, line in enumerate(stream, 1):
        line = line.strip().replace("\0", "")
        if not line:
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as error:
            detail = error.msg if isinstance(error, json.JSONDecodeError) else "nested too deeply"
            yield (
                number,
                InputError(
                    f"invalid JSON line ({detail})",
                    path=display,
                    line=number,
                    fix="fix or remove the line",
                    reason="invalid_json",
                ),
            )
            continue
        if not isinstance(record, dict):
            yield (
                number,
                InputError(
                    "line is not a JSON object",
                    path=display,
                    line=number,
                    fix="each line must be one JSON object",
                    reason="not_object",
                ),
            )
            continue
        yield number, _flatten(record)


def read_jsonl(
    path: Path, display: str, doc_id: str, config: IngestConfig, fmt: str = "jsonl"
) -> ReadResult:
    """Read a JSON Lines survey export (streamed): one object per line."""
    from itertools import chain, islice

    from ._columns import SAMPLE_ROWS

    stream = open_text_stream(path, display)
    with stream:
        rows = _jsonl_rows(stream, display)
        head = list(islice(rows, SAMPLE_ROWS))
        headers = _headers_of([row for _, row in head if isinstance(row, dict)])
        return build_survey(
            Table(headers, chain(head, rows)),
            doc_id=doc_id,
            display=display,
            fmt=fmt,
            config=config,
        )


__all__ = ["cell_text", "read_csv", "read_json", "read_jsonl", "read_xlsx", "sniff_delimiter"]
