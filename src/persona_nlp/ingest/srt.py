"""SubRip subtitles (``.srt``), e.g. Otter or Descript exports.

::

    1
    00:00:01,000 --> 00:00:04,000
    Speaker 1: Thanks for joining. What made you switch?

    2
    00:00:04,500 --> 00:00:09,000
    Speaker 2: Honestly, the price.

Same rules as WebVTT: numbered cues, ``Name:`` prefixes or ``<v>`` tags, inline tags
(``<i>``, ``<font>``, ``{\\an8}``) stripped, a cue without a name continues the previous speaker,
consecutive cues of one speaker merged into one turn keeping start and end.

Example:
    >>> result = read(Path("tests/data/ingest/otter_en.srt"), "otter_en.srt", "otter_en", IngestConfig())  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from ..config import IngestConfig
from ._common import ReadResult
from ._cues import Cue, add_cue, blocks, read_cue_file


def parse_cues(text: str, display: str, config: IngestConfig, result: ReadResult) -> list[Cue]:
    """Split SRT text into cues (lenient about missing indices and extra blank lines)."""
    cues: list[Cue] = []
    for block_start, block in blocks(text.split("\n")):
        add_cue(cues, block, block_start, display, config, result, timing_within=3)
    return cues


def read(
    path: Path, display: str, doc_id: str, config: IngestConfig, fmt: str = "srt"
) -> ReadResult:
    """Read an SRT transcript into one interview Document.

    Raises:
        InputError: Empty, binary or unreadable file; no cue text; only interviewer turns;
            in strict mode, a malformed timing.
    """
    return read_cue_file(path, display, doc_id, config, fmt, parse_cues)


__all__ = ["parse_cues", "read"]
