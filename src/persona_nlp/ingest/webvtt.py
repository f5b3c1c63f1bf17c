"""WebVTT transcripts (``.vtt``): Zoom, Microsoft Teams and Otter exports.

::

    WEBVTT

    NOTE exported by Teams

    1
    00:00:01.000 --> 00:00:04.000
    <v Maria Berg>Thanks for joining. How do you buy groceries?</v>

    00:00:04.500 --> 00:00:09.000
    Anna Jensen: Mostly online, because

    00:00:09.000 --> 00:00:11.000
    it saves me time.

The header, ``NOTE``/``STYLE``/``REGION`` blocks and cue ids are skipped; a cue without a name
continues the previous speaker, and consecutive cues of one speaker become one turn with the
first cue's start and the last cue's end (Anna's two cues above: one turn, 4.5-11.0 s). A
malformed timing keeps the cue's text without times and is reported (reason ``bad_timestamp``).

Example:
    >>> result = read(Path("tests/data/ingest/teams_en.vtt"), "teams_en.vtt", "teams_en", IngestConfig())  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from ..config import IngestConfig
from ._common import ReadResult
from ._cues import Cue, bad_timing, cues_to_segments, parse_timing
from ._decode import read_text
from ._transcript import build_interview

_SKIPPED_BLOCKS = ("NOTE", "STYLE", "REGION")


def parse_cues(text: str, display: str, config: IngestConfig, result: ReadResult) -> list[Cue]:
    """Split WebVTT text into cues (lenient: a missing ``WEBVTT`` header is tolerated)."""
    lines = text.split("\n")
    cues: list[Cue] = []
    position = 0
    if lines and lines[0].lstrip("\ufeff").startswith("WEBVTT"):
        position = 1
        while position < len(lines) and lines[position].strip():
            position += 1  # header metadata lines (Kind:, Language:)
    while position < len(lines):
        while position < len(lines) and not lines[position].strip():
            position += 1
        block_start = position
        while position < len(lines) and lines[position].strip():
            position += 1
        block = lines[block_start:position]
        if not block:
            continue
        first = block[0].strip()
        if first.split(" ", 1)[0].split("\t", 1)[0] in _SKIPPED_BLOCKS and "-->" not in first:
            continue
        arrow = next((i for i, line in enumerate(block) if "-->" in line), None)
        if arrow is None:
            # Text after a blank line inside a cue: it belongs to the previous cue.
            if cues:
                cues[-1].payload.extend(block)
            else:
                cues.append(Cue(block_start + 1, None, None, list(block)))
            continue
        timing = parse_timing(block[arrow])
        if timing is None:
            bad_timing(result, config, display, block_start + arrow + 1, block[arrow])
        start, end = timing if timing is not None else (None, None)
        cues.append(Cue(block_start + arrow + 2, start, end, block[arrow + 1 :]))
    return cues


def read(
    path: Path, display: str, doc_id: str, config: IngestConfig, fmt: str = "vtt"
) -> ReadResult:
    """Read a WebVTT transcript into one interview Document.

    Raises:
        InputError: Empty, binary or unreadable file; no cue text; only interviewer turns;
            in strict mode, a malformed timing.
    """
    text = read_text(path, display)
    result = ReadResult()
    cues = parse_cues(text, display, config, result)
    built = build_interview(
        doc_id=doc_id, display=display, fmt=fmt, segments=cues_to_segments(cues), config=config
    )
    built.skipped[:0] = result.skipped
    return built


__all__ = ["parse_cues", "read"]
