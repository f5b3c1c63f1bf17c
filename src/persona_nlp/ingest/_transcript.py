"""From speaker segments to a Document: merging, roles, participants, language.

Every interview reader (text, webvtt, srt, docx) produces :class:`Segment` objects, one per
labelled line or cue, and hands them to :func:`build_interview`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..config import IngestConfig
from ..errors import InputError
from ..lang import MAX_CHARS, detect_language
from ..schema import Document, Participant, Role, SourceMark, Turn
from ._common import ReadResult, clean_text
from .roles import infer_roles, is_role_label, label_role

_SINGLE_WORD_KEYS = """
    date time duration length location place city town country region age gender sex occupation
    job profession role title company organisation organization employer industry sector segment
    participant respondent interviewer interviewers moderator researcher facilitator project study
    session interview language recorded recording source household income education name plan
    device platform persona team department position observer channel status
    dato tid varighed sted by land alder køn stilling beskæftigelse erhverv virksomhed branche
    deltager projekt sprog uddannelse indkomst husstand
    varighet kjønn yrke bedrift deltaker intervjuer prosjekt språk utdanning inntekt husholdning
    datum tijd duur locatie plaats stad leeftijd geslacht beroep functie bedrijf deelnemer taal
    woonplaats opleiding inkomen huishouden onderzoeker gespreksleider
    tanggal waktu durasi lokasi tempat kota negara usia umur pekerjaan jabatan perusahaan industri
    responden narasumber pewawancara proyek bahasa pendidikan pendapatan
    ngày tỉnh tuổi
"""
# fmt: off
METADATA_KEYS: frozenset[str] = frozenset(
    {
        *_SINGLE_WORD_KEYS.split(),
        "job title", "participant id", "respondent id", "interview date", "customer since",
        "note taker", "jenis kelamin", "thời gian", "thời lượng", "địa điểm", "thành phố",
        "quốc gia", "giới tính", "nghề nghiệp", "công việc", "chức vụ", "công ty",
        "người tham gia", "người phỏng vấn", "dự án", "ngôn ngữ", "học vấn", "thu nhập",
    }
)
# fmt: on
"""Keys of a ``Key: value`` metadata block at the top of a transcript (casefolded)."""

_NAME_PARTICLES = frozenset(
    "van de der den von da di du le la bin binti al el dos das del y thị văn".split()
)


@dataclass
class Segment:
    """One labelled piece of a transcript (a line, a paragraph or a cue)."""

    speaker: str | None
    text: str
    line: int
    start: float | None = None
    end: float | None = None
    marks: list[tuple[int, int, float | None]] = field(default_factory=list)
    """``(offset in text, source line, start time)`` where a later source line begins."""

    def extend(self, text: str, line: int, start: float | None = None) -> None:
        """Append the next source line of this segment, remembering where it begins.

        Example:
            >>> segment = Segment("A", "I think", 1)
            >>> segment.extend("so.", 2)
            >>> segment.text, segment.marks
            ('I think so.', [(8, 2, None)])
        """
        offset = len(self.text) + 1 if self.text.strip() else 0
        self.text = f"{self.text} {text}" if offset else text
        self.marks.append((offset, line, start))

    def cleaned(self) -> tuple[str, list[SourceMark]]:
        """The text cleaned line by line (:func:`clean_text`), with the marks moved along."""
        bounds = [(0, self.line, self.start), *self.marks]
        pieces: list[str] = []
        marks: list[SourceMark] = []
        length = 0
        for number, (offset, line, start) in enumerate(bounds):
            end = bounds[number + 1][0] if number + 1 < len(bounds) else len(self.text)
            piece = clean_text(self.text[offset:end])
            if not piece:
                continue
            if pieces:
                length += 1
                marks.append(SourceMark(char=length, line=line, start=start))
            elif number:
                # the segment's first line had no text (a speaker label alone on its line)
                marks.append(SourceMark(char=0, line=line, start=start))
            pieces.append(piece)
            length += len(piece)
        return " ".join(pieces), marks


def looks_like_name(value: str) -> bool:
    """Whether a value reads like a person's name (``Jane Smith``, ``Nguyễn Văn An``).

    Example:
        >>> looks_like_name("Jane van Dijk"), looks_like_name("Thanks for joining")
        (True, False)
    """
    words = value.split()
    if not 1 <= len(words) <= 5 or value.rstrip()[-1:] in ".?!":
        return False
    return all(w[:1].isupper() or w.casefold() in _NAME_PARTICLES or w[:1].isdigit() for w in words)


def metadata_entry(key: str, value: str) -> tuple[str, str] | None:
    """``(key, value)`` if ``Key: value`` is a metadata line of a transcript header, else ``None``.

    Role keys (``Interviewer: Jane Smith``) only count when the value is a name, so the
    first turn ``Interviewer: Thanks for joining.`` is not taken for metadata.
    """
    key_norm = re.sub(r"\s+", " ", key.strip().casefold())
    value = value.strip()
    if key_norm not in METADATA_KEYS or not value or len(value) > 200:
        return None
    if label_role(key) in ("interviewer", "respondent") and not looks_like_name(value):
        return None
    return key.strip(), value


def header_interviewers(metadata: dict[str, str]) -> list[str]:
    """Names given for interviewer keys in the header (``Moderator: Jane Smith``), full and first."""
    names: list[str] = []
    for key, value in metadata.items():
        if label_role(key) == "interviewer":
            for name in re.split(r"\s*(?:,|&|\band\b|\bog\b|\ben\b|\bdan\b|\bvà\b)\s*", value):
                if name:
                    names.extend([name, name.split()[0]])
    return names


@dataclass
class MergedSegment:
    """A speaker's turn-to-be: consecutive segments of one speaker, cleaned and joined."""

    speaker: str | None
    text: str
    line: int
    start: float | None
    end: float | None
    marks: list[SourceMark]
    """Where each later source line or cue begins in ``text`` (line and start time)."""


def merge_segments(segments: list[Segment]) -> list[MergedSegment]:
    """Join consecutive segments of one speaker (one space between), keeping first start/last end.

    Each source line or cue after the first leaves a :class:`~persona_nlp.schema.SourceMark`
    (offset in the merged text, line, start time), so a quote from the middle of a long turn
    can be traced to its own line and cue.

    Example:
        >>> merged = merge_segments([Segment("A", "I think", 1, 0.0, 1.0), Segment("A", "so.", 2, 1.0, 2.0)])
        >>> merged[0].text, merged[0].end, merged[0].marks[0].char, merged[0].marks[0].line
        ('I think so.', 2.0, 8, 2)
    """
    merged: list[MergedSegment] = []
    for segment in segments:
        text, marks = segment.cleaned()
        if not text:
            continue
        if merged and merged[-1].speaker == segment.speaker:
            last = merged[-1]
            offset = len(last.text) + 1
            last.marks.append(SourceMark(char=offset, line=segment.line, start=segment.start))
            last.marks.extend(
                mark.model_copy(update={"char": mark.char + offset}) for mark in marks
            )
            last.text = f"{last.text} {text}"
            if segment.end is not None:
                last.end = segment.end
            if last.start is None:
                last.start = segment.start
            continue
        merged.append(
            MergedSegment(segment.speaker, text, segment.line, segment.start, segment.end, marks)
        )
    return merged


QUESTION_LANGUAGE_CHARS = 300
"""Characters of a transcript used to pick the language of question words (a cheap first look)."""


def _language_of(texts: list[str], config: IngestConfig, limit: int = MAX_CHARS) -> str | None:
    if config.language:
        return config.language
    sample = ""
    for text in texts:
        sample += text + " "
        if len(sample) >= limit:
            break
    return detect_language(sample, config.languages) if sample.strip() else None


def build_interview(
    *,
    doc_id: str,
    display: str,
    fmt: str,
    segments: list[Segment],
    config: IngestConfig,
    title: str | None = None,
    metadata: dict[str, str] | None = None,
) -> ReadResult:
    """Turn a transcript's segments into one interview Document and its participants.

    Raises:
        InputError: No text at all (reason ``empty``), or only interviewer turns (reason
            ``no_respondent``: nothing to analyse).
    """
    metadata = dict(metadata or {})
    merged = merge_segments(segments)
    if not merged:
        raise InputError(
            "no transcript text found",
            path=display,
            fix="check that the file has the spoken text",
            reason="empty",
        )
    labelled = any(s.speaker is not None for s in merged)
    texts = [s.text for s in merged]
    roles: dict[str | None, Role]
    if labelled:
        interviewers = [*config.interviewer, *header_interviewers(metadata)]
        # Question words matter only for named speakers ("Anna"), so only they cost a detection.
        named = any(s.speaker is not None and not is_role_label(s.speaker) for s in merged)
        question_language = _language_of(texts, config, QUESTION_LANGUAGE_CHARS) if named else None
        roles = infer_roles([s.speaker for s in merged], texts, interviewers, question_language)
        roles.setdefault(None, "unknown")
    else:
        # No labels at all: one voice. It is the participant's own text (a written answer,
        # a diary) unless some paragraph is a question, which hints at an unlabelled interview.
        asks = any(clean_text(s.text).endswith(("?", "？")) for s in segments)
        roles = {None: "unknown" if asks else "respondent"}
    respondents = list(dict.fromkeys(s.speaker for s in merged if roles[s.speaker] == "respondent"))
    if not respondents and all(roles[s.speaker] == "interviewer" for s in merged):
        raise InputError(
            "only interviewer turns, no respondent text",
            path=display,
            fix="check the speaker labels, or name the interviewer with --interviewer LABEL",
            reason="no_respondent",
        )

    def participant_of(speaker: str | None) -> str | None:
        if not labelled:
            return doc_id
        if roles[speaker] != "respondent":
            return None
        return doc_id if len(respondents) == 1 else f"{doc_id}/{speaker}"

    turns = [
        Turn(
            index=i,
            speaker=s.speaker or "",
            role=roles[s.speaker],
            participant_id=participant_of(s.speaker),
            text=s.text,
            start=s.start,
            end=s.end,
            line=s.line,
            marks=s.marks or None,
        )
        for i, s in enumerate(merged)
    ]
    respondent_texts = [t.text for t in turns if t.role == "respondent"]
    language = _language_of(respondent_texts or texts, config)
    document = Document(
        id=doc_id,
        path=display,
        kind="interview",
        language=language,
        format=fmt,
        title=title,
        metadata=metadata,
        turns=turns,
    )
    participant_ids = list(dict.fromkeys(t.participant_id for t in turns if t.participant_id))
    participants = [
        Participant(
            id=pid,
            document_ids=[doc_id],
            speaker=next((t.speaker or None for t in turns if t.participant_id == pid), None),
            metadata=dict(metadata) if len(participant_ids) == 1 else {},
        )
        for pid in participant_ids
    ]
    return ReadResult(documents=[document], participants=participants)
