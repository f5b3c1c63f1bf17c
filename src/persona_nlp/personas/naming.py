"""Persona names and summaries: "Frugal Fiona" from the persona's distinctive themes.

A name is a first name plus a descriptor. Descriptors come from a curated table of *families*
(deal/sale/price/fee -> *Frugal*, quality/premium -> *Discerning*, eco/sustainable/plastic ->
*Green*, time/fast/convenience -> *Busy* ...), matched against the keywords (first keywords
weigh most) and label of each defining theme. A persona's score for a family sums, over its
defining themes, ``share x lift`` (mindset and goal themes count fully, other kinds 0.6 times)
times the match strength. Families are then handed out greedily, best score first, one family
per persona, so two personas never get synonyms of each other ("Busy" and "Time-pressed").
A persona left without a family gets the next unused curated generic descriptor
(:data:`GENERIC_DESCRIPTORS`: "Pragmatic", "Everyday" ...). Descriptors are always English words
from these curated lists - the families' patterns also match Danish, Norwegian, Dutch, German,
Indonesian and Vietnamese stems, but a theme's raw keywords never become part of a name (an
earlier version made "Birken-minded Bella" from a Norwegian keyword). The first name starts with
the descriptor's letter where the name list allows it (alliteration). Everything is
deterministic, and no two names are alike.

Such names suit a study of shoppers and consumers; a study of engineers, clinicians or a
software product gets neutral names instead, ``"Persona A: <its top defining theme>"``
(:func:`choose_names`, option ``personas.naming``): ``auto`` (the default) names descriptively
only when at least half of the personas get a consumer family (:data:`CONSUMER_DESCRIPTORS`:
*Frugal*, *Green*, *Foodie* ...); the families that fit any study (time, trust, tech, plans)
do not count towards that.

Example:
    >>> descriptor_candidates("wait for a sale to get a deal", ["sale", "deal"])[:2]
    ['Frugal', 'Bargain-hunting']
    >>> name_personas([[("birken", ["birken", "ski"], 1.0)]])
    ['Pragmatic Paula']
    >>> name_personas([[("wait for deals", ["deal"], 1.0)], [("plastic packaging", ["plastic"], 1.0)]])
    ['Frugal Fiona', 'Green Gina']
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import dataclass

from ..config import NamingStyle
from ..kinds import KINDS

# (regex matched against keywords and label, descriptors of the family, best first).
# Whole words, with the listed endings only; multilingual stems (da/nb/nl/de/id/vi) included
# where they are short and safe.
_DESCRIPTOR_TABLE: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        r"\b(deals?|sales?|discount(s|ed)?|cheap(er|est)?|pric(e|es|ey|ing)|save money|saving money|"
        r"budget\w*|coupons?|codes?|offers?|bargains?|afford\w*|fees?|charges?|costs?|hidden costs?|"
        r"tilbud\w*|billig\w*|rabat\w*|gebyr\w*|korting\w*|aanbieding\w*|goedkoop|murah|diskon|"
        r"hemat|giam gia)\b",
        ("Frugal", "Bargain-hunting", "Thrifty", "Budget-minded"),
    ),
    (
        r"\b(quality|premium|luxury|gourmet|craft|artisan(al)?|brands?|kvalitet\w*|kwaliteit|"
        r"kualitas|chat luong)\b",
        ("Discerning", "Premium", "Quality-first"),
    ),
    (
        r"\b(reviews?|research\w*|compar(e|es|ing|ison)|ratings?|read up|anmeldelse\w*|"
        r"vergelijk\w*|ulasan|danh gia)\b",
        ("Researching", "Careful", "Thorough"),
    ),
    (
        r"\b(eco\w*|green|sustainab\w*|environment\w*|planet|climate|organic|plastic|packaging|"
        r"waste|local|seasonal|recycl\w*|carbon|greenwash\w*|bæredygtig\w*|baeredygtig\w*|miljø\w*|"
        r"økologisk\w*|klima\w*|plastik\w*|milieu|duurzaam\w*|ramah lingkungan|ben vung)\b",
        ("Green", "Conscious", "Eco-minded"),
    ),
    (
        r"\b(convenien(ce|t)|fast|quick(ly)?|time|busy|easy|hurry|speed|schedules?|slots?|"
        r"reorder\w*|hurtig\w*|travl\w*|snel\w*|druk|cepat|sibuk|nhanh|ban ron)\b",
        ("Busy", "Time-pressed", "Convenience-seeking"),
    ),
    (
        r"\b(health(y)?|fitness|nutrition|diet|protein|wellbeing|sund\w*|gezond\w*|sehat|suc khoe)\b",
        ("Health-conscious", "Wholesome"),
    ),
    (
        r"\b(family|kids|children|parents?|baby|familie\w*|børn\w*|gezin|kinderen|keluarga|anak)\b",
        ("Family-focused", "Caring"),
    ),
    (
        r"\b(trust\w*|safe|safety|secure|privacy|risks?|tryg\w*|sikker\w*|veilig\w*|aman)\b",
        ("Cautious", "Safety-minded"),
    ),
    (
        r"\b(new|trends?|trendy|latest|innovat\w*|gadgets?|tech|technology|apps?|nyt|nieuw\w*|baru)\b",
        ("Trend-seeking", "Tech-savvy", "Curious"),
    ),
    (
        r"\b(social|friends|community|recommend\w*|word of mouth|influencers?|instagram|tiktok)\b",
        ("Social", "Connected"),
    ),
    (
        r"\b(loyal\w*|habits?|routines?|familiar)\b",
        ("Loyal", "Habitual"),
    ),
    (
        r"\b(running|runners?|marathons?|hik(e|es|ing)|sports?|sporty|athlet\w*|"
        r"outdoors?|training|gym|cycling|skiing|løb\w*|vandre\w*|hardlop\w*|wandel\w*|lari|"
        r"olahraga)\b",
        ("Active", "Sporty", "Outdoorsy"),
    ),
    (
        r"\b(cook\w*|recipes?|taste|tasty|flavou?rs?|foodies?|kitchen|opskrift\w*|madlavning|"
        r"recept\w*|koken|resep|masak\w*)\b",
        ("Foodie", "Food-loving"),
    ),
    (
        r"\b(plan|plans|planning|planned|lists?|organi[sz]\w*|prepar\w*|planlæg\w*|"
        r"lijstje|rencana)\b",
        ("Organised", "Planning-minded"),
    ),
    (
        r"\b(simple|simplicity|minimal\w*|declutter\w*)\b",
        ("Minimalist", "Simple-living"),
    ),
)

_COMPILED = tuple(
    (re.compile(pattern, re.IGNORECASE), words) for pattern, words in _DESCRIPTOR_TABLE
)

FIRST_NAMES: dict[str, tuple[str, ...]] = {
    "A": ("Anna", "Adam", "Alice", "Amir"),
    "B": ("Bella", "Ben", "Bianca", "Boris"),
    "C": ("Chloe", "Carl", "Clara", "Chris"),
    "D": ("Dana", "David", "Dora", "Dev"),
    "E": ("Emma", "Eric", "Elena", "Emil"),
    "F": ("Fiona", "Felix", "Freya", "Finn"),
    "G": ("Gina", "Gustav", "Grace", "Gabe"),
    "H": ("Hannah", "Hugo", "Hana", "Henrik"),
    "I": ("Ida", "Ivan", "Iris", "Isak"),
    "J": ("Julia", "Jonas", "Jade", "Jakob"),
    "K": ("Kate", "Karl", "Kira", "Kasper"),
    "L": ("Laura", "Leo", "Lina", "Lars"),
    "M": ("Maya", "Max", "Mia", "Mads"),
    "N": ("Nina", "Noah", "Nora", "Nils"),
    "O": ("Olivia", "Oscar", "Olga", "Omar"),
    "P": ("Paula", "Pete", "Pia", "Paolo"),
    "Q": ("Quinn", "Quentin"),
    "R": ("Rosa", "Rasmus", "Ruby", "Ravi"),
    "S": ("Sara", "Sam", "Sofia", "Simon"),
    "T": ("Tara", "Tom", "Tina", "Theo"),
    "U": ("Uma", "Ulrik"),
    "V": ("Vera", "Victor", "Vita", "Viggo"),
    "W": ("Wendy", "Will", "Wanda", "Walter"),
    "X": ("Xenia", "Xavier"),
    "Y": ("Yasmin", "Yusuf"),
    "Z": ("Zoe", "Zack"),
}
"""First names by initial, used in order; the first unused one wins."""

GENERIC_DESCRIPTORS: tuple[str, ...] = (
    "Pragmatic",
    "Everyday",
    "Balanced",
    "Steady",
    "Practical",
    "Open-minded",
    "Independent",
    "Down-to-earth",
)
"""Used, in this order, when no curated family fits a persona (and for clashes)."""


def descriptor_candidates(label: str, keywords: Sequence[str] = ()) -> list[str]:
    """Curated descriptors for a theme, best first (empty when no family matches).

    Args:
        label: The theme label.
        keywords: The theme keywords, most distinctive first.

    Example:
        >>> descriptor_candidates("plastic packaging", ["plastic"])[0]
        'Green'
        >>> descriptor_candidates("loyalty card points", ["loyalty"])[0]
        'Loyal'
        >>> descriptor_candidates("kayak paddles", ["kayak"])
        []
    """
    # keywords first: they are the theme's distinctive words; the label is the fallback text
    texts = [k for k in keywords if k] + [label]
    candidates: list[str] = []
    for text in texts:
        for pattern, words in _COMPILED:
            if pattern.search(text):
                candidates.extend(w for w in words if w not in candidates)
    return candidates


class NameAllocator:
    """Hands out unique persona names within one analysis, deterministically.

    Call :meth:`name` once per persona, in persona order, with its descriptor candidates.

    Example:
        >>> allocator = NameAllocator()
        >>> allocator.name(["Frugal"]), allocator.name(["Frugal", "Thrifty"])
        ('Frugal Fiona', 'Thrifty Tara')
    """

    def __init__(self) -> None:
        self.used_descriptors: set[str] = set()
        self.used_first_names: set[str] = set()

    def _first_name(self, descriptor: str) -> str:
        initial = descriptor[:1].upper()
        for name in FIRST_NAMES.get(initial, ()):
            if name not in self.used_first_names:
                return name
        for letter in sorted(FIRST_NAMES):
            for name in FIRST_NAMES[letter]:
                if name not in self.used_first_names:
                    return name
        return f"Persona {len(self.used_first_names) + 1}"

    def name(self, candidates: Sequence[str]) -> str:
        """Return a unique ``"<Descriptor> <First name>"`` from the first unused descriptor."""
        # then the families' second choices: still curated words, never raw keywords
        pool = [
            *candidates,
            *GENERIC_DESCRIPTORS,
            *(w for _, words in _DESCRIPTOR_TABLE for w in words[1:]),
        ]
        descriptor = next((d for d in pool if d not in self.used_descriptors), None)
        if descriptor is None:
            descriptor = f"{GENERIC_DESCRIPTORS[0]} {len(self.used_descriptors) + 1}"
        self.used_descriptors.add(descriptor)
        first = self._first_name(descriptor)
        self.used_first_names.add(first)
        return f"{descriptor} {first}"


def family_matches(label: str, keywords: Sequence[str] = ()) -> dict[int, float]:
    """Match strength of a theme per descriptor family: keyword ``i`` weighs ``1 / (1 + i/4)``,
    the label 0.5; the strongest match per family counts.

    Example:
        >>> family_matches("plastic packaging", ["plastic"])
        {3: 1.0}
    """
    texts = [(k, 1.0 / (1.0 + i / 4)) for i, k in enumerate(k for k in keywords if k)]
    texts.append((label, 0.5))
    found: dict[int, float] = {}
    for text, strength in texts:
        for family, (pattern, _) in enumerate(_COMPILED):
            if pattern.search(text):
                found[family] = max(found.get(family, 0.0), strength)
    return found


ThemeSet = Sequence[tuple[str, Sequence[str], float]]
"""A persona's defining themes as ``(label, keywords, weight)``, most defining first."""


def _assign_families(theme_sets: Sequence[ThemeSet]) -> list[int | None]:
    """The descriptor family of each persona (``None``: no family fits), one per family."""
    scores: list[dict[int, float]] = []
    for themes in theme_sets:
        per_family: dict[int, float] = {}
        for label, keywords, weight in themes:
            for family, strength in family_matches(label, keywords).items():
                per_family[family] = per_family.get(family, 0.0) + weight * strength
        scores.append(per_family)
    ranked = sorted(
        (
            (score, persona, family)
            for persona, fam in enumerate(scores)
            for family, score in fam.items()
        ),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    families: list[int | None] = [None] * len(theme_sets)
    used_families: set[int] = set()
    for _score, persona, family in ranked:
        if families[persona] is None and family not in used_families:
            families[persona] = family
            used_families.add(family)
    return families


def name_personas(theme_sets: Sequence[ThemeSet]) -> list[str]:
    """Unique descriptive names for several personas at once.

    Args:
        theme_sets: Per persona (in persona order), its defining themes as
            ``(label, keywords, weight)``, weight e.g. ``share x lift`` (x 0.6 for kinds other
            than mindset and goal).

    Returns:
        One ``"<Descriptor> <First name>"`` per persona, in the same order.

    Example:
        >>> name_personas([[("fast delivery", ["fast"], 2.0)], [("save time", ["time"], 1.0)]])
        ['Busy Bella', 'Pragmatic Paula']
    """
    allocator = NameAllocator()
    return [
        allocator.name([_DESCRIPTOR_TABLE[family][1][0]] if family is not None else [])
        for family in _assign_families(theme_sets)
    ]


CONSUMER_DESCRIPTORS: frozenset[str] = frozenset(
    {"Frugal", "Discerning", "Green", "Health-conscious", "Family-focused", "Active", "Foodie"}
)
"""Families (by first descriptor) that speak of shoppers and consumers. The other families
(time, trust, research, tech, plans, habits ...) fit any study, so with ``naming="auto"`` only
these are evidence that shopper-style names fit."""

NEUTRAL_PHRASE_WORDS = 6
"""Words of the top defining theme's label kept in a neutral name."""


def descriptive_names_fit(theme_sets: Sequence[ThemeSet]) -> bool:
    """Whether shopper-style names fit: at least half of the personas with defining themes get a
    consumer family (:data:`CONSUMER_DESCRIPTORS`).

    Example:
        >>> descriptive_names_fit([[("wait for deals", ["deal"], 1.0)], [("plastic", ["plastic"], 1.0)]])
        True
        >>> descriptive_names_fit([[("code review takes time", ["review", "time"], 1.0)],
        ...                        [("deploy pipeline", ["deploy"], 1.0)]])
        False
    """
    described = [i for i, themes in enumerate(theme_sets) if themes]
    if not described:
        return False
    consumer = sum(
        1
        for family, themes in zip(_assign_families(theme_sets), theme_sets, strict=True)
        if themes and family is not None and _DESCRIPTOR_TABLE[family][1][0] in CONSUMER_DESCRIPTORS
    )
    return 2 * consumer >= len(described)


def _letter(number: int) -> str:
    """``A``..``Z``, then ``AA``, ``AB`` ... for the 27th persona on."""
    letters = string.ascii_uppercase
    return letters[number] if number < 26 else _letter(number // 26 - 1) + letters[number % 26]


def _phrase(label: str) -> str:
    words = label.strip().rstrip(".").split()
    phrase = " ".join(words[:NEUTRAL_PHRASE_WORDS])
    return phrase + ("…" if len(words) > NEUTRAL_PHRASE_WORDS else "")


@dataclass(frozen=True)
class PersonaName:
    """A persona's name and how its summary refers to it.

    Attributes:
        name: The full name (``"Frugal Fiona"``, ``"Persona A: Code review speed"``).
        subject: What the summary starts with (``"Fiona"``, ``"Persona A"``).
    """

    name: str
    subject: str


def choose_names(theme_sets: Sequence[ThemeSet], naming: NamingStyle = "auto") -> list[PersonaName]:
    """Names for several personas in one style: descriptive, neutral or chosen from the themes.

    Args:
        theme_sets: Per persona (in persona order), its defining themes as
            ``(label, keywords, weight)``; see :func:`name_personas`.
        naming: ``descriptive``: ``"Frugal Fiona"`` (:func:`name_personas`). ``neutral``:
            ``"Persona A: <label of the top defining theme>"`` (``"Persona A"`` without one).
            ``auto``: descriptive when :func:`descriptive_names_fit`, else neutral.

    Returns:
        One :class:`PersonaName` per persona, in the same order; the same input always gives
        the same names.

    Example:
        >>> [n.name for n in choose_names([[("Slow code reviews", ["review"], 1.0)], []])]
        ['Persona A: Slow code reviews', 'Persona B']
        >>> [n.subject for n in choose_names([[("wait for deals", ["deal"], 1.0)]])]
        ['Fiona']
    """
    if naming == "descriptive" or (naming == "auto" and descriptive_names_fit(theme_sets)):
        names = name_personas(theme_sets)
        return [PersonaName(name=name, subject=name.split(" ")[-1]) for name in names]
    chosen = []
    for number, themes in enumerate(theme_sets):
        subject = f"Persona {_letter(number)}"
        # the most defining theme: highest weight, the first one on ties
        top = max(themes, key=lambda theme: theme[2], default=None)
        phrase = _phrase(top[0]) if top is not None else ""
        chosen.append(
            PersonaName(name=f"{subject}: {phrase}" if phrase else subject, subject=subject)
        )
    return chosen


_SUMMARY_VERBS: dict[str, str] = {name: spec.summary_verb for name, spec in KINDS.items()}


def _clean_label(label: str) -> str:
    """A theme label quoted inside a sentence: its positional capital lowered, not a name's.

    Example:
        >>> _clean_label("Shipping costs."), _clean_label("TikTok and blogs"), _clean_label("SMS")
        ('“shipping costs”', '“TikTok and blogs”', '“SMS”')
    """
    label = label.strip().rstrip(".")
    first = label.split(" ", 1)[0]
    if len(label) > 1 and not any(c.isupper() for c in first[1:]):
        label = label[0].lower() + label[1:]
    return f"“{label}”"


def build_summary(
    first_name: str,
    size: int,
    share: float,
    labels_by_kind: dict[str, list[str]],
    kind_order: Sequence[str] = tuple(_SUMMARY_VERBS),
) -> str:
    """One paragraph from the defining theme labels per kind.

    Example:
        >>> build_summary("Fiona", 7, 0.35, {"goal": ["Wait for the sale"], "channel": ["newsletters"]})
        'Fiona (7 participants, 35%) wants “wait for the sale” and finds products via “newsletters”.'
    """
    clauses = []
    for kind in kind_order:
        labels = labels_by_kind.get(kind) or []
        if not labels:
            continue
        shown = [_clean_label(label) for label in labels[:2]]
        clauses.append(f"{_SUMMARY_VERBS.get(kind, kind)} {' and '.join(shown)}")
    head = f"{first_name} ({size} participant{'s' if size != 1 else ''}, {share:.0%})"
    if not clauses:
        return f"{head} shares no distinctive theme with enough participants to describe."
    if len(clauses) == 1:
        body = clauses[0]
    else:
        body = ", ".join(clauses[:-1]) + " and " + clauses[-1]
    return f"{head} {body}."


__all__ = [
    "CONSUMER_DESCRIPTORS",
    "FIRST_NAMES",
    "GENERIC_DESCRIPTORS",
    "NameAllocator",
    "PersonaName",
    "build_summary",
    "choose_names",
    "descriptive_names_fit",
    "descriptor_candidates",
    "name_personas",
]
