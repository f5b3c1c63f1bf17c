"""03 · Enrich the personas your team already has.

examples/personas.json is a persona file a marketing team might keep (with avatars, colours,
notes: fields persona_nlp does not know). Enrichment assigns participants to those personas,
finds quotes that support each goal / pain point / objection / channel, flags what the data does
not support and proposes additions — and writes the file back with every original field kept.

Run:  python examples/03_enrich_existing_personas.py   (writes examples/out/03/personas.json)
"""

# %% Setup
import json
import os
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from persona_nlp import AnalysisConfig
from persona_nlp.enrich import enrich_personas, load_personas_file, write_enriched
from persona_nlp.pipeline import run_pipeline

HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "03"

# %% Load the existing personas and analyse the study.
personas_file = load_personas_file(HERE / "personas.json")
print("existing personas:", ", ".join(personas_file.labels))
config = AnalysisConfig(seed=42)
run = run_pipeline([HERE / "data"], config)

# %% Enrich: the same embedder is reused, so nothing is embedded twice.
result = enrich_personas(personas_file, run.analysis, run.embedder, config.personas)

# %% What does the data say about each persona?
for label, evidence in zip(personas_file.labels, result.evidence, strict=True):
    participants = evidence["participants"]
    items = evidence["items"]
    print(
        f"\n{label}: {participants['count']} participants ({participants['share']:.0%}); "
        f"{items['supported']}/{items['checked']} items supported"
    )
    for entry in evidence["unsupported"][:3]:
        print(f"  not supported: {entry['field']}: {entry['item']}")
    for proposal in evidence["proposed_additions"][:2]:
        print(
            f"  proposed {proposal['kind']}: {proposal['theme']['label']} "
            f"({proposal['share']:.0%} of its participants)"
        )
print("\nparticipants that fit no persona:", len(result.unassigned))

# %% Write the enriched file: the original structure, untouched, plus "evidence" per persona.
path = write_enriched(result, OUT / "personas.json")
original = json.loads((HERE / "personas.json").read_text(encoding="utf-8"))
enriched = json.loads(path.read_text(encoding="utf-8"))
assert all(
    enriched["personas"][i][key] == value
    for i, persona in enumerate(original["personas"])
    for key, value in persona.items()
)
print(f"wrote {path.relative_to(HERE.parent)} (every original field kept)")
