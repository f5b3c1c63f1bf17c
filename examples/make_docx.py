"""Write ``examples/data/p07.docx``: an English Word transcript with a title and metadata block.

The committed .docx is the output of this script; run it again after editing the text below::

    python examples/make_docx.py

It is built with python-docx and made byte-stable (fixed core-properties dates and a fixed
zip timestamp), so running the script twice gives the same file.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document

OUT = Path(__file__).parent / "data" / "p07.docx"

TITLE = "Interview 07 – trail running and hiking"
METADATA = [
    ("Date", "2026-03-12"),
    ("Participant", "Chloe Evans"),
    ("Age", "34"),
    ("City", "Bristol"),
    ("Segment", "returning customer"),
]
TURNS = [
    ("Interviewer", "Thanks for joining, Chloe. What do you usually buy from us?"),
    (
        "Chloe",
        "Trail running shoes mostly, and a waterproof jacket last autumn. I'm training for my first ultra, a 50K in the Brecon Beacons.",
    ),
    ("Interviewer", "What are you hoping to achieve?"),
    (
        "Chloe",
        "I want to finish the 50K without getting injured. And I want to spend more weekends outdoors with my partner.",
    ),
    ("Interviewer", "How do you choose what to buy?"),
    (
        "Chloe",
        "I read the reviews very carefully before I buy anything. I also watch long reviews on YouTube where people run a few hundred miles in the shoes.",
    ),
    ("Interviewer", "Was there anything that almost stopped you from ordering?"),
    (
        "Chloe",
        "The delivery charge. Paying £4.95 for shipping on a single pair of socks is too much, so I usually wait until I need several things.",
    ),
    ("Interviewer", "How do you feel about choosing a size online?"),
    (
        "Chloe",
        "I'm never sure about the size. Trail shoes from different brands fit so differently, and I'm worried they won't fit when my feet swell on a long run.",
    ),
    ("Interviewer", "Do you wait for sales?"),
    (
        "Chloe",
        "Always. I keep a wish list and wait for the sale, there's no point paying full price when the sale comes every few months.",
    ),
    ("Interviewer", "Where do you hear about new gear?"),
    (
        "Chloe",
        "Instagram and my running club. My friend Sarah works in a running shop and tells me what's good.",
    ),
    ("Interviewer", "What could we do better?"),
    (
        "Chloe",
        "Free returns, definitely. And a size guide that tells me how each shoe fits compared to brands I know.",
    ),
]
FIXED = dt.datetime(2026, 3, 12, 10, 0, 0)


def build() -> bytes:
    """Build the document and return its bytes, with fixed dates so the output is stable."""
    document = Document()
    document.add_paragraph(TITLE, style="Title")
    for key, value in METADATA:
        document.add_paragraph(f"{key}: {value}")
    document.add_paragraph("")
    for speaker, text in TURNS:
        document.add_paragraph(f"{speaker}: {text}")
    properties = document.core_properties
    properties.author = "persona_nlp examples"
    properties.created = properties.modified = FIXED
    properties.last_modified_by = "persona_nlp examples"
    properties.revision = 1
    raw = io.BytesIO()
    document.save(raw)
    # Re-zip with fixed timestamps: python-docx stamps the current time on every zip entry.
    stable = io.BytesIO()
    with (
        zipfile.ZipFile(raw) as source,
        zipfile.ZipFile(stable, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in sorted(source.infolist(), key=lambda i: i.filename):
            info = zipfile.ZipInfo(item.filename, date_time=FIXED.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(item.filename))
    return stable.getvalue()


def main() -> None:
    OUT.write_bytes(build())
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
