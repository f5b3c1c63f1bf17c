"""A persona file as a codebook: its items become codebook entries of their field's kind.

Part of :mod:`persona_nlp.enrich`. A team's persona file already names, in its own words, the
goals, pain points, objections, mindsets and channels it believes in; with
``persona-nlp enrich --codebook-from-personas`` those items are the codebook of the analysis
(:mod:`persona_nlp.themes.codebook`), so the evidence is organised by them and everything else
is still discovered.

* Every item of a statement-kind field (:data:`~persona_nlp.enrich.persona_file.FIELD_ALIASES`;
  not ``gist`` or ``demographics``) is one entry; the same item in several personas is one entry.
* An entry's id is its kind and a slug of its text (``goal.save-time``), its label the item.

Example:
    >>> from persona_nlp.enrich.persona_file import parse_personas
    >>> file = parse_personas([{"name": "Ann", "goals": ["Save time"], "bio": "x"},
    ...                        {"name": "Bo", "Goals": "save time; Eat well"}])
    >>> [(e.id, e.kind, e.label) for e in codebook_from_personas(file)]
    [('goal.save-time', 'goal', 'Save time'), ('goal.eat-well', 'goal', 'Eat well')]
"""

from __future__ import annotations

import re
import unicodedata

from ..config import CodebookEntry
from ..errors import InputError
from ..kinds import STATEMENT_KINDS
from .persona_file import PersonaFile, field_items, recognise_field

MAX_SLUG = 40
"""Characters of an item's text kept in its entry id."""


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:MAX_SLUG].strip("-")
    return slug or "item"


def codebook_from_personas(persona_file: PersonaFile) -> list[CodebookEntry]:
    """One codebook entry per distinct item of the persona file's statement-kind fields.

    Raises:
        InputError: When the file has no goal, pain point, objection, mindset or channel items.
    """
    entries: list[CodebookEntry] = []
    seen: set[tuple[str, str]] = set()
    ids: set[str] = set()
    for persona in persona_file.personas:
        for key, value in persona.items():
            kind = recognise_field(key)
            if kind not in STATEMENT_KINDS:
                continue
            for item in field_items(value, kind):
                text = " ".join(item.text.split())
                if (kind, text.casefold()) in seen:
                    continue
                seen.add((kind, text.casefold()))
                base = f"{kind}.{_slug(text)}"
                entry_id, number = base, 2
                while entry_id in ids:
                    entry_id, number = f"{base}-{number}", number + 1
                ids.add(entry_id)
                entries.append(CodebookEntry(id=entry_id, kind=kind, label=text))
    if not entries:
        raise InputError(
            "the persona file has no items to use as a codebook",
            path=persona_file.path,
            fix="give the personas fields such as goals, pain points, objections, mindset or "
            "channels, or leave out --codebook-from-personas",
            reason="empty",
        )
    return entries


__all__ = ["codebook_from_personas"]
