"""Waves: a study that goes on, wave after wave, with themes and personas that keep their ids.

Stage folder ``waves/`` (after ``personas``): a new wave is analysed against the
``analysis.json`` of the wave before (the *baseline*, :mod:`.baseline`). The pipeline
(:func:`persona_nlp.analyze` with ``baseline=``, ``persona-nlp analyze --baseline``):

1. reads and checks the baseline (:func:`read_baseline`, :func:`check_baseline_model`);
2. moves the new statements into the baseline's language-aligned space
   (:func:`align_to_baseline`) and codes them to the baseline's themes, clustering the rest
   into new themes (:func:`persona_nlp.themes.build_themes` with ``baseline``);
3. builds the personas as usual and matches them to the baseline's
   (:func:`continue_personas`, :mod:`.personas`);
4. writes the change report, ``analysis.changes`` (:func:`wave_changes`, :mod:`.changes`,
   statistics in :mod:`.stats`).

The guide is ``docs/waves.md``.

Example:
    >>> round(fisher_exact(2, 20, 11, 20), 4)
    0.0057
"""

from __future__ import annotations

from .baseline import align_to_baseline, check_baseline_model, read_baseline
from .changes import (
    ALPHA,
    FIRST_WAVE,
    next_wave_name,
    participants_of,
    themes_in,
    wave_changes,
    wave_name_of,
)
from .personas import (
    PERSONA_MATCH_THRESHOLD,
    PersonaContinuation,
    continue_personas,
    profile_similarity,
)
from .stats import fisher_exact, holm

__all__ = [
    "ALPHA",
    "FIRST_WAVE",
    "PERSONA_MATCH_THRESHOLD",
    "PersonaContinuation",
    "align_to_baseline",
    "check_baseline_model",
    "continue_personas",
    "fisher_exact",
    "holm",
    "next_wave_name",
    "participants_of",
    "profile_similarity",
    "read_baseline",
    "themes_in",
    "wave_changes",
    "wave_name_of",
]
