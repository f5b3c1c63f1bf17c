"""Stop words per language, for theme keywords and labels.

The base is spaCy's list of each language (``spacy.lang.<code>.stop_words.STOP_WORDS``), which
ships with the package already installed for segmentation. Two small tables adjust it for
interviews and open answers:

* :data:`SPOKEN_EXTRA`: fillers and spoken forms spaCy's lists, drawn from written text, lack
  ("yeah", "um", "kind of", "jamen", "liksom", "nggak"), plus contractions ("don't").
* :data:`CONTENT_KEPT`: entries of spaCy's lists that name what people talk about in our studies
  ("kroner", "kontakt", "tid" in Norwegian, "call" and "full" in English): they stay keywords.

Vietnamese is the exception: spaCy's list (1,943 entries) holds the content words of feedback
("điểm" grade, "thời_gian" time, "khó" hard, "hỗ_trợ" support), so the base is this module's
list of function syllables, plus spaCy's multi-syllable entries made only of those syllables
("chúng_tôi", "bởi_vì"). Multi-syllable Vietnamese words are written with ``_`` between
syllables, as word segmenters (pyvi) and spaCy write them.

They only keep such words out of keywords; nothing is removed from statements or quotes.

Languages: en, da, nb, nl, id, vi, de, sv, fr, es. Text in an unknown language is filtered with
the union of all lists.

Example:
    >>> "the" in stop_words("en") and "og" in stop_words("da")
    True
    >>> "og" in stop_words(None)
    True
    >>> "yeah" in stop_words("en") and "kroner" not in stop_words("nb")
    True
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from functools import cache
from pathlib import Path

SPOKEN_EXTRA: dict[str, str] = {
    "en": """
        actually basically bit erm guess hmm kind know lot lots maybe mean oh ok okay pretty
        probably right sort stuff sure thank thanks thing things think uh um yeah yes like
        want wants need said says gets getting got having let shall somebody somewhat theirs
        way aren couldn didn doesn don hadn hasn haven isn shouldn wasn weren won wouldn d ll m
        s t ve i'm i've i'd i'll it's that's thats there's what's let's you're we're they're
        don't doesn't didn't can't couldn't won't wouldn't isn't aren't wasn't weren't haven't
        hasn't hadn't shouldn't
    """,
    "da": "altså bare dit egentlig gerne hele hos ja jamen mod nej når sin sine sit vel vor øh øhm",
    "nb": """
        alltid altså begge deg dere deres din dine ditt egentlig eh ehm fordi hos hva hvem hver
        hvilke hvilken hvis hvor hvordan hvorfor jo kanskje kun liksom min mine mitt nei sånn vel
    """,
    "nl": "best doe echt eh eigenlijk ga gaan gedaan heel nee soms uh",
    "id": "deh engkau gak nggak enggak nya sih tuh ya kok lah kan",
    "de": "eigentlich hab halt mal äh ähm",
    "sv": "denna der hela ju liksom sådan typ öh",
    "fr": "bien bon c d euh j l m n qu s voilà",
    "es": "eh bueno pues",
}
"""Spoken fillers and forms added to spaCy's list of each language."""

CONTENT_KEPT: dict[str, str] = {
    "en": "amount bottom call empty front full name serious show side top",
    "da": "god lille ny nyt",
    "nb": """
        bedre beste by dag del folk god godt gang grunn kamp kampen kl kontakt kort kroner kveld
        land landet leder mennesker mål ny nye personer plass poeng runde sted stedet stor store
        tid viktig år ønsker
    """,
    "nl": "beter betere klaar lang",
}
"""Entries of spaCy's lists kept as keywords: they name what participants talk about."""

_VIETNAMESE = """
    ai anh bị bởi các cái cần chị cho chúng chỉ chưa có của cũng đã đang để đó đây đều
    được em gì hay hoặc họ khi không là làm lại lên mà mình một nào này nên nếu như những
    nhưng nó ông ở ra rằng rất rồi sẽ tại thì thế tôi trên trong từ và vào vì với vẫn
    việc vậy ạ à ừ nhé nha thôi lắm nữa hơn bạn có_thể tuy_nhiên chúng_ta
"""

LANGUAGES: tuple[str, ...] = ("en", "da", "nb", "nl", "id", "vi", "de", "sv", "fr", "es")
"""Languages with a stop-word list."""


def _spacy_list(language: str) -> frozenset[str]:
    return frozenset(word.lower() for word in _spacy_stop_words(language) if word)


def _spacy_stop_words(language: str) -> set[str]:
    """``spacy.lang.<code>.stop_words.STOP_WORDS``, read without importing spaCy.

    Importing any module of spaCy's package first runs ``spacy/__init__``, which imports its
    CLI and pipeline machinery: seconds of a cold run, for a list of words. The stop-word
    modules are plain data (a ``set`` built from a string), so the file is run on its own;
    when spaCy is imported already, or its layout ever differs, it is imported as usual.
    """
    name = f"spacy.lang.{language}.stop_words"
    spec = None if "spacy" in sys.modules else importlib.util.find_spec("spacy")
    path = (
        Path(spec.origin).parent / "lang" / language / "stop_words.py"
        if spec is not None and spec.origin
        else None
    )
    if path is None or not path.is_file():
        return set(importlib.import_module(name).STOP_WORDS)
    file_spec = importlib.util.spec_from_file_location(f"_persona_nlp_{language}_stop_words", path)
    if file_spec is None or file_spec.loader is None:  # pragma: no cover - a .py file loads
        return set(importlib.import_module(name).STOP_WORDS)
    module = importlib.util.module_from_spec(file_spec)
    file_spec.loader.exec_module(module)
    return set(module.STOP_WORDS)


def _vietnamese() -> frozenset[str]:
    syllables = frozenset(_VIETNAMESE.split())
    compounds = {
        word
        for word in _spacy_list("vi")
        if "_" in word and all(part in syllables for part in word.split("_"))
    }
    return syllables | compounds


@cache
def _language_list(language: str) -> frozenset[str]:
    if language == "vi":
        return _vietnamese()
    kept = frozenset(CONTENT_KEPT.get(language, "").split())
    return (_spacy_list(language) - kept) | frozenset(SPOKEN_EXTRA.get(language, "").split())


@cache
def stop_words(language: str | None) -> frozenset[str]:
    """Lower-case stop words of a language (ISO 639-1); the union of all lists for ``None`` or
    a language without a list.

    Example:
        >>> "và" in stop_words("vi") and "chúng_tôi" in stop_words("vi")
        True
    """
    if language in LANGUAGES:
        return _language_list(language)
    return frozenset().union(*(_language_list(code) for code in LANGUAGES))


__all__ = ["CONTENT_KEPT", "LANGUAGES", "SPOKEN_EXTRA", "stop_words"]
