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
from ..language import MIN_CONFIDENCE, language_confidences
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
    language = _languages(turns, config)
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


SHORT_ANSWER_WORDS = 3
"""Answers with fewer words are too short to identify: they take their respondent's language
(else the document's)."""

PRIOR_MARGIN = 0.2
"""An answer keeps its prior language (its respondent's, else the document's) unless another
language is this much more likely. In a survey in several languages, an answer whose best
language leads the next by less is uncertain: it takes its respondent's language."""

SURVEY_LANGUAGE_SHARE = 0.02
"""A language is one of the survey's when at least this share of the respondents, and at least
:data:`SURVEY_LANGUAGE_MIN` of them, confidently answer in it; other languages only win the
answers of respondents who confidently answer in them. A survey with one such language keeps
the document's language as every answer's prior (a misdetected respondent or two - Norwegian
read as Danish, an English answer read as Swedish - does not make a survey multilingual)."""

SURVEY_LANGUAGE_MIN = 2


def _ranked(score: dict[str, float]) -> tuple[str | None, float]:
    """The most likely language (``None`` below :data:`MIN_CONFIDENCE`) and its lead over the
    next one; ties go to the alphabetically first code.

    Example:
        >>> _ranked({"de": 0.5, "da": 0.25, "nb": 0.25})
        ('de', 0.25)
        >>> _ranked({"nb": 0.5, "da": 0.5})
        ('da', 0.0)
        >>> _ranked({})
        (None, 0.0)
    """
    ranked = sorted(score.items(), key=lambda item: (-item[1], item[0]))
    if not ranked or ranked[0][1] < MIN_CONFIDENCE:
        return None, 0.0
    return ranked[0][0], ranked[0][1] - (ranked[1][1] if len(ranked) > 1 else 0.0)


def _respondent_languages(
    turns: list[Turn], scores: list[dict[str, float]], votes: Counter[str]
) -> dict[str, str]:
    """Each respondent's language: the majority over their confidently identified answers
    (best language ahead by :data:`PRIOR_MARGIN`); ties go to the language with more ``votes``
    in the document, then to the alphabetically first code. Respondents with no such answer
    are left out."""
    per: dict[str, Counter[str]] = {}
    for turn, score in zip(turns, scores, strict=True):
        top, lead = _ranked(score)
        if top is not None and lead >= PRIOR_MARGIN:
            per.setdefault(turn.participant_id or turn.speaker, Counter())[top] += 1
    return {
        who: min(counts, key=lambda code: (-counts[code], -votes[code], code))
        for who, counts in per.items()
    }


def _languages(turns: list[Turn], config: IngestConfig) -> str | None:
    """Set each answer's language; return the document's (the most common among answers).

    Short answers ("Instagram", "Iklan di Facebook") say little about their language, and
    close languages (Danish/Norwegian) are easily confused on one sentence, so answers lean on
    a prior. The document language is the majority over answers of at least
    :data:`SHORT_ANSWER_WORDS` words. In a survey in one language (see
    :data:`SURVEY_LANGUAGE_SHARE`) it is every answer's prior: shorter answers take it, and
    longer ones keep it unless another language is more likely by :data:`PRIOR_MARGIN`.

    In a survey in several languages the prior is the respondent's own language (the majority
    over their confident answers), else the document's: short answers take it, and so do
    uncertain ones (best language ahead by less than :data:`PRIOR_MARGIN`) of a respondent
    with a language; longer ones keep it unless another is more likely by the margin. Only
    the survey's languages (and the respondent's own) can win: an answer whose best language is
    another one, or that is uncertain, is identified again among those.
    """
    if config.language:
        for turn in turns:
            turn.language = config.language
        return config.language
    long_answer = [len(t.text.split()) >= SHORT_ANSWER_WORDS for t in turns]
    if not any(long_answer):
        long_answer = [True] * len(turns)  # only short answers: they are all the evidence
    # Short answers take the prior, so only the long ones are identified.
    long_scores = iter(
        language_confidences(
            [t.text for t, is_long in zip(turns, long_answer, strict=False) if is_long],
            config.languages,
        )
    )
    scores = [next(long_scores) if is_long else {} for is_long in long_answer]
    tops = [_ranked(score)[0] for score in scores]
    votes = Counter(code for code in tops if code)
    document = min(votes.items(), key=lambda item: (-item[1], item[0]))[0] if votes else None
    respondents = _respondent_languages(turns, scores, votes)
    spoken = Counter(respondents.values())
    survey = {
        code
        for code, count in spoken.items()
        if count >= max(SURVEY_LANGUAGE_MIN, SURVEY_LANGUAGE_SHARE * len(respondents))
    }
    if len(survey) <= 1:
        _single_language(turns, scores, tops, long_answer, document)
        return document
    # Identify again, among the survey's languages (and the respondent's own), the answers
    # whose best language is none of those or that are uncertain: lingua's close calls only
    # weigh a text's three likeliest languages, which need not include the right one.
    again: dict[tuple[str, ...], list[int]] = {}
    for i, (turn, score) in enumerate(zip(turns, scores, strict=True)):
        if not long_answer[i]:
            continue
        own = respondents.get(turn.participant_id or turn.speaker)
        allowed = survey | {own} if own else survey
        top, lead = _ranked(score)
        if top is None or top not in allowed or lead < PRIOR_MARGIN:
            again.setdefault(tuple(sorted(allowed)), []).append(i)
    for candidates, positions in sorted(again.items()):
        texts = [turns[i].text for i in positions]
        for i, score in zip(positions, language_confidences(texts, list(candidates)), strict=True):
            scores[i] = score
    respondents = _respondent_languages(turns, scores, votes)
    for turn, score, is_long in zip(turns, scores, long_answer, strict=True):
        own = respondents.get(turn.participant_id or turn.speaker)
        prior = own or document
        top, lead = _ranked(score)
        if not is_long or top is None or (own is not None and lead < PRIOR_MARGIN):
            turn.language = prior
        elif prior is not None and score.get(prior, 0.0) >= score[top] - PRIOR_MARGIN:
            turn.language = prior
        else:
            turn.language = top
    return document


def _single_language(
    turns: list[Turn],
    scores: list[dict[str, float]],
    tops: list[str | None],
    long_answer: list[bool],
    document: str | None,
) -> None:
    """The document's language is every answer's prior (a survey in one language)."""
    for turn, score, top, is_long in zip(turns, scores, tops, long_answer, strict=True):
        if document is None:
            turn.language = top
        elif not is_long or top is None:
            turn.language = document
        elif score.get(document, 0.0) >= score.get(top, 0.0) - PRIOR_MARGIN:
            turn.language = document
        else:
            turn.language = top
