"""Compare two output folders of ``persona-nlp analyze``/``enrich``, ignoring only timings.

Used to show that a refactoring changed no result: run the CLI at two commits into two folders
and compare them. ``analysis.json`` and ``personas.json`` are compared as JSON with
``manifest.timings`` removed; CSV, Markdown and HTML files as text with durations (``12.3 s``)
masked. Exit status 0 when every file is the same.

Example:
    python benchmarks/compare_outputs.py out/before out/after
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

_DURATION = re.compile(r"\d+(?:\.\d+)? ?s\b")


def _without_timings(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_timings(v) for k, v in value.items() if k != "timings"}
    if isinstance(value, list):
        return [_without_timings(v) for v in value]
    return value


def same_file(a: Path, b: Path) -> bool:
    """Whether two output files hold the same result (timings aside)."""
    if a.suffix == ".json":
        return _without_timings(json.loads(a.read_text("utf-8"))) == _without_timings(
            json.loads(b.read_text("utf-8"))
        )
    return _DURATION.sub("T", a.read_text("utf-8")) == _DURATION.sub("T", b.read_text("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    names = sorted(
        p.name
        for p in args.before.iterdir()
        if p.is_file() and p.name != "log" and p.suffix != ".log"
    )
    differing = 0
    for name in names:
        other = args.after / name
        ok = other.exists() and same_file(args.before / name, other)
        differing += not ok
        print(f"{'same' if ok else 'DIFFERENT'}  {name}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
