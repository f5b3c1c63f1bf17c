"""Codebooks: code statements to the team's own themes before the rest are clustered.

A codebook is a list of :class:`~persona_nlp.config.CodebookEntry` rows - ``id, kind, label,
description`` and optional ``examples`` (phrases) and ``language`` - read from CSV/TSV, JSON or
YAML (:func:`read_codebook`) or given from Python (:func:`load_codebook` takes either).
:func:`~persona_nlp.themes.build_themes` then codes every statement to the most similar entry of
its kind when the similarity clears the threshold, and clusters the rest as usual
(deductive + inductive coding, as researchers do by hand).

How an entry is matched:

* **Its vector** is the mean of the unit vectors of its label, its description and each example,
  re-normalised (:func:`embed_entries`). With the pipeline's language-aligned embedder the entry
  is shifted by the offset of its language (given, or detected from its text) like a statement
  of that language and kind, so an English codebook codes Danish answers.
* **The threshold** is relative, like the enrichment thresholds (:mod:`persona_nlp.enrich.scoring`):
  ``themes.codebook_threshold`` standard deviations above the mean cosine similarity of all
  (statement, entry) pairs of the analysis (:class:`SimilarityBaseline`). A fixed cosine would
  mean "almost anything" with a model that packs similarities into 0.75-1 and "almost nothing"
  with one that spreads them over 0-1.
* **Across kinds** (:func:`cross_kind_codes`): a statement whose most similar entry over all
  kinds is of another kind takes that kind and is coded to it, when that entry reaches
  :data:`RETYPE_Z` standard deviations above the mean (and the threshold) and beats the
  statement's best entry of its own kind by :data:`RETYPE_MARGIN` standard deviations (the team's codebook is evidence
  about the kind, and the extractor's kind is wrong about one time in five). Only kinds the
  codebook has entries for are compared; the statement keeps the cue
  ``codebook:retyped from <kind>``.

Example:
    >>> from persona_nlp.config import CodebookEntry
    >>> load_codebook([CodebookEntry(id="price", kind="Objections", label="Too expensive")])[0].kind
    'objection'
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import ValidationError

from ..config import CodebookEntry
from ..embed import Embedder
from ..errors import InputError
from ..kinds import KINDS, STATEMENT_KINDS, StatementKind

CODEBOOK_FORMATS = (".csv", ".tsv", ".json", ".yaml", ".yml")
"""File types :func:`read_codebook` reads."""

MIN_BASELINE_STD = 0.02
"""Smallest standard deviation of the pair similarities (a degenerate tiny study stays sane)."""

RETYPE_Z = 1.5
"""Standard deviations above the mean pair similarity that a statement's best entry of another
kind must reach (and the coding threshold, when that is higher) to re-type the statement
(:func:`cross_kind_codes`): changing the kind is a stronger claim than coding, so its bar does not
fall with a lowered ``codebook_threshold``. 1.5 is the default threshold plus 0.5 SD."""

RETYPE_MARGIN = 0.5
"""Standard deviations by which that entry must beat the statement's best entry of its own kind
(chosen on the persona studies, ``benchmarks/bench_codebook.py --studies``)."""

REFINE_WEIGHT = 0.3
"""Weight of the mean of the statements coded to an entry in its refined vector (the rest is
the entry's own vector; :func:`refine_entries`). Chosen with :data:`REFINE_MIN_CODED` on the
persona studies (``benchmarks/bench_codebook.py --studies``; 0.2-0.7 and a minimum of 2-5 tried,
for a second pass that re-coded every statement; the kept pass re-codes only the first pass's
codes and was measured at these values, not swept again)."""

REFINE_MIN_CODED = 3
"""Statements an entry must have been coded in the first pass for its vector to be refined."""

RETYPE_CUE = "codebook:retyped from "
"""Cue a re-typed statement keeps, followed by the kind the extractor gave it."""

COLUMNS = "id, kind, label, description[, examples, language]"
_FIX_ROW = f"give every row {COLUMNS} (examples separated by ';')"
_LIST_SPLIT = re.compile(r"\s*[;|\n]\s*")
_CONTAINER_KEYS = ("codebook", "entries", "themes", "codes")


def _normalise(name: str) -> str:
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name)
    return " ".join(re.sub(r"[^0-9a-zA-Z\u00C0-\uFFFF]+", " ", text).lower().split())


_KIND_NAMES: dict[str, StatementKind] = {}
for _kind in STATEMENT_KINDS:
    _KIND_NAMES[_normalise(_kind)] = _kind
    _KIND_NAMES[_normalise(KINDS[_kind].heading)] = _kind
    for _alias in KINDS[_kind].field_aliases:
        _KIND_NAMES.setdefault(_alias, _kind)


def resolve_kind(name: str) -> StatementKind | None:
    """The statement kind a codebook (or persona-file) kind name means, or ``None``.

    Kind names, report headings and persona-file field names are accepted in any case and
    spelling (``pain_point``, ``Pain points``, ``challenges``).

    Example:
        >>> resolve_kind("Pain points"), resolve_kind("CONCERNS"), resolve_kind("weather")
        ('pain_point', 'objection', None)
    """
    return _KIND_NAMES.get(_normalise(name))


def _reserved(entry_id: str) -> bool:
    """Discovered themes are numbered ``<kind>-NN``; a codebook id must not take that form."""
    kind, _, number = entry_id.rpartition("-")
    return kind in STATEMENT_KINDS and number.isdigit()


def _entry(row: Any, where: str, line: int | None) -> CodebookEntry:
    if isinstance(row, CodebookEntry):
        data: dict[str, Any] = row.model_dump()
    elif isinstance(row, dict):
        data = {_normalise(str(k)).replace(" ", "_"): v for k, v in row.items()}
    else:
        raise InputError(
            f"a codebook entry must be a row with {COLUMNS}, not {type(row).__name__}",
            path=where,
            line=line,
            fix=_FIX_ROW,
            reason="bad_row",
        )
    for key in ("id", "kind", "label"):
        value = data.get(key)
        if value is None or not str(value).strip():
            raise InputError(
                f"codebook entry has no {key!r}",
                path=where,
                line=line,
                fix=_FIX_ROW,
                reason="bad_row",
            )
    kind = resolve_kind(str(data["kind"]))
    if kind is None:
        raise InputError(
            f"unknown statement kind {str(data['kind'])!r} in codebook entry {str(data['id'])!r}",
            path=where,
            line=line,
            fix=f"use one of {', '.join(STATEMENT_KINDS)}",
            reason="bad_kind",
        )
    examples = data.get("examples") or []
    if isinstance(examples, str):
        examples = [part for part in _LIST_SPLIT.split(examples) if part]
    if not isinstance(examples, list) or not all(isinstance(e, str) for e in examples):
        raise InputError(
            f"examples of codebook entry {str(data['id'])!r} must be phrases",
            path=where,
            line=line,
            fix="give examples as a list of strings, or one string separated by ';'",
            reason="bad_row",
        )
    extra = sorted(set(data) - {"id", "kind", "label", "description", "examples", "language"})
    if extra:
        raise InputError(
            f"unknown codebook column {extra[0]!r}",
            path=where,
            line=line,
            fix=f"use the columns {COLUMNS}",
            reason="bad_row",
        )
    try:
        return CodebookEntry(
            id=str(data["id"]).strip(),
            kind=kind,
            label=str(data["label"]).strip(),
            description=str(data.get("description") or "").strip(),
            examples=[e.strip() for e in examples if e.strip()],
            language=str(data.get("language") or "").strip().lower() or None,
        )
    except ValidationError as error:  # pragma: no cover - every field is checked above
        raise InputError(str(error.errors()[0]["msg"]), path=where, line=line) from None


def _yaml_rows(text: str) -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="rt").load(text)


def _rows_with_lines(data: Any) -> list[tuple[Any, int | None]]:
    if isinstance(data, dict):
        key = next((k for k in data if _normalise(str(k)) in _CONTAINER_KEYS), None)
        if key is not None:
            data = data[key]
    if isinstance(data, dict):
        # {"price": {"kind": ..., "label": ...}}: the key is the id
        rows = []
        for entry_id, value in data.items():
            row = {"id": entry_id, **value} if isinstance(value, dict) else value
            rows.append((row, _line_of(value)))
        return rows
    if isinstance(data, list):
        return [(row, _line_of(row)) for row in data]
    return []


def _line_of(node: Any) -> int | None:
    position = getattr(node, "lc", None)
    return position.line + 1 if position is not None and position.line is not None else None


def read_codebook(path: str | Path) -> list[CodebookEntry]:
    """Read and validate a codebook file (CSV/TSV with a header row, JSON or YAML).

    JSON and YAML hold a list of entries, an object with a ``codebook`` (or ``entries``,
    ``themes``) list, or an object mapping ids to entries. ``examples`` is a list, or one
    string separated by ``;``.

    Raises:
        InputError: A missing or unreadable file, or a bad row (named by its line, with the fix).

    Example:
        >>> read_codebook("codebook.csv")[0].id  # doctest: +SKIP
        'price'
    """
    file = Path(path)
    where = str(path)
    suffix = file.suffix.lower()
    if suffix not in CODEBOOK_FORMATS:
        raise InputError(
            f"unsupported codebook file type {suffix or '(none)'!r}",
            path=where,
            fix=f"use one of {', '.join(CODEBOOK_FORMATS)}",
            reason="bad_format",
        )
    try:
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(
            "codebook file not found", path=where, fix="check the path", reason="missing"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(
            f"cannot read the codebook: {error}",
            path=where,
            fix="save it as a UTF-8 text file",
            reason="unreadable",
        ) from None
    rows: list[tuple[Any, int | None]]
    if suffix in (".csv", ".tsv"):
        reader = csv.DictReader(
            io.StringIO(text, newline=""), dialect="excel-tab" if suffix == ".tsv" else "excel"
        )
        rows = []
        for row in reader:
            if any((value or "").strip() for value in row.values() if isinstance(value, str)):
                if None in row:
                    raise InputError(
                        "row has more cells than the header",
                        path=where,
                        line=reader.line_num,
                        fix=f"quote cells that contain the separator; columns: {COLUMNS}",
                        reason="bad_row",
                    )
                rows.append(({k: v for k, v in row.items() if k}, reader.line_num))
    else:
        data: Any
        if suffix == ".json":
            try:
                data = json.loads(text)
            except json.JSONDecodeError as error:
                raise InputError(
                    f"invalid JSON: {error.msg}",
                    path=where,
                    line=error.lineno,
                    fix="write a JSON list of entries",
                    reason="bad_json",
                ) from None
            try:  # the same data again, with line numbers for the messages
                data = _yaml_rows(text)
            except Exception:  # noqa: BLE001 - valid JSON that YAML reads differently: no lines
                pass
        else:
            try:
                data = _yaml_rows(text)
            except Exception as error:  # noqa: BLE001 - ruamel raises many error classes
                mark = getattr(error, "problem_mark", None)
                raise InputError(
                    f"invalid YAML: {getattr(error, 'problem', None) or error}",
                    path=where,
                    line=mark.line + 1 if mark is not None else None,
                    fix="write a YAML list of entries",
                    reason="bad_yaml",
                ) from None
        rows = _rows_with_lines(data)
    if not rows:
        raise InputError(
            "the codebook has no entries",
            path=where,
            fix=f"give one entry per row: {COLUMNS}",
            reason="empty",
        )
    return _checked([_entry(row, where, line) for row, line in rows], where, [r[1] for r in rows])


def _checked(
    entries: list[CodebookEntry], where: str | None, lines: Sequence[int | None] | None = None
) -> list[CodebookEntry]:
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        line = lines[index] if lines else None
        if entry.id in seen:
            raise InputError(
                f"codebook id {entry.id!r} is given twice",
                path=where,
                line=line,
                fix="give every entry its own id",
                reason="duplicate",
            )
        if _reserved(entry.id):
            raise InputError(
                f"codebook id {entry.id!r} has the form of a discovered theme's id",
                path=where,
                line=line,
                fix="choose another id (ids like 'goal-01' are numbered discovered themes)",
                reason="bad_row",
            )
        seen[entry.id] = index
    return entries


def load_codebook(
    source: str | Path | Sequence[CodebookEntry | dict[str, Any]] | None,
) -> list[CodebookEntry]:
    """A validated codebook from a file path or a list of entries (dicts or entries).

    Kinds are resolved to statement kinds (:func:`resolve_kind`); ids must be unique.

    Raises:
        InputError: A bad file or entry (with its line or position and how to fix it).

    Example:
        >>> [e.id for e in load_codebook([{"id": "speed", "kind": "goals", "label": "Save time"}])]
        ['speed']
        >>> load_codebook(None)
        []
    """
    if source is None:
        return []
    if isinstance(source, (str, Path)):
        return read_codebook(source)
    entries = [_entry(row, "codebook", None) for row in source]
    return _checked(entries, "codebook")


def entry_texts(entry: CodebookEntry) -> list[str]:
    """The texts an entry's vector is the mean of: label, description, examples.

    Example:
        >>> entry_texts(CodebookEntry(id="a", kind="goal", label="Save time", examples=["fast"]))
        ['Save time', 'fast']
    """
    return [t for t in (entry.label, entry.description, *entry.examples) if t.strip()]


def _entry_language(entry: CodebookEntry) -> str | None:
    if entry.language:
        return entry.language
    from ..lang import detect_language

    return detect_language(" ".join(entry_texts(entry)))


def embed_entries(entries: Sequence[CodebookEntry], embedder: Embedder) -> np.ndarray:
    """``(entries, dim)`` unit vectors: the mean of each entry's text vectors.

    With a :class:`~persona_nlp.embed.align.LanguageAlignedEmbedder` (the pipeline's) each
    entry is then shifted by its language's offset for its kind, as statements are, so that it
    sits in the same language-free space as the statements it codes.

    Example:
        >>> from persona_nlp.embed import HashingEmbedder
        >>> entry = CodebookEntry(id="a", kind="goal", label="Save time")
        >>> embed_entries([entry], HashingEmbedder()).shape
        (1, 64)
    """
    from ..embed.align import offsets_of, unaligned

    if not entries:
        return np.zeros((0, 1), dtype=np.float32)
    offsets: dict[tuple[str, str | None], np.ndarray] = {
        (o.language, o.kind): np.asarray(o.offset, dtype=np.float64) for o in offsets_of(embedder)
    }
    embedder = unaligned(embedder)
    texts = [entry_texts(entry) for entry in entries]
    flat = [text for group in texts for text in group]
    vectors = np.asarray(embedder.encode(flat), dtype=np.float64)
    out = np.zeros((len(entries), vectors.shape[1]), dtype=np.float64)
    start = 0
    for row, (entry, group) in enumerate(zip(entries, texts, strict=True)):
        mean = vectors[start : start + len(group)].mean(axis=0)
        start += len(group)
        mean /= max(float(np.linalg.norm(mean)), 1e-12)
        if offsets:
            language = _entry_language(entry)
            shift = offsets.get((language or "", entry.kind), offsets.get((language or "", None)))
            if shift is not None:
                mean = mean + shift
        out[row] = mean / max(float(np.linalg.norm(mean)), 1e-12)
    return out.astype(np.float32)


class SimilarityBaseline:
    """Running mean and SD of statement x entry cosine similarities, and the coding threshold.

    Example:
        >>> baseline = SimilarityBaseline()
        >>> baseline.add(np.array([[0.1, 0.3], [0.2, 0.2]]))
        >>> round(baseline.threshold(2.0), 4)
        0.3414
    """

    def __init__(self) -> None:
        self.count = 0
        self.total = 0.0
        self.squares = 0.0

    def add(self, similarities: np.ndarray) -> None:
        """Add a block of pair similarities."""
        values = np.asarray(similarities, dtype=np.float64)
        self.count += values.size
        self.total += float(values.sum())
        self.squares += float((values**2).sum())

    @property
    def mean(self) -> float:
        """Mean similarity of the pairs added (0 before any)."""
        return self.total / self.count if self.count else 0.0

    @property
    def std(self) -> float:
        """Their standard deviation (at least :data:`MIN_BASELINE_STD`)."""
        if not self.count:
            return MIN_BASELINE_STD
        variance = max(self.squares / self.count - self.mean**2, 0.0)
        return max(variance**0.5, MIN_BASELINE_STD)

    def threshold(self, z: float) -> float:
        """The cosine similarity ``z`` standard deviations above the mean."""
        return self.mean + z * self.std


def code_to_entries(
    vectors: np.ndarray, entry_vectors: np.ndarray, threshold: float | np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's most similar entry and its similarity; ``-1`` where it is below ``threshold``.

    Ties go to the first entry (codebook order). ``threshold`` is one cosine for every entry,
    or one per entry (a later wave's baseline themes each keep their own).

    Example:
        >>> rows = np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32)
        >>> best, sims = code_to_entries(rows, np.array([[1.0, 0.0]], dtype=np.float32), 0.5)
        >>> best.tolist(), sims.tolist()
        ([0, -1], [1.0, 0.0])
    """
    if not len(vectors) or not len(entry_vectors):
        return np.full(len(vectors), -1), np.zeros(len(vectors), dtype=np.float32)
    similarity = vectors @ entry_vectors.T
    best = np.argmax(similarity, axis=1)
    best_similarity = similarity[np.arange(len(vectors)), best]
    floor = np.asarray(threshold, dtype=np.float64)
    floor = floor[best] if floor.ndim else floor
    return np.where(best_similarity >= floor, best, -1), best_similarity


def refine_entries(
    entry_vectors: np.ndarray,
    vectors: np.ndarray,
    codes: np.ndarray,
    weight: float = REFINE_WEIGHT,
    min_coded: int = REFINE_MIN_CODED,
) -> np.ndarray:
    """Entry vectors moved towards the statements a first pass coded to them.

    An entry coded at least ``min_coded`` statements becomes the unit vector of
    ``(1 - weight) * entry + weight * mean``, where ``mean`` is the unit mean of those
    statements' vectors; the others stay as they are. A codebook entry is a few words the team
    wrote, its statements are how people say it: re-coding the first pass's statements to the
    refined vectors moves a statement to the entry whose statements it resembles most.
    ``build_themes`` re-codes only statements the first pass coded (an entry pulled towards its
    statements would otherwise also pull in statements of themes the codebook lacks).

    Args:
        entry_vectors: ``(entries, dim)`` unit vectors.
        vectors: ``(statements, dim)`` unit vectors of the statements coded.
        codes: Each statement's entry (a row of ``entry_vectors``) or ``-1``
            (:func:`code_to_entries`).
        weight: :data:`REFINE_WEIGHT`.
        min_coded: :data:`REFINE_MIN_CODED`.

    Example:
        >>> entries = np.array([[1.0, 0.0], [0.0, 1.0]])
        >>> rows = np.array([[0.0, 1.0]] * 3)
        >>> refine_entries(entries, rows, np.array([0, 0, 0]), weight=0.5).round(3).tolist()
        [[0.707, 0.707], [0.0, 1.0]]
    """
    refined = np.array(entry_vectors, dtype=np.float64)
    codes = np.asarray(codes)
    for index in range(len(refined)):
        coded = np.flatnonzero(codes == index)
        if len(coded) < max(min_coded, 1):
            continue
        mean = np.asarray(vectors[coded], dtype=np.float64).mean(axis=0)
        mean /= max(float(np.linalg.norm(mean)), 1e-12)
        mixed = (1.0 - weight) * refined[index] + weight * mean
        refined[index] = mixed / max(float(np.linalg.norm(mixed)), 1e-12)
    return refined.astype(np.asarray(entry_vectors).dtype)


def cross_kind_codes(
    similarity: np.ndarray,
    statement_kinds: Sequence[str],
    entry_kinds: Sequence[str],
    floor: float,
    margin: float,
) -> np.ndarray:
    """Per statement, the entry of another kind it is re-typed and coded to, or ``-1``.

    A statement moves when its most similar entry over all kinds is of another kind, reaches
    the cosine ``floor`` and beats the statement's best entry of its own kind by ``margin``.
    A statement whose kind has no entry never moves (the codebook says nothing about that kind).

    Args:
        similarity: ``(statements, entries)`` cosine similarities.
        statement_kinds: Each statement's kind (from the extractor).
        entry_kinds: Each entry's kind.
        floor: The cosine the entry of the other kind must reach
            (:func:`~persona_nlp.themes.build_themes` uses the higher of the coding threshold
            and :data:`RETYPE_Z` standard deviations above the mean pair similarity).
        margin: The cosine by which it must beat the best entry of the own kind
            (:data:`RETYPE_MARGIN` standard deviations).

    Example:
        >>> similarity = np.array([[0.9, 0.5], [0.6, 0.62], [0.2, 0.9]])
        >>> cross_kind_codes(similarity, ["goal", "goal", "channel"], ["goal", "objection"],
        ...                  0.55, 0.05).tolist()
        [-1, -1, -1]
        >>> cross_kind_codes(similarity, ["objection"] * 3, ["goal", "objection"], 0.55, 0.05).tolist()
        [0, -1, -1]
    """
    rows = len(similarity)
    if not rows or not len(entry_kinds):
        return np.full(rows, -1)
    kinds = np.asarray(entry_kinds, dtype=object)
    own = kinds[None, :] == np.asarray(statement_kinds, dtype=object)[:, None]
    best = np.argmax(similarity, axis=1)
    best_similarity = similarity[np.arange(rows), best]
    best_own = np.where(own, similarity, -np.inf).max(axis=1)
    moves = (
        ~own[np.arange(rows), best]
        & own.any(axis=1)
        & (best_similarity >= floor)
        & (best_similarity - best_own >= margin)
    )
    return np.where(moves, best, -1)


__all__ = [
    "CODEBOOK_FORMATS",
    "RETYPE_Z",
    "RETYPE_MARGIN",
    "REFINE_MIN_CODED",
    "REFINE_WEIGHT",
    "CodebookEntry",
    "SimilarityBaseline",
    "code_to_entries",
    "cross_kind_codes",
    "embed_entries",
    "refine_entries",
    "entry_texts",
    "load_codebook",
    "read_codebook",
    "resolve_kind",
]
