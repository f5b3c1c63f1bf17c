"""Build the statement-extraction benchmark data from annotated sources.

The gold data of ``benchmarks/data/extraction/<split>/`` is written once, by hand, as
*annotated* transcripts and survey exports under ``<split>/annotated/<lang>/``. A statement is
marked inline as ``{k|statement text}`` where ``k`` is one letter:

    g = goal, p = pain_point, o = objection, m = mindset, c = channel

This script strips the marks, writes the clean files under ``<split>/files/<lang>/`` (these
are what the benchmark ingests) and writes ``<split>/labels.jsonl`` (one gold statement per
line) plus ``<split>/manifest.json`` (per file: language, format, interviewer and respondent
speaker labels). Gold ``text`` is therefore always an exact substring of the clean file.

Speaker of a mark: the last speaker label before it in the file (``Name:`` at line start,
optionally after ``[hh:mm:ss]``; ``<v Name>`` in WebVTT). In CSV files the participant is the
value of the first column (the respondent id).

Usage::

    python benchmarks/extraction_data.py --split dev        # rebuild dev
    python benchmarks/extraction_data.py --split dev2       # second dev split (generalisation check)
    python benchmarks/extraction_data.py --split heldout
    python benchmarks/extraction_data.py --split all --check  # verify files are up to date
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent / "data" / "extraction"
KINDS = {"g": "goal", "p": "pain_point", "o": "objection", "m": "mindset", "c": "channel"}
MARK = re.compile(r"\{([gpomc])\|([^{}]*)\}")
ANY_BRACE = re.compile(r"[{}]")
# Interviewer labels across the six languages (plus any label listed in a file's header).
INTERVIEWER_WORDS = re.compile(
    r"^(interviewer|moderator|intervjuer|intervieweren|interviewer \d|pewawancara|"
    r"người phỏng vấn|pv|int|mod|researcher|onderzoeker|fasilitator)\b",
    re.IGNORECASE,
)
SPEAKER_TXT = re.compile(
    r"^(?:\[\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\]\s*)?([^:\n\[\]<>{}]{1,40}?):\s", re.M
)
SPEAKER_VTT_V = re.compile(r"<v\s+([^>]+)>")


def _speakers_by_offset(text: str, fmt: str) -> list[tuple[int, str]]:
    """(offset, speaker) for every speaker label in a clean transcript, in order."""
    found: list[tuple[int, str]] = []
    for m in SPEAKER_TXT.finditer(text):
        label = m.group(1).strip()
        if re.fullmatch(r"[\d\s:.,>-]+", label) or label.upper() in {"WEBVTT", "NOTE"}:
            continue
        found.append((m.start(), label))
    if fmt == "vtt":
        found += [(m.start(), m.group(1).strip()) for m in SPEAKER_VTT_V.finditer(text)]
    found.sort()
    return found


def _interviewers(annotated: str, speakers: set[str]) -> list[str]:
    """Interviewer labels: from a ``NOTE interviewers: A, B`` style header or by label word."""
    header = re.search(r"^#\s*interviewers?:\s*(.+)$", annotated, re.M | re.I)
    if header:
        return sorted(s.strip() for s in header.group(1).split(","))
    return sorted(s for s in speakers if INTERVIEWER_WORDS.match(s))


def _strip_header(annotated: str) -> str:
    """Drop build-only header lines (``# interviewers: ...``) from an annotated source."""
    return "".join(
        line
        for line in annotated.splitlines(keepends=True)
        if not re.match(r"^#\s*(interviewers?|note)\s*:", line, re.I)
    )


def _clean_and_marks(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Remove ``{k|...}`` marks; return clean text and (start, end, kind) spans in it."""
    out: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = 0
    length = 0
    for m in MARK.finditer(text):
        before = text[pos : m.start()]
        out.append(before)
        length += len(before)
        inner = m.group(2)
        spans.append((length, length + len(inner), KINDS[m.group(1)]))
        out.append(inner)
        length += len(inner)
        pos = m.end()
    out.append(text[pos:])
    clean = "".join(out)
    if ANY_BRACE.search(clean):
        line = clean[: ANY_BRACE.search(clean).start()].count("\n") + 1  # type: ignore[union-attr]
        raise ValueError(f"unbalanced or malformed mark near line {line}")
    return clean, spans


def build_transcript(path: Path, rel: str, lang: str) -> tuple[str, list[dict], dict]:
    annotated = path.read_text(encoding="utf-8")
    body = _strip_header(annotated)
    clean, spans = _clean_and_marks(body)
    fmt = path.suffix.lstrip(".").lower()
    speakers = _speakers_by_offset(clean, fmt)
    labels = []
    for start, end, kind in spans:
        speaker = None
        for off, label in speakers:
            if off <= start:
                speaker = label
            else:
                break
        if speaker is None:
            raise ValueError(f"{rel}: no speaker before mark {clean[start:end]!r}")
        span_text = clean[start:end]
        if "\n" in span_text:
            raise ValueError(f"{rel}: mark crosses a line break: {span_text!r}")
        if span_text != span_text.strip() or not span_text:
            raise ValueError(f"{rel}: mark has outer whitespace: {span_text!r}")
        labels.append(
            {"file": rel, "participant": speaker, "text": span_text, "kind": kind, "language": lang}
        )
    all_speakers = {s for _, s in speakers}
    interviewers = _interviewers(annotated, all_speakers)
    respondents = sorted(all_speakers - set(interviewers))
    for lab in labels:
        if lab["participant"] in interviewers:
            raise ValueError(f"{rel}: gold statement inside an interviewer turn: {lab['text']!r}")
    meta = {
        "language": lang,
        "format": fmt,
        "kind": "interview",
        "interviewers": interviewers,
        "respondents": respondents,
    }
    return clean, labels, meta


def build_survey(path: Path, rel: str, lang: str) -> tuple[str, list[dict], dict]:
    annotated = path.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(annotated)))
    header, body = rows[0], rows[1:]
    labels = []
    clean_rows = [header]
    for row in body:
        rid = row[0]
        clean_row = []
        for col, cell in zip(header, row, strict=False):
            clean, spans = _clean_and_marks(cell)
            clean_row.append(clean)
            for start, end, kind in spans:
                span_text = clean[start:end]
                if span_text != span_text.strip() or not span_text:
                    raise ValueError(f"{rel}: mark has outer whitespace: {span_text!r}")
                labels.append(
                    {
                        "file": rel,
                        "participant": rid,
                        "text": span_text,
                        "kind": kind,
                        "language": lang,
                        "question": col,
                    }
                )
        clean_rows.append(clean_row)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(clean_rows)
    meta = {
        "language": lang,
        "format": "csv",
        "kind": "survey",
        "id_column": header[0],
        "questions": header[2:],
        "respondents": [r[0] for r in body],
        "interviewers": [],
    }
    return buf.getvalue(), labels, meta


def build_split(split: str, check: bool = False) -> tuple[int, int]:
    base = ROOT / split
    src = base / "annotated"
    out = base / "files"
    all_labels: list[dict] = []
    manifest: dict[str, dict] = {}
    n_files = 0
    for path in sorted(src.rglob("*")):
        if not path.is_file():
            continue
        lang = path.relative_to(src).parts[0]
        rel = path.relative_to(src).as_posix()
        if path.suffix == ".csv":
            clean, labels, meta = build_survey(path, rel, lang)
        else:
            clean, labels, meta = build_transcript(path, rel, lang)
        target = out / rel
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != clean:
                raise SystemExit(
                    f"{target} is out of date: run benchmarks/extraction_data.py --split {split}"
                )
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(clean, encoding="utf-8")
        # duplicates of the same span in the same file are ambiguous: refuse them
        seen = set()
        for lab in labels:
            key = (lab["participant"], lab["text"])
            if key in seen:
                raise ValueError(f"{rel}: duplicate gold text {lab['text']!r}")
            seen.add(key)
        all_labels += labels
        manifest[rel] = meta
        n_files += 1
    text = "".join(json.dumps(lab, ensure_ascii=False) + "\n" for lab in all_labels)
    mtext = json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
    if check:
        if (base / "labels.jsonl").read_text(encoding="utf-8") != text:
            raise SystemExit(f"{base / 'labels.jsonl'} is out of date")
    else:
        (base / "labels.jsonl").write_text(text, encoding="utf-8")
        (base / "manifest.json").write_text(mtext, encoding="utf-8")
    return n_files, len(all_labels)


def summary(split: str) -> str:
    base = ROOT / split
    labels = [
        json.loads(line)
        for line in (base / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    manifest = json.loads((base / "manifest.json").read_text(encoding="utf-8"))
    langs = sorted({m["language"] for m in manifest.values()})
    kinds = list(KINDS.values())
    lines = [
        f"{split}: {len(manifest)} files, {len(labels)} gold statements",
        "lang  files  " + "  ".join(f"{k[:8]:>8}" for k in kinds) + "     all",
    ]
    for lang in langs:
        files = sum(1 for m in manifest.values() if m["language"] == lang)
        counts = [
            sum(1 for lab in labels if lab["language"] == lang and lab["kind"] == k) for k in kinds
        ]
        lines.append(
            f"{lang:<4}  {files:>5}  "
            + "  ".join(f"{c:>8}" for c in counts)
            + f"  {sum(counts):>6}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="all", choices=["dev", "dev2", "heldout", "all"])
    parser.add_argument("--check", action="store_true", help="verify instead of writing")
    args = parser.parse_args(argv)
    splits = ["dev", "dev2", "heldout"] if args.split == "all" else [args.split]
    for split in splits:
        if not (ROOT / split / "annotated").exists():
            print(f"{split}: no annotated sources", file=sys.stderr)
            continue
        build_split(split, check=args.check)
        print(summary(split))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
