"""Enrich personas built elsewhere with evidence from the analysed interviews and surveys.

Given a persona file (see :mod:`persona_nlp.enrich_io`) and an
:class:`~persona_nlp.schema.Analysis`:

1. **Calibrate.** Every item of every recognised field (goals, pain points, objections,
   channels, mindset, gist) and every statement is embedded. Similarity thresholds are set in
   standard deviations above the mean similarity of all (item, statement) pairs
   (:class:`Thresholds`), so they mean the same with any embedding model.
2. **Assign participants.** A participant's score for a persona is the mean, over the
   participant's statements, of the best similarity between the statement and the persona's
   items (items of another kind count :data:`KIND_PENALTY_Z` SDs less). The participant joins
   the best-scoring persona unless that score is below the mean pair similarity or beats the
   runner-up by less than :data:`ASSIGN_MARGIN_Z` SDs (then: *none*). The confidence is the
   share of the participant's statements that individually fit that persona best.
3. **Evidence per item.** Statements of the persona's assigned participants at least
   :data:`STATEMENT_MATCH_Z` SDs above the mean (:data:`GIST_MATCH_Z` for gist text) support the
   item; the theme most of them belong to (else the closest theme, scored
   ``0.5 * centroid similarity + 0.5 * mean of its 3 closest statements``, if at least
   :data:`THEME_MATCH_Z` SDs above the mean) is the item's theme, and a close theme's assigned
   participants count as support too. The evidence gives the theme, the number of participants
   and verbatim quotes; an item without support is ``unsupported``, with the reason.
4. **Proposed additions.** Themes mentioned by at least :data:`PROPOSAL_MIN_SHARE` of the
   persona's participants (two at least), :data:`PROPOSAL_MIN_LIFT` times more common among them
   than among everyone, and whose statements by them are mostly not covered by the persona's
   items (close to an item of the same kind, or very close to any item).
5. **Flags.** ``no_participants`` for a persona no participant is assigned to;
   ``mostly_unsupported`` when fewer than half of its items are supported.

Nothing of the user's data is changed: the result's ``data`` is a copy of the file with one
``evidence`` object appended to each persona (documented in ``docs/personas.md``).

Example:
    >>> from persona_nlp.enrich import enrich_personas, load_personas_file, write_enriched
    >>> result = enrich_personas(load_personas_file("personas.json"), analysis, embedder)  # doctest: +SKIP
    >>> write_enriched(result, "out/personas.json")  # doctest: +SKIP
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .config import PersonaConfig
from .embed import Embedder
from .enrich_io import (
    FIELD_ALIASES,
    Item,
    PersonaFile,
    enriched_copy,
    field_items,
    load_personas_file,
    normalise_key,
    parse_personas,
    recognise_field,
    write_enriched,
)
from .schema import Analysis, Statement, Theme

# Similarity thresholds are set per analysis, in standard deviations above the mean similarity
# of all (item, statement) pairs, so that they mean the same with any embedding model (the
# default MiniLM spreads similarities over 0-1, multilingual-e5 packs them into 0.75-1).
STATEMENT_MATCH_Z = 2.5
"""A statement is evidence for an item when their similarity is this many SDs above the mean."""
GIST_MATCH_Z = 2.2
"""The same for gist/summary/description text (long text matches single statements less)."""
THEME_MATCH_Z = 3.3
"""A theme (0.5 * centroid + 0.5 * its 3 closest statements) this close matches the item."""
KIND_PENALTY_Z = 0.4
"""Similarities between an item and statements/themes of another kind count this much less."""
ASSIGN_MIN_Z = 0.0
"""A participant whose best persona score is below the mean pair similarity is assigned to none."""
ASSIGN_MARGIN_Z = 0.15
"""... and so is one whose best persona beats the second by less than this."""
MIN_BASELINE_STD = 0.02


@dataclass(frozen=True)
class Thresholds:
    """Similarity thresholds of one enrichment run (see :meth:`calibrate`)."""

    statement: float = 0.44
    gist: float = 0.4
    theme: float = 0.55
    kind_penalty: float = 0.05
    assign_min: float = 0.12
    assign_margin: float = 0.02
    baseline_mean: float = 0.12
    baseline_std: float = 0.13

    @classmethod
    def calibrate(cls, items: np.ndarray, statements: np.ndarray) -> Thresholds:
        """Thresholds from the mean and SD of all item x statement similarities.

        Example:
            >>> Thresholds.calibrate(np.eye(2, dtype=np.float32), np.eye(2, dtype=np.float32)).statement
            1.75
        """
        if not len(items) or not len(statements):
            return cls()
        sims = items @ statements.T
        mean, std = float(sims.mean()), max(float(sims.std()), MIN_BASELINE_STD)
        return cls(
            statement=round(mean + STATEMENT_MATCH_Z * std, 4),
            gist=round(mean + GIST_MATCH_Z * std, 4),
            theme=round(mean + THEME_MATCH_Z * std, 4),
            kind_penalty=round(KIND_PENALTY_Z * std, 4),
            assign_min=round(mean + ASSIGN_MIN_Z * std, 4),
            assign_margin=round(ASSIGN_MARGIN_Z * std, 4),
            baseline_mean=round(mean, 4),
            baseline_std=round(std, 4),
        )


PROPOSAL_MIN_SHARE = 0.3
"""Share of a persona's participants that must mention a theme for it to be proposed."""
PROPOSAL_MIN_LIFT = 1.2
"""... and the theme must be this many times more common among them than among everyone."""
MAX_PROPOSALS = 5
QUOTES_PER_ITEM = 3
CHECKED_KINDS = ("goal", "pain_point", "objection", "channel", "mindset", "gist")
_ITEM_KIND_TO_STATEMENT_KIND = {
    "goal": "goal",
    "pain_point": "pain_point",
    "objection": "objection",
    "channel": "channel",
    "mindset": "mindset",
}
_CANONICAL_FIELD = {kind: aliases[0] for kind, aliases in FIELD_ALIASES.items()}


@dataclass
class Assignment:
    """A participant's existing persona (index into the file's personas, its label) with a confidence."""

    participant_id: str
    persona_index: int | None
    persona: str | None
    confidence: float
    score: float


@dataclass
class EnrichmentResult:
    """What :func:`enrich_personas` returns.

    Attributes:
        data: The enriched data: the user's structure, untouched, plus ``evidence`` per persona.
        personas_file: The parsed input.
        evidence: The evidence object of each persona, in file order.
        assignments: Every participant's assignment (``persona_index`` ``None`` = none).
        thresholds: The similarity thresholds this run calibrated.
    """

    data: Any
    personas_file: PersonaFile
    evidence: list[dict]
    assignments: list[Assignment] = field(default_factory=list)
    thresholds: Thresholds | None = None

    @property
    def unassigned(self) -> list[str]:
        """Participants that fit no persona, sorted."""
        return sorted(a.participant_id for a in self.assignments if a.persona_index is None)

    def to_json(self) -> str:
        """The enriched data as JSON (key order kept)."""
        return json.dumps(self.data, indent=2, ensure_ascii=False, default=str)


def _coerce(persona_file_data: Any) -> PersonaFile:
    if isinstance(persona_file_data, PersonaFile):
        return persona_file_data
    if isinstance(persona_file_data, (str, Path)):
        return load_personas_file(persona_file_data)
    return parse_personas(persona_file_data)


@dataclass
class _PersonaItems:
    fields: list[tuple[str, str, list[Item]]]  # (original key, field kind, items)

    def checked(self) -> list[tuple[str, str, Item]]:
        return [
            (key, kind, item)
            for key, kind, items in self.fields
            if kind in CHECKED_KINDS
            for item in items
        ]


def _persona_items(persona: dict) -> _PersonaItems:
    fields: list[tuple[str, str, list[Item]]] = []
    for key, value in persona.items():
        kind = recognise_field(key)
        if kind is not None:
            fields.append((str(key), kind, field_items(value, kind)))
    return _PersonaItems(fields)


def _kind_penalty(item_kind: str, statement_kinds: np.ndarray, penalty: float) -> np.ndarray:
    target = _ITEM_KIND_TO_STATEMENT_KIND.get(item_kind)
    if target is None:
        return np.zeros(len(statement_kinds))
    return np.where(statement_kinds == target, 0.0, penalty)


def _quote(statement: Statement, similarity: float) -> dict:
    return {
        "participant_id": statement.participant_id,
        "statement_id": statement.id,
        "document_id": statement.document_id,
        "text": statement.text,
        "similarity": round(similarity, 3),
    }


def _best_item_similarity(
    vectors: np.ndarray,
    kinds: np.ndarray,
    persona_items: list[list[tuple[str, np.ndarray]]],
    thresholds: Thresholds,
) -> np.ndarray:
    """(statements, personas): each statement's best similarity to any item of each persona."""
    columns = []
    for items in persona_items:
        if not items or not len(vectors):
            columns.append(np.full(len(vectors), -1.0))
            continue
        sims = np.stack(
            [
                vectors @ vector - _kind_penalty(kind, kinds, thresholds.kind_penalty)
                for kind, vector in items
            ],
            axis=1,
        )
        columns.append(sims.max(axis=1))
    return np.stack(columns, axis=1) if columns else np.zeros((len(vectors), 0))


def _covered(
    vectors: np.ndarray,
    kinds: np.ndarray,
    items: list[tuple[str, np.ndarray]],
    thresholds: Thresholds,
) -> np.ndarray:
    """Statements a persona already mentions: close to one of its items of the statement's kind,
    or very close (theme threshold) to any of its items."""
    covered = np.zeros(len(vectors), dtype=bool)
    for kind, vector in items:
        sims = vectors @ vector
        same_kind = kinds == _ITEM_KIND_TO_STATEMENT_KIND.get(kind, "")
        covered |= (same_kind & (sims >= thresholds.statement)) | (sims >= thresholds.theme)
    return covered


def _assign(
    participant_ids: list[str],
    statement_rows: dict[str, list[int]],
    best: np.ndarray,
    labels: list[str],
    thresholds: Thresholds,
) -> list[Assignment]:
    """Score every participant against every persona (see the module docstring)."""
    assignments = []
    for pid in participant_ids:
        rows = statement_rows.get(pid, [])
        if not rows or best.shape[1] == 0:
            assignments.append(Assignment(pid, None, None, 0.0, 0.0))
            continue
        scores = best[rows].mean(axis=0)
        order = np.argsort(-scores, kind="stable")
        index = int(order[0])
        margin = float(scores[index] - scores[order[1]]) if len(order) > 1 else float(scores[index])
        if scores[index] < thresholds.assign_min or margin < thresholds.assign_margin:
            assignments.append(Assignment(pid, None, None, 0.0, round(float(scores[index]), 4)))
            continue
        votes = Counter(int(np.argmax(best[row])) for row in rows)
        confidence = votes[index] / len(rows)
        assignments.append(
            Assignment(
                pid, index, labels[index], round(confidence, 4), round(float(scores[index]), 4)
            )
        )
    return assignments


def _theme_vectors(
    themes: list[Theme], statement_index: dict[str, int], vectors: np.ndarray, embedder: Embedder
) -> np.ndarray:
    centroids = np.zeros((len(themes), vectors.shape[1] if len(vectors) else 0), dtype=np.float32)
    missing = []
    for j, theme in enumerate(themes):
        rows = [statement_index[s] for s in theme.statement_ids if s in statement_index]
        if rows:
            centroid = vectors[rows].mean(axis=0)
            centroids[j] = centroid / max(float(np.linalg.norm(centroid)), 1e-12)
        else:
            missing.append(j)
    if missing:
        encoded = embedder.encode(
            [" ".join([themes[j].label, *themes[j].keywords]) for j in missing]
        )
        if centroids.shape[1] == 0:
            centroids = np.zeros((len(themes), encoded.shape[1]), dtype=np.float32)
        centroids[missing] = encoded
    return centroids


def _demographics_evidence(
    item: Item, members: list[str], metadata: dict[str, dict[str, str]]
) -> dict:
    key, _, value = item.text.partition(":")
    wanted_key = normalise_key(key)
    counts: Counter[str] = Counter()
    matched_key = None
    for pid in members:
        for meta_key, meta_value in metadata.get(pid, {}).items():
            normal = normalise_key(meta_key)
            if value and (
                normal == wanted_key or wanted_key in normal.split() or normal in wanted_key.split()
            ):
                matched_key = meta_key
                counts[str(meta_value)] += 1
    entry: dict[str, Any] = {"item": item.text, "path": item.path}
    if not value or matched_key is None:
        entry.update(status="not_checked", reason="no participant metadata for this field")
        return entry
    entry.update(metadata_key=matched_key, values=dict(counts.most_common()))
    wanted = value.strip().lower()
    hits = sum(n for v, n in counts.items() if _value_matches(wanted, v.lower()))
    entry.update(status="supported" if hits else "unsupported", participants=hits)
    if not hits:
        entry["reason"] = "no assigned participant has this value"
    return entry


def _value_matches(wanted: str, value: str) -> bool:
    """Same words (one side's words all in the other), or a number inside a wanted range."""
    wanted_words, value_words = set(re.findall(r"\w+", wanted)), set(re.findall(r"\w+", value))
    if (
        wanted_words
        and value_words
        and (wanted_words <= value_words or value_words <= wanted_words)
    ):
        return True
    numbers = [[int(n) for n in re.findall(r"\d+", text)] for text in (wanted, value)]
    if len(numbers[0]) == 2 and numbers[1]:
        low, high = numbers[0]
        return any(low <= n <= high for n in numbers[1])
    return False


def enrich_personas(
    persona_file_data: Any,
    analysis: Analysis,
    embedder: Embedder,
    config: PersonaConfig | None = None,
) -> EnrichmentResult:
    """Check an existing persona file against the analysis and add evidence to every persona.

    Args:
        persona_file_data: A :class:`~persona_nlp.enrich_io.PersonaFile`, a path to one, or
            already parsed data (a list of personas or an object with a ``personas`` list).
        analysis: The analysis of the interviews/surveys (statements and themes are used).
        embedder: The embedder used for the analysis (items and statements are embedded with it).
        config: Persona options (``quotes_per_persona`` caps the quotes per item).

    Returns:
        The enriched data (user's structure untouched + ``evidence`` per persona), the evidence
        objects and every participant's assignment.

    Example:
        >>> result = enrich_personas("personas.yaml", analysis, embedder)  # doctest: +SKIP
        >>> result.evidence[0]["participants"]["count"]  # doctest: +SKIP
        8
    """
    config = config or PersonaConfig()
    quotes_per_item = max(0, min(QUOTES_PER_ITEM, config.quotes_per_persona))
    persona_file = _coerce(persona_file_data)
    labels = persona_file.labels
    structured = [_persona_items(p) for p in persona_file.personas]

    statements = sorted(analysis.statements, key=lambda s: s.id)
    statement_index = {s.id: i for i, s in enumerate(statements)}
    vectors = (
        embedder.encode([s.text for s in statements])
        if statements
        else np.zeros((0, 0), np.float32)
    )
    kinds = np.array([s.kind for s in statements])
    item_texts = sorted({item.text for persona in structured for _, _, item in persona.checked()})
    item_vectors = (
        dict(zip(item_texts, embedder.encode(item_texts), strict=False)) if item_texts else {}
    )
    if not statements and item_vectors:  # keep shapes consistent: (0, dim)
        vectors = np.zeros((0, len(next(iter(item_vectors.values())))), np.float32)

    participant_ids = sorted(
        {p.id for p in analysis.participants} | {s.participant_id for s in statements}
    )
    statement_rows: dict[str, list[int]] = defaultdict(list)
    for i, statement in enumerate(statements):
        statement_rows[statement.participant_id].append(i)
    persona_item_vectors = [
        [(kind, item_vectors[item.text]) for _, kind, item in p.checked()] for p in structured
    ]
    thresholds = Thresholds.calibrate(
        np.stack([item_vectors[t] for t in item_texts]) if item_texts else np.zeros((0, 0)), vectors
    )
    best = _best_item_similarity(vectors, kinds, persona_item_vectors, thresholds)
    assignments = _assign(participant_ids, statement_rows, best, labels, thresholds)
    members_of: dict[int, list[str]] = defaultdict(list)
    confidence_of = {a.participant_id: a for a in assignments}
    for assignment in assignments:
        if assignment.persona_index is not None:
            members_of[assignment.persona_index].append(assignment.participant_id)

    themes = sorted(analysis.themes, key=lambda t: t.id)
    theme_vectors = (
        _theme_vectors(themes, statement_index, vectors, embedder)
        if themes and len(vectors)
        else np.zeros((0, 0))
    )
    theme_rows = [
        [statement_index[s] for s in t.statement_ids if s in statement_index] for t in themes
    ]
    theme_kinds = np.array([t.kind for t in themes])
    mentioned_by = [
        set(t.participant_ids) | {statements[r].participant_id for r in rows}
        for t, rows in zip(themes, theme_rows, strict=False)
    ]
    n_everyone = max(1, len(participant_ids))
    metadata = {p.id: p.metadata for p in analysis.participants}

    evidence_list = []
    for index, persona in enumerate(structured):
        members = sorted(members_of.get(index, []))
        member_set = set(members)
        fields_evidence: dict[str, list[dict]] = {}
        n_items = n_supported = 0
        for key, kind, items in persona.fields:
            entries = []
            for item in items:
                if kind == "demographics":
                    entry = _demographics_evidence(item, members, metadata)
                    entries.append(entry)
                    continue
                n_items += 1
                entry = _item_evidence(
                    item,
                    kind,
                    item_vectors[item.text],
                    themes,
                    theme_vectors,
                    theme_rows,
                    theme_kinds,
                    mentioned_by,
                    statements,
                    vectors,
                    kinds,
                    member_set,
                    quotes_per_item,
                    thresholds,
                )
                entry.pop("_matched")
                n_supported += entry["status"] == "supported"
                entries.append(entry)
            fields_evidence[key] = entries
        proposals = _proposals(
            persona,
            themes,
            mentioned_by,
            theme_rows,
            statements,
            _covered(vectors, kinds, persona_item_vectors[index], thresholds),
            member_set,
            n_everyone,
            quotes_per_item,
        )
        flags = []
        if not members:
            flags.append("no_participants")
        if n_items and n_supported / n_items < 0.5 and members:
            flags.append("mostly_unsupported")
        evidence: dict[str, Any] = {
            "generated_by": "persona_nlp",
            "supported": bool(members),
            "flags": flags,
            "participants": {
                "count": len(members),
                "share": round(len(members) / n_everyone, 4),
                "assigned": [
                    {"participant_id": pid, "confidence": confidence_of[pid].confidence}
                    for pid in members
                ],
            },
            "items": {
                "checked": n_items,
                "supported": n_supported,
                "unsupported": n_items - n_supported,
            },
            "fields": fields_evidence,
            "unsupported": [
                {"field": key, "item": e["item"], "path": e["path"], "reason": e.get("reason", "")}
                for key, entries in fields_evidence.items()
                for e in entries
                if e.get("status") == "unsupported"
            ],
            "proposed_additions": proposals,
            "closest_built_personas": _closest_built(analysis, members),
        }
        evidence_list.append(evidence)
    data = enriched_copy(persona_file, evidence_list)
    return EnrichmentResult(
        data=data,
        personas_file=persona_file,
        evidence=evidence_list,
        assignments=assignments,
        thresholds=thresholds,
    )


def _item_evidence(
    item: Item,
    kind: str,
    vector: np.ndarray,
    themes: list[Theme],
    theme_vectors: np.ndarray,
    theme_rows: list[list[int]],
    theme_kinds: np.ndarray,
    mentioned_by: list[set[str]],
    statements: list[Statement],
    vectors: np.ndarray,
    kinds: np.ndarray,
    members: set[str],
    quotes_per_item: int,
    thresholds: Thresholds,
) -> dict:
    """Evidence for one item: close statements of assigned participants, and the theme they form."""
    entry: dict[str, Any] = {
        "item": item.text,
        "path": item.path,
        "kind": _ITEM_KIND_TO_STATEMENT_KIND.get(kind),
    }
    statement_sims = (
        vectors @ vector - _kind_penalty(kind, kinds, thresholds.kind_penalty)
        if len(vectors)
        else np.zeros(0)
    )
    threshold = thresholds.gist if kind == "gist" else thresholds.statement
    close = [int(r) for r in np.flatnonzero(statement_sims >= threshold)]
    supporting = [r for r in close if statements[r].participant_id in members]
    theme_of = {r: j for j, rows in enumerate(theme_rows) for r in rows}
    scores = np.zeros(len(themes), dtype=np.float64)
    if len(themes) and theme_vectors.size:
        penalty = _kind_penalty(kind, theme_kinds, thresholds.kind_penalty)
        for j, rows in enumerate(theme_rows):
            centroid = float(theme_vectors[j] @ vector) - penalty[j]
            top = float(np.sort(statement_sims[rows])[-3:].mean()) if rows else centroid
            scores[j] = 0.5 * centroid + 0.5 * top
    # the theme: where the supporting statements are, else the most similar theme
    weight: dict[int, float] = defaultdict(float)
    for r in supporting or close:
        if r in theme_of:
            weight[theme_of[r]] += float(statement_sims[r])
    matched = {j for j in range(len(themes)) if scores[j] >= thresholds.theme} | set(weight)
    entry["_matched"] = matched
    best: int | None = None
    if weight:
        best = max(weight, key=lambda j: (weight[j], scores[j], themes[j].id))
    elif len(themes) and float(scores.max()) >= thresholds.theme:
        best = int(np.argmax(scores))
    supporters = {statements[r].participant_id for r in supporting}
    overall = {statements[r].participant_id for r in close}
    if best is not None:
        entry["theme"] = {
            "id": themes[best].id,
            "label": themes[best].label,
            "kind": themes[best].kind,
            "similarity": round(float(scores[best]), 3),
        }
        if scores[best] >= thresholds.theme:  # a close theme counts as evidence itself
            supporters |= mentioned_by[best] & members
            overall |= mentioned_by[best]
            supporting += [r for r in theme_rows[best] if statements[r].participant_id in members]
    entry["participants"] = len(supporters)
    entry["participants_overall"] = len(overall)
    if supporters:
        entry["status"] = "supported"
        quotes: list[dict] = []
        seen: set[str] = set()
        for r in sorted(
            set(supporting), key=lambda r: (-float(statement_sims[r]), statements[r].id)
        ):
            if statements[r].participant_id not in seen and len(quotes) < quotes_per_item:
                seen.add(statements[r].participant_id)
                quotes.append(_quote(statements[r], float(statement_sims[r])))
        entry["quotes"] = quotes
    else:
        entry["status"] = "unsupported"
        if not members:
            entry["reason"] = "no participant is assigned to this persona"
        elif overall:
            entry["reason"] = "said by participants of other personas only"
        else:
            entry["reason"] = "nothing similar in the data"
    return entry


def _proposals(
    persona: _PersonaItems,
    themes: list[Theme],
    mentioned_by: list[set[str]],
    theme_rows: list[list[int]],
    statements: list[Statement],
    covered_by_items: np.ndarray,
    members: set[str],
    n_everyone: int,
    quotes_per_item: int,
) -> list[dict]:
    """Themes common among the persona's participants whose statements no item of it covers."""
    if not members or not themes:
        return []
    field_for_kind: dict[str, str] = {}
    for key, kind, _ in persona.fields:
        field_for_kind.setdefault(kind, key)
    minimum = max(2, math.ceil(PROPOSAL_MIN_SHARE * len(members)))
    found: list[dict[str, Any]] = []
    for j, theme in enumerate(themes):
        rows = [r for r in theme_rows[j] if statements[r].participant_id in members]
        uncovered = [r for r in rows if not covered_by_items[r]]
        if not rows or len(uncovered) < 0.5 * len(rows):
            continue  # the persona already says this
        inside = len(mentioned_by[j] & members)
        if inside < minimum:
            continue
        share, overall = inside / len(members), len(mentioned_by[j]) / n_everyone
        lift = share / overall if overall else 0.0
        if lift < PROPOSAL_MIN_LIFT:
            continue
        quotes: list[dict] = []
        seen: set[str] = set()
        for r in sorted(uncovered, key=lambda r: (-statements[r].confidence, statements[r].id)):
            if statements[r].participant_id not in seen and len(quotes) < quotes_per_item:
                seen.add(statements[r].participant_id)
                quotes.append(
                    {
                        "participant_id": statements[r].participant_id,
                        "statement_id": statements[r].id,
                        "text": statements[r].text,
                    }
                )
        found.append(
            {
                "field": field_for_kind.get(
                    theme.kind, _CANONICAL_FIELD.get(theme.kind, theme.kind)
                ),
                "kind": theme.kind,
                "theme": {"id": theme.id, "label": theme.label, "keywords": theme.keywords[:5]},
                "participants": inside,
                "share": round(share, 4),
                "lift": round(lift, 3),
                "quotes": quotes,
            }
        )
    found.sort(key=lambda p: (-p["share"] * p["lift"], p["theme"]["id"]))
    return found[:MAX_PROPOSALS]


def _closest_built(analysis: Analysis, members: list[str]) -> list[dict]:
    if not members:
        return []
    member_set = set(members)
    overlaps: list[dict[str, Any]] = []
    for built in analysis.personas:
        shared = len(member_set.intersection(built.participant_ids))
        if shared:
            overlaps.append({"id": built.id, "name": built.name, "shared_participants": shared})
    overlaps.sort(key=lambda o: (-o["shared_participants"], o["id"]))
    return overlaps[:3]


__all__ = [
    "Assignment",
    "EnrichmentResult",
    "enrich_personas",
    "load_personas_file",
    "write_enriched",
]
