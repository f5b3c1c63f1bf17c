"""Survey tables: CSV/TSV, XLSX, JSON, JSONL — columns, answers, non-answers, streaming."""

from __future__ import annotations

import csv
import json
import time
import tracemalloc
from pathlib import Path

import pytest
from _ingest_builders import make_xlsx

from persona_nlp.config import IngestConfig
from persona_nlp.errors import InputError
from persona_nlp.ingest import ingest, skipped_count, summarize
from persona_nlp.ingest._columns import (
    column_stats,
    detect_id_column,
    detect_text_columns,
    is_free_text,
    is_non_answer,
)
from persona_nlp.ingest.tabular import cell_text, sniff_delimiter

ROWS = [
    [
        "ResponseId",
        "Submitted",
        "Email",
        "Segment",
        "Age band",
        "Country",
        "NPS",
        "Why did you buy?",
        "Comments",
    ],
    [
        "R1",
        "2024-03-01 10:00",
        "a@x.io",
        "new",
        "25-34",
        "UK",
        "9",
        "The price was lower than in the shops",
        "Great service from the driver",
    ],
    [
        "R2",
        "2024-03-01 11:00",
        "b@x.io",
        "returning",
        "35-44",
        "UK",
        "7",
        "A friend recommended the brand to me",
        "n/a",
    ],
    [
        "R3",
        "2024-03-02 09:30",
        "c@x.io",
        "new",
        "25-34",
        "IE",
        "10",
        "",
        "Packaging was far too big for two mugs",
    ],
    [
        "R4",
        "2024-03-02 12:00",
        "d@x.io",
        "returning",
        "45-54",
        "UK",
        "6",
        "I needed a gift quickly for my mum",
        "-",
    ],
    [
        "R5",
        "2024-03-03 08:15",
        "e@x.io",
        "new",
        "18-24",
        "UK",
        "8",
        "nothing",
        "Checkout kept logging me out on my phone",
    ],
]


def _csv(
    tmp_path: Path,
    rows: list[list[str]],
    name: str = "survey.csv",
    delimiter: str = ",",
    encoding: str = "utf-8",
) -> Path:
    path = tmp_path / name
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def test_columns_detected_and_answers_become_turns(tmp_path: Path) -> None:
    corpus = ingest([_csv(tmp_path, ROWS)], IngestConfig(strict=True))
    doc = corpus.documents[0]
    assert doc.kind == "survey" and doc.id == "survey" and doc.language == "en"
    assert {t.column for t in doc.turns} == {"Why did you buy?", "Comments"}
    assert len(doc.turns) == 6
    r3 = [t for t in doc.turns if t.participant_id == "R3"]
    assert [(t.column, t.text, t.line) for t in r3] == [
        ("Comments", "Packaging was far too big for two mugs", 4)
    ]
    participant = next(p for p in corpus.participants if p.id == "R1")
    assert participant.metadata == {
        "Submitted": "2024-03-01 10:00",
        "Email": "a@x.io",
        "Segment": "new",
        "Age band": "25-34",
        "Country": "UK",
        "NPS": "9",
    }
    reasons = {(s.column, s.reason): skipped_count(s) for s in corpus.skipped}
    assert reasons == {
        ("Why did you buy?", "blank"): 1,
        ("Why did you buy?", "non_answer"): 1,
        ("Comments", "non_answer"): 2,
    }


def test_given_columns_and_questions(tmp_path: Path) -> None:
    config = IngestConfig(
        id_column="email",
        text_columns=["why did you buy?"],
        questions={"Why did you buy?": "What made you buy today?"},
    )
    doc = ingest([_csv(tmp_path, ROWS)], config).documents[0]
    assert {t.column for t in doc.turns} == {"Why did you buy?"}
    assert (
        doc.turns[0].participant_id == "a@x.io"
        and doc.turns[0].question == "What made you buy today?"
    )


def test_missing_given_column_names_the_columns(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"no column 'rid' \(columns: 'ResponseId'") as caught:
        ingest([_csv(tmp_path, ROWS)], IngestConfig(id_column="rid", strict=True))
    assert "--id-column" in str(caught.value)


def test_no_free_text_column_names_the_fix(tmp_path: Path) -> None:
    rows = [["id", "segment", "score"], ["1", "a", "3"], ["2", "b", "4"]]
    with pytest.raises(InputError, match="--text-column NAME") as caught:
        ingest([_csv(tmp_path, rows)], IngestConfig(strict=True))
    assert caught.value.reason == "no_text_column"


def test_semicolon_cp1252_and_tsv(tmp_path: Path) -> None:
    rows = [
        ["id", "Hvad savnede du?"],
        ["1", "Bedre størrelsesguide på mobilen, tak"],
        ["2", "Hurtigere levering til Æbelø"],
    ]
    semicolon = _csv(tmp_path, rows, "da.csv", ";", "cp1252")
    tabbed = _csv(tmp_path, rows, "da2.tsv", "\t", "utf-8")
    corpus = ingest([semicolon, tabbed], IngestConfig(strict=True))
    for doc in corpus.documents:
        assert [t.text for t in doc.turns] == [rows[1][1], rows[2][1]]
        assert doc.turns[0].question == "Hvad savnede du?"
    assert sniff_delimiter("a|b|c\n1|2, x|3\n") == "|"


def test_xlsx_with_several_sheets(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "waves.xlsx")
    corpus = ingest([path], IngestConfig())
    assert [d.id for d in corpus.documents] == ["waves/Wave 1", "waves/Wave 2"]
    assert [d.language for d in corpus.documents] == ["en", "id"]
    assert [(s.item, s.reason) for s in corpus.skipped if s.item == "sheet"] == [
        ("sheet", "no_text_column")
    ]
    assert "Codebook" in next(s.message for s in corpus.skipped if s.item == "sheet")
    wave2 = corpus.documents[1]
    assert wave2.turns[0].line == 2 and wave2.title == "Wave 2"
    only = ingest([path], IngestConfig(sheet="Wave 2", strict=True))
    assert [d.id for d in only.documents] == ["waves"]
    with pytest.raises(InputError, match="no sheet 'Wave 9'"):
        ingest([path], IngestConfig(sheet="Wave 9", strict=True))


def test_json_and_jsonl(tmp_path: Path) -> None:
    records = [
        {
            "id": "a",
            "plan": "pro",
            "feedback": {"liked": "Fast sync between my laptop and phone", "missing": "none"},
        },
        {
            "id": "b",
            "plan": "free",
            "feedback": {
                "liked": "The calendar view is very clear",
                "missing": "A dark mode for night work",
            },
        },
    ]
    (tmp_path / "s.json").write_text(
        json.dumps({"meta": {"n": 2}, "responses": records}), encoding="utf-8"
    )
    lines = [json.dumps(r) for r in records] + ["", "{not json", "[1, 2]"]
    (tmp_path / "s2.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = ingest([tmp_path], IngestConfig())
    by_id = {d.id: d for d in corpus.documents}
    for doc_id in ("s", "s2"):
        assert [(t.participant_id, t.column) for t in by_id[doc_id].turns] == [
            ("a", "feedback.liked"),
            ("b", "feedback.liked"),
            ("b", "feedback.missing"),
        ]
    bad = sorted((s.reason, s.line) for s in corpus.skipped if s.item == "row")
    assert bad == [("invalid_json", 4), ("not_object", 5)]
    with pytest.raises(InputError, match="s2.jsonl:4: invalid JSON line"):
        ingest([tmp_path / "s2.jsonl"], IngestConfig(strict=True))


def test_same_respondent_in_two_files_is_one_participant(tmp_path: Path) -> None:
    a = _csv(tmp_path, [["id", "q"], ["R1", "I love the new recipes every week"]], "a.csv")
    b = _csv(tmp_path, [["id", "q"], ["R1", "The boxes arrive late on Fridays now"]], "b.csv")
    corpus = ingest([b, a], IngestConfig(text_columns=["q"]))
    assert [(p.id, p.document_ids) for p in corpus.participants] == [("R1", ["a", "b"])]


def test_rows_without_id_are_numbered(tmp_path: Path) -> None:
    rows = [
        ["What should we improve?"],
        ["Make the checkout shorter please"],
        ["Offer gift wrapping for birthdays"],
    ]
    doc = ingest([_csv(tmp_path, rows, "anon.csv")], IngestConfig(strict=True)).documents[0]
    assert [t.participant_id for t in doc.turns] == ["anon#2", "anon#3"]


@pytest.mark.parametrize(
    "value",
    ["n/a", "N/A.", "-", "--", ".", "...", "Nothing", "no", "None!", "idk", "ingen", "Intet", "nei", "niks",
     "geen", "tidak ada", "Không", "không có", "nvt", "  "],
)  # fmt: skip
def test_non_answers(value: str) -> None:
    assert is_non_answer(value)


@pytest.mark.parametrize(
    "value",
    ["No delivery on Sundays", "Nothing beats the price", "Ingen levering", "không có mã giảm giá"],
)
def test_real_answers_are_not_non_answers(value: str) -> None:
    assert not is_non_answer(value)


def test_column_detection_rules() -> None:
    sample = [
        {"uid": f"u{i}", "segment": ["new", "old"][i % 2], "band": "25-34", "date": f"2024-01-{i + 1:02d}",
         "open": f"I would like option number {i} because it is better", "short": ["price", "speed", "size"][i % 3]}
        for i in range(25)
    ]  # fmt: skip
    headers = list(sample[0])
    assert detect_id_column(headers, sample) == "uid"
    assert detect_text_columns(headers, sample, exclude="uid") == ["open"]
    # a question header needs less evidence: short, repeated answers still count
    reasons = [
        "Shipping cost",
        "Too expensive",
        "Slow site",
        "No reviews",
        "Sizes unclear",
        "Bad photos",
        "Long delivery",
        "Return fee",
    ]
    sample_q = [
        {**row, "What almost stopped you?": reasons[i % len(reasons)]}
        for i, row in enumerate(sample)
    ]
    assert "What almost stopped you?" in detect_text_columns(
        [*headers, "What almost stopped you?"], sample_q, "uid"
    )
    assert not is_free_text(column_stats("x", ["1", "2", "3"]))


def test_cell_text() -> None:
    assert (
        cell_text(12.5) == "12.5"
        and cell_text([1, "a"]) == "1; a"
        and cell_text({"a": 1}) == '{"a": 1}'
    )


@pytest.mark.slow
def test_50000_rows_are_streamed_fast_and_light(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["respondent_id", "segment", "What could we do better?"])
        for i in range(50_000):
            answer = (
                "n/a"
                if i % 10 == 0
                else f"Please make delivery to area {i % 5000} faster and cheaper"
            )
            writer.writerow([f"R{i:05d}", ["new", "returning"][i % 2], answer])
    tracemalloc.start()
    started = time.perf_counter()
    corpus = ingest([path], IngestConfig(language="en"))
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    summary = summarize(corpus)
    assert summary["turns"] == 45_000 and summary["skipped_by_reason"] == {"non_answer": 5_000}
    assert summary["participants"] == 45_000
    assert elapsed < 60, elapsed
    # the corpus itself is most of the memory: ~45k turns and participants
    assert peak < 400 * 2**20, peak


def test_qualtrics_export_header_rows_give_the_questions(tmp_path: Path) -> None:
    rows = [
        ["StartDate", "Status", "IPAddress", "Progress", "ResponseId", "UserLanguage", "Q1", "Q2_TEXT"],
        ["Start Date", "Response Type", "IP Address", "Progress", "Response ID", "User Language",
         "How satisfied are you?", "What would you improve?"],
        ['{"ImportId":"startDate"}', '{"ImportId":"status"}', '{"ImportId":"ipAddress"}', '{"ImportId":"progress"}',
         '{"ImportId":"_recordId"}', '{"ImportId":"userLanguage"}', '{"ImportId":"QID1"}', '{"ImportId":"QID2_TEXT"}'],
        ["2024-05-01 10:00:00", "IP Address", "10.0.0.1", "100", "R_1aB", "EN", "4", "Let me pause my subscription for a month"],
        ["2024-05-01 11:00:00", "IP Address", "10.0.0.2", "100", "R_2cD", "EN", "2", "Cheaper shipping to the islands please"],
        ["2024-05-02 09:00:00", "IP Address", "10.0.0.3", "100", "R_3eF", "EN", "5", "Nothing, it is perfect"],
    ]  # fmt: skip
    doc = ingest([_csv(tmp_path, rows, "qualtrics.csv")], IngestConfig(strict=True)).documents[0]
    assert [(t.participant_id, t.column, t.question, t.line) for t in doc.turns] == [
        ("R_1aB", "Q2_TEXT", "What would you improve?", 4),
        ("R_2cD", "Q2_TEXT", "What would you improve?", 5),
        ("R_3eF", "Q2_TEXT", "What would you improve?", 6),
    ]


def test_surveymonkey_second_header_row_is_dropped(tmp_path: Path) -> None:
    rows = [
        ["Respondent ID", "Collector ID", "What should we do better?", "Which plan?"],
        ["", "", "Open-Ended Response", "Response"],
        ["114001", "4321", "Answer support emails within a day", "Pro"],
        ["114002", "4321", "A cheaper plan for students would help", "Free"],
    ]
    doc = ingest([_csv(tmp_path, rows, "monkey.csv")], IngestConfig(strict=True)).documents[0]
    assert [t.participant_id for t in doc.turns] == ["114001", "114002"]
    assert {t.column for t in doc.turns} == {"What should we do better?"}


def test_short_open_answers_with_a_long_tail_are_text(tmp_path: Path) -> None:
    # "How did you hear about us?" gets one-word answers that repeat at the top, with a long
    # tail of distinct ones; a choice column has a handful of values.
    top = ["Instagram", "Google", "A friend", "TikTok"]
    tail = [f"{name} told me" for name in ("Anna", "Bo", "Carl", "Dina", "Eva", "Finn")]
    tail += [f"Podcast {n}" for n in range(25)]
    answers = [top[n % 4] for n in range(170)] + tail
    rows = [["id", "How did you hear about us?", "Which plan?", "What would you change?"]]
    for n, answer in enumerate(answers):
        plan = ("Basic", "Pro", "Family")[n % 3]
        rows.append([f"r{n}", answer, plan, f"Cheaper delivery on order number {n}"])
    corpus = ingest([_csv(tmp_path, rows)], IngestConfig(language="en"))
    columns = {t.column for t in corpus.documents[0].turns}
    assert columns == {"How did you hear about us?", "What would you change?"}
    notes = [s for s in corpus.skipped if s.reason == "kept_as_metadata"]
    assert [(s.item, s.column, s.count) for s in notes] == [("column", "Which plan?", len(answers))]
    assert "--text-column 'Which plan?'" in notes[0].message
    assert corpus.participants[0].metadata["Which plan?"] == "Basic"


def test_question_column_left_out_of_a_small_survey_is_reported(tmp_path: Path) -> None:
    rows = [
        ["id", "What almost stopped you from buying?", "How did you find us?"],
        ["r1", "The delivery fee was far too high for me", "Instagram"],
        ["r2", "I could not tell which size would fit", "Friends"],
        ["r3", "Returns cost money and that worried me", "Google"],
    ]
    corpus = ingest([_csv(tmp_path, rows)], IngestConfig(language="en"))
    assert {t.column for t in corpus.documents[0].turns} == {"What almost stopped you from buying?"}
    (note,) = [s for s in corpus.skipped if s.reason == "kept_as_metadata"]
    assert note.column == "How did you find us?" and note.count == 3
    assert note.message.endswith("--text-column 'How did you find us?'")
    # naming the column analyses it, and nothing is reported
    named = ingest(
        [_csv(tmp_path, rows)],
        IngestConfig(
            language="en",
            text_columns=["What almost stopped you from buying?", "How did you find us?"],
        ),
    )
    assert len(named.documents[0].turns) == 6
    assert not [s for s in named.skipped if s.reason == "kept_as_metadata"]
