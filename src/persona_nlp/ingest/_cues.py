"""What WebVTT and SRT share: cue timings, payload cleaning and speaker names in cues.

A cue's speaker comes from a ``<v Name>`` voice tag (Teams), a ``Name:`` prefix (Zoom, Otter) or
a ``Name:`` line alone at the top of the payload; a cue without a name continues the previous
speaker. Inline tags (``<i>``, ``<c.colour>``, ``<00:01.000>``, ``{\\an8}``) are stripped and
entities unescaped, so the text is what was said.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..config import IngestConfig
from ..errors import InputError
from ._common import ReadResult, report, safe_label
from ._decode import read_text
from ._transcript import Segment, build_interview
from .roles import is_role_label
from .text import valid_label

_TIME = r"(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,:](\d{1,3}))?"
_TIMING = re.compile(rf"^\s*(?P<start>{_TIME})\s*-->\s*(?P<end>{_TIME})(?:\s+.*)?$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:\s+(?P<name>[^>]*))?>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<\d[\d:.]*>|</[^>]*>|\{\\[^}]*\}")
_PREFIX = re.compile(r"^\s*(?P<label>[^:<>{}\[\]]{1,40}?)\s*:\s+(?P<text>\S.*)$")
_ALONE = re.compile(r"^\s*(?P<label>[^:<>{}\[\]]{1,40}?)\s*:\s*$")
_CAPTION_MARK = re.compile(r"^\s*(?:>>|-(?=\s))\s*")


@dataclass
class Cue:
    """One timed cue: its timing, payload lines and where it starts in the file."""

    line: int
    start: float | None
    end: float | None
    payload: list[str]


def parse_time(groups: tuple[str | None, ...]) -> float | None:
    hours, minutes, seconds, fraction = groups
    if minutes is None or seconds is None or int(seconds) >= 60:
        return None
    if hours is not None and int(minutes) >= 60:
        return None
    value = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    if fraction:
        value += int(fraction) / 10 ** len(fraction)
    return float(value)


def parse_timing(line: str) -> tuple[float, float] | None:
    """``00:01:02.500 --> 00:01:04.000 align:start`` -> ``(62.5, 64.0)``; ``None`` if malformed.

    Example:
        >>> parse_timing("00:00:01,000 --> 00:00:04,250")
        (1.0, 4.25)
        >>> parse_timing("00:00:01.000 --> 00:0x:04.000") is None
        True
    """
    match = _TIMING.match(line)
    if not match:
        return None
    groups = match.groups()
    start = parse_time(groups[1:5])
    end = parse_time(groups[6:10])
    if start is None or end is None:
        return None
    return start, end


def bad_timing(
    result: ReadResult, config: IngestConfig, display: str, number: int, line: str
) -> None:
    """Report a malformed timing line; the cue's text is kept without times."""
    report(
        result,
        config,
        InputError(
            f"malformed cue timing {safe_label(line)!r}; its text was kept without times",
            path=display,
            line=number,
            fix="timings look like 00:01:02.500 --> 00:01:04.000; re-export the file",
            reason="bad_timestamp",
        ),
        item="turn",
    )


def _strip(text: str) -> str:
    return html.unescape(_TAG.sub("", text)).replace("\xa0", " ")


def _pieces(cue: Cue) -> list[tuple[str | None, str]]:
    """(voice name or None, text) pieces of a cue, in order."""
    joined = "\n".join(cue.payload)
    if not _VOICE.search(joined):
        return [(None, _strip(joined))]
    pieces: list[tuple[str | None, str]] = []
    matches = list(_VOICE.finditer(joined))
    before = joined[: matches[0].start()]
    if _strip(before).strip():
        pieces.append((None, _strip(before)))
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(joined)
        name = _strip(match.group("name") or "").strip() or None
        pieces.append((name, _strip(joined[match.end() : end])))
    return pieces


def _prefix_candidates(cues: list[Cue]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for cue in cues:
        for _, text in _pieces(cue):
            for raw in text.split("\n"):
                line = _CAPTION_MARK.sub("", raw)
                match = _PREFIX.match(line) or _ALONE.match(line)
                if match and valid_label(match.group("label")):
                    counts[match.group("label").strip()] += 1
    return counts


def cues_to_segments(cues: list[Cue]) -> list[Segment]:
    """Speaker segments from cues: voice tags, ``Name:`` prefixes, continuation of the previous speaker.

    A ``Name:`` prefix counts as a speaker when it is a role label, recurs, or most cues have one.

    Example:
        >>> cues = [Cue(3, 0.0, 2.0, ["<v Anna>I like it</v>"]), Cue(6, 2.0, 3.0, ["a lot."])]
        >>> [(s.speaker, s.text) for s in cues_to_segments(cues)]
        [('Anna', 'I like it'), ('Anna', 'a lot.')]
    """
    counts = _prefix_candidates(cues)
    prefixed = sum(counts.values())
    accepted = {
        label
        for label, n in counts.items()
        if n >= 2 or is_role_label(label) or prefixed >= 0.5 * max(len(cues), 1)
    }
    canonical: dict[str, str] = {}
    segments: list[Segment] = []
    current: str | None = None
    for cue in cues:
        for voice, text in _pieces(cue):
            if voice is not None:
                current = canonical.setdefault(voice.casefold(), voice)
            for raw in text.split("\n"):
                line = _CAPTION_MARK.sub("", raw).strip()
                if not line:
                    continue
                match = _PREFIX.match(line) or _ALONE.match(line)
                if match and match.group("label").strip() in accepted:
                    label = match.group("label").strip()
                    current = canonical.setdefault(label.casefold(), label)
                    line = (match.groupdict().get("text") or "").strip()
                    if not line:
                        continue
                segments.append(Segment(current, line, cue.line, cue.start, cue.end))
    return segments


def blocks(lines: list[str], position: int = 0) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(first line index, lines)`` of each run of non-blank lines from ``position``."""
    while position < len(lines):
        while position < len(lines) and not lines[position].strip():
            position += 1
        block_start = position
        while position < len(lines) and lines[position].strip():
            position += 1
        if position > block_start:
            yield block_start, lines[block_start:position]


def add_cue(
    cues: list[Cue],
    block: list[str],
    block_start: int,
    display: str,
    config: IngestConfig,
    result: ReadResult,
    timing_within: int | None = None,
) -> None:
    """Append the cue a block holds; a block without a timing line continues the previous cue.

    ``timing_within`` limits where the ``-->`` timing line may be (SRT: within the first lines).
    """
    search = block if timing_within is None else block[:timing_within]
    arrow = next((i for i, line in enumerate(search) if "-->" in line), None)
    if arrow is None:
        if cues:
            cues[-1].payload.extend(block)  # text after a blank line inside a cue
        else:
            cues.append(Cue(block_start + 1, None, None, list(block)))
        return
    timing = parse_timing(block[arrow])
    if timing is None:
        bad_timing(result, config, display, block_start + arrow + 1, block[arrow])
    start, end = timing if timing is not None else (None, None)
    cues.append(Cue(block_start + arrow + 2, start, end, block[arrow + 1 :]))


CueParser = Callable[[str, str, IngestConfig, ReadResult], list[Cue]]


def read_cue_file(
    path: Path, display: str, doc_id: str, config: IngestConfig, fmt: str, parse_cues: CueParser
) -> ReadResult:
    """Read a cue-based transcript (WebVTT, SRT) into one interview Document."""
    text = read_text(path, display)
    result = ReadResult()
    cues = parse_cues(text, display, config, result)
    built = build_interview(
        doc_id=doc_id, display=display, fmt=fmt, segments=cues_to_segments(cues), config=config
    )
    built.skipped[:0] = result.skipped
    return built
