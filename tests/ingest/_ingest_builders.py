"""Builders for the binary ingestion fixtures (.docx, .xlsx), generated at test time."""

from __future__ import annotations

from pathlib import Path

DOCX_TITLE = "Interview 04 – cykelkøb"
DOCX_METADATA = {"Dato": "2024-04-02", "Alder": "41", "By": "Odense", "Stilling": "Sygeplejerske"}
DOCX_TURNS = [
    ("Interviewer", "Tak fordi du ville være med. Hvordan kom du frem til din nye elcykel?"),
    ("Birgitte", "Jeg prøvede tre cykler hos forhandleren, før jeg besluttede mig."),
    ("Birgitte", "Batteriet skulle kunne holde hele vejen til hospitalet og hjem igen."),
    ("Interviewer", "Hvad var du mest i tvivl om?"),
    ("Birgitte", "Prisen på 24.000 kr. var mere, end vi havde budgetteret med."),
    ("Interviewer", "Hvor hørte du om mærket?"),
    ("Birgitte", "En kollega på afdelingen kører på den samme model."),
]


def make_docx(path: Path, *, table: bool = False) -> Path:
    """A Word transcript: Title paragraph, `Key: value` block, `Name: text` paragraphs.

    With ``table=True`` the turns are in a two-column table (Speaker | Text) instead.
    """
    from docx import Document

    document = Document()
    document.add_paragraph(DOCX_TITLE, style="Title")
    for key, value in DOCX_METADATA.items():
        document.add_paragraph(f"{key}: {value}")
    document.add_paragraph("")
    if table:
        grid = document.add_table(rows=0, cols=2)
        for speaker, text in DOCX_TURNS:
            cells = grid.add_row().cells
            cells[0].text = speaker
            cells[1].text = text
    else:
        previous = None
        for speaker, text in DOCX_TURNS:
            # A speaker's second paragraph has no label: it continues the turn.
            document.add_paragraph(text if speaker == previous else f"{speaker}: {text}")
            previous = speaker
    document.save(str(path))
    return path


XLSX_WAVE1 = [
    [
        "ResponseId",
        "Segment",
        "Age band",
        "Signed up",
        "Why did you choose us?",
        "What nearly stopped you?",
    ],
    [
        "W1-01",
        "new",
        "25-34",
        "2024-01-03",
        "Free returns made it feel safe to try",
        "The checkout asked for too much personal data",
    ],
    [
        "W1-02",
        "returning",
        "35-44",
        "2024-01-05",
        "Best selection of running shoes in wide sizes",
        "nothing",
    ],
    ["W1-03", "new", "18-24", "2024-01-09", None, "I could not find the size guide on my phone"],
]
XLSX_WAVE2 = [
    [
        "ResponseId",
        "Segment",
        "Age band",
        "Signed up",
        "Why did you choose us?",
        "What nearly stopped you?",
    ],
    [
        "W2-01",
        "baru",
        "25-34",
        "2024-06-11",
        "Pengirimannya cepat dan gratis ongkir",
        "Saya ragu karena belum pernah dengar mereknya",
    ],
    ["W2-02", "lama", "45-54", "2024-06-12", "Harga sepatu lari di sini lebih murah", "tidak ada"],
]
XLSX_CODEBOOK = [
    ["Code", "Meaning"],
    ["new", "first order"],
    ["returning", "second order or later"],
]


def make_xlsx(path: Path) -> Path:
    """A workbook with two survey sheets (English, Indonesian) and a codebook sheet."""
    from openpyxl import Workbook

    workbook = Workbook()
    first = workbook.active
    first.title = "Wave 1"
    for row in XLSX_WAVE1:
        first.append(row)
    second = workbook.create_sheet("Wave 2")
    for row in XLSX_WAVE2:
        second.append(row)
    codebook = workbook.create_sheet("Codebook")
    for row in XLSX_CODEBOOK:
        codebook.append(row)
    workbook.create_sheet("Empty")
    workbook.save(str(path))
    return path
