"""Write the three survey waves of the made-up meal-kit study used by the waves tests.

"Harvest Box" asks its subscribers five open questions every quarter. By design:

* wave 1 -> wave 2: nothing changes (two segments, busy parents and fitness-minded people;
  new wordings, a few returning respondents);
* wave 2 -> wave 3: late deliveries grow from a few mentions to most respondents, the app
  crashing at checkout vanishes (fixed), and a third segment appears: people who care about
  packaging waste and food waste (a new persona), two of them returning parents who moved.

Byte-stable: ``python tests/data/waves/make_waves.py`` rewrites wave1.csv, wave2.csv and
wave3.csv next to this file identically.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent

QUESTIONS = (
    "What do you hope a meal kit does for you?",
    "What frustrates you most about Harvest Box?",
    "What almost stopped you from subscribing?",
    "Where did you first hear about Harvest Box?",
    "How do you usually decide what to cook?",
)

SEGMENTS: dict[str, tuple[tuple[str, ...], ...]] = {
    "parents": (
        (
            "I want dinner on the table fast on busy weeknights.",
            "I hope to save time on cooking after work so I can be with my kids.",
            "I want to spend less time planning family meals every week.",
            "I need quick dinners the whole family will actually eat.",
            "I want to stop stressing about what the kids will eat tonight.",
        ),
        (
            "My kids are picky and refuse half of the recipes.",
            "The recipes are often too spicy for the children.",
            "The portions are too small for a family of four.",
            "My children won't touch most of the dishes in the box.",
            "The kids complain that every recipe tastes too grown-up.",
        ),
        (
            "The price per meal felt too high for a whole family.",
            "It seemed expensive compared to buying groceries myself.",
            "I worried it would cost more than the supermarket.",
            "Feeding four people with it looked really expensive.",
        ),
        (
            "Another parent at my kids' school recommended it.",
            "A friend from daycare told me about it.",
            "Word of mouth from other parents in my neighbourhood.",
            "A mum in our school WhatsApp group mentioned it.",
        ),
        (
            "I plan every meal around the kids' busy schedule.",
            "I always look for shortcuts in the kitchen because time is short.",
            "I cook whatever is fastest after a long day at work.",
            "I keep dinners simple so the children will eat them.",
        ),
    ),
    "fitness": (
        (
            "I want to hit my protein target every day.",
            "I hope to eat clean while training for a marathon.",
            "I want to lose weight without counting every calorie.",
            "I need high-protein meals that support my workouts.",
            "I want balanced meals that help me build muscle.",
        ),
        (
            "The nutrition information per serving is missing.",
            "There are too many carbs and not enough protein in the meals.",
            "Calorie counts are hard to find in the recipes.",
            "I can't see the macros for most of the dishes.",
            "The meals are too heavy on pasta and rice for my diet.",
        ),
        (
            "I wasn't sure the meals would fit my macros.",
            "I doubted the meals would be healthy enough for my training.",
            "I worried the recipes would be full of butter and sugar.",
            "I was not convinced the portions matched my calorie goals.",
        ),
        (
            "A fitness YouTuber I follow reviewed it.",
            "An Instagram ad from a fitness influencer.",
            "My coach at the gym mentioned it.",
            "A running podcast I listen to had a promo code.",
        ),
        (
            "I treat food as fuel for my training.",
            "I track everything I eat in an app.",
            "I choose meals by their protein and calories first.",
            "I meal prep on Sundays to stay on plan.",
        ),
    ),
    "eco": (
        (
            "I want to cut down on food waste at home.",
            "I hope to eat more plant-based meals to lower my footprint.",
            "I want to throw away less food every week.",
            "I want sustainable meals with local, seasonal vegetables.",
            "I hope to waste less food by buying exact portions.",
        ),
        (
            "There is far too much plastic packaging in every box.",
            "The ice packs and plastic bags pile up in my kitchen.",
            "So much of the packaging goes straight into the bin.",
            "Every ingredient comes wrapped in its own plastic bag.",
            "The box creates a mountain of packaging waste each week.",
        ),
        (
            "I hesitated because of all the packaging waste.",
            "I worried about the carbon footprint of the deliveries.",
            "I was unsure the packaging could be recycled.",
            "I was worried the boxes would create more rubbish than shopping.",
        ),
        (
            "A sustainability newsletter I read recommended it.",
            "A zero-waste group on Reddit talked about it.",
            "A climate podcast mentioned it.",
            "An eco blogger I follow wrote about it.",
        ),
        (
            "I think about the environment whenever I shop for food.",
            "I try to buy local and seasonal produce.",
            "I plan meals around what would otherwise go to waste.",
            "I avoid products with a lot of plastic.",
        ),
    ),
}

LATE = (
    "Also the delivery arrived late again.",
    "On top of that the delivery arrived late.",
    "The delivery arrived late twice this month.",
    "And my delivery arrived late last week.",
    "Plus the delivery arrived hours late.",
)
CRASH = (
    "The app crashed at checkout.",
    "The app crashed at checkout again.",
    "Sadly the app crashed at checkout.",
    "The app crashed at checkout twice.",
)

# (wave, segment counts, share mentioning late deliveries, share mentioning app crashes)
WAVES = (
    (1, {"parents": 20, "fitness": 20}, 0.1, 0.35),
    (2, {"parents": 20, "fitness": 20}, 0.1, 0.35),
    (3, {"parents": 15, "fitness": 15, "eco": 12}, 0.7, 0.0),
)
RETURNING = 6
"""Respondents of each segment who answer the next wave again (same respondent id)."""
MOVERS = ("R003", "R005")
"""Parents of wave 2 who answer wave 3 as packaging-minded respondents."""


def _respondents() -> dict[int, list[tuple[str, str]]]:
    """Per wave, ``(respondent id, segment)`` in id order."""
    waves: dict[int, list[tuple[str, str]]] = {}
    next_id = 1
    previous: list[tuple[str, str]] = []
    for wave, counts, _, _ in WAVES:
        people: list[tuple[str, str]] = []
        for segment, count in counts.items():
            again = [rid for rid, seg in previous if seg == segment][:RETURNING]
            if segment == "eco":
                again = list(MOVERS)
            people += [(rid, segment) for rid in again]
            for _ in range(count - len(again)):
                people.append((f"R{next_id:03d}", segment))
                next_id += 1
        if wave == 3:  # movers answer as eco, not as parents
            people = [(rid, seg) for rid, seg in people if not (rid in MOVERS and seg != "eco")]
        waves[wave] = sorted(people)
        previous = people
    return waves


OPENERS = ("", "", "Honestly, ", "To be honest, ", "Mostly ", "Well, ", "I'd say ", "Hmm, ")
"""How people start an answer (free text varies; a column of few distinct answers is a choice)."""


def _vary(rng: random.Random, text: str) -> str:
    opener = rng.choice(OPENERS)
    if opener and not text.startswith("I "):
        text = text[0].lower() + text[1:]
    return opener + text


WEIGHTS = (3, 2, 1, 1, 1)
"""How often each option of a question is dealt, in every run of 8 answers: a segment has a
dominant answer per question (what makes it a segment) and every option recurs."""


def _deal(rng: random.Random, options: tuple[str, ...], count: int) -> list[str]:
    """``count`` answers dealt by :data:`WEIGHTS` in a shuffled order (a segment's recurring
    themes never vanish from a wave by chance)."""
    cycle = [i for i, weight in enumerate(WEIGHTS[: len(options)]) for _ in range(weight)]
    dealt = [options[cycle[i % len(cycle)]] for i in range(count)]
    rng.shuffle(dealt)
    return dealt


def _answers(rng: random.Random, cores: list[str], late: bool, crash: bool) -> list[str]:
    answers = [_vary(rng, core) for core in cores]
    extra = []
    if late:
        extra.append(rng.choice(LATE))
    if crash:
        extra.append(rng.choice(CRASH))
    if extra:
        answers[1] = " ".join([answers[1], *extra])
    return answers


def write_waves(folder: Path = HERE) -> list[Path]:
    """Write ``wave1.csv`` .. ``wave3.csv`` into ``folder``; returns their paths."""
    written = []
    for (wave, _, late_share, crash_share), (_, people) in zip(
        WAVES, sorted(_respondents().items()), strict=True
    ):
        rng = random.Random(1000 + wave)
        late = set(rng.sample(range(len(people)), round(late_share * len(people))))
        crash = set(rng.sample(range(len(people)), round(crash_share * len(people))))
        path = folder / f"wave{wave}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["respondent_id", "plan", *QUESTIONS])
            dealt = {
                segment: list(
                    zip(
                        *(
                            _deal(rng, options, sum(1 for _, s in people if s == segment))
                            for options in SEGMENTS[segment]
                        ),
                        strict=True,
                    )
                )
                for segment in sorted({s for _, s in people})
            }
            for row, (rid, segment) in enumerate(people):
                plan = rng.choice(["2 meals", "3 meals", "4 meals"])
                cores = list(dealt[segment].pop())
                writer.writerow([rid, plan, *_answers(rng, cores, row in late, row in crash)])
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_waves():
        print(written_path)
