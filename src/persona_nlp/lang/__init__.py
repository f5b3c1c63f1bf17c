"""Language identification with lingua (``lingua-language-detector``).

Stage folder ``lang/`` (first in the flow; every later stage may use it): language
identification in this module and stop words (:mod:`.stopwords`). Imports only the core modules.

lingua is a well-kept n-gram language identifier with a Rust core; it is accurate on short text
(survey answers of a few words), which fastText-style identifiers are not, and it needs no model
download. A detector is built once per set of candidate languages and cached.

Codes are ISO 639-1; Norwegian Bokmål is ``"nb"`` (``"no"`` is accepted as a candidate and
means Bokmål too). Text that is too short or too ambiguous to tell gives ``None``.

Example:
    >>> detect_language("The delivery was late and nobody told me why.")
    'en'
    >>> detect_language("Leveringen var forsinket, og ingen fortalte mig hvorfor.")
    'da'
    >>> detect_language("ok") is None
    True
"""

from __future__ import annotations

import functools
import logging
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from ..errors import ConfigError

logger = logging.getLogger(__name__)

DEFAULT_CANDIDATES: tuple[str, ...] = ("en", "da", "nb", "nl", "id", "vi", "de", "sv", "fr", "es")
"""Candidate languages when none are given (the same as ``IngestConfig.languages``)."""

MIN_LETTERS = 3
"""Text with fewer letters than this is too short to identify."""

MIN_CONFIDENCE = 0.3
"""The most likely language must have at least this confidence (0-1), else ``None``."""

MAX_CHARS = 1000
"""Only the first this many characters are used: more does not change the answer, only the time."""

LONG_TEXT_CHARS = 80
"""Texts at least this long use lingua's low-accuracy mode (trigrams only): as accurate on long
text and about three times faster; shorter texts use all n-gram models."""

CLOSE_CALL_CHARS = 40
"""In batches (:func:`language_confidences`), texts shorter than this are always identified with
all n-gram models; longer ones with trigrams first (about four times faster)."""

CLOSE_CALL_MARGIN = 0.3
"""A trigram-only answer whose two best languages are closer than this is checked with all
n-gram models."""

CONTENDERS = 3
"""Languages a close call is decided between (the trigram answer's most likely ones)."""

CLOSE_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"da", "nb", "nn", "sv"}),
    frozenset({"nl", "de", "af"}),
    frozenset({"es", "pt", "gl", "ca"}),
    frozenset({"id", "ms"}),
    frozenset({"cs", "sk"}),
    frozenset({"hr", "bs", "sr"}),
)
"""Languages that trigrams alone confuse: a trigram answer naming two of one family is checked
with all n-gram models unless it is near-certain. On 8,000 generated survey answers of 3+ words
in en/da/nb/nl/id/vi (``benchmarks/generate_survey.py``), 10% of answers are checked again and
accuracy is 97.5%, the same as all n-gram models on answers under 80 characters (the previous
rule); trigrams alone give 95.8%, all n-gram models on every answer 98.1% at twice the time."""

_ALIASES = {"no": "nb", "iw": "he", "in": "id", "ji": "yi"}


def _normalise_codes(candidates: Iterable[str] | None) -> tuple[str, ...]:
    codes = [c.strip().lower() for c in (candidates or DEFAULT_CANDIDATES) if c and c.strip()]
    return tuple(sorted({_ALIASES.get(c, c) for c in codes}))


def check_language_codes(codes: Iterable[str]) -> None:
    """Raise :class:`ConfigError` for a code lingua does not know (cheap: loads no model).

    Example:
        >>> check_language_codes(["en", "nb", "no"])
    """
    from lingua import IsoCode639_1

    for code in _normalise_codes(codes):
        try:
            IsoCode639_1.from_str(code)
        except ValueError:
            raise ConfigError(
                f"unknown language code {code!r} (fix: use ISO 639-1 codes such as en, da, nb, nl, id, vi)"
            ) from None


def _builder(codes: tuple[str, ...], low_accuracy: bool) -> Any:
    """A lingua builder for these languages, or ``None`` for a single one."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    isos = []
    for code in codes:
        try:
            isos.append(IsoCode639_1.from_str(code))
        except ValueError:
            raise ConfigError(
                f"unknown language code {code!r} (fix: use ISO 639-1 codes such as en, da, nb, nl, id, vi)"
            ) from None
    if len(isos) == 1:
        # lingua needs at least two languages; a single candidate is simply the answer.
        return None
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*isos)
    return builder.with_low_accuracy_mode() if low_accuracy else builder


@functools.lru_cache(maxsize=128)
def _detector(codes: tuple[str, ...], low_accuracy: bool = False) -> Any:
    builder = _builder(codes, low_accuracy)
    return None if builder is None else builder.build()


@functools.lru_cache(maxsize=128)
def _preload(codes: tuple[str, ...], low_accuracy: bool = False) -> None:
    """Load the n-gram models of these languages now, all at once.

    lingua keeps one copy of each language's models for every detector in the process, and
    loads a preloading detector's models in parallel; a detector that meets them one text at a
    time loads them one by one, which took most of a cold run's language identification
    (about 2.5 s for the ten default candidates). The answers do not change: the same models
    are used, only loaded earlier.
    """
    if len(codes) < 2:
        return
    builder = _builder(codes, low_accuracy)
    if builder is not None:
        builder.with_preloaded_language_models().build()


def _letters(text: str) -> int:
    return sum(1 for ch in text[:200] if ch.isalpha())


def _code(language: Any) -> str:
    # interned: a million answers share a handful of code strings instead of one each
    return sys.intern(str(language.iso_code_639_1.name).lower())


def _pick(confidences: Sequence[Any]) -> str | None:
    if not confidences:
        return None
    best = confidences[0]
    if best.value < MIN_CONFIDENCE:
        return None
    return _code(best.language)


_VIETNAMESE_ONLY = re.compile("[ăĂơƠưƯđĐ\u1ea0-\u1ef9]")
"""Letters no other candidate language writes (ă ơ ư đ and the stacked-diacritic block
U+1EA0-U+1EF9: ắ ầ ế ộ ...). lingua's short-text models miss them: "Sắm đồ Tết cho hai bé" came
out French."""


def _script_rule(text: str, codes: tuple[str, ...]) -> dict[str, float] | None:
    """A certain answer from the letters alone, or ``None``.

    Example:
        >>> _script_rule("Sắm đồ Tết cho hai bé", ("en", "fr", "vi"))
        {'vi': 1.0}
        >>> _script_rule("Très bien", ("en", "fr", "vi")) is None
        True
    """
    if "vi" in codes and _VIETNAMESE_ONLY.search(text):
        return {"vi": 1.0}
    return None


def detect_language(text: str, candidates: list[str] | None = None) -> str | None:
    """Return the ISO 639-1 code of ``text``'s language, or ``None`` if it cannot be told.

    Args:
        text: Any text; only its first :data:`MAX_CHARS` characters are used.
        candidates: ISO 639-1 codes to choose from (default :data:`DEFAULT_CANDIDATES`).
            Restricting the candidates to the languages you expect makes detection both
            faster and more accurate.

    Returns:
        A code such as ``"en"`` or ``"nb"``, or ``None`` for text with fewer than
        :data:`MIN_LETTERS` letters or no language with at least :data:`MIN_CONFIDENCE`.

    Raises:
        ConfigError: A candidate is not an ISO 639-1 code lingua knows.

    Example:
        >>> detect_language("Harganya terlalu mahal untuk saya", ["en", "id", "vi"])
        'id'
    """
    codes = _normalise_codes(candidates)
    if _letters(text) < MIN_LETTERS:
        return None
    text = text[:MAX_CHARS]
    certain = _script_rule(text, codes)
    if certain is not None:
        return next(iter(certain))
    detector = _detector(codes, len(text) >= LONG_TEXT_CHARS)
    if detector is None:
        return codes[0]
    return _pick(detector.compute_language_confidence_values(text))


def _close_call(scores: dict[str, float], text: str) -> bool:
    """Whether a low-accuracy answer is worth checking with all n-gram models."""
    if len(text) < CLOSE_CALL_CHARS:
        return True
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    if len(ranked) < 2:
        return not ranked
    (first, best), (second, runner_up) = ranked[0], ranked[1]
    if best - runner_up < CLOSE_CALL_MARGIN:
        return True
    return best - runner_up < 0.95 and any(
        first in family and second in family for family in CLOSE_FAMILIES
    )


def _scores(detector: Any, texts: list[str]) -> list[dict[str, float]]:
    values = detector.compute_language_confidence_values_in_parallel(texts)
    return [{_code(c.language): float(c.value) for c in confidences} for confidences in values]


def likeliest(score: dict[str, float], n: int = CONTENDERS) -> list[str]:
    """The ``n`` most likely languages of a confidence dict (ties: the first code).

    Example:
        >>> likeliest({"da": 0.5, "en": 0.3, "nb": 0.1, "sv": 0.1})
        ['da', 'en', 'nb']
    """
    return [code for code, _ in sorted(score.items(), key=lambda item: (-item[1], item[0]))[:n]]


def _decide_contests(
    texts: Sequence[str], contests: dict[tuple[str, ...], list[int]], result: list[dict[str, float]]
) -> None:
    """Score ``texts[i]`` with all n-gram models among its contenders, into ``result[i]``.

    Every contest's languages are loaded in one parallel load instead of one by one as texts
    meet them; a contest with one language is that language.
    """
    used = {code for contenders in contests if len(contenders) > 1 for code in contenders}
    _preload(tuple(sorted(used)))
    for contenders, positions in sorted(contests.items()):
        detector = _detector(contenders, False)
        if detector is None:
            for i in positions:
                result[i] = {contenders[0]: 1.0}
            continue
        for i, score in zip(
            positions, _scores(detector, [texts[i] for i in positions]), strict=True
        ):
            result[i] = score


def _batch_scores(keys: list[str], codes: tuple[str, ...]) -> list[dict[str, float]]:
    """Confidences for distinct texts: lingua's low-accuracy mode (trigrams only) first, then
    all n-gram models for the close calls (:func:`_close_call`)."""
    low = _detector(codes, True)
    if low is None:
        return [{codes[0]: 1.0} for _ in keys]
    _preload(codes, True)
    result = _scores(low, keys)
    for i, key in enumerate(keys):
        certain = _script_rule(key, codes)
        if certain is not None:
            result[i] = certain
    # close calls: all n-gram models, but only for the languages in contention (the trigram
    # answer's top CONTENDERS), so only their large models are loaded
    contests: dict[tuple[str, ...], list[int]] = {}
    for i, key in enumerate(keys):
        if _close_call(result[i], key) and _script_rule(key, codes) is None:
            contenders = tuple(sorted(likeliest(result[i]))) or codes
            contests.setdefault(contenders, []).append(i)
    _decide_contests(keys, contests, result)
    return result


def language_confidences(
    texts: Sequence[str], candidates: list[str] | None = None
) -> list[dict[str, float]]:
    """Confidence (0-1) of each candidate language for many texts (in parallel, deduplicated).

    Texts with fewer than :data:`MIN_LETTERS` letters get an empty dict. Useful to combine the
    evidence of a text with a prior, e.g. the language of the document it comes from.

    Example:
        >>> scores = language_confidences(["Prisen var for høy"], ["da", "nb"])[0]
        >>> sorted(scores) == ["da", "nb"]
        True
    """
    codes = _normalise_codes(candidates)
    results: list[dict[str, float]] = [{} for _ in texts]
    unique: dict[str, list[int]] = {}
    for position, text in enumerate(texts):
        if _letters(text) >= MIN_LETTERS:
            unique.setdefault(text[:MAX_CHARS], []).append(position)
    if not unique:
        return results
    keys = list(unique)
    for key, score in zip(keys, _batch_scores(keys, codes), strict=True):
        for position in unique[key]:
            results[position] = score
    return results


def recheck_confidences(
    texts: Sequence[str], contenders: Sequence[Sequence[str]]
) -> list[dict[str, float]]:
    """Confidences from all of lingua's n-gram models, each text among its own contenders.

    :func:`language_confidences` decides texts of :data:`CLOSE_CALL_CHARS` characters or more
    with trigrams first, which can be confidently wrong on a sentence ("I want the grocery bill
    under a hundred a week." read as Danish, 0.92). A caller that doubts such an answer (it
    contradicts the text's prior, e.g. its survey's language) asks again here, between the
    trigram answer's likeliest languages and the prior; texts sharing contenders are
    identified in one batch. Texts with fewer than :data:`MIN_LETTERS` letters get an empty
    dict.

    Example:
        >>> text = "I want the grocery bill under a hundred a week."
        >>> scores = recheck_confidences([text], [["da", "en", "nb"]])
        >>> max(scores[0], key=scores[0].get)
        'en'
    """
    keys = [text[:MAX_CHARS] for text in texts]
    results: list[dict[str, float]] = [{} for _ in texts]
    contests: dict[tuple[str, ...], list[int]] = {}
    for position, (key, candidates) in enumerate(zip(keys, contenders, strict=True)):
        if _letters(key) < MIN_LETTERS:
            continue
        codes = _normalise_codes(candidates)
        certain = _script_rule(key, codes)
        if certain is not None:
            results[position] = certain
        else:
            contests.setdefault(codes, []).append(position)
    _decide_contests(keys, contests, results)
    return results


def detect_languages(texts: Sequence[str], candidates: list[str] | None = None) -> list[str | None]:
    """Detect the language of many texts at once (in parallel; repeated texts detected once).

    Same rules as :func:`detect_language`, one answer per text.

    Example:
        >>> detect_languages(["Giá quá cao so với chất lượng", "-", "De prijs is veel te hoog"])
        ['vi', None, 'nl']
    """
    answers: list[str | None] = []
    for score in language_confidences(texts, candidates):
        best = max(score.items(), key=lambda item: (item[1], item[0]), default=None)
        answers.append(best[0] if best is not None and best[1] >= MIN_CONFIDENCE else None)
    return answers


def most_common_language(codes: Iterable[str | None]) -> str | None:
    """The most frequent language code (ties: the first alphabetically); ``None`` counts not.

    Example:
        >>> most_common_language(["da", "en", "en", None]), most_common_language([None])
        ('en', None)
    """
    counts = Counter(code for code in codes if code)
    return min(counts, key=lambda code: (-counts[code], code)) if counts else None


__all__ = [
    "most_common_language",
    "DEFAULT_CANDIDATES",
    "CLOSE_CALL_CHARS",
    "CLOSE_CALL_MARGIN",
    "LONG_TEXT_CHARS",
    "MIN_CONFIDENCE",
    "MIN_LETTERS",
    "check_language_codes",
    "detect_language",
    "detect_languages",
    "language_confidences",
    "likeliest",
    "recheck_confidences",
]
