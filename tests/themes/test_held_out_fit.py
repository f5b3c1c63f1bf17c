"""A new theme of a later wave keeps only the statements that fit it held out (no model)."""

from __future__ import annotations

import random

import numpy as np

from persona_nlp.config import ThemeConfig
from persona_nlp.schema import Participant, Statement, Theme
from persona_nlp.themes import build_themes
from persona_nlp.themes.texts import held_out_fit, theme_canonical

DIMENSIONS = 8


def _unit(*weights: tuple[int, float]) -> np.ndarray:
    vector = np.zeros(DIMENSIONS, dtype=np.float32)
    for axis, weight in weights:
        vector[axis] = weight
    return vector / np.linalg.norm(vector)


# axis 0: the baseline theme (late deliveries); 1: a concept new in this wave (plastic);
# 2: an answer one or two people repeat every wave (macros); 3: an unrelated odd answer that
# leans a little towards it; 4, 5: other odd answers
VECTORS = {
    "the delivery was late": _unit((0, 1.0)),
    "my box came late again": _unit((0, 1.0), (6, 0.2)),
    "late delivery, as usual": _unit((0, 1.0), (7, 0.2)),
    "too much plastic in the box": _unit((1, 1.0), (6, 0.1)),
    "plastic bags everywhere": _unit((1, 1.0), (7, 0.1)),
    "so much plastic packaging": _unit((1, 1.0), (6, 0.15)),
    "I can't see the macros": _unit((2, 1.0)),
    "I cook whatever is fastest": _unit((2, 0.2), (3, 1.0)),
    "the recipes are dull": _unit((4, 1.0)),
    "the knife in the box is blunt": _unit((5, 1.0)),
}
WAVE = [*VECTORS, "I can't see the macros"]
"""Two people give the macros answer; everything else is said once."""


class TableEmbedder:
    """Each known text has its hand-made vector."""

    name = "table-fake"
    fingerprint = "table-fake"

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.stack([VECTORS[text] for text in texts])


def _statements(texts: list[str]) -> list[Statement]:
    return [
        Statement(
            id=f"r{number:02d}:0:0-{len(text)}",
            document_id="wave2",
            participant_id=f"r{number:02d}",
            turn_index=0,
            text=text,
            start_char=0,
            end_char=len(text),
            kind="pain_point",
            confidence=0.9,
        )
        for number, text in enumerate(texts)
    ]


BASELINE = Theme(
    id="pain_point-01",
    kind="pain_point",
    label="Late delivery",
    centroid=VECTORS["the delivery was late"].tolist(),
    min_similarity=0.5,
)


def test_a_member_held_in_place_only_by_its_own_weight_leaves_and_its_cluster_dissolves():
    repeated, odd = [1.0, 0.0], [0.2, 0.98]
    vectors = np.array([repeated, repeated, odd, odd, odd])
    # the odd row is 0.2-similar to the other two members: it leaves; the pair stays (size 2)
    assert held_out_fit(vectors, np.array([0, 0, 0, 1, 1]), 0.5, 2).tolist() == [0, 0, -1, 1, 1]
    # at size 3 the pair dissolves too (the second cluster is too small from the start)
    assert held_out_fit(vectors, np.array([0, 0, 0, 1, 1]), 0.5, 3).tolist() == [-1] * 5
    # a tight cluster is untouched, whatever its size
    tight = np.array([[1.0, 0.0], [0.99, 0.1], [0.99, -0.1]])
    assert held_out_fit(tight, np.array([0, 0, 0]), 0.5, 3).tolist() == [0, 0, 0]


def test_the_left_overs_cluster_into_a_theme_held_together_by_its_odd_member():
    """The defect's shape: without the held-out rule, the two macros answers and the odd answer
    (0.2-similar to them) form a theme of three, each member clearing the threshold through
    its own share of the centroid."""
    left = [text for text in sorted(WAVE) if "late" not in text]
    vectors = TableEmbedder().encode(left)
    plain = theme_canonical(left, vectors, [None] * len(left), 3, 50, 4)
    macros = {plain.labels[i] for i, text in enumerate(left) if "macros" in text}
    assert len(macros) == 1 and -1 not in macros
    odd = left.index("I cook whatever is fastest")
    assert plain.labels[odd] in macros
    fitted = theme_canonical(left, vectors, [None] * len(left), 3, 50, 4, held_out=True)
    assert fitted.sizes == [3]
    assert {left[i] for i in np.flatnonzero(fitted.labels == 0)} == {
        text for text in left if "plastic" in text
    }


def test_a_later_wave_flags_new_only_the_themes_whose_members_fit_them_held_out():
    config = ThemeConfig(min_theme_size=3)
    statements = _statements(WAVE)
    participants = [Participant(id=s.participant_id) for s in statements]
    coded, themes = build_themes(
        statements, TableEmbedder(), participants, config, baseline=[BASELINE]
    )
    theme_of = {s.text: s.theme_id for s in coded}
    assert {theme_of[text] for text in VECTORS if "late" in text} == {"pain_point-01"}
    new = [t for t in themes if t.new]
    assert [t.id for t in new] == ["pain_point-02"]
    assert {theme_of[text] for text in VECTORS if "plastic" in text} == {"pain_point-02"}
    # the repeated answer and the odd one stay unthemed, as misfits of the baseline do
    assert theme_of["I can't see the macros"] is None
    assert theme_of["I cook whatever is fastest"] is None
    # the same statements in another order: the same themes
    shuffled = statements[:]
    random.Random(3).shuffle(shuffled)
    _, again = build_themes(shuffled, TableEmbedder(), participants, config, baseline=[BASELINE])
    assert [t.model_dump() for t in again] == [t.model_dump() for t in themes]
