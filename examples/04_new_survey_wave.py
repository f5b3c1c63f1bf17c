"""04 · A new survey wave: sort new answers into the themes of the first wave.

Wave 1 (examples/data/survey.csv) is themed once. When wave 2 arrives
(examples/wave2/survey_wave2.csv), its statements are assigned to the existing themes — the
theme ids stay the same, so the two waves can be compared — and answers that fit no theme are
listed as candidates for new themes.

Run:  python examples/04_new_survey_wave.py   (writes examples/out/04/wave2_statements.csv)
"""

# %% Setup
import csv
import os
from collections import Counter
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from persona_nlp import AnalysisConfig
from persona_nlp.extract import extract_statements
from persona_nlp.pipeline import ingest_inputs, run_pipeline
from persona_nlp.themes import assign_to_themes

HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "04"
config = AnalysisConfig(seed=42)

# %% Wave 1: the full analysis of the first survey.
wave1 = run_pipeline([HERE / "data" / "survey.csv"], config)
themes = wave1.analysis.themes
print(f"wave 1: {len(wave1.analysis.participants)} respondents, {len(themes)} themes")

# %% Wave 2: read and extract statements with the same embedder (same model as the themes).
corpus = ingest_inputs([HERE / "wave2" / "survey_wave2.csv"], config)
statements = extract_statements(corpus, wave1.plain_embedder, config.extract, seed=config.seed)
print(f"wave 2: {len(corpus.participants)} respondents, {len(statements)} statements")

# %% Assign them to the wave-1 themes, without re-clustering. wave1.embedder carries wave 1's
# language alignment; from a saved analysis.json pass
# language_offsets=analysis.language_offsets with a plain embedder instead.
assigned, misfits = assign_to_themes(statements, themes, wave1.embedder)
labels = {theme.id: theme.label for theme in themes}

# %% Compare: participants per theme in wave 1 and wave 2.
wave2_people: dict[str, set[str]] = {}
for statement in assigned:
    if statement.theme_id:
        wave2_people.setdefault(statement.theme_id, set()).add(statement.participant_id)
n2 = max(len(corpus.participants), 1)
print(f"\n{'theme':<42}{'wave 1':>8}{'wave 2':>8}")
for theme in sorted(themes, key=lambda t: -(t.prevalence.share if t.prevalence else 0))[:10]:
    share1 = theme.prevalence.share if theme.prevalence else 0.0
    share2 = len(wave2_people.get(theme.id, ())) / n2
    print(f"{theme.label[:40]:<42}{share1:>8.0%}{share2:>8.0%}")

# %% New topics? Statements that fit no existing theme.
by_id = {s.id: s for s in assigned}
print(f"\n{len(misfits)} statements fit no wave-1 theme:")
for statement_id in misfits[:8]:
    statement = by_id[statement_id]
    print(f"  [{statement.kind}] {statement.participant_id}: {statement.text}")
print("kinds of the misfits:", dict(Counter(by_id[i].kind for i in misfits)))

# %% Save wave 2 with theme assignments.
OUT.mkdir(parents=True, exist_ok=True)
with (OUT / "wave2_statements.csv").open("w", encoding="utf-8-sig", newline="") as handle:
    writer = csv.writer(handle)
    writer.writerow(["participant_id", "kind", "text", "theme_id", "theme_label"])
    for s in assigned:
        writer.writerow(
            [s.participant_id, s.kind, s.text, s.theme_id or "", labels.get(s.theme_id or "", "")]
        )
print(f"wrote {(OUT / 'wave2_statements.csv').relative_to(HERE.parent)}")
