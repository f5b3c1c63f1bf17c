"""06 · Waves: analyse a new survey wave against the last one and see what changed.

Wave 1 (examples/data/survey.csv) is analysed as usual. Wave 2 (examples/wave2/survey_wave2.csv)
is analysed with wave 1 as its baseline: the wave-1 themes keep their ids and labels and collect
the new answers, answers that fit none form new themes (flagged new), personas that continue a
wave-1 persona keep its id and name, and `analysis.changes` holds the change report - each
theme's share of participants per wave with a 95% Wilson interval, Fisher's exact test with
Holm's correction, new and vanished themes and personas. The same from the command line:

    persona-nlp analyze examples/data/survey.csv --out out/wave1
    persona-nlp analyze examples/wave2/survey_wave2.csv --baseline out/wave1/analysis.json --out out/wave2

A third wave takes out/wave2/analysis.json as its baseline and reports all three waves.

Run:  python examples/06_waves.py   (writes examples/out/06/wave1 and examples/out/06/wave2)
"""

# %% Setup
import os
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from persona_nlp import AnalysisConfig
from persona_nlp.pipeline import run_pipeline, write_outputs

HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "06"
config = AnalysisConfig(seed=42)
config.report.formats = ["json", "md", "html"]

# %% Wave 1: a plain analysis, written where wave 2 will find it.
wave1 = run_pipeline([HERE / "data" / "survey.csv"], config)
write_outputs(wave1, OUT / "wave1", config)
print(
    f"wave 1: {len(wave1.analysis.participants)} respondents, {len(wave1.analysis.themes)} themes"
)

# %% Wave 2 against wave 1 (the same model: reuse wave 1's, so it loads once).
config2 = config.model_copy(deep=True)
config2.waves.baseline = str(OUT / "wave1" / "analysis.json")
config2.waves.name = "wave 2"
wave2 = run_pipeline([HERE / "wave2" / "survey_wave2.csv"], config2, embedder=wave1.plain_embedder)
changes = wave2.analysis.changes
assert changes is not None
print(
    f"wave 2: {len(wave2.analysis.participants)} respondents, waves {[w.name for w in changes.waves]}"
)

# %% Per theme: share of each wave's participants, the change and the Holm-adjusted p-value.
print(f"\n{'theme':<40}{'wave 1':>8}{'wave 2':>8}  status")
for row in changes.themes:
    if not any(w.prevalence.participants for w in row.waves):
        continue
    shares = "".join(f"{w.prevalence.share:>8.0%}" for w in row.waves)
    flag = (
        f"{row.status} {'▲' if row.direction == 'up' else '▼' if row.direction == 'down' else ''}"
    )
    print(f"{row.label[:38]:<40}{shares}  {flag}")

# %% New and vanished themes and personas.
labels = {row.theme_id: row.label for row in changes.themes}
print("\nnew themes:", [labels[i] for i in changes.new_theme_ids])
print("vanished themes:", [labels[i] for i in changes.vanished_theme_ids])
print(
    "significant changes:",
    [labels[i] for i in changes.increased_theme_ids + changes.decreased_theme_ids],
)
for persona in changes.personas:
    print(f"persona {persona.name}: {persona.status}, sizes {[w.size for w in persona.waves]}")

# %% The reports gain a "Changes from wave 1 to wave 2" section (and a chart in the HTML).
written = write_outputs(wave2, OUT / "wave2", config2)
print("wrote", ", ".join(str(p.relative_to(HERE.parent)) for p in written))
