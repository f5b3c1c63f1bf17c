"""Word transcripts (``.docx``), read with python-docx.

Paragraphs are lines (soft line breaks split them too) and go through the same rules as
``.txt`` (see :mod:`persona_nlp.ingest.text`). A paragraph styled ``Title`` (or the first
heading) is the title; a ``Key: value`` block at the top (Date, Age, City, Occupation ...) is
document metadata, not turns. Tables are read row by row: a row ``Speaker | text`` or
``Time | Speaker | text`` is a turn. ``Turn.line`` is the 1-based paragraph number.

::

    Interview 07 – online groceries          (style: Title)
    Date: 2024-03-12
    Age: 34
    City: Aarhus
    Interviewer: How do you buy groceries today?
    Anna: Mostly online.

Example:
    >>> result = read(Path("interview.docx"), "interview.docx", "interview", IngestConfig())  # doctest: +SKIP
"""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path
from typing import Any

from ..config import IngestConfig
from ..errors import InputError
from ._common import ReadResult, clean_text
from ._decode import read_bytes
from ._transcript import build_interview
from .text import parse_timestamp, parse_transcript_lines

logger = logging.getLogger(__name__)


def _not_docx(display: str, detail: str) -> InputError:
    return InputError(
        f"not a readable .docx file ({detail})",
        path=display,
        fix="open it in Word and save it again as .docx (Word Document)",
        reason="invalid_docx",
    )


def _open(path: Path, display: str) -> Any:
    import io

    from docx import Document as open_document

    data = read_bytes(path, display)
    if not data.strip():
        raise InputError(
            "empty file", path=display, fix="export the file again or remove it", reason="empty"
        )
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _not_docx(display, "this is an old .doc file")
    if not data.startswith(b"PK"):
        raise _not_docx(display, "not a zip package")
    try:
        return open_document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, AttributeError, TypeError) as error:
        raise _not_docx(display, type(error).__name__) from None
    except Exception as error:  # lxml and python-docx raise many types on corrupt packages
        logger.debug("python-docx failed on %s", display, exc_info=True)
        raise _not_docx(display, type(error).__name__) from None


def _blocks(document: Any) -> list[tuple[str, str, str]]:
    """(kind, style name, text) for body paragraphs and table rows, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks: list[tuple[str, str, str]] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            style = item.style.name if item.style is not None else ""
            blocks.append(("paragraph", style or "", item.text))
        elif isinstance(item, Table):
            for row in item.rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = clean_text(cell.text)
                    if not cells or text != cells[-1]:  # merged cells repeat their text
                        cells.append(text)
                blocks.append(("row", "", _row_line(cells)))
    return blocks


def _row_line(cells: list[str]) -> str:
    cells = [c for c in cells if c]
    if len(cells) >= 3 and parse_timestamp(cells[0]) is not None:
        return f"[{cells[0]}] {cells[1]}: {' '.join(cells[2:])}"
    if len(cells) >= 2 and len(cells[0]) <= 40 and parse_timestamp(cells[0]) is None:
        return f"{cells[0]}: {' '.join(cells[1:])}"
    return " ".join(cells)


def read(
    path: Path, display: str, doc_id: str, config: IngestConfig, fmt: str = "docx"
) -> ReadResult:
    """Read a ``.docx`` transcript into one interview Document.

    Raises:
        InputError: Not a valid .docx (reason ``invalid_docx``), empty, unreadable, no text,
            only interviewer turns.
    """
    document = _open(path, display)
    try:
        blocks = _blocks(document)
        core_title = (document.core_properties.title or "").strip()
    except Exception as error:  # a package that opens but has a broken body
        logger.debug("python-docx failed on %s", display, exc_info=True)
        raise _not_docx(display, type(error).__name__) from None
    title: str | None = None
    numbered: list[tuple[int, str]] = []
    for number, (kind, style, text) in enumerate(blocks, 1):
        lowered = style.casefold()
        if (
            kind == "paragraph"
            and title is None
            and not numbered
            and (lowered == "title" or lowered.startswith("heading"))
        ):
            title = clean_text(text) or None
            continue
        if kind == "paragraph" and (lowered == "title" or lowered.startswith("heading")):
            continue  # section headings are not speech
        for piece in text.replace("\r", "\n").split("\n"):
            numbered.append((number, piece))
    parsed = parse_transcript_lines(numbered)
    return build_interview(
        doc_id=doc_id,
        display=display,
        fmt=fmt,
        segments=parsed.segments,
        config=config,
        title=title or parsed.title or core_title or None,
        metadata=parsed.metadata,
    )


__all__ = ["read"]
