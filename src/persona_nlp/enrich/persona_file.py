"""Reading and writing persona files for enrichment, without losing anything of the user's data.

A persona file is JSON or YAML holding either a list of personas or an object with a
``personas`` list (any key spelled ``personas``/``Personas``; a ``personas`` *object* mapping
names to personas works too). Parsed dicts keep their key order; the enriched copy is written
back in the same format with the same key order, every original key and value untouched, and one
``evidence`` key appended to each persona.

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
import json
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
        container: Key of the personas list/object in ``data``; ``None`` for a top-level list.
        labels: A readable label per persona (name, else id).
    """

    data: Any
    personas: list[dict]
    format: FileFormat = "json"
    path: str | None = None
    container: str | None = None
    labels: list[str] = field(default_factory=list)


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
        if format == "json":
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except (ValueError, Exception) as error:  # json.JSONDecodeError, yaml.YAMLError
        line = getattr(error, "lineno", None) or getattr(
            getattr(error, "problem_mark", None), "line", None
        )
        raise InputError(
            f"invalid {format.upper()}: {str(error).splitlines()[0]}",
            path=str(path),
            line=line,
            fix=f"fix the {format.upper()} syntax",
            reason="invalid",
        ) from error
    return parse_personas(data, format, str(path))


def enriched_copy(persona_file: PersonaFile, evidence: list[dict]) -> Any:
    """A deep copy of the file's data with one evidence object appended to each persona."""
    data = copy.deepcopy(persona_file.data)
    copied = parse_personas(data, persona_file.format, persona_file.path).personas
    for persona, persona_evidence in zip(copied, evidence, strict=False):
        key = EVIDENCE_KEY
        existing = persona.get(EVIDENCE_KEY)
        if existing is not None and not (isinstance(existing, dict) and "generated_by" in existing):
            key = "persona_nlp_evidence"
        persona[key] = persona_evidence
    return data


def dumps(data: Any, format: FileFormat) -> str:
    """Serialise enriched data: JSON with 2-space indents, or block-style YAML; key order kept."""
    if format == "yaml":
        import yaml

        return yaml.safe_dump(
            data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100
        )
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"


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
