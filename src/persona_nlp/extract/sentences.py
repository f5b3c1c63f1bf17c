"""Sentence boundaries as spaCy's blank pipeline with its ``sentencizer`` finds them, without
importing spaCy.

Segmentation used a blank spaCy pipeline per language (tokenizer + rule-based sentencizer).
Importing spaCy (its package pulls in its CLI: typer, weasel, httpx, jinja2) and building six
blank pipelines cost about 2-4 s of every cold ``persona-nlp analyze``, for what is a handful of
regular expressions and a table of abbreviations. This module runs the same algorithm in plain
Python on spaCy's own data, exported once to ``data/sentence_rules.json``:

* the tokenizer (``spacy/tokenizer.pyx``): split at whitespace (a single ``" "`` after a token
  belongs to it, any other whitespace is a token); strip prefixes and suffixes until none is
  left or the rest is a special case (an abbreviation such as ``"e.g."``) or a URL; split the
  rest at infixes; then re-join token runs that spell a special case (spaCy's special matcher);
* the sentencizer (``spacy/pipeline/sentencizer.pyx``): after a token that is one of the
  sentence punctuation characters (``.``, ``!``, ``?``, ``。`` ...), the next token that is not
  punctuation starts a sentence.

Only special cases containing a period are kept, as the segmenter's spaCy pipelines did (the
others, contractions and emoticons, never move a sentence boundary). The rules were exported
from spaCy 3.8 (MIT licence); :func:`export_spacy_rules` re-exports them and
``tests/extract/test_sentences.py`` checks the shipped file against the installed spaCy and the
splitter against spaCy's sentences.

Example:
    >>> text = "I paid 3.5 dollars, e.g. on sale! Never again... Mr. Smith agreed."
    >>> [text[start:end] for start, end in sentence_spans(text, "en")]
    ['I paid 3.5 dollars, e.g. on sale!', 'Never again... Mr. Smith agreed.']
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

RULES_FILE = "sentence_rules.json"
"""spaCy's tokenizer rules per language, in ``persona_nlp/data``."""

FALLBACK_LANGUAGE = "xx"
"""spaCy's multi-language rules: for every language without its own entry."""

SENTENCE_PUNCTUATION: frozenset[str] = frozenset(
    "!.?։؟۔܀܁܂߹।॥၊။።፧፨᙮᜵᜶᠃᠉᥄᥅᪨᪩᪪᪫᭚᭛᭞᭟᰻᰼᱾᱿‼‽⁇⁈⁉⸮⸼꓿꘎꘏꛳꛷꡶꡷꣎꣏꤯꧈꧉꩝꩞꩟꫰꫱꯫﹒﹖﹗！．？"
    "𐩖𐩗𑁇𑁈𑂾𑂿𑃀𑃁𑅁𑅂𑅃𑇅𑇆𑇍𑇞𑇟𑈸𑈹𑈻𑈼𑊩𑑋𑑌𑗂𑗃𑗉𑗊𑗋𑗌𑗍𑗎𑗏𑗐𑗑𑗒𑗓𑗔𑗕𑗖𑗗𑙁𑙂𑜼𑜽𑜾𑩂𑩃𑪛𑪜𑱁𑱂𖩮𖩯𖫵𖬷𖬸𖭄𛲟𝪈｡。"
)
"""The sentencizer's default punctuation characters (``Sentencizer.default_punct_chars``)."""

_CACHE_LIMIT = 10_000
"""Whitespace-delimited chunks whose tokens are remembered per language, as spaCy's tokenizer
does (the first ones met; a million answers would otherwise hold every distinct word)."""


def _is_punct(token: str) -> bool:
    """spaCy's ``Token.is_punct``: every character is Unicode punctuation (category ``P*``)."""
    return all(unicodedata.category(char).startswith("P") for char in token)


@dataclass
class SentenceSplitter:
    """spaCy's tokenizer and sentencizer for one language's rules (see the module docstring).

    Attributes:
        language: The rules' language code (``xx`` for the multi-language rules).

    Example:
        >>> splitter = sentence_splitter("da")
        >>> splitter.tokens("Jeg venter bl.a. på udsalg.")
        [(0, 'Jeg'), (4, 'venter'), (11, 'bl.a.'), (17, 'på'), (20, 'udsalg'), (26, '.')]
    """

    language: str
    prefix: re.Pattern[str]
    suffix: re.Pattern[str]
    infix: re.Pattern[str]
    url: re.Pattern[str] | None
    token_match: re.Pattern[str] | None
    specials: dict[str, tuple[str, ...]]
    _cache: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _matcher: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] | None = field(
        default=None, repr=False
    )

    # -- tokenizer ---------------------------------------------------------------------------

    def _prefix_length(self, text: str) -> int:
        match = self.prefix.search(text)
        return match.end() - match.start() if match else 0

    def _suffix_length(self, text: str) -> int:
        match = self.suffix.search(text)
        return match.end() - match.start() if match else 0

    def _matches_whole(self, text: str) -> bool:
        return (self.token_match is not None and self.token_match.match(text) is not None) or (
            self.url is not None and self.url.match(text) is not None
        )

    def _split_affixes(self, text: str, specials: bool) -> tuple[list[str], str, list[str]]:
        """``Tokenizer._split_affixes``: prefixes, the rest, suffixes (outermost last)."""
        prefixes: list[str] = []
        suffixes: list[str] = []
        last_size = -1
        while text and len(text) != last_size:
            if self.token_match is not None and self.token_match.match(text):
                break
            if specials and text in self.specials:
                break
            last_size = len(text)
            pre_len = self._prefix_length(text)
            if pre_len and specials and text[pre_len:] in self.specials:
                prefixes.append(text[:pre_len])
                text = text[pre_len:]
                break
            suf_len = self._suffix_length(text[pre_len:])
            if suf_len and specials and text[:-suf_len] in self.specials:
                suffixes.append(text[-suf_len:])
                text = text[:-suf_len]
                break
            if pre_len and suf_len and pre_len + suf_len <= len(text):
                prefixes.append(text[:pre_len])
                suffixes.append(text[-suf_len:])
                text = text[pre_len:-suf_len]
            elif pre_len:
                prefixes.append(text[:pre_len])
                text = text[pre_len:]
            elif suf_len:
                suffixes.append(text[-suf_len:])
                text = text[:-suf_len]
        return prefixes, text, suffixes

    def _chunk(self, chunk: str, specials: bool) -> tuple[str, ...]:
        """The tokens of one whitespace-delimited chunk (``_try_specials_and_cache`` and
        ``_tokenize``)."""
        if specials:
            if chunk in self.specials:
                return self.specials[chunk]
            cached = self._cache.get(chunk)
            if cached is not None:
                return cached
        prefixes, rest, suffixes = self._split_affixes(chunk, specials)
        tokens = list(prefixes)
        if rest:
            if specials and rest in self.specials:
                tokens.extend(self.specials[rest])
            elif self._matches_whole(rest):
                tokens.append(rest)
            else:
                tokens.extend(self._split_infixes(rest))
        tokens.extend(reversed(suffixes))
        result = tuple(tokens)
        if specials and len(self._cache) < _CACHE_LIMIT:
            self._cache[chunk] = result
        return result

    def _split_infixes(self, text: str) -> list[str]:
        """``Tokenizer._attach_tokens``' infix loop (an infix at position 0 is ignored)."""
        tokens: list[str] = []
        start = 0
        for match in self.infix.finditer(text):
            infix_start, infix_end = match.span()
            if infix_start == 0:
                continue
            if infix_start != start:
                tokens.append(text[start:infix_start])
            if infix_start != infix_end:
                tokens.append(text[infix_start:infix_end])
            start = infix_end
        if text[start:]:
            tokens.append(text[start:])
        return tokens

    def _tokenize_affixes(self, text: str, specials: bool) -> list[tuple[int, str]]:
        """``Tokenizer._tokenize_affixes``: whitespace runs, then each chunk's tokens."""
        out: list[tuple[int, str]] = []
        for run in re.finditer(r"\s+|\S+", text):
            start, chunk = run.start(), run.group()
            if chunk[0].isspace():
                # the first " " after a token belongs to it; the rest of the run is a token
                if start > 0 and chunk[0] == " ":
                    start, chunk = start + 1, chunk[1:]
                if not chunk:
                    continue
            for token in self._chunk(chunk, specials):
                out.append((start, token))
                start += len(token)
        return out

    def _special_patterns(self) -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
        """The special matcher's patterns, by first token: special cases that the affix rules
        would split (their tokens without special cases) -> the special cases they spell."""
        if self._matcher is None:
            patterns: dict[tuple[str, ...], set[str]] = {}
            for chunk in self.specials:
                if (
                    self._prefix_length(chunk)
                    or self._suffix_length(chunk)
                    or self.infix.search(chunk)
                    or " " in chunk
                ):
                    orths = tuple(token for _, token in self._tokenize_affixes(chunk, False))
                    patterns.setdefault(orths, set()).add(chunk)
            by_first: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
            for orths in patterns:
                by_first.setdefault(orths[:1], []).append(orths)
            self._matcher = {first: tuple(group) for first, group in by_first.items()}
        return self._matcher

    def _apply_special_matcher(
        self, text: str, tokens: list[tuple[int, str]]
    ) -> list[tuple[int, str]]:
        """``Tokenizer._apply_special_cases``: runs of tokens that spell a special case's
        affix-split form become the special case's tokens (longest, then leftmost, first)."""
        patterns = self._special_patterns()
        orths = [token for _, token in tokens]
        matches: list[tuple[int, int]] = []
        for i, orth in enumerate(orths):
            for pattern in patterns.get((orth,), ()):
                if tuple(orths[i : i + len(pattern)]) == pattern:
                    matches.append((i, i + len(pattern)))
        if not matches:
            return tokens
        seen: set[int] = set()
        chosen: list[tuple[int, int]] = []
        for start, end in sorted(set(matches), key=lambda span: (span[0] - span[1], span[0])):
            if start not in seen and end - 1 not in seen:
                chosen.append((start, end))
            seen.update(range(start, end))
        out: list[tuple[int, str]] = []
        position = 0
        for start, end in sorted(chosen):
            out.extend(tokens[position:start])
            first = tokens[start][0]
            spelled = text[first : tokens[end - 1][0] + len(tokens[end - 1][1])]
            if spelled in self.specials:
                for token in self.specials[spelled]:
                    out.append((first, token))
                    first += len(token)
            else:
                out.extend(tokens[start:end])
            position = end
        out.extend(tokens[position:])
        return out

    def tokens(self, text: str) -> list[tuple[int, str]]:
        """spaCy's tokens of ``text`` as ``(start offset, token text)`` pairs, whitespace
        tokens included."""
        tokens = self._tokenize_affixes(text, True)
        return self._apply_special_matcher(text, tokens) if tokens else tokens

    # -- sentencizer -------------------------------------------------------------------------

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` character spans of the sentences of ``text``, as spaCy's
        ``doc.sents`` gives them (``span.start_char``, ``span.end_char``)."""
        tokens = self.tokens(text)
        if not tokens:
            return []
        starts = [0]
        seen_period = False
        for i, (_, token) in enumerate(tokens):
            is_sentence_punctuation = token in SENTENCE_PUNCTUATION
            if seen_period and not is_sentence_punctuation and not _is_punct(token):
                starts.append(i)
                seen_period = False
            elif is_sentence_punctuation:
                seen_period = True
        ends = [*starts[1:], len(tokens)]
        return [
            (tokens[first][0], tokens[last - 1][0] + len(tokens[last - 1][1]))
            for first, last in zip(starts, ends, strict=True)
        ]


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("persona_nlp").joinpath("data", RULES_FILE).read_text("utf-8")
    )
    return data


def rule_languages() -> tuple[str, ...]:
    """Language codes with their own tokenizer rules (``xx`` included).

    Example:
        >>> {"en", "da", "nb", "nl", "id", "xx"} <= set(rule_languages())
        True
    """
    return tuple(sorted(_rules()["languages"]))


@cache
def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    return re.compile(pattern, flags)


@lru_cache(maxsize=32)
def sentence_splitter(language: str | None) -> SentenceSplitter:
    """The cached splitter of a language; languages without their own rules use ``xx``'s.

    Example:
        >>> sentence_splitter("fr").language, sentence_splitter(None).language
        ('xx', 'xx')
    """
    data = _rules()
    code = language if language is not None and language in data["languages"] else FALLBACK_LANGUAGE
    entry = data["languages"][code]
    flags = int(data["flags"])

    def pattern(name: str) -> re.Pattern[str] | None:
        key = entry[name]
        return None if key is None else _compile(data["patterns"][key], flags)

    never = re.compile(r"(?!x)x")
    return SentenceSplitter(
        language=code,
        prefix=pattern("prefix") or never,
        suffix=pattern("suffix") or never,
        infix=pattern("infix") or never,
        url=pattern("url"),
        token_match=pattern("token_match"),
        specials={chunk: tuple(orths) for chunk, orths in entry["specials"].items()},
    )


def sentence_spans(text: str, language: str | None) -> list[tuple[int, int]]:
    """Sentence spans of one text, as spaCy's blank pipeline + sentencizer gives them.

    Example:
        >>> sentence_spans("Ja. Det er dyrt.", "da")
        [(0, 3), (4, 16)]
    """
    return sentence_splitter(language).sentences(text)


def export_spacy_rules(languages: Iterable[str]) -> dict[str, Any]:
    """The tokenizer rules of spaCy's blank pipelines (needs spaCy), in the shape of
    ``data/sentence_rules.json``; special cases are kept only when they contain a period.

    Write them with ``json.dump(export_spacy_rules([...]), file, ensure_ascii=False, indent=0)``
    after a spaCy upgrade, when ``tests/extract/test_sentences.py`` reports a difference.
    """
    import spacy
    from spacy.util import get_lang_class

    patterns: dict[str, str] = {}
    flags: set[int] = set()

    def key(function: Callable[..., Any] | None) -> str | None:
        if function is None:
            return None
        compiled = function.__self__  # type: ignore[attr-defined]  # a compiled pattern's method
        flags.add(compiled.flags)
        name = next((k for k, v in patterns.items() if v == compiled.pattern), None)
        if name is None:
            name = f"p{len(patterns)}"
            patterns[name] = compiled.pattern
        return name

    out: dict[str, Any] = {}
    for language in sorted(set(languages) | {FALLBACK_LANGUAGE}):
        tokenizer: Any = get_lang_class(language)().tokenizer
        exceptions = get_lang_class(language).Defaults.tokenizer_exceptions
        out[language] = {
            "prefix": key(tokenizer.prefix_search),
            "suffix": key(tokenizer.suffix_search),
            "infix": key(tokenizer.infix_finditer),
            "url": key(tokenizer.url_match),
            "token_match": key(tokenizer.token_match),
            "specials": {
                chunk: [token[65] if 65 in token else token["ORTH"] for token in tokens]
                for chunk, tokens in sorted(exceptions.items())
                if "." in chunk
            },
        }
    if len(flags) > 1:
        raise ValueError(f"spaCy's tokenizer patterns use different flags: {sorted(flags)}")
    return {
        "spacy_version": spacy.__version__,
        "flags": flags.pop() if flags else 0,
        "patterns": patterns,
        "languages": out,
    }


__all__ = [
    "FALLBACK_LANGUAGE",
    "SENTENCE_PUNCTUATION",
    "SentenceSplitter",
    "export_spacy_rules",
    "rule_languages",
    "sentence_spans",
    "sentence_splitter",
]
