"""Sentence and clause segmentation of respondent turns, with exact character spans.

Sentences are the ones a blank spaCy pipeline per language (tokenizer + rule-based
``sentencizer``) finds, computed without importing spaCy (:mod:`.sentences`). Each sentence is
then

1. split into clauses at contrast conjunctions (``but``, ``men``, ``maar``, ``tapi``,
   ``nhưng`` ...), only where both halves are substantive (each has enough words); with
   ``split_clauses="all"`` also at cause conjunctions (``because``, ``fordi``, ``karena`` ...)
   and, more cautiously, at ``and``-type conjunctions (an ``and`` half must start like a new
   clause);
2. trimmed: spoken fillers (``um``, ``you know``, ``[laughs]``, ``øh``, ``nou``, ``ừ`` ...),
   leading discourse words and edge punctuation are stripped from both edges.

A span is only ever narrowed, never rewritten, so ``text[start:end]`` of the turn is the
segment's text: statement quotes stay verbatim.

Adding a language: add an entry to ``data/clause_rules.json`` (conjunctions, clause starters,
fillers; read into :data:`CLAUSE_RULES`).
Languages with a cue table (:func:`~persona_nlp.extract.cues.available_cue_languages`) are
split with their own spaCy tokenizer rules (for their abbreviations); Vietnamese (whose blank
spaCy tokenizer wants ``pyvi``) and every other language use the multi-language ``xx`` rules.

Example:
    >>> spans = segment_texts(["Um, I always wait for the sale, but shipping kills it."], "en")[0]
    >>> ["Um, I always wait for the sale, but shipping kills it."[s.start:s.end] for s in spans]
    ['I always wait for the sale', 'shipping kills it']
"""

from __future__ import annotations

import bisect
import itertools
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..config import SplitMode, split_mode
from .sentences import SENTENCE_PUNCTUATION, SentenceSplitter, sentence_splitter

logger = logging.getLogger(__name__)

MIN_CLAUSE_WORDS = 3
"""Each half of a clause split must keep at least this many words."""

MIN_AND_CLAUSE_WORDS = 4
"""The right half of an ``and``-type split must have at least this many words."""

MAX_SEGMENT_CHARS = 4000
"""A clause longer than this (unpunctuated captions or ASR output run together) is cut at word
boundaries into pieces of at most this size: the embedding model reads only its first few
hundred words, and nothing of a statement that long would reach a report quote intact."""

_OWN_RULES_EXCLUDED = {"vi"}  # blank("vi") needs pyvi; the xx tokenizer splits punctuation well


@dataclass(frozen=True)
class ClauseRules:
    """Per-language clause-splitting and filler rules.

    Attributes:
        contrast: Contrast conjunctions (``but``, ``although``): split before them; after a comma
            even a one-word left half is kept (``"The price, but ..."``).
        cause: Cause conjunctions (``because``): split before them.
        weak: ``and``-type conjunctions: split only when the right half starts with a word in
            ``starters`` (a subject) or the conjunction follows a comma.
        comma_only: Conjunctions that only split after a comma (``, so``), being ambiguous otherwise.
        starters: Words a new clause typically starts with (pronouns, determiners).
        fillers: Spoken fillers and discourse words stripped from the start of a segment.
        trailing: Fillers stripped from the end of a segment (``you know``, ``I guess``).
        tags: Tag-question words (``right?``, ``ikke?``, ``toch?``): a sentence ending in one of
            them plus ``?`` is a statement, not a question; the tag is stripped.
    """

    contrast: tuple[str, ...]
    cause: tuple[str, ...]
    weak: tuple[str, ...]
    comma_only: tuple[str, ...]
    starters: tuple[str, ...]
    fillers: tuple[str, ...]
    trailing: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


def _load_clause_rules() -> tuple[tuple[str, ...], dict[str, ClauseRules]]:
    """Read ``data/clause_rules.json``: ``"@common"`` lists the fillers of every language and,
    inside a language's lists, stands for them."""
    data = json.loads(
        resources.files("persona_nlp").joinpath("data", "clause_rules.json").read_text("utf-8")
    )
    common = tuple(data.pop("@common"))

    def expand(values: list[str]) -> tuple[str, ...]:
        out: list[str] = []
        for value in values:
            out.extend(common if value == "@common" else (value,))
        return tuple(out)

    rules = {
        language: ClauseRules(**{name: expand(values) for name, values in fields.items()})
        for language, fields in data.items()
    }
    return common, rules


_COMMON_FILLERS, CLAUSE_RULES = _load_clause_rules()
"""Fillers of every language, and the clause rules per language (``data/clause_rules.json``)."""

_BRACKETED = r"(?:\[[^\]]{0,40}\]|\([^)]{0,40}\))"
_EDGE_PUNCT = " \t\n\r,;:.!?…-–—\"'“”‘’«»()[]*/"
_WORD = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class Segment:
    """A candidate statement span inside a turn.

    Attributes:
        start: Start character offset in the turn text.
        end: End character offset (exclusive).
        sentence: Index of the sentence the segment came from, within its turn.
        question: Whether the segment is a question (ends with ``?`` that is not a tag).
        joined: How the segment was split from the previous one of its sentence: ``""`` (first
            or only segment), ``"contrast"`` (but-type), ``"cause"`` (because-type: the clause
            usually explains the previous one) or ``"link"`` (and/so-type: often a
            second statement).
    """

    start: int
    end: int
    sentence: int = 0
    question: bool = False
    joined: str = ""


def _alternation(words: Sequence[str]) -> str:
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@dataclass(frozen=True)
class _Compiled:
    splitter: re.Pattern[str]
    contrast: frozenset[str]
    cause: frozenset[str]
    starters: frozenset[str]
    weak: frozenset[str]
    comma_only: frozenset[str]
    lead: re.Pattern[str]
    trail: re.Pattern[str]
    tag: re.Pattern[str] | None


@lru_cache(maxsize=64)
def _compiled(language: str) -> _Compiled:
    rules = CLAUSE_RULES.get(language, CLAUSE_RULES["en"] if language == "" else None)
    if rules is None:
        rules = ClauseRules(
            contrast=(),
            cause=(),
            weak=(),
            comma_only=(),
            starters=(),
            fillers=_COMMON_FILLERS,
            trailing=_COMMON_FILLERS,
        )
    conj = (
        _alternation((*rules.contrast, *rules.cause, *rules.weak, *rules.comma_only)) or r"(?!x)x"
    )
    splitter = re.compile(
        rf"(?P<comma>,\s*|\s+[-–—]\s+|\s+)(?P<conj>{conj})(?=\s)", re.IGNORECASE | re.UNICODE
    )
    fillers = _alternation(rules.fillers)
    filler_unit = rf"(?:{_BRACKETED}|(?:{fillers})(?![\w'’\-]))" if fillers else _BRACKETED
    lead = re.compile(
        rf"^(?:[\s,;:.!?…\-–—]*{filler_unit})+[\s,;:.!?…\-–—]*", re.IGNORECASE | re.UNICODE
    )
    trailing = _alternation(rules.trailing)
    trail_unit = rf"(?:{_BRACKETED}|(?<![\w'’\-])(?:{trailing}))" if trailing else _BRACKETED
    trail = re.compile(
        rf"(?:[\s,;:.!?…\-–—]*{trail_unit})+[\s,;:.!?…\-–—]*$", re.IGNORECASE | re.UNICODE
    )
    tags = _alternation(rules.tags)
    tag = (
        re.compile(rf"[\s,]+(?:{tags})\s*\?[\s?!.]*$", re.IGNORECASE | re.UNICODE) if tags else None
    )
    return _Compiled(
        splitter=splitter,
        contrast=frozenset(rules.contrast),
        cause=frozenset(re.sub(r"\s+", " ", c.lower()) for c in rules.cause),
        starters=frozenset(rules.starters),
        weak=frozenset(rules.weak),
        comma_only=frozenset(rules.comma_only),
        lead=lead,
        trail=trail,
        tag=tag,
    )


def _word_count(text: str) -> int:
    return sum(1 for part in text.split() if _WORD.search(part))


def is_question(text: str, language: str) -> bool:
    """Whether a sentence is a question: it ends with ``?`` that is not a tag question.

    Example:
        >>> is_question("The fit is awful, right?", "en"), is_question("Is it waterproof?", "en")
        (False, True)
    """
    stripped = text.rstrip(" \t\n\r\"'”’)»")
    if not stripped.endswith("?"):
        return False
    tag = _compiled(language).tag
    return not (tag is not None and tag.search(stripped))


def trim_span(text: str, start: int, end: int, language: str) -> tuple[int, int]:
    """Narrow ``text[start:end]`` by stripping fillers and edge punctuation from both edges.

    A tag question at the end (``, right?``, ``, ikke?``) is stripped too. Returns
    ``(start, end)`` with ``start == end`` when nothing substantive is left.

    Example:
        >>> text = "Um, you know, the shipping cost, I guess."
        >>> s, e = trim_span(text, 0, len(text), "en")
        >>> text[s:e]
        'the shipping cost'
    """
    rules = _compiled(language)
    if rules.tag is not None:
        match = rules.tag.search(text, start, end)
        if match and match.end() == end:
            end = match.start()
    for _ in range(4):
        before = (start, end)
        piece = text[start:end]
        stripped = piece.lstrip(_EDGE_PUNCT)
        start += len(piece) - len(stripped)
        piece = text[start:end]
        match = rules.lead.match(piece)
        if match and match.end() < len(piece):
            start += match.end()
        elif match:
            return start, start
        piece = text[start:end]
        stripped = piece.rstrip(_EDGE_PUNCT)
        end -= len(piece) - len(stripped)
        piece = text[start:end]
        match = rules.trail.search(piece)
        if match and match.start() > 0:
            end = start + match.start()
        if (start, end) == before:
            break
    if not _WORD.search(text[start:end]):
        return start, start
    # keep a closing bracket/quote that belongs to the span, never an unbalanced one
    return start, end


class _WordCounter:
    """Word counts of any slice of one sentence in O(log n), after one O(n) pass.

    A word is a whitespace-separated token holding a word character (:func:`_word_count`). A
    slice may cut a token; its clipped end is checked with a prefix count of word characters.
    Counting each clause candidate by re-splitting the sentence made clause splitting
    quadratic: minutes for one long unpunctuated turn (raw captions, ASR output).
    """

    def __init__(self, sentence: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.words_before = [0]  # tokens holding a word character, before token i
        for token in _TOKEN.finditer(sentence):
            self.starts.append(token.start())
            self.ends.append(token.end())
            counted = _WORD.search(token.group()) is not None
            self.words_before.append(self.words_before[-1] + counted)
        marks = bytearray(len(sentence))
        for char in _WORD.finditer(sentence):
            marks[char.start()] = 1
        self.chars_before = [0, *itertools.accumulate(marks)]  # word characters before i

    def _has_word(self, start: int, end: int) -> bool:
        return self.chars_before[end] > self.chars_before[start]

    def count(self, start: int, end: int) -> int:
        """``_word_count(sentence[start:end])``."""
        first = bisect.bisect_right(self.ends, start)  # first token ending after start
        last = bisect.bisect_left(self.starts, end) - 1  # last token starting before end
        if first > last:
            return 0
        if first == last:
            return int(self._has_word(max(start, self.starts[first]), min(end, self.ends[first])))
        inner = self.words_before[last] - self.words_before[first + 1]
        head = self._has_word(max(start, self.starts[first]), self.ends[first])
        tail = self._has_word(self.starts[last], min(end, self.ends[last]))
        return inner + int(head) + int(tail)


_TOKEN = re.compile(r"\S+")
_FIRST_WORD_WINDOW = 256
"""How far a clause's first word is looked at (starters are short words)."""


def _first_word(sentence: str, position: int) -> str:
    """``sentence[position:].strip().split(" ", 1)[0].lower().strip(",.")`` without copying the
    rest of the sentence (a copy per conjunction made long sentences quadratic)."""
    found = _TOKEN.search(sentence, position)
    if found is None:
        return ""
    window = sentence[found.start() : found.start() + _FIRST_WORD_WINDOW]
    return window.split(" ", 1)[0].strip().lower().strip(",.")


SPLIT_JOINS: dict[str, frozenset[str]] = {
    "contrast": frozenset({"contrast"}),
    "all": frozenset({"contrast", "cause", "link"}),
    "none": frozenset(),
}
"""The conjunction types each split mode cuts at: but-type (``contrast``), because-type
(``cause``), and/so-type (``link``)."""


def _split_clauses(
    text: str,
    start: int,
    end: int,
    language: str,
    joins: frozenset[str] = SPLIT_JOINS["all"],
) -> list[tuple[int, int, str]]:
    """Split one sentence span at conjunctions (of the types in ``joins``) where both halves
    are substantive.

    Returns ``(start, end, joined)`` pieces; ``joined`` is ``""`` for the first piece. Linear
    in the sentence's length (word counts come from :class:`_WordCounter`).
    """
    rules = _compiled(language)
    sentence = text[start:end]
    words: _WordCounter | None = None
    cuts: list[tuple[int, int, str, int]] = []  # (left_end, right_start, joined, min_left)
    for match in rules.splitter.finditer(sentence):
        if words is None:
            words = _WordCounter(sentence)
        conj_key = re.sub(r"\s+", " ", match.group("conj").lower())
        has_comma = match.group("comma").strip() != ""
        contrast = conj_key in rules.contrast
        if conj_key in rules.comma_only and not has_comma:
            continue
        first = _first_word(sentence, match.end())
        right_words = words.count(match.end(), len(sentence))
        if conj_key in rules.weak and (
            right_words < MIN_AND_CLAUSE_WORDS or not (has_comma or first in rules.starters)
        ):
            continue
        new_subject = first in rules.starters
        if contrast and has_comma:
            min_left = 1
        elif has_comma and new_subject:
            # a terse survey answer, then a new clause: "Lang leveringstid, og jeg kjøper aldri ..."
            min_left = 2
        else:
            min_left = MIN_CLAUSE_WORDS
        if words.count(0, match.start()) < min_left or right_words < MIN_CLAUSE_WORDS:
            continue
        joined = "contrast" if contrast else "cause" if conj_key in rules.cause else "link"
        if joined not in joins:
            continue
        cuts.append((match.start(), match.end(), joined, min_left))
    if not cuts or words is None:
        return [(start, end, "")]
    spans: list[tuple[int, int, str]] = []
    left_start, joined = 0, ""
    for left_end, right_start, kind, minimum in cuts:
        if words.count(left_start, left_end) < minimum:
            continue
        spans.append((start + left_start, start + left_end, joined))
        left_start, joined = right_start, kind
    spans.append((start + left_start, end, joined))
    if (
        len(spans) > 1
        and words.count(spans[-1][0] - start, spans[-1][1] - start) < MIN_CLAUSE_WORDS
    ):
        last = spans.pop()
        spans[-1] = (spans[-1][0], last[1], spans[-1][2])
    return spans


@lru_cache(maxsize=64)
def _piece_cutter(language: str) -> re.Pattern[str]:
    rules = CLAUSE_RULES.get(language)
    words = (*rules.contrast, *rules.cause, *rules.weak, *rules.comma_only) if rules else ()
    conj = _alternation(words)
    after_mark = rf"(?:(?:{conj})(?![\w'’\-]))?" if conj else ""
    bare = rf"|(?<=\s)(?:{conj})(?=\s)" if conj else ""
    return re.compile(rf"(?:[,;:]|\s[-–—]\s|[–—])\s*{after_mark}{bare}", re.IGNORECASE | re.UNICODE)


def clause_pieces(text: str, start: int, end: int, language: str | None) -> list[tuple[int, int]]:
    """The clauses of ``text[start:end]``, cut at commas, semicolons, colons, dashes and the
    language's conjunctions of every type, each trimmed like a segment.

    Finer than segmentation, which keeps "X, so Y" and "X because Y" together: used to find a
    second statement inside one (the problem behind a goal). Pieces without a word are left out;
    one piece (the span itself, trimmed) when nothing cuts it.

    Example:
        >>> text = "Replace my old boots, they leak and my socks get soaked"
        >>> [text[a:b] for a, b in clause_pieces(text, 0, len(text), "en")]
        ['Replace my old boots', 'they leak', 'my socks get soaked']
    """
    code = language or "en"
    pieces: list[tuple[int, int]] = []
    position = start
    for match in _piece_cutter(code).finditer(text, start, end):
        if match.end() == match.start():
            continue
        pieces.append((position, match.start()))
        position = match.end()
    pieces.append((position, end))
    trimmed = [trim_span(text, a, b, code) for a, b in pieces]
    return [(a, b) for a, b in trimmed if b > a]


def splitter_for(language: str | None) -> SentenceSplitter:
    """The sentence splitter of a language: its own spaCy tokenizer rules when it has a cue
    table (:func:`~persona_nlp.extract.cues.available_cue_languages`), else ``xx``'s.

    Example:
        >>> splitter_for("da").language, splitter_for("vi").language, splitter_for("fr").language
        ('da', 'xx', 'xx')
    """
    from .cues import available_cue_languages

    code = (language or "").lower()
    own = code in available_cue_languages() and code not in _OWN_RULES_EXCLUDED
    return sentence_splitter(code if own else None)


_SENTENCE_PUNCTUATION_STRING = "".join(sorted(SENTENCE_PUNCTUATION))


def segment_texts(
    texts: Sequence[str],
    language: str | None,
    *,
    split_clauses: bool | SplitMode = "contrast",
) -> list[list[Segment]]:
    """Segment texts of one language into trimmed sentence/clause spans.

    Args:
        texts: Turn texts.
        language: ISO 639-1 code (``None`` uses English rules with the ``xx`` tokenizer).
        split_clauses: Where sentences are split into clauses: ``"contrast"`` (default) at
            but-type conjunctions only ("I like the fit, but the price is too high" carries two
            stances; "X because Y" and "X, so Y" stay one statement, as annotators mark
            them), ``"all"`` (or ``True``) also at and/so/because-type conjunctions,
            ``"none"`` (or ``False``) never.

    Returns:
        One list of :class:`Segment` per text, in text order; every span is non-empty and
        ``text[start:end]`` is its exact text.

    Example:
        >>> [(s.start, s.end) for s in segment_texts(["Yeah. I need new boots."], "en")[0]]
        [(6, 22)]
    """
    joins = SPLIT_JOINS[split_mode(split_clauses)]
    code = (language or "").lower()
    splitter = splitter_for(code)
    rules_code = code if code in CLAUSE_RULES else ("en" if not code else code)
    out: list[list[Segment]] = []
    cut_turns = 0
    for text in texts:
        # sentence punctuation only at the end (the sentencizer starts a sentence only after
        # one): one sentence, no tokenizing
        one = (
            bool(text)
            and text == text.strip()
            and SENTENCE_PUNCTUATION.isdisjoint(text.rstrip(_SENTENCE_PUNCTUATION_STRING))
        )
        sentences = [(0, len(text))] if one else splitter.sentences(text)
        segments: list[Segment] = []
        for number, (s_start, s_end) in enumerate(sentences):
            pieces = (
                _split_clauses(text, s_start, s_end, rules_code, joins)
                if joins
                else [(s_start, s_end, "")]
            )
            if any(p_end - p_start > MAX_SEGMENT_CHARS for p_start, p_end, _ in pieces):
                cut_turns += 1
                pieces = [piece for whole in pieces for piece in _cut_long(text, *whole)]
            for p_start, p_end, joined in pieces:
                t_start, t_end = trim_span(text, p_start, p_end, rules_code)
                if t_end > t_start:
                    question = is_question(text[p_start:p_end], rules_code)
                    segments.append(Segment(t_start, t_end, number, question, joined))
        out.append(segments)
    if cut_turns:
        logger.warning(
            "%d turn(s) hold a stretch of over %d characters without sentence punctuation "
            "(raw captions or speech-to-text?); cut into pieces at word boundaries",
            cut_turns,
            MAX_SEGMENT_CHARS,
        )
    return out


def _cut_long(text: str, start: int, end: int, joined: str) -> list[tuple[int, int, str]]:
    """Cut ``text[start:end]`` at whitespace into pieces of at most :data:`MAX_SEGMENT_CHARS`
    (a piece with no whitespace at all is cut at the limit)."""
    pieces: list[tuple[int, int, str]] = []
    while end - start > MAX_SEGMENT_CHARS:
        limit = start + MAX_SEGMENT_CHARS
        cut = text.rfind(" ", start + 1, limit + 1)
        cut = cut if cut > start else limit
        pieces.append((start, cut, joined))
        start, joined = cut, "link"
    pieces.append((start, end, joined))
    return pieces


__all__ = [
    "CLAUSE_RULES",
    "ClauseRules",
    "Segment",
    "clause_pieces",
    "is_question",
    "segment_texts",
    "splitter_for",
    "trim_span",
]
