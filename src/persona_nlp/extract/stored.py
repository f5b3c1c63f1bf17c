"""Shipped fits of the default classifier: no fitting at the first extraction of a process.

Fitting :class:`~.classifier.EmbeddingCueClassifier` on the banks (cross-validated
temperatures, then the final regression) costs a few seconds, every process. For each embedding
model whose bank vectors ship (``banks/vectors-*.npz``) the fitted parameters ship too, as
``banks/classifier-<model hash>.npz``, with a *key*: the model fingerprint, a hash of the bank
examples, of the cue tables and of the classifier parameters. ``fit`` loads the stored
parameters when its key matches (only when no user examples are given); any edit to a bank, a
cue table or a default parameter changes the key, and the classifier is then fitted as before
until :func:`~.classifier.write_shipped` is run again.

Example:
    >>> load_classifier("no-such-model", "any key") is None
    True
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from .examples import Example, bank_folder, examples_digest

FORMAT = 1
"""Bumped when the meaning of the stored arrays changes."""


def _model_hash(fingerprint: str) -> str:
    return hashlib.sha1(fingerprint.encode()).hexdigest()[:16]


@lru_cache(maxsize=1)
def cue_digest() -> str:
    """A hash of every shipped cue table (their content feeds the classifier's features).

    Example:
        >>> len(cue_digest())
        16
    """
    digest = hashlib.sha1()
    folder = bank_folder()
    for name in sorted(p.name for p in folder.iterdir() if p.name.endswith(".cues.json")):
        digest.update(name.encode())
        digest.update(folder.joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


def classifier_key(
    fingerprint: str, examples: Sequence[Example], params: Mapping[str, object]
) -> str:
    """The key a stored fit must carry to be used for these examples and parameters.

    Example:
        >>> classifier_key("m", [Example("a", "none")], {"C": 0.03}).startswith("1|m|")
        True
    """
    shown = {k: v for k, v in sorted(params.items()) if k != "use_stored"}
    return "|".join(
        [
            str(FORMAT),
            fingerprint,
            examples_digest(examples),
            cue_digest(),
            json.dumps(shown, sort_keys=True),
        ]
    )


def classifier_path(fingerprint: str) -> Path:
    """Where the fit for a model fingerprint is stored (package data).

    Example:
        >>> classifier_path("m").name
        'classifier-6b0d31c0d5632230.npz'
    """
    return Path(str(bank_folder())) / f"classifier-{_model_hash(fingerprint)}.npz"


@lru_cache(maxsize=8)
def _read(path: str) -> dict[str, np.ndarray] | None:
    file = Path(path)
    if not file.is_file():
        return None
    with np.load(file, allow_pickle=False) as data:
        return {name: data[name] for name in data.files}


def load_classifier(fingerprint: str, key: str) -> dict[str, np.ndarray] | None:
    """The stored fitted parameters for this model, if their key is ``key``; else ``None``.

    Example:
        >>> load_classifier("no-such-model", "k") is None
        True
    """
    state = _read(str(classifier_path(fingerprint)))
    if state is None or str(state["key"]) != key:
        return None
    return state


def clear_cache() -> None:
    """Forget the stored fits read so far (after :func:`~.classifier.write_shipped` wrote new ones).

    Example:
        >>> clear_cache()
    """
    _read.cache_clear()


def stored_keys() -> dict[str, str]:
    """File name -> key of every shipped classifier fit (for freshness checks).

    Example:
        >>> all(k.startswith("1|") for k in stored_keys().values())
        True
    """
    out = {}
    for path in sorted(Path(str(bank_folder())).glob("classifier-*.npz")):
        state = _read(str(path))
        if state is not None:
            out[path.name] = str(state["key"])
    return out


__all__ = [
    "FORMAT",
    "classifier_key",
    "classifier_path",
    "clear_cache",
    "cue_digest",
    "load_classifier",
    "stored_keys",
]
