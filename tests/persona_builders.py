"""Hand-made participants, statements and themes with three clear groups (no model needed)."""

from __future__ import annotations

from persona_nlp.schema import Participant, Quote, Statement, Theme

THEMES = {
    # id: (kind, label, keywords)
    "goal-01": ("goal", "wait for deals and sales", ["deal", "sale", "price"]),
    "goal-02": ("goal", "buy sustainable organic food", ["sustainable", "organic"]),
    "goal-03": ("goal", "save time with fast delivery", ["time", "fast"]),
    "pain_point-01": ("pain_point", "delivery fee too high", ["fee", "delivery"]),
    "pain_point-02": ("pain_point", "plastic packaging", ["plastic", "packaging"]),
    "pain_point-03": ("pain_point", "late deliveries", ["late", "slot"]),
    "channel-01": ("channel", "discount newsletters", ["newsletter", "coupon"]),
    "channel-02": ("channel", "instagram accounts", ["instagram"]),
    "channel-03": ("channel", "app notifications", ["app", "notification"]),
    "mindset-01": ("mindset", "fresh produce matters", ["fresh", "vegetables"]),
}
GROUPS = {"a": "01", "b": "02", "c": "03"}


def make_data(sparse: bool = True):
    """12 core participants in three groups (a, b, c) plus a common theme; s1 sparse, s2 silent."""
    spoken: dict[str, list[str]] = {}
    for group, number in GROUPS.items():
        size = 5 if group == "a" else 4 if group == "b" else 3
        for i in range(1, size + 1):
            pid = f"{group}{i}"
            spoken[pid] = [f"goal-{number}", f"pain_point-{number}", f"channel-{number}"]
            if i % 2:
                spoken[pid].append("mindset-01")
    if sparse:
        spoken["s1"] = ["goal-01"]
    participants = [
        Participant(
            id=pid,
            metadata={
                "segment": "new" if pid.endswith("1") else "returning",
                "email": f"{pid}@x.org",
            },
        )
        for pid in sorted(spoken)
    ]
    if sparse:
        participants.append(Participant(id="s2"))
    statements = []
    for pid, theme_ids in spoken.items():
        for n, tid in enumerate(theme_ids):
            text = f"{pid} says: {THEMES[tid][1]}"
            statements.append(
                Statement(
                    id=f"{pid}:{n}:0",
                    document_id=pid,
                    participant_id=pid,
                    turn_index=n,
                    text=text,
                    start_char=0,
                    end_char=len(text),
                    kind=THEMES[tid][0],
                    confidence=0.9 - 0.01 * n,
                    theme_id=tid,
                )
            )
    themes = []
    for tid, (kind, label, keywords) in THEMES.items():
        members = [s for s in statements if s.theme_id == tid]
        themes.append(
            Theme(
                id=tid,
                kind=kind,
                label=label,
                keywords=keywords,
                statement_ids=[s.id for s in members],
                participant_ids=sorted({s.participant_id for s in members}),
                quotes=[
                    Quote(
                        statement_id=members[-1].id,
                        participant_id=members[-1].participant_id,
                        text=members[-1].text,
                    )
                ],
            )
        )
    return participants, statements, themes
