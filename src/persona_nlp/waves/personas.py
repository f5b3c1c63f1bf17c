"""Personas across waves: match a new wave's personas to the baseline's, keep ids and names.

The personas of a new wave are built from scratch (:func:`persona_nlp.personas.build_personas`)
and then matched to the baseline's:

1. **Profile.** A persona is described by what sets its members apart in their wave: for every
   theme of either wave, the share of its members who mention the theme minus the share of all
   the wave's participants who do (a theme a wave does not have counts 0 there). Themes keep
   their ids from wave to wave, so the two waves' profiles share their coordinates.
2. **Similarity** is the cosine of two profiles: 1 for the same segment, about 0 for unrelated
   ones, negative for opposites.
3. **Match** one to one, maximising the total similarity (the Hungarian method on the
   similarity matrix, rows and columns sorted by id, so the result never depends on input
   order); a pair counts only when its similarity reaches the threshold
   (:data:`PERSONA_MATCH_THRESHOLD` by default, ``waves.persona_match_threshold``).

A matched persona keeps the baseline's id and name (its summary is written again with the
baseline's name); an unmatched one is ``new`` with the next free ``persona-N`` id (never one a
vanished persona had) and a name no earlier persona had.

Example:
    >>> from persona_nlp.schema import Persona
    >>> continue_personas([], [], [], 10, [], [], "wave 2").personas
    []
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ..config import PERSONA_MATCH_THRESHOLD
from ..kinds import STATEMENT_KINDS
from ..personas.naming import build_summary
from ..schema import Persona, Theme


@dataclass
class PersonaContinuation:
    """The new wave's personas with kept or new ids and names, and how they were matched.

    Attributes:
        personas: The personas, in their order (largest first), ids and names set.
        matched: New persona id -> ``(baseline persona id, similarity)`` for the matched ones
            (keys are the final ids, i.e. the baseline's).
        similarities: Final persona id -> best similarity to any baseline persona (for the
            report of a new persona's closest predecessor).
    """

    personas: list[Persona]
    matched: dict[str, tuple[str, float]] = field(default_factory=dict)
    similarities: dict[str, float] = field(default_factory=dict)


def _shares(
    personas: Sequence[Persona], themes: Sequence[Theme], participants: int, theme_ids: list[str]
) -> np.ndarray:
    """Rows: personas; columns: ``theme_ids``; member share minus the wave's share."""
    column = {theme_id: j for j, theme_id in enumerate(theme_ids)}
    overall = np.zeros(len(theme_ids))
    mentions: dict[str, set[str]] = {}
    for theme in themes:
        if theme.id in column:
            mentions[theme.id] = set(theme.participant_ids)
            overall[column[theme.id]] = len(theme.participant_ids) / max(participants, 1)
    out = np.zeros((len(personas), len(theme_ids)))
    for row, persona in enumerate(personas):
        members = set(persona.participant_ids)
        for theme_id, people in mentions.items():
            out[row, column[theme_id]] = len(members & people) / max(len(members), 1)
    return out - overall


def profile_similarity(
    personas: Sequence[Persona],
    themes: Sequence[Theme],
    participants: int,
    baseline_personas: Sequence[Persona],
    baseline_themes: Sequence[Theme],
    baseline_participants: int,
) -> np.ndarray:
    """``(len(personas), len(baseline_personas))`` cosine similarities of the persona profiles.

    Args:
        personas: The new wave's personas.
        themes: The new wave's themes.
        participants: Participants in the new wave (the base of its shares).
        baseline_personas: The baseline's personas.
        baseline_themes: The baseline's themes.
        baseline_participants: Participants in the baseline wave.

    Example:
        >>> from persona_nlp.schema import Persona, Theme
        >>> themes = [Theme(id="g-1", kind="goal", label="A", participant_ids=["a", "b"]),
        ...           Theme(id="g-2", kind="goal", label="B", participant_ids=["c", "d"])]
        >>> people = [Persona(id="persona-1", name="X", participant_ids=["a", "b"]),
        ...           Persona(id="persona-2", name="Y", participant_ids=["c", "d"])]
        >>> profile_similarity(people, themes, 4, people, themes, 4).round(2).tolist()
        [[1.0, -1.0], [-1.0, 1.0]]
    """
    theme_ids = sorted({t.id for t in themes} | {t.id for t in baseline_themes})
    new = _shares(personas, themes, participants, theme_ids)
    old = _shares(baseline_personas, baseline_themes, baseline_participants, theme_ids)
    if not len(new) or not len(old):
        return np.zeros((len(new), len(old)))
    new /= np.maximum(np.linalg.norm(new, axis=1, keepdims=True), 1e-12)
    old /= np.maximum(np.linalg.norm(old, axis=1, keepdims=True), 1e-12)
    return new @ old.T


def _number(persona_id: str) -> int:
    head, _, number = persona_id.rpartition("-")
    return int(number) if head == "persona" and number.isdigit() else 0


def _letter(number: int) -> str:
    letters = string.ascii_uppercase
    return letters[number] if number < 26 else _letter(number // 26 - 1) + letters[number % 26]


def _subject(persona: Persona) -> str:
    """What the summary calls the persona ("Fiona", "Persona A"): the text before its counts."""
    return persona.summary.split(" (", 1)[0] if " (" in persona.summary else persona.name


def _summary(persona: Persona, subject: str) -> str:
    labels: dict[str, list[str]] = {kind: [] for kind in STATEMENT_KINDS}
    for theme in persona.themes:
        labels[theme.kind].append(theme.label)
    return build_summary(subject, persona.size, persona.share, labels)


def continue_personas(
    personas: Sequence[Persona],
    themes: Sequence[Theme],
    baseline_personas: Sequence[Persona],
    participants: int,
    baseline_themes: Sequence[Theme],
    history: Sequence[tuple[str, str]],
    wave: str,
    *,
    baseline_participants: int | None = None,
    threshold: float = PERSONA_MATCH_THRESHOLD,
) -> PersonaContinuation:
    """Give the new wave's personas the ids and names of the baseline personas they continue.

    Args:
        personas: The new wave's personas (from :func:`~persona_nlp.personas.build_personas`).
        themes: The new wave's themes (baseline theme ids kept).
        baseline_personas: The baseline wave's personas.
        participants: Participants in the new wave.
        baseline_themes: The baseline wave's themes.
        history: ``(id, name)`` of every persona of every earlier wave (ids and names are
            never given to another persona).
        wave: The new wave's name (added to a new persona's name that an earlier one had).
        baseline_participants: Participants in the baseline wave (default: ``participants``).
        threshold: Least similarity for a match (:data:`PERSONA_MATCH_THRESHOLD`).

    Returns:
        A :class:`PersonaContinuation`; ``personas`` are copies.

    Example:
        >>> result = continue_personas(new_personas, analysis.themes, baseline.personas,
        ...     len(analysis.participants), baseline.themes, [], "wave 2")  # doctest: +SKIP
        >>> [(p.id, p.new) for p in result.personas]  # doctest: +SKIP
        [('persona-1', False), ('persona-3', True)]
    """
    old = sorted(baseline_personas, key=lambda p: p.id)
    similarity = profile_similarity(
        personas,
        themes,
        participants,
        old,
        baseline_themes,
        baseline_participants if baseline_participants is not None else participants,
    )
    pairs: dict[int, tuple[int, float]] = {}
    if similarity.size:
        from scipy.optimize import linear_sum_assignment

        rows, columns = linear_sum_assignment(-similarity)
        for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
            if similarity[row, column] >= threshold:
                pairs[row] = (column, round(float(similarity[row, column]), 4))
    used_names = {name.casefold() for _, name in history} | {p.name.casefold() for p in old}
    used_subjects = {_subject(p) for p in old}
    next_number = 1 + max([_number(i) for i, _ in history] + [_number(p.id) for p in old] + [0])
    out: list[Persona] = []
    result = PersonaContinuation(personas=out)
    for row, persona in enumerate(personas):
        copy = persona.model_copy(deep=True)
        if row in pairs:
            column, score = pairs[row]
            before = old[column]
            copy.id, copy.name, copy.new = before.id, before.name, False
            copy.summary = _summary(copy, _subject(before))
            result.matched[copy.id] = (before.id, score)
        else:
            copy.id, copy.new = f"persona-{next_number}", True
            next_number += 1
            subject = _subject(persona)
            if subject in used_subjects and subject.startswith("Persona "):
                letter = 0
                while f"Persona {_letter(letter)}" in used_subjects:
                    letter += 1
                fresh = f"Persona {_letter(letter)}"
                copy.name = copy.name.replace(subject, fresh, 1)
                copy.summary = _summary(copy, fresh)
                subject = fresh
            if copy.name.casefold() in used_names:
                copy.name = f"{copy.name} ({wave})"
            used_subjects.add(subject)
            used_names.add(copy.name.casefold())
        if similarity.size:
            result.similarities[copy.id] = round(float(similarity[row].max()), 4)
        out.append(copy)
    return result


__all__ = [
    "PERSONA_MATCH_THRESHOLD",
    "PersonaContinuation",
    "continue_personas",
    "profile_similarity",
]
