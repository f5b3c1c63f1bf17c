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
from ._cues import Cue, add_cue, blocks, read_cue_file

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
    for block_start, block in blocks(lines, position):
        first = block[0].strip()
        if first.split(" ", 1)[0].split("\t", 1)[0] in _SKIPPED_BLOCKS and "-->" not in first:
            continue
        add_cue(cues, block, block_start, display, config, result)
    return cues


def read(
    path: Path, display: str, doc_id: str, config: IngestConfig, fmt: str = "vtt"
) -> ReadResult:
    """Read a WebVTT transcript into one interview Document.

    Raises:
        InputError: Empty, binary or unreadable file; no cue text; only interviewer turns;
            in strict mode, a malformed timing.
    """
    return read_cue_file(path, display, doc_id, config, fmt, parse_cues)


__all__ = ["parse_cues", "read"]
