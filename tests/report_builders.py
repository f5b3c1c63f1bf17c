"""A hand-made Analysis shared by the report, redaction and browser tests.

Built directly from the schema models, so these tests do not depend on the upstream stages.
It holds the awkward cases on purpose: HTML and Markdown special characters in user text,
personal data (names, e-mails, phone numbers, a personal URL), a survey and two interviews in
two languages, an unthemed statement and skipped items.
"""

from __future__ import annotations

import numpy as np

from persona_nlp.schema import (
    Analysis,
    Document,
    Manifest,
    Participant,
    Persona,
    PersonaMember,
    PersonaTheme,
    Prevalence,
    Skipped,
    Statement,
    Theme,
    Turn,
)
from persona_nlp.themes.quotes import quote_of

INTERVIEW_EN = [
    ("Interviewer", "interviewer", "Thanks for joining, Anna. What do you train for?", 1.0),
    (
        "Anna Hansen",
        "respondent",
        "I want to run my first marathon next spring. Shipping at 79 kr is too much for a pair "
        "of socks <script>alert(1)</script>. My friend Mette Larsen buys everything on sale.",
        12.0,
    ),
    ("Interviewer", "interviewer", "How do you find new gear?", 190.0),
    (
        "Anna Hansen",
        "respondent",
        "I watch reviews on YouTube | and Instagram. Mail me at anna.hansen@example.com or call "
        "+45 22 33 44 55, or see https://www.instagram.com/anna.runs?igshid=abc123.",
        192.4,
    ),
]

INTERVIEW_DA = [
    ("Moderator", "interviewer", "Hvad leder du efter?", None),
    (
        "Lars",
        "respondent",
        "Jeg venter altid på udsalg. Fragten er for dyr, siger min kone Sofie.",
        None,
    ),
    ("Moderator", "interviewer", "Og størrelser?", None),
    ("Lars", "respondent", "Jeg er bange for at størrelsen ikke passer *igen*.", None),
]

SURVEY = [
    ("r01", "I always read the reviews before I buy."),
    ("r02", "Delivery costs too much, I wait for free shipping."),
    ("r03", "Sizes never fit me, so I hesitate."),
]


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def make_analysis() -> Analysis:
    """A small but complete Analysis: 2 interviews, a survey, 5 participants, 2 personas."""
    documents = [
        Document(
            id="p01",
            path="interviews/p01.vtt",
            kind="interview",
            language="en",
            format="vtt",
            metadata={"Name": "Anna Hansen", "City": "Aarhus"},
            turns=[
                Turn(
                    index=i,
                    speaker=speaker,
                    role=role,
                    participant_id="p01" if role == "respondent" else None,
                    text=text,
                    start=start,
                    end=None if start is None else start + 10,
                    line=3 + 4 * i,
                )
                for i, (speaker, role, text, start) in enumerate(INTERVIEW_EN)
            ],
        ),
        Document(
            id="p02",
            path="interviews/p02.txt",
            kind="interview",
            language="da",
            format="txt",
            turns=[
                Turn(
                    index=i,
                    speaker=speaker,
                    role=role,
                    participant_id="p02" if role == "respondent" else None,
                    text=text,
                    line=1 + i,
                )
                for i, (speaker, role, text, _) in enumerate(INTERVIEW_DA)
            ],
        ),
        Document(
            id="survey",
            path="survey.csv",
            kind="survey",
            language="en",
            format="csv",
            turns=[
                Turn(
                    index=i,
                    speaker=rid,
                    role="respondent",
                    participant_id=rid,
                    text=text,
                    line=i + 2,
                    column="q1",
                    question="What almost stopped you from buying?",
                    language="en",
                )
                for i, (rid, text) in enumerate(SURVEY)
            ],
        ),
    ]
    participants = [
        Participant(id="p01", document_ids=["p01"], speaker="Anna Hansen"),
        Participant(id="p02", document_ids=["p02"], speaker="Lars"),
        Participant(id="r01", document_ids=["survey"], metadata={"segment": "new"}),
        Participant(id="r02", document_ids=["survey"], metadata={"segment": "returning"}),
        Participant(id="r03", document_ids=["survey"], metadata={"segment": "new"}),
    ]
    spec = [
        # (doc, turn, part, kind, theme)
        ("p01", 1, "I want to run my first marathon next spring.", "goal", "goal-00"),
        (
            "p01",
            1,
            "Shipping at 79 kr is too much for a pair of socks <script>alert(1)</script>.",
            "objection",
            "objection-00",
        ),
        ("p01", 1, "My friend Mette Larsen buys everything on sale.", "mindset", "mindset-00"),
        ("p01", 3, "I watch reviews on YouTube | and Instagram.", "channel", "channel-00"),
        ("p02", 1, "Jeg venter altid på udsalg.", "mindset", "mindset-00"),
        ("p02", 1, "Fragten er for dyr, siger min kone Sofie.", "objection", "objection-00"),
        ("p02", 3, "Jeg er bange for at størrelsen ikke passer *igen*.", "pain_point", None),
        ("survey", 0, "I always read the reviews before I buy.", "channel", "channel-00"),
        (
            "survey",
            1,
            "Delivery costs too much, I wait for free shipping.",
            "objection",
            "objection-00",
        ),
        ("survey", 2, "Sizes never fit me, so I hesitate.", "pain_point", None),
    ]
    by_id = {d.id: d for d in documents}
    statements = []
    for doc_id, turn_index, part, kind, theme_id in spec:
        turn = by_id[doc_id].turns[turn_index]
        start, end = _span(turn.text, part)
        statements.append(
            Statement(
                id=f"{doc_id}:{turn_index}:{start}-{end}",
                document_id=doc_id,
                participant_id=turn.participant_id or "",
                turn_index=turn_index,
                speaker=turn.speaker,
                text=part,
                start_char=start,
                end_char=end,
                timestamp=turn.start,
                language=turn.language or by_id[doc_id].language,
                kind=kind,
                confidence=0.8,
                cues=[],
                theme_id=theme_id,
            )
        )

    def prevalence(n: int, total: int = 5) -> Prevalence:
        share = n / total
        return Prevalence(
            participants=n,
            total=total,
            share=share,
            ci_low=max(share - 0.3, 0.0),
            ci_high=min(share + 0.3, 1.0),
        )

    labels = {
        "goal-00": ("run a marathon", ["marathon", "run", "spring"]),
        "objection-00": (
            "delivery cost | shipping <too high>",
            ["shipping", "fragten", "delivery"],
        ),
        "mindset-00": ("waits for the sale", ["sale", "udsalg"]),
        "channel-00": ("reads reviews", ["reviews", "youtube", "instagram"]),
    }
    themes = []
    for theme_id, (label, keywords) in labels.items():
        members = [s for s in statements if s.theme_id == theme_id]
        people = sorted({s.participant_id for s in members})
        seen: set[str] = set()
        quotes = []
        for s in members:
            if s.participant_id not in seen:
                seen.add(s.participant_id)
                quotes.append(quote_of(s))
        themes.append(
            Theme(
                id=theme_id,
                kind=members[0].kind,
                label=label,
                keywords=keywords,
                statement_ids=[s.id for s in members],
                participant_ids=people,
                quotes=quotes,
                prevalence=prevalence(len(people)),
            )
        )
    personas = [
        Persona(
            id="persona-1",
            name="Bargain Bente",
            summary="Waits for the sale and objects to delivery cost (Bente is a made-up name).",
            participant_ids=["p02", "r02"],
            size=2,
            share=0.4,
            theme_ids={"objection": ["objection-00"], "mindset": ["mindset-00"]},
            themes=[
                PersonaTheme(
                    theme_id="objection-00",
                    kind="objection",
                    label=labels["objection-00"][0],
                    share=1.0,
                    lift=1.67,
                ),
                PersonaTheme(
                    theme_id="mindset-00",
                    kind="mindset",
                    label=labels["mindset-00"][0],
                    share=0.5,
                    lift=1.25,
                ),
            ],
            quotes=[quote_of(statements[5]), quote_of(statements[8])],
            members=[
                PersonaMember(participant_id="p02", confidence=0.9),
                PersonaMember(participant_id="r02", confidence=0.7),
            ],
            metadata_summary={"segment": {"returning": 1}},
        ),
        Persona(
            id="persona-2",
            name="Marathon Maja",
            summary="Trains for a marathon and reads reviews on YouTube before buying.",
            participant_ids=["p01", "r01", "r03"],
            size=3,
            share=0.6,
            theme_ids={"goal": ["goal-00"], "channel": ["channel-00"]},
            themes=[
                PersonaTheme(
                    theme_id="goal-00",
                    kind="goal",
                    label=labels["goal-00"][0],
                    share=0.33,
                    lift=1.67,
                ),
                PersonaTheme(
                    theme_id="channel-00",
                    kind="channel",
                    label=labels["channel-00"][0],
                    share=0.67,
                    lift=1.67,
                ),
            ],
            quotes=[quote_of(statements[0]), quote_of(statements[3])],
            members=[
                PersonaMember(participant_id="p01", confidence=0.8),
                PersonaMember(participant_id="r01", confidence=0.6),
                PersonaMember(participant_id="r03", confidence=0.5),
            ],
            metadata_summary={"segment": {"new": 2}},
        ),
    ]
    skipped = [
        Skipped(
            path="survey.csv",
            item="row",
            line=5,
            column="q1",
            reason="non_answer",
            message="answer 'n/a' is not an answer",
        ),
        Skipped(
            path="notes/empty.txt",
            item="file",
            reason="empty",
            message="the file is empty (fix: export it again)",
        ),
    ]
    return Analysis(
        documents=documents,
        participants=participants,
        statements=statements,
        themes=themes,
        personas=personas,
        skipped=skipped,
        manifest=Manifest(
            package_version="0.1.0",
            model_name="sentence-transformers/all-MiniLM-L6-v2",
            model_fingerprint="0123456789abcdef0123456789abcdef",
            seed=42,
            timings={"ingest": 0.1},
            counts={"statements": len(statements)},
        ),
    )


def make_embeddings(analysis: Analysis, dim: int = 16) -> np.ndarray:
    """Deterministic embeddings that put statements of one theme near each other."""
    rng = np.random.default_rng(0)
    centres = {t.id: rng.normal(size=dim) * 3 for t in analysis.themes}
    rows = [
        centres.get(s.theme_id, np.zeros(dim)) + rng.normal(size=dim) * 0.3
        for s in analysis.statements
    ]
    return np.asarray(rows, dtype=np.float32)
