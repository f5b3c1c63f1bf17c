"""Linguistic cue features per language: the part of the classifier that needs no model.

Each language has one cue table, ``banks/<code>.cues.json`` (package data)::

    {
      "language": "da",
      "function_words": ["jeg", "ikke", "det", ...],      # for language guessing
      "cues": {"want": ["vil gerne", "prøver at", "drømmer om*"], ...},
      "question_kinds": {"objection": ["afholdt dig*", "tøvede*"], ...}
    }

Entry syntax: lowercase words or phrases matched on word boundaries; a trailing ``*`` matches
any word continuation (``frustrer*``); ``re:`` starts a raw regular expression. Categories
``backchannel`` and ``nonanswer`` must match the *whole* segment (fillers aside); every other
category matches anywhere. Entries in ``banks/shared.cues.json`` (brand and platform names)
apply to every language.

:func:`cue_features` turns segments into a dense ``(n, n_features)`` matrix (vectorised per
language: one compiled alternation per category), :func:`question_kind` maps a question or
column header to the statement kind it asks for.

Example:
    >>> table = load_cue_table("en")
    >>> features, names, hits = cue_features(["I always wait for the sale"], ["en"])
    >>> bool(features[0, names.index("habit")])
    True
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy as np

from ..kinds import STATEMENT_KINDS

CATEGORIES: tuple[str, ...] = (
    "first_person",
    "want",
    "problem",
    "price",
    "delivery",
    "hesitation",
    "habit",
    "research",
    "value",
    "channel",
    "person_source",
    "negation",
    "hedge",
    "dismissal",
    "biography",
    "positive",
    "past_purchase",
    "backchannel",
    "nonanswer",
)
"""Cue categories every table may fill (missing ones simply never fire)."""

WHOLE_SEGMENT = frozenset({"backchannel", "nonanswer"})

DERIVED: tuple[str, ...] = (
    "negated_problem",
    "negated_price",
    "negated_habit",
    "first_person_want",
    "question",
    "short",
    "very_short",
    "long",
)
"""Features computed from the categories and the segment shape."""

FEATURE_NAMES: tuple[str, ...] = (*CATEGORIES, *DERIVED)

QUESTION_KINDS: tuple[str, ...] = STATEMENT_KINDS
"""Kinds a survey question or interviewer turn can ask for."""

_NEGATION_WINDOW = 28  # characters between a negation and the cue it scopes over


def _entry_pattern(entry: str) -> str:
    if entry.startswith("re:"):
        return entry[3:]
    prefix = entry.endswith("*")
    word = entry[:-1] if prefix else entry
    body = re.escape(word.lower()).replace(r"\ ", r"\s+").replace("'", "['’]")
    return body + (r"\w*" if prefix else "")


def _compile(
    entries: Sequence[str], whole: bool = False, flags: int = re.IGNORECASE | re.UNICODE
) -> re.Pattern[str] | None:
    if not entries:
        return None
    body = "|".join(_entry_pattern(e) for e in sorted(set(entries), key=len, reverse=True))
    if whole:
        return re.compile(rf"^\W*(?:{body})(?:\W+(?:{body}))*\W*$", flags)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", flags)


@dataclass(frozen=True)
class CueTable:
    """One language's compiled cue table.

    Attributes:
        language: ISO 639-1 code.
        patterns: Category -> compiled pattern (absent categories are missing).
        ascii_patterns: The same patterns without ``IGNORECASE``, for lower-cased ASCII text:
            they find the same spans there at about 2.5 times the speed (cue words are lower
            case, and ``re:`` entries have no upper-case letters; a test checks both).
        question_patterns: Statement kind -> pattern that finds it in a question text.
        question_frames: Statement kind -> pattern of generic question frames ("how do you
            usually ...", "biasanya", "thường"): they decide only when no ``question_patterns``
            entry matches, so "How do you usually find out about new plans?" asks for channels.
        function_words: Frequent words used to guess the language of unlabelled text.
    """

    language: str
    patterns: dict[str, re.Pattern[str]]
    ascii_patterns: dict[str, re.Pattern[str]]
    question_patterns: dict[str, re.Pattern[str]]
    function_words: frozenset[str]
    question_frames: dict[str, re.Pattern[str]] = field(default_factory=dict)


def _read_json(name: str) -> dict | None:
    path = resources.files("persona_nlp.extract").joinpath("banks", name)
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def available_cue_languages() -> tuple[str, ...]:
    """Language codes with a cue table shipped in the package.

    Example:
        >>> "vi" in available_cue_languages()
        True
    """
    folder = resources.files("persona_nlp.extract").joinpath("banks")
    codes = [p.name.split(".")[0] for p in folder.iterdir() if p.name.endswith(".cues.json")]
    return tuple(sorted(c for c in codes if c != "shared"))


@lru_cache(maxsize=64)
def load_cue_table(language: str | None) -> CueTable:
    """Load and compile the cue table of a language (shared entries merged in).

    Languages without a table get the shared table only (brand names, platforms).

    Example:
        >>> load_cue_table("nl").patterns["habit"].search("ik wacht altijd op de uitverkoop") is not None
        True
    """
    shared = _read_json("shared.cues.json") or {}
    own = _read_json(f"{language}.cues.json") if language else None
    own = own or {}
    patterns: dict[str, re.Pattern[str]] = {}
    ascii_patterns: dict[str, re.Pattern[str]] = {}
    for category in CATEGORIES:
        entries = list(own.get("cues", {}).get(category, [])) + list(
            shared.get("cues", {}).get(category, [])
        )
        compiled = _compile(entries, whole=category in WHOLE_SEGMENT)
        if compiled is not None:
            patterns[category] = compiled
            ascii_patterns[category] = re.compile(compiled.pattern, re.UNICODE)
    question_patterns: dict[str, re.Pattern[str]] = {}
    question_frames: dict[str, re.Pattern[str]] = {}
    for section, target in (
        ("question_kinds", question_patterns),
        ("question_frames", question_frames),
    ):
        for kind in QUESTION_KINDS:
            compiled = _compile(list(own.get(section, {}).get(kind, [])))
            if compiled is not None:
                target[kind] = compiled
    return CueTable(
        language=language or "",
        patterns=patterns,
        ascii_patterns=ascii_patterns,
        question_patterns=question_patterns,
        function_words=frozenset(w.lower() for w in own.get("function_words", [])),
        question_frames=question_frames,
    )


_WORDS = re.compile(r"\w+", re.UNICODE)


def guess_language(text: str, candidates: Sequence[str] | None = None) -> str | None:
    """Guess a language from function-word hits; ``None`` when nothing matches.

    Used only when neither the turn nor its document has a language.

    Example:
        >>> guess_language("jeg venter altid på udsalg og det er ikke dyrt")
        'da'
    """
    words = [w.lower() for w in _WORDS.findall(text)]
    if not words:
        return None
    best, best_hits = None, 0
    for code in candidates or available_cue_languages():
        table = load_cue_table(code)
        hits = sum(1 for w in words if w in table.function_words)
        if hits > best_hits:
            best, best_hits = code, hits
    return best


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def focus_question(text: str) -> str:
    """The part of an interviewer turn that asks: its last question sentence (else the text).

    Interviewer turns often acknowledge first ("No problem at all. So what ...?"); only the
    question says what the answer is about.

    Example:
        >>> focus_question("No problem at all. How did you find us?")
        'How did you find us?'
    """
    sentences = [s for s in _SENTENCE_END.split(text.strip()) if s]
    asking = [s for s in sentences if s.rstrip().endswith("?")]
    return asking[-1] if asking else text


@lru_cache(maxsize=4096)
def question_kind(question: str | None, language: str | None) -> str | None:
    """The statement kind a question or column header asks for, from the cue table; else ``None``.

    The language's own table is tried first, then every other table (headers are often English).

    Example:
        >>> question_kind("Was there anything that almost stopped you from buying?", "en")
        'objection'
        >>> question_kind("Hvordan hørte du om os?", "da")
        'channel'
    """
    if not question:
        return None
    question = focus_question(question)
    codes = [language] if language else []
    codes += [c for c in available_cue_languages() if c != language]
    # the question's own language first (its specific phrases, then its generic frames), then
    # the other tables' specific phrases (headers are often English), then their frames
    passes = [(codes[:1], "question_patterns"), (codes[:1], "question_frames")] if language else []
    passes += [(codes[1:] if language else codes, "question_patterns")]
    passes += [(codes[1:] if language else codes, "question_frames")]
    for pass_codes, section in passes:
        for code in pass_codes:
            patterns: dict[str, re.Pattern[str]] = getattr(load_cue_table(code), section)
            best, best_pos = None, len(question) + 1
            for kind, pattern in patterns.items():
                match = pattern.search(question)
                if match and match.start() < best_pos:
                    best, best_pos = kind, match.start()
            if best is not None:
                return best
    return None


def _near(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(
        -_NEGATION_WINDOW <= cs - ne <= _NEGATION_WINDOW or -_NEGATION_WINDOW <= ns - ce <= 8
        for ns, ne in a
        for cs, ce in b
    )


def cue_features(
    texts: Sequence[str], languages: Sequence[str | None], questions: Sequence[bool] | None = None
) -> tuple[np.ndarray, list[str], list[list[str]]]:
    """Compute cue features for segments.

    Args:
        texts: Segment texts.
        languages: Language code per text (``None``: shared table only).
        questions: Whether each segment is a question (default: ends with ``?``).

    Returns:
        ``(features, names, hits)``: a float32 ``(n, len(FEATURE_NAMES))`` matrix, the feature
        names, and per text the matched cue words as ``category:word`` strings.

    Example:
        >>> f, names, hits = cue_features(["price isn't really the issue"], ["en"])
        >>> bool(f[0, names.index("dismissal")]), "price:price" in hits[0]
        (True, True)
    """
    n = len(texts)
    index = {name: i for i, name in enumerate(FEATURE_NAMES)}
    features = np.zeros((n, len(FEATURE_NAMES)), dtype=np.float32)
    hits: list[list[str]] = [[] for _ in range(n)]
    for row, (text, language) in enumerate(zip(texts, languages, strict=True)):
        table = load_cue_table(language)
        # ASCII text: lower-case it once and match without IGNORECASE (same spans, faster)
        scanned, patterns = (
            (text.lower(), table.ascii_patterns) if text.isascii() else (text, table.patterns)
        )
        spans: dict[str, list[tuple[int, int]]] = {}
        for category, pattern in patterns.items():
            found = [(m.start(), m.end()) for m in pattern.finditer(scanned)]
            if found:
                spans[category] = found
                features[row, index[category]] = 1.0
                if category not in ("first_person", "negation"):
                    word = re.sub(r"\s+", " ", text[found[0][0] : found[0][1]].lower())
                    hits[row].append(sys.intern(f"{category}:{word}"))  # shared: memory at scale
        negations = spans.get("negation", [])
        if negations:
            for category, derived in (
                ("problem", "negated_problem"),
                ("price", "negated_price"),
                ("delivery", "negated_price"),
                ("hesitation", "negated_problem"),
                ("habit", "negated_habit"),
                ("value", "negated_habit"),
            ):
                if category in spans and _near(negations, spans[category]):
                    features[row, index[derived]] = 1.0
        if "first_person" in spans and "want" in spans:
            features[row, index["first_person_want"]] = 1.0
        words = len(_WORDS.findall(text))
        is_question = questions[row] if questions is not None else text.rstrip().endswith("?")
        features[row, index["question"]] = float(is_question)
        features[row, index["short"]] = float(words <= 4)
        features[row, index["very_short"]] = float(words <= 2)
        features[row, index["long"]] = float(words >= 18)
    return features, list(FEATURE_NAMES), hits


__all__ = [
    "CATEGORIES",
    "FEATURE_NAMES",
    "QUESTION_KINDS",
    "CueTable",
    "available_cue_languages",
    "cue_features",
    "focus_question",
    "guess_language",
    "load_cue_table",
    "question_kind",
]
