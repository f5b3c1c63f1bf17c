"""Redaction of personal data: names, e-mail addresses, phone numbers, personal URLs, handles.

Every occurrence is replaced with a stable placeholder (``[PERSON_1]``, ``[EMAIL_2]``,
``[PHONE_1]``, ``[URL_1]``, ``[HANDLE_1]``): the same value gets the same placeholder everywhere in
an analysis, so quotes, themes and personas still line up after redaction.

How names are found (heuristics, not a named-entity model; see ``docs/privacy.md``):

1. Speaker labels that are not generic roles (``Anna Hansen`` but not ``Interviewer`` or
   ``Speaker 2``), with each of their words (``Anna``, ``Hansen``).
2. Capitalised words after a cue: a title or form of address (``Mr``, ``fru``, ``Pak``, ``chị``),
   a relation (``my friend``, ``min kone``, ``teman saya``) or an introduction (``my name is``,
   ``jeg hedder``, ``tên tôi là``), in every supported language.
3. Capitalised common first names of the text's language (and English), unless the word is a
   function word there; at a sentence start only when a capitalised surname follows.
4. Vietnamese full names: a common family name followed by capitalised syllables.
5. A found name grows over the capitalised words that follow it (``Mette Larsen``,
   ``Jan van Dijk``, ``Nguyễn Thị Lan``).

Redaction runs in two passes over the whole analysis: the first learns every name (so a name
introduced in one interview is also caught where it appears bare in another), the second
replaces. Turn texts are redacted once and statement and quote texts are cut from the redacted
turns with re-mapped spans, so ``statement.text == turn.text[start_char:end_char]`` still holds.

Example:
    >>> redactor = Redactor()
    >>> redactor.learn_label("Anna Hansen")
    >>> redactor.redact_text("Anna wrote from anna@example.com, call +45 22 33 44 55.")
    '[PERSON_1] wrote from [EMAIL_1], call [PHONE_1].'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import words

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
URL_RE = re.compile(
    r"(?:\bhttps?://|\bwww\.)[^\s<>\"'()\[\]]+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|co|me|app|dk|no|nl|id|vn|de|se|uk|fr|es|eu|shop)"
    r"/[^\s<>\"'()\[\]]*",
    re.IGNORECASE,
)
PHONE_RE = re.compile(r"(?<![\w+/.:-])(?:\+|00)?\(?\d[\d ().\-/]{5,}\d(?![\w/:])")
HANDLE_RE = re.compile(r"(?<![\w@./])@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}(?<!\.)")
WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-.][^\W\d_]+)*\.?")
PLACEHOLDER_RE = re.compile(r"\[(?:PERSON|EMAIL|PHONE|URL|HANDLE)_\d+\]")
_DATE_RE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
_NORDIC_PHONE_RE = re.compile(r"^\d{2}(?: \d{2}){3}$|^\d{3} \d{2} \d{3}$")
_NANP_RE = re.compile(r"^\(?\d{3}\)?[ .\-]\d{3}[ .\-]\d{4}$")
_SENTENCE_END = '.!?…:;\n"“”«»—–-('
_USER_PATH = {
    "u",
    "user",
    "users",
    "profile",
    "profiles",
    "people",
    "in",
    "member",
    "members",
    "account",
    "accounts",
    "id",
    "athletes",
    "author",
    "customer",
    "customers",
    "me",
}
_SOCIAL_HOSTS = (
    "instagram.com",
    "facebook.com",
    "fb.com",
    "tiktok.com",
    "twitter.com",
    "x.com",
    "linkedin.com",
    "strava.com",
    "threads.net",
    "snapchat.com",
    "pinterest.com",
)
NAME_KEYS: set[str] = {
    "name",
    "navn",
    "naam",
    "nama",
    "tên",
    "interviewee",
    "participant",
    "respondent",
    "deltager",
    "deltaker",
    "deelnemer",
    "responden",
    "peserta",
    "customer",
    "kunde",
    "full name",
    "fullname",
    "first name",
    "last name",
    "surname",
    "interviewer",
    "moderator",
    "researcher",
    "intervjuer",
    "gespreksleider",
    "pewawancara",
    "author",
    "contact",
}

KINDS = ("PERSON", "EMAIL", "PHONE", "URL", "HANDLE")


@dataclass(frozen=True)
class Span:
    """A piece of personal data found in a text: ``text[start:end]`` becomes ``placeholder``."""

    start: int
    end: int
    placeholder: str


def _is_personal_url(url: str) -> bool:
    lowered = url.lower()
    if "?" in url or ("#" in url and "=" in url.split("#", 1)[1]):
        return True
    rest = re.sub(r"^(?:https?://)?(?:www\.)?", "", lowered)
    host, _, path = rest.partition("/")
    segments = [s for s in path.split("/") if s]
    if not segments:
        return False
    if any(host == h or host.endswith("." + h) for h in _SOCIAL_HOSTS):
        return True
    if any(s.startswith(("@", "~")) for s in segments) or EMAIL_RE.search(path):
        return True
    if any(s in _USER_PATH for s in segments[:-1]):
        return True
    # Long opaque tokens (reset links, order tokens) are personal too.
    return any(len(s) >= 16 and re.search(r"\d", s) and re.search(r"[a-z]", s) for s in segments)


def _is_phone(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    if not 8 <= len(digits) <= 15 or _DATE_RE.match(candidate):
        return False
    if candidate.startswith(("+", "00")):
        return True
    if candidate.startswith(("0", "(0")):
        # 0812-3456-7890 (id), 06-12345678 (nl), 0912 345 678 (vi); not 0.5-1.250.000 amounts
        return not re.fullmatch(r"0[.,]\d+(?:[.,]\d{3})*", candidate)
    return bool(_NORDIC_PHONE_RE.match(candidate) or _NANP_RE.match(candidate))


PHONE_REGIONS: dict[str, tuple[str, ...]] = {
    "en": ("GB", "US"),
    "da": ("DK",),
    "nb": ("NO",),
    "nn": ("NO",),
    "no": ("NO",),
    "nl": ("NL",),
    "id": ("ID",),
    "vi": ("VN",),
    "de": ("DE",),
    "sv": ("SE",),
    "fr": ("FR",),
    "es": ("ES",),
}
"""Regions whose national formats a text's language suggests (ISO 639-1 -> ISO 3166); a text
in an unknown language is read with all of them. Numbers with ``+`` or ``00`` are found in any."""

_MIN_PHONE_DIGITS = 8


def phone_spans(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """Spans of phone numbers in ``text``, found with the ``phonenumbers`` library.

    The library (Google's libphonenumber metadata) reads each number with the national formats
    of the regions of ``language`` (:data:`PHONE_REGIONS`) and keeps only valid numbers. Dates
    and runs of fewer than eight digits are not phones, whatever a region allows. Where it finds
    none, the project's own pattern (:func:`_phone_spans`) still catches what it used to (a
    Danish number in an English sentence, a fictional 555 number, a phone run on into a date).

    Example:
        >>> text = "Ring til 22 33 44 55 eller +45 87 65 43 21."
        >>> [text[a:b] for a, b in phone_spans(text, "da")]
        ['22 33 44 55', '+45 87 65 43 21']
    """
    if sum(c.isdigit() for c in text) < _MIN_PHONE_DIGITS:
        return []
    import phonenumbers

    code = (language or "").split("-")[0].lower()
    regions = PHONE_REGIONS.get(code) or tuple(
        dict.fromkeys(r for rs in PHONE_REGIONS.values() for r in rs)
    )
    found: list[tuple[int, int]] = []
    for region in regions:
        matcher = phonenumbers.PhoneNumberMatcher(
            text, region, leniency=phonenumbers.Leniency.VALID
        )
        for match in matcher:
            digits = sum(c.isdigit() for c in match.raw_string)
            if digits >= _MIN_PHONE_DIGITS and not _DATE_RE.match(match.raw_string):
                found.append((match.start, match.end))
    if not found:
        return _phone_spans(text)
    # regions may read one run differently ("07700" in one, "07700 900123" in another): keep
    # the longest of overlapping spans
    spans: list[tuple[int, int]] = []
    for start, end in sorted(set(found), key=lambda span: (span[0], -span[1])):
        if spans and start < spans[-1][1]:
            continue
        spans.append((start, end))
    return spans


def _phone_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Spans of phone numbers in ``text``, shifted by ``offset``: the project's own pattern,
    used where ``phonenumbers`` finds none.

    A run of digits that is not a phone as a whole (``+45 22 33 44 55 12.03.2024``: a phone
    followed by a date) is tried again at each space, longest prefix first, and the rest of the
    run is scanned on its own.

    Example:
        >>> text = "call +45 22 33 44 55 12.03.2024"
        >>> [text[a:b] for a, b in _phone_spans(text)]
        ['+45 22 33 44 55']
    """
    spans: list[tuple[int, int]] = []
    for match in PHONE_RE.finditer(text):
        candidate = match.group().rstrip()
        start = match.start()
        if _is_phone(candidate):
            spans.append((offset + start, offset + start + len(candidate)))
            continue
        cuts = [m.start() for m in re.finditer(r"\s+", candidate)]
        for cut in reversed(cuts):
            prefix = candidate[:cut]
            if re.search(r"\d$", prefix) and _is_phone(prefix):
                spans.append((offset + start, offset + start + cut))
                rest = start + cut
                spans.extend(_phone_spans(text[rest : match.end()], offset + rest))
                break
    return spans


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘«(")
    return not before or before[-1] in _SENTENCE_END


def _capitalised(token: str) -> bool:
    return token[:1].isupper() and not (len(token) > 1 and token.isupper())


class Redactor:
    """Finds personal data and replaces it with stable placeholders.

    A redactor remembers every value it has seen, so one instance used over a whole analysis
    gives each person one placeholder. Learn first (:meth:`learn_label`, :meth:`learn_text`),
    then redact (:meth:`redact_text`, :meth:`redact_label`, :meth:`redact_identifier`).

    Args:
        extra_names: Names to always redact (e.g. interviewers mentioned only by first name).
        keep: Words never to redact (e.g. your brand, if it is also a first name).

    Example:
        >>> r = Redactor()
        >>> r.redact_text("Min kone Sofie ringer til 22 33 44 55.", language="da")
        'Min kone [PERSON_1] ringer til [PHONE_1].'
    """

    def __init__(self, *, extra_names: Iterable[str] = (), keep: Iterable[str] = ()) -> None:
        self.extra_names = tuple(extra_names)
        self.keep = frozenset(k.casefold() for k in keep)
        self._values: dict[tuple[str, str], str] = {}
        self._aliases: dict[str, str] = {}
        self._counts: dict[str, int] = dict.fromkeys(KINDS, 0)
        # Labels, ids and phrases repeat (every statement has a speaker): results are memoised
        # and the memo is dropped whenever a new name is learned.
        self._memo: dict[tuple[str, str, str | None], str] = {}
        for name in self.extra_names:
            self.learn_label(name)

    # -- placeholders ---------------------------------------------------------------------------
    def _placeholder(self, kind: str, value: str) -> str:
        key = (kind, value.casefold())
        if key not in self._values:
            self._counts[kind] += 1
            self._values[key] = f"[{kind}_{self._counts[kind]}]"
        return self._values[key]

    def _person(self, name: str) -> str:
        name = " ".join(name.split())
        folded = name.casefold()
        if folded in self._aliases:
            return self._aliases[folded]
        parts = [
            part.casefold()
            for part in name.split(" ")
            if len(part) > 1
            and part.casefold() not in words.NAME_PARTICLES
            and part.casefold() not in words.ALL_STOP_WORDS
            and part.casefold() not in self.keep
        ]
        # a person first met by one name ("Chloe", a speaker label) and later in full ("Chloe
        # Evans", the document's author) is one person: the full name takes that placeholder
        known = (
            self._aliases[part]
            for part in parts
            if len(parts) > 1
            and part in self._aliases
            and self._values.get(("PERSON", part)) == self._aliases[part]
        )
        placeholder = next(known, None) or self._placeholder("PERSON", name)
        self._aliases[folded] = placeholder
        self._memo.clear()
        for part in parts:
            self._aliases.setdefault(part, placeholder)
        return placeholder

    @property
    def placeholders(self) -> dict[str, int]:
        """How many distinct values of each kind were found so far."""
        return dict(self._counts)

    # -- learning -------------------------------------------------------------------------------
    def is_generic_label(self, label: str) -> bool:
        """Whether a speaker label is a role or an id (``Interviewer``, ``Speaker 2``, ``p07``).

        Example:
            >>> Redactor().is_generic_label("Speaker 2"), Redactor().is_generic_label("Anna")
            (True, False)
        """
        stripped = label.strip()
        if not stripped or re.fullmatch(r"[A-Za-z]{0,4}[-_ ]?\d+[A-Za-z]?", stripped):
            return True
        tokens = re.findall(r"[^\W\d_]+", stripped.casefold())
        return bool(tokens) and all(t in words.ROLE_WORDS for t in tokens)

    def learn_label(self, label: str) -> None:
        """Register a speaker label (or a known name) as a person, unless it is generic."""
        core = re.sub(r"\s*[(\[].*?[)\]]\s*", " ", label).strip(" -:")
        if not core or self.is_generic_label(core) or EMAIL_RE.fullmatch(core):
            return
        if core.casefold() in self.keep:
            return
        self._person(core)

    def learn_text(self, text: str, language: str | None = None) -> None:
        """Find and register the personal data in a text without changing it."""
        self.find(text, language)

    # -- finding --------------------------------------------------------------------------------
    def _name_spans(self, text: str, language: str | None) -> list[tuple[int, int, str]]:
        lang = (language or "").split("-")[0].lower()
        if lang == "no":
            lang = "nb"
        stops = words.STOP_WORDS.get(lang, words.ALL_STOP_WORDS)
        first_names = _first_names(lang)
        tokens = []
        for match in WORD_RE.finditer(text):
            token = match.group().rstrip(".")
            tokens.append((match.start(), match.start() + len(token), token))
        spans: list[tuple[int, int, str]] = []
        i = 0
        while i < len(tokens):
            start, end, token = tokens[i]
            folded = token.casefold()
            base = token
            if folded.endswith(("'s", "’s")):
                base = token[:-2]
            is_name = False
            if _capitalised(token) and folded not in self.keep and folded not in words.NEVER_NAMES:
                initial = _sentence_initial(text, start)
                prev = tokens[i - 1][2].casefold() if i > 0 else ""
                prev2 = tokens[i - 2][2].casefold() if i > 1 else ""
                adjacent_prev = i > 0 and text[tokens[i - 1][1] : start].strip(" ,") == ""
                next_cap = (
                    i + 1 < len(tokens)
                    and text[end : tokens[i + 1][0]] == " "
                    and _capitalised(tokens[i + 1][2])
                    and tokens[i + 1][2].casefold() not in stops
                )
                known = base.casefold() in self._aliases
                if not known and token.endswith("s") and token[:-1].casefold() in self._aliases:
                    base, known = token[:-1], True  # Danish/Norwegian genitive: "Mettes"
                cue = adjacent_prev and (
                    prev in words.TITLE_CUES
                    or prev in words.RELATION_CUES
                    or prev in words.INTRO_CUES
                    or (prev2, prev) in words.INTRO_PAIRS
                    or (tokens[i - 3][2].casefold() if i > 2 else "", prev2, prev)
                    in words.INTRO_TRIPLES
                    or (prev in words.POSSESSIVES and prev2 in words.RELATION_CUES)
                )
                if folded in stops and (initial or not known):
                    is_name = False
                elif known or cue:
                    is_name = True
                elif base in first_names:
                    is_name = not initial or next_cap
                elif lang in ("vi", "") and token in words.VIETNAMESE_SURNAMES:
                    is_name = next_cap
            if not is_name:
                i += 1
                continue
            span_end, j = start + len(base), i
            # Grow over the capitalised words (and name particles) that follow.
            while j + 1 < len(tokens) and j - i < 4:
                gap = text[tokens[j][1] : tokens[j + 1][0]]
                nxt = tokens[j + 1][2]
                if gap not in (" ", "-") or nxt.casefold() in words.NEVER_NAMES:
                    break
                # Vietnamese given names can be ordinary words ("Mai"): after a family name,
                # every capitalised syllable belongs to the name.
                vietnamese = token in words.VIETNAMESE_SURNAMES
                if _capitalised(nxt) and (vietnamese or nxt.casefold() not in stops):
                    j += 1
                    span_end = tokens[j][0] + len(nxt)
                elif (
                    nxt.casefold() in words.NAME_PARTICLES
                    and j + 2 < len(tokens)
                    and _capitalised(tokens[j + 2][2])
                    and text[tokens[j + 1][1] : tokens[j + 2][0]] == " "
                ):
                    j += 2
                    span_end = tokens[j][0] + len(tokens[j][2])
                else:
                    break
            spans.append((start, span_end, self._person(text[start:span_end])))
            i = j + 1
        return spans

    def find(self, text: str, language: str | None = None) -> list[Span]:
        """All personal data in ``text``, as non-overlapping spans in text order.

        Example:
            >>> [s.placeholder for s in Redactor().find("Write to ola@example.no")]
            ['[EMAIL_1]']
        """
        found: list[tuple[int, int, str]] = []
        protected = [(m.start(), m.end()) for m in PLACEHOLDER_RE.finditer(text)]
        for match in URL_RE.finditer(text):
            url = match.group().rstrip(".,;:!?")
            if _is_personal_url(url):
                # Keep the site (useful: "instagram.com"), replace the personal part.
                host = re.match(r"(?:https?://)?[^/?#]+/?", url)
                keep_to = match.start() + (host.end() if host else 0)
                found.append((keep_to, match.start() + len(url), self._placeholder("URL", url)))
        for match in EMAIL_RE.finditer(text):
            found.append((match.start(), match.end(), self._placeholder("EMAIL", match.group())))
        for start, end in phone_spans(text, language):
            found.append((start, end, self._placeholder("PHONE", text[start:end])))
        for match in HANDLE_RE.finditer(text):
            found.append((match.start(), match.end(), self._placeholder("HANDLE", match.group())))
        found.extend(self._name_spans(text, language))
        spans: list[Span] = []
        taken = list(protected)
        # Earlier kinds win over later ones (an e-mail is not also a name); then text order.
        for start, end, placeholder in found:
            if any(start < b and a < end for a, b in taken):
                continue
            taken.append((start, end))
            spans.append(Span(start, end, placeholder))
        return sorted(spans, key=lambda s: s.start)

    # -- redacting ------------------------------------------------------------------------------
    def redact_text(self, text: str, language: str | None = None) -> str:
        """Replace all personal data in a free text."""
        return apply_spans(text, self.find(text, language))

    def _memoised(self, kind: str, value: str, language: str | None, compute: Any) -> str:
        key = (kind, value, language)
        if key not in self._memo:
            result = compute()
            self._memo[key] = result
        return self._memo[key]

    def redact_label(self, label: str) -> str:
        """Redact a speaker label: a person's name becomes one placeholder; roles stay."""
        return self._memoised("label", label, None, lambda: self._redact_label(label))

    def _redact_label(self, label: str) -> str:
        if EMAIL_RE.fullmatch(label.strip()):
            return self._placeholder("EMAIL", label.strip())
        core = re.sub(r"\s*[(\[].*?[)\]]\s*", " ", label).strip(" -:")
        if not core or self.is_generic_label(core) or core.casefold() in self.keep:
            return self.redact_text(label)
        if core not in label:
            return self._person(core)
        return label.replace(core, self._person(core), 1)

    def redact_identifier(self, value: str) -> str:
        """Redact an id or path: e-mails, phone numbers and known names inside it.

        Only names already learned are replaced (an id has no sentences to judge capitals by),
        so ids stay stable and consistent between documents, statements and quotes.

        Example:
            >>> r = Redactor(); r.learn_label("Anna Hansen")
            >>> r.redact_identifier("interviews/anna_hansen.vtt")
            'interviews/[PERSON_1]_[PERSON_1].vtt'
        """
        return self._memoised("id", value, None, lambda: self._redact_identifier(value))

    def _redact_identifier(self, value: str) -> str:
        spans = [
            Span(m.start(), m.end(), self._placeholder("EMAIL", m.group()))
            for m in EMAIL_RE.finditer(value)
        ]
        for match in re.finditer(r"[^\W\d_]+", value):
            if any(s.start <= match.start() < s.end for s in spans):
                continue
            placeholder = self._aliases.get(match.group().casefold())
            if placeholder and match.group().casefold() not in words.ALL_STOP_WORDS:
                spans.append(Span(match.start(), match.end(), placeholder))
        return apply_spans(value, sorted(spans, key=lambda s: s.start))

    def redact_phrase(self, phrase: str, language: str | None = None) -> str:
        """Redact a label or keyword, where names may be lower-case (``"anna hansen"``)."""
        return self._memoised(
            "phrase", phrase, language, lambda: self._redact_phrase(phrase, language)
        )

    def _redact_phrase(self, phrase: str, language: str | None) -> str:
        text = self.redact_text(phrase, language)

        def replace(match: re.Match[str]) -> str:
            word = match.group()
            if word.casefold() in words.ALL_STOP_WORDS or _inside(text, match.start()):
                return word
            return self._aliases.get(word.casefold(), word)

        return re.sub(r"[^\W\d_]+", replace, text)


@lru_cache(maxsize=32)
def _first_names(language: str) -> frozenset[str]:
    """First names checked for a text in ``language`` (its own list and English; all if unknown)."""
    if not language:
        return frozenset().union(*words.FIRST_NAMES.values())
    return words.FIRST_NAMES["en"] | words.FIRST_NAMES.get(language, frozenset())


def _inside(text: str, offset: int) -> bool:
    """Whether ``offset`` falls inside a placeholder such as ``[PERSON_1]``."""
    return any(m.start() <= offset < m.end() for m in PLACEHOLDER_RE.finditer(text))


def apply_spans(text: str, spans: list[Span]) -> str:
    """Replace each span of ``text`` (sorted, non-overlapping) with its placeholder."""
    out, last = [], 0
    for span in spans:
        out.append(text[last : span.start])
        out.append(span.placeholder)
        last = span.end
    out.append(text[last:])
    return "".join(out)


__all__ = ["NAME_KEYS", "Redactor", "Span", "apply_spans"]
