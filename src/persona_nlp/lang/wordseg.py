"""Word segmentation for languages written with a space between syllables (Vietnamese).

A Vietnamese word often spans several space-separated syllables ("sinh viên", student), so
splitting on spaces gives syllables, and keywords and labels built from them cut words apart
("Viên luôn", "sinh · viên"). :func:`compound_spans` finds where the multi-syllable words of a
text are, with `pyvi <https://pypi.org/project/pyvi/>`_: a CRF segmenter whose model ships inside
the wheel (works offline, no download step), about 40 KB of Python on top of scikit-learn (a
dependency already) and ``sklearn-crfsuite``. underthesea, the larger toolkit, pulls in many more
packages for the same word segmentation.

pyvi is imported on first use. Without it (a broken install), a warning is logged once and
syllables stay words, as before segmentation existed.

Example:
    >>> text = "Sinh viên luôn cảm thấy áp lực."
    >>> [text[start:end] for start, end in compound_spans(text, "vi")]
    ['Sinh viên', 'cảm thấy', 'áp lực']
    >>> compound_spans("The delivery was late.", "en")
    []
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

logger = logging.getLogger(__name__)

SYLLABLE_LANGUAGES: frozenset[str] = frozenset({"vi"})
"""Languages whose words span several space-separated syllables and are segmented."""

SYLLABLE_JOINER = "_"
"""Joins the syllables of one word in its key ("sinh_viên"), as pyvi and spaCy's lists do."""


@functools.cache
def _vietnamese_tokenizer() -> Callable[[str], str] | None:
    try:
        from pyvi import ViTokenizer  # type: ignore[import-untyped]
    except ImportError:
        logger.warning(
            "Vietnamese keywords and labels are built from syllables, not words: the word "
            "segmenter pyvi is not installed (pip install pyvi)."
        )
        return None
    tokenize: Callable[[str], str] = ViTokenizer.tokenize
    return tokenize


def segmenter_available(language: str | None) -> bool:
    """Whether texts in ``language`` are segmented into words (a syllable language whose
    segmenter is installed).

    Example:
        >>> segmenter_available("en")
        False
    """
    return language in SYLLABLE_LANGUAGES and _vietnamese_tokenizer() is not None


def _find_whole(text: str, syllable: str, start: int) -> int:
    """Where ``syllable`` next stands as a whole word in ``text`` ("an" not inside "bạn")."""
    found = text.find(syllable, start)
    while found >= 0:
        end = found + len(syllable)
        before = text[found - 1] if found else " "
        after = text[end] if end < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return found
        found = text.find(syllable, found + 1)
    return -1


def compound_spans(text: str, language: str | None) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the multi-syllable words of ``text``, in order.

    Only for languages in :data:`SYLLABLE_LANGUAGES`; others (and a missing segmenter) give
    ``[]``. A span runs from its first syllable to its last in ``text`` itself, with only
    spaces between them, so ``text[start:end]`` is the word as written.

    Example:
        >>> compound_spans("giảng viên nhiệt tình", "vi")
        [(0, 10), (11, 21)]
    """
    if language not in SYLLABLE_LANGUAGES or not text.strip():
        return []
    tokenize = _vietnamese_tokenizer()
    if tokenize is None:
        return []
    spans: list[tuple[int, int]] = []
    position = 0
    for token in tokenize(text).split():
        syllables = token.split(SYLLABLE_JOINER)
        starts: list[int] = []
        cursor = position
        for syllable in syllables:
            found = _find_whole(text, syllable, cursor)
            # the segmenter may rewrite a token (odd spacing, punctuation): skip what does not
            # map back onto the text, so a span is always the text's own characters
            if found < 0 or (starts and text[cursor:found].strip()):
                starts = []
                break
            starts.append(found)
            cursor = found + len(syllable)
        if not starts:
            continue
        position = cursor
        if len(syllables) > 1:
            spans.append((starts[0], cursor))
    return spans


__all__ = ["SYLLABLE_JOINER", "SYLLABLE_LANGUAGES", "compound_spans", "segmenter_available"]
