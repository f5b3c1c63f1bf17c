"""Reading and writing persona files for enrichment, without losing anything of the user's data.

A persona file is JSON or YAML holding either a list of personas or an object with a
``personas`` list (any key spelled ``personas``/``Personas``; a ``personas`` *object* mapping
names to personas works too). The enriched copy is written back in the same format exactly as
the user wrote it, with one ``evidence`` key appended to each persona (a free name when the
persona already has a key of that name: no key of the user's is ever overwritten):

* YAML is read and written by ruamel.yaml's round trip (YAML 1.2): comments, quoting, scalar
  styles, anchors and ``<<`` merge keys, ``NO``, ``0123``, ``12:30`` and ``3.10`` stay as written;
  so does a number too large for a float (``1e400``).
* JSON numbers keep their text (``1e400`` is not turned into ``Infinity``, ``3.10`` not into
  ``3.1``); everything else is written with 2-space indents in the file's key order.

Field names are recognised case- and format-insensitively (``painPoints``, ``pain_points``,
``Pain points``, ``PAIN-POINTS`` are the same): see :data:`FIELD_ALIASES`. Items may be strings
(a string with line breaks, bullets or semicolons is several items), lists of strings, or dicts
with a text field (``text``, ``item``, ``title``, ``label``, ``name``, ``value``, ``description``).

Example:
    >>> recognise_field("painPoints"), recognise_field("Where to reach them"), recognise_field("avatar")
    ('pain_point', 'channel', None)
    >>> [item.text for item in field_items("Save time; Fast delivery", "goal")]
    ['Save time', 'Fast delivery']
"""

from __future__ import annotations

import copy
import io
import itertools
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..errors import InputError
from ..kinds import KINDS

FileFormat = Literal["json", "yaml"]
FieldKind = Literal["goal", "pain_point", "objection", "channel", "mindset", "gist", "demographics"]

FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    **{name: spec.field_aliases for name, spec in KINDS.items()},
    "gist": (
        "gist",
        "summary",
        "description",
        "bio",
        "biography",
        "about",
        "overview",
        "story",
        "tagline",
        "quote",
    ),
    "demographics": ("demographics", "demographic", "demography", "profile", "background"),
}
"""Recognised field names per field kind, in normalised form (see :func:`normalise_key`)."""

_ALIAS_TO_KIND = {alias: kind for kind, aliases in FIELD_ALIASES.items() for alias in aliases}
_TEXT_KEYS = (
    "text",
    "item",
    "title",
    "label",
    "name",
    "value",
    "description",
    "statement",
    "content",
)
_NAME_KEYS = ("name", "persona", "persona name", "title")
_ID_KEYS = ("id", "persona id", "key", "slug")
_SPLIT = re.compile(r"\s*(?:\r?\n|;|•|\u2022)\s*(?:[-*•]\s+)?")
EVIDENCE_KEY = "evidence"
"""The key added to every persona (``persona_nlp_evidence`` if the persona already uses ``evidence``)."""


def normalise_key(key: object) -> str:
    """Lower-case words of a field name: camelCase, snake_case, kebab-case and spaces alike.

    Example:
        >>> normalise_key("painPoints"), normalise_key("Pain_Points "), normalise_key("JTBD")
        ('pain points', 'pain points', 'jtbd')
    """
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", str(key))
    return " ".join(re.sub(r"[^0-9a-zA-Z\u00C0-\uFFFF]+", " ", text).lower().split())


def recognise_field(key: object) -> FieldKind | None:
    """The field kind of a persona field name, or ``None`` for fields that are kept but not checked."""
    return _ALIAS_TO_KIND.get(normalise_key(key))  # type: ignore[return-value]


@dataclass
class Item:
    """One checkable item of a persona field.

    Attributes:
        text: The item's text.
        path: Where it sits inside the field's value (list indexes and dict keys).
    """

    text: str
    path: list[int | str] = field(default_factory=list)


def _text_of(mapping: dict) -> tuple[str | None, Any]:
    for key, value in mapping.items():
        if normalise_key(key) in _TEXT_KEYS and isinstance(value, str) and value.strip():
            return value, key
    for key, value in mapping.items():
        if isinstance(value, str) and value.strip():
            return value, key
    return None, None


def field_items(value: Any, kind: str, path: list[int | str] | None = None) -> list[Item]:
    """The checkable items of a field value (strings, lists, dicts with a text field, nested).

    Example:
        >>> [(i.text, i.path) for i in field_items([{"text": "Eat local", "priority": 1}], "goal")]
        [('Eat local', [0, 'text'])]
    """
    path = path or []
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return []
        parts = [p.strip(" -*") for p in _SPLIT.split(text)] if kind != "gist" else [text]
        parts = [p for p in parts if p]
        if len(parts) <= 1:
            return [Item(text, list(path))]
        return [Item(p, [*path, i]) for i, p in enumerate(parts)]
    if isinstance(value, list):
        items: list[Item] = []
        for index, element in enumerate(value):
            if isinstance(element, str):
                if element.strip():
                    items.append(Item(element.strip(), [*path, index]))
            elif isinstance(element, dict):
                element_text, element_key = _text_of(element)
                if element_text is not None and element_key is not None:
                    items.append(Item(element_text.strip(), [*path, index, element_key]))
            elif isinstance(element, list):
                items.extend(field_items(element, kind, [*path, index]))
        return items
    if isinstance(value, dict):
        if kind == "demographics":
            return [
                Item(f"{k}: {v}", [*path, k])
                for k, v in value.items()
                if isinstance(v, (str, int, float)) and str(v).strip()
            ]
        dict_text, dict_key = _text_of(value)
        if (
            any(normalise_key(k) in _TEXT_KEYS for k in value)
            and dict_text is not None
            and dict_key is not None
        ):
            return [Item(dict_text.strip(), [*path, dict_key])]
        nested: list[Item] = []
        for key, element in value.items():
            nested.extend(field_items(element, kind, [*path, key]))
        return nested
    return []


class _KeptFloat(float):
    """A number from the user's file whose text a float would not give back (``1e400``,
    ``3.10``): it computes as its float value and is written back as its text."""

    text: str

    def __new__(cls, text: str, value: float) -> _KeptFloat:
        number = super().__new__(cls, value)
        number.text = text
        return number

    def __str__(self) -> str:
        return self.text

    def __reduce__(self) -> tuple[Any, ...]:
        return (_KeptFloat, (self.text, float(self)))

    def __deepcopy__(self, memo: dict) -> _KeptFloat:
        return self


class _KeptInt(int):
    """An integer written in a way ``str(int)`` would not give back (``-0`` in JSON, ``0x1F``
    or ``0123`` in YAML): it computes as its value and is written back as its text."""

    text: str

    def __new__(cls, text: str, value: int | None = None) -> _KeptInt:
        number = super().__new__(cls, int(text) if value is None else value)
        number.text = text
        return number

    def __str__(self) -> str:
        return self.text

    def __reduce__(self) -> tuple[Any, ...]:
        return (_KeptInt, (self.text, int(self)))

    def __deepcopy__(self, memo: dict) -> _KeptInt:
        return self


_JSON_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")


def _json_float(text: str) -> float:
    value = float(text)
    return value if repr(value) == text else _KeptFloat(text, value)


def _json_int(text: str) -> int:
    value = int(text)
    return value if str(value) == text else _KeptInt(text)


def _json_loads(text: str) -> Any:
    return json.loads(text, parse_float=_json_float, parse_int=_json_int)


def _yaml() -> Any:
    """A round-trip ruamel.yaml instance that also keeps floats too large for a float."""
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import RoundTripConstructor

    def construct_float(constructor: Any, node: Any) -> Any:
        # every float keeps its text: re-formatting a float (ruamel's ScalarFloat) can change
        # its last digit, and 1e400 would come back as .inf
        value = RoundTripConstructor.construct_yaml_float(constructor, node)
        return _KeptFloat(str(node.value), float(value))

    def represent_kept(tag: str) -> Any:
        return lambda representer, number: representer.represent_scalar(tag, number.text)

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the user's long lines
    yaml.constructor.add_constructor("tag:yaml.org,2002:float", construct_float)
    yaml.representer.add_representer(_KeptFloat, represent_kept("tag:yaml.org,2002:float"))
    yaml.representer.add_representer(_KeptInt, represent_kept("tag:yaml.org,2002:int"))
    return yaml


_BLOCK_ITEM = re.compile(r"^( *)- ", re.MULTILINE)


def _yaml_indents(text: str) -> tuple[int, int]:
    """``(sequence, offset)`` indents of the file's first block sequence under a key, so the
    list items are written back where the user put them (``- a`` or ``  - a``)."""
    lines = text.splitlines()
    for number, line in enumerate(lines):
        item = _BLOCK_ITEM.match(line)
        if item is None or number == 0:
            continue
        parent = next((p for p in reversed(lines[:number]) if p.strip()), "")
        if parent.rstrip().endswith(":") and not parent.lstrip().startswith("-"):
            offset = len(item.group(1)) - (len(parent) - len(parent.lstrip()))
            if offset >= 0:
                return offset + 2, offset
        break
    return 2, 0


def _load_yaml(text: str) -> Any:
    return _yaml().load(text)


def persona_label(persona: dict, index: int) -> str:
    """A readable label for a persona: its name, else its id, else ``persona N``."""
    for keys in (_NAME_KEYS, _ID_KEYS):
        for key, value in persona.items():
            if normalise_key(key) in keys and isinstance(value, (str, int)) and str(value).strip():
                return str(value)
    return f"persona {index + 1}"


@dataclass
class PersonaFile:
    """A parsed persona file.

    Attributes:
        data: The parsed data exactly as read (dicts keep their key order).
        personas: The persona dicts inside ``data`` (the same objects, in file order).
        format: ``json`` or ``yaml``.
        path: The file it was read from, if any.
        text: The file's text, when read from one (the enriched copy is parsed from it afresh,
            so anchors and comments survive).
        container: Key of the personas list/object in ``data``; ``None`` for a top-level list.
        labels: A readable label per persona (name, else id).
    """

    data: Any
    personas: list[dict]
    format: FileFormat = "json"
    path: str | None = None
    container: str | None = None
    labels: list[str] = field(default_factory=list)
    text: str | None = None


def parse_personas(data: Any, format: FileFormat = "json", path: str | None = None) -> PersonaFile:
    """Find the personas in already parsed data (a list, or an object with a ``personas`` key).

    Raises:
        InputError: When no persona can be found.

    Example:
        >>> parse_personas({"personas": [{"name": "Ben"}]}).labels
        ['Ben']
    """
    personas: list[dict] | None = None
    container: str | None = None
    if isinstance(data, list):
        personas = [p for p in data if isinstance(p, dict)]
    elif isinstance(data, dict):
        key = next(
            (k for k in data if normalise_key(k) in ("personas", "persona list", "persona")), None
        )
        if key is not None and isinstance(data[key], list):
            personas, container = [p for p in data[key] if isinstance(p, dict)], str(key)
        elif key is not None and isinstance(data[key], dict):
            container = str(key)
            personas = [p for p in data[key].values() if isinstance(p, dict)]
        elif any(recognise_field(k) for k in data):
            personas = [data]  # a single persona object
    if not personas:
        raise InputError(
            "no personas found",
            path=path,
            fix="give a list of persona objects, or an object with a 'personas' list",
            reason="no_personas",
        )
    labels = [persona_label(p, i) for i, p in enumerate(personas)]
    if isinstance(data, dict) and container and isinstance(data[container], dict):
        # {"personas": {"Ben": {...}}}: the mapping key is the name when there is no name field
        names = list(data[container].keys())
        labels = [
            label if not label.startswith("persona ") else str(names[i])
            for i, label in enumerate(labels)
        ]
    return PersonaFile(
        data=data, personas=personas, format=format, path=path, container=container, labels=labels
    )


def load_personas_file(path: str | Path) -> PersonaFile:
    """Read a JSON or YAML persona file (by extension; content sniffed when unclear).

    Raises:
        InputError: Missing or unreadable file, invalid JSON/YAML, or no personas in it.

    Example:
        >>> persona_file = load_personas_file("personas.json")  # doctest: +SKIP
        >>> persona_file.labels  # doctest: +SKIP
        ['Budget Ben', 'Green Gina']
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(
            "personas file not found", path=str(path), fix="check the path", reason="missing"
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(
            f"cannot read personas file: {error}",
            path=str(path),
            fix="save it as UTF-8",
            reason="unreadable",
        ) from error
    suffix = path.suffix.lower()
    format: FileFormat = "yaml" if suffix in (".yaml", ".yml") else "json"
    if suffix not in (".json", ".yaml", ".yml") and not text.lstrip().startswith(("{", "[")):
        format = "yaml"
    try:
        data = _json_loads(text) if format == "json" else _load_yaml(text)
    except (ValueError, Exception) as error:  # json.JSONDecodeError, ruamel's YAMLError
        mark = getattr(error, "problem_mark", None)
        line = getattr(error, "lineno", None) or (mark.line + 1 if mark is not None else None)
        raise InputError(
            f"invalid {format.upper()}: {str(error).splitlines()[0]}",
            path=str(path),
            line=line,
            fix=f"fix the {format.upper()} syntax",
            reason="invalid",
        ) from error
    persona_file = parse_personas(data, format, str(path))
    persona_file.text = text
    return persona_file


def _free_key(persona: dict) -> str:
    """The first of ``evidence``, ``persona_nlp_evidence``, ``persona_nlp_evidence_2`` ... that
    the persona does not use for its own data (a previous run's evidence may be replaced)."""
    candidates = itertools.chain(
        (EVIDENCE_KEY, "persona_nlp_evidence"),
        (f"persona_nlp_evidence_{n}" for n in itertools.count(2)),
    )
    for key in candidates:
        existing = persona.get(key)
        if existing is None and key not in persona:
            return key
        if isinstance(existing, dict) and "generated_by" in existing:
            return key
    raise AssertionError("unreachable")  # pragma: no cover


def enriched_copy(persona_file: PersonaFile, evidence: list[dict]) -> Any:
    """A copy of the file's data with one evidence object appended to each persona, under a
    key the persona does not use (see :func:`_free_key`).

    Example:
        >>> data = enriched_copy(parse_personas([{"name": "Ben", "evidence": "mine"}]), [{"n": 1}])
        >>> data[0]["evidence"], data[0]["persona_nlp_evidence"]
        ('mine', {'n': 1})
    """
    if persona_file.text is not None:
        # parsed afresh rather than deep-copied: a deep copy loses YAML anchors and merge keys
        text = persona_file.text
        data = _json_loads(text) if persona_file.format == "json" else _load_yaml(text)
    else:
        data = copy.deepcopy(persona_file.data)
    copied = parse_personas(data, persona_file.format, persona_file.path).personas
    for persona, persona_evidence in zip(copied, evidence, strict=False):
        added = _quoted_for_any_yaml(persona_evidence) if persona_file.format == "yaml" else None
        persona[_free_key(persona)] = persona_evidence if added is None else added
    return data


def _quoted_for_any_yaml(value: Any) -> Any:
    """Our evidence, with every string a YAML 1.1 reader would re-type (``yes``, ``off``,
    ``12:30``) marked to be quoted: the file is YAML 1.2, but many readers (PyYAML) are 1.1."""
    from ruamel.yaml.scalarstring import SingleQuotedScalarString
    from yaml.nodes import ScalarNode
    from yaml.resolver import Resolver

    resolver = Resolver()

    def visit(item: Any) -> Any:
        if isinstance(item, dict):
            return {visit(key): visit(element) for key, element in item.items()}
        if isinstance(item, list):
            return [visit(element) for element in item]
        if isinstance(item, str) and (
            resolver.resolve(ScalarNode, item, (True, False)) != "tag:yaml.org,2002:str"
        ):
            return SingleQuotedScalarString(item)
        return item

    return visit(value)


def _json_text(value: Any, indent: str = "") -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False, default=str)``, but numbers from the
    user's file are written as they were (``1e400``, ``3.10``) and a non-finite float of ours
    as a string, so the output is always valid JSON."""
    if isinstance(value, (_KeptFloat, _KeptInt)) and _JSON_NUMBER.fullmatch(value.text):
        return value.text
    if value is None or isinstance(value, (bool, str)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        number = float(value)
        return json.dumps(number) if math.isfinite(number) else json.dumps(str(number))
    inner = indent + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        members = (
            f"{inner}{json.dumps(_json_key(key), ensure_ascii=False)}: {_json_text(item, inner)}"
            for key, item in value.items()
        )
        return "{\n" + ",\n".join(members) + "\n" + indent + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        elements = (f"{inner}{_json_text(item, inner)}" for item in value)
        return "[\n" + ",\n".join(elements) + "\n" + indent + "]"
    return json.dumps(str(value), ensure_ascii=False)


def _json_key(key: Any) -> str:
    if isinstance(key, str):
        return key
    if isinstance(key, bool) or key is None:
        return json.dumps(key)
    return str(key)


def dumps(data: Any, format: FileFormat, source: str | None = None) -> str:
    """Serialise enriched data in the user's format, as the user wrote it.

    YAML goes through ruamel.yaml's round trip (comments, quoting, styles, anchors kept; the
    list indentation of the source file when the data came from one); JSON is written with
    2-space indents, numbers as they were written. ``source`` is the text the data was read
    from, if any.

    Example:
        >>> print(dumps(_json_loads('{"big": 1e400, "v": 3.10}'), "json"))
        {
          "big": 1e400,
          "v": 3.10
        }
        <BLANKLINE>
    """
    if format == "yaml":
        yaml = _yaml()
        sequence, offset = _yaml_indents(source) if source else (2, 0)
        yaml.indent(mapping=2, sequence=sequence, offset=offset)
        buffer = io.StringIO()
        yaml.dump(data, buffer)
        return buffer.getvalue()
    return _json_text(data) + "\n"


__all__ = [
    "EVIDENCE_KEY",
    "FIELD_ALIASES",
    "Item",
    "PersonaFile",
    "enriched_copy",
    "field_items",
    "load_personas_file",
    "normalise_key",
    "parse_personas",
    "recognise_field",
]
