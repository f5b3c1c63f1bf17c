"""Redaction of a whole :class:`~persona_nlp.schema.Analysis` (see :mod:`persona_nlp.redact`).

The text-level :class:`~persona_nlp.redact.redactor.Redactor` lives in :mod:`.redactor`; the
package :mod:`persona_nlp.redact` re-exports both.

Example:
    >>> from persona_nlp.redact import redact_analysis as public
    >>> public is redact_analysis
    True
"""

from __future__ import annotations

import re

from ..schema import Analysis, Document, Quote, Statement
from .redactor import NAME_KEYS, Redactor, Span, apply_spans


def _map_offset(spans: list[Span], offset: int, *, end: bool) -> int:
    """Where ``offset`` of the original text lands in the redacted text.

    An offset inside a replaced span snaps outwards (to the span's start for a start offset,
    to its end for an end offset), so a statement never holds half a placeholder.
    """
    shift = 0
    for span in spans:
        if offset <= span.start or (not end and offset == span.start):
            break
        if offset < span.end:
            return span.start + shift + (len(span.placeholder) if end else 0)
        shift += len(span.placeholder) - (span.end - span.start)
    return offset + shift


_METADATA_NAME = re.compile(r"(?:^|[\s_-])(?:" + "|".join(sorted(NAME_KEYS)) + r")$", re.I)


def redact_analysis(analysis: Analysis, redactor: Redactor | None = None) -> Analysis:
    """Return a copy of ``analysis`` with personal data replaced by stable placeholders.

    Redacts speaker labels, turn, statement and uncoded texts, quotes, theme labels and
    keywords, persona summaries, metadata values, ids and paths, skipped-item messages, the
    configured interviewer labels and, in a wave analysis, the change report's theme labels,
    participant ids and baseline path; sets ``manifest.redacted``. Persona names are generated
    ("Frugal Fiona"), not real people, and are kept.

    Args:
        analysis: The analysis to redact (not modified).
        redactor: A redactor to use (e.g. with ``extra_names``); a fresh one by default.

    Example:
        >>> redacted = redact_analysis(analysis)  # doctest: +SKIP
        >>> redacted.manifest.redacted  # doctest: +SKIP
        True
    """
    r = redactor or Redactor()
    a = analysis.model_copy(deep=True)
    original_texts = {s.id: s.text for s in analysis.statements}
    documents = {d.id: d for d in a.documents}

    def language_of(document: Document | None, turn_language: str | None) -> str | None:
        return turn_language or (document.language if document else None)

    # Pass 1: learn every name, so placeholders are numbered in reading order everywhere.
    for document in a.documents:
        for turn in document.turns:
            r.learn_label(turn.speaker)
        for key, value in document.metadata.items():
            if _METADATA_NAME.search(key):
                r.learn_label(value)
    for participant in a.participants:
        if participant.speaker:
            r.learn_label(participant.speaker)
        for key, value in participant.metadata.items():
            if _METADATA_NAME.search(key):
                r.learn_label(value)
    interviewers = a.manifest.config.get("ingest", {}).get("interviewer") or []
    for label in interviewers:
        r.learn_label(str(label))
    for document in a.documents:
        if document.title:
            r.learn_text(document.title, document.language)
        for turn in document.turns:
            r.learn_text(turn.text, language_of(document, turn.language))
    for statement in a.statements:
        source = documents.get(statement.document_id)
        turns = source.turns if source else []
        in_turn = 0 <= statement.turn_index < len(turns) and (
            turns[statement.turn_index].text[statement.start_char : statement.end_char]
            == statement.text
        )
        if not in_turn:  # text already learned from its turn otherwise
            r.learn_text(statement.text, statement.language)

    # Pass 2: replace.
    turn_spans: dict[tuple[str, int], tuple[str, list[Span]]] = {}
    for document in a.documents:
        document.title = (
            r.redact_text(document.title, document.language) if document.title else None
        )
        document.metadata = _redact_metadata(r, document.metadata)
        for turn in document.turns:
            spans = r.find(turn.text, language_of(document, turn.language))
            turn_spans[(document.id, turn.index)] = (turn.text, spans)
            turn.text = apply_spans(turn.text, spans)
            turn.speaker = r.redact_label(turn.speaker)
            turn.participant_id = (
                r.redact_identifier(turn.participant_id) if turn.participant_id else None
            )

    statements: dict[str, Statement] = {}
    for statement in a.statements:
        turn_key = (statement.document_id, statement.turn_index)
        original_id = statement.id
        if (
            turn_key in turn_spans
            and turn_spans[turn_key][0][statement.start_char : statement.end_char] == statement.text
        ):
            _, spans = turn_spans[turn_key]
            start = _map_offset(spans, statement.start_char, end=False)
            stop = _map_offset(spans, statement.end_char, end=True)
            turn = documents[statement.document_id].turns[statement.turn_index]
            statement.start_char, statement.end_char = start, stop
            statement.text = turn.text[start:stop]
        else:
            statement.text = r.redact_text(statement.text, statement.language)
        statement.speaker = r.redact_label(statement.speaker)
        statement.cues = [r.redact_phrase(c) for c in statement.cues]
        _redact_ids(r, statement)
        statements[original_id] = statement

    for entry in a.uncoded:  # the start of its turn's text: cut the redacted turn alike
        turn_key = (entry.document_id, entry.turn_index)
        if turn_key in turn_spans and turn_spans[turn_key][0].startswith(entry.text):
            _, spans = turn_spans[turn_key]
            stop = _map_offset(spans, len(entry.text), end=True)
            entry.text = documents[entry.document_id].turns[entry.turn_index].text[:stop]
        else:
            entry.text = r.redact_text(entry.text, entry.language)
        entry.document_id = r.redact_identifier(entry.document_id)
        entry.participant_id = r.redact_identifier(entry.participant_id)

    def fix_quote(quote: Quote) -> None:
        source = statements.get(quote.statement_id)
        if source is not None and quote.text == original_texts.get(quote.statement_id):
            quote.text = source.text
        else:
            quote.text = r.redact_text(quote.text)
        quote.speaker = r.redact_label(quote.speaker)
        _redact_ids(r, quote)

    for theme in a.themes:
        theme.label = r.redact_phrase(theme.label)
        theme.keywords = [r.redact_phrase(k) for k in theme.keywords]
        theme.statement_ids = [r.redact_identifier(s) for s in theme.statement_ids]
        theme.participant_ids = [r.redact_identifier(p) for p in theme.participant_ids]
        for quote in theme.quotes:
            fix_quote(quote)
        for segment in theme.segments:
            segment.value = r.redact_phrase(segment.value)
    labels = {t.id: t.label for t in a.themes}
    for persona in a.personas:
        protected = {w.casefold() for w in persona.name.split()}
        persona.summary = _redact_protecting(r, persona.summary, protected)
        persona.participant_ids = [r.redact_identifier(p) for p in persona.participant_ids]
        for member in persona.members:
            member.participant_id = r.redact_identifier(member.participant_id)
        for persona_theme in persona.themes:
            persona_theme.label = labels.get(
                persona_theme.theme_id, r.redact_phrase(persona_theme.label)
            )
        for quote in persona.quotes:
            fix_quote(quote)
        persona.metadata_summary = {
            key: {
                r.redact_phrase(v) if not _METADATA_NAME.search(key) else r.redact_label(v): n
                for v, n in values.items()
            }
            for key, values in persona.metadata_summary.items()
        }
    if a.changes is not None:  # a wave analysis: theme labels and participant ids as above
        for change in a.changes.themes:
            change.label = labels.get(change.theme_id, r.redact_phrase(change.label))
        for move in a.changes.returning_participants:
            move.participant_id = r.redact_identifier(move.participant_id)
        a.changes.baseline = r.redact_identifier(a.changes.baseline)
    for participant in a.participants:
        participant.id = r.redact_identifier(participant.id)
        participant.speaker = r.redact_label(participant.speaker) if participant.speaker else None
        participant.document_ids = [r.redact_identifier(d) for d in participant.document_ids]
        participant.metadata = _redact_metadata(r, participant.metadata)
    for document in a.documents:
        document.id = r.redact_identifier(document.id)
        document.path = r.redact_identifier(document.path)
    for skipped in a.skipped:
        skipped.path = r.redact_identifier(skipped.path)
        skipped.message = r.redact_text(skipped.message)
    if interviewers:
        a.manifest.config["ingest"]["interviewer"] = [r.redact_label(str(x)) for x in interviewers]
    a.manifest.redacted = True
    return a


def _redact_ids(r: Redactor, item: Statement | Quote) -> None:
    if isinstance(item, Statement):
        item.id = r.redact_identifier(item.id)
    else:
        item.statement_id = r.redact_identifier(item.statement_id)
    item.document_id = r.redact_identifier(item.document_id)
    item.participant_id = r.redact_identifier(item.participant_id)


def _redact_metadata(r: Redactor, metadata: dict[str, str]) -> dict[str, str]:
    return {
        key: r.redact_label(value) if _METADATA_NAME.search(key) else r.redact_text(value)
        for key, value in metadata.items()
    }


def _redact_protecting(r: Redactor, text: str, protected: set[str]) -> str:
    spans = [
        s
        for s in r.find(text)
        if not {w.casefold() for w in text[s.start : s.end].split()} <= protected
    ]
    return apply_spans(text, spans)


__all__ = ["redact_analysis"]
