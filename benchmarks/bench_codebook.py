"""Benchmark: coding statements to a codebook (issue 15), on our own data and on a dev folder.

(a) Own data (``benchmarks/data/codebook/``): 98 hand-written B2B-software statements (49 in
    English, the same 49 meanings written in Dutch) with their kind and gold theme, and an
    English codebook of 9 of the 11 themes (two themes are left out, so the rest must stay
    uncoded and be discovered). The statements go straight into ``build_themes`` with the
    default model and the pipeline's language alignment, so this measures the coding alone.
    Reported per language and for several ``codebook_threshold`` values (the default was chosen
    here): NMI within kind (as ``../shared/eval/score.py`` computes it), the share of statements
    of codebook themes coded to their theme, and the share of statements of the left-out themes
    that were (wrongly) coded to some entry.
(b) With ``--dev-dir DIR`` (a folder laid out like ``../shared/eval/dev-en``): runs
    ``persona-nlp analyze`` on the folder's interviews and survey with a codebook made from ITS
    ``themes.json`` (each theme's ``desc`` is the entry's label, as a team would write it) and
    prints NMI within kind and the share of gold statements coded to their gold theme (gold
    statements are matched to predicted ones with the scorer's own ``overlap`` and matching,
    imported from ``DIR/../score.py`` at run time). Nothing of that folder is copied anywhere.

    python benchmarks/bench_codebook.py
    python benchmarks/bench_codebook.py --dev-dir ../shared/eval/dev-en
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "codebook"
THRESHOLDS = (0.5, 1.0, 1.5, 2.0, 2.5)


def nmi_within_kind(pairs_by_kind: dict[str, list[tuple[str, str]]]) -> float:
    """Item-weighted NMI of predicted vs gold themes inside each kind (score.py's definition:
    only themed items, kinds with at least 5 items and 2 gold themes)."""
    from sklearn.metrics import normalized_mutual_info_score

    total = weighted = 0.0
    for pairs in pairs_by_kind.values():
        if len(pairs) >= 5 and len({gold for gold, _ in pairs}) > 1:
            nmi = normalized_mutual_info_score([g for g, _ in pairs], [p for _, p in pairs])
            weighted += nmi * len(pairs)
            total += len(pairs)
    return weighted / total if total else 0.0


def own_data(thresholds: tuple[float, ...], model: str | None = None) -> list[dict]:
    from persona_nlp.config import ThemeConfig
    from persona_nlp.embed import load_embedder
    from persona_nlp.embed.align import align_languages
    from persona_nlp.embed.cache import CachedEmbedder
    from persona_nlp.schema import Participant, Statement
    from persona_nlp.themes import build_themes, load_codebook

    rows = [json.loads(line) for line in (DATA / "statements.jsonl").read_text().splitlines()]
    codebook = load_codebook(DATA / "codebook.csv")
    coded_ids = {entry.id for entry in codebook}
    statements = [
        Statement(
            id=f"s{i:03d}",
            document_id="bench",
            participant_id=f"p{i:03d}",
            turn_index=i,
            text=row["text"],
            start_char=0,
            end_char=len(row["text"]),
            language=row["language"],
            kind=row["kind"],
            confidence=1.0,
        )
        for i, row in enumerate(rows)
    ]
    participants = [Participant(id=s.participant_id) for s in statements]
    embedder = align_languages(
        CachedEmbedder(load_embedder(model) if model else load_embedder()), statements
    )
    results = []
    for z in thresholds:
        themed, _ = build_themes(
            statements,
            embedder,
            participants,
            ThemeConfig(codebook_threshold=z),
            seed=0,
            codebook=codebook,
        )
        for language in ("en", "nl", "all"):
            pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
            right = in_codebook = false_codes = left_out = 0
            for row, statement in zip(rows, themed, strict=True):
                if language != "all" and row["language"] != language:
                    continue
                if row["theme"] in coded_ids:
                    in_codebook += 1
                    right += statement.theme_id == row["theme"]
                else:
                    left_out += 1
                    false_codes += statement.theme_id in coded_ids
                if statement.theme_id is not None:
                    pairs[row["kind"]].append((row["theme"], statement.theme_id))
            results.append(
                {
                    "z": z,
                    "language": language,
                    "nmi_within_kind": nmi_within_kind(pairs),
                    "coded_right": right / max(in_codebook, 1),
                    "left_out_coded": false_codes / max(left_out, 1),
                }
            )
    return results


def _scorer(dev_dir: Path):
    path = dev_dir.parent / "score.py"
    spec = importlib.util.spec_from_file_location("dev_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dev_set(
    dev_dir: Path, threshold: float | None, keep: Path | None, model: str | None = None
) -> dict:
    """Run the CLI on the dev folder with its themes.json as the codebook; score the themes."""
    score = _scorer(dev_dir)
    gold_themes = json.loads((dev_dir / "themes.json").read_text(encoding="utf-8"))["themes"]
    work = Path(tempfile.mkdtemp(prefix="bench_codebook_"))
    try:
        inputs = work / "input"
        inputs.mkdir()
        for file in sorted(dev_dir.iterdir()):
            if file.suffix in (".txt", ".vtt", ".srt", ".docx") and file.name.startswith("p"):
                shutil.copy(file, inputs / file.name)
            elif file.name == "survey.csv":
                shutil.copy(file, inputs / file.name)
        entries = [
            {"id": theme_id, "kind": theme["kind"], "label": theme["desc"]}
            for theme_id, theme in gold_themes.items()
        ]
        (work / "codebook.json").write_text(json.dumps(entries), encoding="utf-8")
        questions = [
            q
            for line in (dev_dir / "questions.txt").read_text(encoding="utf-8").splitlines()
            if line.strip()
            for q in ("--question", line)
        ]
        out = work / "out"
        command = [
            str(Path(sys.executable).parent / "persona-nlp"),
            "analyze",
            str(inputs),
            "--out",
            str(out),
            "--id-column",
            "respondent_id",
            *questions,
            "--seed",
            "0",
            "--format",
            "json",
            "--codebook",
            str(work / "codebook.json"),
            "--quiet",
        ]
        if threshold is not None:
            command += ["--codebook-threshold", str(threshold)]
        if model is not None:
            command += ["--model", model]
        subprocess.run(command, check=True)
        analysis = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            shutil.copy(out / "analysis.json", keep / "analysis.json")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    gold, _ = score.load_gold(dev_dir)
    by_participant: dict[str, list[dict]] = defaultdict(list)
    for statement in analysis["statements"]:
        by_participant[str(statement["participant_id"])].append(statement)
    # the scorer's matching: same participant, overlapping text, same kind preferred, fresh first
    picked: set[str] = set()
    pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    right = found = same_kind = 0
    for item in gold:
        candidates = [
            s
            for s in by_participant.get(item["participant"], [])
            if score.overlap(item["text"], s.get("text", ""))
        ]
        pool = [s for s in candidates if s.get("kind") == item["kind"]] or candidates
        fresh = [s for s in pool if str(s.get("id")) not in picked]
        pick = (fresh or pool or [None])[0]
        if pick is None:
            continue
        found += 1
        same_kind += pick.get("kind") == item["kind"]
        picked.add(str(pick.get("id")))
        right += pick.get("theme_id") == item["theme"]
        if pick.get("theme_id") is not None:
            pairs[item["kind"]].append((item["theme"], str(pick["theme_id"])))
    codebook_themes = [t for t in analysis["themes"] if t.get("origin") == "codebook"]
    return {
        "gold_statements": len(gold),
        "found": found,
        "nmi_within_kind": nmi_within_kind(pairs),
        "coded_right_of_gold": right / max(len(gold), 1),
        "coded_right_of_found": right / max(found, 1),
        "found_with_gold_kind": same_kind,
        "coded_right_of_those": right / max(same_kind, 1),
        "codebook_themes": len(codebook_themes),
        "codebook_themes_used": sum(1 for t in codebook_themes if t["statement_ids"]),
        "discovered_themes": len(analysis["themes"]) - len(codebook_themes),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev-dir", type=Path, help="a dev folder like ../shared/eval/dev-en")
    parser.add_argument(
        "--threshold", type=float, help="codebook_threshold for --dev-dir (default: the default)"
    )
    parser.add_argument("--keep", type=Path, help="copy the dev run's analysis.json here")
    parser.add_argument("--model", help="embedding model (default: the library's default)")
    parser.add_argument("--skip-own", action="store_true", help="only the --dev-dir run")
    args = parser.parse_args(argv)
    if not args.skip_own:
        print("own data (benchmarks/data/codebook): English codebook, en + nl statements")
        print(
            f"{'z':>5} {'language':>8} {'NMI in kind':>12} {'coded right':>12} {'left-out coded':>15}"
        )
        for row in own_data(THRESHOLDS, args.model):
            print(
                f"{row['z']:>5} {row['language']:>8} {row['nmi_within_kind']:>12.3f} "
                f"{row['coded_right']:>12.1%} {row['left_out_coded']:>15.1%}"
            )
    if args.dev_dir is not None:
        result = dev_set(args.dev_dir.resolve(), args.threshold, args.keep, args.model)
        print(f"dev folder {args.dev_dir} (its themes.json desc fields as the codebook):")
        for key, value in result.items():
            print(
                f"  {key:24s} {value:.3f}" if isinstance(value, float) else f"  {key:24s} {value}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
