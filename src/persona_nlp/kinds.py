"""The one table of statement kinds: every per-kind fact the stages need, as data.

A statement kind has a name (the value in ``analysis.json``), a heading and a colour for the
reports, the verb persona summaries use, the field names of persona files that hold items of
that kind, and the keyword-cue weights the extractor's rule scores start from. Stages read this
table instead of spelling kinds out, so adding a kind is one entry here plus its exemplars
(``extract/banks/``) and cues (``extract/banks/<lang>.cues.json``); ``StatementKind`` below
must list the same names (a test checks it).

Example:
    >>> STATEMENT_KINDS
    ('goal', 'pain_point', 'objection', 'mindset', 'channel')
    >>> KINDS["pain_point"].heading, KINDS["channel"].colour
    ('Pain points', '#1d4ed8')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, cast

StatementKind = Literal["goal", "pain_point", "objection", "mindset", "channel"]
"""The five kinds of persona evidence a statement can be (the names in :data:`KINDS`)."""


@dataclass(frozen=True)
class KindSpec:
    """Everything the stages know about one statement kind.

    Attributes:
        name: The kind's value in ``analysis.json`` (``pain_point``).
        heading: Plural heading in reports (``Pain points``).
        definition: One line saying what counts (docs, reports, codebooks).
        colour: Report colour (at least 4.5:1 contrast on white).
        summary_verb: How a persona summary introduces the kind's themes (``struggles with``).
        field_aliases: Persona-file field names holding items of this kind, lower case with
            spaces (``painPoints``, ``pain-points`` are normalised to ``pain points``).
        cue_weights: Keyword-cue feature -> weight toward this kind in the extractor's rule
            scores (feature names of :data:`persona_nlp.extract.cues.FEATURE_NAMES`).
    """

    name: str
    heading: str
    definition: str
    colour: str
    summary_verb: str
    field_aliases: tuple[str, ...] = ()
    cue_weights: dict[str, float] = field(default_factory=dict)


KINDS: dict[str, KindSpec] = {
    "goal": KindSpec(
        name="goal",
        heading="Goals",
        definition="what the person wants to achieve or get done",
        colour="#1b7f5c",
        summary_verb="wants",
        field_aliases=(
            "goals",
            "goal",
            "motivations",
            "motivation",
            "needs",
            "need",
            "wants",
            "desires",
            "objectives",
            "aspirations",
            "jobs to be done",
            "jobs",
            "jtbd",
            "drivers",
        ),
        cue_weights={"want": 1.0, "first_person_want": 0.8},
    ),
    "pain_point": KindSpec(
        name="pain_point",
        heading="Pain points",
        definition="a problem, frustration or challenge in their life or work",
        colour="#c2410c",
        summary_verb="struggles with",
        field_aliases=(
            "pain points",
            "pain point",
            "painpoints",
            "pains",
            "pain",
            "challenges",
            "challenge",
            "frustrations",
            "frustration",
            "problems",
            "problem",
            "struggles",
            "difficulties",
            "annoyances",
        ),
        cue_weights={"problem": 1.4, "negated_problem": -1.4},
    ),
    "objection": KindSpec(
        name="objection",
        heading="Objections",
        definition="a hesitation or barrier to buying, signing up or switching",
        colour="#7c3aed",
        summary_verb="hesitates because of",
        field_aliases=(
            "objections",
            "objection",
            "concerns",
            "concern",
            "barriers",
            "barrier",
            "hesitations",
            "hesitation",
            "fears",
            "worries",
            "blockers",
            "doubts",
            "purchase barriers",
        ),
        cue_weights={"price": 0.9, "delivery": 0.9, "hesitation": 1.2, "negated_price": -1.6},
    ),
    "mindset": KindSpec(
        name="mindset",
        heading="Mindset",
        definition="attitudes, values and decision rules about buying and choosing",
        colour="#0e7490",
        summary_verb="believes in",
        field_aliases=(
            "mindset",
            "values",
            "value",
            "beliefs",
            "belief",
            "attitudes",
            "attitude",
            "behaviours",
            "behaviors",
            "behaviour",
            "behavior",
            "personality",
            "traits",
            "psychographics",
            "motto",
            "philosophy",
        ),
        cue_weights={"habit": 1.2, "research": 0.8, "value": 0.7, "negated_habit": -0.8},
    ),
    "channel": KindSpec(
        name="channel",
        heading="Channels",
        definition="where they get information, how they found the company",
        colour="#1d4ed8",
        summary_verb="finds products via",
        field_aliases=(
            "channels",
            "channel",
            "where to reach them",
            "where to reach",
            "how to reach them",
            "media",
            "media habits",
            "sources",
            "information sources",
            "touchpoints",
            "touch points",
            "preferred channels",
            "where they hang out",
        ),
        cue_weights={"channel": 0.9, "person_source": 1.4},
    ),
}
"""Statement kinds in reporting order."""

STATEMENT_KINDS = cast("tuple[StatementKind, ...]", tuple(KINDS))
"""All statement kinds, in reporting order."""

__all__ = ["KINDS", "STATEMENT_KINDS", "KindSpec", "StatementKind"]
