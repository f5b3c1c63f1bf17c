"""Generated documentation stays in sync with the code: config reference, JSON Schema, includes."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from persona_nlp.schema import Analysis

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"docs_{name}", DOCS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_configuration_reference_is_up_to_date():
    generator = _load("gen_config")
    committed = (DOCS / "configuration.md").read_text(encoding="utf-8")
    assert committed == generator.render(), "run: python docs/gen_config.py"


def test_configuration_reference_documents_every_field():
    from persona_nlp.config import AnalysisConfig

    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    for section, field in AnalysisConfig.model_fields.items():
        model = field.annotation
        for name in getattr(model, "model_fields", {section: None}):
            assert f"| `{name}` |" in text, f"{section}.{name}"
    assert "| `min_theme_size` |" in text and "`--min-theme-size`" in text


def test_json_schema_is_up_to_date():
    generator = _load("gen_schema")
    committed = (DOCS / "analysis.schema.json").read_text(encoding="utf-8")
    assert committed == generator.render(), "run: python docs/gen_schema.py"
    schema = json.loads(committed)
    assert set(Analysis.model_fields) <= set(schema["properties"])


def test_docs_hook_includes_results_with_links_made_plain(tmp_path, monkeypatch):
    hooks = _load("hooks")
    source = tmp_path / "benchmarks" / "RESULTS.md"
    source.parent.mkdir()
    source.write_text(
        "# Results\n\nSee [the script](bench.py) and [site](https://example.org).\n"
        "```\n# not a heading\n```\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(hooks, "ROOT", tmp_path)
    text = hooks.include("Intro\n\n<!-- include: benchmarks/RESULTS.md -->\n")
    assert "## Results" in text
    assert "the script (`benchmarks/bench.py`)" in text
    assert "[site](https://example.org)" in text
    assert "\n# not a heading\n" in text
