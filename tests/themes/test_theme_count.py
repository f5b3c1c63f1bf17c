"""The number of themes per kind follows the data; ``themes.max_themes_per_kind`` bounds it."""

from __future__ import annotations

import numpy as np

from persona_nlp.cli import build_parser, config_from_args
from persona_nlp.config import ThemeConfig
from persona_nlp.schema import Participant, Statement
from persona_nlp.themes import THEME_SAFETY_LIMIT, build_themes, max_themes_per_kind

TOPICS = 14
"""More topics than the old fixed cap of 10 themes per kind."""

PER_TOPIC = 5


class TopicEmbedder:
    """Texts ``"topic <k> answer <j>"`` become unit vectors near axis ``k`` (no model)."""

    name = "topic-fake"
    fingerprint = "topic-fake"

    def encode(self, texts: list[str]) -> np.ndarray:
        rows = np.zeros((len(texts), TOPICS + 1), dtype=np.float32)
        for row, text in enumerate(texts):
            words = text.split()
            rows[row, int(words[1])] = 1.0
            rows[row, TOPICS] = 0.05 * int(words[3])
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def _study() -> tuple[list[Statement], list[Participant]]:
    statements = []
    for topic in range(TOPICS):
        for answer in range(PER_TOPIC):
            text = f"topic {topic} answer {answer}"
            participant = f"p{answer:02d}"
            statements.append(
                Statement(
                    id=f"{participant}:{topic}:0-{len(text)}",
                    document_id=participant,
                    participant_id=participant,
                    turn_index=topic,
                    text=text,
                    start_char=0,
                    end_char=len(text),
                    kind="goal",
                    confidence=0.9,
                )
            )
    participants = [Participant(id=f"p{i:02d}") for i in range(PER_TOPIC)]
    return statements, participants


def _theme_count(config: ThemeConfig) -> int:
    statements, participants = _study()
    _, themes = build_themes(statements, TopicEmbedder(), participants, config)
    return len(themes)


def test_theme_count_follows_the_data_beyond_the_old_cap_of_ten():
    assert max_themes_per_kind(ThemeConfig()) == THEME_SAFETY_LIMIT
    assert _theme_count(ThemeConfig()) == TOPICS


def test_max_themes_per_kind_bounds_and_min_theme_size_still_works():
    assert _theme_count(ThemeConfig(max_themes_per_kind=4)) == 4
    # topics of 5 statements fall below a minimum of 6: fewer, larger themes (or none)
    statements, participants = _study()
    _, themes = build_themes(
        statements, TopicEmbedder(), participants, ThemeConfig(min_theme_size=PER_TOPIC + 1)
    )
    assert len(themes) < TOPICS
    assert all(len(theme.statement_ids) >= PER_TOPIC + 1 for theme in themes)


def test_cli_flag_sets_max_themes_per_kind():
    args = build_parser().parse_args(
        ["analyze", "data", "--out", "o", "--max-themes-per-kind", "7", "--min-theme-size", "4"]
    )
    config = config_from_args(args)
    assert config.themes.max_themes_per_kind == 7 and config.themes.min_theme_size == 4
    default = config_from_args(build_parser().parse_args(["analyze", "data", "--out", "o"]))
    assert default.themes.max_themes_per_kind is None
