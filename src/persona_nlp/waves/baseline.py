"""The baseline of a wave analysis: an earlier ``analysis.json``, read and checked.

Every problem is one line naming the file and the fix: a missing file, a file that is not an
``analysis.json``, one written by another version of the output contract, or one made with
another embedding model (its theme centroids would mean nothing to this model).

Example:
    >>> read_baseline("no/such/analysis.json")
    Traceback (most recent call last):
    persona_nlp.errors.InputError: no/such/analysis.json: baseline file not found (fix: give the analysis.json an earlier `persona-nlp analyze ... --out DIR` wrote, e.g. DIR/analysis.json)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import ValidationError

from ..embed import Embedder
from ..embed.align import LanguageAlignedEmbedder
from ..errors import InputError
from ..schema import Analysis, LanguageOffset, Statement

_FIX_FILE = "give the analysis.json an earlier `persona-nlp analyze ... --out DIR` wrote, e.g. DIR/analysis.json"


def _installed_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("persona-nlp")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def read_baseline(path: str | Path) -> Analysis:
    """Read an earlier wave's ``analysis.json`` (or the ``--out`` folder holding one).

    Raises:
        InputError: The file is missing or unreadable, is not JSON, is not an
            ``analysis.json``, or was written by a version whose output contract differs
            (the message names that version and the field that does not fit).

    Example:
        >>> baseline = read_baseline("out/wave1/analysis.json")  # doctest: +SKIP
        >>> len(baseline.themes)  # doctest: +SKIP
        14
    """
    file = Path(path)
    if file.is_dir():
        file = file / "analysis.json"
    where = str(file)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(
            "baseline file not found", path=where, fix=_FIX_FILE, reason="missing"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(
            f"cannot read the baseline: {error}", path=where, fix=_FIX_FILE, reason="unreadable"
        ) from None
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"the baseline is not JSON ({error.msg}, line {error.lineno})",
            path=where,
            fix=_FIX_FILE,
            reason="bad_baseline",
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("manifest"), dict):
        raise InputError(
            "the baseline is not an analysis.json (it has no manifest)",
            path=where,
            fix=_FIX_FILE,
            reason="bad_baseline",
        )
    try:
        return Analysis.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        version = data["manifest"].get("package_version", "an unknown version")
        raise InputError(
            f"the baseline was written by persona_nlp {version}, whose analysis.json differs "
            f"from this version's ({_installed_version()}) at {field}: {first['msg']}",
            path=where,
            fix="analyse the baseline wave again with this version of persona_nlp",
            reason="bad_baseline",
        ) from None


def check_baseline_model(baseline: Analysis, embedder: Embedder, where: str) -> None:
    """Refuse a baseline made with another embedding model than ``embedder``.

    Raises:
        InputError: The fingerprints differ (names both models and the ``--model`` fix).

    Example:
        >>> from persona_nlp.embed import HashingEmbedder
        >>> from persona_nlp.schema import Manifest
        >>> check_baseline_model(Analysis(manifest=Manifest(package_version="0")),
        ...                      HashingEmbedder(), "a.json")
    """
    made_with = baseline.manifest.model_fingerprint
    if made_with and made_with != embedder.fingerprint:
        raise InputError(
            f"the baseline was made with the embedding model {baseline.manifest.model_name!r} "
            f"(fingerprint {made_with[:12]}), this run uses {embedder.name!r} "
            f"({embedder.fingerprint[:12]})",
            path=where,
            fix=f"analyse the new wave with --model {baseline.manifest.model_name}",
            reason="model_mismatch",
        )


def align_to_baseline(
    embedder: Embedder, statements: Sequence[Statement], offsets: Sequence[LanguageOffset]
) -> Embedder:
    """An embedder that shifts the new wave's statements by the baseline's language offsets.

    The baseline's theme centroids live in the space its statements were aligned into
    (:mod:`persona_nlp.embed.align`); the new wave's statements are moved into the same space
    (their ``(language, kind)`` offset, else their language's fallback) instead of being
    aligned afresh. Without offsets the embedder is returned as it is.

    Example:
        >>> from persona_nlp.embed import HashingEmbedder
        >>> plain = HashingEmbedder()
        >>> align_to_baseline(plain, [], []) is plain
        True
    """
    if not offsets:
        return embedder
    shifts = {(o.language, o.kind): np.asarray(o.offset, dtype=np.float32) for o in offsets}
    text_groups: dict[str, tuple[tuple[str, str | None], ...]] = {}
    for statement in sorted(statements, key=lambda s: s.id):
        language = statement.language or ""
        key: tuple[str, str | None] = (language, statement.kind)
        if key not in shifts:
            key = (language, None)
        if key in shifts:
            known = text_groups.get(statement.text, ())
            if key not in known:
                text_groups[statement.text] = tuple(
                    sorted((*known, key), key=lambda g: (g[0], g[1] or ""))
                )
    languages = sorted({language for language, _ in shifts})
    return LanguageAlignedEmbedder(embedder, shifts, text_groups, languages)  # type: ignore[arg-type]


__all__ = ["align_to_baseline", "check_baseline_model", "read_baseline"]
