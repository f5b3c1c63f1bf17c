"""The report's view model: everything the Markdown and HTML templates show, computed once.

Templates only lay out what this module prepares (counts, shares, quote sources), so the
Markdown and HTML reports always say the same thing. Nothing here reads a clock or a random
generator: the same analysis always gives the same report.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..schema import (
    STATEMENT_KINDS,
    Analysis,
    Document,
    Persona,
    Quote,
    Statement,
    StatementKind,
    Theme,
)
from ._format import (
    KIND_LABELS,
    format_timestamp,
    language_name,
    plural,
)

MAX_MEMBERS_SHOWN = 12
"""Member ids listed on a persona card before "and N more"."""


@dataclass(frozen=True)
class QuoteView:
    """A quote with a readable source, e.g. ``p07 · 00:03:12``."""

    text: str
    source: str
    participant_id: str
    theme_label: str | None = None


@dataclass(frozen=True)
class PersonaThemeView:
    """One defining theme on a persona card."""

    theme_id: str
    label: str
    share: float
    overall_share: float | None
    lift: float
    quote: QuoteView | None


@dataclass
class PersonaView:
    """Everything a persona card shows."""

    persona: Persona
    anchor: str
    themes_by_kind: list[tuple[StatementKind, str, list[PersonaThemeView]]]
    quotes: list[QuoteView]
    members_shown: list[str]
    members_more: int
    metadata: list[tuple[str, str]]


@dataclass
class ThemeView:
    """One row of a theme table."""

    theme: Theme
    statements: int
    quotes: list[QuoteView]


@dataclass
class HeatmapRow:
    """One theme's share of participants per persona (and overall)."""

    theme_id: str
    kind: str
    label: str
    overall: float | None
    shares: list[float]


@dataclass(frozen=True)
class UncodedView:
    """One reason respondent turns gave no statement: how many, and a few of them verbatim."""

    reason: str
    label: str
    count: int
    examples: list[QuoteView]


@dataclass
class ReportView:
    """The whole report, ready for a template."""

    analysis: Analysis
    overview: list[tuple[str, str, str]]
    languages: list[tuple[str, int]]
    kind_counts: list[tuple[str, str, int, int]]
    personas: list[PersonaView]
    themes_by_kind: list[tuple[StatementKind, str, list[ThemeView]]]
    heatmap: list[HeatmapRow]
    skipped_reasons: list[tuple[str, int]]
    unthemed: int
    about: list[tuple[str, str]]
    highlights: list[tuple[StatementKind, str, Theme]] = field(default_factory=list)
    unassigned: list[tuple[str, int, list[str], int]] = field(default_factory=list)
    uncoded: list[UncodedView] = field(default_factory=list)
    respondent_turns: int = 0
    coded_turns: int = 0
    prevalence_base: str = ""
    extra: dict[str, object] = field(default_factory=dict)
    unsupported_languages: str = ""
    unthemed_kinds: list[tuple[StatementKind, str, int, str]] = field(default_factory=list)


class SourceIndex:
    """Lookups shared by the view builders."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.documents = {d.id: d for d in analysis.documents}
        self.statements: dict[str, Statement] = {s.id: s for s in analysis.statements}
        self.themes: dict[str, Theme] = {t.id: t for t in analysis.themes}
        self.theme_participants: dict[str, set[str]] = defaultdict(set)
        for statement in analysis.statements:
            if statement.theme_id:
                self.theme_participants[statement.theme_id].add(statement.participant_id)
        for theme in analysis.themes:
            self.theme_participants[theme.id].update(theme.participant_ids)

    def source(
        self,
        participant_id: str,
        document_id: str,
        turn_index: int | None,
        timestamp: float | None,
        line: int | None = None,
    ) -> str:
        parts = [participant_id]
        stamp = format_timestamp(timestamp)
        document = self.documents.get(document_id)
        turn = None
        if (
            document is not None
            and turn_index is not None
            and 0 <= turn_index < len(document.turns)
        ):
            turn = document.turns[turn_index]
        if line is None and turn is not None:
            line = turn.line  # results made before statements kept their own line
        # The document is named only when it is not obvious from the participant id.
        named = [] if document_id in ("", participant_id) else [document_id]
        if stamp is not None:
            parts.extend([*named, stamp])
        elif document is not None and document.kind == "survey":
            column = (turn.column or turn.question) if turn is not None else None
            parts.append(column or document.id)
        elif line is not None:
            parts.extend([*named, f"line {line}"])
        elif named:
            parts.extend(named)
        return " · ".join(parts)

    def quote(self, quote: Quote, theme_label: str | None = None) -> QuoteView:
        timestamp, line = quote.timestamp, quote.line
        statement = self.statements.get(quote.statement_id)
        if statement is not None:
            timestamp = statement.timestamp if timestamp is None else timestamp
            line = statement.line if line is None else line
        return QuoteView(
            text=quote.text,
            source=self.source(
                quote.participant_id, quote.document_id, quote.turn_index, timestamp, line
            ),
            participant_id=quote.participant_id,
            theme_label=theme_label,
        )

    def statement_quote(self, statement: Statement, theme_label: str | None = None) -> QuoteView:
        return QuoteView(
            text=statement.text,
            source=self.source(
                statement.participant_id,
                statement.document_id,
                statement.turn_index,
                statement.timestamp,
                statement.line,
            ),
            participant_id=statement.participant_id,
            theme_label=theme_label,
        )


def _total_participants(analysis: Analysis) -> int:
    if analysis.participants:
        return len(analysis.participants)
    return len({s.participant_id for s in analysis.statements})


def _persona_view(index: SourceIndex, persona: Persona, number: int) -> PersonaView:
    members = set(persona.participant_ids)
    by_kind: dict[str, list[PersonaThemeView]] = defaultdict(list)
    used_quotes: set[str] = set()
    persona_quotes = {q.statement_id: q for q in persona.quotes}
    for persona_theme in persona.themes:
        theme = index.themes.get(persona_theme.theme_id)
        quote_view = None
        # Prefer the persona's own chosen quotes, then the theme's, then any member statement.
        candidates: list[Quote] = [
            q
            for q in persona.quotes
            if q.statement_id in index.statements
            and index.statements[q.statement_id].theme_id == persona_theme.theme_id
        ]
        if theme is not None:
            candidates += [q for q in theme.quotes if q.participant_id in members]
        candidates = [q for q in candidates if q.statement_id not in used_quotes]
        if candidates:
            quote_view = index.quote(candidates[0])
            used_quotes.add(candidates[0].statement_id)
        else:
            member_statements = sorted(
                (
                    s
                    for s in index.analysis.statements
                    if s.theme_id == persona_theme.theme_id
                    and s.participant_id in members
                    and s.id not in used_quotes
                ),
                key=lambda s: (-s.confidence, s.id),
            )
            if member_statements:
                quote_view = index.statement_quote(member_statements[0])
                used_quotes.add(member_statements[0].id)
        overall = theme.prevalence.share if theme is not None and theme.prevalence else None
        by_kind[persona_theme.kind].append(
            PersonaThemeView(
                theme_id=persona_theme.theme_id,
                label=persona_theme.label,
                share=persona_theme.share,
                overall_share=overall,
                lift=persona_theme.lift,
                quote=quote_view,
            )
        )
    themes_by_kind = [
        (kind, KIND_LABELS[kind], sorted(by_kind[kind], key=lambda v: (-v.share, v.label)))
        for kind in STATEMENT_KINDS
        if by_kind.get(kind)
    ]
    extra_quotes = []
    for statement_id, quote in persona_quotes.items():
        if statement_id in used_quotes:
            continue
        statement = index.statements.get(statement_id)
        theme = index.themes.get(statement.theme_id) if statement and statement.theme_id else None
        extra_quotes.append(index.quote(quote, theme.label if theme else None))
    # Keys where no value is shared by two members (names, dates, ids) describe individuals,
    # not the persona: they are left out of the card.
    metadata = [
        (
            key,
            " · ".join(
                f"{value} ({count})"
                for value, count in sorted(values.items(), key=lambda item: (-item[1], item[0]))
            ),
        )
        for key, values in sorted(persona.metadata_summary.items())
        if values and max(values.values()) >= 2
    ]
    ids = sorted(persona.participant_ids)
    return PersonaView(
        persona=persona,
        anchor=f"persona-{number}",
        themes_by_kind=themes_by_kind,
        quotes=extra_quotes,
        members_shown=ids[:MAX_MEMBERS_SHOWN],
        members_more=max(len(ids) - MAX_MEMBERS_SHOWN, 0),
        metadata=metadata,
    )


def _heatmap(index: SourceIndex, max_rows: int) -> list[HeatmapRow]:
    analysis = index.analysis
    if not analysis.personas or not analysis.themes:
        return []
    members = [set(p.participant_ids) for p in analysis.personas]
    themes = sorted(
        analysis.themes,
        key=lambda t: (
            STATEMENT_KINDS.index(t.kind),
            -(t.prevalence.share if t.prevalence else 0.0),
            t.id,
        ),
    )
    if len(themes) > max_rows:
        per_kind = max(max_rows // len(STATEMENT_KINDS), 1)
        counts: Counter[str] = Counter()
        kept = []
        for theme in themes:
            if counts[theme.kind] < per_kind:
                kept.append(theme)
                counts[theme.kind] += 1
        themes = kept
    rows = []
    for theme in themes:
        participants = index.theme_participants.get(theme.id, set())
        shares = [len(participants & m) / len(m) if m else 0.0 for m in members]
        rows.append(
            HeatmapRow(
                theme_id=theme.id,
                kind=theme.kind,
                label=theme.label,
                overall=theme.prevalence.share if theme.prevalence else None,
                shares=shares,
            )
        )
    return rows


def participant_languages(documents: Iterable[Document]) -> Counter[str | None]:
    """Participants per language: the language most of their respondent turns are in.

    A participant counts once, in the language of most of their respondent turns (a turn's own
    language, else its document's; ties go to the first code in alphabetical order), so a survey
    file answered in Dutch and English counts its respondents in both.

    Example:
        >>> from persona_nlp.schema import Document, Turn
        >>> turns = [Turn(index=i, speaker=p, role="respondent", participant_id=p, text="x",
        ...               language=code) for i, (p, code) in enumerate([("a", "nl"), ("b", "en")])]
        >>> sorted(participant_languages([Document(id="s", path="s.csv", kind="survey",
        ...                                         language="en", turns=turns)]).items())
        [('en', 1), ('nl', 1)]
    """
    per_participant: dict[str, Counter[str | None]] = defaultdict(Counter)
    for document in documents:
        for turn in document.turns:
            if turn.role == "respondent" and turn.participant_id:
                per_participant[turn.participant_id][turn.language or document.language] += 1
    return Counter(
        min(counts.items(), key=lambda item: (-item[1], item[0] or ""))[0]
        for counts in per_participant.values()
    )


UNASSIGNED_REASONS: dict[str, str] = {
    "no_statements": "Nothing they said became a statement",
    "no_themes": "Statements, but none in a theme",
    "no_close_persona": "Not close enough to one persona",
    "no_personas": "Too few participants with themes to build personas",
}
"""Readable reason of each :class:`~persona_nlp.schema.UnassignedParticipant` reason code."""


def _unassigned(analysis: Analysis) -> list[tuple[str, int, list[str], int]]:
    """Participants in no persona per reason: (reason text, count, ids shown, ids not shown)."""
    by_reason: dict[str, list[str]] = defaultdict(list)
    for entry in analysis.unassigned_participants:
        by_reason[entry.reason].append(entry.participant_id)
    rows = []
    for reason, ids in sorted(by_reason.items(), key=lambda item: (-len(item[1]), item[0])):
        ids = sorted(ids)
        rows.append(
            (
                UNASSIGNED_REASONS.get(reason, reason),
                len(ids),
                ids[:MAX_MEMBERS_SHOWN],
                max(len(ids) - MAX_MEMBERS_SHOWN, 0),
            )
        )
    return rows


UNCODED_REASONS: dict[str, str] = {
    "no_statement": "No statement found (narrative, a bare name or fact)",
    "below_threshold": "A kind was likely, but below the confidence threshold",
    "non_answer": "A non-answer (“nothing”, “n/a”)",
    "backchannel": "A backchannel (“yeah”, “right”)",
    "question": "A question back to the interviewer",
    "unsupported_language": "A language without a cue table",
    "empty": "Empty (blanks or punctuation only)",
}
"""Readable reason of each :class:`~persona_nlp.schema.Uncoded` reason code."""

UNCODED_EXAMPLES = 3
"""Verbatim examples shown per uncoded reason (all are in ``uncoded.csv``)."""

UNCODED_EXAMPLE_CHARS = 200
"""An uncoded example is cut to this many characters in the reports."""


def _uncoded(index: SourceIndex) -> list[UncodedView]:
    """Uncoded turns per reason, most common first, each with a few verbatim examples.

    Examples are the longest turns of their reason (ties: analysis order), so a reader sees
    the substantive answers that were not used rather than the shortest fragments.
    """
    by_reason: dict[str, list[int]] = defaultdict(list)
    entries = index.analysis.uncoded
    for number, entry in enumerate(entries):
        by_reason[entry.reason].append(number)
    views = []
    for reason, numbers in sorted(by_reason.items(), key=lambda item: (-len(item[1]), item[0])):
        picked = sorted(numbers, key=lambda n: (-len(entries[n].text), n))[:UNCODED_EXAMPLES]
        examples = []
        for number in sorted(picked):
            entry = entries[number]
            document = index.documents.get(entry.document_id)
            turn = (
                document.turns[entry.turn_index]
                if document is not None and 0 <= entry.turn_index < len(document.turns)
                else None
            )
            text = entry.text
            if len(text) > UNCODED_EXAMPLE_CHARS:
                text = text[:UNCODED_EXAMPLE_CHARS].rstrip() + "…"
            label = None
            if entry.kind is not None and entry.confidence is not None:
                label = f"closest kind: {entry.kind.replace('_', ' ')}, {entry.confidence:.2f}"
            examples.append(
                QuoteView(
                    text=text,
                    source=index.source(
                        entry.participant_id,
                        entry.document_id,
                        entry.turn_index,
                        turn.start if turn is not None else None,
                        entry.line,
                    ),
                    participant_id=entry.participant_id,
                    theme_label=label,
                )
            )
        views.append(
            UncodedView(reason, UNCODED_REASONS.get(reason, reason), len(numbers), examples)
        )
    return views


def _prevalence_base(analysis: Analysis) -> str:
    """Who a theme's prevalence counts: its base, and how many in it said nothing coded."""
    total = _total_participants(analysis)
    speaking = {s.participant_id for s in analysis.statements}
    if analysis.participants:
        silent = sum(1 for p in analysis.participants if p.id not in speaking)
    else:
        silent = 0
    base = (
        f"Prevalence counts distinct participants, not sentences, out of all "
        f"{plural(total, 'participant')} with at least one answer or turn (blank and "
        "non-answer survey cells alone make nobody a participant)"
    )
    if silent:
        return (
            base + f"; {silent:,} of them said nothing that became a "
            "statement and still count in every base (see “What the analysis did not use”)."
        )
    return base + "."


def build_view(
    analysis: Analysis, *, max_heatmap_rows: int = 30, quotes_per_theme: int = 3
) -> ReportView:
    """Compute everything the reports show from an analysis.

    Args:
        analysis: The analysis to report.
        max_heatmap_rows: Most themes in the theme-by-persona chart (the most prevalent per kind).
        quotes_per_theme: Quotes shown per theme in the theme tables.

    Example:
        >>> from persona_nlp.schema import Analysis, Manifest
        >>> build_view(Analysis(manifest=Manifest(package_version="0"))).overview[0]
        ('Participants', '0', '')
    """
    index = SourceIndex(analysis)
    kinds = Counter(d.kind for d in analysis.documents)
    statement_kinds = Counter(s.kind for s in analysis.statements)
    theme_kinds = Counter(t.kind for t in analysis.themes)
    languages = participant_languages(analysis.documents)
    language_rows = sorted(
        ((language_name(code), n) for code, n in languages.items()), key=lambda r: (-r[1], r[0])
    )
    total = _total_participants(analysis)
    overview = [
        ("Participants", f"{total:,}", ""),
        (
            "Documents",
            f"{len(analysis.documents):,}",
            f"{plural(kinds['interview'], 'interview')} · {plural(kinds['survey'], 'survey')}",
        ),
        ("Statements", f"{len(analysis.statements):,}", ""),
        ("Themes", f"{len(analysis.themes):,}", ""),
        ("Personas", f"{len(analysis.personas):,}", ""),
    ]
    themes_by_kind = []
    for kind in STATEMENT_KINDS:
        themes = sorted(
            (t for t in analysis.themes if t.kind == kind),
            key=lambda t: (-(t.prevalence.share if t.prevalence else 0.0), t.id),
        )
        if themes:
            themes_by_kind.append(
                (
                    kind,
                    KIND_LABELS[kind],
                    [
                        ThemeView(
                            theme=t,
                            statements=len(t.statement_ids),
                            quotes=[index.quote(q) for q in t.quotes[:quotes_per_theme]],
                        )
                        for t in themes
                    ],
                )
            )
    manifest = analysis.manifest
    about = [("persona_nlp version", manifest.package_version)]
    if manifest.model_name:
        about.append(("Embedding model", manifest.model_name))
    if manifest.model_fingerprint:
        about.append(("Model fingerprint", manifest.model_fingerprint[:16]))
    about.append(("Seed", str(manifest.seed)))
    about.append(("Personal data redacted", "yes" if manifest.redacted else "no"))
    coded_turns = len({(s.document_id, s.turn_index) for s in analysis.statements})
    return ReportView(
        analysis=analysis,
        overview=overview,
        languages=language_rows,
        kind_counts=[
            (kind, KIND_LABELS[kind], statement_kinds[kind], theme_kinds[kind])
            for kind in STATEMENT_KINDS
        ],
        personas=[_persona_view(index, p, n) for n, p in enumerate(analysis.personas, start=1)],
        themes_by_kind=themes_by_kind,
        heatmap=_heatmap(index, max_heatmap_rows),
        skipped_reasons=sorted(
            Counter(s.reason for s in analysis.skipped).items(), key=lambda r: (-r[1], r[0])
        ),
        unthemed=sum(1 for s in analysis.statements if not s.theme_id),
        about=about,
        highlights=[(kind, heading, rows[0].theme) for kind, heading, rows in themes_by_kind],
        unassigned=_unassigned(analysis),
        uncoded=_uncoded(index),
        respondent_turns=coded_turns + len(analysis.uncoded),
        coded_turns=coded_turns,
        prevalence_base=_prevalence_base(analysis),
        unsupported_languages=unsupported_languages_note(manifest.unsupported_languages),
        unthemed_kinds=unthemed_kinds(analysis),
    )


def unthemed_kinds(analysis: Analysis) -> list[tuple[StatementKind, str, int, str]]:
    """Kinds with statements but no theme, each with its statement count and the reason.

    A theme needs ``themes.min_theme_size`` statements alike (3 by default): a kind with fewer
    statements cannot have one, a kind with more had none close enough to each other.

    Example:
        >>> from persona_nlp.schema import Manifest, Statement
        >>> s = Statement(id="s1", document_id="d", participant_id="p", turn_index=0,
        ...               text="The app logs me out", start_char=0, end_char=19,
        ...               kind="pain_point", confidence=0.9)
        >>> unthemed_kinds(Analysis(manifest=Manifest(package_version="0"), statements=[s]))[0][3]
        'only 1 statement, fewer than the 3 a theme needs (themes.min_theme_size)'
    """
    config = analysis.manifest.config.get("themes", {}) if analysis.manifest.config else {}
    smallest = int(config.get("min_theme_size", 3)) if isinstance(config, dict) else 3
    counts = Counter(s.kind for s in analysis.statements)
    themed = {t.kind for t in analysis.themes}
    out = []
    for kind in STATEMENT_KINDS:
        n = counts.get(kind, 0)
        if not n or kind in themed:
            continue
        if n < smallest:
            said = "only 1 statement" if n == 1 else f"only {n} statements"
            reason = f"{said}, fewer than the {smallest} a theme needs (themes.min_theme_size)"
        else:
            reason = (
                f"no {smallest} of its {n} statements are alike enough to form a theme "
                "(themes.min_theme_size)"
            )
        out.append((kind, KIND_LABELS[kind], n, reason))
    return out


def unsupported_languages_note(counts: dict[str, int]) -> str:
    """One sentence on the languages the extractor has no cue table or exemplar bank for.

    Example:
        >>> unsupported_languages_note({"fr": 72})
        'French (72 turns) has no cue table or exemplar bank: its statements were typed by the language-agnostic path (embedding and shared cues only) and are less reliable.'
    """
    if not counts:
        return ""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    names = ", ".join(f"{language_name(code)} ({plural(n, 'turn')})" for code, n in ranked)
    verb, pronoun = ("has", "its") if len(counts) == 1 else ("have", "their")
    return (
        f"{names} {verb} no cue table or exemplar bank: {pronoun} statements were typed by the "
        "language-agnostic path (embedding and shared cues only) and are less reliable."
    )
