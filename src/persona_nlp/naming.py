"""Persona names and summaries: "Frugal Fiona" from the persona's defining theme.

A name is a first name plus a descriptor. The descriptor comes from the persona's defining
mindset or goal theme (then the other kinds): the theme's label and keywords are matched
against a curated table of common descriptors (deal/sale/price -> *Frugal*, quality/premium ->
*Discerning*, eco/sustainable -> *Green* ...); when nothing matches, the theme's first keyword
gives a generic ``<Keyword>-minded`` descriptor. The first name starts with the descriptor's
letter where the name list allows it (alliteration). Everything is deterministic, and no two
personas in one analysis get the same descriptor or first name.

Example:
    >>> descriptor_candidates("wait for a sale to get a deal", ["sale", "deal"])[:2]
    ['Frugal', 'Bargain-hunting']
    >>> NameAllocator().name(["Frugal"])
    'Frugal Fiona'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# (pattern matched against the label and keywords, descriptors to try in order).
# Multilingual cue stems (da/nb/nl/de/sv/id/vi) are included where they are short and safe.
_DESCRIPTOR_TABLE: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        r"\b(deal|deals|sale|sales|discount|cheap|cheaper|price|prices|pricing|save money|saving|"
        r"budget|coupon|offer|offers|bargain|afford|tilbud|billig|rabat|pris|korting|aanbieding|"
        r"goedkoop|murah|diskon|hemat|giam gia)\w*",
        ("Frugal", "Bargain-hunting", "Thrifty", "Budget-minded"),
    ),
    (
        r"\b(quality|premium|luxury|gourmet|craft|artisan|best|brand|brands|kvalitet|kwaliteit|"
        r"kualitas|chat luong)\w*",
        ("Discerning", "Premium", "Quality-first"),
    ),
    (
        r"\b(review|reviews|research|compare|comparison|rating|ratings|test|tests|read up|"
        r"anmeldelse|vergelijk|ulasan|danh gia)\w*",
        ("Researching", "Careful", "Thorough"),
    ),
    (
        r"\b(eco|green|sustainab|environment|planet|climate|organic|plastic|packaging|waste|"
        r"local|recycl|baeredygt|bæredygtig|miljø|milieu|duurzaam|ramah lingkungan|ben vung)\w*",
        ("Green", "Conscious", "Eco-minded"),
    ),
    (
        r"\b(convenien|fast|quick|quickly|time|busy|easy|hurry|speed|delivery|schedule|"
        r"hurtig|travl|snel|druk|cepat|sibuk|nhanh|ban ron)\w*",
        ("Busy", "Time-pressed", "Convenience-seeking"),
    ),
    (
        r"\b(health|healthy|fitness|nutrition|diet|protein|wellbeing|sund|gezond|sehat|suc khoe)\w*",
        ("Health-conscious", "Wholesome"),
    ),
    (
        r"\b(family|kids|children|parent|baby|familie|børn|gezin|kinderen|keluarga|anak)\w*",
        ("Family-focused", "Caring"),
    ),
    (
        r"\b(trust|safe|safety|secure|privacy|risk|tryg|sikker|veilig|aman)\w*",
        ("Cautious", "Safety-minded"),
    ),
    (
        r"\b(new|trend|trendy|latest|innovat|gadget|tech|technology|app|apps|nyt|nieuw|baru)\w*",
        ("Trend-seeking", "Tech-savvy", "Curious"),
    ),
    (
        r"\b(social|friends|community|recommend|word of mouth|influencer|instagram|tiktok)\w*",
        ("Social", "Connected"),
    ),
    (
        r"\b(loyal|habit|routine|familiar)\w*",
        ("Loyal", "Habitual"),
    ),
    (
        r"\b(simple|simplicity|minimal|less|fewer|declutter)\w*",
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

GENERIC_DESCRIPTORS: tuple[str, ...] = ("Pragmatic", "Everyday", "Balanced", "Curious", "Steady")
"""Used when no theme gives a descriptor (and for clashes)."""

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_STOPWORDS = frozenset(
    """the and for but not you your they them this that with from have has had was were are
    can could would should will just really very also about into more most much some what when
    where which while who why how all any our out get got too its it's than then there their
    want wants need needs like honestly well yes yeah okay sure think always never every
    jeg det der som har ikke med for til kan vil var meget være men min mit mine alt
    ik het een van dat niet met voor maar zijn mijn ook wel als
    und der die das nicht mit für ich ist aber auch
    yang dan untuk dengan tidak saya ini itu
    của và không tôi cho những các""".split()
)


def descriptor_candidates(label: str, keywords: Sequence[str] = ()) -> list[str]:
    """Descriptors for a theme, best first: curated matches, then ``<Keyword>-minded``.

    Args:
        label: The theme label.
        keywords: The theme keywords, most distinctive first.

    Example:
        >>> descriptor_candidates("plastic packaging", ["plastic"])[0]
        'Green'
        >>> descriptor_candidates("loyalty card points", ["loyalty"])[0]
        'Loyal'
        >>> descriptor_candidates("kayak paddles", ["kayak"])[-1]
        'Kayak-minded'
    """
    # keywords first: they are the theme's distinctive words; the label is the fallback text
    texts = [k for k in keywords if k] + [label]
    candidates: list[str] = []
    for text in texts:
        for pattern, words in _COMPILED:
            if pattern.search(text):
                candidates.extend(w for w in words if w not in candidates)
    for text in texts:
        word = next((w for w in _WORD.findall(text) if w.lower() not in _STOPWORDS), None)
        if word:
            generic = word.capitalize() + "-minded"
            if generic not in candidates:
                candidates.append(generic)
            break
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
        pool = [*candidates, *GENERIC_DESCRIPTORS]
        descriptor = next((d for d in pool if d not in self.used_descriptors), None)
        if descriptor is None:
            descriptor = f"{GENERIC_DESCRIPTORS[0]} {len(self.used_descriptors) + 1}"
        self.used_descriptors.add(descriptor)
        first = self._first_name(descriptor)
        self.used_first_names.add(first)
        return f"{descriptor} {first}"


_SUMMARY_VERBS: dict[str, str] = {
    "goal": "wants",
    "pain_point": "struggles with",
    "objection": "hesitates because of",
    "mindset": "believes in",
    "channel": "finds products via",
}


def _clean_label(label: str) -> str:
    label = label.strip().rstrip(".")
    if len(label) > 1 and not label[:2].isupper():
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
    "FIRST_NAMES",
    "GENERIC_DESCRIPTORS",
    "NameAllocator",
    "build_summary",
    "descriptor_candidates",
]
