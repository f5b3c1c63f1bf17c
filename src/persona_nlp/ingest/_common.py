"""What every reader shares: the result type, bad-input reporting and text normalisation."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from ..config import IngestConfig
from ..errors import InputError
from ..schema import Document, Participant, Skipped, SkippedItem


@dataclass
class ReadResult:
    """What a reader found in one file."""

    documents: list[Document] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def skipped_from(
    error: InputError, *, path: str, item: SkippedItem = "file", column: str | None = None
) -> Skipped:
    """The ``Skipped`` entry for an error that was not raised (non-strict mode)."""
    message = error.message + (f" (fix: {error.fix})" if error.fix else "")
    return Skipped(
        path=error.path or path,
        item=item,
        line=error.line,
        column=column,
        reason=error.reason,
        message=message,
    )


def report(
    result: ReadResult,
    config: IngestConfig,
    error: InputError,
    *,
    item: SkippedItem,
    column: str | None = None,
) -> None:
    """Raise ``error`` in strict mode, else record it in ``result.skipped``."""
    if config.strict:
        raise error
    result.skipped.append(skipped_from(error, path=error.path or "", item=item, column=column))


_INVISIBLE = dict.fromkeys(
    [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E]
)


def clean_text(text: str) -> str:
    r"""Normalise whitespace (runs of spaces, tabs, newlines -> one space), drop invisible marks
    and control characters, NFC-compose; otherwise keep the text verbatim.

    Example:
        >>> clean_text("  Well,\u200b  I\tthink \n so. ")
        'Well, I think so.'
    """
    if not text.isascii():
        text = text.translate(_INVISIBLE)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    if not text.isprintable():
        text = "".join(ch if ch.isprintable() or ch.isspace() else " " for ch in text)
    return " ".join(text.split())


def safe_label(text: str, limit: int = 80) -> str:
    """A short printable rendering of a value for messages."""
    text = clean_text(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
