"""Plain-text and Markdown transcripts (``.txt``, ``.md``).

Speaker lines understood (timestamps optional, ``[..]`` or ``(..)`` around them optional)::

    Anna: text                      [00:03:12] Anna: text        00:03:12 Anna: text
    Anna (00:03:12): text           [Anna] 14:02:11              Speaker 1  0:00
    Q: text / A: text               I: text / R: text            **Anna:** text (Markdown)
    Anna                            <- a label alone on its line, text on the next lines

Lines without a label continue the current speaker's turn (multi-line turns, blank lines
between paragraphs). A header at the top — a title line and a ``Key: value`` block (date, age,
city, occupation ...) — becomes document metadata, not turns.

``Name: text`` is also how people write ``Note: ...`` or ``Price: too high`` inside an answer.
So a ``Name:`` prefix is taken for a speaker when it is a role label (Interviewer, Q, Deltager ...),
when it starts a line at least twice, or when most of the file's lines are ``Name:`` lines;
otherwise the line is text. A bare label line needs to recur and to be followed by text.

Example:
    >>> parsed = parse_transcript_lines(list(enumerate(["Q: Why?", "A: Price.", "It was high."], 1)))
    >>> [(s.speaker, s.text) for s in parsed.segments]
    [('Q', 'Why?'), ('A', 'Price. It was high.')]
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..config import IngestConfig
from ._common import ReadResult, clean_text
from ._decode import read_text
from ._transcript import METADATA_KEYS, Segment, build_interview, metadata_entry
from .roles import is_role_label

_TS = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_TS_PREFIX = re.compile(rf"^\s*[\[(]?\s*(?P<ts>{_TS})\s*[\])]?\s*(?:[-–—|]\s*)?")
_TS_ONLY = re.compile(rf"^\s*[\[(]?\s*(?P<ts>{_TS})\s*[\])]?\s*$")
# "0:0:0.0 --> 0:0:3.820" (Teams .docx) or an SRT/VTT timing pasted into a text file
_ARROW = re.compile(r"^\s*(?P<start>[\d:.,]+)\s*-->\s*[\d:.,]+(?:\s.*)?$")
_BRACKET_LABEL = re.compile(
    rf"^\[(?P<label>[^\]]{{1,40}})\]\s*(?:(?P<ts>{_TS})\s*)?:?\s*(?P<text>.*)$"
)
_LABEL_TS = re.compile(
    rf"^(?P<label>[^\[\](){{}}:]{{1,40}}?)\s*[\[(]\s*(?P<ts>{_TS})\s*[\])]\s*:?\s*(?P<text>.*)$"
)
_LABEL_BARE_TS = re.compile(rf"^(?P<label>[^\[\](){{}}:]{{1,40}}?)\s+(?P<ts>{_TS})\s*$")
_LABEL_COLON = re.compile(r"^(?P<label>[^:\[\]{}]{1,40}?)\s*[:：]\s*(?P<text>.*)$")
_EMPHASIS = re.compile(r"^(\s*)(\*\*|__)(.+?)\2")
_BULLET = re.compile(r"^\s*[-*+]\s+")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.*?)\s*#*\s*$")
_NAME_CHARS = re.compile(r"^[^\W\d_][\w .'’&/()\-]*$")

NOT_SPEAKERS: frozenset[str] = frozenset(
    """note notes nb ps pps edit update tip example eg ie re fyi url http https www mailto tel
    warning todo link source answer question translation summary context comment comments
    observation""".split()
)
"""``Word:`` prefixes that are never speaker labels."""

MAX_LABEL_WORDS = 5

_PARTICLES = frozenset(
    "van de der den von da di du le la bin binti al el dos das del thị văn".split()
)


@dataclass
class _Line:
    number: int
    raw: str
    kind: str  # blank | heading | ts_only | speaker | text
    label: str | None = None
    text: str = ""
    ts: float | None = None
    strong: bool = False
    colon: bool = False
    clean: str = ""


@dataclass
class ParsedTranscript:
    """What :func:`parse_transcript_lines` found: header and speaker segments."""

    title: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    segments: list[Segment] = field(default_factory=list)


def parse_timestamp(text: str) -> float | None:
    """``"01:02:03.5"``, ``"3:12"`` -> seconds; ``None`` if it is not a timestamp.

    Example:
        >>> parse_timestamp("00:03:12"), parse_timestamp("1:02,500")
        (192.0, 62.5)
    """
    match = re.fullmatch(r"\s*(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?\s*", text)
    if not match:
        return None
    hours, minutes, seconds, fraction = match.groups()
    if int(seconds) >= 60 or (hours is not None and int(minutes) >= 60):
        return None
    value = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    if fraction:
        value += int(fraction) / 10 ** len(fraction)
    return float(value)


def _loose_seconds(text: str) -> float | None:
    """``0:0:3.820`` -> 3.82 (each part any width); ``None`` if it is not a time."""
    parts = text.replace(",", ".").split(":")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        return None
    if not 1 <= len(numbers) <= 3:
        return None
    seconds = 0.0
    for value in numbers:
        seconds = seconds * 60 + value
    return seconds


@functools.lru_cache(maxsize=8192)
def valid_label(label: str) -> bool:
    """Whether a string can be a speaker label (``Anna``, ``Speaker 2``, ``Người phỏng vấn``).

    Example:
        >>> valid_label("Anna Jensen"), valid_label("I think that"), valid_label("http")
        (True, False, False)
    """
    label = label.strip()
    if not label or len(label) > 40 or not _NAME_CHARS.match(label):
        return False
    words = label.split()
    if len(words) > MAX_LABEL_WORDS or label.casefold() in NOT_SPEAKERS:
        return False
    if is_role_label(label):
        return True
    if not label[0].isupper():
        return False
    # "I think that": a name's words are capitalised (or short particles / numbers).
    lower = [w for w in words[1:] if w[:1].islower() and w.casefold() not in _PARTICLES]
    return not lower


def _classify(number: int, raw: str, markdown: bool) -> _Line:
    line = raw
    if markdown:
        heading = _HEADING.match(line)
        if heading:
            return _Line(number, raw, "heading", text=heading.group("text"))
        line = _BULLET.sub("", line)
    line = _EMPHASIS.sub(r"\1\3", line).strip()
    if not line:
        return _Line(number, raw, "blank")
    parsed = _classify_content(number, raw, line)
    parsed.clean = line
    return parsed


def _classify_content(number: int, raw: str, line: str) -> _Line:
    only = _TS_ONLY.match(line)
    if only:
        return _Line(number, raw, "ts_only", ts=parse_timestamp(only.group("ts")))
    arrow = _ARROW.match(line)
    if arrow:
        return _Line(number, raw, "ts_only", ts=_loose_seconds(arrow.group("start")))
    ts: float | None = None
    prefix = _TS_PREFIX.match(line)
    if prefix and parse_timestamp(prefix.group("ts")) is not None:
        ts = parse_timestamp(prefix.group("ts"))
        line = line[prefix.end() :]
    for pattern in (_BRACKET_LABEL, _LABEL_TS, _LABEL_BARE_TS):
        match = pattern.match(line)
        if match and valid_label(match.group("label")):
            groups = match.groupdict()
            stamp = parse_timestamp(groups["ts"]) if groups.get("ts") else None
            return _Line(
                number,
                raw,
                "speaker",
                label=match.group("label").strip(),
                text=groups.get("text") or "",
                ts=ts if ts is not None else stamp,
                strong=True,
            )
    match = _LABEL_COLON.match(line)
    if match and valid_label(match.group("label")) and not match.group("text").startswith("//"):
        label = match.group("label").strip()
        text = match.group("text")
        strong = ts is not None or not text.strip() or is_role_label(label)
        return _Line(
            number, raw, "speaker", label=label, text=text, ts=ts, strong=strong, colon=True
        )
    if ts is None and valid_label(line) and len(line.split()) <= 3 and line[-1:] not in ".?!,;":
        return _Line(number, raw, "speaker", label=line, strong=is_role_label(line))
    return _Line(number, raw, "text", text=line, ts=ts)


def _header(lines: list[_Line], accepted: set[str]) -> tuple[str | None, dict[str, str], int]:
    """Title and ``Key: value`` block at the top; returns (title, metadata, first body index)."""
    title: str | None = None
    metadata: dict[str, str] = {}
    position = 0
    while position < len(lines) and lines[position].kind == "blank":
        position += 1
    if position < len(lines):
        first = lines[position]
        if first.kind == "heading":
            title = clean_text(first.text) or None
            position += 1
        elif (
            accepted
            and first.kind in ("text", "speaker")
            and first.label not in accepted
            and not first.colon
            and first.ts is None
            and len(first.clean) <= 120
        ):
            title = clean_text(first.clean) or None
            position += 1
    while position < len(lines):
        line = lines[position]
        if line.kind == "blank":
            position += 1
            continue
        match = _LABEL_COLON.match(line.clean) if line.kind in ("speaker", "text") else None
        entry = metadata_entry(match.group("label"), match.group("text")) if match else None
        if entry is None:
            break
        metadata[entry[0]] = clean_text(entry[1])
        position += 1
    return title, metadata, position


def _accepted_labels(lines: list[_Line]) -> set[str]:
    speaker_lines = [line for line in lines if line.kind == "speaker" and line.label]
    content = sum(1 for line in lines if line.kind in ("speaker", "text"))
    colon_lines = [line for line in speaker_lines if line.colon]
    colon_counts = Counter(line.label for line in colon_lines)
    colon_format = content > 0 and len(colon_lines) >= 0.5 * content
    bare_counts = Counter(
        line.label or "" for line in speaker_lines if not line.colon and not line.strong
    )
    accepted: set[str] = set()
    for line in speaker_lines:
        label = line.label or ""
        if line.strong:
            accepted.add(label)
        elif line.colon and colon_counts[label] >= 2:
            accepted.add(label)
    # A "Name:" line seen once is a speaker in a file written that way, unless the file already
    # has its recurring speakers and the label is one word ("Price: too high" inside an answer).
    recurring = sum(1 for n in colon_counts.values() if n >= 2)
    for line in colon_lines:
        label = line.label or ""
        if colon_format and colon_counts[label] == 1 and (recurring < 2 or len(label.split()) >= 2):
            accepted.add(label)
    # Bare labels ("Anna" alone on a line): only in files written that way.
    bare_recurring = [label for label, n in bare_counts.items() if label and n >= 2]
    if len(bare_recurring) >= 2 or (bare_recurring and accepted):
        bare_share = sum(bare_counts[label] for label in bare_recurring) / max(content, 1)
        if bare_share >= 0.15:
            accepted.update(bare_recurring)
    return accepted


def parse_transcript_lines(
    numbered_lines: list[tuple[int, str]], *, markdown: bool = False
) -> ParsedTranscript:
    """Parse numbered lines into a header (title, metadata) and speaker segments.

    Used for ``.txt``/``.md`` and, with paragraphs as lines, for ``.docx``.
    """
    lines = [_classify(number, raw, markdown) for number, raw in numbered_lines]
    accepted = _accepted_labels(lines)
    title, metadata, start = _header(lines, accepted)
    body = lines[start:]
    canonical: dict[str, str] = {}
    segments: list[Segment] = []
    pending_ts: float | None = None
    expecting_text = False  # just after a label alone on its line
    paragraph_break = False
    for line in body:
        if line.kind in ("blank", "heading"):
            paragraph_break = True
            continue
        if line.kind == "ts_only":
            pending_ts = line.ts
            continue
        bare = not line.colon and not line.strong
        was_break, paragraph_break = paragraph_break, False
        if line.kind == "speaker" and line.label in accepted and not (expecting_text and bare):
            label = canonical.setdefault(line.label.casefold(), line.label)
            start_time = line.ts if line.ts is not None else pending_ts
            pending_ts = None
            segments.append(Segment(label, line.text, line.number, start_time))
            expecting_text = not line.text.strip()
            continue
        expecting_text = False
        text = line.text if line.kind == "text" and line.ts is not None else line.clean
        if segments and segments[-1].speaker is None and was_break:
            # unlabelled paragraphs stay apart until merged, so their shape can be judged
            segments.append(Segment(None, text, line.number, line.ts))
        elif segments:
            segments[-1].extend(text, line.number, line.ts)
        else:
            segments.append(Segment(None, text, line.number, line.ts))
    return ParsedTranscript(title=title, metadata=metadata, segments=segments)


def read(
    path: Path, display: str, doc_id: str, config: IngestConfig, fmt: str = "txt"
) -> ReadResult:
    """Read a ``.txt`` or ``.md`` transcript into one interview Document.

    Raises:
        InputError: Empty, binary or unreadable file; no text; only interviewer turns.

    Example:
        >>> result = read(Path("tests/data/ingest/qa_en.txt"), "qa_en.txt", "qa_en", IngestConfig())  # doctest: +SKIP
    """
    text = read_text(path, display)
    parsed = parse_transcript_lines(list(enumerate(text.split("\n"), 1)), markdown=fmt == "md")
    return build_interview(
        doc_id=doc_id,
        display=display,
        fmt=fmt,
        segments=parsed.segments,
        config=config,
        title=parsed.title,
        metadata=parsed.metadata,
    )


__all__ = [
    "METADATA_KEYS",
    "ParsedTranscript",
    "parse_timestamp",
    "parse_transcript_lines",
    "read",
    "valid_label",
]
