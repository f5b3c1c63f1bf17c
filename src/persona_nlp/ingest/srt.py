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
from ._cues import Cue, bad_timing, cues_to_segments, parse_timing
from ._decode import read_text
from ._transcript import build_interview


def parse_cues(text: str, display: str, config: IngestConfig, result: ReadResult) -> list[Cue]:
    """Split SRT text into cues (lenient about missing indices and extra blank lines)."""
    lines = text.split("\n")
    cues: list[Cue] = []
    position = 0
    while position < len(lines):
        while position < len(lines) and not lines[position].strip():
            position += 1
        block_start = position
        while position < len(lines) and lines[position].strip():
            position += 1
        block = lines[block_start:position]
        if not block:
            continue
        arrow = next((i for i, line in enumerate(block[:3]) if "-->" in line), None)
        if arrow is None:
            if cues:
                cues[-1].payload.extend(block)  # a blank line inside a cue's text
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
    path: Path, display: str, doc_id: str, config: IngestConfig, fmt: str = "srt"
) -> ReadResult:
    """Read an SRT transcript into one interview Document.

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
