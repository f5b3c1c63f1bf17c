"""Shared command line of the documentation generators (``gen_config.py``, ``gen_schema.py``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def cli(render: Callable[[], str], out: Path, script: str, doc: str, argv: list[str] | None) -> int:
    """Write ``render()`` to ``out``, or with ``--check`` exit 1 when ``out`` is stale.

    Args:
        render: Produces the full file text.
        out: The generated file.
        script: How to rerun the generator, for the staleness message.
        doc: The generator's module docstring (its first line is the ``--help`` description).
        argv: Command-line arguments (``None``: ``sys.argv``).

    Returns:
        The process exit status.
    """
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        if not out.is_file() or out.read_text(encoding="utf-8") != text:
            print(f"{out} is out of date: run python {script}", file=sys.stderr)
            return 1
        return 0
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}")
    return 0
