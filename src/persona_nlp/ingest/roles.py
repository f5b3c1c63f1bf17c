"""Speaker roles: who is the interviewer, who the respondent.

Rules, in order (the first that applies decides a speaker's role):

1. Labels given by the user (``IngestConfig.interviewer``, case-insensitive) are interviewers.
2. Role labels, in English, Danish, Norwegian, Dutch, Indonesian and Vietnamese
   (``Interviewer``, ``Moderator``, ``Ordstyrer``, ``Gespreksleider``, ``Pewawancara``,
   ``Người phỏng vấn`` ... and ``Respondent``, ``Deltager``, ``Deelnemer``, ``Narasumber``,
   ``Người trả lời`` ...). Labels such as ``Interviewer 2``, ``Jane (Moderator)`` or
   ``Moderator - Jane`` count too.
3. Letter codes: ``Q``/``A``, ``I``/``R``, ``V``/``A`` (Dutch), ``H``/``Đ`` (Vietnamese) ...
   ``P`` and ``T`` are read from their partner: ``I``+``P`` (Interviewer/Participant) makes ``P``
   a respondent, ``P``+``J`` (Indonesian Pertanyaan/Jawaban) makes ``P`` an interviewer.
4. ``Unknown``, ``Unidentified`` ... and text without any label: ``unknown``.
5. Named speakers (``Anna``, ``Speaker 1``): the share of their turns that ask a question
   (a question mark, or a question word of the document's language at the start) and their
   turn length decide. Speakers who mostly ask are interviewers; at least one speaker stays a
   respondent. When a role label or a user label already marks an interviewer, named speakers are
   respondents unless they ask clearly more than they answer.

Example:
    >>> infer_roles(["Q", "A", "Q", "A"], ["Why?", "Price.", "How?", "Fast."])
    {'Q': 'interviewer', 'A': 'respondent'}
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from statistics import median

from ..schema import Role

# fmt: off
INTERVIEWER_LABELS: frozenset[str] = frozenset(
    {
        # en
        "interviewer", "moderator", "facilitator", "researcher", "host", "question", "questioner",
        "int", "mod", "ux researcher", "user researcher", "research lead", "observer",
        "note taker", "notetaker", "interviewer/moderator", "co-host", "cohost", "co-moderator",
        # da
        "intervieweren", "ordstyrer", "ordstyreren", "spørger", "spørgeren", "spørgsmål", "forsker",
        "forskeren", "moderatoren", "facilitatoren", "interviewer (da)",
        # nb
        "intervjuer", "intervjuar", "intervjueren", "intervjuaren", "spørsmål", # nl
        "gespreksleider", "gespreksleidster", "onderzoeker", "onderzoekster", "vraag",
        "interviewster", "vraagsteller",
        # id
        "pewawancara", "peneliti", "fasilitator", "penanya", "pertanyaan", "tanya", "pewawancara 1",
        # vi
        "người phỏng vấn", "phỏng vấn viên", "pv", "điều phối viên", "người hỏi", "hỏi",
        "người điều phối", "nghiên cứu viên", "câu hỏi",
    }
)
"""Speaker labels (casefolded, without numbers) that mean an interviewer."""

RESPONDENT_LABELS: frozenset[str] = frozenset(
    {
        # en
        "respondent", "participant", "interviewee", "answer", "customer", "user", "informant",
        "resp", "candidate", "client", "guest",
        # da
        "deltager", "deltageren", "respondenten", "informanten", "svar", "interviewperson",
        "kunde", "kunden", "bruger", "brugeren",
        # nb
        "deltaker", "deltakeren", "intervjuobjekt", "intervjuobjektet", "bruker", "brukeren",
        # nl
        "deelnemer", "deelneemster", "geïnterviewde", "antwoord", "klant", "gebruiker",
        # id
        "responden", "narasumber", "informan", "partisipan", "jawab", "jawaban", "peserta",
        "pelanggan", "pengguna",
        # vi
        "người trả lời", "đáp", "trả lời", "tl", "người được phỏng vấn", "khách hàng",
        "người tham gia", "người dùng",
    }
)
"""Speaker labels (casefolded, without numbers) that mean a respondent."""

UNKNOWN_LABELS: frozenset[str] = frozenset(
    {
        "", "unknown", "unknown speaker", "unidentified", "unidentified speaker", "unnamed",
        "speaker", "voice", "?", "??", "ukendt", "ukendt taler", "ukjent", "ukjent taler",
        "onbekend", "onbekende spreker", "spreker", "tidak dikenal", "tidak diketahui",
        "không rõ", "không xác định", "người nói",
    }
)
# fmt: on
"""Speaker labels that name nobody in particular: their role is ``unknown``."""

_CODE_DEFAULTS: dict[str, Role | None] = {
    "q": "interviewer",
    "i": "interviewer",
    "v": "interviewer",
    "h": "interviewer",
    "a": "respondent",
    "r": "respondent",
    "j": "respondent",
    "đ": "respondent",
    "p": None,
    "t": None,
}
# (code, partner present in the same file) -> role of the code
_CODE_PAIRS: dict[tuple[str, str], Role] = {
    ("p", "i"): "respondent",
    ("p", "j"): "interviewer",
    ("p", "r"): "interviewer",
    ("t", "j"): "interviewer",
    ("t", "h"): "respondent",
    ("t", "a"): "interviewer",
}

QUESTION_STARTS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "what why how when where who whom whose which do does did is are was were can could would "
        "will should have has had tell describe walk anything any".split()
    ),
    "da": frozenset(
        "hvad hvorfor hvordan hvornår hvor hvem hvilken hvilket hvilke kan kunne vil ville er var "
        "har havde gør gjorde fortæl beskriv må skal".split()
    ),
    "nb": frozenset(
        "hva hvorfor hvordan når hvor hvem hvilken hvilket hvilke kan kunne vil ville er var har "
        "hadde gjør gjorde fortell beskriv må skal".split()
    ),
    "nl": frozenset(
        "wat waarom hoe wanneer waar wie welke welk kun kunt kan zou zoudt wil wilt is zijn was "
        "waren heb hebt heeft had doe doet deed vertel beschrijf".split()
    ),
    "id": frozenset(
        "apa apakah mengapa kenapa bagaimana kapan dimana siapa berapa bisakah bisa boleh "
        "ceritakan coba seperti adakah".split()
    ),
    "vi": frozenset("tại vì làm bao khi ở ai cái có xin hãy".split()),
}
"""First words that start a question, per language (used where transcripts lack ``?``)."""

QUESTION_ENDS: dict[str, frozenset[str]] = {
    "vi": frozenset("không chưa gì sao nào đâu à hả nhỉ vậy".split()),
    "id": frozenset("kah tidak belum".split()),
}
"""Last words that end a question, per language (Vietnamese ``... không?``)."""

_FILLERS = frozenset(
    "and so but okay ok right well then og så men nå en dus maar oké dan jadi terus lalu và vậy thế rồi".split()
)

INTERVIEWER_SHARE = 0.5
"""A named speaker is an interviewer when at least this share of their turns are questions ..."""

RESPONDENT_SHARE = 0.25
"""... and a respondent when fewer than this share are (between the two, turn length decides)."""

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_PARENS = re.compile(r"[(\[]([^)\]]*)[)\]]")


def normalise_label(label: str) -> str:
    """Casefold a speaker label and drop numbers, brackets and punctuation around it.

    Example:
        >>> normalise_label("  Interviewer 2: ")
        'interviewer'
        >>> normalise_label("R1")
        'r'
    """
    text = unicodedata.normalize("NFC", label).casefold()
    text = _PARENS.sub(" ", text)
    text = re.sub(r"[\d#_*:.]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" -–—,;")
    return text


def _label_parts(label: str) -> list[str]:
    """The label itself, its bracketed part, and each side of a dash (``Jane - Moderator``)."""
    parts = [normalise_label(label)]
    for inner in _PARENS.findall(label):
        parts.append(normalise_label(inner))
    for piece in re.split(r"\s+[-–—|/]\s+|,\s*", label):
        if piece != label:
            parts.append(normalise_label(piece))
    return [p for p in parts if p]


@functools.lru_cache(maxsize=4096)
def label_role(label: str | None) -> Role | None:
    """The role a label states by itself (rules 2 and 4), or ``None`` if it names a person.

    Letter codes are not resolved here (see :func:`infer_roles`).

    Example:
        >>> label_role("Jane (Moderator)"), label_role("Deltaker 3"), label_role("Anna")
        ('interviewer', 'respondent', None)
    """
    if label is None:
        return "unknown"
    base = normalise_label(label)
    if base in UNKNOWN_LABELS and not any(ch.isdigit() for ch in label):
        return "unknown"  # "Speaker 2" is someone in particular, "Speaker" is not
    for part in _label_parts(label):
        if part in INTERVIEWER_LABELS:
            return "interviewer"
        if part in RESPONDENT_LABELS:
            return "respondent"
    return None


@functools.lru_cache(maxsize=4096)
def is_role_label(label: str) -> bool:
    """Whether a label is a known role label, letter code or unknown-speaker label.

    Example:
        >>> is_role_label("Người phỏng vấn"), is_role_label("Q"), is_role_label("Anna")
        (True, True, False)
    """
    base = normalise_label(label)
    return base in _CODE_DEFAULTS or base == "pv" or label_role(label) is not None


def is_question(text: str, language: str | None) -> bool:
    """Whether a turn asks a question: a ``?`` near its end, or a question word at its start.

    Example:
        >>> is_question("Thanks. And why did you cancel", "en")
        True
    """
    tail = text[-160:]
    if "?" in tail or "？" in tail:
        return True
    sentences = re.split(r"(?<=[.!…])\s+", text.strip())
    last = sentences[-1] if sentences else ""
    words = [w.casefold() for w in _WORD.findall(last)]
    while words and words[0] in _FILLERS:
        words = words[1:]  # "And why ...", "Okay, so what ..."
    if not words:
        return False
    languages = [language] if language in QUESTION_STARTS else ["en"]
    if language not in ("en", None):
        languages.append("en")
    for code in languages:
        if words[0] in QUESTION_STARTS.get(code, frozenset()) and len(words) >= 3:
            # "Do you ...", "Hvad gjorde du ...": verb-first or wh-word, not "Is fine."
            return True
        if words[-1] in QUESTION_ENDS.get(code, frozenset()) and len(words) >= 3:
            return True
    return False


def _resolve_codes(labels: Iterable[str]) -> dict[str, Role | None]:
    codes = {label: normalise_label(label) for label in labels}
    present = {code for code in codes.values() if code in _CODE_DEFAULTS}
    roles: dict[str, Role | None] = {}
    for label, code in codes.items():
        if code == "pv":
            roles[label] = "interviewer"
        elif code in _CODE_DEFAULTS:
            role = _CODE_DEFAULTS[code]
            for partner in present:
                role = _CODE_PAIRS.get((code, partner), role)
            roles[label] = role
    return roles


def infer_roles(
    speakers: Sequence[str | None],
    texts: Sequence[str],
    interviewer_labels: Sequence[str] = (),
    language: str | None = None,
) -> dict[str | None, Role]:
    """Decide each speaker's role from labels and from how they talk.

    Args:
        speakers: Speaker label of each (merged) turn, ``None`` for unlabelled text.
        texts: Text of each turn.
        interviewer_labels: Labels the user says are interviewers (win over everything).
        language: The document's language, for question words.

    Returns:
        Role per distinct speaker label.

    Example:
        >>> infer_roles(["Maria", "Anna", "Maria", "Anna"],
        ...             ["How do you shop?", "Online, mostly.", "Why online?", "It is faster."])
        {'Maria': 'interviewer', 'Anna': 'respondent'}
    """
    wanted = {label.casefold().strip() for label in interviewer_labels}
    distinct = list(dict.fromkeys(speakers))
    roles: dict[str | None, Role] = {}
    named: list[str] = []
    user_marked = False
    code_roles = _resolve_codes([s for s in distinct if s is not None])
    for speaker in distinct:
        if speaker is not None and (
            speaker.casefold().strip() in wanted or normalise_label(speaker) in wanted
        ):
            roles[speaker] = "interviewer"
            user_marked = True
            continue
        if speaker is not None and code_roles.get(speaker) is not None:
            roles[speaker] = code_roles[speaker]  # type: ignore[assignment]
            continue
        role = label_role(speaker)
        if role is not None:
            roles[speaker] = role
        else:
            named.append(speaker)  # type: ignore[arg-type]
    if not named:
        return roles
    asks: dict[str, list[bool]] = defaultdict(list)
    words: dict[str, list[int]] = defaultdict(list)
    for speaker, text in zip(speakers, texts, strict=False):
        if speaker in named:
            asks[speaker].append(is_question(text, language))
            words[speaker].append(len(text.split()))
    share = {s: sum(asks[s]) / len(asks[s]) for s in named}
    length = {s: median(words[s]) for s in named}
    known_interviewer = user_marked or any(r == "interviewer" for r in roles.values())
    for speaker in named:
        others = [length[o] for o in named if o != speaker] or [length[speaker]]
        shorter = length[speaker] < 0.6 * median(others)
        if known_interviewer:
            asking = share[speaker] >= 0.6 and len(asks[speaker]) >= 3
        else:
            asking = share[speaker] >= INTERVIEWER_SHARE or (
                share[speaker] >= RESPONDENT_SHARE and shorter
            )
        roles[speaker] = "interviewer" if asking else "respondent"
    if not any(role == "respondent" for role in roles.values()):
        # Everyone named seems to ask: the one who asks least is still the respondent
        # (a lone named speaker is a monologue).
        least = min(named, key=lambda s: (share[s], -length[s], s))
        roles[least] = "respondent"
    return roles


__all__ = [
    "INTERVIEWER_LABELS",
    "QUESTION_STARTS",
    "RESPONDENT_LABELS",
    "UNKNOWN_LABELS",
    "infer_roles",
    "is_question",
    "is_role_label",
    "label_role",
    "normalise_label",
]
