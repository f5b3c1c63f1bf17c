"""Writing ``analysis.json`` without holding it in memory (``Analysis.write_json``).

The output is byte-for-byte pydantic's ``model_dump_json(indent=...)``: models and lists of
models are written piece by piece, and long lists of small models a chunk at a time, so no
single string holds a million statements or a million-answer survey document.

Example:
    >>> import io
    >>> from persona_nlp.schema import Turn
    >>> out = io.StringIO()
    >>> write_json(out, [Turn(index=0, speaker="a", role="respondent", text="hi")], "  ", 0)
    >>> import json
    >>> json.loads(out.getvalue())[0]["text"]
    'hi'
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic_core import to_json

STREAM_LIST_ITEMS = 1000
"""A model nested in ``analysis.json`` is written field by field when one of its lists of
models is longer than this, and such a list a chunk of :data:`JSON_CHUNK` items at a time
(see :meth:`~persona_nlp.schema.Analysis.write_json`)."""

JSON_CHUNK = 512


def write_json(handle: Any, value: Any, pad: str, level: int, *, stream: bool = False) -> None:
    """Write ``value`` as pydantic's ``model_dump_json(indent=len(pad))`` would at ``level``.

    Lists of models are written item by item; a model is written field by field when
    ``stream`` is set or one of its lists of models is long, so no single string holds them.
    """
    inner = pad * (level + 1)
    if isinstance(value, BaseModel) and (stream or _has_long_list(value)):
        names = list(type(value).model_fields)
        handle.write("{\n")
        for number, name in enumerate(names):
            handle.write(f'{inner}"{name}": ')
            write_json(handle, getattr(value, name), pad, level + 1)
            handle.write(",\n" if number < len(names) - 1 else "\n")
        handle.write(pad * level + "}")
    elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
        handle.write("[\n")
        if len(value) <= STREAM_LIST_ITEMS:  # a few big items (documents): each may stream
            for position, item in enumerate(value):
                handle.write(inner)
                write_json(handle, item, pad, level + 1)
                handle.write(",\n" if position < len(value) - 1 else "\n")
        else:  # many small items (statements, turns): serialised a chunk at a time
            for start in range(0, len(value), JSON_CHUNK):
                text = to_json(value[start : start + JSON_CHUNK], indent=len(pad)).decode("utf-8")
                handle.write(pad * level + text[2:-2].replace("\n", "\n" + pad * level))
                handle.write(",\n" if start + JSON_CHUNK < len(value) else "\n")
        handle.write(pad * level + "]")
    else:
        if isinstance(value, BaseModel):
            text = value.model_dump_json(indent=len(pad))
        else:
            text = to_json(value, indent=len(pad)).decode("utf-8")
        handle.write(text.replace("\n", "\n" + pad * level))


def _has_long_list(model: BaseModel) -> bool:
    for name in type(model).model_fields:
        items = getattr(model, name)
        if isinstance(items, list) and len(items) > STREAM_LIST_ITEMS:
            if isinstance(items[0], BaseModel):
                return True
    return False


__all__ = ["JSON_CHUNK", "STREAM_LIST_ITEMS", "write_json"]
