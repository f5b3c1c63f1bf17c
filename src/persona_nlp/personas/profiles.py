"""Participants as points in meaning space: what each person says, per kind, against everyone.

Grouping participants by the *themes* they share depends on how finely the themes were cut: two
people who say the same thing in words that landed in two neighbouring themes share nothing.
This module describes a participant by the *meaning* of their statements instead:

1. **Per kind**, the mean vector of the participant's statements of that kind minus the mean of
   everyone's statements of that kind (what sets this person apart), scaled to unit length and
   weighted by ``n / (n + 1)`` for ``n`` statements (one remark weighs half as much as many).
   The blocks of the five kinds are concatenated and the whole profile scaled to unit length.
2. **Evidence decides who forms the personas.** When at least :data:`MIN_RICH` participants
   have :data:`RICH_STATEMENTS` statements or more (typically interviewees), they alone form the
   personas: a survey respondent with two short answers carries a fraction of an interview's
   evidence and should not outvote it. Otherwise participants with
   :data:`CORE_MIN_STATEMENTS` statements form them, as in a survey-only study.
3. **Everyone else joins** the persona whose centroid is most similar over the kinds they
   spoke about, when that similarity is clearly ahead of the runner-up's
   (:data:`JOIN_MIN_MARGIN`); else they stay unassigned. The similarity itself is not held to a
   floor: centroids formed by interviewees share an "interview" direction (everyone's mean is
   dominated by short answers), which lowers a survey respondent's similarity to every persona
   alike and leaves only the lead meaningful.

Memory: one ``(participants, kinds x dim)`` float32 array for the core (sampled to
:data:`CORE_SAMPLE` when larger) and, for everyone else, a pass in chunks that keeps only the
similarities to the centroids.

Example:
    >>> import numpy as np
    >>> space = SemanticSpace(["a", "b"], ["goal", "goal"], np.eye(2, dtype=np.float32))
    >>> space.profiles(["a", "b"]).shape
    (2, 10)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..kinds import STATEMENT_KINDS

RICH_STATEMENTS = 8
"""Statements that make a participant's evidence rich (an interview, a long survey)."""
MIN_RICH = 6
"""Rich participants needed before they alone form the personas."""
CORE_MIN_STATEMENTS = 3
"""Statements a participant needs to help form the personas when few are rich."""
CORE_SAMPLE = 5000
"""At most this many participants form the personas (a seeded sample above it)."""
JOIN_MIN_MARGIN = 0.08
"""Lead in cosine similarity (over the kinds the participant spoke about) that the most similar
persona needs over the runner-up for a participant to join it. Chosen on the project's own three
persona studies (best mean persona ARI over 0.00-0.20; docs/personas.md has the curve)."""
CHUNK = 4096
"""Participants profiled at a time when joining them to the personas."""


class SemanticSpace:
    """Statement vectors grouped per participant and kind, ready to be turned into profiles.

    Args:
        participant_ids: The participant of each statement.
        kinds: The kind of each statement.
        vectors: ``(n_statements, dim)`` unit vectors, row-aligned (any object that
            ``np.asarray`` turns into that array, or that can be indexed by row arrays).
    """

    def __init__(self, participant_ids: Sequence[str], kinds: Sequence[str], vectors: Any) -> None:
        self.kinds = tuple(STATEMENT_KINDS)
        self.dim = int(np.asarray(vectors[0:1]).shape[1]) if len(participant_ids) else 0
        if len(participant_ids) != len(kinds):
            raise ValueError("participant_ids and kinds must be row-aligned")
        kind_index: dict[str, int] = {kind: i for i, kind in enumerate(self.kinds)}
        codes = np.array([kind_index[kind] for kind in kinds], dtype=np.int64)
        # each participant's rows per kind, in row order, as slices of one sorted index array
        # (a dict of dicts of lists per participant held hundreds of MB at a million answers)
        self._participant = {pid: i for i, pid in enumerate(dict.fromkeys(participant_ids))}
        owners = np.fromiter(
            (self._participant[pid] for pid in participant_ids),
            dtype=np.int64,
            count=len(participant_ids),
        )
        n_kinds = len(self.kinds)
        cells = owners * n_kinds + codes
        self._order = np.argsort(cells, kind="stable")
        self._counts = np.bincount(cells, minlength=len(self._participant) * n_kinds).reshape(
            len(self._participant), n_kinds
        )
        self._starts = np.concatenate([[0], np.cumsum(self._counts.ravel())])
        sums = np.zeros((len(self.kinds), self.dim), dtype=np.float64)
        for start in range(0, len(codes), 65_536):
            block = np.asarray(vectors[start : start + 65_536], dtype=np.float64)
            part = codes[start : start + 65_536]
            for k in range(len(self.kinds)):
                sums[k] += block[part == k].sum(axis=0)
        counts = np.bincount(codes, minlength=len(self.kinds))
        self.kind_means = (sums / np.maximum(counts, 1)[:, None]).astype(np.float32)
        self.vectors = vectors

    def _rows(self, participant: int, kind: int) -> np.ndarray:
        """Rows of one participant's statements of one kind, ascending."""
        cell = participant * len(self.kinds) + kind
        return self._order[self._starts[cell] : self._starts[cell + 1]]

    def _kind_counts(self, participant_id: str) -> np.ndarray:
        """Statements of each kind a participant made (zeros for an unknown participant)."""
        index = self._participant.get(participant_id)
        if index is None:
            return np.zeros(len(self.kinds), dtype=np.int64)
        return self._counts[index]

    def statement_counts(self, participant_ids: Sequence[str]) -> np.ndarray:
        """Statements per participant (0 for someone without statements)."""
        return np.array(
            [int(self._kind_counts(pid).sum()) for pid in participant_ids], dtype=np.int64
        )

    def profiles(self, participant_ids: Sequence[str]) -> np.ndarray:
        """``(len(participant_ids), kinds x dim)`` unit profiles (zero rows: no statements)."""
        out = np.zeros((len(participant_ids), len(self.kinds) * self.dim), dtype=np.float32)
        for i, pid in enumerate(participant_ids):
            index = self._participant.get(pid)
            if index is None:
                continue
            for k in range(len(self.kinds)):
                rows = self._rows(index, k)
                if not len(rows):
                    continue
                mean = np.asarray(self.vectors[rows], dtype=np.float32).mean(axis=0)
                block = mean - self.kind_means[k]
                norm = float(np.linalg.norm(block))
                if norm > 1e-9:
                    weight = len(rows) / (len(rows) + 1.0)
                    out[i, k * self.dim : (k + 1) * self.dim] = weight * block / norm
            norm = float(np.linalg.norm(out[i]))
            if norm > 1e-9:
                out[i] /= norm
        return out

    def similarities(self, participant_ids: Sequence[str], centroids: np.ndarray) -> np.ndarray:
        """Cosine similarity of each participant to each centroid, over the kinds they used.

        A respondent who only answered about channels is compared with the personas' channel
        blocks, not penalised for saying nothing about goals.
        """
        out = np.zeros((len(participant_ids), len(centroids)), dtype=np.float32)
        for start in range(0, len(participant_ids), CHUNK):
            ids = participant_ids[start : start + CHUNK]
            profiles = self.profiles(ids)
            for i, pid in enumerate(ids):
                used = np.flatnonzero(self._kind_counts(pid)).tolist()
                if not used:
                    continue
                columns = np.concatenate(
                    [np.arange(k * self.dim, (k + 1) * self.dim) for k in used]
                )
                part = centroids[:, columns]
                norms = np.maximum(np.linalg.norm(part, axis=1), 1e-9)
                out[start + i] = (part @ profiles[i, columns]) / norms
        return out


def choose_core(counts: np.ndarray, min_participants: int, seed: int) -> np.ndarray:
    """Rows (into ``counts``) of the participants who form the personas, sorted.

    Example:
        >>> choose_core(np.array([12, 9, 2, 10, 11, 8, 15, 1]), 4, 0).tolist()
        [0, 1, 3, 4, 5, 6]
    """
    rich = np.flatnonzero(counts >= RICH_STATEMENTS)
    if len(rich) >= max(MIN_RICH, min_participants):
        core = rich
    else:
        core = np.flatnonzero(counts >= CORE_MIN_STATEMENTS)
        if len(core) < min_participants:
            core = np.flatnonzero(counts >= 1)
    if len(core) > CORE_SAMPLE:
        rng = np.random.default_rng(seed)
        core = np.sort(rng.choice(core, CORE_SAMPLE, replace=False))
    return core


__all__ = [
    "CORE_MIN_STATEMENTS",
    "CORE_SAMPLE",
    "JOIN_MIN_MARGIN",
    "MIN_RICH",
    "RICH_STATEMENTS",
    "SemanticSpace",
    "choose_core",
]
