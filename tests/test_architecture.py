"""The layout rules of docs/architecture.md, checked on the source's imports.

Folders are the stages, in the order of :data:`STAGES`; a folder imports only earlier folders
and the core modules, never ``pipeline`` or ``cli``, and never a private name (``_x``) of
another folder. Imports inside functions count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "persona_nlp"

STAGES = (
    "lang",
    "ingest",
    "embed",
    "extract",
    "themes",
    "personas",
    "waves",
    "enrich",
    "redact",
    "report",
    "run",
    "pipeline",
    "cli",
)
"""Folders (and the conductor modules) in the order data flows through them."""

CORE = {"schema", "config", "config_file", "errors", "kinds"}
"""Top-level modules every stage may import."""

ALLOWED_UPWARD = {
    # Analysis.write_json / to_html / to_markdown / to_pandas: thin conveniences, imported
    # inside the methods only (schema never imports report at module level).
    ("schema", "report"),
}


def _area(module: str) -> str:
    """``persona_nlp.themes.labels`` -> ``themes``; ``persona_nlp`` -> ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> list[tuple[str, list[str], bool]]:
    """(absolute module, imported names, at module level) for every import of ``path``."""
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    package = parts if parts[-1] == "__init__" else parts[:-1]
    package = [p for p in package if p != "__init__"]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if not module.startswith("persona_nlp"):
                continue
            names = [alias.name for alias in node.names]
            found.append((module, names, id(node) in top_level))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("persona_nlp"):
                    found.append((alias.name, [], id(node) in top_level))
    return found


def _module_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = [p for p in relative.parts if p != "__init__"]
    return ".".join(parts)


def _violations() -> list[str]:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = _module_of(path)
        area = _area(source)
        for module, names, at_top in _imports(path):
            target = _area(module)
            if target == area or target in CORE or target == "__init__":
                if target == "__init__" and area != "__init__" and names != ["__version__"]:
                    problems.append(f"{source} imports the package root ({names})")
                continue
            if area in CORE:
                if (area, target) in ALLOWED_UPWARD and not at_top:
                    continue
                problems.append(f"core module {source} imports {module}")
                continue
            if area == "__init__":
                continue
            if STAGES.index(target) >= STAGES.index(area):
                problems.append(f"{source} imports {module}: not earlier in the stage order")
            private = [n for n in names if n.startswith("_") and n != "__version__"]
            if private or any(part.startswith("_") for part in module.split(".")[2:]):
                problems.append(f"{source} imports private {module} {private}")
    return problems


def test_folders_import_only_earlier_stages_and_no_private_names():
    assert _violations() == []


def test_every_top_level_module_is_core_or_a_stage():
    modules = {p.stem for p in PACKAGE.glob("*.py")} | {
        p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()
    }
    assert modules - {"__init__"} <= CORE | set(STAGES)


def test_the_checker_sees_a_violation(tmp_path, monkeypatch):
    """The rule can fail: an upward import in a stage folder is reported."""
    fake = tmp_path / "persona_nlp"
    (fake / "ingest").mkdir(parents=True)
    (fake / "ingest" / "__init__.py").write_text("from ..themes import build_themes\n")
    (fake / "ingest" / "x.py").write_text("from ..extract.cues import _private\n")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", fake, raising=False)
    globals()["PACKAGE"] = fake
    try:
        problems = _violations()
    finally:
        globals()["PACKAGE"] = Path(__file__).resolve().parents[1] / "src" / "persona_nlp"
    assert any("not earlier" in p for p in problems)
    assert any("private" in p for p in problems)


def test_test_files_have_unique_basenames():
    """pytest's default import mode imports test files by basename: two test_x.py in different
    folders stop the whole suite at collection."""
    from collections import Counter

    tests = Path(__file__).resolve().parent
    names = Counter(path.name for path in tests.rglob("test_*.py"))
    assert [name for name, count in names.items() if count > 1] == []
