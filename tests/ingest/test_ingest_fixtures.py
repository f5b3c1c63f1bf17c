"""Realistic exports (Zoom, Teams, Otter, Word, survey tools) in six languages: every respondent
sentence lands in a respondent turn of the right participant, and no interviewer sentence does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from _ingest_builders import DOCX_TURNS, make_docx, make_xlsx

from persona_nlp.config import IngestConfig
from persona_nlp.ingest import ingest, summarize
from persona_nlp.schema import Corpus

DATA = Path(__file__).parents[1] / "data" / "ingest"

# participant id -> sentences they said (each must sit in one of their respondent turns)
RESPONDENT_SENTENCES: dict[str, list[str]] = {
    "zoom_en": [
        "Most weeks I order online from the big supermarket app, because it saves me about two hours on a Saturday.",
        "When my daughter was born I simply had no time to walk around a shop.",
        "The delivery slots in the evening were the only thing that fit our routine.",
        "Once they replaced oat milk with cream, and nobody asked me first.",
        "A colleague showed it to me during lunch.",
    ],
    "teams_da": [
        "Jeg kigger altid på nettet først, men jeg vil gerne røre ved sofaen, før jeg betaler så mange penge.",
        "Leveringen tog seks uger, og ingen kunne fortælle os hvorfor.",
        "Min svoger anbefalede jer & jeres showroom i Aarhus.",
    ],
    "focusgroup_nl/Sanne": [
        "Ik ga twee keer per week naar de markt, want daar is de groente verser.",
        "De bezorgkosten van zes euro vind ik gewoon te hoog voor een kleine bestelling.",
        "Via een advertentie op Instagram.",
    ],
    "focusgroup_nl/Pieter": [
        "Ik bestel bijna alles online sinds mijn knieoperatie.",
        "Alleen de tijdvakken zijn soms al vol.",
        "Mijn dochter heeft de app voor mij geïnstalleerd.",
    ],
    "otter_en/Lena Fox": [
        "I mostly ride to work, so I plan around the weather forecast the night before.",
        "The battery died after twenty kilometres, which is not enough for my commute.",
        "A review on YouTube convinced me to try it.",
    ],
    "otter_en/Omar Haddad": [
        "I use an app that shows the bike lanes, because the main road scares me. It has a map with the safest routes.",
        "Mine was too heavy to carry up the stairs to my flat.",
        "My neighbour lent me his for a weekend.",
    ],
    "timestamps_nb": [
        "Jeg handler nesten bare på nett, fordi butikkene her har lite utvalg.",
        "Returfristen var bare fjorten dager. Det synes jeg er for kort når man bestiller flere størrelser.",
        "En venninne tipset meg på Facebook.",
    ],
    "qa_en": [
        "About three times a week, mostly on weekdays when I work late.",
        "The service fee keeps changing and I only see it at checkout. It feels a bit sneaky.",
        "I would pay more for packaging that is not plastic.",
    ],
    "pj_id": [
        "Biasanya saya beli di marketplace karena harganya lebih murah daripada di mal.",
        "Ukurannya sering tidak sesuai dengan tabel ukuran. Saya sudah dua kali mengembalikan celana.",
        "Dari grup WhatsApp ibu-ibu di sekolah.",
    ],
    "label_alone_vi": [
        "Tôi thường mua trên Shopee vì có nhiều mã giảm giá. Nhưng tôi luôn đọc đánh giá trước khi mua.",
        "Tôi sợ mua phải hàng giả, nên tôi chỉ mua ở cửa hàng chính hãng.",
        "Qua một video trên TikTok của một người bạn.",
    ],
    "interview_da": [text for speaker, text in DOCX_TURNS if speaker == "Birgitte"],
    "DK-001": [
        "Jeg vil gerne have en sofa, som hele familien kan ligge i",
        "Fragten på 499 kr. var næsten for meget",
    ],
    "DK-003": ["Leveringstiden på otte uger fik mig til at tøve"],
    "NL-03": ["Ik twijfelde, want de reviews waren gemengd"],
    "NL-02": ["I want a simple skincare routine for busy mornings"],
    "VN-101": ["Phí vận chuyển quá cao so với giá áo"],
    "NO-9": ["Jeg fant ikke størrelsestabellen på mobilen"],
    "W1-03": ["I could not find the size guide on my phone"],
    "W2-01": [
        "Pengirimannya cepat dan gratis ongkir",
        "Saya ragu karena belum pernah dengar mereknya",
    ],
}

INTERVIEWER_SENTENCES = [
    "Could you tell me how you buy groceries at the moment?",
    "What made you start ordering online?",
    "Hvordan køber du normalt møbler?",
    "Hvad var det sværeste ved jeres sidste køb?",
    "Hoe doen jullie nu boodschappen?",
    "Wat houdt jullie tegen om vaker online te bestellen?",
    "To start, how do you usually plan your rides?",
    "And Omar, how about you?",
    "Where did you first hear about the new model?",
    "Hvordan kjøper du klær i dag?",
    "What annoys you most about the apps?",
    "Bagaimana biasanya Anda membeli pakaian anak?",
    "Chị thường mua mỹ phẩm ở đâu?",
    "Hvor hørte du om mærket?",
]

EXPECTED_LANGUAGES = {
    "zoom_en": "en",
    "teams_da": "da",
    "focusgroup_nl": "nl",
    "otter_en": "en",
    "timestamps_nb": "nb",
    "qa_en": "en",
    "pj_id": "id",
    "label_alone_vi": "vi",
    "interview_da": "da",
    "survey_da": "da",
    "survey_nl": "nl",
    "survey_vi": "vi",
    "survey_nb": "nb",
    "workbook/Wave 1": "en",
    "workbook/Wave 2": "id",
}


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("study")
    for file in DATA.iterdir():
        if file.is_file():
            shutil.copy(file, folder / file.name)
    make_docx(folder / "interview_da.docx")
    make_xlsx(folder / "workbook.xlsx")
    return folder


@pytest.fixture(scope="module")
def corpus(study: Path) -> Corpus:
    return ingest([study], IngestConfig())


def test_every_respondent_sentence_lands_with_its_participant(corpus: Corpus) -> None:
    for participant_id, sentences in RESPONDENT_SENTENCES.items():
        own = [
            t.text
            for d in corpus.documents
            for t in d.turns
            if t.role == "respondent" and t.participant_id == participant_id
        ]
        assert own, f"no respondent turns for {participant_id}"
        for sentence in sentences:
            assert any(sentence in text for text in own), (participant_id, sentence)


def test_no_interviewer_sentence_is_in_a_respondent_turn(corpus: Corpus) -> None:
    respondent_text = [t.text for d in corpus.documents for t in d.turns if t.role != "interviewer"]
    interviewer_text = [
        t.text for d in corpus.documents for t in d.turns if t.role == "interviewer"
    ]
    for sentence in INTERVIEWER_SENTENCES:
        assert not any(sentence in text for text in respondent_text), sentence
        assert any(sentence in text for text in interviewer_text), sentence
    assert all(
        t.participant_id is None
        for d in corpus.documents
        for t in d.turns
        if t.role == "interviewer"
    )


def test_languages_are_detected_per_document(corpus: Corpus) -> None:
    found = {d.id: d.language for d in corpus.documents}
    assert found == EXPECTED_LANGUAGES


def test_turns_are_dense_and_point_at_their_source_line(corpus: Corpus, study: Path) -> None:
    for document in corpus.documents:
        assert [t.index for t in document.turns] == list(range(len(document.turns)))
        if document.format in ("txt", "vtt", "srt"):
            lines = (study / Path(document.path).name).read_bytes().decode("utf-8").split("\n")
            for turn in document.turns:
                first_word = turn.text.split()[0]
                assert turn.line is not None
                source = lines[turn.line - 1]  # the turn's first text line, or its label line
                assert first_word in source or turn.speaker in source, (document.id, turn.index)


def test_participants_and_metadata(corpus: Corpus) -> None:
    by_id = {p.id: p for p in corpus.participants}
    assert by_id["DK-001"].metadata == {
        "Segment": "Ny kunde",
        "Aldersgruppe": "25-34",
        "Land": "Danmark",
    }
    assert by_id["W1-01"].metadata == {
        "Segment": "new",
        "Age band": "25-34",
        "Signed up": "2024-01-03",
    }
    assert by_id["interview_da"].metadata["By"] == "Odense"
    assert "NL-04" not in by_id  # answered nothing
    assert [p.id for p in corpus.participants] == sorted(by_id)
    docx = next(d for d in corpus.documents if d.id == "interview_da")
    assert docx.title == "Interview 04 – cykelkøb"
    assert docx.metadata == {
        "Dato": "2024-04-02",
        "Alder": "41",
        "By": "Odense",
        "Stilling": "Sygeplejerske",
    }


def test_survey_turns_carry_column_question_and_language(corpus: Corpus) -> None:
    survey = next(d for d in corpus.documents if d.id == "survey_da")
    assert survey.kind == "survey" and survey.format == "csv"
    first = survey.turns[0]
    assert first.speaker == first.participant_id == "DK-001"
    assert first.column == first.question == "Hvad håber du at opnå med dit køb?"
    assert first.line == 2 and first.language == "da"


def test_summary_counts_skipped_cells_exactly(corpus: Corpus) -> None:
    summary = summarize(corpus)
    # survey_da: 1 blank + 2 non-answers; survey_nl: 1 blank + 2; survey_nb: 1 + 1; survey_vi: 1;
    # workbook: Wave 1 1 blank + 1 non-answer, Wave 2 1 non-answer
    assert summary["skipped_by_reason"]["blank"] == 4
    assert summary["skipped_by_reason"]["non_answer"] == 8
    assert summary["skipped_by_reason"]["no_text_column"] == 1  # the codebook sheet
    assert summary["documents_by_kind"] == {"interview": 9, "survey": 6}
    assert summary["turns_by_role"]["unknown"] == 0


def test_order_of_inputs_does_not_matter(study: Path, corpus: Corpus) -> None:
    files = sorted(study.iterdir(), reverse=True)
    again = ingest([str(f) for f in files], IngestConfig())
    assert [d.id for d in again.documents] == [d.id for d in corpus.documents]
    assert again.model_dump(exclude={"documents": {"__all__": {"path"}}}) == corpus.model_dump(
        exclude={"documents": {"__all__": {"path"}}}
    )
