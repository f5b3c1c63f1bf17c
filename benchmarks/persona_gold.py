"""Gold statements and theme metrics of the persona benchmark (used by ``bench_personas.py``).

Holds :func:`load_gold_statements` (a study's ``gold_statements*.jsonl``, written by
``benchmarks/data/personas/make_gold.py``: participant, verbatim text, kind, meaning-level
theme), :func:`text_overlap` (the rule that matches a predicted statement to a gold one) and
:func:`theme_metrics` (gold found, kind macro-F1, theme NMI within kind, themed share, quote
agreement of one analysis). Nothing here knows which study is selected: the caller passes the
gold file and the non-English participants.

Usage::

    metrics = theme_metrics(analysis, load_gold_statements(DATA / "gold_statements.jsonl"), set())
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from persona_nlp.schema import Analysis

DATA = Path(__file__).resolve().parent / "data" / "personas"

KINDS = ("goal", "pain_point", "objection", "mindset", "channel")
WORD = re.compile(r"\w+")


def load_gold_statements(path: Path) -> list[dict]:
    """A study's gold statements (``make_gold.py``): participant, text, kind, theme.

    Example:
        >>> gold = load_gold_statements(DATA / "gold_statements.jsonl")  # doctest: +SKIP
    """
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def text_overlap(gold: str, predicted: str) -> float:
    """How well a predicted statement covers a gold one (0 = no match), by the matching rule:
    one text contains the other and the shorter is >= 40% of the longer's length, or the shared
    words are >= 60% of the gold's words and >= 40% of the predicted's."""
    gold_text, predicted_text = gold.casefold().strip(" .!?"), predicted.casefold().strip(" .!?")
    short, long = sorted((gold_text, predicted_text), key=len)
    contained = short in long and len(short) >= 0.4 * len(long)
    gold_words, predicted_words = set(WORD.findall(gold_text)), set(WORD.findall(predicted_text))
    shared = len(gold_words & predicted_words)
    by_words = (
        bool(gold_words and predicted_words)
        and shared >= 0.6 * len(gold_words)
        and shared >= 0.4 * len(predicted_words)
    )
    if not (contained or by_words):
        return 0.0
    return shared / max(len(gold_words | predicted_words), 1) + (1.0 if contained else 0.0)


def _best(candidates: list, score) -> object | None:
    """The candidate with the highest positive ``score(candidate)``, or None."""
    scored = [(score(candidate), candidate) for candidate in candidates]
    scored = [(value, candidate) for value, candidate in scored if value > 0]
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


def _nmi_by_kind(pairs: list[tuple[str, str, str]]) -> float:
    """NMI of (gold theme, predicted theme) per gold kind, averaged weighted by count."""
    from sklearn.metrics import normalized_mutual_info_score

    total, weighted = 0, 0.0
    for kind in KINDS:
        group = [(g, p) for k, g, p in pairs if k == kind]
        if group:
            nmi = normalized_mutual_info_score([g for g, _ in group], [p for _, p in group])
            weighted += len(group) * nmi
            total += len(group)
    return round(weighted / total, 3) if total else 0.0


def _homogeneity_completeness_by_kind(pairs: list[tuple[str, str, str]]) -> tuple[float, float]:
    """Homogeneity (each theme holds one gold theme) and completeness (each gold theme is in one
    theme) of (gold, predicted) per gold kind, weighted by count: which side NMI loses on."""
    from sklearn.metrics import homogeneity_completeness_v_measure

    total, homogeneity, completeness = 0, 0.0, 0.0
    for kind in KINDS:
        group = [(g, p) for k, g, p in pairs if k == kind]
        if group:
            h, c, _ = homogeneity_completeness_v_measure(
                [g for g, _ in group], [p for _, p in group]
            )
            homogeneity += len(group) * h
            completeness += len(group) * c
            total += len(group)
    if not total:
        return 0.0, 0.0
    return round(homogeneity / total, 3), round(completeness / total, 3)


def theme_metrics(analysis: Analysis, gold: list[dict], non_english: set[str]) -> dict:
    """Statements and themes of one analysis against the study's gold statements.

    Each gold statement is matched to the predicted statements of its participant that overlap
    it (:func:`text_overlap`). Kind F1: per kind, precision over predicted statements of that
    kind that match any gold statement (correct when one of their gold statements has the
    kind), recall over all gold statements of the kind (found when a statement of that kind
    matches it); macro over the five kinds. Theme NMI within kind: gold statements matched to
    a themed statement (the best-overlapping themed one), gold theme vs predicted theme, per
    gold kind, weighted by count. Themed share: those gold statements over all. Quote
    agreement: a theme's quotes that match a gold statement whose theme is the theme's
    majority gold theme (over its member statements), over its quotes that match one. The
    ``_english`` / ``_non_english`` figures split gold statements by ``non_english`` (the
    participants who answered in Danish or Dutch).

    Example:
        >>> metrics = theme_metrics(analysis, gold, {"P07", "R12"})  # doctest: +SKIP
    """
    from collections import Counter, defaultdict

    by_participant = defaultdict(list)
    for statement in analysis.statements:
        by_participant[statement.participant_id].append(statement)
    gold_by_participant = defaultdict(list)
    for item in gold:
        gold_by_participant[item["participant"]].append(item)
    predicted_golds = defaultdict(list)  # predicted statement id -> matched gold statements
    found_kinds, themed = [], []  # per gold: kinds it was found with; best themed statement
    for item in gold:
        matches = [
            s for s in by_participant[item["participant"]] if text_overlap(item["text"], s.text)
        ]
        for statement in matches:
            predicted_golds[statement.id].append(item)
        found_kinds.append({s.kind for s in matches})
        themed.append(
            _best(
                [s for s in matches if s.theme_id],
                lambda s, text=item["text"]: text_overlap(text, s.text),
            )
        )
    kind_f1 = {}
    kind_of = {s.id: s.kind for s in analysis.statements}
    for kind in KINDS:
        matched = [sid for sid, items in predicted_golds.items() if kind_of[sid] == kind]
        right = sum(any(g["kind"] == kind for g in predicted_golds[sid]) for sid in matched)
        of_kind = [
            kinds for item, kinds in zip(gold, found_kinds, strict=True) if item["kind"] == kind
        ]
        precision = right / len(matched) if matched else 0.0
        recall = sum(kind in kinds for kinds in of_kind) / len(of_kind) if of_kind else 0.0
        kind_f1[kind] = round(
            2 * precision * recall / (precision + recall) if precision + recall else 0.0, 3
        )
    other = non_english
    split = {
        "": lambda _: True,
        "_english": lambda p: p not in other,
        "_non_english": lambda p: p in other,
    }
    out: dict = {
        "gold_statements": len(gold),
        "gold_found": round(sum(bool(k) for k in found_kinds) / len(gold), 3),
        "kind_f1": kind_f1,
        "kind_macro_f1": round(sum(kind_f1.values()) / len(KINDS), 3),
    }
    for suffix, keep in split.items():
        pairs = [
            (item["kind"], item["theme"], statement.theme_id)
            for item, statement in zip(gold, themed, strict=True)
            if statement is not None and keep(item["participant"])
        ]
        n_gold = sum(keep(item["participant"]) for item in gold)
        out[f"theme_nmi{suffix}"] = _nmi_by_kind(pairs)
        if not suffix:
            homogeneity, completeness = _homogeneity_completeness_by_kind(pairs)
            out["theme_homogeneity"], out["theme_completeness"] = homogeneity, completeness
        out[f"themed_share{suffix}"] = round(len(pairs) / n_gold, 3) if n_gold else 0.0
        out[f"n_gold{suffix}"] = n_gold
    gold_theme_of = {}  # predicted statement id -> theme of its best-overlapping gold statement
    for statement in analysis.statements:
        items = predicted_golds.get(statement.id)
        if items:
            best = _best(items, lambda g, text=statement.text: text_overlap(g["text"], text))
            gold_theme_of[statement.id] = best["theme"]
    agree = quoted = 0
    for theme in analysis.themes:
        members = Counter(gold_theme_of[i] for i in theme.statement_ids if i in gold_theme_of)
        if not members:
            continue
        majority = members.most_common(1)[0][0]
        for quote in theme.quotes:
            item = _best(
                gold_by_participant[quote.participant_id],
                lambda g, text=quote.text: text_overlap(g["text"], text),
            )
            if item is not None:
                quoted += 1
                agree += item["theme"] == majority
    out["quote_agreement"] = round(agree / quoted, 3) if quoted else 0.0
    out["quotes_matched"] = quoted
    return out


def expected_calibration_error(
    confidence: list[float], correct: list[bool], bins: int = 10
) -> float:
    """ECE over ``bins`` equal-width confidence bins, weighted by count (0.0 when empty).

    Example:
        >>> expected_calibration_error([0.9, 0.9, 0.2], [True, False, False])
        0.333
    """
    if not confidence:
        return 0.0
    total = 0.0
    cells: dict[int, list[tuple[float, bool]]] = {}
    for c, y in zip(confidence, correct, strict=True):
        cells.setdefault(min(int(c * bins), bins - 1), []).append((c, y))
    for cell in cells.values():
        mean_c = sum(c for c, _ in cell) / len(cell)
        mean_y = sum(y for _, y in cell) / len(cell)
        total += len(cell) * abs(mean_c - mean_y)
    return round(total / len(confidence), 3)


def membership_calibration(personas: list[dict], persona_of: dict[str, str]) -> dict:
    """Is a built persona's membership ``confidence`` a probability? Measured per member.

    A member counts as right when their intended persona (``persona_of``) is the majority
    intended persona of the persona they are in. ``personas`` are ``analysis.json`` personas
    (dicts with ``members``: participant id and confidence). Returns the members counted, the
    share right, the mean confidence and the ECE.

    Example:
        >>> p = [{"members": [{"participant_id": "a", "confidence": 0.8},
        ...                   {"participant_id": "b", "confidence": 0.6}]}]
        >>> membership_calibration(p, {"a": "x", "b": "y"})["right"]
        0.5
    """
    from collections import Counter

    confidence: list[float] = []
    correct: list[bool] = []
    for persona in personas:
        members = [m for m in persona.get("members", []) if m["participant_id"] in persona_of]
        if not members:
            continue
        major = Counter(persona_of[m["participant_id"]] for m in members).most_common(1)[0][0]
        for member in members:
            confidence.append(float(member["confidence"]))
            correct.append(persona_of[member["participant_id"]] == major)
    n = len(confidence)
    return {
        "members": n,
        "right": round(sum(correct) / n, 3) if n else 0.0,
        "mean_confidence": round(sum(confidence) / n, 3) if n else 0.0,
        "ece": expected_calibration_error(confidence, correct),
    }
