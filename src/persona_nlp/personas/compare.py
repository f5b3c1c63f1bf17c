"""Comparing personas: who belongs where, and which themes tell the personas apart.

* :func:`persona_table` - the participant x persona membership matrix (confidences).
* :func:`separating_themes` - the themes whose prevalence differs most between personas.
* :func:`unassigned_participants` - participants in no persona.
* :func:`unassigned_report` - the same with the reason (``analysis.json``'s
  ``unassigned_participants``).

Example:
    >>> from persona_nlp.schema import Participant
    >>> unassigned_participants([Participant(id="p1")], [])
    ['p1']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..schema import (
    Analysis,
    Participant,
    Persona,
    Statement,
    Theme,
    UnassignedParticipant,
    UnassignedReason,
)


def unassigned_participants(
    participants: Sequence[Participant], personas: Sequence[Persona]
) -> list[str]:
    """Participants in no persona (too few themes, or no persona close enough), sorted.

    Example:
        >>> unassigned_participants([Participant(id="p1")], [])
        ['p1']
    """
    assigned = {pid for persona in personas for pid in persona.participant_ids}
    return sorted(p.id for p in participants if p.id not in assigned)


def unassigned_report(
    participants: Sequence[Participant],
    statements: Sequence[Statement],
    themes: Sequence[Theme],
    personas: Sequence[Persona],
) -> list[UnassignedParticipant]:
    """Every participant in no persona, with the reason, sorted by id.

    Reasons: ``no_statements``, ``no_themes``, ``no_personas`` (none were built) or
    ``no_close_persona`` (see :class:`~persona_nlp.schema.UnassignedParticipant`).

    Example:
        >>> [u.reason for u in unassigned_report([Participant(id="p1")], [], [], [])]
        ['no_statements']
    """
    said = {s.participant_id for s in statements}
    theme_count: dict[str, int] = {}
    for theme in themes:
        for pid in theme.participant_ids:
            theme_count[pid] = theme_count.get(pid, 0) + 1
    report = []
    for pid in unassigned_participants(participants, personas):
        themes_of = theme_count.get(pid, 0)
        reason: UnassignedReason
        if themes_of:
            reason = "no_close_persona" if personas else "no_personas"
        else:
            reason = "no_themes" if pid in said else "no_statements"
        report.append(UnassignedParticipant(participant_id=pid, reason=reason, themes=themes_of))
    return report


@dataclass
class PersonaTable:
    """Participant x persona membership: ``values[i, j]`` is participant i's confidence in persona j.

    Attributes:
        participant_ids: Rows, sorted.
        persona_ids: Columns, in persona order.
        persona_names: Names of the columns.
        values: Membership confidence (0 where not a member).
    """

    participant_ids: list[str]
    persona_ids: list[str]
    persona_names: list[str]
    values: np.ndarray

    def persona_of(self, participant_id: str) -> str | None:
        """The persona id a participant belongs to, or ``None`` when unassigned."""
        row = self.values[self.participant_ids.index(participant_id)]
        return self.persona_ids[int(row.argmax())] if row.size and row.max() > 0 else None

    def to_rows(self) -> list[dict[str, object]]:
        """One dict per participant: id, persona id (or ``None``) and the confidence per persona name."""
        rows: list[dict[str, object]] = []
        for i, pid in enumerate(self.participant_ids):
            row: dict[str, object] = {"participant_id": pid, "persona_id": self.persona_of(pid)}
            row.update(
                {
                    name: round(float(v), 4)
                    for name, v in zip(self.persona_names, self.values[i], strict=False)
                }
            )
            rows.append(row)
        return rows


def persona_table(
    analysis_or_personas: Analysis | Sequence[Persona],
    participants: Sequence[Participant] | None = None,
) -> PersonaTable:
    """The participant x persona membership matrix (confidences; 0 where not a member).

    Args:
        analysis_or_personas: An :class:`~persona_nlp.schema.Analysis`, or a list of personas.
        participants: With a list of personas: everyone, so unassigned people get a zero row.

    Example:
        >>> table = persona_table(analysis)  # doctest: +SKIP
        >>> table.to_rows()[0]  # doctest: +SKIP
        {'participant_id': 'p01', 'persona_id': 'persona-2', 'Frugal Fiona': 0.0, 'Green Gina': 0.91}
    """
    if isinstance(analysis_or_personas, Analysis):
        personas = list(analysis_or_personas.personas)
        participants = (
            participants if participants is not None else analysis_or_personas.participants
        )
    else:
        personas = list(analysis_or_personas)
    ids = {p.id for p in participants or []} | {
        pid for persona in personas for pid in persona.participant_ids
    }
    participant_ids = sorted(ids)
    row = {pid: i for i, pid in enumerate(participant_ids)}
    values = np.zeros((len(participant_ids), len(personas)), dtype=np.float64)
    for j, persona in enumerate(personas):
        confidence = {m.participant_id: m.confidence for m in persona.members}
        for pid in persona.participant_ids:
            values[row[pid], j] = confidence.get(pid, 1.0) or 1e-6
    return PersonaTable(
        participant_ids, [p.id for p in personas], [p.name for p in personas], values
    )


@dataclass
class SeparatingTheme:
    """A theme whose prevalence differs most between personas.

    Attributes:
        theme_id: The theme.
        kind: Its kind.
        label: Its label.
        shares: Share of each persona's members mentioning it (persona id -> share).
        spread: Highest minus lowest share.
    """

    theme_id: str
    kind: str
    label: str
    shares: dict[str, float]
    spread: float


def separating_themes(
    personas: Sequence[Persona], themes: Sequence[Theme], top: int = 10
) -> list[SeparatingTheme]:
    """The themes that most separate the personas: largest spread of within-persona share.

    Example:
        >>> [t.label for t in separating_themes(analysis.personas, analysis.themes, top=2)]  # doctest: +SKIP
        ['wait for sales', 'plastic packaging']
    """
    if len(personas) < 2:
        return []
    found = []
    for theme in themes:
        mentioned = set(theme.participant_ids)
        shares = {
            p.id: round(len(mentioned.intersection(p.participant_ids)) / p.size, 4)
            if p.size
            else 0.0
            for p in personas
        }
        spread = max(shares.values()) - min(shares.values())
        if spread > 0:
            found.append(
                SeparatingTheme(theme.id, theme.kind, theme.label, shares, round(spread, 4))
            )
    found.sort(key=lambda t: (-t.spread, t.theme_id))
    return found[:top]


__all__ = [
    "PersonaTable",
    "SeparatingTheme",
    "persona_table",
    "separating_themes",
    "unassigned_participants",
    "unassigned_report",
]
