"""Enrich personas built elsewhere with evidence from the analysed interviews and surveys.

Stage folder ``enrich/`` (after ``personas``): this module runs the steps below;
:mod:`.persona_file` reads and writes the user's file, :mod:`.scoring` assigns participants,
:mod:`.evidence` collects evidence and proposals.

Given a persona file (see :mod:`persona_nlp.enrich.persona_file`) and an
:class:`~persona_nlp.schema.Analysis`:

1. **Calibrate.** Every item of every recognised field (goals, pain points, objections,
   channels, mindset, gist) and every statement is embedded. Similarity thresholds are set in
   standard deviations above the mean similarity of all (item, statement) pairs
   (:class:`~persona_nlp.enrich.scoring.Thresholds`), so they mean the same with any embedding model.
2. **Assign participants.** A participant's score for a persona is the mean, over the
   participant's statements, of the best similarity between the statement and the persona's
   items (items of another kind count :data:`~persona_nlp.enrich.scoring.KIND_PENALTY_Z` SDs less). The participant joins
   the best-scoring persona unless that score is below the mean pair similarity or beats the
   runner-up by less than :data:`~persona_nlp.enrich.scoring.ASSIGN_MARGIN_Z` SDs over the square root of the
   statements behind the scores (then: *none*). The confidence is a
   probability: the softmax over personas of the score differences in SDs times the number of
   statements behind them (:data:`~persona_nlp.enrich.scoring.CONFIDENCE_SCALE`, fitted on the
   project's own persona studies).
3. **Evidence per item.** Statements of the persona's assigned participants at least
   :data:`~persona_nlp.enrich.scoring.STATEMENT_MATCH_Z` SDs above the mean (:data:`~persona_nlp.enrich.scoring.ABSTRACT_MATCH_Z` for gist and mindset items) support the
   item; the theme most of them belong to (else the closest theme, scored
   ``0.5 * centroid similarity + 0.5 * mean of its 3 closest statements``, if at least
   :data:`~persona_nlp.enrich.scoring.THEME_MATCH_Z` SDs above the mean) is the item's theme, and a close theme's assigned
   participants count as support too. The evidence gives the theme, the number of participants
   and verbatim quotes; an item without support is ``unsupported``, with the reason.
4. **Proposed additions.** Themes mentioned by at least :data:`~persona_nlp.enrich.evidence.PROPOSAL_MIN_SHARE` of the
   persona's participants (two at least), :data:`~persona_nlp.enrich.evidence.PROPOSAL_MIN_LIFT` times more common among them
   than among everyone, and whose statements by them are mostly not covered by the persona's
   items (close to an item of the same kind, or very close to any item). A theme that already is
   the theme of a supported item of the same kind is not proposed.
5. **Flags.** ``no_participants`` for a persona no participant is assigned to;
   ``few_confident_participants`` when fewer than :data:`MIN_CONFIDENT_MEMBERS` of its
   participants are more likely its than not (confidence above :data:`CONFIDENT_MEMBER`; the
   persona is then not ``supported``);
   ``mostly_unsupported`` when fewer than half of its items are supported.

Modules: this one runs the steps; :mod:`~persona_nlp.enrich.scoring` holds the thresholds and
the assignment (steps 1-2), :mod:`~persona_nlp.enrich.evidence` the evidence, proposals and
demographics checks (steps 3-4), :mod:`~persona_nlp.enrich.persona_file` reading and writing the file.
With the pipeline's embedder, statement vectors are language-aligned
(:mod:`~persona_nlp.embed.align`) like the themes' vectors; persona items are not shifted.

Nothing of the user's data is changed: the result's ``data`` is a copy of the file with one
``evidence`` object appended to each persona (documented in ``docs/personas.md``).

Example:
    >>> from persona_nlp.enrich import enrich_personas, load_personas_file, write_enriched
    >>> result = enrich_personas(load_personas_file("personas.json"), analysis, embedder)  # doctest: +SKIP
    >>> write_enriched(result, "out/personas.json")  # doctest: +SKIP
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..config import PersonaConfig
from ..embed import Embedder
from ..kinds import STATEMENT_KINDS
from ..schema import Analysis
from .evidence import closest_built, demographics_evidence, item_evidence, proposals
from .persona_file import (
    FileFormat,
    Item,
    PersonaFile,
    dumps,
    enriched_copy,
    field_items,
    load_personas_file,
    parse_personas,
    recognise_field,
)
from .scoring import (
    Assignment,
    Thresholds,
    assign_participants,
    best_item_similarity,
    covered_by_items,
    theme_vectors,
)

CONFIDENT_MEMBER = 0.5
"""A participant is a confident member of a persona when more likely its than not (confidence
above this)."""
MIN_CONFIDENT_MEMBERS = 2
"""A persona with fewer confident members is flagged ``few_confident_participants`` and not
``supported``: weak one-answer matches, or one person, are no evidence that the segment exists."""
QUOTES_PER_ITEM = 3
"""At most this many quotes per item (and per proposed addition)."""
CHECKED_KINDS = (*STATEMENT_KINDS, "gist")
"""Field kinds whose items are checked against the statements (demographics: against metadata)."""


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
        return dumps(self.data, "json").rstrip("\n")


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


def enrich_personas(
    persona_file_data: Any,
    analysis: Analysis,
    embedder: Embedder,
    config: PersonaConfig | None = None,
) -> EnrichmentResult:
    """Check an existing persona file against the analysis and add evidence to every persona.

    Args:
        persona_file_data: A :class:`~persona_nlp.enrich.persona_file.PersonaFile`, a path to one, or
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
    best = best_item_similarity(vectors, kinds, persona_item_vectors, thresholds)
    built = {pid: persona.id for persona in analysis.personas for pid in persona.participant_ids}
    assignments = assign_participants(
        participant_ids, statement_rows, best, labels, thresholds, groups=built
    )
    members_of: dict[int, list[str]] = defaultdict(list)
    confidence_of = {a.participant_id: a for a in assignments}
    for assignment in assignments:
        if assignment.persona_index is not None:
            members_of[assignment.persona_index].append(assignment.participant_id)

    themes = sorted(analysis.themes, key=lambda t: t.id)
    centroids = (
        theme_vectors(themes, statement_index, vectors, embedder)
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
    speakers_of_kind: dict[str, set[str]] = defaultdict(set)
    for statement in statements:
        speakers_of_kind[statement.kind].add(statement.participant_id)
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
                    entry = demographics_evidence(item, members, metadata)
                    entries.append(entry)
                    continue
                n_items += 1
                entry = item_evidence(
                    item,
                    kind,
                    item_vectors[item.text],
                    themes,
                    centroids,
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
        proposed = proposals(
            persona.fields,
            themes,
            mentioned_by,
            theme_rows,
            statements,
            covered_by_items(vectors, kinds, persona_item_vectors[index], thresholds),
            member_set,
            n_everyone,
            quotes_per_item,
            speakers_of_kind=speakers_of_kind,
            evidenced={
                entry["theme"]["id"]
                for entries in fields_evidence.values()
                for entry in entries
                if entry.get("status") == "supported"
                and "theme" in entry
                and entry["theme"]["kind"] == entry.get("kind")
            },
        )
        flags = []
        confident = (
            sum(confidence_of[pid].confidence > CONFIDENT_MEMBER for pid in members)
            >= MIN_CONFIDENT_MEMBERS
        )
        if not members:
            flags.append("no_participants")
        elif not confident:
            flags.append("few_confident_participants")
        if n_items and n_supported / n_items < 0.5 and members:
            flags.append("mostly_unsupported")
        evidence: dict[str, Any] = {
            "generated_by": "persona_nlp",
            "supported": bool(members) and confident,
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
            "proposed_additions": proposed,
            "closest_built_personas": closest_built(analysis, members),
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


def write_enriched(
    result: EnrichmentResult, path: str | Path, format: FileFormat | None = None
) -> Path:
    """Write the enriched personas: the format follows ``path``'s extension, else the input's.

    Example:
        >>> write_enriched(result, "out/personas.json")  # doctest: +SKIP
        PosixPath('out/personas.json')
    """
    path = Path(path)
    if format is None:
        suffix = path.suffix.lower()
        format = (
            "yaml"
            if suffix in (".yaml", ".yml")
            else "json"
            if suffix == ".json"
            else result.personas_file.format
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    source = result.personas_file.text if format == result.personas_file.format else None
    path.write_text(dumps(result.data, format, source), encoding="utf-8")
    return path


__all__ = [
    "Assignment",
    "EnrichmentResult",
    "enrich_personas",
    "load_personas_file",
    "write_enriched",
]
