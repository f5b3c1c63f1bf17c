"""Generate ``docs/analysis.schema.json``: the JSON Schema of ``analysis.json``.

Built from ``Analysis.model_json_schema()`` (pydantic), so it always matches the data model;
``tests/test_report_docs.py`` fails when the committed file is stale.

Usage::

    python docs/gen_schema.py            # rewrite docs/analysis.schema.json
    python docs/gen_schema.py --check    # exit 1 if it is out of date
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _generate import cli  # noqa: E402

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
    """Command line: write the file, or ``--check`` that it is current."""
    return cli(render, OUT, "docs/gen_schema.py", __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
