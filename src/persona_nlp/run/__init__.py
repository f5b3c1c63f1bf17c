"""Running an analysis at scale: in parts, within memory, or on Dask workers.

Stage: around ingest and extraction, for the conductor (:mod:`persona_nlp.pipeline`) only.
Owns :func:`~.parts.extract_in_parts` (bounded working memory on the local path, the same parts
as Dask), :func:`~.memory.check_memory` (refuse in seconds an input this machine cannot hold)
and :mod:`.distributed` (ingest, extraction and embedding as Dask tasks; optional extra
``distributed``). Imports the stages before it, never ``pipeline`` or ``cli``.

Example:
    >>> from persona_nlp.run import check_memory
    >>> check_memory(10)
"""

from __future__ import annotations

from .memory import available_memory, check_memory
from .parts import extract_in_parts, partition_corpus, statement_order

__all__ = [
    "available_memory",
    "check_memory",
    "extract_in_parts",
    "partition_corpus",
    "statement_order",
]
