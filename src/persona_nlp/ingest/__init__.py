"""Ingestion: interview transcripts and survey exports in, one :class:`~persona_nlp.schema.Corpus` out.

Stage folder ``ingest/`` (after ``lang``): files in, :class:`~persona_nlp.schema.Corpus` out.

One reader per format — :mod:`.text` (``.txt``/``.md``), :mod:`.webvtt`, :mod:`.srt`,
:mod:`.docx`, :mod:`.tabular` (``.csv``/``.tsv``/``.xlsx``/``.json``/``.jsonl``) — plus shared
helpers: :mod:`.files` (inputs, extensions, size limits, document ids), :mod:`.roles` (who is
the interviewer) and ``_decode`` (encodings, binary files). docs/formats.md describes every
format, the role rules, survey column detection and the skipped reasons.

Bad input never raises a traceback: each problem is an :class:`~persona_nlp.errors.InputError`
naming the file (and line or row) and the fix, raised at the first one when
``config.strict``, otherwise recorded in ``Corpus.skipped`` with its reason.

Example:
    >>> from persona_nlp.config import IngestConfig
    >>> corpus = ingest(["tests/data/ingest"], IngestConfig())  # doctest: +SKIP
    >>> summarize(corpus)["turns_by_role"]  # doctest: +SKIP
    {'interviewer': 61, 'respondent': 140, 'unknown': 0}
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from ..config import IngestConfig
from ..errors import InputError, PersonaNLPError
from ..lang import check_language_codes
from ..schema import Corpus, Document, Participant, Skipped
from ._common import ReadResult, skipped_from
from .files import FORMATS, InputFile, assign_document_ids, expand_inputs

logger = logging.getLogger(__name__)

Reader = Callable[[Path, str, str, IngestConfig, str], ReadResult]
"""``read(path, display_path, document_id, config, format) -> ReadResult``."""


def _reader(fmt: str) -> Reader:
    from . import docx, srt, tabular, text, webvtt

    readers: dict[str, Reader] = {
        "txt": text.read,
        "md": text.read,
        "vtt": webvtt.read,
        "srt": srt.read,
        "docx": docx.read,
        "csv": tabular.read_csv,
        "tsv": tabular.read_csv,
        "xlsx": tabular.read_xlsx,
        "json": tabular.read_json,
        "jsonl": tabular.read_jsonl,
    }
    return readers[fmt]


def read_file(file: InputFile, doc_id: str, config: IngestConfig) -> ReadResult:
    """Read one file with the reader for its format.

    Only :class:`InputError` leaves this function: an unexpected failure inside a reader (a
    bug, or a library choking on a corrupt file) becomes one with reason ``parse_error``.
    """
    try:
        return _reader(file.format)(file.path, file.display, doc_id, config, file.format)
    except PersonaNLPError:
        raise  # InputError, or a ConfigError such as an unknown language code
    except (MemoryError, RecursionError) as error:
        raise InputError(
            f"too large or too deeply nested to read ({type(error).__name__})",
            path=file.display,
            fix="split the file into smaller ones",
            reason="too_large",
        ) from None
    except Exception as error:
        logger.debug("reader failed on %s", file.display, exc_info=True)
        raise InputError(
            f"could not be parsed ({type(error).__name__}: {str(error)[:120]})",
            path=file.display,
            fix="check the file opens in its usual program, or export it again; please report this",
            reason="parse_error",
        ) from None


def _merge_participants(participants: list[Participant]) -> list[Participant]:
    merged: dict[str, Participant] = {}
    for participant in participants:
        existing = merged.get(participant.id)
        if existing is None:
            merged[participant.id] = participant  # readers made it: no one else holds it
            continue
        for doc_id in participant.document_ids:
            if doc_id not in existing.document_ids:
                existing.document_ids.append(doc_id)
        for key, value in participant.metadata.items():
            existing.metadata.setdefault(key, value)
        if existing.speaker is None:
            existing.speaker = participant.speaker
    for participant in merged.values():
        participant.document_ids.sort()
    return sorted(merged.values(), key=lambda p: p.id)


def _skipped_key(entry: Skipped) -> tuple[str, int, str, str, str]:
    return (entry.path, entry.line or 0, entry.column or "", entry.item, entry.reason)


def ingest(inputs: Sequence[str | Path] | str | Path, config: IngestConfig | None = None) -> Corpus:
    """Read files, folders (recursively) and glob patterns into a Corpus.

    Documents come out sorted by id and participants by id, whatever the input order. A
    participant that appears in several documents (the same respondent id in two survey files,
    or sheets) is one participant listing every document.

    Args:
        inputs: Files, folders or glob patterns; formats may be mixed.
        config: Reader options (``IngestConfig``); defaults when not given.

    Returns:
        The corpus: documents with their turns, participants, and every skipped item.

    Raises:
        InputError: In strict mode, at the first bad input; always when no input is given.

    Example:
        >>> corpus = ingest(["interviews/", "survey.csv"])  # doctest: +SKIP
        >>> corpus.documents[0].turns[0].role  # doctest: +SKIP
        'interviewer'
    """
    config = config or IngestConfig()
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    if not config.language:
        check_language_codes(config.languages)  # a ConfigError now, not one per file later
    files, skipped = expand_inputs(list(inputs), config)
    ids = assign_document_ids([f.path for f in files])
    outcomes = ((file, read_or_error(file, ids[file.path], config)) for file in files)
    return assemble_corpus(outcomes, skipped, config)


def read_or_error(file: InputFile, doc_id: str, config: IngestConfig) -> ReadResult | InputError:
    """Read one file; an :class:`~persona_nlp.errors.InputError` is returned, not raised.

    Example:
        >>> read_or_error(file, "p01", IngestConfig())  # doctest: +SKIP
    """
    try:
        return read_file(file, doc_id, config)
    except InputError as error:
        return error


def assemble_corpus(
    outcomes: Iterable[tuple[InputFile, ReadResult | InputError]],
    skipped: list[Skipped],
    config: IngestConfig,
) -> Corpus:
    """Build the corpus from per-file read outcomes, in file order (local and distributed paths).

    A file's error is raised in strict mode (at the first one) and otherwise listed in ``skipped``.
    Documents are sorted by id and participants merged, so input order does not matter.

    Example:
        >>> assemble_corpus([], [], IngestConfig()).documents
        []
    """
    documents: list[Document] = []
    participants: list[Participant] = []
    for file, result in outcomes:
        if isinstance(result, InputError):
            if config.strict:
                raise result
            skipped.append(skipped_from(result, path=file.display))
            continue
        documents.extend(result.documents)
        participants.extend(result.participants)
        skipped.extend(result.skipped)
    documents.sort(key=lambda d: d.id)
    return Corpus(
        documents=documents,
        participants=_merge_participants(participants),
        skipped=sorted(skipped, key=_skipped_key),
    )


def skipped_count(entry: Skipped) -> int:
    """How many input items a ``Skipped`` entry stands for.

    Blank and non-answer survey cells are reported as one entry per file, column and reason
    whose message starts with the exact count; every other entry is one item.

    Example:
        >>> skipped_count(Skipped(path="s.csv", item="cell", reason="blank", count=12))
        12
    """
    return entry.count


def summarize(corpus: Corpus) -> dict[str, Any]:
    """Counts for the ``persona-nlp ingest`` summary.

    Returns:
        ``documents``, ``documents_by_kind``, ``turns``, ``turns_by_role`` (interviewer,
        respondent, unknown), ``participants``, ``languages`` (documents per language code,
        ``"?"`` for undetected), ``answer_languages`` (survey answers per language),
        ``skipped`` (items, cells counted one by one) and ``skipped_by_reason``.

    Example:
        >>> summarize(Corpus())["turns_by_role"]
        {'interviewer': 0, 'respondent': 0, 'unknown': 0}
    """
    roles: Counter[str] = Counter({"interviewer": 0, "respondent": 0, "unknown": 0})
    kinds: Counter[str] = Counter({"interview": 0, "survey": 0})
    languages: Counter[str] = Counter()
    answer_languages: Counter[str] = Counter()
    for document in corpus.documents:
        kinds[document.kind] += 1
        languages[document.language or "?"] += 1
        for turn in document.turns:
            roles[turn.role] += 1
            if document.kind == "survey":
                answer_languages[turn.language or "?"] += 1
    reasons: Counter[str] = Counter()
    for entry in corpus.skipped:
        reasons[entry.reason] += skipped_count(entry)
    return {
        "documents": len(corpus.documents),
        "documents_by_kind": dict(kinds),
        "turns": sum(roles.values()),
        "turns_by_role": dict(roles),
        "participants": len(corpus.participants),
        "languages": dict(sorted(languages.items())),
        "answer_languages": dict(sorted(answer_languages.items())),
        "skipped": sum(reasons.values()),
        "skipped_by_reason": dict(sorted(reasons.items())),
    }


def format_summary(summary: dict[str, Any]) -> str:
    """The summary as a few aligned lines for the terminal.

    Example:
        >>> print(format_summary(summarize(Corpus())))  # doctest: +NORMALIZE_WHITESPACE
        documents     0 (0 interviews, 0 surveys)
        turns         0 (0 interviewer, 0 respondent, 0 unknown)
        participants  0
        languages     -
        skipped       0
    """
    kinds = summary["documents_by_kind"]
    roles = summary["turns_by_role"]
    languages = ", ".join(f"{code} {n}" for code, n in summary["languages"].items()) or "-"
    reasons = ", ".join(f"{reason} {n}" for reason, n in summary["skipped_by_reason"].items())
    rows = [
        (
            "documents",
            f"{summary['documents']} ({kinds.get('interview', 0)} interviews, {kinds.get('survey', 0)} surveys)",
        ),
        (
            "turns",
            f"{summary['turns']} ({roles['interviewer']} interviewer, {roles['respondent']} respondent, {roles['unknown']} unknown)",
        ),
        ("participants", str(summary["participants"])),
        ("languages", languages),
        ("skipped", f"{summary['skipped']}" + (f" ({reasons})" if reasons else "")),
    ]
    width = max(len(key) for key, _ in rows)
    return "\n".join(f"{key.ljust(width)}  {value}" for key, value in rows)


__all__ = ["FORMATS", "format_summary", "ingest", "read_file", "skipped_count", "summarize"]
