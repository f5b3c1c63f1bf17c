"""One placeholder per person across docx metadata, speakers and text (issue 17 item 13)."""

from __future__ import annotations

import re

from persona_nlp.redact import Redactor, redact_analysis
from persona_nlp.schema import Analysis, Document, Manifest, Turn


def test_a_speaker_known_by_first_name_and_an_author_in_full_are_one_person():
    # was: metadata "Chloe Evans" -> [PERSON_9], speaker "Chloe" -> [PERSON_8]
    analysis = Analysis(
        documents=[
            Document(
                id="p01",
                path="p01.docx",
                kind="interview",
                metadata={"author": "Chloe Evans"},
                turns=[
                    Turn(index=0, speaker="Interviewer", role="interviewer", text="Why?"),
                    Turn(
                        index=1,
                        speaker="Chloe",
                        role="respondent",
                        participant_id="p01",
                        text="I'm Chloe Evans and I always wait for the sale.",
                    ),
                ],
            )
        ],
        manifest=Manifest(package_version="0"),
    )
    redacted = redact_analysis(analysis)
    document = redacted.documents[0]
    placeholders = {
        document.metadata["author"],
        document.turns[1].speaker,
        *re.findall(r"\[PERSON_\d+\]", document.turns[1].text),
    }
    assert placeholders == {"[PERSON_1]"}
    assert "Chloe" not in redacted.model_dump_json() and "Evans" not in redacted.model_dump_json()


def test_either_order_gives_one_placeholder_but_two_full_names_stay_two():
    first_name_first = Redactor()
    first_name_first.learn_label("Chloe")
    first_name_first.learn_label("Chloe Evans")
    full_name_first = Redactor()
    full_name_first.learn_label("Chloe Evans")
    full_name_first.learn_label("Chloe")
    for redactor in (first_name_first, full_name_first):
        text = redactor.redact_text("Chloe Evans said Chloe and Evans agreed.")
        assert set(re.findall(r"\[PERSON_\d+\]", text)) == {"[PERSON_1]"}
    two = Redactor()
    two.learn_label("Anna Hansen")
    two.learn_label("Mette Larsen")
    assert two.redact_text("Anna Hansen and Mette Larsen") == "[PERSON_1] and [PERSON_2]"
