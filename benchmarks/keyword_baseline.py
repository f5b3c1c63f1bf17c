"""Keyword-matching baseline for statement extraction.

The simplest thing that could work, for comparison: split every respondent turn into
sentences (``.``, ``!``, ``?`` followed by whitespace), drop questions, and give a sentence
the kind whose keyword list matches it most often (ties: objection > pain_point > goal >
mindset > channel). A keyword matches at a word start, so ``worr`` matches "worried". No
clause splitting, no negation handling, no survey-question context, no embeddings.

The lists were written from general domain knowledge (shopping, delivery, sizing, reviews,
social media ...) for each of the six languages, not tuned on either split.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

KINDS = ("goal", "pain_point", "objection", "mindset", "channel")
PRIORITY = ("objection", "pain_point", "goal", "mindset", "channel")

#: Keyword lists per language and kind, in ``data/keyword_baseline.json``.
KEYWORDS: dict[str, dict[str, list[str]]] = json.loads(
    (Path(__file__).parent / "data" / "keyword_baseline.json").read_text(encoding="utf-8")
)

_SENT = re.compile(r"[^.!?]+(?:[.!?]+|$)")


@cache
def _patterns(language: str) -> dict[str, re.Pattern[str]]:
    table = KEYWORDS.get(language, KEYWORDS["en"])
    return {
        kind: re.compile(
            "|".join(
                r"(?<!\w)" + re.escape(w.strip()) for w in sorted(words, key=len, reverse=True)
            ),
            re.I,
        )
        for kind, words in table.items()
    }


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a turn: runs ending in ``.``, ``!`` or ``?``, whitespace-trimmed."""
    spans = []
    for m in _SENT.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def classify(sentence: str, language: str) -> str | None:
    """The kind whose keywords match ``sentence`` most often, or ``None``."""
    if sentence.rstrip().endswith("?"):
        return None
    counts = {kind: len(p.findall(sentence)) for kind, p in _patterns(language).items()}
    best = max(counts.values())
    if best == 0:
        return None
    return next(kind for kind in PRIORITY if counts[kind] == best)


def predict(turns: Iterable[tuple[str, int, str, str]]) -> list[tuple[str, int, int, int, str]]:
    """Baseline predictions for ``(file, turn_index, text, language)`` respondent turns.

    Returns:
        ``(file, turn_index, start, end, kind)`` per predicted statement.
    """
    out = []
    for file, turn_index, text, language in turns:
        for start, end in sentences(text):
            kind = classify(text[start:end], language)
            if kind is not None:
                out.append((file, turn_index, start, end, kind))
    return out
