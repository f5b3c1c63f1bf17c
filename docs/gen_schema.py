"""Generate ``docs/analysis.schema.json``: the JSON Schema of ``analysis.json``.

Built from ``Analysis.model_json_schema()`` (pydantic), so it always matches the data model;
``tests/test_report_docs.py`` fails when the committed file is stale.

Usage::

    python docs/gen_schema.py            # rewrite docs/analysis.schema.json
    python docs/gen_schema.py --check    # exit 1 if it is out of date
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from persona_nlp.schema import Analysis

OUT = Path(__file__).resolve().parent / "analysis.schema.json"


def render() -> str:
    """The schema as formatted JSON text (stable key order, trailing newline)."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **Analysis.model_json_schema(mode="serialization"),
    }
    schema["title"] = "persona_nlp analysis.json"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        if not OUT.is_file() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date: run python docs/gen_schema.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
