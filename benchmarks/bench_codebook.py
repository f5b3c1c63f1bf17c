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
(c) With ``--studies`` (or ``--studies grocery,telco``): the full pipeline as a user runs it
    (``run_pipeline``, default model choice ``auto``, seed 0) on the persona benchmark's three
    studies (``benchmarks/data/personas/``: grocery en/da/nl, B2B en/nl/da, telecom en/id/vi),
    each with its ``gold_themes*.json`` as the codebook (label and ``desc`` as description).
    Gold statements (``gold_statements*.jsonl``) are matched to predicted ones of the same
    participant with ``persona_gold.text_overlap`` (same kind preferred, each predicted
    statement once, best overlap first); reported per study and per language of the gold
    statement: NMI within kind, the share of gold statements coded to their gold theme, the
    share of those found with their gold kind coded right, and how many statements were
    re-typed by their codebook match. Each study takes 10-40 s (extraction and embedding).

    python benchmarks/bench_codebook.py
    python benchmarks/bench_codebook.py --dev-dir ../shared/eval/dev-en
    With ``--leave-out N`` the codebook lacks every N-th gold theme of each kind and the
    gold statements of those themes are scored like the hand-written data's left-out themes:
    coded right is then of the statements of codebook themes, and "left-out coded" is the
    share of the left-out themes' statements coded to some entry.

    python benchmarks/bench_codebook.py
    python benchmarks/bench_codebook.py --dev-dir ../shared/eval/dev-en
    python benchmarks/bench_codebook.py --skip-own --studies
    python benchmarks/bench_codebook.py --skip-own --studies --leave-out 4
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
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "codebook"
PERSONAS = HERE / "data" / "personas"
STUDIES = {  # name: study folder, gold themes, gold statements (as in bench_personas.STUDIES)
    "grocery": ("study", "gold_themes.json", "gold_statements.jsonl"),
    "b2b": ("study_b2b", "gold_themes_b2b.json", "gold_statements_b2b.jsonl"),
    "telco": ("study_telco", "gold_themes_telco.json", "gold_statements_telco.jsonl"),
}
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


def coding_scores(
    gold: list[dict],
    statements: list[dict],
    overlap,
    *,
    best_first: bool = False,
    codebook_ids: set[str] | None = None,
) -> dict:
    """Gold statements (``participant``, ``text``, ``kind``, ``theme``) against predicted
    statement dicts (``analysis.json``): NMI within kind and the shares coded to the gold theme.

    A gold statement is matched to a predicted statement of its participant whose text
    overlaps (``overlap(gold_text, predicted_text) > 0``), one of its gold kind preferred, one
    not matched before preferred (the scorer's matching; ``best_first`` tries the candidates by
    falling overlap instead of in statement order). With ``codebook_ids`` (a codebook that
    leaves some gold themes out) the shares coded right are of the gold statements of codebook
    themes, and ``left_out_coded`` is the share of those of the left-out themes that were
    (wrongly) coded to some entry.
    """
    by_participant: dict[str, list[dict]] = defaultdict(list)
    for statement in statements:
        by_participant[str(statement["participant_id"])].append(statement)
    picked: set[str] = set()
    pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    right = found = same_kind = right_same_kind = left_out = left_out_coded = 0
    for item in gold:
        scored = [
            (overlap(item["text"], s.get("text", "")), s)
            for s in by_participant.get(item["participant"], [])
        ]
        if best_first:
            scored.sort(key=lambda pair: -pair[0])
        candidates = [s for value, s in scored if value]
        pool = [s for s in candidates if s.get("kind") == item["kind"]] or candidates
        fresh = [s for s in pool if str(s.get("id")) not in picked]
        pick = (fresh or pool or [None])[0]
        if pick is None:
            continue
        picked.add(str(pick.get("id")))
        if pick.get("theme_id") is not None:
            pairs[item["kind"]].append((item["theme"], str(pick["theme_id"])))
        if codebook_ids is not None and item["theme"] not in codebook_ids:
            left_out += 1
            left_out_coded += pick.get("theme_id") in codebook_ids
            continue
        found += 1
        hit = pick.get("theme_id") == item["theme"]
        right += hit
        if pick.get("kind") == item["kind"]:
            same_kind += 1
            right_same_kind += hit
    in_codebook = [g for g in gold if codebook_ids is None or g["theme"] in codebook_ids]
    return {
        "gold_statements": len(in_codebook),
        "found": found,
        "nmi_within_kind": nmi_within_kind(pairs),
        "coded_right_of_gold": right / max(len(in_codebook), 1),
        "coded_right_of_found": right / max(found, 1),
        "found_with_gold_kind": same_kind,
        "coded_right_of_those": right_same_kind / max(same_kind, 1),
        "left_out_found": left_out,
        "left_out_coded": left_out_coded / max(left_out, 1),
    }


def _retyped(cues: list[str]) -> bool:
    return any(cue.startswith("codebook:") for cue in cues)


def left_out_themes(gold_themes: list[dict], every: int) -> set[str]:
    """Every ``every``-th gold theme of each kind in file order (the 1st kept, the
    ``every``-th left out), the themes a partial codebook leaves out; none when ``every`` is 0."""
    if every <= 0:
        return set()
    seen: dict[str, int] = defaultdict(int)
    left = set()
    for theme in gold_themes:
        seen[theme["kind"]] += 1
        if seen[theme["kind"]] % every == 0:
            left.add(theme["id"])
    return left


def studies(names: list[str], threshold: float | None = None, leave_out: int = 0) -> list[dict]:
    """The pipeline on each persona study with its gold themes as the codebook; scores per
    study and per language of the gold statements (``"all"`` for the whole study). With
    ``leave_out`` N the codebook lacks every N-th gold theme of each kind
    (:func:`left_out_themes`), whose statements must stay uncoded."""
    sys.path.insert(0, str(HERE))
    from persona_gold import load_gold_statements, text_overlap

    from persona_nlp.config import AnalysisConfig
    from persona_nlp.pipeline import run_pipeline

    results = []
    for name in names:
        folder, themes_file, gold_file = STUDIES[name]
        gold_themes = json.loads((PERSONAS / themes_file).read_text(encoding="utf-8"))
        left = left_out_themes(gold_themes, leave_out)
        codebook = [
            {"id": t["id"], "kind": t["kind"], "label": t["label"], "description": t["desc"]}
            for t in gold_themes
            if t["id"] not in left
        ]
        codebook_ids = {entry["id"] for entry in codebook} if left else None
        config = AnalysisConfig(seed=0)
        config.themes.codebook = codebook  # type: ignore[assignment]
        if threshold is not None:
            config.themes.codebook_threshold = threshold
        started = time.perf_counter()
        run = run_pipeline([PERSONAS / folder], config)
        seconds = time.perf_counter() - started
        statements = [s.model_dump() for s in run.analysis.statements]
        gold = load_gold_statements(PERSONAS / gold_file)
        languages = sorted({item["language"] for item in gold}, key=lambda x: (x != "en", x))
        retyped = sum(1 for s in run.analysis.statements if _retyped(s.cues))
        for language in (*languages, "all"):
            subset = [g for g in gold if language == "all" or g["language"] == language]
            scores = coding_scores(
                subset, statements, text_overlap, best_first=True, codebook_ids=codebook_ids
            )
            results.append(
                {
                    "study": name,
                    "language": language,
                    "model": run.analysis.manifest.model_name,
                    "seconds": seconds,
                    "retyped": retyped,
                    **scores,
                }
            )
    return results


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
    result = coding_scores(gold, analysis["statements"], score.overlap)
    codebook_themes = [t for t in analysis["themes"] if t.get("origin") == "codebook"]
    return {
        **result,
        "codebook_themes": len(codebook_themes),
        "codebook_themes_used": sum(1 for t in codebook_themes if t["statement_ids"]),
        "discovered_themes": len(analysis["themes"]) - len(codebook_themes),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev-dir", type=Path, help="a dev folder like ../shared/eval/dev-en")
    parser.add_argument(
        "--threshold",
        type=float,
        help="codebook_threshold for --dev-dir and --studies (default: the default)",
    )
    parser.add_argument("--keep", type=Path, help="copy the dev run's analysis.json here")
    parser.add_argument("--model", help="embedding model (default: the library's default)")
    parser.add_argument("--skip-own", action="store_true", help="skip the hand-written statements")
    parser.add_argument(
        "--studies",
        nargs="?",
        const=",".join(STUDIES),
        help=f"run the pipeline on these persona studies (comma-separated; default all: "
        f"{', '.join(STUDIES)}) with their gold themes as the codebook",
    )
    parser.add_argument(
        "--leave-out",
        type=int,
        default=0,
        metavar="N",
        help="with --studies: leave every N-th gold theme of each kind out of the codebook and "
        "report the share of their statements coded to some entry (left-out coded)",
    )
    args = parser.parse_args(argv)
    if args.studies:
        partial = f", every {args.leave_out}th of each kind left out" if args.leave_out else ""
        print(
            f"persona studies: the pipeline (model auto, seed 0), gold themes as the codebook"
            f"{partial}"
        )
        print(
            f"{'study':>8} {'lang':>4} {'model':>12} {'gold':>5} {'found':>5} {'kind ok':>7} "
            f"{'NMI in kind':>11} {'coded right':>11} {'of kind ok':>10} {'retyped':>7} {'s':>4}"
            + (f" {'left out':>8} {'left-out coded':>14}" if args.leave_out else "")
        )
        for row in studies(args.studies.split(","), args.threshold, args.leave_out):
            print(
                f"{row['study']:>8} {row['language']:>4} {row['model'][-12:]:>12} "
                f"{row['gold_statements']:>5} {row['found']:>5} {row['found_with_gold_kind']:>7} "
                f"{row['nmi_within_kind']:>11.3f} {row['coded_right_of_gold']:>11.1%} "
                f"{row['coded_right_of_those']:>10.1%} {row['retyped']:>7} {row['seconds']:>4.0f}"
                + (
                    f" {row['left_out_found']:>8} {row['left_out_coded']:>14.1%}"
                    if args.leave_out
                    else ""
                )
            )
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
