"""Ingestion throughput: 1,000 generated transcripts (vtt/srt/txt) and a 50,000-row survey CSV.

Usage::

    python benchmarks/bench_ingest.py                  # measure, print the table
    python benchmarks/bench_ingest.py --write-results  # ... and rewrite the "Ingestion" section of RESULTS.md
    python benchmarks/bench_ingest.py --transcripts 100 --rows 5000   # a quick run

The data is generated into a temporary folder (deterministic, seed 7): transcripts in English,
Danish, Norwegian, Dutch, Indonesian and Vietnamese with 10-24 turns each, a third each as
Zoom-style WebVTT, Otter-style SRT and ``[hh:mm:ss] Name:`` text; the survey has an id column,
three metadata columns and two open-text columns (about 8% blank or non-answers, answers in the
same six languages). Each phase runs ``persona_nlp.ingest.ingest`` in a fresh Python process, so
its peak RSS is its own; the one-off loading of the language models (lingua) is timed apart.
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
SECTION = "Ingestion"
SEED = 7

ANSWERS = {
    "en": [
        "I usually order online because it saves me a lot of time",
        "The delivery fee was higher than I expected for a small order",
        "A friend recommended the shop when we were on holiday",
        "I want shoes that last longer than one season",
        "Honestly the checkout kept logging me out on my phone",
        "We compare prices on three sites before we buy anything big",
    ],
    "da": [
        "Jeg handler mest på nettet, fordi det sparer mig for tid",
        "Fragten var for dyr til en lille ordre",
        "En kollega anbefalede butikken til mig",
        "Jeg vil gerne have en jakke, der kan holde i mange år",
    ],
    "nb": [
        "Jeg handler nesten bare på nett fordi butikkene har lite utvalg",
        "Returfristen var altfor kort for meg",
        "En venninne tipset meg om nettbutikken",
        "Jeg vil ha sko som tåler regn hele høsten",
    ],
    "nl": [
        "Ik bestel bijna alles online sinds mijn verhuizing",
        "De bezorgkosten vond ik te hoog voor een kleine bestelling",
        "Mijn buurvrouw raadde de winkel aan",
        "Ik wil een fiets waarmee ik elke dag naar mijn werk kan",
    ],
    "id": [
        "Biasanya saya beli di marketplace karena lebih murah",
        "Ongkos kirimnya terlalu mahal untuk pesanan kecil",
        "Teman kantor saya merekomendasikan toko ini",
        "Saya ingin sepatu yang awet untuk dipakai setiap hari",
    ],
    "vi": [
        "Tôi thường mua hàng trên mạng vì tiết kiệm thời gian",
        "Phí vận chuyển quá cao so với giá sản phẩm",
        "Một người bạn đã giới thiệu cửa hàng này cho tôi",
        "Tôi muốn mua giày bền để đi làm mỗi ngày",
    ],
}
QUESTIONS = {
    "en": [
        "How do you usually shop for this?",
        "What almost stopped you?",
        "Why is that important to you?",
    ],
    "da": [
        "Hvordan handler du normalt?",
        "Hvad fik dig næsten til at lade være?",
        "Hvorfor er det vigtigt?",
    ],
    "nb": [
        "Hvordan handler du vanligvis?",
        "Hva fikk deg nesten til å la være?",
        "Hvorfor er det viktig?",
    ],
    "nl": ["Hoe doe je dat meestal?", "Wat hield je bijna tegen?", "Waarom is dat belangrijk?"],
    "id": [
        "Bagaimana biasanya Anda berbelanja?",
        "Apa yang hampir membuat Anda batal?",
        "Kenapa itu penting?",
    ],
    "vi": [
        "Bạn thường mua sắm như thế nào?",
        "Điều gì suýt khiến bạn không mua?",
        "Tại sao điều đó quan trọng?",
    ],
}
INTERVIEWERS = {
    "en": "Interviewer",
    "da": "Intervieweren",
    "nb": "Intervjuer",
    "nl": "Gespreksleider",
    "id": "Pewawancara",
    "vi": "Người phỏng vấn",
}
NAMES = [
    "Anna",
    "Lars",
    "Kari",
    "Sanne",
    "Dewi",
    "Hoa",
    "Omar",
    "Maya",
    "Jens",
    "Pieter",
    "Budi",
    "Lan",
]
NON_ANSWERS = ["n/a", "-", "nothing", "ingen", "niks", "tidak ada", "không", ""]


def _answer(rng: random.Random, language: str) -> str:
    first, second = rng.sample(ANSWERS[language], 2)
    if rng.random() < 0.5:
        return f"{first}, {second[0].lower()}{second[1:]} (case {rng.randint(1, 10**6)})."
    return f"{first}."


def _stamp(seconds: float, separator: str) -> str:
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def write_transcript(path: Path, rng: random.Random, language: str, style: str) -> None:
    interviewer = INTERVIEWERS[language]
    respondent = rng.choice(NAMES)
    turns: list[tuple[str, str]] = []
    for _ in range(rng.randint(5, 12)):
        turns.append((interviewer, rng.choice(QUESTIONS[language])))
        turns.append((respondent, _answer(rng, language)))
    clock = 0.0
    lines: list[str] = ["WEBVTT", ""] if style == "vtt" else []
    for number, (speaker, text) in enumerate(turns, 1):
        duration = 2 + len(text) / 15
        if style == "txt":
            lines.append(f"[{_stamp(clock, '.')[:8]}] {speaker}: {text}")
        else:
            # long answers are split over two cues, as captioning tools do
            words = text.split()
            pieces = (
                [" ".join(words[: len(words) // 2]), " ".join(words[len(words) // 2 :])]
                if len(words) > 12
                else [text]
            )
            for index, piece in enumerate(pieces):
                start, end = (
                    clock + index * duration / 2,
                    clock + (index + 1) * duration / len(pieces),
                )
                separator = "." if style == "vtt" else ","
                lines.append(f"{number}-{index}" if style == "vtt" else str(len(lines) // 4 + 1))
                lines.append(f"{_stamp(start, separator)} --> {_stamp(end, separator)}")
                lines.append(f"{speaker}: {piece}" if index == 0 else piece)
                lines.append("")
        clock += duration + 0.5
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def generate(folder: Path, transcripts: int, rows: int) -> tuple[Path, Path]:
    rng = random.Random(SEED)
    interviews = folder / "interviews"
    interviews.mkdir(parents=True)
    languages = sorted(ANSWERS)
    for i in range(transcripts):
        style = ("vtt", "srt", "txt")[i % 3]
        write_transcript(
            interviews / f"p{i:04d}.{style}", rng, languages[i % len(languages)], style
        )
    survey = folder / "survey.csv"
    with survey.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "respondent_id",
                "segment",
                "age_band",
                "country",
                "What are you hoping to achieve?",
                "What almost stopped you from buying?",
            ]
        )
        for i in range(rows):
            language = "en" if rng.random() < 0.5 else rng.choice(languages)
            answers = [
                rng.choice(NON_ANSWERS) if rng.random() < 0.08 else _answer(rng, language)
                for _ in range(2)
            ]
            writer.writerow(
                [
                    f"R{i:06d}",
                    rng.choice(["new", "returning", "lapsed"]),
                    rng.choice(["18-24", "25-34", "35-44", "45-54", "55+"]),
                    rng.choice(["DK", "NO", "NL", "ID", "VN", "UK"]),
                    *answers,
                ]
            )
    return interviews, survey


def run_phase(phase: str, target: Path) -> dict[str, float]:
    """Run one phase in this process and return its figures (called in a fresh subprocess)."""
    from persona_nlp.config import IngestConfig
    from persona_nlp.ingest import ingest, summarize
    from persona_nlp.lang import detect_languages

    started = time.perf_counter()
    detect_languages(["warm up the language models", "varm op"])
    load = time.perf_counter() - started
    started = time.perf_counter()
    config = IngestConfig(language="en") if phase == "survey_lang" else IngestConfig()
    corpus = ingest([target], config)
    elapsed = time.perf_counter() - started
    summary = summarize(corpus)
    survey = phase.startswith("survey")
    rows = sum(1 for _ in target.open(encoding="utf-8")) - 1 if survey else 0
    return {
        "seconds": elapsed,
        "model_load_seconds": load,
        "files": 1 if survey else summary["documents"] + summary["skipped"],
        "documents": summary["documents"],
        "rows": rows,
        "turns": summary["turns"],
        "respondent_turns": summary["turns_by_role"]["respondent"],
        "participants": summary["participants"],
        "skipped": summary["skipped"],
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def measure(transcripts: int, rows: int) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        started = time.perf_counter()
        interviews, survey = generate(Path(tmp), transcripts, rows)
        print(
            f"generated {transcripts} transcripts and {rows:,} survey rows in {time.perf_counter() - started:.1f}s",
            file=sys.stderr,
        )
        for phase, target in (
            ("transcripts", interviews),
            ("survey", survey),
            ("survey_lang", survey),
        ):
            output = subprocess.run(
                [sys.executable, __file__, "--phase", phase, "--target", str(target)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            results[phase] = json.loads(output.strip().splitlines()[-1])
            print(f"{phase}: {results[phase]}", file=sys.stderr)
    return results


def table(results: dict[str, dict[str, float]], transcripts: int, rows: int) -> str:
    t, s, f = results["transcripts"], results["survey"], results["survey_lang"]
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()} with {_cpus()} CPU cores, Python {platform.python_version()} "
        f"(1-minute load average {_load():.1f} when done: other work on the machine slows the figures).",
        "Generated data (seed 7): "
        f"{transcripts:,} transcripts (⅓ each Zoom-style .vtt, Otter-style .srt, `[hh:mm:ss] Name:` .txt; 10-24 turns, six languages) "
        f"and one {rows:,}-row survey CSV (two open-text columns, ~8% blank or non-answers, six languages).",
        "",
        "| input | wall time | throughput | turns/s | documents | turns (respondent) | participants | skipped | peak RSS |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {transcripts:,} transcripts | {t['seconds']:.1f} s | {t['files'] / t['seconds']:,.0f} files/s | {t['turns'] / t['seconds']:,.0f} | "
        f"{t['documents']:,} | {t['turns']:,} ({t['respondent_turns']:,}) | {t['participants']:,} | {t['skipped']:,} | {t['peak_rss_mib']:,.0f} MiB |",
        f"| survey, {rows:,} rows | {s['seconds']:.1f} s | {s['rows'] / s['seconds']:,.0f} rows/s | {s['turns'] / s['seconds']:,.0f} | "
        f"{s['documents']:,} | {s['turns']:,} ({s['respondent_turns']:,}) | {s['participants']:,} | {s['skipped']:,} cells | {s['peak_rss_mib']:,.0f} MiB |",
        f"| same survey, `--lang en` (no detection) | {f['seconds']:.1f} s | {f['rows'] / f['seconds']:,.0f} rows/s | {f['turns'] / f['seconds']:,.0f} | "
        f"{f['documents']:,} | {f['turns']:,} ({f['respondent_turns']:,}) | {f['participants']:,} | {f['skipped']:,} cells | {f['peak_rss_mib']:,.0f} MiB |",
        "",
        f"A warm-up detection, once per process, took {t['model_load_seconds']:.1f} s and is not in the wall times; it loads lingua's "
        "trigram models, while the full n-gram models of the languages in close calls load during the survey and are in its time "
        "(language identification runs trigrams first and all n-gram models only for close calls, `persona_nlp.lang`). "
        "Language identification of every survey answer of three words or more is most of the survey time "
        "(compare the `--lang en` row, which skips it). Peak RSS is the whole Python process (libraries and language models included); "
        "the survey's rows are streamed, the memory is the corpus itself (one pydantic object per answer and per respondent).",
        "",
        "Reproduce: `python benchmarks/bench_ingest.py --write-results`",
    ]
    return "\n".join(lines)


def _load() -> float:
    import os

    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return float("nan")


def _cpus() -> int:
    import os

    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def replace_section(text: str, body: str) -> str:
    """Replace the body of ``## Ingestion`` in RESULTS.md, leaving every other section untouched."""
    header = f"## {SECTION}\n"
    start = text.index(header) + len(header)
    end = text.find("\n## ", start)
    end = len(text) if end == -1 else end + 1
    return text[:start] + "\n" + body.strip() + "\n\n" + text[end:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transcripts", type=int, default=1000)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument(
        "--write-results",
        action="store_true",
        help=f"rewrite the '{SECTION}' section of RESULTS.md",
    )
    parser.add_argument(
        "--phase", choices=["transcripts", "survey", "survey_lang"], help=argparse.SUPPRESS
    )
    parser.add_argument("--target", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(run_phase(args.phase, args.target)))
        return
    results = measure(args.transcripts, args.rows)
    section = table(results, args.transcripts, args.rows)
    print(section)
    if args.write_results:
        RESULTS.write_text(
            replace_section(RESULTS.read_text(encoding="utf-8"), section), encoding="utf-8"
        )
        print(f"wrote the '{SECTION}' section of {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
