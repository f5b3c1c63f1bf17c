"""Redaction of personal data before anything is written.

Stage: after personas and enrichment, before the reports (``--redact``). Owns the text-level
:class:`~persona_nlp.redact.redactor.Redactor` (names, e-mail addresses, phone numbers, personal
URLs, handles; stable placeholders), :func:`redact_analysis` for a whole
:class:`~persona_nlp.schema.Analysis`, and the word lists in :mod:`.words`. Imports only
:mod:`persona_nlp.schema`. See ``docs/privacy.md``.

Example:
    >>> redactor = Redactor()
    >>> redactor.redact_text("Mail me at anna@example.com")
    'Mail me at [EMAIL_1]'
"""

from __future__ import annotations

from .analysis import redact_analysis
from .redactor import NAME_KEYS, Redactor, Span, apply_spans

__all__ = ["NAME_KEYS", "Redactor", "Span", "apply_spans", "redact_analysis"]
