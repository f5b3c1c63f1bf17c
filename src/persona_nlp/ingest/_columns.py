"""Survey columns: which one is the respondent id, which hold free text, which answers are none.

Example:
    >>> is_non_answer("N/A"), is_non_answer("Không có"), is_non_answer("Too expensive")
    (True, True, False)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# fmt: off
NON_ANSWERS: frozenset[str] = frozenset(
    {
        # en
        "n/a", "na", "n.a", "n a", "nothing", "no", "none", "nope", "nil", "null", "idk",
        "i don't know", "i dont know", "don't know", "dont know", "dunno", "no comment",
        "no comments", "not applicable", "nothing really", "nothing else", "none really", "x",
        "no idea", "not sure", "nothing to add", "no answer", "none of the above", "nah",
        # da
        "ingen", "intet", "nej", "ved ikke", "ikke relevant", "ingen kommentarer", "ingenting",
        "ingen kommentar", "nej tak", "det ved jeg ikke",
        # nb
        "nei", "vet ikke", "ikke aktuelt", "nei takk", "ikke noe",
        # nl
        "niks", "geen", "nee", "weet niet", "weet ik niet", "geen idee", "nvt", "n.v.t",
        "niet van toepassing", "geen opmerkingen", "niets", "geen commentaar",
        # id
        "tidak ada", "tidak", "tidak tahu", "gak ada", "ga ada", "nggak ada", "tdk ada", "tdk",
        "gak tau", "ga tau", "nggak tahu", "belum ada", "tak ada", "kosong",
        # vi
        "không", "không có", "không biết", "ko", "ko có", "k", "kg", "không ý kiến",
        "không có ý kiến", "chưa có", "không rõ",
    }
)
"""Answers that say nothing (compared casefolded, without surrounding punctuation)."""

_LONGEST_NON_ANSWER = 40
"""Longer answers are never looked up (surrounding punctuation and spaces included)."""

ID_NAMES: tuple[str, ...] = (
    "respondentid", "responseid", "participantid", "respid", "rid", "pid", "id", "respondent",
    "participant", "respondentnumber", "participantnumber", "respondentno", "responsenumber",
    "caseid", "case", "recordid", "submissionid", "userid", "uid", "interviewid", "deltagerid",
    "deltager", "deltakerid", "deltaker", "deelnemerid", "deelnemer", "respondentnummer",
    "idresponden", "responden", "idpeserta", "peserta", "mã", "mãngườithamgia", "mãsố",
)
"""Normalised header names of respondent-id columns, most specific first."""

CATEGORY_NAMES: frozenset[str] = frozenset(
    """segment age ageband agegroup agerange gender sex country city region state province zip
    postcode postalcode plan tier band group type status channel source device platform browser
    language lang locale date time timestamp startdate enddate submitted submittedat created
    createdat duration email mail phone name firstname lastname income education occupation job
    role industry company companysize size nps score rating satisfaction csat consent wave
    cohort customer customertype alder køn land by alderen kjønn leeftijd geslacht stad usia
    umur kota jeniskelamin tuổi giớitính thànhphố""".split()
)
# fmt: on
"""Normalised header names that hold categories or facts, never free text."""

_PUNCT = " \t\n.!?,;:…\"'“”‘’()[]{}*-–—_/\\"
_NUMBER = re.compile(r"^[+-]?\d[\d\s.,]*%?$")
_DATE = re.compile(
    r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
    r"|^\d{1,2}:\d{2}(?::\d{2})?$"
)
_EMAIL_URL = re.compile(r"^\S+@\S+\.\S+$|^(?:https?://|www\.)\S+$", re.IGNORECASE)
_BOOLEAN = frozenset(
    {"true", "false", "yes", "no", "ja", "nej", "nei", "ya", "tidak", "có", "không", "y", "n"}
)

SAMPLE_ROWS = 2000
"""Rows read before deciding the columns (the rest is streamed)."""


def normalise_answer(value: str) -> str:
    """Casefold and strip punctuation and spaces around an answer, for non-answer lookup."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", value).casefold()).strip(_PUNCT)


def is_non_answer(value: str) -> bool:
    """Whether an answer says nothing: ``n/a``, ``-``, ``nothing``, ``ingen``, ``không có`` ...

    Punctuation-only answers (``-``, ``.``, ``...``) are non-answers too.
    """
    if len(value) > _LONGEST_NON_ANSWER:
        return not any(ch.isalnum() for ch in value)  # "-----" is still nothing
    norm = normalise_answer(value)
    return norm == "" or norm in NON_ANSWERS


def normalise_header(name: str) -> str:
    """``"Respondent ID"`` -> ``"respondentid"`` (casefolded, letters and digits only)."""
    return "".join(ch for ch in unicodedata.normalize("NFC", name).casefold() if ch.isalnum())


def find_column(name: str, headers: Sequence[str]) -> str | None:
    """The header matching ``name`` exactly, else case- and punctuation-insensitively."""
    if name in headers:
        return name
    wanted = normalise_header(name)
    for header in headers:
        if normalise_header(header) == wanted:
            return header
    return None


@dataclass
class ColumnStats:
    """What the sample says about one column."""

    name: str
    filled: int
    distinct: int
    mean_words: float
    long_share: float
    number_share: float
    date_share: float
    email_share: float
    bool_share: float


def column_stats(name: str, values: Sequence[str]) -> ColumnStats:
    answers = [v.strip() for v in values if v.strip() and not is_non_answer(v)]
    n = len(answers)
    if n == 0:
        return ColumnStats(name, 0, 0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    words = [len(v.split()) for v in answers]
    return ColumnStats(
        name=name,
        filled=n,
        distinct=len({a.casefold() for a in answers}),
        mean_words=sum(words) / n,
        long_share=sum(1 for w in words if w >= 5) / n,
        number_share=sum(1 for a in answers if _NUMBER.match(a)) / n,
        date_share=sum(1 for a in answers if _DATE.match(a)) / n,
        email_share=sum(1 for a in answers if _EMAIL_URL.match(a)) / n,
        bool_share=sum(1 for a in answers if a.casefold() in _BOOLEAN) / n,
    )


def is_free_text(stats: ColumnStats) -> bool:
    """Whether a column holds free text rather than categories, numbers, dates or e-mails.

    Free text: at least half the answers have several words (or the header asks a question, see
    :func:`detect_text_columns`), most answers differ from each other, and the column is not
    mostly numbers, dates, e-mails/URLs or yes/no.
    """
    if stats.filled == 0:
        return False
    if max(stats.number_share, stats.date_share, stats.email_share, stats.bool_share) >= 0.5:
        return False
    distinct_ratio = stats.distinct / stats.filled
    if stats.filled < 20:
        # Few rows: categories may look unique, so ask for clearly sentence-like answers.
        return distinct_ratio >= 0.8 and (stats.mean_words >= 4 or stats.long_share >= 0.5)
    return distinct_ratio >= 0.5 and (stats.mean_words >= 3 or stats.long_share >= 0.3)


def _answers_a_question(stats: ColumnStats) -> bool:
    """Short answers under a question header: open text unless they look like choices."""
    if (
        not stats.filled
        or max(stats.number_share, stats.date_share, stats.email_share, stats.bool_share) >= 0.5
    ):
        return False
    distinct_ratio = stats.distinct / stats.filled
    if stats.filled < 20:
        # Too few rows to see repetition, and one-word answers ("Pro", "Free") may be choices:
        # ask for more than one word. A question column left out is reported (see
        # question_columns_left_out) with the --text-column fix.
        return distinct_ratio >= 0.8 and stats.mean_words >= 2
    # Open answers to a common question repeat at the top ("Instagram") but have a long tail;
    # a choice column has a handful of values however many rows it has.
    return distinct_ratio >= 0.3 or stats.distinct >= OPEN_TAIL_DISTINCT


OPEN_TAIL_DISTINCT = 25
"""Distinct answers under a question header that make it open text however often the top ones repeat."""


def _asks(header: str) -> bool:
    return header.rstrip().endswith(("?", "？")) or len(header.split()) >= 6


def detect_text_columns(
    headers: Sequence[str], sample: Sequence[dict[str, str]], exclude: str | None
) -> list[str]:
    """Open-text columns among ``headers``, judged on the sample rows.

    Category-like headers (segment, age, country, date, e-mail ...) never count. A header that
    asks a question (ends with ``?`` or is a long sentence) needs less evidence: answers that
    differ in at least 30% of rows and are not numbers/dates/yes-no.
    """
    found: list[str] = []
    for header in headers:
        if header == exclude or normalise_header(header) in CATEGORY_NAMES:
            continue
        stats = column_stats(header, [row.get(header, "") for row in sample])
        if is_free_text(stats):
            found.append(header)
        elif _asks(header) and _answers_a_question(stats):
            found.append(header)
    return found


def question_columns_left_out(
    headers: Sequence[str], sample: Sequence[dict[str, str]], taken: Sequence[str | None]
) -> list[ColumnStats]:
    """Columns whose header asks a question but that were not taken as open text.

    Their answers stay in participant metadata; the reader reports each one, so that a short
    open question judged to be categories is never left out silently.

    Example:
        >>> sample = [{"Which plan?": "Basic"}, {"Which plan?": "Basic"}, {"Which plan?": "Pro"}]
        >>> [s.name for s in question_columns_left_out(["Which plan?"], sample, [])]
        ['Which plan?']
    """
    left_out = []
    for header in headers:
        if header in taken or normalise_header(header) in CATEGORY_NAMES or not _asks(header):
            continue
        stats = column_stats(header, [row.get(header, "") for row in sample])
        if stats.filled:
            left_out.append(stats)
    return left_out


def detect_id_column(headers: Sequence[str], sample: Sequence[dict[str, str]]) -> str | None:
    """The respondent-id column: a header named like an id, else the first short unique column.

    Returns ``None`` when there is none (rows are then numbered).
    """

    def mostly_unique(header: str) -> bool:
        # A named id column is trusted with a few duplicates (they are reported), but a column
        # that repeats a lot is a category, whatever its name.
        values = [v for v in (row.get(header, "").strip() for row in sample) if v]
        return len(values) - len(set(values)) <= max(1, 0.1 * len(values))

    by_norm = {normalise_header(h): h for h in reversed(headers)}
    for name in ID_NAMES:
        if name in by_norm and mostly_unique(by_norm[name]):
            return by_norm[name]
    for header in headers:
        norm = normalise_header(header)
        if (
            norm.endswith("id")
            and len(norm) <= 16
            and norm not in CATEGORY_NAMES
            and mostly_unique(header)
        ):
            return header
    for header in headers:
        if normalise_header(header) in CATEGORY_NAMES:
            continue
        values = [row.get(header, "").strip() for row in sample]
        if len(values) < 2 or any(not v for v in values) or len(set(values)) != len(values):
            continue
        if all(len(v) <= 40 and len(v.split()) <= 2 for v in values) and not all(
            _DATE.match(v) for v in values
        ):
            return header
    return None
