"""The change report of a wave analysis: prevalence per wave, tests, new and vanished items.

:func:`wave_changes` takes the new wave's analysis (themes and personas already carrying the
baseline's ids) and the baseline analysis, and returns :class:`~persona_nlp.schema.Changes`:

* **Waves.** The baseline's own ``changes.waves`` (a wave-3 baseline holds waves 1 and 2), or
  the baseline as the first wave, then this one.
* **Themes.** Per theme, the prevalence in every wave (share of the wave's participants, 95%
  Wilson interval; 0 in a wave where the theme was not found, e.g. before it was first found).
  Between each wave and the next, the shares are compared with Fisher's exact test
  (two-sided) and the p-values of that pair of waves adjusted with Holm's method over the
  themes mentioned in either wave (:mod:`.stats`). A theme first found in a later wave is not
  tested against the waves before it: it was not looked for there (their statements were not
  coded again), so its 0 there is no measurement. Every pair is recomputed from the counts,
  so history and tests always agree.
* **Personas.** Sizes per wave, statuses, and the participants of the latest wave who were
  also in the wave before (same participant id), with their persona in each.

Example:
    >>> from persona_nlp.schema import Analysis, Manifest
    >>> empty = Analysis(manifest=Manifest(package_version="0"))
    >>> [w.name for w in wave_changes(empty, empty, wave="wave 2").waves]
    ['wave 1', 'wave 2']
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import ConfigError
from ..kinds import STATEMENT_KINDS
from ..schema import (
    Analysis,
    Changes,
    ParticipantMove,
    PersonaChange,
    PersonaWave,
    Prevalence,
    Theme,
    ThemeChange,
    WavePrevalence,
    WaveStatus,
    WaveSummary,
)
from ..themes.stats import prevalence
from .stats import fisher_exact, holm

ALPHA = 0.05
"""Default significance level of the Holm-adjusted p-values (``waves.alpha``)."""

FIRST_WAVE = "wave 1"
"""The name of a baseline that is a single analysis and names no wave (``waves.name``)."""


def participants_of(analysis: Analysis) -> int:
    """The base of an analysis's prevalence: its themes' ``total``, else its participants.

    Example:
        >>> from persona_nlp.schema import Manifest
        >>> participants_of(Analysis(manifest=Manifest(package_version="0")))
        0
    """
    for theme in analysis.themes:
        if theme.prevalence is not None:
            return theme.prevalence.total
    return len(analysis.participants)


def wave_name_of(analysis: Analysis) -> str:
    """The name of an analysis's own wave: its last wave, its ``waves.name``, or ``wave 1``.

    Example:
        >>> from persona_nlp.schema import Manifest
        >>> wave_name_of(Analysis(manifest=Manifest(package_version="0")))
        'wave 1'
    """
    if analysis.changes is not None and analysis.changes.waves:
        return analysis.changes.waves[-1].name
    configured = (analysis.manifest.config.get("waves") or {}).get("name")
    return str(configured) if configured else FIRST_WAVE


def next_wave_name(baseline: Analysis, name: str | None) -> str:
    """The new wave's name: ``name``, or ``wave N`` after the baseline's waves.

    Raises:
        ConfigError: ``name`` is already the name of an earlier wave.

    Example:
        >>> from persona_nlp.schema import Manifest
        >>> next_wave_name(Analysis(manifest=Manifest(package_version="0")), None)
        'wave 2'
    """
    earlier = [w.name for w in baseline.changes.waves] if baseline.changes else []
    earlier = earlier or [wave_name_of(baseline)]
    if name is None:
        number = len(earlier) + 1
        while f"wave {number}" in earlier:
            number += 1
        return f"wave {number}"
    if name in earlier:
        raise ConfigError(
            f"wave name {name!r} is already the name of an earlier wave "
            f"(fix: choose another --wave-name; earlier: {', '.join(earlier)})"
        )
    return name


def _share(theme: Theme | None, total: int) -> Prevalence:
    return prevalence(len(theme.participant_ids) if theme else 0, total)


def _status(before: int, now: int, seen_before: bool) -> WaveStatus:
    if not seen_before:
        return "new"
    if before and now:
        return "continued"
    if before:
        return "vanished"
    return "returned" if now else "absent"


def _test(histories: list[list[WavePrevalence]], firsts: list[int], alpha: float) -> None:
    """Fisher's exact test of each wave against the one before, Holm-adjusted per pair.

    A theme is tested for a pair of waves when it was already looked for in the first of them
    (``firsts``: the index of the wave it was first found in) and mentioned in either.
    """
    waves = len(histories[0]) if histories else 0
    for index in range(1, waves):
        tested: list[tuple[WavePrevalence, float]] = []
        for history, first in zip(histories, firsts, strict=True):
            before, now = history[index - 1].prevalence, history[index].prevalence
            if first < index and (before.participants or now.participants):
                p_value = fisher_exact(
                    before.participants, before.total, now.participants, now.total
                )
                tested.append((history[index], p_value))
        for (entry, p_value), adjusted in zip(tested, holm([p for _, p in tested]), strict=True):
            entry.p_value = round(p_value, 6)
            entry.p_adjusted = round(adjusted, 6)
            entry.significant = adjusted < alpha


def wave_changes(
    analysis: Analysis,
    baseline: Analysis,
    *,
    wave: str,
    baseline_path: str = "",
    alpha: float = ALPHA,
    persona_match_threshold: float = 0.0,
    matched: dict[str, tuple[str, float]] | None = None,
) -> Changes:
    """The change report of ``analysis`` (the latest wave) against ``baseline`` and its history.

    Args:
        analysis: The new wave; themes and personas already carry the baseline's ids
            (:func:`~persona_nlp.themes.build_themes` with ``baseline``,
            :func:`~persona_nlp.waves.personas.continue_personas`).
        baseline: The wave before (its ``changes``, if any, hold the earlier waves).
        wave: The new wave's name.
        baseline_path: The baseline file as given (recorded).
        alpha: Significance level of the Holm-adjusted p-values.
        persona_match_threshold: The threshold the personas were matched with (recorded).
        matched: Persona id -> ``(baseline persona id, similarity)`` of the matched personas.

    Example:
        >>> changes = wave_changes(wave2, wave1, wave="wave 2")  # doctest: +SKIP
        >>> changes.vanished_theme_ids, changes.new_persona_ids  # doctest: +SKIP
        (['pain_point-03'], ['persona-4'])
    """
    matched = matched or {}
    before = baseline.changes
    previous_name = wave_name_of(baseline)
    waves = (
        [w.model_copy() for w in before.waves]
        if before is not None and before.waves
        else [
            WaveSummary(
                name=previous_name,
                participants=participants_of(baseline),
                statements=len(baseline.statements),
                personas=len(baseline.personas),
            )
        ]
    )
    total = participants_of(analysis)
    waves.append(
        WaveSummary(
            name=wave,
            participants=total,
            statements=len(analysis.statements),
            personas=len(analysis.personas),
        )
    )
    earlier = waves[:-1]

    # -- themes: history from the baseline, this wave appended, every pair tested
    old_themes = {c.theme_id: c for c in before.themes} if before is not None else {}
    baseline_themes = {t.id: t for t in baseline.themes}
    current = {t.id: t for t in analysis.themes}
    ids = list(dict.fromkeys([*old_themes, *baseline_themes, *current]))
    rows: list[ThemeChange] = []
    for theme_id in ids:
        theme = current.get(theme_id)
        known = old_themes.get(theme_id)
        if known is not None:
            history = [entry.model_copy(deep=True) for entry in known.waves]
        elif theme_id in baseline_themes:
            history = [
                WavePrevalence(
                    wave=previous_name,
                    prevalence=_share(baseline_themes[theme_id], earlier[-1].participants),
                )
            ]
        else:  # first found in this wave: nobody in the earlier waves
            history = [
                WavePrevalence(wave=w.name, prevalence=prevalence(0, w.participants))
                for w in earlier
            ]
        history = history[-len(earlier) :] if len(history) > len(earlier) else history
        while len(history) < len(earlier):  # a baseline missing older waves: pad at the front
            history.insert(
                0,
                WavePrevalence(
                    wave=earlier[len(earlier) - len(history) - 1].name, prevalence=prevalence(0, 0)
                ),
            )
        history.append(WavePrevalence(wave=wave, prevalence=_share(theme, total)))
        source = theme or baseline_themes.get(theme_id)
        kind = source.kind if source else known.kind  # type: ignore[union-attr]
        rows.append(
            ThemeChange(
                theme_id=theme_id,
                kind=kind,
                label=source.label if source else known.label,  # type: ignore[union-attr]
                origin=source.origin if source else known.origin,  # type: ignore[union-attr]
                first_wave=known.first_wave
                if known is not None
                else (previous_name if theme_id in baseline_themes else wave),
                status=_status(
                    history[-2].prevalence.participants,
                    history[-1].prevalence.participants,
                    known is not None or theme_id in baseline_themes,
                ),
                change=round(history[-1].prevalence.share - history[-2].prevalence.share, 6),
                waves=history,
            )
        )
    names = [w.name for w in waves]
    _test(
        [row.waves for row in rows],
        [names.index(row.first_wave) if row.first_wave in names else 0 for row in rows],
        alpha,
    )
    for row in rows:
        if row.waves[-1].significant:
            row.direction = "up" if row.change > 0 else "down"
    kind_order = {kind: i for i, kind in enumerate(STATEMENT_KINDS)}
    rows.sort(key=lambda r: (kind_order[r.kind], r.theme_id))

    # -- personas: sizes per wave; statuses against the wave before
    old_personas = {c.persona_id: c for c in before.personas} if before is not None else {}
    baseline_personas = {p.id: p for p in baseline.personas}
    now = {p.id: p for p in analysis.personas}
    people: list[PersonaChange] = []
    for persona_id in list(dict.fromkeys([*now, *old_personas, *baseline_personas])):
        persona = now.get(persona_id)
        known_persona = old_personas.get(persona_id)
        previous = baseline_personas.get(persona_id)
        if known_persona is not None:
            sizes = [entry.model_copy() for entry in known_persona.waves]
        elif previous is not None:
            sizes = [PersonaWave(wave=previous_name, size=previous.size, share=previous.share)]
        else:
            sizes = [PersonaWave(wave=w.name) for w in earlier]
        while len(sizes) < len(earlier):
            sizes.insert(0, PersonaWave(wave=earlier[len(earlier) - len(sizes) - 1].name))
        sizes.append(
            PersonaWave(
                wave=wave,
                size=persona.size if persona else 0,
                share=persona.share if persona else 0.0,
            )
        )
        seen = known_persona is not None or previous is not None
        status = _status(sizes[-2].size, sizes[-1].size, seen)
        if status == "returned":  # see PersonaChange.status: a vanished persona never returns
            status = "new"
        named = persona or previous
        people.append(
            PersonaChange(
                persona_id=persona_id,
                name=named.name if named else known_persona.name,  # type: ignore[union-attr]
                first_wave=known_persona.first_wave
                if known_persona is not None
                else (previous_name if previous is not None else wave),
                status=status,
                similarity=matched[persona_id][1] if persona_id in matched else None,
                waves=sizes,
            )
        )

    # -- participants in both waves
    persona_of = _persona_of(analysis)
    persona_before = _persona_of(baseline)
    both = sorted({p.id for p in baseline.participants} & {p.id for p in analysis.participants})
    returning = [
        ParticipantMove(
            participant_id=pid,
            previous_persona_id=persona_before.get(pid),
            persona_id=persona_of.get(pid),
            moved=persona_before.get(pid) is not None
            and persona_of.get(pid) is not None
            and persona_before.get(pid) != persona_of.get(pid),
        )
        for pid in both
    ]
    return Changes(
        baseline=baseline_path,
        waves=waves,
        alpha=alpha,
        persona_match_threshold=persona_match_threshold,
        themes=rows,
        personas=people,
        new_theme_ids=[r.theme_id for r in rows if r.status == "new"],
        vanished_theme_ids=[r.theme_id for r in rows if r.status == "vanished"],
        increased_theme_ids=[r.theme_id for r in rows if r.direction == "up"],
        decreased_theme_ids=[r.theme_id for r in rows if r.direction == "down"],
        new_persona_ids=[p.persona_id for p in people if p.status == "new"],
        vanished_persona_ids=[p.persona_id for p in people if p.status == "vanished"],
        returning_participants=returning,
    )


def _persona_of(analysis: Analysis) -> dict[str, str]:
    return {pid: p.id for p in analysis.personas for pid in p.participant_ids}


def themes_in(changes: Changes, ids: Sequence[str]) -> list[ThemeChange]:
    """The :class:`~persona_nlp.schema.ThemeChange` rows of ``ids``, in that order.

    Example:
        >>> themes_in(Changes(), [])
        []
    """
    by_id = {row.theme_id: row for row in changes.themes}
    return [by_id[i] for i in ids if i in by_id]


__all__ = [
    "ALPHA",
    "FIRST_WAVE",
    "next_wave_name",
    "participants_of",
    "themes_in",
    "wave_changes",
    "wave_name_of",
]
