"""Plain formatting shared by the report's view model and templates: kind and language names,
timestamps and percentages.

Example:
    >>> format_percent(0.5), language_name("da")
    ('50%', 'Danish')
"""

from __future__ import annotations

from ..kinds import KINDS

KIND_LABELS: dict[str, str] = {name: spec.heading for name, spec in KINDS.items()}
"""Plural headings of the statement kinds, in reporting order."""

LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "da": "Danish",
    "nb": "Norwegian",
    "no": "Norwegian",
    "nn": "Norwegian (Nynorsk)",
    "nl": "Dutch",
    "id": "Indonesian",
    "vi": "Vietnamese",
    "de": "German",
    "sv": "Swedish",
    "fr": "French",
    "es": "Spanish",
}


def format_timestamp(seconds: float | None) -> str | None:
    """Format seconds as ``hh:mm:ss`` (``None`` stays ``None``).

    Example:
        >>> format_timestamp(192.4)
        '00:03:12'
    """
    if seconds is None:
        return None
    total = max(int(seconds), 0)
    return f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}"


def format_percent(share: float | None) -> str:
    """Format a share (0-1) as a whole percentage.

    Example:
        >>> format_percent(0.375)
        '38%'
    """
    if share is None:
        return "–"
    return f"{share * 100:.0f}%"


def plural(count: int, word: str, shown: str | None = None) -> str:
    """``3 answers``, ``1 answer``; ``shown`` replaces the number as written (``1,204``).

    Example:
        >>> plural(1, "theme"), plural(1204, "statement", "1,204")
        ('1 theme', '1,204 statements')
    """
    return f"{shown or count} {word}{'' if count == 1 else 's'}"


def language_name(code: str | None) -> str:
    """Readable name of an ISO 639-1 code (the code itself when unknown)."""
    if not code:
        return "unknown"
    return LANGUAGE_NAMES.get(code, code)
