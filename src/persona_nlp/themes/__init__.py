"""Themes: cluster statements of each kind, label them, measure prevalence, pick quotes.

Stage folder ``themes/`` (after ``extract``): this module's :func:`build_themes`, clustering
(:mod:`.clustering`, :mod:`.sampled` for near-linear clustering at scale), labels
(:mod:`.labels`), quotes (:mod:`.quotes`), prevalence statistics (:mod:`.stats`), theming
of any texts (:mod:`.texts`) and coding to a user's codebook (:mod:`.codebook`).

Three public functions:

* :func:`build_themes` - the pipeline stage: statements in, statements with ``theme_id`` and
  :class:`~persona_nlp.schema.Theme` objects out. Each kind is clustered separately.
* :func:`~persona_nlp.themes.texts.theme_texts` - themes any plain list of texts (survey
  comments, support tickets); also what the benchmark measures. Re-exported here.
* :func:`assign_to_themes` - puts the statements of a later wave into existing themes, without
  re-clustering, and flags those that fit none.

How a theme is made (clustering in :mod:`~persona_nlp.themes.clustering`, keywords and labels in
:mod:`~persona_nlp.themes.labels`, quotes in :mod:`~persona_nlp.themes.quotes`, prevalence in
:mod:`~persona_nlp.themes.stats`) is explained in ``docs/themes.md``.

Determinism: the inputs are put into a canonical order first (statements by id, plain texts by
text), and no step is random, so shuffled input gives identical themes and ids.

Example:
    >>> from persona_nlp.embed import HashingEmbedder
    >>> result = theme_texts(["free shipping please"] * 3 + ["I wait for sales"] * 3, HashingEmbedder())
    >>> result.theme_labels
    ['Wait for sales', 'Free shipping']
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any, cast

import numpy as np

from ..config import CodebookEntry, ThemeConfig
from ..embed import Embedder
from ..errors import InputError
from ..lang import most_common_language
from ..schema import (
    STATEMENT_KINDS,
    LanguageOffset,
    Participant,
    SegmentPrevalence,
    Statement,
    StatementKind,
    Theme,
)
from .codebook import (
    RETYPE_CUE,
    RETYPE_MARGIN,
    RETYPE_Z,
    SimilarityBaseline,
    code_to_entries,
    cross_kind_codes,
    embed_entries,
    load_codebook,
    refine_entries,
)
from .labels import describe_clusters
from .quotes import quote_of, select_quotes
from .stats import prevalence
from .texts import ThemeResult, theme_canonical, theme_texts

logger = logging.getLogger(__name__)

THEME_SAFETY_LIMIT = 50
"""Themes per kind when ``ThemeConfig.max_themes_per_kind`` is ``None``: a bound the data alone
almost never reaches (similar themes are already merged by similarity), which keeps a report
readable on a pathological input; set ``max_themes_per_kind`` to lower or lift it."""


def max_themes_per_kind(config: ThemeConfig) -> int:
    """The most themes a kind may have under ``config``.

    Example:
        >>> max_themes_per_kind(ThemeConfig()), max_themes_per_kind(ThemeConfig(max_themes_per_kind=80))
        (50, 80)
    """
    if config.max_themes_per_kind is None:
        return THEME_SAFETY_LIMIT
    return config.max_themes_per_kind


MAX_SEGMENT_VALUES = 6
"""Metadata keys with more distinct values than this (ids, ages, free text) are not segments."""

CENTROID_DECIMALS = 5
"""Stored theme centroids are rounded to keep ``analysis.json`` small."""

BASELINE_SIMILARITY = 0.5
"""Cosine a statement needs to join a baseline theme that records no ``min_similarity``."""


def _check_respondents(statements: Sequence[Statement]) -> None:
    wrong = [s.id for s in statements if s.role != "respondent"]
    if wrong:
        raise InputError(
            f"themes take respondent statements only; {len(wrong)} have another role "
            f"(first: {wrong[0]!r})",
            fix="pass only statements with role 'respondent': interviewer text is never themed",
        )


def _segment_keys(participants: Sequence[Participant]) -> list[str]:
    """Metadata keys that split participants into a few groups (categorical, few values)."""
    values: dict[str, set[str]] = defaultdict(set)
    holders: dict[str, int] = defaultdict(int)
    for participant in participants:
        for key, value in participant.metadata.items():
            values[key].add(value)
            holders[key] += 1
    return sorted(
        key
        for key, distinct in values.items()
        if 2 <= len(distinct) <= MAX_SEGMENT_VALUES and len(distinct) * 2 <= holders[key]
    )


def _segment_groups(
    participants: Sequence[Participant], keys: list[str]
) -> list[tuple[str, str, frozenset[str]]]:
    """``(key, value, participant ids)`` of every segment, keys and values sorted."""
    groups: list[tuple[str, str, frozenset[str]]] = []
    for key in keys:
        members: dict[str, set[str]] = defaultdict(set)
        for participant in participants:
            if key in participant.metadata:
                members[participant.metadata[key]].add(participant.id)
        groups.extend((key, value, frozenset(members[value])) for value in sorted(members))
    return groups


def _segments(
    participant_ids: set[str], groups: list[tuple[str, str, frozenset[str]]]
) -> list[SegmentPrevalence]:
    return [
        SegmentPrevalence(
            key=key,
            value=value,
            prevalence=prevalence(len(members & participant_ids), len(members)),
        )
        for key, value, members in groups
    ]


def study_language(statements: Sequence[Statement]) -> str | None:
    """The most common statement language (ties: the first code alphabetically), or ``None``.

    Example:
        >>> study_language([])
    """
    return most_common_language(s.language for s in statements)


def build_themes(
    statements: list[Statement],
    embedder: Embedder,
    participants: list[Participant],
    config: ThemeConfig,
    seed: int = 42,
    *,
    in_place: bool = False,
    progress: Callable[[int, int], None] | None = None,
    codebook: Sequence[CodebookEntry] | None = None,
    baseline: Sequence[Theme] | None = None,
    baseline_threshold: float | None = None,
) -> tuple[list[Statement], list[Theme]]:
    """Cluster each kind's statements into themes with labels, keywords, prevalence and quotes.

    With a codebook (``codebook``, else ``config.codebook``), each statement is first coded to
    the most similar entry of its kind when the similarity clears ``config.codebook_threshold``
    (:mod:`.codebook`); those themes keep the entry's id and label (``origin="codebook"``, listed
    with prevalence 0 when nobody mentions them) and only the other statements are clustered.
    A statement whose clearly best entry is of another kind takes that kind first and is coded
    there (:func:`~persona_nlp.themes.codebook.cross_kind_codes`; it keeps the cue
    ``codebook:retyped from <kind>``).

    With ``baseline`` themes (a later wave, ``docs/waves.md``), each statement is first coded to
    the baseline theme of its kind with the most similar centroid when the cosine reaches the
    theme's ``min_similarity`` (or ``baseline_threshold``), as
    :func:`assign_to_themes` does; those themes keep their id, label, origin, centroid and
    threshold (listed with prevalence 0 when nobody mentions them). The rest go through the
    codebook and clustering as usual, except that a discovered theme keeps only the statements
    that fit it held out: each one's cosine to the centroid of the theme's other statements
    reaches the theme's ``min_similarity``, and a theme left below ``min_theme_size`` dissolves
    (:func:`~persona_nlp.themes.texts.held_out_fit`). Discovered themes are numbered after the
    baseline's numbers of their kind and flagged ``new``.

    Args:
        statements: Respondent statements (any order). Identical texts are embedded once when
            ``embedder`` is a :class:`~persona_nlp.embed.cache.CachedEmbedder`.
        embedder: The sentence embedder.
        participants: Everyone in the study: the base of prevalence, and their metadata the
            segments (keys with 2 to 6 values shared by several participants).
        config: ``min_theme_size``, ``max_themes_per_kind``, ``quotes_per_theme``,
            ``max_keywords``, ``sample_above``, ``codebook`` and ``codebook_threshold``.
        seed: The analysis seed: it draws the sample of a kind with more than
            ``config.sample_above`` statements (nothing else is random).
        in_place: Set ``theme_id`` on the given statements and return them, instead of
            copies (the pipeline does, which saves a copy of every statement at scale).
        progress: Called with ``(statements themed, statements in all)`` before the first kind
            and after each kind (a progress bar's input).
        codebook: Codebook entries to code to (overrides ``config.codebook``; see
            :func:`~persona_nlp.themes.codebook.load_codebook`). An entry whose id is a
            baseline theme's is that theme.
        baseline: The themes of an earlier wave (with centroids, made with the same model).
        baseline_threshold: One cosine similarity a statement needs to join any baseline
            theme, instead of each theme's own ``min_similarity``.

    Returns:
        ``(statements, themes)``: copies of the statements (the statements themselves with
        ``in_place``) in input order with ``theme_id`` set (``None`` when unthemed),
        ``codebook_similarity`` where coded and ``kind`` where re-typed, and the themes, kind by kind: baseline themes in
        baseline order, codebook themes in codebook order, then discovered ones largest first.
        Discovered theme ids are ``f"{kind}-{n:02d}"``.

    Raises:
        InputError: if a statement's role is not ``respondent``, the codebook is invalid, or
            a baseline theme has no centroid or one of another dimension.

    Example:
        >>> statements, themes = build_themes(statements, embedder, corpus.participants,
        ...                                   ThemeConfig())  # doctest: +SKIP
        >>> themes[0].id, themes[0].label  # doctest: +SKIP
        ('objection-01', 'Shipping costs')
    """
    _check_respondents(statements)
    kept = list(baseline or [])
    kept_ids = {theme.id for theme in kept}
    entries = [
        entry
        for entry in load_codebook(codebook if codebook is not None else config.codebook)
        if entry.id not in kept_ids
    ]
    canonical = sorted(statements, key=lambda s: s.id)
    everyone = {p.id: p for p in participants}
    for statement in canonical:
        everyone.setdefault(statement.participant_id, Participant(id=statement.participant_id))
    base = sorted(everyone.values(), key=lambda p: p.id)
    groups = _segment_groups(base, _segment_keys(base))
    theme_of: dict[str, str] = {}
    similarity_of: dict[str, float] = {}
    themes: list[Theme] = []
    done = 0
    if progress is not None:
        progress(done, len(canonical))
    label_language = config.label_language or study_language(canonical)
    entry_vectors, code_threshold, retyped = _codebook_space(entries, canonical, embedder, config)
    # the statements an entry of another kind re-types: id -> the entry's kind
    retyped_kind = {
        statement_id: cast("StatementKind", entries[index].kind)
        for statement_id, index in retyped.items()
    }
    kept_vectors, kept_thresholds = _baseline_space(kept, baseline_threshold)
    first_number = _next_theme_numbers(kept)
    for kind in STATEMENT_KINDS:
        rows = [i for i, s in enumerate(canonical) if retyped_kind.get(s.id, s.kind) == kind]
        kind_entries = [i for i, entry in enumerate(entries) if entry.kind == kind]
        kind_kept = [i for i, theme in enumerate(kept) if theme.kind == kind]
        if not rows and not kind_entries and not kind_kept:
            continue
        members = [canonical[i] for i in rows]
        # one kind's float32 vectors at a time (memory: the largest kind, not all statements)
        vectors = _encode(embedder, [s.text for s in members])
        rest = np.arange(len(members))
        if kind_kept:
            _check_dimension(kept[kind_kept[0]], kept_vectors, vectors)
            best, _ = code_to_entries(vectors, kept_vectors[kind_kept], kept_thresholds[kind_kept])
            for column, index in enumerate(kind_kept):
                inside = np.flatnonzero(best == column)
                theme = _codebook_theme(
                    CodebookEntry(id=kept[index].id, kind=kind, label=kept[index].label),
                    [members[i] for i in inside],
                    vectors[inside],
                    kept_vectors[index],
                    float(kept_thresholds[index]),
                    base,
                    groups,
                    config,
                    label_language,
                )
                theme.origin = kept[index].origin
                theme.centroid = kept[index].centroid  # unchanged: every wave codes to it
                theme.min_similarity = kept[index].min_similarity
                themes.append(theme)
                theme_of.update(dict.fromkeys(theme.statement_ids, theme.id))
            rest = np.flatnonzero(best < 0)
        if kind_entries:
            kind_vectors = entry_vectors[kind_entries]
            first, _ = code_to_entries(vectors[rest], kind_vectors, code_threshold)
            # second pass: each entry moved towards what the first pass coded to it (only the
            # codebook's entries: a baseline theme's centroid stays fixed across waves). It only
            # re-codes the statements the first pass coded: whether a statement belongs to the
            # codebook at all stays decided against the team's own wording, so a statement of a
            # theme the codebook lacks is never pulled in by an entry's refined vector
            kind_vectors = refine_entries(kind_vectors, vectors[rest], first)
            best, similarity = code_to_entries(vectors[rest], kind_vectors, code_threshold)
            best = np.where(first >= 0, best, -1)
            for column, index in enumerate(kind_entries):
                inside = rest[np.flatnonzero(best == column)]
                theme = _codebook_theme(
                    entries[index],
                    [members[i] for i in inside],
                    vectors[inside],
                    kind_vectors[column],
                    code_threshold,
                    base,
                    groups,
                    config,
                    label_language,
                )
                themes.append(theme)
                theme_of.update(dict.fromkeys(theme.statement_ids, theme.id))
                similarity_of.update(
                    {
                        members[rest[i]].id: round(float(similarity[i]), 4)
                        for i in np.flatnonzero(best == column)
                    }
                )
                theme.new = bool(kept)
            rest = rest[np.flatnonzero(best < 0)]
        if len(rest):
            left = [members[i] for i in rest]
            # every row left (no codebook or baseline took any): the kind's array itself, not a
            # copy of it (memory: one array of the largest kind, not two)
            left_vectors = vectors if len(rest) == len(members) else vectors[rest]
            result = theme_canonical(
                [s.text for s in left],
                left_vectors,
                [s.language for s in left],
                config.min_theme_size,
                max_themes_per_kind(config),
                config.max_keywords,
                sample_above=config.sample_above,
                seed=seed,
                label_language=label_language,
                # a new theme claims a change: each member must fit it without its own weight
                held_out=bool(kept),
            )
            taken = {t.label.casefold() for t in kept if t.kind == kind}
            for number in range(len(result.sizes)):
                inside = np.flatnonzero(result.labels == number)
                theme = _make_theme(
                    f"{kind}-{number + first_number.get(kind, 1):02d}",
                    kind,
                    [left[i] for i in inside],
                    left_vectors[inside],
                    result,
                    number,
                    base,
                    groups,
                    config.quotes_per_theme,
                )
                if kept:
                    theme.new = True
                    theme.label = _label_apart(theme, taken)
                themes.append(theme)
                theme_of.update(dict.fromkeys(theme.statement_ids, theme.id))
        done += len(rows)
        if progress is not None:
            progress(done, len(canonical))
    logger.info("%d themes from %d statements", len(themes), len(statements))

    def changes(s: Statement) -> dict[str, Any]:
        update: dict[str, Any] = {
            "theme_id": theme_of.get(s.id),
            "codebook_similarity": similarity_of.get(s.id),
        }
        if s.id in retyped_kind:
            update.update(kind=retyped_kind[s.id], cues=[*s.cues, RETYPE_CUE + s.kind])
        return update

    if in_place:
        for statement in statements:
            for name, value in changes(statement).items():
                setattr(statement, name, value)
        return statements, themes
    return [s.model_copy(update=changes(s)) for s in statements], themes


def _encode(embedder: Embedder, texts: list[str]) -> np.ndarray:
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    return np.asarray(embedder.encode(texts), dtype=np.float32)


def _baseline_space(themes: list[Theme], threshold: float | None) -> tuple[np.ndarray, np.ndarray]:
    """Unit centroids of the baseline themes and the cosine each needs (its own, or one for all)."""
    if not themes:
        return np.zeros((0, 1), dtype=np.float32), np.zeros(0)
    missing = [t.id for t in themes if not t.centroid]
    if missing:
        raise InputError(
            f"baseline theme {missing[0]!r} has no centroid",
            fix="make the baseline analysis again with this version of persona_nlp",
            reason="bad_baseline",
        )
    centres = np.asarray([t.centroid for t in themes], dtype=np.float32)
    centres /= np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-12)
    floors = np.asarray(
        [
            threshold
            if threshold is not None
            else (t.min_similarity if t.min_similarity is not None else BASELINE_SIMILARITY)
            for t in themes
        ],
        dtype=np.float64,
    )
    return centres, floors


def _check_dimension(theme: Theme, centres: np.ndarray, vectors: np.ndarray) -> None:
    if len(vectors) and centres.shape[1] != vectors.shape[1]:
        raise InputError(
            f"baseline theme {theme.id!r} has a {centres.shape[1]}-dimensional centroid but the "
            f"embedding model gives {vectors.shape[1]} dimensions",
            fix="analyse the new wave with the model the baseline was made with (--model)",
            reason="bad_baseline",
        )


def _next_theme_numbers(themes: Sequence[Theme]) -> dict[str, int]:
    """Per kind, the first discovered-theme number the baseline's ids leave free."""
    numbers: dict[str, int] = {}
    for theme in themes:
        kind, _, number = theme.id.rpartition("-")
        if kind == theme.kind and number.isdigit():
            numbers[kind] = max(numbers.get(kind, 1), int(number) + 1)
    return numbers


def _label_apart(theme: Theme, taken: set[str]) -> str:
    """A new theme's label, set apart from the baseline labels of its kind by its best keyword."""
    if theme.label.casefold() not in taken:
        taken.add(theme.label.casefold())
        return theme.label
    words = set(theme.label.casefold().split())
    extra = next((k for k in theme.keywords if not set(k.casefold().split()) & words), None)
    label = f"{theme.label} ({extra})" if extra else f"{theme.label} (new)"
    taken.add(label.casefold())
    return label


def _codebook_space(
    entries: list[CodebookEntry],
    canonical: list[Statement],
    embedder: Embedder,
    config: ThemeConfig,
) -> tuple[np.ndarray, float, dict[str, int]]:
    """The entries' vectors, the cosine threshold ``config.codebook_threshold`` SDs above the
    mean statement x entry similarity, and the statements re-typed by an entry of another kind
    (id -> entry index, :func:`~persona_nlp.themes.codebook.cross_kind_codes`). A first pass
    over the kinds, one kind's vectors at a time; a cached embedder hands the main pass the
    same vectors without recomputing them."""
    if not entries:
        return np.zeros((0, 1), dtype=np.float32), 0.0, {}
    entry_vectors = embed_entries(entries, embedder)
    entry_kinds = [entry.kind for entry in entries]
    baseline = SimilarityBaseline()
    # statements whose best entry is of another kind: candidates to re-type once the
    # threshold (which needs every pair) is known
    candidates: list[tuple[Statement, np.ndarray]] = []
    for kind in STATEMENT_KINDS:
        members = [s for s in canonical if s.kind == kind]
        if not members:
            continue
        similarity = _encode(embedder, [s.text for s in members]) @ entry_vectors.T
        baseline.add(similarity)
        if kind in entry_kinds:
            other = np.asarray([k != kind for k in entry_kinds])
            for row in np.flatnonzero(other[np.argmax(similarity, axis=1)]):
                candidates.append((members[row], similarity[row]))
    threshold = baseline.threshold(config.codebook_threshold)
    retyped: dict[str, int] = {}
    if candidates:
        codes = cross_kind_codes(
            np.stack([row for _, row in candidates]),
            [statement.kind for statement, _ in candidates],
            entry_kinds,
            max(threshold, baseline.threshold(RETYPE_Z)),
            RETYPE_MARGIN * baseline.std,
        )
        retyped = {
            statement.id: int(code)
            for (statement, _), code in zip(candidates, codes, strict=True)
            if code >= 0
        }
    logger.info(
        "codebook of %d entries: threshold %.3f (mean %.3f + %.2f x SD %.3f); %d statements "
        "re-typed to the kind of their codebook entry",
        len(entries),
        threshold,
        baseline.mean,
        config.codebook_threshold,
        baseline.std,
        len(retyped),
    )
    return entry_vectors, threshold, retyped


def _codebook_theme(
    entry: CodebookEntry,
    members: list[Statement],
    vectors: np.ndarray,
    entry_vector: np.ndarray,
    threshold: float,
    participants: list[Participant],
    segment_groups: list[tuple[str, str, frozenset[str]]],
    config: ThemeConfig,
    label_language: str | None,
) -> Theme:
    """The theme of one codebook entry: its id and label, the statements coded to it."""
    keywords: list[str] = []
    picks: list[int] = []
    if members:
        order = np.argsort(-(vectors @ entry_vector), kind="stable").tolist()
        keyword_lists, _ = describe_clusters(
            [s.text for s in members],
            [0] * len(members),
            [s.language for s in members],
            config.max_keywords,
            [order],
            label_language=label_language,
        )
        keywords = keyword_lists[0]
        picks = select_quotes(
            vectors,
            entry_vector,
            [s.participant_id for s in members],
            [len(s.text.split()) for s in members],
            k=config.quotes_per_theme,
        )
    speakers = {s.participant_id for s in members}
    return Theme(
        id=entry.id,
        kind=cast("StatementKind", entry.kind),
        label=entry.label,
        keywords=keywords,
        statement_ids=[s.id for s in members],
        participant_ids=sorted(speakers),
        quotes=[quote_of(members[i]) for i in picks],
        prevalence=prevalence(speakers, len(participants)),
        segments=_segments(speakers, segment_groups),
        centroid=[round(float(x), CENTROID_DECIMALS) for x in entry_vector],
        min_similarity=round(threshold, 4),
        origin="codebook",
    )


def _make_theme(
    theme_id: str,
    kind: StatementKind,
    members: list[Statement],
    vectors: np.ndarray,
    result: ThemeResult,
    number: int,
    participants: list[Participant],
    segment_groups: list[tuple[str, str, frozenset[str]]],
    quotes_per_theme: int,
) -> Theme:
    centroid = result.centroids[number]
    # members are the theme's rows of ``result`` in row order
    core = result.core[result.labels == number] if len(result.core) else None
    picks = select_quotes(
        vectors,
        centroid,
        [s.participant_id for s in members],
        [len(s.text.split()) for s in members],
        k=quotes_per_theme,
        core=core,
    )
    speakers = {s.participant_id for s in members}
    return Theme(
        id=theme_id,
        kind=kind,
        label=result.theme_labels[number],
        keywords=result.keywords[number],
        statement_ids=[s.id for s in members],
        participant_ids=sorted(speakers),
        quotes=[quote_of(members[i]) for i in picks],
        prevalence=prevalence(speakers, len(participants)),
        segments=_segments(speakers, segment_groups),
        centroid=[round(float(x), CENTROID_DECIMALS) for x in centroid],
        min_similarity=round(result.params.reassign_similarity, 4) if result.params else None,
    )


def assign_to_themes(
    statements: list[Statement],
    themes: list[Theme],
    embedder: Embedder,
    *,
    threshold: float | None = None,
    language_offsets: Sequence[LanguageOffset] | None = None,
) -> tuple[list[Statement], list[str]]:
    """Assign new statements (a later wave) to existing themes of their kind, without re-clustering.

    Each statement goes to the theme of its kind with the most similar centroid, if the cosine
    similarity reaches the threshold: ``threshold`` when given, else the theme's own
    ``min_similarity`` (the threshold outliers had to reach when it was built, so a new
    statement joins exactly when it would have joined as an outlier then). Theme ids persist;
    the themes themselves are not changed (their prevalence describes the wave they came from).

    Args:
        statements: The new statements.
        themes: Existing themes with centroids (from :func:`build_themes` or ``analysis.json``),
            made with the same embedding model.
        embedder: The same model the themes were built with.
        threshold: A fixed cosine-similarity threshold for every theme.
        language_offsets: ``analysis.language_offsets`` of the analysis the themes come from:
            new statements are shifted by their language's offset as the old ones were
            (:mod:`persona_nlp.embed.align`). Taken from ``embedder`` when it is the
            pipeline's :class:`~persona_nlp.embed.align.LanguageAlignedEmbedder`
            (``PipelineRun.embedder``).

    Returns:
        ``(statements, misfits)``: copies with ``theme_id`` set (``None`` when no theme fits), and
        the ids of the statements that fit no existing theme - candidates for a new theme.

    Raises:
        InputError: if a theme of a kind present in ``statements`` has no centroid, or a statement
            is not a respondent's.

    Example:
        >>> wave2, misfits = assign_to_themes(new_statements, analysis.themes, embedder)  # doctest: +SKIP
        >>> len(misfits)  # doctest: +SKIP
        4
    """
    _check_respondents(statements)
    by_kind: dict[str, list[Theme]] = defaultdict(list)
    for theme in themes:
        by_kind[theme.kind].append(theme)
    from ..embed.align import offsets_of, shift_statement_vectors, unaligned

    if language_offsets is None:
        language_offsets = offsets_of(embedder)
    embedder = unaligned(embedder)  # shift by language below, not by known text
    vectors = embedder.encode([s.text for s in statements]) if statements else np.zeros((0, 1))
    if statements and language_offsets:
        vectors = shift_statement_vectors(vectors, statements, language_offsets)
    assigned: list[Statement] = []
    misfits: list[str] = []
    for statement, vector in zip(statements, vectors, strict=True):
        candidates = by_kind.get(statement.kind, [])
        missing = [t.id for t in candidates if not t.centroid]
        if missing:
            raise InputError(
                f"theme {missing[0]!r} has no centroid",
                fix="rebuild the themes with this version to assign new statements to them",
            )
        best_id: str | None = None
        if candidates:
            centres = np.asarray([t.centroid for t in candidates], dtype=np.float32)
            if centres.shape[1] != vector.shape[0]:
                raise InputError(
                    f"themes have {centres.shape[1]}-dimensional centroids but the embedder gives "
                    f"{vector.shape[0]} dimensions",
                    fix="use the embedding model the themes were built with",
                )
            similarity = centres @ vector / np.maximum(np.linalg.norm(centres, axis=1), 1e-12)
            best = int(np.argmax(similarity))
            floor = threshold if threshold is not None else candidates[best].min_similarity
            if floor is None or similarity[best] >= floor:
                best_id = candidates[best].id
        if best_id is None:
            misfits.append(statement.id)
        assigned.append(statement.model_copy(update={"theme_id": best_id}))
    return assigned, misfits


__all__ = [
    "THEME_SAFETY_LIMIT",
    "CodebookEntry",
    "ThemeResult",
    "assign_to_themes",
    "build_themes",
    "load_codebook",
    "max_themes_per_kind",
    "theme_texts",
]
