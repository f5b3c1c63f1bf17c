"""Labelled examples: the shipped exemplar banks and the user's own examples.

The exemplar bank of a language is ``banks/<code>.jsonl`` plus ``banks/industries/<code>*.jsonl``
(package data), one example a line::

    {"text": "I always wait for the sale", "kind": "mindset"}
    {"text": "shipping", "kind": "objection", "question": "What almost stopped you from buying?"}

``kind`` is one of ``goal``, ``pain_point``, ``objection``, ``mindset``, ``channel`` or ``none``
(hard negatives: questions, biography, small talk, negated or hedged themes, backchannels).
The optional ``question`` is the survey question or interviewer turn the text answers. The
first file holds retail examples; ``industries/`` holds examples from ten industries (retail
beyond sports, B2B software, banking, telecom, travel, health services, food delivery,
education, insurance, utilities) in four registers (interview speech, short survey answers,
reviews, support messages), each line with ``industry`` and ``register`` fields, written for
this project (see ``docs/extraction.md``).

Users adapt the classifier to their domain with their own examples, from Python
(:class:`Example`) or from CSV / JSON / JSONL files with the columns ``text,kind[,language]``
(``--examples FILE``, ``extract.examples`` in the config).

Example:
    >>> bank = load_bank(["en"])
    >>> {e.kind for e in bank} >= {"goal", "none"}
    True
"""

from __future__ import annotations

import csv
import hashlib
import json
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..embed import Embedder
from ..errors import InputError
from ..schema import STATEMENT_KINDS

LABELS: tuple[str, ...] = (*STATEMENT_KINDS, "none")
"""Classifier labels: the five statement kinds plus ``none`` (not a statement)."""

_KIND_ALIASES = {
    "pain": "pain_point",
    "pain point": "pain_point",
    "pain-point": "pain_point",
    "painpoint": "pain_point",
    "problem": "pain_point",
    "goals": "goal",
    "objections": "objection",
    "barrier": "objection",
    "attitude": "mindset",
    "value": "mindset",
    "channels": "channel",
    "source": "channel",
    "": "none",
    "other": "none",
    "not_a_statement": "none",
}


@dataclass(frozen=True)
class Example:
    """One labelled example.

    Attributes:
        text: The sentence or answer.
        kind: ``goal``, ``pain_point``, ``objection``, ``mindset``, ``channel`` or ``none``.
        language: ISO 639-1 code (``None`` when unknown; cue features then use no table).
        question: The question the text answers, if any (survey question, interviewer turn).
        source: Where it came from (``bank:en``, a file path, ``user``).
        industry: The industry of a bank example (``retail``, ``banking``, ...), if known.
        register: ``interview``, ``survey``, ``review`` or ``support`` for bank examples.
    """

    text: str
    kind: str
    language: str | None = None
    question: str | None = None
    source: str = "user"
    industry: str | None = None
    register: str | None = None


def normalise_kind(kind: str, *, where: str = "example") -> str:
    """Map a user's kind spelling to a label, or raise :class:`InputError`.

    Example:
        >>> normalise_kind("Pain point")
        'pain_point'
    """
    key = kind.strip().lower()
    key = _KIND_ALIASES.get(key, key).replace(" ", "_").replace("-", "_")
    if key not in LABELS:
        raise InputError(
            f"unknown statement kind {kind!r}",
            path=where,
            fix=f"use one of {', '.join(LABELS)}",
            reason="bad_kind",
        )
    return key


def bank_folder():  # type: ignore[no-untyped-def]
    return resources.files("persona_nlp.extract").joinpath("banks")


@lru_cache(maxsize=1)
def available_bank_languages() -> tuple[str, ...]:
    """Language codes with an exemplar bank shipped in the package.

    Example:
        >>> available_bank_languages()
        ('da', 'en', 'id', 'nb', 'nl', 'vi')
    """
    names = [p.name for p in bank_folder().iterdir() if p.name.endswith(".jsonl")]
    return tuple(sorted(name[: -len(".jsonl")] for name in names))


@lru_cache(maxsize=32)
def _load_bank_language(language: str) -> tuple[Example, ...]:
    examples = []
    extra = sorted(
        f"industries/{p.name}"
        for p in bank_folder().joinpath("industries").iterdir()
        if p.name.startswith(f"{language}.") and p.name.endswith(".jsonl")
    )
    for name, default_industry in ((f"{language}.jsonl", "retail"), *((n, None) for n in extra)):
        path = bank_folder().joinpath(name)
        if not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            examples.append(
                Example(
                    text=row["text"],
                    kind=normalise_kind(row["kind"], where=f"banks/{name}:{number}"),
                    language=row.get("language", language),
                    question=row.get("question"),
                    source=f"bank:{language}",
                    industry=row.get("industry", default_industry),
                    register=row.get("register"),
                )
            )
    return tuple(examples)


def load_bank(languages: Iterable[str] | None = None) -> list[Example]:
    """Load the shipped exemplar banks (all languages when ``languages`` is ``None``).

    Example:
        >>> all(e.language == "da" for e in load_bank(["da"]))
        True
    """
    codes = sorted(languages) if languages is not None else available_bank_languages()
    out: list[Example] = []
    for code in codes:
        if code in available_bank_languages():
            out.extend(_load_bank_language(code))
    return out


def _rows_from_file(path: Path) -> list[dict]:
    suffix = path.suffix.lower()
    text = path.read_text(encoding="utf-8-sig")
    if suffix == ".jsonl":
        rows = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as error:
                    raise InputError(
                        f"invalid JSON line: {error.msg}",
                        path=str(path),
                        line=number,
                        fix="write one JSON object per line",
                        reason="bad_json",
                    ) from error
        return rows
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(
                f"invalid JSON: {error.msg}",
                path=str(path),
                line=error.lineno,
                fix='write a list of {"text", "kind"} objects',
                reason="bad_json",
            ) from error
        if isinstance(data, dict):
            data = data.get("examples", [])
        if not isinstance(data, list):
            raise InputError(
                "expected a list of examples",
                path=str(path),
                fix='write a list of {"text", "kind"} objects',
                reason="bad_json",
            )
        return data
    if suffix in (".csv", ".tsv", ".txt"):
        dialect = "excel-tab" if suffix == ".tsv" else "excel"
        return list(csv.DictReader(text.splitlines(), dialect=dialect))
    raise InputError(
        f"unsupported examples file type {suffix!r}",
        path=str(path),
        fix="use .csv, .json or .jsonl with columns text,kind[,language]",
        reason="bad_format",
    )


def load_examples(
    paths: Sequence[str | Path], *, default_language: str | None = None
) -> list[Example]:
    """Read user examples from CSV / JSON / JSONL files (columns ``text,kind[,language]``).

    An optional ``question`` column gives the question each text answers.

    Example:
        >>> load_examples(["my_examples.csv"])  # doctest: +SKIP
        [Example(text='the delivery slot was gone', kind='objection', language='en', ...)]
    """
    examples: list[Example] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_file():
            raise InputError(
                "examples file not found",
                path=str(path),
                fix="check the path given to --examples",
                reason="missing",
            )
        for number, row in enumerate(
            _rows_from_file(path), start=2 if path.suffix.lower() == ".csv" else 1
        ):
            if not isinstance(row, dict) or "text" not in row or "kind" not in row:
                raise InputError(
                    "example needs 'text' and 'kind'",
                    path=str(path),
                    line=number,
                    fix="give the columns text,kind[,language]",
                    reason="bad_row",
                )
            text = str(row["text"] or "").strip()
            if not text:
                continue
            examples.append(
                Example(
                    text=text,
                    kind=normalise_kind(str(row["kind"] or ""), where=f"{path}:{number}"),
                    language=(str(row.get("language") or "").strip().lower() or default_language),
                    question=(str(row.get("question") or "").strip() or None),
                    source=str(path),
                )
            )
    return examples


def coerce_examples(items: Iterable[Example | dict | tuple]) -> list[Example]:
    """Turn examples given as :class:`Example`, dicts or ``(text, kind[, language])`` tuples into Examples.

    Example:
        >>> coerce_examples([("the click-and-collect slot was gone", "objection", "en")])[0].kind
        'objection'
    """
    out = []
    for item in items:
        if isinstance(item, Example):
            out.append(
                Example(
                    item.text, normalise_kind(item.kind), item.language, item.question, item.source
                )
            )
        elif isinstance(item, dict):
            out.append(
                Example(
                    str(item["text"]),
                    normalise_kind(str(item["kind"])),
                    item.get("language"),
                    item.get("question"),
                    str(item.get("source", "user")),
                )
            )
        else:
            text, kind, *rest = item
            out.append(Example(str(text), normalise_kind(str(kind)), rest[0] if rest else None))
    return out


def _vectors_path(fingerprint: str):  # type: ignore[no-untyped-def]
    safe = hashlib.sha1(fingerprint.encode()).hexdigest()[:16]
    return bank_folder().joinpath(f"vectors-{safe}.npz")


@lru_cache(maxsize=8)
def stored_bank_vectors(fingerprint: str) -> dict[str, np.ndarray]:
    """Precomputed bank vectors shipped for a model fingerprint (text -> vector); ``{}`` if none.

    Shipping the default model's bank vectors saves embedding ~1,700 sentences on the first
    extraction of every process. Texts not found (a changed bank) are simply embedded.

    Example:
        >>> stored_bank_vectors("no-such-model")
        {}
    """
    path = _vectors_path(fingerprint)
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        data = np.load(handle, allow_pickle=False)
        texts, vectors = data["texts"], data["vectors"].astype(np.float32)
    return {str(t): v for t, v in zip(texts, vectors, strict=True)}


_FINGERPRINTS: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()


def model_fingerprint(embedder: Embedder) -> str:
    """``embedder.fingerprint``, remembered per embedder object.

    Some backends hash their weights file on every access (tens of MB); extraction needs the
    fingerprint several times per call (fit cache, shipped fit, shipped bank vectors).

    Example:
        >>> from persona_nlp.embed import HashingEmbedder
        >>> model_fingerprint(HashingEmbedder(dim=8)) == HashingEmbedder(dim=8).fingerprint
        True
    """
    try:
        return _FINGERPRINTS[embedder]
    except (KeyError, TypeError):
        pass
    fingerprint = embedder.fingerprint
    try:
        _FINGERPRINTS[embedder] = fingerprint
    except TypeError:  # not weak-referenceable: just do not remember it
        pass
    return fingerprint


def encode_examples(texts: Sequence[str], embedder: Embedder) -> np.ndarray:
    """Embed example texts, taking shipped bank vectors for this model where available.

    Example:
        >>> from persona_nlp.embed import HashingEmbedder
        >>> encode_examples(["I always wait for the sale"], HashingEmbedder(dim=8)).shape
        (1, 8)
    """
    stored = stored_bank_vectors(model_fingerprint(embedder))
    missing = sorted({t for t in texts if t not in stored})
    fresh = dict(zip(missing, embedder.encode(missing), strict=True)) if missing else {}
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    return np.stack([stored[t] if t in stored else fresh[t] for t in texts]).astype(np.float32)


def write_bank_vectors(embedder: Embedder, folder: str | Path | None = None) -> Path:
    """Embed all shipped banks and save them for this model.

    After a bank changes, prefer :func:`persona_nlp.extract.classifier.write_shipped`, which also
    refits and stores the default classifier for the model.

    Example:
        >>> write_bank_vectors(SentenceTransformerEmbedder())  # doctest: +SKIP
    """
    texts = sorted({e.text for e in load_bank()})
    vectors = np.asarray(embedder.encode(texts), dtype=np.float16)
    target = Path(folder) if folder else Path(str(bank_folder()))
    target.mkdir(parents=True, exist_ok=True)
    path = target / Path(str(_vectors_path(embedder.fingerprint))).name
    with open(path, "wb") as handle:
        np.savez_compressed(handle, texts=np.array(texts), vectors=vectors)
    stored_bank_vectors.cache_clear()
    return path


def examples_digest(examples: Sequence[Example]) -> str:
    """A stable hash of examples (for caching fitted classifiers).

    Example:
        >>> len(examples_digest([Example("a", "none")]))
        16
    """
    digest = hashlib.sha1()
    for e in examples:
        digest.update(
            json.dumps([e.text, e.kind, e.language, e.question], ensure_ascii=False).encode()
        )
    return digest.hexdigest()[:16]


__all__ = [
    "LABELS",
    "Example",
    "available_bank_languages",
    "coerce_examples",
    "encode_examples",
    "examples_digest",
    "load_bank",
    "load_examples",
    "model_fingerprint",
    "normalise_kind",
    "stored_bank_vectors",
    "write_bank_vectors",
]
