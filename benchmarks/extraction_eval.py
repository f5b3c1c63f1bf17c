"""Scoring for the statement-extraction benchmark: gold loading, span matching, P/R/F1.

Matching rule (also in ``benchmarks/data/extraction/GUIDELINES.md``):

* gold statements are located in the ingested corpus: the document whose path is the gold
  ``file``, the turn of the gold ``participant`` (speaker label, or survey respondent id)
  whose text contains the gold ``text``; that gives (document, turn, start, end);
* a prediction matches a gold statement when it is in the same document and turn, has the
  same kind, and the two character spans - each trimmed of whitespace and punctuation at the
  ends - have intersection-over-union >= ``min_iou`` (0.5), or the prediction is a clause
  *fragment* of the gold span (at least 90% of the prediction lies inside the gold span and it
  covers at least 40% of it: "my shoes have no grip left" for the gold "my shoes have no grip
  left, so I'm sliding all over the place");
* matching is one-to-one: candidate pairs are taken greedily, highest IoU first;
* per kind: TP = matched pairs, FP = unmatched predictions of that kind (including
  predictions on sentences that are not statements at all, and predictions of the wrong
  kind), FN = unmatched gold of that kind. Macro-F1 = mean F1 over the five kinds.
  An unmatched prediction lying (90%) inside a gold span of the same kind that *was* matched
  (the second half of a statement the extractor cut in two) is neither TP nor FP; these are
  counted as ``fragments``.

A kind-agnostic "span" score (same rule without the kind) is reported as a diagnostic: it
separates "found the statement" from "typed it right".

Everything here is pure Python over small records, so the unit tests can feed hand-made
predictions (``tests/test_bench_extraction.py``).
"""

from __future__ import annotations

import json
import string
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

KINDS: tuple[str, ...] = ("goal", "pain_point", "objection", "mindset", "channel")
LANGUAGES: tuple[str, ...] = ("en", "da", "nb", "nl", "id", "vi")
DATA_ROOT = Path(__file__).resolve().parent / "data" / "extraction"
_TRIM = set(string.whitespace + string.punctuation + "…“”‘’«»—–¿¡")


@dataclass(frozen=True)
class Span:
    """A located statement (gold or predicted): file, turn and character span in the turn."""

    file: str
    turn: int
    start: int
    end: int
    kind: str
    language: str = ""
    text: str = ""
    participant: str = ""


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``[start, end)`` of ``text`` past whitespace and punctuation at both ends."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Intersection over union of two half-open character intervals."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 else 0.0


FRAGMENT_INSIDE = 0.9
FRAGMENT_COVER = 0.4


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _fragment(gold: tuple[int, int], pred: tuple[int, int], cover: float = FRAGMENT_COVER) -> bool:
    """Whether ``pred`` is a clause fragment of ``gold``: mostly inside it, covering enough of it."""
    inter = _overlap(gold, pred)
    p_len, g_len = pred[1] - pred[0], gold[1] - gold[0]
    return p_len > 0 and g_len > 0 and inter >= FRAGMENT_INSIDE * p_len and inter >= cover * g_len


def fragments(
    gold: Sequence[Span],
    predicted: Sequence[Span],
    texts: dict[tuple[str, int], str],
    matches: Sequence[tuple[int, int, float]],
    *,
    use_kind: bool = True,
) -> set[int]:
    """Unmatched predictions lying inside a matched gold span (of the same kind): not FP."""
    matched_g = {gi for gi, _, _ in matches}
    matched_p = {pi for _, pi, _ in matches}
    by_turn: dict[tuple, list[int]] = defaultdict(list)
    for gi in matched_g:
        g = gold[gi]
        by_turn[(g.file, g.turn, g.kind if use_kind else "")].append(gi)
    out = set()
    for pi, p in enumerate(predicted):
        if pi in matched_p:
            continue
        text = texts.get((p.file, p.turn))
        for gi in by_turn.get((p.file, p.turn, p.kind if use_kind else ""), ()):
            g = gold[gi]
            a = trim(text, g.start, g.end) if text is not None else (g.start, g.end)
            b = trim(text, p.start, p.end) if text is not None else (p.start, p.end)
            if _fragment(a, b, cover=0.0):
                out.add(pi)
                break
    return out


def load_gold(split: str, root: Path = DATA_ROOT) -> list[dict[str, Any]]:
    """The gold statements of a split (``labels.jsonl``)."""
    path = root / split / "labels.jsonl"
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def load_manifest(split: str, root: Path = DATA_ROOT) -> dict[str, dict[str, Any]]:
    """Per file (relative to ``files/``): language, format, interviewers, respondents."""
    return json.loads((root / split / "manifest.json").read_text(encoding="utf-8"))


def relative_path(path: str, files_root: Path) -> str:
    """A document path relative to the split's ``files/`` folder, posix style."""
    p = Path(path)
    try:
        return p.resolve().relative_to(files_root.resolve()).as_posix()
    except ValueError:
        text = p.as_posix()
        marker = "/files/"
        return text.split(marker, 1)[1] if marker in text else text


def locate_gold(
    gold: Sequence[dict[str, Any]], turns_by_file: dict[str, list[dict[str, Any]]]
) -> tuple[list[Span], list[dict[str, Any]]]:
    """Find each gold statement's turn and span.

    Args:
        gold: ``labels.jsonl`` records.
        turns_by_file: relative file -> turns as dicts with ``index``, ``speaker``, ``role``,
            ``text`` and (surveys) ``question``.

    Returns:
        The located spans, and the gold records that could not be located (reader changed the
        text, or the speaker label differs): these count as misses for every system.
    """
    located: list[Span] = []
    missing: list[dict[str, Any]] = []
    for record in gold:
        turns = turns_by_file.get(record["file"], [])
        candidates = [
            t
            for t in turns
            if t["speaker"] == record["participant"] and record["text"] in t["text"]
        ]
        if len(candidates) > 1 and record.get("question"):
            narrowed = [t for t in candidates if t.get("question") == record["question"]]
            candidates = narrowed or candidates
        if (
            not candidates
        ):  # speaker label normalised differently by the reader: any respondent turn
            candidates = [
                t for t in turns if t.get("role") != "interviewer" and record["text"] in t["text"]
            ]
        if not candidates:
            missing.append(record)
            continue
        turn = candidates[0]
        start = turn["text"].index(record["text"])
        located.append(
            Span(
                file=record["file"],
                turn=turn["index"],
                start=start,
                end=start + len(record["text"]),
                kind=record["kind"],
                language=record["language"],
                text=record["text"],
                participant=record["participant"],
            )
        )
    return located, missing


def match(
    gold: Sequence[Span],
    predicted: Sequence[Span],
    texts: dict[tuple[str, int], str],
    *,
    min_iou: float = 0.5,
    use_kind: bool = True,
) -> list[tuple[int, int, float]]:
    """One-to-one matches ``(gold_index, predicted_index, iou)`` under the matching rule."""
    by_turn_gold: dict[tuple, list[int]] = defaultdict(list)
    for gi, g in enumerate(gold):
        by_turn_gold[(g.file, g.turn, g.kind if use_kind else "")].append(gi)
    pairs: list[tuple[float, int, int]] = []
    for pi, p in enumerate(predicted):
        key = (p.file, p.turn, p.kind if use_kind else "")
        text = texts.get((p.file, p.turn))
        for gi in by_turn_gold.get(key, ()):
            g = gold[gi]
            if text is not None:
                a, b = trim(text, g.start, g.end), trim(text, p.start, p.end)
            else:
                a, b = (g.start, g.end), (p.start, p.end)
            score = iou(a, b)
            if score >= min_iou or _fragment(a, b):
                pairs.append((score, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for score, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi, score))
    return out


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int | None]:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    if p is None and r is None:
        f1 = None
    elif not p or not r:
        f1 = 0.0
    else:
        f1 = 2 * p * r / (p + r)
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f1}


def score(
    gold: Sequence[Span],
    predicted: Sequence[Span],
    texts: dict[tuple[str, int], str],
    *,
    n_missing_gold: dict[str, dict[str, int]] | None = None,
    min_iou: float = 0.5,
    languages: Iterable[str] = LANGUAGES,
) -> dict[str, Any]:
    """Per-language and overall per-kind P/R/F1, macro-F1 and the kind-agnostic span score.

    ``n_missing_gold`` (language -> kind -> count) adds gold that could not be located as
    false negatives. Predictions are attributed to a language by their ``language`` field
    (the file's language).
    """
    langs = list(languages)
    matches = match(gold, predicted, texts, min_iou=min_iou, use_kind=True)
    span_matches = match(gold, predicted, texts, min_iou=min_iou, use_kind=False)
    matched_g = {gi for gi, _, _ in matches}
    frag = fragments(gold, predicted, texts, matches)
    matched_p = {pi for _, pi, _ in matches} | frag
    span_g = {gi for gi, _, _ in span_matches}
    span_p = {pi for _, pi, _ in span_matches} | fragments(
        gold, predicted, texts, span_matches, use_kind=False
    )
    missing = n_missing_gold or {}

    def block(lang_filter: set[str]) -> dict[str, Any]:
        per_kind = {}
        for kind in KINDS:
            tp = sum(
                1
                for gi, g in enumerate(gold)
                if g.kind == kind and g.language in lang_filter and gi in matched_g
            )
            fn = sum(
                1
                for gi, g in enumerate(gold)
                if g.kind == kind and g.language in lang_filter and gi not in matched_g
            )
            fn += sum(missing.get(lang, {}).get(kind, 0) for lang in lang_filter)
            fp = sum(
                1
                for pi, p in enumerate(predicted)
                if p.kind == kind and p.language in lang_filter and pi not in matched_p
            )
            per_kind[kind] = _prf(tp, fp, fn)
        f1s = [v["f1"] for v in per_kind.values() if v["f1"] is not None]
        n_gold = sum(1 for g in gold if g.language in lang_filter) + sum(
            sum(missing.get(lang, {}).values()) for lang in lang_filter
        )
        n_pred = sum(1 for p in predicted if p.language in lang_filter)
        n_frag = sum(1 for pi in frag if predicted[pi].language in lang_filter)
        s_tp = sum(1 for gi, g in enumerate(gold) if g.language in lang_filter and gi in span_g)
        s_fp = sum(
            1 for pi, p in enumerate(predicted) if p.language in lang_filter and pi not in span_p
        )
        s_fn = n_gold - s_tp
        return {
            "per_kind": per_kind,
            "macro_f1": sum(f1s) / len(f1s) if f1s else None,
            "span": _prf(s_tp, s_fp, s_fn),
            "n_gold": n_gold,
            "n_pred": n_pred,
            "n_fragments": n_frag,
        }

    result = {"languages": {lang: block({lang}) for lang in langs}, "overall": block(set(langs))}
    present = [
        result["languages"][lang]["macro_f1"]
        for lang in langs
        if result["languages"][lang]["n_gold"]
    ]
    result["mean_language_macro_f1"] = (
        sum(x for x in present if x is not None) / len(present) if present else None
    )
    return result


def confusion(
    gold: Sequence[Span],
    predicted: Sequence[Span],
    texts: dict[tuple[str, int], str],
    *,
    min_iou: float = 0.5,
) -> dict[str, dict[str, int]]:
    """Gold kind -> predicted kind (or ``none``) counts, using kind-agnostic span matches."""
    out: dict[str, dict[str, int]] = {k: defaultdict(int) for k in KINDS}  # type: ignore[misc]
    span_matches = match(gold, predicted, texts, min_iou=min_iou, use_kind=False)
    # prefer same-kind pairs where a gold span has several overlapping predictions
    kind_matches = {
        gi: pi for gi, pi, _ in match(gold, predicted, texts, min_iou=min_iou, use_kind=True)
    }
    got = {gi: pi for gi, pi, _ in span_matches}
    got.update(kind_matches)
    for gi, g in enumerate(gold):
        pred_kind = predicted[got[gi]].kind if gi in got else "none"
        out[g.kind][pred_kind] += 1
    return {k: dict(v) for k, v in out.items()}


def fmt(x: float | None, digits: int = 2) -> str:
    """A figure for a table: ``0.83``, or an en dash when undefined."""
    return "–" if x is None else f"{x:.{digits}f}"
