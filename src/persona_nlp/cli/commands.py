"""What each ``persona-nlp`` sub-command does, once its options are parsed.

Kept apart from :mod:`persona_nlp.cli` so ``persona-nlp --help`` imports nothing heavy.
Progress goes to stderr, and only when stderr is a terminal and ``--quiet`` is off; the
final summary goes to stdout unless ``--quiet``.

Example:
    >>> from persona_nlp.cli import main
    >>> main(["ingest", "examples/data", "--out", "out"])  # doctest: +SKIP
    0
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import time
import warnings
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from ..config import AnalysisConfig
from ..errors import ConfigError, InputError
from ..schema import STATEMENT_KINDS, Analysis, Corpus, Skipped

logger = logging.getLogger(__name__)

SKIPS_SHOWN = 10
"""File-level skips printed one per line on stderr; the rest are counted in one more line."""

_SHOWN_ITEMS = ("file", "sheet", "row")
"""Skipped items worth a line on the terminal (blank cells are routine and only counted)."""


PROGRESS_UNITS: dict[str, str] = {"extract": "turns", "themes": "statements"}
"""What the progress bar of each long stage counts."""


class _Progress:
    """Progress on stderr: a line per stage, and a tqdm bar with an ETA for the long stages.

    Only on a terminal and never with ``--quiet``. A
    :class:`~persona_nlp.pipeline.StageProgress`: the pipeline calls it when a stage starts
    and :meth:`advance` as extraction and theming advance.
    """

    def __init__(self, quiet: bool, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = not quiet and self.stream.isatty()
        self._started = time.perf_counter()
        self._bar: Any = None

    def __call__(self, stage: str) -> None:
        self.close()
        if self.enabled:
            elapsed = time.perf_counter() - self._started
            print(f"[{elapsed:6.1f}s] {stage} ...", file=self.stream, flush=True)

    def advance(self, stage: str, done: int, total: int) -> None:
        """Move ``stage``'s bar to ``done`` of ``total``; the bar closes when it is full."""
        if not self.enabled or total <= 0:
            return
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total,
                desc=stage,
                unit=f" {PROGRESS_UNITS.get(stage, 'items')}",
                file=self.stream,
                dynamic_ncols=True,
                leave=True,
            )
        self._bar.update(done - self._bar.n)
        if done >= total:
            self.close()

    def close(self) -> None:
        """Close the current bar, if any."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _table(rows: list[tuple[str, str]]) -> str:
    width = max(len(key) for key, _ in rows)
    return "\n".join(f"  {key.ljust(width)}  {value}" for key, value in rows)


def corpus_summary_rows(corpus: Corpus) -> list[tuple[str, str]]:
    """Summary rows of a corpus: documents, turns per role, participants, languages, skipped.

    Languages count participants (each in the language of most of their answers), as the
    report does, not documents: a survey file answered in two languages shows both.

    Example:
        >>> corpus_summary_rows(Corpus())[0]
        ('documents', '0 (0 interviews, 0 surveys)')
    """
    from ..report import participant_languages

    kinds = Counter(d.kind for d in corpus.documents)
    roles = Counter(t.role for d in corpus.documents for t in d.turns)
    languages = participant_languages(corpus.documents)
    # participants per language, most first; "?" for those whose language is unknown
    language_counts = sorted(
        ((code or "?", n) for code, n in languages.items()), key=lambda item: (-item[1], item[0])
    )
    reasons: Counter[str] = Counter()
    for entry in corpus.skipped:
        reasons[entry.reason] += entry.count
    return [
        (
            "documents",
            f"{len(corpus.documents)} ({kinds['interview']} interviews, {kinds['survey']} surveys)",
        ),
        ("turns", ", ".join(f"{n} {role}" for role, n in sorted(roles.items())) or "0"),
        ("participants", str(len(corpus.participants))),
        ("languages", ", ".join(f"{code} {n}" for code, n in language_counts) or "-"),
        (
            "skipped",
            f"{sum(reasons.values())}"
            + (
                " (" + ", ".join(f"{r} {n}" for r, n in sorted(reasons.items())) + ")"
                if reasons
                else ""
            ),
        ),
    ]


def analysis_summary_rows(analysis: Analysis) -> list[tuple[str, str]]:
    """Summary rows of an analysis: corpus rows, statements, uncoded turns, themes, personas.

    Example:
        >>> from persona_nlp.schema import Manifest
        >>> analysis_summary_rows(Analysis(manifest=Manifest(package_version="0")))[-1]
        ('personas', '-')
    """
    corpus = Corpus(
        documents=analysis.documents, participants=analysis.participants, skipped=analysis.skipped
    )
    statements = Counter(s.kind for s in analysis.statements)
    themes = Counter(t.kind for t in analysis.themes)
    themed = sum(1 for s in analysis.statements if s.theme_id)
    rows = corpus_summary_rows(corpus)
    rows.append(
        (
            "statements",
            f"{len(analysis.statements)} ("
            + ", ".join(f"{k} {statements[k]}" for k in STATEMENT_KINDS)
            + ")",
        )
    )
    uncoded = Counter(entry.reason for entry in analysis.uncoded)
    rows.append(
        (
            "uncoded",
            f"{len(analysis.uncoded)}"
            + (
                " ("
                + ", ".join(
                    f"{reason} {count}"
                    for reason, count in sorted(uncoded.items(), key=lambda r: (-r[1], r[0]))
                )
                + ")"
                if uncoded
                else ""
            ),
        )
    )
    rows.append(
        (
            "themes",
            f"{len(analysis.themes)} ("
            + ", ".join(f"{k} {themes[k]}" for k in STATEMENT_KINDS)
            + f"); {themed} statements themed",
        )
    )
    rows.append(("personas", ", ".join(f"{p.name} ({p.size})" for p in analysis.personas) or "-"))
    return rows


def _print_summary(
    title: str, rows: list[tuple[str, str]], outputs: list[Path], quiet: bool
) -> None:
    if quiet:
        return
    print(title)
    print(_table(rows))
    if outputs:
        print("wrote:")
        for path in outputs:
            print(f"  {path}")


def print_skips(skipped: Sequence[Skipped], quiet: bool, limit: int = SKIPS_SHOWN) -> None:
    """Print skipped files, sheets and rows on stderr: the first ``limit``, then a count.

    Example:
        >>> print_skips([Skipped(path="a.txt", reason="empty", message="empty file")], False)  # doctest: +SKIP
        skipped a.txt: empty file
    """
    shown = [entry for entry in skipped if entry.item in _SHOWN_ITEMS]
    if quiet or not shown:
        return
    for entry in shown[:limit]:
        where = entry.path if entry.line is None else f"{entry.path}:{entry.line}"
        print(f"skipped {where}: {entry.message or entry.reason}", file=sys.stderr)
    if len(shown) > limit:
        print(
            f"... and {len(shown) - limit} more skipped (listed in skipped[] of the output)",
            file=sys.stderr,
        )


def check_corpus(corpus: Corpus, n_personas: int | None, quiet: bool) -> None:
    """Show what was skipped, then refuse a corpus with nothing usable in it (exit code 1).

    Raises:
        InputError: No document was read from the inputs (reason ``nothing_usable``).
        ConfigError: ``n_personas`` (``--personas N``) is more than there are participants.
    """
    print_skips(corpus.skipped, quiet)
    if not corpus.documents:
        files = [entry for entry in corpus.skipped if entry.item == "file"]
        why = (
            f"{len(files)} file(s) skipped; first {files[0].path}: {files[0].reason}"
            if files
            else "no readable files found"
        )
        raise InputError(
            f"nothing usable was read from the inputs ({why})",
            fix="check the paths and formats (docs/formats.md)",
            reason="nothing_usable",
        )
    if n_personas is not None and n_personas > len(corpus.participants):
        raise ConfigError(
            f"--personas {n_personas}: the data has only {len(corpus.participants)} participant(s) "
            f"(fix: ask for at most {len(corpus.participants)} personas, or leave it out)"
        )


@contextlib.contextmanager
def library_warnings() -> Iterator[None]:
    """Turn the warnings of numerical libraries (sklearn, numpy) into one log line each kind.

    Raw warning blocks on stderr are noise to a user; a repeated ``ConvergenceWarning`` (fewer
    distinct points than clusters, with many duplicate answers) becomes one warning line, and
    numpy's ``Mean of empty slice`` (an empty group, handled by the caller) a debug line.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    kinds: dict[str, list[str]] = {}
    for item in caught:
        kinds.setdefault(item.category.__name__, []).append(str(item.message).splitlines()[0])
    for kind, messages in sorted(kinds.items()):
        if kind == "ConvergenceWarning":
            logger.warning(
                "clustering stopped early %d time(s) (%s); usually many identical answers",
                len(messages),
                messages[0],
            )
        else:
            logger.debug("%d %s from a library, e.g. %s", len(messages), kind, messages[0])


def _ingest_checked(args: argparse.Namespace, config: AnalysisConfig) -> Any:
    """The inputs to analyse: an ingested, checked corpus (local runs), or the paths (Dask)."""
    from ..pipeline import ingest_inputs

    if config.run.executor != "local":
        return args.inputs
    corpus = ingest_inputs(args.inputs, config)
    check_corpus(corpus, config.personas.n_personas, args.quiet)
    return corpus


def run_ingest(args: argparse.Namespace, config: AnalysisConfig) -> None:
    """``persona-nlp ingest``: read inputs, write ``DIR/corpus.json``, print a summary."""
    from ..pipeline import ingest_inputs

    progress = _Progress(args.quiet)
    progress("ingest")
    corpus = ingest_inputs(args.inputs, config)
    check_corpus(corpus, None, args.quiet)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "corpus.json"
    path.write_text(corpus.model_dump_json(indent=2) + "\n", encoding="utf-8")
    _print_summary("ingested:", corpus_summary_rows(corpus), [path], args.quiet)


def _config_with_progress(
    args: argparse.Namespace, config: AnalysisConfig
) -> tuple[Any, AnalysisConfig]:
    progress = _Progress(args.quiet)
    if progress.enabled and not config.embed.show_progress:
        config = config.model_copy(
            update={"embed": config.embed.model_copy(update={"show_progress": True})}
        )
    return progress, config


def run_analyze(args: argparse.Namespace, config: AnalysisConfig) -> None:
    """``persona-nlp analyze``: the whole analysis, reports written to ``--out``."""
    from ..pipeline import run_pipeline, write_outputs

    progress, config = _config_with_progress(args, config)
    inputs = _ingest_checked(args, config)
    with library_warnings():
        run = run_pipeline(inputs, config, on_stage=progress)
    if inputs is args.inputs:  # a Dask run reads its inputs on the workers: checked after
        read = Corpus(documents=run.analysis.documents, skipped=run.analysis.skipped)
        check_corpus(read, None, args.quiet)
    outputs = write_outputs(run, Path(args.out), config)
    _print_summary("analysis:", analysis_summary_rows(run.analysis), outputs, args.quiet)


def run_enrich(args: argparse.Namespace, config: AnalysisConfig) -> None:
    """``persona-nlp enrich``: analyse inputs and enrich an existing personas file."""
    from ..pipeline import enrich

    progress, config = _config_with_progress(args, config)
    inputs = _ingest_checked(args, config)
    with library_warnings():
        run, _, outputs = enrich(
            args.personas_file,
            inputs,
            config,
            out=Path(args.out),
            on_stage=progress,
            codebook_from_personas=args.codebook_from_personas,
        )
    _print_summary("enriched:", analysis_summary_rows(run.analysis), outputs, args.quiet)


def run_config_init(path: str, *, force: bool = False) -> None:
    """``persona-nlp config init``: write a config file with every default documented."""
    from ..config_file import write_config_file

    written = write_config_file(path, force=force)
    print(f"wrote {written}")
