"""Personas: group participants by their theme profiles, then name and describe each group.

Stage folder ``personas/`` (after ``themes``): building (this module), naming
(:mod:`.naming`) and comparing personas (:mod:`.compare`).

How it works (see ``docs/personas.md``):

1. **Profile.** With statement vectors (the pipeline passes them), each participant is described
   by what they say, per kind, against everyone (:mod:`.profiles`); without them, by a vector
   over themes: ``log(1 + statements in the theme)`` times the theme's inverse participant
   prevalence ``log((1 + N) / (1 + df))``, rows L2-normalised.
2. **Group.** The participants with the most evidence form the core (interviewees when there are
   enough of them, see :func:`.profiles.choose_core`; else those with 3+ themes or statements).
   k-means (fixed ``seed``; 20 restarts, fewer on a core of over 1,000: :func:`kmeans_inits`)
   on the core for every k between ``min_personas`` and
   ``max_personas``; among the k whose smallest persona holds at least
   :data:`MIN_PERSONA_SHARE` of the core, the best cosine silhouette wins (with theme profiles:
   the smallest k within :data:`SILHOUETTE_TOLERANCE` of the best), unless
   ``PersonaConfig.n_personas`` fixes it. Rows are sorted by participant id first, so the input
   order never matters.
3. **Everyone else** joins the most similar persona when it is clearly ahead of the runner-up
   (:data:`.profiles.JOIN_MIN_MARGIN`), with the softmax of the similarities as confidence
   (theme profiles, without vectors: when similar enough, the confidence scaled down by how
   few themes they touched); otherwise they stay **unassigned** (see
   :func:`unassigned_participants`).
4. **Describe.** Per kind, the defining themes (share among the persona's core members at least
   :data:`DEFINING_MIN_SHARE`, lift against the whole core at least :data:`DEFINING_MIN_LIFT`;
   with theme profiles: among all members, against everyone);
   a group with fewer than :data:`MIN_DEFINING_THEMES` is dissolved into the others; a name
   from the top mindset/goal theme (:mod:`persona_nlp.personas.naming`), a summary, quotes from members,
   and counts of categorical metadata values.

Personas are ordered by size (largest first), then by their sorted member ids, and numbered
``persona-1``, ``persona-2`` ...

Example:
    >>> from persona_nlp.config import PersonaConfig
    >>> build_personas([], [], [], PersonaConfig())
    []
"""

from __future__ import annotations

import logging
import math
from collections import Counter, defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..config import PersonaConfig
from ..schema import (
    STATEMENT_KINDS,
    Participant,
    Persona,
    PersonaMember,
    PersonaTheme,
    Quote,
    Statement,
    StatementKind,
    Theme,
)
from ..themes.quotes import quote_of
from .compare import (
    PersonaTable,
    SeparatingTheme,
    persona_table,
    separating_themes,
    unassigned_participants,
    unassigned_report,
)
from .naming import build_summary, choose_names
from .profiles import (
    JOIN_MIN_MARGIN,
    SemanticSpace,
    choose_core,
)

logger = logging.getLogger(__name__)

MIN_PARTICIPANTS = 4
"""Fewer profiled participants than this give no personas."""
MIN_PROFILE_THEMES = 3
"""Distinct themes a participant needs to help form the personas (else: sparse)."""
SPARSE_MIN_SIMILARITY = 0.2
"""Cosine similarity to a persona centroid a sparse participant needs to be assigned."""
CONFIDENCE_TEMPERATURE = 0.1
"""Softmax temperature turning centroid similarities into a membership confidence."""
DEFINING_MIN_SHARE = 0.3
"""A defining theme is mentioned by at least this share of the persona's members ..."""
DEFINING_MIN_LIFT = 1.5
"""... and is at least this many times more common in the persona than among everyone."""
SILHOUETTE_SAMPLE = 3000
"""Silhouettes are computed on at most this many participants (sampled with the seed)."""
SILHOUETTE_TOLERANCE = 0.05
"""The smallest number of personas whose silhouette is this close to the best one wins."""
MIN_PERSONA_SHARE = 0.1
"""A number of personas is only chosen if its smallest persona holds this share of the core."""
MAX_DEFINING_PER_KIND = 3
"""At most this many defining themes per kind."""
MIN_DEFINING_THEMES = 2
"""A group with fewer defining themes is not reported as a persona (its members move)."""
MIN_DESCRIBED_PERSONAS = 2
"""When the best silhouette's grouping leaves fewer describable personas than this, the other
candidate numbers of personas are tried (best silhouette first) and the first that leaves this
many is kept; when none does, there are no personas (unless the user fixed their number)."""
MAX_METADATA_VALUES = 12
"""Metadata keys with more distinct values than this are not summarised (not categorical)."""
_NAMING_KINDS: tuple[StatementKind, ...] = ("mindset", "goal")
OTHER_KIND_NAMING_WEIGHT = 0.6
"""Pain point, objection and channel themes count this much for the name (mindset/goal: 1)."""


@dataclass
class _Profiles:
    """Participant x theme counts, rows and columns sorted by id."""

    participant_ids: list[str]
    theme_ids: list[str]
    counts: np.ndarray  # (participants, themes) statement counts

    @property
    def presence(self) -> np.ndarray:
        return self.counts > 0


def _profiles(
    participants: Sequence[Participant], statements: Sequence[Statement], themes: Sequence[Theme]
) -> _Profiles:
    """Participant x theme statement counts (float32: exact for any real count; at a million
    answers a float64 matrix and a dict of every participant-theme pair were the personas
    stage's memory peak)."""
    theme_ids = sorted({t.id for t in themes})
    column = {tid: j for j, tid in enumerate(theme_ids)}
    themed = [s for s in statements if s.theme_id in column]
    ids = sorted(
        {p.id for p in participants}
        | {s.participant_id for s in themed}
        | {pid for theme in themes for pid in theme.participant_ids}
    )
    row = {pid: i for i, pid in enumerate(ids)}
    matrix = np.zeros((len(ids), len(theme_ids)), dtype=np.float32)
    rows = np.fromiter((row[s.participant_id] for s in themed), dtype=np.int64, count=len(themed))
    cols = np.fromiter(
        (column[s.theme_id] for s in themed if s.theme_id is not None),
        dtype=np.int64,
        count=len(themed),
    )
    np.add.at(matrix, (rows, cols), 1.0)
    for theme in themes:  # themes may list participants whose statements were not passed
        j = column[theme.id]
        listed = np.array([row[pid] for pid in theme.participant_ids], dtype=np.int64)
        if len(listed):
            missing = listed[matrix[listed, j] == 0]
            matrix[missing, j] = 1.0
    return _Profiles(ids, theme_ids, matrix)


def _weighted(counts: np.ndarray, idf: np.ndarray) -> np.ndarray:
    vectors = np.log1p(counts) * idf
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


_KMEANS_CHUNK_ROWS = 256
"""scikit-learn's k-means (``lloyd``) hands rows to its OpenMP threads in chunks of this many."""


KMEANS_INITS = 20
"""k-means restarts (k-means++ seeds) per k on a small core: the best of 20 is stable."""

KMEANS_INIT_ROWS = 20_000
"""On a large core, fewer restarts: restarts x rows stays within this (at least
:data:`KMEANS_MIN_INITS`). A core of 5,000 survey respondents gets 4 restarts instead of 20
(k-means took 25 s of a 20,000-answer analysis, 5 values of k x 20 restarts); with thousands of
rows one k-means++ seeding varies far less than with a dozen interviewees."""

KMEANS_MIN_INITS = 3


def kmeans_inits(rows: int) -> int:
    """Restarts of k-means for a core of ``rows`` participants.

    Example:
        >>> kmeans_inits(12), kmeans_inits(1000), kmeans_inits(5000), kmeans_inits(100_000)
        (20, 20, 4, 3)
    """
    return max(KMEANS_MIN_INITS, min(KMEANS_INITS, KMEANS_INIT_ROWS // max(rows, 1)))


def _cluster(vectors: np.ndarray, k: int, seed: int) -> np.ndarray:
    from sklearn.cluster import KMeans

    model = KMeans(n_clusters=k, n_init=kmeans_inits(len(vectors)), random_state=seed)
    if len(vectors) > _KMEANS_CHUNK_ROWS:
        return model.fit_predict(vectors)
    # One chunk: the other OpenMP threads have no rows and spin at every barrier of the
    # thousands of small iterations (k candidates x 20 inits), which took 1.3-1.7 s of a cold
    # run on a busy two-core machine (0.1 s with one thread). Their per-thread sums are zero,
    # so the labels are the same. threadpoolctl is scikit-learn's own dependency.
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="openmp"):
        return model.fit_predict(vectors)


def _choose_k(
    vectors: np.ndarray,
    config: PersonaConfig,
    seed: int,
    tolerance: float = SILHOUETTE_TOLERANCE,
    runs: dict[int, np.ndarray] | None = None,
) -> tuple[int, np.ndarray, dict[int, float]]:
    """The number of personas and the core's labels (see the module docstring).

    ``runs`` (optional) is a memo of k-means labels per k for these very vectors: it is filled
    with every k clustered here and read back when the same k is asked for again (a later
    candidate k in :func:`build_personas` costs no second k-means).
    """
    n = len(vectors)
    runs = {} if runs is None else runs
    if config.n_personas is not None:
        k = max(1, min(config.n_personas, n))
        if k not in runs:
            runs[k] = _cluster(vectors, k, seed) if k > 1 else np.zeros(n, dtype=int)
        return k, runs[k], {}
    from sklearn.metrics import silhouette_score

    low = max(2, config.min_personas)
    high = min(config.max_personas, n - 1)
    scores: dict[int, float] = {}
    # silhouette keeps rising with k on small, sparse profiles; a persona of 3 people in 40 is
    # no persona, so a k whose smallest group is below MIN_PERSONA_SHARE is not a candidate
    min_size = max(2, math.ceil(MIN_PERSONA_SHARE * n))
    too_small: dict[int, np.ndarray] = {}
    for k in range(low, high + 1):
        labels = runs[k] = _cluster(vectors, k, seed)
        if len(set(labels.tolist())) < 2:
            continue
        if np.bincount(labels).min() < min_size:
            too_small[k] = labels
            continue
        score = silhouette_score(
            vectors,
            labels,
            metric="cosine",
            sample_size=min(n, SILHOUETTE_SAMPLE),  # silhouette is quadratic in n
            random_state=seed,
        )
        scores[k] = round(float(score), 4)
    if not scores and too_small:  # every k leaves a small persona: take the fewest personas
        k = min(too_small)
        return k, too_small[k], scores
    if not scores:
        k = max(1, min(config.min_personas, n))
        if k not in runs:
            runs[k] = _cluster(vectors, k, seed) if k > 1 else np.zeros(n, dtype=int)
        return k, runs[k], scores
    # parsimony: the smallest k whose silhouette is within SILHOUETTE_TOLERANCE of the best
    best = max(scores.values())
    k = min(k for k, score in scores.items() if score >= best - tolerance)
    return k, runs[k], scores


def _softmax(similarities: np.ndarray) -> np.ndarray:
    z = similarities / CONFIDENCE_TEMPERATURE
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


@dataclass
class _Group:
    members: dict[str, float] = field(default_factory=dict)  # participant id -> confidence
    core: set[str] = field(default_factory=set)  # members who formed the group


def _core_of(groups: Sequence[_Group]) -> list[str]:
    """Everyone who formed a group: the population defining themes are measured against."""
    return sorted(set().union(*(g.core for g in groups))) if groups else []


def _group(
    profiles: _Profiles,
    config: PersonaConfig,
    seed: int,
    runs: dict[int, np.ndarray] | None = None,
) -> tuple[list[_Group], dict[int, float]]:
    """Personas from theme profiles; also returns the silhouette of every candidate k."""
    presence = profiles.presence
    n_all = len(profiles.participant_ids)
    df = presence.sum(axis=0)
    usable = df >= 2
    if not usable.any():
        return [], {}
    counts = profiles.counts[:, usable].astype(np.float64)
    idf = np.log((1.0 + n_all) / (1.0 + df[usable]))
    idf = np.maximum(idf, 1e-3)
    vectors = _weighted(counts, idf)
    n_themes = (counts > 0).sum(axis=1)
    core = np.flatnonzero(n_themes >= MIN_PROFILE_THEMES)
    if len(core) < MIN_PARTICIPANTS:  # small studies: let thinner profiles in
        core = np.flatnonzero(n_themes >= 1)
    if len(core) < MIN_PARTICIPANTS:
        return [], {}
    k, labels, scores = _choose_k(vectors[core], config, seed, runs=runs)
    logger.debug("persona silhouettes per k: %s; chose %d", scores, k)
    centroids = np.stack([vectors[core][labels == c].mean(axis=0) for c in range(k)])
    centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-12)
    groups = [_Group() for _ in range(k)]
    core_confidence = _softmax(vectors[core] @ centroids.T)
    for core_row, label, probabilities in zip(core, labels, core_confidence, strict=False):
        pid = profiles.participant_ids[core_row]
        groups[int(label)].members[pid] = round(float(probabilities[label]), 4)
        groups[int(label)].core.add(pid)
    core_set = set(core.tolist())
    for row in range(n_all):
        if row in core_set or n_themes[row] == 0:
            continue
        similarities = centroids @ vectors[row]
        order = np.argsort(-similarities, kind="stable")
        best = int(order[0])
        ambiguous = k > 1 and similarities[order[1]] >= similarities[best] - 1e-9
        if similarities[best] < SPARSE_MIN_SIMILARITY or ambiguous:
            continue
        coverage = min(1.0, n_themes[row] / MIN_PROFILE_THEMES)
        confidence = float(_softmax(similarities)[best]) * coverage
        groups[best].members[profiles.participant_ids[row]] = round(confidence, 4)
    return [g for g in groups if g.members], scores


def _group_semantic(
    profiles: _Profiles,
    space: SemanticSpace,
    config: PersonaConfig,
    seed: int,
    runs: dict[int, np.ndarray] | None = None,
) -> tuple[list[_Group], np.ndarray, dict[int, float]]:
    """Personas from what participants say (:mod:`.profiles`); also returns the centroids and
    the silhouette of every candidate k."""
    ids = profiles.participant_ids
    counts = space.statement_counts(ids)
    core = choose_core(counts, MIN_PARTICIPANTS, seed)
    if len(core) < MIN_PARTICIPANTS:
        return [], np.zeros((0, 0), dtype=np.float32), {}
    core_ids = [ids[i] for i in core]
    vectors = space.profiles(core_ids)
    # meaning profiles: silhouettes are small (about 0.1) and close together, so a tolerance
    # in absolute units would always pick the fewest personas; the best silhouette wins
    k, labels, scores = _choose_k(vectors, config, seed, tolerance=0.0, runs=runs)
    logger.debug("persona silhouettes per k (meaning profiles): %s; chose %d", scores, k)
    centroids = np.stack([vectors[labels == c].mean(axis=0) for c in range(k)])
    centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-12)
    groups = [_Group() for _ in range(k)]
    confidence = _softmax(vectors @ centroids.T)
    for pid, label, probabilities in zip(core_ids, labels, confidence, strict=True):
        groups[int(label)].members[pid] = round(float(probabilities[label]), 4)
        groups[int(label)].core.add(pid)
    core_set = set(core_ids)
    others = [pid for pid, n in zip(ids, counts, strict=True) if n and pid not in core_set]
    _join(groups, others, space.similarities(others, centroids))
    return groups, centroids, scores


def _join(
    groups: list[_Group],
    participant_ids: list[str],
    similarities: np.ndarray,
    *,
    require_lead: bool = True,
) -> None:
    """Add each participant to its most similar group when clearly so (see :mod:`.profiles`)."""
    if not len(groups):
        return
    for pid, row in zip(participant_ids, similarities, strict=True):
        order = np.argsort(-row, kind="stable")
        best = int(order[0])
        if require_lead and len(order) > 1 and row[best] - row[order[1]] < JOIN_MIN_MARGIN:
            continue
        groups[best].members[pid] = round(float(_softmax(row)[best]), 4)


def _describable(
    groups: list[_Group],
    centroids: np.ndarray,
    profiles: _Profiles,
    themes_by_id: dict[str, Theme],
    space: SemanticSpace | None,
) -> list[_Group]:
    """Drop groups with fewer than :data:`MIN_DEFINING_THEMES` defining themes.

    With meaning profiles the members of a dropped group join the most similar remaining group
    (they do belong somewhere; their confidence says how well); with theme profiles they stay
    unassigned. The weakest group goes first, then the rest are described again. The reference
    population of the lifts stays everyone who formed the groups at first, and a group's shares
    are measured among its own formers, so dropping one group never takes the defining themes
    of another away (with the dropped group gone from the reference, every lift shrank, and one
    weak group could dissolve all the others in turn).
    """
    groups = list(groups)
    keep = list(range(len(groups)))
    reference = _core_of(groups) if space is not None else []
    while groups:
        counts = [len(_describe(g, profiles, themes_by_id, reference)) for g in groups]
        weak = [i for i, n in enumerate(counts) if n < MIN_DEFINING_THEMES]
        if not weak:
            break
        drop = min(
            weak, key=lambda i: (counts[i], len(groups[i].members), sorted(groups[i].members))
        )
        members = sorted(groups[drop].members)
        del groups[drop], keep[drop]
        if space is not None and groups and len(centroids):
            _join(
                groups,
                members,
                space.similarities(members, centroids[keep]),
                require_lead=False,
            )
    return [g for g in groups if g.members]


def _describe(
    group: _Group, profiles: _Profiles, themes_by_id: dict[str, Theme], reference: Sequence[str]
) -> list[tuple[float, PersonaTheme]]:
    """A group's defining themes: shares among its formers, lifts against ``reference``."""
    return _defining_themes(
        sorted(group.members), profiles, themes_by_id, reference, formers=group.core
    )


def _defining_themes(
    members: list[str],
    profiles: _Profiles,
    themes_by_id: dict[str, Theme],
    core: Sequence[str] = (),
    formers: set[str] | None = None,
) -> list[tuple[float, PersonaTheme]]:
    """Themes that set the group apart: share inside, and lift against the reference population.

    With ``core`` (everyone who formed a group), share is measured among the group's core
    members (``formers`` when given: the members who formed this group) and lift against the
    whole core: a survey respondent who joined with one answer says little about which themes
    define a persona, and would dilute every share.
    """
    row_of = {pid: i for i, pid in enumerate(profiles.participant_ids)}
    presence = profiles.presence
    if core:
        core_set = set(core) if formers is None else formers
        inner = [pid for pid in members if pid in core_set]
        if len(inner) >= 2:
            members = inner
        overall = presence[[row_of[pid] for pid in core]].mean(axis=0)
    else:
        overall = presence.mean(axis=0)
    rows = [row_of[pid] for pid in members]
    inside = presence[rows].mean(axis=0)
    inside_counts = presence[rows].sum(axis=0)
    min_count = 2 if len(members) >= 4 else 1
    scored = []
    for j, tid in enumerate(profiles.theme_ids):
        if overall[j] == 0 or inside_counts[j] < min_count:
            continue
        share, lift = float(inside[j]), float(inside[j] / overall[j])
        if share < DEFINING_MIN_SHARE or lift < DEFINING_MIN_LIFT:
            continue
        theme = themes_by_id[tid]
        scored.append(
            (
                share * lift,
                PersonaTheme(
                    theme_id=tid,
                    kind=theme.kind,
                    label=theme.label,
                    share=round(share, 4),
                    lift=round(lift, 4),
                ),
            )
        )
    scored.sort(key=lambda item: (-item[0], -item[1].share, item[1].theme_id))
    kept: list[tuple[float, PersonaTheme]] = []
    per_kind: Counter[str] = Counter()
    for score, persona_theme in scored:
        if per_kind[persona_theme.kind] < MAX_DEFINING_PER_KIND:
            per_kind[persona_theme.kind] += 1
            kept.append((score, persona_theme))
    return kept


def _quotes(
    members: set[str],
    defining: list[PersonaTheme],
    statements_by_theme: dict[str, list[Statement]],
    themes_by_id: dict[str, Theme],
    limit: int,
) -> list[Quote]:
    """Round-robin over the defining themes: one quote each, from distinct members."""
    if limit <= 0:
        return []
    queues: list[deque[Statement]] = []
    for persona_theme in defining:
        theme = themes_by_id[persona_theme.theme_id]
        preferred = {q.statement_id: rank for rank, q in enumerate(theme.quotes)}
        candidates = [
            s for s in statements_by_theme.get(theme.id, []) if s.participant_id in members
        ]
        candidates.sort(
            key=lambda s: (
                preferred.get(s.id, len(preferred)),
                -s.confidence,
                abs(len(s.text) - 90),
                s.id,
            )
        )
        queues.append(deque(candidates))
    rest = sorted(
        (
            s
            for tid, group in statements_by_theme.items()
            for s in group
            if s.participant_id in members
        ),
        key=lambda s: (-s.confidence, abs(len(s.text) - 90), s.id),
    )
    queues.append(deque(rest))
    quotes: list[Quote] = []
    used_participants: set[str] = set()
    used_statements: set[str] = set()
    progress = True
    while len(quotes) < limit and progress:
        progress = False
        for queue in queues:
            while queue and (
                queue[0].participant_id in used_participants or queue[0].id in used_statements
            ):
                queue.popleft()
            if queue and len(quotes) < limit:
                statement = queue.popleft()
                quotes.append(quote_of(statement))
                used_participants.add(statement.participant_id)
                used_statements.add(statement.id)
                progress = True
    return quotes


def _categorical_keys(participants: Sequence[Participant]) -> list[str]:
    values: dict[str, set[str]] = defaultdict(set)
    holders: Counter[str] = Counter()
    for participant in participants:
        for key, value in participant.metadata.items():
            if value is None or str(value).strip() == "":
                continue
            values[key].add(str(value))
            holders[key] += 1
    keys = []
    for key, distinct in values.items():
        lowered = key.lower().replace("-", "_").replace(" ", "_")
        if lowered in {"id", "name", "email", "phone"} or lowered.endswith(
            ("_id", "_name", "email")
        ):
            continue
        if len(distinct) <= MAX_METADATA_VALUES and (
            len(distinct) < holders[key] or holders[key] <= 3
        ):
            keys.append(key)
    return sorted(keys)


def _metadata_summary(
    members: list[str], participants: dict[str, Participant], keys: list[str]
) -> dict[str, dict[str, int]]:
    summary: dict[str, dict[str, int]] = {}
    for key in keys:
        counts = Counter(
            str(participants[pid].metadata[key])
            for pid in members
            if pid in participants and str(participants[pid].metadata.get(key, "")).strip()
        )
        if counts:
            summary[key] = dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
    return summary


def build_personas(
    participants: list[Participant],
    statements: list[Statement],
    themes: list[Theme],
    config: PersonaConfig,
    seed: int = 42,
    *,
    embeddings: Any | None = None,
) -> list[Persona]:
    """Group participants into personas and describe each persona by its defining themes.

    Args:
        participants: Everyone in the corpus (metadata is summarised per persona).
        statements: Statements with their ``theme_id`` (unthemed ones are ignored).
        themes: The themes of all kinds.
        config: Persona options (``n_personas`` fixes the number; else the best between
            ``min_personas`` and ``max_personas`` by silhouette).
        seed: Seed of the clustering.
        embeddings: The statements' vectors, row-aligned with ``statements`` (an array or a
            :class:`~persona_nlp.embed.SharedRowVectors`). With them participants are grouped by
            what they say (:mod:`.profiles`: robust to how finely themes were cut, and
            interviews outweigh short survey rows); without them by their theme profiles.

    Returns:
        Personas ordered by size (largest first); ``[]`` when there are fewer than
        :data:`MIN_PARTICIPANTS` participants with themes, or no theme shared by two people.

    Example:
        >>> personas = build_personas(corpus.participants, statements, themes, PersonaConfig())  # doctest: +SKIP
        >>> personas[0].name, personas[0].size  # doctest: +SKIP
        ('Frugal Fiona', 7)
    """
    if not themes:
        return []
    profiles = _profiles(participants, statements, themes)
    themes_by_id = {t.id: t for t in themes}
    space: SemanticSpace | None = None
    centroids = np.zeros((0, 0), dtype=np.float32)
    if embeddings is not None and len(statements):
        space = SemanticSpace(
            [s.participant_id for s in statements], [s.kind for s in statements], embeddings
        )

    runs: dict[int, np.ndarray] = {}  # k-means labels per k: a later candidate k is not refitted

    def grouped(cfg: PersonaConfig) -> tuple[list[_Group], np.ndarray, dict[int, float]]:
        if space is not None:
            return _group_semantic(profiles, space, cfg, seed, runs)
        found, scores = _group(profiles, cfg, seed, runs)
        return found, np.zeros((0, 0), dtype=np.float32), scores

    groups, centroids, scores = grouped(config)
    reference = _core_of(groups) if space is not None else []
    if config.n_personas is None:  # a number the user fixed is kept, described or not
        chosen = len(groups)
        groups = _describable(groups, centroids, profiles, themes_by_id, space)
        # The best silhouette's grouping left fewer than two describable personas: the other
        # candidate numbers, best silhouette first, may still split the data into personas
        # with defining themes (a sparse study whose k=2 halves each share one theme).
        alternatives = sorted((k for k in scores if k != chosen), key=lambda k: (-scores[k], k))
        for k in alternatives if len(groups) < MIN_DESCRIBED_PERSONAS else []:
            retry, retry_centroids, _ = grouped(config.model_copy(update={"n_personas": k}))
            retry_reference = _core_of(retry) if space is not None else []
            retry = _describable(retry, retry_centroids, profiles, themes_by_id, space)
            if len(retry) >= MIN_DESCRIBED_PERSONAS:
                logger.debug("k=%d left %d describable personas; k=%d kept", chosen, len(groups), k)
                groups, reference = retry, retry_reference
                break
        if len(groups) < MIN_DESCRIBED_PERSONAS:
            # one group is not a segmentation: everyone would join it, described by the
            # themes that set its formers apart from the dissolved rest
            groups = []
    if not groups:
        return []
    groups.sort(key=lambda g: (-len(g.members), sorted(g.members)))
    statements_by_theme: dict[str, list[Statement]] = defaultdict(list)
    for statement in sorted(statements, key=lambda s: s.id):
        if statement.theme_id in themes_by_id:
            statements_by_theme[statement.theme_id].append(statement)
    participants_by_id = {p.id: p for p in participants}
    metadata_keys = _categorical_keys(participants)
    assigned_total = sum(len(g.members) for g in groups)
    described = [(group, _describe(group, profiles, themes_by_id, reference)) for group in groups]
    names = choose_names(
        [
            [
                (
                    themes_by_id[pt.theme_id].label,
                    themes_by_id[pt.theme_id].keywords,
                    score * (1.0 if pt.kind in _NAMING_KINDS else OTHER_KIND_NAMING_WEIGHT),
                )
                for score, pt in scored
            ]
            for _, scored in described
        ],
        config.naming,
    )
    personas = []
    for number, (group, scored) in enumerate(described, start=1):
        members = sorted(group.members)
        defining = [pt for _, pt in scored]
        theme_ids: dict[StatementKind, list[str]] = {
            kind: [pt.theme_id for pt in defining if pt.kind == kind] for kind in STATEMENT_KINDS
        }
        theme_ids = {kind: ids for kind, ids in theme_ids.items() if ids}
        name = names[number - 1]
        share = len(members) / assigned_total
        labels_by_kind: dict[str, list[str]] = {
            kind: [pt.label for pt in defining if pt.kind == kind] for kind in STATEMENT_KINDS
        }
        personas.append(
            Persona(
                id=f"persona-{number}",
                name=name.name,
                summary=build_summary(name.subject, len(members), share, labels_by_kind),
                participant_ids=members,
                size=len(members),
                share=round(share, 4),
                theme_ids=theme_ids,
                themes=defining,
                quotes=_quotes(
                    set(members),
                    defining,
                    statements_by_theme,
                    themes_by_id,
                    config.quotes_per_persona,
                ),
                members=[
                    PersonaMember(participant_id=pid, confidence=group.members[pid])
                    for pid in members
                ],
                metadata_summary=_metadata_summary(members, participants_by_id, metadata_keys),
            )
        )
    return personas


__all__ = [
    "PersonaTable",
    "SeparatingTheme",
    "build_personas",
    "persona_table",
    "separating_themes",
    "unassigned_participants",
    "unassigned_report",
]
