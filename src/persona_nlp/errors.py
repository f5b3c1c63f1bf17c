"""One exception hierarchy for persona_nlp.

::

    PersonaNLPError            base class; catch this to catch everything the library raises
    ├── InputError             bad input: unreadable, empty or malformed file, row or option
    │                          (always names the file and, where it applies, the line/row and the fix)
    ├── ConfigError            an invalid configuration value or option combination
    ├── ModelError             the embedding model cannot be found, loaded or verified
    └── DependencyError        an optional dependency is missing (names the pip command)

Every message is one line: what failed, where, and how to fix it. The CLI prints it and exits
non-zero without a traceback: 1 for an ``InputError`` (nothing usable read, or a strict stop),
2 for a ``ConfigError`` (a usage error), 3 for a missing model or dependency; 70 is kept for
real bugs.

Example:
    >>> from persona_nlp.errors import InputError
    >>> str(InputError("empty file", path="a.vtt", fix="export the transcript again"))
    'a.vtt: empty file (fix: export the transcript again)'
"""

from __future__ import annotations


class PersonaNLPError(Exception):
    """Base class of every error persona_nlp raises on purpose."""

    exit_code: int = 1


class InputError(PersonaNLPError):
    """A problem with an input file, row or value.

    Args:
        message: What is wrong.
        path: The file concerned.
        line: 1-based line or row number, where it applies.
        fix: How to fix it.
        reason: Short reason code, reused in ``Skipped.reason`` when the item is skipped.

    The command line exits with 1 on it (an input problem); 2 is kept for usage errors.
    """

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        fix: str | None = None,
        reason: str = "invalid",
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.fix = fix
        self.reason = reason
        super().__init__(self._format())

    def _format(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        text = f"{where}{self.message}"
        if self.fix:
            text += f" (fix: {self.fix})"
        return text


class ConfigError(PersonaNLPError):
    """An invalid configuration value or combination of options."""

    exit_code = 2


class ModelError(PersonaNLPError):
    """The embedding model cannot be found, loaded or verified."""

    exit_code = 3


class DependencyError(PersonaNLPError):
    """An optional dependency is missing; the message names the pip command that installs it."""

    exit_code = 3

    def __init__(self, package: str, extra: str | None = None, purpose: str = "") -> None:
        command = f"pip install 'persona-nlp[{extra}]'" if extra else f"pip install {package}"
        what = f" (needed for {purpose})" if purpose else ""
        super().__init__(f"missing optional dependency '{package}'{what} (fix: {command})")


__all__ = ["ConfigError", "DependencyError", "InputError", "ModelError", "PersonaNLPError"]
