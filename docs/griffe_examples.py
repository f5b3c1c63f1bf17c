"""griffe extension for the API reference: make the project's docstrings render well in Markdown.

- The docstrings use the Google style with a singular ``Example:`` heading; griffe only treats the
  plural ``Examples:`` as doctest examples (rendered as code). The heading is renamed, so ``>>>``
  lines render as code and never as Markdown.
- Sphinx roles (``:class:`~persona_nlp.schema.Corpus```) become code spans (``Corpus``), and a
  reST literal-block marker (``arrays::``) becomes a plain colon.

Only the rendered site changes; the source docstrings stay as they are.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_HEADING = re.compile(r"^(\s*)Example:\s*$", re.MULTILINE)
_ROLE = re.compile(r":(?:class|func|meth|mod|attr|data|exc|obj):`(~?)([\w.]+)`")
_LITERAL = re.compile(r"(\S)::$", re.MULTILINE)


def _role(match: re.Match[str]) -> str:
    short, target = match.group(1), match.group(2)
    return f"`{target.rsplit('.', 1)[-1] if short else target}`"


def clean(docstring: str) -> str:
    """The docstring with Markdown-friendly headings, roles and literal markers."""
    docstring = _HEADING.sub(r"\1Examples:", docstring)
    docstring = _ROLE.sub(_role, docstring)
    return _LITERAL.sub(r"\1:", docstring)


class ExampleSections(griffe.Extension):
    """Apply :func:`clean` to every docstring."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = clean(obj.docstring.value)
