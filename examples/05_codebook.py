"""05 · Your own codebook: code answers to the team's themes, discover the rest.

A team rarely starts from nothing: it has a codebook from the last study or a persona workshop.
Here the survey (examples/data/survey.csv, answers in English, Danish, Norwegian and Dutch) is
coded with examples/codebook.csv - five themes written in English, one of which (gift cards)
nobody mentions. Statements close to an entry of their kind get its id and label
(origin "codebook"); the rest are clustered as usual (origin "discovered"). The same codebook
can be given on the command line:

    persona-nlp analyze examples/data/survey.csv --codebook examples/codebook.csv --out out/

Run:  python examples/05_codebook.py   (writes examples/out/05/themes.csv)
"""

# %% Setup
import os
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from persona_nlp import AnalysisConfig
from persona_nlp.config import CodebookEntry
from persona_nlp.pipeline import run_pipeline, write_outputs

HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "05"

# %% The codebook file: id, kind, label, description, examples (separated by ';').
config = AnalysisConfig(seed=42)
config.themes.codebook = str(HERE / "codebook.csv")
config.report.formats = ["csv"]
run = run_pipeline([HERE / "data" / "survey.csv"], config)
analysis = run.analysis

# %% Codebook themes first (a theme nobody mentions stays, with prevalence 0), then discovered.
print(f"{'origin':<11}{'theme':<34}{'share':>7}  example")
for theme in analysis.themes:
    share = theme.prevalence.share if theme.prevalence else 0.0
    example = theme.quotes[0].text if theme.quotes else "-"
    print(f"{theme.origin:<11}{theme.label[:32]:<34}{share:>7.0%}  {example[:50]}")

# %% Each coded statement records how similar it was to its entry (cosine).
coded = [s for s in analysis.statements if s.codebook_similarity is not None]
print(f"\n{len(coded)} of {len(analysis.statements)} statements coded to the codebook, e.g.:")
for statement in sorted(coded, key=lambda s: s.id)[:5]:
    print(f"  {statement.theme_id:<14}{statement.codebook_similarity:.2f}  {statement.text}")

# %% From Python, a codebook is a list of entries; the threshold is in standard deviations
# above the mean statement x entry similarity (docs/themes.md, Codebook).
strict = AnalysisConfig(seed=42)
strict.themes.codebook = [
    CodebookEntry(
        id="SHIPPING",
        kind="objection",
        label="Shipping cost",
        description="delivery or shipping costs that are too high",
    ),
]
strict.themes.codebook_threshold = 2.0
again = run_pipeline([HERE / "data" / "survey.csv"], strict, embedder=run.plain_embedder)
shipping = next(t for t in again.analysis.themes if t.id == "SHIPPING")
print(f"\nstricter threshold: {len(shipping.statement_ids)} statements coded to Shipping cost")

# %% Save themes.csv (with its origin column) and statements.csv.
written = write_outputs(run, OUT, config)
print("wrote", ", ".join(str(p.relative_to(HERE.parent)) for p in written))
