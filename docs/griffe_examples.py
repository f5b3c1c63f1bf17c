"""griffe extension for the API reference: read ``Example:`` docstring sections as examples.

The project's docstrings use the Google style with a singular ``Example:`` heading; griffe only
treats the plural ``Examples:`` as doctest examples (rendered as code). This renames the
heading when the docs are built, so ``>>>`` lines render as code and never as Markdown.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_HEADING = re.compile(r"^(\s*)Example:\s*$", re.MULTILINE)


class ExampleSections(griffe.Extension):
    """Rename ``Example:`` to ``Examples:`` in every docstring."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = _HEADING.sub(r"\1Examples:", obj.docstring.value)
