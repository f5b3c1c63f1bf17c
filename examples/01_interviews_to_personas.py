"""01 · Interviews (and a survey) to personas and reports.

The README's main command as Python: analyse the example study in examples/data — nine
interviews in six languages and formats plus a survey export — and write the reports.

Run:  python examples/01_interviews_to_personas.py   (writes examples/out/01/)
"""

# %% Setup: offline, and output next to this script.
import os
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never go online; the default model is bundled

from persona_nlp import AnalysisConfig
from persona_nlp.pipeline import run_pipeline
from persona_nlp.report import write_reports

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
OUT = HERE / "out" / "01"

# %% Configure: every default is documented in docs/configuration.md.
config = AnalysisConfig(seed=42)
config.personas.n_personas = 3  # a fixed number keeps the demo stable; omit to choose from data

# %% Run the whole pipeline. run_pipeline also returns the statement embeddings (for the map).
run = run_pipeline([DATA], config)
analysis = run.analysis
print(
    f"{len(analysis.documents)} documents, {len(analysis.participants)} participants, "
    f"{len(analysis.statements)} statements, {len(analysis.themes)} themes"
)

# %% Who are the customers?
for persona in analysis.personas:
    print(f"\n{persona.name} — {persona.size} participants ({persona.share:.0%})")
    print(f"  {persona.summary}")
    for theme in persona.themes[:4]:
        print(
            f"  · {theme.kind:<10} {theme.label}  ({theme.share:.0%} of members, lift {theme.lift:.1f})"
        )
    if persona.quotes:
        quote = persona.quotes[0]
        print(f"  “{quote.text}” — {quote.participant_id}")

# %% The most common objections, with their 95% confidence intervals.
objections = sorted(
    (t for t in analysis.themes if t.kind == "objection" and t.prevalence),
    key=lambda t: -t.prevalence.share,
)
print("\nTop objections:")
for theme in objections[:5]:
    p = theme.prevalence
    print(
        f"  {theme.label:<40} {p.participants}/{p.total} = {p.share:.0%} "
        f"(95% CI {p.ci_low:.0%}–{p.ci_high:.0%})"
    )

# %% Write analysis.json, the CSVs, report.md and report.html (open it in a browser).
paths = write_reports(analysis, OUT, embeddings=run.statement_vectors)
print("\nwrote:", *[str(p.relative_to(HERE.parent)) for p in paths], sep="\n  ")
