"""Enrichment evidence: what supports each persona item, proposed additions, demographics.

Part of :mod:`persona_nlp.enrich` (how it works is described there): :func:`item_evidence`
finds the supporting statements, theme and quotes of one persona item,
:func:`proposals` the themes a persona leaves out, :func:`demographics_evidence` checks a
demographics item against participant metadata, and :func:`closest_built` names the
data-built personas that share participants.

Example:
    >>> value_matches("25-34", "30")
    True
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from typing import Any

import numpy as np

from ..schema import Analysis, Statement, Theme
from .persona_file import FIELD_ALIASES, Item, normalise_key
from .scoring import ABSTRACT_ITEM_KINDS, ITEM_KIND_TO_STATEMENT_KIND, Thresholds, kind_penalty

PROPOSAL_MIN_SHARE = 0.3
"""Share of a persona's participants that must mention a theme for it to be proposed."""
PROPOSAL_MIN_LIFT = 1.2
"""... and the theme must be this many times more common among them than among everyone."""
MAX_PROPOSALS = 5

CANONICAL_FIELD = {kind: aliases[0] for kind, aliases in FIELD_ALIASES.items()}


def evidence_quote(statement: Statement, similarity: float) -> dict:
    return {
        "participant_id": statement.participant_id,
        "statement_id": statement.id,
        "document_id": statement.document_id,
        "text": statement.text,
        "similarity": round(similarity, 3),
    }


def demographics_evidence(
    item: Item, members: list[str], metadata: dict[str, dict[str, str]]
) -> dict:
    key, _, value = item.text.partition(":")
    wanted_key = normalise_key(key)
    counts: Counter[str] = Counter()
    matched_key = None
    for pid in members:
        for meta_key, meta_value in metadata.get(pid, {}).items():
            normal = normalise_key(meta_key)
            if value and (
                normal == wanted_key or wanted_key in normal.split() or normal in wanted_key.split()
            ):
                matched_key = meta_key
                counts[str(meta_value)] += 1
    entry: dict[str, Any] = {"item": item.text, "path": item.path}
    if not value or matched_key is None:
        entry.update(status="not_checked", reason="no participant metadata for this field")
        return entry
    entry.update(metadata_key=matched_key, values=dict(counts.most_common()))
    wanted = value.strip().lower()
    hits = sum(n for v, n in counts.items() if value_matches(wanted, v.lower()))
    entry.update(status="supported" if hits else "unsupported", participants=hits)
    if not hits:
        entry["reason"] = "no assigned participant has this value"
    return entry


def value_matches(wanted: str, value: str) -> bool:
    """Same words (one side's words all in the other), or a number inside a wanted range."""
    wanted_words, value_words = set(re.findall(r"\w+", wanted)), set(re.findall(r"\w+", value))
    if (
        wanted_words
        and value_words
        and (wanted_words <= value_words or value_words <= wanted_words)
    ):
        return True
    numbers = [[int(n) for n in re.findall(r"\d+", text)] for text in (wanted, value)]
    if len(numbers[0]) == 2 and numbers[1]:
        low, high = numbers[0]
        return any(low <= n <= high for n in numbers[1])
    return False


def item_evidence(
    item: Item,
    kind: str,
    vector: np.ndarray,
    themes: list[Theme],
    theme_vectors: np.ndarray,
    theme_rows: list[list[int]],
    theme_kinds: np.ndarray,
    mentioned_by: list[set[str]],
    statements: list[Statement],
    vectors: np.ndarray,
    kinds: np.ndarray,
    members: set[str],
    quotes_per_item: int,
    thresholds: Thresholds,
) -> dict:
    """Evidence for one item: close statements of assigned participants, and the theme they form."""
    entry: dict[str, Any] = {
        "item": item.text,
        "path": item.path,
        "kind": ITEM_KIND_TO_STATEMENT_KIND.get(kind),
    }
    statement_sims = (
        vectors @ vector - kind_penalty(kind, kinds, thresholds.kind_penalty)
        if len(vectors)
        else np.zeros(0)
    )
    threshold = thresholds.abstract if kind in ABSTRACT_ITEM_KINDS else thresholds.statement
    close = [int(r) for r in np.flatnonzero(statement_sims >= threshold)]
    supporting = [r for r in close if statements[r].participant_id in members]
    theme_of = {r: j for j, rows in enumerate(theme_rows) for r in rows}
    scores = np.zeros(len(themes), dtype=np.float64)
    if len(themes) and theme_vectors.size:
        penalty = kind_penalty(kind, theme_kinds, thresholds.kind_penalty)
        for j, rows in enumerate(theme_rows):
            centroid = float(theme_vectors[j] @ vector) - penalty[j]
            top = float(np.sort(statement_sims[rows])[-3:].mean()) if rows else centroid
            scores[j] = 0.5 * centroid + 0.5 * top
    # the theme: where the supporting statements are, else the most similar theme
    weight: dict[int, float] = defaultdict(float)
    for r in supporting or close:
        if r in theme_of:
            weight[theme_of[r]] += float(statement_sims[r])
    matched = {j for j in range(len(themes)) if scores[j] >= thresholds.theme} | set(weight)
    entry["_matched"] = matched
    best: int | None = None
    if weight:
        best = max(weight, key=lambda j: (weight[j], scores[j], themes[j].id))
    elif len(themes) and float(scores.max()) >= thresholds.theme:
        best = int(np.argmax(scores))
    supporters = {statements[r].participant_id for r in supporting}
    overall = {statements[r].participant_id for r in close}
    if best is not None:
        entry["theme"] = {
            "id": themes[best].id,
            "label": themes[best].label,
            "kind": themes[best].kind,
            "similarity": round(float(scores[best]), 3),
        }
        if scores[best] >= thresholds.theme:  # a close theme counts as evidence itself
            supporters |= mentioned_by[best] & members
            overall |= mentioned_by[best]
            supporting += [r for r in theme_rows[best] if statements[r].participant_id in members]
    entry["participants"] = len(supporters)
    entry["participants_overall"] = len(overall)
    if supporters:
        entry["status"] = "supported"
        quotes: list[dict] = []
        seen: set[str] = set()
        for r in sorted(
            set(supporting), key=lambda r: (-float(statement_sims[r]), statements[r].id)
        ):
            if statements[r].participant_id not in seen and len(quotes) < quotes_per_item:
                seen.add(statements[r].participant_id)
                quotes.append(evidence_quote(statements[r], float(statement_sims[r])))
        entry["quotes"] = quotes
    else:
        entry["status"] = "unsupported"
        if not members:
            entry["reason"] = "no participant is assigned to this persona"
        elif overall:
            entry["reason"] = "said by participants of other personas only"
        else:
            entry["reason"] = "nothing similar in the data"
    return entry


def proposals(
    fields: list[tuple[str, str, list[Item]]],
    themes: list[Theme],
    mentioned_by: list[set[str]],
    theme_rows: list[list[int]],
    statements: list[Statement],
    covered_by_items: np.ndarray,
    members: set[str],
    n_everyone: int,
    quotes_per_item: int,
    evidenced: set[str] | None = None,
    speakers_of_kind: dict[str, set[str]] | None = None,
) -> list[dict]:
    """Themes common among the persona's participants whose statements no item of it covers.

    ``evidenced``: ids of themes that already are the theme of a supported item of the same
    kind in this persona; they are never proposed (the persona says it already, in other words).
    ``speakers_of_kind``: per kind, the participants with a statement of that kind. Shares and
    lifts are then measured among those who spoke about the theme's kind (a respondent who only
    said how they found you is no evidence that a pain point is rare); without it, among everyone.
    """
    if not members or not themes:
        return []
    field_for_kind: dict[str, str] = {}
    for key, kind, _ in fields:
        field_for_kind.setdefault(kind, key)
    found: list[dict[str, Any]] = []
    for j, theme in enumerate(themes):
        if evidenced and theme.id in evidenced:
            continue
        rows = [r for r in theme_rows[j] if statements[r].participant_id in members]
        uncovered = [r for r in rows if not covered_by_items[r]]
        if not rows or len(uncovered) < 0.5 * len(rows):
            continue  # the persona already says this
        inside = len(mentioned_by[j] & members)
        if speakers_of_kind is not None and theme.kind in speakers_of_kind:
            speakers = speakers_of_kind[theme.kind]
            population, everyone = len(members & speakers), len(speakers)
        else:
            population, everyone = len(members), n_everyone
        if not population or inside < max(2, math.ceil(PROPOSAL_MIN_SHARE * population)):
            continue
        share, overall = inside / population, len(mentioned_by[j]) / max(1, everyone)
        lift = share / overall if overall else 0.0
        if lift < PROPOSAL_MIN_LIFT:
            continue
        quotes: list[dict] = []
        seen: set[str] = set()
        for r in sorted(uncovered, key=lambda r: (-statements[r].confidence, statements[r].id)):
            if statements[r].participant_id not in seen and len(quotes) < quotes_per_item:
                seen.add(statements[r].participant_id)
                quotes.append(
                    {
                        "participant_id": statements[r].participant_id,
                        "statement_id": statements[r].id,
                        "text": statements[r].text,
                    }
                )
        found.append(
            {
                "field": field_for_kind.get(
                    theme.kind, CANONICAL_FIELD.get(theme.kind, theme.kind)
                ),
                "kind": theme.kind,
                "theme": {"id": theme.id, "label": theme.label, "keywords": theme.keywords[:5]},
                "participants": inside,
                "share": round(share, 4),
                "lift": round(lift, 3),
                "quotes": quotes,
            }
        )
    found.sort(key=lambda p: (-p["share"] * p["lift"], p["theme"]["id"]))
    return found[:MAX_PROPOSALS]


def closest_built(analysis: Analysis, members: list[str]) -> list[dict]:
    if not members:
        return []
    member_set = set(members)
    overlaps: list[dict[str, Any]] = []
    for built in analysis.personas:
        shared = len(member_set.intersection(built.participant_ids))
        if shared:
            overlaps.append({"id": built.id, "name": built.name, "shared_participants": shared})
    overlaps.sort(key=lambda o: (-o["shared_participants"], o["id"]))
    return overlaps[:3]


__all__ = [
    "MAX_PROPOSALS",
    "PROPOSAL_MIN_LIFT",
    "PROPOSAL_MIN_SHARE",
    "closest_built",
    "demographics_evidence",
    "evidence_quote",
    "item_evidence",
    "proposals",
    "value_matches",
]
