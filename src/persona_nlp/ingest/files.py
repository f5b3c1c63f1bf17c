"""Inputs to files: folders (recursive), globs, extensions, size limits and document ids.

Example:
    >>> format_of(Path("p07.VTT"))
    'vtt'
    >>> assign_document_ids([Path("a/p01.vtt"), Path("b/p01.vtt"), Path("p02.txt")])[Path("b/p01.vtt")]
    'b/p01'
"""

from __future__ import annotations

import glob
import os
import stat
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..config import IngestConfig
from ..errors import InputError
from ..schema import Skipped
from ._common import skipped_from
from ._decode import not_regular, unreadable

FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".vtt": "vtt",
    ".webvtt": "vtt",
    ".srt": "srt",
    ".docx": "docx",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
"""File extension -> format name (the reader that handles it)."""

STREAMED_FORMATS = frozenset({"csv", "tsv", "jsonl", "xlsx"})
"""Formats read row by row; all others are loaded whole, so their size is checked against memory."""

MEMORY_FACTOR = 12
"""A file loaded whole needs about this many times its size in memory (text, lines, models)."""

_HINTS = {
    ".doc": "save it as .docx in Word",
    ".xls": "save it as .xlsx or export it as CSV",
    ".pdf": "export the transcript as .txt, .docx or .vtt",
    ".rtf": "save it as .docx or .txt",
    ".odt": "save it as .docx",
    ".ods": "save it as .xlsx or export it as CSV",
    ".pages": "export it as .docx",
    ".numbers": "export it as .xlsx or CSV",
}

_GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class InputFile:
    """A file to read: where it is, how to show it, and its format."""

    path: Path
    display: str
    format: str


def format_of(path: Path) -> str | None:
    """The format name for a file's extension, or ``None`` if no reader handles it."""
    return FORMATS.get(path.suffix.lower())


def _hidden(relative: Path) -> bool:
    return any(part.startswith((".", "~$")) for part in relative.parts)


def _unknown_extension(display: str, suffix: str) -> InputError:
    supported = ", ".join(sorted({s.lstrip(".") for s in FORMATS}))
    fix = _HINTS.get(suffix.lower(), f"convert it to one of: {supported}")
    what = f"unknown extension {suffix!r}" if suffix else "no file extension"
    return InputError(
        f"{what}: no reader for this file", path=display, fix=fix, reason="unknown_extension"
    )


def _candidates(spec: str | Path) -> tuple[list[tuple[Path, str]], bool]:
    """Files named by one input spec as (path, display) pairs, and whether the spec was a folder."""
    text = str(spec)
    path = Path(text).expanduser()
    if path.is_dir():
        found = []
        for root, dirs, names in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in names:
                file_path = Path(root) / name
                if not _hidden(file_path.relative_to(path)):
                    found.append((file_path, file_path.as_posix()))
        return found, True
    if path.exists() or path.is_symlink():
        return [(path, path.as_posix())], False
    if _GLOB_CHARS & set(text):
        matches = sorted(glob.glob(os.path.expanduser(text), recursive=True))
        files_found: list[tuple[Path, str]] = []
        for match in matches:
            matched = Path(match)
            if matched.is_dir():
                inner, _ = _candidates(matched)
                files_found.extend(inner)
            elif not _hidden(Path(matched.name)):
                files_found.append((matched, matched.as_posix()))
        if not files_found:
            raise InputError(
                "no files match this pattern",
                path=text,
                fix="check the pattern, e.g. 'data/**/*.vtt'",
                reason="not_found",
            )
        return files_found, True
    raise InputError("no such file or folder", path=text, fix="check the path", reason="not_found")


def expand_inputs(
    inputs: Sequence[str | Path], config: IngestConfig
) -> tuple[list[InputFile], list[Skipped]]:
    """Expand files, folders (recursively) and glob patterns into readable files, sorted by path.

    Hidden files and folders (``.name``) and Office lock files (``~$name``) inside folders are
    ignored. Unknown extensions, missing paths and files over ``config.max_file_mb`` are
    reported: raised in strict mode, else returned as ``Skipped`` entries.

    Raises:
        InputError: In strict mode, at the first bad input; always when nothing was given.

    Example:
        >>> files, skipped = expand_inputs(["tests/data/ingest"], IngestConfig())  # doctest: +SKIP
    """
    if not inputs:
        raise InputError(
            "no input given", fix="name files, folders or glob patterns to read", reason="not_found"
        )
    skipped: list[Skipped] = []
    seen: dict[Path, InputFile] = {}

    def bad(error: InputError) -> None:
        if config.strict:
            raise error
        skipped.append(skipped_from(error, path=error.path or ""))

    for spec in inputs:
        try:
            candidates, _ = _candidates(spec)
        except InputError as error:
            bad(error)
            continue
        for path, display in sorted(candidates, key=lambda pair: pair[1]):
            fmt = format_of(path)
            if fmt is None:
                bad(_unknown_extension(display, path.suffix))
                continue
            try:
                key = path.resolve()
            except (OSError, RuntimeError):
                key = path.absolute()
            if key in seen:
                continue
            try:
                check_size(path, display, fmt, config)
            except InputError as error:
                bad(error)
                continue
            seen[key] = InputFile(path=path, display=display, format=fmt)
    files = sorted(seen.values(), key=lambda f: f.display)
    return files, skipped


def _available_memory() -> int | None:
    try:
        return int(os.sysconf("SC_AVPHYS_PAGES")) * int(os.sysconf("SC_PAGE_SIZE"))
    except (AttributeError, ValueError, OSError):
        return None


def check_size(path: Path, display: str, fmt: str, config: IngestConfig) -> None:
    """Refuse files over ``config.max_file_mb``, and whole-file formats too big for free memory.

    A path that is not a regular file (a FIFO, a device such as ``/dev/zero`` behind a
    symlink, a socket) is refused here, before any reader opens it.

    Raises:
        InputError: reason ``too_large``, or ``unreadable`` when the file cannot be stat'ed or
            is not a regular file.
    """
    try:
        info = path.stat()
    except OSError as error:
        raise unreadable(display, error) from None
    if not stat.S_ISREG(info.st_mode):
        raise not_regular(display, info.st_mode)
    size = info.st_size
    mib = size / (1024 * 1024)
    if mib > config.max_file_mb:
        raise InputError(
            f"file is {mib:,.0f} MiB, over the {config.max_file_mb:,.0f} MiB limit",
            path=display,
            fix="split it into smaller files or raise max_file_mb in the config",
            reason="too_large",
        )
    if fmt not in STREAMED_FORMATS:
        available = _available_memory()
        if available is not None and size * MEMORY_FACTOR > available:
            raise InputError(
                f"file is {mib:,.0f} MiB, too large to load into the {available / 2**20:,.0f} MiB of free memory",
                path=display,
                fix="split it into smaller files, or export survey data as CSV or JSONL (read row by row)",
                reason="too_large",
            )


def assign_document_ids(paths: Sequence[Path]) -> dict[Path, str]:
    """Give each file a unique, order-independent document id: its stem where unique.

    Files sharing a stem get ``stem.ext`` if that tells them apart, else the shortest tail of
    their folder path that does (``a/p01`` and ``b/p01``).
    """
    by_stem: dict[str, list[Path]] = defaultdict(list)
    for path in paths:
        by_stem[path.stem].append(path)
    ids: dict[Path, str] = {}
    for stem, group in by_stem.items():
        if len(group) == 1:
            ids[group[0]] = stem
            continue
        names = [p.name for p in group]
        if len(set(names)) == len(names):
            for path in group:
                ids[path] = path.name
            continue
        parents = [p.absolute().parent for p in group]
        leaves = [p.name if parents.count(p.absolute().parent) > 1 else p.stem for p in group]
        depth = 1
        while True:
            tails = [
                "/".join(p.absolute().parts[-1 - depth : -1] + (leaf,))
                for p, leaf in zip(group, leaves, strict=False)
            ]
            if len(set(tails)) == len(tails) or depth > 64:
                break
            depth += 1
        for path, tail in zip(group, tails, strict=False):
            ids[path] = tail
    return ids
