"""The public API: lazy re-exports, docstrings, fast import."""

from __future__ import annotations

import inspect
import subprocess
import sys

import persona_nlp


def test_all_matches_exports():
    assert sorted(persona_nlp.__all__) == sorted([*persona_nlp._EXPORTS, "__version__"])


def test_every_export_resolves_and_is_documented():
    for name in persona_nlp._EXPORTS:
        value = getattr(persona_nlp, name)
        assert inspect.getdoc(value), f"{name} has no docstring"


def test_unknown_attribute_raises():
    try:
        persona_nlp.does_not_exist  # noqa: B018
    except AttributeError as error:
        assert "does_not_exist" in str(error)
    else:  # pragma: no cover
        raise AssertionError("expected AttributeError")


def test_import_and_help_do_not_import_torch_or_models():
    code = (
        "import sys, persona_nlp, persona_nlp.cli\n"
        "try:\n    persona_nlp.cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('torch', 'sentence_transformers', 'spacy', 'hdbscan', 'sklearn') if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "HEAVY=\n" in result.stdout or result.stdout.strip().endswith("HEAVY=")
