"""Benchmark: is the enrichment's assignment confidence a probability? (issue 14)

``enrich_personas`` gives every participant it assigns to one of the user's personas a
``confidence``. It is the softmax over personas of the score differences (in SDs of the
item x statement similarities) times the number of statements behind the scores, scaled by
``persona_nlp.enrich.scoring.CONFIDENCE_SCALE`` (see that constant). This harness

(a) runs the pipeline and the enrichment on the two own persona studies
    (``benchmarks/data/personas/``: grocery, 38 participants, and B2B software, 132; English,
    Danish and Dutch) with the default model choice and seed 42, fits the scale by log-loss of
    the intended persona (pooled, and per study to show how stable it is), and prints, for the
    shipped scale, the expected calibration error (ECE, 10 equal-width bins) of the assigned
    participants' confidence;
(b) with ``--dev-out OUT --dev-dir DIR`` reads ``OUT/personas.json`` written by
    ``../shared/eval/run.sh`` and the gold of ``DIR`` (a folder laid out like
    ``../shared/eval/dev-en``) and prints the same ECE there, and that of the built personas'
    membership confidence in ``OUT/analysis.json`` (``dev_built_membership``): measured only,
    nothing is fitted on it.

    python benchmarks/bench_enrich_confidence.py
    python benchmarks/bench_enrich_confidence.py --dev-out out/dev-en --dev-dir ../shared/eval/dev-en
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT / "benchmarks" / "data" / "personas"
STUDIES = {
    "grocery": ("study", "truth.json", "existing_personas.json", "enrich_truth.json"),
    "b2b": ("study_b2b", "truth_b2b.json", "existing_personas_b2b.json", "enrich_truth_b2b.json"),
}


def ece(confidence: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error over equal-width confidence bins (count-weighted)."""
    if not len(confidence):
        return float("nan")
    which = np.minimum((confidence * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            total += mask.sum() * abs(confidence[mask].mean() - correct[mask].mean())
    return total / len(confidence)


def collect(study: str) -> list[dict]:
    """One row per participant with a score vector: scores, evidence, SD, intended persona."""
    from persona_nlp import AnalysisConfig
    from persona_nlp.enrich import enrich_personas, load_personas_file
    from persona_nlp.pipeline import run_pipeline

    folder, truth_file, personas_file, enrich_file = STUDIES[study]
    run = run_pipeline([str(DATA / folder)], AnalysisConfig(seed=42))
    result = enrich_personas(load_personas_file(DATA / personas_file), run.analysis, run.embedder)
    truth = json.loads((DATA / truth_file).read_text(encoding="utf-8"))
    persona_map = json.loads((DATA / enrich_file).read_text(encoding="utf-8"))["persona_map"]
    ids = [p.get("id") for p in result.personas_file.personas]
    std = result.thresholds.baseline_std if result.thresholds else 0.1
    rows = []
    for a in result.assignments:
        if a.participant_id in truth and a.scores:
            rows.append(
                {
                    "study": study,
                    "scores": list(a.scores),
                    "evidence": a.evidence,
                    "std": std,
                    "assigned": a.persona_index,
                    "gold": ids.index(persona_map[truth[a.participant_id]]),
                    "confidence": a.confidence,
                }
            )
    return rows


def _probabilities(rows: list[dict], scale: float) -> np.ndarray:
    out = []
    for r in rows:
        s = np.asarray(r["scores"], dtype=np.float64)
        z = scale * r["evidence"] * (s - s.max()) / max(r["std"], 0.02)
        e = np.exp(z)
        out.append(e / e.sum())
    return np.array(out, dtype=object)


def fit_scale(rows: list[dict]) -> float:
    """The scale minimising the log-loss of the intended persona (golden-section on log scale)."""
    from scipy.optimize import minimize_scalar

    def loss(log_scale: float) -> float:
        probs = _probabilities(rows, float(np.exp(log_scale)))
        return -float(
            np.mean([np.log(p[r["gold"]] + 1e-12) for p, r in zip(probs, rows, strict=True)])
        )

    found = minimize_scalar(loss, bounds=(-6.0, 4.0), method="bounded")
    return float(np.exp(found.x))


def calibration(rows: list[dict], scale: float) -> dict:
    assigned = [r for r in rows if r["assigned"] is not None]
    probs = _probabilities(assigned, scale)
    new = np.array([p[r["assigned"]] for p, r in zip(probs, assigned, strict=True)], dtype=float)
    correct = np.array([r["assigned"] == r["gold"] for r in assigned], dtype=float)
    return {
        "participants": len(rows),
        "accuracy_all": round(float(correct.sum()) / max(1, len(rows)), 3),
        "assigned": len(assigned),
        "accuracy": round(float(correct.mean()), 3),
        "mean_confidence": round(float(new.mean()), 3),
        "ece": round(ece(new, correct), 3),
    }


def dev(out_dir: Path, gold_dir: Path) -> dict:
    """ECE of the confidences in OUT/personas.json against DIR's gold (measured only)."""
    out = json.loads((out_dir / "personas.json").read_text(encoding="utf-8"))
    gold = json.loads((gold_dir / "personas_gold.json").read_text(encoding="utf-8"))["persona_of"]
    parts = json.loads((gold_dir / "participants.json").read_text(encoding="utf-8"))
    conf, correct = [], []
    for persona in out["personas"]:
        for member in persona["evidence"]["participants"]["assigned"]:
            pid = member["participant_id"]
            if pid in parts:
                conf.append(member["confidence"])
                correct.append(gold[parts[pid]["persona"]] == persona["id"])
    c, y = np.array(conf, dtype=float), np.array(correct, dtype=float)
    return {
        "assigned": len(c),
        "accuracy": round(float(y.mean()), 3),
        "mean_confidence": round(float(c.mean()), 3),
        "ece": round(ece(c, y), 3),
    }


def dev_built(out_dir: Path, gold_dir: Path) -> dict:
    """The built personas' membership confidence in OUT/analysis.json against DIR's intended
    personas (measured only): see ``persona_gold.membership_calibration``."""
    from persona_gold import membership_calibration

    analysis = json.loads((out_dir / "analysis.json").read_text(encoding="utf-8"))
    parts = json.loads((gold_dir / "participants.json").read_text(encoding="utf-8"))
    return membership_calibration(
        analysis.get("personas", []), {pid: v["persona"] for pid, v in parts.items()}
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev-out", type=Path, help="output folder of ../shared/eval/run.sh")
    parser.add_argument("--dev-dir", type=Path, help="its gold folder")
    parser.add_argument("--skip-own", action="store_true", help="only the dev figures")
    args = parser.parse_args(argv)
    from persona_nlp.enrich.scoring import CONFIDENCE_SCALE

    if not args.skip_own:
        rows = {study: collect(study) for study in STUDIES}
        pooled = rows["grocery"] + rows["b2b"]
        print(
            json.dumps(
                {
                    "fitted_scale": {
                        "pooled": round(fit_scale(pooled), 3),
                        **{s: round(fit_scale(r), 3) for s, r in rows.items()},
                    },
                    "shipped_scale": CONFIDENCE_SCALE,
                    "calibration": {s: calibration(r, CONFIDENCE_SCALE) for s, r in rows.items()},
                },
                indent=2,
            )
        )
    if args.dev_out and args.dev_dir:
        print(
            json.dumps(
                {
                    "dev": dev(args.dev_out, args.dev_dir),
                    "dev_built_membership": dev_built(args.dev_out, args.dev_dir),
                },
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
