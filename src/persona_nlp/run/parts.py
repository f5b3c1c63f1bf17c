"""Extraction in parts: bounded working memory on the local path, the same parts as Dask.

A corpus is cut into parts of about :data:`EXTRACT_PART_TURNS` turns (surveys between rows,
interviews whole: extraction uses the previous interviewer turn as context); each part is
extracted on its own and the statements are merged in the extractor's own order, so the result
is the same as one call on the whole corpus.

Example:
    >>> from persona_nlp.embed import HashingEmbedder
    >>> from persona_nlp.config import ExtractConfig
    >>> extract_in_parts(Corpus(), HashingEmbedder(), ExtractConfig())
    []
"""

from __future__ import annotations

from collections.abc import Callable

from ..config import ExtractConfig
from ..embed import Embedder
from ..schema import Corpus, Document, Statement, Uncoded


def partition_corpus(corpus: Corpus, partition_size: int) -> list[Corpus]:
    """Cut a corpus into parts of about ``partition_size`` turns for extraction.

    Survey documents are split between rows (each answer is classified on its own, with its
    column's question as context). Interview documents stay whole: extraction uses the previous
    interviewer turn as context. Turns keep their ``index``, so statement ids do not change.
    Participants are not copied (extraction does not read them).

    Example:
        >>> from persona_nlp.schema import Turn
        >>> turns = [Turn(index=i, speaker="r", role="respondent", text="x") for i in range(5)]
        >>> doc = Document(id="s", path="s.csv", kind="survey", turns=turns)
        >>> [len(p.documents[0].turns) for p in partition_corpus(Corpus(documents=[doc]), 2)]
        [2, 2, 1]
    """
    parts: list[Corpus] = []
    current: list[Document] = []
    size = 0

    def flush() -> None:
        nonlocal current, size
        if current:
            parts.append(Corpus(documents=current))
        current, size = [], 0

    for document in corpus.documents:
        if document.kind == "survey" and len(document.turns) > partition_size:
            for start in range(0, len(document.turns), partition_size):
                flush()
                chunk = document.turns[start : start + partition_size]
                current, size = [document.model_copy(update={"turns": chunk})], len(chunk)
            continue
        if size and size + len(document.turns) > partition_size:
            flush()
        current.append(document)
        size += len(document.turns)
    flush()
    return parts


def statement_order(statement: Statement) -> tuple[str, int, int, int]:
    """The extractor's output order: document id, turn index, span start and end.

    Example:
        >>> statement_order(Statement(id="d:1:0-4", document_id="d", participant_id="p",
        ...     turn_index=1, text="abcd", start_char=0, end_char=4, kind="goal", confidence=0.9))
        ('d', 1, 0, 4)
    """
    return (statement.document_id, statement.turn_index, statement.start_char, statement.end_char)


def uncoded_order(entry: Uncoded) -> tuple[str, int]:
    """The extractor's order of uncoded turns: document id, turn index.

    Example:
        >>> uncoded_order(Uncoded(document_id="d", turn_index=3, participant_id="p", text="",
        ...                       reason="empty"))
        ('d', 3)
    """
    return (entry.document_id, entry.turn_index)


EXTRACT_PART_TURNS = 20_000
"""Turns extracted at a time on the local path: extraction's working memory (sentences,
features, candidate spans) is bounded by a part, not by the whole corpus."""


def extract_in_parts(
    corpus: Corpus,
    embedder: Embedder,
    config: ExtractConfig,
    *,
    column_kinds: dict[str, str] | None = None,
    part_turns: int = EXTRACT_PART_TURNS,
    progress: Callable[[int, int], None] | None = None,
    uncoded: list[Uncoded] | None = None,
) -> list[Statement]:
    """``extract_statements`` on parts of about ``part_turns`` turns, merged in its own order.

    The parts are those of the Dask path (:func:`persona_nlp.run.distributed.partition_corpus`:
    surveys split between rows, interviews whole), so the statements are the same as one call
    on the whole corpus; a corpus of at most ``part_turns`` turns is extracted in one call.
    ``progress`` is called with ``(turns done, turns in all)`` before the first part and after
    each part (a progress bar's input; the parts do not depend on it). ``uncoded``, when
    given, receives the respondent turns that gave no statement
    (:func:`~persona_nlp.extract.extract_statements_and_uncoded`), in :func:`uncoded_order`.

    Example:
        >>> from persona_nlp.embed import HashingEmbedder
        >>> from persona_nlp.config import ExtractConfig
        >>> extract_in_parts(Corpus(), HashingEmbedder(), ExtractConfig())
        []
    """
    from ..extract import extract_statements_and_uncoded

    total = sum(len(document.turns) for document in corpus.documents)
    if progress is not None:
        progress(0, total)
    parts = [corpus] if total <= part_turns else partition_corpus(corpus, part_turns)
    statements: list[Statement] = []
    part_uncoded: list[Uncoded] = []
    done = 0
    for part in parts:
        found, not_coded = extract_statements_and_uncoded(
            part, embedder, config, column_kinds=column_kinds
        )
        statements.extend(found)
        part_uncoded.extend(not_coded)
        done += sum(len(document.turns) for document in part.documents)
        if progress is not None:
            progress(done, total)
    if len(parts) > 1:
        statements.sort(key=statement_order)
        part_uncoded.sort(key=uncoded_order)
    if uncoded is not None:
        uncoded.extend(part_uncoded)
    return statements


__all__ = [
    "EXTRACT_PART_TURNS",
    "extract_in_parts",
    "partition_corpus",
    "statement_order",
    "uncoded_order",
]
