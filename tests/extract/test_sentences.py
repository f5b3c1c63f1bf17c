"""The spaCy-free sentence splitter gives spaCy's blank pipeline + sentencizer sentences."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

import pytest

from persona_nlp.extract.cues import available_cue_languages
from persona_nlp.extract.sentences import (
    RULES_FILE,
    SENTENCE_PUNCTUATION,
    export_spacy_rules,
    rule_languages,
    sentence_spans,
    sentence_splitter,
)

CASES: list[tuple[str, str, list[str]]] = [
    # abbreviations, numbers, ellipses
    (
        "en",
        "I paid 3.5 dollars, e.g. on sale. Dr. Smith agreed.",
        ["I paid 3.5 dollars, e.g. on sale.", "Dr. Smith agreed."],
    ),
    ("en", "Wait... what? No!! Really?! OK.", ["Wait... what?", "No!!", "Really?!", "OK."]),
    (
        "en",
        "It costs $4.99 at 10a.m. every day. Fine",
        ["It costs $4.99 at 10a.m. every day.", "Fine"],
    ),
    # quotes after the period stay with their sentence
    (
        "en",
        'She said "too expensive." Then she left.',
        ['She said "too expensive."', "Then she left."],
    ),
    ("en", "(It broke.) I sent it back.", ["(It broke.)", "I sent it back."]),
    # URLs and e-mail addresses stay whole
    (
        "en",
        "See www.shop.com/a.b for it. Or mail me at anna.b@mail.com. Thanks",
        ["See www.shop.com/a.b for it.", "Or mail me at anna.b@mail.com.", "Thanks"],
    ),
    # a newline after a period starts the next sentence at the newline
    ("en", "First.\nSecond.  Third.", ["First.", "\nSecond.", " Third."]),
    (
        "da",
        "Jeg køber bl.a. sko. Men fragten er dyr.",
        ["Jeg køber bl.a. sko.", "Men fragten er dyr."],
    ),
    (
        "da",
        "Det koster ca. 200 kr. om måneden. Det er for meget",
        ["Det koster ca. 200 kr. om måneden.", "Det er for meget"],
    ),
    (
        "nb",
        "Jeg handler f.eks. på nett. Det er enklest.",
        ["Jeg handler f.eks. på nett.", "Det er enklest."],
    ),
    (
        "nl",
        "Ik koop o.a. schoenen. Maar de verzending is duur…",
        ["Ik koop o.a. schoenen.", "Maar de verzending is duur…"],
    ),
    # an abbreviation keeps its period, so it ends no sentence (as in spaCy)
    (
        "id",
        "Saya beli di toko dll. Tapi ongkirnya mahal. Ya",
        ["Saya beli di toko dll. Tapi ongkirnya mahal.", "Ya"],
    ),
    (
        "vi",
        "Tôi mua 2.5 kg. Nhưng phí ship đắt quá!",
        ["Tôi mua 2.5 kg.", "Nhưng phí ship đắt quá!"],
    ),
    ("xx", "好的。 Ja. Nein", ["好的。", "Ja.", "Nein"]),
]


def _sentences(text: str, language: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text, language)]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_hand_made_sentences(language, text, expected):
    code = "xx" if language == "vi" else language
    assert _sentences(text, code) == expected


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_same_sentences_and_tokens_as_spacy(language, text, expected):
    pytest.importorskip("spacy")
    from spacy.util import get_lang_class

    code = "xx" if language == "vi" else language
    base = get_lang_class(code)
    # the segmenter's former pipelines: only tokenizer exceptions containing a period
    exceptions = {k: v for k, v in base.Defaults.tokenizer_exceptions.items() if "." in k}
    defaults = type("Defaults", (base.Defaults,), {"tokenizer_exceptions": exceptions})
    nlp = type(base.__name__, (base,), {"Defaults": defaults})()
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    assert sentence_splitter(code).tokens(text) == [(token.idx, token.text) for token in doc]
    assert sentence_spans(text, code) == [(s.start_char, s.end_char) for s in doc.sents]


def test_empty_and_blank_texts():
    assert sentence_spans("", "en") == []
    assert sentence_spans("   ", "en") == [(0, 3)]


def test_shipped_rules_are_the_installed_spacys():
    spacy = pytest.importorskip("spacy")
    shipped = json.loads(
        resources.files("persona_nlp").joinpath("data", RULES_FILE).read_text("utf-8")
    )
    if shipped["spacy_version"].split(".")[:2] != spacy.__version__.split(".")[:2]:
        pytest.skip(f"rules exported from spaCy {shipped['spacy_version']}")
    exported = export_spacy_rules(code for code in rule_languages() if code != "xx")
    assert json.loads(json.dumps(exported)) == shipped, (
        "spaCy's tokenizer rules changed: re-export data/sentence_rules.json with "
        "persona_nlp.extract.sentences.export_spacy_rules"
    )


def test_punctuation_is_the_sentencizers():
    pytest.importorskip("spacy")
    from spacy.pipeline import Sentencizer

    assert set(Sentencizer.default_punct_chars) == SENTENCE_PUNCTUATION


def test_every_cue_language_but_vietnamese_has_its_own_rules():
    missing = set(available_cue_languages()) - {"vi"} - set(rule_languages())
    assert not missing, f"export spaCy's rules for {sorted(missing)} (export_spacy_rules)"


def test_segmenting_and_stop_words_do_not_import_spacy():
    code = (
        "import sys\n"
        "from persona_nlp.extract.segment import segment_texts\n"
        "from persona_nlp.lang.stopwords import stop_words\n"
        "for language in ('en', 'da', 'nb', 'nl', 'id', 'vi', 'fr', None):\n"
        "    segment_texts(['Yes. I buy e.g. shoes, but shipping costs 3.5 kr.'], language)\n"
        "stop_words(None)\n"
        "print('spacy' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
